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

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

const evalRules = `devzone: 1
id: jinzhong
effective: 2023-01-01
parameters:
  threshold:
    label: 重大项目门槛
    values: {2023-01-01: 5亿元, 2025-06-01: 10亿元}
  leading:
    label: 主导产业
    value: ["新能源汽车", "装备制造"]
  late_threshold:
    label: 新门槛
    values: {2026-01-01: 20亿元}
facts:
  tech_level: {type: int, label: 技术层级}
  chain_relevance:
    type: enum
    label: 链条关联
    values:
      - {name: core, label: 核心}
      - {name: related, label: 配套}
  planned_area: {type: area, label: 用地面积}
events:
  transition_meeting: {label: 转段会议}
conditions:
  major_project:
    label: 重大项目
    when: investment >= threshold
  service_team:
    label: 专班服务
    when: major_project and industry in leading
  core_tech:
    label: 核心科技项目
    when: kind == tech and chain_relevance == 核心 and tech_level >= 3
  lease_ready:
    label: 租赁项目已开工
    when: land_mode == 租赁厂房 and happened(construction_started)
`

func money(s string) *decimal.Decimal {
	v := decimal.RequireFromString(s)
	return &v
}

func TestConditionVerdicts(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	yes := true
	tests := []struct {
		name    string
		cond    string
		project zone.Project
		asOf    string
		want    zone.Truth
		missing []string
	}{
		{"major", "major_project", zone.Project{Investment: money("1200000000")}, "2025-07-01", zone.True, nil},
		{"major uses the value in force", "major_project", zone.Project{Investment: money("800000000")}, "2025-05-31", zone.True, nil},
		{"not major after the threshold rose", "major_project", zone.Project{Investment: money("800000000")}, "2025-06-01", zone.False, nil},
		{"investment unknown", "major_project", zone.Project{}, "2025-06-01", zone.Unknown, []string{"investment"}},
		{"and with a false side is false", "service_team", zone.Project{Industry: "生物医药"}, "2025-06-01", zone.False, nil},
		{"and with an unknown side is unknown", "service_team", zone.Project{Industry: "装备制造"}, "2025-06-01", zone.Unknown, []string{"investment"}},
		{"enum by label", "core_tech", zone.Project{Kind: zone.Tech, Attributes: map[string]string{"chain_relevance": "core", "tech_level": "3"}}, "2025-06-01", zone.True, nil},
		{"enum attribute by label", "core_tech", zone.Project{Kind: zone.Tech, Attributes: map[string]string{"chain_relevance": "核心", "tech_level": "4"}}, "2025-06-01", zone.True, nil},
		{"missing attribute", "core_tech", zone.Project{Kind: zone.Tech, Attributes: map[string]string{"chain_relevance": "core"}}, "2025-06-01", zone.Unknown, []string{"tech_level"}},
		{"event happened", "lease_ready", zone.Project{LandMode: zone.Lease, Events: map[zone.Event]date.Date{zone.ConstructionStarted: d("2025-05-01")}}, "2025-06-01", zone.True, nil},
		{"event after the as-of date", "lease_ready", zone.Project{LandMode: zone.Lease, Events: map[zone.Event]date.Date{zone.ConstructionStarted: d("2025-07-01")}}, "2025-06-01", zone.False, nil},
		{"chain leader unused", "major_project", zone.Project{Investment: money("500000000"), ChainLeaderSourced: &yes}, "2024-01-01", zone.True, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := set.NamedCondition(tt.cond)
			if !ok {
				t.Fatalf("no condition %s", tt.cond)
			}
			x, err := c.Evaluate(&tt.project, d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if x.Truth != tt.want {
				t.Errorf("verdict = %v, want %v\n%s", x.Truth, tt.want, x.Detail)
			}
			if diff := cmp.Diff(tt.missing, x.Missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			// zone.Condition gives the same verdict.
			ctx := zone.NewContext(&tt.project, d(tt.asOf), nil)
			if got := c.Test(ctx); got != tt.want {
				t.Errorf("Test = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBeforeFirstValueIsUnknown(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	c, err := set.Condition("investment >= late_threshold")
	if err != nil {
		t.Fatal(err)
	}
	x, err := c.Evaluate(&zone.Project{Investment: money("3000000000")}, d("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if x.Truth != zone.Unknown || !cmp.Equal(x.Missing, []string{"late_threshold"}) {
		t.Errorf("verdict %v, missing %v", x.Truth, x.Missing)
	}
	if !strings.Contains(x.Detail, "2026-01-01") {
		t.Errorf("the explanation does not say why:\n%s", x.Detail)
	}
	x, _ = c.Evaluate(&zone.Project{Investment: money("3000000000")}, d("2026-01-01"))
	if x.Truth != zone.True {
		t.Errorf("on the first date: %v", x.Truth)
	}
}

func TestExplainFollowsNamedConditions(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	c, _ := set.NamedCondition("service_team")
	x, err := c.Evaluate(&zone.Project{Industry: "装备制造"}, d("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	// service_team is unknown because major_project is, because investment
	// is missing: the explanation names the fact, not the condition.
	if !cmp.Equal(x.Missing, []string{"investment"}) {
		t.Errorf("missing = %v", x.Missing)
	}
	// The detail says the condition cannot be decided; it does not call
	// the condition a missing fact.
	if !strings.Contains(x.Detail, "条件 major_project 无法判定") || strings.Contains(x.Detail, "缺少事实 major_project") {
		t.Errorf("detail = %q; want 条件 major_project 无法判定, not 缺少事实 major_project", x.Detail)
	}
}

func TestEvaluateErrors(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	tests := []struct {
		name    string
		project zone.Project
		asOf    string
		is      error
		fact    string
	}{
		{"undeclared attribute", zone.Project{Attributes: map[string]string{"colour": "red"}}, "2025-06-01", rules.ErrUndeclared, "colour"},
		{"undeclared event", zone.Project{Events: map[zone.Event]date.Date{"ribbon_cut": d("2025-01-01")}}, "2025-06-01", rules.ErrUndeclared, "ribbon_cut"},
		{"bad int", zone.Project{Attributes: map[string]string{"tech_level": "三"}}, "2025-06-01", nil, "tech_level"},
		{"bad area", zone.Project{Attributes: map[string]string{"planned_area": "50平方"}}, "2025-06-01", nil, "planned_area"},
		{"bad enum", zone.Project{Attributes: map[string]string{"chain_relevance": "peripheral"}}, "2025-06-01", nil, "chain_relevance"},
		{"not in force", zone.Project{}, "2022-12-31", rules.ErrNotInForce, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := set.Evaluate(&tt.project, d(tt.asOf))
			if err == nil || r != nil {
				t.Fatalf("Evaluate = %v, %v; want an error", r, err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%v is not %v", err, tt.is)
			}
			var fe *rules.FactError
			if tt.fact != "" && (!errors.As(err, &fe) || fe.Fact != tt.fact) {
				t.Errorf("%v: no FactError for %s", err, tt.fact)
			}
			var ne *rules.NotInForceError
			if errors.Is(err, rules.ErrNotInForce) && (!errors.As(err, &ne) || ne.Effective != d("2023-01-01")) {
				t.Errorf("NotInForceError = %+v", ne)
			}
		})
	}
	// The zone.Condition side reads such facts as unknown.
	c, _ := set.NamedCondition("core_tech")
	ctx := zone.NewContext(&zone.Project{Kind: zone.Tech, Attributes: map[string]string{"tech_level": "三", "chain_relevance": "core"}}, d("2025-06-01"), nil)
	if got := c.Test(ctx); got != zone.Unknown {
		t.Errorf("Test with a bad attribute = %v, want unknown", got)
	}
	if x := c.Explain(ctx); !strings.Contains(x.Detail, "三") {
		t.Errorf("Explain does not mention the bad value:\n%s", x.Detail)
	}
}

func TestSetEvaluate(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	r, err := set.Evaluate(&zone.Project{Investment: money("1200000000"), Industry: "装备制造", Kind: zone.Industrial, LandMode: zone.Transfer}, d("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Conditions {
		got = append(got, fmt.Sprintf("%s %s %s", c.Ref.ID, c.Ref.Label, c.Explanation.Truth))
	}
	want := []string{"major_project 重大项目 true", "service_team 专班服务 true", "core_tech 核心科技项目 false", "lease_ready 租赁项目已开工 false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestContextReuse checks that a zone.Context reset to another project is
// evaluated afresh.
func TestContextReuse(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	c, _ := set.NamedCondition("major_project")
	ctx := zone.NewContext(&zone.Project{Investment: money("1200000000")}, d("2025-06-01"), nil)
	if got := c.Test(ctx); got != zone.True {
		t.Fatalf("first project: %v", got)
	}
	ctx.Reset(&zone.Project{Investment: money("100")}, d("2025-06-01"), nil)
	if got := c.Test(ctx); got != zone.False {
		t.Errorf("after Reset: %v", got)
	}
	ctx.Reset(&zone.Project{}, d("2025-06-01"), nil)
	if got := c.Test(ctx); got != zone.Unknown {
		t.Errorf("after Reset to an empty project: %v", got)
	}
}

// TestContextReuseParameters checks that a context reset to another date
// reads the parameters in force on that date: the binding keeps the
// parameters of the last date for the next project.
func TestContextReuseParameters(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": `devzone: 1
id: t
parameters:
  threshold:
    label: 重大项目门槛
    values: {2023-01-01: 5亿元, 2025-06-01: 10亿元}
conditions:
  major:
    label: 重大项目
    when: investment >= threshold
`})
	c, _ := set.NamedCondition("major")
	p := &zone.Project{Investment: money("800000000")}
	ctx := zone.NewContext(p, d("2024-01-01"), nil)
	for _, tt := range []struct {
		asOf string
		want zone.Truth
	}{
		{"2024-01-01", zone.True},  // 8亿元 ≥ 5亿元
		{"2025-06-01", zone.False}, // 8亿元 < 10亿元
		{"2025-07-01", zone.False},
		{"2022-12-31", zone.Unknown}, // before the first value
		{"2024-01-01", zone.True},
	} {
		ctx.Reset(p, d(tt.asOf), nil)
		if got := c.Test(ctx); got != tt.want {
			t.Errorf("as of %s: %v, want %v", tt.asOf, got, tt.want)
		}
	}
}

func TestSetCondition(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	_, err := set.Condition("investment >= 10亿元 and\n  industri == \"装备制造\"")
	var ds rules.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != rules.CodeExprUnknownName || ds[0].Pos != (rules.Pos{Line: 2, Col: 3}) {
		t.Errorf("Condition error = %v (%#v)", err, ds)
	}
	c, err := set.Condition("投资额 >= 重大项目门槛")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "" || c.String() != "投资额 >= 重大项目门槛" {
		t.Errorf("ad hoc condition: %q %q", c.Name(), c.String())
	}
}

// TestConcurrentEvaluate evaluates one Set from many goroutines; run it with
// -race.
func TestConcurrentEvaluate(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": evalRules})
	adhoc, err := set.Condition("major_project and tech_level >= 2")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				inv := decimal.NewFromInt(int64(g*i) * 20000000)
				p := &zone.Project{Investment: &inv, Industry: "装备制造", Attributes: map[string]string{"tech_level": fmt.Sprint(i % 5)}}
				asOf := d("2025-05-20") + date.Date(i)
				r, err := set.Evaluate(p, asOf)
				if err != nil {
					errs <- err
					return
				}
				threshold := decimal.NewFromInt(500000000)
				if asOf >= d("2025-06-01") {
					threshold = decimal.NewFromInt(1000000000)
				}
				want := zone.TruthOf(inv.GreaterThanOrEqual(threshold))
				if got := r.Conditions[0].Explanation.Truth; got != want {
					errs <- fmt.Errorf("goroutine %d, %s, %s: major_project = %v, want %v", g, inv, asOf, got, want)
					return
				}
				x, err := adhoc.Evaluate(p, asOf)
				if err != nil {
					errs <- err
					return
				}
				if want == zone.True && x.Truth != zone.TruthOf(i%5 >= 2) {
					errs <- fmt.Errorf("ad hoc condition = %v", x.Truth)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
