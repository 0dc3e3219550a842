package markup

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// segment splits text into sentences and appends them to dst. Headings and
// directives are one segment each. A sentence ends at '.', '!', '?' or '…'
// (with any closing quotes and brackets after them) that is followed by
// white space or the end of the text, unless boundary says otherwise.
func segment(text []byte, kind Kind, dst []Segment) []Segment {
	start := skipSpace(text, 0)
	if kind == Heading || kind == Directive {
		if end := trimSpaceRight(text, start, len(text)); start < end {
			dst = append(dst, Segment{start, end})
		}
		return dst
	}
	enders := enderScan{-1, -1, -1, -1}
	for i := start; i < len(text); {
		if i = enders.find(text, i); i == len(text) {
			break
		}
		j := i
		for j < len(text) {
			if c := text[j]; c == '.' || c == '!' || c == '?' {
				j++
			} else if isEllipsis(text, j) {
				j += 3
			} else {
				break
			}
		}
		k := skipClosers(text, j)
		if k < len(text) && text[k] != ' ' && !spaceAt(text, k) {
			i = k
			continue
		}
		next := k
		if next < len(text) && text[next] == ' ' { // as the builder leaves between words
			next++
		}
		next = skipSpace(text, next)
		if !boundary(text, i, j, k, next) {
			i = k
			continue
		}
		if start < k {
			dst = append(dst, Segment{start, k})
		}
		start, i = next, next
	}
	if end := trimSpaceRight(text, start, len(text)); start < end {
		dst = append(dst, Segment{start, end})
	}
	return dst
}

// enderScan finds what may end a sentence — '.', '!', '?' and '…' — at
// offsets that only grow, as byteScan does: even news text, dense with
// "Dr. A. B." and "14.5", has tens of bytes between them, which
// bytes.IndexByte reads many at a time. The four are spelt out, as a loop
// over them cost more than the searches.
type enderScan struct {
	dot, bang, query, ell int // the next offset of each, or len(text); -1 unknown
}

// find returns the offset of the first '.', '!', '?' or '…' in text at or
// after i, or len(text). i must be no less than in the call before, and not
// inside a character.
func (s *enderScan) find(text []byte, i int) int {
	if s.dot < i {
		s.dot = indexFrom(text, i, '.')
	}
	if s.bang < i {
		s.bang = indexFrom(text, i, '!')
	}
	if s.query < i {
		s.query = indexFrom(text, i, '?')
	}
	if s.ell < i {
		s.ell = nextEllipsis(text, i)
	}
	return min(s.dot, s.bang, s.query, s.ell)
}

// nextEllipsis returns the offset of the first '…' (E2 80 A6) in text at
// or after i, or len(text). It looks for the last byte, as the first also
// starts curly quotes and dashes, common in news text.
func nextEllipsis(text []byte, i int) int {
	for a := i + 2; a < len(text); a++ {
		if a = indexFrom(text, a, 0xA6); a == len(text) {
			break
		}
		if isEllipsis(text, a-2) {
			return a - 2
		}
	}
	return len(text)
}

// indexFrom returns the offset of the first c in text at or after i, or
// len(text).
func indexFrom(text []byte, i int, c byte) int {
	if k := bytes.IndexByte(text[i:], c); k >= 0 {
		return i + k
	}
	return len(text)
}

func isEllipsis(text []byte, i int) bool {
	return i+2 < len(text) && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0xA6
}

