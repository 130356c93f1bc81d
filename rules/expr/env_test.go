package expr_test

import (
	"errors"
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/google/go-cmp/cmp"
)

func TestNewEnv_errors(t *testing.T) {
	money := expr.Type{Kind: expr.KindMoney}
	landMode := []expr.EnumValue{{Name: "transfer", Label: "出让"}, {Name: "lease", Label: "租赁厂房"}}
	type declErr struct {
		Index int
		Code  string
	}
	tests := []struct {
		name   string
		decls  []expr.Decl
		want   []declErr
		reason string
	}{
		{"ok", testDecls(), nil, ""},
		{"camel case", []expr.Decl{{Name: "techLevel", Type: money}}, []declErr{{0, expr.CodeDeclName}}, "names are snake_case"},
		{"keyword", []expr.Decl{{Name: "and", Type: money}}, []declErr{{0, expr.CodeDeclName}}, ""},
		{"as_of", []expr.Decl{{Name: "as_of", Type: money}}, []declErr{{0, expr.CodeDeclName}}, ""},
		{"label with space", []expr.Decl{{Name: "x", Label: "投资 额", Type: money}}, []declErr{{0, expr.CodeDeclName}}, "a label must lex as one identifier"},
		{"duplicate name", []expr.Decl{{Name: "x", Type: money}, {Name: "x", Type: money}}, []declErr{{1, expr.CodeDeclDuplicate}}, ""},
		{"label is a name", []expr.Decl{{Name: "x", Type: money}, {Name: "y", Label: "x", Type: money}}, []declErr{{1, expr.CodeDeclDuplicate}}, ""},
		{"no type", []expr.Decl{{Name: "x"}}, []declErr{{0, expr.CodeDeclType}}, ""},
		{"list of lists", []expr.Decl{{Name: "x", Type: expr.Type{Kind: expr.KindList, Elem: expr.KindList}}}, []declErr{{0, expr.CodeDeclType}}, ""},
		{"event not date", []expr.Decl{{Name: "x", Role: expr.RoleEvent, Type: money}}, []declErr{{0, expr.CodeDeclType}}, ""},
		{"enum without values", []expr.Decl{{Name: "x", Type: expr.Type{Kind: expr.KindEnum}}}, []declErr{{0, expr.CodeDeclEnum}}, ""},
		{"enum twice", []expr.Decl{
			{Name: "x", Type: expr.Type{Kind: expr.KindEnum, Enum: "m"}, EnumValues: landMode},
			{Name: "y", Type: expr.Type{Kind: expr.KindEnum, Enum: "m"}, EnumValues: landMode[:1]},
		}, []declErr{{1, expr.CodeDeclEnum}}, "one value set, declared differently"},
		{"enum shared", []expr.Decl{
			{Name: "y", Type: expr.Type{Kind: expr.KindEnum, Enum: "m"}},
			{Name: "x", Type: expr.Type{Kind: expr.KindEnum, Enum: "m"}, EnumValues: landMode},
		}, nil, "a later declaration may define the set"},
		{"enum duplicate value", []expr.Decl{{Name: "x", Type: expr.Type{Kind: expr.KindEnum}, EnumValues: []expr.EnumValue{{Name: "a"}, {Name: "b", Label: "a"}}}}, []declErr{{0, expr.CodeDeclEnum}}, ""},
		{"values on money", []expr.Decl{{Name: "x", Type: money, EnumValues: landMode}}, []declErr{{0, expr.CodeDeclType}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := expr.NewEnv(tc.decls...)
			var got []declErr
			if err != nil {
				for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
					var de *expr.DeclError
					if !errors.As(e, &de) {
						t.Fatalf("error %v is not a *DeclError", e)
					}
					got = append(got, declErr{de.Index, de.Code})
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NewEnv errors (%s) (-want +got):\n%s", tc.reason, diff)
			}
		})
	}
}

func TestEnv_Slot(t *testing.T) {
	env := mustEnv(t, testDecls())
	decls := env.Decls()
	for i, d := range decls {
		for _, name := range []string{d.Name, d.Label} {
			if name == "" {
				continue
			}
			if slot, ok := env.Slot(name); !ok || slot != i {
				t.Errorf("Slot(%q) = %d, %v; want %d", name, slot, ok, i)
			}
		}
	}
	if _, ok := env.Slot("nope"); ok {
		t.Error("Slot(nope) found")
	}
	decls[0].Name = "changed"
	if env.Decls()[0].Name == "changed" {
		t.Error("Decls returned the Env's own slice")
	}
}

