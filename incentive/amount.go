package incentive

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// Amount is a sum of money that depends on the project: the base a rate
// applies to, or the base that selects a band. Package rules implements it
// with compiled money expressions (investment, an extra fact such as
// equipment_purchase, investment - land_cost); Go code can use [Investment],
// [Const] and [Attribute] or implement it.
//
// Implementations must be safe for concurrent use; each evaluation has its
// own [zone.Context].
type Amount interface {
	// Value returns the amount in yuan (元) and true, or false when it
	// cannot be known for the project in c because a fact it reads is
	// missing. It is called on every evaluation and should not allocate.
	Value(c *zone.Context) (yuan decimal.Decimal, ok bool)
	// Missing names the facts whose absence made Value report false, e.g.
	// ["investment"]. It is called only after Value reported false and may
	// allocate.
	Missing(c *zone.Context) []string
	// String returns the amount as written, e.g. "investment" or
	// "equipment_purchase"; it names the base in reasons.
	String() string
}

// Investment returns the project's total planned investment (总投资,
// [zone.Project.Investment]) as an Amount. It is unknown when the project
// records no investment.
func Investment() Amount { return investment{} }

type investment struct{}

func (investment) Value(c *zone.Context) (decimal.Decimal, bool) {
	if c.Project == nil || c.Project.Investment == nil {
		return decimal.Decimal{}, false
	}
	return *c.Project.Investment, true
}

func (investment) Missing(*zone.Context) []string { return []string{"investment"} }
func (investment) String() string                 { return "investment" }

// Const returns an Amount that is always yuan, whatever the project. Its
// String is the amount in the unit a person would write, e.g. 2000万元.
func Const(yuan decimal.Decimal) Amount {
	return constant{v: yuan, s: quantity.FormatMoney(yuan)}
}

type constant struct {
	v decimal.Decimal
	s string
}

func (k constant) Value(*zone.Context) (decimal.Decimal, bool) { return k.v, true }
func (k constant) Missing(*zone.Context) []string              { return nil }
func (k constant) String() string                              { return k.s }

// Attribute returns an Amount read from the project's extra attribute name
// ([zone.Project.Attributes]), written as money: "3亿元", "2000万元",
// "150000000". It is unknown when the attribute is absent or is not an
// amount of money. Attribute parses the text on every evaluation; rule sets
// compiled by package rules type their facts once instead.
func Attribute(name string) Amount { return attribute(name) }

type attribute string

func (a attribute) Value(c *zone.Context) (decimal.Decimal, bool) {
	if c.Project == nil {
		return decimal.Decimal{}, false
	}
	s, ok := c.Project.Attributes[string(a)]
	if !ok {
		return decimal.Decimal{}, false
	}
	v, err := quantity.ParseMoney(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	return v, true
}

// Missing names the attribute; when it is recorded but is not an amount of
// money, it says so.
func (a attribute) Missing(c *zone.Context) []string {
	if c.Project != nil {
		if s, ok := c.Project.Attributes[string(a)]; ok {
			return []string{string(a) + " (" + strconv.Quote(s) + " is not an amount of money)"}
		}
	}
	return []string{string(a)}
}

func (a attribute) String() string { return string(a) }
