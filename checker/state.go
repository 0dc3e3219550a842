package checker

import (
	"sync"

	"github.com/relcheck/relcheck/facts"
)

// docState is what a document has said so far: who was named last, the last
// time, the last event of each kind. It resolves pronouns, surnames shared by
// several people, relative times and "this visit" / "the treaty".
type docState struct {
	seq       int         // sentences read
	last      []lastNamed // the last person named of each gender
	recent    []int       // by person.n: the sentence where the person was last named, 0 for never
	lastTime  facts.Interval
	timeSeq   int
	lastEvent map[string]string // claim kind → event id
	eventSeq  map[string]int
	countries []string // countries named, most recent last
	docDate   facts.Date
	// events matched in the current sentence, by kind/person, for titles
	sentenceEvents map[string]string
	// the sentence's times and findMentions' buffers, likewise
	times  []timeExpr
	ments  []ment
	inTime []bool
	// parseTokens' buffers: the claims being built, and the list of the
	// sentence's claims it returns (the claims themselves are the caller's)
	built  []Claim
	claims []*Claim
	kindAt []int // sentence.kindAt's memory
	// the memory handed out for the claims, their mentions and lists of ids
	claimMem   slab[Claim]
	mentionMem slab[Mention]
	stringMem  slab[string] // the claims' lists of ids
}

// slab hands out lists carved from chunks of memory it allocates, so that
// the claims of a document, their mentions and lists of ids cost a few
// allocations rather than one per sentence or claim. What it hands out is
// the caller's: it is never handed out again, and it has no spare capacity,
// so that appending to it never writes into the chunk. The chunks grow,
// from the first list's length, so that a short document wastes little.
type slab[T any] struct {
	free []T // the unused rest of the current chunk
	next int // the next chunk's length
}

// slabMax bounds a chunk's length.
const slabMax = 64

// take returns a zeroed list of n.
func (s *slab[T]) take(n int) []T {
	if n > len(s.free) {
		size := max(n, s.next)
		s.free = make([]T, size) // the rest of the old chunk is left unused
		s.next = min(2*size, slabMax)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// newDocState is the state of a new document, from docStates. An archive is
// thousands of short documents: each would otherwise grow its own buffers
// and maps, and leave unused the rest of its slabs' last chunks (a third of
// the claims' memory on the benchmark corpus). Release it when the document
// is done.
func newDocState(date facts.Date) *docState {
	st := docStates.Get().(*docState)
	if st.lastEvent == nil {
		st.lastEvent, st.eventSeq, st.sentenceEvents = map[string]string{}, map[string]int{}, map[string]string{}
	}
	// what is kept: the maps, emptied, the buffers, and the slabs, whose
	// chunks hand out only what they never handed out before; every other
	// field, any added later included, starts from its zero value
	clear(st.lastEvent)
	clear(st.eventSeq)
	clear(st.sentenceEvents)
	*st = docState{
		docDate:        date,
		lastEvent:      st.lastEvent,
		eventSeq:       st.eventSeq,
		sentenceEvents: st.sentenceEvents,
		last:           st.last[:0],
		recent:         st.recent[:0],
		countries:      st.countries[:0],
		times:          st.times[:0],
		ments:          st.ments[:0],
		inTime:         st.inTime[:0],
		built:          st.built[:0],
		claims:         st.claims[:0],
		kindAt:         st.kindAt[:0],
		claimMem:       st.claimMem,
		mentionMem:     st.mentionMem,
		stringMem:      st.stringMem,
	}
	return st
}

// release hands st back to docStates, holding none of the document's
// people, text or claims: its buffers are cleared.
func (st *docState) release() {
	clear(st.last[:cap(st.last)])
	clear(st.countries[:cap(st.countries)])
	clear(st.ments[:cap(st.ments)])
	clear(st.built[:cap(st.built)])
	clear(st.claims[:cap(st.claims)])
	docStates.Put(st)
}

var docStates = sync.Pool{New: func() any { return new(docState) }}

// lastNamed is the last person named of a gender.
type lastNamed struct {
	gender byte
	who    *person
}

// named notes that the sentence being read names p.
func (st *docState) named(p *person) {
	if p.n >= len(st.recent) {
		st.recent = append(st.recent, make([]int, p.n+1-len(st.recent))...)
	}
	st.recent[p.n] = st.seq
	for i := range st.last {
		if st.last[i].gender == p.gender {
			st.last[i].who = p
			return
		}
	}
	st.last = append(st.last, lastNamed{p.gender, p})
}

// lastOf is the last person named of a gender, or nil.
func (st *docState) lastOf(gender byte) *person {
	for _, l := range st.last {
		if l.gender == gender {
			return l.who
		}
	}
	return nil
}

// recentOf picks, of several people sharing a name, the one named last, or
// nil if none of them was named yet.
func (st *docState) recentOf(who []*person) *person {
	var best *person
	bestSeq := 0
	for _, p := range who {
		if p.n < len(st.recent) && st.recent[p.n] > bestSeq {
			best, bestSeq = p, st.recent[p.n]
		}
	}
	return best
}

func (st *docState) timeContext() timeContext {
	tc := timeContext{docDate: st.docDate}
	if !st.lastTime.Start.IsZero() {
		tc.last = st.lastTime
	}
	return tc
}

// recentTime is the last time, if it was said in this sentence or the two before.
func (st *docState) recentTime() (facts.Interval, bool) {
	if st.lastTime.Start.IsZero() || st.seq-st.timeSeq > 2 {
		return facts.Interval{}, false
	}
	return st.lastTime, true
}

// recentEvent is the last event of a kind, if it was within a few sentences.
func (st *docState) recentEvent(kind string) string {
	if st.seq-st.eventSeq[kind] > 4 {
		return ""
	}
	return st.lastEvent[kind]
}

func (st *docState) noteEvent(kind, id string) {
	if id == "" {
		return
	}
	st.lastEvent[kind] = id
	st.eventSeq[kind] = st.seq
}

func (st *docState) noteCountry(id string) {
	for i, c := range st.countries {
		if c == id {
			st.countries = append(st.countries[:i], st.countries[i+1:]...)
			break
		}
	}
	st.countries = append(st.countries, id)
	if len(st.countries) > 4 {
		st.countries = st.countries[1:]
	}
}
