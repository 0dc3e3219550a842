package checker

import (
	"fmt"
	"io"
	"runtime/debug"
	"sync"

	"github.com/relcheck/relcheck/checker/markup"
)

// prepared is a block read and split into classified words: the part of
// checking that depends on nothing said before it, so that it can run ahead
// of the rest in a goroutine of its own (Input.Pipelined).
type prepared struct {
	b    *markup.Block
	date string  // the document's date as the reader has found it so far
	toks []token // the words of every sentence of b, one sentence after another
	ends []int   // ends[k]: where sentence k's words end in toks
}

// words is where blocks' words are kept: one buffer for many blocks, so
// that a reused buffer's size follows the text, not the number of blocks.
type words struct {
	toks  []token
	lower []byte // the tokenizer's scratch buffer
}

// prepare fills p for block b, appending its words to w. p.toks is left to
// the caller: w.toks may move while more blocks are added (see slice).
func (c *Checker) prepare(p *prepared, b *markup.Block, date string, w *words) {
	p.b, p.date = b, date
	p.ends = p.ends[:0]
	if b.Kind == markup.Directive {
		return
	}
	from := len(w.toks)
	for _, seg := range b.Segments {
		text := b.Text[seg.Start:seg.End]
		if c.mayMatter(text) {
			w.toks, w.lower = c.lex.words.appendTokens(w.toks, w.lower, text)
		} // else no words: the sentence is counted, and holds nothing (see gate)
		p.ends = append(p.ends, len(w.toks)-from)
	}
}

// slice points p.toks at its words, which start at from in w.
func (p *prepared) slice(w *words, from int) {
	end := from
	if len(p.ends) > 0 {
		end += p.ends[len(p.ends)-1]
	}
	p.toks = w.toks[from:end]
}

// serialBlocks prepares each block when it is asked for, in one buffer,
// which goes back to serialBufs when the document is done: an archive of
// small documents would otherwise grow a new one for each.
func (c *Checker) serialBlocks(rd *markup.Reader) (next func() (*prepared, error), stop func()) {
	buf := serialBufs.Get().(*serialBuf)
	p, w := &buf.p, &buf.w
	return func() (*prepared, error) {
			b, err := rd.Next()
			if err != nil {
				return nil, err
			}
			w.toks = w.toks[:0]
			c.prepare(p, b, rd.Date(), w)
			p.slice(w, 0)
			return p, nil
		}, func() {
			p.b, p.toks = nil, nil // keep no text
			clear(w.toks[:cap(w.toks)])
			serialBufs.Put(buf)
		}
}

type serialBuf struct {
	p prepared
	w words
}

var serialBufs = sync.Pool{New: func() any { return new(serialBuf) }}

// pipelinedBlocks reads and prepares blocks in a goroutine, in batches of
// about batchBytes of text (one handover per block would cost more than the
// work it moves), up to pipelineAhead batches ahead of the caller. A block
// handed out stays valid until the next call of next. stop ends the
// goroutine and waits for it, so that the reader is never read after Check
// returns; a panic in the goroutine is raised again in the caller's, where
// recovery can see it.
func (c *Checker) pipelinedBlocks(rd *markup.Reader) (next func() (*prepared, error), stop func()) {
	type batch struct {
		ps       []*prepared // blocks, reused from batch to batch
		n        int         // how many of ps hold this batch's blocks
		w        words       // their words
		from     []int       // where each block's words start in w
		err      error       // after the blocks
		panicked any
	}
	out := make(chan *batch, pipelineAhead)
	free := make(chan *batch, pipelineAhead+2)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		send := func(bt *batch) bool {
			select {
			case out <- bt:
				return true
			case <-done:
				return false
			}
		}
		defer func() {
			if v := recover(); v != nil {
				send(&batch{panicked: fmt.Sprintf("%v (reading the document)\n%s", v, debug.Stack())})
			}
		}()
		for {
			var bt *batch
			select {
			case bt = <-free:
			default:
				bt = new(batch)
			}
			n, size := 0, 0
			bt.w.toks, bt.from = bt.w.toks[:0], bt.from[:0]
			for size < batchBytes && n < batchBlocks {
				b, err := rd.Next()
				if err != nil {
					bt.err = err
					break
				}
				if n == len(bt.ps) {
					bt.ps = append(bt.ps, new(prepared)) // every element of ps is allocated
				}
				bt.from = append(bt.from, len(bt.w.toks))
				c.prepare(bt.ps[n], b, rd.Date(), &bt.w)
				n++
				size += len(b.Text)
			}
			bt.n = n
			for k, p := range bt.ps[:n] {
				p.slice(&bt.w, bt.from[k]) // now that w.toks stays put
			}
			if !send(bt) || bt.err != nil {
				return
			}
		}
	}()
	var cur *batch // handed out: free again once its blocks are done
	k := 0
	next = func() (*prepared, error) {
		for cur == nil || k == cur.n {
			if cur != nil {
				if cur.err != nil {
					return nil, cur.err
				}
				select {
				case free <- cur:
				default:
				}
			}
			bt, ok := <-out
			switch {
			case !ok:
				return nil, io.EOF
			case bt.panicked != nil:
				panic(bt.panicked)
			}
			cur, k = bt, 0
		}
		k++
		return cur.ps[k-1], nil
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
	return next, stop
}

// A batch of prepared blocks holds about batchBytes of text, or batchBlocks
// blocks; pipelineAhead batches may wait for the checking: enough to keep
// both goroutines busy while memory stays small. Measured on a 211 MB file
// (medians of five): 8 KiB and 2 ahead left the goroutines waiting on each
// other (1.74 s); 16 KiB and 3 ahead, 1.46 s; larger batches or more of them
// ahead (32 or 64 KiB; 8 ahead) were slower again, their words no longer in
// the cache when they are checked (1.58–1.66 s).
const (
	batchBytes    = 16 << 10
	batchBlocks   = 256
	pipelineAhead = 3
)
