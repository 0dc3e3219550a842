package markup

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"
)

// mdParser reads Markdown (CommonMark with the GitHub table extension), line
// by line. It keeps only the state a line needs: whether a paragraph is open,
// the quote depth, the indent of the current list item, and whether it is
// inside a code fence, an HTML block or a comment.
type mdParser struct {
	lr  *lineReader
	rd  *Reader
	b   *builder
	dir *builder // collects a comment that may be a directive

	started    bool     // front matter has been looked for
	open       bool     // a paragraph or list item may continue on the next line
	setextOK   bool     // the open block is a paragraph a setext underline may turn into a heading
	paraQuote  int      // quote depth of the open block
	brk        Position // where the last line added ended
	cbrk       Position // where the last line of an open comment ended
	listIndent int      // content column of the innermost list item; -1 outside lists

	fence      byte // '`' or '~' inside a fenced code block
	fenceLen   int
	fenceQuote int
	htmlEnd    string // inside an HTML block that ends with this closing tag
	table      bool   // inside a table: lines with '|' are rows
	skipDelim  bool   // the next line is a table's delimiter row
	skipRest   bool   // further chunks of the current line are skipped
	comment    bool   // inside <!-- … -->
	dashes     int    // '-'s at the end of the last chunk read inside a comment

	// Scratch for inline: matching brackets, parentheses and backtick runs.
	bm, pm, cm []int32
	bmOK       bool // bm and pm match the fragment being read
	stk        []int32
	links      []link
	runs       []int32
	lastRun    map[int]int32
	gt         int // cached offset of the next '>', -1 if none, -2 unknown

	// A link whose text spans lines: the text offsets of '['s not closed on
	// their line, valid while b.gen is pendGen.
	pend    []int
	pendGen int
}

// link is an inline link whose text is being read: at close, skip to end.
type link struct{ close, end int }

// mdParsers holds the parsers of finished Readers, with their buffers and
// scratch, for the reason lineBufs holds line buffers.
var mdParsers = sync.Pool{New: func() any {
	return &mdParser{b: newBuilder(nil, Paragraph), dir: newBuilder(nil, Directive)}
}}

func newMarkdownParser(r io.Reader, rd *Reader) *mdParser {
	m := mdParsers.Get().(*mdParser)
	*m = mdParser{
		lr:         newLineReader(r),
		rd:         rd,
		b:          m.b,
		dir:        m.dir,
		listIndent: -1,
		bm:         m.bm[:0],
		pm:         m.pm[:0],
		cm:         m.cm[:0],
		stk:        m.stk[:0],
		links:      m.links[:0],
		runs:       m.runs[:0],
		lastRun:    m.lastRun,
		pend:       m.pend[:0],
	}
	m.b.reset(rd, Paragraph)
	m.dir.reset(rd, Directive)
	return m
}

// release gives the line buffer back, and the parser to mdParsers.
func (m *mdParser) release() {
	m.lr.release()
	m.lr, m.rd = nil, nil
	m.b.reset(nil, Paragraph)
	m.dir.reset(nil, Directive)
	mdParsers.Put(m)
}

func (m *mdParser) step() error {
	if !m.started {
		m.started = true
		if err := m.frontMatter(); err != nil {
			return err
		}
	}
	for len(m.rd.queue) == 0 {
		c, err := m.lr.next()
		if err != nil {
			m.endBlock()
			return err
		}
		if c.first && m.skipDelim {
			m.skipDelim = false
			m.skipRest = c.more
			continue
		}
		m.line(c)
	}
	return nil
}

// frontMatter skips YAML ("---") or TOML ("+++") front matter at the start
// of the input and reads its date. If the input does not start with front
// matter, the first line is read as Markdown.
func (m *mdParser) frontMatter() error {
	c, err := m.lr.next()
	if err != nil {
		return err
	}
	var close1, close2 string
	switch {
	case c.first && !c.more && isFence(c.b, '-'):
		close1, close2 = "---", "..."
	case c.first && !c.more && isFence(c.b, '+'):
		close1, close2 = "+++", "+++"
	}
	if close1 != "" {
		next, _ := m.lr.peekLine(256)
		if !frontMatterLine(next) {
			close1 = ""
		}
	}
	if close1 == "" {
		c.b = m.lr.current(c)
		m.line(c)
		return nil
	}
	for n := 0; n < 1000; n++ {
		c, err := m.lr.next()
		if err != nil {
			return err
		}
		if !c.first {
			continue
		}
		line := bytes.TrimRight(c.b, " \t")
		if string(line) == close1 || string(line) == close2 {
			return nil
		}
		if m.rd.date == "" {
			if k := bytes.IndexAny(line, ":="); k > 0 {
				if key := bytes.TrimSpace(line[:k]); string(key) == "date" || string(key) == "Date" {
					m.rd.date = normalizeDate(string(line[k+1:]))
				}
			}
		}
		if c.more {
			m.skipRest = true
		}
	}
	return nil
}

