package land

import (
	"cmp"
	"math/bits"

	"github.com/shopspring/decimal"
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

// asciiSpace is the white space trimmed from the ends of values, as the
// quantity parsers do.
const asciiSpace = " \t\n\r"
