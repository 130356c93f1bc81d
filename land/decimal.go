package land

import (
	"cmp"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

// cmpDec compares a and b by value like decimal.Decimal.Cmp, without
// allocating when both coefficients have at most 18 digits and aligning
// their exponents fits in 64 bits, which covers every amount a policy or a
// project records. Otherwise it falls back to Cmp.
func cmpDec(a, b decimal.Decimal) int {
	if a.NumDigits() <= 18 && b.NumDigits() <= 18 {
		ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
		ea, eb := a.Exponent(), b.Exponent()
		switch {
		case ea == eb:
			return cmp.Compare(ca, cb)
		case ea > eb:
			if x, ok := scaleUp(ca, ea-eb); ok {
				return cmp.Compare(x, cb)
			}
		default:
			if x, ok := scaleUp(cb, eb-ea); ok {
				return cmp.Compare(ca, x)
			}
		}
	}
	return a.Cmp(b)
}

// scaleUp returns c × 10^k and whether it fits in an int64.
func scaleUp(c int64, k int32) (int64, bool) {
	if c == 0 {
		return 0, true
	}
	if k > 18 {
		return 0, false
	}
	p := uint64(1)
	for range k {
		p *= 10
	}
	neg := c < 0
	u := uint64(c)
	if neg {
		u = -u
	}
	hi, lo := bits.Mul64(u, p)
	if hi != 0 || lo > 1<<63-1 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}

// formatPlain writes d in plain decimal notation, exactly, without trailing
// zeros after the point. It does not depend on the decimal package's
// mutable settings.
func formatPlain(d decimal.Decimal) string {
	n := d.Normalize()
	places := int32(0)
	if e := n.Exponent(); e < 0 {
		places = -e
	}
	return n.StringFixed(places)
}

// Limits on a plain number, as for the quantity syntax.
const (
	maxIntDigits  = 20
	maxFracDigits = 16
)

// parseNumber reads a non-negative plain number, ASCII digits with an
// optional fraction, optionally followed (spaces allowed in between) by
// exactly the unit text unit. Leading and trailing ASCII white space is
// ignored. On failure it returns a *ParseError with Offset and Expected set.
func parseNumber(s, unit string) (decimal.Decimal, error) {
	fail := func(off int, expected string) (decimal.Decimal, error) {
		return decimal.Decimal{}, &ParseError{Input: s, Offset: off, Expected: expected}
	}
	example := "1.2"
	if unit != "" {
		example = "0.5" + unit
	}
	if len(s) > quantity.MaxInputLen {
		return fail(quantity.MaxInputLen, "at most "+strconv.Itoa(quantity.MaxInputLen)+" bytes of text: a number only (例如 "+example+")")
	}
	i, end := trimSpaces(s)
	if i == end {
		return fail(i, "a number (例如 "+example+")")
	}
	start := i
	if s[i] == '-' {
		return fail(i, "a value that is not negative")
	}
	for i < end && isDigit(s[i]) {
		i++
	}
	intDigits := i - start
	if intDigits == 0 {
		return fail(i, "a number written with the digits 0-9 (例如 "+example+")")
	}
	fracDigits := 0
	if i < end && s[i] == '.' {
		i++
		f := i
		for i < end && isDigit(s[i]) {
			i++
		}
		fracDigits = i - f
		if fracDigits == 0 {
			return fail(i, "a digit after the decimal point (例如 "+example+")")
		}
	}
	num := s[start:i]
	j := i
	for j < end && isSpace(s[j]) {
		j++
	}
	switch {
	case j == end:
	case unit != "" && s[j:end] == unit:
	case unit != "":
		return fail(i, "nothing after the number but "+unit+" (例如 "+example+")")
	default:
		return fail(i, "a number without a unit (例如 "+example+")")
	}
	if intDigits > maxIntDigits {
		return fail(start, "a smaller number: at most "+strconv.Itoa(maxIntDigits)+" digits before the decimal point")
	}
	if fracDigits > maxFracDigits {
		return fail(start, "fewer decimal places: at most "+strconv.Itoa(maxFracDigits))
	}
	d, err := decimal.NewFromString(num) // only digits and at most one point
	if err != nil {
		return fail(start, "a number (例如 "+example+")")
	}
	return d, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// trimSpaces returns the bounds of s without leading and trailing ASCII
// white space.
func trimSpaces(s string) (start, end int) {
	end = len(s)
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return start, end
}
