package rules

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// withSections loads testdata/scenarios/policy.yaml, which has no domain
// sections, and gives it a lifecycle, a land policy and incentives with a
// budget built in Go from the rule set's own conditions: what the section
// compilers will produce from YAML. The scenario tests use it to check
// expectations about every section before the sections' YAML is compiled.
func withSections(t testing.TB) *Set {
	t.Helper()
	set, err := LoadFile("testdata/scenarios/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cond := func(src string) zone.Condition {
		c, err := set.Condition(src)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	named := func(name string) zone.Condition {
		c, ok := set.NamedCondition(name)
		if !ok {
			t.Fatalf("no condition %s", name)
		}
		return c
	}
	line := 0
	ref := func(id, label string) zone.Ref {
		line++
		return zone.Ref{ID: id, Label: label, Cite: "002_8f25cfe588d23415.txt", Pos: zone.Pos{File: "sections.yaml", Line: line, Col: 9}}
	}
	yuan := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }

	lc, err := stage.New(stage.Spec{
		Stages: []stage.Stage{
			{Ref: ref("signing", "招商签约"), Entry: []stage.Entry{{Event: zone.Signed}}},
			{Ref: ref("landing", "落地摘地"), Entry: []stage.Entry{{Event: "landing_meeting"}}},
			{Ref: ref("construction", "项目开工"), Entry: []stage.Entry{
				{Ref: ref("lease", "厂房租赁签约"), When: named("leased_factory"), Event: zone.ConstructionStarted},
				{Ref: ref("commitment", "摘地即开工承诺"), Event: zone.LandTransferred},
			}},
		},
		Transitions: []stage.Transition{
			{
				Ref: ref("signing-to-landing", "签约转落地"), From: "signing", To: "landing",
				Criteria: []stage.Criterion{
					{Ref: ref("site-selected", "选址及规划条件确定"), When: cond("happened(site_selected)")},
					{Ref: ref("review-passed", "项目审议通过"), When: cond("happened(review_passed)")},
				},
				Meeting: &stage.Meeting{Ref: ref("landing-meeting", "落地转段会议"), Event: "landing_meeting"},
			},
			{
				Ref: ref("landing-to-construction", "落地转开工"), From: "landing", To: "construction",
				Criteria: []stage.Criterion{
					{Ref: ref("land-ready", "土地出让完成"), When: cond("happened(land_transferred) or leased_factory")},
					{Ref: ref("site-selected", "选址及规划条件确定"), When: cond("happened(site_selected)")},
				},
			},
		},
		Deadlines: []stage.Deadline{{
			Ref: ref("land-transfer", "完成土地出让"), From: stage.Anchor{Event: zone.ReviewPassed},
			Within: calendar.MustParsePeriod("30个工作日"), Done: zone.LandTransferred, Applies: cond("land_mode == transfer"),
		}},
		Escalation: []stage.Step{
			{Ref: ref("letter", "发函督促"), OverdueWorkdays: 5},
			{Ref: ref("interview", "约谈企业"), OverdueWorkdays: 15},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	set.lifecycle = lc

	lp, err := land.New(land.Spec{
		Ref:        ref("standard-land", "标准地"),
		Applies:    cond("land_mode == transfer"),
		Indicators: land.StandardIndicators(),
		Standards: []land.Standard{{
			Ref:    ref("general", "一般工业项目标准"),
			Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{{Value: land.Value{Amount: yuan("3000000")}}}}},
		}},
		Assessments:    []land.Prerequisite{{Ref: ref("mineral", "压覆矿产资源评估")}, {Ref: ref("geohazard", "地质灾害危险性评估")}},
		Infrastructure: []land.Prerequisite{{Ref: ref("road", "通路")}},
		Parcels: []land.Parcel{{
			Ref: ref("YC-01", "标准地1号"), Area: yuan("40.5"),
			Done: []land.Completion{{ID: "mineral", On: calendar.MustParseDate("2024-11-30"), Dated: true}, {ID: "road", Dated: false}},
		}},
		Acceptance: &land.Acceptance{Ref: ref("capacity-review", "达产复核"), Event: zone.DesignCapacityReached, Rectify: calendar.MustParsePeriod("6个月")},
	})
	if err != nil {
		t.Fatal(err)
	}
	set.land = lp

	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
	in, err := incentive.New(incentive.Spec{
		Programmes: []incentive.Programme{
			{Ref: ref("dedicated-team", "专班服务"), Eligibility: named("service_team"), Benefit: incentive.Grant(team)},
			{
				Ref: ref("relic-survey-subsidy", "文物勘探费用补助"), Eligibility: cond("relic_survey_cost > 0元"),
				Benefit: incentive.RateOf(yuan("0.5"), incentive.Attribute("relic_survey_cost")).WithCap(yuan("1000000")),
				Earmark: incentive.EarmarkRef{Budget: "prephase-2025", Earmark: "relics"},
			},
		},
		Budgets: []incentive.Budget{{
			Ref: ref("prephase-2025", "项目前期保障经费"), Year: 2025, Total: yuan("20000000"),
			Earmarks: []incentive.Earmark{
				{Ref: ref("land-entry", "项目进地清单"), Amount: yuan("10000000")},
				{Ref: ref("special-infrastructure", "特殊项目基础设施配套"), Amount: yuan("5000000")},
				{Ref: ref("relics", "文物勘探发掘"), Amount: yuan("5000000")},
			},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	set.incentives = in
	return set
}
