package land_test

import (
	"fmt"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/zone"
)

// A standard built in Go: Shanxi's investment-intensity floors, 300万元/亩
// for national-level zones and 200万元/亩 for provincial ones (the
// effective date is an example value), with a stricter example standard for
// equipment manufacturing.
func ExampleNew() {
	wan := func(n int64) land.Value { return land.Value{Amount: decimal.NewFromInt(n * 10000)} } // n万元/亩 in 元/亩
	p, err := land.New(land.Spec{
		Indicators: land.StandardIndicators(),
		Standards: []land.Standard{
			{
				Ref: zone.Ref{ID: "shanxi-national", Label: "国家级开发区工业用地投资强度"},
				Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{
					{From: date.New(2018, 1, 1), Value: wan(300)},
				}}},
			},
			{
				Ref:        zone.Ref{ID: "equipment", Label: "装备制造业投资强度（示例）"},
				Industries: []string{"装备制造"},
				Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{
					{From: date.New(2024, 1, 1), Value: wan(350)},
				}}},
			},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, industry := range []string{"新能源汽车", "装备制造"} {
		req, err := p.Lookup(land.InvestmentIntensity, industry, "", date.New(2025, 6, 1))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(industry, land.FormatIntensity(req.Amount), req.Standard.ID, "since", req.Since)
	}
	_, err = p.Lookup(land.InvestmentIntensity, "装备制造", "", date.New(2017, 6, 1))
	fmt.Println(err)
	// Output:
	// 新能源汽车 300万元/亩 shanxi-national since 2018-01-01
	// 装备制造 350万元/亩 equipment since 2024-01-01
	// indicator investment_intensity has no limit in force on 2017-06-01: the first applicable value takes effect on 2018-01-01
}

// The commitment check before transfer and the acceptance check at the
// capacity review (达产复核), with the Tianjin-template damages rule and a
// cap. The damages rule, cap, review event, rectification period and all
// project values are example values.
func ExamplePolicy_Evaluate() {
	p, err := land.New(land.Spec{
		Indicators: land.StandardIndicators()[:1], // investment intensity only
		Standards: []land.Standard{{
			Ref: zone.Ref{ID: "shanxi-national", Label: "国家级开发区工业用地投资强度"},
			Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{
				{From: date.New(2018, 1, 1), Value: land.Value{Amount: decimal.NewFromInt(3_000_000)}},
			}}},
		}},
		Acceptance: &land.Acceptance{
			Ref:     zone.Ref{ID: "capacity-review", Label: "达产复核"},
			Event:   "capacity_review",
			Rectify: calendar.MustParsePeriod("6个月"),
			Damages: []land.Damages{{
				Ref:  zone.Ref{ID: "damages", Label: "投资强度违约金", Cite: "工业用地出让合同示范文本（天津）"},
				Kind: land.Proportional, Cap: decimal.RequireFromString("0.1"), Places: 2,
			}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	project := &zone.Project{
		ID: "YC-2024-011", Industry: "新能源汽车", LandMode: zone.Transfer,
		Events: map[zone.Event]date.Date{
			zone.LandTransferred: date.New(2023, 5, 10),
			"capacity_review":    date.New(2025, 4, 1),
		},
		Attributes: map[string]string{
			"committed_investment_intensity": "350万元/亩",
			"actual_investment_intensity":    "280万元/亩",
			"land_price":                     "2570万元",
		},
	}
	r := p.Evaluate(zone.NewContext(project, date.New(2025, 5, 1), calendar.MainlandChina()))
	fmt.Println(r.Commitment[0].Explain().Detail)
	a := r.Acceptance
	fmt.Println(a.Rows[0].Explain().Detail)
	fmt.Println(a.Ref.Label, a.Verdict.Label(), "整改期限", a.RectifyBy)
	// Output:
	// 固定资产投资强度: 承诺 350万元/亩, 标准 不低于 300万元/亩 (shanxi-national, 自 2018-01-01) → 满足, 余量 50万元/亩 (16.6667%)
	// 固定资产投资强度: 承诺 350万元/亩, 实际 280万元/亩 → 不满足, 差额 70万元/亩 (20%); 违约金 257万元 (按差额比例 514万元, 封顶)
	// 达产复核 不满足 整改期限 2025-10-09
}

// A committed value that is not recorded makes the verdict unknown, naming
// the missing fact.
func ExampleCommitmentRow_Explain() {
	p, _ := land.New(land.Spec{
		Indicators: land.StandardIndicators()[:1],
		Standards: []land.Standard{{
			Ref: zone.Ref{ID: "shanxi-provincial"},
			Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{
				{From: date.New(2018, 1, 1), Value: land.Value{Amount: decimal.NewFromInt(2_000_000)}},
			}}},
		}},
	})
	r := p.Evaluate(zone.NewContext(&zone.Project{ID: "LL-007"}, date.New(2025, 6, 1), nil))
	ex := r.Commitment[0].Explain()
	fmt.Println(ex.Truth, ex.Detail, ex.Missing)
	// Output: unknown 固定资产投资强度: 事实未记录 (committed_investment_intensity) [committed_investment_intensity]
}

