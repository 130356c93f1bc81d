package expr

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/devzone-go/devzone/calendar"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// evalFn and truthFn are the compiled forms of a node: closures over the
// node's constants and its children's closures.
type (
	evalFn  func(a *Activation) Value
	truthFn func(a *Activation) tri
)

// Activation holds the inputs of one evaluation: the as-of date, the
// working-day calendar, and a value for each declared fact, event and
// parameter, by slot (see [Env.Slot]). A missing value is unknown.
//
// An Activation belongs to one goroutine at a time: Set, Reset, Eval and
// Explain modify it. Programs are shared; give each goroutine its own
// Activation. Reset clears it for the next project without allocating, so
// one Activation per goroutine serves any number of evaluations.
type Activation struct {
	env     *Env
	vals    []Value
	asOf    date.Date
	hasAsOf bool
	cal     *calendar.Calendar
	err     error // the last runtime problem, read by Explain
}

// NewActivation returns an empty activation for programs compiled by e.
// Until [Activation.Reset] gives it an as-of date, as_of, happened and date
// are unknown.
func (e *Env) NewActivation() *Activation {
	return &Activation{env: e, vals: make([]Value, len(e.decls))}
}

// Reset clears every value and sets the as-of date (the day the rules are
// evaluated for: events dated after it have not happened yet) and the
// calendar used for working-day periods. cal may be nil; then date +
// period and workdays_between are unknown. Reset does not allocate.
func (a *Activation) Reset(asOf date.Date, cal *calendar.Calendar) {
	clear(a.vals)
	a.asOf, a.hasAsOf, a.cal, a.err = asOf, true, cal, nil
}

// CopyFrom makes a a copy of b: its values, as-of date and calendar. Both
// must have been made by the same Env (CopyFrom panics otherwise: that is a
// programming error, not bad input). It lets a caller fill the values that
// are the same for many evaluations — parameters in force on one date —
// once, and start each evaluation from them. CopyFrom does not allocate.
func (a *Activation) CopyFrom(b *Activation) {
	if a.env != b.env {
		panic("expr: CopyFrom between activations of different environments")
	}
	copy(a.vals, b.vals)
	a.asOf, a.hasAsOf, a.cal, a.err = b.asOf, b.hasAsOf, b.cal, b.err
}

// AsOf returns the as-of date and whether one has been set.
func (a *Activation) AsOf() (date.Date, bool) { return a.asOf, a.hasAsOf }

// Get returns the value in a slot; unknown for an empty or invalid slot.
func (a *Activation) Get(slot int) Value {
	if slot < 0 || slot >= len(a.vals) {
		return Value{}
	}
	return a.vals[slot]
}

// SetError reports a value that [Activation.Set] cannot store in a slot.
type SetError struct {
	Slot int    // the slot given to Set
	Name string // the declaration's name; "" when the slot does not exist
	Want Type   // the declared type
	Got  Value  // the value given
	// Detail says what is wrong, for the person who supplied the value.
	Detail string
}

func (e *SetError) Error() string {
	if e.Name == "" {
		return e.Detail
	}
	return e.Name + "：" + e.Detail
}

// Set stores v in a slot. An unknown v (the zero Value) clears the slot.
//
// v must fit the declaration: its kind must be the declared kind, except
// that an int may fill a decimal slot, and text naming an enum value (by
// name or label) may fill an enum slot. Enum values are checked against the
// declared set. Amounts must lie within ±10^30 with at most 30 decimal
// places. On error the slot is cleared and the error is a [*SetError].
// Set does not allocate when v fits, except to convert list elements.
func (a *Activation) Set(slot int, v Value) error {
	if slot < 0 || slot >= len(a.vals) {
		return &SetError{Slot: slot, Got: v, Detail: fmt.Sprintf("没有第 %d 个声明（共 %d 个）", slot, len(a.vals))}
	}
	d := &a.env.decls[slot]
	if !v.Known() {
		a.vals[slot] = Value{}
		return nil
	}
	w, detail := a.env.conform(slot, d.Type, v)
	if detail != "" {
		a.vals[slot] = Value{}
		return &SetError{Slot: slot, Name: d.Name, Want: d.Type, Got: v, Detail: detail}
	}
	a.vals[slot] = w
	return nil
}

// SetEvent records that the event in slot happened on d. It is
// Set(slot, Date(d)).
func (a *Activation) SetEvent(slot int, d date.Date) error { return a.Set(slot, Date(d)) }

