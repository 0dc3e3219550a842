package checker

import (
	"bytes"
	"slices"
	"sort"
	"strings"
)

// Words that make or qualify claims. These are English grammar, not names:
// the names all come from the record.
var (
	visitVerbs        = set("visit visits visited visiting travelled traveled travels travel flew flies fly went goes go gone came comes come arrived arrives arrive toured tours tour journeyed landed hosted hosts host stopped reached returned received welcomed return returns returning spent attended attends")
	visitNouns        = set("visit visits trip trips tour journey stopover stop-over stop")
	pastVerbs         = set("visited travelled traveled flew went gone came arrived toured journeyed landed hosted stopped reached returned received welcomed spent attended")
	hostVerbs         = set("hosted hosts host received welcomed")
	summitWord        = set("summit summits")
	agreeNouns        = set("treaty declaration agreement deal contract pact accord protocol treaties agreements deals")
	relNouns          = set("relations relationship ties relation partnership")
	startWords        = set("began begun begin begins beginning start started starts established establishment date dates dated inception founded formalised formalized set")
	futureW           = set("will shall upcoming")
	condW             = set("if unless whether would")
	opinionW          = set("perhaps possibly probably maybe might arguably allegedly supposedly presumably seemingly likely")
	signWords         = set("signed sign signs signing concluded inked agreed sealed")
	allowedSummitQual = set("annual bilateral the a an his her their its first last no any every - – — and")
)

var (
	genericAgreementWords = set("important historic landmark major new bilateral first second key crucial significant formal military defence defense economic trade nuclear")
	determiners           = set("a an the this that these those its their his her our any no every")
	dateWords             = set("dates date dated")
	relativeWords         = set("this that which")
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sentence is one segment being read.
type sentence struct {
	text  string
	toks  []token
	times []timeExpr
	ments []ment
	mode  Mode
	// the classes of the sentence's words, together: a pass that looks for
	// a word of a class need not be made when no word has it
	cls wordClass
	// the visit and summit triggers' token indexes, once nearestTrigger has
	// looked for them; the words of every kind of trigger, once timesFor has
	triggerAt, kindAt []int
	kindsRead         bool // kindAt is filled (it starts as a buffer of docState's)
	mixedKinds        bool // kindAt holds triggers of more than one kind
	// countIn's answer, once countRead (see count)
	countRead       bool
	countAt, nCount int
}

// tokText is token i as written.
func (s *sentence) tokText(i int) string { return s.text[s.toks[i].start:s.toks[i].end] }

func (s *sentence) w(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].norm
}

// parseTokens turns one sentence, already split into classified words (see
// prepare), into claims without verdicts.
func (c *Checker) parseTokens(text string, toks []token, st *docState) []*Claim {
	st.seq++
	if len(toks) == 0 {
		return nil // a sentence the gate turned away (see prepare), or no words
	}
	s := &sentence{text: text, toks: toks, kindAt: st.kindAt[:0]}
	var cls wordClass
	digit := false
	for i := range toks {
		cls |= toks[i].cls
		digit = digit || toks[i].digit
	}
	s.cls = cls
	st.times = st.times[:0]
	if mayHoldTime(cls, digit) {
		st.times = appendTimes(st.times, s.toks, st.timeContext())
	}
	s.times = st.times
	s.ments = c.findMentions(s.toks, s.times, st)

	// the builders append to st.built, a buffer reused from sentence to
	// sentence; the claims are moved out of it below
	built := st.built[:0]
	if mayClaim(s) {
		c.attachTitles(s)
		s.mode = modeOf(s)
		built = c.visitClaims(s, st, built)
		built = c.summitClaims(s, st, built)
		built = c.agreementClaims(s, st, built, len(built) > 0)
		built = c.relationsClaims(s, st, built)
		built = c.officeClaims(s, built)
	}
	st.built, st.kindAt = built, s.kindAt

	// what this sentence leaves for the next
	for k := range s.ments {
		m := &s.ments[k]
		switch m.kind {
		case "person":
			st.named(m.who)
		case "place", "adjective":
			if m.isCountry {
				st.noteCountry(m.ids[0])
			}
		}
	}
	for _, t := range s.times {
		if t.duration == 0 {
			st.lastTime = t.when
			st.timeSeq = st.seq
		}
	}
	if len(built) == 0 {
		return nil
	}
	quoted, speaker := c.quotation(s)
	var mentions []Mention
	if !c.opts.OmitMentions {
		mentions = c.exportMentions(s, &st.mentionMem)
	}
	// The claims go to the caller, who keeps them: they get memory of their
	// own, carved from the document's slab (see slab), not one allocation
	// each. The list of pointers is st's, reused.
	claims := st.claimMem.take(len(built))
	copy(claims, built)
	clear(built) // st keeps no pointer into the sentence
	out := st.claims[:0]
	for i := range claims {
		cl := &claims[i]
		cl.Text = text
		cl.Mode = s.mode
		cl.Quoted = quoted
		cl.Speaker = speaker
		cl.Mentions = mentions // one list for the sentence's claims: read only
		out = append(out, cl)
	}
	st.claims = out
	return out
}

// firstOf is the index of the first word of a class, or -1.
func (s *sentence) firstOf(c wordClass) int {
	if s.cls&c == 0 {
		return -1
	}
	return s.findClass(c)
}

// mayClaim is a cheap, conservative test run before the claim builders: it
// is false only when none of them can make a claim, because the sentence
// holds none of the words or mentions each needs: a visit trigger
// (isVisitTrigger), a summit word, an agreement noun or named agreement, a
// relations noun, or a title (office claims need a title attached to a
// person). Such a sentence still leaves its people, places and times to the
// next ones: parseTokens records them either way.
func mayClaim(s *sentence) bool {
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind == "office" || m.kind == "event" {
			return true
		}
	}
	if s.cls&(clsVisitNear|clsClaim) == 0 {
		return false
	}
	for i := range s.toks {
		t := &s.toks[i]
		switch {
		case t.is(clsVisitNear):
			if s.isVisitTrigger(i) {
				return true
			}
		case t.is(clsClaim):
			return true
		}
	}
	return false
}

// visitNearWords make a visit trigger with the words after them (see
// isVisitTrigger), and only then.
var visitNearWords = set("set touched was were been held")

// visitNearNext are the words that follow them in a trigger ("set foot",
// "touched down", "was in", "was back in", "been to", "held talks"). The
// gate lets a sentence of places through when one follows one of
// visitNearWords (see gate); TestVisitNearNext keeps the two lists in step.
var visitNearNext = set("foot down in back to talks")

// claimWords are the words without which no claim is made (see mayClaim).
var claimWords = union(visitVerbs, visitNouns, summitWord, agreeNouns, relNouns)

func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w := range s {
			m[w] = true
		}
	}
	return m
}

// modeWords holds every word a case of modeOf tests first.
var modeWords = union(condW, futureW, opinionW, set("set plans planned expected scheduled due intends going next may could i"))

