package expr_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/rules/expr"
	"github.com/google/go-cmp/cmp"
)

// errAt is what the tests assert about a compile error: its code and its
// byte span, not its wording (which may improve).
type errAt struct {
	Code       string
	Start, End int
}

func codesOf(errs expr.ErrorList) []errAt {
	var out []errAt
	for _, e := range errs {
		out = append(out, errAt{e.Code, e.Start, e.End})
	}
	return out
}

// TestCompile_errors is the golden table of check errors: for each bad
// expression, every error's code and span.
func TestCompile_errors(t *testing.T) {
	env := mustEnv(t, testDecls())
	const (
		cond = expr.KindBool
		any  = expr.KindInvalid
	)
	tests := []struct {
		name   string
		src    string
		want   expr.Kind
		errs   []errAt
		reason string
	}{
		// the expression as a whole
		{"empty", "", cond, []errAt{{"expr.empty", 0, 0}}, ""},
		{"blank", "   ", cond, []errAt{{"expr.empty", 0, 3}}, "only spaces"},
		{"not a condition", "investment", cond, []errAt{{"expr.result-type", 0, 10}}, "a condition must be true/false"},
		{"int not a condition", "tech_level + 1", cond, []errAt{{"expr.result-type", 0, 14}}, ""},
		{"too long", strings.Repeat("a", expr.MaxLen+904), cond, []errAt{{"expr.too-long", expr.MaxLen, expr.MaxLen + 904}}, "the span is the excess"},
		{"too long chinese", strings.Repeat("投", 1400), cond, []errAt{{"expr.too-long", 4095, 4200}}, "the cut falls on a character boundary"},
		{"too deep brackets", strings.Repeat("(", 70) + "1" + strings.Repeat(")", 70), cond, []errAt{{"expr.too-deep", 65, 66}}, "one error, at the 65th bracket"},
		{"too deep minus", strings.Repeat("-", 70) + "1", any, []errAt{{"expr.too-deep", 65, 66}}, ""},
		{"too deep operators", strings.Repeat("1+", 80) + "1", any, []errAt{{"expr.too-deep", 0, 129}}, "a chain of + nests to the left"},
		{"long and chain", strings.Repeat("chain_leader_sourced and ", 100) + "true", cond, nil, "and chains count once"},

		// names
		{"unknown name", "investmnt >= 10亿元", cond, []errAt{{"expr.unknown-name", 0, 9}}, "did you mean investment"},
		{"unknown chinese", "投资 >= 10亿元", cond, []errAt{{"expr.unknown-name", 0, 6}}, ""},
		{"unknown event", "happened(signd)", cond, []errAt{{"expr.unknown-name", 9, 14}}, ""},
		{"unknown name before ==", "行业 == 新能源汽车", cond, []errAt{{"expr.unknown-name", 0, 6}}, "one mistake, one error: the value takes its meaning from the name"},
		{"unknown name before in", "industri in [新能源汽车, 装备制造]", cond, []errAt{{"expr.unknown-name", 0, 8}}, ""},
		{"two bare words", "新能源汽车 == 行业", cond, []errAt{{"expr.unknown-name", 0, 15}}, "two bare words: the first is reported"},
		{"known name, unknown value word", "investment == 新能源汽车", cond, []errAt{{"expr.unknown-name", 14, 29}}, "a money fact does not read bare words"},
		{"unknown function", "mini(investment, 1)", any, []errAt{{"expr.unknown-function", 0, 4}}, "the span is the name"},
		{"fact called", "investment(3)", cond, []errAt{{"expr.unknown-function", 0, 10}}, ""},
		{"two unknowns", "a & b", cond, []errAt{{"expr.unknown-name", 0, 1}, {"expr.syntax", 2, 3}, {"expr.unknown-name", 4, 5}}, "all errors at once"},

		// events
		{"event as value", "signed", cond, []errAt{{"expr.event-use", 0, 6}}, "suggest happened(signed)"},
		{"event compared", "signed <= 2026-06-30", cond, []errAt{{"expr.event-use", 0, 6}}, "suggest date(signed)"},
		{"fact as event", "happened(investment)", cond, []errAt{{"expr.event-use", 9, 19}}, ""},
		{"event in days_between", "days_between(signed, as_of)", any, []errAt{{"expr.event-use", 13, 19}}, ""},

		// arity and arguments
		{"no argument", "happened()", cond, []errAt{{"expr.arity", 0, 10}}, ""},
		{"two events", "happened(signed, review_passed)", cond, []errAt{{"expr.arity", 0, 31}}, ""},
		{"round three", "round(investment, 2, 3)", any, []errAt{{"expr.arity", 0, 23}}, ""},
		{"min one", "min(1)", any, []errAt{{"expr.arity", 0, 6}}, ""},
		{"round places not constant", "round(investment, tech_level)", any, []errAt{{"expr.argument", 18, 28}}, ""},
		{"round places range", "round(investment, 7)", any, []errAt{{"expr.argument", 18, 19}}, "at most 6 places"},
		{"round percent places", "round(3%, 5)", any, []errAt{{"expr.argument", 10, 11}}, "percentage points: at most 4"},

		// types
		{"money vs period", "investment >= 30个工作日", cond, []errAt{{"expr.type-mismatch", 0, 28}}, "金额 vs 期限"},
		{"min of periods", "min(investment, 3个月)", any, []errAt{{"expr.type-mismatch", 16, 23}}, ""},
		{"date minus date", "date(signed) - date(review_passed) > 30天", cond, []errAt{{"expr.type-mismatch", 0, 34}}, "use days_between"},
		{"date plus int", "date(signed) + 3", any, []errAt{{"expr.type-mismatch", 0, 16}}, ""},
		{"money squared", "investment * investment", any, []errAt{{"expr.type-mismatch", 0, 23}}, ""},
		{"text ordering", "industry > 装备制造", cond, []errAt{{"expr.type-mismatch", 0, 23}}, ""},
		{"and of int", "investment >= 10亿元 and tech_level", cond, []errAt{{"expr.type-mismatch", 27, 37}}, ""},
		{"and of literal", "industry == 装备制造 and 1", cond, []errAt{{"expr.type-mismatch", 29, 30}}, ""},
		{"not of money", "not investment", cond, []errAt{{"expr.type-mismatch", 4, 14}}, ""},
		{"in scalar", "investment in 10亿元", cond, []errAt{{"expr.type-mismatch", 14, 22}}, ""},
		{"list in list", "[1, 2] in [1]", cond, []errAt{{"expr.type-mismatch", 0, 6}}, ""},
		{"mixed list", "industry in [装备制造, 3]", cond, []errAt{{"expr.type-mismatch", 27, 28}}, ""},
		{"period units", "30个工作日 < 2个月", cond, []errAt{{"expr.type-mismatch", 0, 24}}, "units do not convert"},
		{"workdays of int", "workdays_between(date(signed), 3)", any, []errAt{{"expr.type-mismatch", 31, 32}}, ""},

		// enums
		{"enum value", "land_mode == sale", cond, []errAt{{"expr.enum-value", 13, 17}}, "list allowed values"},
		{"enum in list", "land_mode in [transfer, 出售]", cond, []errAt{{"expr.enum-value", 24, 30}}, ""},
		{"enum quoted", `kind == "科研"`, cond, []errAt{{"expr.enum-value", 8, 16}}, ""},

		// constants
		{"division by zero", "10亿元 / 0", any, []errAt{{"expr.division-by-zero", 0, 12}}, ""},
		{"division by zero folded", "10亿元 / (1 - 1)", any, []errAt{{"expr.division-by-zero", 0, 18}}, "the span includes the brackets"},
		{"overflow", "9223372036854775807 + 1", any, []errAt{{"expr.overflow", 0, 23}}, ""},

		// literals
		{"huge int", "99999999999999999999", any, []errAt{{"expr.literal", 0, 20}}, ""},
		{"no such day", "2025-02-30", cond, []errAt{{"expr.literal", 0, 10}}, ""},
		{"loose date", "2025-6-30", cond, []errAt{{"expr.literal", 0, 9}}, "not a subtraction"},
		{"unknown unit", "10yuan", any, []errAt{{"expr.literal", 0, 6}}, ""},
		{"comma in number", "investment >= 1,000万元", cond, []errAt{{"expr.type-mismatch", 0, 15}, {"expr.syntax", 15, 16}, {"expr.syntax", 16, 25}}, "a comma separates list items, so 1,000万元 reads as 1 then 000万元"},

		// syntax, with recovery
		{"two points", "1.5.3", any, []errAt{{"expr.syntax", 3, 4}, {"expr.syntax", 4, 5}}, ""},
		{"single equals", "x = 3", cond, []errAt{{"expr.unknown-name", 0, 1}, {"expr.syntax", 2, 3}}, "checking goes on after the syntax error"},
		{"missing and", "investment >= 10亿元 industry == 装备制造", cond, []errAt{{"expr.syntax", 23, 31}}, ""},
		{"unclosed bracket", "(investment >= 10亿元", cond, []errAt{{"expr.syntax", 0, 1}}, "points at the open bracket"},
		{"extra bracket", "investment >= 10亿元)", cond, []errAt{{"expr.syntax", 22, 23}}, ""},
		{"incomplete", "investment >= ", cond, []errAt{{"expr.syntax", 14, 14}}, "at the end"},
		{"double operator", "investment >= >= 3", cond, []errAt{{"expr.syntax", 14, 16}}, ""},
		{"chained comparison", "1 < tech_level < 3", cond, []errAt{{"expr.syntax", 15, 16}}, ""},
		{"unterminated text", `industry == "装备制造`, cond, []errAt{{"expr.syntax", 12, 25}}, ""},
		{"empty argument", "min(1,,2)", any, []errAt{{"expr.syntax", 6, 7}}, ""},
		{"missing comma", "[1 2]", cond, []errAt{{"expr.syntax", 3, 4}}, ""},
		{"diamond", "tech_level <> 3", cond, []errAt{{"expr.syntax", 11, 13}}, ""},
		{"stray character", "investment @ 3", cond, []errAt{{"expr.syntax", 11, 12}, {"expr.syntax", 13, 14}}, ""},
		{"control character", "industry == 装备制造\x00", cond, []errAt{{"expr.syntax", 24, 25}}, ""},
		{"invalid utf-8", "\xff\xfe", cond, []errAt{{"expr.syntax", 0, 1}, {"expr.syntax", 1, 2}}, ""},
		{"many errors", strings.Repeat("@", 30), cond, append(repeatErr("expr.syntax", 20), errAt{"expr.too-many-errors", 30, 30}), "capped at MaxErrors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, errs := env.Compile(tc.src, tc.want)
			if diff := cmp.Diff(tc.errs, codesOf(errs)); diff != "" {
				t.Errorf("Compile(%q) errors (%s) (-want +got):\n%s\n%v", tc.src, tc.reason, diff, errs)
			}
			if (p == nil) != (len(tc.errs) > 0) {
				t.Errorf("Compile(%q): program %v with %d errors", tc.src, p, len(errs))
			}
			for _, e := range errs {
				if e.Summary == "" || e.Start < 0 || e.End > len(tc.src) || e.Start > e.End {
					t.Errorf("bad error %+v", e)
				}
			}
		})
	}
}

