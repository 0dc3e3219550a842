package markup

import (
	"encoding/binary"
	"html"
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"
)

// entMode says which character references add decodes.
type entMode int

const (
	entNone   entMode = iota // plain text: '&' is just a character
	entStrict                // Markdown: only references closed by ';'
	entHTML                  // HTML: as a browser does, legacy names without ';' too
)

// builder accumulates the text of one block and its offset map. Finished
// blocks go to the Reader out.
type builder struct {
	text []byte
	runs []run
	kind Kind
	out  *Reader
	segs []Segment // scratch for segment
	gen  int       // counts flushes and cuts, which move the text
}

// newBuilder returns a builder of blocks of kind for out, with room for a
// typical paragraph, so that its buffers do not grow step by step.
func newBuilder(out *Reader, kind Kind) *builder {
	return &builder{
		text: make([]byte, 0, 1<<10),
		runs: make([]run, 0, 16),
		kind: kind,
		out:  out,
		segs: make([]Segment, 0, 16),
	}
}

// reset empties the builder, keeping its buffers, for blocks of kind for
// out (nil while it waits in a pool).
func (b *builder) reset(out *Reader, kind Kind) {
	*b = builder{text: b.text[:0], runs: b.runs[:0], kind: kind, out: out, segs: b.segs[:0]}
}

// empty reports whether the builder holds no text.
func (b *builder) empty() bool { return len(b.text) == 0 }

// add appends the readable text of p, which starts at original position pos,
// and returns the position just after p. White space (and control
// characters, NUL among them) collapses to single spaces, never leading;
// invalid UTF-8 becomes U+FFFD; with ent, character references are decoded.
// p must not split a code point or a "\r\n".
func (b *builder) add(p []byte, pos Position, ent entMode) Position {
	// stretch knows nothing of character references: with ent, it is handed
	// the text before the next '&', which is rare enough to look for apart.
	amp := len(p)
	if ent != entNone {
		amp = indexFrom(p, 0, '&')
	}
	i := 0
	for i < len(p) {
		if amp < i {
			amp = indexFrom(p, i, '&')
		}
		// The common case: a stretch of words with single spaces between
		// them, at most maxRun bytes at a time, so that extra says whether
		// each piece verbatim keeps is ASCII and how many columns it spans.
		end := amp
		if end-i > maxRun {
			end = i + runeBoundary(p[i:], maxRun)
		}
		j, extra := stretch(p[:end], i)
		if j > i {
			b.verbatim(p[i:j], pos, extra == 0)
			pos.Offset += j - i
			pos.Column += j - i - extra
			i = j
			continue
		}
		switch c := p[i]; {
		case c == '&':
			dec, n := decodeEntity(p[i:], ent)
			if n == 0 {
				b.verbatim(p[i:i+1], pos, true)
				pos.Offset++
				pos.Column++
				i++
				continue
			}
			end := Position{Offset: pos.Offset + n, Line: pos.Line, Column: pos.Column + n}
			if isWhite(dec) {
				b.space(pos, end)
			} else {
				b.replace(dec, pos, end)
			}
			pos = end
			i += n
		case c < utf8.RuneSelf: // white space or a control character
			n := 1
			if c == '\r' && i+1 < len(p) && p[i+1] == '\n' {
				n = 2
			}
			end := advance(pos, p[i:i+n])
			if c == ' ' {
				if b.canSpace() {
					b.verbatim(p[i:i+1], pos, true)
				}
			} else {
				b.space(pos, end)
			}
			pos = end
			i += n
		default: // a byte of invalid UTF-8
			end := Position{Offset: pos.Offset + 1, Line: pos.Line, Column: pos.Column + 1}
			b.replace("\uFFFD", pos, end)
			pos = end
			i++
		}
	}
	b.limit()
	return pos
}