// boundary decides whether text[ts:te], a run of sentence-ending
// punctuation followed by closing quotes or brackets up to k and then white
// space or the end, ends a sentence. It looks at the word before and the
// word after: a lower-case word after never starts a sentence; '!', '?' and
// ellipses end one otherwise; a '.' does not end one after a title (Mr.,
// Dr.), an initial (V. P. Singh), e.g. or i.e., nor before a number after
// Jan., No. and the like, nor after a dotted acronym (U.S.) unless the next
// word is one that usually starts a sentence. after is skipSpace(text, k).
func boundary(text []byte, ts, te, k, after int) bool {
	n := skipOpeners(text, after)
	if n >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRune(text[n:])
	if unicode.IsLower(next) {
		return false
	}
	if te-ts > 1 || text[ts] != '.' { // '!', '?', "...", '…'
		if k > te && isQuote(text, te, k) && saidFollows(text[n:]) {
			return false // “Why?” Smith asked.
		}
		return true
	}
	w, dotted := wordBefore(text, ts)
	if len(w) == 0 {
		return true
	}
	if dotted {
		var buf [16]byte
		switch lw := lowerInto(buf[:0], w); string(lw) {
		case "e.g", "i.e", "a.k.a", "viz", "et al":
			return false
		}
		if singleLetters(w) { // U.S., U.S.S.R., P.V., a.m.
			return startsSentence(text[n:])
		}
		return true
	}
	if r, size := utf8.DecodeRune(w); size == len(w) && unicode.IsLetter(r) {
		return false // an initial
	}
	if len(w) > 8 || !isAlpha(w[0]) { // no abbreviation below is longer or starts otherwise (1999.)
		return true
	}
	var buf [8]byte
	switch string(lowerInto(buf[:0], w)) {
	case "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "st", "ste", "gen", "lt", "col",
		"capt", "cpt", "maj", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "prof",
		"sen", "rep", "gov", "pres", "supt", "rev", "hon", "fr", "mt", "ft", "hr", "rt",
		"vs", "approx", "ca", "cf", "pp", "vol", "vols", "fig", "figs", "eq", "ch",
		"para", "sec", "art", "nos", "op", "ed", "eds", "trans", "viz":
		return false
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"no", "etc", "al", "est", "ave", "blvd", "rd", "sq", "dept", "univ", "assn", "jr", "sr",
		"inc", "ltd", "co", "corp", "plc", "bros", "llc":
		if isDigitRune(next) {
			return false // Jan. 5, No. 10
		}
		return !companyFollows(text[n:]) // Co. Ltd.
	}
	return true
}

// wordBefore returns the word that ends at text[end]: letters, digits and
// dots, at most 32 bytes, without leading dots; and whether it holds a dot.
func wordBefore(text []byte, end int) (w []byte, dotted bool) {
	text = text[:end]
	lo := max(0, end-32)
	i, class := end, byte(0)
	for i > lo {
		c := text[i-1]
		if k := wordASCII[c]; k != 0 { // the common case, without decoding
			class |= k
			i--
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeLastRune(text[:i])
		if r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i -= size
	}
	if end-i >= 32 {
		return nil, false
	}
	for i < end && text[i] == '.' {
		i++
	}
	w = text[i:]
	// A dot read may have been a leading one, now gone.
	return w, class&wordDot != 0 && bytes.IndexByte(w, '.') >= 0
}

// wordASCII classes the ASCII bytes of a word for wordBefore: wordDot for
// '.', wordAlnum for letters and digits, 0 for the others.
var wordASCII = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case c == '.':
			t[c] = wordDot
		case isAlnum(byte(c)):
			t[c] = wordAlnum
		}
	}
	return t
}()

const (
	wordAlnum = 1 << iota
	wordDot
)

// singleLetters reports whether w is letters separated by single dots, one
// letter each: "U.S", "U.S.S.R", "P.V".
func singleLetters(w []byte) bool {
	want := true // a letter
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		if want != unicode.IsLetter(r) || !want && r != '.' {
			return false
		}
		want = !want
		i += size
	}
	return !want
}

// lowerInto appends the ASCII lower case of w to dst, up to its capacity.
func lowerInto(dst, w []byte) []byte {
	for _, c := range w {
		if len(dst) == cap(dst) {
			return dst[:0]
		}
		dst = append(dst, lowerASCII(c))
	}
	return dst
}

// firstWord returns the letters at the start of s, at most 16 bytes.
func firstWord(s []byte) []byte {
	i := 0
	for i < len(s) && i < 16 && isAlpha(s[i]) {
		i++
	}
	if i < len(s) && i == 16 {
		return nil
	}
	return s[:i]
}

