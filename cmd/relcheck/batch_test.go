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
		})
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
	})
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
