package checker

import (
	"errors"
	"io"
	"strings"

	"github.com/relcheck/relcheck/checker/markup"
	"github.com/relcheck/relcheck/facts"
)

// Options tune a Checker.
type Options struct {
	// MinConfidence: a decisive verdict on a claim whose mentions were
	// resolved with less confidence becomes unknown, with the reason.
	MinConfidence float64
	// OmitMentions leaves Claim.Mentions nil, for a caller that does not
	// report them: on an archive they are a sixth of the memory the claims
	// take. The verdicts are the same either way.
	OmitMentions bool
}

// Checker checks text against one record. It is safe for concurrent use:
// each document keeps its own state.
type Checker struct {
	rec       *facts.Record
	lex       *lexicon
	opts      Options
	texts     *recordTexts // the explanations' recurring words about the record
	fuzzyMemo *fuzzyMemo   // fuzzyPerson's answers
	// the record's agreements, in record order: what an agreement claim
	// that names none is checked against
	agreements []*facts.Event
	// their titles and names as phrase keys, each between spaces, one after
	// another between bars: where the subject written after an unnamed
	// agreement is looked for, in one search
	agreementNames []byte
	agreementWords map[string]bool // the words of those names
}

// New builds a Checker: it learns every name, title and place of the record.
func New(rec *facts.Record, opts Options) *Checker {
	c := &Checker{rec: rec, lex: newLexicon(rec), opts: opts, texts: newRecordTexts(rec), fuzzyMemo: new(fuzzyMemo), agreementWords: map[string]bool{}}
	for _, e := range rec.Events {
		if e.Kind == facts.Agreement {
			c.agreements = append(c.agreements, e)
			for _, name := range append([]string{e.Title}, e.Names...) {
				key := phraseKey(name)
				c.agreementNames = append(c.agreementNames, "| "+key+" "...)
				for w := range strings.FieldsSeq(key) {
					c.agreementWords[w] = true
				}
			}
		}
	}
	return c
}

// Record returns the record the checker uses.
func (c *Checker) Record() *facts.Record { return c.rec }

// Input describes one document to check.
type Input struct {
	Format markup.Format
	Date   facts.Date // the document's date; zero: read it from the document

	// Pipelined reads the document and splits its sentences into words in a
	// goroutine of its own, a few blocks ahead of the checking: a long
	// document then keeps two cores busy. The claims are the same either
	// way; for a short document the goroutine only costs.
	Pipelined bool
}

// Check reads a document and calls emit with each claim, checked, in the
// order of the text. It streams: claims are emitted as their sentences are
// read. An error from emit stops the check and is returned. Check does not
// read r after it returns, pipelined or not.
func (c *Checker) Check(r io.Reader, in Input, emit func(*Claim) error) error {
	rd := markup.NewReader(r, in.Format)
	next, stop := c.serialBlocks(rd)
	if in.Pipelined {
		next, stop = c.pipelinedBlocks(rd)
	}
	defer stop()
	var st *docState
	defer func() {
		if st != nil {
			st.release()
		}
	}()
	var sup suppression
	for {
		p, err := next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		b := p.b
		if st == nil {
			date := in.Date
			if date.IsZero() {
				if d, err := facts.ParseDate(p.date); err == nil {
					date = d
				}
			}
			st = newDocState(date)
		}
		if b.Kind == markup.Directive {
			sup.directive(b.Text, b.Position(len(b.Text)).Line)
			continue
		}
		from := 0
		for k, seg := range b.Segments {
			text := b.Text[seg.Start:seg.End]
			toks := p.toks[from:p.ends[k]]
			from = p.ends[k]
			claims := c.checkSentence(text, toks, st)
			if len(claims) == 0 {
				continue
			}
			start, end := b.Position(seg.Start), b.EndPosition(seg.End)
			if sup.skip(text, start.Line, end.Line) {
				continue
			}
			for _, cl := range claims {
				cl.Start, cl.End = start, end
				if err := emit(cl); err != nil {
					return err
				}
			}
		}
	}
}

// CheckString checks a text held in memory and returns its claims.
func (c *Checker) CheckString(text string, in Input) []*Claim {
	var out []*Claim
	_ = c.Check(strings.NewReader(text), in, func(cl *Claim) error {
		out = append(out, cl)
		return nil
	})
	return out
}

// checkSentence parses one sentence and judges its claims: events first, so
// that titles in the same sentence are read at the event's dates.
func (c *Checker) checkSentence(text string, toks []token, st *docState) []*Claim {
	claims := c.parseTokens(text, toks, st)
	if len(st.sentenceEvents) > 0 {
		clear(st.sentenceEvents)
	}
	for _, cl := range claims {
		c.judge(cl, st)
		if cl.EventID != "" && !strings.Contains(cl.EventID, "|") && (cl.Kind == KindVisit || cl.Kind == KindSummit) {
			st.noteEvent(cl.Kind, cl.EventID)
			for _, s := range cl.Subjects {
				key := cl.Kind + "/" + s
				if st.sentenceEvents[key] == "" {
					st.sentenceEvents[key] = cl.EventID
				} else {
					st.sentenceEvents[key] += "|" + cl.EventID
				}
			}
		}
	}
	return claims
}

// suppression follows the text's own instructions to skip claims:
// <!-- relcheck-disable-next-line -->, <!-- relcheck-disable --> …
// <!-- relcheck-enable -->, and "relcheck:ignore" written in a sentence.
type suppression struct {
	disabled bool
	nextLine int // skip sentences on this line
}

// Directive words, as written in comments.
const (
	disableNextLine = "relcheck-disable-next-line"
	disableAll      = "relcheck-disable"
	enableAll       = "relcheck-enable"
	ignoreMark      = "relcheck:ignore"
)

func (s *suppression) directive(text string, line int) {
	switch strings.TrimSpace(text) {
	case disableNextLine:
		s.nextLine = line + 1
	case disableAll:
		s.disabled = true
	case enableAll:
		s.disabled = false
	}
}

func (s *suppression) skip(sentence string, startLine, endLine int) bool {
	return s.disabled || (s.nextLine >= startLine && s.nextLine <= endLine) || hasIgnoreMark(sentence)
}

// hasIgnoreMark is strings.Contains(sentence, ignoreMark), which every
// sentence with a claim is asked. It looks for the mark's colon, a byte
// that prose seldom holds and that strings.IndexByte finds many bytes at a
// time, where strings.Contains would stop at every "r", the mark's first
// byte.
func hasIgnoreMark(sentence string) bool {
	colon := strings.IndexByte(ignoreMark, ':')
	for from := 0; ; {
		i := strings.IndexByte(sentence[from:], ':')
		if i < 0 {
			return false
		}
		i += from
		if i >= colon && strings.HasPrefix(sentence[i-colon:], ignoreMark) {
			return true
		}
		from = i + 1
	}
}
