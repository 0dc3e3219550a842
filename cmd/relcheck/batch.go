package main

import (
	"context"
	"fmt"
	"iter"
	"runtime/debug"
	"sync"
)

// work checks one input and sends its findings, in one or more parts (the
// last with More false), through send.
type work func(send func(*result))

// runBatch runs the tasks on `jobs` goroutines and hands their results to
// emit in input order, so that output never depends on scheduling. Each
// input streams its parts: the input whose turn it is goes straight to the
// output, later ones wait in small buffers, so memory stays bounded however
// long a document is. A panic inside one piece of work becomes that input's
// error. When ctx is done, no more work is taken or emitted (each part is
// emitted whole or not at all) and runBatch returns ctx's error at once.
//
// idle, unless nil, is called whenever the output is about to wait for the
// next result: emit may then buffer what it writes and idle flush it, in one
// write for all the results that were ready together, yet never hold back
// output while the run works on what comes next.
func runBatch(ctx context.Context, jobs int, tasks iter.Seq[work], emit func(*result) error, idle func() error) error {
	if jobs < 1 {
		jobs = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// streams holds each input's channel in input order; its capacity bounds
	// how far ahead of the output the workers may run
	streams := make(chan chan *result, jobs*4)
	// A worker that is free takes the next task itself, rather than wait
	// for a dispatching goroutine to be scheduled and hand it one: with as
	// many workers as cores, the workers waited so on about half the inputs
	// (a runtime trace of --jobs 2 on 2 cores). The lock keeps the inputs and
	// their streams in the same order.
	var mu sync.Mutex
	next, stop := iter.Pull(tasks)
	ended := false // streams is closed: the tasks ran out, or ctx is done
	take := func() (work, chan *result, bool) {
		mu.Lock()
		defer mu.Unlock()
		if ended {
			return nil, nil, false
		}
		if ctx.Err() == nil {
			if w, ok := next(); ok {
				ch := make(chan *result, 2)
				select {
				case streams <- ch:
					return w, ch, true
				case <-ctx.Done():
				}
			}
		}
		ended = true
		close(streams)
		return nil, nil, false
	}
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				w, ch, ok := take()
				if !ok {
					return
				}
				runWork(ctx, w, ch)
			}
		}()
	}
	var err error
	interrupted := false
	pending := false // emitted since idle was last called
	// wait calls idle, once for what was emitted, when no result is ready
	wait := func() error {
		if idle == nil || !pending {
			return nil
		}
		pending = false
		return idle()
	}
	for {
		var ch chan *result
		var ok bool
		ch, ok, interrupted, err = receive(ctx, streams, wait)
		if err != nil || !ok || interrupted {
			break
		}
		for {
			var r *result
			r, ok, interrupted, err = receive(ctx, ch, wait)
			if err != nil || !ok || interrupted {
				break
			}
			if ctx.Err() != nil {
				interrupted = true
				break
			}
			if err = emit(r); err != nil {
				break
			}
			pending = true
		}
		if err != nil {
			cancel() // stop the workers; what they send now is dropped
			break
		}
		if ctx.Err() != nil {
			break
		}
	}
	if err == nil && pending && idle != nil {
		err = idle() // what the last results wrote
	}
	if interrupted || err == nil && ctx.Err() != nil {
		// Interrupted: return at once. Work under way stops at its next read;
		// a worker may be waiting on an input that never comes (a file list
		// on standard input).
		return context.Canceled
	}
	// An emit error cancelled ctx: the workers' sends give up, and they
	// take no more work.
	wg.Wait()
	stop() // no worker is left to call next
	return err
}

// runWork runs one piece of work, closing its stream when done; a panic
// becomes an error part.
func runWork(ctx context.Context, w work, ch chan *result) {
	defer close(ch)
	send := func(r *result) {
		select {
		case ch <- r:
		case <-ctx.Done():
		}
	}
	last := false
	defer func() {
		if p := recover(); p != nil {
			send(&result{Error: fmt.Sprintf("internal error (please report it): %v\n%s", p, firstLines(string(debug.Stack()), 12))})
		} else if !last {
			send(&result{}) // a stream always ends with a last part
		}
	}()
	w(func(r *result) {
		last = !r.More
		send(r)
	})
}

func firstLines(s string, n int) string {
	for i, c := range s {
		if c == '\n' {
			n--
			if n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// receive takes the next value from ch. When none is ready it first calls
// wait (which flushes what was emitted), then waits for one, or for ctx to
// be done: interrupted, since a worker may wait on an input that never
// comes. ok is false when ch is closed.
func receive[T any](ctx context.Context, ch <-chan T, wait func() error) (v T, ok, interrupted bool, err error) {
	select {
	case v, ok = <-ch:
		return v, ok, false, nil
	default:
	}
	if err = wait(); err != nil {
		return v, false, false, err
	}
	select {
	case v, ok = <-ch:
		return v, ok, false, nil
	case <-ctx.Done():
		return v, false, true, nil
	}
}
