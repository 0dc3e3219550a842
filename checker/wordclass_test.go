package checker

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestWordTable: the table finds every word it holds, by its normal form
// and, for an ASCII word, as written with capitals, and finds nothing else.
// The words are short and long, share prefixes, and some are not ASCII.
func TestWordTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 43))
	letters := []string{"a", "b", "e", "r", "s", "0", "-", ".", "'", "é"}
	word := func() string {
		var b strings.Builder
		b.WriteString("rela") // a shared prefix, so that many words differ only past eight bytes
		for range rng.IntN(14) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		return b.String()[rng.IntN(4):]
	}
	wt, held := &wordTable{}, map[string]*wordInfo{}
	for range 3000 {
		w := word()
		wi := wt.add(w)
		if held[w] == nil {
			held[w] = wi
		} else if wi != held[w] {
			t.Fatalf("add(%q) made a second entry", w)
		}
	}
	for w, wi := range held {
		if wt.info(w) != wi {
			t.Fatalf("info(%q) is not what add gave", w)
		}
		if strings.ContainsRune(w, 'é') || !isGateByte(w[0]) {
			continue // findWritten reads ASCII words that begin with a letter or digit
		}
		written := []byte(w)
		for k := range written {
			if rng.IntN(2) == 0 {
				written[k] = byte(strings.ToUpper(string(written[k]))[0])
			}
		}
		s := string(written)
		if e := wt.findWritten(s, writtenPrefix(s, 0, len(s))); e == nil || e.info != wi {
			t.Fatalf("findWritten(%q) did not find %q", s, w)
		}
		if e := findLowerWritten(wt, s); len(s) < 16 && (e == nil || e.info != wi) {
			t.Fatalf("findLower(%q) did not find %q", s, w)
		}
	}
	for h := range held {
		if len(h) < 10 || h[8] == 'x' {
			continue
		}
		w := h[:8] + "x" + h[9:] // as long as a word held, as alike, and hashed alike
		if held[w] != nil {
			continue
		}
		if wt.info(w) != nil {
			t.Fatalf("info(%q) found a word never added", w)
		}
		if !strings.ContainsRune(w, 'é') && isGateByte(w[0]) && wt.findWritten(w, writtenPrefix(w, 0, len(w))) != nil {
			t.Fatalf("findWritten(%q) found a word never added", w)
		}
		if !strings.ContainsRune(w, 'é') && isGateByte(w[0]) && findLowerWritten(wt, w) != nil {
			t.Fatalf("findLower(%q) found a word never added", w)
		}
	}
}

// findLowerWritten asks findLower for the ASCII word w as written, as the
// tokenizer's scan asks it: its lower case as two numbers (nil for a word
// of sixteen bytes or more, which scan does not ask about).
func findLowerWritten(wt *wordTable, w string) *wordEntry {
	if len(w) >= 16 {
		return nil
	}
	var rest uint64
	if len(w) > 8 {
		rest = writtenPrefix(w, 8, len(w))
	}
	return wt.findLower(writtenPrefix(w, 0, len(w)), rest, len(w), w[len(w)-1]|0x20)
}
