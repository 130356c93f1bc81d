package expr

import (
	"encoding/binary"
	"math/big"
	"strconv"
	"strings"

	"github.com/devzone-go/devzone/calendar"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// state says whether a Value is known and how a decimal-kind value is held.
type state uint8

const (
	stUnknown state = iota // no value: a missing fact or a failed calculation
	stFixed                // n holds the value (millionths for decimal kinds)
	stExact                // s holds the exact decimal (decimal kinds only)
)

// Value is the value of a fact, a parameter, an event date or an
// expression. It is a small value type: pass it by value. The zero Value is
// unknown (Known reports false, Kind is KindInvalid); that is how a missing
// fact reads.
//
// Build values with the constructors ([Bool], [Int], [Money], [Date], …) and
// read them with the accessor for their kind. Compare values with
// [Value.Equal], not ==.
type Value struct {
	// A Value is 32 bytes in at most four fields, so that the compiler keeps
	// it in registers: a larger Value is copied through memory on every
	// return, and the copy stalls the processor (a store-forwarding stall
	// of about 10 ns per evaluation). Rare payloads therefore live in s:
	// an exact decimal as its text, a list as its encoded elements, a bound
	// enum value as its name, a NUL byte and its label.
	hdr
	n int64  // bool 0/1, int, millionths, date, period count, enum index
	s string // text, enum name(+label), exact decimal, encoded list
}

// hdr is the kind and state of a Value.
type hdr struct {
	kind Kind
	st   state
	unit calendar.Unit // period unit
}

func mk(k Kind, n int64) Value { return Value{hdr: hdr{kind: k, st: stFixed}, n: n} }

// Bool returns a boolean value.
func Bool(b bool) Value { return mk(KindBool, int64(b2u(b))) }

// Int returns a whole-number value.
func Int(i int64) Value { return mk(KindInt, i) }

// Decimal returns a plain number.
func Decimal(d decimal.Decimal) Value { return decimalValue(KindDecimal, d) }

// Money returns an amount in yuan.
func Money(yuan decimal.Decimal) Value { return decimalValue(KindMoney, yuan) }

// Area returns an area in 亩 (1㎡ = 0.0015亩, 1公顷 = 15亩).
func Area(mu decimal.Decimal) Value { return decimalValue(KindArea, mu) }

// Percent returns a rate given as a fraction: Percent(0.03) is 3%.
func Percent(fraction decimal.Decimal) Value { return decimalValue(KindPercent, fraction) }

// Intensity returns money per area in yuan per 亩.
func Intensity(yuanPerMu decimal.Decimal) Value { return decimalValue(KindIntensity, yuanPerMu) }

// Date returns a date value.
func Date(d date.Date) Value { return mk(KindDate, int64(d)) }

// Period returns a time limit. An invalid period (calendar.Period's zero
// value) gives an unknown Value.
func Period(p calendar.Period) Value {
	if !p.IsValid() {
		return Value{}
	}
	v := mk(KindPeriod, int64(p.N()))
	v.unit = p.Unit()
	return v
}

// Text returns a text value.
func Text(s string) Value {
	v := mk(KindText, 0)
	v.s = s
	return v
}

// Enum returns a value of an enum by its name or its label (transfer or
// 出让). [Activation.Set] checks it against the declared value set.
func Enum(name string) Value {
	v := mk(KindEnum, -1)
	v.s = name
	return v
}

// List returns a list value holding a copy of vs. All elements should have
// the same kind; [Activation.Set] checks them against the declaration.
// Unknown elements are kept.
func List(vs ...Value) Value {
	var b []byte
	for _, e := range vs {
		b = appendElem(b, e)
	}
	v := mk(KindList, int64(len(vs)))
	v.s = string(b)
	return v
}

// appendElem encodes one list element: kind, state, unit, n (8 bytes,
// little-endian), the length of s (uvarint) and s.
func appendElem(b []byte, e Value) []byte {
	b = append(b, byte(e.kind), byte(e.st), byte(e.unit))
	b = binary.LittleEndian.AppendUint64(b, uint64(e.n))
	b = binary.AppendUvarint(b, uint64(len(e.s)))
	return append(b, e.s...)
}

// nextElem decodes the list element at s[i:] and returns it and the offset
// of the next one. It does not allocate: the element's text is a substring
// of s.
func nextElem(s string, i int) (Value, int) {
	if len(s)-i < 11 {
		return Value{}, len(s)
	}
	var e Value
	e.kind, e.st, e.unit = Kind(s[i]), state(s[i+1]), calendar.Unit(s[i+2])
	i += 3
	var u uint64
	for k := 0; k < 8; k++ {
		u |= uint64(s[i+k]) << (8 * k)
	}
	e.n = int64(u)
	i += 8
	var l uint64
	for shift := 0; i < len(s); shift += 7 {
		c := s[i]
		i++
		l |= uint64(c&0x7F) << shift
		if c < 0x80 || shift > 56 {
			break
		}
	}
	if l > uint64(len(s)-i) {
		return Value{}, len(s)
	}
	e.s = s[i : i+int(l)]
	return e, i + int(l)
}

func decimalValue(k Kind, d decimal.Decimal) Value {
	if n, ok := toFixed(d); ok {
		return mk(k, n)
	}
	return Value{hdr: hdr{kind: k, st: stExact}, n: floorFixed(d), s: exactText(d)}
}

// exactText encodes d as "coefficient e exponent"; exactDecimal reads it
// back. Neither depends on the decimal package's mutable settings.
func exactText(d decimal.Decimal) string {
	return d.Coefficient().String() + "e" + strconv.Itoa(int(d.Exponent()))
}

func exactDecimal(s string) decimal.Decimal {
	i := strings.LastIndexByte(s, 'e')
	if i < 0 {
		return decimal.Decimal{}
	}
	c, ok := new(big.Int).SetString(s[:i], 10)
	e, err := strconv.Atoi(s[i+1:])
	if !ok || err != nil {
		return decimal.Decimal{}
	}
	return decimal.NewFromBigInt(c, int32(e))
}

// fixedValue returns a decimal-kind value from millionths.
func fixedValue(k Kind, n int64) Value { return mk(k, n) }

// exactValue returns a decimal-kind value from an exact decimal, in
// fixed-point form when it fits.
func exactValue(k Kind, d decimal.Decimal) Value { return decimalValue(k, d) }

// boolValue returns the bool Value of a tri (unknown for triU) without
// branching on t.
func boolValue(t tri) Value {
	st := state((t^3)+1) >> 1 // 1 for T and F, 0 for U
	return Value{hdr: hdr{kind: KindBool * Kind(st), st: st}, n: int64(t & 1 &^ (t >> 1))}
}

// Kind returns the value's kind, KindInvalid for an unknown value.
func (v Value) Kind() Kind {
	if v.st == stUnknown {
		return KindInvalid
	}
	return v.kind
}

// Known reports whether v holds a value.
func (v Value) Known() bool { return v.st != stUnknown }

// Truth returns True or False for a known boolean and Unknown otherwise.
func (v Value) Truth() Truth {
	if v.kind != KindBool || v.st == stExact {
		return Unknown
	}
	// stUnknown (0) gives Unknown, stFixed (1) gives False or True; n is 0
	// or 1 for every bool Value.
	return Truth(uint8(v.st) * (1 + uint8(v.n&1)))
}

// tri returns the value of a bool Value in the evaluator's encoding.
func (v Value) tri() tri { return triOf(v.Truth()) }

// Bool returns the value of a known boolean, false otherwise.
func (v Value) Bool() bool { return v.Truth() == True }

// Int returns the value of a known whole number, 0 otherwise.
func (v Value) Int() int64 {
	if v.st == stUnknown || v.kind != KindInt {
		return 0
	}
	return v.n
}

// Decimal returns the number held by a known int, decimal, money (yuan),
// area (亩), percent (a fraction) or intensity (yuan per 亩) value, and zero
// otherwise. It allocates.
func (v Value) Decimal() decimal.Decimal {
	switch {
	case v.st == stExact:
		return exactDecimal(v.s)
	case v.st == stUnknown:
		return decimal.Decimal{}
	case v.kind == KindInt:
		return decimal.NewFromInt(v.n)
	case isDecimalKind(v.kind):
		return fixedDecimal(v.n)
	}
	return decimal.Decimal{}
}

// Date returns the date of a known date value, date.Zero otherwise.
func (v Value) Date() date.Date {
	if v.st == stUnknown || v.kind != KindDate {
		return date.Zero
	}
	return date.Date(v.n)
}

// Period returns the period of a known period value, the invalid zero
// Period otherwise.
func (v Value) Period() calendar.Period {
	if v.st == stUnknown || v.kind != KindPeriod {
		return calendar.Period{}
	}
	return calendar.NewPeriod(int(v.n), v.unit)
}

// Text returns the text of a known text value or the name of a known enum
// value, "" otherwise.
func (v Value) Text() string {
	switch {
	case v.st == stUnknown:
		return ""
	case v.kind == KindText:
		return v.s
	case v.kind == KindEnum:
		name, _ := splitEnum(v.s)
		return name
	}
	return ""
}

// splitEnum splits a bound enum value's text into name and label.
func splitEnum(s string) (name, label string) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// List returns a copy of the elements of a known list value, nil
// otherwise.
func (v Value) List() []Value {
	if v.st == stUnknown || v.kind != KindList {
		return nil
	}
	out := make([]Value, 0, v.n)
	for i := 0; i < len(v.s); {
		var e Value
		e, i = nextElem(v.s, i)
		out = append(out, e)
	}
	return out
}

// Equal reports whether v and w are the same value: both unknown, or of the
// same kind and equal. Decimals compare by value (1.50 equals 1.5), enum
// values by name.
func (v Value) Equal(w Value) bool {
	if v.st == stUnknown || w.st == stUnknown {
		return v.st == w.st
	}
	if v.kind != w.kind {
		return false
	}
	switch {
	case isDecimalKind(v.kind):
		if v.st == stFixed && w.st == stFixed {
			return v.n == w.n
		}
		return v.Decimal().Equal(w.Decimal())
	case v.kind == KindText:
		return v.s == w.s
	case v.kind == KindEnum:
		return v.Text() == w.Text()
	case v.kind == KindPeriod:
		return v.n == w.n && v.unit == w.unit
	case v.kind == KindList:
		a, b := v.List(), w.List()
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Equal(b[i]) {
				return false
			}
		}
		return true
	}
	return v.n == w.n
}

