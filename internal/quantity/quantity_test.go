package quantity_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

// dec is a decimal constant for tests.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// errAt is the part of a *SyntaxError that tests check: what was parsed and
// where it went wrong. The wording is free to improve.
type errAt struct {
	Kind   quantity.Kind
	Offset int
}

// result is the outcome of one parse, in a form cmp can diff.
type result struct {
	Value decimal.Decimal
	Err   *errAt
}

func outcome(t *testing.T, in string, d decimal.Decimal, err error) result {
	t.Helper()
	if err == nil {
		return result{Value: d}
	}
	var se *quantity.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v for %q is %T, want *quantity.SyntaxError", err, in, err)
	}
	if se.Input != in {
		t.Errorf("SyntaxError.Input = %q, want %q", se.Input, in)
	}
	if se.Offset < 0 || se.Offset > len(in) {
		t.Errorf("SyntaxError.Offset = %d, outside 0..%d for %q", se.Offset, len(in), in)
	}
	if se.Expected == "" {
		t.Errorf("SyntaxError.Expected is empty for %q", in)
	}
	if msg := se.Error(); strings.Contains(msg, "to decimal") || strings.Contains(msg, "can't convert") {
		t.Errorf("message for %q leaks the decimal package: %s", in, msg)
	}
	return result{Err: &errAt{Kind: se.Kind, Offset: se.Offset}}
}

type parseCase struct {
	in     string
	want   string // decimal text, "" when an error is wanted
	errOff int    // offset of the error when want == ""
	reason string
}

func runParse(t *testing.T, kind quantity.Kind, parse func(string) (decimal.Decimal, error), cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			want := result{Err: &errAt{Kind: kind, Offset: tc.errOff}}
			if tc.want != "" {
				want = result{Value: dec(tc.want)}
			}
			d, err := parse(tc.in)
			got := outcome(t, tc.in, d, err)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s\nparse(%q) mismatch (-want +got):\n%s", tc.reason, tc.in, diff)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	runParse(t, quantity.Money, quantity.ParseMoney, []parseCase{
		{in: "2000万元", want: "20000000", reason: "万元 is ten thousand yuan"},
		{in: "10亿元", want: "1000000000", reason: "亿元 is a hundred million yuan"},
		{in: "1.5亿", want: "150000000", reason: "bare 亿 means 亿元"},
		{in: "1.5亿元", want: "150000000", reason: "decimal 亿元"},
		{in: "500万", want: "5000000", reason: "bare 万 means 万元"},
		{in: "20000000", want: "20000000", reason: "a bare number is yuan"},
		{in: "20000000元", want: "20000000", reason: "元 is the base unit"},
		{in: "1,000万元", want: "10000000", reason: "commas group thousands"},
		{in: "1,000,000.5元", want: "1000000.5", reason: "grouping with a fraction"},
		{in: "3000元", want: "3000", reason: "plain yuan"},
		{in: "0.5万元", want: "5000", reason: "fractional 万元"},
		{in: "2133.4亿元", want: "213340000000", reason: "large 亿元 with a fraction"},
		{in: "0.01元", want: "0.01", reason: "one fen"},
		{in: "-30万元", want: "-300000", reason: "negative amounts are allowed for ledger adjustments"},
		{in: "-0", want: "0", reason: "minus zero is zero"},
		{in: "007万元", want: "70000", reason: "leading zeros are harmless"},
		{in: "2000 万元", want: "20000000", reason: "spaces may separate number and unit"},
		{in: "  2000万元\n", want: "20000000", reason: "surrounding white space is ignored"},
		{in: "1.50000000000000000000亿元", want: "150000000", reason: "trailing zeros do not count as decimal places"},
		{in: "99999999999999999999", want: "99999999999999999999", reason: "20 integer digits is the limit"},
		{in: "0.0000000000000001", want: "0.0000000000000001", reason: "16 decimal places is the limit"},
		{in: "0.000000000000000000000001亿", want: "0.0000000000000001", reason: "places are counted in 元, after conversion"},

		{in: "", errOff: 0, reason: "empty"},
		{in: "   ", errOff: 3, reason: "only spaces"},
		{in: "12x万元", errOff: 2, reason: "junk inside the literal"},
		{in: "NaN", errOff: 0, reason: "NaN is not a number"},
		{in: "Inf", errOff: 0, reason: "Inf is not a number"},
		{in: "-Infinity", errOff: 1, reason: "infinity is not a number"},
		{in: "1e9", errOff: 1, reason: "exponent notation is rejected"},
		{in: "1E9元", errOff: 1, reason: "upper-case exponent too"},
		{in: "1,00万元", errOff: 1, reason: "a group after a comma has three digits"},
		{in: "1000,000", errOff: 4, reason: "the first group has at most three digits"},
		{in: "0,100", errOff: 1, reason: "the first group does not start with 0"},
		{in: "1,000,00", errOff: 5, reason: "the last group is short"},
		{in: "1,", errOff: 1, reason: "trailing comma"},
		{in: "1.000,5", errOff: 5, reason: "no commas in the fraction"},
		{in: "2000万万元", errOff: 7, reason: "double unit"},
		{in: "2000元元", errOff: 7, reason: "double unit"},
		{in: "10亿万元", errOff: 5, reason: "mixed double unit"},
		{in: "2000万元abc", errOff: 10, reason: "trailing junk"},
		{in: "2000万元 abc", errOff: 10, reason: "trailing junk after a space"},
		{in: "1.", errOff: 2, reason: "a point needs a digit after it"},
		{in: ".5万元", errOff: 0, reason: "a point needs a digit before it"},
		{in: "+5万元", errOff: 0, reason: "no plus sign"},
		{in: "--5", errOff: 1, reason: "one sign at most"},
		{in: "− 5", errOff: 0, reason: "the Unicode minus is not accepted"},
		{in: "５０００元", errOff: 0, reason: "full-width digits are not accepted"},
		{in: "1.2.3", errOff: 3, reason: "two decimal points"},
		{in: "5000㎡", errOff: 4, reason: "an area is not money"},
		{in: "300万元/亩", errOff: 3, reason: "an intensity is not money"},
		{in: "3%", errOff: 1, reason: "a percentage is not money"},
		{in: "30天", errOff: 2, reason: "a period is not money"},
		{in: "100000000000000000000", errOff: 0, reason: "21 integer digits is too many"},
		{in: "1000000000000亿元", errOff: 0, reason: "the limit is counted in 元"},
		{in: "-0.00000000000000001", errOff: 1, reason: "17 decimal places is too many"},
		{in: strings.Repeat("1", 65), errOff: 64, reason: "longer than MaxInputLen"},
	})
}

