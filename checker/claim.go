package checker

import (
	"github.com/relcheck/relcheck/checker/markup"
	"github.com/relcheck/relcheck/facts"
)

// Verdict is the outcome of checking one claim.
type Verdict string

// Verdicts, from best to worst news for the writer.
const (
	Supported    Verdict = "supported"
	Contradicted Verdict = "contradicted"
	Unknown      Verdict = "unknown"
)

// Claim kinds. More may be added.
const (
	KindVisit     = facts.Visit
	KindSummit    = facts.Summit
	KindAgreement = facts.Agreement
	KindRelations = facts.Relations
	KindOffice    = facts.OfficeKind
)

// Resolution says how a mention was tied to the record.
type Resolution string

// Ways a mention resolves, surest first.
const (
	ByName    Resolution = "exact"
	ByAlias   Resolution = "alias"
	BySurname Resolution = "surname"
	ByTitle   Resolution = "title"
	ByPronoun Resolution = "pronoun"
	ByContext Resolution = "context"
	ByFuzzy   Resolution = "fuzzy"
)

// Mention is a piece of a sentence tied to something in the record.
type Mention struct {
	Start      int        `json:"start"` // byte offsets in the sentence
	End        int        `json:"end"`
	Text       string     `json:"text"` // as written
	Kind       string     `json:"kind"` // "person", "place", "office", "event", "time"
	ID         string     `json:"id,omitempty"`
	How        Resolution `json:"resolved_by"`
	Confidence float64    `json:"confidence"`
}

// Time is when a claim says something happened, at the claim's precision.
type Time struct {
	Text     string
	When     facts.Interval
	Relative bool // resolved against an earlier time or the document date
}

// Mode says whether a claim is asserted.
type Mode string

// Modes. Only asserted claims can be supported or contradicted.
const (
	Asserted    Mode = "asserted"
	Question    Mode = "question"
	Conditional Mode = "conditional"
	Future      Mode = "future"
	Opinion     Mode = "opinion"
)

// Claim is one atomic claim: one predicate, one set of participants, one
// time, with its place in the input and, once checked, its verdict.
type Claim struct {
	Start, End markup.Position // the sentence's span in the original input
	Text       string          // the sentence
	Kind       string
	Subjects   []string // person ids
	From, To   string   // country ids (visits: where from and to)
	Places     []string // place ids named
	Time       Time
	Negated    bool
	Mode       Mode
	Quoted     bool      // inside quotation marks
	Speaker    string    // who is quoted, when the sentence says
	Office     []string  // office ids a title stands for (office claims)
	Ordinal    int       // 1 first, 2 second, …; -1 last
	Became     bool      // office claims: the person took office at the time
	Predicate  bool      // office claims: stated ("X was Premier in 1955"), not a title before a name
	Number     int       // summits: the number in the series
	Count      int       // "twice", "ten times"
	Recent     bool      // "most recently"
	Duration   int       // agreements: years ("for 20 years")
	EventID    string    // an event the sentence refers to ("this visit", a named treaty)
	Elsewhere  string    // a destination the record does not know ("Beijing")
	Other      bool      // summits: one outside the record's series (BRICS, SCO, informal)
	SignedAt   string    // agreements: the city the claim says it was signed in
	Unlisted   string    // agreements: a name the record does not list ("fisheries agreement", "agreement on fertiliser supplies")
	Phrase     string    // the words that made the claim (trigger), for reports
	Mentions   []Mention // the sentence's mentions, shared by its claims: read only

	times []facts.Interval // office claims: every time the title is used for

	Verdict     Verdict
	Confidence  float64
	Explanation string
	Correction  string
	Notes       []string
	Evidence    []Evidence
}

// Evidence is one fact used to reach a verdict.
type Evidence struct {
	Fact    string // record id
	Summary string
	Sources []string
}
