package checker

import (
	"maps"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Many sentences of an article name no one and no time (more than half of
// the benchmark corpus's): "A reception was held in the evening." Such a
// sentence leaves nothing for the next ones and makes no claim, and
// splitting it into classified words costs more than everything else done
// with it. The gate reads a sentence once, byte by byte, and lets through
// only those that may matter; the rest are counted and passed over.
//
// It must never turn away a sentence that matters. What matters, and why
// the gate sees it:
//   - a time: every reading of a time needs a digit, a month, or "year" or
//     "years" (times.go);
//   - a mention of the lexicon: every word of a phrase is written in the
//     sentence. A phrase of one word is looked for by that word; a phrase
//     of more, by its two longest (the gate's pairs below);
//   - a pronoun that stands for the last person named;
//   - a misspelt name: a capitalised word that fuzzyPerson takes for one;
//   - the claims that need neither a mention nor a time: "the last summit
//     was …" (summitWord) and "this visit is seen as the beginning of
//     relations", which needs a relations noun and a start word
//     (relationsClaims), so those two are a pair too.
//
// One kind of mention matters only with a claim: a place that is not a
// country ("Newspapers in Tashkent carried the story"). Of places, a
// document remembers only countries (parseTokens), and no claim is made
// without a claim word or a mention of an office or event (mayClaim). So a
// sentence whose only mentions are such places is let through only if it
// also holds a claim word, or a word that makes a visit trigger with the
// next one ("was in", "set foot"; see isVisitTrigger).
//
// The gate's words are letters and digits only, cut at every other
// character: a token's runs of letters and digits are runs of the sentence
// too, whatever joins them. Phrases are looked for by their ASCII runs; a
// letter outside ASCII lets the sentence through, unless it is in lower
// case in a word that does not begin with a capital (see lowerOK).
type gate struct {
	// an open-addressing table of the words the gate knows, by the top half
	// of their key (gateKey; 0 for an empty slot), and what each may do
	keys  []uint32
	words []gateWord
	shift uint // a key's first slot is its top bits: key >> shift
	// one bit for each word the table holds, from the top bits of its
	// wordHash (gateBloomBit): the one probe the gate makes for most words
	// (a few hundred words leave a word unknown to the gate looked up by
	// mistake one time in fifty or so)
	bloom [gateBloomBits / 64]uint64
	// every phrase has a run of ASCII letters or digits, so that a letter
	// outside ASCII in lower case ("communiqué") is one more character
	// between runs: the word that holds it is never one of the gate's
	// words, and one that does not begin with a capital is never taken for
	// a misspelt name. Where a phrase has no such run, every letter outside
	// ASCII lets its sentence through.
	lowerOK bool
}

const gateBloomBits = 1 << gateBloomLog

const gateBloomLog = 15

// gateBloomBit is the bloom bit of a word whose wordHash is h: its top bits,
// which a multiplicative hash makes depend on every bit it reads.
func gateBloomBit(h uint64) uint64 { return h >> (64 - gateBloomLog) }

// gateWord is what a word of the gate may do: a word may be several things
// at once.
type gateWord struct {
	kind gateKind
	// the pairs of words of which it is the first and the second, each pair
	// a bit (pairBit): a sentence that holds both words of a pair is let
	// through. Pairs that share a bit are let through by each other's words
	// too, which costs time and nothing else.
	first, second uint64
	// the word itself, if it is a word of the lexicon's phrases or one of
	// commonWords (lexicon.vocab): never a misspelt name
	vocab string
}

// gateKind is what a word of the gate may do alone or with a place.
type gateKind uint8

const (
	gateLets    gateKind = 1 << iota // lets its sentence through: a time word, a pronoun, a summit word, a phrase of one word that is not only a place
	gatePlace                        // a word of phrases that are all places other than countries
	gateClaim                        // a claim word (claimWords)
	gateNear                         // makes a visit trigger with the next word (visitNearWords), if that is one of visitNearNext
	gateCapLets                      // lets its sentence through if written with a capital: an agreement's keyword
)

// gateTimeWords are the words without a digit that a time cannot do
// without: a month, or "year" ("that year", "two years later", "a
// twenty-year treaty"; see appendTimes and relativeYear).
var gateTimeWords = union(keysOf(months), yearWords)

// pronouns stand for the last person of their gender named (findMentions).
var pronouns = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "she": 'f', "her": 'f'}

func newGate(phrases map[string][]entry, vocab map[string]bool) *gate {
	words := map[string]*gateWord{}
	word := func(w string) *gateWord {
		if words[w] == nil {
			words[w] = &gateWord{}
		}
		return words[w]
	}
	lowerOK := true
	for k, es := range phrases {
		runs := asciiRuns(k)
		// what each entry needs: a place other than a country needs a
		// claim; an agreement's keyword, a capital (see addKeywords)
		var place, keyword, other bool
		for _, e := range es {
			switch {
			case e.kind == "place" && !e.isCountry:
				place = true
			case e.keyword && len(runs) == 1:
				keyword = true
			default:
				other = true
			}
		}
		switch {
		case len(runs) == 0:
			lowerOK = false // the sentence that writes it has a letter outside ASCII
		case !other:
			if place {
				word(runs[0]).kind |= gatePlace
			}
			if keyword {
				word(runs[0]).kind |= gateCapLets
			}
		case len(runs) == 1:
			word(runs[0]).kind |= gateLets
		default:
			bit := pairBit(k)
			word(runs[0]).first |= bit
			word(runs[1]).second |= bit
		}
	}
	for _, set := range []struct {
		words map[string]bool
		kind  gateKind
	}{
		{gateTimeWords, gateLets}, {keysOf(pronouns), gateLets}, {summitWord, gateLets},
		{claimWords, gateClaim}, {visitNearWords, gateNear},
	} {
		for w := range set.words {
			if runs := asciiRuns(w); len(runs) > 0 {
				word(runs[0]).kind |= set.kind
			}
		}
	}
	// a relations noun and a start word (see relationsClaims)
	rel := pairBit("relations")
	for w := range relNouns {
		word(asciiRuns(w)[0]).first |= rel
	}
	for w := range startWords {
		word(asciiRuns(w)[0]).second |= rel
	}
	slots := 256
	for slots < 4*len(words) {
		slots *= 2
	}
	g := &gate{keys: make([]uint32, slots), words: make([]gateWord, slots), shift: uint(64 - bits.TrailingZeros(uint(slots))), lowerOK: lowerOK}
	for w, gw := range words {
		h0 := wordHash(writtenPrefix(w, 0, len(w)), len(w), lowerByte(w[len(w)-1]))
		h := gateKey(h0)
		i := g.slot(h)
		g.keys[i] = gateTop(h)
		bit := gateBloomBit(h0)
		g.bloom[bit/64] |= 1 << (bit % 64)
		// words that share a key share a slot, and what each may do
		g.words[i].kind |= gw.kind
		g.words[i].first |= gw.first
		g.words[i].second |= gw.second
		if vocab[w] && g.words[i].vocab == "" {
			g.words[i].vocab = w // of words that share a key, one is enough to be exact about
		}
	}
	return g
}

// pairBit is a pair's bit, from the phrase it stands for.
func pairBit(phrase string) uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	for i := 0; i < len(phrase); i++ {
		h = (h ^ uint64(phrase[i])) * 1099511628211
	}
	return 1 << (h % 64)
}

