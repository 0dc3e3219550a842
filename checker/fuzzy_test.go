package checker

import (
	"sync"
	"testing"
)

// fuzzyPersonRef is fuzzyPerson without its memo.
func (c *Checker) fuzzyPersonRef(t token) string {
	if t.punct || !t.cap || len(t.norm) < fuzzyMinLen || !c.lex.fuzzyMay(t.norm) {
		return ""
	}
	return c.fuzzyLookup(t.norm)
}

// TestFuzzyMemo asks fuzzyPerson, from several goroutines at once, about
// the record's own names misspelt and about many more words than the memo
// has slots, so that words meet in their slots and replace each other: the
// memo must answer as fuzzyLookup does, every time.
func TestFuzzyMemo(t *testing.T) {
	c := newDefaultChecker(t)
	// each name, and each with one letter after its first changed or added:
	// words that pass fuzzyMay, some of them names misspelt
	var words []string
	for name := range c.lex.fuzzy {
		words = append(words, name)
		for k := 1; k < len(name); k++ {
			for l := 'a'; l <= 'z'; l++ {
				words = append(words, name[:k]+string(l)+name[k+1:], name[:k]+string(l)+name[k:])
			}
		}
	}
	if len(words) < 2*fuzzyMemoSize {
		t.Fatalf("%d words: too few to fill the memo", len(words))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 2 * len(words) {
				w := words[(k*(g+1))%len(words)]
				tok := token{norm: w, cap: true}
				if got, want := c.fuzzyPerson(tok), c.fuzzyPersonRef(tok); got != want {
					t.Errorf("fuzzyPerson(%q) = %q, fuzzyLookup says %q", w, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
