package calendar

import (
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/gregorian"
)

// ParseDate parses an ISO 8601 calendar date written YYYY-MM-DD, such as
// 2025-06-01. Unlike date.ParseISO it is strict: the year has four digits,
// month and day two, and the day must exist (2025-02-30 is an error, not
// 2025-03-02). Errors are of type [*ParseError].
func ParseDate(s string) (date.Date, error) {
	fail := func(why string) (date.Date, error) {
		return 0, &ParseError{What: "date", Input: s, Reason: why}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return fail("a date is written YYYY-MM-DD, for example 2025-06-01")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return fail("a date is written YYYY-MM-DD with digits only, for example 2025-06-01")
	}
	if m < 1 || m > 12 {
		return fail("the month must be 01 to 12")
	}
	if d < 1 || d > gregorian.DaysIn(y, time.Month(m)) {
		return fail("that month has no such day")
	}
	return date.New(y, time.Month(m), d), nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// MustParseDate is like [ParseDate] but panics on error. Use it only for
// constants in tests and examples.
func MustParseDate(s string) date.Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
