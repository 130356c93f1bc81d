package expr_test

import (
	"fmt"
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/rickb777/date/v2"
)

// eligibilityRule is the rule of BenchmarkEligibility, as the issue states it.
const eligibilityRule = `investment >= 10亿元 and industry in [新能源汽车, 装备制造, 信息创新] and (chain_leader_sourced or tech_level >= 3) and date(signed) <= 2026-06-30`

// benchProject is one project of the benchmark, in the plain form a
// hand-written Go check would use.
type benchProject struct {
	investment   int64 // yuan
	industry     string
	chainLeader  bool
	techLevel    int64
	hasTechLevel bool
	signed       date.Date
	hasSigned    bool
}

// benchProjects returns n varied projects, half of them eligible, with the
// boundary values: investment exactly 10亿元, signed exactly on 2026-06-30,
// tech_level missing.
func benchProjects(n int) []benchProject {
	industries := []string{"新能源汽车", "装备制造", "信息创新"}
	others := []string{"煤炭", "文旅", "现代物流"}
	deadline := d("2026-06-30")
	ps := make([]benchProject, n)
	for i := range ps {
		p := benchProject{
			investment:   1_000_000_000 + int64(i%7)*250_000_000, // from exactly 10亿元
			industry:     industries[i%3],
			chainLeader:  i%4 == 0,
			techLevel:    int64(3 + i%3),
			hasTechLevel: i%4 != 0, // chain leaders without a tech level
			signed:       deadline - date.Date(i%90),
			hasSigned:    true,
		}
		if i%2 == 1 { // ineligible, each condition in turn
			switch (i / 2) % 6 {
			case 0:
				p.investment = 999_999_999 // one yuan short
			case 1:
				p.industry = others[i%3]
			case 2:
				p.chainLeader, p.hasTechLevel = false, false // unknown
			case 3:
				p.chainLeader, p.techLevel = false, 2
			case 4:
				p.signed = deadline + 1 // signed one day late
			case 5:
				p.hasSigned = false // not signed: unknown
			}
		}
		ps[i] = p
	}
	return ps
}

// handWritten is the eligibility rule written directly in Go: the
// baseline the compiled program is measured against.
func handWritten(p *benchProject) bool {
	if p.investment < 1_000_000_000 {
		return false
	}
	switch p.industry {
	case "新能源汽车", "装备制造", "信息创新":
	default:
		return false
	}
	if !p.chainLeader && !(p.hasTechLevel && p.techLevel >= 3) {
		return false
	}
	return p.hasSigned && p.signed <= d20260630
}

var d20260630 = date.New(2026, 6, 30)

func benchActivations(tb testing.TB, env *expr.Env, ps []benchProject) []*expr.Activation {
	slot := func(name string) int {
		s, ok := env.Slot(name)
		if !ok {
			tb.Fatalf("no slot %s", name)
		}
		return s
	}
	inv, ind, cl, tl, sg := slot("investment"), slot("industry"), slot("chain_leader_sourced"), slot("tech_level"), slot("signed")
	asOf := d("2026-12-31")
	acts := make([]*expr.Activation, len(ps))
	for i, p := range ps {
		a := env.NewActivation()
		a.Reset(asOf, calendar.MainlandChina())
		m, err := quantity.ParseMoney(fmt.Sprintf("%d元", p.investment))
		if err != nil {
			tb.Fatal(err)
		}
		must(tb, a.Set(inv, expr.Money(m)))
		must(tb, a.Set(ind, expr.Text(p.industry)))
		must(tb, a.Set(cl, expr.Bool(p.chainLeader)))
		if p.hasTechLevel {
			must(tb, a.Set(tl, expr.Int(p.techLevel)))
		}
		if p.hasSigned {
			must(tb, a.SetEvent(sg, p.signed))
		}
		acts[i] = a
	}
	return acts
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkEligibility compiles the eligibility rule once and evaluates it
// over 1,024 varied projects, activations bound in setup.
func BenchmarkEligibility(b *testing.B) {
	env := mustEnv(b, builtinDecls())
	prog := mustCompile(b, env, eligibilityRule, expr.KindBool)
	ps := benchProjects(1024)
	acts := benchActivations(b, env, ps)
	eligible := 0
	for i, a := range acts {
		got := prog.Eval(a).Truth() == expr.True
		if got != handWritten(&ps[i]) {
			b.Fatalf("project %d: program says %v, hand-written Go %v", i, got, !got)
		}
		if got {
			eligible++
		}
	}
	if eligible != len(ps)/2 {
		b.Fatalf("%d of %d projects eligible, want half", eligible, len(ps))
	}
	b.ReportAllocs()
	var n int
	i := 0
	for b.Loop() {
		if prog.Eval(acts[i&1023]).Truth() == expr.True {
			n++
		}
		i++
	}
	sinkInt = n
}

// BenchmarkEligibilityHandWritten is the same check written in Go, for the
// ratio.
func BenchmarkEligibilityHandWritten(b *testing.B) {
	ps := benchProjects(1024)
	b.ReportAllocs()
	var n int
	i := 0
	for b.Loop() {
		if handWritten(&ps[i&1023]) {
			n++
		}
		i++
	}
	sinkInt = n
}

var sinkInt int

// BenchmarkCompile measures parsing, checking, folding and building the
// closures of the eligibility rule.
func BenchmarkCompile(b *testing.B) {
	env := mustEnv(b, builtinDecls())
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := env.Compile(eligibilityRule, expr.KindBool); errs != nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkExplain measures the audit trace of the eligibility rule, which
// allocates.
func BenchmarkExplain(b *testing.B) {
	env := mustEnv(b, builtinDecls())
	prog := mustCompile(b, env, eligibilityRule, expr.KindBool)
	acts := benchActivations(b, env, benchProjects(64))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = prog.Explain(acts[i&63])
		i++
	}
}

// BenchmarkDeadline evaluates a working-day deadline condition, which asks
// the calendar.
func BenchmarkDeadline(b *testing.B) {
	env := mustEnv(b, builtinDecls())
	prog := mustCompile(b, env, "land_mode == transfer and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)", expr.KindBool)
	a := env.NewActivation()
	a.Reset(d("2025-07-23"), calendar.MainlandChina())
	lm, _ := env.Slot("land_mode")
	rp, _ := env.Slot("review_passed")
	must(b, a.Set(lm, expr.Enum("transfer")))
	must(b, a.SetEvent(rp, d("2025-06-10")))
	b.ReportAllocs()
	for b.Loop() {
		prog.Eval(a)
	}
}
