package expr

import "fmt"

// op is the operation of a syntax-tree node. The first group comes from the
// parser; the checker rewrites identifiers and calls into the second group.
type op uint8

const (
	opBad   op = iota // a syntax error; its args are checked, its type is invalid
	opLit             // a literal value
	opIdent           // a bare word (name, enum value or text), unresolved
	opCall            // name(args)
	opList            // [args]
	opAnd             // args[0] and args[1] and …
	opOr              // args[0] or args[1] or …
	opNot             // not args[0]
	opNeg             // -args[0]
	opEq
	opNe
	opLt
	opLe
	opGt
	opGe
	opIn    // args[0] in args[1]
	opNotIn // args[0] not in args[1]
	opAdd
	opSub
	opMul
	opDiv

	opRef       // a fact or parameter: slot
	opAsOf      // the evaluation date
	opHappened  // happened(event): slot
	opEventDate // date(event): slot
	opWorkdays  // workdays_between(a, b)
	opDays      // days_between(a, b)
	opMin       // min(args…)
	opMax       // max(args…)
	opRound     // round(x, places): places in n.places
	opWiden     // int → decimal
)

func (o op) symbol() string {
	switch o {
	case opAnd:
		return "and"
	case opOr:
		return "or"
	case opNot:
		return "not"
	case opNeg:
		return "-"
	case opEq:
		return "=="
	case opNe:
		return "!="
	case opLt:
		return "<"
	case opLe:
		return "<="
	case opGt:
		return ">"
	case opGe:
		return ">="
	case opIn:
		return "in"
	case opNotIn:
		return "not in"
	case opAdd:
		return "+"
	case opSub:
		return "-"
	case opMul:
		return "*"
	case opDiv:
		return "/"
	}
	return "?"
}

// node is a syntax-tree node. The parser fills the syntax fields, the
// checker the types and resolution, the compiler the evaluation closures.
type node struct {
	op         op
	start, end int // byte span in the source, end exclusive
	name       string
	nameEnd    int // end of the function name of a call
	args       []*node
	lit        Value
	quoted     bool // opLit from quoted text
	depth      int  // nesting depth of the subtree

	typ    Type
	slot   int
	places int  // opRound
	konst  bool // value does not depend on the activation
	decl   *Decl

	eval  evalFn
	truth truthFn
}

// parser is a recursive-descent parser with error recovery: after an error
// it inserts an opBad node and carries on, so that one compilation reports
// as many problems as it can.
type parser struct {
	src   string
	toks  []token
	pos   int
	errs  *errorSink
	depth int
	abort bool // nesting limit hit: stop
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) mk(o op, start, end int, args ...*node) *node {
	n := &node{op: o, start: start, end: end, args: args}
	for _, a := range args {
		n.depth = max(n.depth, a.depth)
	}
	n.depth++
	p.checkDepth(n.depth, start, end)
	return n
}

func (p *parser) checkDepth(d, start, end int) {
	if d > MaxDepth && !p.abort {
		p.abort = true
		p.errs.addf(CodeTooDeep, start, end, "表达式嵌套太深",
			"括号、函数调用、not、负号和运算符一层套一层，最多允许 %d 层。请把条件拆成几条较简单的规则，或去掉多余的括号。", MaxDepth)
	}
}

// enter and leave guard the recursion of nested constructs.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > MaxDepth {
		t := p.peek()
		p.checkDepth(p.depth, t.start, t.end)
	}
	return !p.abort
}

func (p *parser) leave() { p.depth-- }

func (p *parser) bad(start, end int, args ...*node) *node {
	n := &node{op: opBad, start: start, end: end, args: args}
	for _, a := range args {
		n.depth = max(n.depth, a.depth)
	}
	n.depth++
	return n
}

// parse parses the whole token stream.
func (p *parser) parse() *node {
	if p.peek().kind == tEOF {
		p.errs.add(CodeEmpty, 0, len(p.src), "表达式是空的",
			"这里需要一个条件或数值，例如 investment >= 10亿元。")
		return p.bad(0, len(p.src))
	}
	x := p.parseExpr()
	for !p.abort && p.peek().kind != tEOF {
		t := p.peek()
		switch t.kind {
		case tRParen, tRBrack:
			p.errs.add(CodeSyntax, t.start, t.end, "多余的 "+p.src[t.start:t.end],
				"这个右括号前面没有与它配对的左括号。请删除它，或在前面补上左括号。")
			p.next()
			continue
		case tComma:
			p.errs.add(CodeSyntax, t.start, t.end, "多余的逗号",
				"逗号只用在列表 [a, b] 和函数参数 min(a, b) 里。两个条件之间要用 and 或 or 连接。")
			p.next()
			continue
		case tIdent, tLiteral, tString, tTrue, tFalse, tLParen, tLBrack, tNot:
			if p.errs.full() {
				p.errs.add(CodeSyntax, t.start, t.end, "", "") // counted, not listed
				break
			}
			p.errs.add(CodeSyntax, t.start, t.end, "前后两部分之间缺少运算符",
				"“"+quote(p.src[x.start:x.end])+"” 之后直接跟着 “"+quote(p.src[t.start:t.end])+"”。两个条件之间要用 and（并且）或 or（或者）连接，数值之间要用运算符，例如 + 或 >=。")
		default:
			p.errs.add(CodeSyntax, t.start, t.end, "这里不能出现 "+p.src[t.start:t.end], "")
		}
		at := p.pos
		y := p.parseExpr()
		if p.pos == at {
			p.next() // guarantee progress
		}
		x = p.bad(x.start, y.end, x, y)
	}
	return x
}

