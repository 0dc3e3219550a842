package markup

import (
	"fmt"
	"io"
	"sync"
)

// Reader reads blocks of readable text from an input. It is not safe for
// concurrent use.
type Reader struct {
	p     parser
	queue []*Block // finished blocks not yet returned
	head  int      // next block of queue to return
	date  string
	err   error // sticky: io.EOF or a read error

	// Storage for the segments and offset maps of the blocks handed out.
	// Blocks themselves are allocated one by one: a slab of Blocks would
	// keep every text in it alive while the Reader fills it.
	slabs *blockSlabs
}

// blockSlabs are the slabs of a Reader's blocks. When the Reader is done,
// the rest of its slabs goes to the next Reader through freeSlabs: a
// typical document uses a fraction of a slab.
type blockSlabs struct {
	segs slab[Segment]
	runs slab[run]
}

var freeSlabs = sync.Pool{New: func() any { return new(blockSlabs) }}

// parser reads its input until it has finished at least one block (it
// appends them to the Reader's queue with emit) or the input ends; at the
// end it returns io.EOF after its last blocks. Once step has returned an
// error, release frees its buffers for other Readers and step is not called
// again.
type parser interface {
	step() error
	release()
}

// NewReader returns a Reader of r in format f (Text for an unknown format).
func NewReader(r io.Reader, f Format) *Reader {
	rd := &Reader{slabs: freeSlabs.Get().(*blockSlabs)}
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
			r.p.release()
			freeSlabs.Put(r.slabs)
			r.p, r.slabs = nil, nil
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

// emit queues a new Block made of text, kind, segs and runs, which it
// copies.
func (r *Reader) emit(text []byte, kind Kind, segs []Segment, runs []run) {
	r.queue = append(r.queue, &Block{
		Text:     string(text),
		Kind:     kind,
		Segments: r.slabs.segs.clone(segs),
		runs:     r.slabs.runs.clone(runs),
	})
}
