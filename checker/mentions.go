package checker

import (
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/relcheck/relcheck/internal/edit"
)

// ment is a mention found in a sentence, by token indexes.
type ment struct {
	start, end int // token indexes, end exclusive
	kind       string
	ids        []string
	how        Resolution
	conf       float64
	who        *person // persons: who, ids[0]
	isCountry  bool    // places and adjectives: ids[0] is a country
	// offices: the qualifiers written with the title
	country string // "Soviet", "India's", "of the USSR" → place id
	ordinal int
	// persons: an attached title (index into the mentions), -1 if none
	title int
	// the title is predicated: "X became Premier" (became), "X was Premier"
	// (predicate): a statement about the office, never read as a current title
	became, predicate bool
	// events: the event's name or keyword stands where a visit's destination
	// goes ("visited Kudankulam"), or a keyword follows a preposition of
	// place ("in Kudankulam"): a place, naming no agreement
	asPlace bool
}

// placePrepositions, before an agreement's keyword, make it the place it is
// named after.
var placePrepositions = set("in at near")

// confidence is how sure a resolution is.
func confidence(how Resolution) float64 {
	switch how {
	case ByName:
		return 1
	case ByAlias:
		return 0.95
	case BySurname:
		return 0.9
	case ByTitle, ByPronoun:
		return 0.85
	case ByContext:
		return 0.8
	case ByFuzzy:
		return 0.7
	}
	return 0
}

// findMentions matches the lexicon's phrases, longest first, and tries
// capitalised unknown words against names within a small edit distance.
//
// The mentions go into the document's reusable buffer: they are valid until
// the next sentence (no claim keeps one).
func (c *Checker) findMentions(toks []token, times []timeExpr, st *docState) []ment {
	var inTime []bool // nil: no time in the sentence
	if len(times) > 0 {
		inTime = slices.Grow(st.inTime[:0], len(toks))[:len(toks)]
		clear(inTime)
		st.inTime = inTime
	}
	for _, t := range times {
		for k := t.start; k < t.end && k < len(toks); k++ {
			inTime[k] = true
		}
	}
	out := st.ments[:0]
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		// a mention begins at a word that begins a phrase, a capitalised
		// word long enough to be a misspelt name (see fuzzyPerson), or a
		// pronoun; most words are none of them (and no punctuation is)
		if !t.is(clsPhrase|clsPronoun) && !(t.cap && len(t.norm) >= fuzzyMinLen) || inTime != nil && inTime[i] {
			continue
		}
		if t.is(clsPhrase) {
			var n int
			if out, n = c.phraseAt(out, toks, i, st); n > 0 {
				i += n - 1
				continue
			}
		}
		if t.cap && len(t.norm) >= fuzzyMinLen {
			if p := c.fuzzyPersonOf(*t); p != nil {
				out = append(out, personMent(i, p, ByFuzzy))
				continue
			}
		}
		if t.is(clsPronoun) {
			if p := st.lastOf(pronouns[t.norm]); p != nil {
				out = append(out, personMent(i, p, ByPronoun))
			}
		}
	}
	st.ments = out[:0]
	return out
}

// phraseAt matches the lexicon's phrases that begin at toks[i], longest
// first, and appends the mention of the first that holds to out; n is how
// many tokens it covers, 0 when none holds (out is then unchanged).
func (c *Checker) phraseAt(out []ment, toks []token, i int, st *docState) ([]ment, int) {
	first := &toks[i]
	phrases := first.info.phrases
	for k := range phrases {
		ph := &phrases[k]
		n := ph.match(toks[i:])
		if n == 0 {
			continue
		}
		for x := range ph.entries {
			e := &ph.entries[x]
			m := ment{start: i, end: i + n, kind: e.kind, ids: e.ids, how: e.how, conf: e.conf, isCountry: e.isCountry, title: -1}
			switch e.kind {
			case "person":
				if !first.cap {
					continue // names are written with capitals
				}
				m.who = e.who[0]
				if len(e.who) > 1 {
					if m.who = st.recentOf(e.who); m.who == nil {
						continue // an ambiguous surname nobody was named by yet
					}
					m.ids, m.how, m.conf = m.who.ids, ByContext, confidence(ByContext)
				}
			case "office":
				if n == 1 && !first.cap && !titleWordLower[first.norm] {
					continue // a title word in lower case, not one of those that count
				}
			case "event":
				if e.keyword && !first.cap {
					continue // a keyword in lower case: a common noun (see addKeywords)
				}
				// "signed in Kudankulam": a keyword after a preposition of place
				// is the place it is named after
				m.asPlace = e.keyword && i > 0 && placePrepositions[toks[i-1].norm]
			}
			return append(out, m), n
		}
	}
	return out, 0
}

// personMent is the mention of a person at toks[i], resolved as how says.
func personMent(i int, p *person, how Resolution) ment {
	return ment{start: i, end: i + 1, kind: "person", ids: p.ids, how: how, conf: confidence(how), who: p, title: -1}
}

