package checker

import (
	"fmt"
	"sort"
	"strings"

	"github.com/relcheck/relcheck/facts"
)

// judge gives a claim its verdict, explanation, correction and evidence.
func (c *Checker) judge(cl *Claim, st *docState) {
	cl.Verdict = Unknown
	if cl.Mode != Asserted {
		cl.Explanation = fmt.Sprintf("Not asserted (%s): only asserted claims are checked.", cl.Mode)
		return
	}
	if !cl.Time.When.Start.IsZero() && cl.Time.When.End.IsZero() {
		// "after 1993" with no document date: as far as the record reaches
		cl.Time.When.End = c.rec.AsOf
	}
	if !cl.Time.When.Start.IsZero() && cl.Time.When.Lo() > c.rec.AsOf.Last() {
		cl.Explanation = fmt.Sprintf("After the record's as-of date (%s): the record cannot say.", fmtDate(c.rec.AsOf))
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
		cl.Notes = append(cl.Notes, fmt.Sprintf("Quoted speech: the claim is %s's, not the article's. The record contradicts it: %s", who, cl.Explanation))
		cl.Verdict = Unknown
		cl.Explanation = "In a quotation: reported as a note, not as the article's error."
	}
	if cl.Verdict != Unknown && cl.Confidence < c.opts.MinConfidence {
		cl.Notes = append(cl.Notes, fmt.Sprintf("Would be %s, but the names were resolved with confidence %.2f, below the minimum %.2f.", cl.Verdict, cl.Confidence, c.opts.MinConfidence))
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
func timeFit(claim, fact facts.Interval) fit {
	if !claim.Overlaps(fact) {
		return fitNo
	}
	if claim.Lo() <= fact.Lo() && fact.Hi() <= claim.Hi() {
		return fitYes // the whole fact lies in the claim's time
	}
	// the fact began (or ended) on a day the claim's time surely holds
	if claim.Lo() <= fact.Start.First() && fact.Start.Last() <= claim.Hi() || claim.Lo() <= fact.End.First() && fact.End.Last() <= claim.Hi() {
		return fitYes
	}
	// days the fact surely covers: from its latest possible start to its
	// earliest possible end
	lo, hi := fact.Start.Last(), fact.End.First()
	if lo <= hi && claim.Lo() <= hi && lo <= claim.Hi() {
		return fitYes
	}
	return fitMaybe
}

// asOf is the day up to which "most recently" and "the last" are read.
func (c *Checker) asOf() facts.DayNum { return c.rec.AsOf.Last() }

// visitTarget is where a visit claim says the visit went.
func (c *Checker) visitDest(cl *Claim, day facts.DayNum) (country, city string) {
	if len(cl.Places) == 0 {
		return "", ""
	}
	p := c.rec.Place(cl.Places[0])
	if p == nil {
		return "", ""
	}
	if p.Kind == "city" {
		return c.rec.CountryAt(p.ID, day), p.ID
	}
	return p.ID, ""
}

// visitMatches lists the visits by all the claim's subjects in its
// direction; time is checked by the caller.
type visitMatch struct {
	e        *facts.Event
	cityMiss bool // the country matches but the city is not among the places recorded
}

func (c *Checker) visitsOf(cl *Claim) []visitMatch {
	var out []visitMatch
	if len(cl.Subjects) == 0 {
		return nil
	}
	p := c.rec.Person(cl.Subjects[0])
	if p == nil {
		return nil
	}
	for _, e := range p.Events {
		if e.Kind != facts.Visit || !involvesAll(e, cl.Subjects) {
			continue
		}
		country, city := c.visitDest(cl, e.When.Lo())
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

// coverage for a visit claim: the subject's direction at the claim's time.
func (c *Checker) visitCovered(cl *Claim, when facts.Interval) (bool, *facts.Scope) {
	country, _ := c.visitDest(cl, when.Lo())
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

func (c *Checker) uncovered(scope *facts.Scope, what string) string {
	if scope != nil && scope.Note != "" && !scope.Complete {
		return scope.Note
	}
	return "The record does not cover " + what + " completely, so the absence of a matching fact proves nothing."
}

func (c *Checker) judgeVisit(cl *Claim) {
	if cl.Elsewhere != "" {
		cl.Explanation = fmt.Sprintf("%s is not a place in the record, which covers only its own countries and cities: it cannot check this visit.", cl.Elsewhere)
		return
	}
	all := c.visitsOf(cl)
	who := c.personNames(cl.Subjects)
	dest := "abroad"
	if country, _ := c.visitDest(cl, cl.Time.When.Lo()); country != "" {
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
	for _, m := range all {
		f := timeFit(when, m.e.When)
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
	covered, scope := c.visitCovered(cl, when)
	record := c.visitList(all)
	switch {
	case cl.Count > 0:
		c.judgeCount(cl, decisive, weak, covered, scope, who, dest, record)
		return
	case cl.Ordinal != 0 || cl.Recent:
		c.judgeVisitOrder(cl, all, covered, scope, who, dest, record)
		return
	}
	if cl.Negated {
		switch {
		case len(maybe) > 0 || len(weak) > 0:
			cl.Explanation = "The record cannot tell: a visit it holds may fall in that time."
		case len(decisive) > 0:
			c.contradict(cl, fmt.Sprintf("%s did visit %s then: %s.", who, dest, c.describe(decisive[0])), record+".", decisive...)
		case covered:
			cl.Verdict = Supported
			cl.Explanation = fmt.Sprintf("The record, complete here, holds no visit by %s to %s in %s.", who, dest, fmtInterval(cl.Time.When))
			cl.Notes = append(cl.Notes, record)
			c.citeCoverage(cl, scope)
		default:
			cl.Explanation = c.uncovered(scope, "these visits")
		}
		return
	}
	switch {
	case len(decisive) > 0:
		cl.Verdict = Supported
		cl.Explanation = fmt.Sprintf("The record holds %s.", c.describe(decisive[0]))
		for _, e := range decisive {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
			cl.EventID = e.ID
			c.visitNotes(cl, e)
		}
	case len(maybe) > 0:
		cl.Explanation = fmt.Sprintf("The record dates the visit only to %s: %s.", fmtInterval(maybe[0].When), c.describe(maybe[0]))
		cl.EventID = maybe[0].ID
		cl.Evidence = append(cl.Evidence, c.evidence(maybe[0]))
	case len(cityMiss) > 0:
		cl.Explanation = fmt.Sprintf("The record holds the visit (%s) but does not list %s among its places.", c.describe(cityMiss[0]), c.placeName(cl.Places[0]))
		cl.EventID = cityMiss[0].ID
		for _, e := range cityMiss {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
	case len(weak) > 0:
		cl.Explanation = fmt.Sprintf("Rests only on an unverified listing: %s.", c.describe(weak[0]))
		if !covered {
			cl.Explanation += " " + c.uncovered(scope, "these visits")
		}
		for _, e := range weak {
			cl.Evidence = append(cl.Evidence, c.evidence(e))
		}
	case covered:
		c.contradict(cl, fmt.Sprintf("The record, complete for these visits, holds no visit by %s to %s in %s.", who, dest, fmtInterval(cl.Time.When)), record+"; none in "+fmtInterval(cl.Time.When)+".", c.decisiveOnly(all)...)
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = fmt.Sprintf("No visit by %s to %s in %s is known. %s", who, dest, fmtInterval(cl.Time.When), c.uncovered(scope, "these visits"))
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

func (c *Checker) relationsStartNote() string {
	var parts []string
	for _, e := range c.rec.Events {
		if e.HasTag("relations-start") && e.Confidence.Decisive() {
			parts = append(parts, fmt.Sprintf("%s's visit to %s (%s)", c.personNames(e.Who), c.countryName(e.To), fmtInterval(e.When)))
		}
	}
	return "Counted as the start of relations from both sides: " + listAnd(parts) + "."
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
// December 1961, November 1973 and December 1980".
func (c *Checker) visitList(ms []visitMatch) string {
	evs := c.decisiveOnly(ms)
	if len(evs) == 0 {
		return "The record holds no such visit"
	}
	var dates []string
	for _, e := range evs {
		dates = append(dates, fmtMonth(e.When.Start))
	}
	return fmt.Sprintf("%s visited %s in %s", c.personNames(evs[0].Who), c.countryName(evs[0].To), listAnd(dates))
}

func (c *Checker) contradict(cl *Claim, why, correction string, evs ...*facts.Event) {
	cl.Verdict = Contradicted
	cl.Explanation = why
	cl.Correction = correction
	for _, e := range evs {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	if len(cl.Evidence) == 0 && len(evs) == 0 {
		// a contradiction from completeness still names its sources: the coverage
		// rests on the same tables; nothing else to add here
	}
}

func (c *Checker) judgeCount(cl *Claim, decisive, weak []*facts.Event, covered bool, scope *facts.Scope, who, dest, record string) {
	n := len(decisive)
	for _, e := range decisive {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	switch {
	case !covered:
		cl.Explanation = fmt.Sprintf("The record holds %d such visits, but %s", n, c.uncovered(scope, "these visits"))
	case n == cl.Count && len(weak) == 0:
		cl.Verdict = Supported
		cl.Explanation = fmt.Sprintf("The record holds %d visits by %s to %s in that time.", n, who, dest)
	case n != cl.Count:
		cl.Verdict = Contradicted
		cl.Explanation = fmt.Sprintf("The record, complete here, holds %d visits by %s to %s, not %d.", n, who, dest, cl.Count)
		cl.Correction = fmt.Sprintf("%d visits: %s.", n, strings.TrimPrefix(record, "The record holds no such visit"))
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = fmt.Sprintf("%d visits are verified and %d more rest on unverified listings.", n, len(weak))
	}
}

// judgeVisitOrder checks "first visit", "last visit", "most recently in".
func (c *Checker) judgeVisitOrder(cl *Claim, all []visitMatch, covered bool, scope *facts.Scope, who, dest, record string) {
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
		cl.Explanation = c.uncovered(scope, "these visits")
		if pick != nil {
			cl.Evidence = append(cl.Evidence, c.evidence(pick))
		}
		return
	}
	if pick == nil {
		c.contradict(cl, fmt.Sprintf("The record holds no %s visit by %s to %s.", word, who, dest), record+".")
		c.citeCoverage(cl, scope)
		return
	}
	cl.Evidence = append(cl.Evidence, c.evidence(pick))
	cl.EventID = pick.ID
	if cl.Time.When.Start.IsZero() || pick.When.Overlaps(cl.Time.When) {
		cl.Verdict = Supported
		cl.Explanation = fmt.Sprintf("The %s visit by %s to %s in the record: %s.", word, who, dest, c.describe(pick))
		c.visitNotes(cl, pick)
		return
	}
	c.contradict(cl, fmt.Sprintf("The %s visit by %s to %s was in %s, not %s.", word, who, dest, fmtMonth(pick.When.Start), fmtInterval(cl.Time.When)), record)
}

func (c *Checker) judgeSummit(cl *Claim) {
	if cl.Other {
		cl.Explanation = "The record covers only the numbered annual summits, not this one."
		return
	}
	var series []*facts.Event
	for _, e := range c.rec.Events {
		if e.Kind == facts.Summit && involvesAll(e, cl.Subjects) {
			series = append(series, e)
		}
	}
	when := cl.Time.When
	covered, scope := c.rec.Covered(facts.Summit, "", "", "", nonZero(when, c.rec.AsOf))
	if cl.Count > 0 {
		var n []*facts.Event
		for _, e := range series {
			if e.Confidence.Decisive() && (when.Start.IsZero() || timeFit(when, e.When) == fitYes) {
				n = append(n, e)
			}
		}
		switch {
		case !covered:
			cl.Explanation = c.uncovered(scope, "these summits")
		case len(n) == cl.Count:
			cl.Verdict = Supported
			cl.Explanation = fmt.Sprintf("The record holds %d annual summits in that time.", len(n))
		default:
			cl.Verdict = Contradicted
			cl.Explanation = fmt.Sprintf("The record, complete for the annual summits, holds %d, not %d.", len(n), cl.Count)
			cl.Correction = fmt.Sprintf("%d annual summits.", len(n))
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
			c.contradict(cl, fmt.Sprintf("The record, complete for the annual summits, holds no %s.", what), fmt.Sprintf("The series has %d annual summits.", c.summitCount()))
			c.citeCoverage(cl, scope)
		} else {
			cl.Explanation = c.uncovered(scope, "these summits")
		}
		return
	}
	if pick != nil {
		cl.Evidence = append(cl.Evidence, c.evidence(pick))
		cl.EventID = pick.ID
		if bad := c.summitMismatch(cl, pick); bad != "" {
			if pick.Confidence.Decisive() {
				c.contradict(cl, fmt.Sprintf("The %s was %s.", what, c.describe(pick)), bad)
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
		cl.Explanation = fmt.Sprintf("The %s: %s.", what, c.describe(pick))
		return
	}
	// no number or ordinal: any summit that fits
	var fits []*facts.Event
	for _, e := range series {
		if c.summitMismatch(cl, e) == "" && e.Confidence.Decisive() {
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
		corr := fmt.Sprintf("No annual summit was held %s.", during(when))
		if len(that) > 0 {
			corr = "That time's summit: " + strings.Join(that, "; ") + "."
		}
		c.contradict(cl, "The record, complete for the annual summits, holds no summit that fits.", corr)
		c.citeCoverage(cl, scope)
	default:
		cl.Explanation = c.uncovered(scope, "these summits")
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
	var bad []string
	if !cl.Time.When.Start.IsZero() && timeFit(cl.Time.When, e.When) == fitNo {
		bad = append(bad, fmt.Sprintf("held %s, not %s", during(e.When), during(cl.Time.When)))
	}
	for _, p := range cl.Places {
		pl := c.rec.Place(p)
		if pl == nil {
			continue
		}
		if pl.Kind == "country" && !c.rec.SameCountry(p, e.To) && !c.rec.SameCountry(e.To, p) {
			bad = append(bad, fmt.Sprintf("held in %s, not %s", c.countryName(e.To), c.countryName(p)))
		}
		if pl.Kind == "city" && !containsStr(e.Places, p) {
			bad = append(bad, fmt.Sprintf("held in %s, not %s", c.placeList(e.Places), pl.Name))
		}
	}
	for _, s := range cl.Subjects {
		if !e.Involves(s) {
			bad = append(bad, fmt.Sprintf("between %s", c.personNames(e.Who)))
			break
		}
	}
	if len(bad) == 0 {
		return ""
	}
	return "The " + ordinalWord(e.Number) + " annual summit was " + strings.Join(bad, ", ") + "."
}

func (c *Checker) judgeAgreement(cl *Claim, st *docState) {
	if cl.Unlisted != "" {
		cl.Explanation = fmt.Sprintf("The record does not list an agreement called %q, so it cannot check it.", cl.Unlisted+" "+cl.Phrase)
		return
	}
	var cands []*facts.Event
	if cl.EventID != "" {
		for _, id := range strings.Split(cl.EventID, "|") {
			if e := c.rec.Event(id); e != nil {
				cands = append(cands, e)
			}
		}
	} else {
		for _, e := range c.rec.Events {
			if e.Kind == facts.Agreement && c.agreementKindFits(cl.Phrase, e) && c.partiesFit(cl.Places, e) {
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
			cl.Explanation = fmt.Sprintf("%s was for %d years.", fits[0].Title, cl.Duration)
			cl.Evidence = append(cl.Evidence, c.evidence(fits[0]))
			cl.EventID = fits[0].ID
		case named && len(cands) == 1 && len(other) == 1 && other[0].Confidence.Decisive():
			c.contradict(cl, fmt.Sprintf("%s was for %d years, not %d.", other[0].Title, other[0].Term, cl.Duration), fmt.Sprintf("%d years.", other[0].Term), other[0])
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
	for _, e := range cands {
		switch timeFit(cl.Time.When, e.When) {
		case fitYes:
			fits = append(fits, e)
		case fitMaybe:
			maybe = append(maybe, e)
		}
	}
	if len(fits) == 0 && len(maybe) > 0 {
		cl.Explanation = fmt.Sprintf("The record dates it only to %s: %s.", fmtInterval(maybe[0].When), c.describe(maybe[0]))
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
		c.contradict(cl, fmt.Sprintf("%s dates from %s, not %s.", e.Title, fmtInterval(e.When), fmtInterval(cl.Time.When)), fmt.Sprintf("%s: %s.", e.Title, fmtInterval(e.When)), e)
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
	for _, e := range formal {
		if e.Confidence.Decisive() {
			covered = true // a recorded establishment is the fact a start date states
		}
	}
	for _, e := range formal {
		if timeFit(when, e.When) == fitYes && e.Confidence.Decisive() {
			cl.Verdict = Supported
			cl.Explanation = fmt.Sprintf("In the formal sense: %s.", c.describe(e))
			cl.Evidence = append(cl.Evidence, c.evidence(e))
			if len(start) > 0 {
				cl.Notes = append(cl.Notes, c.relationsStartNote())
			}
			return
		}
	}
	var hits []*facts.Event
	for _, e := range start {
		if timeFit(when, e.When) != fitNo && e.Confidence.Decisive() {
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
		cl.Explanation = c.uncovered(scope, "relations")
		return
	}
	var corr []string
	for _, e := range formal {
		corr = append(corr, fmt.Sprintf("%s on %s", strings.TrimSuffix(e.Title, "."), fmtInterval(e.When)))
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	for _, e := range start {
		cl.Evidence = append(cl.Evidence, c.evidence(e))
	}
	sort.Strings(corr)
	cl.Verdict = Contradicted
	cl.Explanation = fmt.Sprintf("Relations did not begin in %s.", fmtInterval(when))
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
			cl.Explanation = c.uncovered(scope, "these terms of office")
			return
		}
		// a title still held at the record's date is a current title
		if cur := c.currentTerm(person, cl.Office); cur != nil && !cl.Predicate {
			cl.Evidence = appendEvidence(cl.Evidence, c.termEvidence(cur))
			notes = append(notes, fmt.Sprintf("%s %s was %s; the title is read as a current one.", capitalize(during(when)), name, c.heldList(person, when)))
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
		cl.Explanation = fmt.Sprintf("%s did not hold the office of %s at that time.", name, c.officeName(cl.Office[0]))
		cl.Correction = strings.Join(wrong, " ")
		return
	}
	cl.Verdict = Supported
	if heldAll {
		cl.Explanation = fmt.Sprintf("%s held the office of %s then.", name, c.officeName(cl.Office[0]))
	} else {
		cl.Explanation = fmt.Sprintf("%s holds the office of %s (a current title).", name, c.officeName(cl.Office[0]))
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
			for _, eid := range strings.Split(id, "|") {
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
	fmt.Fprintf(&b, "%s %s was %s", capitalize(during(when)), name, c.heldList(person, when))
	var holders []string
	for _, o := range offices {
		for _, t := range c.rec.Holders(o, when) {
			holders = appendNew(holders, c.personName(t.Person))
		}
	}
	if len(holders) > 0 {
		fmt.Fprintf(&b, "; %s was %s", c.officeName(offices[0]), listAnd(holders))
	}
	b.WriteString(".")
	p := c.rec.Person(person)
	for _, t := range p.Terms {
		for _, o := range offices {
			if containsStr(c.rec.Expand(o), t.Office) {
				fmt.Fprintf(&b, " %s was %s %s.", name, c.officeName(t.Office), fromTo(t))
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
			cl.Explanation = fmt.Sprintf("The record does not say when the office of %s began, so it cannot count its holders.", o.Name)
			return
		}
		if ok, sc := c.rec.OfficeCovered(office, facts.Interval{Start: o.Established, End: o.Established}); !ok {
			cl.Explanation = c.uncovered(sc, "the terms of this office")
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
			cl.Explanation = c.uncovered(sc, "the terms of this office")
			return
		}
	}
	holder = deciding.Person
	cl.Evidence = append(cl.Evidence, c.termEvidence(deciding))
	if !deciding.Confidence.Decisive() {
		cl.Explanation = "Rests on a term the record marks " + deciding.Confidence.String() + "."
		return
	}
	what := fmt.Sprintf("the %s %s", ordinalText(cl.Ordinal), o.Name)
	if holder == person {
		cl.Verdict = Supported
		cl.Explanation = fmt.Sprintf("%s was %s: %s.", name, what, c.termEvidence(deciding).Summary)
		return
	}
	cl.Verdict = Contradicted
	cl.Explanation = fmt.Sprintf("%s was not %s.", name, what)
	cl.Correction = fmt.Sprintf("%s was %s (%s).", c.personName(holder), what, fmtTerm(deciding))
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
			cl.Explanation = fmt.Sprintf("%s took office as %s on %s.", name, c.officeName(t.Office), fmtDate(t.When.Start))
			cl.Evidence = append(cl.Evidence, c.termEvidence(t))
			return
		}
	}
	if covered, _ := c.officesAccounted(cl.Office, when); !covered {
		cl.Explanation = "The record does not hold every term of this office at that time."
		return
	}
	var corr []string
	for _, t := range starts {
		corr = append(corr, fmt.Sprintf("%s became %s on %s.", name, c.officeName(t.Office), fmtDate(t.When.Start)))
		cl.Evidence = append(cl.Evidence, c.termEvidence(t))
	}
	if len(corr) == 0 {
		corr = append(corr, fmt.Sprintf("The record holds no term of %s for %s.", c.officeName(cl.Office[0]), name))
	}
	cl.Verdict = Contradicted
	cl.Explanation = fmt.Sprintf("%s did not take that office in %s.", name, fmtInterval(when))
	cl.Correction = strings.Join(corr, " ")
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
		cl.Explanation = fmt.Sprintf("%s was signed in %s.", e.Title, c.placeName(cl.SignedAt))
	default:
		cl.Verdict = Contradicted
		cl.Explanation = fmt.Sprintf("%s was signed in %s, not %s.", e.Title, c.placeList(e.Places), c.placeName(cl.SignedAt))
		cl.Correction = fmt.Sprintf("Signed in %s on %s.", c.placeList(e.Places), fmtInterval(e.When))
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
	cl.Evidence = appendEvidence(cl.Evidence, Evidence{Fact: scope.ID, Summary: "coverage: " + scope.Note, Sources: scope.Sources})
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
