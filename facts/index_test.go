package facts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The queries as they were before the record was indexed: every call scans
// the rows and terms. They are the specification the indexed queries are
// checked against, result for result, down to the order of slices and which
// row decides.

func refCovered(r *Record, kind, person, from, to string, when Interval) (bool, *Scope) {
	var personal []*Scope
	var general *Scope
	var partial *Scope
	for _, s := range r.Coverage {
		if s.Kind != kind || !s.Period.Overlaps(when) || !refCountryIn(r, from, s.From) || !refCountryIn(r, to, s.To) {
			continue
		}
		switch {
		case s.Who == "person:"+person && person != "":
			personal = append(personal, s)
		case s.Who == "":
			if s.Complete && when.Within(s.Period) {
				general = s
			} else if partial == nil {
				partial = s
			}
		case len(s.Who) > 7 && s.Who[:7] == "office:" && person != "":
			if !refHeldDuring(r, person, s.Who[7:], s.Period) {
				continue
			}
			if s.Complete && when.Within(s.Period) {
				if general == nil {
					general = s
				}
			} else if partial == nil {
				partial = s
			}
		}
	}
	if len(personal) > 0 {
		var inside *Scope
		for _, s := range personal {
			if !s.Complete {
				return false, s
			}
			if when.Within(s.Period) {
				inside = s
			}
		}
		if inside != nil {
			return true, inside
		}
	}
	if general != nil {
		return true, general
	}
	return false, partial
}

func refCountryIn(r *Record, c string, list []string) bool {
	if len(list) == 0 || c == "" {
		return true
	}
	for _, x := range list {
		if r.SameCountry(c, x) || r.SameCountry(x, c) {
			return true
		}
	}
	return false
}

func refHeldDuring(r *Record, person, office string, when Interval) bool {
	for _, t := range refHolders(r, office, when) {
		if t.Person == person {
			return true
		}
	}
	return false
}

func refOfficeCovered(r *Record, office string, when Interval) (bool, *Scope) {
	var partial *Scope
	for _, s := range r.Coverage {
		if s.Kind != OfficeKind || s.Who != "office:"+office || !s.Period.Overlaps(when) {
			continue
		}
		if s.Complete && when.Within(s.Period) {
			return true, s
		}
		partial = s
	}
	return false, partial
}

func refTermsAt(r *Record, person string, when Interval) []*Term {
	p := r.people[person]
	if p == nil {
		return nil
	}
	var out []*Term
	for _, t := range p.Terms {
		if r.termSpan(t).Overlaps(when) {
			out = append(out, t)
		}
	}
	return out
}

func refHolders(r *Record, office string, when Interval) []*Term {
	var out []*Term
	for _, o := range refExpand(r, office) {
		for _, t := range r.offices[o].Terms {
			if r.termSpan(t).Overlaps(when) {
				out = append(out, t)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].When.Lo() < out[j].When.Lo() })
	return out
}

func refExpand(r *Record, office string) []string {
	o := r.offices[office]
	if o == nil {
		return nil
	}
	if len(o.Includes) == 0 {
		return []string{office}
	}
	return o.Includes
}

// sameList reports whether two query results are equal, nil-ness included.
func sameList[T comparable](a, b []T) bool {
	return (a == nil) == (b == nil) && slices.Equal(a, b)
}

func termIDs(ts []*Term) []string {
	var ids []string
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return ids
}

func scopeID(s *Scope) string {
	if s == nil {
		return "<nil>"
	}
	return s.ID
}

