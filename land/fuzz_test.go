package land_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/land"
)

// FuzzIndicator_Parse reads arbitrary text as a value of every kind of
// indicator. Properties: no panic; every error is a *ParseError wrapping
// ErrSyntax whose offset lies within the input; a value read is never
// negative, and formatting it and reading it back gives the same value.
func FuzzIndicator_Parse(f *testing.F) {
	for _, s := range []string{
		"300万元/亩", "299.99万元/亩", "3000000元/亩", "0.35万元/亩", "300万元", "300万元/㎡", "1,000万元/亩",
		"1.2", " 2 ", "1.", ".5", "-1", "1e3", "0", "00012.500", "99999999999999999999", "1.12345678901234567",
		"30%", "-3%", "0.3", "2570万元", "1.5亿", "0.5吨标煤/万元", "0.5 吨标煤/万元", "0.5吨/万元",
		"12万元/吨标煤", "GB 8978-1996 一级", "  ", "", "\x00", "３００万元/亩", strings.Repeat("9", 70),
	} {
		f.Add(s)
	}
	inds := []land.Indicator{
		{Ref: land.StandardIndicators()[0].Ref, Unit: land.UnitIntensity, Direction: land.AtLeast},
		{Unit: land.UnitRatio, Direction: land.AtLeast},
		{Unit: land.UnitPercent, Direction: land.AtLeast},
		{Unit: land.UnitMoney, Direction: land.AtLeast},
		{Unit: land.UnitEnergy, Direction: land.AtMost},
		{Unit: land.UnitOther, UnitLabel: "万元/吨标煤", Direction: land.AtLeast},
		{Unit: land.UnitNamed, Direction: land.Meets},
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ind := range inds {
			v, err := ind.Parse(s)
			if err != nil {
				var pe *land.ParseError
				if !errors.As(err, &pe) || !errors.Is(err, land.ErrSyntax) {
					t.Fatalf("%v Parse(%q): error %v is not a *ParseError", ind.Unit, s, err)
				}
				if pe.Offset < 0 || pe.Offset > len(s) {
					t.Fatalf("%v Parse(%q): offset %d outside the input", ind.Unit, s, pe.Offset)
				}
				continue
			}
			if v.Amount.Sign() < 0 {
				t.Fatalf("%v Parse(%q) = %s: negative", ind.Unit, s, v.Amount)
			}
			out := ind.Format(v)
			back, err := ind.Parse(out)
			if err != nil {
				t.Fatalf("%v Parse(%q) = %v, but Parse(Format) = Parse(%q) fails: %v", ind.Unit, s, v, out, err)
			}
			if !back.Equal(v) {
				t.Fatalf("%v Parse(%q) = %v, but Parse(%q) = %v", ind.Unit, s, v, out, back)
			}
		}
		// The enumeration parsers never panic and either succeed or
		// report an *EnumError.
		if _, err := land.ParseUnit(s); err != nil && !errors.Is(err, land.ErrSyntax) {
			t.Fatalf("ParseUnit(%q): %v", s, err)
		}
		if _, err := land.ParseDirection(s); err != nil && !errors.Is(err, land.ErrSyntax) {
			t.Fatalf("ParseDirection(%q): %v", s, err)
		}
		if _, err := land.ParseDamagesKind(s); err != nil && !errors.Is(err, land.ErrSyntax) {
			t.Fatalf("ParseDamagesKind(%q): %v", s, err)
		}
		if _, err := land.ParseItemKind(s); err != nil && !errors.Is(err, land.ErrSyntax) {
			t.Fatalf("ParseItemKind(%q): %v", s, err)
		}
		if _, err := land.ParseReason(s); err != nil && !errors.Is(err, land.ErrSyntax) {
			t.Fatalf("ParseReason(%q): %v", s, err)
		}
	})
}
