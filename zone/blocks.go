package zone

import "slices"

// blocks is an append-only list kept in blocks that never move: adding to
// it never copies what it holds. A portfolio's lists of overdue deadlines
// and due supervision steps reach hundreds of thousands of items of some
// 170 bytes each; a slice grown by append would copy (and the garbage
// collector rescan) every item several times over before the report is
// built. Blocks grow from 16 items up to 1024, so a small portfolio
// allocates little.
type blocks[T any] struct {
	bs [][]T
	n  int
}

const (
	firstBlock = 16
	maxBlock   = 1024
)

// add appends v.
func (l *blocks[T]) add(v T) {
	if k := len(l.bs); k == 0 || len(l.bs[k-1]) == cap(l.bs[k-1]) {
		size := firstBlock
		if k > 0 {
			size = min(2*cap(l.bs[k-1]), maxBlock)
		}
		l.bs = append(l.bs, make([]T, 0, size))
	}
	last := &l.bs[len(l.bs)-1]
	*last = append(*last, v)
	l.n++
}

// merge moves m's items after l's, without copying them; m must not be
// used afterwards.
func (l *blocks[T]) merge(m *blocks[T]) {
	l.bs = append(l.bs, m.bs...)
	l.n += m.n
	*m = blocks[T]{}
}

// sorted returns the items ordered by cmp in one slice of exactly their
// number, items that compare equal in the order they were added. Only
// pointers move while sorting, never the large items.
func (l *blocks[T]) sorted(cmp func(x, y *T) int) []T {
	type at struct {
		p *T
		i int
	}
	ps := make([]at, 0, l.n)
	for _, b := range l.bs {
		for i := range b {
			ps = append(ps, at{&b[i], len(ps)})
		}
	}
	slices.SortFunc(ps, func(x, y at) int {
		if c := cmp(x.p, y.p); c != 0 {
			return c
		}
		return x.i - y.i
	})
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p.p
	}
	return out
}
