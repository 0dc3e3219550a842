package checker

import (
	"fmt"
	"testing"

	"github.com/relcheck/relcheck/facts"
)

// oracleVisit is the slow, obvious matcher: scan every event of the record
// for a visit by the person to the country overlapping the year.
func oracleVisit(rec *facts.Record, person, country string, year int) Verdict {
	when := facts.Interval{Start: facts.Date{Y: year, Prec: facts.Year}, End: facts.Date{Y: year, Prec: facts.Year}}
	decisive, weak := false, false
	for _, e := range rec.Events {
		if e.Kind != facts.Visit || !e.Involves(person) || !e.When.Overlaps(when) {
			continue
		}
		if !rec.SameCountry(country, e.To) && !rec.SameCountry(e.To, country) {
			continue
		}
		if e.Confidence >= facts.Medium {
			decisive = true
		} else {
			weak = true
		}
	}
	switch {
	case decisive:
		return Supported
	case weak:
		return Unknown
	}
	p := rec.Person(person)
	from := p.Country
	if ok, _ := rec.Covered(facts.Visit, person, from, country, when); ok {
		return Contradicted
	}
	return Unknown
}

// TestIndexedMatcherAgreesWithOracle writes "X visited C in Y." for every
// person, both countries and every year, and checks the checker's verdict
// against the oracle's.
func TestIndexedMatcherAgreesWithOracle(t *testing.T) {
	c := newDefaultChecker(t)
	rec := c.Record()
	countries := map[string]string{"india": "India", "ussr": "the Soviet Union", "russia": "Russia"}
	n, disagree := 0, 0
	for _, p := range rec.People {
		for id, name := range countries {
			for year := 1950; year <= 2025; year++ {
				if id == "ussr" && year > 1991 || id == "russia" && year < 1992 || p.Country == id || (id != "india" && p.Country != "india") {
					continue
				}
				text := fmt.Sprintf("%s visited %s in %d.", p.Name, name, year)
				claims := c.CheckString(text, Input{})
				if len(claims) != 1 {
					t.Errorf("%q: %d claims, want 1", text, len(claims))
					continue
				}
				n++
				if want := oracleVisit(rec, p.ID, id, year); claims[0].Verdict != want {
					disagree++
					if disagree <= 10 {
						t.Errorf("%q: checker %s, oracle %s (%s)", text, claims[0].Verdict, want, claims[0].Explanation)
					}
				}
			}
		}
	}
	if n < 3000 {
		t.Errorf("only %d sentences checked", n)
	}
	t.Logf("%d sentences, %d disagreements", n, disagree)
}