func (p *parser) parseExpr() *node { return p.parseOr() }

func (p *parser) parseOr() *node {
	x := p.parseAnd()
	if p.peek().kind != tOr {
		return x
	}
	args := []*node{x}
	for !p.abort && p.peek().kind == tOr {
		p.next()
		args = append(args, p.parseAnd())
	}
	return p.mk(opOr, x.start, args[len(args)-1].end, args...)
}

func (p *parser) parseAnd() *node {
	x := p.parseNot()
	if p.peek().kind != tAnd {
		return x
	}
	args := []*node{x}
	for !p.abort && p.peek().kind == tAnd {
		p.next()
		args = append(args, p.parseNot())
	}
	return p.mk(opAnd, x.start, args[len(args)-1].end, args...)
}

func (p *parser) parseNot() *node {
	if p.peek().kind != tNot {
		return p.parseCmp()
	}
	t := p.next()
	if !p.enter() {
		return p.bad(t.start, t.end)
	}
	x := p.parseNot()
	p.leave()
	return p.mk(opNot, t.start, x.end, x)
}

func cmpOp(k tokKind) (op, bool) {
	switch k {
	case tEq:
		return opEq, true
	case tNe:
		return opNe, true
	case tLt:
		return opLt, true
	case tLe:
		return opLe, true
	case tGt:
		return opGt, true
	case tGe:
		return opGe, true
	case tIn:
		return opIn, true
	}
	return 0, false
}

// cmpAt reports the comparison operator at the current token, if any,
// and how many tokens it takes (not in takes two).
func (p *parser) cmpAt() (op, int, bool) {
	t := p.peek()
	if o, ok := cmpOp(t.kind); ok {
		return o, 1, true
	}
	if t.kind == tNot && p.toks[p.pos+1].kind == tIn {
		return opNotIn, 2, true
	}
	return 0, 0, false
}

func (p *parser) parseCmp() *node {
	x := p.parseAdd()
	o, n, ok := p.cmpAt()
	if !ok || p.abort {
		return x
	}
	for range n {
		p.next()
	}
	y := p.parseAdd()
	x = p.mk(o, x.start, y.end, x, y)
	for !p.abort {
		o2, n2, ok := p.cmpAt()
		if !ok {
			break
		}
		t := p.peek()
		p.errs.add(CodeSyntax, t.start, t.end, "比较不能连着写",
			fmt.Sprintf("“%s” 后面又跟了一个比较 %s。要表达范围，请用 and 连接两个比较，例如 x >= 1亿元 and x < 10亿元。", quote(p.src[x.start:x.end]), o2.symbol()))
		for range n2 {
			p.next()
		}
		z := p.parseAdd()
		x = p.bad(x.start, z.end, x, z)
	}
	return x
}

func (p *parser) parseAdd() *node {
	x := p.parseMul()
	for !p.abort {
		var o op
		switch p.peek().kind {
		case tPlus:
			o = opAdd
		case tMinus:
			o = opSub
		default:
			return x
		}
		p.next()
		y := p.parseMul()
		x = p.mk(o, x.start, y.end, x, y)
	}
	return x
}

func (p *parser) parseMul() *node {
	x := p.parseUnary()
	for !p.abort {
		var o op
		switch p.peek().kind {
		case tStar:
			o = opMul
		case tSlash:
			o = opDiv
		default:
			return x
		}
		p.next()
		y := p.parseUnary()
		x = p.mk(o, x.start, y.end, x, y)
	}
	return x
}

func (p *parser) parseUnary() *node {
	if p.peek().kind != tMinus {
		return p.parsePrimary()
	}
	t := p.next()
	if !p.enter() {
		return p.bad(t.start, t.end)
	}
	x := p.parseUnary()
	p.leave()
	return p.mk(opNeg, t.start, x.end, x)
}

