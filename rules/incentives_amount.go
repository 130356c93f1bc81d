package rules

import (
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// moneyAmount is a money expression of a rule set (a benefit's of: or
// applied_to:) as an incentive.Amount. It reads the project through the
// Set's binding, shared with every condition of the Set in one
// zone.Context, so the facts are bound once per evaluation.
type moneyAmount struct {
	set  *Set
	prog *expr.Program
}

var _ incentive.Amount = (*moneyAmount)(nil)

// Value evaluates the expression for the context's project. It is unknown
// when a fact it reads is missing or does not fit its declaration, and
// before the rule set's effective date.
func (m *moneyAmount) Value(c *zone.Context) (decimal.Decimal, bool) {
	b := m.set.binding(c)
	if b.notInForce != nil {
		return decimal.Decimal{}, false
	}
	v := m.prog.Eval(b.act)
	if !v.Known() || v.Kind() != expr.KindMoney {
		return decimal.Decimal{}, false
	}
	return v.Decimal(), true
}

// Missing names what made Value unknown: each missing fact or parameter by
// name, or with the reason its recorded value was refused, or the
// calculation error.
func (m *moneyAmount) Missing(c *zone.Context) []string {
	b := m.set.binding(c)
	if b.notInForce != nil {
		return []string{b.notInForce.Error()}
	}
	x := m.prog.Explain(b.act)
	out := make([]string, 0, len(x.Missing)+1)
	for _, n := range x.Missing {
		if note, ok := b.notes[n]; ok {
			n = note
		}
		out = append(out, n)
	}
	if len(out) == 0 && x.Err != nil {
		out = append(out, x.Err.Error())
	}
	return out
}

// String returns the expression as written.
func (m *moneyAmount) String() string { return m.prog.Source() }