// modeByWord is the mode a word makes on its own: Conditional for condW,
// Future for futureW, Opinion for opinionW. One lookup for modeOf, where
// each set would be one each.
var modeByWord = func() map[string]Mode {
	m := map[string]Mode{}
	for _, s := range []struct {
		words map[string]bool
		mode  Mode
	}{{condW, Conditional}, {futureW, Future}, {opinionW, Opinion}} {
		for w := range s.words {
			m[w] = s.mode
		}
	}
	return m
}()

// modeOf says whether the sentence asserts, asks, supposes, predicts or opines.
func modeOf(s *sentence) Mode {
	for k := len(s.toks) - 1; k >= 0 && s.toks[k].punct; k-- {
		if s.toks[k].norm == "?" {
			return Question
		}
	}
	if w := s.w(0); (w == "had" || w == "were" || w == "should") && len(s.ments) > 0 && s.ments[0].start == 1 {
		return Conditional // "Had Modi gone to Moscow in 2025, …"
	}
	if s.cls&clsMode == 0 {
		return Asserted // no case below can hold
	}
	for i := range s.toks {
		t := &s.toks[i]
		if !t.is(clsMode) {
			continue // no case below can hold
		}
		n := t.norm
		byWord := modeByWord[n]
		switch {
		case byWord == Conditional:
			return Conditional
		case byWord == Future, n == "set" && (s.w(i+1) == "to") && (s.w(i-1) == "is" || s.w(i-1) == "are" || s.w(i-1) == "was"),
			(n == "plans" || n == "planned" || n == "expected" || n == "scheduled" || n == "due" || n == "intends") && s.w(i+1) == "to",
			n == "going" && s.w(i+1) == "to" && !isPlaceNext(s, i+2),
			n == "next" && (s.w(i+1) == "month" || s.w(i+1) == "year" || s.w(i+1) == "week"):
			return Future
		case byWord == Opinion, n == "may" && !t.cap && (s.w(i+1) == "have" || s.w(i+1) == "be"),
			n == "could" && s.w(i+1) == "have",
			n == "i" && (s.w(i+1) == "think" || s.w(i+1) == "believe" || s.w(i+1) == "feel"):
			return Opinion
		}
	}
	return Asserted
}

func isPlaceNext(s *sentence, i int) bool {
	for k := range s.ments {
		m := &s.ments[k]
		if m.start == i && m.kind == "place" {
			return true
		}
	}
	return false
}

// negatedBefore reports a negation between from and the trigger at i.
func negatedBefore(s *sentence, from, i int) bool {
	for k := max(from, i-6); k < i; k++ {
		if isNegation(s.w(k)) {
			return true
		}
	}
	return false
}

// isNegation: "not", "never", "no", or a word ending in "n't" ("didn't",
// and "n't" itself). A switch, not a set: it is asked of the words before
// every trigger.
func isNegation(w string) bool {
	switch w {
	case "not", "never", "no":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

// isQuoteMark: is a punctuation token's norm, always one character (the
// mark itself), a quotation mark?
func isQuoteMark(norm string) bool {
	switch norm {
	case "\"", "“", "”", "«", "»":
		return true
	}
	return false
}

// isSayWord: a verb that reports speech ("said", "told", "according"). A
// switch, not a set: quotation asks it of every word of a quoted sentence.
func isSayWord(w string) bool {
	switch w {
	case "said", "says", "told", "added", "according", "claimed", "stated":
		return true
	}
	return false
}

// quotation reports whether the sentence is quoted speech, and who speaks
// when the sentence says so.
func (c *Checker) quotation(s *sentence) (bool, string) {
	quoted := false
	for i := range s.toks {
		if t := &s.toks[i]; t.punct && isQuoteMark(t.norm) {
			quoted = true
			break
		}
	}
	if !quoted {
		return false, ""
	}
	for i, t := range s.toks {
		if !isSayWord(t.norm) {
			continue
		}
		for k := range s.ments {
			m := &s.ments[k]
			if m.kind == "person" && (m.end == i || m.start == i+1) {
				return true, m.ids[0]
			}
		}
	}
	return true, ""
}

func (c *Checker) exportMentions(s *sentence, mem *slab[Mention]) []Mention {
	out := mem.take(len(s.ments) + len(s.times))[:0]
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind == "adjective" {
			continue
		}
		a, b := s.toks[m.start].start, s.toks[m.end-1].end
		id := m.ids[0]
		if len(m.ids) > 1 {
			id = strings.Join(m.ids, "|")
		}
		out = append(out, Mention{Start: a, End: b, Text: s.text[a:b], Kind: m.kind, ID: id, How: m.how, Confidence: m.conf})
	}
	for _, t := range s.times {
		a, b := s.toks[t.start].start, s.toks[t.end-1].end
		how := ByName
		if t.relative {
			how = ByContext
		}
		out = append(out, Mention{Start: a, End: b, Text: s.text[a:b], Kind: "time", How: how, Confidence: 1})
	}
	if len(out) == 0 {
		return nil // as before: no mentions is a nil list
	}
	return out
}

// attachTitles ties titles to the people they describe: "Soviet Premier
// Bulganin", "Gorbachev, the last leader of the Soviet Union,", "the Soviet
// premier, Nikita Khrushchev", "Khrushchev, then Premier", "Putin as Prime
// Minister"; and reads each title's country and ordinal.
func (c *Checker) attachTitles(s *sentence) {
	offices := false
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind != "office" {
			continue
		}
		offices = true
		// qualifiers before: "India's first", "the Soviet", "first Indian"
		j := m.start - 1
		for j >= 0 {
			if o := ordinalOf(s.w(j)); o != 0 && m.ordinal == 0 {
				m.ordinal = o
				j--
				continue
			}
			if pm := s.mentAt(j); pm != nil && (pm.kind == "adjective" || pm.kind == "place") {
				m.country = c.countryOf(pm.ids[0])
				j = pm.start - 1
				continue
			}
			if s.w(j) == "'s" {
				if pm := s.mentEndingAt(j); pm != nil && (pm.kind == "place" || pm.kind == "adjective") {
					m.country = c.countryOf(pm.ids[0])
					j = pm.start - 1
					continue
				}
			}
			if s.w(j) == "then" || s.w(j) == "the" || s.w(j) == "former" {
				j--
				continue
			}
			break
		}
		// "of the USSR", "of India"
		if s.w(m.end) == "of" {
			e := m.end + 1
			if s.w(e) == "the" {
				e++
			}
			if pm := s.mentAt(e); pm != nil && pm.kind == "place" {
				m.country = c.countryOf(pm.ids[0])
				m.end = pm.end
			}
		}
	}
	if !offices {
		return // every title attached below is an office mention
	}
	// attach: title directly before a person; a person then ", [the] title"; a
	// title then ", person"; person "as" / "was" / "became" title
	for k := range s.ments {
		p := &s.ments[k]
		if p.kind != "person" || p.how == ByPronoun {
			continue
		}
		if t := s.officeEndingBefore(p.start); t >= 0 {
			p.title = t
			continue
		}
		if s.w(p.end) == "," {
			k := p.end + 1
			for { // "X, by then Premier,", "X, at the time Russia's prime minister,", "X, who was then the Soviet head of government,"
				switch {
				case s.w(k) == "by" && s.w(k+1) == "then":
					k += 2
					continue
				case s.w(k) == "at" && s.w(k+1) == "the" && s.w(k+2) == "time":
					k += 3
					continue
				case s.w(k) == "who" && (s.w(k+1) == "was" || s.w(k+1) == "is"):
					k += 2
					continue
				case s.w(k) == "both" || s.w(k) == "still" || s.w(k) == "already":
					k++
					continue
				}
				break
			}
			if t := s.officeStartingNear(k); t >= 0 {
				p.title = t
				continue
			}
		}
		// "Was Khrushchev the Soviet premier in 1955?"
		if w := s.w(p.start - 1); (w == "was" || w == "is") && s.w(p.end) == "the" {
			if t := s.officeStartingNear(p.end); t >= 0 {
				p.title, p.predicate = t, true
				continue
			}
		}
		// "the Soviet premier was Nikolai Bulganin", "Russia's president in 2010 was Putin"
		if w := s.w(p.start - 1); w == "was" || w == "is" {
			for k := p.start - 1; k >= 0 && k >= p.start-8; k-- {
				if t := s.officeEndingBefore(k); t >= 0 {
					p.title, p.predicate = t, true
					break
				}
				if s.toks[k].punct || s.mentAt(k) != nil && s.mentAt(k).kind == "person" {
					break
				}
			}
			if p.title >= 0 {
				continue
			}
		}
		if p.start >= 2 && s.w(p.start-1) == "," {
			if t := s.officeEndingBefore(p.start - 1); t >= 0 {
				p.title = t
				continue
			}
		}
		// "X visited the Soviet Union in 1991 as prime minister"
		for k := p.end; k < len(s.toks)-1 && k < p.end+14; k++ {
			if s.w(k) == "as" && s.mentAt(k-1) == nil || s.w(k) == "as" {
				if t := s.officeStartingNear(k + 1); t >= 0 && p.title < 0 && s.firstPersonBefore(k) == p {
					p.title = t
				}
				break
			}
		}
		if p.title >= 0 {
			continue
		}
		// predicates: "X became Premier", "X was Prime Minister", "X served as President"
		j := p.end
		if s.w(j) == "," || s.w(j) == "then" {
			j++
		}
		switch s.w(j) {
		case "became", "becomes":
			if t := s.officeStartingNear(j + 1); t >= 0 {
				p.title, p.became = t, true
			}
		case "took":
			// "took office as", "took the oath as", "took over as"
			k := j + 1
			for s.w(k) == "office" || s.w(k) == "the" || s.w(k) == "oath" || s.w(k) == "over" {
				k++
			}
			if s.w(k) == "as" {
				if t := s.officeStartingNear(k + 1); t >= 0 {
					p.title, p.became = t, true
				}
			}
		case "was", "is", "remained":
			k := j + 1
			for s.w(k) == "still" || s.w(k) == "already" || s.w(k) == "then" || s.w(k) == "also" {
				k++
			}
			if s.w(k) == "elected" || s.w(k) == "appointed" || s.w(k) == "named" || s.w(k) == "sworn" {
				if s.w(k+1) == "in" {
					k++ // "sworn in as"
				}
				if s.w(k+1) == "as" {
					k++
				}
				if t := s.officeStartingNear(k + 1); t >= 0 {
					p.title, p.became = t, true
				}
				continue
			}
			if t := s.officeStartingNear(k); t >= 0 {
				p.title, p.predicate = t, true
			}
		case "served":
			if s.w(j+1) == "as" {
				if t := s.officeStartingNear(j + 2); t >= 0 {
					p.title = t
				}
			}
		}
	}
}