// asciiRuns are a phrase's distinct runs of ASCII letters and digits,
// longest first (of equal ones, the first written first): a phrase's
// anchors.
func asciiRuns(phrase string) []string {
	var runs []string
	for i := 0; i < len(phrase); {
		if !isGateByte(phrase[i]) {
			i++
			continue
		}
		j := i
		for j < len(phrase) && isGateByte(phrase[j]) {
			j++
		}
		if !slices.Contains(runs, phrase[i:j]) {
			runs = append(runs, phrase[i:j])
		}
		i = j
	}
	slices.SortStableFunc(runs, func(a, b string) int { return len(b) - len(a) })
	return runs
}

// gateTop is the part of a key the table keeps. Keys that share it share
// their first slot too, so a word is found in the first slot of its probe
// sequence that holds its top; words whose keys share it are one word to
// the gate.
func gateTop(h uint64) uint32 { return uint32(h>>32) | 1 }

// slot is the slot that holds the key h, or the empty one where it would go.
func (g *gate) slot(h uint64) int {
	top, mask := gateTop(h), len(g.keys)-1
	for i := int(h >> g.shift); ; i = (i + 1) & mask {
		if k := g.keys[i]; k == top || k == 0 {
			return i
		}
	}
}

// word is what the word of key h may do, nil for a word the gate does not
// know.
func (g *gate) word(h uint64) *gateWord {
	if i := g.slot(h); g.keys[i] != 0 {
		return &g.words[i]
	}
	return nil
}

