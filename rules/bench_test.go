package rules_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// bigRuleSet generates a rule set with n parameters (half of them dated),
// n facts and n named conditions, each condition reading a parameter, a
// fact and, for most, an earlier condition.
func bigRuleSet(n int) []byte {
	var b strings.Builder
	b.WriteString("devzone: 1\nid: big\neffective: 2023-01-01\nparameters:\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "  p%d:\n    label: 参数%d\n    values: {2023-01-01: %d万元, 2025-06-01: %d亿元}\n", i, i, i+1, i+1)
		case 1:
			fmt.Fprintf(&b, "  p%d: {label: 期限%d, value: %d个工作日}\n", i, i, i%200+1)
		case 2:
			fmt.Fprintf(&b, "  p%d: {label: 比例%d, value: %d%%}\n", i, i, i%100)
		default:
			fmt.Fprintf(&b, "  p%d: {label: 等级%d, values: {2023-01-01: %d, 2024-01-01: %d}}\n", i, i, i%7, i%9)
		}
	}
	b.WriteString("facts:\n")
	for i := range n {
		types := []string{"money", "text", "percent", "int"}
		fmt.Fprintf(&b, "  f%d: {type: %s, label: 事实%d}\n", i, types[i%4], i)
	}
	b.WriteString("conditions:\n")
	for i := range n {
		var when string
		switch i % 4 {
		case 0:
			when = fmt.Sprintf("f%d >= p%d and investment >= p%d", i, i, i)
		case 1:
			when = fmt.Sprintf("happened(signed) and date(signed) + p%d >= as_of", i)
		case 2:
			when = fmt.Sprintf("f%d > p%d or kind == tech", i, i)
		default:
			when = fmt.Sprintf("f%d >= p%d and land_mode == transfer", i, i)
		}
		if i > 0 {
			when = fmt.Sprintf("(%s) or c%d", when, max(0, i-1-(i%3)))
		}
		fmt.Fprintf(&b, "  c%d:\n    label: 条件%d\n    when: >\n      %s\n", i, i, when)
	}
	return []byte(b.String())
}

func TestBigRuleSetLoads(t *testing.T) {
	set, err := rules.LoadFS(fstest.MapFS{"rules.yaml": {Data: bigRuleSet(200)}}, "rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Params()) != 200 || len(set.Conditions()) != 200 {
		t.Errorf("%d params, %d conditions", len(set.Params()), len(set.Conditions()))
	}
}

// BenchmarkLoad parses and compiles a rule set of 1,000 parameters, 1,000
// facts and 1,000 condition expressions.
func BenchmarkLoad(b *testing.B) {
	src := bigRuleSet(1000)
	fsys := fstest.MapFS{"rules.yaml": {Data: src}}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := rules.LoadFS(fsys, "rules.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile measures Compile alone on the same rule set.
func BenchmarkCompile(b *testing.B) {
	f, ds := rules.Parse("rules.yaml", bigRuleSet(1000))
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := rules.Compile(f); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}

// BenchmarkEvaluate evaluates every named condition of the evaluation test
// rule set for one project.
func BenchmarkEvaluate(b *testing.B) {
	set, err := rules.LoadFS(fstest.MapFS{"rules.yaml": {Data: []byte(evalRules)}}, "rules.yaml")
	if err != nil {
		b.Fatal(err)
	}
	inv := decimal.NewFromInt(1200000000)
	p := &zone.Project{Investment: &inv, Industry: "装备制造", Kind: zone.Tech, Attributes: map[string]string{"tech_level": "3", "chain_relevance": "core"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := set.Evaluate(p, d("2025-06-01")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConditionTest measures the zone.Condition path: one context per
// project, reused; the project's facts are bound once per Reset.
func BenchmarkConditionTest(b *testing.B) {
	set, err := rules.LoadFS(fstest.MapFS{"rules.yaml": {Data: []byte(evalRules)}}, "rules.yaml")
	if err != nil {
		b.Fatal(err)
	}
	c, _ := set.NamedCondition("service_team")
	inv := decimal.NewFromInt(1200000000)
	p := &zone.Project{Investment: &inv, Industry: "装备制造"}
	ctx := zone.NewContext(p, d("2025-06-01"), nil)
	b.ReportAllocs()
	for b.Loop() {
		if c.Test(ctx) != zone.True {
			b.Fatal("want true")
		}
	}
}

// BenchmarkParse measures Parse alone on the generated rule set.
func BenchmarkParse(b *testing.B) {
	src := bigRuleSet(1000)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, ds := rules.Parse("rules.yaml", src); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
