package expr

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/devzone-go/devzone/internal/editdist"
)

// dim is the dimension of a kind: which kinds may be compared, added or
// mixed.
type dim uint8

const (
	dimNone dim = iota
	dimNumber
	dimMoney
	dimArea
	dimIntensity
	dimDate
	dimPeriod
	dimText
	dimEnum
	dimBool
	dimList
)

func dimOf(k Kind) dim {
	switch k {
	case KindInt, KindDecimal, KindPercent:
		return dimNumber
	case KindMoney:
		return dimMoney
	case KindArea:
		return dimArea
	case KindIntensity:
		return dimIntensity
	case KindDate:
		return dimDate
	case KindPeriod:
		return dimPeriod
	case KindText:
		return dimText
	case KindEnum:
		return dimEnum
	case KindBool:
		return dimBool
	case KindList:
		return dimList
	}
	return dimNone
}

// numeric reports whether values of kind k take part in arithmetic.
func numeric(k Kind) bool {
	switch dimOf(k) {
	case dimNumber, dimMoney, dimArea, dimIntensity:
		return true
	}
	return false
}

// checker resolves names and checks types. It rewrites the tree in place
// and reports every problem it finds; a node whose type is invalid does not
// cause further errors.
type checker struct {
	env  *Env
	src  string
	errs *errorSink
}

func (c *checker) text(n *node) string { return quote(c.src[n.start:n.end]) }

// desc describes an operand for a message: "investment（金额）".
func (c *checker) desc(n *node) string {
	return "“" + c.text(n) + "”（" + n.typ.label() + "）"
}

func (c *checker) mismatch(n *node, summary, detail string, args ...any) {
	c.errs.addf(CodeTypeMismatch, n.start, n.end, summary, detail, args...)
}

// example returns "例如 10亿元" for kind k, or "".
func example(k Kind) string {
	if e := kindExample(k); e != "" {
		return "（例如 " + e + "）"
	}
	return ""
}

// soft reports whether n takes its meaning from the other operand: a bare
// word that is not a declared name, or quoted text (which may name an enum
// value).
func (c *checker) soft(n *node) bool {
	switch n.op {
	case opIdent:
		if n.name == asOfName {
			return false
		}
		_, ok := c.env.names[n.name]
		return !ok
	case opLit:
		return n.quoted
	case opList:
		for _, a := range n.args {
			if !c.soft(a) {
				return false
			}
		}
		return true
	}
	return false
}

// check checks n with an expected type hint (used to read bare words and
// quoted text as enum values or text) and returns the checked node, which
// may replace n.
func (c *checker) check(n *node, hint Type) *node {
	switch n.op {
	case opBad:
		for i, a := range n.args {
			n.args[i] = c.check(a, Type{})
		}
		n.typ = Type{}
	case opLit:
		n.typ = Type{Kind: n.lit.kind}
		n.konst = true
		if n.quoted && hint.Kind == KindEnum {
			return c.enumValue(n, n.lit.s, hint)
		}
	case opIdent:
		return c.ident(n, hint)
	case opCall:
		return c.call(n)
	case opList:
		c.list(n, hint)
	case opAnd, opOr:
		n.konst = true
		for i, a := range n.args {
			a = c.check(a, Type{Kind: KindBool})
			n.args[i] = a
			c.wantBool(a, n.op.symbol())
			n.konst = n.konst && a.konst
		}
		n.typ = Type{Kind: KindBool}
	case opNot:
		a := c.check(n.args[0], Type{Kind: KindBool})
		n.args[0] = a
		c.wantBool(a, "not")
		n.typ, n.konst = Type{Kind: KindBool}, a.konst
	case opNeg:
		a := c.check(n.args[0], Type{})
		n.args[0] = a
		n.konst = a.konst
		switch {
		case a.typ.Kind == KindInvalid:
		case numeric(a.typ.Kind):
			n.typ = a.typ
		default:
			c.mismatch(n, "负号只能用在数值前面", "%s 不是数值，前面不能加负号。", c.desc(a))
		}
	case opEq, opNe, opLt, opLe, opGt, opGe:
		c.comparison(n)
	case opIn, opNotIn:
		c.membership(n)
	case opAdd, opSub, opMul, opDiv:
		c.arith(n)
	}
	return n
}

func (c *checker) wantBool(a *node, what string) {
	if a.typ.Kind == KindInvalid || a.typ.Kind == KindBool {
		return
	}
	c.mismatch(a, "这里需要一个条件（true 或 false）",
		"%s 两边必须是条件，例如 investment >= 10亿元 或 happened(signed)；%s 不是条件。", what, c.desc(a))
}

