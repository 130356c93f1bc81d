package expr

// Specialised closures for the simple tests nearly every policy condition is
// made of: investment >= 10亿元, industry in [新能源汽车, 装备制造],
// date(signed) <= 2026-06-30, chain_leader_sourced, and and/or of them.
//
// They are written to be cheap for a processor: no closure among them
// calls another function (so none needs a stack frame), and none branches
// on the values it reads, because those change from one project to the
// next and a mispredicted branch costs more than the comparison itself.

// genLogic builds "and" (false if an operand is false, else unknown if one
// is unknown, else true) or "or" (the same with true and false swapped).
//
// Cheap operands (reading facts, comparing with constants) are all
// evaluated and combined without branching on their values: a mispredicted
// branch costs more than the tests it would skip. Costly operands (calendar
// arithmetic) come after them and are skipped once the result is decided.
func genLogic(and bool, args []*node) truthFn {
	var cheap, dear []truthFn
	for _, a := range args {
		if costly(a) {
			dear = append(dear, a.truth)
		} else {
			cheap = append(cheap, a.truth)
		}
	}
	comb, decided := or2, triT
	if and {
		comb, decided = and2, triF
	}
	var head truthFn
	switch {
	case len(cheap) == 0:
	case and && len(cheap) == 2:
		f, g := cheap[0], cheap[1]
		head = func(a *Activation) tri { return and2(f(a), g(a)) }
	case and && len(cheap) == 3:
		f, g, h := cheap[0], cheap[1], cheap[2]
		head = func(a *Activation) tri {
			x, y, z := f(a), g(a), h(a)
			return x&y&z&1 | (x|y|z)&2
		}
	case and && len(cheap) == 4:
		f, g, h, k := cheap[0], cheap[1], cheap[2], cheap[3]
		head = func(a *Activation) tri {
			x, y, z, w := f(a), g(a), h(a), k(a)
			return x&y&z&w&1 | (x|y|z|w)&2
		}
	case !and && len(cheap) == 2:
		f, g := cheap[0], cheap[1]
		head = func(a *Activation) tri { return or2(f(a), g(a)) }
	case !and && len(cheap) == 3:
		f, g, h := cheap[0], cheap[1], cheap[2]
		head = func(a *Activation) tri {
			x, y, z := f(a), g(a), h(a)
			return (x|y|z)&1 | x&y&z&2
		}
	default:
		first, rest := cheap[0], cheap[1:]
		head = func(a *Activation) tri {
			r := first(a)
			for _, f := range rest {
				r = comb(r, f(a))
			}
			return r
		}
	}
	if len(dear) == 0 {
		return head
	}
	neutral := decided.not()
	return func(a *Activation) tri {
		r := neutral
		if head != nil {
			r = head(a)
		}
		for _, f := range dear {
			if r == decided {
				return r
			}
			r = comb(r, f(a))
		}
		return r
	}
}

// genCompare builds a comparison. "fact op constant" (investment >= 10亿元)
// and "date(event) op constant" (date(signed) <= 2026-06-30) compare the
// slot's integer with the constant directly; "text fact == constant"
// compares strings; everything else compares Values.
func (cp *compiler) genCompare(n *node) truthFn {
	l, r := n.args[0], n.args[1]
	o := n.op
	if l.op == opLit && r.op != opLit {
		l, r, o = r, l, mirror(o)
	}
	fl, fr := l.eval, r.eval
	generic := func(a *Activation) tri { return compareGeneric(a, o, fl(a), fr(a)) }
	if r.op != opLit || !r.lit.Known() {
		return generic
	}
	c := r.lit
	switch {
	case l.op == opRef && c.st == stFixed && int64Class(l.typ.Kind, c.kind) && c.n != minFixed && c.n != maxFixed:
		return slotCmp(o, l.slot, c.n)
	case l.op == opEventDate && c.kind == KindDate:
		return eventCmp(o, l.slot, c.n)
	case l.op == opRef && l.typ.Kind == KindText && c.kind == KindText:
		slot, k := l.slot, c.s
		if o == opEq {
			return func(a *Activation) tri {
				v := &a.vals[slot]
				return known(v.st, triBool(v.s == k))
			}
		}
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.s != k))
		}
	}
	return generic
}

