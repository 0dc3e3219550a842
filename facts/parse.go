package facts

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var columns = map[string][2][]string{ // table → {allowed, required}
	"record":   {{"key", "value"}, {"key", "value"}},
	"people":   {{"id", "name", "aliases", "gender", "country", "note"}, {"id", "name", "gender", "country"}},
	"places":   {{"id", "kind", "name", "aliases", "adjectives", "in", "from", "to", "successor", "note"}, {"id", "kind", "name"}},
	"offices":  {{"id", "name", "country", "titles", "includes", "established", "note"}, {"id", "name", "country", "titles"}},
	"terms":    {{"id", "office", "person", "from", "to", "acting", "confidence", "sources", "note"}, {"id", "office", "person", "from", "to", "confidence", "sources"}},
	"events":   {{"id", "kind", "date", "who", "from", "to", "places", "title", "names", "number", "term", "value", "tags", "confidence", "sources", "note"}, {"id", "kind", "date", "who", "confidence", "sources"}},
	"coverage": {{"id", "kind", "who", "from", "to", "period", "status", "sources", "note"}, {"id", "kind", "period", "status"}},
}

var (
	slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	urlRE  = regexp.MustCompile(`^https?://[^\s]+$`)
)

// Known values of the closed-vocabulary columns.
var (
	eventKinds    = []string{Visit, Summit, Agreement, Relations}
	coverageKinds = []string{Visit, Summit, Agreement, Relations, OfficeKind}
	eventTags     = []string{"state-visit", "official-visit", "working-visit", "stopover", "funeral", "multilateral", "informal", "pre-office", "annual-summit", "treaty", "declaration", "defence", "deal", "extension", "established", "relations-start", "nuclear", "economic"}
)

// ref is a reference to check once every table is read.
type ref struct {
	pos      Pos
	col      int
	kind, id string // kind: "person", "place", "country", "office"
	what     string // the column, for the message
}

type parser struct {
	errs *ErrorList
	r    *Record
	refs []ref
	// where each id was defined, to replace or to report duplicates
	seen map[string]Pos
	// record.tsv is missing (reported once)
	noMeta bool
	// where each table's ids sit in the record's slices
	at map[string]int
}

func (p *parser) errAt(r row, col, format string, args ...any) {
	p.errs.add(r.t.file, r.line, r.col(col), format, args...)
}

func (p *parser) pos(r row) Pos { return Pos{r.t.file, r.line} }

// id reads and checks a row's id; ok is false when the row must be skipped.
// replaced is the index to overwrite in the table's slice, or -1.
func (p *parser) id(table string, r row) (string, bool) {
	id := r.get("id")
	if id == "" {
		p.errAt(r, "id", "missing id")
		return "", false
	}
	if !slugRE.MatchString(id) {
		p.errAt(r, "id", "id %q: use lowercase letters, digits and single hyphens", id)
		return "", false
	}
	if p.seen == nil {
		p.seen = map[string]Pos{}
	}
	key := table + "\x00" + id
	if prev, dup := p.seen[key]; dup && prev.File == r.t.file {
		p.errAt(r, "id", "duplicate id %q (first at line %d)", id, prev.Line)
		return "", false
	}
	p.seen[key] = p.pos(r)
	return id, true
}

func (p *parser) date(r row, col string, required bool) Date {
	s := r.get(col)
	if s == "" {
		if required {
			p.errAt(r, col, "missing %s date", col)
		}
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		p.errAt(r, col, "%v", err)
	}
	return d
}

func (p *parser) interval(r row, col string) (Interval, bool) {
	s := r.get(col)
	if s == "" {
		p.errAt(r, col, "missing %s", col)
		return Interval{}, false
	}
	iv, err := ParseInterval(s)
	if err != nil {
		p.errAt(r, col, "%v", err)
		return iv, false
	}
	return iv, true
}

func (p *parser) confidence(r row) Confidence {
	if r.t.cols["confidence"] == 0 {
		return Unverified // reported at the header
	}
	s := r.get("confidence")
	for i, n := range confidenceNames {
		if s == n {
			return Confidence(i)
		}
	}
	p.errAt(r, "confidence", "confidence %q: use high, medium, low or unverified", s)
	return Unverified
}