// ident resolves a bare word: an enum value (when an enum is expected),
// as_of, a declared name, or text (when text is expected).
func (c *checker) ident(n *node, hint Type) *node {
	if hint.Kind == KindEnum {
		if s := c.env.enums[hint.Enum]; s != nil {
			if i, ok := s.lookup(n.name); ok {
				c.lit(n, s.value(i))
				n.typ.Enum = hint.Enum
				return n
			}
		}
	}
	if n.name == asOfName {
		n.op, n.typ = opAsOf, Type{Kind: KindDate}
		return n
	}
	if slot, ok := c.env.names[n.name]; ok {
		d := &c.env.decls[slot]
		if d.Role == RoleEvent {
			sugg := "date(" + d.Name + ")"
			if hint.Kind == KindBool {
				sugg = "happened(" + d.Name + ")"
			}
			c.errs.addf(CodeEventUse, n.start, n.end, "事件要用 happened(…) 或 date(…) 读取",
				"%s 是事件（里程碑）。要问它是否已发生，写 happened(%s)；要用它的日期，写 date(%s)。这里可以写 %s。",
				n.name, d.Name, d.Name, sugg)
			n.op = opBad
			return n
		}
		n.op, n.slot, n.decl, n.typ = opRef, slot, d, d.Type
		return n
	}
	switch {
	case hint.Kind == KindText:
		return c.lit(n, Text(n.name))
	case hint.Kind == KindEnum && c.env.enums[hint.Enum] != nil:
		return c.enumValue(n, n.name, hint)
	}
	c.unknownName(n)
	n.op = opBad
	return n
}

func (c *checker) lit(n *node, v Value) *node {
	n.op, n.lit, n.typ, n.konst = opLit, v, Type{Kind: v.kind}, true
	if v.kind == KindEnum {
		n.typ = Type{Kind: KindEnum, Enum: ""}
	}
	return n
}

// enumValue reads word as a value of the enum hint.
func (c *checker) enumValue(n *node, word string, hint Type) *node {
	s := c.env.enums[hint.Enum]
	if s == nil {
		n.op, n.typ = opBad, Type{}
		return n
	}
	if i, ok := s.lookup(word); ok {
		c.lit(n, s.value(i))
		n.typ = Type{Kind: KindEnum, Enum: hint.Enum}
		return n
	}
	names := make([]string, 0, 2*len(s.values))
	for _, v := range s.values {
		names = append(names, v.Name)
		if v.Label != "" {
			names = append(names, v.Label)
		}
	}
	detail := fmt.Sprintf("%s 的取值只能是：%s。", hint.Enum, s.allowed())
	if m := suggest(word, names); m != "" {
		detail = fmt.Sprintf("是否想写 %s？", m) + detail
	}
	c.errs.add(CodeEnumValue, n.start, n.end, fmt.Sprintf("“%s” 不是 %s 的取值", quote(word), hint.Enum), detail)
	n.op, n.typ = opBad, Type{}
	return n
}

func (c *checker) unknownName(n *node) {
	if c.errs.full() {
		c.errs.add(CodeUnknownName, n.start, n.end, "", "")
		return
	}
	var cands []string
	for name, slot := range c.env.names {
		if c.env.decls[slot].Role != RoleEvent {
			cands = append(cands, name)
		}
	}
	cands = append(cands, asOfName)
	detail := "表达式里的名称必须是已声明的事实、参数或 as_of（评估日期）。如果这是一段文本，请加引号，例如 \"" + n.name + "\"。"
	if m := suggest(n.name, cands); m != "" {
		detail = "是否想写 " + m + "？" + detail
	}
	c.errs.add(CodeUnknownName, n.start, n.end, "不认识的名称 “"+quote(n.name)+"”", detail)
}

