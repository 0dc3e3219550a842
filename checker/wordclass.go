package checker

// Most words of a sentence are asked the same questions several times: does
// a phrase of the lexicon begin here, can a time begin here, is this a word
// that makes a claim, or that changes the mode. Each question used to be a
// map lookup of its own. Instead, classify looks every word up once, in one
// table, and leaves the answers on the token.

// wordClass says which of the grammar's word sets a word belongs to.
type wordClass uint32

const (
	clsTime       wordClass = 1 << iota // may begin a time without a digit (timeWords)
	clsClaim                            // no claim is made without one (claimWords)
	clsMode                             // a case of modeOf tests it (modeWords)
	clsVisit                            // a visit verb or noun
	clsSummit                           // a summit word
	clsAgree                            // an agreement noun or signing verb
	clsVisitNear                        // a visit trigger with the right next words ("was in", "set foot")
	clsNumber                           // a number word ("two", "a")
	clsMonth                            // a month or its abbreviation
	clsSeason                           // a season
	clsSummitWord                       // summitWord
	clsAgreeNoun                        // agreeNouns
	clsSign                             // signWords
	clsRelNoun                          // relNouns
	clsStart                            // startWords
	clsDateWord                         // dateWords
	clsRelative                         // relativeWords
	clsPronoun                          // pronouns
	clsCount                            // countWords
	clsOrdinal                          // ordinalWords
	clsYear                             // "year", "years": relative times and durations
)

// wordInfo is what the checker knows about one word.
type wordInfo struct {
	cls     wordClass
	phrases []phrase // the lexicon's phrases that begin with the word, longest first
}

// wordTable maps a word (its normal form) to what is known about it; may
// turns most other words away without hashing them.
type wordTable struct {
	words map[string]*wordInfo
	may   wordFilter
}

func (wt *wordTable) info(w string) *wordInfo {
	if !wt.may.may(w) {
		return nil
	}
	return wt.words[w]
}

func (wt *wordTable) add(w string) *wordInfo {
	wi := wt.words[w]
	if wi == nil {
		wi = &wordInfo{}
		wt.words[w] = wi
		wt.may.add(w)
	}
	return wi
}

// classify sets each word token's info from the table (nil: nothing known).
func (wt *wordTable) classify(toks []token) {
	for i := range toks {
		if t := &toks[i]; !t.punct {
			t.info = wt.info(t.norm)
			if t.info != nil {
				t.cls = t.info.cls
			}
		}
	}
}

// newWordTable holds the grammar's word sets; the lexicon adds its phrases.
func newWordTable() *wordTable {
	wt := &wordTable{words: map[string]*wordInfo{}}
	for _, s := range []struct {
		words map[string]bool
		cls   wordClass
	}{
		{timeWords, clsTime},
		{claimWords, clsClaim},
		{modeWords, clsMode},
		{visitVerbs, clsVisit},
		{visitNouns, clsVisit},
		{summitWord, clsSummit},
		{agreeNouns, clsAgree},
		{signWords, clsAgree},
		{visitNearWords, clsVisitNear},
		{keysOf(numberWords), clsNumber},
		{keysOf(months), clsMonth},
		{keysOf(seasons), clsSeason},
		{summitWord, clsSummitWord},
		{agreeNouns, clsAgreeNoun},
		{signWords, clsSign},
		{relNouns, clsRelNoun},
		{startWords, clsStart},
		{dateWords, clsDateWord},
		{relativeWords, clsRelative},
		{keysOf(pronouns), clsPronoun},
		{countWords, clsCount},
		{keysOf(ordinalWords), clsOrdinal},
		{yearWords, clsYear},
	} {
		for w := range s.words {
			wt.add(w).cls |= s.cls
		}
	}
	return wt
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// findClass is the index of the first token of a class, or -1.
func (s *sentence) findClass(c wordClass) int {
	for i := range s.toks {
		if s.toks[i].is(c) {
			return i
		}
	}
	return -1
}

// hasDigit reports whether a word holds a digit: every reading of a number
// or year needs one.
func hasDigit(w string) bool {
	for k := 0; k < len(w); k++ {
		if '0' <= w[k] && w[k] <= '9' {
			return true
		}
	}
	return false
}

func (t *token) is(c wordClass) bool { return t.cls&c != 0 }
