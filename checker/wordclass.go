package checker

import "math/bits"

// Most words of a sentence are asked the same questions several times: does
// a phrase of the lexicon begin here, can a time begin here, is this a word
// that makes a claim, or that changes the mode. Each question used to be a
// map lookup of its own. Instead, the tokenizer looks every word up once, in one
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
	clsPhrase                           // begins a phrase of the lexicon (wordInfo.phrases)
	clsDuration                         // a number word joined to "-year" (durationWords)
)

// wordInfo is what the checker knows about one word.
type wordInfo struct {
	cls     wordClass
	phrases []phrase // the lexicon's phrases that begin with the word, longest first
}

// wordTable maps a word (its normal form) to what is known about it. It is
// an open-addressing table of its own rather than a Go map so that the
// tokenizer can look an ASCII word up as it is written, capitals and all,
// with no lower-case copy and no string hash (see findWritten): the key's
// first eight bytes are compared as one number.
type wordTable struct {
	slots   []int32 // 1 + an index into entries, or 0 for none; a power of two long, at most a quarter full
	shift   uint    // 64 - log2(len(slots)): wordHash's top bits pick the first slot
	entries []wordEntry
}

type wordEntry struct {
	prefix uint64 // wordPrefix(key)
	rest   uint64 // wordPrefix(key[8:]), 0 for a key of eight bytes or fewer
	key    string
	info   *wordInfo
}

// wordPrefix is a word's first eight bytes (fewer for a shorter word, the
// rest zero) as a little-endian number.
func wordPrefix(w string) uint64 {
	var x uint64
	for k := min(len(w), 8) - 1; k >= 0; k-- {
		x = x<<8 | uint64(w[k])
	}
	return x
}

// wordHash mixes a word's prefix, length and last byte; its top bits are
// where the word's probes start.
func wordHash(prefix uint64, n int, last byte) uint64 {
	return (prefix ^ uint64(n)<<56 ^ uint64(last)<<48) * 0x9e3779b97f4a7c15
}

func (wt *wordTable) info(w string) *wordInfo {
	if e := wt.find(w); e != nil {
		return e.info
	}
	return nil
}

// find is the entry of the word w (a normal form), or nil.
func (wt *wordTable) find(w string) *wordEntry {
	if w == "" || len(wt.slots) == 0 {
		return nil
	}
	x := wordPrefix(w)
	mask := uint64(len(wt.slots) - 1)
	for h := wordHash(x, len(w), w[len(w)-1]) >> wt.shift; ; h = (h + 1) & mask {
		k := wt.slots[h]
		if k == 0 {
			return nil
		}
		if e := &wt.entries[k-1]; e.prefix == x && e.key == w {
			return e
		}
	}
}

// findWritten is the entry of the ASCII word w as it is written (letters,
// digits and joiners, with capitals), or nil (also when wt is); prefix is
// its writtenPrefix.
func (wt *wordTable) findWritten(w string, prefix uint64) *wordEntry {
	if wt == nil {
		return nil
	}
	mask := uint64(len(wt.slots) - 1)
	for h := wordHash(prefix, len(w), w[len(w)-1]|0x20) >> wt.shift; ; h = (h + 1) & mask {
		k := wt.slots[h]
		if k == 0 {
			return nil
		}
		if e := &wt.entries[k-1]; e.prefix == prefix && len(e.key) == len(w) && sameTail(e.key, w) {
			return e
		}
	}
}

// findLower is the entry of the word of n < 16 bytes whose lower case is
// prefix (its first eight bytes) and rest (the next eight), last its last
// byte, or nil.
func (wt *wordTable) findLower(prefix, rest uint64, n int, last byte) *wordEntry {
	mask := uint64(len(wt.slots) - 1)
	for h := wordHash(prefix, n, last) >> (wt.shift & 63); ; h++ {
		k := wt.slots[h&mask]
		if k == 0 {
			return nil
		}
		if e := &wt.entries[k-1]; e.prefix == prefix && e.rest == rest && len(e.key) == n {
			return e
		}
	}
}

// noWords is the table of no words, for a tokenizer without one: every
// probe finds an empty slot.
var noWords = wordTable{slots: make([]int32, 2), shift: 63}

// sameTail: is key, past its first eight bytes, the lower case of the ASCII
// word w (see writtenPrefix)?
func sameTail(key, w string) bool {
	for k := 8; k < len(w); k++ {
		if key[k] != w[k]|0x20 {
			return false
		}
	}
	return true
}

// load64 is s[i:i+8] as a little-endian number (one load once compiled).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// add is the info of w (never empty), new if w had none.
func (wt *wordTable) add(w string) *wordInfo {
	if e := wt.find(w); e != nil {
		return e.info
	}
	if 4*(len(wt.entries)+1) > len(wt.slots) {
		wt.rehash(max(64, 2*len(wt.slots)))
	}
	e := wordEntry{prefix: wordPrefix(w), key: w, info: &wordInfo{}}
	if len(w) > 8 {
		e.rest = wordPrefix(w[8:])
	}
	wt.entries = append(wt.entries, e)
	wt.place(len(wt.entries) - 1)
	return wt.entries[len(wt.entries)-1].info
}

// rehash makes the table n slots long (a power of two).
func (wt *wordTable) rehash(n int) {
	wt.slots = make([]int32, n)
	wt.shift = uint(64 - bits.TrailingZeros(uint(n)))
	for i := range wt.entries {
		wt.place(i)
	}
}

// place files entries[i] in the first free slot of its probe sequence.
func (wt *wordTable) place(i int) {
	e := &wt.entries[i]
	mask := uint64(len(wt.slots) - 1)
	h := wordHash(e.prefix, len(e.key), e.key[len(e.key)-1]) >> wt.shift
	for wt.slots[h] != 0 {
		h = (h + 1) & mask
	}
	wt.slots[h] = int32(i + 1)
}

// classify sets each word token's info from the table (nil: nothing known),
// as wordTable.appendTokens does while it scans, for tokens made without it.
func (wt *wordTable) classify(toks []token) {
	for i := range toks {
		if t := &toks[i]; !t.punct {
			wt.classifyOne(t)
		}
	}
}

// classifyOne sets a word token's info and classes from the table, if there
// is one.
func (wt *wordTable) classifyOne(t *token) {
	if wt == nil {
		return
	}
	t.info = wt.info(t.norm)
	if t.info != nil {
		t.cls = t.info.cls
	}
}

// newWordTable holds the grammar's word sets; the lexicon adds its phrases.
func newWordTable() *wordTable {
	wt := &wordTable{}
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
		{durationWords, clsDuration},
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
