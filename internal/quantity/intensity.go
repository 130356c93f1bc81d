package quantity

import "github.com/shopspring/decimal"

// ParseIntensity parses an amount of money per 亩, such as an investment
// intensity (投资强度) of 300万元/亩 or a tax yield (亩均税收) of 8万元/亩, and
// returns it in 元 per 亩: "300万元/亩" is 3000000.
//
// The text is a non-negative number, a money unit (元, 万元, 万, 亿元 or 亿),
// a slash and 亩, with no spaces around the slash. Only 亩 may follow the
// slash: an amount per ㎡ or per 公顷 has no exact decimal value per 亩
// (1元/㎡ = 666.66…元/亩), so such text is rejected with a message asking for a
// value per 亩. The number follows the rules of [ParseMoney] (commas in
// threes, no exponent, at most [MaxInputLen] bytes), and the result may have
// at most 20 digits before the decimal point and 16 after it.
//
// Errors are of type [*SyntaxError].
func ParseIntensity(s string) (decimal.Decimal, error) {
	return parse(s, Intensity)
}

// FormatIntensity formats an amount in 元 per 亩 in 万元/亩, the unit policy
// documents use, exactly and without trailing zeros: 3000000 is "300万元/亩",
// 3500 is "0.35万元/亩". For every value x returned by [ParseIntensity],
// ParseIntensity(FormatIntensity(x)) equals x.
func FormatIntensity(d decimal.Decimal) string {
	return format(d, -4, "万元/亩")
}
