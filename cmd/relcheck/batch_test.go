package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRunBatchKeepsOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 8} {
		var got []string
		err := runBatch(context.Background(), jobs, numbered(200, func(i int) *result {
			time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
			if i == 13 {
				panic("boom")
			}
			return &result{Path: fmt.Sprint(i)}
		}), func(r *result) error {
			got = append(got, r.Path)
			return nil
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := range 200 {
			want = append(want, fmt.Sprint(i))
		}
		want[13] = "" // the panic became an error result, in its place
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("jobs %d (-want +got):\n%s", jobs, diff)
		}
	}
}

func TestRunBatchStopsOnEmitError(t *testing.T) {
	boom := errors.New("disk full")
	n := 0
	err := runBatch(context.Background(), 4, numbered(1000, func(int) *result { return &result{} }), func(*result) error {
		n++
		if n == 5 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) || n != 5 {
		t.Errorf("err %v after %d emits, want %v after 5", err, n, boom)
	}
}

func numbered(n int, f func(int) *result) iter.Seq[work] {
	return func(yield func(work) bool) {
		for i := range n {
			if !yield(func(send func(*result)) { send(f(i)) }) {
				return
			}
		}
	}
}

// TestRunBatchIdleBeforeWaiting: each result's work waits until the output
// has gone idle after the result before it, as a reader of the pipe waits
// for a finding before typing the next sentence. Without a call to idle
// whenever the output waits, the run would stall.
func TestRunBatchIdleBeforeWaiting(t *testing.T) {
	const n = 50
	for _, jobs := range []int{1, 3} {
		flushed := make([]chan struct{}, n) // closed once result i is flushed
		for i := range flushed {
			flushed[i] = make(chan struct{})
		}
		emitted, done, idles := 0, 0, 0
		tasks := numbered(n, func(i int) *result {
			if i > 0 {
				select {
				case <-flushed[i-1]:
				case <-time.After(10 * time.Second):
					return &result{Error: fmt.Sprintf("result %d never flushed", i-1)}
				}
			}
			return &result{Path: fmt.Sprint(i)}
		})
		err := runBatch(context.Background(), jobs, tasks, func(r *result) error {
			if r.Error != "" {
				t.Error(r.Error)
			}
			emitted++
			return nil
		}, func() error {
			idles++
			for ; done < emitted; done++ {
				close(flushed[done])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if emitted != n || done != n || idles > n {
			t.Errorf("jobs %d: %d results, %d flushed, idle %d times; want %d, %d, at most %d", jobs, emitted, done, idles, n, n, n)
		}
	}
}

// TestRunBatchCancel: once ctx is done, runBatch returns context.Canceled,
// having emitted a prefix of the inputs in order and nothing after.
func TestRunBatchCancel(t *testing.T) {
	for _, jobs := range []int{1, 2, 8} {
		ctx, cancel := context.WithCancel(context.Background())
		var got []string
		err := runBatch(ctx, jobs, numbered(10000, func(i int) *result {
			return &result{Path: fmt.Sprint(i)}
		}), func(r *result) error {
			got = append(got, r.Path)
			if len(got) == 100 {
				cancel()
			}
			return nil
		}, nil)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("jobs %d: err %v, want context.Canceled", jobs, err)
		}
		if len(got) != 100 {
			t.Errorf("jobs %d: %d results emitted, want the 100 before the cancel", jobs, len(got))
		}
		for i, p := range got {
			if p != fmt.Sprint(i) {
				t.Fatalf("jobs %d: result %d is %q", jobs, i, p)
			}
		}
	}
}

// TestRunBatchCancelWhileBlocked: an interrupt ends runBatch even when
// nothing will ever arrive: the walk waits on an input that never comes (a
// file list on standard input), or a worker is stuck inside its input.
func TestRunBatchCancelWhileBlocked(t *testing.T) {
	never := make(chan struct{}) // never closed: blocks for good
	sources := map[string]iter.Seq[work]{
		"the walk waits": func(yield func(work) bool) {
			if yield(func(send func(*result)) { send(&result{Path: "0"}) }) {
				<-never
			}
		},
		"a worker waits": func(yield func(work) bool) {
			if yield(func(send func(*result)) { send(&result{Path: "0"}) }) {
				yield(func(func(*result)) { <-never })
			}
		},
	}
	for name, tasks := range sources {
		for _, jobs := range []int{1, 2} {
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() {
				done <- runBatch(ctx, jobs, tasks, func(r *result) error {
					if r.Path == "0" {
						// the interrupt comes while runBatch waits for more
						time.AfterFunc(20*time.Millisecond, cancel)
					}
					return nil
				}, nil)
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("%s, jobs %d: err %v, want context.Canceled", name, jobs, err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s, jobs %d: runBatch did not return after the interrupt", name, jobs)
			}
		}
	}
}
