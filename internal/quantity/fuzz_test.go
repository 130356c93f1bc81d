package quantity_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

// seeds are inputs shared by every parser's fuzz target: valid literals of
// each kind and the malformed shapes the parsers must reject.
func seeds() []string {
	return []string{
		"2000万元", "10亿元", "1.5亿", "500万", "20000000", "20000000元", "1,000万元",
		"0.5万元", "2133.4亿元", "-30万元", "2000 万元", " 3000元 ",
		"283.69亩", "5000平方米", "5000㎡", "5000m2", "41.1平方公里", "41.1km2", "2公顷", "1.2万亩",
		"3%", "0.5", "12.5%", "3％", "-5%",
		"300万元/亩", "8万元/亩", "3000元/㎡", "300万/亩",
		"30个工作日", "30 working days", "2025-06-01",
		"", "-", ".5", "1.", "1e9", "NaN", "Inf", "1,00万元", "0,100", "2000万万元", "12x万元",
		"2000万元abc", "99999999999999999999999", "0.00000000000000001", "５０００元", "\xff万元",
		strings.Repeat("9", 64), strings.Repeat("亿", 30),
	}
}

// fuzzParse checks one parser on arbitrary text: it never panics; a failure
// is a *SyntaxError with an offset inside the input and no decimal-package
// wording; a success formats to text that parses back to the same value and
// formats the same way again.
func fuzzParse(t *testing.T, k codec, kind quantity.Kind, s string) {
	d, err := k.parse(s)
	if err != nil {
		var se *quantity.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s(%q): error %T %v, want *SyntaxError", k.name, s, err, err)
		}
		if se.Kind != kind || se.Input != s || se.Offset < 0 || se.Offset > len(s) || se.Expected == "" {
			t.Fatalf("%s(%q): malformed error %#v", k.name, s, se)
		}
		if msg := se.Error(); strings.Contains(msg, "can't convert") || strings.Contains(msg, "to decimal") {
			t.Fatalf("%s(%q): message leaks the decimal package: %s", k.name, s, msg)
		}
		return
	}
	if !inLimits(d) {
		t.Fatalf("%s(%q) = %s, outside the documented limits", k.name, s, d)
	}
	if d.IsNegative() && !k.negative {
		t.Fatalf("%s(%q) = %s, negative", k.name, s, d)
	}
	f := k.format(d)
	back, err := k.parse(f)
	if err != nil {
		t.Fatalf("%s(%q) = %s, formatted %q, which does not parse: %v", k.name, s, d, f, err)
	}
	if !back.Equal(d) {
		t.Fatalf("%s(%q) = %s, formatted %q, parsed back as %s", k.name, s, d, f, back)
	}
	if again := k.format(back); again != f {
		t.Fatalf("%s(%q): format is not stable: %q then %q", k.name, s, f, again)
	}
}

func fuzzCodec(f *testing.F, name string, kind quantity.Kind) {
	for _, s := range seeds() {
		f.Add(s)
	}
	var k codec
	for _, c := range codecs() {
		if c.name == name {
			k = c
		}
	}
	f.Fuzz(func(t *testing.T, s string) { fuzzParse(t, k, kind, s) })
}

func FuzzParseMoney(f *testing.F)     { fuzzCodec(f, "money", quantity.Money) }
func FuzzParseArea(f *testing.F)      { fuzzCodec(f, "area", quantity.Area) }
func FuzzParsePercent(f *testing.F)   { fuzzCodec(f, "percent", quantity.Percent) }
func FuzzParseIntensity(f *testing.F) { fuzzCodec(f, "intensity", quantity.Intensity) }

// FuzzLex checks the scanner: it never panics, returns an end inside s and
// past start for a literal (start itself for Invalid), and what it finds as
// Money, Area, Percent or Intensity is accepted by the matching parser when
// the literal is short enough to be within the parser's limits.
func FuzzLex(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s, 0)
	}
	f.Add("investment >= 10亿元 and area < 5000㎡", 14)
	f.Add("investment >= 10亿元 and area < 5000㎡", 31)
	f.Add("x >= 30 working days", 5)
	f.Add("10%3", 0)
	f.Add("5000m2x", 0)
	f.Add("3年内", 0)
	f.Fuzz(func(t *testing.T, s string, start int) {
		kind, end := quantity.Lex(s, start)
		if kind == quantity.Invalid {
			if end != start {
				t.Fatalf("Lex(%q, %d) = (Invalid, %d), want end == start", s, start, end)
			}
			return
		}
		if start < 0 || end <= start || end > len(s) {
			t.Fatalf("Lex(%q, %d) = (%v, %d): end out of range", s, start, kind, end)
		}
		if again, end2 := quantity.Lex(s[:end], start); again != kind || end2 != end {
			t.Fatalf("Lex(%q, %d) = (%v, %d) but on the literal alone (%v, %d)", s, start, kind, end, again, end2)
		}
		lit := s[start:end]
		var parse func(string) (decimal.Decimal, error)
		switch kind {
		case quantity.Money:
			parse = quantity.ParseMoney
		case quantity.Area:
			parse = quantity.ParseArea
		case quantity.Percent:
			parse = quantity.ParsePercent
		case quantity.Intensity:
			if !strings.HasSuffix(lit, "/亩") {
				return // other denominators are found but rejected on purpose
			}
			parse = quantity.ParseIntensity
		default:
			return
		}
		if countDigits(lit) <= 12 && len(lit) <= quantity.MaxInputLen {
			if _, err := parse(lit); err != nil {
				t.Fatalf("Lex(%q, %d) found %v %q, but: %v", s, start, kind, lit, err)
			}
		}
	})
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