// list checks a list literal; all elements must be of one dimension.
func (c *checker) list(n *node, hint Type) {
	eh := Type{}
	if hint.Kind == KindList {
		eh = Type{Kind: hint.Elem, Enum: hint.Enum}
	}
	n.konst = true
	var elem Type
	var first *node
	ok := true
	for i, a := range n.args {
		a = c.check(a, eh)
		n.args[i] = a
		n.konst = n.konst && a.konst
		if a.typ.Kind == KindInvalid {
			ok = false
			continue
		}
		if a.typ.Kind == KindList {
			c.mismatch(a, "列表里不能再放列表", "%s 是列表。列表的每一项应是单个数值、文本或选项。", c.desc(a))
			ok = false
			continue
		}
		if first == nil {
			first, elem = a, a.typ
			continue
		}
		if t, same := unify(elem, a.typ); same {
			elem = t
		} else {
			c.mismatch(a, "列表里的各项必须是同一类量",
				"列表第一项 %s，这一项 %s。", c.desc(first), c.desc(a))
			ok = false
		}
	}
	if elem.Kind == KindInvalid && eh.Kind != KindInvalid {
		elem = eh
	}
	n.typ = Type{Kind: KindList, Elem: elem.Kind, Enum: elem.Enum}
	if !ok {
		n.typ = Type{}
	}
}

// unify returns the common type of two operands of the same dimension.
func unify(a, b Type) (Type, bool) {
	if dimOf(a.Kind) != dimOf(b.Kind) {
		return Type{}, false
	}
	if a.Kind == KindEnum && a.Enum != b.Enum && a.Enum != "" && b.Enum != "" {
		return Type{}, false
	}
	if a.Kind == b.Kind {
		if a.Enum == "" {
			return b, true
		}
		return a, true
	}
	return Type{Kind: KindDecimal}, true // mixed int, decimal and percent
}

// operands checks the two operands of a binary operator, reading a soft
// operand in the light of the other.
func (c *checker) operands(n *node, hintFor func(Type) Type) (*node, *node) {
	// The operand that has a meaning of its own is checked first; the
	// other may be bare words read by its type.
	first, second := n.args[0], n.args[1]
	swap := c.soft(first) && !c.soft(second)
	if swap {
		first, second = second, first
	}
	before := c.errs.count()
	first = c.check(first, Type{})
	if first.typ.Kind == KindInvalid && c.errs.count() > before && c.soft(second) {
		// The first operand is wrong, so the bare words of the other
		// cannot be read: 行业 == 新能源汽车 with 行业 undeclared is one
		// mistake, reported once, not an unknown name on each side.
		second.op, second.typ = opBad, Type{}
	} else {
		second = c.check(second, hintFor(first.typ))
	}
	l, r := first, second
	if swap {
		l, r = second, first
	}
	n.args[0], n.args[1] = l, r
	n.konst = l.konst && r.konst
	return l, r
}

func same(t Type) Type { return t }

// adoptZero lets the literal 0 stand for zero of a unit-bearing kind:
// investment > 0.
func adoptZero(a, b *node) {
	if a.op != opLit || !a.lit.Known() || (a.lit.kind != KindInt && a.lit.kind != KindDecimal) {
		return
	}
	if !isZero(a.lit) {
		return
	}
	switch b.typ.Kind {
	case KindMoney, KindArea, KindIntensity:
		a.lit = fixedValue(b.typ.Kind, 0)
		a.typ = Type{Kind: b.typ.Kind}
	}
}

func isZero(v Value) bool {
	return v.st == stFixed && v.n == 0 // an exact value is never zero
}

func (c *checker) comparison(n *node) {
	n.typ = Type{Kind: KindBool}
	l, r := c.operands(n, same)
	if l.typ.Kind == KindInvalid || r.typ.Kind == KindInvalid {
		return
	}
	adoptZero(l, r)
	adoptZero(r, l)
	sym := n.op.symbol()
	if _, ok := unify(l.typ, r.typ); !ok {
		detail := fmt.Sprintf("%s 与 %s 不能比较。比较的两边必须是同一类量", c.desc(l), c.desc(r))
		if ex := example(l.typ.Kind); ex != "" && l.op == opRef {
			detail += fmt.Sprintf("：%s 是%s，应与%s比较，%s。", c.text(l), l.typ.label(), l.typ.label(), strings.Trim(ex, "（）"))
		} else {
			detail += "。"
		}
		if r.typ.Kind == KindList {
			detail += "要判断是否属于一个列表，请用 in，例如 industry in [新能源汽车, 装备制造]。"
		}
		c.mismatch(n, fmt.Sprintf("不能比较%s和%s", l.typ.label(), r.typ.label()), "%s", detail)
		return
	}
	switch dimOf(l.typ.Kind) {
	case dimText, dimEnum, dimBool:
		if n.op != opEq && n.op != opNe {
			c.mismatch(n, fmt.Sprintf("%s只能比较是否相等", l.typ.label()),
				"%s 不能用 %s 比较大小，只能用 == 或 !=。", c.desc(l), sym)
		}
	case dimList:
		c.mismatch(n, "列表不能直接比较", "要判断一个值是否在列表中，请用 in，例如 industry in [新能源汽车, 装备制造]。")
	case dimPeriod:
		if l.op == opLit && r.op == opLit && l.lit.unit != r.lit.unit {
			c.mismatch(n, "期限单位不同，不能比较", "%s 与 %s 的单位不同（工作日、天、月、年之间不能换算）。", c.text(l), c.text(r))
		}
	}
}