// gateKey is the key of a run of ASCII letters and digits in the gate's
// table, from h, its wordHash: the hash of its lower case's first eight
// bytes (writtenPrefix), its length and its last byte (in lower case),
// mixed so that its low bits too depend on every byte it reads. A longer
// run's other bytes are not read: a run that differs from a word of the
// gate only there is taken for it, which costs time and nothing else, since
// words the gate does not know do not matter.
func gateKey(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// equalLower: is s, in lower case, the lower-case ASCII word w? Both are
// ASCII runs here: strings.EqualFold, which also folds the rest of
// Unicode, costs the gate's hot path 0.6% more instructions.
func equalLower(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// isGateByte: an ASCII letter or digit.
func isGateByte(c byte) bool { return wordByte[c] != 0 }

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// mayMatter reports whether a sentence may hold a time, a mention or a
// claim, or leave something for the next sentence; false means it
// certainly makes no claim, holds no time and leaves nothing, and its
// only mentions, if any, are of places other than countries.
//
// Where eight bytes are left, a run of letters and digits is read as the
// tokenizer reads a word (see tokenizer.word): its bytes classified at once
// by wordBytes, the bytes themselves its prefix. Most words are unknown to
// the gate and in lower case: for them the loop makes one probe of the
// gate's bloom bits, and calls nothing.
func (c *Checker) mayMatter(s string) bool {
	g := c.lex.gate
	var hits gateHits
	for i := 0; i < len(s); {
		b := s[i]
		if wordByte[b] == 0 {
			if b >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) && !(g.lowerOK && unicode.IsLower(r)) {
					return true
				}
				i += n
				continue
			}
			i++
			continue
		}
		start := i
		var prefix uint64 // writtenPrefix(s, start, i)
		space := 0        // 1 if the run ends at a space, which the loop need not read again
		if i+8 <= len(s) {
			x := load64(s, i)
			stop := ^wordBytes(x) & highBits // the bytes that end the run
			run := (stop&-stop)>>7 - 1       // the bytes before the first of them, or all eight
			if ^x&run&(0x40*lowBits) != 0 {
				return true // a digit (see runCase)
			}
			prefix = (x | 0x20*lowBits) & run
			if stop != 0 {
				n := bits.TrailingZeros64(stop) >> 3
				i += n
				switch after := byte(x >> (8 * n)); {
				case after == ' ':
					space = 1
				case after >= utf8.RuneSelf && g.wordGoesOn(s, i, b):
					return true
				}
			} else {
				var digit bool
				if i, _, digit = runOn(s, i+8, false, false); digit {
					return true
				}
				if i < len(s) && s[i] >= utf8.RuneSelf && g.wordGoesOn(s, i, b) {
					return true
				}
			}
		} else {
			var digit bool
			if i, _, digit = runOn(s, i, false, false); digit {
				return true
			}
			prefix = writtenPrefix(s, start, i)
			if i < len(s) && s[i] >= utf8.RuneSelf && g.wordGoesOn(s, i, b) {
				return true
			}
		}
		h := wordHash(prefix, i-start, lowerByte(s[i-1]))
		var w *gateWord
		if bit := gateBloomBit(h); g.bloom[bit/64]&(1<<(bit%64)) != 0 { // else a word the gate does not know
			if w = g.word(gateKey(h)); w != nil && hits.add(w, s, start, i) {
				return true
			}
		}
		if 'A' <= b && b <= 'Z' && c.mayBeMisspelt(s, start, i, w, h) {
			return true
		}
		i += space
	}
	return false
}

