package rules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/rules/expr"
)

// valueKinds lists the kinds a parameter or fact may have, with the Chinese
// name shown in messages and docs. Enum is for facts only.
func valueKinds() []expr.Kind {
	return []expr.Kind{
		expr.KindMoney, expr.KindArea, expr.KindPercent, expr.KindIntensity, expr.KindPeriod,
		expr.KindDate, expr.KindInt, expr.KindDecimal, expr.KindBool, expr.KindText, expr.KindEnum,
	}
}

func typeNames(withEnum bool) string {
	var names []string
	for _, k := range valueKinds() {
		if k == expr.KindEnum && !withEnum {
			continue
		}
		names = append(names, k.String())
	}
	return strings.Join(names, ", ")
}

// parseType reads a type: as written in a rule file: a kind name (money,
// text, …) or "list of <kind>".
func parseType(s string, withEnum bool) (expr.Type, bool) {
	t := strings.TrimSpace(s)
	list := false
	if rest, ok := strings.CutPrefix(t, "list of "); ok {
		list, t = true, strings.TrimSpace(rest)
	}
	var k expr.Kind
	for _, c := range valueKinds() {
		if c.String() == t && (c != expr.KindEnum || withEnum) {
			k = c
		}
	}
	if k == expr.KindInvalid {
		return expr.Type{}, false
	}
	if list {
		return expr.Type{Kind: expr.KindList, Elem: k}, true
	}
	return expr.Type{Kind: k}, true
}

// literalError says why a value cannot be read, with the byte offset in the
// value where reading stopped.
type literalError struct {
	offset int
	msg    string // a full sentence for Detail
	err    error  // the underlying error, if any
}

func (e *literalError) Error() string { return e.msg }
func (e *literalError) Unwrap() error { return e.err }

func fromQuantity(err error) *literalError {
	var se *quantity.SyntaxError
	if errors.As(err, &se) {
		return &literalError{offset: se.Offset, msg: se.Error() + ".", err: err}
	}
	return &literalError{msg: err.Error() + ".", err: err}
}

// parseValue reads s as a value of kind k. Enum values are returned as text;
// the expression environment checks them against the declared values.
func parseValue(k expr.Kind, s string) (expr.Value, *literalError) {
	switch k {
	case expr.KindMoney:
		d, err := quantity.ParseMoney(s)
		if err != nil {
			return expr.Value{}, fromQuantity(err)
		}
		return expr.Money(d), nil
	case expr.KindArea:
		d, err := quantity.ParseArea(s)
		if err != nil {
			return expr.Value{}, fromQuantity(err)
		}
		return expr.Area(d), nil
	case expr.KindPercent:
		d, err := quantity.ParsePercent(s)
		if err != nil {
			return expr.Value{}, fromQuantity(err)
		}
		return expr.Percent(d), nil
	case expr.KindIntensity:
		d, err := quantity.ParseIntensity(s)
		if err != nil {
			return expr.Value{}, fromQuantity(err)
		}
		return expr.Intensity(d), nil
	case expr.KindPeriod:
		p, err := calendar.ParsePeriod(s)
		if err != nil {
			return expr.Value{}, &literalError{msg: err.Error() + ".", err: err}
		}
		return expr.Period(p), nil
	case expr.KindDate:
		d, err := calendar.ParseDate(s)
		if err != nil {
			return expr.Value{}, &literalError{msg: err.Error() + ".", err: err}
		}
		return expr.Date(d), nil
	case expr.KindInt:
		if off, ok := scanNumber(s, false); !ok {
			return expr.Value{}, &literalError{offset: off, msg: fmt.Sprintf("%q is not a whole number: write digits only, for example 3.", s)}
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return expr.Value{}, &literalError{msg: fmt.Sprintf("%q is too large for a whole number.", s), err: err}
		}
		return expr.Int(i), nil
	case expr.KindDecimal:
		if off, ok := scanNumber(s, true); !ok {
			return expr.Value{}, &literalError{offset: off, msg: fmt.Sprintf("%q is not a number: write digits with at most one decimal point, for example 1.5.", s)}
		}
		d, err := decimal.NewFromString(s)
		if err != nil || len(s) > quantity.MaxInputLen {
			return expr.Value{}, &literalError{msg: fmt.Sprintf("%q is not a number devzone can hold.", s), err: err}
		}
		return expr.Decimal(d), nil
	case expr.KindBool:
		switch s {
		case "true":
			return expr.Bool(true), nil
		case "false":
			return expr.Bool(false), nil
		}
		return expr.Value{}, &literalError{msg: fmt.Sprintf("%q is not true or false.", s)}
	case expr.KindText, expr.KindEnum:
		return expr.Text(s), nil
	}
	return expr.Value{}, &literalError{msg: fmt.Sprintf("values of type %s cannot be written here.", k)}
}