// frontMatterLine reports whether s looks like the first line of front
// matter: "key: value", "key = value", a comment or the closing fence.
func frontMatterLine(s []byte) bool {
	if isFence(s, '-') || isFence(s, '+') || len(s) > 0 && s[0] == '#' {
		return true
	}
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '"' || s[i] == '\'') {
		i++
	}
	for i > 0 && i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == ':' || s[i] == '=')
}

// endBlock finishes the block in progress.
func (m *mdParser) endBlock() {
	m.b.flush()
	m.open = false
	m.setextOK = false
}

func (m *mdParser) line(c chunk) {
	if !c.first {
		if !m.skipRest {
			m.brk = m.inline(c.b, c.pos)
		}
		return
	}
	m.skipRest = false
	p, pos := c.b, c.pos
	if m.comment {
		m.dashes = 0 // "-->" cannot span lines
		m.dir.space(m.cbrk, pos)
		k := m.commentPart(p, pos)
		if k < 0 {
			m.cbrk = endOf(c)
			return
		}
		pos = advance(pos, p[:k])
		if p = p[k:]; isBlank(p) {
			return
		}
		m.textLine(p, pos, c.pos, m.paraQuote, 0)
		return
	}
	if m.fence != 0 {
		q, rest, _ := stripQuotes(p, pos, m.fenceQuote)
		if q >= m.fenceQuote {
			if closingFence(rest, m.fence, m.fenceLen) {
				m.fence = 0
			}
			m.skipRest = c.more
			return
		}
		m.fence = 0 // the quote holding the fence ended
	}
	if m.htmlEnd != "" {
		if indexFold(p, m.htmlEnd) >= 0 {
			m.htmlEnd = ""
		}
		m.skipRest = c.more
		return
	}
	q, p, pos := stripQuotes(p, pos, -1)
	if isBlank(p) && !c.more {
		m.endBlock()
		m.table = false
		return
	}
	ind, cols := indentation(p)
	body, bpos := p[ind:], advance(pos, p[:ind])
	base := 0
	if m.listIndent >= 0 && cols >= m.listIndent {
		base = m.listIndent
	}
	if cols-base >= 4 {
		if m.open {
			m.textLine(body, bpos, c.pos, q, cols)
		} else {
			m.skipRest = c.more // indented code
		}
		return
	}
	if n, ok := fenceOpen(body); ok {
		m.endBlock()
		m.fence, m.fenceLen, m.fenceQuote = body[0], n, q
		m.skipRest = c.more
		return
	}
	if level, ok := atxLevel(body); ok {
		m.endBlock()
		content := body[level:]
		if !c.more {
			content = trimClosingHashes(content)
		}
		m.b.kind = Heading
		m.brk = m.inline(content, advance(bpos, body[:level]))
		return
	}
	if m.open && m.setextOK && q == m.paraQuote && !c.more && setextUnderline(body) {
		m.b.kind = Heading
		m.endBlock()
		return
	}
	if thematicBreak(body) {
		m.endBlock()
		if cols < m.listIndent {
			m.listIndent = -1
		}
		return
	}
	if end, ok := htmlBlockStart(body); ok {
		m.endBlock()
		if indexFold(body, end) < 0 {
			m.htmlEnd = end
		}
		m.skipRest = c.more
		return
	}
	if !m.open && linkRefDef(body) {
		m.skipRest = c.more
		return
	}
	if mk := listMarker(body, 9); mk.ok {
		interrupting := m.open && m.b.kind != ListItem && m.listIndent < 0
		if !interrupting || !mk.empty && (!mk.ordered || mk.num == 1) {
			m.endBlock()
			mlen := mk.width - mk.spaces
			m.listIndent = cols + mk.width
			if mk.spaces > 4 || mk.empty {
				m.listIndent = cols + mlen + 1
			}
			content := taskBox(body[mk.width:])
			m.b.kind = ListItem
			m.open, m.paraQuote = true, q
			m.brk = m.inline(content, advance(bpos, body[:len(body)-len(content)]))
			return
		}
	}
	if m.table {
		if bytes.IndexByte(body, '|') >= 0 && !c.more {
			m.row(body, bpos)
			return
		}
		m.table = false
	}
	if !c.more && bytes.IndexByte(body, '|') >= 0 && q == 0 {
		skip := len(c.b) - len(body)
		if next, ok := m.lr.peekLine(512); ok && delimiterRow(next) {
			body = m.lr.current(c)[skip:]
			m.endBlock()
			m.row(body, bpos)
			m.table, m.skipDelim = true, true
			return
		}
		body = m.lr.current(c)[skip:]
	}
	m.textLine(body, bpos, c.pos, q, cols)
}

