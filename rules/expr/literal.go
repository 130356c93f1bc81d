package expr

import (
	"strconv"
	"strings"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/shopspring/decimal"
)

func formatMoney(d decimal.Decimal) string     { return quantity.FormatMoney(d) }
func formatArea(d decimal.Decimal) string      { return quantity.FormatArea(d) }
func formatPercent(d decimal.Decimal) string   { return quantity.FormatPercent(d) }
func formatIntensity(d decimal.Decimal) string { return quantity.FormatIntensity(d) }

// parseLiteral turns the text of a literal token into a value.
func parseLiteral(k quantity.Kind, text string) (Value, error) {
	switch k {
	case quantity.Number:
		if len(text) > 40 {
			return Value{}, errLiteralRange
		}
		if !strings.Contains(text, ".") {
			n, err := strconv.ParseInt(text, 10, 64)
			if err != nil {
				return Value{}, errLiteralRange
			}
			return Int(n), nil
		}
		d, err := decimal.NewFromString(text)
		if err != nil {
			return Value{}, err
		}
		return Decimal(d), nil
	case quantity.Money, quantity.Area, quantity.Percent, quantity.Intensity:
		var d decimal.Decimal
		var err error
		switch k {
		case quantity.Money:
			d, err = quantity.ParseMoney(text)
		case quantity.Area:
			d, err = quantity.ParseArea(text)
		case quantity.Percent:
			d, err = quantity.ParsePercent(text)
		default:
			d, err = quantity.ParseIntensity(text)
		}
		if err != nil {
			return Value{}, err
		}
		return decimalValue(quantityKind(k), d), nil
	case quantity.Period:
		p, err := calendar.ParsePeriod(text)
		if err != nil {
			return Value{}, err
		}
		return Period(p), nil
	case quantity.Date:
		d, err := calendar.ParseDate(text)
		if err != nil {
			return Value{}, err
		}
		return Date(d), nil
	}
	return Value{}, errNotLiteral
}

func quantityKind(k quantity.Kind) Kind {
	switch k {
	case quantity.Money:
		return KindMoney
	case quantity.Area:
		return KindArea
	case quantity.Percent:
		return KindPercent
	case quantity.Intensity:
		return KindIntensity
	case quantity.Period:
		return KindPeriod
	case quantity.Date:
		return KindDate
	}
	return KindDecimal
}

func literalSummary(k quantity.Kind, text string) string {
	return quantityKind(k).Label() + " " + quote(text) + " 写得不对"
}

// literalDetail explains how a literal of kind k is written.
func literalDetail(k quantity.Kind, err error) string {
	var how string
	switch k {
	case quantity.Money:
		how = "金额写成数字加单位 元、万元 或 亿元，例如 2000万元、10亿元、1.5亿元。"
	case quantity.Area:
		how = "面积写成数字加单位 亩、㎡、公顷 或 平方公里，例如 283.69亩、5000㎡。"
	case quantity.Percent:
		how = "百分比写成数字加 %，例如 3%、12.5%。"
	case quantity.Intensity:
		how = "强度写成金额单位/亩，例如 300万元/亩。"
	case quantity.Period:
		how = "期限写成整数加单位 个工作日、天、个月 或 年，例如 30个工作日、60天、4个月（1 到 100000）。"
	case quantity.Date:
		how = "日期写成 YYYY-MM-DD，并且必须是存在的日子，例如 2026-06-30。"
	default:
		how = "整数最多 18 位；小数写成 1.5 这样的形式。"
	}
	return how + "（" + err.Error() + "）"
}
