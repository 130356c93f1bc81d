package expr

import (
	"errors"
	"fmt"
	"strings"
)

// Explanation is the trace of one evaluation, for auditors: the result,
// every sub-term with its value, and why an unknown result is unknown.
type Explanation struct {
	// Value is the result, the same as Program.Eval gives.
	Value Value
	// Terms lists every sub-term except literals, in source order, parents
	// before their operands: Terms[0] is the whole expression.
	Terms []Term
	// Missing names the facts and parameters without a value, the events
	// that have not happened and the conditions ([RoleCondition]) that
	// cannot be decided, that made Value unknown; nil when Value is known.
	Missing []string
	// Err joins the calculation errors that made Value unknown (a calendar
	// without data for a year, division by zero); nil if there were none.
	// errors.As reaches the underlying error, such as *calendar.NoDataError.
	Err error
}

// Term is one sub-expression and its value in one evaluation.
type Term struct {
	// Start and End are byte offsets of the term in the source, End
	// exclusive.
	Start, End int
	// Depth is the nesting depth: 0 for the whole expression, 1 for its
	// operands, and so on.
	Depth int
	// Source is the term's source text.
	Source string
	// Value is the term's value.
	Value Value
	// Missing names the facts, parameters, events and undecided conditions
	// that made the term unknown.
	Missing []string
	// Reason says why the term is unknown, in words for an auditor:
	// 缺少事实 tech_level, 事件 signed 尚未发生, or the calculation error.
	// It is empty for a known term.
	Reason string
	// Err is the calculation error that made this term unknown, wrapped with
	// the term's source; nil otherwise.
	Err error
}

// why collects the causes of unknown values.
type why struct {
	missing []string
	reasons []string
	errs    []error
}

func (w *why) empty() bool { return len(w.missing) == 0 && len(w.errs) == 0 && len(w.reasons) == 0 }

func (w *why) merge(o why) {
	for _, m := range o.missing {
		if !contains(w.missing, m) {
			w.missing = append(w.missing, m)
		}
	}
	for _, r := range o.reasons {
		if !contains(w.reasons, r) {
			w.reasons = append(w.reasons, r)
		}
	}
	w.errs = append(w.errs, o.errs...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Explain evaluates the program like [Program.Eval] and records the value of
// every sub-term and the reasons for unknown values. It allocates; use it
// for traces, not in bulk evaluation. Every operand is evaluated, including
// those Eval skips because the result is already decided.
func (p *Program) Explain(a *Activation) Explanation {
	if a == nil || a.env != p.env {
		return Explanation{Err: errForeignAct, Terms: []Term{{
			Start: 0, End: len(p.src), Source: p.src, Reason: errForeignAct.Error(), Err: errForeignAct,
		}}}
	}
	var x Explanation
	_, w := p.explain(a, p.root, 0, &x.Terms)
	x.Value = p.Eval(a)
	if !x.Value.Known() {
		x.Missing = w.missing
		x.Err = errors.Join(w.errs...)
	}
	return x
}

func (p *Program) explain(a *Activation, n *node, depth int, terms *[]Term) (Value, why) {
	if n.op == opLit || n.op == opList && n.lit.Known() {
		return n.lit, why{} // constants are shown in the source text
	}
	idx := len(*terms)
	*terms = append(*terms, Term{})
	var fromArgs why
	for _, c := range n.args {
		v, w := p.explain(a, c, depth+1, terms)
		if !v.Known() || c.op == opList {
			fromArgs.merge(w)
		}
	}
	a.err = nil
	v := n.eval(a)
	var w why
	var own error
	if !v.Known() {
		w, own = p.cause(a, n, fromArgs)
	} else if n.op == opList {
		w = fromArgs // elements that are unknown make membership unknown
	}
	t := Term{
		Start: n.start, End: n.end, Depth: depth,
		Source: p.src[n.start:n.end], Value: v,
	}
	if !v.Known() {
		t.Missing = w.missing
		t.Reason = strings.Join(w.reasons, "；")
		t.Err = own
	}
	(*terms)[idx] = t
	return v, w
}

// cause returns why the unknown node n is unknown, and the error of its own
// calculation when that is the cause.
func (p *Program) cause(a *Activation, n *node, fromArgs why) (why, error) {
	var w why
	switch n.op {
	case opRef:
		w.missing = []string{n.decl.Name}
		if n.decl.Role == RoleCondition {
			w.reasons = []string{"条件 " + n.decl.Name + " 无法判定"}
		} else {
			w.reasons = []string{"缺少" + n.decl.Role.label() + " " + n.decl.Name}
		}
		return w, nil
	case opEventDate:
		if !a.hasAsOf {
			break
		}
		w.missing = []string{n.decl.Name}
		ev := a.vals[n.slot]
		if ev.Known() {
			w.reasons = []string{fmt.Sprintf("事件 %s 在 %s 才发生，晚于评估日期 %s", n.decl.Name, ev, Date(a.asOf))}
		} else {
			w.reasons = []string{"事件 " + n.decl.Name + " 尚未发生"}
		}
		return w, nil
	}
	if !fromArgs.empty() {
		return fromArgs, nil
	}
	err := a.err
	if err == nil {
		err = errors.New("无法计算")
	}
	src := strings.TrimSpace(p.src[n.start:n.end])
	wrapped := fmt.Errorf("%s：%w", quote(src), err)
	w.errs = []error{wrapped}
	w.reasons = []string{wrapped.Error()}
	return w, wrapped
}

// String renders the explanation as an indented trace, one line per
// condition or calculation, with the values of facts inline:
//
//	investment (12亿元) >= 10亿元 → true
func (x Explanation) String() string {
	var b strings.Builder
	for i, t := range x.Terms {
		leaf := i+1 == len(x.Terms) || x.Terms[i+1].Depth <= t.Depth
		if leaf && t.Depth > 0 {
			continue // shown inline in its parent's line
		}
		b.WriteString(strings.Repeat("  ", t.Depth))
		b.WriteString(x.annotated(i))
		b.WriteString(" → ")
		b.WriteString(t.Value.String())
		if t.Reason != "" {
			b.WriteString("（" + t.Reason + "）")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// annotated returns the source of term i with the values of its leaf
// operands written after them: investment (12亿元) >= 10亿元.
func (x Explanation) annotated(i int) string {
	t := x.Terms[i]
	var b strings.Builder
	at := t.Start
	for j := i + 1; j < len(x.Terms) && x.Terms[j].Depth > t.Depth; j++ {
		c := x.Terms[j]
		if c.Depth != t.Depth+1 {
			continue
		}
		leaf := j+1 == len(x.Terms) || x.Terms[j+1].Depth <= c.Depth
		if !leaf || c.End < at || c.End > t.End {
			continue
		}
		b.WriteString(t.Source[at-t.Start : c.End-t.Start])
		b.WriteString(" (" + c.Value.String() + ")")
		at = c.End
	}
	b.WriteString(t.Source[at-t.Start:])
	return b.String()
}
