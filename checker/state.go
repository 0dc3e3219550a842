package checker

import "github.com/relcheck/relcheck/facts"

// docState is what a document has said so far: who was named last, the last
// time, the last event of each kind. It resolves pronouns, surnames shared by
// several people, relative times and "this visit" / "the treaty".
type docState struct {
	seq       int // sentences read
	last      map[byte]string
	recent    map[string]int // person id → sentence where last named
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
}

func newDocState(date facts.Date) *docState {
	return &docState{last: map[byte]string{}, recent: map[string]int{}, lastEvent: map[string]string{}, eventSeq: map[string]int{}, docDate: date, sentenceEvents: map[string]string{}}
}

func (st *docState) lastOf(gender byte) string { return st.last[gender] }

// recentOf picks, of several people sharing a name, the one named last.
func (st *docState) recentOf(ids []string) string {
	best, bestSeq := "", 0
	for _, id := range ids {
		if s := st.recent[id]; s > bestSeq {
			best, bestSeq = id, s
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
