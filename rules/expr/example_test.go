package expr_test

import (
	"fmt"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// exampleEnv declares a few project facts, an event and a parameter, the
// way the rules loader does.
func exampleEnv() *expr.Env {
	env, err := expr.NewEnv(
		expr.Decl{Name: "investment", Label: "投资额", Type: expr.Type{Kind: expr.KindMoney}},
		expr.Decl{Name: "industry", Label: "产业", Type: expr.Type{Kind: expr.KindText}},
		expr.Decl{Name: "land_mode", Label: "供地方式", Type: expr.Type{Kind: expr.KindEnum},
			EnumValues: []expr.EnumValue{{Name: "transfer", Label: "出让"}, {Name: "lease", Label: "租赁厂房"}}},
		expr.Decl{Name: "chain_leader_sourced", Label: "链主引进", Type: expr.Type{Kind: expr.KindBool}},
		expr.Decl{Name: "tech_level", Label: "技术层级", Type: expr.Type{Kind: expr.KindInt}},
		expr.Decl{Name: "review_passed", Label: "项目审议通过", Role: expr.RoleEvent},
		expr.Decl{Name: "land_transferred", Label: "土地出让", Role: expr.RoleEvent},
		expr.Decl{Name: "major_project_threshold", Label: "重大项目门槛", Role: expr.RoleParam,
			Type: expr.Type{Kind: expr.KindMoney}},
	)
	if err != nil {
		panic(err)
	}
	return env
}

func ExampleNewEnv() {
	env := exampleEnv()
	slot, _ := env.Slot("投资额") // a label finds the same slot as the name
	fmt.Println(slot, env.Decls()[slot].Name)

	_, err := expr.NewEnv(expr.Decl{Name: "techLevel", Type: expr.Type{Kind: expr.KindInt}})
	fmt.Println(err)
	// Output:
	// 0 investment
	// declaration 0 (techLevel): name "techLevel" must be snake_case: a lower-case letter, then lower-case letters, digits or _ [expr.decl-name]
}

func ExampleEnv_Compile() {
	env := exampleEnv()
	_, errs := env.Compile("investmnt >= 30个工作日 and land_mode == sale", expr.KindBool)
	for _, e := range errs {
		fmt.Printf("%s %d-%d %s\n", e.Code, e.Start, e.End, e.Summary)
	}
	// Output:
	// expr.unknown-name 0-9 不认识的名称 “investmnt”
	// expr.enum-value 45-49 “sale” 不是 land_mode 的取值
}

func ExampleProgram_Eval() {
	env := exampleEnv()
	prog, errs := env.Compile("投资额 >= 重大项目门槛 and (chain_leader_sourced or tech_level >= 3)", expr.KindBool)
	if errs != nil {
		panic(errs)
	}
	a := env.NewActivation() // one per goroutine; Reset it for each project
	slot := func(name string) int { s, _ := env.Slot(name); return s }
	for _, p := range []struct {
		investment  string
		chainLeader bool
		techLevel   expr.Value // the zero Value: not known
	}{
		{"1200000000", true, expr.Value{}},
		{"1200000000", false, expr.Value{}},
		{"800000000", false, expr.Value{}},
		{"1200000000", false, expr.Int(4)},
	} {
		a.Reset(mustDate("2025-12-31"), calendar.MainlandChina())
		_ = a.Set(slot("major_project_threshold"), expr.Money(decimal.RequireFromString("1000000000")))
		_ = a.Set(slot("investment"), expr.Money(decimal.RequireFromString(p.investment)))
		_ = a.Set(slot("chain_leader_sourced"), expr.Bool(p.chainLeader))
		_ = a.Set(slot("tech_level"), p.techLevel)
		fmt.Println(prog.Eval(a).Truth())
	}
	// Output:
	// true
	// unknown
	// false
	// true
}

func ExampleProgram_Explain() {
	env := exampleEnv()
	prog, errs := env.Compile("land_mode == 出让 and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)", expr.KindBool)
	if errs != nil {
		panic(errs)
	}
	a := env.NewActivation()
	a.Reset(mustDate("2025-07-23"), calendar.MainlandChina())
	slot := func(name string) int { s, _ := env.Slot(name); return s }
	_ = a.Set(slot("land_mode"), expr.Text("出让"))
	_ = a.SetEvent(slot("review_passed"), mustDate("2025-06-10"))
	fmt.Print(prog.Explain(a))

	a.Reset(mustDate("2025-07-23"), calendar.MainlandChina())
	x := prog.Explain(a)
	fmt.Println(x.Value, x.Missing)
	// Output:
	// land_mode == 出让 and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred) → true
	//   land_mode (出让) == 出让 → true
	//   as_of (2025-07-23) > date(review_passed) + 30个工作日 → true
	//     date(review_passed) (2025-06-10) + 30个工作日 → 2025-07-22
	//   not happened(land_transferred) (false) → true
	// unknown [land_mode review_passed]
}

func mustDate(s string) date.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Values that are the same for every project — the parameters in force on
// the evaluation date — are set once, in a base activation; each project
// starts from a copy of it.
func ExampleActivation_CopyFrom() {
	env := exampleEnv()
	prog, errs := env.Compile("投资额 >= 重大项目门槛", expr.KindBool)
	if errs != nil {
		panic(errs)
	}
	slot := func(name string) int { s, _ := env.Slot(name); return s }
	base := env.NewActivation()
	base.Reset(mustDate("2025-12-31"), calendar.MainlandChina())
	_ = base.Set(slot("major_project_threshold"), expr.Money(decimal.RequireFromString("1000000000")))

	a := env.NewActivation()
	for _, investment := range []string{"1200000000", "800000000"} {
		a.CopyFrom(base) // the threshold and the date, and no facts of the last project
		_ = a.Set(slot("investment"), expr.Money(decimal.RequireFromString(investment)))
		fmt.Println(prog.Eval(a).Truth())
	}
	// Output:
	// true
	// false
}
