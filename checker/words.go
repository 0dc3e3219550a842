package checker

import (
	"fmt"
	"strings"

	"github.com/relcheck/relcheck/facts"
)

var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// fmtDate writes a date for people: "1955", "June 1955", "7 June 1955".
func fmtDate(d facts.Date) string {
	switch d.Prec {
	case facts.Year:
		return fmt.Sprint(d.Y)
	case facts.Month:
		return fmt.Sprintf("%s %d", monthNames[d.M], d.Y)
	case facts.Day:
		return fmt.Sprintf("%d %s %d", d.D, monthNames[d.M], d.Y)
	}
	return "an unknown date"
}

// fmtMonth writes a date at month precision at most: "December 1961".
func fmtMonth(d facts.Date) string {
	if d.Prec == facts.Day {
		d.Prec = facts.Month
	}
	return fmtDate(d)
}

// fmtInterval writes "7–23 June 1955", "18 November – 14 December 1955",
// "December 1961", "1955".
func fmtInterval(iv facts.Interval) string {
	a, b := iv.Start, iv.End
	switch {
	case a.IsZero() && b.IsZero():
		return "an unknown date"
	case b.IsZero():
		return "from " + fmtDate(a)
	case a.IsZero():
		return "until " + fmtDate(b)
	case a == b:
		return fmtDate(a)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("%d–%d %s %d", a.D, b.D, monthNames[a.M], a.Y)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y:
		return fmt.Sprintf("%d %s – %d %s %d", a.D, monthNames[a.M], b.D, monthNames[b.M], a.Y)
	case a.Prec == facts.Year && b.Prec == facts.Year:
		return fmt.Sprintf("%d–%d", a.Y, b.Y)
	case a.Prec == facts.Day && b.Prec == facts.Month && a.Y == b.Y && a.M == b.M:
		return fmtDate(a) + " (end not recorded)"
	}
	return fmtDate(a) + " – " + fmtDate(b)
}

// listAnd joins "a", "a and b", "a, b and c".
func listAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// countryName writes a country's name with "the" where English wants it.
func (c *Checker) countryName(id string) string {
	p := c.rec.Place(id)
	if p == nil {
		return id
	}
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
	var names []string
	for _, id := range ids {
		names = append(names, c.personName(id))
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
	var b strings.Builder
	switch e.Kind {
	case facts.Visit:
		fmt.Fprintf(&b, "%s to %s, %s", c.personNames(e.Who), c.countryName(e.To), fmtInterval(e.When))
		if len(e.Places) > 0 {
			var ps []string
			for _, p := range e.Places {
				ps = append(ps, c.placeName(p))
			}
			fmt.Fprintf(&b, " (%s)", strings.Join(ps, ", "))
		}
		if e.Title != "" {
			fmt.Fprintf(&b, ": %s", e.Title)
		}
	case facts.Summit:
		fmt.Fprintf(&b, "%s annual summit, %s, %s (%s)", ordinalWord(e.Number), c.placeList(e.Places), fmtInterval(e.When), c.personNames(e.Who))
	default:
		fmt.Fprintf(&b, "%s, %s", e.Title, fmtInterval(e.When))
		if len(e.Places) > 0 {
			fmt.Fprintf(&b, ", %s", c.placeList(e.Places))
		}
		if e.Term > 0 {
			fmt.Fprintf(&b, "; for %d years", e.Term)
		}
	}
	fmt.Fprintf(&b, " [%s]", e.Confidence)
	return b.String()
}

func (c *Checker) placeList(ids []string) string {
	var ps []string
	for _, p := range ids {
		ps = append(ps, c.placeName(p))
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
	return fmt.Sprintf("%d%s", n, suf)
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
	s := fmt.Sprintf("%s: %s, %s", c.personName(t.Person), c.officeName(t.Office), fmtTerm(t))
	if t.Acting {
		s += " (acting)"
	}
	return Evidence{Fact: t.ID, Summary: s + " [" + t.Confidence.String() + "]", Sources: t.Sources}
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
	a, b := iv.Start, iv.End
	switch {
	case a == b && a.Prec == facts.Day:
		return "on " + fmtDate(a)
	case a == b:
		return "in " + fmtDate(a)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("from %d to %d %s %d", a.D, b.D, monthNames[a.M], a.Y)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y:
		return fmt.Sprintf("from %d %s to %d %s %d", a.D, monthNames[a.M], b.D, monthNames[b.M], a.Y)
	case a.Prec == facts.Year && b.Prec == facts.Year:
		return fmt.Sprintf("in %d–%d", a.Y, b.Y)
	}
	return "from " + fmtDate(a) + " to " + fmtDate(b)
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
	return strings.ToUpper(s[:1]) + s[1:]
}
