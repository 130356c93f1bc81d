package incentive_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// yuan parses an amount such as 2000万元 for the examples.
func yuan(s string) decimal.Decimal {
	d, err := quantity.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Programmes built in Go, without a rule file: the Shanxi 综改区 equipment
// subsidy (the band is chosen by investment, the rate applies to the new
// equipment, 10% at most 2亿元), and Jinzhong's dedicated service team for
// projects of 10亿元 and above.
func ExampleSet_Evaluate() {
	tenYi := yuan("10亿元")
	majorProject := zone.Func{Text: "investment >= 10亿元", F: func(c *zone.Context) zone.Truth {
		if c.Project.Investment == nil {
			return zone.Unknown
		}
		return zone.TruthOf(c.Project.Investment.GreaterThanOrEqual(tenYi))
	}}
	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
	twoYi := yuan("2亿元")
	set, err := incentive.New(incentive.Spec{Programmes: []incentive.Programme{
		{
			Ref: zone.Ref{ID: "equipment-subsidy", Label: "设备购置补助"},
			Benefit: incentive.Tiered(incentive.Investment(), incentive.WholeBase,
				incentive.Band{From: yuan("1亿元"), Rate: decimal.New(5, -2)},
				incentive.Band{From: yuan("3亿元"), Rate: decimal.New(8, -2)},
				incentive.Band{From: yuan("5亿元"), Rate: decimal.New(10, -2), Cap: &twoYi},
			).AppliedTo(incentive.Attribute("equipment_purchase")),
			Rounding: incentive.Rounding{Places: 2, Mode: incentive.RoundHalfUp},
		},
		{
			Ref:         zone.Ref{ID: "major-project-team", Label: "重大项目专班服务"},
			Eligibility: majorProject,
			Benefit:     incentive.Grant(team),
		},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	inv := yuan("12亿元")
	p := &zone.Project{ID: "JZ-001", Investment: &inv, Attributes: map[string]string{"equipment_purchase": "8亿元"}}
	r := set.Evaluate(zone.NewContext(p, date.New(2025, 6, 30), calendar.MainlandChina()))
	for _, v := range r.Verdicts {
		fmt.Println(v.Ref.Label, v.Status.Label())
		fmt.Println("  ", v.Reason())
	}
	total, complete := r.Total()
	fmt.Println(quantity.FormatMoney(total), complete)
	// Output:
	// 设备购置补助 可享受
	//    open to every project; investment 12亿元 is in the band from 5亿元; equipment_purchase 8亿元 × 10% = 8000万元
	// 重大项目专班服务 可享受
	//    eligible: investment >= 10亿元; grants 专班服务
	// 8000万元 true
}

// Two programmes in a stacking group (就高不重复): only the larger applies.
func ExampleProgramme_group() {
	set, err := incentive.New(incentive.Spec{Programmes: []incentive.Programme{
		{Ref: zone.Ref{ID: "settle", Label: "落户奖励"}, Benefit: incentive.Fixed(yuan("100万元")), Group: "attraction"},
		{Ref: zone.Ref{ID: "invest", Label: "投资奖励"}, Benefit: incentive.RateOf(decimal.New(1, -2), incentive.Investment()), Group: "attraction"},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	inv := yuan("5亿元")
	r := set.Evaluate(zone.NewContext(&zone.Project{ID: "JZ-002", Investment: &inv}, date.New(2025, 6, 30), calendar.MainlandChina()))
	for _, v := range r.Verdicts {
		fmt.Println(v.Ref.Label, v.Status.Label(), quantity.FormatMoney(v.Amount), v.By.Label)
	}
	// Output:
	// 落户奖励 不重复享受 100万元 投资奖励
	// 投资奖励 可享受 500万元
}

// Jinzhong's pre-phase fund: the earmarks must add up to the total.
func ExampleBudget_Validate() {
	b := incentive.Budget{
		Ref:   zone.Ref{ID: "prephase-2025", Label: "项目前期保障经费"},
		Year:  2025,
		Total: yuan("2000万元"),
		Earmarks: []incentive.Earmark{
			{Ref: zone.Ref{ID: "land-entry", Label: "项目进地清单"}, Amount: yuan("1000万元")},
			{Ref: zone.Ref{ID: "infrastructure", Label: "特殊项目基础设施配套"}, Amount: yuan("500万元")},
			{Ref: zone.Ref{ID: "relics", Label: "文物勘探发掘"}, Amount: yuan("400万元")},
		},
	}
	err := b.Validate()
	fmt.Println(err)
	var se *incentive.BudgetSumError
	if errors.As(err, &se) {
		fmt.Println(quantity.FormatMoney(se.Difference))
	}

	b.Unallocated = yuan("100万元") // declared: 100万元 deliberately left unearmarked
	fmt.Println(b.Validate())
	// Output:
	// budget prephase-2025: the earmarks add up to 1900万元, 100万元 short of the total 2000万元; correct the earmark amounts or declare the remainder as unallocated
	// 100万元
	// <nil>
}

// Allocating from an earmark, returning part of it, refusing an overspend,
// and exporting the ledger for storage.
func ExampleLedger() {
	l, err := incentive.NewLedger(incentive.Budget{
		Ref:   zone.Ref{ID: "prephase-2025", Label: "项目前期保障经费"},
		Year:  2025,
		Total: yuan("2000万元"),
		Earmarks: []incentive.Earmark{
			{Ref: zone.Ref{ID: "land-entry", Label: "项目进地清单"}, Amount: yuan("1000万元")},
			{Ref: zone.Ref{ID: "infrastructure", Label: "特殊项目基础设施配套"}, Amount: yuan("500万元")},
			{Ref: zone.Ref{ID: "relics", Label: "文物勘探发掘"}, Amount: yuan("500万元")},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	entries := []incentive.Entry{
		{ID: "a-001", Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: "land-entry", Project: "JZ-001",
			Amount: yuan("600万元"), Date: date.New(2025, 6, 12), Purpose: "进地清单编制"},
		{ID: "a-001", Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: "land-entry", Project: "JZ-001",
			Amount: yuan("600万元"), Date: date.New(2025, 6, 12), Purpose: "进地清单编制"}, // the same entry again: no effect
		{ID: "r-001", Kind: incentive.Release, Allocation: "a-001", Amount: yuan("100万元"), Date: date.New(2025, 9, 1), Reason: "项目调减"},
		{ID: "a-002", Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: "land-entry", Project: "JZ-002",
			Amount: yuan("600万元"), Date: date.New(2025, 9, 2)},
	}
	for _, e := range entries {
		if err := l.Record(e); err != nil {
			fmt.Println(err)
		}
	}
	b, _ := l.Balance("prephase-2025", "land-entry")
	fmt.Println(b.Label, "available", quantity.FormatMoney(b.Available))
	if err := l.Export(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ledger entry a-002: allocation of 600万元 would overspend earmark land-entry (项目进地清单) of budget prephase-2025: earmark 1000万元, allocated 600万元, released 100万元, adjusted 0元, available 500万元, requested 600万元
	// 项目进地清单 available 500万元
	// {"id":"a-001","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"land-entry","project":"JZ-001","amount":"6000000","purpose":"进地清单编制"}
	// {"id":"r-001","kind":"release","date":"2025-09-01","budget":"prephase-2025","earmark":"land-entry","project":"JZ-001","allocation":"a-001","amount":"1000000","reason":"项目调减"}
}

func ExampleLookupEntitlement() {
	for _, e := range incentive.BuiltinEntitlements() {
		fmt.Println(e.ID, e.Label)
	}
	e, ok := incentive.LookupEntitlement("项目管家")
	fmt.Println(e.ID, ok)
	// Output:
	// dedicated_team 专班服务
	// project_steward 项目管家
	// factor_priority 要素优先保障
	// tolerant_processing 容缺办理
	// parallel_approval 并联审批
	// full_agency 全程代办
	// project_steward true
}
