package expr

// Fixed-point representation of decimal-kind values.
//
// Money, areas, percentages, intensities and decimals are exact decimals in
// the API (shopspring/decimal), but decimal.Decimal keeps its coefficient in
// a *big.Int: adding, multiplying and even comparing two decimals whose
// exponents differ allocates. Evaluation must not allocate, so every
// decimal-kind Value is normalised once, when it is made (a literal at
// compile time, a fact by Activation.Set), to a fixed-point int64 counting
// millionths (scale 6: 1 = 1_000_000). 10亿元 is 1e15 millionths, far inside
// the int64 range of ±9.2e18 millionths (±9.2万亿元).
//
// Comparisons of two fixed-point values are integer comparisons. Arithmetic
// uses 64-bit operations with overflow checks and 128-bit intermediates for
// * and /. Only a value that cannot be held exactly at scale 6 (more than six
// decimal places, or beyond ±9.2万亿) keeps its exact decimal.Decimal and
// takes the exact, allocating path; a result that fits again returns to the
// fixed-point form. Both paths compute the same numbers: every arithmetic
// result is rounded to six decimal places, half away from zero.

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

const (
	// scale is the number of decimal places held by the fixed-point form and
	// kept by arithmetic results.
	scale = 6
	// one is 1 in the fixed-point form.
	one int64 = 1_000_000
)

// pow10 returns 10^k for 0 <= k <= 18, and 0 otherwise.
func pow10(k int) int64 {
	if k < 0 || k > 18 {
		return 0
	}
	p := int64(1)
	for ; k >= 6; k -= 6 {
		p *= 1_000_000
	}
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}

// toFixed converts d to millionths, reporting whether it is exact and in
// range. It does not allocate for decimals whose coefficient fits in 18
// digits.
func toFixed(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	if c == 0 {
		return 0, true
	}
	e := int(d.Exponent())
	if e >= -scale {
		p := pow10(e + scale)
		if p == 0 {
			return 0, false
		}
		return mul64(c, p)
	}
	p := pow10(-scale - e)
	if p == 0 || c%p != 0 {
		return 0, false
	}
	return c / p, true
}

// Bounds of the fixed-point range, in millionths.
const (
	minFixed = math.MinInt64
	maxFixed = math.MaxInt64
)

// floorFixed returns d in millionths rounded down, clamped to the int64
// range. An exact (out of fixed range) Value keeps it in n so that
// comparisons with a fixed-point constant need no decimal arithmetic.
func floorFixed(d decimal.Decimal) int64 {
	f := d.Shift(scale).Floor()
	switch {
	case f.GreaterThan(decimal.NewFromInt(maxFixed)):
		return maxFixed
	case f.LessThan(decimal.NewFromInt(minFixed)):
		return minFixed
	}
	return f.IntPart()
}

// fixedDecimal returns n millionths as a decimal with trailing zeros
// removed. It allocates.
func fixedDecimal(n int64) decimal.Decimal {
	if n == 0 {
		return decimal.Decimal{}
	}
	e := int32(-scale)
	for e < 0 && n%10 == 0 {
		n /= 10
		e++
	}
	return decimal.New(n, e)
}

// mul64 returns a*b and whether it did not overflow.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	neg := (a < 0) != (b < 0)
	return signed(hi, lo, neg)
}

// add64 returns a+b and whether it did not overflow.
func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// sub64 returns a-b and whether it did not overflow.
func sub64(a, b int64) (int64, bool) {
	s := a - b
	if (a >= 0) != (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// abs64 returns |a| as a uint64 (exact for math.MinInt64).
func abs64(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// signed returns the 128-bit magnitude hi:lo with the sign applied, and
// whether it fits in an int64.
func signed(hi, lo uint64, neg bool) (int64, bool) {
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo-1) - 1, true
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// quoRound divides the 128-bit magnitude hi:lo by d (d > 0), rounding half
// away from zero, and applies the sign. It reports false on overflow.
func quoRound(hi, lo, d uint64, neg bool) (int64, bool) {
	if hi >= d {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, d)
	if r >= d-r { // 2r >= d without overflowing
		q++
		if q == 0 {
			return 0, false
		}
	}
	return signed(0, q, neg)
}

// fixedMul returns a*b for two millionth counts, rounded to millionths.
func fixedMul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	return quoRound(hi, lo, uint64(one), (a < 0) != (b < 0))
}

// fixedDiv returns a/b for two millionth counts, rounded to millionths.
// b must not be zero.
func fixedDiv(a, b int64) (int64, bool) {
	if a == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(abs64(a), uint64(one))
	return quoRound(hi, lo, abs64(b), (a < 0) != (b < 0))
}

// fixedRound rounds n millionths to places decimal places (places <= 6;
// negative places round to tens, hundreds, …), half away from zero.
func fixedRound(n int64, places int) (int64, bool) {
	if places >= scale {
		return n, true
	}
	p := pow10(scale - places)
	if p == 0 {
		// 10^(6-places) exceeds int64: every fixed value rounds to zero.
		return 0, true
	}
	q, r := n/p, n%p
	if r < 0 {
		r = -r
	}
	if r >= p-r {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return mul64(q, p)
}

// exactRound rounds an exact result to the fixed scale, the same rounding
// as the fixed-point path.
func exactRound(d decimal.Decimal) decimal.Decimal {
	return d.Round(scale)
}
