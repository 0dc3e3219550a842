package markup

import (
	"io"
	"sync"
	"unicode"
	"unicode/utf8"
)

// textParser reads plain text. Blank lines separate paragraphs; a single line
// break joins two lines with a space, except after a line that ends a
// sentence or before a line that starts with a list marker, which start a new
// block. Lines that start with "-", "*", "+", "•" or a number and "." or ")"
// are list items.
type textParser struct {
	lr      *lineReader
	rd      *Reader
	b       *builder
	open    bool     // a block is in progress
	brk     Position // where the last line added ended
	scratch []byte
}

// textParsers holds the parsers of finished Readers, with their buffers,
// for the reason lineBufs holds line buffers.
var textParsers = sync.Pool{New: func() any { return &textParser{b: newBuilder(nil, Paragraph)} }}

func newTextParser(r io.Reader, rd *Reader) *textParser {
	t := textParsers.Get().(*textParser)
	*t = textParser{lr: newLineReader(r), rd: rd, b: t.b, scratch: t.scratch[:0]}
	t.b.reset(rd, Paragraph)
	return t
}

// release gives the line buffer back, and the parser to textParsers.
func (t *textParser) release() {
	t.lr.release()
	t.lr, t.rd = nil, nil
	t.b.reset(nil, Paragraph)
	textParsers.Put(t)
}

func (t *textParser) step() error {
	for len(t.rd.queue) == 0 {
		c, err := t.lr.next()
		if err != nil {
			t.b.flush()
			return err
		}
		t.line(c)
	}
	return nil
}

func (t *textParser) line(c chunk) {
	if !c.first {
		t.brk = t.b.add(c.b, c.pos, entNone)
		return
	}
	if isBlank(c.b) && !c.more {
		t.b.flush()
		t.open = false
		return
	}
	ind := indentBytes(c.b)
	body := c.b[ind:]
	pos := advance(c.pos, c.b[:ind])
	switch m := listMarker(body, 2); {
	case m.ok:
		t.b.flush()
		t.b.kind = ListItem
		t.open = true
		pos = advance(pos, body[:m.width])
		body = body[m.width:]
	case t.open && lineEndsSentence(t.b.text, body, &t.scratch):
		t.b.flush()
		t.b.kind = Paragraph
	case t.open:
		t.b.space(t.brk, c.pos)
	default:
		t.b.kind = Paragraph
		t.open = true
	}
	t.brk = t.b.add(body, pos, entNone)
}

// isBlank reports whether s is empty or white space only.
func isBlank(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// indentBytes returns the number of leading spaces and tabs of s.
func indentBytes(s []byte) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// marker describes a list marker at the start of a line.
type marker struct {
	ok      bool
	width   int  // the marker and the white space after it
	ordered bool // a number
	num     int  // the number of an ordered marker
	empty   bool // nothing follows the marker on the line
	spaces  int  // white space after the marker, in columns
}

// listMarker reads a list marker at the start of s: "-", "*", "+", "•", or
// 1 to maxDigits digits and "." or ")", followed by white space or the end
// of the line.
func listMarker(s []byte, maxDigits int) marker {
	var m marker
	n := 0
	switch {
	case len(s) > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+'):
		n = 1
	case len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA2: // •
		n = 3
	default:
		for n < len(s) && n < maxDigits && isDigit(s[n]) {
			m.num = m.num*10 + int(s[n]-'0')
			n++
		}
		if n == 0 || n >= len(s) || s[n] != '.' && s[n] != ')' {
			return marker{}
		}
		n++
		m.ordered = true
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return marker{}
	}
	w := n
	for w < len(s) && (s[w] == ' ' || s[w] == '\t') {
		w++
	}
	m.ok, m.width, m.empty, m.spaces = true, w, w == len(s), w-n
	return m
}

// lineEndsSentence reports whether a line break after text, followed by a
// line starting with next, ends a sentence: text ends with '.', '!', '?',
// '…' or ':' (and perhaps closing quotes) that boundary accepts.
func lineEndsSentence(text, next []byte, scratch *[]byte) bool {
	e := trimSpaceRight(text, 0, len(text))
	lo := max(0, e-64)
	te := e
	for te > lo {
		r, size := utf8.DecodeLastRune(text[lo:te])
		if r != '"' && r != '\'' && r != '”' && r != '’' && r != ')' && r != ']' && r != '»' {
			break
		}
		te -= size
	}
	ts := te
	for ts > lo {
		if c := text[ts-1]; c == '.' || c == '!' || c == '?' {
			ts--
		} else if ts-3 >= lo && isEllipsis(text, ts-3) {
			ts -= 3
		} else {
			break
		}
	}
	if ts == te {
		if te > lo && text[te-1] == ':' {
			r, _ := utf8.DecodeRune(next[skipOpeners(next, 0):])
			return !unicode.IsLower(r)
		}
		return false
	}
	s := append((*scratch)[:0], text[lo:e]...)
	s = append(s, ' ')
	s = append(s, next[:min(len(next), 64)]...)
	*scratch = s
	return boundary(s, ts-lo, te-lo, e-lo, skipSpace(s, e-lo))
}
