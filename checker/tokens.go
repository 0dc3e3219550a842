package checker

import (
	"encoding/binary"
	"math/bits"
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
	info       *wordInfo // what the word table knows of the word (set by wordTable.appendTokens or classify)
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
	if wt == nil {
		wt = &noWords
	}
	z := tokenizer{toks: toks, lower: lower[:0], s: s, wt: wt}
	z.scan()
	if len(z.lower) > 0 {
		// one string for the sentence; each pending token (norm "") takes its slice
		all, off := string(z.lower), 0
		for k := z.firstPending; off < len(all); k++ {
			if t := &z.toks[k]; t.norm == "" {
				n := t.end - t.start
				t.norm = all[off : off+n]
				off += n
			}
		}
	}
	return z.toks, z.lower
}

// scan is scanTokens' loop. Nearly every token is a space, a mark of
// punctuation, or a word of ASCII letters and digits shorter than sixteen
// bytes that ends at a space or at a mark no word holds: those are read
// here, without a call, and the rest by word and other. The loop reads
// s[i:i+8] and s[i+8:i+16] as numbers x and y (zeros past the end) and
// classifies their bytes at once (wordBytes): a word's bytes, with their
// 0x20 bits set, are its lower case for the word table, and the byte after
// it says whether it ends there.
func (z *tokenizer) scan() {
	s, toks := z.s, z.toks
	wt := z.wt
	for i := 0; i < len(s); {
		var x uint64
		if i+8 <= len(s) {
			x = load64(s, i)
		} else {
			x = loadTail(s, i)
		}
		stop := ^wordBytes(x) & highBits // the bytes that end a run of letters and digits
		n := bits.TrailingZeros64(stop) >> 3
		if n == 0 { // s[i] is not a letter or digit
			if c := byte(x); c == ' ' {
				i++
				continue
			} else if punctByte[c] {
				if len(toks) == cap(toks) {
					toks = append(toks, token{})[:len(toks)]
				}
				toks = toks[:len(toks)+1]
				t := &toks[len(toks)-1]
				t.start, t.end, t.cap, t.punct, t.digit, t.cls = i, i+1, false, true, false, 0
				t.norm, t.info = s[i:i+1], nil
				i++
				continue
			}
			z.toks = toks
			i = z.next(i)
			toks = z.toks
			continue
		}
		// the word s[i:i+n]: its lower case is prefix (its first eight
		// bytes) and rest (the next eight, if any); after is the byte that
		// ends it
		var prefix, rest uint64
		var after, last byte
		var upper, digit bool
		if n < 8 {
			run := uint64(1)<<(8*n) - 1
			prefix = (x | 0x20*lowBits) & run
			after, last = byte(x>>(8*n)), byte(prefix>>(8*n-8))
			upper, digit = runCase(x, run)
		} else {
			var y uint64
			if i+16 <= len(s) {
				y = load64(s, i+8)
			} else {
				y = loadTail(s, i+8)
			}
			stop2 := ^wordBytes(y) & highBits
			n2 := bits.TrailingZeros64(stop2) >> 3
			if n2 == 8 {
				z.toks = toks
				i = z.word(i) // sixteen bytes or more
				toks = z.toks
				continue
			}
			run := uint64(1)<<(8*n2) - 1
			prefix, rest = x|0x20*lowBits, (y|0x20*lowBits)&run
			after, last = byte(y>>(8*n2)), byte((prefix>>56|rest<<8)>>(8*n2))
			n += n2
			u1, d1 := runCase(x, ^uint64(0))
			u2, d2 := runCase(y, run)
			upper, digit = u1 || u2, d1 || d2
		}
		if !endsWord[after] && !joinerEnds(s, i, n, after) {
			z.toks = toks
			i = z.word(i) // maybe joined to more
			toks = z.toks
			continue
		}
		e := wt.findLower(prefix, rest, n, last)
		if len(toks) == cap(toks) {
			toks = append(toks, token{})[:len(toks)]
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		t.start, t.end, t.cap, t.punct, t.digit = i, i+n, byte(x)-'A' < 26, false, digit
		switch {
		case e != nil:
			t.norm, t.info, t.cls = e.key, e.info, e.info.cls
		case !upper:
			t.norm, t.info, t.cls = s[i:i+n], nil, 0
		default:
			t.norm, t.info, t.cls = "", nil, 0 // pending
			z.addLower(prefix, rest, n, len(toks)-1)
		}
		i += n
		if after == ' ' {
			i++
		}
	}
	z.toks = toks
}

// joinerEnds: does the ASCII word s[i:i+n], followed by the joiner after
// (s[i+n], see isJoiner), end there all the same? It answers the common
// cases as wordEnd would, so that scan need not hand them to word: a joiner
// followed by neither a letter nor a digit ("Minsk.", "rouble-", "Agra/"),
// unless it is the dot of an initial ("A."), and a possessive ("India's"),
// which becomes a token of its own.
func joinerEnds(s string, i, n int, after byte) bool {
	var c byte // the byte after the joiner: 0, which no word holds, past the end
	if j := i + n + 1; j < len(s) {
		c = s[j]
	}
	switch {
	case c >= utf8.RuneSelf:
		return false // maybe a letter: wordEnd decides
	case wordByte[c] == 0:
		return !(after == '.' && n == 1 && 'A' <= s[i] && s[i] <= 'Z')
	case after == '\'' && c|0x20 == 's':
		j := i + n + 2 // the byte after the "s"
		return j == len(s) || s[j] < utf8.RuneSelf && wordByte[s[j]] == 0
	}
	return false
}

// loadTail is load64(s, i) where fewer than eight bytes are left: the
// bytes left followed by zeros, which no word holds (i <= len(s)).
func loadTail(s string, i int) uint64 {
	if len(s) < 8 {
		return wordPrefix(s[i:])
	}
	return load64(s, len(s)-8) >> (8 * (i + 8 - len(s)))
}

// addLower adds the lower case of the pending word toks[k] of n < 16 bytes,
// its first eight bytes and the next eight, to lower.
func (z *tokenizer) addLower(prefix, rest uint64, n, k int) {
	if len(z.lower) == 0 {
		z.firstPending = k
	}
	m := len(z.lower) + n
	z.lower = binary.LittleEndian.AppendUint64(z.lower, prefix)
	z.lower = binary.LittleEndian.AppendUint64(z.lower, rest)
	z.lower = z.lower[:m]
}

// next adds the token at s[i], if any, and returns where it ends.
func (z *tokenizer) next(i int) int {
	if c := z.s[i]; c < utf8.RuneSelf {
		switch asciiClass[c] {
		case asciiSpace:
			return i + 1
		case asciiWordByte:
			return z.word(i)
		}
	}
	return z.other(i)
}

// tokenizer is what scanTokens' steps share: kept in one place, it need
// not be handed from one to the next and back.
type tokenizer struct {
	toks         []token
	lower        []byte // the lower case of the words waiting for their norm
	firstPending int    // the first of those words, once lower holds any
	s            string
	wt           *wordTable
}

// push adds a token, to be filled in, and returns it. Every field must be
// set: the slot may hold an old token.
func (z *tokenizer) push() *token {
	if len(z.toks) < cap(z.toks) {
		z.toks = z.toks[:len(z.toks)+1]
	} else {
		z.toks = append(z.toks, token{})
	}
	return &z.toks[len(z.toks)-1]
}

// other adds the token at s[i], which is not an ASCII space or an ASCII
// letter or digit, and returns where it ends.
func (z *tokenizer) other(i int) int {
	s := z.s
	r, n := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			return i + n
		case isWordRune(r):
			end, _, _, _ := wordEnd(s, i, i, false, false)
			*z.push() = z.wt.newWord(s, i, end)
			return end
		}
	}
	if (r == '\'' || r == '’') && (runeAt(s, i+n) == 's' || runeAt(s, i+n) == 'S') && !isWordRune(runeAt(s, i+n+1)) && len(z.toks) > 0 && z.toks[len(z.toks)-1].end == i {
		t := token{start: i, end: i + n + 1, norm: "'s"}
		z.wt.classifyOne(&t)
		*z.push() = t
		return i + n + 1
	}
	if s[i] < utf8.RuneSelf {
		*z.push() = token{start: i, end: i + 1, norm: s[i : i+1], punct: true}
	} else {
		*z.push() = newToken(s, i, i+n, true)
	}
	return i + n
}

