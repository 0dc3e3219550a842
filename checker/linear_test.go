package checker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/relcheck/relcheck/internal/doubling"
)

// TestCheckLinear checks that checking time grows linearly with the input,
// whatever its shape: doubling the input at most about doubles the time (see
// doubling.Check). The long-sentence shapes are documents of sentences
// of about 8 KiB each: within one sentence, whose length the reader bounds
// at a 64 KiB block, some lookups scan the sentence's mentions, so the cost
// per byte of a sentence of hundreds of titles or visits grows with its
// length up to that bound (about 4 MB/s at 64 KiB); across sentences it
// must not grow.
func TestCheckLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing ratios are measured without -short and without -race")
	}
	c := newDefaultChecker(t)
	rep := func(s string) func(int) string {
		return func(n int) string { return strings.Repeat(s, n/len(s)+1)[:n] }
	}
	years := func(n int) string { // "Brezhnev visited India in 1950, 1951, … and 1999."
		var b strings.Builder
		for b.Len() < n {
			b.WriteString("Brezhnev visited India in ")
			for y := 0; y < 1300; y++ {
				fmt.Fprintf(&b, "%d, ", 1950+y%50)
			}
			b.WriteString("and 1999.\n\n")
		}
		return b.String()
	}
	// sentences of about 8 KiB: s repeated, then a full stop
	long := func(s string) func(int) string {
		one := strings.Repeat(s, (8<<10)/len(s)) + "India.\n\n"
		return func(n int) string { return strings.Repeat(one, n/len(one)+1) }
	}
	shapes := []struct {
		name string
		n    int
		gen  func(n int) string
	}{
		{"many years in one sentence", 256 << 10, years},
		{"many visits in one sentence", 256 << 10, long("Brezhnev visited India in 1973 and ")},
		{"many names in one sentence", 256 << 10, long("Nehru, Gandhi, Khrushchev and Bulganin, ")},
		{"many places in one sentence", 256 << 10, long("Moscow, New Delhi, Tashkent, ")},
		{"many titles in one sentence", 256 << 10, long("Soviet Premier Kosygin, Prime Minister Indira Gandhi, ")},
		{"many pronouns in one sentence", 256 << 10, long("he visited India in 1961 and his ")},
		{"many treaties in one sentence", 256 << 10, long("the treaty signed in 1971, the agreement of 2000, ")},
		{"claim sentences", 1 << 20, rep("Brezhnev visited India in 1973. Putin came to New Delhi in 2000 for the annual summit. ")},
		{"sentences without claims", 1 << 20, rep("Rain delayed the motorcade by almost an hour. ")},
		{"relative times", 1 << 20, rep("Kosygin flew to Tashkent in 1966. He returned the following year. ")},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			small, large := sh.gen(sh.n), sh.gen(2*sh.n)
			check := func(in string) func() { return func() { c.CheckString(in, Input{}) } }
			doubling.Check(t, check(small), check(large))
		})
	}
}