// Title words that count as titles in lower case too ("the Soviet premier").
var titleWordLower = map[string]bool{"premier": true, "leader": true, "president": true, "chairman": true}

// fuzzyPerson takes a capitalised word the lexicon does not know for a
// misspelt single-word name ("Krushchev", "Brezhnyev"), within one edit (two
// for long names), never for a common word or a word the record uses.
//
// The answer depends on the word alone, and the same capitalised words come
// back sentence after sentence ("Officials", "Historians"), so answers are
// remembered (see fuzzyMemo). The answer is the person's id, or "".
func (c *Checker) fuzzyPerson(t token) string {
	if p := c.fuzzyPersonOf(t); p != nil {
		return p.ids[0]
	}
	return ""
}

// fuzzyPersonOf is fuzzyPerson's person, or nil.
func (c *Checker) fuzzyPersonOf(t token) *person {
	if t.punct || !t.cap || len(t.norm) < fuzzyMinLen {
		return nil // fewer bytes: fewer runes
	}
	if !c.lex.fuzzyMay(t.norm) {
		return nil
	}
	slot := c.fuzzyMemo.slot(t.norm)
	if a := slot.Load(); a != nil && a.word == t.norm {
		return a.who
	}
	var who *person
	if id := c.fuzzyLookup(t.norm); id != "" {
		who = c.lex.people[id]
	}
	slot.Store(&fuzzyAnswer{word: strings.Clone(t.norm), who: who}) // the norm shares its sentence's memory
	return who
}

// fuzzyMinLen: a word of fewer runes is never taken for a misspelt name,
// and a word of fewer bytes has fewer runes.
const fuzzyMinLen = 6

// fuzzyMemo remembers fuzzyPerson's answers, shared by every document. It
// is a cache of fuzzyMemoSize slots, one answer each, the slot picked by a
// hash of the word: a word that finds another in its slot is looked up
// again and takes the slot. Its reads, one per capitalised word of a
// sentence, take no lock and make no allocation (a sync.Map keyed by the
// word did both: it boxed each word in an interface); the answers, once
// stored, are never changed, only replaced.
type fuzzyMemo struct {
	slots [fuzzyMemoSize]atomic.Pointer[fuzzyAnswer]
}

// fuzzyMemoSize is a power of two: more slots than the distinct capitalised
// words of most corpora that pass fuzzyMay.
const fuzzyMemoSize = 1 << 14

type fuzzyAnswer struct {
	word string  // the word asked (a normal form)
	who  *person // fuzzyLookup's answer, nil for none
}

func (m *fuzzyMemo) slot(w string) *atomic.Pointer[fuzzyAnswer] {
	return m.at(wordHash(wordPrefix(w), len(w), w[len(w)-1]))
}

// at is the slot of the word whose wordHash is h.
func (m *fuzzyMemo) at(h uint64) *atomic.Pointer[fuzzyAnswer] {
	return &m.slots[h>>(64-bits.TrailingZeros(fuzzyMemoSize))]
}

// fuzzyMay is false when no name is within fuzzyLookup's distance of an
// ASCII word by length alone: an edit distance is at least the difference
// in length. It answers most capitalised words without the memo.
func (lx *lexicon) fuzzyMay(norm string) bool {
	for k := 0; k < len(norm); k++ {
		if norm[k] >= utf8.RuneSelf {
			return true // its length in runes is not its length in bytes
		}
	}
	return lx.fuzzyLens[norm[0]]&lengthBit(len(norm)) != 0
}

// lengthBit is a length as a bit of a mask (bit 63 stands for 63 and longer).
func lengthBit(n int) uint64 { return 1 << min(n, 63) }

// fuzzyMaxDistance is how far fuzzyLookup looks from a word of n runes.
func fuzzyMaxDistance(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

func (c *Checker) fuzzyLookup(norm string) string {
	n := utf8.RuneCountInString(norm)
	if n < fuzzyMinLen || c.lex.vocab[norm] || strings.ContainsAny(norm, "0123456789") {
		return ""
	}
	maxD := fuzzyMaxDistance(n)
	best, bestD, ties := "", maxD+1, 0
	for _, name := range c.lex.byLetter[norm[0]] {
		ids := c.lex.fuzzy[name]
		if !fuzzyCandidate(name, ids) || strings.HasPrefix(name, norm) || strings.HasPrefix(norm, name) {
			continue // "Kelly" is not a misspelt "Kell": a longer or shorter name is another name
		}
		d := edit.Distance(norm, name, maxD)
		switch {
		case d < bestD:
			best, bestD, ties = ids[0], d, 1
		case d == bestD && ids[0] != best:
			ties++
		}
	}
	if bestD > maxD || ties != 1 {
		return ""
	}
	return best
}

// fuzzyCandidate: may a misspelt word be taken for this name? Only a name
// of one person, of six bytes or more.
func fuzzyCandidate(name string, ids []string) bool { return len(ids) == 1 && len(name) >= 6 }
