package facts

import (
	"slices"
	"sort"
	"strings"
)

// index holds what the per-claim queries (Covered, OfficeCovered, Holders,
// TermsAt, Expand) would otherwise work out again on every call: the day
// numbers of term spans and coverage periods, each office's terms already
// merged and ordered, and, per kind, the coverage rows that can apply to each
// person. The checker asks these questions several times for each of hundreds
// of thousands of claims, while the record never changes once loaded.
//
// Parse builds the index once the record is valid, and nothing writes to it
// afterwards: a Record is safe for concurrent use by many goroutines. It
// reflects the record as parsed, so the record's exported fields must not be
// changed after Parse.
type index struct {
	// expand is Expand's answer for every office: itself, or the offices a
	// loose office includes.
	expand map[string][]string
	// personTerms holds each person's terms, in time order (Person.Terms).
	personTerms map[string][]termSpan
	// officeTerms holds, for each office, the terms of every office it stands
	// for, in the order Holders returns them: by start, stably, so offices in
	// the order Expand gives them and each office's terms in time order.
	officeTerms map[string][]termSpan
	// coverage holds the rows of each kind, for Covered.
	coverage map[string]*kindRows
	// officeRows holds the office-kind rows naming each office ("office:ID"),
	// in record order, for OfficeCovered.
	officeRows map[string][]scopeRow
}

// termSpan is a term with the first and last day of its span (Record.Span),
// so that a query compares two integers instead of converting four dates.
type termSpan struct {
	t      *Term
	lo, hi DayNum
}

// overlaps reports whether the span can share a day with lo–hi, as
// Span(t).Overlaps does.
func (x termSpan) overlaps(lo, hi DayNum) bool { return x.lo <= hi && lo <= x.hi }

// whoRole says whom a coverage row is about.
type whoRole uint8

const (
	anyoneRow whoRole = iota // who is empty: anyone
	personRow                // "person:ID"
	officeRow                // "office:ID": a person who held the office in the row's period
)

// scopeRow is a coverage row with its period's first and last day, whom it
// is about, parsed once from its who column, and its country lists.
type scopeRow struct {
	s        *Scope
	lo, hi   DayNum
	role     whoRole
	from, to countrySet
}

// countrySet is a coverage row's from or to list with every country id that
// matches it worked out at load: the countries listed, the successors they
// are written as, and the countries whose successor is listed (SameCountry
// either way round). Matching is then a few string comparisons, not map
// lookups.
type countrySet struct {
	any bool // the list is empty: every country matches
	ids []string
}

// has reports whether a country matches the list the set was made from; ""
// (no country) matches every list.
func (cs *countrySet) has(c string) bool {
	return cs.any || c == "" || contains(cs.ids, c)
}