// wordGoesOn: does a letter or digit outside ASCII, at s[i], carry on the
// run that ends there, which began with the byte b, so that the sentence is
// to be let through? It is, unless the letter is in lower case in a word
// that does not begin with a capital (see lowerOK).
func (g *gate) wordGoesOn(s string, i int, b byte) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r) && !(g.lowerOK && unicode.IsLower(r) && !('A' <= b && b <= 'Z'))
}

// gateHits is what the words of a sentence the gate knows may do, so far.
type gateHits struct {
	saw           gateKind
	first, second uint64 // the pairs whose first, second word was seen
}

// add notes the word w, s[start:end], and reports whether the sentence is
// to be let through.
func (h *gateHits) add(w *gateWord, s string, start, end int) bool {
	k := w.kind
	if k&gateNear != 0 && nearNextAt(s, end) {
		k |= gateClaim // "was in": a visit trigger
	}
	if k&gateCapLets != 0 && 'A' <= s[start] && s[start] <= 'Z' {
		k |= gateLets // a run that is a keyword is the whole of its word
	}
	h.saw |= k
	h.first |= w.first
	h.second |= w.second
	return h.saw&gateLets != 0 || h.saw&(gatePlace|gateClaim) == gatePlace|gateClaim || h.first&h.second != 0
}

// nearNextAt: is the run after s[:i] one of visitNearNext, or may it be?
func nearNextAt(s string, i int) bool {
	for i < len(s) && !isGateByte(s[i]) {
		if s[i] >= utf8.RuneSelf {
			return true // let wordGoesOn and the rest decide
		}
		i++
	}
	j := i
	for j < len(s) && isGateByte(s[j]) {
		j++
	}
	for _, w := range nearNextList {
		if equalLower(s[i:j], w) {
			return true
		}
	}
	return false
}

// nearNextList is visitNearNext, to be read in order without a map's cost.
var nearNextList = slices.Sorted(maps.Keys(visitNearNext))

// mayBeMisspelt: could the word that starts with the capitalised run
// s[start:end] be taken for a misspelt name? A run joined to more of its
// word ("Jean-Paul", "O'Neill") is answered yes when the word is long
// enough; a run that is its own word is asked of fuzzyPerson, unless it is
// a word of the lexicon's (w, if the gate knows the run, tells), which
// fuzzyLookup never takes for a misspelling. h is the run's wordHash, which
// finds fuzzyPerson's answer in its memo without a copy of the word.
func (c *Checker) mayBeMisspelt(s string, start, end int, w *gateWord, h uint64) bool {
	if end < len(s) && (isJoiner(s[end]) || s[end] >= utf8.RuneSelf) && joined(s, end) {
		// at most this long: the word's other characters are all counted
		j := end
		for j < len(s) && (isGateByte(s[j]) || isJoiner(s[j]) || s[j] >= utf8.RuneSelf) {
			j++
		}
		return j-start >= fuzzyMinLen
	}
	if end-start < fuzzyMinLen || c.lex.fuzzyLens[lowerByte(s[start])]&lengthBit(end-start) == 0 {
		return false // what fuzzyPerson would answer first (see fuzzyMay)
	}
	if w != nil && w.vocab != "" && equalLower(s[start:end], w.vocab) {
		return false
	}
	if a := c.fuzzyMemo.at(h).Load(); a != nil && equalLower(s[start:end], a.word) {
		return a.who != nil
	}
	var lower [24]byte // most names fit; a longer one is copied to the heap
	b := lower[:0]
	for k := start; k < end; k++ {
		b = append(b, lowerByte(s[k]))
	}
	return c.fuzzyPerson(token{norm: string(b), cap: true}) != ""
}

// joined: does a joiner at s[i] carry the word on past it? The tokenizer
// joins letters with "-", ".", "'", "’" and "/" (see appendWord).
func joined(s string, i int) bool {
	switch {
	case i+1 < len(s) && isJoiner(s[i]):
		return isGateByte(s[i+1]) || s[i+1] >= utf8.RuneSelf
	case i < len(s) && s[i] >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(s[i:])
		return r == '’' && i+n < len(s) && (isGateByte(s[i+n]) || s[i+n] >= utf8.RuneSelf)
	}
	return false
}

// isJoiner: the ASCII characters a word may hold between its letters.
func isJoiner(c byte) bool { return c == '-' || c == '.' || c == '\'' || c == '/' }