func repeatErr(code string, n int) []errAt {
	out := make([]errAt, n)
	for i := range out {
		out[i] = errAt{code, i, i + 1}
	}
	return out
}

func TestErrorList(t *testing.T) {
	env := mustEnv(t, testDecls())
	_, errs := env.Compile("investmnt >= 30个工作日 and x", expr.KindBool)
	if errs.Err() == nil {
		t.Fatal("Err() = nil for a failed compilation")
	}
	var e *expr.Error
	if !errors.As(errs.Err(), &e) || e.Code != expr.CodeUnknownName {
		t.Errorf("errors.As reached %+v, want the first *Error (%s)", e, expr.CodeUnknownName)
	}
	if got := errs.Error(); !strings.Contains(got, "more errors") {
		t.Errorf("Error() = %q, want a count of the other errors", got)
	}
	if err := expr.ErrorList(nil).Err(); err != nil {
		t.Errorf("nil list: Err() = %v", err)
	}
}

func TestCompile_program(t *testing.T) {
	env := mustEnv(t, testDecls())
	tests := []struct {
		name   string
		src    string
		want   expr.Kind
		typ    expr.Type
		refs   []string
		reason string
	}{
		{"condition", eligibilityRule, expr.KindBool, expr.Type{Kind: expr.KindBool},
			[]string{"investment", "industry", "chain_leader_sourced", "tech_level", "signed"}, ""},
		{"money", "investment * 3%", expr.KindInvalid, expr.Type{Kind: expr.KindMoney}, []string{"investment"}, ""},
		{"widened", "tech_level * 2", expr.KindDecimal, expr.Type{Kind: expr.KindDecimal}, []string{"tech_level"}, "an int where a decimal is wanted"},
		{"labels", "投资额 > 0 and 投资额 < 1亿元", expr.KindBool, expr.Type{Kind: expr.KindBool}, []string{"investment"}, "references are names, once"},
		{"list", `["新能源汽车", "装备制造"]`, expr.KindInvalid, expr.Type{Kind: expr.KindList, Elem: expr.KindText}, nil, "quoted text outside a text context"},
		{"enum", "default_land_mode", expr.KindInvalid, expr.Type{Kind: expr.KindEnum, Enum: "land_mode"}, []string{"default_land_mode"}, ""},
		{"deadline", "date(review_passed) + 30个工作日", expr.KindDate, expr.Type{Kind: expr.KindDate}, []string{"review_passed"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := mustCompile(t, env, tc.src, tc.want)
			if diff := cmp.Diff(tc.typ, p.Type()); diff != "" {
				t.Errorf("Type() (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.refs, p.References()); diff != "" {
				t.Errorf("References() (%s) (-want +got):\n%s", tc.reason, diff)
			}
			if p.Source() != tc.src {
				t.Errorf("Source() = %q", p.Source())
			}
		})
	}
}