func (s *sentence) mentAt(i int) *ment {
	for k := range s.ments {
		if s.ments[k].start == i || (s.ments[k].start < i && i < s.ments[k].end) {
			return &s.ments[k]
		}
	}
	return nil
}

func (s *sentence) mentEndingAt(i int) *ment {
	for k := range s.ments {
		if s.ments[k].end == i {
			return &s.ments[k]
		}
	}
	return nil
}

// officeEndingBefore finds an office mention ending at token i.
func (s *sentence) officeEndingBefore(i int) int {
	for k := range s.ments {
		if s.ments[k].kind == "office" && s.ments[k].end == i {
			return k
		}
	}
	return -1
}

// officeStartingNear finds an office mention at i, after "the", "then",
// "India's", an ordinal or an adjective.
func (s *sentence) officeStartingNear(i int) int {
	for k := range s.ments {
		m := s.ments[k]
		if m.kind == "office" && m.start >= i && m.start <= i+6 {
			ok := true
			for j := i; j < m.start; j++ {
				w := s.w(j)
				if !(w == "the" || w == "then" || w == "former" || w == "'s" || ordinalOf(w) != 0 || s.isCountryAt(j)) {
					ok = false
				}
			}
			if ok {
				return k
			}
		}
	}
	return -1
}

func (s *sentence) isCountryAt(j int) bool {
	m := s.mentAt(j)
	return m != nil && (m.kind == "place" || m.kind == "adjective")
}

// countryOf maps a place to its country (a city to the country it is in now
// or was last in: good enough to qualify a title).
func (c *Checker) countryOf(place string) string {
	p := c.rec.Place(place)
	if p == nil {
		return ""
	}
	if p.Kind == "country" {
		return p.ID
	}
	if len(p.In) > 0 {
		return p.In[len(p.In)-1].Country
	}
	return ""
}

// claimTimes are the sentence's times that date an event (not durations).
// The list is read only: it may be s.times itself.
func (s *sentence) claimTimes() []timeExpr {
	if !slices.ContainsFunc(s.times, func(t timeExpr) bool { return t.duration != 0 }) {
		return s.times
	}
	var out []timeExpr
	for _, t := range s.times {
		if t.duration == 0 {
			out = append(out, t)
		}
	}
	return out
}

// nearestTrigger is the visit or summit trigger closest to token i, or -1.
func (s *sentence) nearestTrigger(i int) int {
	if s.triggerAt == nil {
		// once per sentence: asked for every titled person, a scan each time
		// would make a sentence of many titles quadratic
		s.triggerAt = []int{}
		for k := range s.toks {
			if s.toks[k].is(clsVisit | clsSummitWord) {
				s.triggerAt = append(s.triggerAt, k)
			}
		}
	}
	at := s.triggerAt
	j := sort.SearchInts(at, i) // the first at or after i
	switch {
	case j == len(at) && j == 0:
		return -1
	case j == len(at):
		return at[j-1]
	case j > 0 && i-at[j-1] <= at[j]-i:
		return at[j-1] // on a tie, the earlier one
	}
	return at[j]
}