// testIntervals spans every year 1940–2030, months and days across it, open
// and wide ranges (grid), and the days around every date the record's terms
// and coverage rows begin or end, where an off-by-one would show (edges).
func testIntervals(r *Record) (grid, edges []Interval) {
	y := func(y int) Date { return Date{Y: y, Prec: Year} }
	m := func(y, m int) Date { return Date{Y: y, M: m, Prec: Month} }
	for year := 1940; year <= 2030; year++ {
		grid = append(grid, Interval{y(year), y(year)})
		month := 1 + year%12
		grid = append(grid, Interval{m(year, month), m(year, month)})
		if year%5 == 0 {
			grid = append(grid,
				Interval{Date{Y: year, M: 6, D: 15, Prec: Day}, Date{Y: year, M: 6, D: 15, Prec: Day}},
				Interval{y(year), y(year + 9)},
				Interval{m(year, 3), Date{Y: year + 2, M: 10, D: 1, Prec: Day}},
				Interval{Start: y(year)},
				Interval{End: y(year)})
		}
	}
	grid = append(grid, Interval{}, Interval{y(1900), y(2100)}, Interval{y(1947), y(1991)}, Interval{y(1991), y(2025)})
	var dates []Date
	for _, t := range r.Terms {
		dates = append(dates, t.When.Start, t.When.End)
	}
	for _, s := range r.Coverage {
		dates = append(dates, s.Period.Start, s.Period.End)
	}
	dates = append(dates, r.AsOf)
	for _, x := range dates {
		if x.IsZero() {
			continue
		}
		for _, n := range []DayNum{x.First() - 1, x.First(), x.Last(), x.Last() + 1} {
			edges = append(edges, Interval{DateOf(n), DateOf(n)})
		}
		edges = append(edges, Interval{x, x}, Interval{Start: x}, Interval{End: x})
	}
	return grid, edges
}

// checkIndexed compares every indexed query with its reference over the
// record's people, offices, kinds and countries and the intervals: all of
// them for the term queries, and for Covered, which has many more arguments
// to vary, the grid and a random sample of the edges.
func checkIndexed(t *testing.T, r *Record, rng *rand.Rand) {
	t.Helper()
	failures := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if failures++; failures <= 20 {
			t.Errorf(format, args...)
		}
	}
	// each event's days, read by Parse, are its interval's
	for _, e := range append(slices.Clone(r.Events), &Event{When: Interval{End: Date{Y: 1990, Prec: Year}}}) {
		w := e.When
		want := Days{Lo: w.Lo(), Hi: w.Hi(), StartFirst: w.Start.First(), StartLast: w.Start.Last(), EndFirst: w.End.First(), EndLast: w.End.Last()}
		if got := e.Days(); got != want {
			fail("event %q: Days() = %+v; its interval says %+v", e.ID, got, want)
		}
	}
	// CountryAt, with the days of each place's spans read by Parse, answers
	// as a scan of the spans' intervals, on and around every span's ends
	for _, p := range r.Places {
		for _, in := range p.In {
			for _, d := range []DayNum{in.When.Lo(), in.When.Hi()} {
				for _, day := range []DayNum{d - 1, d, d + 1} {
					want := ""
					if p.Kind == "country" {
						want = p.ID
					} else {
						for _, in := range p.In {
							if in.When.Lo() <= day && day <= in.When.Hi() {
								want = in.Country
								break
							}
						}
					}
					if got := r.CountryAt(p.ID, day); got != want {
						fail("CountryAt(%q, %d) = %q; the scan says %q", p.ID, day, got, want)
					}
				}
			}
		}
	}
	offices := []string{"", "no-such-office"}
	for _, o := range r.Offices {
		offices = append(offices, o.ID)
	}
	people := []string{"", "no-such-person"}
	for _, p := range r.People {
		people = append(people, p.ID)
	}
	countries := []string{"", "no-such-place"}
	city := false
	for _, p := range r.Places {
		if p.Kind == "country" || !city { // every country, and a city
			countries = append(countries, p.ID)
			city = city || p.Kind == "city"
		}
	}
	kinds := append(slices.Clone(coverageKinds), "no-such-kind")
	pick := func(list []string) string { return list[rng.IntN(len(list))] }

	for _, o := range offices {
		if got, want := r.Expand(o), refExpand(r, o); !sameList(got, want) {
			fail("Expand(%q) = %q, want %q", o, got, want)
		}
	}
	grid, edges := testIntervals(r)
	for _, iv := range slices.Concat(grid, edges) {
		for _, o := range offices {
			if got, want := r.Holders(o, iv), refHolders(r, o, iv); !sameList(got, want) {
				fail("Holders(%q, %s) = %q, want %q", o, iv, termIDs(got), termIDs(want))
			}
			gotOK, gotS := r.OfficeCovered(o, iv)
			wantOK, wantS := refOfficeCovered(r, o, iv)
			if gotOK != wantOK || gotS != wantS {
				fail("OfficeCovered(%q, %s) = %v, %s; want %v, %s", o, iv, gotOK, scopeID(gotS), wantOK, scopeID(wantS))
			}
		}
		for _, p := range people {
			if got, want := r.TermsAt(p, iv), refTermsAt(r, p, iv); !sameList(got, want) {
				fail("TermsAt(%q, %s) = %q, want %q", p, iv, termIDs(got), termIDs(want))
			}
		}
	}
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	for _, iv := range slices.Concat(grid, edges[:min(len(edges), 150)]) {
		// Covered over every kind and person, from their own country (as
		// the checker asks) and, for a sample, between any two countries.
		for _, kind := range kinds {
			for _, p := range people {
				from := ""
				if x := r.Person(p); x != nil {
					from = x.Country
				}
				pairs := [][2]string{{"", ""}, {from, ""},
					{from, pick(countries)}, {pick(countries), pick(countries)}}
				for _, pair := range pairs {
					gotOK, gotS := r.Covered(kind, p, pair[0], pair[1], iv)
					wantOK, wantS := refCovered(r, kind, p, pair[0], pair[1], iv)
					if gotOK != wantOK || gotS != wantS {
						fail("Covered(%q, %q, %q, %q, %s) = %v, %s; want %v, %s", kind, p, pair[0], pair[1], iv, gotOK, scopeID(gotS), wantOK, scopeID(wantS))
					}
				}
			}
		}
	}
	if failures > 20 {
		t.Errorf("… and %d more differences", failures-20)
	}
}