// countrySet works out the set for a country list of a coverage row.
func (r *Record) countrySet(list []string) countrySet {
	if len(list) == 0 {
		return countrySet{any: true}
	}
	// c matches x when SameCountry(c, x) (c is x, or x's successor) or
	// SameCountry(x, c) (x is c's successor).
	ids := slices.Clone(list)
	for _, x := range list {
		if p := r.places[x]; p != nil && p.Successor != "" && !contains(ids, p.Successor) {
			ids = append(ids, p.Successor)
		}
	}
	for _, p := range r.Places {
		if p.Successor != "" && contains(list, p.Successor) && !contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return countrySet{ids: ids}
}

// kindRows holds the coverage rows of one kind that Covered must look at:
// those naming no one (all that can apply when no person is named, or one no
// row names) and, for each person that some row names directly or through an
// office they held within its period, those rows merged with the rows naming
// no one, in record order. Record order matters: the first partial row, the
// last complete row naming no one and the first complete office row decide.
type kindRows struct {
	anyone   []scopeRow
	byPerson map[string][]scopeRow
}

// rows returns the rows Covered looks at for a person ("" for anyone).
func (k *kindRows) rows(person string) []scopeRow {
	if person != "" {
		if rows, ok := k.byPerson[person]; ok {
			return rows
		}
	}
	return k.anyone
}

// buildIndex fills r.idx. It runs once the record is valid: every office an
// office includes and every id a coverage row names exist, and terms are
// sorted by start.
func (r *Record) buildIndex() {
	idx := &r.idx
	for _, e := range r.Events {
		e.days, e.daysKnown = e.When.Days(), true
	}
	for _, p := range r.Places {
		for i := range p.In {
			in := &p.In[i]
			in.lo, in.hi, in.daysKnown = in.When.Lo(), in.When.Hi(), true
		}
	}
	idx.expand = make(map[string][]string, len(r.Offices))
	for _, o := range r.Offices {
		if len(o.Includes) == 0 {
			idx.expand[o.ID] = []string{o.ID}
		} else {
			idx.expand[o.ID] = o.Includes
		}
	}

	spans := make(map[*Term]termSpan, len(r.Terms))
	for _, t := range r.Terms {
		iv := r.termSpan(t)
		spans[t] = termSpan{t: t, lo: iv.Lo(), hi: iv.Hi()}
	}
	idx.personTerms = make(map[string][]termSpan, len(r.People))
	for _, p := range r.People {
		if len(p.Terms) == 0 {
			continue
		}
		list := make([]termSpan, len(p.Terms))
		for i, t := range p.Terms {
			list[i] = spans[t]
		}
		idx.personTerms[p.ID] = list
	}
	idx.officeTerms = make(map[string][]termSpan, len(r.Offices))
	for _, o := range r.Offices {
		var list []termSpan
		for _, x := range idx.expand[o.ID] {
			for _, t := range r.offices[x].Terms {
				list = append(list, spans[t])
			}
		}
		// The same order Holders has always returned: by the terms' start,
		// ties in the order the included offices are listed.
		sort.SliceStable(list, func(i, j int) bool { return list[i].t.When.Lo() < list[j].t.When.Lo() })
		if len(list) > 0 {
			idx.officeTerms[o.ID] = list
		}
	}

	idx.coverage = map[string]*kindRows{}
	idx.officeRows = map[string][]scopeRow{}
	// the rows of each kind in record order, and the people each is about
	byKind := map[string][]scopeRow{}
	about := map[*Scope][]string{}
	for _, s := range r.Coverage {
		x := scopeRow{s: s, lo: s.Period.Lo(), hi: s.Period.Hi(), from: r.countrySet(s.From), to: r.countrySet(s.To)}
		if office, ok := strings.CutPrefix(s.Who, "office:"); ok && s.Kind == OfficeKind {
			idx.officeRows[office] = append(idx.officeRows[office], x)
		}
		switch {
		case s.Who == "":
			x.role = anyoneRow
		case strings.HasPrefix(s.Who, "person:") && len(s.Who) > len("person:"):
			x.role = personRow
			about[s] = []string{s.Who[len("person:"):]}
		case strings.HasPrefix(s.Who, "office:") && len(s.Who) > len("office:"):
			x.role = officeRow
			// Whether a person held the office within the row's period does
			// not depend on the claim, so it is settled here, once.
			for _, t := range r.Holders(s.Who[len("office:"):], s.Period) {
				if !contains(about[s], t.Person) {
					about[s] = append(about[s], t.Person)
				}
			}
		default:
			continue // names no one Covered can be asked about
		}
		byKind[s.Kind] = append(byKind[s.Kind], x)
	}
	for kind, rows := range byKind {
		k := &kindRows{byPerson: map[string][]scopeRow{}}
		named := map[string]bool{}
		for _, x := range rows {
			if x.role == anyoneRow {
				k.anyone = append(k.anyone, x)
			}
			for _, p := range about[x.s] {
				named[p] = true
			}
		}
		for p := range named {
			for _, x := range rows {
				if x.role == anyoneRow || contains(about[x.s], p) {
					k.byPerson[p] = append(k.byPerson[p], x)
				}
			}
		}
		idx.coverage[kind] = k
	}
}
