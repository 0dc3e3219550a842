package markup

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlParser reads HTML with the streaming tokenizer of golang.org/x/net/html
// (not the tree parser: it keeps no tree, so deep or unclosed nesting costs
// nothing). Block-level tags end blocks; the kind of a block comes from
// counters of open headings, list items, quotes and table cells. Raw offsets
// come from Tokenizer.Raw, whose tokens partition the input.
//
// The tokenizer holds a whole token in memory. To bound that, it reads
// through a pauseReader that stops a token at pauseLimit bytes; the parser
// then skips the rest of that token itself (a huge comment, tag or script)
// or, for text, simply starts a new tokenizer where the old one stopped.
type htmlParser struct {
	rd      *Reader
	src     *pauseReader
	z       *html.Tokenizer
	pos     Position // original position of the next token
	b       *builder
	dir     *builder
	started bool

	rawTag   string // the last tag opened raw text: script, style, title…
	skip     [nSkip]int
	skipping int // sum of skip
	inHead   bool
	heading  int
	quote    int
	list     int
	item     int
	table    int
	cell     int
	brs      int // <br>s in a row
	dateRank int // how good the date found so far is: 1 best, 0 none

	tokenizeText bool // all text is left to the tokenizer: tests check text against it
}

// Elements whose content is not read (besides the raw-text ones).
const (
	skipPre = iota
	skipCode
	skipTemplate
	skipSVG
	skipMath
	skipSelect
	skipObject
	nSkip
)

// pauseLimit is the most bytes of one token the tokenizer may hold.
const pauseLimit = 64 << 10

// cutMargin is how close to the limit a token may come before the read that
// cuts it.
const cutMargin = 64

// bufReaders holds the buffered readers of finished htmlParsers, for the
// reason lineBufs holds line buffers.
var bufReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, pauseLimit+4096) }}

// htmlParsers holds the parsers of finished Readers, with their builders,
// for the reason lineBufs holds line buffers.
var htmlParsers = sync.Pool{New: func() any {
	return &htmlParser{b: newBuilder(nil, Paragraph), dir: newBuilder(nil, Directive)}
}}

func newHTMLParser(r io.Reader, rd *Reader) *htmlParser {
	br := bufReaders.Get().(*bufio.Reader)
	br.Reset(r)
	h := htmlParsers.Get().(*htmlParser)
	*h = htmlParser{
		rd:  rd,
		src: &pauseReader{br: br, limit: pauseLimit},
		pos: Position{Line: 1, Column: 1},
		b:   h.b,
		dir: h.dir,
	}
	h.b.reset(rd, Paragraph)
	h.dir.reset(rd, Directive)
	return h
}

// release gives the buffered reader back to bufReaders, and the parser to
// htmlParsers.
func (h *htmlParser) release() {
	if br := h.src.br; br != nil {
		br.Reset(nil)
		bufReaders.Put(br)
		h.src.br = nil
	}
	h.rd, h.src, h.z = nil, nil, nil
	h.b.reset(nil, Paragraph)
	h.dir.reset(nil, Directive)
	htmlParsers.Put(h)
}

func (h *htmlParser) step() error {
	if !h.started {
		h.started = true
		if head, _ := h.src.br.Peek(len(bom)); string(head) == bom {
			_, _ = h.src.br.Discard(len(bom))
			h.pos.Offset = len(bom)
		}
		h.z = html.NewTokenizer(h.src)
	}
	for len(h.rd.queue) == 0 {
		if h.rawTag == "" && len(h.z.Buffered()) == 0 && h.text() {
			continue
		}
		tt := h.z.Next()
		raw := h.z.Raw()
		h.src.pending -= len(raw)
		partial := h.src.paused
		start := h.pos
		wasRaw := h.rawTag
		h.rawTag = ""
		switch tt {
		case html.ErrorToken:
			h.pos = advance(h.pos, raw)
			err := h.z.Err()
			if partial {
				if err := h.resume(tt, raw, wasRaw); err != nil {
					h.b.flush()
					return err
				}
				continue
			}
			h.b.flush()
			return err
		case html.TextToken:
			if wasRaw != "" {
				h.pos = advance(h.pos, raw)
				break
			}
			h.addText(raw)
		case html.StartTagToken, html.SelfClosingTagToken:
			h.pos = advance(h.pos, raw)
			h.startTag(raw, tt == html.SelfClosingTagToken, start)
		case html.EndTagToken:
			h.pos = advance(h.pos, raw)
			h.endTag(raw, start)
		case html.CommentToken:
			if !partial {
				h.comment(raw, start)
			}
			h.pos = advance(h.pos, raw)
		default:
			h.pos = advance(h.pos, raw)
		}
		if partial {
			if err := h.resume(tt, raw, wasRaw); err != nil {
				h.b.flush()
				return err
			}
		}
	}
	return nil
}

