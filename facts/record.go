package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Confidence grades how well a fact is attested.
type Confidence uint8

// Grades, weakest first. Only Medium and High can decide a verdict.
const (
	Unverified Confidence = iota
	Low
	Medium
	High
)

var confidenceNames = []string{"unverified", "low", "medium", "high"}

func (c Confidence) String() string { return confidenceNames[c] }

// MarshalText writes the grade's name.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Decisive reports whether facts of this grade may support or contradict.
func (c Confidence) Decisive() bool { return c >= Medium }

// Pos says where a row came from.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Person is someone the record knows by name.
type Person struct {
	ID      string
	Name    string
	Aliases []string
	Gender  byte // 'm' or 'f'
	Country string
	Note    string
	Pos     Pos

	Terms  []*Term  // in time order
	Events []*Event // in time order
}

// PlaceIn says which country a city belonged to over a span of time.
type PlaceIn struct {
	Country string
	When    Interval

	lo, hi    DayNum // When.Lo(), When.Hi(), read once by Parse
	daysKnown bool
}

// Place is a country or a city.
type Place struct {
	ID         string
	Kind       string // "country" or "city"
	Name       string
	Aliases    []string
	Adjectives []string
	In         []PlaceIn
	Exists     Interval // countries: when the country existed
	Successor  string
	Note       string
	Pos        Pos
}

// Office is an office people hold, such as a prime ministership.
type Office struct {
	ID          string
	Name        string
	Country     string
	Titles      []string
	Includes    []string // a loose office stands for these
	Established Date
	Note        string
	Pos         Pos

	Terms []*Term // in time order
}

// Term is one person's time in an office.
type Term struct {
	ID         string
	Office     string
	Person     string
	When       Interval // open End: still in office at the record's as-of date
	Acting     bool
	Confidence Confidence
	Sources    []string
	Note       string
	Pos        Pos
}

// Event kinds.
const (
	Visit      = "visit"
	Summit     = "summit"
	Agreement  = "agreement"
	Relations  = "relations"
	OfficeKind = "office" // claims and coverage about who held an office
)

// Event is a dated happening: a visit, a summit, an agreement, relations.
type Event struct {
	ID         string
	Kind       string
	When       Interval
	Who        []string
	From, To   string
	Places     []string
	Title      string
	Names      []string
	Number     int
	Term       int // years
	Value      string
	Tags       []string
	Confidence Confidence
	Sources    []string
	Note       string
	Pos        Pos

	days      Days // When.Days(), read once by Parse
	daysKnown bool
}

// Days is e.When.Days(), which Parse reads once for every event of a record.
func (e *Event) Days() Days {
	if !e.daysKnown {
		return e.When.Days() // an event made outside Parse
	}
	return e.days
}

// HasTag reports whether the event carries a tag.
func (e *Event) HasTag(tag string) bool { return contains(e.Tags, tag) }

// Involves reports whether a person took part in the event.
func (e *Event) Involves(person string) bool { return contains(e.Who, person) }

// Scope is one row of coverage: where the record is complete or partial.
type Scope struct {
	ID       string
	Kind     string
	Who      string // "office:ID", "person:ID" or ""
	From, To []string
	Period   Interval
	Complete bool
	Sources  []string // the lists the completeness rests on
	Note     string
	Pos      Pos
}

// Record is a loaded, validated fact base with its indexes. Parse builds
// the indexes once; after that a Record is only read, so many goroutines may
// query it at once. Its exported fields must not be changed: the indexes
// would no longer match them.
type Record struct {
	Name        string
	Title       string
	AsOf        Date
	Description string
	SHA256      string // of the files it was loaded from, in order

	People   []*Person
	Places   []*Place
	Offices  []*Office
	Terms    []*Term
	Events   []*Event
	Coverage []*Scope

	people  map[string]*Person
	places  map[string]*Place
	offices map[string]*Office
	events  map[string]*Event
	terms   map[string]*Term

	idx index // built by Parse for the per-claim queries
}

// File is one table of a record, by name and content. The name's base (such
// as "events.tsv") says which table it is.
type File struct {
	Name string
	Data []byte
}

// Tables a record is made of, in the order they are read.
var tableOrder = []string{"record", "people", "places", "offices", "terms", "events", "coverage"}

