package checker

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The tokenizer before its single-pass rewrite, kept as the reference that
// the fast one must agree with token for token.

// appendTokens is tokenize appending to toks, so that a caller can reuse one
// slice for every sentence. The lower-cased forms of the words that need one
// share a single string per sentence; words already in lower case are their
// own normal form.
func appendTokensRef(toks []token, s string) []token {
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
			toks, lower = appendTokenRef(toks, lower, s, start, j, false)
			i = j
		case (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(toks) > 0 && toks[len(toks)-1].end == i:
			toks = append(toks, token{start: i, end: i + n + 1, norm: "'s", punct: false})
			i += n + 1
		default:
			toks, lower = appendTokenRef(toks, lower, s, i, i+n, true)
			i += n
		}
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
	for k := first; k < len(toks); k++ {
		toks[k].digit = hasDigit(toks[k].norm)
	}
	return toks
}

// appendToken adds the token s[start:end]. An ASCII word with capitals gets
// its normal form later (norm left empty, its lower case added to lower);
// any other word gets it now, by normWord.
func appendTokenRef(toks []token, lower []byte, s string, start, end int, punct bool) ([]token, []byte) {
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
	t := token{start: start, end: end, cap: 'A' <= text[0] && text[0] <= 'Z', punct: punct}
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

var tokenSamples = []string{
	"Brezhnev visited India in 1961, 1973 and 1980.",
	"In the mid-1980s the U.S.S.R. bought S-400s; A. P. J. Abdul Kalam’s visit (2001) didn't.",
	"Putin's 2000–2025 visits — “historic” — and the PM’s Moscow trip in 2024/25.",
	"ÉCOLE Ünïcode Наталья Ивановна visited Дели in 1955 at 10.30 a.m. on 1/2/2003.",
	"\tTabs\u00a0and\u0085odd spaces, ’s ' s 's 'S X's Y’S.",
	"Trailing initial A. and dotted acronym U.S. and a.b.c. done",
	"",
	"   ",
	"Ǆemal ǅemal ǆemal ΣΑΣ straße İstanbul ﬁ",
	"x'", "'s", "a/b 1/2 a/1 1/a -a a- a--b a..b",
	"The RELATIONS between Moscow and Delhi; Relationship, relationships and SEPTEMBER's Summit.",
	"Brezhnev’s and Brezhnev's visit to New Delhi, Prime Minister, PRIME MINISTER and year-long years",
	// a joiner that ends its word, or does not: end of text, space, mark, letter beyond ASCII
	"Minsk. Minsk.x Minsk.é Minsk., India's India's. India'sé India'st India's, Indias' A. A.. Ab. B.",
	"rouble- rouble-, rouble-é Agra/ Agra/1 Agra/b 1/2. O'Neill O'", "A.", "Ab.", "India's", "India'S", "x-", "Z/",
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// checkTokens compares the tokenizer with the reference, unclassified and
// classified in wt in the same pass (against the reference classified
// afterwards, word by word, with the table's string lookup).
func checkTokens(t *testing.T, wt *wordTable, s string) {
	t.Helper()
	want := appendTokensRef(nil, s)
	if diff := cmp.Diff(want, tokenize(s), cmp.AllowUnexported(token{})); diff != "" {
		t.Errorf("%q (-reference +fast):\n%s", s, diff)
	}
	wt.classify(want)
	got, _ := wt.appendTokens(nil, nil, s)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(token{}), cmp.Comparer(func(a, b *wordInfo) bool { return a == b })); diff != "" {
		t.Errorf("%q classified (-reference +fast):\n%s", s, diff)
	}
}

func TestTokenizerAgreesWithReference(t *testing.T) {
	wt := newDefaultChecker(t).lex.words
	known := 0
	for _, s := range tokenSamples {
		checkTokens(t, wt, s)
		toks, _ := wt.appendTokens(nil, nil, s)
		for _, tok := range toks {
			if tok.info != nil {
				known++
			}
		}
	}
	if known < 20 {
		t.Errorf("only %d words of the samples are in the table: the test hardly tests the lookup", known)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tokenSamples {
		f.Add(s)
	}
	wt := newDefaultChecker(f).lex.words
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, wt, s)
	})
}

// TestWordBytes: the eight-at-once classification agrees with wordByte for
// every byte value in every position, whatever its neighbours, and so does
// runCase on the run of letters and digits that starts the eight bytes.
func TestWordBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for range 64 {
		var b [8]byte
		for k := range b {
			b[k] = byte(rng.Uint32())
		}
		for pos := range 8 {
			for v := range 256 {
				b[pos] = byte(v)
				x := load64(string(b[:]), 0)
				word := wordBytes(x)
				var run uint64
				var upper, digit bool
				for k, c := range b {
					bit := uint64(0x80) << (8 * k)
					f := wordByte[c]
					if word&bit != 0 != (f != 0) {
						t.Fatalf("%q: byte %d (%q) classified as a letter or digit: %v", b, k, c, word&bit != 0)
					}
					if f == 0 || run != uint64(1)<<(8*k)-1 {
						continue // not in the run at the start
					}
					run |= 0xff << (8 * k)
					upper, digit = upper || f&byteUpper != 0, digit || f&byteDigit != 0
				}
				if word&^highBits != 0 {
					t.Fatalf("%q: bits other than the high ones set", b)
				}
				if u, d := runCase(x, run); u != upper || d != digit {
					t.Fatalf("%q: runCase of the first %d bytes says capital %v, digit %v", b, bits.OnesCount64(run)/8, u, d)
				}
			}
		}
	}
}
