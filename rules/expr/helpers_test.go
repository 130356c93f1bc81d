package expr_test

import (
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// builtinDecls declares the built-in project facts and events (the rules
// loader declares them in production) plus tech_level, a rule set's extra
// fact, and a few facts and parameters used by the tests.
func builtinDecls() []expr.Decl {
	text := expr.Type{Kind: expr.KindText}
	ev := func(name, label string) expr.Decl {
		return expr.Decl{Name: name, Label: label, Role: expr.RoleEvent}
	}
	return []expr.Decl{
		{Name: "id", Type: text},
		{Name: "name", Label: "项目名称", Type: text},
		{Name: "investor", Label: "投资方", Type: text},
		{Name: "investment", Label: "投资额", Type: expr.Type{Kind: expr.KindMoney}},
		{Name: "industry", Label: "产业", Type: text},
		{Name: "kind", Label: "项目类型", Type: expr.Type{Kind: expr.KindEnum},
			EnumValues: []expr.EnumValue{{Name: "industrial", Label: "产业项目"}, {Name: "tech", Label: "科技项目"}}},
		{Name: "land_mode", Label: "供地方式", Type: expr.Type{Kind: expr.KindEnum},
			EnumValues: []expr.EnumValue{{Name: "transfer", Label: "出让"}, {Name: "lease", Label: "租赁厂房"}}},
		{Name: "chain_leader_sourced", Label: "链主引进", Type: expr.Type{Kind: expr.KindBool}},
		{Name: "park", Label: "园区", Type: text},
		ev("signed", "签约"),
		ev("site_selected", "选址确定"),
		ev("review_passed", "项目审议通过"),
		ev("land_transferred", "土地出让"),
		ev("construction_started", "开工"),
		ev("equipment_debugging", "设备调试"),
		ev("production_started", "投产"),
		ev("design_capacity_reached", "达产"),
		{Name: "tech_level", Label: "技术层级", Type: expr.Type{Kind: expr.KindInt}},
	}
}

// testDecls adds the facts and parameters the tests use beyond the
// benchmark's.
func testDecls() []expr.Decl {
	return append(builtinDecls(),
		expr.Decl{Name: "land_area", Label: "用地面积", Type: expr.Type{Kind: expr.KindArea}},
		expr.Decl{Name: "tax_rate", Type: expr.Type{Kind: expr.KindPercent}},
		expr.Decl{Name: "score", Type: expr.Type{Kind: expr.KindDecimal}},
		expr.Decl{Name: "handling_period", Type: expr.Type{Kind: expr.KindPeriod}},
		expr.Decl{Name: "industries", Type: expr.Type{Kind: expr.KindList, Elem: expr.KindText}},
		expr.Decl{Name: "major_project_threshold", Label: "重大项目门槛", Role: expr.RoleParam, Type: expr.Type{Kind: expr.KindMoney}},
		expr.Decl{Name: "default_land_mode", Role: expr.RoleParam, Type: expr.Type{Kind: expr.KindEnum, Enum: "land_mode"}},
	)
}

func mustEnv(tb testing.TB, decls []expr.Decl) *expr.Env {
	tb.Helper()
	env, err := expr.NewEnv(decls...)
	if err != nil {
		tb.Fatal(err)
	}
	return env
}

func mustCompile(tb testing.TB, env *expr.Env, src string, want expr.Kind) *expr.Program {
	tb.Helper()
	p, errs := env.Compile(src, want)
	if errs != nil {
		tb.Fatalf("Compile(%q): %v", src, errs)
	}
	return p
}

func d(s string) date.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// facts is a compact description of a project for tests: name → value.
// Events are given as dates.
type facts map[string]any

// bind resets a and stores f in it.
func bind(tb testing.TB, env *expr.Env, a *expr.Activation, asOf string, f facts) {
	tb.Helper()
	a.Reset(d(asOf), calendar.MainlandChina())
	for name, v := range f {
		slot, ok := env.Slot(name)
		if !ok {
			tb.Fatalf("no slot %q", name)
		}
		var val expr.Value
		switch x := v.(type) {
		case expr.Value:
			val = x
		case date.Date:
			val = expr.Date(x)
		case bool:
			val = expr.Bool(x)
		case int:
			val = expr.Int(int64(x))
		case string:
			val = expr.Text(x)
		default:
			tb.Fatalf("bad fact %s: %T", name, v)
		}
		if err := a.Set(slot, val); err != nil {
			tb.Fatalf("Set(%s): %v", name, err)
		}
	}
}