// textLine adds a line of paragraph text: it continues the open block
// (lazily, too, inside a quote) or starts a new one.
func (m *mdParser) textLine(body []byte, pos, lineStart Position, q, cols int) {
	if m.open && (q == m.paraQuote || q == 0) {
		m.b.space(m.brk, lineStart)
	} else {
		m.endBlock()
		if m.listIndent >= 0 && cols < m.listIndent && q == 0 {
			m.listIndent = -1
		}
		m.b.kind = Paragraph
		if q > 0 {
			m.b.kind = Quote
		}
		m.open, m.setextOK, m.paraQuote = true, true, q
	}
	m.brk = m.inline(body, pos)
}

// row emits the cells of a table row as TableCell blocks.
func (m *mdParser) row(body []byte, pos Position) {
	m.endBlock()
	m.b.kind = TableCell
	i := 0
	if len(body) > 0 && body[0] == '|' {
		i = 1
	}
	pos = advance(pos, body[:i])
	for i < len(body) {
		j := i
		for j < len(body) && body[j] != '|' {
			if body[j] == '\\' && j+1 < len(body) {
				j++
			}
			j++
		}
		j = min(j, len(body))
		pos = m.inline(body[i:j], pos)
		m.b.flush()
		if j < len(body) {
			pos = advance(pos, body[j:j+1])
		}
		i = j + 1
	}
	m.b.kind = Paragraph
}

