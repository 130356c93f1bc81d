package land

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/enum"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// Unit is the unit an indicator is measured in. It fixes the base unit of
// every amount of the indicator (limits, committed and actual values) and how
// those amounts are written. The zero value is [UnitUnknown].
type Unit uint8

const (
	// UnitUnknown is the zero Unit: not set; [New] rejects it.
	UnitUnknown Unit = iota
	// UnitIntensity is money per 亩, held in 元/亩 and written and shown
	// in 万元/亩: 300万元/亩 is 3000000. Investment intensity (固定资产投资强度)
	// and tax per 亩 (亩均税收) use it.
	UnitIntensity
	// UnitRatio is a plain number, such as a floor-area ratio (容积率) of
	// 1.2, written without a unit.
	UnitRatio
	// UnitPercent is a share held as a fraction (0.3) and written as a
	// percentage (30%), such as a building coverage ratio (建筑系数).
	UnitPercent
	// UnitMoney is an amount of money in 元, written 2000万元 or 1.5亿元.
	UnitMoney
	// UnitEnergy is energy use per unit of value added, in tonnes of
	// standard coal per 万元 (吨标煤/万元), written 0.5吨标煤/万元 or 0.5.
	UnitEnergy
	// UnitOther is a number in a unit devzone does not convert, named by
	// [Indicator.UnitLabel], for example 万元/吨标煤 (单位能耗增加值). Values
	// are written as a number, optionally followed by that label.
	UnitOther
	// UnitNamed is a named standard rather than a number, for example an
	// environmental standard such as GB 8978-1996 一级. Only [Meets] applies.
	UnitNamed
)

var unitNames = [...][2]string{
	{"", "未知"},
	{"intensity", "万元/亩"},
	{"ratio", "比值"},
	{"percent", "%"},
	{"money", "元"},
	{"energy", "吨标煤/万元"},
	{"other", "其他"},
	{"named", "标准"},
}

// String returns the unit's identifier: intensity, ratio, percent, money,
// energy, other or named ("" for UnitUnknown).
func (u Unit) String() string { return enum.Name(unitNames[:], int(u)) }

// Label returns how the unit is written in Chinese documents: 万元/亩, 比值,
// %, 元, 吨标煤/万元, 其他 or 标准.
func (u Unit) Label() string { return enum.Label(unitNames[:], int(u)) }

