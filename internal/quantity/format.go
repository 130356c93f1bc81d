package quantity

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// maxPlainZeros bounds the zeros plain notation may need. A value beyond it
// (only reachable by arithmetic far outside any policy, never by parsing)
// prints in exponent form, such as 1e5000, which the Parse functions reject.
const maxPlainZeros = 4096

// split returns the sign, the significant digits and the exponent of d, with
// trailing zeros moved from the digits to the exponent, so that
// |d| = digits × 10^exp and digits does not end in 0. Zero is ("0", 0).
// buf is scratch space for the digits.
func split(d decimal.Decimal, buf []byte) (neg bool, digits []byte, exp int64) {
	n := d.Normalize()
	exp = int64(n.Exponent())
	if n.NumDigits() <= 18 {
		c := n.CoefficientInt64()
		neg = c < 0
		if neg {
			c = -c
		}
		return neg, strconv.AppendInt(buf[:0], c, 10), exp
	}
	digits = n.Coefficient().Append(buf[:0], 10)
	if digits[0] == '-' {
		return true, digits[1:], exp
	}
	return false, digits, exp
}

// appendPlain appends sign and digits × 10^exp in plain decimal notation, with
// no trailing zeros after the decimal point. It never uses the decimal
// package's String method, whose output depends on that package's mutable
// settings (TrimTrailingZeros, UseScientificNotation).
func appendPlain(b []byte, neg bool, digits []byte, exp int64) []byte {
	if len(digits) == 1 && digits[0] == '0' {
		return append(b, '0')
	}
	if neg {
		b = append(b, '-')
	}
	n := int64(len(digits))
	switch {
	case exp > maxPlainZeros || exp < -(maxPlainZeros+n):
		b = append(b, digits...)
		b = append(b, 'e')
		return strconv.AppendInt(b, exp, 10)
	case exp >= 0:
		b = append(b, digits...)
		for range exp {
			b = append(b, '0')
		}
	case -exp < n:
		b = append(b, digits[:n+exp]...)
		b = append(b, '.')
		b = append(b, digits[n+exp:]...)
	default:
		b = append(b, '0', '.')
		for range -exp - n {
			b = append(b, '0')
		}
		b = append(b, digits...)
	}
	return b
}

// format returns d × 10^shift in plain notation followed by suffix.
func format(d decimal.Decimal, shift int64, suffix string) string {
	var scratch [40]byte
	neg, digits, exp := split(d, scratch[:])
	var out [64]byte
	b := appendPlain(out[:0], neg, digits, exp+shift)
	return string(append(b, suffix...))
}