// addText reads text that is not the content of a raw-text element.
func (h *htmlParser) addText(raw []byte) {
	if h.inHead && hasText(raw) {
		h.inHead = false // text ends the head, as in a browser
	}
	if h.skipping > 0 || h.inHead {
		h.pos = advance(h.pos, raw)
		return
	}
	if h.b.empty() {
		h.b.kind = h.kind()
	}
	h.pos = h.b.add(raw, h.pos, entHTML)
	if hasText(raw) {
		h.brs = 0
	}
}

// text reads the text before the next '<' itself, rather than through the
// tokenizer, which reads a byte at a time through a call; it reports
// whether it read any. The tokenizer must hold no input (pauseReader hands
// it input up to the end of a tag at most, so that after a tag it holds
// none) and must not be reading a raw-text element. Text up to a '<' is a
// text token whatever follows, and the tokenizer reads from '<' on as it
// would have after that text. Text with no '<' in what the buffered reader
// holds is left to the tokenizer.
func (h *htmlParser) text() bool {
	if h.tokenizeText {
		return false
	}
	br := h.src.br
	if br.Buffered() == 0 {
		if _, err := br.Peek(1); err != nil {
			return false
		}
	}
	buf, _ := br.Peek(br.Buffered())
	k := bytes.IndexByte(buf, '<')
	if k <= 0 {
		return false
	}
	h.addText(buf[:k])
	_, _ = br.Discard(k)
	return true
}

// resume skips the rest of a token the pauseReader cut short and starts a
// new tokenizer after it.
func (h *htmlParser) resume(tt html.TokenType, raw []byte, rawTag string) error {
	h.src.paused, h.src.cut, h.src.pending = false, false, 0
	var err error
	switch tt {
	case html.TextToken:
		switch rawTag {
		case "":
			// Plain text: a new tokenizer reads on from here.
		case "plaintext":
			err = h.skipUntil("", false)
		default:
			err = h.skipUntil("</"+rawTag, false)
			h.rawTag = ""
		}
	case html.CommentToken:
		if bytes.HasPrefix(raw, []byte("<!--")) {
			err = h.skipComment(raw[4:])
		} else {
			err = h.skipUntil(">", true)
		}
	default: // a tag or a doctype
		err = h.skipUntil(">", true)
	}
	h.z = html.NewTokenizer(h.src)
	return err
}

// skipComment skips the rest of a comment whose start, up to body, was
// read: its "-->" may have begun in body.
func (h *htmlParser) skipComment(body []byte) error {
	next, _ := h.src.br.Peek(2)
	n := 0
	switch {
	case bytes.HasSuffix(body, []byte("--")) && len(next) > 0 && next[0] == '>':
		n = 1
	case bytes.HasSuffix(body, []byte("-")) && len(next) > 1 && next[0] == '-' && next[1] == '>':
		n = 2
	default:
		return h.skipUntil("-->", true)
	}
	h.pos = advance(h.pos, next[:n])
	_, _ = h.src.br.Discard(n)
	return nil
}

// skipUntil skips input up to the next needle (ASCII, matched ignoring
// case), and past it if consume; with an empty needle, to the end.
func (h *htmlParser) skipUntil(needle string, consume bool) error {
	br := h.src.br
	for {
		buf, err := br.Peek(4096)
		k := -1
		if needle != "" {
			k = indexFold(buf, needle)
		}
		if k >= 0 {
			n := k
			if consume {
				n += len(needle)
			}
			h.pos = advance(h.pos, buf[:n])
			_, _ = br.Discard(n)
			return nil
		}
		if err != nil {
			h.pos = advance(h.pos, buf)
			_, _ = br.Discard(len(buf))
			if err == io.EOF {
				return nil
			}
			return err
		}
		n := runeBoundary(buf, len(buf)-len(needle))
		if n > 0 && buf[n-1] == '\r' {
			n--
		}
		h.pos = advance(h.pos, buf[:n])
		_, _ = br.Discard(n)
	}
}

// kind returns the kind of a block starting here.
func (h *htmlParser) kind() Kind {
	switch {
	case h.heading > 0:
		return Heading
	case h.cell > 0:
		return TableCell
	case h.item > 0:
		return ListItem
	case h.quote > 0:
		return Quote
	}
	return Paragraph
}