// slotCmp compares the integer of a slot with the constant k, one closure
// per operator. A decimal held exactly (out of the fixed-point range or
// with more than six places) has in n its value in millionths rounded down
// and clamped (see decimalValue); it never equals a fixed-point constant,
// so x < k exactly when n < k and x > k exactly when n >= k.
func slotCmp(o op, slot int, k int64) truthFn {
	switch o {
	case opEq:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n == k && v.st == stFixed))
		}
	case opNe:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n != k || v.st == stExact))
		}
	case opLt:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n < k))
		}
	case opLe:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n < k || v.n == k && v.st == stFixed))
		}
	case opGt:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n > k || v.n == k && v.st == stExact))
		}
	default: // opGe
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, triBool(v.n >= k))
		}
	}
}

// eventCmp compares date(event) with the constant date k: unknown when the
// event has not happened by the as-of date.
func eventCmp(o op, slot int, k int64) truthFn {
	switch o {
	case opEq:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n == k))
		}
	case opNe:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n != k))
		}
	case opLt:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n < k))
		}
	case opLe:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n <= k))
		}
	case opGt:
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n > k))
		}
	default: // opGe
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return knownIf(happened(a, v), triBool(v.n >= k))
		}
	}
}

// happened returns 1 if the event v has happened by the as-of date.
func happened(a *Activation, v *Value) uint8 {
	return b2u(v.st == stFixed) & b2u(a.hasAsOf) & b2u(v.n <= int64(a.asOf))
}

// inConst builds "fact in [constants]" for text, enum, int and date facts.
func inConst(l *node, consts []Value) (truthFn, bool) {
	slot := l.slot
	switch l.typ.Kind {
	case KindText:
		return textIn(slot, consts), true
	case KindEnum:
		var mask uint64
		for _, c := range consts {
			if c.n < 0 || c.n >= 64 {
				return nil, false
			}
			mask |= 1 << uint(c.n)
		}
		return func(a *Activation) tri {
			v := &a.vals[slot]
			return known(v.st, tri(2-mask>>uint(v.n&63)&1))
		}, true
	case KindInt, KindDate:
		ints := make([]int64, 0, len(consts))
		for _, c := range consts {
			if c.kind != l.typ.Kind || c.st != stFixed {
				return nil, false
			}
			ints = append(ints, c.n)
		}
		return func(a *Activation) tri {
			v := &a.vals[slot]
			var found uint8
			for _, k := range ints {
				found |= b2u(v.n == k)
			}
			return known(v.st, tri(2-found))
		}, true
	}
	return nil, false
}

// textIn tests a text slot against constant texts. Texts of 8 to 16 bytes
// (two to five Chinese characters: 装备制造, 新能源汽车) are compared by
// their length and their first and last eight bytes, which identify them
// exactly, against all constants at once; other lengths compare as strings.
func textIn(slot int, consts []Value) truthFn {
	var keys []textKey
	var others []string
	for _, c := range consts {
		if n := len(c.s); n >= 8 && n <= 16 {
			keys = append(keys, textKey{n: n, head: le64(c.s), tail: le64(c.s[n-8:])})
		} else {
			others = append(others, c.s)
		}
	}
	if len(others) == 0 && len(keys) <= 4 {
		// Up to four constants, unrolled: the closure calls nothing.
		k := [4]textKey{{n: -1}, {n: -1}, {n: -1}, {n: -1}}
		copy(k[:], keys)
		return func(a *Activation) tri {
			v := &a.vals[slot]
			s := v.s
			var found uint8
			if n := len(s); n >= 8 && n <= 16 {
				head, tail := le64(s), le64(s[n-8:])
				found = b2u(k[0].n == n)&b2u(k[0].head == head)&b2u(k[0].tail == tail) |
					b2u(k[1].n == n)&b2u(k[1].head == head)&b2u(k[1].tail == tail) |
					b2u(k[2].n == n)&b2u(k[2].head == head)&b2u(k[2].tail == tail) |
					b2u(k[3].n == n)&b2u(k[3].head == head)&b2u(k[3].tail == tail)
			}
			return known(v.st, tri(2-found))
		}
	}
	return func(a *Activation) tri {
		v := &a.vals[slot]
		s := v.s
		var found uint8
		if n := len(s); n >= 8 && n <= 16 {
			head, tail := le64(s), le64(s[n-8:])
			for i := range keys {
				c := &keys[i]
				found |= b2u(c.n == n) & b2u(c.head == head) & b2u(c.tail == tail)
			}
		} else {
			for _, o := range others {
				found |= b2u(s == o)
			}
		}
		return known(v.st, tri(2-found))
	}
}

// textKey identifies a text of 8 to 16 bytes exactly.
type textKey struct {
	n          int
	head, tail uint64
}

// le64 reads the first eight bytes of s as a little-endian integer (the
// compiler makes it one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