// timesFor are the times that belong to the trigger at token v: those not
// closer to another trigger of the sentence. In "the first summit with Putin
// in 2014, followed by visits in 2016 and 2018", 2014 is the summit's. The
// list is read only.
func (s *sentence) timesFor(v int) []timeExpr {
	if !s.kindsRead {
		// once per sentence: every claim builder asks
		s.kindsRead = true
		for i := range s.toks {
			if s.toks[i].is(clsVisit | clsSummit | clsAgree) {
				if len(s.kindAt) > 0 && s.triggerKindAt(i) != s.triggerKindAt(s.kindAt[0]) {
					s.mixedKinds = true
				}
				s.kindAt = append(s.kindAt, i)
			}
		}
	}
	kind := s.triggerKindAt(v)
	if !s.mixedKinds && (len(s.kindAt) == 0 || kind == "" || kind == s.triggerKindAt(s.kindAt[0])) {
		return s.claimTimes() // every time's trigger is of v's kind
	}
	var out []timeExpr
	for _, t := range s.claimTimes() {
		owner, best := -1, 1<<30
		for _, g := range s.kindAt {
			d := t.start - g
			if d < 0 {
				d = -d + 2 // a time before its trigger ("in 1971, India signed") binds a little less
			}
			if d < best {
				owner, best = g, d
			}
		}
		if owner < 0 || s.triggerKindAt(owner) == kind || kind == "" {
			out = append(out, t)
		}
	}
	return out
}

// triggerKindAt groups the words that make claims: the visit words are one
// kind, summit another, agreement words a third.
func (s *sentence) triggerKindAt(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	switch t := &s.toks[i]; {
	case t.is(clsVisit):
		return KindVisit
	case t.is(clsSummit):
		return KindSummit
	case t.is(clsAgree):
		return KindAgreement
	}
	return ""
}

// appendPersons appends the people named within tokens [from, to) to out.
// The claim builders pass a small array of their own: the list is only
// read while the claim is built (its ids are copied by ids).
func (s *sentence) appendPersons(out []*ment, from, to int) []*ment {
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind == "person" && m.start >= from && m.end <= to {
			out = append(out, m)
		}
	}
	return out
}

// newClaim starts a claim of a kind with the mentions' confidence.
func newClaim(kind string, conf float64) *Claim {
	return &Claim{Kind: kind, Confidence: conf}
}

func minConf(ms []*ment) float64 {
	c := 1.0
	for _, m := range ms {
		c = min(c, m.conf)
	}
	return c
}

// ids are the people's ids, each once, in a list carved from the document's
// slab (nil for none).
func (st *docState) ids(ms []*ment) []string {
	if len(ms) == 0 {
		return nil
	}
	out := st.stringMem.take(len(ms))[:0]
	for _, m := range ms {
		out = appendNew(out, m.ids[0])
	}
	return out
}

// list is a list of the one id, carved from the document's slab.
func (st *docState) list(id string) []string {
	out := st.stringMem.take(1)
	out[0] = id
	return out
}

func timeOf(s *sentence, t timeExpr) Time {
	a, b := s.toks[t.start].start, s.toks[t.end-1].end
	return Time{Text: s.text[a:b], When: t.when, Relative: t.relative}
}

// countIn reads the sentence's count: "twice", "three times", "on five
// occasions", "11 visits". It returns the count's token index and value,
// or -1 and 0.
func countIn(s *sentence) (at, n int) {
	for i := range s.toks {
		t := &s.toks[i]
		if t.is(clsCount) {
			switch t.norm {
			case "once":
				return i, 1
			case "twice":
				return i, 2
			case "thrice":
				return i, 3
			}
		}
		if !t.is(clsNumber) && !t.digit {
			continue // no count
		}
		if t.norm == "a" || t.norm == "an" {
			continue // a number word, but never a count here
		}
		// the word after first: it rules out most numbers (years, days)
		// without countOf's lookup
		if nx := s.w(i + 1); nx == "times" || nx == "occasions" || ((nx == "visits" || nx == "trips") && s.w(i-1) != "the") {
			if n, ok := countOf(t.norm); ok {
				return i, n
			}
		}
	}
	return -1, 0
}

// count is countIn's answer, read once per sentence: every visit trigger
// asks.
func (s *sentence) count() (at, n int) {
	if !s.countRead {
		s.countRead = true
		s.countAt, s.nCount = countIn(s)
	}
	return s.countAt, s.nCount
}

// countWords are counts written as one word (countIn).
var countWords = set("once twice thrice")

// placesAfter returns the first place mention after token i, skipping
// places after "from" (the origin); and the origin, if written.
func (c *Checker) placesAfter(s *sentence, i int) (dest *ment, origin *ment) {
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind != "place" || m.start <= i {
			continue
		}
		if s.w(m.start-1) == "from" || (s.w(m.start-1) == "the" && s.w(m.start-2) == "from") {
			if origin == nil {
				origin = m
			}
			continue
		}
		if dest == nil {
			dest = m
		}
	}
	return dest, origin
}

// visitClaims: "X visited Y in T", "X's visit to Y", "X flew to Y", "Y hosted
// X", "X was in Y", "Y was visited by X", "X's 1973 visit".
func (c *Checker) visitClaims(s *sentence, st *docState, out []Claim) []Claim {
	if s.cls&(clsVisit|clsVisitNear) == 0 {
		return out // no trigger (see isVisitTrigger)
	}
	for i := range s.toks {
		if !s.isVisitTrigger(i) {
			continue
		}
		if more := c.visitClaimsAt(s, st, i, out); len(more) > len(out) {
			return more
		}
	}
	return out
}

// weakVisitVerbs make a visit only with a destination named after them:
// "attended … in Moscow", "spent a week in Moscow".
var weakVisitVerbs = set("spent attended attends held")

// visitWordKind says which of visitNouns, pastVerbs, hostVerbs and
// weakVisitVerbs hold a word: visitClaimsAt asks all four of its trigger,
// in one lookup of visitWordKinds.
type visitWordKind uint8

const (
	visitNoun visitWordKind = 1 << iota
	visitPast
	visitHost
	visitWeak
)

var visitWordKinds = func() map[string]visitWordKind {
	m := map[string]visitWordKind{}
	for _, s := range []struct {
		words map[string]bool
		kind  visitWordKind
	}{{visitNouns, visitNoun}, {pastVerbs, visitPast}, {hostVerbs, visitHost}, {weakVisitVerbs, visitWeak}} {
		for w := range s.words {
			m[w] |= s.kind
		}
	}
	return m
}()