func (c *checker) membership(n *node) {
	n.typ = Type{Kind: KindBool}
	l, r := c.operands(n, func(t Type) Type {
		if t.Kind == KindList {
			return Type{Kind: t.Elem, Enum: t.Enum}
		}
		if t.Kind == KindInvalid {
			return Type{}
		}
		return Type{Kind: KindList, Elem: t.Kind, Enum: t.Enum}
	})
	if l.typ.Kind == KindInvalid || r.typ.Kind == KindInvalid {
		return
	}
	if r.typ.Kind != KindList {
		c.mismatch(r, "in 后面要跟一个列表", "%s 不是列表。请写成 %s in [a, b, c] 的形式，例如 industry in [新能源汽车, 装备制造]。", c.desc(r), c.text(l))
		return
	}
	if l.typ.Kind == KindList {
		c.mismatch(l, "in 前面要是单个值", "%s 是列表；in 判断单个值是否在列表中。", c.desc(l))
		return
	}
	adoptZeroList(r, l)
	elem := Type{Kind: r.typ.Elem, Enum: r.typ.Enum}
	if elem.Kind == KindInvalid { // empty list
		return
	}
	if _, ok := unify(l.typ, elem); !ok {
		c.mismatch(n, fmt.Sprintf("%s不能在%s中查找", l.typ.label(), r.typ.label()),
			"%s 与列表 %s 的各项不是同一类量。", c.desc(l), c.desc(r))
	}
}

func adoptZeroList(list, x *node) {
	if list.op != opList {
		return
	}
	for _, a := range list.args {
		adoptZero(a, x)
	}
}

// arithResult returns the kind of l op r, or KindInvalid.
func arithResult(o op, l, r Kind) Kind {
	dl, dr := dimOf(l), dimOf(r)
	num := func(a, b Kind) Kind { // both dimNumber
		switch {
		case a == KindInt && b == KindInt:
			return KindInt
		case a == KindPercent && b == KindPercent:
			return KindPercent
		}
		return KindDecimal
	}
	switch o {
	case opAdd, opSub:
		if dl == dimDate && dr == dimPeriod {
			return KindDate
		}
		if o == opAdd && dl == dimPeriod && dr == dimDate {
			return KindDate
		}
		if dl != dr {
			return KindInvalid
		}
		switch dl {
		case dimNumber:
			return num(l, r)
		case dimMoney, dimArea, dimIntensity:
			return l
		}
	case opMul:
		if dl == dimNumber && dr != dimNumber {
			l, r, dl, dr = r, l, dr, dl
		}
		switch {
		case dl == dimNumber && dr == dimNumber:
			if l == KindPercent || r == KindPercent {
				return KindPercent // 2 * 3% = 6%, 50% * 3% = 1.5%
			}
			return num(l, r)
		case dr == dimNumber && (dl == dimMoney || dl == dimArea || dl == dimIntensity):
			return l
		case dl == dimArea && dr == dimIntensity, dl == dimIntensity && dr == dimArea:
			return KindMoney
		}
	case opDiv:
		switch {
		case dl == dimNumber && dr == dimNumber:
			if l == KindPercent && r != KindPercent {
				return KindPercent
			}
			return KindDecimal
		case dr == dimNumber && (dl == dimMoney || dl == dimArea || dl == dimIntensity):
			return l
		case dl == dr && (dl == dimMoney || dl == dimArea || dl == dimIntensity):
			return KindDecimal
		case dl == dimMoney && dr == dimArea:
			return KindIntensity
		case dl == dimMoney && dr == dimIntensity:
			return KindArea
		}
	}
	return KindInvalid
}