// startsSentence reports whether s starts with a word that usually begins a
// sentence rather than continues a name: a pronoun, an article, a
// conjunction, a preposition.
func startsSentence(s []byte) bool {
	switch string(firstWord(s)) {
	case "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
		"We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here",
		"In", "On", "At", "By", "For", "From", "With", "Without", "After", "Before", "During",
		"Since", "Until", "When", "While", "Where", "Why", "How", "What", "Who", "Which",
		"But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Still", "Also", "Then",
		"Now", "Some", "Many", "Most", "Several", "Both", "Each", "Every", "All", "No", "Not",
		"If", "As", "Although", "Though", "Because", "Despite", "According", "Such", "Other",
		"Another", "Officials", "Today", "Yesterday", "Earlier", "Later", "Last", "Next":
		return true
	}
	return false
}

// saidFollows reports whether one of the next three words is a verb of
// saying, as in “Why?” Smith asked.
func saidFollows(s []byte) bool {
	i := 0
	for w := 0; w < 3 && i < len(s) && i < 64; w++ {
		word := firstWord(s[i:])
		switch string(word) {
		case "said", "says", "asked", "asks", "told", "added", "adds", "replied", "wrote",
			"writes", "shouted", "explained", "continued", "insisted", "noted", "recalled":
			return true
		}
		if len(word) == 0 {
			return false
		}
		i += len(word)
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return false
}

// companyFollows reports whether s starts with a company suffix, as "Ltd."
// after "Co.".
func companyFollows(s []byte) bool {
	switch string(firstWord(s)) {
	case "Ltd", "Inc", "Co", "Corp", "LLC", "Plc", "PLC", "Bhd", "AG", "SA", "GmbH":
		return true
	}
	return false
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

// isQuote reports whether text[i:j] holds a quotation mark.
func isQuote(text []byte, i, j int) bool {
	for i < j {
		r, size := utf8.DecodeRune(text[i:j])
		if r == '"' || r == '\'' || r == '”' || r == '’' || r == '»' || r == '›' {
			return true
		}
		i += size
	}
	return false
}

// skipClosers returns the offset after any closing quotes and brackets at i.
// The common case, a byte that starts none, costs no call.
func skipClosers(text []byte, i int) int {
	if i >= len(text) || !mayClose[text[i]] {
		return i
	}
	return skipClosersFrom(text, i)
}

func skipClosersFrom(text []byte, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != ')' && c != ']' {
			return i // the common case, without decoding
		}
		r, size := utf8.DecodeRune(text[i:])
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»', '›':
			i += size
		default:
			return i
		}
	}
	return i
}

// skipOpeners returns the offset after any opening quotes and brackets at i.
// The common case, a byte that starts none, costs no call.
func skipOpeners(text []byte, i int) int {
	if i >= len(text) || !mayOpen[text[i]] {
		return i
	}
	return skipOpenersFrom(text, i)
}

func skipOpenersFrom(text []byte, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '(' && c != '[' {
			return i // the common case, without decoding
		}
		r, size := utf8.DecodeRune(text[i:])
		switch r {
		case '"', '\'', '“', '‘', '(', '[', '«', '‹', '¿', '¡', '„':
			i += size
		default:
			return i
		}
	}
	return i
}

// spaceAt reports whether text[i] starts a white-space character.
func spaceAt(text []byte, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIISpace(c)
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsSpace(r)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// skipSpace returns the offset of the first non-space character at or
// after i. The common case, a byte that starts no white space, costs no
// call.
func skipSpace(text []byte, i int) int {
	if i >= len(text) || !maySpace[text[i]] {
		return i
	}
	return skipSpaceFrom(text, i)
}

func skipSpaceFrom(text []byte, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf { // the common case, without decoding
			if !isASCIISpace(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// maySpace, mayOpen and mayClose mark the bytes that may start white space,
// an opening quote or bracket, and a closing one: the ASCII ones, and the
// first bytes of all multi-byte characters.
var maySpace, mayOpen, mayClose = func() (space, open, close [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		space[c], open[c], close[c] = true, true, true
	}
	for _, c := range []byte{' ', '\t', '\n', '\r', '\f', '\v'} {
		space[c] = true
	}
	for _, c := range []byte{'"', '\'', '(', '['} {
		open[c] = true
	}
	for _, c := range []byte{'"', '\'', ')', ']'} {
		close[c] = true
	}
	return
}()

// trimSpaceRight returns the end of text[start:end] without trailing white
// space.
func trimSpaceRight(text []byte, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRune(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}