// inline adds a fragment of a line, removing inline markup: code spans,
// emphasis markers, link destinations, images, HTML tags and comments. It
// returns the position just after the fragment.
func (m *mdParser) inline(p []byte, pos Position) Position {
	if m.comment {
		k := m.commentPart(p, pos)
		if k < 0 {
			return advance(pos, p)
		}
		pos = advance(pos, p[:k])
		p = p[k:]
	}
	m.prepare(p)
	links := m.links[:0]
	start := 0 // plain text p[start:i] is not yet added
	// A long fragment is scanned for each markup byte apart; a short one,
	// where that would cost more than it saves, eight bytes at a time.
	markup, long := newByteScan(markupBytes), len(p) >= 128
	// Without '&', references need no decoding, and add need not look for
	// them in each piece.
	ent := entStrict
	if bytes.IndexByte(p, '&') < 0 {
		ent = entNone
	}
	for i := 0; i < len(p); {
		if long {
			i = markup.find(p, i)
		} else {
			i = nextMarkup(p, i)
		}
		if i == len(p) {
			break
		}
		c := p[i]
		skip := -1 // if set, p[i:skip] is dropped
		switch c {
		case '\\':
			if i+1 < len(p) && isASCIIPunct(p[i+1]) {
				if start < i {
					pos = m.b.add(p[start:i], pos, ent)
				}
				pos = advance(pos, p[i:i+1])
				start = i + 1
				i += 2
				continue
			}
			if i+1 == len(p) {
				skip = i + 1 // a hard line break
			}
		case '`':
			j := i
			for j < len(p) && p[j] == '`' {
				j++
			}
			skip = j
			if e := m.cm[i]; e >= 0 {
				skip = int(e) + j - i
			}
		case '*', '_', '~':
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			if emphasis(p, i, j) {
				skip = j
			} else {
				i = j
				continue
			}
		case '!':
			if i+1 < len(p) && p[i+1] == '[' {
				if _, end, ok := m.link(p, i+1); ok {
					skip = end
				}
			}
		case '[':
			if close, end, ok := m.link(p, i); ok {
				links = append(links, link{close, end})
				skip = i + 1
			} else if i+1 < len(p) && p[i+1] == '^' && m.bm[i] > 0 {
				skip = int(m.bm[i]) + 1 // a footnote reference
			} else if m.bm[i] == -1 && (i == 0 || p[i-1] != '!') {
				// Perhaps a link whose text goes on to the next line.
				if start < i {
					pos = m.b.add(p[start:i], pos, ent)
				}
				start = i
				if m.b.gen != m.pendGen {
					m.pend, m.pendGen = m.pend[:0], m.b.gen
				}
				if len(m.pend) < 8 {
					m.pend = append(m.pend, len(m.b.text))
				}
			}
		case ']':
			for len(links) > 0 && links[len(links)-1].close < i {
				links = links[:len(links)-1]
			}
			if n := len(links); n > 0 && links[n-1].close == i {
				skip = links[n-1].end
				links = links[:n-1]
			} else if end := m.crossLink(p, i); end > 0 {
				skip = end
			}
		case '<':
			if bytes.HasPrefix(p[i:], []byte("<!--")) {
				if start < i {
					pos = m.b.add(p[start:i], pos, ent)
				}
				pos = advance(pos, p[i:i+4])
				m.comment = true
				m.dir.drop()
				k := m.commentPart(p[i+4:], pos)
				if k < 0 {
					m.links = links
					return advance(pos, p[i+4:])
				}
				pos = advance(pos, p[i+4:i+4+k])
				i = i + 4 + k
				start = i
				continue
			}
			if e := m.tagEnd(p, i); e > 0 {
				if start < i {
					pos = m.b.add(p[start:i], pos, ent)
				}
				end := advance(pos, p[i:e])
				if isBR(p[i:e]) {
					m.b.space(pos, end)
				}
				pos, i, start = end, e, e
				continue
			}
		}
		if skip < 0 {
			i++
			continue
		}
		if start < i {
			pos = m.b.add(p[start:i], pos, ent)
		}
		pos = advance(pos, p[i:skip])
		i, start = skip, skip
	}
	if start < len(p) {
		pos = m.b.add(p[start:], pos, ent)
	}
	m.links = links
	return pos
}

// byteScan finds the bytes of a text that are one of a few values, at
// offsets that only grow. It looks for each value apart with
// bytes.IndexByte, which reads many bytes per instruction, and remembers
// where each occurs next. Where the values looked for (inline markup,
// sentence enders) are sparse, most of the text is read at that speed, and
// no byte is read more than once for each value.
type byteScan struct {
	set  string // the values looked for, at most len(next)
	next [9]int // the next offset of each value, or len(text); -1 unknown
}

func newByteScan(set string) byteScan {
	s := byteScan{set: set}
	for k := range s.next {
		s.next[k] = -1
	}
	return s
}

// find returns the offset of the first byte of text at or after i that is
// in the set, or len(text). i must be no less than in the call before.
func (s *byteScan) find(text []byte, i int) int {
	m := len(text)
	for k := 0; k < len(s.set); k++ {
		n := s.next[k]
		if n < i {
			if n = bytes.IndexByte(text[i:], s.set[k]); n < 0 {
				n = len(text)
			} else {
				n += i
			}
			s.next[k] = n
		}
		m = min(m, n)
	}
	return m
}

// markupBytes are the bytes that may start inline markup.
const markupBytes = "\\`*_~![]<"

// inlineMarkup marks the bytes of markupBytes.
var inlineMarkup = [256]bool{'\\': true, '`': true, '*': true, '_': true, '~': true, '!': true, '[': true, ']': true, '<': true}