func TestParseArea(t *testing.T) {
	runParse(t, quantity.Area, quantity.ParseArea, []parseCase{
		{in: "283.69亩", want: "283.69", reason: "亩 is the base unit"},
		{in: "5000平方米", want: "7.5", reason: "1平方米 = 0.0015亩"},
		{in: "5000㎡", want: "7.5", reason: "㎡ symbol"},
		{in: "5000m2", want: "7.5", reason: "ASCII m2"},
		{in: "5000m²", want: "7.5", reason: "superscript m²"},
		{in: "5000平米", want: "7.5", reason: "colloquial 平米"},
		{in: "1㎡", want: "0.0015", reason: "exact conversion"},
		{in: "41.1平方公里", want: "61650", reason: "1平方公里 = 1500亩"},
		{in: "41.1km2", want: "61650", reason: "ASCII km2"},
		{in: "1平方千米", want: "1500", reason: "平方千米 is 平方公里"},
		{in: "2公顷", want: "30", reason: "1公顷 = 15亩"},
		{in: "2万平方米", want: "30", reason: "1万平方米 = 1公顷"},
		{in: "1.2万亩", want: "12000", reason: "万亩"},
		{in: "1,000亩", want: "1000", reason: "commas group thousands"},
		{in: "0.123456789012㎡", want: "0.000185185183518", reason: "㎡ adds four decimal places, still exact"},
		{in: "5000 ㎡", want: "7.5", reason: "space before the unit"},

		{in: "283.69", errOff: 6, reason: "a bare number is ambiguous for areas"},
		{in: "283.69 ", errOff: 6, reason: "a bare number with trailing space"},
		{in: "-1亩", errOff: 0, reason: "areas are not negative"},
		{in: "5000m2x", errOff: 6, reason: "junk after the unit"},
		{in: "5000㎡㎡", errOff: 7, reason: "double unit"},
		{in: "5元", errOff: 1, reason: "money is not an area"},
		{in: "1e3亩", errOff: 1, reason: "exponent notation"},
		{in: "0.12345678901234567亩", errOff: 0, reason: "too many decimal places in 亩"},
		{in: "0.0000000000001㎡", errOff: 0, reason: "too many decimal places once converted to 亩"},
	})
}

