package incentive_test

import (
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/zone"
)

// sideAmount is an Amount read from a table by project id, standing in for
// a fact that a compiled rule set binds once per project (Attribute parses
// text on every call, which is not what a benchmark of evaluation should
// measure).
type sideAmount struct {
	name string
	vals map[string]decimal.Decimal
}

func (a sideAmount) Value(c *zone.Context) (decimal.Decimal, bool) {
	v, ok := a.vals[c.Project.ID]
	return v, ok
}
func (a sideAmount) Missing(*zone.Context) []string { return []string{a.name} }
func (a sideAmount) String() string                 { return a.name }

func chainLeader() zone.Condition {
	return zone.Func{Text: "chain_leader_sourced", F: func(c *zone.Context) zone.Truth {
		if c.Project.ChainLeaderSourced == nil {
			return zone.Unknown
		}
		return zone.TruthOf(*c.Project.ChainLeaderSourced)
	}}
}

func and(a, b zone.Condition) zone.Condition {
	return zone.Func{Text: a.String() + " and " + b.String(), F: func(c *zone.Context) zone.Truth {
		return a.Test(c).And(b.Test(c))
	}}
}

// jinzhongSet is a Jinzhong-like set of seven programmes: services for
// large and chain-leader projects, the Shanxi equipment subsidy, two
// attraction awards in a stacking group, and a chain-leader referral award.
func jinzhongSet(t testing.TB) *incentive.Set {
	return jinzhongSetWith(t, map[string]decimal.Decimal{})
}

func jinzhongSetWith(t testing.TB, equipment map[string]decimal.Decimal) *incentive.Set {
	t.Helper()
	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
	steward, _ := incentive.LookupEntitlement(incentive.ProjectSteward)
	factors, _ := incentive.LookupEntitlement(incentive.FactorPriority)
	landEntry := incentive.EarmarkRef{Budget: "prephase-2025", Earmark: "land-entry"}
	subsidy := equipmentSubsidy(incentive.WholeBase)
	subsidy.Benefit = subsidy.Benefit.AppliedTo(sideAmount{"equipment_purchase", equipment})
	set, err := incentive.New(incentive.Spec{
		Budgets: []incentive.Budget{prephase()},
		Programmes: []incentive.Programme{
			{Ref: ref("major-project-team", "重大项目专班服务"), Eligibility: atLeast("10亿元"), Benefit: incentive.Grant(team), Excludes: []string{"project-steward"}},
			{Ref: ref("project-steward", "项目管家"), Eligibility: atLeast("1亿元"), Benefit: incentive.Grant(steward)},
			subsidy,
			{Ref: ref("investment-award", "投资奖励"), Eligibility: atLeast("1亿元"), Group: "attraction", Earmark: landEntry,
				Benefit:  incentive.RateOf(pct("0.5%"), incentive.Investment()).WithCap(money("500万元")),
				Rounding: incentive.Rounding{Places: 2, Mode: incentive.RoundHalfUp}},
			{Ref: ref("settle-award", "落户奖励"), Eligibility: atLeast("5亿元"), Group: "attraction", Earmark: landEntry,
				Benefit: incentive.Fixed(money("100万元"))},
			{Ref: ref("chain-referral", "链主引荐奖励"), Eligibility: and(chainLeader(), atLeast("1亿元")), Benefit: incentive.Fixed(money("500万元"))},
			{Ref: ref("chain-factors", "要素优先保障"), Eligibility: chainLeader(), Benefit: incentive.Grant(factors)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// variedProjects returns n projects cycling through investments, kinds and
// chain-leader facts, some of them missing.
func variedProjects(n int) []*zone.Project {
	invs := []string{"", "5000万元", "1亿元", "2.5亿元", "3亿元", "5亿元", "8亿元", "10亿元", "12亿元", "30亿元", "1234567.89元"}
	out := make([]*zone.Project, n)
	for i := range out {
		p := project(invs[i%len(invs)])
		p.ID = "P" + strconv.Itoa(i)
		switch i % 3 {
		case 0:
			v := true
			p.ChainLeaderSourced = &v
		case 1:
			v := false
			p.ChainLeaderSourced = &v
		}
		out[i] = p
	}
	return out
}

// equipmentFor gives about two thirds of the projects an equipment
// purchase of 60% of their investment.
func equipmentFor(ps []*zone.Project) map[string]decimal.Decimal {
	m := map[string]decimal.Decimal{}
	for i, p := range ps {
		if p.Investment != nil && i%3 != 2 {
			m[p.ID] = p.Investment.Mul(decimal.New(6, -1))
		}
	}
	return m
}

func BenchmarkEvaluate(b *testing.B) {
	ps := variedProjects(1024)
	set := jinzhongSetWith(b, equipmentFor(ps))
	c := ctx(ps[0])
	asOf, cal := c.AsOf, c.Calendar
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Reset(ps[i%len(ps)], asOf, cal)
		_ = set.Evaluate(c)
		i++
	}
}

func BenchmarkExplain(b *testing.B) {
	ps := variedProjects(1024)
	set := jinzhongSetWith(b, equipmentFor(ps))
	c := ctx(ps[0])
	asOf, cal := c.AsOf, c.Calendar
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Reset(ps[i%len(ps)], asOf, cal)
		_ = set.Explain(c)
		i++
	}
}

func BenchmarkLedgerAllocateParallel(b *testing.B) {
	big := incentive.Budget{
		Ref: ref("big", "大额预算"), Year: 2025, Total: money("100000亿元"),
		Earmarks: []incentive.Earmark{{Ref: ref("all", "全部"), Amount: money("100000亿元")}},
	}
	l, err := incentive.NewLedger(big)
	if err != nil {
		b.Fatal(err)
	}
	amount := money("1万元")
	day := date.New(2025, 6, 12)
	var n atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := "a" + strconv.FormatInt(n.Add(1), 10)
			err := l.Record(incentive.Entry{ID: id, Kind: incentive.Allocation, Budget: "big", Earmark: "all", Project: "P", Amount: amount, Date: day})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
