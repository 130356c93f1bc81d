package quantity

import (
	"strconv"
	"unicode/utf8"

	"github.com/devzone-go/devzone/calendar"
)

// Kind is the kind of a literal found by [Lex] or parsed by this package.
// The zero value is [Invalid].
type Kind uint8

const (
	// Invalid is the zero Kind: no literal.
	Invalid Kind = iota
	// Number is a plain number without a unit: 42, 0.5.
	Number
	// Money is an amount of money: 2000万元, 10亿元, 1.5亿, 3000元. Parse it
	// with [ParseMoney].
	Money
	// Area is a land or floor area: 283.69亩, 5000㎡, 2公顷, 41.1km2. Parse it
	// with [ParseArea].
	Area
	// Percent is a percentage: 3%, 12.5%. Parse it with [ParsePercent].
	Percent
	// Intensity is money per area: 300万元/亩. Parse it with
	// [ParseIntensity].
	Intensity
	// Period is a time limit: 30个工作日, 30 working days, 60天, 4个月, 1年.
	// Parse it with [calendar.ParsePeriod]; this package only finds it.
	Period
	// Date is text shaped like an ISO date, YYYY-MM-DD. Parse it with
	// [calendar.ParseDate], which also checks that the day exists.
	Date
)

// String returns the kind's lower-case English name ("money", "area", ...).
func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case Number:
		return "number"
	case Money:
		return "money"
	case Area:
		return "area"
	case Percent:
		return "percent"
	case Intensity:
		return "intensity"
	case Period:
		return "period"
	case Date:
		return "date"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// maxPeriodUnitLen bounds how far after a number [Lex] looks for a period
// unit: the longest spelling calendar.ParsePeriod knows ("calendar days",
// 个自然日) plus room for spaces.
const maxPeriodUnitLen = 24

// Lex finds the longest literal that starts at byte offset start of s and
// returns its kind and the offset just past it (end exclusive). It is the
// scanner entry for the expression language: the expression lexer calls it
// at each digit, takes s[start:end] as one token and hands it to the Parse
// function for its kind. If no literal starts at start, or start is outside
// s, Lex returns (Invalid, start).
//
// A literal starts with an ASCII digit. Lex never takes a sign (the
// expression language has a unary minus) and never takes a comma (commas
// separate list items in expressions, so write 1000万元, not 1,000万元). The
// rules, applied in this order:
//
//   - YYYY-MM-DD is a Date (its calendar validity is checked by
//     [calendar.ParseDate], not here);
//   - digits with an optional fraction (12, 12.5) form the number; a point not
//     followed by a digit is not part of it;
//   - a unit right after the number makes a Money, Area, Percent or Intensity
//     literal; the longest unit wins, so 300万元/亩 is one Intensity and
//     1.5亿元 one Money;
//   - spaces may separate the number from a unit, except from %: "10 亿元"
//     is Money, "10 %" is the Number 10;
//   - a period unit, with or without spaces (30个工作日, 30 working days),
//     makes a Period; the spellings are exactly those [calendar.ParsePeriod]
//     accepts, because Lex asks it;
//   - otherwise the number alone is a Number.
//
// A unit ending in an ASCII character (m2, km2, %, days) must not run
// straight into an ASCII letter, digit or underscore: in "5000m2x" and
// "10%3" the literal is just the Number. Chinese units need no such
// boundary, so "3年内" is the Period 3年 followed by 内.
//
// Lex only finds extents. It does not check ranges or the length limit;
// the Parse functions do, and report a [*SyntaxError].
func Lex(s string, start int) (kind Kind, end int) {
	if start < 0 || start >= len(s) || !isDigit(s[start]) {
		return Invalid, start
	}
	if isDateShape(s[start:]) {
		return Date, start + 10
	}
	i := skipDigits(s, start)
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i = skipDigits(s, i+1)
	}
	if u, n := matchUnit(s[i:], true); n > 0 {
		return u.kind, i + n
	}
	if j := skipSpaces(s, i); j > i {
		if u, n := matchUnit(s[j:], true); n > 0 && u.kind != Percent {
			return u.kind, j + n
		}
	}
	if e := periodEnd(s, i); e > 0 {
		return Period, e
	}
	return Number, i
}

// periodEnd returns the end of the longest period unit that follows the
// number ending at i, or 0 if there is none. Units are recognised by asking
// [calendar.ParsePeriod] about "1" followed by the candidate text, so the
// spellings live in one place only.
func periodEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		size := 1
		switch {
		case c == ' ' || c == '\t' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= utf8.RuneSelf:
			_, size = utf8.DecodeRuneInString(s[j:])
		default:
			size = 0
		}
		if size == 0 || j+size-i > maxPeriodUnitLen {
			break
		}
		j += size
	}
	for e := j; e > i; {
		if last := s[e-1]; last != ' ' && last != '\t' && boundaryOK(s, e) {
			if _, err := calendar.ParsePeriod("1" + s[i:e]); err == nil {
				return e
			}
		}
		_, size := utf8.DecodeLastRuneInString(s[i:e])
		e -= size
	}
	return 0
}

// isDateShape reports whether s starts with YYYY-MM-DD that is not followed
// by another ASCII letter, digit or underscore.
func isDateShape(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, p := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[p]) {
			return false
		}
	}
	return len(s) == 10 || !isWordByte(s[10])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