func (p *parser) sources(r row) []string {
	if r.t.cols["sources"] == 0 {
		return nil // the missing column is reported once, at the header
	}
	srcs := r.list("sources")
	if len(srcs) == 0 {
		p.errAt(r, "sources", "no source: every fact needs at least one URL")
	}
	for _, s := range srcs {
		if !urlRE.MatchString(s) {
			p.errAt(r, "sources", "source %q is not an http(s) URL", s)
		}
	}
	return srcs
}

func (p *parser) refer(r row, col, kind string, ids ...string) {
	for _, id := range ids {
		p.refs = append(p.refs, ref{pos: p.pos(r), col: r.col(col), kind: kind, id: id, what: col})
	}
}

// table parses one file of a table into the record.
func (p *parser) table(name string, f File) {
	cols := columns[name]
	t := readTable(f.Name, f.Data, cols[0], cols[1], p.errs)
	for _, r := range t.rows {
		switch name {
		case "record":
			p.meta(r)
		case "people":
			p.person(r)
		case "places":
			p.place(r)
		case "offices":
			p.office(r)
		case "terms":
			p.term(r)
		case "events":
			p.event(r)
		case "coverage":
			p.scope(r)
		}
	}
}

func (p *parser) meta(r row) {
	v := r.get("value")
	switch k := r.get("key"); k {
	case "name":
		if !slugRE.MatchString(v) {
			p.errAt(r, "value", "record name %q: use a slug (lowercase letters, digits, hyphens)", v)
		}
		if p.r.Name != "" && p.r.Name != v {
			v = p.r.Name + "+" + v
		}
		p.r.Name = v
	case "title":
		p.r.Title = v
	case "description":
		p.r.Description = v
	case "as_of":
		d := p.date(r, "value", true)
		if d.Prec != Day && !d.IsZero() {
			p.errAt(r, "value", "as_of must be a full date (YYYY-MM-DD)")
		}
		if p.r.AsOf.IsZero() || d.First() > p.r.AsOf.First() {
			p.r.AsOf = d
		}
	default:
		p.errAt(r, "key", "unknown key %q (keys are name, title, as_of, description)", k)
	}
}

func (p *parser) person(r row) {
	id, ok := p.id("people", r)
	if !ok {
		return
	}
	x := &Person{ID: id, Name: r.get("name"), Aliases: r.list("aliases"), Country: r.get("country"), Note: r.get("note"), Pos: p.pos(r)}
	if x.Name == "" {
		p.errAt(r, "name", "missing name")
	}
	switch g := r.get("gender"); g {
	case "m", "f":
		x.Gender = g[0]
	default:
		p.errAt(r, "gender", "gender %q: use m or f", g)
	}
	p.refer(r, "country", "country", x.Country)
	p.r.People = put(p.at, "people", p.r.People, x, x.ID)
}

func (p *parser) place(r row) {
	id, ok := p.id("places", r)
	if !ok {
		return
	}
	x := &Place{ID: id, Kind: r.get("kind"), Name: r.get("name"), Aliases: r.list("aliases"), Adjectives: r.list("adjectives"),
		Successor: r.get("successor"), Note: r.get("note"), Pos: p.pos(r)}
	if x.Name == "" {
		p.errAt(r, "name", "missing name")
	}
	switch x.Kind {
	case "country":
		x.Exists = Interval{Start: p.date(r, "from", false), End: p.date(r, "to", false)}
		if r.get("in") != "" {
			p.errAt(r, "in", "a country is in no other country: leave `in` empty")
		}
		if x.Successor != "" {
			p.refer(r, "successor", "country", x.Successor)
		}
	case "city":
		for _, s := range r.list("in") {
			c, span, found := strings.Cut(s, ":")
			if !found {
				span = "/"
			}
			iv, err := ParseInterval(span)
			if err != nil || span == "" {
				p.errAt(r, "in", "in %q: write country:start/end, either end may be empty", s)
				continue
			}
			x.In = append(x.In, PlaceIn{Country: strings.TrimSpace(c), When: iv})
			p.refer(r, "in", "country", strings.TrimSpace(c))
		}
		if len(x.In) == 0 {
			p.errAt(r, "in", "a city needs the country it is in (country:start/end)")
		}
	default:
		p.errAt(r, "kind", "place kind %q: use country or city", x.Kind)
	}
	p.r.Places = put(p.at, "places", p.r.Places, x, x.ID)
}

