package checker

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/relcheck/relcheck/facts"
)

// Every claim's explanation, correction and evidence is written out, for
// hundreds of thousands of claims a run, so the words here are put together
// with appends and concatenation rather than fmt (which boxes each argument
// and parses its format every time), and what depends only on the record is
// written once per record (see recordTexts).

var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// fmtDate writes a date for people: "1955", "June 1955", "7 June 1955".
func fmtDate(d facts.Date) string {
	var buf [32]byte
	return string(appendDate(buf[:0], d))
}

// appendDate appends fmtDate's words to b.
func appendDate(b []byte, d facts.Date) []byte {
	switch d.Prec {
	case facts.Year:
		return strconv.AppendInt(b, int64(d.Y), 10)
	case facts.Month:
		b = append(b, monthNames[d.M]...)
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(d.Y), 10)
	case facts.Day:
		b = strconv.AppendInt(b, int64(d.D), 10)
		b = append(b, ' ')
		b = append(b, monthNames[d.M]...)
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(d.Y), 10)
	}
	return append(b, "an unknown date"...)
}

// fmtMonth writes a date at month precision at most: "December 1961".
func fmtMonth(d facts.Date) string {
	var buf [32]byte
	return string(appendMonth(buf[:0], d))
}

// appendMonth appends fmtMonth's words to b.
func appendMonth(b []byte, d facts.Date) []byte {
	if d.Prec == facts.Day {
		d.Prec = facts.Month
	}
	return appendDate(b, d)
}

// fmtInterval writes "7–23 June 1955", "18 November – 14 December 1955",
// "December 1961", "1955".
func fmtInterval(iv facts.Interval) string {
	var buf [64]byte
	return string(appendInterval(buf[:0], iv))
}

// appendInterval appends fmtInterval's words to b.
func appendInterval(b []byte, iv facts.Interval) []byte {
	from, to := iv.Start, iv.End
	switch {
	case from.IsZero() && to.IsZero():
		return append(b, "an unknown date"...)
	case to.IsZero():
		return appendDate(append(b, "from "...), from)
	case from.IsZero():
		return appendDate(append(b, "until "...), to)
	case from == to:
		return appendDate(b, from)
	case from.Prec == facts.Day && to.Prec == facts.Day && from.Y == to.Y && from.M == to.M:
		// "7–23 June 1955": the end's date holds the shared month and year
		b = strconv.AppendInt(b, int64(from.D), 10)
		b = append(b, "–"...)
		return appendDate(b, to)
	case from.Prec == facts.Day && to.Prec == facts.Day && from.Y == to.Y:
		// "18 November – 14 December 1955": likewise the year
		b = strconv.AppendInt(b, int64(from.D), 10)
		b = append(b, ' ')
		b = append(b, monthNames[from.M]...)
		b = append(b, " – "...)
		return appendDate(b, to)
	case from.Prec == facts.Year && to.Prec == facts.Year:
		b = strconv.AppendInt(b, int64(from.Y), 10)
		b = append(b, "–"...)
		return strconv.AppendInt(b, int64(to.Y), 10)
	case from.Prec == facts.Day && to.Prec == facts.Month && from.Y == to.Y && from.M == to.M:
		return append(appendDate(b, from), " (end not recorded)"...)
	}
	b = appendDate(b, from)
	b = append(b, " – "...)
	return appendDate(b, to)
}

