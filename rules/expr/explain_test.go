package expr_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/google/go-cmp/cmp"
)

func TestExplain(t *testing.T) {
	env := mustEnv(t, testDecls())
	tests := []struct {
		name    string
		src     string
		facts   facts
		asOf    string
		want    expr.Value
		missing []string
		trace   string
		reason  string
	}{
		{
			name:    "missing fact",
			src:     eligibilityRule,
			facts:   without(project(), "tech_level"),
			want:    expr.Value{},
			missing: []string{"tech_level"},
			trace: `
investment >= 10亿元 and industry in [新能源汽车, 装备制造, 信息创新] and (chain_leader_sourced or tech_level >= 3) and date(signed) <= 2026-06-30 → unknown（缺少事实 tech_level）
  investment (12亿元) >= 10亿元 → true
  industry (装备制造) in [新能源汽车, 装备制造, 信息创新] → true
  (chain_leader_sourced (false) or tech_level >= 3) → unknown（缺少事实 tech_level）
    tech_level (unknown) >= 3 → unknown（缺少事实 tech_level）
  date(signed) (2025-06-02) <= 2026-06-30 → true
`,
			reason: "the auditor's trace names the missing fact",
		},
		{
			name:  "false despite missing",
			src:   "investment >= 20亿元 and tech_level >= 3",
			facts: without(project(), "tech_level"),
			want:  expr.Bool(false),
			trace: `
investment >= 20亿元 and tech_level >= 3 → false
  investment (12亿元) >= 20亿元 → false
  tech_level (unknown) >= 3 → unknown（缺少事实 tech_level）
`,
			reason: "false and unknown is false: nothing is missing for the result",
		},
		{
			name:    "event not happened",
			src:     "date(land_transferred) <= date(review_passed) + 30个工作日",
			facts:   project(),
			want:    expr.Value{},
			missing: []string{"land_transferred"},
			trace: `
date(land_transferred) (unknown) <= date(review_passed) + 30个工作日 → unknown（事件 land_transferred 尚未发生）
  date(review_passed) (2025-06-10) + 30个工作日 → 2025-07-22
`,
		},
		{
			name:    "parameter",
			src:     "投资额 >= 重大项目门槛",
			facts:   without(project(), "major_project_threshold"),
			want:    expr.Value{},
			missing: []string{"major_project_threshold"},
			trace: `
投资额 (12亿元) >= 重大项目门槛 (unknown) → unknown（缺少参数 major_project_threshold）
`,
		},
		{
			name:  "arithmetic",
			src:   "round(investment / land_area, 2) >= 300万元/亩 and land_mode == 出让",
			facts: project(),
			want:  expr.Bool(true),
			trace: `
round(investment / land_area, 2) >= 300万元/亩 and land_mode == 出让 → true
  round(investment / land_area, 2) >= 300万元/亩 → true
    round(investment / land_area, 2) → 422.996933万元/亩
      investment (12亿元) / land_area (283.69亩) → 422.9969332722万元/亩
  land_mode (出让) == 出让 → true
`,
		},
		{
			name:  "leaf",
			src:   "chain_leader_sourced",
			facts: project(),
			want:  expr.Bool(false),
			trace: "\nchain_leader_sourced → false\n",
		},
	}
	a := env.NewActivation()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustCompile(t, env, tc.src, expr.KindInvalid)
			asOf := tc.asOf
			if asOf == "" {
				asOf = "2025-12-31"
			}
			bind(t, env, a, asOf, tc.facts)
			x := p.Explain(a)
			if diff := cmp.Diff(tc.want, x.Value); diff != "" {
				t.Errorf("Value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.missing, x.Missing); diff != "" {
				t.Errorf("Missing (%s) (-want +got):\n%s", tc.reason, diff)
			}
			if diff := cmp.Diff(strings.TrimPrefix(tc.trace, "\n"), x.String()); diff != "" {
				t.Errorf("String() (-want +got):\n%s", diff)
			}
			for _, term := range x.Terms {
				if term.Source != tc.src[term.Start:term.End] {
					t.Errorf("term %q has span %d-%d", term.Source, term.Start, term.End)
				}
			}
		})
	}
}

