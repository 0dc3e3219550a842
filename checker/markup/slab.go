package markup

// slab hands out small pieces of larger allocations, for the segments and
// offset maps of blocks: carved from slabs, they cost a few allocations per
// document rather than two per block. A piece is never written again once
// handed out, so Blocks stay immutable and may be kept. T must hold no
// pointers: a kept piece keeps its whole slab alive, which costs little only
// because a slab is small and retains nothing else.
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
