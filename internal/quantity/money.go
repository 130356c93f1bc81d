package quantity

import "github.com/shopspring/decimal"

// ParseMoney parses an amount of money and returns it in yuan (元).
//
// The text is a number, optionally followed by a unit: 元, 万元 or 万
// (×10 000), 亿元 or 亿 (×100 000 000). A bare number is in 元. Spaces may
// separate the number from the unit; leading and trailing white space is
// ignored. The number is ASCII digits with an optional fraction; commas may
// group the whole part in threes. A leading '-' makes the amount negative,
// for ledger adjustments; a '+' is not accepted.
//
//	2000万元  1.5亿  500万  20000000  20000000元  1,000万元  0.5万元  -30万元
//
// The conversion is exact: no floating point is used. Rejected: empty text,
// NaN and Inf, exponent notation (1e9), misplaced commas (1,00万元), two units
// (2000万万元), anything after the unit, text longer than [MaxInputLen]
// bytes, and amounts with more than 20 digits before the decimal point or 16
// after it, counted in 元.
//
// Errors are of type [*SyntaxError].
func ParseMoney(s string) (decimal.Decimal, error) {
	return parse(s, Money)
}

// FormatMoney formats an amount in yuan in the unit a person would write,
// exactly, with no rounding and no trailing zeros:
//
//   - 亿元 if the amount is at least 1亿元 (in absolute value) and a whole
//     multiple of 0.01亿元, that is, at most two decimal places in 亿元:
//     10亿元, 1.5亿元, 2133.4亿元;
//   - otherwise 万元 if it is at least 1万元 and a multiple of 0.01万元:
//     2000万元, 12.5万元, 12345万元;
//   - otherwise 元, with as many decimal places as the value has: 3500元,
//     12345元, 150000000.5元, 0元.
//
// Two decimals is how amounts are written in policy documents (1.25亿元,
// 12.35万元); 12345元 reads better than 1.2345万元, so such an amount stays in
// the smaller unit. For every amount x returned by [ParseMoney],
// ParseMoney(FormatMoney(x)) equals x.
func FormatMoney(d decimal.Decimal) string {
	var scratch [40]byte
	neg, digits, exp := split(d, scratch[:])
	// |d| = digits × 10^exp with digits not ending in 0, so |d| ≥ 10^k
	// exactly when len(digits)+exp-1 ≥ k, and d is a multiple of 10^k
	// exactly when exp ≥ k (zero has exp 0 and is below 1万).
	whole := int64(len(digits)) + exp - 1
	var out [64]byte
	var b []byte
	switch {
	case whole >= 8 && exp >= 6:
		b = append(appendPlain(out[:0], neg, digits, exp-8), "亿元"...)
	case whole >= 4 && exp >= 2:
		b = append(appendPlain(out[:0], neg, digits, exp-4), "万元"...)
	default:
		b = append(appendPlain(out[:0], neg, digits, exp), "元"...)
	}
	return string(b)
}