func (h *htmlParser) startTag(raw []byte, selfClosing bool, start Position) {
	a := tagAtom(raw)
	switch a {
	case atom.Meta:
		_, hasAttr := h.z.TagName()
		h.meta(hasAttr)
	case atom.Time:
		if h.dateRank == 0 {
			_, hasAttr := h.z.TagName()
			h.time(hasAttr)
		}
	}
	if h.inHead {
		switch a {
		case atom.Meta, atom.Link, atom.Title, atom.Style, atom.Script, atom.Base, atom.Noscript, atom.Template:
		default:
			h.inHead = false
		}
	}
	switch a {
	case atom.Head:
		h.inHead = !selfClosing
		return
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Iframe, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Xmp, atom.Plaintext:
		h.rawTag = a.String() // the tokenizer reads the content as raw text
		return
	case atom.Br:
		h.br(start)
		return
	}
	if k, ok := skipIndex(a); ok {
		if k == skipPre {
			h.b.flush()
		}
		if !selfClosing {
			h.skip[k]++
			h.skipping++
		}
		return
	}
	if !blockLevel(a) {
		return
	}
	h.b.flush()
	h.brs = 0
	if selfClosing {
		return
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.heading = 1
	case atom.Blockquote:
		h.quote++
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		h.list++
	case atom.Li:
		h.item = min(h.item+1, max(h.list, 1)) // an open <li> ends at the next
	case atom.Table:
		h.table++
	case atom.Tr:
		h.cell = max(0, min(h.cell, h.table-1))
	case atom.Td, atom.Th:
		h.cell = min(h.cell+1, max(h.table, 1))
	}
}

func (h *htmlParser) endTag(raw []byte, start Position) {
	a := tagAtom(raw)
	switch a {
	case atom.Head:
		h.inHead = false
		return
	case atom.Br: // browsers read </br> as <br>
		h.br(start)
		return
	}
	if k, ok := skipIndex(a); ok {
		if h.skip[k] > 0 {
			h.skip[k]--
			h.skipping--
		}
		if k == skipPre {
			h.b.flush()
		}
		return
	}
	if !blockLevel(a) {
		return
	}
	h.b.flush()
	h.brs = 0
	// An unclosed <code> ends with the block that holds it.
	h.skipping -= h.skip[skipCode]
	h.skip[skipCode] = 0
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.heading = 0
	case atom.Blockquote:
		h.quote = max(0, h.quote-1)
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		h.list = max(0, h.list-1)
		h.item = min(h.item, h.list)
	case atom.Li:
		h.item = max(0, h.item-1)
	case atom.Table:
		h.table = max(0, h.table-1)
		h.cell = min(h.cell, h.table)
	case atom.Td, atom.Th:
		h.cell = max(0, h.cell-1)
	}
}

// br reads a line break: a space, and after two in a row, the end of the
// block.
func (h *htmlParser) br(start Position) {
	h.b.space(start, h.pos)
	if h.brs++; h.brs >= 2 {
		h.b.flush()
	}
}

// comment reads a comment token; a relcheck directive becomes a block.
func (h *htmlParser) comment(raw []byte, start Position) {
	if !bytes.HasPrefix(raw, []byte("<!--")) {
		return
	}
	content := raw[4:]
	switch {
	case bytes.HasSuffix(content, []byte("--!>")):
		content = content[:len(content)-4]
	case bytes.HasSuffix(content, []byte("-->")):
		content = content[:len(content)-3]
	}
	h.dir.drop()
	h.dir.collect(content, advance(start, raw[:4]))
	if isDirective(h.dir.text) {
		h.b.flush()
		h.dir.flush()
	}
	h.dir.drop()
}

// meta reads a document date from a <meta> tag.
func (h *htmlParser) meta(hasAttr bool) {
	var content string
	rank := 0
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = h.z.TagAttr()
		switch string(k) {
		case "name", "property", "itemprop":
			switch strings.ToLower(string(v)) {
			case "article:published_time", "og:published_time", "datepublished":
				rank = 1
			case "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
				"pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date":
				rank = 2
			}
		case "content":
			content = string(v)
		}
	}
	if rank > 0 && (h.dateRank == 0 || rank < h.dateRank) {
		if d := normalizeDate(content); d != "" {
			h.rd.date, h.dateRank = d, rank
		}
	}
}

// time reads a document date from the first <time datetime>.
func (h *htmlParser) time(hasAttr bool) {
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = h.z.TagAttr()
		if string(k) == "datetime" {
			if d := normalizeDate(string(v)); d != "" {
				h.rd.date, h.dateRank = d, 3
			}
			return
		}
	}
}

// tagAtom returns the atom of the name of raw, a start or end tag token:
// atom.Lookup(Tokenizer.TagName()) without the copy TagName makes. The
// tokenizer reads the name from just after "<" or "</" up to white space,
// '/' or '>', and lower-cases it; it turns NUL into U+FFFD, which no atom
// holds, as no atom holds NUL either.
func tagAtom(raw []byte) atom.Atom {
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	var name [32]byte // longer than any atom
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(name) {
			return 0
		}
		name[n] = lowerASCII(c)
		n++
	}
	return atom.Lookup(name[:n])
}

