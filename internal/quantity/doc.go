// Package quantity parses and formats every unit-bearing literal in devzone:
// money (2000万元), areas (283.69亩, 5000㎡), percentages (3%) and intensities
// (300万元/亩). It is the one place that knows these units; the rule-file
// loader, the expression lexer and the command line all call it, so a value
// is written and read the same way everywhere.
//
// # Base units
//
// Every Parse function returns a [decimal.Decimal] in the base unit of its
// kind, and every Format function takes one:
//
//	money        元 (yuan)            ParseMoney("2000万元")    = 20000000
//	area         亩 (mu)              ParseArea("5000㎡")       = 7.5
//	percentage   fraction (100% = 1)  ParsePercent("3%")        = 0.03
//	intensity    元 per 亩            ParseIntensity("300万元/亩") = 3000000
//
// Areas are held in 亩, not in square metres, because 1亩 = 10000/15 ㎡
// = 666.66…㎡ is not a finite decimal, while every area unit in use is an
// exact decimal number of 亩: 1㎡ = 0.0015亩, 1公顷 = 15亩, 1平方公里 = 1500亩.
// With 亩 as the base, parsing any unit is exact and a policy threshold of
// 50亩 stays exactly 50; only printing in ㎡, 公顷 or 平方公里 needs rounding,
// which [FormatAreaIn] does with an explicit number of places. For the same
// reason an intensity per ㎡ is rejected rather than converted.
//
// # Exactness
//
// No floating point is used anywhere. The digits are checked by this package
// (ASCII digits, commas only between groups of three, at most one decimal
// point, no exponent), turned into a decimal coefficient as written, and
// scaled by 万 (10^4), 亿 (10^8) or 15 by integer arithmetic. The decimal
// package's own error messages never reach the caller, and its mutable
// settings (TrimTrailingZeros, UseScientificNotation, MaxDecodeExponent)
// change nothing here: text is read and printed by this package.
//
// Input is limited to [MaxInputLen] bytes, and a value to 20 digits before the
// decimal point and 16 after it, counted in the base unit. Within those
// limits every formatted value fits in [MaxInputLen] bytes, so for every
// value x a Parse function returns, parsing the output of the matching Format
// function gives x again. The tests check this and fuzz it.
//
// # Formatting
//
// The Format functions print exactly, without trailing zeros. [FormatMoney]
// picks the unit a person would write: 亿元 for at least 1亿元 with at most
// two decimals in 亿元 (1.5亿元, 2133.4亿元), else 万元 for at least 1万元 with
// at most two decimals in 万元 (2000万元, 12.5万元), else 元 (3500元, 12345元).
// [FormatArea] prints 亩, [FormatPercent] a percentage, and
// [FormatIntensity] 万元/亩, the unit policy documents use.
//
// # Lexing
//
// [Lex] finds the extent and [Kind] of the literal at a byte offset, for the
// expression lexer: investment >= 10亿元 and area < 5000㎡ has the literals
// 10亿元 (Money) and 5000㎡ (Area). It also recognises periods (30个工作日)
// and dates (2025-06-01) so that they are single tokens; those are parsed by
// the calendar package (calendar.ParsePeriod, calendar.ParseDate), which is
// also what Lex asks to recognise period units, so there is one list of them.
//
// # Errors
//
// Every parse error is a [*SyntaxError] holding the input, the byte offset of
// the problem and what was expected there, worded for the policy officer who
// wrote the rule file:
//
//	"12x万元" is not an amount of money: expected a number followed by 元, 万元 or 亿元 (例如 2000万元)
//
// # Concurrency
//
// The package has no state. All functions are safe for concurrent use.
package quantity