// wordEnd finishes reading the word that starts at s[start] (a letter or
// digit) and is read up to s[j]; upper and digit say whether what is read
// holds an ASCII capital or digit. It returns where the word ends, the same
// two answers for the whole word, and whether it is all ASCII.
func wordEnd(s string, start, j int, upper, digit bool) (int, bool, bool, bool) {
	ascii := true
	for j < len(s) {
		c := s[j]
		if f := wordByte[c]; f != 0 {
			upper = upper || f&byteUpper != 0
			digit = digit || f&byteDigit != 0
			j++
			continue
		}
		if c < utf8.RuneSelf && !isJoiner(c) {
			break // no ASCII joiner either
		}
		r2, n2 := rune(c), 1 // an ASCII joiner, which j == start cannot be
		if c >= utf8.RuneSelf {
			r2, n2 = utf8.DecodeRuneInString(s[j:])
			if j == start || isWordRune(r2) {
				ascii = ascii && n2 == 1
				j += n2
				continue
			}
		}
		if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '/' {
			r3, word3 := wordRuneAt(s, j+n2)
			if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') {
				if _, word4 := wordRuneAt(s, j+n2+1); !word4 {
					break // possessive
				}
			}
			if word3 && !(r2 == '/' && !unicode.IsDigit(r3)) {
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
	return j, upper, digit, ascii
}

// word adds the word that starts at s[i], an ASCII letter or digit, and
// returns where it ends: a word scan leaves, sixteen bytes or longer or
// followed by a joiner or a byte beyond ASCII, or near the end of s. Its
// first bytes are classified eight at a time (wordBytes), and the eight
// bytes read are, with their 0x20 bits set, the lower-case prefix the word
// table compares. A longer word is read on byte by byte, and anything else
// is left to wordEnd.
//
// A word of the table takes the table's key as its normal form; another
// with capitals adds its lower case to lower and waits for its norm (see
// scanTokens).
func (z *tokenizer) word(i int) int {
	s := z.s
	start, end := i, i
	var upper, digit bool
	var prefix uint64 // writtenPrefix(s, start, end)
	if i+8 <= len(s) {
		x := load64(s, i)
		stop := ^wordBytes(x) & highBits // the bytes that end the run
		run := (stop&-stop)>>7 - 1       // the bytes before the first of them, or all eight
		end += bits.TrailingZeros64(stop) >> 3
		upper, digit = runCase(x, run)
		prefix = (x | 0x20*lowBits) & run
		if stop == 0 {
			end, upper, digit = runOn(s, end, upper, digit)
		}
	} else {
		end, upper, digit = runOn(s, end, false, false)
		prefix = writtenPrefix(s, start, end)
	}
	if end < len(s) && (isJoiner(s[end]) || s[end] >= utf8.RuneSelf) {
		var ascii bool
		run := end
		if end, upper, digit, ascii = wordEnd(s, start, end, upper, digit); !ascii {
			*z.push() = z.wt.newWord(s, start, end)
			return end
		}
		if end != run {
			prefix = writtenPrefix(s, start, end)
		}
	}
	t := z.push()
	t.start, t.end, t.cap, t.punct, t.digit = start, end, 'A' <= s[start] && s[start] <= 'Z', false, digit
	if e := z.wt.findWritten(s[start:end], prefix); e != nil {
		t.norm, t.info, t.cls = e.key, e.info, e.info.cls
		return end
	}
	t.info, t.cls = nil, 0
	if !upper {
		t.norm = s[start:end] // strings.ToLower's own answer: nothing to change
		return end
	}
	// pending; prefix is the lower case of the first eight bytes
	t.norm = ""
	if len(z.lower) == 0 {
		z.firstPending = len(z.toks) - 1
	}
	n := len(z.lower) + end - start
	z.lower = binary.LittleEndian.AppendUint64(z.lower, prefix)
	for k := start + 8; k < end; k++ {
		z.lower = append(z.lower, s[k]|0x20) // see writtenPrefix
	}
	z.lower = z.lower[:n]
	return end
}

// runOn reads on the run of ASCII letters and digits from s[j]: where it
// ends, and whether it holds a capital or a digit, counting upper and digit.
func runOn(s string, j int, upper, digit bool) (int, bool, bool) {
	for ; j < len(s); j++ {
		f := wordByte[s[j]]
		if f == 0 {
			break
		}
		upper = upper || f&byteUpper != 0
		digit = digit || f&byteDigit != 0
	}
	return j, upper, digit
}

// newWord is the token of a word that is not all ASCII, classified in wt
// unless it is nil.
func (wt *wordTable) newWord(s string, start, end int) token {
	t := newToken(s, start, end, false)
	wt.classifyOne(&t)
	return t
}

// wordBytes classifies the eight bytes of x (s[i:i+8] read by load64) at
// once: the high bit of each byte of the answer is set where the byte is an
// ASCII letter or digit. Every byte of y, x without its high bits, is below
// 0x80, so adding 0x80-c to each sets the high bit exactly of those at or
// above c, without a carry into the next byte.
func wordBytes(x uint64) uint64 {
	y := x &^ highBits
	folded := y | 0x20*lowBits // letters in lower case
	letters := (folded + (0x80-'a')*lowBits) &^ (folded + (0x80-'z'-1)*lowBits)
	digits := (y + (0x80-'0')*lowBits) &^ (y + (0x80-'9'-1)*lowBits)
	return (letters | digits) &^ x & highBits
}

// runCase says whether the bytes run of x, ASCII letters and digits, hold a
// capital or a digit: of those bytes only a capital has its 0x20 bit clear,
// and only a digit its 0x40 bit.
func runCase(x, run uint64) (upper, digit bool) {
	return ^x&run&(0x20*lowBits) != 0, ^x&run&(0x40*lowBits) != 0
}

const lowBits = 0x0101010101010101

const highBits = 0x8080808080808080

// writtenPrefix is the wordPrefix of the lower case of s[start:end], an
// ASCII word as written: letters, digits and the joiners "-", ".", "'" and
// "/", each of which is made lower case, or left as it is, by setting its
// 0x20 bit.
func writtenPrefix(s string, start, end int) uint64 {
	return wordPrefix(s[start:end]) | 0x2020202020202020&(1<<(8*min(end-start, 8))-1)
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

// endsWord: an ASCII byte that is not a letter or digit ends the word before
// it unless it is a joiner; a byte beyond ASCII may be part of a letter.
var endsWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = wordByte[c] == 0 && !isJoiner(byte(c))
	}
	return t
}()

// punctByte: the ASCII marks that are a token of their own wherever they
// stand, every one but the apostrophe (which may begin a possessive "'s").
var punctByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == asciiOther && c != '\''
	}
	return t
}()

// wordRuneAt is the rune at s[i] (0 past the end) and whether it is a
// letter or digit, read without unicode's tables when it is ASCII.
func wordRuneAt(s string, i int) (rune, bool) {
	if i >= len(s) {
		return 0, false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), wordByte[c] != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r, isWordRune(r)
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