// isVisitTrigger: a verb or noun of travelling, or "was (back) in",
// "been to", "been in", "set foot in", "touched down in".
func (s *sentence) isVisitTrigger(i int) bool {
	if i < 0 || i >= len(s.toks) || !s.toks[i].is(clsVisit|clsVisitNear) {
		return false // every case below is a word of one of the two
	}
	t := s.w(i)
	switch {
	case t == "set" && s.w(i+1) == "foot", t == "touched" && s.w(i+1) == "down":
		return true
	case (t == "was" || t == "were") && (s.w(i+1) == "in" && isPlaceNext(s, i+2) || s.w(i+1) == "back" && s.w(i+2) == "in"):
		return true
	case t == "been" && (s.w(i+1) == "to" || s.w(i+1) == "in" && isPlaceNext(s, i+2)):
		return true
	case t == "travel" && (s.w(i+1) == "list" || s.w(i+1) == "ban" || s.w(i+1) == "agent"):
		return false
	case t == "held":
		return s.w(i+1) == "talks" // "held talks in New Delhi"
	}
	return i >= 0 && i < len(s.toks) && s.toks[i].is(clsVisit)
}

func (c *Checker) visitClaimsAt(s *sentence, st *docState, v int, out []Claim) []Claim {
	trig := s.w(v)
	kind := visitWordKinds[trig]
	noun := kind&visitNoun != 0 && kind&visitPast == 0 && s.w(v-1) != "to" && !(trig == "visit" && (s.w(v-1) == "did" || s.w(v-1) == "not" || s.w(v-1) == "never" || strings.HasSuffix(s.w(v-1), "n't")))
	if noun {
		// "made a brief stop", "paid a visit": the noun acts as a verb
		for k := v - 1; k >= 0 && k >= v-3; k-- {
			if w := s.w(k); w == "made" || w == "paid" || w == "makes" || w == "pays" {
				noun = false
			}
		}
	}
	wasPassive := s.w(v-1) == "was" || s.w(v-1) == "were"
	passive := (wasPassive && (trig == "visited" || trig == "received" || trig == "welcomed" || trig == "hosted")) || (kind&visitHost != 0 && !wasPassive)

	var subjects []*ment
	var subjectsBuf [4]*ment
	var dest, origin *ment
	switch {
	case passive && (trig == "visited" || kind&visitHost != 0 && !wasPassive):
		// "India was visited by Yeltsin", "Moscow received Indira Gandhi",
		// "Putin welcomed Modi to Moscow"
		subjects = s.appendPersons(subjectsBuf[:0], v+1, len(s.toks))
		for k := range s.ments {
			if m := &s.ments[k]; m.kind == "place" && m.end <= v {
				dest = m
			}
		}
		if after, _ := c.placesAfter(s, v); after != nil && (dest == nil || s.w(after.start-1) == "to") {
			dest = after
		}
	default:
		subjects = s.subjectsBefore(v, subjectsBuf[:0])
		if len(subjects) == 0 && noun {
			// "the visit of Putin", "a visit by Putin"
			if s.w(v+1) == "of" || s.w(v+1) == "by" {
				subjects = s.appendPersons(subjectsBuf[:0], v+2, min(v+6, len(s.toks)))
			}
		}
		dest, origin = c.placesAfter(s, v)
	}
	if len(subjects) == 0 {
		return out
	}
	if kind&visitWeak != 0 && dest == nil {
		return out
	}
	elsewhere := ""
	if dest == nil {
		elsewhere = s.unknownPlaceAfter(v)
	}
	if noun && (dest == nil && elsewhere == "" || subjects[0].how == ByPronoun && s.w(subjects[0].end) != "'s") {
		return out // "followed by significant visits in 2016": whose, and where to?
	}
	if summitWordAfter(s, v) && dest == nil {
		return out
	}
	times := s.timesFor(v)
	// "X travelled to Moscow in May 1985, and Y followed in July 1990": a time
	// after another person who starts a new clause is that person's
	if cut := s.nextSubjectAfter(v, subjects); cut >= 0 {
		var keep []timeExpr
		for _, t := range times {
			if t.start < cut {
				keep = append(keep, t)
			}
		}
		times = keep
	}
	var recent []timeExpr // "eleven times, most recently in 2025": a claim of its own
	ci, count := s.count()
	if ci >= 0 {
		var rest []timeExpr
		for _, t := range times {
			if t.recent {
				recent = append(recent, t)
			} else {
				rest = append(rest, t)
			}
		}
		times = rest
		// "made two trips …, the first of them in October 1977": a time far from
		// the count is not the count's window
		var near []timeExpr
		for _, t := range times {
			if t.isRange || t.start-ci <= 6 && ci-t.start <= 6 {
				near = append(near, t)
			}
		}
		times = near
	}
	conf := minConf(subjects)
	if len(times) == 0 {
		if s.mode != Asserted {
			if noun {
				return out
			}
			// "Putin will travel to India next month": kept, to say it is not asserted
		} else if noun {
			if count == 0 {
				return out
			}
		} else if t, ok := st.recentTime(); ok && count == 0 && len(recent) == 0 {
			times = []timeExpr{{when: t, relative: true, start: -1}}
			conf *= 0.8
		} else if count == 0 {
			return out
		}
	}
	base := Claim{Kind: KindVisit, Subjects: st.ids(subjects), Negated: negatedBefore(s, 0, v), Count: count, Phrase: s.tokText(v), Elsewhere: elsewhere}
	if dest != nil {
		base.Places = st.list(dest.ids[0])
		conf = min(conf, dest.conf)
	}
	if origin != nil {
		base.From = c.countryOf(origin.ids[0])
	}
	for k := max(0, v-3); k < min(len(s.toks), v+3); k++ {
		if t := &s.toks[k]; !t.is(clsOrdinal) && !t.digit {
			continue // no ordinal: a word of ordinalWords, or "15th"
		}
		if o := ordinalOf(s.w(k)); o != 0 && (visitNouns[s.w(k+1)] || visitNouns[s.w(k+2)]) {
			base.Ordinal = o
		}
	}
	if s.w(v-1) == "first" && !noun {
		base.Ordinal = 1 // "first visited India in 2000", "first set foot in Moscow"
	}
	if s.w(v-1) == "last" && kind&visitPast != 0 || noun && (s.w(v-1) == "latest" || s.w(v-1) == "recent" && s.w(v-2) == "most") {
		base.Recent = true // "last visited", "his latest visit", "her most recent trip"
	}
	if noun && (s.w(v-1) == "last" || s.w(v-1) == "final") {
		base.Ordinal = -1
	}
	// "first visited Moscow in 1971 and returned in 2015": a time after a
	// later visit word is that visit's, which is no first or last one. After
	// a noun the next visit word is the noun's own verb: "his first visit
	// came in 2007".
	later := -1
	for k := v + 1; k < len(s.toks) && later < 0 && !noun && (base.Ordinal != 0 || base.Recent); k++ {
		if s.isVisitTrigger(k) {
			later = k
		}
	}
	if len(times) == 0 {
		out = append(out, base)
		out[len(out)-1].Confidence = conf
	}
	for _, t := range times {
		out = append(out, base)
		cl := &out[len(out)-1]
		cl.Confidence = conf
		if t.start >= 0 {
			cl.Time = timeOf(s, t)
		} else {
			cl.Time = Time{Text: "", When: t.when, Relative: true}
		}
		if later >= 0 && t.start > later {
			cl.Ordinal, cl.Recent = 0, false
		}
		cl.Recent = cl.Recent || t.recent
	}
	for _, t := range recent {
		out = append(out, base)
		cl := &out[len(out)-1]
		cl.Confidence = conf
		cl.Count, cl.Recent = 0, true
		cl.Time = timeOf(s, t)
	}
	return out
}

