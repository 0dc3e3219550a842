package checker

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/relcheck/relcheck/facts"
)

// judge gives a claim its verdict, explanation, correction and evidence.
func (c *Checker) judge(cl *Claim, st *docState) {
	cl.Verdict = Unknown
	if cl.Mode != Asserted {
		cl.Explanation = "Not asserted (" + string(cl.Mode) + "): only asserted claims are checked."
		return
	}
	if !cl.Time.When.Start.IsZero() && cl.Time.When.End.IsZero() {
		// "after 1993" with no document date: as far as the record reaches
		cl.Time.When.End = c.rec.AsOf
	}
	if !cl.Time.When.Start.IsZero() && cl.Time.When.Lo() > c.rec.AsOf.Last() {
		cl.Explanation = "After the record's as-of date (" + fmtDate(c.rec.AsOf) + "): the record cannot say."
		return
	}
	switch cl.Kind {
	case KindVisit:
		c.judgeVisit(cl)
	case KindSummit:
		c.judgeSummit(cl)
	case KindAgreement:
		c.judgeAgreement(cl, st)
	case KindRelations:
		c.judgeRelations(cl)
	case KindOffice:
		c.judgeOffice(cl, st)
	}
	if cl.Verdict == Contradicted && strings.Contains(cl.Text, "[sic]") {
		cl.Notes = append(cl.Notes, "Marked [sic]: the writer knows. The record contradicts it: "+cl.Explanation)
		cl.Verdict = Unknown
		cl.Explanation = "Marked [sic]: reported as a note, not as an error."
	}
	if cl.Quoted && cl.Verdict == Contradicted {
		who := "someone quoted"
		if cl.Speaker != "" {
			who = c.personName(cl.Speaker)
		}
		cl.Notes = append(cl.Notes, "Quoted speech: the claim is "+who+"'s, not the article's. The record contradicts it: "+cl.Explanation)
		cl.Verdict = Unknown
		cl.Explanation = "In a quotation: reported as a note, not as the article's error."
	}
	if cl.Verdict != Unknown && cl.Confidence < c.opts.MinConfidence {
		cl.Notes = append(cl.Notes, "Would be "+string(cl.Verdict)+", but the names were resolved with confidence "+
			strconv.FormatFloat(cl.Confidence, 'f', 2, 64)+", below the minimum "+strconv.FormatFloat(c.opts.MinConfidence, 'f', 2, 64)+".")
		cl.Verdict = Unknown
		cl.Correction = ""
	}
}

// fit says how a claim's time meets a fact's.
type fit int

const (
	fitNo    fit = iota // they cannot share a day
	fitMaybe            // they may: the fact is dated less precisely than the claim
	fitYes              // the claim's time holds the fact, at the claim's precision
)

// timeFit: "1955" fits a visit of 7–23 June 1955; "30 November 1996" only
// maybe fits a contract the record dates to 1996; "March 1955" does not fit
// June 1955.
//
// It runs for every visit of a claim's subjects: the claim's days are read
// once for them all (dayRangeOf), and the facts' once, by Parse (see
// facts.Event.Days).
func timeFit(claim dayRange, fact facts.Days) fit {
	first, last := claim.first, claim.last
	if first > fact.Hi || fact.Lo > last {
		return fitNo // no overlap
	}
	if first <= fact.Lo && fact.Hi <= last {
		return fitYes // the whole fact lies in the claim's time
	}
	// the fact began (or ended) on a day the claim's time surely holds
	if first <= fact.StartFirst && fact.StartLast <= last || first <= fact.EndFirst && fact.EndLast <= last {
		return fitYes
	}
	// days the fact surely covers: from its latest possible start to its
	// earliest possible end
	lo, hi := fact.StartLast, fact.EndFirst
	if lo <= hi && first <= hi && lo <= last {
		return fitYes
	}
	return fitMaybe
}

// dayRange is a time's first and last day: its Lo and Hi.
type dayRange struct{ first, last facts.DayNum }

func dayRangeOf(iv facts.Interval) dayRange { return dayRange{iv.Lo(), iv.Hi()} }

// asOf is the day up to which "most recently" and "the last" are read.
func (c *Checker) asOf() facts.DayNum { return c.rec.AsOf.Last() }

// claimPlace is the first place a claim names, or nil.
func (c *Checker) claimPlace(cl *Claim) *facts.Place {
	if len(cl.Places) == 0 {
		return nil
	}
	return c.rec.Place(cl.Places[0])
}

// placeDest is the country (and city) a visit to a place went to, by the
// country the place belonged to on the first day of the time (its Lo).
func (c *Checker) placeDest(p *facts.Place, first facts.DayNum) (country, city string) {
	if p == nil {
		return "", ""
	}
	if p.Kind == "city" {
		return p.CountryAt(first), p.ID
	}
	return p.ID, ""
}

// visitMatches lists the visits by all the claim's subjects in its
// direction; time is checked by the caller.
type visitMatch struct {
	e        *facts.Event
	cityMiss bool // the country matches but the city is not among the places recorded
}

// visitsOf appends the claim's visit matches to out: a caller passes a buffer
// of its own, as a claim matches a few visits at most. place is the claim's
// (claimPlace), looked up once by the caller.
func (c *Checker) visitsOf(cl *Claim, place *facts.Place, out []visitMatch) []visitMatch {
	if len(cl.Subjects) == 0 {
		return out
	}
	p := c.rec.Person(cl.Subjects[0])
	if p == nil {
		return out
	}
	for _, e := range p.Events {
		if e.Kind != facts.Visit || !involvesAll(e, cl.Subjects) {
			continue
		}
		country, city := c.placeDest(place, e.Days().Lo)
		if country != "" && !c.rec.SameCountry(country, e.To) && !c.rec.SameCountry(e.To, country) {
			continue
		}
		if cl.From != "" && e.From != "" && !c.rec.SameCountry(cl.From, e.From) && !c.rec.SameCountry(e.From, cl.From) {
			continue
		}
		m := visitMatch{e: e}
		if city != "" && !containsStr(e.Places, city) {
			m.cityMiss = true
		}
		out = append(out, m)
	}
	return out
}

