package land_test

import (
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/zone"
)

func ref(id, label string) zone.Ref { return zone.Ref{ID: id, Label: label} }

func d(s string) date.Date { return calendar.MustParseDate(s) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// iv is an intensity value written as in a policy document.
func iv(s string) land.Value {
	a, err := land.ParseIntensity(s)
	if err != nil {
		panic(err)
	}
	return land.Value{Amount: a}
}

// nv is a plain-number value (ratio, energy).
func nv(s string) land.Value { return land.Value{Amount: dec(s)} }

func step(from string, v land.Value) land.Step { return land.Step{From: d(from), Value: v} }

const (
	equipment = "装备制造"
	newMatP   = "新材料园区"
	gbFirst   = "GB 8978-1996 一级"
)

// testSpec is a Shanxi-like policy. Apart from the 200 and 300万元/亩
// investment intensities (Shanxi: provincial and national-level zones), every
// limit, date, rule and rate here is an example value.
func testSpec() land.Spec {
	inds := append(land.StandardIndicators(), land.Indicator{
		Ref: ref("rd_share", "研发经费占比"), Unit: land.UnitPercent, Direction: land.AtLeast,
	})
	return land.Spec{
		Ref:        zone.Ref{ID: "land", Label: "标准地", Cite: "example"},
		Indicators: inds,
		Standards: []land.Standard{
			{
				Ref: ref("general", "工业用地控制指标"),
				Limits: []land.Limit{
					{Indicator: land.InvestmentIntensity, Values: []land.Step{step("2020-06-01", iv("200万元/亩")), step("2025-01-01", iv("300万元/亩"))}},
					{Indicator: land.PlotRatio, Values: []land.Step{step("2020-06-01", nv("1.0"))}},
					{Indicator: land.TaxPerMu, Values: []land.Step{step("2020-06-01", iv("15万元/亩"))}},
					{Indicator: land.EnergyPerValueAdded, Values: []land.Step{step("2020-06-01", nv("0.5"))}},
					{Indicator: land.Environment, Values: []land.Step{{From: d("2020-06-01"), Value: land.Value{Named: gbFirst}}}},
				},
			},
			{
				Ref: ref("equipment", "装备制造业控制指标"), Industries: []string{equipment},
				Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{step("2023-01-01", iv("350万元/亩"))}}},
			},
			{
				Ref: ref("new-materials-park", "新材料园区规划指标"), Park: newMatP,
				Limits: []land.Limit{{Indicator: land.PlotRatio, Values: []land.Step{step("2020-06-01", nv("1.2"))}}},
			},
			{
				Ref: ref("equipment-new-materials", "新材料园区装备制造业"), Industries: []string{equipment}, Park: newMatP,
				Limits: []land.Limit{{Indicator: land.TaxPerMu, Values: []land.Step{step("2024-01-01", iv("20万元/亩"))}}},
			},
		},
		Assessments: []land.Prerequisite{
			{Ref: ref("mineral_overlay", "压覆矿床")},
			{Ref: ref("geohazard", "地质灾害危险性评估")},
			{Ref: ref("eia", "环境影响评价")},
			{Ref: ref("seismic", "地震安全性评价")},
		},
		Infrastructure: []land.Prerequisite{
			{Ref: ref("road", "通路")},
			{Ref: ref("water", "通给水")},
			{Ref: ref("power", "通电")},
			{Ref: ref("levelled", "土地平整")},
		},
		Regional: []land.Regional{
			{Completion: land.Completion{ID: "seismic", On: d("2022-05-20"), Dated: true}, Area: dec("61650")},
			{Completion: land.Completion{ID: "mineral_overlay"}, Park: newMatP},
		},
		Parcels: []land.Parcel{
			{Ref: ref("YC-01", "1号地块"), Area: dec("52.36"), PlannedUse: "工业用地", Done: []land.Completion{
				{ID: "mineral_overlay", On: d("2022-03-01"), Dated: true},
				{ID: "geohazard", On: d("2022-03-15"), Dated: true},
				{ID: "eia"},
				{ID: "road", On: d("2022-08-01"), Dated: true},
				{ID: "water", On: d("2022-08-20"), Dated: true},
				{ID: "power", On: d("2022-09-01"), Dated: true},
				{ID: "levelled", On: d("2022-09-10"), Dated: true},
			}},
			{Ref: ref("YC-02", "2号地块"), Area: dec("41.5"), PlannedUse: "工业用地", Done: []land.Completion{
				{ID: "geohazard"},
				{ID: "road", On: d("2022-08-01"), Dated: true},
				{ID: "levelled", On: d("2025-09-01"), Dated: true}, // after the as-of dates of the tests
			}},
			{Ref: ref("NM-01", "新材料园区1号地块"), Area: dec("38.27"), Park: newMatP, PlannedUse: "工业用地", Done: []land.Completion{
				{ID: "geohazard"}, {ID: "eia"}, {ID: "road"}, {ID: "water"}, {ID: "power"}, {ID: "levelled"},
			}},
		},
		Acceptance: &land.Acceptance{
			Ref:     ref("capacity-review", "达产复核"),
			Event:   "capacity_review",
			Rectify: calendar.MustParsePeriod("6个月"),
			Damages: []land.Damages{
				{Ref: ref("intensity-damages", "投资强度违约金"), Indicator: land.InvestmentIntensity, Kind: land.Proportional, Cap: dec("0.1"), Places: 2},
				{Ref: ref("tax-damages", "亩均税收违约金"), Indicator: land.TaxPerMu, Kind: land.ShareOfPrice, Share: dec("0.05"), Places: 2},
				{Ref: ref("damages", "违约金"), Kind: land.Proportional, Places: 2},
			},
		},
	}
}

func testPolicy(t testing.TB) *land.Policy {
	t.Helper()
	p, err := land.New(testSpec())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// project returns a transfer project with the given industry, park and
// attributes.
func project(industry, park string, attrs map[string]string, events map[zone.Event]string) *zone.Project {
	p := &zone.Project{ID: "p", Industry: industry, Park: park, LandMode: zone.Transfer, Attributes: attrs, Events: map[zone.Event]date.Date{}}
	for e, s := range events {
		p.Events[e] = d(s)
	}
	return p
}

func evaluate(p *land.Policy, pr *zone.Project, asOf string) land.Result {
	return p.Evaluate(zone.NewContext(pr, d(asOf), calendar.MainlandChina()))
}