// nextSubjectAfter finds a person named after the trigger who begins a new
// clause (not "with X", "by X", "X's"), or -1.
func (s *sentence) nextSubjectAfter(v int, subjects []*ment) int {
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind != "person" || m.start <= v || m.how == ByPronoun {
			continue
		}
		dup := false
		for _, x := range subjects {
			if x.ids[0] == m.ids[0] {
				dup = true
			}
		}
		if w := s.w(m.start - 1); dup || w == "with" || w == "by" || w == "of" || w == "met" || w == "and" && s.w(m.start-2) != "," || s.w(m.end) == "'s" {
			continue
		}
		return m.start
	}
	return -1
}

// unknownPlaceAfter finds a capitalised word where the destination of a visit
// should be ("visited Beijing", "travelled to Washington") that the record
// does not know: the claim is then about a place outside the record.
func (s *sentence) unknownPlaceAfter(v int) string {
	k := v + 1
	for k < len(s.toks) && (s.w(k) == "to" || s.w(k) == "in" || s.w(k) == "at" || s.w(k) == "the" || s.w(k) == "over" || s.w(k) == "foot" || s.w(k) == "down" || s.w(k) == "back") {
		k++
	}
	if k >= len(s.toks) || !s.toks[k].cap || s.toks[k].punct {
		return ""
	}
	m := s.mentAt(k)
	if m != nil && m.kind != "event" {
		return "" // a place, or a person or title: an event's name or keyword is no place
	}
	for _, t := range s.times {
		if k >= t.start && k < t.end {
			return ""
		}
	}
	if _, ok := months[s.w(k)]; ok {
		return ""
	}
	if m != nil {
		m.asPlace = true // see agreementClaims
	}
	return s.tokText(k)
}

func summitWordAfter(s *sentence, v int) bool {
	for k := v; k < len(s.toks) && k < v+6; k++ {
		if s.toks[k].is(clsSummitWord) {
			return true
		}
	}
	return false
}

// subjectsBefore finds who does the action at token v: the people named
// before it in the same clause ("Bulganin and Khrushchev arrived"), a
// possessive ("Nehru's visit"), or a pronoun. group is where to put them:
// an empty list, whose memory the caller lends.
func (s *sentence) subjectsBefore(v int, group []*ment) []*ment {
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := &s.ments[k]
		if m.end > v || m.kind != "person" {
			continue
		}
		// skip a person who is the object of "with"/"met", titles included
		start := m.start
		if m.title >= 0 && s.ments[m.title].end == m.start {
			start = s.ments[m.title].start
		}
		for start > 0 && s.isCountryAt(start-1) {
			start--
		}
		if w := s.w(start - 1); w == "with" || w == "met" || w == "by" || w == "and" && len(group) == 0 && s.w(start-2) == "with" {
			continue
		}
		if len(group) == 0 {
			group = append(group, m)
			continue
		}
		between := s.toks[m.end:group[len(group)-1].start]
		if len(between) == 1 && (between[0].norm == "and" || between[0].norm == ",") {
			group = append(group, m)
			continue
		}
		break
	}
	// reverse into text order
	for i, j := 0, len(group)-1; i < j; i, j = i+1, j-1 {
		group[i], group[j] = group[j], group[i]
	}
	return group
}

// summitClaims: "the 15th annual summit in New Delhi in 2014", "Modi's first
// summit with Putin in 2014".
func (c *Checker) summitClaims(s *sentence, st *docState, out []Claim) []Claim {
	v := s.firstOf(clsSummitWord)
	if v < 0 {
		return out
	}
	base := Claim{Kind: KindSummit, Phrase: s.tokText(v)}
	other := false
	annual := false
	ord := 0
	for k := v - 1; k >= 0 && k >= v-4; k-- {
		w := s.w(k)
		if o := ordinalOf(w); o != 0 {
			ord = o
			break
		}
		if _, ok := countOf(w); ok && w != "a" && w != "an" {
			continue // "23 annual summits"
		}
		if w == "annual" {
			annual = true
			continue
		}
		if s.isCountryAt(k) || allowedSummitQual[w] || c.countryCompound(w) || w == "'s" || (s.mentAt(k) != nil && s.mentAt(k).kind == "person") {
			continue
		}
		if s.toks[k].cap || w == "informal" || w == "multilateral" || w == "regional" || w == "virtual" {
			other = true // a BRICS, SCO, G20 or informal summit: not the annual series
		}
		break // "held", "attended": the noun phrase began after this word
	}
	var peopleBuf [4]*ment
	people := s.appendPersons(peopleBuf[:0], 0, len(s.toks))
	if other {
		// a BRICS, SCO, G20 or informal summit: outside the record's series
		if len(s.timesFor(v)) == 0 {
			return out
		}
		cl := base
		cl.Other = true
		cl.Confidence = 1
		cl.Time = timeOf(s, s.timesFor(v)[0])
		return append(out, cl)
	}
	relative := s.w(v+1) == "with" || s.w(v+2) == "with"
	for k := max(0, v-4); k < v; k++ {
		if w := s.w(k); w == "his" || w == "her" || w == "their" || w == "'s" {
			relative = true
		}
	}
	switch {
	case ord == -1 || ord == 1 && (relative || !annual):
		base.Ordinal = ord // "the last summit", "his first summit with Putin"
	case ord > 0:
		base.Number = ord // "the 15th annual summit"
	}
	if n, ok := countOf(s.w(v - 1)); ok && s.w(v) == "summits" {
		base.Count = n
	} else if n, ok := countOf(s.w(v - 2)); ok && s.w(v) == "summits" && s.w(v-1) == "annual" {
		base.Count = n
	}
	base.Subjects = st.ids(people)
	for k := range s.ments {
		// "held in New Delhi", "Moscow hosted the 19th summit"
		if m := s.ments[k]; m.kind == "place" && s.w(m.start-1) != "from" && s.w(m.start-1) != "with" {
			base.Places = append(base.Places, m.ids[0])
			break
		}
	}
	base.Negated = negatedBefore(s, 0, v)
	times := s.timesFor(v)
	conf := minConf(people)
	if base.Count > 0 {
		cl := base
		cl.Confidence = conf
		if len(times) > 0 {
			cl.Time = timeOf(s, times[0])
		}
		return append(out, cl)
	}
	if len(times) == 0 {
		if base.Number == 0 && base.Ordinal == 0 {
			return out
		}
		cl := base
		cl.Confidence = conf
		return append(out, cl)
	}
	for _, t := range times {
		cl := base
		cl.Confidence = conf
		cl.Time = timeOf(s, t)
		out = append(out, cl)
	}
	return out
}