func TestActivation_Set(t *testing.T) {
	env := mustEnv(t, testDecls())
	slot := func(name string) int {
		s, ok := env.Slot(name)
		if !ok {
			t.Fatalf("no slot %s", name)
		}
		return s
	}
	tests := []struct {
		name    string
		slot    int
		v       expr.Value
		wantErr bool
		want    expr.Value
		reason  string
	}{
		{"money", slot("investment"), expr.Money(dec("1e9")), false, expr.Money(dec("1000000000")), ""},
		{"wrong kind", slot("investment"), expr.Text("10亿元"), true, expr.Value{}, "text is not money"},
		{"int for decimal", slot("score"), expr.Int(3), false, expr.Decimal(dec("3")), "an int fills a decimal slot"},
		{"int for money", slot("investment"), expr.Int(3), true, expr.Value{}, "no unit: rejected"},
		{"enum by name", slot("land_mode"), expr.Enum("lease"), false, expr.Enum("lease"), ""},
		{"enum by label", slot("land_mode"), expr.Text("租赁厂房"), false, expr.Enum("lease"), "text naming a value"},
		{"enum unknown", slot("land_mode"), expr.Enum("sale"), true, expr.Value{}, ""},
		{"event", slot("signed"), expr.Date(d("2025-06-02")), false, expr.Date(d("2025-06-02")), ""},
		{"event not date", slot("signed"), expr.Bool(true), true, expr.Value{}, ""},
		{"list", slot("industries"), expr.List(expr.Text("文旅")), false, expr.List(expr.Text("文旅")), ""},
		{"list wrong element", slot("industries"), expr.List(expr.Int(1)), true, expr.Value{}, ""},
		{"period", slot("handling_period"), expr.Period(calendar.NewPeriod(20, calendar.WorkingDays)), false, expr.Period(calendar.NewPeriod(20, calendar.WorkingDays)), ""},
		{"unknown clears", slot("investment"), expr.Value{}, false, expr.Value{}, ""},
		{"huge", slot("investment"), expr.Money(dec("1e40")), true, expr.Value{}, "beyond ±10^30"},
		{"no such slot", 999, expr.Int(1), true, expr.Value{}, ""},
		{"negative slot", -1, expr.Int(1), true, expr.Value{}, ""},
	}
	a := env.NewActivation()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a.Reset(d("2025-12-31"), nil)
			if tc.slot >= 0 && tc.slot < 999 {
				_ = a.Set(tc.slot, expr.Money(dec("1"))) // something to clear
			}
			err := a.Set(tc.slot, tc.v)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Set(%v) error = %v, want error %v (%s)", tc.v, err, tc.wantErr, tc.reason)
			}
			var se *expr.SetError
			if err != nil && !errors.As(err, &se) {
				t.Errorf("error %T is not a *SetError", err)
			}
			if diff := cmp.Diff(tc.want, a.Get(tc.slot)); diff != "" {
				t.Errorf("Get after Set (-want +got):\n%s", diff)
			}
		})
	}
}

func TestActivation_ResetAllocs(t *testing.T) {
	env := mustEnv(t, testDecls())
	a := env.NewActivation()
	inv, _ := env.Slot("investment")
	ind, _ := env.Slot("industry")
	lm, _ := env.Slot("land_mode")
	sg, _ := env.Slot("signed")
	money := expr.Money(dec("1200000000"))
	allocs := testing.AllocsPerRun(100, func() {
		a.Reset(d("2025-12-31"), calendar.MainlandChina())
		_ = a.Set(inv, money)
		_ = a.Set(ind, expr.Text("装备制造"))
		_ = a.Set(lm, expr.Text("出让"))
		_ = a.SetEvent(sg, d("2025-06-02"))
	})
	if allocs != 0 {
		t.Errorf("Reset and Set allocate %v times, want 0", allocs)
	}
}

func TestActivation_CopyFrom(t *testing.T) {
	env := mustEnv(t, testDecls())
	inv, _ := env.Slot("investment")
	ind, _ := env.Slot("industry")
	base := env.NewActivation()
	base.Reset(d("2025-12-31"), calendar.MainlandChina())
	if err := base.Set(inv, expr.Money(dec("1200000000"))); err != nil {
		t.Fatal(err)
	}
	a := env.NewActivation()
	a.Reset(d("2020-01-01"), nil)
	if err := a.Set(ind, expr.Text("装备制造")); err != nil {
		t.Fatal(err)
	}
	a.CopyFrom(base)
	if asOf, ok := a.AsOf(); !ok || asOf != d("2025-12-31") {
		t.Errorf("AsOf() = %v, %v; want 2025-12-31, true", asOf, ok)
	}
	if got := a.Get(inv); got != base.Get(inv) {
		t.Errorf("investment = %v, want %v", got, base.Get(inv))
	}
	if got := a.Get(ind); got.Known() {
		t.Errorf("industry = %v after CopyFrom, want unknown (the base has none)", got)
	}
	// The copy is independent of the base.
	_ = a.Set(inv, expr.Money(dec("1")))
	if base.Get(inv) == a.Get(inv) {
		t.Error("setting the copy changed the base")
	}
	if allocs := testing.AllocsPerRun(100, func() { a.CopyFrom(base) }); allocs != 0 {
		t.Errorf("CopyFrom allocates %v times, want 0", allocs)
	}
	other := mustEnv(t, testDecls()).NewActivation()
	defer func() {
		if recover() == nil {
			t.Error("CopyFrom between environments did not panic")
		}
	}()
	a.CopyFrom(other)
}

func TestEval_allocs(t *testing.T) {
	env := mustEnv(t, testDecls())
	a := env.NewActivation()
	bind(t, env, a, "2025-12-31", project())
	for _, src := range []string{
		eligibilityRule,
		"investment / land_area >= 300万元/亩",
		"round(investment * 3%, 2) + 2000万元 > 1亿元",
		"not happened(land_transferred) and as_of > date(review_passed) + 30个工作日",
		"land_mode == 出让 and kind in [industrial, tech]",
		"days_between(date(signed), as_of) > 60 or workdays_between(date(review_passed), as_of) > 30",
		"max(investment, 10亿元) - min(investment, 10亿元)",
		"industry in [新能源汽车, name, investor]",
	} {
		p := mustCompile(t, env, src, expr.KindInvalid)
		if n := testing.AllocsPerRun(100, func() { p.Eval(a) }); n != 0 {
			t.Errorf("Eval(%s) allocates %v times, want 0", src, n)
		}
	}
}
