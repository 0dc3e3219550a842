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
// slice for every sentence, and lower, a scratch buffer it gets back.
func appendTokens(toks []token, lower []byte, s string) ([]token, []byte) {
	return scanTokens(toks, lower, s, nil)
}

// appendTokens is appendTokens followed by wt.classify, in one pass: each
// word is looked up as soon as it is scanned.
func (wt *wordTable) appendTokens(toks []token, lower []byte, s string) ([]token, []byte) {
	return scanTokens(toks, lower, s, wt)
}

// scanTokens is appendTokens, classifying the words in wt unless it is nil.
// It is one pass: ASCII, nearly all of the text, is classified by a table,
// and a word learns as it is scanned whether it needs a lower-case form.
// Those forms share a single string per sentence; words already in lower
// case, and words of the table (which lend theirs), are their own normal
// form.
func scanTokens(toks []token, lower []byte, s string, wt *wordTable) ([]token, []byte) {
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
				// Most words are a run of ASCII letters and digits that ends
				// at a space or a mark no word holds: read it here, and
				// leave anything else to wordEnd.
				start := i
				var seen uint8 // wordByte flags of the letters and digits read
				for ; i < len(s); i++ {
					f := wordByte[s[i]]
					if f == 0 {
						break
					}
					seen |= f
				}
				if i < len(s) && (isJoiner(s[i]) || s[i] >= utf8.RuneSelf) {
					var ascii bool
					if i, seen, ascii = wordEnd(s, start, i, seen); !ascii {
						toks = append(toks, wt.newWord(s, start, i))
						continue
					}
				}
				toks, lower = wt.appendASCIIWord(toks, lower, s, start, i, seen)
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
				start := i
				i, _, _ = wordEnd(s, i, i, 0)
				toks = append(toks, wt.newWord(s, start, i))
				continue
			}
		}
		if (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(toks) > 0 && toks[len(toks)-1].end == i {
			t := token{start: i, end: i + n + 1, norm: "'s"}
			wt.classifyOne(&t)
			toks = append(toks, t)
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

// wordEnd finishes reading the word that starts at s[start] (a letter or
// digit) and is read up to s[j], where seen are the wordByte flags of its
// ASCII letters and digits so far. It returns where the word ends, the
// flags of all its ASCII letters and digits, and whether it is all ASCII.
func wordEnd(s string, start, j int, seen uint8) (int, uint8, bool) {
	ascii := true
	for j < len(s) {
		c := s[j]
		if f := wordByte[c]; f != 0 {
			seen |= f
			j++
			continue
		}
		if c < utf8.RuneSelf && !isJoiner(c) {
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
	return j, seen, ascii
}

// appendASCIIWord adds the word s[start:end], all ASCII, whose letters and
// digits have the wordByte flags seen. A word of wt takes the table's key as
// its normal form; another with capitals adds its lower case to lower and
// waits for its norm (see scanTokens).
func (wt *wordTable) appendASCIIWord(toks []token, lower []byte, s string, start, end int, seen uint8) ([]token, []byte) {
	t := token{start: start, end: end, cap: 'A' <= s[start] && s[start] <= 'Z', digit: seen&byteDigit != 0}
	if wt != nil {
		if e := wt.findWritten(s, start, end); e != nil {
			t.norm, t.info, t.cls = e.key, e.info, e.info.cls
			return append(toks, t), lower
		}
	}
	if seen&byteUpper == 0 {
		t.norm = s[start:end] // strings.ToLower's own answer: nothing to change
		return append(toks, t), lower
	}
	for k := start; k < end; k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	return append(toks, t), lower
}

// newWord is the token of a word that is not all ASCII, classified in wt
// unless it is nil.
func (wt *wordTable) newWord(s string, start, end int) token {
	t := newToken(s, start, end, false)
	wt.classifyOne(&t)
	return t
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