func involvesAll(e *facts.Event, who []string) bool {
	for _, w := range who {
		if !e.Involves(w) {
			return false
		}
	}
	return true
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// coverage for a visit claim: the subject's direction at the claim's time;
// country is where the claim's place lay then (placeDest).
func (c *Checker) visitCovered(cl *Claim, country string, when facts.Interval) (bool, *facts.Scope) {
	from := cl.From
	if from == "" {
		if p := c.rec.Person(cl.Subjects[0]); p != nil {
			from = p.Country
		}
	}
	complete, scope := true, (*facts.Scope)(nil)
	for _, s := range cl.Subjects {
		ok, sc := c.rec.Covered(facts.Visit, s, from, country, when)
		if !ok {
			return false, sc
		}
		complete, scope = complete && ok, sc
	}
	return complete, scope
}

// What uncovered says, for each kind of claim, when the coverage row has no
// note of its own. They are constants so that the sentence is not put
// together again for every claim.
const (
	visitsUncovered      = "The record does not cover these visits" + uncoveredTail
	summitsUncovered     = "The record does not cover these summits" + uncoveredTail
	relationsUncovered   = "The record does not cover relations" + uncoveredTail
	termsUncovered       = "The record does not cover these terms of office" + uncoveredTail
	officeTermsUncovered = "The record does not cover the terms of this office" + uncoveredTail
	uncoveredTail        = " completely, so the absence of a matching fact proves nothing."
)

// uncovered says why the record's silence proves nothing: the coverage row's
// note, or otherwise (one of the constants above).
func (c *Checker) uncovered(scope *facts.Scope, otherwise string) string {
	if scope != nil && scope.Note != "" && !scope.Complete {
		return scope.Note
	}
	return otherwise
}

func (c *Checker) judgeVisit(cl *Claim) {
	if cl.Elsewhere != "" {
		cl.Explanation = cl.Elsewhere + " is not a place in the record, which covers only its own countries and cities: it cannot check this visit."
		return
	}
	place := c.claimPlace(cl)
	var buf [8]visitMatch
	all := c.visitsOf(cl, place, buf[:0])
	who := c.personNames(cl.Subjects)
	dest := "abroad"
	country, _ := c.placeDest(place, cl.Time.When.Lo())
	if country != "" {
		dest = c.countryName(country)
	} else if len(all) > 0 {
		dest = c.countryName(all[0].e.To)
	}
	// the claim's window: its time, or (for counts and ordinals without a
	// time) all of the record
	when := cl.Time.When
	if when.Start.IsZero() {
		// counts and ordinals with no time: from the first visit on
		// counts and ordinals with no time: from the first visit to the end of
		// the visitor's last term of office (or the record's date)
		when = facts.Interval{Start: c.rec.AsOf, End: c.rec.AsOf}
		for _, m := range all {
			if m.e.When.Start.First() < when.Start.First() {
				when.Start = m.e.When.Start
			}
		}
		if p := c.rec.Person(cl.Subjects[0]); p != nil && len(p.Terms) > 0 {
			last := p.Terms[len(p.Terms)-1]
			for _, t := range p.Terms {
				if c.rec.Span(t).Hi() > c.rec.Span(last).Hi() {
					last = t
				}
			}
			if end := c.rec.Span(last).End; !last.Current() && end.Last() < c.rec.AsOf.Last() {
				when.End = end
				for _, m := range all {
					if m.e.When.Hi() > when.End.Last() && m.e.When.Lo() <= c.rec.AsOf.Last() {
						when.End = m.e.When.End
					}
				}
			}
		}
	}
	var decisive, weak, cityMiss, maybe []*facts.Event
	days := dayRangeOf(when)
	for _, m := range all {
		f := timeFit(days, m.e.Days())
		if f == fitNo {
			continue
		}
		switch {
		case f == fitMaybe:
			maybe = append(maybe, m.e)
		case !m.e.Confidence.Decisive():
			weak = append(weak, m.e)
		case m.cityMiss:
			cityMiss = append(cityMiss, m.e)
		default:
			decisive = append(decisive, m.e)
		}
	}
	if when != cl.Time.When {
		country, _ = c.placeDest(place, when.Lo())
	}
	covered, scope := c.visitCovered(cl, country, when)
	// What the record holds (visitList) is written only by the verdicts that
	// quote it: most do without it.
	switch {
	case cl.Count > 0:
		c.judgeCount(cl, decisive, weak, covered, scope, who, dest, all)
		return
	case cl.Ordinal != 0 || cl.Recent:
		c.judgeVisitOrder(cl, all, covered, scope, who, dest)
		return
	}
	if cl.Negated {
		switch {
		case len(maybe) > 0 || len(weak) > 0:
			cl.Explanation = "The record cannot tell: a visit it holds may fall in that time."
		case len(decisive) > 0:
			c.contradict(cl, who+" did visit "+dest+" then: "+c.describe(decisive[0])+".", c.visitList(all)+".", decisive...)
		case covered:
			cl.Verdict = Supported
			cl.Explanation = "The record, complete here, holds no visit by " + who + " to " + dest + " in " + fmtInterval(cl.Time.When) + "."
			cl.Notes = append(cl.Notes, c.visitList(all))
			c.citeCoverage(cl, scope)
		default:
			cl.Explanation = c.uncovered(scope, visitsUncovered)
		}
		return
	}
	switch {
	case len(decisive) > 0:
		cl.Verdict = Supported
		cl.Explanation = "The record holds " + c.describe(decisive[0]) + "."
		for _, e := range decisive {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
			cl.EventID = e.ID
			c.visitNotes(cl, e)
		}
	case len(maybe) > 0:
		cl.Explanation = "The record dates the visit only to " + fmtInterval(maybe[0].When) + ": " + c.describe(maybe[0]) + "."
		cl.EventID = maybe[0].ID
		cl.Evidence = append(cl.Evidence, c.evidence(maybe[0]))
	case len(cityMiss) > 0:
		cl.Explanation = "The record holds the visit (" + c.describe(cityMiss[0]) + ") but does not list " + c.placeName(cl.Places[0]) + " among its places."
		cl.EventID = cityMiss[0].ID
		for _, e := range cityMiss {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
	case len(weak) > 0:
		cl.Explanation = "Rests only on an unverified listing: " + c.describe(weak[0]) + "."
		if !covered {
			cl.Explanation += " " + c.uncovered(scope, visitsUncovered)
		}
		for _, e := range weak {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
	case covered:
		in := fmtInterval(cl.Time.When)
		c.contradict(cl, "The record, complete for these visits, holds no visit by "+who+" to "+dest+" in "+in+".", c.visitList(all)+"; none in "+in+".", c.decisiveOnly(all)...)
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = "No visit by " + who + " to " + dest + " in " + fmtInterval(cl.Time.When) + " is known. " + c.uncovered(scope, visitsUncovered)
	}
}

// visitNotes adds what the record says beside a matched visit: the office
// the visitor held, and a note the record gives (relations-start visits).
func (c *Checker) visitNotes(cl *Claim, e *facts.Event) {
	if e.HasTag("relations-start") {
		cl.Notes = appendNew(cl.Notes, c.relationsStartNote())
	}
	if e.HasTag("pre-office") {
		cl.Notes = appendNew(cl.Notes, "Made before the visitor held office.")
	}
}

// relationsStartNote names the visits the record counts as the start of
// relations. It depends only on the record, so it is written once.
func (c *Checker) relationsStartNote() string {
	tx := c.texts
	tx.relationsOnce.Do(func() {
		var parts []string
		for _, e := range c.rec.Events {
			if e.HasTag("relations-start") && e.Confidence.Decisive() {
				parts = append(parts, c.personNames(e.Who)+"'s visit to "+c.countryName(e.To)+" ("+fmtInterval(e.When)+")")
			}
		}
		tx.relationsStart = "Counted as the start of relations from both sides: " + listAnd(parts) + "."
	})
	return tx.relationsStart
}

func (c *Checker) decisiveOnly(ms []visitMatch) []*facts.Event {
	var out []*facts.Event
	for _, m := range ms {
		if m.e.Confidence.Decisive() {
			out = append(out, m.e)
		}
	}
	return out
}

// visitList writes what the record holds: "Leonid Brezhnev visited India in
// December 1961, November 1973 and December 1980", the decisive visits of
// the matches.
func (c *Checker) visitList(ms []visitMatch) string {
	var first *facts.Event
	n := 0
	for _, m := range ms {
		if m.e.Confidence.Decisive() {
			if first == nil {
				first = m.e
			}
			n++
		}
	}
	if first == nil {
		return "The record holds no such visit"
	}
	var buf [128]byte
	b := append(buf[:0], c.personNames(first.Who)...)
	b = append(b, " visited "...)
	b = append(b, c.countryName(first.To)...)
	b = append(b, " in "...)
	i := 0 // the months as listAnd joins them: "a", "a and b", "a, b and c"
	for _, m := range ms {
		if !m.e.Confidence.Decisive() {
			continue
		}
		switch {
		case i == 0:
		case i == n-1:
			b = append(b, " and "...)
		default:
			b = append(b, ", "...)
		}
		b = appendMonth(b, m.e.When.Start)
		i++
	}
	return string(b)
}

func (c *Checker) contradict(cl *Claim, why, correction string, evs ...*facts.Event) {
	cl.Verdict = Contradicted
	cl.Explanation = why
	cl.Correction = correction
	cl.Evidence = slices.Grow(cl.Evidence, len(evs))
	for _, e := range evs {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	if len(cl.Evidence) == 0 && len(evs) == 0 {
		// a contradiction from completeness still names its sources: the coverage
		// rests on the same tables; nothing else to add here
	}
}

func (c *Checker) judgeCount(cl *Claim, decisive, weak []*facts.Event, covered bool, scope *facts.Scope, who, dest string, all []visitMatch) {
	n := len(decisive)
	for _, e := range decisive {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	switch {
	case !covered:
		cl.Explanation = "The record holds " + strconv.Itoa(n) + " such visits, but " + c.uncovered(scope, visitsUncovered)
	case n == cl.Count && len(weak) == 0:
		cl.Verdict = Supported
		cl.Explanation = "The record holds " + strconv.Itoa(n) + " visits by " + who + " to " + dest + " in that time."
	case n != cl.Count:
		cl.Verdict = Contradicted
		cl.Explanation = "The record, complete here, holds " + strconv.Itoa(n) + " visits by " + who + " to " + dest + ", not " + strconv.Itoa(cl.Count) + "."
		cl.Correction = strconv.Itoa(n) + " visits: " + strings.TrimPrefix(c.visitList(all), "The record holds no such visit") + "."
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = strconv.Itoa(n) + " visits are verified and " + strconv.Itoa(len(weak)) + " more rest on unverified listings."
	}
}

// judgeVisitOrder checks "first visit", "last visit", "most recently in".
func (c *Checker) judgeVisitOrder(cl *Claim, all []visitMatch, covered bool, scope *facts.Scope, who, dest string) {
	evs := c.decisiveOnly(all)
	if cl.Ordinal > 0 && cl.Time.When.End != cl.Time.When.Start && !cl.Time.When.Start.IsZero() {
		// "his first visit since 2019": the first within the window, after its start year
		var in []*facts.Event
		for _, e := range evs {
			if e.When.Lo() > cl.Time.When.Start.Last() && e.When.Lo() <= cl.Time.When.Hi() {
				in = append(in, e)
			}
		}
		evs = in
	}
	var pick *facts.Event
	switch {
	case cl.Recent || cl.Ordinal == -1:
		for _, e := range evs {
			if e.When.Lo() <= c.asOf() {
				pick = e
			}
		}
	case cl.Ordinal > 0 && cl.Ordinal <= len(evs):
		pick = evs[cl.Ordinal-1]
	}
	word := ordinalText(cl.Ordinal)
	if cl.Recent {
		word = "most recent"
	}
	if !covered {
		cl.Explanation = c.uncovered(scope, visitsUncovered)
		if pick != nil {
			cl.Evidence = append(cl.Evidence, c.evidence(pick))
		}
		return
	}
	if pick == nil {
		c.contradict(cl, "The record holds no "+word+" visit by "+who+" to "+dest+".", c.visitList(all)+".")
		c.citeCoverage(cl, scope)
		return
	}
	// The visits are ordered by country. For a claim about a city that order
	// is the city's only if every visit it counts took in the city: a first
	// visit to a country may have gone to another of its cities. A claimed
	// time before the first visit to the country is wrong either way.
	counted := []*facts.Event{pick}
	if cl.Ordinal > 0 {
		counted = evs[:cl.Ordinal]
	}
	before := cl.Ordinal > 0 && !cl.Time.When.Start.IsZero() && cl.Time.When.Hi() < evs[0].When.Lo()
	if missesCity(all, counted) && !before {
		cl.Evidence = append(cl.Evidence, c.evidence(pick))
		cl.Explanation = "The " + word + " visit by " + who + " to " + dest + " in the record is " + c.describe(pick) + ", but not every visit it counts lists " + c.placeName(cl.Places[0]) + " among its places: the record cannot tell the " + word + " visit to " + c.placeName(cl.Places[0]) + "."
		return
	}
	cl.Evidence = append(cl.Evidence, c.evidence(pick))
	cl.EventID = pick.ID
	if cl.Time.When.Start.IsZero() || pick.When.Overlaps(cl.Time.When) {
		cl.Verdict = Supported
		cl.Explanation = "The " + word + " visit by " + who + " to " + dest + " in the record: " + c.describe(pick) + "."
		c.visitNotes(cl, pick)
		return
	}
	c.contradict(cl, "The "+word+" visit by "+who+" to "+dest+" was in "+fmtMonth(pick.When.Start)+", not "+fmtInterval(cl.Time.When)+".", c.visitList(all))
}

// missesCity reports whether any of the events is a visit whose recorded
// places leave out the claim's city.
func missesCity(all []visitMatch, events []*facts.Event) bool {
	for _, m := range all {
		if m.cityMiss && slices.Contains(events, m.e) {
			return true
		}
	}
	return false
}

func (c *Checker) judgeSummit(cl *Claim) {
	if cl.Other {
		cl.Explanation = "The record covers only the numbered annual summits, not this one."
		return
	}
	var buf [32]*facts.Event // room for the series on the stack
	series := buf[:0]
	for _, e := range c.rec.Events {
		if e.Kind == facts.Summit && involvesAll(e, cl.Subjects) {
			series = append(series, e)
		}
	}
	when := cl.Time.When
	covered, scope := c.rec.Covered(facts.Summit, "", "", "", nonZero(when, c.rec.AsOf))
	if cl.Count > 0 {
		var n []*facts.Event
		days := dayRangeOf(when)
		for _, e := range series {
			if e.Confidence.Decisive() && (when.Start.IsZero() || timeFit(days, e.Days()) == fitYes) {
				n = append(n, e)
			}
		}
		switch {
		case !covered:
			cl.Explanation = c.uncovered(scope, summitsUncovered)
		case len(n) == cl.Count:
			cl.Verdict = Supported
			cl.Explanation = "The record holds " + strconv.Itoa(len(n)) + " annual summits in that time."
		default:
			cl.Verdict = Contradicted
			cl.Explanation = "The record, complete for the annual summits, holds " + strconv.Itoa(len(n)) + ", not " + strconv.Itoa(cl.Count) + "."
			cl.Correction = strconv.Itoa(len(n)) + " annual summits."
			c.citeCoverage(cl, scope)
		}
		return
	}
	var pick *facts.Event
	what := "summit"
	switch {
	case cl.Number > 0:
		what = ordinalWord(cl.Number) + " annual summit"
		for _, e := range c.rec.Events {
			if e.Kind == facts.Summit && e.Number == cl.Number {
				pick = e
			}
		}
	case cl.Ordinal == 1 && len(series) > 0:
		pick, what = series[0], "first summit of "+c.personNames(cl.Subjects)
	case cl.Ordinal == -1 && len(series) > 0:
		pick, what = series[len(series)-1], "last summit of "+c.personNames(cl.Subjects)
	}
	if pick == nil && (cl.Number > 0 || cl.Ordinal != 0) {
		if covered {
			c.contradict(cl, "The record, complete for the annual summits, holds no "+what+".", "The series has "+strconv.Itoa(c.summitCount())+" annual summits.")
			c.citeCoverage(cl, scope)
		} else {
			cl.Explanation = c.uncovered(scope, summitsUncovered)
		}
		return
	}
	if pick != nil {
		cl.Evidence = append(cl.Evidence, c.evidence(pick))
		cl.EventID = pick.ID
		if bad := c.summitMismatch(cl, pick); bad != "" {
			if pick.Confidence.Decisive() {
				c.contradict(cl, "The "+what+" was "+c.describe(pick)+".", bad)
				cl.Evidence = cl.Evidence[:1]
			} else {
				cl.Explanation = "Rests on an unverified fact: " + c.describe(pick)
			}
			return
		}
		if !pick.Confidence.Decisive() {
			cl.Explanation = "Rests on an unverified fact: " + c.describe(pick)
			return
		}
		cl.Verdict = Supported
		cl.Explanation = "The " + what + ": " + c.describe(pick) + "."
		return
	}
	// no number or ordinal: any summit that fits
	var fitBuf [32]*facts.Event
	fits := fitBuf[:0]
	for _, e := range series {
		if e.Confidence.Decisive() && c.summitFits(cl, e) {
			fits = append(fits, e)
		}
	}
	switch {
	case cl.Negated && len(fits) > 0:
		c.contradict(cl, "The record holds "+c.describe(fits[0])+".", c.describe(fits[0])+".", fits[0])
	case cl.Negated && covered:
		cl.Verdict = Supported
		cl.Explanation = "The record, complete for the annual summits, holds none that fits."
		c.citeCoverage(cl, scope)
	case len(fits) > 0:
		cl.Verdict = Supported
		cl.Explanation = "The record holds the " + c.describe(fits[0]) + "."
		cl.EventID = fits[0].ID
		for _, e := range fits {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
	case covered && !when.Start.IsZero():
		var that []string
		for _, e := range series {
			if e.When.Overlaps(when) {
				that = append(that, c.describe(e))
			}
		}
		corr := "No annual summit was held " + during(when) + "."
		if len(that) > 0 {
			corr = "That time's summit: " + strings.Join(that, "; ") + "."
		}
		c.contradict(cl, "The record, complete for the annual summits, holds no summit that fits.", corr)
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = c.uncovered(scope, summitsUncovered)
	}
}

func nonZero(iv facts.Interval, asOf facts.Date) facts.Interval {
	if iv.Start.IsZero() {
		return facts.Interval{Start: facts.Date{Y: 2000, Prec: facts.Year}, End: asOf}
	}
	return iv
}

// summitMismatch says what of the claim a summit contradicts, or "".
func (c *Checker) summitMismatch(cl *Claim, e *facts.Event) string {
	_, why := c.summitCheck(cl, e, true)
	return why
}

// summitFits reports whether nothing of the claim contradicts the summit:
// summitMismatch's test without its words, for searching the series.
func (c *Checker) summitFits(cl *Claim, e *facts.Event) bool {
	fits, _ := c.summitCheck(cl, e, false)
	return fits
}

// summitCheck compares a summit with the claim's time, places and people.
// Only with explain does it say what does not fit (summitMismatch); without,
// it stops at the first mismatch and writes nothing.
func (c *Checker) summitCheck(cl *Claim, e *facts.Event, explain bool) (fits bool, why string) {
	var bad []string
	if !cl.Time.When.Start.IsZero() && timeFit(dayRangeOf(cl.Time.When), e.Days()) == fitNo {
		if !explain {
			return false, ""
		}
		bad = append(bad, "held "+during(e.When)+", not "+during(cl.Time.When))
	}
	for _, p := range cl.Places {
		pl := c.rec.Place(p)
		if pl == nil {
			continue
		}
		if pl.Kind == "country" && !c.rec.SameCountry(p, e.To) && !c.rec.SameCountry(e.To, p) {
			if !explain {
				return false, ""
			}
			bad = append(bad, "held in "+c.countryName(e.To)+", not "+c.countryName(p))
		}
		if pl.Kind == "city" && !containsStr(e.Places, p) {
			if !explain {
				return false, ""
			}
			bad = append(bad, "held in "+c.placeList(e.Places)+", not "+pl.Name)
		}
	}
	for _, s := range cl.Subjects {
		if !e.Involves(s) {
			if !explain {
				return false, ""
			}
			bad = append(bad, "between "+c.personNames(e.Who))
			break
		}
	}
	if len(bad) == 0 {
		return true, ""
	}
	return false, "The " + ordinalWord(e.Number) + " annual summit was " + strings.Join(bad, ", ") + "."
}

func (c *Checker) judgeAgreement(cl *Claim, st *docState) {
	if cl.Unlisted != "" {
		// the name quoted as fmt's %q quotes it, written in one buffer
		var buf [128]byte
		b := append(buf[:0], "The record does not list an agreement called "...)
		b = strconv.AppendQuote(b, cl.Unlisted)
		cl.Explanation = string(append(b, ", so it cannot check it."...))
		return
	}
	var buf [16]*facts.Event // room for the candidates on the stack
	cands := buf[:0]
	if cl.EventID != "" {
		for id := range strings.SplitSeq(cl.EventID, "|") {
			if e := c.rec.Event(id); e != nil {
				cands = append(cands, e)
			}
		}
	} else {
		for _, e := range c.agreements {
			if c.agreementKindFits(cl.Phrase, e) && c.partiesFit(cl.Places, e) && signersFit(cl.Subjects, e) {
				cands = append(cands, e)
			}
		}
	}
	named := cl.EventID != ""
	if cl.Duration > 0 {
		var fits, other []*facts.Event
		for _, e := range cands {
			switch {
			case e.Term == cl.Duration:
				fits = append(fits, e)
			case e.Term > 0:
				other = append(other, e)
			}
		}
		switch {
		case len(fits) > 0 && fits[0].Confidence.Decisive():
			cl.Verdict = Supported
			cl.Explanation = fits[0].Title + " was for " + strconv.Itoa(cl.Duration) + " years."
			cl.Evidence = append(cl.Evidence, c.evidence(fits[0]))
			cl.EventID = fits[0].ID
		case named && len(cands) == 1 && len(other) == 1 && other[0].Confidence.Decisive():
			c.contradict(cl, other[0].Title+" was for "+strconv.Itoa(other[0].Term)+" years, not "+strconv.Itoa(cl.Duration)+".", strconv.Itoa(other[0].Term)+" years.", other[0])
		default:
			cl.Explanation = "The record does not give the term of this agreement."
		}
		return
	}
	if cl.SignedAt != "" {
		c.judgeSignedAt(cl, cands)
		if cl.Verdict != Supported || cl.Time.When.Start.IsZero() {
			return
		}
		cl.Verdict, cl.Evidence = Unknown, nil // go on to check the date too
	}
	if cl.Time.When.Start.IsZero() {
		return
	}
	var fits, maybe []*facts.Event
	days := dayRangeOf(cl.Time.When)
	for _, e := range cands {
		switch timeFit(days, e.Days()) {
		case fitYes:
			fits = append(fits, e)
		case fitMaybe:
			maybe = append(maybe, e)
		}
	}
	if len(fits) == 0 && len(maybe) > 0 {
		cl.Explanation = "The record dates it only to " + fmtInterval(maybe[0].When) + ": " + c.describe(maybe[0]) + "."
		cl.Evidence = append(cl.Evidence, c.evidence(maybe[0]))
		return
	}
	switch {
	case len(fits) > 0 && fits[0].Confidence.Decisive():
		if cl.Negated {
			c.contradict(cl, "The record holds "+c.describe(fits[0])+".", "", fits[0])
			return
		}
		cl.Verdict = Supported
		cl.Explanation = "The record holds " + c.describe(fits[0]) + "."
		cl.EventID = fits[0].ID
		cl.Evidence = append(cl.Evidence, c.evidence(fits[0]))
	case len(fits) > 0:
		cl.Explanation = "Rests only on a fact the record marks " + fits[0].Confidence.String() + ": " + c.describe(fits[0]) + "."
	case named && len(cands) == 1 && cands[0].Confidence.Decisive() && !cl.Negated:
		e := cands[0]
		dates := fmtInterval(e.When)
		c.contradict(cl, e.Title+" dates from "+dates+", not "+fmtInterval(cl.Time.When)+".", e.Title+": "+dates+".", e)
		cl.EventID = e.ID
	case named && len(cands) > 1:
		var ds []string
		for _, e := range cands {
			ds = append(ds, c.describe(e))
		}
		cl.Explanation = "The name fits more than one agreement in the record, none at that time: " + strings.Join(ds, "; ") + "."
	default:
		cl.Explanation = "The record lists only the main agreements; this one is not among them, so it cannot be checked."
	}
	if cl.EventID != "" && !strings.Contains(cl.EventID, "|") {
		st.noteEvent(KindAgreement, cl.EventID)
	}
}

// signersFit: could the people a claim names have signed the agreement e,
// which the claim does not name? Only if the record lists its signatories
// and one of them is among them: "Gorbachev signed an agreement on 3
// October 2000" is not the declaration Putin and Vajpayee signed that day.
// A claim that names no one fits any agreement.
func signersFit(subjects []string, e *facts.Event) bool {
	if len(subjects) == 0 {
		return true
	}
	for _, s := range subjects {
		if slices.Contains(e.Who, s) {
			return true
		}
	}
	return false
}

// agreementKindFits: a "treaty" is an agreement tagged treaty, a
// "declaration" one tagged declaration; "deal", "contract" and "agreement" fit
// any.
func (c *Checker) agreementKindFits(noun string, e *facts.Event) bool {
	switch noun {
	case "treaty", "treaties", "pact":
		return e.HasTag("treaty")
	case "declaration":
		return e.HasTag("declaration")
	}
	return true
}

// partiesFit: every country the claim names is a party (or a successor's).
func (c *Checker) partiesFit(countries []string, e *facts.Event) bool {
	for _, p := range countries {
		if !(c.rec.SameCountry(p, e.From) || c.rec.SameCountry(e.From, p) || c.rec.SameCountry(p, e.To) || c.rec.SameCountry(e.To, p)) {
			return false
		}
	}
	return true
}

func (c *Checker) judgeRelations(cl *Claim) {
	var formal, start []*facts.Event
	for _, e := range c.rec.Events {
		switch {
		case e.Kind == facts.Relations && e.HasTag("established") && c.partiesFit(cl.Places, e):
			formal = append(formal, e)
		case e.HasTag("relations-start") && c.partiesFit(cl.Places, e):
			start = append(start, e)
		}
	}
	if len(formal) == 0 && len(start) == 0 {
		cl.Explanation = "The record does not cover relations between these countries."
		return
	}
	covered, scope := c.rec.Covered(facts.Relations, "", "", "", cl.Time.When)
	when := cl.Time.When
	days := dayRangeOf(when)
	for _, e := range formal {
		if e.Confidence.Decisive() {
			covered = true // a recorded establishment is the fact a start date states
		}
	}
	for _, e := range formal {
		if timeFit(days, e.Days()) == fitYes && e.Confidence.Decisive() {
			cl.Verdict = Supported
			cl.Explanation = "In the formal sense: " + c.describe(e) + "."
			cl.Evidence = append(cl.Evidence, c.evidence(e))
			if len(start) > 0 {
				cl.Notes = append(cl.Notes, c.relationsStartNote())
			}
			return
		}
	}
	var hits []*facts.Event
	for _, e := range start {
		if timeFit(days, e.Days()) != fitNo && e.Confidence.Decisive() {
			hits = append(hits, e)
		}
	}
	if len(hits) > 0 {
		cl.Verdict = Supported
		cl.Explanation = "In the sense of the first top-level visits, not of formal relations."
		cl.Notes = append(cl.Notes, c.relationsStartNote())
		for _, e := range formal {
			cl.Notes = append(cl.Notes, "Formal diplomatic relations date from "+fmtInterval(e.When)+".")
		}
		for _, e := range hits {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
		return
	}
	if !covered {
		cl.Explanation = c.uncovered(scope, relationsUncovered)
		return
	}
	var corr []string
	for _, e := range formal {
		corr = append(corr, strings.TrimSuffix(e.Title, ".")+" on "+fmtInterval(e.When))
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	for _, e := range start {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	sort.Strings(corr)
	cl.Verdict = Contradicted
	cl.Explanation = "Relations did not begin in " + fmtInterval(when) + "."
	cl.Correction = strings.Join(corr, "; ") + ". " + c.relationsStartNote()
}

func (c *Checker) judgeOffice(cl *Claim, st *docState) {
	person := cl.Subjects[0]
	name := c.personName(person)
	if cl.Ordinal != 0 {
		c.judgeOrdinalOffice(cl, person, name)
		return
	}
	times := cl.times
	if len(times) == 0 {
		times = []facts.Interval{cl.Time.When}
	}
	if cl.Became {
		c.judgeTookOffice(cl, person, name)
		return
	}
	var heldAll = true
	var notes []string
	var wrong []string
	for _, t := range times {
		when := c.eventTime(person, t, st)
		covered, scope := c.officesAccounted(cl.Office, when)
		held := c.heldAt(person, cl.Office, when)
		if held != nil {
			cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(held))
			continue
		}
		heldAll = false
		if !covered {
			cl.Explanation = c.uncovered(scope, termsUncovered)
			return
		}
		// a title still held at the record's date is a current title
		if cur := c.currentTerm(person, cl.Office); cur != nil && !cl.Predicate {
			cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(cur))
			notes = append(notes, capitalize(during(when))+" "+name+" was "+c.heldList(person, when)+"; the title is read as a current one.")
			continue
		}
		wrong = append(wrong, c.officeCorrection(person, cl.Office, when))
		for _, tm := range c.rec.TermsAt(person, when) {
			cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(tm))
		}
		for _, o := range cl.Office {
			for _, tm := range c.rec.Holders(o, when) {
				cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(tm))
			}
		}
	}
	if len(wrong) > 0 {
		cl.Verdict = Contradicted
		cl.Explanation = name + " did not hold the office of " + c.officeName(cl.Office[0]) + " at that time."
		cl.Correction = strings.Join(wrong, " ")
		return
	}
	cl.Verdict = Supported
	if heldAll {
		cl.Explanation = name + " held the office of " + c.officeName(cl.Office[0]) + " then."
	} else {
		cl.Explanation = name + " holds the office of " + c.officeName(cl.Office[0]) + " (a current title)."
	}
	cl.Notes = append(cl.Notes, notes...)
}

func appendEvidence(list []Evidence, e Evidence) []Evidence {
	for _, x := range list {
		if x.Fact == e.Fact {
			return list
		}
	}
	return append(list, e)
}

// eventTime narrows a claim time to the event the sentence was about, when a
// visit or summit of the person matched one at that time.
func (c *Checker) eventTime(person string, t facts.Interval, st *docState) facts.Interval {
	for _, kind := range []string{KindVisit, KindSummit} {
		if id := st.sentenceEvents[kind+"/"+person]; id != "" {
			for eid := range strings.SplitSeq(id, "|") {
				if e := c.rec.Event(eid); e != nil && e.When.Overlaps(t) && e.When.Within(t) {
					return e.When
				}
			}
		}
	}
	return t
}

// heldAt returns a term of one of the offices the person held at the time.
func (c *Checker) heldAt(person string, offices []string, when facts.Interval) *facts.Term {
	for _, t := range c.rec.TermsAt(person, when) {
		for _, o := range offices {
			if containsStr(c.rec.Expand(o), t.Office) {
				return t
			}
		}
	}
	return nil
}

func (c *Checker) currentTerm(person string, offices []string) *facts.Term {
	p := c.rec.Person(person)
	if p == nil {
		return nil
	}
	for _, t := range p.Terms {
		if t.Current() {
			for _, o := range offices {
				if containsStr(c.rec.Expand(o), t.Office) {
					return t
				}
			}
		}
	}
	return nil
}

func (c *Checker) heldList(person string, when facts.Interval) string {
	var names []string
	for _, t := range c.rec.TermsAt(person, when) {
		names = appendNew(names, c.officeName(t.Office))
	}
	if len(names) == 0 {
		return "no office in the record"
	}
	return listAnd(names)
}

// officeCorrection: "In 1955 Nikita Khrushchev was First Secretary of the
// CPSU; the office was held by Nikolai Bulganin. Khrushchev held it from 27
// March 1958."
func (c *Checker) officeCorrection(person string, offices []string, when facts.Interval) string {
	name := c.personName(person)
	var b strings.Builder
	b.WriteString(capitalize(during(when)))
	b.WriteString(" ")
	b.WriteString(name)
	b.WriteString(" was ")
	b.WriteString(c.heldList(person, when))
	var holders []string
	for _, o := range offices {
		for _, t := range c.rec.Holders(o, when) {
			holders = appendNew(holders, c.personName(t.Person))
		}
	}
	if len(holders) > 0 {
		b.WriteString("; ")
		b.WriteString(c.officeName(offices[0]))
		b.WriteString(" was ")
		b.WriteString(listAnd(holders))
	}
	b.WriteString(".")
	p := c.rec.Person(person)
	for _, t := range p.Terms {
		for _, o := range offices {
			if containsStr(c.rec.Expand(o), t.Office) {
				b.WriteString(" ")
				b.WriteString(name)
				b.WriteString(" was ")
				b.WriteString(c.officeName(t.Office))
				b.WriteString(" ")
				b.WriteString(fromTo(t))
				b.WriteString(".")
			}
		}
	}
	return b.String()
}

// judgeOrdinalOffice checks "India's first Prime Minister", "the last leader
// of the Soviet Union".
func (c *Checker) judgeOrdinalOffice(cl *Claim, person, name string) {
	office := cl.Office[0]
	o := c.rec.Office(office)
	var terms []*facts.Term
	for _, x := range c.rec.Expand(office) {
		for _, t := range c.rec.Office(x).Terms {
			if !t.Acting {
				terms = append(terms, t)
			}
		}
	}
	if len(terms) == 0 {
		cl.Explanation = "The record holds no terms of this office."
		return
	}
	var holder string
	var deciding *facts.Term
	if cl.Ordinal > 0 {
		if o.Established.IsZero() {
			cl.Explanation = "The record does not say when the office of " + o.Name + " began, so it cannot count its holders."
			return
		}
		if ok, sc := c.rec.OfficeCovered(office, facts.Interval{Start: o.Established, End: o.Established}); !ok {
			cl.Explanation = c.uncovered(sc, officeTermsUncovered)
			return
		}
		sort.SliceStable(terms, func(i, j int) bool { return terms[i].When.Lo() < terms[j].When.Lo() })
		var order []*facts.Term
		seen := map[string]bool{}
		for _, t := range terms {
			if !seen[t.Person] {
				seen[t.Person] = true
				order = append(order, t)
			}
		}
		if cl.Ordinal > len(order) {
			cl.Explanation = "The record holds fewer holders of this office."
			return
		}
		deciding = order[cl.Ordinal-1]
	} else {
		sort.SliceStable(terms, func(i, j int) bool { return c.rec.Span(terms[i]).Hi() < c.rec.Span(terms[j]).Hi() })
		deciding = terms[len(terms)-1]
		if ok, sc := c.rec.OfficeCovered(office, c.rec.Span(deciding)); !ok {
			cl.Explanation = c.uncovered(sc, officeTermsUncovered)
			return
		}
	}
	holder = deciding.Person
	cl.Evidence = append(cl.Evidence, c.termEvidence(deciding))
	if !deciding.Confidence.Decisive() {
		cl.Explanation = "Rests on a term the record marks " + deciding.Confidence.String() + "."
		return
	}
	what := "the " + ordinalText(cl.Ordinal) + " " + o.Name
	if holder == person {
		cl.Verdict = Supported
		cl.Explanation = name + " was " + what + ": " + c.termEvidence(deciding).Summary + "."
		return
	}
	cl.Verdict = Contradicted
	cl.Explanation = name + " was not " + what + "."
	cl.Correction = c.personName(holder) + " was " + what + " (" + fmtTerm(deciding) + ")."
}

// judgeTookOffice checks "X became Premier in 1958": a term of the office
// must start at the claim's time.
func (c *Checker) judgeTookOffice(cl *Claim, person, name string) {
	when := cl.Time.When
	var starts []*facts.Term
	p := c.rec.Person(person)
	for _, t := range p.Terms {
		for _, o := range cl.Office {
			if containsStr(c.rec.Expand(o), t.Office) {
				starts = append(starts, t)
			}
		}
	}
	for _, t := range starts {
		if (facts.Interval{Start: t.When.Start, End: t.When.Start}).Overlaps(when) && t.Confidence.Decisive() {
			cl.Verdict = Supported
			cl.Explanation = name + " took office as " + c.officeName(t.Office) + " on " + fmtDate(t.When.Start) + "."
			cl.Evidence = append(cl.Evidence, c.termEvidence(t))
			return
		}
	}
	if covered, _ := c.officesAccounted(cl.Office, when); !covered {
		cl.Explanation = "The record does not hold every term of this office at that time."
		return
	}
	// the correction: each start, "X became Y on D.", one after the other
	var buf [256]byte
	corr := buf[:0]
	for _, t := range starts {
		if len(corr) > 0 {
			corr = append(corr, ' ')
		}
		corr = append(corr, name...)
		corr = append(corr, " became "...)
		corr = append(corr, c.officeName(t.Office)...)
		corr = append(corr, " on "...)
		corr = append(appendDate(corr, t.When.Start), '.')
		cl.Evidence = append(cl.Evidence, c.termEvidence(t))
	}
	cl.Verdict = Contradicted
	cl.Explanation = name + " did not take that office in " + fmtInterval(when) + "."
	if len(starts) == 0 {
		cl.Correction = "The record holds no term of " + c.officeName(cl.Office[0]) + " for " + name + "."
	} else {
		cl.Correction = string(corr)
	}
}

// judgeSignedAt checks where a named agreement was signed.
func (c *Checker) judgeSignedAt(cl *Claim, cands []*facts.Event) {
	if len(cands) != 1 {
		cl.Explanation = "The name fits more than one agreement in the record."
		return
	}
	e := cands[0]
	cl.EventID = e.ID
	cl.Evidence = append(cl.Evidence, c.evidence(e))
	switch {
	case len(e.Places) == 0:
		cl.Explanation = "The record does not say where " + e.Title + " was signed."
	case !e.Confidence.Decisive():
		cl.Explanation = "Rests on a fact the record marks " + e.Confidence.String() + "."
	case containsStr(e.Places, cl.SignedAt):
		cl.Verdict = Supported
		cl.Explanation = e.Title + " was signed in " + c.placeName(cl.SignedAt) + "."
	default:
		cl.Verdict = Contradicted
		places := c.placeList(e.Places)
		cl.Explanation = e.Title + " was signed in " + places + ", not " + c.placeName(cl.SignedAt) + "."
		cl.Correction = "Signed in " + places + " on " + fmtInterval(e.When) + "."
	}
}

// officesAccounted reports whether the record knows every holder of these
// offices at the time: each office's terms are complete then, or the office
// did not exist yet.
func (c *Checker) officesAccounted(offices []string, when facts.Interval) (bool, *facts.Scope) {
	for _, o := range offices {
		for _, x := range c.rec.Expand(o) {
			if ok, sc := c.rec.OfficeCovered(x, when); !ok {
				est := c.rec.Office(x).Established
				if est.IsZero() || when.Hi() >= est.First() {
					return false, sc
				}
			}
		}
	}
	return true, nil
}

// citeCoverage adds, as evidence for a verdict that rests on the record being
// complete, the coverage row with the lists it rests on and the terms of
// office that put the claim's people in its scope.
func (c *Checker) citeCoverage(cl *Claim, scope *facts.Scope) {
	if scope == nil {
		return
	}
	cl.Evidence = appendEvidence(cl.Evidence, c.coverageEvidence(scope))
	if len(scope.Who) > 7 && scope.Who[:7] == "office:" {
		for _, s := range cl.Subjects {
			for _, t := range c.rec.Holders(scope.Who[7:], scope.Period) {
				if t.Person == s {
					cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(t))
					break
				}
			}
		}
	}
}

func (c *Checker) summitCount() int {
	n := 0
	for _, e := range c.rec.Events {
		if e.Kind == facts.Summit {
			n++
		}
	}
	return n
}