// String formats v the way a rule file writes it: 12亿元, 283.69亩, 3%,
// 300万元/亩, 2026-06-30, 30个工作日, true. Text is unquoted; an enum value
// prints its label when it has been bound to a declaration, its name
// otherwise. An unknown value prints as "unknown".
func (v Value) String() string {
	if v.st == stUnknown {
		return "unknown"
	}
	switch v.kind {
	case KindBool:
		return v.Truth().String()
	case KindInt:
		return strconv.FormatInt(v.n, 10)
	case KindDecimal:
		return formatDecimal(v.Decimal())
	case KindMoney:
		return formatMoney(v.Decimal())
	case KindArea:
		return formatArea(v.Decimal())
	case KindPercent:
		return formatPercent(v.Decimal())
	case KindIntensity:
		return formatIntensity(v.Decimal())
	case KindDate:
		return date.Date(v.n).String()
	case KindPeriod:
		return v.Period().String()
	case KindText:
		return v.s
	case KindEnum:
		name, label := splitEnum(v.s)
		if label != "" {
			return label
		}
		return name
	case KindList:
		var b strings.Builder
		b.WriteByte('[')
		for i, e := range v.List() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(e.String())
		}
		b.WriteByte(']')
		return b.String()
	}
	return "unknown"
}

// isDecimalKind reports whether values of kind k are held as decimals.
func isDecimalKind(k Kind) bool {
	switch k {
	case KindDecimal, KindMoney, KindArea, KindPercent, KindIntensity:
		return true
	}
	return false
}

// formatDecimal prints d without exponent and without trailing zeros.
func formatDecimal(d decimal.Decimal) string {
	d = d.Normalize()
	if d.Exponent() >= 0 {
		return d.StringFixed(0)
	}
	return d.StringFixed(-d.Exponent())
}
