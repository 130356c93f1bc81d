package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// outcome summarises the verdicts in declaration order, one per programme,
// "id status [amount] [missing facts] [by programme]", joined by "; ":
// "dedicated-team awarded; relic-survey awarded 80万元".
func outcome(r *incentive.Result) string {
	var parts []string
	for _, v := range r.Verdicts {
		s := v.Ref.ID + " " + v.Status.String()
		if v.AmountKnown {
			s += " " + quantity.FormatMoney(v.Amount)
		}
		if len(v.Calc.Missing) > 0 {
			s += " missing " + strings.Join(v.Calc.Missing, ",")
		}
		if v.By.ID != "" {
			s += " by " + v.By.ID
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// evaluateOutcome evaluates set for p as of asOf and summarises the
// incentive verdicts with outcome.
func evaluateOutcome(t *testing.T, set *rules.Set, p *zone.Project, asOf string) string {
	t.Helper()
	r, err := set.Evaluate(p, d(asOf))
	if err != nil {
		t.Fatal(err)
	}
	if r.Incentives == nil {
		t.Fatal("Result.Incentives is nil")
	}
	return outcome(r.Incentives)
}

func yuanPtr(s string) *decimal.Decimal {
	v, err := quantity.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return &v
}

func boolPtr(b bool) *bool { return &b }

func TestIncentivesJinzhong(t *testing.T) {
	set, err := rules.LoadFile("testdata/incentives/jinzhong.yaml")
	if err != nil {
		t.Fatal(err)
	}
	inc := set.Incentives()
	if inc == nil {
		t.Fatal("Set.Incentives() is nil")
	}
	// 2000万元 = 1000万元 + 500万元 + 500万元, with positions and citations.
	b := inc.Budgets()
	if len(b) != 1 || len(b[0].Earmarks) != 3 {
		t.Fatalf("budgets = %+v", b)
	}
	if got := quantity.FormatMoney(b[0].Total); got != "2000万元" {
		t.Errorf("total = %s", got)
	}
	wantRef := zone.Ref{ID: "relics", Label: "文物勘探发掘", Cite: "002_8f25cfe588d23415.txt 500万元用于地块文物勘探发掘",
		Pos: zone.Pos{File: "testdata/incentives/jinzhong.yaml", Line: 32, Col: 13}}
	if diff := cmp.Diff(wantRef, b[0].Earmarks[2].Ref); diff != "" {
		t.Errorf("earmark ref (-want +got):\n%s", diff)
	}
	transfer := func(inv string, attrs map[string]string, events map[zone.Event]date.Date) *zone.Project {
		return &zone.Project{ID: "JZ-2025-001", Investment: yuanPtr(inv), Kind: zone.Industrial, LandMode: zone.Transfer, Attributes: attrs, Events: events}
	}
	selected := map[zone.Event]date.Date{zone.SiteSelected: d("2025-03-20")}
	tests := []struct {
		name    string
		project *zone.Project
		want    string
	}{
		{"12亿元 project with equipment and relic survey",
			transfer("12亿元", map[string]string{"fixed_asset_investment": "6亿元", "equipment_purchase": "3亿元", "relic_survey_cost": "801234.567元"}, selected),
			"dedicated-team awarded; relic-survey awarded 801234.57元; equipment-subsidy awarded 3000万元"},
		{"exactly 10亿元 is a major project; relic survey capped at 100万元",
			transfer("10亿元", map[string]string{"fixed_asset_investment": "4亿元", "equipment_purchase": "1亿元", "relic_survey_cost": "150万元"}, selected),
			"dedicated-team awarded; relic-survey awarded 100万元; equipment-subsidy awarded 800万元"},
		{"8亿元 project below the bands, site not selected",
			transfer("8亿元", map[string]string{"fixed_asset_investment": "8000万元", "equipment_purchase": "2000万元"}, nil),
			"dedicated-team ineligible; relic-survey ineligible; equipment-subsidy ineligible"},
		{"equipment purchase not recorded: awarded, amount unknown",
			transfer("12亿元", map[string]string{"fixed_asset_investment": "6亿元"}, selected),
			"dedicated-team awarded; relic-survey awarded missing relic_survey_cost; equipment-subsidy awarded missing equipment_purchase"},
		{"investment unknown: the team is undecided",
			&zone.Project{ID: "JZ-2025-002", Kind: zone.Tech},
			"dedicated-team undecided; relic-survey ineligible; equipment-subsidy ineligible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, evaluateOutcome(t, set, tt.project, "2025-07-01")); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
		})
	}

	// The verdict carries the programme's Ref and explains itself.
	r, err := set.Evaluate(tests[0].project, d("2025-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := r.Incentives.Lookup("equipment-subsidy")
	if v.Ref.Pos.Line != 51 || v.Ref.Label != "新增设备购置补助" {
		t.Errorf("ref = %+v", v.Ref)
	}
	if want := "fixed_asset_investment 6亿元 is in the band from 5亿元; equipment_purchase 3亿元 × 10% = 3000万元"; !strings.Contains(v.Reason(), want) {
		t.Errorf("reason = %q, want it to contain %q", v.Reason(), want)
	}

	// The ledger over the fund refuses to overspend an earmark.
	ledger := inc.NewLedger()
	alloc := incentive.Entry{ID: "a-001", Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: "relics",
		Project: "JZ-2025-001", Amount: *yuanPtr("801234.57元"), Date: d("2025-07-01"), Purpose: "地块文物勘探"}
	if err := ledger.Record(alloc); err != nil {
		t.Fatal(err)
	}
	over := alloc
	over.ID, over.Amount = "a-002", *yuanPtr("420万元")
	var oe *incentive.OverspendError
	if err := ledger.Record(over); !errors.As(err, &oe) {
		t.Fatalf("Record(420万元 more) = %v, want an *OverspendError", err)
	}
	if got := quantity.FormatMoney(oe.Available); got != "4198765.43元" {
		t.Errorf("available = %s, want 4198765.43元", got)
	}
}

func TestIncentivesJiaocheng(t *testing.T) {
	set, err := rules.LoadFile("testdata/incentives/jiaocheng.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		leader *bool
		want   string
	}{{boolPtr(true), "awarded"}, {boolPtr(false), "ineligible"}, {nil, "undecided"}} {
		got := evaluateOutcome(t, set, &zone.Project{ID: "JC-1", ChainLeaderSourced: tt.leader}, "2025-07-01")
		if got != "chain-leader-priority "+tt.want {
			t.Errorf("chain_leader_sourced %v: %s, want %s", tt.leader, got, tt.want)
		}
	}
	r, _ := set.Evaluate(&zone.Project{ChainLeaderSourced: boolPtr(true)}, d("2025-07-01"))
	if v, _ := r.Incentives.Lookup("chain-leader-priority"); v.Entitlement.ID != incentive.FactorPriority || v.Entitlement.Label != "要素优先保障" {
		t.Errorf("entitlement = %+v", v.Entitlement)
	}
}

func TestIncentivesYuncheng(t *testing.T) {
	set, err := rules.LoadFile("testdata/incentives/yuncheng.yaml")
	if err != nil {
		t.Fatal(err)
	}
	started := map[zone.Event]date.Date{zone.ConstructionStarted: d("2025-05-06")}
	industrial := func(inv, relocation string, events map[zone.Event]date.Date) *zone.Project {
		p := &zone.Project{ID: "YC-1", Kind: zone.Industrial, Investment: yuanPtr(inv), Events: events}
		if relocation != "" {
			p.Attributes = map[string]string{"relocation_cost": relocation}
		}
		return p
	}
	tests := []struct {
		name    string
		project *zone.Project
		want    string
	}{
		{"12亿元: 1.5% capped at 1000万元 beats the relocation subsidy (就高不重复)", industrial("12亿元", "3000万元", started),
			"major-project-reward awarded 1000万元; relocation-subsidy suppressed 500万元 by major-project-reward; full-agency awarded"},
		{"5.5亿元: 550万元 rounded down to whole 万元", industrial("5.5亿元", "600万元", started),
			"major-project-reward awarded 550万元; relocation-subsidy suppressed 300万元 by major-project-reward; full-agency awarded"},
		{"not started: only the relocation subsidy", industrial("12亿元", "3000万元", nil),
			"major-project-reward ineligible; relocation-subsidy awarded 500万元; full-agency awarded"},
		{"relocation cost unknown: the group waits on it", industrial("12亿元", "", started),
			"major-project-reward undecided 1000万元 by relocation-subsidy; relocation-subsidy undecided missing relocation_cost; full-agency awarded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, evaluateOutcome(t, set, tt.project, "2025-07-01")); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
		})
	}
	b := set.Incentives().Budgets()
	if len(b) != 1 || quantity.FormatMoney(b[0].Unallocated) != "500万元" {
		t.Errorf("budgets = %+v", b)
	}
}

// layeredBase is a baseline with two budgets and three programmes, for the
// layering tests.
const layeredBase = `devzone: 1
id: base
budgets:
  - {id: fund, label: 基金, year: 2025, total: 100万元, earmarks: [{id: a, label: 甲, amount: 100万元}]}
  - {id: other, label: 其他, year: 2025, total: 10万元, earmarks: [{id: b, label: 乙, amount: 10万元}]}
incentives:
  - {id: one, label: 一, benefit: {amount: 10万元}, earmark: fund/a}
  - {id: two, label: 二, benefit: {amount: 20万元}}
  - {id: three, label: 三, benefit: {entitlement: dedicated_team}}
`

// layeredZone is the header of a zone file extending layeredBase.
const layeredZone = "devzone: 1\nid: zone\nextends: base.yaml\n"

// A zone file replaces baseline rules by id, in place, and appends new
// ones; the same holds for budgets.
func TestIncentivesLayering(t *testing.T) {
	set := load(t, map[string]string{
		"base.yaml": layeredBase,
		"rules.yaml": layeredZone + `budgets:
  - {id: fund, label: 基金（调整）, year: 2026, total: 200万元, earmarks: [{id: a, label: 甲, amount: 150万元}, {id: c, label: 丙, amount: 50万元}]}
  - {id: new, label: 新增, year: 2026, total: 1万元, earmarks: [{id: d, label: 丁, amount: 1万元}]}
incentives:
  - {id: two, label: 二（调整）, benefit: {amount: 30万元}, earmark: fund/c}
  - {id: four, label: 四, benefit: {rate: 1%, of: investment}}
`,
	})
	inc := set.Incentives()
	var ids []string
	for _, p := range inc.Programmes() {
		ids = append(ids, p.Ref.ID+" "+p.Ref.Label+" "+p.Ref.Pos.File)
	}
	want := []string{"one 一 base.yaml", "two 二（调整） rules.yaml", "three 三 base.yaml", "four 四 rules.yaml"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("programmes (-want +got):\n%s", diff)
	}
	var budgets []string
	for _, b := range inc.Budgets() {
		budgets = append(budgets, b.Ref.ID+" "+quantity.FormatMoney(b.Total)+" "+b.Ref.Pos.File)
	}
	want = []string{"fund 200万元 rules.yaml", "other 10万元 base.yaml", "new 1万元 rules.yaml"}
	if diff := cmp.Diff(want, budgets); diff != "" {
		t.Errorf("budgets (-want +got):\n%s", diff)
	}
	p, _ := inc.Programme("two")
	if p.Earmark != (incentive.EarmarkRef{Budget: "fund", Earmark: "c"}) {
		t.Errorf("two draws on %v", p.Earmark)
	}
}

// A baseline programme that draws on an earmark the zone file's budget no
// longer has is reported in the baseline, where the reference is written.
func TestIncentivesLayeringBrokenReference(t *testing.T) {
	ds := loadErr(t, map[string]string{
		"base.yaml": layeredBase,
		"rules.yaml": layeredZone + `budgets:
  - {id: fund, label: 基金, year: 2026, total: 100万元, earmarks: [{id: b, label: 乙, amount: 100万元}]}
`,
	})
	want := []got{{rules.CodeIncentiveUnknownEarmark, "base.yaml:7:64", "incentives[0].earmark"}}
	if diff := cmp.Diff(want, summarize(ds)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// budgets: alone compiles into an incentive.Set without programmes, whose
// ledger works.
func TestBudgetsWithoutIncentives(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": `devzone: 1
id: fund-only
budgets:
  - {id: fund, label: 基金, year: 2025, total: 100万元, earmarks: [{id: a, label: 甲, amount: 60万元}], unallocated: 40万元}
`})
	inc := set.Incentives()
	if inc == nil || len(inc.Budgets()) != 1 || len(inc.Programmes()) != 0 {
		t.Fatalf("Incentives() = %+v", inc)
	}
	r, err := set.Evaluate(&zone.Project{}, d("2025-01-01"))
	if err != nil || r.Incentives == nil || len(r.Incentives.Verdicts) != 0 {
		t.Errorf("Evaluate = %+v, %v", r, err)
	}
}

// The amount of a programme read from a fact the project records wrongly
// names the fact and the reason, and a programme whose amount is
// calculated from several facts names each missing one.
func TestIncentiveAmountMissing(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": `devzone: 1
id: amounts
facts:
  land_cost: {type: money, label: 土地成本}
  equipment: {type: money, label: 设备}
incentives:
  - {id: net, label: 净投资奖励, benefit: {rate: 1%, of: investment - land_cost}}
  - {id: kit, label: 设备奖励, benefit: {rate: 1%, of: equipment}}
`})
	ctx := zone.NewContext(&zone.Project{Attributes: map[string]string{"land_cost": "1000万元"}}, d("2025-01-01"), nil)
	if got, want := outcome(ptr(set.Incentives().Evaluate(ctx))), "net awarded missing investment; kit awarded missing equipment"; got != want {
		t.Errorf("outcome = %q, want %q", got, want)
	}
	// A value that does not fit its fact is refused by Set.Evaluate; the
	// incentive.Set alone reports it as the reason the amount is unknown.
	ctx = zone.NewContext(&zone.Project{Attributes: map[string]string{"equipment": "三百万"}}, d("2025-01-01"), nil)
	if got, want := outcome(ptr(set.Incentives().Evaluate(ctx))), `kit awarded missing equipment (设备) = "三百万": `; !strings.Contains(got, want) {
		t.Errorf("outcome = %q, want it to contain %q", got, want)
	}
	if s := set.Incentives().Programmes()[0].Benefit.Base.String(); s != "investment - land_cost" {
		t.Errorf("base = %q", s)
	}
}

func ptr[T any](v T) *T { return &v }

// One compiled Set evaluates the incentives of many projects from many
// goroutines at once; each gets its own answer (run with -race).
func TestIncentivesConcurrent(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": benchIncentives})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				inv := fmt.Sprintf("%d亿元", 1+(g*50+i)%20)
				p := &zone.Project{Investment: yuanPtr(inv), Kind: zone.Industrial, Attributes: map[string]string{"relocation_cost": "100万元"}}
				r, err := set.Evaluate(p, d("2025-07-01"))
				if err != nil {
					t.Error(err)
					return
				}
				v, _ := r.Incentives.Lookup("progressive")
				want := yuanPtr(inv).Mul(decimal.New(5, -3)).Add(decimal.New(5, 5)) // 1% of 1亿元 + 0.5% of the rest
				if !v.Amount.Equal(want) {
					t.Errorf("%s: progressive = %s, want %s", inv, quantity.FormatMoney(v.Amount), quantity.FormatMoney(want))
					return
				}
			}
		}()
	}
	wg.Wait()
}