func (p *parser) office(r row) {
	id, ok := p.id("offices", r)
	if !ok {
		return
	}
	x := &Office{ID: id, Name: r.get("name"), Country: r.get("country"), Titles: r.list("titles"), Includes: r.list("includes"),
		Established: p.date(r, "established", false), Note: r.get("note"), Pos: p.pos(r)}
	if len(x.Titles) == 0 {
		p.errAt(r, "titles", "an office needs at least one title")
	}
	p.refer(r, "country", "country", x.Country)
	p.refer(r, "includes", "office", x.Includes...)
	p.r.Offices = put(p.at, "offices", p.r.Offices, x, x.ID)
}

func (p *parser) term(r row) {
	id, ok := p.id("terms", r)
	if !ok {
		return
	}
	x := &Term{ID: id, Office: r.get("office"), Person: r.get("person"), Confidence: p.confidence(r), Sources: p.sources(r), Note: r.get("note"), Pos: p.pos(r)}
	x.When.Start = p.date(r, "from", true)
	x.When.End = p.date(r, "to", false)
	if !x.When.End.IsZero() && !x.When.Start.IsZero() && x.When.End.Last() < x.When.Start.First() {
		p.errAt(r, "to", "term ends (%s) before it starts (%s)", x.When.End, x.When.Start)
	}
	switch a := r.get("acting"); a {
	case "", "no":
	case "yes":
		x.Acting = true
	default:
		p.errAt(r, "acting", "acting %q: use yes or leave empty", a)
	}
	p.refer(r, "office", "office", x.Office)
	p.refer(r, "person", "person", x.Person)
	p.r.Terms = put(p.at, "terms", p.r.Terms, x, x.ID)
}

func (p *parser) event(r row) {
	id, ok := p.id("events", r)
	if !ok {
		return
	}
	when, okDate := p.interval(r, "date")
	x := &Event{ID: id, Kind: r.get("kind"), When: when, Who: r.list("who"), From: r.get("from"), To: r.get("to"),
		Places: r.list("places"), Title: r.get("title"), Names: r.list("names"), Value: r.get("value"), Tags: r.list("tags"),
		Confidence: p.confidence(r), Sources: p.sources(r), Note: r.get("note"), Pos: p.pos(r)}
	if !contains(eventKinds, x.Kind) {
		p.errAt(r, "kind", "event kind %q: use %s", x.Kind, strings.Join(eventKinds, ", "))
	}
	if okDate && (x.When.Start.IsZero() || x.When.End.IsZero()) {
		p.errAt(r, "date", "an event needs both a start and an end (a single date means both)")
	}
	x.Number = p.number(r, "number")
	x.Term = p.number(r, "term")
	if x.Kind == Summit && x.Number == 0 {
		p.errAt(r, "number", "a summit needs its number in the series")
	}
	if x.Kind == Visit && (x.From == "" || x.To == "" || len(x.Who) == 0) {
		p.errAt(r, "who", "a visit needs who, from and to")
	}
	for _, tag := range x.Tags {
		if !contains(eventTags, tag) {
			p.errAt(r, "tags", "unknown tag %q (tags are: %s)", tag, strings.Join(eventTags, ", "))
		}
	}
	p.refer(r, "who", "person", x.Who...)
	if x.From != "" {
		p.refer(r, "from", "country", x.From)
	}
	if x.To != "" {
		p.refer(r, "to", "country", x.To)
	}
	p.refer(r, "places", "place", x.Places...)
	p.r.Events = put(p.at, "events", p.r.Events, x, x.ID)
}

func (p *parser) number(r row, col string) int {
	s := r.get(col)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		p.errAt(r, col, "%s %q is not a positive whole number", col, s)
	}
	return n
}

func (p *parser) scope(r row) {
	id, ok := p.id("coverage", r)
	if !ok {
		return
	}
	period, _ := p.interval(r, "period")
	x := &Scope{ID: id, Kind: r.get("kind"), Who: r.get("who"), From: r.list("from"), To: r.list("to"), Period: period, Note: r.get("note"), Pos: p.pos(r)}
	if r.t.cols["sources"] != 0 && r.get("sources") != "" {
		x.Sources = p.sources(r)
	}
	if !contains(coverageKinds, x.Kind) {
		p.errAt(r, "kind", "coverage kind %q: use %s", x.Kind, strings.Join(coverageKinds, ", "))
	}
	switch s := r.get("status"); s {
	case "complete":
		x.Complete = true
	case "partial":
	default:
		p.errAt(r, "status", "status %q: use complete or partial", s)
	}
	if x.Who != "" {
		kind, id, _ := strings.Cut(x.Who, ":")
		switch kind {
		case "office", "person":
			p.refer(r, "who", kind, id)
		default:
			p.errAt(r, "who", "who %q: write office:ID or person:ID, or leave empty for anyone", x.Who)
		}
	}
	p.refer(r, "from", "country", x.From...)
	p.refer(r, "to", "country", x.To...)
	p.r.Coverage = put(p.at, "coverage", p.r.Coverage, x, x.ID)
}

