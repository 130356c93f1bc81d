package quantity

import (
	"strconv"
	"unicode/utf8"
)

// SyntaxError reports text that is not a valid literal of the kind asked for.
// Every error returned by the Parse functions of this package is a
// *SyntaxError, so callers can use [errors.As] to find the offset and point at
// the exact place in a rule file.
type SyntaxError struct {
	// Kind is what was being parsed: Money, Area, Percent, Intensity or
	// Number (ParseNumber).
	Kind Kind
	// Input is the text as given to the parser, unchanged.
	Input string
	// Offset is the byte offset in Input where the text stops being valid,
	// from 0 to len(Input) inclusive (len(Input) when something is missing
	// at the end).
	Offset int
	// Expected says, in words for a policy officer, what would have been
	// accepted at Offset. It reads after "expected ", for example
	// "a number followed by 元, 万元 or 亿元 (例如 2000万元)".
	Expected string
}

// Error returns a one-line message such as
//
//	"12x万元" is not an amount of money: expected a number followed by 元, 万元 or 亿元 (例如 2000万元)
//
// An input longer than [MaxInputLen] is shortened with "…" in the message;
// the Input field keeps it whole.
func (e *SyntaxError) Error() string {
	in := e.Input
	if len(in) > MaxInputLen {
		cut := MaxInputLen
		for cut > 0 && !utf8.RuneStart(in[cut]) {
			cut--
		}
		in = in[:cut] + "…"
	}
	return strconv.Quote(in) + " is not " + e.Kind.noun() + ": expected " + e.Expected
}

// noun names what a literal of kind k is, for error messages.
func (k Kind) noun() string {
	switch k {
	case Money:
		return "an amount of money"
	case Area:
		return "an area"
	case Percent:
		return "a percentage"
	case Intensity:
		return "an amount per 亩"
	case Number:
		return "a number"
	case Period:
		return "a period"
	case Date:
		return "a date"
	}
	return "a valid value"
}

// usage is the generic "expected" text for kind k: what a valid literal
// looks like, with an example.
func (k Kind) usage() string {
	switch k {
	case Money:
		return "a number followed by 元, 万元 or 亿元 (例如 2000万元)"
	case Area:
		return "a number followed by 亩, ㎡, 公顷 or 平方公里 (例如 283.69亩)"
	case Percent:
		return "a number followed by % (例如 3%), or a fraction such as 0.03"
	case Intensity:
		return "a number followed by 万元/亩 or 元/亩 (例如 300万元/亩)"
	}
	return "a number"
}

// units lists the units of kind k for error messages.
func (k Kind) units() string {
	switch k {
	case Money:
		return "元, 万元 or 亿元"
	case Area:
		return "亩, ㎡, 公顷 or 平方公里"
	case Percent:
		return "%"
	case Intensity:
		return "万元/亩 or 元/亩"
	}
	return "a unit"
}
