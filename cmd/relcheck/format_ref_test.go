package main

import (
	"bytes"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/facts"
)

// claimLineRef and findingMessageRef are claimLine and findingMessage as they
// were before they appended in place: a list of parts joined, and strings
// concatenated. The appending versions must write the same bytes.
func claimLineRef(cl *checker.Claim) string {
	var parts []string
	if len(cl.Subjects) > 0 {
		parts = append(parts, strings.Join(cl.Subjects, ", "))
	}
	if cl.Negated {
		parts = append(parts, "not")
	}
	if cl.Phrase != "" {
		parts = append(parts, cl.Phrase)
	}
	if len(cl.Places) > 0 {
		parts = append(parts, strings.Join(cl.Places, ", "))
	}
	if cl.Time.Text != "" {
		parts = append(parts, cl.Time.Text)
	} else if !cl.Time.When.Start.IsZero() {
		parts = append(parts, cl.Time.When.String())
	}
	if cl.Count > 0 {
		parts = append(parts, fmt.Sprintf("×%d", cl.Count))
	}
	if cl.Duration > 0 {
		parts = append(parts, fmt.Sprintf("%d years", cl.Duration))
	}
	return strings.Join(parts, " ")
}

func findingMessageRef(cl *checker.Claim) string {
	msg := claimLineRef(cl)
	if cl.Explanation != "" {
		msg += " — " + cl.Explanation
	}
	if cl.Correction != "" {
		msg += " (correction: " + cl.Correction + ")"
	}
	return msg
}

// randomClaim fills the fields the one-line forms read with pieces that
// include empty strings, escapes and invalid UTF-8.
func randomClaim(rng *rand.Rand) *checker.Claim {
	pieces := []string{"", "brezhnev", "india", "visited", "new-delhi", "Путин", "em — dash", "tab\there", "nl\n",
		"esc\x1b[31m", "del\x7f", "c1 \u0085", "bad \xff\xfe byte", "cut \xe2\x80", "line\u2028sep", "a long plain explanation of the verdict"}
	pick := func() string { return pieces[rng.IntN(len(pieces))] }
	list := func() []string {
		var l []string
		for range rng.IntN(4) {
			l = append(l, pick())
		}
		return l
	}
	cl := &checker.Claim{Subjects: list(), Places: list(), Negated: rng.IntN(3) == 0, Phrase: pick(),
		Explanation: pick(), Correction: pick()}
	switch rng.IntN(3) {
	case 0:
		cl.Time.Text = pick()
	case 1:
		d, err := facts.ParseDate([]string{"1964", "1971-08", "2000-10-04"}[rng.IntN(3)])
		if err != nil {
			panic(err)
		}
		cl.Time.When = facts.Interval{Start: d, End: d}
	}
	if rng.IntN(3) == 0 {
		cl.Count = rng.IntN(12) - 1
	}
	if rng.IntN(3) == 0 {
		cl.Duration = rng.IntN(40) - 1
	}
	return cl
}

// TestFindingTextMatchesReference: the appending claimLine, findingMessage
// and line rendering write what the joining and concatenating ones wrote.
func TestFindingTextMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		cl := randomClaim(rng)
		if got, want := claimLine(cl), claimLineRef(cl); got != want {
			t.Fatalf("claimLine(%+v) = %q, want %q", cl, got, want)
		}
		if got, want := findingMessage(cl), findingMessageRef(cl); got != want {
			t.Fatalf("findingMessage(%+v) = %q, want %q", cl, got, want)
		}
		prefix := []byte("path:1:2: ")
		got := appendLineClean(bytes.Clone(prefix), appendFinding, cl)
		if want := string(prefix) + lineClean(findingMessageRef(cl)); string(got) != want {
			t.Fatalf("line of %+v = %q, want %q", cl, got, want)
		}
	}
}

