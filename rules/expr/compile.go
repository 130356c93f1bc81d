package expr

import (
	"errors"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
)

// Compile parses src, checks it against e's declarations, folds constant
// parts and returns the evaluable Program.
//
// want is the kind the whole expression must have: KindBool for a
// condition, KindInvalid for any kind. A KindDecimal want also accepts an
// int expression (its result is converted).
//
// All problems are reported at once, sorted by position, as an ErrorList
// of [*Error] values with byte offsets into src; the Program is then nil.
// The ErrorList is nil on success (use [ErrorList.Err] to get an error
// value). Compile never panics, whatever src holds.
func (e *Env) Compile(src string, want Kind) (*Program, ErrorList) {
	errs := &errorSink{srcLen: len(src)}
	if len(src) > MaxLen {
		cut := MaxLen
		for cut > 0 && !utf8.RuneStart(src[cut]) {
			cut--
		}
		errs.addf(CodeTooLong, cut, len(src), "表达式太长",
			"表达式有 %d 字节，最多允许 %d 字节（一个汉字占 3 字节）。请把它拆成几条较短的规则，或把常用的数值声明为参数。", len(src), MaxLen)
		return nil, errs.result()
	}
	lx := lexer{src: src, errs: errs}
	p := parser{src: src, toks: lx.all(), errs: errs}
	root := p.parse()
	if p.abort {
		return nil, errs.result()
	}
	c := checker{env: e, src: src, errs: errs}
	root = c.check(root, Type{Kind: want})
	if len(errs.list) == 0 && want != KindInvalid && root.typ.Kind != want {
		if want == KindDecimal && root.typ.Kind == KindInt {
			root = &node{op: opWiden, start: root.start, end: root.end, args: []*node{root},
				typ: Type{Kind: KindDecimal}, konst: root.konst}
		} else {
			c.resultType(root, want)
		}
	}
	if len(errs.list) > 0 {
		return nil, errs.result()
	}
	cp := compiler{env: e, src: src, errs: errs}
	root = cp.fold(root)
	if len(errs.list) > 0 {
		return nil, errs.result()
	}
	cp.gen(root)
	prog := &Program{env: e, src: src, root: root, typ: root.typ, eval: root.eval}
	if root.typ.Kind == KindBool {
		prog.truth = root.truth
	}
	seen := map[string]bool{}
	walk(root, func(n *node) {
		if n.decl != nil && !seen[n.decl.Name] {
			seen[n.decl.Name] = true
			prog.refs = append(prog.refs, n.decl.Name)
		}
	})
	return prog, nil
}

func (c *checker) resultType(root *node, want Kind) {
	if want == KindBool {
		detail := "这里需要一个条件，例如 investment >= 10亿元、land_mode == transfer 或 happened(signed)；" + c.desc(root) + " 不是条件。"
		if root.op == opRef && root.typ.Kind != KindBool {
			detail += "是否漏写了比较，例如 " + c.text(root) + " >= …？"
		}
		c.errs.add(CodeResultType, root.start, root.end, "这里需要一个条件（true 或 false）", detail)
		return
	}
	c.errs.addf(CodeResultType, root.start, root.end, "这里需要"+want.Label(),
		"这里需要%s%s；%s 不是。", want.Label(), example(want), c.desc(root))
}

func walk(n *node, f func(*node)) {
	f(n)
	for _, a := range n.args {
		walk(a, f)
	}
}

// compiler folds constants and builds the evaluation closures.
type compiler struct {
	env  *Env
	src  string
	errs *errorSink
}