// ParseUnit accepts a unit's identifier or label, and the usual spellings of
// the units devzone converts: 万元/亩 and 元/亩 (intensity); 比值 and 倍
// (ratio); % and 百分比 (percent); 元, 万元 and 亿元 (money); 吨标煤/万元 and
// tce/万元 (energy); 标准 (named). Any other unit text is an error: declare
// such an indicator with [UnitOther] and the text as its UnitLabel. Errors
// are of type [*EnumError].
func ParseUnit(s string) (Unit, error) {
	switch s {
	case "元/亩":
		return UnitIntensity, nil
	case "倍":
		return UnitRatio, nil
	case "百分比", "％":
		return UnitPercent, nil
	case "万元", "亿元":
		return UnitMoney, nil
	case "tce/万元", "吨标准煤/万元":
		return UnitEnergy, nil
	}
	i, err := parseEnum(unitNames[:], "unit", s)
	return Unit(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (u Unit) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseUnit].
func (u *Unit) UnmarshalText(b []byte) error {
	v, err := ParseUnit(string(b))
	*u = v
	return err
}

// numeric reports whether values of the unit are numbers.
func (u Unit) numeric() bool { return u >= UnitIntensity && u <= UnitOther }

// Direction says which side of a limit complies. The zero value is
// [DirectionUnknown].
type Direction uint8

const (
	// DirectionUnknown is the zero Direction: not set; [New] rejects it.
	DirectionUnknown Direction = iota
	// AtLeast: the value complies when it is at least the limit (不低于),
	// the limit itself included. Investment intensity, floor-area ratio and
	// tax per 亩 are minimums.
	AtLeast
	// AtMost: the value complies when it is at most the limit (不高于), the
	// limit itself included. Energy use per unit of value added is a
	// maximum.
	AtMost
	// Meets: the value complies when it names exactly the required
	// standard (符合). Only [UnitNamed] indicators use it.
	Meets
)

var directionNames = [...][2]string{{"", "未知"}, {"at_least", "不低于"}, {"at_most", "不高于"}, {"meets", "符合"}}

// String returns the direction's identifier: at_least, at_most or meets.
func (d Direction) String() string { return enum.Name(directionNames[:], int(d)) }

// Label returns the direction in Chinese: 不低于, 不高于 or 符合.
func (d Direction) Label() string { return enum.Label(directionNames[:], int(d)) }

// ParseDirection accepts at_least, at_most, meets, their labels 不低于,
// 不高于, 符合, and the symbols >=, ≥, <=, ≤ and =. Errors are of type
// [*EnumError].
func ParseDirection(s string) (Direction, error) {
	switch s {
	case ">=", "≥":
		return AtLeast, nil
	case "<=", "≤":
		return AtMost, nil
	case "=":
		return Meets, nil
	}
	i, err := parseEnum(directionNames[:], "direction", s)
	return Direction(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDirection].
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	*d = v
	return err
}

// Indicator is a control indicator (控制性指标) of standard land: what is
// measured, in which unit, and which side of a limit complies. The limits
// themselves are set by [Standard] values.
type Indicator struct {
	// Ref identifies the indicator: Ref.ID is its id in rule files and
	// project data (e.g. investment_intensity), Ref.Label its Chinese name
	// (固定资产投资强度) and Ref.Cite the policy clause that makes it a
	// control indicator.
	Ref  zone.Ref
	Unit Unit
	// UnitLabel is the unit as written, for UnitOther (e.g. 万元/吨标煤);
	// it is ignored for the other units, whose spelling is fixed.
	UnitLabel string
	Direction Direction
}

// Value is an amount of an indicator: a limit, a committed value or an
// actual value. The zero Value is the amount 0 with no named standard.
type Value struct {
	// Amount is the value of a numeric indicator, in the base unit of its
	// [Unit]: 元/亩 for UnitIntensity, a fraction for UnitPercent, 元 for
	// UnitMoney, 吨标煤/万元 for UnitEnergy, the number itself for
	// UnitRatio and UnitOther. It is exact. Zero for UnitNamed.
	Amount decimal.Decimal
	// Named is the standard named, for UnitNamed indicators, e.g.
	// GB 8978-1996 一级; "" for numeric indicators.
	Named string
}

// Equal reports whether v and w are the same amount (by value: 3000000 equals
// 3000000.00) and name the same standard.
func (v Value) Equal(w Value) bool { return v.Named == w.Named && cmpDec(v.Amount, w.Amount) == 0 }

// The ids of the standard indicators returned by [StandardIndicators].
const (
	InvestmentIntensity = "investment_intensity"   // 固定资产投资强度, 万元/亩, minimum
	PlotRatio           = "plot_ratio"             // 容积率, ratio, minimum
	TaxPerMu            = "tax_per_mu"             // 亩均税收, 万元/亩 per year, minimum
	EnergyPerValueAdded = "energy_per_value_added" // 单位能耗, 吨标煤/万元 of value added, maximum
	Environment         = "environment"            // 环境标准, a named standard
)

// Citations of the standard indicators. Lüliang's 标准地 reform writes
// planning, energy use, environment and investment intensity into the land
// transfer conditions; the national control indicators for industrial land
// (自然资源部《工业项目建设用地控制指标》, 2023) make the floor-area ratio
// normative and recommend investment intensity and land tax yield.
const (
	citeLuliang = "000_7e9f414cccdf2792.txt 承诺制+标准地+全代办：建设规划、能耗、环境、投资强度纳入建设用地出让条件"
	citeMNR     = "自然资源部《工业项目建设用地控制指标》(2023)"
)

// StandardIndicators returns the standard control indicators, in this
// order: investment intensity (固定资产投资强度, 万元/亩, at least),
// floor-area ratio (容积率, ratio, at least), tax per 亩 (亩均税收, 万元/亩 a
// year, at least), energy use per unit of value added (单位能耗, 吨标煤/万元,
// at most) and the environmental standard (环境标准, a named standard). A
// rule set adds its own indicators beside them. The slice is new on each
// call.
func StandardIndicators() []Indicator {
	return []Indicator{
		{Ref: zone.Ref{ID: InvestmentIntensity, Label: "固定资产投资强度", Cite: citeLuliang}, Unit: UnitIntensity, Direction: AtLeast},
		{Ref: zone.Ref{ID: PlotRatio, Label: "容积率", Cite: citeMNR + " 控制性指标"}, Unit: UnitRatio, Direction: AtLeast},
		{Ref: zone.Ref{ID: TaxPerMu, Label: "亩均税收", Cite: citeMNR + " 推荐性指标 土地税收"}, Unit: UnitIntensity, Direction: AtLeast},
		{Ref: zone.Ref{ID: EnergyPerValueAdded, Label: "单位能耗", Cite: citeLuliang}, Unit: UnitEnergy, Direction: AtMost},
		{Ref: zone.Ref{ID: Environment, Label: "环境标准", Cite: citeLuliang}, Unit: UnitNamed, Direction: Meets},
	}
}

// energyLabel is how UnitEnergy amounts are written.
const energyLabel = "吨标煤/万元"

// Parse reads a value of the indicator written as text, as in a rule file or
// a project attribute:
//
//	UnitIntensity  300万元/亩, 3000000元/亩       → 3000000 (元/亩)
//	UnitRatio      1.2                            → 1.2
//	UnitPercent    30%, 0.3                       → 0.3
//	UnitMoney      2570万元, 1.5亿元, 25700000     → 25700000 (元)
//	UnitEnergy     0.5吨标煤/万元, 0.5             → 0.5
//	UnitOther      12万元/吨标煤 (its UnitLabel), 12 → 12
//	UnitNamed      GB 8978-1996 一级               → Named, spaces at the ends trimmed
//
// Money, percentages and intensities follow the rules of the devzone
// quantity syntax (commas in threes, no exponent, at most 64 bytes). Plain
// numbers are ASCII digits with an optional fraction. Negative values are
// rejected: no control indicator is below zero. Errors are of type
// [*ParseError].
func (ind Indicator) Parse(s string) (Value, error) {
	fail := func(off int, expected string) (Value, error) {
		return Value{}, &ParseError{Indicator: ind.Ref.ID, Input: s, Offset: off, Expected: expected}
	}
	var (
		d   decimal.Decimal
		err error
	)
	switch ind.Unit {
	case UnitNamed:
		i := len(s) - len(strings.TrimLeft(s, asciiSpace))
		end := i + len(strings.TrimRight(s[i:], asciiSpace))
		if i == end {
			return fail(i, "the name of a standard, e.g. GB 8978-1996 一级")
		}
		if end-i > maxNamedLen {
			return fail(i+maxNamedLen, "at most "+strconv.Itoa(maxNamedLen)+" bytes: the name of a standard, e.g. GB 8978-1996 一级")
		}
		return Value{Named: s[i:end]}, nil
	case UnitIntensity:
		d, err = quantity.ParseIntensity(s)
	case UnitPercent:
		d, err = quantity.ParsePercent(s)
	case UnitMoney:
		d, err = quantity.ParseMoney(s)
	case UnitRatio:
		d, err = quantity.ParseNumber(s, "")
	case UnitEnergy:
		d, err = quantity.ParseNumber(s, energyLabel)
	case UnitOther:
		d, err = quantity.ParseNumber(s, ind.UnitLabel)
	default:
		return fail(0, "an indicator with a unit (the indicator "+strconv.Quote(ind.Ref.ID)+" has none)")
	}
	if err != nil {
		pe := syntaxError(err)
		pe.Indicator, pe.Input = ind.Ref.ID, s
		return Value{}, pe
	}
	if d.Sign() < 0 {
		return fail(0, "a value that is not negative")
	}
	return Value{Amount: d}, nil
}

// maxNamedLen bounds the name of a standard, in bytes.
const maxNamedLen = 200

// Format writes v the way [Indicator.Parse] reads it, exactly and without
// trailing zeros: 300万元/亩, 1.2, 30%, 2570万元, 0.5吨标煤/万元,
// 12万元/吨标煤, or the named standard. For every value v that Parse returns,
// Parse(Format(v)) equals v.
func (ind Indicator) Format(v Value) string {
	switch ind.Unit {
	case UnitNamed:
		return v.Named
	case UnitIntensity:
		return quantity.FormatIntensity(v.Amount)
	case UnitPercent:
		return quantity.FormatPercent(v.Amount)
	case UnitMoney:
		return quantity.FormatMoney(v.Amount)
	case UnitEnergy:
		return formatPlain(v.Amount) + energyLabel
	case UnitOther:
		return formatPlain(v.Amount) + ind.UnitLabel
	}
	return formatPlain(v.Amount)
}

// FormatIntensity writes an amount in 元/亩 in 万元/亩, the unit policy
// documents use, exactly and without trailing zeros: 3000000 is
// "300万元/亩", 3500 is "0.35万元/亩".
func FormatIntensity(yuanPerMu decimal.Decimal) string { return quantity.FormatIntensity(yuanPerMu) }

// ParseIntensity reads an amount per 亩 such as 300万元/亩 and returns it in
// 元/亩. Errors are of type [*ParseError].
func ParseIntensity(s string) (decimal.Decimal, error) {
	d, err := quantity.ParseIntensity(s)
	if err != nil {
		pe := syntaxError(err)
		pe.Input = s
		return decimal.Decimal{}, pe
	}
	return d, nil
}

// FormatArea writes an area in 亩 exactly, without trailing zeros:
// "283.69亩".
func FormatArea(mu decimal.Decimal) string { return quantity.FormatArea(mu) }

// FormatMoney writes an amount in 元 in the unit a person would use:
// "2570万元", "1.5亿元", "3500元".
func FormatMoney(yuan decimal.Decimal) string { return quantity.FormatMoney(yuan) }

// FormatPercent writes a fraction as a percentage, exactly: 0.2 is "20%".
func FormatPercent(fraction decimal.Decimal) string { return quantity.FormatPercent(fraction) }
