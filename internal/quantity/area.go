package quantity

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// ParseArea parses an area and returns it in 亩.
//
// The text is a non-negative number followed by a unit (a bare number is
// rejected, because 亩 and ㎡ are both common):
//
//	亩                       283.69亩
//	万亩 (10 000亩)           1.2万亩
//	平方米, 平米, ㎡, m2, m²   5000㎡      1㎡ = 0.0015亩
//	万平方米, 公顷            2公顷       1公顷 = 15亩
//	平方公里, 平方千米, km2, km²  41.1km2   1平方公里 = 1500亩
//
// Every conversion is exact. The number follows the rules of [ParseMoney]
// (commas in threes, no exponent, at most [MaxInputLen] bytes), and the area
// may have at most 20 digits before the decimal point and 16 after it,
// counted in 亩.
//
// Errors are of type [*SyntaxError].
func ParseArea(s string) (decimal.Decimal, error) {
	return parse(s, Area)
}

// FormatArea formats an area in 亩, exactly, without trailing zeros:
// "283.69亩". For every area x returned by [ParseArea],
// ParseArea(FormatArea(x)) equals x. Use [FormatAreaIn] for other units.
func FormatArea(d decimal.Decimal) string {
	return format(d, 0, "亩")
}

// AreaUnit is a unit [FormatAreaIn] can print an area in. The zero value is
// [UnknownAreaUnit].
type AreaUnit uint8

const (
	// UnknownAreaUnit is the zero AreaUnit: no unit.
	UnknownAreaUnit AreaUnit = iota
	// Mu is the 亩, the base unit of areas in this package.
	Mu
	// SquareMetre is the square metre, printed ㎡ (1㎡ = 0.0015亩).
	SquareMetre
	// Hectare is the hectare, printed 公顷 (1公顷 = 15亩).
	Hectare
	// SquareKilometre is the square kilometre, printed 平方公里
	// (1平方公里 = 1500亩).
	SquareKilometre
)

// String returns the symbol FormatAreaIn prints for u: 亩, ㎡, 公顷 or
// 平方公里, or "AreaUnit(n)" for an unknown unit.
func (u AreaUnit) String() string {
	switch u {
	case Mu:
		return "亩"
	case SquareMetre:
		return "㎡"
	case Hectare:
		return "公顷"
	case SquareKilometre:
		return "平方公里"
	}
	return "AreaUnit(" + strconv.Itoa(int(u)) + ")"
}

// factor returns how a number in u converts to 亩: multiply by 15 if mul15,
// then by 10^shift. It matches the unit table of [ParseArea].
func (u AreaUnit) factor() (mul15 bool, shift int32) {
	switch u {
	case SquareMetre:
		return true, -4
	case Hectare:
		return true, 0
	case SquareKilometre:
		return true, 2
	}
	return false, 0
}

// ParseAreaUnit parses the name of an area unit, in any spelling [ParseArea]
// accepts: 亩; 平方米, 平米, ㎡, m2 or m²; 公顷 (or 万平方米, the same
// size); 平方公里, 平方千米, km2 or km². Errors are of type [*SyntaxError].
func ParseAreaUnit(s string) (AreaUnit, error) {
	if u, ok := lookupUnit(s); ok && u.kind == Area {
		for a := Mu; a <= SquareKilometre; a++ {
			if mul15, shift := a.factor(); mul15 == u.mul15 && shift == u.shift {
				return a, nil
			}
		}
	}
	return UnknownAreaUnit, &SyntaxError{
		Kind:     Area,
		Input:    s,
		Offset:   0,
		Expected: "a unit of area: 亩, ㎡, 公顷 or 平方公里",
	}
}

// maxAreaPlaces is the most decimal places FormatAreaIn rounds to.
const maxAreaPlaces = 16

// FormatAreaIn formats an area given in 亩 in the unit u, rounded half away
// from zero to places decimal places, without trailing zeros:
//
//	FormatAreaIn(area, SquareMetre, 2)  // "5000㎡" for 7.5亩
//
// Converting from 亩 to ㎡, 公顷 or 平方公里 divides by 15, so the result is
// generally not exact; that is why places is explicit. places below 0 count
// as 0 and above 16 as 16. An unknown unit prints in 亩. The result is for
// people to read: parse it back only if a rounded value is what you want.
func FormatAreaIn(d decimal.Decimal, u AreaUnit, places int32) string {
	places = min(max(places, 0), maxAreaPlaces)
	if u < Mu || u > SquareKilometre {
		u = Mu
	}
	n := d.Normalize()
	if n.Exponent() > maxPlainZeros || n.Exponent() < -maxPlainZeros {
		// Far outside any real area; keep the arithmetic bounded.
		return FormatArea(d)
	}
	mul15, shift := u.factor()
	var r decimal.Decimal
	if mul15 {
		r = n.Shift(-shift).DivRound(decimal.NewFromInt(15), places)
	} else {
		r = n.Round(places)
	}
	return format(r, 0, u.String())
}