// fold evaluates constant subtrees once, at compile time, and simplifies
// and/or with constant operands.
func (cp *compiler) fold(n *node) *node {
	for i, a := range n.args {
		n.args[i] = cp.fold(a)
	}
	switch n.op {
	case opLit:
		return n
	case opAnd, opOr:
		absorb, neutral := False, True
		if n.op == opOr {
			absorb, neutral = True, False
		}
		kept := n.args[:0]
		for _, a := range n.args {
			if a.op == opLit {
				switch a.lit.Truth() {
				case absorb:
					return cp.constant(n, boolValue(triOf(absorb)))
				case neutral:
					continue
				}
			}
			kept = append(kept, a)
		}
		n.args = kept
		switch len(kept) {
		case 0:
			return cp.constant(n, boolValue(triOf(neutral)))
		case 1:
			return kept[0]
		}
	}
	if !n.konst {
		return n
	}
	cp.gen(n)
	a := cp.env.NewActivation()
	v := n.eval(a)
	if !v.Known() {
		switch {
		case errors.Is(a.err, errDivisionByZero):
			cp.errs.add(CodeDivisionByZero, n.start, n.end, "除数为零",
				"“"+quote(cp.src[n.start:n.end])+"” 中的除数是 0，无法计算。")
		case errors.Is(a.err, errOverflow):
			cp.errs.add(CodeOverflow, n.start, n.end, "计算结果太大",
				"“"+quote(cp.src[n.start:n.end])+"” 的结果超出了可以计算的范围。")
		case a.err != nil:
			cp.errs.add(CodeTypeMismatch, n.start, n.end, "无法计算 “"+quote(cp.src[n.start:n.end])+"”", a.err.Error())
		}
		return n
	}
	if v.kind == KindList {
		// Keep the list node (its element closures serve membership tests)
		// but remember its value.
		n.lit = v
		n.eval = nil
		cp.gen(n)
		return n
	}
	return cp.constant(n, v)
}

func (cp *compiler) constant(n *node, v Value) *node {
	k := &node{op: opLit, start: n.start, end: n.end, lit: v, typ: n.typ, konst: true}
	if k.typ.Kind == KindInvalid {
		k.typ = Type{Kind: v.kind}
	}
	return k
}

