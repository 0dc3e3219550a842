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
func tokenize(s string) []token {
	var toks []token
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
			toks = append(toks, newToken(s, start, j, false))
			i = j
		case (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(toks) > 0 && toks[len(toks)-1].end == i:
			toks = append(toks, token{start: i, end: i + n + 1, text: s[i : i+n+1], norm: "'s", punct: false})
			i += n + 1
		default:
			toks = append(toks, newToken(s, i, i+n, true))
			i += n
		}
	}
	return toks
}

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
