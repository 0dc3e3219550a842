package checker

import (
	"math/bits"
	"unicode/utf8"
)

// Many sentences of an article name no one, no place and no time (half of
// the benchmark corpus's): "A reception was held in the evening." Such a
// sentence leaves nothing for the next ones and makes no claim, and
// splitting it into classified words costs more than everything else done
// with it. The gate reads a sentence
// once, byte by byte, and lets through only those that may matter; the rest
// are counted and passed over.
//
// It must never turn away a sentence that matters. What matters, and why
// the gate sees it:
//   - a time: every reading of a time needs a digit, a month, or "year" or
//     "years" (times.go);
//   - a mention of the lexicon: every word of a phrase is written in the
//     sentence, so one of them, the phrase's anchor, is enough to look for;
//   - a pronoun that stands for the last person named;
//   - a misspelt name: a capitalised word that fuzzyPerson takes for one;
//   - the claims that need neither a mention nor a time: "the last summit
//     was …" and "this visit is seen as the beginning of relations"
//     (summitWord, relNouns).
//
// The gate's words are letters and digits only, cut at every other
// character: a token's runs of letters and digits are runs of the sentence
// too, whatever joins them. A run holding a letter outside ASCII lets the
// sentence through, so the anchors need only their ASCII runs.
type gate struct {
	bits [gateWords]uint64 // a Bloom filter of the anchors' hashes
}

const (
	gateBits  = 15 // 2^15 bits: 4 KiB, three probes per word; a few hundred anchors leave one word in thousands let through by mistake
	gateWords = 1 << gateBits / 64
	gateMask  = 1<<gateBits - 1
)

// gateTimeWords are the words without a digit that a time cannot do
// without: a month, or "year" ("that year", "two years later", "a
// twenty-year treaty"; see appendTimes and relativeYear).
var gateTimeWords = union(keysOf(months), yearWords)

// pronouns stand for the last person of their gender named (findMentions).
var pronouns = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "she": 'f', "her": 'f'}

func newGate(phrases map[string][]entry) *gate {
	g := &gate{}
	for k := range phrases {
		g.addAnchor(k)
	}
	for _, set := range []map[string]bool{gateTimeWords, keysOf(pronouns), summitWord, relNouns} {
		for w := range set {
			g.addAnchor(w)
		}
	}
	return g
}

// addAnchor files the longest ASCII run of letters and digits of a phrase.
func (g *gate) addAnchor(phrase string) {
	best := ""
	for i := 0; i < len(phrase); {
		if !isGateByte(phrase[i]) {
			i++
			continue
		}
		j := i
		for j < len(phrase) && isGateByte(phrase[j]) {
			j++
		}
		if j-i > len(best) {
			best = phrase[i:j]
		}
		i = j
	}
	if best == "" {
		return // no ASCII run: the sentence that writes it has a letter outside ASCII
	}
	for _, p := range gateProbes(gateKey(writtenPrefix(best, 0, len(best)), len(best), lowerByte(best[len(best)-1]))) {
		g.bits[p/64] |= 1 << (p % 64)
	}
}

func (g *gate) has(h uint64) bool {
	p := gateProbes(h)
	return g.bits[p[0]/64]&(1<<(p[0]%64)) != 0 && g.bits[p[1]/64]&(1<<(p[1]%64)) != 0 && g.bits[p[2]/64]&(1<<(p[2]%64)) != 0
}

// gateProbes are a word's three bits in the filter, from three parts of its
// hash.
func gateProbes(h uint64) [3]uint64 {
	return [3]uint64{h & gateMask, h >> 20 & gateMask, h >> 40 & gateMask}
}

// gateKey is the hash of a run of ASCII letters and digits from its lower
// case's first eight bytes (writtenPrefix), its length and its last byte
// (in lower case): the word table's hash, mixed so that every probe's bits
// depend on every byte it reads. A longer run's other bytes are not read: a
// run that differs from an anchor only there is let through, which costs
// time and nothing else.
func gateKey(prefix uint64, n int, last byte) uint64 {
	h := wordHash(prefix, n, last)
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
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
// claim; false means it certainly holds none.
//
// Where eight bytes are left, a run of letters and digits is read as the
// tokenizer reads a word (see tokenizer.word): its bytes classified at once
// by wordBytes, the bytes themselves its prefix.
func (c *Checker) mayMatter(s string) bool {
	g := c.lex.gate
	for i := 0; i < len(s); {
		b := s[i]
		if !isGateByte(b) {
			if b >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
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
		if i+8 <= len(s) {
			x := load64(s, i)
			stop := ^wordBytes(x) & highBits // the bytes that end the run
			run := (stop&-stop)>>7 - 1       // the bytes before the first of them, or all eight
			if _, digit := runCase(x, run); digit {
				return true
			}
			i += bits.TrailingZeros64(stop) >> 3
			prefix = (x | 0x20*lowBits) & run
			if stop == 0 {
				var digit bool
				if i, _, digit = runOn(s, i, false, false); digit {
					return true
				}
			}
		} else {
			var digit bool
			if i, _, digit = runOn(s, i, false, false); digit {
				return true
			}
			prefix = writtenPrefix(s, start, i)
		}
		if i < len(s) && s[i] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isWordRune(r) {
				return true
			}
		}
		if g.has(gateKey(prefix, i-start, lowerByte(s[i-1]))) {
			return true
		}
		if 'A' <= b && b <= 'Z' && c.mayBeMisspelt(s, start, i) {
			return true
		}
	}
	return false
}

// mayBeMisspelt: could the word that starts with the capitalised run
// s[start:end] be taken for a misspelt name? A run joined to more of its
// word ("Jean-Paul", "O'Neill") is answered yes when the word is long
// enough; a run that is its own word is asked of fuzzyPerson.
func (c *Checker) mayBeMisspelt(s string, start, end int) bool {
	if joined(s, end) {
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
