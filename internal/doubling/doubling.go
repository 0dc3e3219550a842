// Package doubling checks in tests that a piece of work takes linear time:
// doubling its input must at most about double its time.
package doubling

import (
	"testing"
	"time"
)

// Check runs small and large, where large does the work of small on twice
// the input, and fails t when large takes more than 3x the time of small.
// Each is timed best of 3, interleaved so that a busy machine slows both
// alike, and the whole is tried up to 5 times: a quadratic shape (about 4x)
// fails every attempt, noise does not (three attempts were once not enough
// on a machine loaded by other builds).
func Check(t testing.TB, small, large func()) {
	t.Helper()
	timed := func(f func()) time.Duration {
		start := time.Now()
		f()
		return time.Since(start)
	}
	var ratio float64
	var ts, tl time.Duration
	for attempt := 0; attempt < 5; attempt++ {
		ts, tl = time.Duration(1<<62), time.Duration(1<<62)
		for range 3 {
			ts = min(ts, timed(small))
			tl = min(tl, timed(large))
		}
		if ratio = float64(tl) / float64(max(ts, time.Millisecond)); ratio <= 3 {
			break
		}
	}
	t.Logf("%v, then %v for twice the input (%.2fx)", ts, tl, ratio)
	if ratio > 3 {
		t.Errorf("doubling the input took %.2fx the time (%v → %v)", ratio, ts, tl)
	}
}