// stretch returns the end of the stretch of text at p[i:] that add copies
// as it is: valid UTF-8 with no white space or control characters, but for
// single spaces inside it, each followed by a plain byte. It also returns
// the bytes of the stretch beyond the first of each multi-byte character, so
// that it need not count the characters one by one.
func stretch(p []byte, i int) (j, extra int) {
	for j = i; j < len(p); {
		// A space at j == i starts no stretch, so the byte at i is read
		// one at a time.
		if j > i {
			j = asciiWords(p, j)
		}
		if j == len(p) {
			break
		}
		c := p[j]
		if c < utf8.RuneSelf {
			if plainByte[c] || c == ' ' && j > i && j+1 < len(p) && plainByte[p[j+1]] {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRune(p[j:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		j += n
		extra += n - 1
	}
	return j, extra
}

// asciiWords returns the end of the run of plain ASCII bytes at p[j:], with
// single spaces in it each followed by a plain byte, or an offset before
// it: it reads sixteen bytes at a time, then eight, and leaves the last
// few bytes, and a space that ends what it read, to the caller.
func asciiWords(p []byte, j int) int {
	for j+16 <= len(p) {
		q := p[j : j+16]
		n1, s1 := nonPlain(binary.LittleEndian.Uint64(q))
		n2, s2 := nonPlain(binary.LittleEndian.Uint64(q[8:]))
		// The spaces followed by a plain byte do not stop the run (the
		// byte after the first eight is the first of the second eight).
		stop1 := n1 ^ s1&^(n1>>8|n2<<56)
		stop2 := n2 ^ s2&^(n2>>8)
		if stop1|stop2 != 0 {
			if stop1 != 0 {
				return j + bits.TrailingZeros64(stop1)/8
			}
			return j + 8 + bits.TrailingZeros64(stop2)/8
		}
		// A space that ends the sixteen bytes is read again with the next.
		j += 16 - int(s2>>63)
	}
	for j+8 <= len(p) {
		n, s := nonPlain(binary.LittleEndian.Uint64(p[j:]))
		if stop := n ^ s&^(n>>8); stop != 0 {
			return j + bits.TrailingZeros64(stop)/8
		}
		j += 8 - int(s>>63)
	}
	return j
}

// Masks of the low bit, of the high bit and of the seven low bits of each
// byte of a uint64.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
	low7     = 0x7f7f7f7f7f7f7f7f
)

// nonPlain returns masks with the high bit set in each byte of x (eight
// bytes of text) that is not plain — white space, a control character, DEL
// or a byte of a multi-byte character — and in each that is a space.
func nonPlain(x uint64) (n, space uint64) {
	// The arithmetic treats each byte apart: no byte carries into the next.
	// Of the low seven bits of a byte, y, y+1 reaches the high bit only for
	// DEL, y+0x5f fails to only for a control character or a space, and
	// y+0x60 only for a control character.
	y := x & low7
	over20 := y + 0x5f*lowBits
	n = (x | (y + lowBits) | ^over20) & highBits
	space = (over20 ^ (y + 0x60*lowBits)) &^ x & highBits
	return n, space
}

// plain reports whether the ASCII byte c is copied as it is: not white
// space, a control character or DEL. It is true of the bytes of multi-byte
// characters too, which are copied unless invalid.
func plain(c byte) bool { return c > ' ' && c != 0x7f }

// plainByte[c] is plain(c).
var plainByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = plain(byte(c))
	}
	return t
}()

// isWhite reports whether s is white space or control characters only.
func isWhite(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c > ' ' && c != 0x7f {
			return false
		}
	}
	return true
}

// canSpace reports whether a space may be appended: not at the start of a
// block and not after another space.
func (b *builder) canSpace() bool {
	return len(b.text) > 0 && b.text[len(b.text)-1] != ' '
}

// space appends a space standing for the original span [start, end), unless
// the text is empty or already ends with a space.
func (b *builder) space(start, end Position) {
	if b.canSpace() {
		b.replace(" ", start, end)
	}
}

// replace appends s, standing for the original span [start, end) as a whole.
func (b *builder) replace(s string, start, end Position) {
	b.runs = append(b.runs, run{text: len(b.text), start: start, end: end})
	b.text = append(b.text, s...)
}

// verbatim appends s, a copy of the original bytes at pos: valid UTF-8 on
// one line, ASCII only if ascii is set, at most maxRun bytes. It extends the
// last run when s follows it directly, unless that would make a run that is
// not ASCII only longer than maxRun.
func (b *builder) verbatim(s []byte, pos Position, ascii bool) {
	if n := len(b.runs); n > 0 {
		r := &b.runs[n-1]
		used := len(b.text) - r.text
		if r.verb && r.start.Offset+used == pos.Offset && (r.ascii && ascii || used+len(s) <= maxRun) {
			r.ascii = r.ascii && ascii
			b.text = append(b.text, s...)
			return
		}
	}
	b.runs = append(b.runs, run{text: len(b.text), start: pos, verb: true, ascii: ascii})
	b.text = append(b.text, s...)
}

