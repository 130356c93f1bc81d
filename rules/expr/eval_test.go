package expr_test

import (
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/google/go-cmp/cmp"
)

// project is a typical bound project for evaluation tests.
func project() facts {
	return facts{
		"investment":              expr.Money(dec("1200000000")),
		"industry":                "装备制造",
		"kind":                    expr.Enum("industrial"),
		"land_mode":               expr.Enum("出让"),
		"chain_leader_sourced":    false,
		"tech_level":              3,
		"land_area":               expr.Area(dec("283.69")),
		"tax_rate":                expr.Percent(dec("0.03")),
		"signed":                  d("2025-06-02"),
		"review_passed":           d("2025-06-10"),
		"major_project_threshold": expr.Money(dec("1000000000")),
	}
}

func without(f facts, names ...string) facts {
	out := facts{}
	for k, v := range f {
		out[k] = v
	}
	for _, n := range names {
		delete(out, n)
	}
	return out
}

func with(f facts, name string, v any) facts {
	out := without(f)
	out[name] = v
	return out
}

func TestEval(t *testing.T) {
	env := mustEnv(t, testDecls())
	full := project()
	tests := []struct {
		name   string
		src    string
		facts  facts
		asOf   string
		want   expr.Value
		reason string
	}{
		// comparisons and units
		{"money ge", "investment >= 10亿元", full, "", expr.Bool(true), "12亿元 is at least 10亿元"},
		{"money boundary", "investment >= 10亿元", with(full, "investment", expr.Money(dec("1000000000"))), "", expr.Bool(true), "exactly the threshold counts"},
		{"money one yuan short", "investment >= 10亿元", with(full, "investment", expr.Money(dec("999999999.99"))), "", expr.Bool(false), "one fen short"},
		{"label", "投资额 >= 10亿元", full, "", expr.Bool(true), "Chinese label resolves like the name"},
		{"money units", "2000万元 == 0.2亿元", nil, "", expr.Bool(true), "units normalise to yuan"},
		{"param", "investment >= major_project_threshold", full, "", expr.Bool(true), "parameters are slots like facts"},
		{"area sqm", "5000㎡ == 7.5亩", nil, "", expr.Bool(true), "1㎡ = 0.0015亩"},
		{"percent", "tax_rate == 3%", full, "", expr.Bool(true), "percent literal is a fraction"},
		{"percent decimal", "tax_rate == 0.03", full, "", expr.Bool(true), "a plain number compares with a percentage"},
		{"zero", "investment > 0", full, "", expr.Bool(true), "0 compares with money"},
		{"int decimal", "tech_level > 2.5", full, "", expr.Bool(true), "int compares with decimal"},
		{"date", "date(signed) <= 2026-06-30", full, "", expr.Bool(true), ""},
		{"date boundary", "date(signed) <= 2025-06-02", full, "", expr.Bool(true), "same day"},
		{"text eq", "industry == 装备制造", full, "", expr.Bool(true), "bare word in a text context"},
		{"text quoted", `industry == "装备制造"`, full, "", expr.Bool(true), ""},
		{"text single quoted", `industry != '煤炭'`, full, "", expr.Bool(true), ""},
		{"text curly quoted", `industry == “装备制造”`, full, "", expr.Bool(true), "Chinese quotation marks"},
		{"text in", "industry in [新能源汽车, 装备制造, 信息创新]", full, "", expr.Bool(true), ""},
		{"text in dunhao", "industry in [新能源汽车、装备制造]", full, "", expr.Bool(true), "、 separates items"},
		{"text not in", "industry not in [煤炭, 文旅]", full, "", expr.Bool(true), ""},
		{"short text in", "industry in [AI, 装备制造]", full, "", expr.Bool(true), "texts shorter than 8 bytes"},
		{"long text in", "industry in [新能源智能网联汽车, 装备制造]", with(full, "industry", "新能源智能网联汽车"), "", expr.Bool(true), "texts longer than 16 bytes"},
		{"text in miss", "industry in [新能源汽车, 信息创新]", full, "", expr.Bool(false), ""},
		{"enum name", "land_mode == transfer", full, "", expr.Bool(true), "set by label, compared by name"},
		{"enum label", "land_mode == 出让", full, "", expr.Bool(true), ""},
		{"enum quoted", `land_mode != "lease"`, full, "", expr.Bool(true), "quoted text names an enum value"},
		{"enum in", "kind in [industrial]", full, "", expr.Bool(true), ""},
		{"enum param", "land_mode == default_land_mode", with(full, "default_land_mode", expr.Enum("transfer")), "", expr.Bool(true), "two slots of one enum"},
		{"list fact", "装备制造 in industries", with(full, "industries", expr.List(expr.Text("装备制造"), expr.Text("文旅"))), "", expr.Bool(true), "membership in a list fact"},
		{"list fact miss", "industry in industries", with(full, "industries", expr.List(expr.Text("文旅"))), "", expr.Bool(false), ""},
		{"int in", "tech_level in [1, 3]", full, "", expr.Bool(true), ""},
		{"bool", "chain_leader_sourced", full, "", expr.Bool(false), ""},
		{"bool eq", "chain_leader_sourced == false", full, "", expr.Bool(true), ""},
		{"not", "not chain_leader_sourced", full, "", expr.Bool(true), ""},
		{"bang", "!chain_leader_sourced && tech_level >= 3", full, "", expr.Bool(true), ""},
		{"not binds loosely", "not tech_level == 2", full, "", expr.Bool(true), "not (tech_level == 2)"},
		{"or", "chain_leader_sourced || tech_level >= 3", full, "", expr.Bool(true), ""},
		{"full-width", "（investment ≥ 10亿元）", full, "", expr.Bool(true), "full-width brackets and ≥"},
		{"keyword case", "investment >= 10亿元 AND tech_level >= 3", full, "", expr.Bool(true), "keywords in any case"},

		{"full-width operators", "！chain_leader_sourced and tech_level × 2 ÷ 2 ≠ －1 and industry in ［装备制造，文旅］", full, "", expr.Bool(true), "forms typed with a Chinese input method"},
		{"workday spelling", "2025-06-10 + 30工作日 == 2025-06-10 + 30 Working Days", nil, "", expr.Bool(true), ""},
		{"area units", "1.2万亩 == 12000亩 and 2公顷 == 30亩 and 1平方公里 == 1500亩", nil, "", expr.Bool(true), ""},
		{"money over intensity literal", "investment / 300万元/亩", full, "", expr.Area(dec("400")), ""},
		{"money per int", "investment / 4", full, "", expr.Money(dec("300000000")), ""},
		{"area times intensity literal", "land_area * 8万元/亩", full, "", expr.Money(dec("22695200")), ""},
		{"land transfer on the day", "land_mode == 出让 and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)", full, "2025-07-22", expr.Bool(false), "the limit's last day is not overdue"},
		{"land transfer before review", "land_mode == 出让 and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)", full, "2025-06-09", expr.Value{}, "review not passed yet: unknown, not a false alarm"},
		{"land transfer lease", "land_mode == 出让 and as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)", with(full, "land_mode", expr.Enum("lease")), "2025-07-23", expr.Bool(false), ""},

		// events and as_of
		{"happened", "happened(signed)", full, "", expr.Bool(true), ""},
		{"happened label", "happened(签约)", full, "", expr.Bool(true), "event labels resolve"},
		{"not happened", "happened(land_transferred)", full, "", expr.Bool(false), "not recorded is false, not unknown"},
		{"happened later", "happened(review_passed)", full, "2025-06-09", expr.Bool(false), "dated after as_of: not yet"},
		{"date later", "date(review_passed)", full, "2025-06-09", expr.Value{}, "not happened by as_of: unknown"},
		{"as_of", "as_of", full, "2026-01-01", expr.Date(d("2026-01-01")), ""},
		{"deadline", "date(review_passed) + 30个工作日", full, "", expr.Date(d("2025-07-22")), "calendar.Deadline: 30 working days after 2025-06-10"},
		{"deadline english", "date(review_passed) + 30 working days", full, "", expr.Date(d("2025-07-22")), ""},
		{"deadline days", "date(signed) + 60天", full, "", expr.Date(d("2025-08-01")), "2025-08-01 is a Friday"},
		{"deadline months", "date(signed) + 4个月", full, "", expr.Date(d("2025-10-09")), "2025-10-02 is in the National Day holiday: next working day"},
		{"period first", "30个工作日 + date(review_passed)", full, "", expr.Date(d("2025-07-22")), "period + date"},
		{"minus days", "2025-03-01 - 1天", nil, "", expr.Date(d("2025-02-28")), "counting back needs no adjustment"},
		{"minus months", "2025-03-31 - 1个月", nil, "", expr.Date(d("2025-02-28")), "clamped to the month's end"},
		{"minus workdays", "2025-10-09 - 1个工作日", nil, "", expr.Date(d("2025-09-30")), "back over the National Day holiday"},
		{"overdue", "not happened(land_transferred) and as_of > date(review_passed) + 30个工作日", full, "2025-07-23", expr.Bool(true), ""},
		{"workdays", "workdays_between(date(review_passed), 2025-07-22)", full, "", expr.Int(30), "(a, b]"},
		{"days", "days_between(date(signed), date(review_passed))", full, "", expr.Int(8), ""},
		{"days negative", "days_between(date(review_passed), date(signed))", full, "", expr.Int(-8), ""},

		// arithmetic
		{"money add", "investment + 2000万元", full, "", expr.Money(dec("1220000000")), ""},
		{"money times percent", "investment * 3%", full, "", expr.Money(dec("36000000")), ""},
		{"money times int", "2 * investment", full, "", expr.Money(dec("2400000000")), ""},
		{"intensity", "investment / land_area", full, "", expr.Intensity(dec("4229969.332722")), "rounded to 6 places"},
		{"intensity compare", "investment / land_area >= 300万元/亩", full, "", expr.Bool(true), ""},
		{"money ratio", "investment / 10亿元", full, "", expr.Decimal(dec("1.2")), ""},
		{"area times intensity", "283.69亩 * 300万元/亩", nil, "", expr.Money(dec("851070000")), ""},
		{"money over intensity", "9亿元 / 300万元/亩", nil, "", expr.Area(dec("300")), ""},
		{"area times int", "land_area * 2", full, "", expr.Area(dec("567.38")), ""},
		{"int arithmetic", "tech_level * 2 - 1", full, "", expr.Int(5), ""},
		{"int division", "7 / 2", nil, "", expr.Decimal(dec("3.5")), "int / int is a decimal"},
		{"thirds", "10 / 3", nil, "", expr.Decimal(dec("3.333333")), "six places"},
		{"two thirds", "2 / 3", nil, "", expr.Decimal(dec("0.666667")), "half away from zero"},
		{"negative", "-(investment)", full, "", expr.Money(dec("-1200000000")), ""},
		{"precedence", "1 + 2 * 3", nil, "", expr.Int(7), ""},
		{"parens", "(1 + 2) * 3", nil, "", expr.Int(9), ""},
		{"left assoc", "10 - 4 - 3", nil, "", expr.Int(3), ""},
		{"percent sum", "3% + 2%", nil, "", expr.Percent(dec("0.05")), ""},
		{"percent scale", "2 * 3%", nil, "", expr.Percent(dec("0.06")), ""},
		{"big money", "investment * 100000", full, "", expr.Money(dec("120000000000000")), "120万亿元: beyond the fixed-point range, exact"},
		{"big compare", "investment * 100000 > 10亿元", full, "", expr.Bool(true), ""},
		{"fine money", "0.0000001元 * 3 < 0.000001元", nil, "", expr.Bool(true), "exact path for more than six places"},

		// functions
		{"min", "min(investment, 10亿元)", full, "", expr.Money(dec("1000000000")), ""},
		{"max", "max(3, 4.5, 2)", nil, "", expr.Decimal(dec("4.5")), "mixed int and decimal give a decimal"},
		{"max int", "max(3, tech_level)", full, "", expr.Int(3), ""},
		{"max date", "max(date(signed), 2025-06-05)", full, "", expr.Date(d("2025-06-05")), ""},
		{"round", "round(investment / land_area, 2)", full, "", expr.Intensity(dec("4229969.33")), ""},
		{"round half up", "round(2.5, 0)", nil, "", expr.Decimal(dec("3")), "half away from zero"},
		{"round negative half", "round(-2.5, 0)", nil, "", expr.Decimal(dec("-3")), ""},
		{"round wan", "round(investment + 12345元, -4)", full, "", expr.Money(dec("1200010000")), "to the nearest 万元"},
		{"round percent", "round(3.25%, 1)", nil, "", expr.Percent(dec("0.033")), "places count percentage points"},
		{"round int", "round(1234, -2)", nil, "", expr.Int(1200), ""},

		// three-valued logic
		{"missing fact", "tech_level >= 3", without(full, "tech_level"), "", expr.Value{}, "missing is unknown, not false"},
		{"false and unknown", "chain_leader_sourced and tech_level >= 3", without(full, "tech_level"), "", expr.Bool(false), "false wins"},
		{"true and unknown", "investment > 0 and tech_level >= 3", without(full, "tech_level"), "", expr.Value{}, ""},
		{"true or unknown", "investment > 0 or tech_level >= 3", without(full, "tech_level"), "", expr.Bool(true), "true wins"},
		{"false or unknown", "chain_leader_sourced or tech_level >= 3", without(full, "tech_level"), "", expr.Value{}, ""},
		{"not unknown", "not (tech_level >= 3)", without(full, "tech_level"), "", expr.Value{}, ""},
		{"in unknown", "industry in [装备制造]", without(full, "industry"), "", expr.Value{}, ""},
		{"not in unknown", "industry not in [装备制造]", without(full, "industry"), "", expr.Value{}, ""},
		{"unknown element", "industry in [新能源汽车, name]", full, "", expr.Value{}, "no match and an unknown element"},
		{"unknown element match", "industry in [装备制造, name]", full, "", expr.Bool(true), "a match wins"},
		{"arith unknown", "investment / land_area", without(full, "land_area"), "", expr.Value{}, ""},
		{"event date unknown", "date(land_transferred) <= 2026-06-30", full, "", expr.Value{}, "not happened"},
		{"bool unknown", "chain_leader_sourced", without(full, "chain_leader_sourced"), "", expr.Value{}, ""},
		{"enum unknown", "land_mode == transfer", without(full, "land_mode"), "", expr.Value{}, ""},
		{"min unknown", "min(investment, 10亿元)", without(full, "investment"), "", expr.Value{}, ""},
		{"divide by zero fact", "investment / land_area", with(full, "land_area", expr.Area(dec("0"))), "", expr.Value{}, "division by zero is unknown"},
		{"calendar no data", "2026-12-20 + 30个工作日", nil, "", expr.Value{}, "no official data for 2027"},

		// constant folding keeps meaning
		{"folded and", "false and tech_level >= 3", without(full, "tech_level"), "", expr.Bool(false), ""},
		{"folded or", "true or tech_level >= 3", without(full, "tech_level"), "", expr.Bool(true), ""},
		{"folded keep", "true and tech_level >= 3", without(full, "tech_level"), "", expr.Value{}, ""},
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
			got := p.Eval(a)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (%s): Eval = %v (-want +got):\n%s", tc.src, tc.reason, got, diff)
			}
			if x := p.Explain(a); !x.Value.Equal(got) {
				t.Errorf("%s: Explain value %v differs from Eval %v", tc.src, x.Value, got)
			}
		})
	}
}

func TestEval_noCalendar(t *testing.T) {
	env := mustEnv(t, testDecls())
	p := mustCompile(t, env, "date(review_passed) + 30个工作日", expr.KindDate)
	a := env.NewActivation()
	a.Reset(d("2025-12-31"), nil)
	slot, _ := env.Slot("review_passed")
	must(t, a.SetEvent(slot, d("2025-06-10")))
	if got := p.Eval(a); got.Known() {
		t.Errorf("without a calendar: %v, want unknown", got)
	}
	// Without Reset there is no as-of date: events are unknown.
	b := env.NewActivation()
	h := mustCompile(t, env, "happened(review_passed)", expr.KindBool)
	if got := h.Eval(b).Truth(); got != expr.Unknown {
		t.Errorf("without as_of: %v, want unknown", got)
	}
	_ = calendar.MainlandChina
}
