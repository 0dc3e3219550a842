package main

import (
	"context"
	"fmt"
	"iter"
	"runtime/debug"
	"sync"
)

// runBatch runs the tasks on `jobs` goroutines and hands the results to
// emit in index order, so that output never depends on scheduling. At most a
// window of results waits for its turn, which bounds memory. A panic inside
// one piece of work becomes that piece's error. When ctx is done, no more
// work is dispatched or emitted (a result is emitted whole or not at all) and
// runBatch returns ctx's error once the work under way has stopped.
func runBatch(ctx context.Context, jobs int, tasks iter.Seq[func() *result], emit func(*result) error) error {
	if jobs < 1 {
		jobs = 1
	}
	slots := make(chan struct{}, jobs*4) // results dispatched but not yet emitted
	type task struct {
		i    int
		work func() *result
	}
	next := make(chan task)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := map[int]*result{}
	stop, dispatched, finished := false, 0, false

	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				r := safeWork(t.work)
				mu.Lock()
				done[t.i] = r
				cond.Broadcast()
				mu.Unlock()
			}
		}()
	}
	go func() {
		defer func() {
			close(next)
			mu.Lock()
			finished = true
			cond.Broadcast()
			mu.Unlock()
		}()
		i := 0
		for work := range tasks {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			mu.Lock()
			if stop {
				mu.Unlock()
				return
			}
			dispatched++
			mu.Unlock()
			next <- task{i, work}
			i++
		}
	}()
	wake := context.AfterFunc(ctx, func() {
		mu.Lock()
		cond.Broadcast()
		mu.Unlock()
	})
	defer wake()
	var err error
	for i := 0; ; i++ {
		mu.Lock()
		for done[i] == nil && !(finished && i >= dispatched) && ctx.Err() == nil {
			cond.Wait()
		}
		r := done[i]
		delete(done, i)
		mu.Unlock()
		if ctx.Err() != nil {
			break
		}
		if r == nil {
			break
		}
		if err == nil {
			if err = emit(r); err != nil {
				mu.Lock()
				stop = true
				mu.Unlock()
			}
		}
		<-slots
	}
	if err == nil && ctx.Err() != nil {
		// Interrupted: return at once. Work under way stops at its next
		// read; the dispatcher may be waiting on an input that never comes.
		return ctx.Err()
	}
	wg.Wait()
	return err
}

func safeWork(work func() *result) (r *result) {
	defer func() {
		if p := recover(); p != nil {
			r = &result{Error: fmt.Sprintf("internal error (please report it): %v\n%s", p, firstLines(string(debug.Stack()), 12))}
		}
	}()
	return work()
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