// conform converts v to the type t of a slot, or says why it cannot.
func (e *Env) conform(slot int, t Type, v Value) (Value, string) {
	switch t.Kind {
	case KindEnum:
		if v.kind == KindEnum || v.kind == KindText {
			s := e.sets[slot]
			if i, ok := s.lookup(v.s); ok {
				return s.value(i), ""
			}
			return Value{}, fmt.Sprintf("“%s” 不是 %s 的取值；可以是：%s", v.s, t.Enum, s.allowed())
		}
	case KindDecimal:
		if v.kind == KindInt {
			return widen(v), ""
		}
	case KindList:
		if v.kind != KindList {
			break
		}
		changed := false
		var elems []Value
		k := 0
		for i := 0; i < len(v.s); k++ {
			var el Value
			el, i = nextElem(v.s, i)
			w, detail := e.conform(slot, Type{Kind: t.Elem, Enum: t.Enum}, el)
			if detail != "" {
				return Value{}, fmt.Sprintf("第 %d 项：%s", k+1, detail)
			}
			if !w.Known() {
				return Value{}, fmt.Sprintf("第 %d 项没有值", k+1)
			}
			changed = changed || w != el
			elems = append(elems, w)
		}
		if changed {
			return List(elems...), ""
		}
		return v, ""
	}
	if v.kind != t.Kind {
		return Value{}, fmt.Sprintf("应为%s%s，给出的是%s %s", t.label(), example(t.Kind), v.kind.Label(), quote(v.String()))
	}
	if v.st == stExact {
		dd := v.Decimal()
		if ex := dd.Exponent(); ex < -30 || ex > 30 || dd.NumDigits()+int(ex) > 31 {
			return Value{}, "数值超出可计算的范围（整数部分最多 30 位，小数最多 30 位）"
		}
	}
	if v.kind == KindPeriod && !v.Period().IsValid() {
		return Value{}, "期限无效"
	}
	return v, ""
}

// Program is a compiled expression. It is immutable and safe for
// concurrent use: evaluate one Program from many goroutines, each with its
// own Activation.
type Program struct {
	env   *Env
	src   string
	root  *node
	typ   Type
	eval  evalFn
	truth truthFn // set when the result is a bool
	refs  []string
}

// Source returns the expression as compiled.
func (p *Program) Source() string { return p.src }

// Type returns the type of the expression's result.
func (p *Program) Type() Type { return p.typ }

// References returns the names of the facts, events and parameters the
// expression reads, in order of first use (as_of is not included).
func (p *Program) References() []string { return append([]string(nil), p.refs...) }

// Eval evaluates the program. It returns an unknown Value when facts it
// needs are missing (three-valued logic: false and unknown is false) or a
// calculation fails; [Program.Explain] says why. Eval does not allocate,
// except for a result that is a list and for amounts beyond the fixed-point
// range (see the package documentation). An Activation from another Env
// gives unknown.
func (p *Program) Eval(a *Activation) Value {
	if a == nil || a.env != p.env {
		return Value{}
	}
	if p.truth != nil {
		return boolValue(p.truth(a))
	}
	return p.eval(a)
}

// runtime helpers, shared by the closures

// mirror returns the operator that gives the same result with the operands
// swapped.
func mirror(o op) op {
	switch o {
	case opLt:
		return opGt
	case opLe:
		return opGe
	case opGt:
		return opLt
	case opGe:
		return opLe
	}
	return o
}

// fixedOf returns a number in millionths, if it fits.
func fixedOf(v Value) (int64, bool) {
	if v.st != stFixed {
		return 0, false
	}
	if v.kind == KindInt {
		return mul64(v.n, one)
	}
	return v.n, true
}

// compareValues compares two known values of one dimension.
func compareValues(x, y Value) (int, error) {
	switch {
	case x.kind == KindInt && y.kind == KindInt:
		return cmp.Compare(x.n, y.n), nil
	case numeric(x.kind) && numeric(y.kind):
		fx, okx := fixedOf(x)
		fy, oky := fixedOf(y)
		if okx && oky {
			return cmp.Compare(fx, fy), nil
		}
		return x.Decimal().Cmp(y.Decimal()), nil
	case x.kind == KindText:
		return strings.Compare(x.s, y.s), nil
	case x.kind == KindEnum && (x.n < 0 || y.n < 0):
		return strings.Compare(x.Text(), y.Text()), nil
	case x.kind == KindPeriod:
		if x.unit != y.unit {
			return 0, errPeriodUnits
		}
	}
	return cmp.Compare(x.n, y.n), nil
}

// widen turns an int into a decimal.
func widen(v Value) Value {
	if v.st == stUnknown || v.kind != KindInt {
		return v
	}
	if n, ok := mul64(v.n, one); ok {
		return fixedValue(KindDecimal, n)
	}
	return exactValue(KindDecimal, decimal.NewFromInt(v.n))
}

// as converts a value to the result kind k of min/max.
func as(v Value, k Kind) Value {
	if v.kind == k || v.st == stUnknown {
		return v
	}
	if v.kind == KindInt {
		v = widen(v)
	}
	v.kind = k
	return v
}

