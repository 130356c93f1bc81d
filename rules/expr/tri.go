package expr

// tri is the evaluator's encoding of three-valued logic as two bits: bit 0
// "may be true", bit 1 "may be false". True is 01, false 10, unknown 11.
// With it, "and" is (a&b&1)|((a|b)&2), "or" is ((a|b)&1)|(a&b&2) and "not"
// swaps the bits: conditions combine without branching on their values.
// That matters because the values change from one project to the next, and
// a mispredicted branch costs more than the comparison it would skip. The
// public Truth keeps Unknown as its zero value; tri.truth and triOf convert.
type tri uint8

const (
	triT tri = 1
	triF tri = 2
	triU tri = 3
)

// truth converts to the public encoding: 1→True(2), 2→False(1), 3→Unknown(0).
func (t tri) truth() Truth { return Truth(3 - t) }

// triOf converts from the public encoding.
func triOf(t Truth) tri { return tri(3 - t) }

// b2u returns 1 for true and 0 for false; the compiler emits SETcc for it.
func b2u(b bool) uint8 {
	var i uint8
	if b {
		i = 1
	}
	return i
}

// triBool returns triT for true and triF for false.
func triBool(b bool) tri { return tri(2 - b2u(b)) }

// known returns triU when st is stUnknown and t otherwise.
func known(st state, t tri) tri { return t | tri(3*b2u(st == stUnknown)) }

// knownIf returns t when ok is 1 and triU when ok is 0.
func knownIf(ok uint8, t tri) tri { return t | tri((ok-1)&3) }

func (t tri) not() tri { return (t&1)<<1 | t>>1 }

func and2(a, b tri) tri { return a&b&1 | (a|b)&2 }

func or2(a, b tri) tri { return (a|b)&1 | a&b&2 }
