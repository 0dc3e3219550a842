package checker

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the sentence: the word as written
	norm       string // lower case, typographic apostrophes made plain
	cap        bool   // starts with an upper-case letter
	punct      bool
	digit      bool      // holds a digit: every reading of a number or year needs one
	cls        wordClass // info's classes, kept here where a pass over the words reads them
	info       *wordInfo // what the word table knows of the word (set by classify)
}

// tokenize splits a sentence into words and punctuation. A word keeps inner
// hyphens, apostrophes and dots ("mid-1980s", "S-400", "U.S.S.R."); a
// possessive "'s" becomes a token of its own.
func tokenize(s string) []token {
	toks, _ := appendTokens(nil, nil, s)
	return toks
}

// appendTokens is tokenize appending to toks, so that a caller can reuse one
// slice for every sentence, and lower, a scratch buffer it gets back. It is
// one pass: ASCII, nearly all of the text, is classified by a table, and a
// word learns as it is scanned whether it needs a lower-case form. Those
// forms share a single string per sentence; words already in lower case are
// their own normal form.
func appendTokens(toks []token, lower []byte, s string) ([]token, []byte) {
	first := len(toks)
	lower = lower[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiSpace:
				i++
				continue
			case asciiWordByte:
				toks, lower, i = appendWord(toks, lower, s, i)
				continue
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				i += n
				continue
			case isWordRune(r):
				toks, lower, i = appendWord(toks, lower, s, i)
				continue
			}
		}
		if (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(toks) > 0 && toks[len(toks)-1].end == i {
			toks = append(toks, token{start: i, end: i + n + 1, norm: "'s"})
			i += n + 1
			continue
		}
		if c < utf8.RuneSelf {
			toks = append(toks, token{start: i, end: i + 1, norm: s[i : i+1], punct: true})
		} else {
			toks = append(toks, newToken(s, i, i+n, true))
		}
		i += n
	}
	if len(lower) > 0 {
		// one string for the sentence; each pending token (norm "") takes its slice
		all, off := string(lower), 0
		for k := first; k < len(toks); k++ {
			if t := &toks[k]; t.norm == "" {
				n := t.end - t.start
				t.norm = all[off : off+n]
				off += n
			}
		}
	}
	return toks, lower
}

// appendWord adds the word that starts at s[i] (a letter or digit) and
// returns where it ends.
func appendWord(toks []token, lower []byte, s string, i int) ([]token, []byte, int) {
	start := i
	ascii := true
	var seen uint8 // wordByte flags of the ASCII letters and digits read
	j := i
	for j < len(s) {
		c := s[j]
		if f := wordByte[c]; f != 0 {
			seen |= f
			j++
			continue
		}
		if c < utf8.RuneSelf && c != '-' && c != '.' && c != '\'' && c != '/' {
			break // no ASCII joiner either
		}
		r2, n2 := utf8.DecodeRuneInString(s[j:])
		if j == start || isWordRune(r2) {
			ascii = ascii && n2 == 1
			j += n2
			continue
		}
		if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '/' {
			r3, _ := utf8.DecodeRuneInString(s[j+n2:])
			if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') && !isWordRune(runeAt(s, j+n2+1)) {
				break // possessive
			}
			if isWordRune(r3) && !(r2 == '/' && !unicode.IsDigit(r3)) {
				ascii = ascii && n2 == 1
				j += n2
				continue
			}
			// a dot that closes an initial or a dotted acronym: "A.", "U.S.S.R."
			if r2 == '.' && (j-start == 1 || strings.Contains(s[start:j], ".")) && unicode.IsUpper(rune(s[start])) {
				j += n2
			}
		}
		break
	}
	if !ascii {
		return append(toks, newToken(s, start, j, false)), lower, j
	}
	text := s[start:j]
	t := token{start: start, end: j, cap: 'A' <= text[0] && text[0] <= 'Z', digit: seen&byteDigit != 0}
	if seen&byteUpper == 0 {
		t.norm = text // strings.ToLower's own answer: nothing to change
		return append(toks, t), lower, j
	}
	for k := 0; k < len(text); k++ {
		c := text[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	return append(toks, t), lower, j
}

// How appendTokens sorts an ASCII byte.
const (
	asciiOther = iota
	asciiSpace
	asciiWordByte
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			t[c] = asciiSpace
		case isWordRune(r):
			t[c] = asciiWordByte
		}
	}
	return t
}()

// wordByte flags the ASCII letters and digits, and which of them are digits
// or capitals: appendWord reads a word's bytes with one lookup each.
var wordByte = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case '0' <= c && c <= '9':
			t[c] = byteWord | byteDigit
		case 'A' <= c && c <= 'Z':
			t[c] = byteWord | byteUpper
		case asciiClass[c] == asciiWordByte:
			t[c] = byteWord
		}
	}
	return t
}()

const (
	byteWord uint8 = 1 << iota
	byteDigit
	byteUpper
)

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newToken(s string, start, end int, punct bool) token {
	text := s[start:end]
	r, _ := utf8.DecodeRuneInString(text)
	norm := normWord(text)
	return token{start: start, end: end, norm: norm, cap: unicode.IsUpper(r), punct: punct, digit: hasDigit(norm)}
}

func normWord(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// phraseKey is how the lexicon keys a phrase: its words' normal forms joined
// by spaces, with punctuation dropped.
func phraseKey(s string) string {
	var parts []string
	for _, t := range tokenize(s) {
		if !t.punct {
			parts = append(parts, t.norm)
		}
	}
	return strings.Join(parts, " ")
}

// wordFilter answers "certainly not in the set" for most words more cheaply
// than the map would: a bit per hash of the word's length, first eight
// bytes and last byte. Two thirds of the words of a claim's sentence are in
// no word set, and a map spends more on a word it lacks than on one it
// holds. A word the filter lets through still has to be looked up.
type wordFilter [filterBits / 64]uint64

const filterBits = 1 << 15 // 4 KiB: a few hundred words leave about one bit in fifty set

func filterHash(w string) uint64 {
	var x uint64
	for k := 0; k < len(w) && k < 8; k++ {
		x = x<<8 | uint64(w[k])
	}
	x ^= uint64(len(w))<<56 ^ uint64(w[len(w)-1])<<48
	x *= 0x9e3779b97f4a7c15
	return x >> (64 - 15)
}

func (f *wordFilter) add(w string) {
	if w != "" {
		h := filterHash(w)
		f[h/64] |= 1 << (h % 64)
	}
}

// may is false when w is certainly not one of the words added.
func (f *wordFilter) may(w string) bool {
	if w == "" {
		return false
	}
	h := filterHash(w)
	return f[h/64]&(1<<(h%64)) != 0
}