// listAnd joins "a", "a and b", "a, b and c".
func listAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	n := len(" and ") + len(", ")*(len(items)-2)
	for _, s := range items {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range items {
		switch {
		case i == len(items)-1:
			b.WriteString(" and ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// countryName writes a country's name with "the" where English wants it.
func (c *Checker) countryName(id string) string {
	if n, ok := c.texts.countries[id]; ok {
		return n
	}
	return id
}

// theName is a place's name as countryName writes it.
func theName(p *facts.Place) string {
	n := p.Name
	if i := strings.LastIndexByte(n, ' '); i > 0 {
		switch n[i+1:] {
		case "Union", "Federation", "States", "Kingdom", "Republic", "Emirates", "Islands", "Netherlands":
			return "the " + n
		}
	}
	return n
}

func (c *Checker) personName(id string) string {
	if p := c.rec.Person(id); p != nil {
		return p.Name
	}
	return id
}

func (c *Checker) personNames(ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return c.personName(ids[0]) // most claims have one subject: no list to build
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = c.personName(id)
	}
	return listAnd(names)
}

func (c *Checker) officeName(id string) string {
	if o := c.rec.Office(id); o != nil {
		return o.Name
	}
	return id
}

func (c *Checker) placeName(id string) string {
	if p := c.rec.Place(id); p != nil {
		if p.Kind == "country" {
			return c.countryName(id)
		}
		return p.Name
	}
	return id
}

// describe summarises an event for evidence.
func (c *Checker) describe(e *facts.Event) string {
	return c.texts.summary(e, func() string { return c.describeEvent(e) })
}

// describeEvent writes describe's summary; describe keeps it for the record.
func (c *Checker) describeEvent(e *facts.Event) string {
	var b strings.Builder
	switch e.Kind {
	case facts.Visit:
		b.WriteString(c.personNames(e.Who))
		b.WriteString(" to ")
		b.WriteString(c.countryName(e.To))
		b.WriteString(", ")
		b.WriteString(fmtInterval(e.When))
		if len(e.Places) > 0 {
			b.WriteString(" (")
			b.WriteString(c.placeList(e.Places))
			b.WriteString(")")
		}
		if e.Title != "" {
			b.WriteString(": ")
			b.WriteString(e.Title)
		}
	case facts.Summit:
		b.WriteString(ordinalWord(e.Number))
		b.WriteString(" annual summit, ")
		b.WriteString(c.placeList(e.Places))
		b.WriteString(", ")
		b.WriteString(fmtInterval(e.When))
		b.WriteString(" (")
		b.WriteString(c.personNames(e.Who))
		b.WriteString(")")
	default:
		b.WriteString(e.Title)
		b.WriteString(", ")
		b.WriteString(fmtInterval(e.When))
		if len(e.Places) > 0 {
			b.WriteString(", ")
			b.WriteString(c.placeList(e.Places))
		}
		if e.Term > 0 {
			b.WriteString("; for ")
			b.WriteString(strconv.Itoa(e.Term))
			b.WriteString(" years")
		}
	}
	b.WriteString(" [")
	b.WriteString(e.Confidence.String())
	b.WriteString("]")
	return b.String()
}

func (c *Checker) placeList(ids []string) string {
	if len(ids) == 1 {
		return c.placeName(ids[0])
	}
	ps := make([]string, len(ids))
	for i, p := range ids {
		ps[i] = c.placeName(p)
	}
	return strings.Join(ps, ", ")
}

func ordinalWord(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(n) + suf
}

func ordinalText(n int) string {
	switch n {
	case -1:
		return "last"
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return ordinalWord(n)
}

func (c *Checker) evidence(e *facts.Event) Evidence {
	return Evidence{Fact: e.ID, Summary: c.describe(e), Sources: e.Sources}
}

func (c *Checker) termEvidence(t *facts.Term) Evidence {
	s := c.texts.summary(t, func() string {
		s := c.personName(t.Person) + ": " + c.officeName(t.Office) + ", " + fmtTerm(t)
		if t.Acting {
			s += " (acting)"
		}
		return s + " [" + t.Confidence.String() + "]"
	})
	return Evidence{Fact: t.ID, Summary: s, Sources: t.Sources}
}

// coverageEvidence cites a coverage row.
func (c *Checker) coverageEvidence(scope *facts.Scope) Evidence {
	s := c.texts.summary(scope, func() string { return "coverage: " + scope.Note })
	return Evidence{Fact: scope.ID, Summary: s, Sources: scope.Sources}
}

func fmtTerm(t *facts.Term) string {
	if t.When.End.IsZero() {
		return "from " + fmtDate(t.When.Start)
	}
	return fmtDate(t.When.Start) + " – " + fmtDate(t.When.End)
}

// during writes a time as a phrase: "in 1955", "in June 1955", "on 7 June
// 1955", "from 18 November to 14 December 1955".
func during(iv facts.Interval) string {
	var buf [64]byte
	return string(appendDuring(buf[:0], iv))
}

// appendDuring appends during's words to b.
func appendDuring(b []byte, iv facts.Interval) []byte {
	from, to := iv.Start, iv.End
	switch {
	case from == to && from.Prec == facts.Day:
		return appendDate(append(b, "on "...), from)
	case from == to:
		return appendDate(append(b, "in "...), from)
	case from.Prec == facts.Day && to.Prec == facts.Day && from.Y == to.Y && from.M == to.M:
		// "from 7 to 23 June 1955": the end's date holds the shared month and year
		b = strconv.AppendInt(append(b, "from "...), int64(from.D), 10)
		return appendDate(append(b, " to "...), to)
	case from.Prec == facts.Day && to.Prec == facts.Day && from.Y == to.Y:
		// "from 18 November to 14 December 1955": likewise the year
		b = strconv.AppendInt(append(b, "from "...), int64(from.D), 10)
		b = append(b, ' ')
		b = append(b, monthNames[from.M]...)
		return appendDate(append(b, " to "...), to)
	case from.Prec == facts.Year && to.Prec == facts.Year:
		b = strconv.AppendInt(append(b, "in "...), int64(from.Y), 10)
		b = append(b, "–"...)
		return strconv.AppendInt(b, int64(to.Y), 10)
	}
	b = appendDate(append(b, "from "...), from)
	return appendDate(append(b, " to "...), to)
}

// fromTo writes a term: "from 27 March 1958 to 14 October 1964", "from 7 May 2012".
func fromTo(t *facts.Term) string {
	if t.When.End.IsZero() {
		return "from " + fmtDate(t.When.Start)
	}
	return "from " + fmtDate(t.When.Start) + " to " + fmtDate(t.When.End)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c < utf8.RuneSelf {
		// ASCII, as every phrase of during is: no case tables needed
		if 'a' <= c && c <= 'z' {
			return string(rune(c-'a'+'A')) + s[1:]
		}
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// recordTexts holds the words the explanations use again and again about one
// record: each country's name, the summary of each event, term of office and
// coverage row cited as evidence, and the note on the start of relations.
// They depend only on the record, which never changes once loaded, so each is
// written the first time it is needed and then shared by every claim and
// every goroutine. The Checker holds them (New makes them).
type recordTexts struct {
	countries map[string]string // countryName, by place id; read only
	summaries sync.Map          // *facts.Event, *facts.Term or *facts.Scope → its summary

	relationsOnce  sync.Once
	relationsStart string // relationsStartNote
}

func newRecordTexts(rec *facts.Record) *recordTexts {
	tx := &recordTexts{countries: make(map[string]string, len(rec.Places))}
	for _, p := range rec.Places {
		tx.countries[p.ID] = theName(p)
	}
	return tx
}

// summary returns the summary kept for a fact of the record, writing it
// first if it is not kept yet.
func (tx *recordTexts) summary(fact any, write func() string) string {
	if s, ok := tx.summaries.Load(fact); ok {
		return s.(string)
	}
	s, _ := tx.summaries.LoadOrStore(fact, write())
	return s.(string)
}