// scanNumber checks that s is an optional minus sign and digits, with one
// decimal point when fraction is true. It returns the offset of the first
// character that does not fit.
func scanNumber(s string, fraction bool) (int, bool) {
	i := 0
	if strings.HasPrefix(s, "-") {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && fraction && !point && digits > 0 && i+1 < len(s):
			point = true
		default:
			return i, false
		}
	}
	if digits == 0 {
		return i, false
	}
	return 0, true
}

// inferValue reads a value written without a declared type and works out its
// type from how it is written: 10亿元 is money, 283.69亩 an area, 3% a
// percentage, 300万元/亩 an intensity, 30个工作日 a period, 2025-06-01 a date,
// 3 an int, 1.5 a decimal, true or false a bool. Anything that does not start
// with a digit is text. Text that starts with a digit but is none of the
// above is an error: it is almost always a mistyped unit (10亿园), and a
// value meant as text can say so with type: text.
func inferValue(s string, yamlBool bool) (expr.Value, *literalError) {
	if yamlBool && (s == "true" || s == "false") {
		return expr.Bool(s == "true"), nil
	}
	body := s
	neg := strings.HasPrefix(s, "-")
	if neg {
		body = s[1:]
	}
	if body == "" || body[0] < '0' || body[0] > '9' {
		return expr.Text(s), nil
	}
	kind, end := quantity.Lex(body, 0)
	if end == len(body) {
		switch kind {
		case quantity.Number:
			if strings.Contains(body, ".") {
				return parseValue(expr.KindDecimal, s)
			}
			return parseValue(expr.KindInt, s)
		case quantity.Money:
			return parseValue(expr.KindMoney, s)
		case quantity.Area:
			return parseValue(expr.KindArea, s)
		case quantity.Percent:
			return parseValue(expr.KindPercent, s)
		case quantity.Intensity:
			return parseValue(expr.KindIntensity, s)
		case quantity.Period:
			return parseValue(expr.KindPeriod, s)
		case quantity.Date:
			return parseValue(expr.KindDate, s)
		}
	}
	// Forms the expression lexer does not take but the value parsers do,
	// such as 1,000万元.
	for _, k := range []expr.Kind{expr.KindMoney, expr.KindArea, expr.KindIntensity, expr.KindPercent} {
		if v, err := parseValue(k, s); err == nil {
			return v, nil
		}
	}
	off := end
	if neg {
		off++
	}
	return expr.Value{}, &literalError{
		offset: off,
		msg: fmt.Sprintf("%q starts with a number but is not a value devzone can read: %q after the number is not a known unit. "+
			"Units are 元/万元/亿元 (money), 亩/㎡/公顷/平方公里 (area), %% (percentage), 万元/亩 (intensity), 个工作日/天/个月/年 (period); "+
			"dates are written 2025-06-01. If the value is meant as text, add type: text.", s, s[off:]),
	}
}

// unify returns the common kind of a and b: equal kinds, or decimal for an
// int and a decimal.
func unify(a, b expr.Kind) (expr.Kind, bool) {
	switch {
	case a == b:
		return a, true
	case a == expr.KindInt && b == expr.KindDecimal, a == expr.KindDecimal && b == expr.KindInt:
		return expr.KindDecimal, true
	}
	return expr.KindInvalid, false
}

// widen converts an int value to a decimal when the parameter's kind is
// decimal.
func widen(v expr.Value, k expr.Kind) expr.Value {
	if k == expr.KindDecimal && v.Kind() == expr.KindInt {
		return expr.Decimal(decimal.NewFromInt(v.Int()))
	}
	return v
}

// kindNoun names what a value of kind k is, for summaries: "amount of
// money", "date".
func kindNoun(k expr.Kind) string {
	switch k {
	case expr.KindMoney:
		return "amount of money"
	case expr.KindArea:
		return "area"
	case expr.KindPercent:
		return "percentage"
	case expr.KindIntensity:
		return "intensity (amount per 亩)"
	case expr.KindPeriod:
		return "period"
	case expr.KindDate:
		return "date"
	case expr.KindInt:
		return "whole number"
	case expr.KindDecimal:
		return "number"
	case expr.KindBool:
		return "true or false"
	}
	return k.String() + " value"
}

// typeLabel names a type for messages: "money (金额)", "list of text (文本列表)".
func typeLabel(t expr.Type) string {
	if t.Kind == expr.KindList {
		return "list of " + t.Elem.String() + " (" + t.Elem.Label() + "列表)"
	}
	return t.Kind.String() + " (" + t.Kind.Label() + ")"
}