// arith computes x o y for known numeric operands; k is the result kind.
func arith(o op, k Kind, x, y Value) (Value, error) {
	if k == KindInt {
		var r int64
		var ok bool
		switch o {
		case opAdd:
			r, ok = add64(x.n, y.n)
		case opSub:
			r, ok = sub64(x.n, y.n)
		case opMul:
			r, ok = mul64(x.n, y.n)
		}
		if !ok {
			return Value{}, errOverflow
		}
		return Int(r), nil
	}
	if o == opDiv && isZero(y) {
		return Value{}, errDivisionByZero
	}
	fx, okx := fixedOf(x)
	fy, oky := fixedOf(y)
	if okx && oky {
		var r int64
		var ok bool
		switch o {
		case opAdd:
			r, ok = add64(fx, fy)
		case opSub:
			r, ok = sub64(fx, fy)
		case opMul:
			r, ok = fixedMul(fx, fy)
		case opDiv:
			r, ok = fixedDiv(fx, fy)
		}
		if ok {
			return fixedValue(k, r), nil
		}
	}
	// Exact path: allocates.
	dx, dy := x.Decimal(), y.Decimal()
	var d decimal.Decimal
	switch o {
	case opAdd:
		d = dx.Add(dy)
	case opSub:
		d = dx.Sub(dy)
	case opMul:
		d = dx.Mul(dy)
	case opDiv:
		d = dx.DivRound(dy, scale)
	}
	d = exactRound(d)
	if d.NumDigits()+int(d.Exponent()) > 40 {
		return Value{}, errOverflow
	}
	return exactValue(k, d), nil
}

// negate returns -v for a known numeric v.
func negate(v Value) (Value, error) {
	if v.st == stFixed {
		if n, ok := sub64(0, v.n); ok {
			v.n = n
			return v, nil
		}
		if v.kind == KindInt {
			return Value{}, errOverflow
		}
	}
	return exactValue(v.kind, v.Decimal().Neg()), nil
}

// roundValue rounds a known numeric value to places decimal places (in
// percentage points for a percentage), half away from zero.
func roundValue(v Value, places int) (Value, error) {
	if v.kind == KindPercent {
		places += 2
	}
	if v.kind == KindInt {
		if places >= 0 {
			return v, nil
		}
		p := pow10(-places)
		if p == 0 {
			return Int(0), nil
		}
		q, r := v.n/p, v.n%p
		if r < 0 {
			r = -r
		}
		if r >= p-r {
			if v.n < 0 {
				q--
			} else {
				q++
			}
		}
		n, ok := mul64(q, p)
		if !ok {
			return Value{}, errOverflow
		}
		return Int(n), nil
	}
	if v.st == stFixed {
		if n, ok := fixedRound(v.n, places); ok {
			return fixedValue(v.kind, n), nil
		}
	}
	return exactValue(v.kind, v.Decimal().Round(int32(places))), nil
}

// dateShift computes d + p (plus) or d - p for a known date and period.
// Adding counts like calendar.Deadline: from the day after d, in working
// days on the calendar, and a natural-day, month or year period ending on a
// rest day moves to the next working day. Subtracting counts back: the
// n-th working day before d, or exactly n days, months or years earlier
// (a missing day of the month becomes the month's last day).
func dateShift(a *Activation, plus bool, d, p Value) (Value, error) {
	start := date.Date(d.n)
	per := calendar.NewPeriod(int(p.n), p.unit)
	if plus {
		if a.cal == nil {
			return Value{}, errNoCalendar
		}
		r, err := a.cal.Deadline(start, per)
		if err != nil {
			return Value{}, err
		}
		return Date(r), nil
	}
	switch p.unit {
	case calendar.WorkingDays:
		if a.cal == nil {
			return Value{}, errNoCalendar
		}
		r, err := a.cal.AddWorkdays(start, -per.N())
		if err != nil {
			return Value{}, err
		}
		return Date(r), nil
	case calendar.Days:
		return Date(start - date.Date(per.N())), nil
	case calendar.Months:
		return Date(addMonths(start, -per.N())), nil
	case calendar.Years:
		return Date(addMonths(start, -12*per.N())), nil
	}
	return Value{}, calendar.ErrInvalidPeriod
}

// addMonths adds n calendar months, clamping to the last day of the target
// month.
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	total := int(m) - 1 + n
	ty := y + total/12
	tm := total % 12
	if tm < 0 {
		tm += 12
		ty--
	}
	first := date.New(ty, time.Month(tm+1), 1)
	last := date.New(ty, time.Month(tm+2), 1) - 1
	if day > last.Day() {
		return last
	}
	return first + date.Date(day-1)
}