// nextMarkup returns the offset of the first byte of p at or after i that
// may start inline markup, or len(p). Markup is sparse in most text, so it
// reads eight bytes at a time, looking for the ASCII bytes from '[' to '`'
// (all markup but '^') and for '*', '~', '!' and '<'.
func nextMarkup(p []byte, i int) int {
	for i+8 <= len(p) {
		x := binary.LittleEndian.Uint64(p[i:])
		// Each byte's low seven bits plus a constant: no byte carries into
		// the next, and the high bit of the sum says the byte is at least
		// '[' or at least 'a'. Non-ASCII bytes (high bit set) are left out.
		y := x & low7
		inRange := (y + (0x80-'[')*lowBits) &^ (y + (0x80-'a')*lowBits) &^ x & highBits
		// The bytes equal to one of the four, where an XOR is zero: of
		// v&low7 + low7 | v, only a zero byte of v leaves the high bit
		// clear. The four tests are folded into one complement.
		a, b, c, d := x^'*'*lowBits, x^'~'*lowBits, x^'!'*lowBits, x^'<'*lowBits
		t := (a&low7 + low7 | a) & (b&low7 + low7 | b) & (c&low7 + low7 | c) & (d&low7 + low7 | d)
		if m := inRange | ^(t | low7); m != 0 {
			j := i + bits.TrailingZeros64(m)/8
			if inlineMarkup[p[j]] {
				return j
			}
			i = j + 1 // a '^'
			continue
		}
		i += 8
	}
	for i < len(p) && !inlineMarkup[p[i]] {
		i++
	}
	return i
}

// crossLink ends a link whose text started on an earlier line of the
// paragraph: at an unmatched ']' followed by a destination, it removes the
// '[' from the text (if it is near enough) and returns the end of the link;
// else 0.
func (m *mdParser) crossLink(p []byte, i int) int {
	if !m.bmOK || m.bm[i] != -2 || len(m.pend) == 0 || m.b.gen != m.pendGen || i+1 >= len(p) {
		return 0
	}
	end := 0
	switch p[i+1] {
	case '(':
		if k := m.pm[i+1]; k >= 0 {
			end = int(k) + 1
		}
	case '[':
		if k := m.bm[i+1]; k >= 0 {
			end = int(k) + 1
		}
	}
	if end == 0 {
		return 0
	}
	k := m.pend[len(m.pend)-1]
	m.pend = m.pend[:len(m.pend)-1]
	if k < len(m.b.text)-1024 || k >= len(m.b.text) || m.b.text[k] != '[' {
		return 0
	}
	m.b.removeByte(k)
	return end
}

// commentPart reads p, a piece of an open comment starting at pos: it
// collects the text for a possible directive and, if the comment ends in p,
// finishes it and returns the offset just after "-->"; else -1.
func (m *mdParser) commentPart(p []byte, pos Position) int {
	end, after := bytes.Index(p, []byte("-->")), 0
	switch { // "-->" split between two chunks of a long line
	case m.dashes >= 2 && len(p) > 0 && p[0] == '>':
		end, after = 0, 1
	case m.dashes >= 1 && len(p) > 1 && p[0] == '-' && p[1] == '>':
		end, after = 0, 2
	}
	if end >= 0 && after == 0 {
		after = end + 3
	}
	content := p
	if end >= 0 {
		content = p[:end]
	}
	m.dir.collect(content, pos)
	if end < 0 {
		m.dashes = len(p) - len(bytes.TrimRight(p, "-"))
		return -1
	}
	m.comment, m.dashes = false, 0
	if isDirective(m.dir.text) {
		m.b.flush()
		m.dir.flush()
	}
	m.dir.drop()
	return after
}

// prepare matches the brackets, parentheses and backtick runs of p.
func (m *mdParser) prepare(p []byte) {
	m.gt = -2
	m.bmOK = bytes.IndexByte(p, '[') >= 0 || len(m.pend) > 0 && bytes.IndexByte(p, ']') >= 0
	if m.bmOK {
		m.bm = matchPairs(p, '[', ']', m.bm, &m.stk)
		m.pm = matchPairs(p, '(', ')', m.pm, &m.stk)
	}
	if bytes.IndexByte(p, '`') >= 0 {
		m.cm = m.codeSpans(p)
	}
}

// matchPairs returns, for each open byte of p, the offset of its matching
// close byte, or -1; an unmatched close byte gets -2; other entries are -1.
func matchPairs(p []byte, open, close byte, dst []int32, stk *[]int32) []int32 {
	dst = fill(dst, len(p))
	s := (*stk)[:0]
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case open:
			s = append(s, int32(i))
		case close:
			if n := len(s); n > 0 {
				dst[s[n-1]] = int32(i)
				s = s[:n-1]
			} else {
				dst[i] = -2 // an unmatched close
			}
		}
	}
	*stk = s
	return dst
}