func (p *parser) parsePrimary() *node {
	if p.abort {
		t := p.peek()
		return p.bad(t.start, t.start)
	}
	t := p.peek()
	switch t.kind {
	case tLiteral:
		p.next()
		if !t.lit.Known() { // reported by the lexer
			return p.bad(t.start, t.end)
		}
		return &node{op: opLit, start: t.start, end: t.end, lit: t.lit, depth: 1}
	case tString:
		p.next()
		return &node{op: opLit, start: t.start, end: t.end, lit: Text(t.text), quoted: true, depth: 1}
	case tTrue, tFalse:
		p.next()
		return &node{op: opLit, start: t.start, end: t.end, lit: Bool(t.kind == tTrue), depth: 1}
	case tIdent:
		p.next()
		if p.peek().kind == tLParen {
			return p.parseCall(t)
		}
		return &node{op: opIdent, start: t.start, end: t.end, name: t.text, depth: 1}
	case tLParen:
		p.next()
		if !p.enter() {
			return p.bad(t.start, t.end)
		}
		x := p.parseExpr()
		p.leave()
		if !p.expect(tRParen, t) {
			return p.bad(t.start, x.end, x)
		}
		// The brackets belong to the term: its span includes them.
		x.start, x.end = t.start, p.toks[p.pos-1].end
		x.depth++
		p.checkDepth(x.depth, x.start, x.end)
		return x
	case tLBrack:
		p.next()
		if !p.enter() {
			return p.bad(t.start, t.end)
		}
		args, end := p.parseArgs(tRBrack, t)
		p.leave()
		return p.mk(opList, t.start, end, args...)
	case tIllegal:
		p.next()
		return p.bad(t.start, t.end)
	case tEOF:
		p.errs.add(CodeSyntax, t.start, t.end, "表达式不完整",
			"表达式在这里就结束了，但还缺少一个数值或条件。")
		return p.bad(t.start, t.end)
	}
	// An operator or closing bracket where a value belongs. Leave it to the
	// enclosing rule, which knows what to do with it.
	p.errs.add(CodeSyntax, t.start, t.end, "“"+p.src[t.start:t.end]+"” 前面缺少数值或条件",
		"这里需要一个数值、名称或括号括起来的条件。")
	return p.bad(t.start, t.start)
}

// expect consumes a token of kind k closing the construct opened by open,
// reporting its absence.
func (p *parser) expect(k tokKind, open token) bool {
	if p.peek().kind == k {
		p.next()
		return true
	}
	if p.abort {
		return false
	}
	t := p.peek()
	opener := p.src[open.start:open.end]
	if t.kind == tEOF {
		p.errs.add(CodeSyntax, open.start, open.end, "括号 "+opener+" 没有闭合",
			"表达式结束前缺少与这个 "+opener+" 配对的 "+k.String()+"。")
	} else {
		p.errs.add(CodeSyntax, t.start, t.end, "这里应该是 "+k.String(),
			"与前面的 "+opener+" 配对需要 "+k.String()+"，这里却是 “"+p.src[t.start:t.end]+"”。")
	}
	return false
}

// parseArgs parses a comma-separated list up to the closing token; the
// opening token has been consumed. A trailing comma is allowed.
func (p *parser) parseArgs(closer tokKind, open token) ([]*node, int) {
	var args []*node
	for !p.abort {
		t := p.peek()
		if t.kind == closer {
			p.next()
			return args, t.end
		}
		if t.kind == tEOF {
			p.expect(closer, open)
			return args, t.start
		}
		if t.kind == tComma {
			p.errs.add(CodeSyntax, t.start, t.end, "逗号前缺少内容", "两个逗号之间、或括号和逗号之间需要一项内容。")
			p.next()
			continue
		}
		if (t.kind == tRParen || t.kind == tRBrack) && t.kind != closer {
			p.expect(closer, open)
			p.next()
			return args, t.end
		}
		at := p.pos
		x := p.parseExpr()
		if p.pos == at {
			p.next() // guarantee progress
		}
		args = append(args, x)
		switch p.peek().kind {
		case tComma:
			p.next()
		case closer:
		case tEOF:
		default:
			u := p.peek()
			if u.kind != tRParen && u.kind != tRBrack {
				p.errs.add(CodeSyntax, u.start, u.end, "这里缺少逗号",
					"列表和函数参数的各项之间要用逗号分开，例如 [新能源汽车, 装备制造]。")
			}
		}
	}
	t := p.peek()
	return args, t.end
}

func (p *parser) parseCall(name token) *node {
	open := p.next() // (
	if !p.enter() {
		return p.bad(name.start, open.end)
	}
	args, end := p.parseArgs(tRParen, open)
	p.leave()
	n := p.mk(opCall, name.start, end, args...)
	n.name = name.text
	n.nameEnd = name.end
	return n
}
