package checker

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the sentence
	text       string // as written
	norm       string // lower case, typographic apostrophes made plain
	cap        bool   // starts with an upper-case letter
	punct      bool
}

// tokenize splits a sentence into words and punctuation. A word keeps inner
// hyphens, apostrophes and dots ("mid-1980s", "S-400", "U.S.S.R."); a
// possessive "'s" becomes a token of its own.
func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens is tokenize appending to toks, so that a caller can reuse one
// slice for every sentence. The lower-cased forms of the words that need one
// share a single string per sentence; words already in lower case are their
// own normal form.
func appendTokens(toks []token, s string) []token {
	first := len(toks)
	var lower []byte // the normal forms still to be cut, in token order
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			start := i
			j := i + n
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
					j++ // isWordRune, without decoding
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '/' {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') && !isWordRune(runeAt(s, j+n2+1)) {
						break // possessive
					}
					if isWordRune(r3) && !(r2 == '/' && !unicode.IsDigit(r3)) {
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
			toks, lower = appendToken(toks, lower, s, start, j, false)
			i = j
		case (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(toks) > 0 && toks[len(toks)-1].end == i:
			toks = append(toks, token{start: i, end: i + n + 1, text: s[i : i+n+1], norm: "'s", punct: false})
			i += n + 1
		default:
			toks, lower = appendToken(toks, lower, s, i, i+n, true)
			i += n
		}
	}
	if len(lower) > 0 {
		// one string for the sentence; each pending token (norm "") takes its slice
		all, off := string(lower), 0
		for k := first; k < len(toks); k++ {
			if t := &toks[k]; t.norm == "" {
				n := len(t.text)
				t.norm = all[off : off+n]
				off += n
			}
		}
	}
	return toks
}

// appendToken adds the token s[start:end]. An ASCII word with capitals gets
// its normal form later (norm left empty, its lower case added to lower);
// any other word gets it now, by normWord.
func appendToken(toks []token, lower []byte, s string, start, end int, punct bool) ([]token, []byte) {
	text := s[start:end]
	upper, ascii := false, true
	for k := 0; k < len(text); k++ {
		c := text[k]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !ascii {
		return append(toks, newToken(s, start, end, punct)), lower
	}
	t := token{start: start, end: end, text: text, cap: 'A' <= text[0] && text[0] <= 'Z', punct: punct}
	if !upper {
		t.norm = text // strings.ToLower's own answer: nothing to change
		return append(toks, t), lower
	}
	if lower == nil {
		lower = make([]byte, 0, len(s)-start)
	}
	for k := 0; k < len(text); k++ {
		c := text[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	return append(toks, t), lower
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// asciiWord is isWordRune for the ASCII runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newToken(s string, start, end int, punct bool) token {
	text := s[start:end]
	r, _ := utf8.DecodeRuneInString(text)
	return token{start: start, end: end, text: text, norm: normWord(text), cap: unicode.IsUpper(r), punct: punct}
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

// wordFilter answers "certainly not in the set" for most words without
// hashing them: for each first byte, bit l is set when some word of the set
// has that first byte and length l (bit 63 stands for 63 and longer). A word
// it lets through still has to be looked up.
type wordFilter [256]uint64

func lengthBit(n int) uint64 { return 1 << min(n, 63) }

func (f *wordFilter) add(w string) {
	if w != "" {
		f[w[0]] |= lengthBit(len(w))
	}
}

// may is false when w is certainly not one of the words added.
func (f *wordFilter) may(w string) bool {
	return w != "" && f[w[0]]&lengthBit(len(w)) != 0
}

func filterOf(words map[string]bool) *wordFilter {
	f := new(wordFilter)
	for w := range words {
		f.add(w)
	}
	return f
}
