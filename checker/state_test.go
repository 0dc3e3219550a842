package checker

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSlab: the lists a slab hands out are zeroed, have no spare capacity
// and never share memory, whatever their lengths, across its chunks.
func TestSlab(t *testing.T) {
	var s slab[int]
	var lists [][]int
	for k, n := range []int{1, 1, 2, 3, 1, slabMax, 5, 2 * slabMax, 0, 1, 7, 30, 30, 30} {
		l := s.take(n)
		if len(l) != n || cap(l) != n {
			t.Fatalf("take(%d): len %d, cap %d", n, len(l), cap(l))
		}
		for i := range l {
			if l[i] != 0 {
				t.Fatalf("take(%d): not zeroed", n)
			}
			l[i] = k + 1
		}
		lists = append(lists, l)
	}
	for k, l := range lists {
		for _, v := range l {
			if v != k+1 {
				t.Fatalf("list %d was written over by a later one", k)
			}
		}
	}
}

// TestDocumentsShareNothing: document states are reused from one document
// to the next, and a document must read as if it came first. Each text
// below reads differently after the one before it if anything it left (a
// person for "he", a time for "that year", an event for "the visit", a
// country for "the two countries") were carried over.
func TestDocumentsShareNothing(t *testing.T) {
	c := newDefaultChecker(t)
	before := []string{
		"Brezhnev visited India in 1961. Indira Gandhi went to Moscow in 1966.",
		"Gorbachev visited India in 1986, and Rajiv Gandhi visited the Soviet Union in 1985.",
	}
	after := []string{
		"He visited India in 1973.",
		"She was in Moscow in 1976.",
		"This visit was his first to India.",
		"The two countries signed an agreement that year.",
		"In the same year the summit was the first.",
	}
	for _, b := range after {
		alone := c.CheckString(b, Input{})
		for _, a := range before {
			c.CheckString(a, Input{})
			if diff := cmp.Diff(alone, c.CheckString(b, Input{})); diff != "" {
				t.Errorf("%q read after %q (-alone +after):\n%s", b, a, diff)
			}
		}
	}
}
