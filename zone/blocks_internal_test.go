package zone

import (
	"cmp"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestBlocks checks the block list behind a report's item lists: order
// kept across blocks and merges, ties kept in the order added, and an empty
// list sorted into an empty (not nil) slice.
func TestBlocks(t *testing.T) {
	type item struct{ key, seq int }
	fill := func(l *blocks[item], from, n int) {
		for i := range n {
			l.add(item{key: (from + i) % 7, seq: from + i})
		}
	}
	var a, b blocks[item]
	fill(&a, 0, 3000) // many blocks, the last one partly filled
	fill(&b, 3000, 5)
	a.merge(&b)
	if a.n != 3005 || b.n != 0 || b.bs != nil {
		t.Fatalf("after merge: a has %d items, b %d (blocks %v)", a.n, b.n, b.bs)
	}
	for i, bl := range a.bs {
		if cap(bl) > maxBlock {
			t.Errorf("block %d holds %d items, more than %d", i, cap(bl), maxBlock)
		}
	}
	got := a.sorted(func(x, y *item) int { return cmp.Compare(x.key, y.key) })
	want := make([]item, 0, 3005)
	for k := range 7 {
		for i := range 3005 {
			if i%7 == k {
				want = append(want, item{key: k, seq: i})
			}
		}
	}
	if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(item{})); diff != "" {
		t.Errorf("sorted (-want +got):\n%s", diff)
	}
	var empty blocks[item]
	if s := empty.sorted(func(x, y *item) int { return 0 }); s == nil || len(s) != 0 {
		t.Errorf("an empty list sorts to %#v, want an empty non-nil slice", s)
	}
}