// Yuncheng (运城经开区) supplies standard land 九通一平 after the regional
// assessments, with the seismic safety assessment done for 41.1 平方公里
// of the zone at once, and has supplied seven parcels totalling 283.69亩.
// The sources give only the total: the areas of the single parcels, the
// parcel ids and all dates are example values.
func Example_yuncheng() {
	done := func(ids ...string) []land.Completion {
		var out []land.Completion
		for _, id := range ids {
			out = append(out, land.Completion{ID: id})
		}
		return out
	}
	all := []string{"mineral_overlay", "geohazard", "eia", "road", "water", "drainage", "power", "heating", "gas", "telecom", "broadband", "cable_tv", "levelled"}
	areas := []string{"52.36", "41.5", "38.27", "45.12", "30.08", "44.91", "31.45"}
	var parcels []land.Parcel
	for i, a := range areas {
		pc := land.Parcel{
			Ref:  zone.Ref{ID: fmt.Sprintf("YC-%02d", i+1), Label: fmt.Sprintf("标准地%d号", i+1)},
			Area: decimal.RequireFromString(a), PlannedUse: "工业用地", Done: done(all...),
		}
		if i == 6 {
			pc.Done = done(all[:len(all)-2]...) // example: cable TV and levelling not finished
		}
		parcels = append(parcels, pc)
	}
	item := func(id, label string) land.Prerequisite {
		return land.Prerequisite{Ref: zone.Ref{ID: id, Label: label}}
	}
	p, err := land.New(land.Spec{
		Ref: zone.Ref{ID: "land", Label: "标准地", Cite: "004_04ac7e2079fd0c7b.txt 全力供应标准地"},
		Assessments: []land.Prerequisite{
			item("mineral_overlay", "压覆矿床"), item("geohazard", "地质灾害危险性评估"),
			item("eia", "环境影响评价"), item("seismic", "地震安全性评价"),
		},
		Infrastructure: []land.Prerequisite{ // 九通一平 as listed for a development zone in Tianjin Baodi
			item("road", "道路"), item("water", "供水"), item("drainage", "排水"), item("power", "供电"),
			item("heating", "供暖"), item("gas", "燃气"), item("telecom", "通讯"), item("broadband", "宽带网"),
			item("cable_tv", "闭路电视"), item("levelled", "土地平整"),
		},
		Regional: []land.Regional{{
			Completion: land.Completion{ID: "seismic", On: date.New(2022, 6, 30), Dated: true},
			Area:       decimal.RequireFromString("61650"), // 41.1 平方公里 × 1500亩
		}},
		Parcels: parcels,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	total := decimal.Zero
	ready := 0
	for _, pc := range p.Parcels() {
		total = total.Add(pc.Area)
		r, _ := p.Readiness(pc.Ref.ID, date.New(2022, 9, 1))
		if r.Ready == zone.True {
			ready++
			continue
		}
		fmt.Print(r.Parcel.Label, " 未完成:")
		for _, it := range r.Missing {
			fmt.Print(" ", it.Ref.Label)
		}
		fmt.Println()
	}
	fmt.Println(len(p.Parcels()), "宗", land.FormatArea(total), "其中", ready, "宗具备出让条件")
	r, _ := p.Readiness("YC-01", date.New(2022, 6, 1))
	fmt.Println("2022-06-01 YC-01:", r.Ready.Label(), r.Missing[0].Ref.Label)
	// Output:
	// 标准地7号 未完成: 闭路电视 土地平整
	// 7 宗 283.69亩 其中 6 宗具备出让条件
	// 2022-06-01 YC-01: 不满足 地震安全性评价
}

// Reading and writing indicator values as policy documents write them.
func ExampleIndicator_Parse() {
	for _, ind := range land.StandardIndicators() {
		text := map[string]string{
			land.InvestmentIntensity: "350万元/亩",
			land.PlotRatio:           "1.2",
			land.TaxPerMu:            "15万元/亩",
			land.EnergyPerValueAdded: "0.45吨标煤/万元",
			land.Environment:         "GB 8978-1996 一级",
		}[ind.Ref.ID]
		v, err := ind.Parse(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s %s → %s\n", ind.Ref.Label, ind.Direction.Label(), v.Amount, ind.Format(v))
	}
	_, err := land.StandardIndicators()[0].Parse("350万元")
	fmt.Println(err)
	// Output:
	// 固定资产投资强度 不低于 3500000 → 350万元/亩
	// 容积率 不低于 1.2 → 1.2
	// 亩均税收 不低于 150000 → 15万元/亩
	// 单位能耗 不高于 0.45 → 0.45吨标煤/万元
	// 环境标准 符合 0 → GB 8978-1996 一级
	// "350万元" is not a valid value of investment_intensity: expected /亩 after 万元 (例如 300万元/亩)
}

// The Tianjin-template rule worked by hand: a shortfall of 70万元/亩 against
// an agreed 350万元/亩 is 20%, and 20% of a land price of 2570万元 is
// 514万元; a cap of 10% of the price limits it to 257万元.
func ExampleDamages_Charge() {
	rule := land.Damages{Kind: land.Proportional, Cap: decimal.RequireFromString("0.1"), Places: 2}
	ch, ok := rule.Charge(decimal.NewFromInt(700_000), decimal.NewFromInt(3_500_000), decimal.NewFromInt(25_700_000))
	fmt.Println(ok, land.FormatMoney(ch.Uncapped), land.FormatMoney(ch.Amount), ch.Capped)
	// Output: true 514万元 257万元 true
}

func ExampleFormatIntensity() {
	fmt.Println(land.FormatIntensity(decimal.NewFromInt(3_000_000)), land.FormatIntensity(decimal.NewFromInt(3500)))
	// Output: 300万元/亩 0.35万元/亩
}
