package rules_test

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// benchIncentives has ten programmes of every form: services, fixed
// amounts, rates and bands, a stacking group, an exclusion and earmarks.
const benchIncentives = `devzone: 1
id: bench-incentives
parameters:
  major_project_threshold: {label: 重大项目门槛, value: 10亿元}
facts:
  equipment_purchase: {type: money, label: 设备购置额}
  fixed_asset_investment: {type: money, label: 固定资产投资}
  relocation_cost: {type: money, label: 搬迁费用}
  tech_level: {type: int, label: 技术层级}
budgets:
  - id: fund
    label: 扶持资金
    year: 2025
    total: 1亿元
    earmarks:
      - {id: equipment, label: 设备补助, amount: 6000万元}
      - {id: reward, label: 投资奖励, amount: 3000万元}
      - {id: relocation, label: 搬迁补助, amount: 1000万元}
incentives:
  - {id: team, label: 专班服务, when: investment >= major_project_threshold, benefit: {entitlement: dedicated_team}}
  - {id: steward, label: 项目管家, when: kind == industrial, benefit: {entitlement: project_steward}}
  - {id: agency, label: 全程代办, benefit: {entitlement: full_agency}, excludes: [steward]}
  - {id: chain, label: 链主优先, when: chain_leader_sourced, benefit: {entitlement: factor_priority}}
  - id: equipment
    label: 设备补助
    when: kind == industrial and land_mode == transfer
    benefit:
      bands: [{from: 1亿元, rate: 5%}, {from: 3亿元, rate: 8%}, {from: 5亿元, rate: 10%, cap: 2亿元}]
      of: fixed_asset_investment
      applied_to: equipment_purchase
    rounding: {places: 2, mode: half_up}
    earmark: fund/equipment
  - id: reward
    label: 投资奖励
    when: happened(construction_started)
    benefit: {bands: [{from: 5亿元, rate: 1%}, {from: 10亿元, rate: 1.5%}], of: investment, cap: 1000万元}
    rounding: {places: -4, mode: down}
    earmark: fund/reward
    group: attraction
  - {id: relocation, label: 搬迁补助, benefit: {rate: 50%, of: relocation_cost, cap: 500万元}, earmark: fund/relocation, group: attraction}
  - {id: tech, label: 科技奖励, when: tech_level >= 3, benefit: {amount: 50万元}, group: attraction}
  - {id: progressive, label: 超额累进奖励, benefit: {bands: [{from: 0, rate: 1%}, {from: 1亿元, rate: 0.5%}], of: investment, banding: progressive}}
  - {id: signed, label: 签约奖励, when: happened(signed) and date(signed) >= 2025-01-01, benefit: {amount: 10万元}, excludes: [tech]}
`

// BenchmarkIncentives evaluates a project against ten programmes: the whole
// rule set with Set.Evaluate (conditions explained, as a trace needs), and
// the incentive.Set alone on a reused context (each iteration binds the
// project again).
func BenchmarkIncentives(b *testing.B) {
	set, err := rules.LoadFS(fstest.MapFS{"rules.yaml": {Data: []byte(benchIncentives)}}, "rules.yaml")
	if err != nil {
		b.Fatal(err)
	}
	yes := true
	p := &zone.Project{
		ID: "BENCH-1", Investment: yuanPtr("12亿元"), Kind: zone.Industrial, LandMode: zone.Transfer, ChainLeaderSourced: &yes,
		Events:     map[zone.Event]date.Date{zone.Signed: d("2025-03-02"), zone.ConstructionStarted: d("2025-05-06")},
		Attributes: map[string]string{"equipment_purchase": "3亿元", "fixed_asset_investment": "6亿元", "relocation_cost": "800万元", "tech_level": "3"},
	}
	asOf := d("2025-07-01")
	b.Run("Set.Evaluate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := set.Evaluate(p, asOf)
			if err != nil || len(r.Incentives.Verdicts) != 10 {
				b.Fatal(err)
			}
		}
	})
	b.Run("Incentives.Evaluate", func(b *testing.B) {
		inc := set.Incentives()
		ctx := zone.NewContext(p, asOf, set.Calendar())
		b.ReportAllocs()
		for b.Loop() {
			ctx.Reset(p, asOf, set.Calendar())
			if r := inc.Evaluate(ctx); len(r.Verdicts) != 10 {
				b.Fatal("verdicts")
			}
		}
	})
}

func TestBenchIncentivesLoads(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": benchIncentives})
	yes := true
	p := &zone.Project{Investment: yuanPtr("12亿元"), Kind: zone.Industrial, LandMode: zone.Transfer, ChainLeaderSourced: &yes,
		Events:     map[zone.Event]date.Date{zone.Signed: d("2025-03-02"), zone.ConstructionStarted: d("2025-05-06")},
		Attributes: map[string]string{"equipment_purchase": "3亿元", "fixed_asset_investment": "6亿元", "relocation_cost": "800万元", "tech_level": "3"}}
	want := "team awarded; steward suppressed by agency; agency awarded; chain awarded; equipment awarded 3000万元; " +
		"reward awarded 1000万元; relocation suppressed 400万元 by reward; tech suppressed 50万元 by signed; progressive awarded 650万元; signed awarded 10万元"
	if diff := cmp.Diff(want, evaluateOutcome(t, set, p, "2025-07-01")); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
}
