package checker

import (
	"strings"
	"testing"
)

var ignoreMarkSamples = []string{
	"", ":", "relcheck:ignore", "relcheck:ignor", "elcheck:ignore", "x relcheck:ignore y",
	"a: b: relcheck:ignore", "relcheck::ignore relcheck:ignore", "relcheck relcheck:ignore:", "rrelcheck:ignore",
	"Putin visited India in 2000: relcheck:ignore.", "no mark here, at all",
}

// TestHasIgnoreMark checks hasIgnoreMark against strings.Contains, its
// reference.
func TestHasIgnoreMark(t *testing.T) {
	for _, s := range ignoreMarkSamples {
		if got, want := hasIgnoreMark(s), strings.Contains(s, ignoreMark); got != want {
			t.Errorf("hasIgnoreMark(%q) = %v, strings.Contains says %v", s, got, want)
		}
	}
}

func FuzzHasIgnoreMark(f *testing.F) {
	for _, s := range ignoreMarkSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasIgnoreMark(s), strings.Contains(s, ignoreMark); got != want {
			t.Errorf("hasIgnoreMark(%q) = %v, strings.Contains says %v", s, got, want)
		}
	})
}