// agreementSubjectWords introduce what an agreement is about, after its
// noun: "an agreement on fertiliser supplies", "a protocol for space research".
var agreementSubjectWords = set("on for regarding concerning about covering")

// agreementSubjectEnd reads the subject written after the agreement noun at
// toks[noun] ("on fertiliser supplies") and returns where it ends, or noun
// when there is none. The subject's words run up to a mark, a time, a
// mention or a word that starts another part of the sentence ("with",
// "in"); "on 3 October 2000" and "for 20 years" are times, not subjects.
func (s *sentence) agreementSubjectEnd(noun int) int {
	k := noun + 1
	if !agreementSubjectWords[s.w(k)] || s.timeAt(k) {
		return noun // "for 20 years" is a time that starts at "for"
	}
	end := k + 1
	for ; end < len(s.toks) && end <= k+4; end++ {
		t := &s.toks[end]
		if t.punct || agreementSubjectStops[t.norm] || t.is(clsSign|clsAgreeNoun) || s.timeAt(end) || s.mentAt(end) != nil {
			break
		}
	}
	if end == k+1 || determiners[s.w(end-1)] {
		return noun // nothing, or nothing but "the"
	}
	return end
}

// agreementNamed: do the words toks[from:to], the subject written after an
// agreement noun, appear in the title or a name of one of the record's
// agreements ("strategic partnership" in the Declaration on Strategic
// Partnership)? Determiners before them do not count.
func (c *Checker) agreementNamed(s *sentence, from, to int) bool {
	for from < to && determiners[s.w(from)] {
		from++
	}
	var buf [96]byte // most subjects fit
	key := buf[:0]
	for k := from; k < to; k++ {
		if !c.agreementWords[s.w(k)] {
			return false // a word no name holds: the names need not be searched
		}
		key = append(append(key, ' '), s.w(k)...)
	}
	return bytes.Contains(c.agreementNames, append(key, ' '))
}

// agreementSubjectStops end the subject of an agreement ("… on trade with
// Russia in 2000").
var agreementSubjectStops = set("on in at with between by and or during from to that which who was were is are had has have will would signed it its them their this these those his her")

// timeAt: does a time of the sentence begin at token i?
func (s *sentence) timeAt(i int) bool {
	for _, t := range s.times {
		if t.start == i {
			return true
		}
	}
	return false
}

// agreementClaims: "India signed the treaty of friendship with the Soviet
// Union in 1971", "This treaty was for 20 years", "the S-400 deal was signed in
// New Delhi in 2018".
//
// A sentence already about a visit or a summit makes an agreement claim only
// when it names the agreement: in "she flew to Moscow in September 1971,
// weeks after the treaty was signed" the date is the flight's.
func (c *Checker) agreementClaims(s *sentence, st *docState, out []Claim, other bool) []Claim {
	var named []string
	var at = -1
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind == "event" && !m.asPlace && c.rec.Event(m.ids[0]).Kind == KindAgreement {
			for _, id := range m.ids {
				named = appendNew(named, id)
			}
			if at < 0 {
				at = m.start
			}
		}
	}
	noun := s.firstOf(clsAgreeNoun)
	if len(named) == 0 && noun < 0 {
		return out
	}
	if at < 0 {
		at = noun
	}
	base := Claim{Kind: KindAgreement, Phrase: s.tokText(at)}
	anaphor := false
	if len(named) == 0 {
		if d := s.w(noun - 1); d == "this" || d == "that" || d == "the" || d == "it" {
			if id := st.recentEvent(KindAgreement); id != "" && len(s.claimTimes()) == 0 {
				named = []string{id}
				anaphor = true
			}
		}
	}
	// "the 1971 treaty": a year written before the agreement names it
	ident := -1
	for _, t := range s.times {
		if t.end == at || t.end < len(s.toks) && t.end+1 == at && s.toks[t.end].punct == false && agreeNouns[s.w(t.end+1)] {
			ident = t.start
		}
	}
	if ident >= 0 {
		for _, t := range s.times {
			if t.start == ident && len(named) > 1 {
				var keep []string
				for _, id := range named {
					if e := c.rec.Event(id); e != nil && e.When.Overlaps(t.when) {
						keep = append(keep, id)
					}
				}
				named = keep
			}
		}
	}
	if len(named) == 0 && ident >= 0 && noun >= 0 {
		for _, t := range s.times {
			if t.start != ident {
				continue
			}
			for _, e := range c.rec.Events {
				if e.Kind == KindAgreement && c.agreementKindFits(s.w(noun), e) && e.When.Overlaps(t.when) {
					named = appendNew(named, e.ID)
				}
			}
		}
	}
	base.EventID = strings.Join(named, "|")
	if base.EventID == "" && other {
		return out
	}
	if base.EventID == "" {
		base.Phrase = s.toks[noun].norm
	}
	if base.EventID == "" && ident < 0 {
		// "a fisheries cooperation agreement", "the Zorin accord": the noun has a
		// modifier naming an agreement the record does not list
		for k := noun - 1; k >= 0; k-- {
			w := s.w(k)
			if genericAgreementWords[w] || s.isCountryAt(k) || c.countryCompound(w) || w == "-" || w == "–" {
				continue
			}
			if s.toks[k].punct || determiners[w] || signWords[w] || k == 0 && s.toks[k].cap && !s.isCountryAt(k) && w == "the" {
				break
			}
			base.Unlisted = s.tokText(k) + " " + base.Phrase
			break
		}
		// "the agreement on fertiliser supplies": so does a subject after it
		// that no agreement of the record's names
		if base.Unlisted == "" {
			if end := s.agreementSubjectEnd(noun); end > noun && !c.agreementNamed(s, noun+2, end) {
				base.Unlisted = s.text[s.toks[noun].start:s.toks[end-1].end]
			}
		}
	}
	for k := range s.ments {
		m := &s.ments[k]
		if (m.kind == "place" || m.kind == "adjective") && m.isCountry {
			base.Places = appendNew(base.Places, m.ids[0])
		}
	}
	var peopleBuf [4]*ment
	base.Subjects = st.ids(s.appendPersons(peopleBuf[:0], 0, len(s.toks)))
	base.Negated = negatedBefore(s, 0, at)
	conf := 1.0
	if anaphor {
		conf = 0.85
	}
	signed := s.firstOf(clsSign) >= 0 || s.firstOf(clsDateWord) >= 0
	if !signed && noun < 0 && base.EventID != "" && !s.namedFully(named) {
		return out // a bare keyword ("BrahMos") without a word of agreeing
	}
	if signed && base.EventID != "" {
		// "signed in Moscow": the place of signing, one claim with its time
		for k := range s.ments {
			m := &s.ments[k]
			if m.kind == "place" && m.start > at && (s.w(m.start-1) == "in" || s.w(m.start-1) == "at") {
				if p := c.rec.Place(m.ids[0]); p != nil && p.Kind == "city" {
					base.SignedAt = p.ID
					break
				}
			}
		}
		if base.SignedAt != "" && len(s.claimTimes()) == 0 {
			cl := base
			cl.Confidence = conf
			out = append(out, cl)
		}
	}
	for _, t := range s.times {
		if t.start == ident {
			continue // the year that named the agreement is not a claim of its own
		}
		cl := base
		cl.Confidence = conf
		if t.duration > 0 {
			cl.Duration = t.duration
		} else {
			if !signed && base.EventID == "" {
				continue // "a treaty … in 1971" without a named treaty or a verb of signing
			}
			cl.Time = timeOf(s, t)
		}
		out = append(out, cl)
	}
	return out
}