// TestExplain_calendarError checks that a calendar without data for a year
// makes the term unknown, and that Explain's error reaches the calendar's.
func TestExplain_calendarError(t *testing.T) {
	env := mustEnv(t, testDecls())
	p := mustCompile(t, env, "as_of > date(review_passed) + 30个工作日", expr.KindBool)
	a := env.NewActivation()
	bind(t, env, a, "2027-03-01", with(project(), "review_passed", d("2026-12-20")))
	if v := p.Eval(a); v.Known() {
		t.Fatalf("Eval = %v, want unknown: no calendar data for 2027", v)
	}
	x := p.Explain(a)
	var nd *calendar.NoDataError
	if !errors.As(x.Err, &nd) || nd.Year != 2027 {
		t.Fatalf("Explain().Err = %v, want a *calendar.NoDataError for 2027", x.Err)
	}
	var term *expr.Term
	for i := range x.Terms {
		if x.Terms[i].Err != nil {
			term = &x.Terms[i]
		}
	}
	if term == nil || term.Source != "date(review_passed) + 30个工作日" || !errors.As(term.Err, &nd) {
		t.Errorf("the failing term is %+v, want date(review_passed) + 30个工作日 with the calendar error", term)
	}
}

func TestExplain_divisionByZero(t *testing.T) {
	env := mustEnv(t, testDecls())
	p := mustCompile(t, env, "investment / land_area > 100万元/亩", expr.KindBool)
	a := env.NewActivation()
	bind(t, env, a, "2025-12-31", with(project(), "land_area", expr.Area(dec("0"))))
	x := p.Explain(a)
	if x.Value.Known() || x.Err == nil || !strings.Contains(x.Err.Error(), "除数为零") {
		t.Errorf("Explain = %v, Err %v; want unknown because of division by zero", x.Value, x.Err)
	}
}

// TestExplain_roles checks how each role's missing value is worded: a
// fact or parameter is missing, an event has not happened, a condition
// cannot be decided.
func TestExplain_roles(t *testing.T) {
	decls := []expr.Decl{
		{Name: "tech_level", Type: expr.Type{Kind: expr.KindInt}},
		{Name: "threshold", Role: expr.RoleParam, Type: expr.Type{Kind: expr.KindInt}},
		{Name: "signed", Role: expr.RoleEvent},
		{Name: "major_project", Role: expr.RoleCondition, Type: expr.Type{Kind: expr.KindBool}},
	}
	env := mustEnv(t, decls)
	a := env.NewActivation()
	a.Reset(d("2025-12-31"), nil)
	for _, tt := range []struct{ src, reason string }{
		{"tech_level >= 3", "缺少事实 tech_level"},
		{"threshold >= 3", "缺少参数 threshold"},
		{"date(signed) <= 2026-01-01", "事件 signed 尚未发生"},
		{"major_project", "条件 major_project 无法判定"},
	} {
		x := mustCompile(t, env, tt.src, expr.KindBool).Explain(a)
		if got := x.Terms[0].Reason; got != tt.reason {
			t.Errorf("%s: reason %q, want %q", tt.src, got, tt.reason)
		}
	}
	if _, err := expr.NewEnv(expr.Decl{Name: "x", Role: expr.RoleCondition + 1}); err == nil {
		t.Error("NewEnv accepts a role after RoleCondition")
	}
}

func TestExplain_foreignActivation(t *testing.T) {
	env := mustEnv(t, testDecls())
	other := mustEnv(t, builtinDecls())
	p := mustCompile(t, env, "tech_level >= 3", expr.KindBool)
	a := other.NewActivation()
	if v := p.Eval(a); v.Known() {
		t.Errorf("Eval with another Env's activation = %v, want unknown", v)
	}
	if x := p.Explain(a); x.Err == nil {
		t.Error("Explain with another Env's activation: no error")
	}
	if v := p.Eval(nil); v.Known() {
		t.Errorf("Eval(nil) = %v, want unknown", v)
	}
}