// Parse reads, merges and validates the files of one or more records: a row
// whose id repeats an earlier file's row replaces it, so a later record can
// correct or extend an earlier one. Every problem is reported in the returned
// ErrorList; no Record is returned unless there is none.
func Parse(files []File) (*Record, error) {
	var errs ErrorList
	p := &parser{errs: &errs, r: &Record{}, at: map[string]int{}}
	h := sha256.New()
	byTable := map[string][]File{}
	for _, f := range files {
		h.Write([]byte(f.Name))
		h.Write(f.Data)
		name := tableName(f.Name)
		if !contains(tableOrder, name) {
			errs.add(f.Name, 0, 0, "not a record table: name it one of %s (with .tsv)", strings.Join(tableOrder, ".tsv, ")+".tsv")
			continue
		}
		byTable[name] = append(byTable[name], f)
	}
	for _, name := range tableOrder {
		for _, f := range byTable[name] {
			p.table(name, f)
		}
	}
	if len(byTable["record"]) == 0 {
		errs.add("record.tsv", 0, 0, "missing: a record needs a record.tsv with at least name and as_of")
		p.noMeta = true
	}
	r := p.r
	r.SHA256 = hex.EncodeToString(h.Sum(nil))
	p.finish()
	if err := errs.err(); err != nil {
		return nil, err
	}
	r.buildIndex()
	return r, nil
}

func tableName(path string) string {
	base := path
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	return strings.TrimSuffix(base, ".tsv")
}

// Person returns a person by id, or nil.
func (r *Record) Person(id string) *Person { return r.people[id] }

// Place returns a place by id, or nil.
func (r *Record) Place(id string) *Place { return r.places[id] }

// Office returns an office by id, or nil.
func (r *Record) Office(id string) *Office { return r.offices[id] }

// Event returns an event by id, or nil.
func (r *Record) Event(id string) *Event { return r.events[id] }

// Term returns a term of office by id, or nil.
func (r *Record) Term(id string) *Term { return r.terms[id] }

// TermsAt returns the terms a person held that overlap the interval, in time
// order.
func (r *Record) TermsAt(person string, when Interval) []*Term {
	return overlapping(r.idx.personTerms[person], when)
}

// overlapping returns the terms of a list ordered by start whose spans
// overlap the interval, in list order; nil when there are none. The result is
// a fresh slice, so callers may keep or change it.
func overlapping(list []termSpan, when Interval) []*Term {
	if len(list) == 0 {
		return nil
	}
	lo, hi := when.Lo(), when.Hi()
	n := 0
	for _, x := range list {
		if x.lo > hi {
			break // ordered by start: no later term can overlap either
		}
		if x.overlaps(lo, hi) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]*Term, 0, n)
	for _, x := range list {
		if x.overlaps(lo, hi) {
			if out = append(out, x.t); len(out) == n {
				break
			}
		}
	}
	return out
}

// termSpan closes an open term at the record's as-of date.
func (r *Record) termSpan(t *Term) Interval {
	iv := t.When
	if iv.End.IsZero() && !r.AsOf.IsZero() {
		iv.End = r.AsOf
	}
	return iv
}

// Current reports whether the term is still running at the record's as-of date.
func (t *Term) Current() bool { return t.When.End.IsZero() }

// CountryAt returns the country a place belonged to on a day ("" when the
// record does not say). A country is its own country while it exists.
func (r *Record) CountryAt(place string, day DayNum) string {
	return r.places[place].CountryAt(day)
}

// CountryAt is the country the place (a country or a city; nil: none) was
// in on a day, or "" if the record does not say.
func (p *Place) CountryAt(day DayNum) string {
	if p == nil {
		return ""
	}
	if p.Kind == "country" {
		return p.ID
	}
	for i := range p.In {
		in := &p.In[i]
		lo, hi := in.lo, in.hi
		if !in.daysKnown {
			lo, hi = in.When.Lo(), in.When.Hi() // a place made outside Parse
		}
		if lo <= day && day <= hi {
			return in.Country
		}
	}
	return ""
}

// SameCountry reports whether country a, as named for a date, is country b:
// equal, or a is the successor b had then (the USSR written as "Russia").
func (r *Record) SameCountry(a, b string) bool {
	if a == b {
		return true
	}
	if pb := r.places[b]; pb != nil && pb.Successor == a {
		return true
	}
	return false
}

// Holders returns the terms of an office (and of the offices it includes)
// overlapping the interval, in time order (by start; on a tie, in the order
// the offices are included).
func (r *Record) Holders(office string, when Interval) []*Term {
	return overlapping(r.idx.officeTerms[office], when)
}

// Expand returns the office ids an office stands for: itself, or for a loose
// office the offices it includes; nil for an unknown office. The slice is the
// record's own: do not modify it.
func (r *Record) Expand(office string) []string { return r.idx.expand[office] }

// Span is a term's interval with an open end closed at the record's as-of date.
func (r *Record) Span(t *Term) Interval { return r.termSpan(t) }