// codeSpans returns, for each backtick run of p that opens a code span, the
// offset of the run that closes it (the next run of the same length); -1
// elsewhere.
func (m *mdParser) codeSpans(p []byte) []int32 {
	dst := fill(m.cm, len(p))
	runs := m.runs[:0]
	for i := 0; i < len(p); {
		switch p[i] {
		case '\\':
			i += 2
		case '`':
			j := i
			for j < len(p) && p[j] == '`' {
				j++
			}
			runs = append(runs, int32(i), int32(j-i))
			i = j
		default:
			i++
		}
	}
	if m.lastRun == nil {
		m.lastRun = map[int]int32{} // most documents have no code spans
	}
	clear(m.lastRun)
	for k := len(runs) - 2; k >= 0; k -= 2 {
		start, n := runs[k], int(runs[k+1])
		if next, ok := m.lastRun[n]; ok {
			dst[start] = next
		}
		m.lastRun[n] = start
	}
	m.runs = runs
	return dst
}

// fill returns dst resized to n entries, all -1.
func fill(dst []int32, n int) []int32 {
	if cap(dst) < n {
		dst = make([]int32, n)
	}
	dst = dst[:n]
	for i := range dst {
		dst[i] = -1
	}
	return dst
}

// link reports whether the '[' at p[i] opens a link: [text](dest) or
// [text][ref]. It returns the offset of the closing ']' and of the end of
// the link.
func (m *mdParser) link(p []byte, i int) (close, end int, ok bool) {
	if !m.bmOK || m.bm[i] < 0 {
		return 0, 0, false
	}
	j := int(m.bm[i])
	if j+1 >= len(p) {
		return 0, 0, false
	}
	switch p[j+1] {
	case '(':
		if k := m.pm[j+1]; k >= 0 {
			return j, int(k) + 1, true
		}
	case '[':
		if k := m.bm[j+1]; k >= 0 {
			return j, int(k) + 1, true
		}
	}
	return 0, 0, false
}

// tagEnd returns the offset just after an HTML tag or autolink at p[i], or
// -1.
func (m *mdParser) tagEnd(p []byte, i int) int {
	if i+1 >= len(p) {
		return -1
	}
	c := p[i+1]
	if !isAlpha(c) && !(c == '/' && i+2 < len(p) && isAlpha(p[i+2])) {
		return -1
	}
	if m.gt == -1 {
		return -1
	}
	if m.gt <= i {
		k := bytes.IndexByte(p[i+1:], '>')
		if k < 0 {
			m.gt = -1
			return -1
		}
		m.gt = i + 1 + k
	}
	return m.gt + 1
}

// emphasis reports whether the run p[i:j] of '*', '_' or '~' is an emphasis
// (or strikethrough) delimiter by the CommonMark flanking rules.
func emphasis(p []byte, i, j int) bool {
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRune(p[:i])
	}
	if j < len(p) {
		next, _ = utf8.DecodeRune(p[j:])
	}
	pw, nw := unicode.IsSpace(prev), unicode.IsSpace(next)
	pp, np := isPunctRune(prev), isPunctRune(next)
	left := !nw && (!np || pw || pp)
	right := !pw && (!pp || nw || np)
	switch p[i] {
	case '*':
		return left || right
	case '_':
		return left && (!right || pp) || right && (!left || np)
	}
	return j-i <= 2 && (left || right)
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// isBR reports whether tag is a <br> tag.
func isBR(tag []byte) bool {
	return len(tag) >= 4 && hasPrefixFold(tag[1:], "br") && !isAlnum(tag[3])
}

// stripQuotes removes up to max blockquote markers (all if max < 0) from the
// start of p, which starts at pos, and returns how many it removed.
func stripQuotes(p []byte, pos Position, max int) (int, []byte, Position) {
	q, i := 0, 0
	for max < 0 || q < max {
		j := i
		for j < len(p) && j-i < 3 && p[j] == ' ' {
			j++
		}
		if j >= len(p) || p[j] != '>' {
			break
		}
		j++
		if j < len(p) && (p[j] == ' ' || p[j] == '\t') {
			j++
		}
		i = j
		q++
	}
	return q, p[i:], advance(pos, p[:i])
}

// indentation returns the leading white space of p in bytes and in columns,
// tabs counting to the next multiple of 4.
func indentation(p []byte) (n, cols int) {
	for n < len(p) {
		switch p[n] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return n, cols
		}
		n++
	}
	return n, cols
}

// atxLevel returns the length of an ATX heading's opening "#"s.
func atxLevel(s []byte) (int, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0, false
	}
	return n, true
}