// TestIndexedQueriesDefault: over the default record the indexed queries give
// exactly what the scans gave.
func TestIndexedQueriesDefault(t *testing.T) {
	r := defaultRecord(t)
	checkIndexed(t, r, rand.New(rand.NewPCG(1, 2)))
}

// TestIndexedQueriesNorland: the same over the made-up test record.
func TestIndexedQueriesNorland(t *testing.T) {
	files, err := ReadFiles("../testdata/records/norland")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	checkIndexed(t, r, rand.New(rand.NewPCG(3, 4)))
}

// TestIndexedQueriesRandom: the same over random records made to stress what
// the index must keep: several rows of a kind naming no one, an office or a
// person, complete and partial, interleaved in record order; loose offices
// whose included offices' terms overlap or tie at the start; open terms and
// periods; countries with successors.
func TestIndexedQueriesRandom(t *testing.T) {
	n := 40
	if testing.Short() {
		n = 5
	}
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 99))
		files := randomRecord(rng)
		r, err := Parse(files)
		if err != nil {
			t.Fatalf("seed %d: the random record does not load:\n%v", seed, err)
		}
		checkIndexed(t, r, rng)
	}
}

// randomRecord writes the tables of a valid random record.
func randomRecord(rng *rand.Rand) []File {
	var b strings.Builder
	table := func(header string, rows []string) []byte {
		b.Reset()
		b.WriteString(header + "\n")
		for _, row := range rows {
			b.WriteString(row + "\n")
		}
		return []byte(b.String())
	}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	date := func(lo, hi int) string { // a random date at a random precision in [lo, hi] years
		y := lo + rng.IntN(hi-lo+1)
		switch rng.IntN(3) {
		case 0:
			return fmt.Sprintf("%04d", y)
		case 1:
			return fmt.Sprintf("%04d-%02d", y, 1+rng.IntN(12))
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))
	}

	countries := []string{"c-a", "c-b", "c-c", "c-d"}
	var places []string
	for i, c := range countries {
		succ := ""
		if i == 0 {
			succ = "c-b" // c-a is written as c-b, like the USSR as Russia
		}
		places = append(places, fmt.Sprintf("%s\tcountry\tCountry %d\t%s", c, i, succ))
	}
	var people, personIDs []string
	for i := range 8 {
		id := fmt.Sprintf("p-%d", i)
		personIDs = append(personIDs, id)
		people = append(people, fmt.Sprintf("%s\tPerson %d\tm\t%s", id, i, pick(countries)))
	}
	var offices, officeIDs []string
	plain := []string{"o-a", "o-b", "o-c", "o-d"}
	for _, id := range plain {
		offices = append(offices, fmt.Sprintf("%s\tOffice %s\t%s\tTitle\t", id, id, pick(countries)))
	}
	officeIDs = append(officeIDs, plain...)
	for i := range 2 {
		id := fmt.Sprintf("l-%d", i)
		var inc []string
		for range 1 + rng.IntN(3) {
			inc = append(inc, pick(plain)) // repeats allowed, as the format allows them
		}
		offices = append(offices, fmt.Sprintf("%s\tLoose %d\t%s\tTitle\t%s", id, i, pick(countries), strings.Join(inc, "; ")))
		officeIDs = append(officeIDs, id)
	}
	// terms: one after another in each office, handing over on a day or a
	// year, the last sometimes still running
	var terms []string
	for _, o := range plain {
		y := 1930 + rng.IntN(30)
		for i := range 2 + rng.IntN(6) {
			start := fmt.Sprintf("%04d", y)
			if rng.IntN(2) == 0 {
				start = fmt.Sprintf("%04d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))
			}
			y += 1 + rng.IntN(12)
			end := fmt.Sprintf("%04d", y)
			if rng.IntN(2) == 0 {
				end = fmt.Sprintf("%04d-01-01", y)
			}
			if y > 2015 || rng.IntN(12) == 0 {
				end = ""
			}
			terms = append(terms, fmt.Sprintf("%s-%d\t%s\t%s\t%s\t%s\t\thigh\thttps://example.org/t", o, i, o, pick(personIDs), start, end))
			y++
			if end == "" {
				break
			}
		}
	}
	var coverage []string
	for i := range 6 + rng.IntN(14) {
		who := ""
		switch rng.IntN(4) {
		case 1:
			who = "person:" + pick(personIDs)
		case 2, 3:
			who = "office:" + pick(officeIDs)
		}
		var from, to []string
		for _, c := range countries {
			if rng.IntN(3) == 0 {
				from = append(from, c)
			}
			if rng.IntN(3) == 0 {
				to = append(to, c)
			}
		}
		lo := date(1935, 1990)
		hi := date(1991, 2025)
		switch rng.IntN(6) {
		case 0:
			lo = ""
		case 1:
			hi = ""
		}
		status := "partial"
		if rng.IntN(3) > 0 {
			status = "complete"
		}
		coverage = append(coverage, fmt.Sprintf("row-%d\t%s\t%s\t%s\t%s\t%s/%s\t%s", i, pick(coverageKinds), who,
			strings.Join(from, "; "), strings.Join(to, "; "), lo, hi, status))
	}
	return []File{
		{"rand/record.tsv", table("key\tvalue", []string{"name\trandom", "as_of\t2020-06-30"})},
		{"rand/people.tsv", table("id\tname\tgender\tcountry", people)},
		{"rand/places.tsv", table("id\tkind\tname\tsuccessor", places)},
		{"rand/offices.tsv", table("id\tname\tcountry\ttitles\tincludes", offices)},
		{"rand/terms.tsv", table("id\toffice\tperson\tfrom\tto\tacting\tconfidence\tsources", terms)},
		{"rand/coverage.tsv", table("id\tkind\twho\tfrom\tto\tperiod\tstatus", coverage)},
	}
}

// TestIndexedQueriesConcurrent runs the queries from many goroutines at once;
// under -race it shows that the loaded record is only read.
func TestIndexedQueriesConcurrent(t *testing.T) {
	r := defaultRecord(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for year := 1940 + g; year <= 2030; year += 8 {
				iv := yearInterval(year)
				for _, o := range r.Offices {
					r.Holders(o.ID, iv)
					r.OfficeCovered(o.ID, iv)
					r.Expand(o.ID)
				}
				for _, p := range r.People {
					r.TermsAt(p.ID, iv)
					r.Covered(Visit, p.ID, p.Country, "india", iv)
				}
				r.Covered(Summit, "", "", "", iv)
			}
		})
	}
	wg.Wait()
}
