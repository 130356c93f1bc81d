package quantity

import "github.com/shopspring/decimal"

// ParsePercent parses a percentage or rate and returns it as a fraction:
// "3%" is 0.03, "12.5%" is 0.125. A bare number is already a fraction:
// "0.5" is 0.5, and "3" is 3 (that is 300%), so write the % sign for
// percentages. The full-width ％ is accepted too. The % sign must follow the
// number directly. A leading '-' is allowed, for rates of decline.
//
// The number follows the rules of [ParseMoney] (commas in threes, no
// exponent, at most [MaxInputLen] bytes), and the fraction may have at most
// 20 digits before the decimal point and 16 after it.
//
// Errors are of type [*SyntaxError].
func ParsePercent(s string) (decimal.Decimal, error) {
	return parse(s, Percent)
}

// FormatPercent formats a fraction as a percentage, exactly, without trailing
// zeros: 0.03 is "3%", 0.125 is "12.5%", 1 is "100%". For every fraction x
// returned by [ParsePercent], ParsePercent(FormatPercent(x)) equals x.
func FormatPercent(d decimal.Decimal) string {
	return format(d, 2, "%")
}
