package markup

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

// maxChunk is the most bytes of one line the line reader returns at once; a
// longer line comes in several chunks.
const maxChunk = 32 << 10

// lineBuf is the size of the line reader's buffer: a chunk, the next line's
// head for peekLine, and room to read.
const lineBuf = 4 * maxChunk

// bom is the UTF-8 byte order mark.
const bom = "\xef\xbb\xbf"

// chunk is a line, or a piece of a long one.
type chunk struct {
	b     []byte   // content, without the line ending; valid until the next call
	pos   Position // original position of b[0]
	first bool     // b starts a line
	more  bool     // the line continues in the next chunk
}

// lineReader splits its input into lines ending in "\n", "\r\n" or "\r",
// tracking the original position of each.
type lineReader struct {
	r     io.Reader
	buf   []byte
	i, n  int // unread data is buf[i:n]
	cur   int // start in buf of the chunk last returned
	eof   bool
	err   error // a read error other than io.EOF
	pos   Position
	first bool // the next chunk starts a line
	begun bool
	cr    int // the offset in buf of the next '\r' at or after i, n if none before n; -1 unknown
}

// lineBufs holds the buffers of finished lineReaders. A typical document is
// far smaller than a buffer, so allocating and clearing a new buffer for each
// would cost more than reading the document.
var lineBufs = sync.Pool{New: func() any { return new([lineBuf]byte) }}

func newLineReader(r io.Reader) *lineReader {
	buf := lineBufs.Get().(*[lineBuf]byte)
	return &lineReader{r: r, buf: buf[:], pos: Position{Line: 1, Column: 1}, first: true, cr: -1}
}

// release gives the buffer back to lineBufs. The lineReader, and the chunks
// it returned, must not be used afterwards.
func (l *lineReader) release() {
	if l.buf != nil {
		lineBufs.Put((*[lineBuf]byte)(l.buf))
		l.buf, l.r = nil, nil
	}
}

// fill reads more input into the buffer, moving what is kept (from keep on)
// to its start. It returns false when nothing more can be read.
func (l *lineReader) fill(keep int) bool {
	if l.eof || l.err != nil {
		return false
	}
	l.cr = -1
	if keep > 0 {
		copy(l.buf, l.buf[keep:l.n])
		l.i -= keep
		l.cur -= keep
		l.n -= keep
	}
	if l.n == len(l.buf) {
		return false
	}
	for tries := 0; ; tries++ {
		m, err := l.r.Read(l.buf[l.n:])
		l.n += m
		if err != nil {
			if errors.Is(err, io.EOF) {
				l.eof = true
			} else {
				l.err = err
			}
			return m > 0
		}
		if m > 0 {
			return true
		}
		if tries == 100 {
			l.err = io.ErrNoProgress
			return false
		}
	}
}

// next returns the next chunk, io.EOF at the end, or a read error.
func (l *lineReader) next() (chunk, error) {
	if !l.begun {
		l.begun = true
		for l.n < len(bom) && l.fill(0) {
		}
		if bytes.HasPrefix(l.buf[:l.n], []byte(bom)) {
			l.i = len(bom)
			l.pos.Offset = len(bom)
		}
	}
	for {
		avail := l.buf[l.i:l.n]
		window := avail[:min(len(avail), maxChunk+2)]
		end, nl := l.lineEnd(window)
		if end >= 0 && end <= maxChunk {
			// A '\r' at the end of the data might be the start of "\r\n".
			if nl == 1 && window[end] == '\r' && end+1 == len(avail) && l.fill(l.i) {
				continue
			}
			return l.take(end, nl, false), nil
		}
		if len(avail) > maxChunk {
			k := runeBoundary(avail, maxChunk)
			if k == 0 {
				k = maxChunk
			}
			return l.take(k, 0, true), nil
		}
		if l.fill(l.i) {
			continue
		}
		if l.err != nil {
			return chunk{}, l.err
		}
		if len(avail) == 0 {
			return chunk{}, io.EOF
		}
		return l.take(len(avail), 0, false), nil
	}
}

// lineEnd finds the first line ending in w and returns its offset and
// length: 1 or 2 ("\r\n"). A "\r" at the very end of w has length 1. It
// returns -1, 0 if w holds no line ending.
func lineEnd(w []byte) (int, int) {
	nl := bytes.IndexByte(w, '\n')
	lim := w
	if nl >= 0 {
		lim = w[:nl]
	}
	if cr := bytes.IndexByte(lim, '\r'); cr >= 0 {
		if cr+1 == nl {
			return cr, 2
		}
		return cr, 1
	}
	if nl >= 0 {
		return nl, 1
	}
	return -1, 0
}

// lineEnd is lineEnd of w, the start of the unread data, but looks for
// '\r', which most input lacks, once for all the data in the buffer rather
// than once for each line.
func (l *lineReader) lineEnd(w []byte) (int, int) {
	if l.cr < l.i {
		l.cr = indexFrom(l.buf[:l.n], l.i, '\r')
	}
	nl := bytes.IndexByte(w, '\n')
	lim := len(w)
	if nl >= 0 {
		lim = nl
	}
	if cr := l.cr - l.i; cr < lim {
		if cr+1 == nl {
			return cr, 2
		}
		return cr, 1
	}
	if nl >= 0 {
		return nl, 1
	}
	return -1, 0
}

// take returns the next k bytes as a chunk and skips a line ending of nl
// bytes after them.
func (l *lineReader) take(k, nl int, more bool) chunk {
	c := chunk{b: l.buf[l.i : l.i+k], pos: l.pos, first: l.first, more: more}
	l.cur = l.i
	l.i += k + nl
	if more {
		l.pos = advance(l.pos, c.b)
		l.first = false
	} else {
		l.pos = Position{Offset: l.pos.Offset + k + nl, Line: l.pos.Line + 1, Column: 1}
		l.first = true
	}
	return c
}

// endOf returns the position just after a chunk's content, where its line
// ending starts.
func endOf(c chunk) Position { return advance(c.pos, c.b) }

// peekLine returns up to max bytes of the start of the next line, without
// consuming it, and whether a next line exists. The chunk last returned
// stays valid only through current.
func (l *lineReader) peekLine(max int) ([]byte, bool) {
	for {
		avail := l.buf[l.i:l.n]
		if end, _ := lineEnd(avail[:min(len(avail), max)]); end >= 0 {
			return avail[:end], true
		}
		if len(avail) >= max || l.eof || l.err != nil {
			return avail[:min(len(avail), max)], len(avail) > 0
		}
		if !l.fill(l.cur) {
			return avail[:min(len(avail), max)], len(avail) > 0
		}
	}
}

// current returns the content of the chunk last returned, which peekLine
// may have moved.
func (l *lineReader) current(c chunk) []byte { return l.buf[l.cur : l.cur+len(c.b)] }