// relationsClaims: "relations began in the late 1950s", "ties were
// established in 1947", "this visit is considered the beginning of relations".
func (c *Checker) relationsClaims(s *sentence, st *docState, out []Claim) []Claim {
	if s.firstOf(clsRelNoun) < 0 {
		return out
	}
	b := -1
	for i := range s.toks {
		t := &s.toks[i]
		if !t.is(clsStart) {
			continue
		}
		// "date" starts relations only as "date back" / "dates from"; "set" only as "set up"
		switch t.norm {
		case "date", "dates", "dated":
			if s.w(i+1) != "back" && s.w(i+1) != "from" {
				continue
			}
		case "set":
			if s.w(i+1) != "up" {
				continue
			}
		}
		b = i
		break
	}
	if b < 0 {
		return out
	}
	base := Claim{Kind: KindRelations, Phrase: s.tokText(b)}
	for k := range s.ments {
		m := &s.ments[k]
		if (m.kind == "place" || m.kind == "adjective") && (m.start < b || s.w(m.start-1) == "between" || s.w(m.start-1) == "and" && m.start < b+8) {
			if m.isCountry {
				base.Places = appendNew(base.Places, m.ids[0])
			}
		}
	}
	if len(base.Places) == 0 {
		base.Places = s.twoCountries(st)
	}
	base.Negated = negatedBefore(s, 0, b)
	times := s.claimTimes()
	if len(times) == 0 {
		// "This visit is considered the beginning of relations"
		if s.firstOf(clsRelative) >= 0 {
			if id := st.recentEvent(KindVisit); id != "" {
				if e := c.rec.Event(id); e != nil {
					cl := base
					cl.EventID = id
					cl.Confidence = 0.85
					cl.Time = Time{When: e.When, Relative: true}
					return append(out, cl)
				}
			}
		}
		return out
	}
	t := times[0]
	cl := base
	cl.Confidence = 1
	cl.Time = timeOf(s, t)
	return append(out, cl)
}

// officeClaims: a title written with a name in a dated sentence ("Soviet
// Prime Minister Nikita Khrushchev visited India in 1955"), or with an
// ordinal ("India's first Prime Minister, Jawaharlal Nehru").
func (c *Checker) officeClaims(s *sentence, out []Claim) []Claim {
	for k := range s.ments {
		p := &s.ments[k]
		if p.kind != "person" || p.title < 0 {
			continue
		}
		times := s.claimTimes()
		if g := s.nearestTrigger(p.start); g >= 0 {
			times = s.timesFor(g)
		}
		t := s.ments[p.title]
		offices := c.officesFor(t, p.ids[0])
		if len(offices) == 0 {
			continue
		}
		loose := true
		for _, o := range offices {
			if len(c.rec.Office(o).Includes) == 0 {
				loose = false
			}
		}
		if loose && t.ordinal == 0 {
			continue // "Soviet leader Brezhnev": a loose title is not checked on its own
		}
		if t.ordinal == 0 && len(times) == 0 {
			continue
		}
		cl := Claim{Kind: KindOffice, Subjects: []string{p.ids[0]}, Office: offices, Ordinal: t.ordinal, Became: p.became, Predicate: p.predicate, Confidence: min(p.conf, t.conf)}
		for _, tm := range times {
			cl.times = append(cl.times, tm.when)
		}
		a, b := s.toks[t.start].start, s.toks[t.end-1].end
		cl.Phrase = s.text[a:b]
		if t.ordinal == 0 {
			cl.Time = timeOf(s, times[0])
			if len(times) > 1 {
				last := times[len(times)-1]
				cl.Time.When.End = last.when.End
				cl.Time.Text = s.text[s.toks[times[0].start].start:s.toks[last.end-1].end]
			}
		}
		out = append(out, cl)
	}
	return out
}

// officesFor narrows a title to the offices it can mean here: those of the
// country written with it, else of the person's country.
func (c *Checker) officesFor(t ment, person string) []string {
	country := t.country
	if country == "" {
		if p := c.rec.Person(person); p != nil {
			country = p.Country
		}
	}
	var exact, loose []string
	for _, id := range t.ids {
		o := c.rec.Office(id)
		switch {
		case o == nil:
		case country == "" || o.Country == country:
			exact = append(exact, id)
		case c.rec.SameCountry(country, o.Country) || c.rec.SameCountry(o.Country, country):
			loose = append(loose, id) // "Russian Premier" for a Soviet one
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return loose
}

// namedFully reports whether an agreement was named by one of its full names
// rather than by a keyword alone.
func (s *sentence) namedFully(ids []string) bool {
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind == "event" && m.how == ByName {
			return true
		}
	}
	return false
}

// firstPersonBefore is the last person named before token i.
func (s *sentence) firstPersonBefore(i int) *ment {
	var last *ment
	for k := range s.ments {
		if s.ments[k].kind == "person" && s.ments[k].end <= i {
			last = &s.ments[k]
		}
	}
	return last
}

// twoCountries resolves "the two countries" / "both countries" to the last
// two countries the document named.
func (s *sentence) twoCountries(st *docState) []string {
	for i := range s.toks {
		if (s.w(i) == "two" || s.w(i) == "both") && (s.w(i+1) == "countries" || s.w(i+1) == "nations") && len(st.countries) >= 2 {
			return append([]string(nil), st.countries[len(st.countries)-2:]...)
		}
	}
	return nil
}

// countryCompound reports whether a hyphenated word joins countries of the
// record ("Indo-Soviet", "India-Russia"), each part a country's name or
// adjective.
func (c *Checker) countryCompound(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for rest, more := w, true; more; {
		var p string
		p, rest, more = strings.Cut(rest, "-")
		ok := false
		for _, e := range c.lex.phrases[p] {
			if e.kind == "adjective" || e.kind == "place" && e.isCountry {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
