package checker

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/facts"
)

// yearOfRef is yearOf as it was, with strconv.Atoi: the reference the
// digit-by-digit one must agree with.
func yearOfRef(w string) (int, bool) {
	if len(w) != 4 || !allDigits(w) {
		return 0, false
	}
	y, _ := strconv.Atoi(w)
	return y, y >= 1800 && y <= 2099
}

func TestYearOfAgreesWithReference(t *testing.T) {
	words := []string{"", "1", "199", "19999", "199a", "a199", "19 9", "-199", "+199", "1/99", "19:9", "١٩٩٠"}
	for n := range 10000 {
		words = append(words, fmt.Sprintf("%04d", n))
	}
	for _, w := range words {
		y, ok := yearOf(w)
		wy, wok := yearOfRef(w)
		if y != wy || ok != wok {
			t.Errorf("yearOf(%q) = %d, %v; the reference says %d, %v", w, y, ok, wy, wok)
		}
	}
}

func FuzzYearOf(f *testing.F) {
	f.Add("1955")
	f.Add("19a5")
	f.Fuzz(func(t *testing.T, w string) {
		y, ok := yearOf(w)
		if wy, wok := yearOfRef(w); y != wy || ok != wok {
			t.Errorf("yearOf(%q) = %d, %v; the reference says %d, %v", w, y, ok, wy, wok)
		}
	})
}

var timeSamples = []string{
	"a twenty-year treaty", "a multi-year plan", "an a-year deal", "a 20-year treaty", "for twenty years",
	"in December", "that December", "the following December", "May", "in May", "the summer", "the summer of 1987",
	"that year", "the same year", "the following year", "two years later", "from 1966 to 1977", "the 1950s",
	"the mid-1980s", "on 18 November 1955", "December 4, 2025", "Dec. 8, 1980", "2025-12-04", "1966-77",
	"the fifteenth summit", "the treaty of friendship", "He visited Moscow twice.", "",
}

// TestMayHoldTime: appendTimes finds no time in a sentence that mayHoldTime
// turns away, in a context where every relative time would resolve.
func TestMayHoldTime(t *testing.T) {
	c := newDefaultChecker(t)
	for _, s := range append(repoSentences(t), timeSamples...) {
		checkMayHoldTime(t, c, s)
	}
}

func FuzzMayHoldTime(f *testing.F) {
	for _, s := range timeSamples {
		f.Add(s)
	}
	c := newDefaultChecker(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkMayHoldTime(t, c, s)
	})
}

func checkMayHoldTime(t *testing.T, c *Checker, s string) {
	t.Helper()
	toks := tokenize(s)
	c.lex.words.classify(toks)
	var cls wordClass
	digit := false
	for _, tok := range toks {
		cls |= tok.cls
		digit = digit || tok.digit
	}
	if mayHoldTime(cls, digit) {
		return
	}
	ctx := timeContext{last: yearIv(1990), docDate: facts.Date{Y: 2020, M: 6, D: 1, Prec: facts.Day}}
	if times := appendTimes(nil, toks, ctx); len(times) > 0 {
		t.Errorf("mayHoldTime turned away %q, which holds %d times", s, len(times))
	}
}

// TestDurations: a number joined to "-year", in digits or in words and
// whatever its case, is a duration; another word joined to "-year" is none.
func TestDurations(t *testing.T) {
	c := newDefaultChecker(t)
	tests := []struct {
		text  string
		years []int // the durations read, in order
	}{
		{"a twenty-year treaty", []int{20}},
		{"A Twenty-Year Treaty", []int{20}},
		{"a 20-year treaty", []int{20}},
		{"for twenty years", []int{20}},
		{"a ten-year plan and a fifteen-year lease", []int{10, 15}},
		{"a multi-year plan", nil},
		{"a year-long visit", nil},
		{"a landmark-year for both", nil},
	}
	for _, tc := range tests {
		toks := tokenize(tc.text)
		c.lex.words.classify(toks)
		var got []int
		for _, te := range appendTimes(nil, toks, timeContext{}) {
			if te.duration > 0 {
				got = append(got, te.duration)
			}
		}
		if diff := cmp.Diff(tc.years, got); diff != "" {
			t.Errorf("%q: durations (-want +got):\n%s", tc.text, diff)
		}
	}
}