func TestParsePercent(t *testing.T) {
	runParse(t, quantity.Percent, quantity.ParsePercent, []parseCase{
		{in: "3%", want: "0.03", reason: "percent to fraction"},
		{in: "12.5%", want: "0.125", reason: "fractional percent"},
		{in: "0.5", want: "0.5", reason: "a bare number is a fraction"},
		{in: "3", want: "3", reason: "a bare 3 is 300%"},
		{in: "100%", want: "1", reason: "whole"},
		{in: "3％", want: "0.03", reason: "full-width percent sign"},
		{in: "-5%", want: "-0.05", reason: "rates of decline may be negative"},
		{in: "0.0001%", want: "0.000001", reason: "small rate"},

		{in: "3 %", errOff: 1, reason: "the % sign is attached to the number"},
		{in: "3%%", errOff: 2, reason: "double unit"},
		{in: "%", errOff: 0, reason: "no number"},
		{in: "3‰", errOff: 1, reason: "per mille is not supported"},
		{in: "3万元", errOff: 1, reason: "money is not a percentage"},
		{in: "1e-2", errOff: 1, reason: "exponent notation"},
	})
}

func TestParseIntensity(t *testing.T) {
	runParse(t, quantity.Intensity, quantity.ParseIntensity, []parseCase{
		{in: "300万元/亩", want: "3000000", reason: "investment intensity"},
		{in: "8万元/亩", want: "80000", reason: "tax per 亩"},
		{in: "300万/亩", want: "3000000", reason: "bare 万"},
		{in: "3500元/亩", want: "3500", reason: "yuan per 亩"},
		{in: "1.2亿元/亩", want: "120000000", reason: "亿元 per 亩"},
		{in: "300 万元/亩", want: "3000000", reason: "space before the unit"},

		{in: "300万元", errOff: 9, reason: "missing /亩"},
		{in: "300", errOff: 3, reason: "missing unit"},
		{in: "3000元/㎡", errOff: 8, reason: "per ㎡ has no exact value per 亩"},
		{in: "300万元/公顷", errOff: 10, reason: "per 公顷 has no exact value per 亩"},
		{in: "300万元 /亩", errOff: 9, reason: "no space before the slash"},
		{in: "-300万元/亩", errOff: 0, reason: "intensities are not negative"},
		{in: "300亩", errOff: 3, reason: "an area is not an intensity"},
		{in: "300万元/亩/亩", errOff: 13, reason: "junk after the unit"},
	})
}

type formatCase struct {
	in     decimal.Decimal
	want   string
	reason string
}

func runFormat(t *testing.T, format func(decimal.Decimal) string, cases []formatCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, format(tc.in)); diff != "" {
				t.Errorf("%s\nformat(%s) mismatch (-want +got):\n%s", tc.reason, tc.in, diff)
			}
		})
	}
}

func TestFormatMoney(t *testing.T) {
	runFormat(t, quantity.FormatMoney, []formatCase{
		{dec("20000000"), "2000万元", "below 1亿元, whole 万元"},
		{dec("1000000000"), "10亿元", "whole 亿元"},
		{dec("150000000"), "1.5亿元", "one decimal in 亿元"},
		{dec("213340000000"), "2133.4亿元", "large 亿元"},
		{dec("3500"), "3500元", "below 1万元"},
		{dec("125000"), "12.5万元", "one decimal in 万元"},
		{dec("10000"), "1万元", "exactly 1万元"},
		{dec("100000000"), "1亿元", "exactly 1亿元"},
		{dec("12300"), "1.23万元", "two decimals in 万元"},
		{dec("12345"), "12345元", "four decimals in 万元 would be unusual, so 元"},
		{dec("123400000"), "12340万元", "three decimals in 亿元 would be unusual, so 万元"},
		{dec("123456789"), "123456789元", "not a multiple of 100元"},
		{dec("150000000.5"), "150000000.5元", "fen and below print in 元"},
		{dec("0"), "0元", "zero"},
		{dec("0.5"), "0.5元", "below one yuan"},
		{dec("-300000"), "-30万元", "negative amounts keep the rule"},
		{dec("-3500"), "-3500元", "negative small"},
		{decimal.New(20000, 3), "2000万元", "trailing zeros in the coefficient"},
		{decimal.New(15000, -4), "1.5元", "trailing zeros after the point"},
		{dec("99999999999999999999"), "99999999999999999999元", "largest parseable whole amount"},
		{dec("12345678901234567890000000"), "123456789012345678.9亿元", "beyond int64 coefficients"},
		{decimal.New(1, 5000), "1e4992亿元", "absurd values print in exponent form instead of 5000 zeros"},
	})
}