// runeCount returns the number of code points in p, valid UTF-8: the bytes
// that are not continuation bytes (10xxxxxx), counted eight at a time, as
// a long stretch of text with a few quotes or dashes in it is common.
func runeCount(p []byte) int {
	n := len(p)
	i := 0
	for ; i+8 <= len(p); i += 8 {
		n -= continuations(binary.LittleEndian.Uint64(p[i:]))
	}
	for ; i < len(p); i++ {
		if p[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// runeCountString is runeCount of a string.
func runeCountString(p string) int {
	n := len(p)
	i := 0
	for ; i+8 <= len(p); i += 8 {
		q := p[i : i+8]
		x := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
			uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
		n -= continuations(x)
	}
	for ; i < len(p); i++ {
		if p[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// continuations returns the number of continuation bytes in x, eight bytes
// of text: those with the high bit set and the next one clear (the shift
// moves each byte's bit 6 to its bit 7).
func continuations(x uint64) int {
	return bits.OnesCount64(x &^ (x << 1) & highBits)
}

// runeBoundary returns the largest k' <= k that does not split a code point
// of s.
func runeBoundary(s []byte, k int) int {
	if k >= len(s) {
		return len(s)
	}
	for j := k; j >= 0 && j > k-utf8.UTFMax; j-- {
		if utf8.RuneStart(s[j]) {
			return j
		}
	}
	return k
}

// flush finishes the block in progress, if it has any text.
func (b *builder) flush() {
	b.gen++
	b.emit(b.text, b.runs)
	b.text = b.text[:0]
	b.runs = b.runs[:0]
}

// emit appends a Block made of text and runs (which it copies) to the output.
func (b *builder) emit(text []byte, runs []run) {
	if n := len(text); n > 0 && text[n-1] == ' ' {
		text = text[:n-1]
		if last := len(runs) - 1; runs[last].text >= len(text) {
			runs = runs[:last]
		}
	}
	if len(text) == 0 {
		return
	}
	b.segs = segment(text, b.kind, b.segs[:0])
	b.out.emit(text, b.kind, b.segs, runs)
}

// limit cuts the text while it is longer than MaxText. Each cut emits at
// least MaxText/2 bytes, so the work stays linear.
func (b *builder) limit() {
	for len(b.text) > MaxText {
		b.cut(b.cutPoint())
	}
}

// cutPoint chooses where to cut an over-long text: at the last sentence
// boundary in the second half of the cap, or else at the last space there,
// or else at a character boundary just before the cap.
func (b *builder) cutPoint() int {
	lo, hi := MaxText/2, MaxText
	b.segs = segment(b.text, Paragraph, b.segs[:0])
	for i := len(b.segs) - 2; i >= 0; i-- { // the last segment is unfinished
		if e := b.segs[i].End; e <= hi {
			if e >= lo {
				return e
			}
			break
		}
	}
	for k := hi; k > lo; k-- {
		if b.text[k] == ' ' {
			return k
		}
	}
	return runeBoundary(b.text, hi)
}

// cut emits the text before k as a block and keeps the rest. A cut inside a
// replacement run moves to its start (replacements are a few bytes, and k is
// far from the start of the text).
func (b *builder) cut(k int) {
	b.gen++
	i := sort.Search(len(b.runs), func(i int) bool { return b.runs[i].text > k }) - 1
	r := b.runs[i]
	if !r.verb && r.text < k && r.text > 0 {
		k = r.text
	}
	split := r.text < k
	head, from := b.runs[:i], i
	if split {
		head, from = b.runs[:i+1], i+1
	}
	b.emit(b.text[:k], head)
	n := 0
	if split {
		b.runs[0] = run{start: r.atBytes(b.text, k), verb: true, ascii: r.ascii}
		n = 1
	}
	for _, rr := range b.runs[from:] {
		rr.text -= k
		b.runs[n] = rr
		n++
	}
	b.runs = b.runs[:n]
	b.text = b.text[:copy(b.text, b.text[k:])]
	if len(b.text) > 0 && b.text[0] == ' ' {
		b.dropFirst()
	}
}

// removeByte removes the ASCII byte at text offset k, and a space after it
// if that would leave two spaces. It costs the length of the text after k.
func (b *builder) removeByte(k int) {
	for n := 0; n < 2; n++ {
		i := sort.Search(len(b.runs), func(i int) bool { return b.runs[i].text > k }) - 1
		r := b.runs[i]
		end := len(b.text)
		if i+1 < len(b.runs) {
			end = b.runs[i+1].text
		}
		switch {
		case end-r.text == 1:
			b.runs = append(b.runs[:i], b.runs[i+1:]...)
			i--
		case k == r.text:
			b.runs[i].start.Offset++
			b.runs[i].start.Column++
		case k < end-1:
			b.runs = slices.Insert(b.runs, i+1, run{text: k, start: r.atBytes(b.text, k+1), verb: true, ascii: r.ascii})
			i++
		}
		for j := i + 1; j < len(b.runs); j++ {
			b.runs[j].text--
		}
		b.text = append(b.text[:k], b.text[k+1:]...)
		if k >= len(b.text) || b.text[k] != ' ' || k > 0 && b.text[k-1] != ' ' {
			return
		}
	}
}

// dropFirst removes the first byte of the text, a space.
func (b *builder) dropFirst() {
	end := len(b.text)
	if len(b.runs) > 1 {
		end = b.runs[1].text
	}
	if end == 1 {
		b.runs = b.runs[:copy(b.runs, b.runs[1:])]
	} else {
		b.runs[0].start.Offset++
		b.runs[0].start.Column++
	}
	for i := range b.runs {
		if b.runs[i].text > 0 {
			b.runs[i].text--
		}
	}
	b.text = b.text[:copy(b.text, b.text[1:])]
}

// atBytes is run.at over the builder's bytes, at a character boundary.
func (r *run) atBytes(text []byte, t int) Position {
	n := t - r.text
	if !r.ascii {
		n = runeCount(text[r.text:t])
	}
	return Position{
		Offset: r.start.Offset + t - r.text,
		Line:   r.start.Line,
		Column: r.start.Column + n,
	}
}

// advance returns the position just after p, which starts at pos. p must
// not end inside a code point or between the bytes of "\r\n".
func advance(pos Position, p []byte) Position {
	for i := 0; i < len(p); {
		c := p[i]
		if c >= utf8.RuneSelf {
			_, n := utf8.DecodeRune(p[i:])
			i += n
			pos.Offset += n
			pos.Column++
			continue
		}
		i++
		pos.Offset++
		switch c {
		case '\n':
			pos.Line++
			pos.Column = 1
		case '\r':
			if i < len(p) && p[i] == '\n' {
				pos.Column++
			} else {
				pos.Line++
				pos.Column = 1
			}
		default:
			pos.Column++
		}
	}
	return pos
}

// decodeEntity decodes the character reference at the start of p (p[0] is
// '&') and returns its text and length in p, or 0 if there is none.
func decodeEntity(p []byte, ent entMode) (string, int) {
	if len(p) < 2 || ent == entNone {
		return "", 0
	}
	legacy := ent == entHTML
	if p[1] == '#' {
		j, hex := 2, false
		if j < len(p) && (p[j] == 'x' || p[j] == 'X') {
			hex = true
			j++
		}
		d := j
		for j < len(p) && (isDigit(p[j]) || hex && isHex(p[j])) {
			j++
		}
		if j == d {
			return "", 0
		}
		if j < len(p) && p[j] == ';' {
			j++
		} else if !legacy {
			return "", 0
		}
		if j > 16 {
			return "\uFFFD", j // far out of range
		}
		return html.UnescapeString(string(p[:j])), j
	}
	j := 1
	for j < len(p) && j <= 40 && isAlnum(p[j]) {
		j++
	}
	if j == 1 {
		return "", 0
	}
	semi := j < len(p) && p[j] == ';'
	if !semi && !legacy {
		return "", 0
	}
	if semi {
		j++
		if s, ok := commonEntity(p[1 : j-1]); ok {
			return s, j
		}
	} else if j > 8 {
		j = 8 // only the legacy names (6 letters at most) work without ';'
	}
	cand := string(p[:j])
	res := html.UnescapeString(cand)
	if res == cand {
		return "", 0
	}
	l := 0 // the undecoded tail of cand that res ends with
	for l < len(res)-1 && l < len(cand) && res[len(res)-1-l] == cand[len(cand)-1-l] {
		l++
	}
	if l > 0 && !legacy {
		return "", 0
	}
	return res[:len(res)-l], len(cand) - l
}

// commonEntity decodes the most common named references without allocating.
func commonEntity(name []byte) (string, bool) {
	switch string(name) {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	case "nbsp":
		return "\u00a0", true
	case "mdash":
		return "—", true
	case "ndash":
		return "–", true
	case "lsquo":
		return "‘", true
	case "rsquo":
		return "’", true
	case "ldquo":
		return "“", true
	case "rdquo":
		return "”", true
	case "hellip":
		return "…", true
	}
	return "", false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool { return isDigit(c) || isAlpha(c) }