// trimClosingHashes removes an ATX heading's optional closing "#"s.
func trimClosingHashes(s []byte) []byte {
	t := bytes.TrimRight(s, " \t")
	h := bytes.TrimRight(t, "#")
	if len(h) == 0 {
		return h
	}
	if len(h) < len(t) && (h[len(h)-1] == ' ' || h[len(h)-1] == '\t') {
		return h
	}
	return t
}

// fenceOpen reports whether s opens a code fence and returns its length.
func fenceOpen(s []byte) (int, bool) {
	if len(s) < 3 || s[0] != '`' && s[0] != '~' {
		return 0, false
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 || s[0] == '`' && bytes.IndexByte(s[n:], '`') >= 0 {
		return 0, false
	}
	return n, true
}

// closingFence reports whether s closes a fence of n c's.
func closingFence(s []byte, c byte, n int) bool {
	s = bytes.TrimLeft(s, " \t")
	k := 0
	for k < len(s) && s[k] == c {
		k++
	}
	return k >= n && isBlank(s[k:])
}

// setextUnderline reports whether s is a line of '=' or of '-'.
func setextUnderline(s []byte) bool {
	s = bytes.TrimRight(s, " \t")
	if len(s) == 0 || s[0] != '=' && s[0] != '-' {
		return false
	}
	for _, c := range s {
		if c != s[0] {
			return false
		}
	}
	return true
}

// thematicBreak reports whether s is three or more '-', '*' or '_', with
// white space between them allowed.
func thematicBreak(s []byte) bool {
	var c byte
	n := 0
	for _, b := range s {
		switch {
		case b == ' ' || b == '\t':
		case (b == '-' || b == '*' || b == '_') && (c == 0 || b == c):
			c = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// htmlBlockStart reports whether s opens an HTML block whose content is not
// text — <script>, <pre>, <style> or <textarea> — and returns its end tag.
func htmlBlockStart(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '<' {
		return "", false
	}
	for _, tag := range [...]string{"script", "pre", "style", "textarea"} {
		if hasPrefixFold(s[1:], tag) {
			if k := 1 + len(tag); k == len(s) || s[k] == '>' || s[k] == ' ' || s[k] == '\t' {
				return "</" + tag, true
			}
		}
	}
	return "", false
}

// linkRefDef reports whether s is a link reference definition: "[label]: ".
func linkRefDef(s []byte) bool {
	if len(s) < 4 || s[0] != '[' || s[1] == '^' {
		return false
	}
	k := bytes.Index(s, []byte("]:"))
	return k > 1 && bytes.IndexByte(s[1:k], '[') < 0
}

// taskBox removes a task list's "[ ] " or "[x] " from the start of s.
func taskBox(s []byte) []byte {
	if len(s) >= 4 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']' && (s[3] == ' ' || s[3] == '\t') {
		return s[4:]
	}
	return s
}

// delimiterRow reports whether s is a table's delimiter row: cells of
// dashes with optional colons, separated by '|'.
func delimiterRow(s []byte) bool {
	dash := false
	for _, c := range s {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// indexFold returns the offset of the lower-case ASCII string t in s,
// ignoring ASCII case, or -1.
func indexFold(s []byte, t string) int {
	for i := 0; i+len(t) <= len(s); {
		k := bytes.IndexByte(s[i:], t[0])
		if k < 0 {
			return -1
		}
		i += k
		if hasPrefixFold(s[i:], t) {
			return i
		}
		i++
	}
	return -1
}

// isDirective reports whether the text of a comment is a relcheck
// directive.
func isDirective(text []byte) bool {
	return bytes.HasPrefix(text, []byte("relcheck-")) || bytes.HasPrefix(text, []byte("relcheck:"))
}

// maxDirective bounds the text collected from a comment.
const maxDirective = 1 << 10

// collect adds a piece of a comment's content to a directive builder, up to
// maxDirective bytes.
func (b *builder) collect(p []byte, pos Position) {
	if room := maxDirective - len(b.text); room > 0 {
		k := runeBoundary(p, min(len(p), room))
		for k > 0 && p[k-1] == '\r' {
			k--
		}
		b.add(p[:k], pos, entNone)
	}
}

// drop drops the builder's text.
func (b *builder) drop() {
	b.text = b.text[:0]
	b.runs = b.runs[:0]
}