func TestFormatArea(t *testing.T) {
	runFormat(t, quantity.FormatArea, []formatCase{
		{dec("283.69"), "283.69亩", "plain"},
		{dec("7.5"), "7.5亩", "from 5000㎡"},
		{dec("0.0015"), "0.0015亩", "one square metre"},
		{decimal.New(30000, -3), "30亩", "trailing zeros"},
		{dec("0"), "0亩", "zero"},
	})
}

func TestFormatPercent(t *testing.T) {
	runFormat(t, quantity.FormatPercent, []formatCase{
		{dec("0.03"), "3%", "three percent"},
		{dec("0.125"), "12.5%", "fractional"},
		{dec("1"), "100%", "whole"},
		{dec("0.5"), "50%", "half"},
		{dec("-0.05"), "-5%", "decline"},
		{dec("0.000001"), "0.0001%", "tiny"},
		{dec("0"), "0%", "zero"},
	})
}

func TestFormatIntensity(t *testing.T) {
	runFormat(t, quantity.FormatIntensity, []formatCase{
		{dec("3000000"), "300万元/亩", "investment intensity"},
		{dec("80000"), "8万元/亩", "tax per 亩"},
		{dec("3500"), "0.35万元/亩", "always 万元/亩"},
		{dec("0"), "0万元/亩", "zero"},
	})
}

func TestFormatAreaIn(t *testing.T) {
	cases := []struct {
		in     decimal.Decimal
		unit   quantity.AreaUnit
		places int32
		want   string
		reason string
	}{
		{dec("7.5"), quantity.SquareMetre, 2, "5000㎡", "exact conversion, trailing zeros dropped"},
		{dec("1"), quantity.SquareMetre, 2, "666.67㎡", "1亩 = 666.666…㎡ rounds half away from zero"},
		{dec("1"), quantity.SquareMetre, 0, "667㎡", "no decimal places"},
		{dec("-1"), quantity.SquareMetre, 2, "-666.67㎡", "negative rounds away from zero"},
		{dec("283.69"), quantity.Hectare, 2, "18.91公顷", "to hectares"},
		{dec("30"), quantity.Hectare, 2, "2公顷", "exact hectares"},
		{dec("61650"), quantity.SquareKilometre, 2, "41.1平方公里", "to square kilometres"},
		{dec("1"), quantity.SquareKilometre, 4, "0.0007平方公里", "small area"},
		{dec("283.695"), quantity.Mu, 2, "283.7亩", "rounding in 亩"},
		{dec("283.69"), quantity.UnknownAreaUnit, 1, "283.7亩", "unknown unit prints in 亩"},
		{dec("1"), quantity.SquareMetre, -3, "667㎡", "negative places count as 0"},
		{dec("1"), quantity.SquareMetre, 99, "666.6666666666666667㎡", "places are capped at 16"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			got := quantity.FormatAreaIn(tc.in, tc.unit, tc.places)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s\nFormatAreaIn(%s, %v, %d) mismatch (-want +got):\n%s", tc.reason, tc.in, tc.unit, tc.places, diff)
			}
		})
	}
}