// TestAlreadyCleanBytesAgrees: the word-at-a-time test of bytes and of
// strings agree with each other and with the escaping, on strings long
// enough to be read 32 bytes and a word at a time, with the odd character
// at any place: the runes its two- and three-byte shortcuts take and those
// at their edges (overlong forms, surrogates, U+2028, cut runes).
func TestAlreadyCleanBytesAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	odd := []string{"\x00", "\x1f", "\x7f", "\u0080", "\u009f", "\u00a0", "\u00bf", "\u00c0", "é", "\u07ff", "\u0800", "\u0fff", "\u1000",
		"\u2027", "\u2028", "\u2029", "\u202a", "\ud7ff", "\ue000", "\uffff", "\U00010000", "\U0010ffff",
		"\xff", "\xc0\xaf", "\xc1\xbf", "\xc3", "\xdf", "\xe0\x80\x80", "\xed\xa0\x80", "\xe2", "\xe2\x80", "\xe2\x80\xc0", "\xef\xbf", "\xf4\x90\x80\x80", "\x80", "\xbf",
		"Я", "—", "\t", "\n", " ", "~"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(90) {
			if rng.IntN(6) == 0 {
				b.WriteString(odd[rng.IntN(len(odd))])
			} else {
				b.WriteByte(byte(0x20 + rng.IntN(0x5f)))
			}
		}
		s := b.String()
		want := utf8.ValidString(s) && sanitizeSlow(s) == s
		if got := alreadyClean(s); got != want {
			t.Fatalf("alreadyClean(%q) = %v, want %v", s, got, want)
		}
		if got := alreadyCleanBytes([]byte(s)); got != want {
			t.Fatalf("alreadyCleanBytes(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestOddBits checks the word test against its definition: the lowest
// flagged byte is the first that is not printable ASCII (0x20 to 0x7e),
// whatever follows it, in a string and in bytes.
func TestOddBits(t *testing.T) {
	checkFirstFlagged(t, "oddBits", []byte{0x20, 0x41, 0x7e},
		func(c byte) bool { return c < 0x20 || c >= 0x7f },
		func(w []byte) int { return bits.TrailingZeros64(oddBits(load64(w))&highBits) / 8 },
		func(w []byte) int { return bits.TrailingZeros64(oddBits(load64(string(w)))&highBits) / 8 })
}

// checkFirstFlagged checks a test of eight bytes at a time against the byte
// test it stands for: for any two byte values at any two places of a word
// on each background, each of firsts gives the index of the first byte that
// flagged holds for, or 8 for none.
func checkFirstFlagged(t *testing.T, name string, backgrounds []byte, flagged func(byte) bool, firsts ...func([]byte) int) {
	t.Helper()
	for _, bg := range backgrounds {
		for p1 := range 8 {
			for p2 := p1; p2 < 8; p2++ {
				for c1 := range 256 {
					for c2 := range 256 {
						w := bytes.Repeat([]byte{bg}, 8)
						w[p1], w[p2] = byte(c1), byte(c2)
						want := 8 // none flagged
						for i, c := range w {
							if flagged(c) {
								want = i
								break
							}
						}
						for k, first := range firsts {
							if got := first(w); got != want {
								t.Fatalf("%s(% x), reading %d, flags byte %d first, want %d", name, w, k, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// FuzzAlreadyCleanReference: on any bytes, alreadyClean agrees with the
// escaping it stands in for.
func FuzzAlreadyCleanReference(f *testing.F) {
	f.Add([]byte("georgy-malenkov, lal-bahadur-shastri protocol 12 November 1983 — The record lists only the main agreements."))
	f.Add([]byte("Наталья \u2028 \xe2\x80 \xed\xa0\x80 \x1b[31m"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := string(b)
		want := utf8.ValidString(s) && sanitizeSlow(s) == s
		if got := alreadyClean(s); got != want {
			t.Fatalf("alreadyClean(%q) = %v, want %v", s, got, want)
		}
		if got := alreadyCleanBytes(b); got != want {
			t.Fatalf("alreadyCleanBytes(%q) = %v, want %v", s, got, want)
		}
	})
}