// put appends x, or replaces an earlier element with the same id (a later
// record overriding an earlier one). at remembers where each id sits, so
// loading stays linear in the number of rows.
func put[T any](at map[string]int, table string, list []T, x T, id string) []T {
	key := table + "\x00" + id
	if i, ok := at[key]; ok {
		list[i] = x
		return list
	}
	at[key] = len(list)
	return append(list, x)
}

// finish builds the indexes, resolves references and runs the checks that
// need the whole record.
func (p *parser) finish() {
	r := p.r
	r.people = map[string]*Person{}
	r.places = map[string]*Place{}
	r.offices = map[string]*Office{}
	r.events = map[string]*Event{}
	r.terms = map[string]*Term{}
	for _, x := range r.People {
		r.people[x.ID] = x
	}
	for _, x := range r.Places {
		r.places[x.ID] = x
	}
	for _, x := range r.Offices {
		r.offices[x.ID] = x
	}
	for _, x := range r.Events {
		r.events[x.ID] = x
	}
	for _, x := range r.Terms {
		r.terms[x.ID] = x
	}
	for _, f := range p.refs {
		var ok bool
		switch f.kind {
		case "person":
			ok = r.people[f.id] != nil
		case "place":
			ok = r.places[f.id] != nil
		case "country":
			ok = r.places[f.id] != nil && r.places[f.id].Kind == "country"
		case "office":
			ok = r.offices[f.id] != nil
		}
		if !ok {
			p.errs.add(f.pos.File, f.pos.Line, f.col, "%s: no %s with id %q in the record", f.what, f.kind, f.id)
		}
	}
	sort.SliceStable(r.Terms, func(i, j int) bool { return r.Terms[i].When.Lo() < r.Terms[j].When.Lo() })
	sort.SliceStable(r.Events, func(i, j int) bool { return r.Events[i].When.Lo() < r.Events[j].When.Lo() })
	for _, t := range r.Terms {
		if o := r.offices[t.Office]; o != nil {
			if len(o.Includes) > 0 {
				p.errs.add(t.Pos.File, t.Pos.Line, 0, "term %s is of %s, a loose office standing for others: give the term to one of %s", t.ID, o.ID, strings.Join(o.Includes, ", "))
			}
			o.Terms = append(o.Terms, t)
		}
		if x := r.people[t.Person]; x != nil {
			x.Terms = append(x.Terms, t)
		}
	}
	for _, e := range r.Events {
		for _, w := range e.Who {
			if x := r.people[w]; x != nil {
				x.Events = append(x.Events, e)
			}
		}
	}
	for _, o := range r.Offices {
		for i := 1; i < len(o.Terms); i++ {
			for j := 0; j < i; j++ {
				a, b := o.Terms[j], o.Terms[i]
				if overlapStrictly(r.termSpan(a), r.termSpan(b)) {
					p.errs.add(b.Pos.File, b.Pos.Line, 0, "term %s (%s) overlaps term %s (%s) of the same office %s: one of the dates is wrong", b.ID, b.When, a.ID, a.When, o.ID)
				}
			}
		}
	}
	if r.AsOf.IsZero() && !p.noMeta && len(r.Events)+len(r.Terms) > 0 {
		p.errs.add("record.tsv", 0, 0, "no as_of date: say up to when the record is complete")
	}
}

// overlapStrictly reports whether two terms certainly share more than a
// handover day: the later one starts before the earlier one surely ended.
func overlapStrictly(a, b Interval) bool {
	if a.Lo() > b.Lo() {
		a, b = b, a
	}
	aEnd := a.Hi()
	if !a.End.IsZero() {
		aEnd = a.End.First()
	}
	bStart := b.Lo()
	if !b.Start.IsZero() {
		bStart = b.Start.Last()
	}
	return bStart < aEnd
}
