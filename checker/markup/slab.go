package markup

// slab hands out small pieces of larger allocations, for the segments and
// offset maps of blocks, and for Blocks themselves: carved from slabs, they
// cost a few allocations per document rather than three per block. A piece
// is never written again once handed out, so Blocks stay immutable and may
// be kept. A kept piece keeps its whole slab alive, which costs little only
// because a slab is small: the slabs of segments and offset maps hold no
// pointers, and a slab of Blocks is only blockSlab long.
type slab[T any] struct {
	free []T // the unused rest of the current slab
}

// slabSize is the number of elements of a slab: enough for a dozen blocks,
// few enough that a short document wastes little.
const slabSize = 64

// clone returns a copy of src, nil for nil as with slices.Clone. A copy
// carved from a slab has no spare capacity, so that appending to it never
// writes into the slab.
func (s *slab[T]) clone(src []T) []T {
	n := len(src)
	if n == 0 {
		return src[:0:0]
	}
	if n > slabSize/2 {
		return append([]T(nil), src...) // big enough to be worth its own allocation
	}
	if n > len(s.free) {
		s.free = make([]T, slabSize) // the rest of the old slab is left unused
	}
	dst := s.free[:n:n]
	s.free = s.free[n:]
	copy(dst, src)
	return dst
}

// blockSlab is the length of a slab of Blocks, which hold their texts.
const blockSlab = 16

// one returns a new zero element, carved from a slab of n.
func (s *slab[T]) one(n int) *T {
	if len(s.free) == 0 {
		s.free = make([]T, n)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}
