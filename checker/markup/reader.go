package markup

import (
	"fmt"
	"io"
)

// Reader reads blocks of readable text from an input. It is not safe for
// concurrent use.
type Reader struct {
	p     parser
	queue []*Block // finished blocks not yet returned
	head  int      // next block of queue to return
	date  string
	err   error // sticky: io.EOF or a read error
}

// parser reads its input until it has finished at least one block (it
// appends them to the Reader's queue) or the input ends; at the end it
// returns io.EOF after its last blocks.
type parser interface {
	step() error
}

// NewReader returns a Reader of r in format f (Text for an unknown format).
func NewReader(r io.Reader, f Format) *Reader {
	rd := &Reader{}
	switch f {
	case Markdown:
		rd.p = newMarkdownParser(r, rd)
	case HTML:
		rd.p = newHTMLParser(r, rd)
	default:
		rd.p = newTextParser(r, rd)
	}
	return rd
}

// Next returns the next block, or io.EOF after the last one. A read error
// from the input is returned wrapped, after the blocks read before it. Each
// call returns a new Block.
func (r *Reader) Next() (*Block, error) {
	for r.head >= len(r.queue) {
		if r.err != nil {
			return nil, r.err
		}
		r.queue, r.head = r.queue[:0], 0
		if err := r.p.step(); err != nil {
			if err == io.EOF {
				r.err = io.EOF
			} else {
				r.err = fmt.Errorf("read: %w", err)
			}
		}
	}
	b := r.queue[r.head]
	r.queue[r.head] = nil
	r.head++
	return b, nil
}

// Date returns the document's date found so far, as "2025-12-04",
// "2025-12" or "2025", or "" if none: from a Markdown front matter "date"
// key, or from HTML <meta property="article:published_time">, <meta
// name="date"> (and a few others of the kind) or else the first <time
// datetime>. A date in front matter or in <head> is known before the first
// block is returned.
func (r *Reader) Date() string { return r.date }
