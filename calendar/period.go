package calendar

import (
	"strconv"
	"strings"
	"unicode"
)

// Unit is the unit a [Period] is counted in. The zero value is [UnitUnknown].
type Unit uint8

const (
	// UnitUnknown is the zero Unit: no unit, an invalid period.
	UnitUnknown Unit = iota
	// WorkingDays counts working days (工作日) under the calendar.
	WorkingDays
	// Days counts natural days (自然日).
	Days
	// Months counts calendar months (个月).
	Months
	// Years counts calendar years (年).
	Years
)

// String returns the unit's Chinese name as written after a number:
// 个工作日, 天, 个月 or 年 ("" for UnitUnknown).
func (u Unit) String() string {
	switch u {
	case WorkingDays:
		return "个工作日"
	case Days:
		return "天"
	case Months:
		return "个月"
	case Years:
		return "年"
	}
	return ""
}

// MaxPeriod is the largest count a period may have. It is far beyond any
// administrative time limit and keeps every deadline inside the calendar's
// arithmetic range.
const MaxPeriod = 100000

// Period is a time limit such as 30个工作日, 60天, 4个月 or 1年. It is a small
// value type: compare with ==. The zero value has no unit and is invalid.
//
// A Period marshals to and from its canonical text (30个工作日) as text, JSON
// and YAML.
type Period struct {
	n    int32
	unit Unit
}

// NewPeriod returns the period of n units. It does not validate: use
// [Period.IsValid], or [ParsePeriod] for text.
func NewPeriod(n int, u Unit) Period { return Period{n: int32(n), unit: u} }

// N returns the number of units.
func (p Period) N() int { return int(p.n) }

// Unit returns the period's unit.
func (p Period) Unit() Unit { return p.unit }

// IsValid reports whether p has a unit and a count from 1 to [MaxPeriod].
func (p Period) IsValid() bool {
	return p.unit != UnitUnknown && p.unit <= Years && p.n >= 1 && p.n <= MaxPeriod
}

// String returns the canonical Chinese form: 30个工作日, 60天, 4个月, 1年.
// An invalid period prints as its count and unit as far as known.
func (p Period) String() string {
	return strconv.Itoa(int(p.n)) + p.unit.String()
}

// periodUnits maps every accepted unit spelling, lower-cased with spaces
// removed, to its unit.
func periodUnit(s string) (Unit, bool) {
	switch s {
	case "个工作日", "工作日", "workingdays", "workingday", "workdays", "workday":
		return WorkingDays, true
	case "天", "日", "个自然日", "自然日", "days", "day", "naturaldays", "naturalday", "calendardays", "calendarday":
		return Days, true
	case "个月", "月", "months", "month":
		return Months, true
	case "年", "个年", "years", "year":
		return Years, true
	}
	return UnitUnknown, false
}

const periodHelp = "expected a whole number followed by a unit: 个工作日 / working days, 天 / 日 / days, 个月 / months, or 年 / years (for example 30个工作日, 60天, 4个月)"

// ParsePeriod parses a time limit: a whole number from 1 to [MaxPeriod]
// followed by a unit, with optional spaces between them. Accepted units:
//
//	working days  个工作日, 工作日, working days, workdays
//	natural days  天, 日, 自然日, days, natural days
//	months        个月, 月, months
//	years         年, years
//
// English units are case-insensitive and may be singular. Errors are of type
// [*ParseError].
func ParsePeriod(s string) (Period, error) {
	fail := func(why string) (Period, error) {
		return Period{}, &ParseError{What: "period", Input: s, Reason: why}
	}
	t := strings.TrimSpace(s)
	if len(t) > 64 {
		return fail("too long; " + periodHelp)
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		if t != "" && (t[0] == '-' || t[0] == '+') {
			return fail("a period must be a positive whole number; " + periodHelp)
		}
		return fail(periodHelp)
	}
	if i > 6 {
		return fail("the number is too large (at most " + strconv.Itoa(MaxPeriod) + ")")
	}
	n, _ := strconv.Atoi(t[:i])
	var unit strings.Builder
	for _, r := range t[i:] {
		if unicode.IsSpace(r) {
			continue
		}
		unit.WriteRune(unicode.ToLower(r))
	}
	u, ok := periodUnit(unit.String())
	if !ok {
		if unit.Len() == 0 {
			return fail("the unit is missing; " + periodHelp)
		}
		if strings.HasPrefix(t[i:], ".") {
			return fail("a period must be a whole number; " + periodHelp)
		}
		return fail("unknown unit " + strconv.Quote(strings.TrimSpace(t[i:])) + "; " + periodHelp)
	}
	if n < 1 || n > MaxPeriod {
		return fail("the number must be from 1 to " + strconv.Itoa(MaxPeriod))
	}
	return Period{n: int32(n), unit: u}, nil
}

// MustParsePeriod is like [ParsePeriod] but panics on error. Use it only for
// constants in tests and examples.
func MustParsePeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
// An invalid period cannot be marshalled.
func (p Period) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, &ParseError{What: "period", Input: p.String(), Reason: periodHelp}
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePeriod].
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