// gen builds the closures of n and its subtree.
func (cp *compiler) gen(n *node) {
	if n.eval != nil {
		return
	}
	for _, a := range n.args {
		cp.gen(a)
	}
	switch n.op {
	case opLit:
		v := n.lit
		n.eval = func(*Activation) Value { return v }
		if v.kind == KindBool {
			t := v.tri()
			n.truth = func(*Activation) tri { return t }
		}
	case opList:
		cp.genList(n)
	case opRef:
		slot := n.slot
		n.eval = func(a *Activation) Value { return a.vals[slot] }
		if n.typ.Kind == KindBool {
			n.truth = func(a *Activation) tri {
				v := &a.vals[slot]
				return known(v.st, tri(2-v.n))
			}
		}
	case opAsOf:
		n.eval = func(a *Activation) Value {
			if !a.hasAsOf {
				a.err = errNoAsOf
				return Value{}
			}
			return Date(a.asOf)
		}
	case opHappened:
		slot := n.slot
		n.truth = func(a *Activation) tri {
			if !a.hasAsOf {
				a.err = errNoAsOf
				return triU
			}
			v := &a.vals[slot]
			// Not recorded (st 0) is false; recorded is true when dated no
			// later than the as-of date.
			return triBool(v.st != stUnknown && v.n <= int64(a.asOf))
		}
	case opEventDate:
		slot := n.slot
		n.eval = func(a *Activation) Value {
			v := a.vals[slot]
			if v.st == stUnknown || !a.hasAsOf || v.n > int64(a.asOf) {
				return Value{}
			}
			return v
		}
	case opAnd, opOr:
		n.truth = genLogic(n.op == opAnd, n.args)
	case opNot:
		f := n.args[0].truth
		n.truth = func(a *Activation) tri { return f(a).not() }
	case opNeg:
		f := n.args[0].eval
		n.eval = func(a *Activation) Value {
			v := f(a)
			if !v.Known() {
				return v
			}
			r, err := negate(v)
			if err != nil {
				a.err = err
			}
			return r
		}
	case opEq, opNe, opLt, opLe, opGt, opGe:
		n.truth = cp.genCompare(n)
	case opIn, opNotIn:
		t := cp.genIn(n)
		if n.op == opNotIn {
			in := t
			t = func(a *Activation) tri { return in(a).not() }
		}
		n.truth = t
	case opAdd, opSub, opMul, opDiv:
		n.eval = genArith(n)
	case opWorkdays:
		fa, fb := n.args[0].eval, n.args[1].eval
		n.eval = func(a *Activation) Value {
			x, y := fa(a), fb(a)
			if !x.Known() || !y.Known() {
				return Value{}
			}
			if a.cal == nil {
				a.err = errNoCalendar
				return Value{}
			}
			k, err := a.cal.WorkdaysBetween(date.Date(x.n), date.Date(y.n))
			if err != nil {
				a.err = err
				return Value{}
			}
			return Int(int64(k))
		}
	case opDays:
		fa, fb := n.args[0].eval, n.args[1].eval
		n.eval = func(a *Activation) Value {
			x, y := fa(a), fb(a)
			if !x.Known() || !y.Known() {
				return Value{}
			}
			r, ok := sub64(y.n, x.n)
			if !ok {
				a.err = errOverflow
				return Value{}
			}
			return Int(r)
		}
	case opMin, opMax:
		fs := evals(n.args)
		k := n.typ.Kind
		want := 1
		if n.op == opMin {
			want = -1
		}
		n.eval = func(a *Activation) Value {
			best := fs[0](a)
			if !best.Known() {
				return Value{}
			}
			for _, f := range fs[1:] {
				v := f(a)
				if !v.Known() {
					return Value{}
				}
				if c, _ := compareValues(v, best); c == want {
					best = v
				}
			}
			return as(best, k)
		}
	case opRound:
		f, places := n.args[0].eval, n.places
		n.eval = func(a *Activation) Value {
			v := f(a)
			if !v.Known() {
				return v
			}
			r, err := roundValue(v, places)
			if err != nil {
				a.err = err
			}
			return r
		}
	case opWiden:
		f := n.args[0].eval
		n.eval = func(a *Activation) Value { return widen(f(a)) }
	}
	if n.typ.Kind == KindBool {
		switch {
		case n.truth == nil && n.eval != nil:
			f := n.eval
			n.truth = func(a *Activation) tri { return f(a).tri() }
		case n.eval == nil && n.truth != nil:
			t := n.truth
			n.eval = func(a *Activation) Value { return boolValue(t(a)) }
		}
	}
	if n.eval == nil { // unreachable for checked trees; stay total
		n.eval = func(*Activation) Value { return Value{} }
	}
}

func evals(ns []*node) []evalFn {
	fs := make([]evalFn, len(ns))
	for i, a := range ns {
		fs[i] = a.eval
	}
	return fs
}

// costly reports whether evaluating n may take long: it counts working
// days or periods on the calendar.
func costly(n *node) bool {
	switch {
	case n.op == opWorkdays:
		return true
	case n.typ.Kind == KindDate && (n.op == opAdd || n.op == opSub):
		return true
	}
	for _, a := range n.args {
		if costly(a) {
			return true
		}
	}
	return false
}

// compareGeneric compares two known-or-unknown values.
func compareGeneric(a *Activation, o op, x, y Value) tri {
	if !x.Known() || !y.Known() {
		return triU
	}
	c, err := compareValues(x, y)
	if err != nil {
		a.err = err
		return triU
	}
	return cmpTri(o, c)
}

// int64Class reports whether a slot of kind k and a constant of kind lk,
// both in fixed form, compare by their n fields alone.
func int64Class(k, lk Kind) bool {
	switch {
	case k == KindInt:
		return lk == KindInt
	case isDecimalKind(k):
		return isDecimalKind(lk)
	case k == KindDate, k == KindBool, k == KindEnum:
		return lk == k
	}
	return false
}