func TestParseAreaUnit(t *testing.T) {
	cases := []struct {
		in     string
		want   quantity.AreaUnit
		reason string
	}{
		{"亩", quantity.Mu, "base unit"},
		{"㎡", quantity.SquareMetre, "symbol"},
		{"平方米", quantity.SquareMetre, "Chinese name"},
		{"m2", quantity.SquareMetre, "ASCII"},
		{"公顷", quantity.Hectare, "hectare"},
		{"万平方米", quantity.Hectare, "the same size as a hectare"},
		{"km2", quantity.SquareKilometre, "ASCII"},
		{"平方公里", quantity.SquareKilometre, "Chinese name"},
		{"万亩", quantity.UnknownAreaUnit, "a multiple, not a unit FormatAreaIn prints"},
		{"元", quantity.UnknownAreaUnit, "money"},
		{"", quantity.UnknownAreaUnit, "empty"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, err := quantity.ParseAreaUnit(tc.in)
			var se *quantity.SyntaxError
			if (tc.want == quantity.UnknownAreaUnit) != errors.As(err, &se) {
				t.Errorf("%s\nParseAreaUnit(%q) error = %v", tc.reason, tc.in, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s\nParseAreaUnit(%q) mismatch (-want +got):\n%s", tc.reason, tc.in, diff)
			}
		})
	}
}

func TestAreaUnit_String(t *testing.T) {
	got := []string{}
	for u := quantity.UnknownAreaUnit; u <= quantity.SquareKilometre+1; u++ {
		got = append(got, u.String())
	}
	want := []string{"AreaUnit(0)", "亩", "㎡", "公顷", "平方公里", "AreaUnit(5)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AreaUnit.String mismatch (-want +got):\n%s", diff)
	}
}

func TestKind_String(t *testing.T) {
	got := []string{}
	for k := quantity.Invalid; k <= quantity.Date+1; k++ {
		got = append(got, k.String())
	}
	want := []string{"invalid", "number", "money", "area", "percent", "intensity", "period", "date", "Kind(8)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kind.String mismatch (-want +got):\n%s", diff)
	}
}

func TestLex(t *testing.T) {
	cases := []struct {
		src    string
		start  int
		kind   quantity.Kind
		text   string // s[start:end]
		reason string
	}{
		{"10亿元", 0, quantity.Money, "10亿元", "money"},
		{"1.5亿 and", 0, quantity.Money, "1.5亿", "bare 亿"},
		{"1.5亿元x", 0, quantity.Money, "1.5亿元", "Chinese units need no boundary"},
		{"500万", 0, quantity.Money, "500万", "bare 万"},
		{"10 亿元", 0, quantity.Money, "10 亿元", "space before the unit"},
		{"2万平方米", 0, quantity.Area, "2万平方米", "longest unit wins over 万"},
		{"5000㎡)", 0, quantity.Area, "5000㎡", "area symbol"},
		{"5000m2 ", 0, quantity.Area, "5000m2", "ASCII area"},
		{"5000m2x", 0, quantity.Number, "5000", "m2x is an identifier"},
		{"41.1km2", 0, quantity.Area, "41.1km2", "square kilometres"},
		{"3%", 0, quantity.Percent, "3%", "percent"},
		{"3% ", 0, quantity.Percent, "3%", "percent before space"},
		{"10%3", 0, quantity.Number, "10", "modulo, not percent"},
		{"10 %", 0, quantity.Number, "10", "no space before %"},
		{"300万元/亩", 0, quantity.Intensity, "300万元/亩", "intensity"},
		{"300万/亩", 0, quantity.Intensity, "300万/亩", "intensity with bare 万"},
		{"3000元/㎡", 0, quantity.Intensity, "3000元/㎡", "found here, rejected by ParseIntensity with a clear message"},
		{"300万元/x", 0, quantity.Money, "300万元", "division by a name"},
		{"30个工作日", 0, quantity.Period, "30个工作日", "working days"},
		{"30工作日", 0, quantity.Period, "30工作日", "working days without 个"},
		{"30 working days)", 0, quantity.Period, "30 working days", "English with spaces"},
		{"30 Working Days", 0, quantity.Period, "30 Working Days", "calendar.ParsePeriod ignores case"},
		{"60天", 0, quantity.Period, "60天", "natural days"},
		{"60日", 0, quantity.Period, "60日", "natural days"},
		{"60 days and", 0, quantity.Period, "60 days", "English days"},
		{"60 daysx", 0, quantity.Number, "60", "daysx is an identifier"},
		{"60 day_count", 0, quantity.Number, "60", "underscore continues a word"},
		{"4个月", 0, quantity.Period, "4个月", "months"},
		{"4 months", 0, quantity.Period, "4 months", "English months"},
		{"1年", 0, quantity.Period, "1年", "years"},
		{"1 year", 0, quantity.Period, "1 year", "singular"},
		{"3年内", 0, quantity.Period, "3年", "Chinese text after the unit"},
		{"1.5天", 0, quantity.Period, "1.5天", "found here, rejected by calendar.ParsePeriod"},
		{"2025-06-01", 0, quantity.Date, "2025-06-01", "date"},
		{"2025-02-30)", 0, quantity.Date, "2025-02-30", "shape only; calendar.ParseDate checks the day"},
		{"2025-06-012", 0, quantity.Number, "2025", "not a date"},
		{"2025-6-1", 0, quantity.Number, "2025", "dates are zero-padded"},
		{"42", 0, quantity.Number, "42", "plain number"},
		{"12.5)", 0, quantity.Number, "12.5", "fraction"},
		{"12.", 0, quantity.Number, "12", "point without digits is not part of the number"},
		{"12x", 0, quantity.Number, "12", "identifier after a number"},
		{"1,000万元", 0, quantity.Number, "1", "commas separate list items in expressions"},
		{"12 and", 0, quantity.Number, "12", "no unit"},
		{"x >= 10亿元", 5, quantity.Money, "10亿元", "start offset"},
		{"x >= 10亿元", 0, quantity.Invalid, "", "not a digit"},
		{"-5万元", 0, quantity.Invalid, "", "no sign"},
		{"", 0, quantity.Invalid, "", "empty"},
		{"5", 1, quantity.Invalid, "", "start at the end"},
		{"5", -1, quantity.Invalid, "", "negative start"},
		{"5", 7, quantity.Invalid, "", "start past the end"},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			kind, end := quantity.Lex(tc.src, tc.start)
			type token struct {
				Kind quantity.Kind
				Text string
			}
			text := ""
			if end >= tc.start && end <= len(tc.src) && tc.start >= 0 {
				text = tc.src[tc.start:end]
			}
			if kind == quantity.Invalid && end != tc.start {
				t.Errorf("Lex(%q, %d) = (Invalid, %d), want end == start", tc.src, tc.start, end)
			}
			if diff := cmp.Diff(token{tc.kind, tc.text}, token{kind, text}); diff != "" {
				t.Errorf("%s\nLex(%q, %d) mismatch (-want +got):\n%s", tc.reason, tc.src, tc.start, diff)
			}
		})
	}
}

