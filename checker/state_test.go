package checker

import "testing"

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
