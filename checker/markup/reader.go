package markup

import (
	"fmt"
	"io"
	"sync"
	"unsafe"
)

// Reader reads blocks of readable text from an input. It is not safe for
// concurrent use.
type Reader struct {
	p     parser
	queue []*Block // finished blocks not yet returned
	head  int      // next block of queue to return
	date  string
	err   error // sticky: io.EOF or a read error

	// Storage for the blocks handed out, their texts, segments and offset
	// maps.
	slabs *blockSlabs
}

// blockSlabs are the slabs of a Reader's blocks. When the Reader is done,
// the rest of its slabs goes to the next Reader through freeSlabs: a
// typical document uses a fraction of a slab.
//
// An archive of short documents is read a few hundred bytes at a time, and
// a block's text, its Block and its pieces were each an allocation of their
// own. Now a Block is carved from a slab of them, and its text from a
// chunk of bytes: a kept Block or text keeps its slab or chunk alive, which
// costs little, since the checker keeps neither for long (a claim keeps its
// sentence).
type blockSlabs struct {
	blocks slab[Block]
	segs   slab[Segment]
	runs   slab[run]
	// text is the unused rest of a chunk of block texts: the bytes before
	// it, each a text handed out, are never written again (see textOf)
	text []byte
}

// textChunk is the size of the chunks block texts are carved from; a text
// longer than a quarter of it gets an allocation of its own.
const textChunk = 32 << 10

// textOf returns p, a block's text, as a string carved from the text chunk.
// The string is made without a copy of the chunk's bytes (unsafe.String):
// that is sound because the chunk is only appended to, and the bytes of a
// text, once handed out, are never written again, by this Reader or by the
// next one the chunk goes to.
func (s *blockSlabs) textOf(p []byte) string {
	n := len(p)
	if n == 0 || n > textChunk/4 {
		return string(p)
	}
	if n > cap(s.text)-len(s.text) {
		s.text = make([]byte, 0, textChunk) // the rest of the old chunk is left unused
	}
	start := len(s.text)
	s.text = append(s.text, p...)
	return unsafe.String(&s.text[start], n)
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
	var b *Block
	if len(text) <= textChunk/4 {
		b = r.slabs.blocks.one(blockSlab)
	} else {
		b = new(Block) // a long one holds a long offset map: a slab would keep others' too
	}
	*b = Block{
		Text:     r.slabs.textOf(text),
		Kind:     kind,
		Segments: r.slabs.segs.clone(segs),
		runs:     r.slabs.runs.clone(runs),
	}
	r.queue = append(r.queue, b)
}