// cmpTri applies a comparison operator to a three-way comparison result.
func cmpTri(o op, c int) tri {
	switch o {
	case opEq:
		return triBool(c == 0)
	case opNe:
		return triBool(c != 0)
	case opLt:
		return triBool(c < 0)
	case opLe:
		return triBool(c <= 0)
	case opGt:
		return triBool(c > 0)
	case opGe:
		return triBool(c >= 0)
	}
	return triU
}

// genList builds the value of a list literal. A constant list is built
// once; a list of non-constant elements is built per evaluation, which
// allocates (membership tests do not use it: see genIn).
func (cp *compiler) genList(n *node) {
	if n.lit.Known() {
		v := n.lit
		n.eval = func(*Activation) Value { return v }
		return
	}
	fs := evals(n.args)
	n.eval = func(a *Activation) Value {
		out := make([]Value, len(fs))
		for i, f := range fs {
			out[i] = f(a)
		}
		return List(out...)
	}
}

// genIn builds "x in list": unknown if x is unknown; true if an element
// equals x; otherwise unknown if an element is unknown, else false.
func (cp *compiler) genIn(n *node) truthFn {
	l, r := n.args[0], n.args[1]
	fl := l.eval
	constList := r.op == opList && r.lit.Known()
	if r.op == opList && !constList {
		elemFns := evals(r.args)
		return func(a *Activation) tri { return member(a, fl(a), nil, elemFns) }
	}
	if !constList {
		fr := r.eval
		return func(a *Activation) tri {
			x := fl(a)
			list := fr(a)
			if !x.Known() || !list.Known() {
				return triU
			}
			return memberList(a, x, list.s)
		}
	}
	consts := r.lit.List()
	if l.op == opRef {
		if f, ok := inConst(l, consts); ok {
			return f
		}
	}
	return func(a *Activation) tri { return member(a, fl(a), consts, nil) }
}

// member tests x against the values vs or the results of fs.
func member(a *Activation, x Value, vs []Value, fs []evalFn) tri {
	if !x.Known() {
		return triU
	}
	unknown := false
	n := len(vs) + len(fs)
	for i := 0; i < n; i++ {
		var e Value
		if i < len(vs) {
			e = vs[i]
		} else {
			e = fs[i-len(vs)](a)
		}
		if !e.Known() {
			unknown = true
			continue
		}
		c, err := compareValues(x, e)
		if err != nil {
			a.err = err
			unknown = true
			continue
		}
		if c == 0 {
			return triT
		}
	}
	if unknown {
		return triU
	}
	return triF
}

// memberList tests x against the elements of an encoded list.
func memberList(a *Activation, x Value, list string) tri {
	unknown := false
	for i := 0; i < len(list); {
		var e Value
		e, i = nextElem(list, i)
		if !e.Known() {
			unknown = true
			continue
		}
		c, err := compareValues(x, e)
		if err != nil {
			a.err = err
			unknown = true
			continue
		}
		if c == 0 {
			return triT
		}
	}
	if unknown {
		return triU
	}
	return triF
}

// genArith builds + - * /, including date ± period.
func genArith(n *node) evalFn {
	fl, fr := n.args[0].eval, n.args[1].eval
	o, k := n.op, n.typ.Kind
	if k == KindDate {
		dateLeft := n.args[0].typ.Kind == KindDate
		plus := o == opAdd
		return func(a *Activation) Value {
			x, y := fl(a), fr(a)
			if !x.Known() || !y.Known() {
				return Value{}
			}
			if !dateLeft {
				x, y = y, x
			}
			v, err := dateShift(a, plus, x, y)
			if err != nil {
				a.err = err
			}
			return v
		}
	}
	return func(a *Activation) Value {
		x, y := fl(a), fr(a)
		if !x.Known() || !y.Known() {
			return Value{}
		}
		v, err := arith(o, k, x, y)
		if err != nil {
			a.err = err
		}
		return v
	}
}
