package incentive_test

import (
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// money parses an amount such as 2000万元; test input only.
func money(s string) decimal.Decimal {
	d, err := quantity.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return d
}

// pct parses a rate such as 10%; test input only.
func pct(s string) decimal.Decimal {
	d, err := quantity.ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return d
}

func moneyPtr(s string) *decimal.Decimal {
	d := money(s)
	return &d
}

func ref(id, label string) zone.Ref { return zone.Ref{ID: id, Label: label} }

// atLeast is the condition investment >= x, unknown without an investment.
func atLeast(x string) zone.Condition {
	v := money(x)
	return zone.Func{Text: "investment >= " + x, F: func(c *zone.Context) zone.Truth {
		if c.Project.Investment == nil {
			return zone.Unknown
		}
		return zone.TruthOf(c.Project.Investment.GreaterThanOrEqual(v))
	}}
}

// kindIs is the condition kind == k, unknown when the kind is not recorded.
func kindIs(k zone.Kind) zone.Condition {
	return zone.Func{Text: "kind == " + k.String(), F: func(c *zone.Context) zone.Truth {
		if c.Project.Kind == zone.KindUnknown {
			return zone.Unknown
		}
		return zone.TruthOf(c.Project.Kind == k)
	}}
}

// project returns a project with the investment inv ("" for unknown) and
// extra attributes given as name, value pairs.
func project(inv string, attrs ...string) *zone.Project {
	p := &zone.Project{ID: "JZ-001", Attributes: map[string]string{}}
	if inv != "" {
		v := money(inv)
		p.Investment = &v
	}
	for i := 0; i+1 < len(attrs); i += 2 {
		p.Attributes[attrs[i]] = attrs[i+1]
	}
	return p
}

func ctx(p *zone.Project) *zone.Context {
	return zone.NewContext(p, date.New(2025, 6, 30), calendar.MainlandChina())
}

// prephase is Jinzhong's 2000万元 pre-phase fund.
func prephase() incentive.Budget {
	return incentive.Budget{
		Ref:   ref("prephase-2025", "项目前期保障经费"),
		Year:  2025,
		Total: money("2000万元"),
		Earmarks: []incentive.Earmark{
			{Ref: ref("land-entry", "项目进地清单"), Amount: money("1000万元")},
			{Ref: ref("infrastructure", "特殊项目基础设施配套"), Amount: money("500万元")},
			{Ref: ref("relics", "文物勘探发掘"), Amount: money("500万元")},
		},
	}
}

// equipmentSubsidy is the Shanxi 综改区 equipment subsidy: the band is
// chosen by investment and the rate applies to equipment_purchase.
func equipmentSubsidy(mode incentive.Banding) incentive.Programme {
	b := incentive.Tiered(incentive.Investment(), mode,
		incentive.Band{From: money("1亿元"), Rate: pct("5%")},
		incentive.Band{From: money("3亿元"), Rate: pct("8%")},
		incentive.Band{From: money("5亿元"), Rate: pct("10%"), Cap: moneyPtr("2亿元")},
	)
	if mode == incentive.WholeBase {
		b = b.AppliedTo(incentive.Attribute("equipment_purchase"))
	}
	return incentive.Programme{
		Ref:      zone.Ref{ID: "equipment-subsidy", Label: "设备购置补助", Cite: "山西综改示范区支持先进制造业发展办法 (2023)"},
		Benefit:  b,
		Rounding: incentive.Rounding{Places: 2, Mode: incentive.RoundHalfUp},
	}
}

func mustNew(t interface{ Fatal(...any) }, ps ...incentive.Programme) *incentive.Set {
	s, err := incentive.New(incentive.Spec{Programmes: ps, Budgets: []incentive.Budget{prephase()}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
