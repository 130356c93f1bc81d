package expr_test

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// fuzzSeeds are expressions from the tests and the policy examples, good
// and bad, for both fuzz targets.
var fuzzSeeds = []string{
	eligibilityRule,
	"投资额 >= 重大项目门槛 and 产业 in [新能源汽车、装备制造]",
	"land_mode == transfer and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)",
	"round(investment / land_area, 2) >= 300万元/亩",
	"min(investment * 3%, 2000万元) + 5000㎡ * 0",
	"days_between(date(signed), as_of) > 60 or workdays_between(date(review_passed), as_of) > 30",
	"industry not in [\"煤炭\", '文旅', “现代物流”]",
	"2025-03-31 - 1个月 == 2025-02-28",
	"(((chain_leader_sourced)))",
	"investmnt >= 30个工作日",
	"1 < tech_level < 3",
	"min(1,,2)",
	"industry == \"装备制造",
	"2025-6-30",
	"10yuan",
	"\xff\xfe",
	"a & b | c = d <> e",
	"[[[[[[1]]]]]]",
	"-------1",
	"9223372036854775807 + 1",
	"1e9 >= 1",
}

// FuzzParse compiles arbitrary text: it must never panic, every error must
// lie within the source, and a program comes back exactly when there are no
// errors.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	env := mustEnv(f, testDecls())
	f.Fuzz(func(t *testing.T, src string) {
		for _, want := range []expr.Kind{expr.KindInvalid, expr.KindBool} {
			p, errs := env.Compile(src, want)
			if (p == nil) == (errs == nil) {
				t.Fatalf("Compile(%q): program %v, errors %v", src, p, errs)
			}
			if len(errs) > expr.MaxErrors+1 {
				t.Fatalf("Compile(%q): %d errors", src, len(errs))
			}
			if !sort.SliceIsSorted(errs, func(i, j int) bool { return errs[i].Start < errs[j].Start }) {
				t.Fatalf("Compile(%q): errors not sorted: %v", src, errs)
			}
			for _, e := range errs {
				if e.Start < 0 || e.End < e.Start || e.End > len(src) {
					t.Fatalf("Compile(%q): error %+v outside [0, %d]", src, e, len(src))
				}
				if e.Code == "" || e.Summary == "" {
					t.Fatalf("Compile(%q): error without code or summary: %+v", src, e)
				}
			}
			if p != nil && want == expr.KindBool && p.Type().Kind != expr.KindBool {
				t.Fatalf("Compile(%q, bool) gave type %v", src, p.Type())
			}
		}
	})
}

// FuzzCompileEval compiles arbitrary text and evaluates it with an
// activation filled at random from the seed: no panic, and Explain agrees
// with Eval.
func FuzzCompileEval(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint64(i))
	}
	env := mustEnv(f, testDecls())
	decls := env.Decls()
	a := env.NewActivation()
	f.Fuzz(func(t *testing.T, src string, seed uint64) {
		p, errs := env.Compile(src, expr.KindInvalid)
		if errs != nil {
			return
		}
		r := rand.New(rand.NewPCG(seed, seed>>7))
		cals := []*calendar.Calendar{nil, calendar.MainlandChina(), calendar.MainlandChina().WithWeekendFallback()}
		a.Reset(randomDate(r), cals[r.IntN(len(cals))])
		for slot, d := range decls {
			if r.IntN(4) == 0 {
				continue // missing
			}
			_ = a.Set(slot, randomValue(r, d))
		}
		v := p.Eval(a)
		x := p.Explain(a)
		if !x.Value.Equal(v) {
			t.Fatalf("%s: Eval %v, Explain %v", src, v, x.Value)
		}
		if v.Known() && p.Type().Kind != v.Kind() && !(p.Type().Kind == expr.KindEnum && v.Kind() == expr.KindEnum) {
			t.Fatalf("%s: result %v of kind %v, program type %v", src, v, v.Kind(), p.Type())
		}
		for _, term := range x.Terms {
			if term.Start < 0 || term.End > len(src) || term.Source != src[term.Start:term.End] {
				t.Fatalf("%s: term %+v outside the source", src, term)
			}
		}
		_ = v.String()
		_ = x.String()
	})
}

func randomDate(r *rand.Rand) date.Date {
	return date.New(2000+r.IntN(30), 1, 1) + date.Date(r.IntN(366))
}

func randomValue(r *rand.Rand, d expr.Decl) expr.Value {
	dec := func() decimal.Decimal {
		switch r.IntN(4) {
		case 0:
			return decimal.New(r.Int64N(1e12), -int32(r.IntN(10)))
		case 1:
			return decimal.New(r.Int64(), int32(r.IntN(8)))
		case 2:
			return decimal.Zero
		}
		return decimal.New(r.Int64N(2000)-1000, 0)
	}
	switch d.Type.Kind {
	case expr.KindBool:
		return expr.Bool(r.IntN(2) == 0)
	case expr.KindInt:
		return expr.Int(r.Int64N(20) - 5)
	case expr.KindDecimal:
		return expr.Decimal(dec())
	case expr.KindMoney:
		return expr.Money(dec())
	case expr.KindArea:
		return expr.Area(dec())
	case expr.KindPercent:
		return expr.Percent(dec())
	case expr.KindIntensity:
		return expr.Intensity(dec())
	case expr.KindDate:
		return expr.Date(randomDate(r))
	case expr.KindPeriod:
		return expr.Period(calendar.NewPeriod(1+r.IntN(100), calendar.Unit(1+r.IntN(4))))
	case expr.KindText:
		return expr.Text([]string{"装备制造", "新能源汽车", "", "AI", "新能源智能网联汽车"}[r.IntN(5)])
	case expr.KindEnum:
		if len(d.EnumValues) > 0 {
			return expr.Enum(d.EnumValues[r.IntN(len(d.EnumValues))].Name)
		}
		return expr.Enum("transfer")
	case expr.KindList:
		return expr.List(expr.Text("装备制造"), expr.Text("文旅"))
	}
	return expr.Value{}
}