// TestLex_expression tokenises the expression from the issue the way the
// expression lexer will: Lex at each digit, anything else skipped here.
func TestLex_expression(t *testing.T) {
	src := "investment >= 10亿元 and area < 5000㎡ and within(30个工作日) and signed >= 2025-06-01 and rate > 3%"
	var got []string
	for i := 0; i < len(src); {
		if kind, end := quantity.Lex(src, i); kind != quantity.Invalid {
			got = append(got, fmt.Sprintf("%v:%s", kind, src[i:end]))
			i = end
			continue
		}
		i++
	}
	want := []string{"money:10亿元", "area:5000㎡", "period:30个工作日", "date:2025-06-01", "percent:3%"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens mismatch (-want +got):\n%s", diff)
	}
}

// TestLex_parse checks that what Lex finds, the Parse function for its kind
// accepts.
func TestLex_parse(t *testing.T) {
	parsers := map[quantity.Kind]func(string) (decimal.Decimal, error){
		quantity.Money:     quantity.ParseMoney,
		quantity.Area:      quantity.ParseArea,
		quantity.Percent:   quantity.ParsePercent,
		quantity.Intensity: quantity.ParseIntensity,
	}
	for _, s := range []string{"10亿元", "1.5亿", "500万", "10 亿元", "283.69亩", "5000㎡", "5000 m2", "41.1km2", "2公顷", "3%", "12.5％", "300万元/亩", "8万/亩"} {
		kind, end := quantity.Lex(s, 0)
		parse, ok := parsers[kind]
		if !ok || end != len(s) {
			t.Errorf("Lex(%q, 0) = (%v, %d), want a whole literal", s, kind, end)
			continue
		}
		if _, err := parse(s); err != nil {
			t.Errorf("Lex(%q) = %v but parse: %v", s, kind, err)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := quantity.ParseMoney("12x万元")
	wrapped := fmt.Errorf("policy.yaml:3:5: %w", err)
	var se *quantity.SyntaxError
	if !errors.As(wrapped, &se) {
		t.Fatalf("errors.As(%v) failed", wrapped)
	}
	want := &quantity.SyntaxError{
		Kind:     quantity.Money,
		Input:    "12x万元",
		Offset:   2,
		Expected: "a number followed by 元, 万元 or 亿元 (例如 2000万元)",
	}
	if diff := cmp.Diff(want, se); diff != "" {
		t.Errorf("SyntaxError mismatch (-want +got):\n%s", diff)
	}
	const msg = `"12x万元" is not an amount of money: expected a number followed by 元, 万元 or 亿元 (例如 2000万元)`
	if diff := cmp.Diff(msg, se.Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}

func TestSyntaxError_longInput(t *testing.T) {
	in := strings.Repeat("亿", 30) // 90 bytes
	_, err := quantity.ParseMoney(in)
	var se *quantity.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("ParseMoney(long) error = %v, want *SyntaxError", err)
	}
	if se.Input != in {
		t.Errorf("Input was shortened: %q", se.Input)
	}
	want := `"` + strings.Repeat("亿", 21) + `…" is not an amount of money: expected at most 64 bytes of text: a number and its unit only (例如 2000万元)`
	if diff := cmp.Diff(want, se.Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}

// TestIgnoresDecimalSettings checks that neither parsing nor formatting
// depends on the decimal package's mutable settings. It changes them, so it
// must not run in parallel with other tests.
func TestIgnoresDecimalSettings(t *testing.T) {
	trim, sci, maxExp := decimal.TrimTrailingZeros, decimal.UseScientificNotation, decimal.MaxDecodeExponent
	t.Cleanup(func() {
		decimal.TrimTrailingZeros, decimal.UseScientificNotation, decimal.MaxDecodeExponent = trim, sci, maxExp
	})
	decimal.TrimTrailingZeros, decimal.UseScientificNotation, decimal.MaxDecodeExponent = false, true, 0

	d, err := quantity.ParseMoney("1.50亿元")
	if err != nil {
		t.Fatalf("ParseMoney: %v", err)
	}
	got := []string{
		quantity.FormatMoney(d),
		quantity.FormatMoney(decimal.New(12000, -3)),
		quantity.FormatArea(decimal.New(7500, -3)),
		quantity.FormatPercent(decimal.New(300, -4)),
		quantity.FormatIntensity(decimal.New(300, 4)),
		quantity.FormatAreaIn(decimal.New(75, -1), quantity.SquareMetre, 2),
	}
	want := []string{"1.5亿元", "12元", "7.5亩", "3%", "300万元/亩", "5000㎡"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("formatting depends on decimal settings (-want +got):\n%s", diff)
	}
}

// codec is one kind's parser and formatter, for round-trip tests.
type codec struct {
	name     string
	parse    func(string) (decimal.Decimal, error)
	format   func(decimal.Decimal) string
	negative bool // whether the parser accepts negative values
}

func codecs() []codec {
	return []codec{
		{"money", quantity.ParseMoney, quantity.FormatMoney, true},
		{"area", quantity.ParseArea, quantity.FormatArea, false},
		{"percent", quantity.ParsePercent, quantity.FormatPercent, true},
		{"intensity", quantity.ParseIntensity, quantity.FormatIntensity, false},
	}
}

// inLimits reports whether x is within the documented limits of the parsers:
// at most 20 digits before the decimal point and 16 after it.
func inLimits(x decimal.Decimal) bool {
	n := x.Normalize()
	return n.Exponent() >= -16 && int64(n.NumDigits())+int64(n.Exponent()) <= 20
}

// TestRoundTrip checks Parse(Format(x)) == x over a grid of values built
// from many digit patterns, scales and signs.
func TestRoundTrip(t *testing.T) {
	coefficients := []int64{0, 1, 5, 12, 15, 99, 100, 125, 1234, 2000, 12345, 99999, 123456789, 999999999999999999}
	for _, c := range coefficients {
		for exp := int32(-18); exp <= 14; exp++ {
			for _, sign := range []int64{1, -1} {
				x := decimal.New(sign*c, exp)
				if !inLimits(x) {
					continue
				}
				for _, k := range codecs() {
					if x.IsNegative() && !k.negative {
						continue
					}
					s := k.format(x)
					if d, err := k.parse(s); err != nil || !d.Equal(x) {
						t.Errorf("%s %s: formatted %q, parsed back %s, %v", k.name, x, s, d, err)
					}
				}
			}
		}
	}
}