func (c *checker) arith(n *node) {
	l, r := c.operands(n, func(Type) Type { return Type{} })
	if l.typ.Kind == KindInvalid || r.typ.Kind == KindInvalid {
		return
	}
	k := arithResult(n.op, l.typ.Kind, r.typ.Kind)
	if k != KindInvalid {
		n.typ = Type{Kind: k}
		if k == KindDate {
			n.konst = false // counting a period needs the activation's calendar
		}
		return
	}
	sym := n.op.symbol()
	switch {
	case n.op == opSub && l.typ.Kind == KindDate && r.typ.Kind == KindDate:
		c.mismatch(n, "两个日期不能相减",
			"要算两个日期之间隔了多少天，请写 days_between(%s, %s)；按工作日算，写 workdays_between(%s, %s)。",
			c.text(r), c.text(l), c.text(r), c.text(l))
	case l.typ.Kind == KindDate || r.typ.Kind == KindDate:
		c.mismatch(n, "日期只能加减期限",
			"日期可以加上或减去一个期限，例如 date(review_passed) + 30个工作日；%s 与 %s 不能用 %s 计算。", c.desc(l), c.desc(r), sym)
	default:
		c.mismatch(n, fmt.Sprintf("%s和%s不能用 %s 计算", l.typ.label(), r.typ.label(), sym),
			"%s %s %s 没有意义。可以计算的例如：金额 + 金额、金额 * 百分比、金额 / 面积（得到每亩强度）、金额 / 金额（得到比值）、面积 * 整数。", c.desc(l), sym, c.desc(r))
	}
}

// functions

type funcInfo struct {
	op       op
	min, max int // argument counts; max < 0: unbounded
	usage    string
}

func lookupFunc(name string) (funcInfo, bool) {
	switch name {
	case "happened":
		return funcInfo{opHappened, 1, 1, "happened(signed)"}, true
	case "date":
		return funcInfo{opEventDate, 1, 1, "date(review_passed)"}, true
	case "workdays_between":
		return funcInfo{opWorkdays, 2, 2, "workdays_between(date(review_passed), as_of)"}, true
	case "days_between":
		return funcInfo{opDays, 2, 2, "days_between(date(signed), as_of)"}, true
	case "min":
		return funcInfo{opMin, 2, -1, "min(investment, 10亿元)"}, true
	case "max":
		return funcInfo{opMax, 2, -1, "max(date(signed), 2025-06-01)"}, true
	case "round":
		return funcInfo{opRound, 2, 2, "round(investment / 283.69亩, 2)"}, true
	}
	return funcInfo{}, false
}

func funcNames() []string {
	return []string{"happened", "date", "workdays_between", "days_between", "min", "max", "round"}
}

// Places accepted by round.
const (
	minPlaces = -12
	maxPlaces = scale
)