// skipIndex returns the index in htmlParser.skip of an element whose
// content is not read.
func skipIndex(a atom.Atom) (int, bool) {
	switch a {
	case atom.Pre, atom.Listing:
		return skipPre, true
	case atom.Code, atom.Kbd, atom.Samp:
		return skipCode, true
	case atom.Template:
		return skipTemplate, true
	case atom.Svg:
		return skipSVG, true
	case atom.Math:
		return skipMath, true
	case atom.Select, atom.Datalist:
		return skipSelect, true
	case atom.Object, atom.Canvas, atom.Audio, atom.Video:
		return skipObject, true
	}
	return 0, false
}

// blockLevel reports whether an element ends the block before it and starts
// a new one.
func blockLevel(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Hr, atom.Html, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
		atom.Thead, atom.Tr, atom.Ul, atom.Legend, atom.Option, atom.Optgroup:
		return true
	}
	return false
}

// hasText reports whether p holds anything but white space.
func hasText(p []byte) bool {
	for _, c := range p {
		if c > ' ' {
			return true
		}
	}
	return false
}

// pauseReader feeds the tokenizer. When a token reaches pauseLimit bytes it
// returns pauseError, which ends that tokenizer; the cut falls where a new
// tokenizer can read on: not inside a code point, not after "\r" (which may
// start "\r\n"), not within a few bytes after "<" (which may start a tag, a
// comment or the end tag of raw text) and not inside a character reference.
type pauseReader struct {
	br      *bufio.Reader
	limit   int  // pauseLimit; tests make it small
	pending int  // bytes handed over that are not part of a finished token
	cut     bool // a read stopped at the limit: the next one pauses if the token goes on
	paused  bool // a read returned pauseError

	delivered int // bytes handed over in all
	cutToken  int // where the token that reached the limit started, in delivered bytes
}

// pauseError tells the tokenizer to stop; it never leaves the package.
type pauseError struct{}

func (pauseError) Error() string { return "markup: token too long" }

func (p *pauseReader) Read(b []byte) (int, error) {
	if p.cut {
		if p.delivered-p.pending == p.cutToken {
			p.paused = true
			return 0, pauseError{}
		}
		p.cut = false // the token that reached the limit ended after all
	}
	room := p.limit - p.pending
	if room <= 0 {
		p.paused = true
		return 0, pauseError{}
	}
	// Reads short of the limit leave at least cutMargin bytes of room, so
	// the last read can always find a good place to cut. They end at the
	// first '>', which may end a tag: the parser reads the text after a tag
	// itself (see htmlParser.text).
	if len(b) <= room-cutMargin {
		if p.br.Buffered() == 0 {
			if _, err := p.br.Peek(1); err != nil {
				return 0, err
			}
		}
		avail, _ := p.br.Peek(min(len(b), p.br.Buffered()))
		if k := bytes.IndexByte(avail, '>'); k >= 0 {
			avail = avail[:k+1]
		}
		n := copy(b, avail)
		_, _ = p.br.Discard(n)
		p.pending += n
		p.delivered += n
		return n, nil
	}
	peek, err := p.br.Peek(room + 4)
	if len(peek) <= room {
		n := copy(b, peek)
		_, _ = p.br.Discard(n)
		p.pending += n
		p.delivered += n
		if n == 0 {
			return 0, err
		}
		return n, nil
	}
	base := runeBoundary(peek, room)
	if base == 0 {
		// less room than the code point at hand: hand it over whole, a few
		// bytes past the limit, rather than cut it (its halves would each be
		// counted as a column)
		_, base = utf8.DecodeRune(peek)
	}
	n := base
	if lo := max(0, n-40); bytes.LastIndexByte(peek[lo:n], '&') >= 0 {
		// Do not split a character reference.
		if i := lo + bytes.LastIndexByte(peek[lo:n], '&'); bytes.IndexAny(peek[i:n], " \t\r\n;<") < 0 {
			n = i
		}
	}
	if lo := max(0, n-12); bytes.IndexByte(peek[lo:n], '<') >= 0 {
		n = lo + bytes.IndexByte(peek[lo:n], '<')
	}
	if n == 0 {
		n = base
	}
	if n > 1 && peek[n-1] == '\r' {
		n--
	}
	copy(b, peek[:n])
	_, _ = p.br.Discard(n)
	p.cut, p.cutToken = true, p.delivered-p.pending
	p.pending += n
	p.delivered += n
	return n, nil
}
