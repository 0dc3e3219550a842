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
	}
}