func (c *checker) call(n *node) *node {
	f, ok := lookupFunc(n.name)
	if !ok {
		for i, a := range n.args {
			n.args[i] = c.check(a, Type{})
		}
		detail := "可用的函数：" + strings.Join(funcNames(), "、") + "。"
		if _, isName := c.env.names[n.name]; isName {
			detail = n.name + " 是已声明的名称，不是函数，后面不能跟括号。" + detail
		} else if m := suggest(n.name, funcNames()); m != "" {
			detail = "是否想写 " + m + "？" + detail
		}
		c.errs.add(CodeUnknownFunction, n.start, n.nameEnd, "没有名为 “"+quote(n.name)+"” 的函数", detail)
		n.op = opBad
		return n
	}
	if len(n.args) < f.min || f.max >= 0 && len(n.args) > f.max {
		for i, a := range n.args {
			if f.op != opHappened && f.op != opEventDate {
				n.args[i] = c.check(a, Type{})
			}
		}
		want := fmt.Sprintf(" %d 个参数", f.min)
		if f.max < 0 {
			want = fmt.Sprintf("至少 %d 个参数", f.min)
		}
		c.errs.addf(CodeArity, n.start, n.end, fmt.Sprintf("%s 需要%s，这里有 %d 个", n.name, want, len(n.args)),
			"写法：%s。", f.usage)
		n.op = opBad
		return n
	}
	n.op = f.op
	switch f.op {
	case opHappened, opEventDate:
		a := n.args[0]
		slot, ok := -1, false
		if a.op == opIdent {
			slot, ok = c.env.names[a.name]
		}
		if !ok || c.env.decls[slot].Role != RoleEvent {
			var events []string
			for name, s := range c.env.names {
				if c.env.decls[s].Role == RoleEvent {
					events = append(events, name)
				}
			}
			detail := n.name + " 的参数必须是一个事件（里程碑），例如 " + f.usage + "。"
			code := CodeEventUse
			summary := "“" + c.text(a) + "” 不是事件"
			if a.op == opIdent && !ok {
				code = CodeUnknownName
				summary = "不认识的事件 “" + quote(a.name) + "”"
				if m := suggest(a.name, events); m != "" {
					detail = "是否想写 " + m + "？" + detail
				}
			}
			c.errs.add(code, a.start, a.end, summary, detail)
			n.op = opBad
			return n
		}
		n.slot, n.decl = slot, &c.env.decls[slot]
		n.args = nil
		n.typ = Type{Kind: KindBool}
		if f.op == opEventDate {
			n.typ = Type{Kind: KindDate}
		}
	case opWorkdays, opDays:
		n.konst = f.op == opDays
		for i, a := range n.args {
			a = c.check(a, Type{})
			n.args[i] = a
			n.konst = n.konst && a.konst
			if a.typ.Kind != KindInvalid && a.typ.Kind != KindDate {
				c.mismatch(a, n.name+" 的参数必须是日期", "%s 不是日期。写法：%s。", c.desc(a), f.usage)
				n.op = opBad
			}
		}
		n.typ = Type{Kind: KindInt}
	case opMin, opMax:
		n.konst = true
		var t Type
		var first *node
		for i, a := range n.args {
			a = c.check(a, Type{})
			n.args[i] = a
			n.konst = n.konst && a.konst
			if a.typ.Kind == KindInvalid {
				n.op = opBad
				continue
			}
			if !numeric(a.typ.Kind) && a.typ.Kind != KindDate {
				c.mismatch(a, n.name+" 只能用于数值、金额、面积、强度和日期", "%s 不能比较大小。", c.desc(a))
				n.op = opBad
				continue
			}
			if first == nil {
				first, t = a, a.typ
				continue
			}
			if u, ok := unify(t, a.typ); ok {
				t = u
			} else {
				c.mismatch(a, n.name+" 的参数必须是同一类量", "第一个参数 %s，这个参数 %s。", c.desc(first), c.desc(a))
				n.op = opBad
			}
		}
		n.typ = t
	case opRound:
		x := c.check(n.args[0], Type{})
		n.args[0] = x
		p := c.check(n.args[1], Type{})
		n.args[1] = p
		n.konst = x.konst
		if x.typ.Kind != KindInvalid && !numeric(x.typ.Kind) {
			c.mismatch(x, "round 只能用于数值、金额、面积、百分比和强度", "%s 不能取整。写法：%s。", c.desc(x), f.usage)
			n.op = opBad
		}
		places, ok := constInt(p)
		lo, hi := minPlaces, maxPlaces
		if x.typ.Kind == KindPercent {
			hi = maxPlaces - 2
		}
		switch {
		case p.typ.Kind == KindInvalid:
			n.op = opBad
		case !ok:
			c.errs.addf(CodeArgument, p.start, p.end, "round 的第二个参数必须是写明的整数",
				"第二个参数是保留的小数位数，例如 round(x, 2) 保留两位小数、round(x, -4) 取整到万；%s 不是写明的整数。", c.desc(p))
			n.op = opBad
		case places < int64(lo) || places > int64(hi):
			c.errs.addf(CodeArgument, p.start, p.end, fmt.Sprintf("round 的位数必须在 %d 到 %d 之间", lo, hi),
				"保留的小数位数 %d 超出范围。计算精确到小数点后 %d 位（百分比按百分点计，最多 %d 位）。", places, scale, scale-2)
			n.op = opBad
		}
		n.places = int(places)
		n.typ = x.typ
		n.args = n.args[:1]
	}
	if n.op == opBad {
		n.typ = Type{}
	}
	return n
}

// constInt returns the value of an integer literal, possibly negated.
func constInt(n *node) (int64, bool) {
	switch {
	case n.op == opLit && n.lit.kind == KindInt:
		return n.lit.n, true
	case n.op == opNeg && len(n.args) == 1:
		if v, ok := constInt(n.args[0]); ok {
			return -v, true
		}
	}
	return 0, false
}

// suggest returns the candidate closest to s, if close enough to be a
// likely typo.
func suggest(s string, cands []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range cands {
		if strings.ToLower(c) == ls {
			return c
		}
		lc := strings.ToLower(c)
		d := 1 << 20 // names of over 64 characters are never suggested
		if utf8.RuneCountInString(ls) <= 64 && utf8.RuneCountInString(lc) <= 64 {
			d = editdist.Distance(ls, lc)
		}
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	n := len([]rune(s))
	limit := 2
	if n <= 3 {
		limit = 1
	}
	if bestD <= limit && bestD < n {
		return best
	}
	return ""
}
