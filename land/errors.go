package land

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/internal/enum"
	"github.com/devzone-go/devzone/internal/quantity"
)

// Sentinel errors. Every error of this package wraps one of them, so
// errors.Is works as well as errors.As on the typed errors.
var (
	// ErrSyntax is wrapped by every [*ParseError]: text that is not a value
	// of the indicator.
	ErrSyntax = errors.New("invalid value")
	// ErrNotRecorded is wrapped by every [*MissingError]: a fact the checks
	// need is not recorded for the project.
	ErrNotRecorded = errors.New("fact not recorded")
	// ErrNoStandard means no standard sets a limit for the indicator for
	// the project's industry and park.
	ErrNoStandard = errors.New("no standard sets this indicator")
	// ErrBeforeFirstValue means the date is before the first value of every
	// standard that would apply: a limit that is not yet in force is
	// unknown, never zero.
	ErrBeforeFirstValue = errors.New("no value in force on that date")
	// ErrIndustryUnknown means the project's industry is not recorded and
	// an industry-specific standard would set the limit.
	ErrIndustryUnknown = errors.New("industry not recorded")
	// ErrParkUnknown means the project's park is not recorded and a
	// park-specific standard would set the limit.
	ErrParkUnknown = errors.New("park not recorded")
	// ErrUnknownIndicator means an indicator id is not declared.
	ErrUnknownIndicator = errors.New("no such indicator")
	// ErrUnknownParcel is wrapped by every [*UnknownParcelError].
	ErrUnknownParcel = errors.New("no such parcel")
	// ErrSpec is wrapped by every [*SpecError].
	ErrSpec = errors.New("invalid land policy")
	// ErrNoCalendar means an evaluation needed a working-day calendar and
	// the context has none.
	ErrNoCalendar = errors.New("no working-day calendar")
)

// ParseError reports text that is not a valid value of an indicator. It
// wraps [ErrSyntax].
type ParseError struct {
	// Fact is the project attribute or rule-file key the text came from,
	// when known, e.g. committed_intensity.
	Fact string
	// Indicator is the id of the indicator being read ("" when none).
	Indicator string
	// Input is the text as given.
	Input string
	// Offset is the byte offset in Input where the text stops being valid,
	// from 0 to len(Input).
	Offset int
	// Expected says what would have been accepted at Offset, in words for
	// a policy officer; it reads after "expected ".
	Expected string
}

// Error returns a message such as
//
//	committed_tax_per_mu: "15万元/亩x" is not a valid value of tax_per_mu: expected nothing after 万元/亩 (例如 300万元/亩)
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.Fact != "" {
		b.WriteString(e.Fact)
		b.WriteString(": ")
	}
	in := e.Input
	if len(in) > 80 {
		in = in[:80] + "…"
	}
	b.WriteString(strconv.Quote(in))
	b.WriteString(" is not a valid value")
	if e.Indicator != "" {
		b.WriteString(" of ")
		b.WriteString(e.Indicator)
	}
	b.WriteString(": expected ")
	b.WriteString(e.Expected)
	return b.String()
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// syntaxError converts an error of the quantity parser into
// a *ParseError, keeping its offset and expectation.
func syntaxError(err error) *ParseError {
	var pe *ParseError
	if errors.As(err, &pe) {
		cp := *pe
		return &cp
	}
	var qe *quantity.SyntaxError
	if errors.As(err, &qe) {
		return &ParseError{Input: qe.Input, Offset: qe.Offset, Expected: qe.Expected}
	}
	return &ParseError{Expected: err.Error()}
}

// EnumError reports a name outside an enumeration, such as an unknown
// direction. It wraps [ErrSyntax].
type EnumError struct {
	What    string // the key, e.g. "direction"
	Value   string // the text given
	Allowed string // the allowed values, for the message
}

// Error names the key, the value and the allowed values.
func (e *EnumError) Error() string {
	return fmt.Sprintf("%s: %q is not allowed; use one of %s", e.What, e.Value, e.Allowed)
}

// Unwrap returns [ErrSyntax].
func (e *EnumError) Unwrap() error { return ErrSyntax }

// MissingError reports a fact the checks need that is not recorded for the
// project. It wraps [ErrNotRecorded]. A [Source] may return the same
// *MissingError value for every project (it is never modified), so that
// reporting a missing fact does not allocate.
type MissingError struct {
	Fact  string // the fact or project attribute, e.g. committed_intensity
	Label string // its Chinese name, when known, e.g. 承诺固定资产投资强度
}

// Error says which fact is not recorded.
func (e *MissingError) Error() string {
	if e.Label != "" {
		return e.Fact + " (" + e.Label + ") is not recorded"
	}
	return e.Fact + " is not recorded"
}

// Unwrap returns [ErrNotRecorded].
func (e *MissingError) Unwrap() error { return ErrNotRecorded }

// missingFact returns the fact named by err when it is, or wraps, a
// *MissingError. The common case (err is a *MissingError) does not allocate.
func missingFact(err error) (string, bool) {
	if me, ok := err.(*MissingError); ok {
		return me.Fact, true
	}
	var me *MissingError
	if errors.As(err, &me) {
		return me.Fact, true
	}
	return "", false
}

// LookupError reports that no limit could be found for an indicator. It
// wraps [ErrNoStandard], [ErrBeforeFirstValue], [ErrIndustryUnknown],
// [ErrParkUnknown] or [ErrUnknownIndicator].
type LookupError struct {
	Indicator string    // the indicator id
	Industry  string    // the industry looked up ("" when not recorded)
	Park      string    // the park looked up ("" when not recorded)
	On        date.Date // the date looked up
	// First is the earliest date on which a standard that would apply
	// has a value (with ErrBeforeFirstValue).
	First date.Date
	Err   error
}

// Error says why no limit applies, with the first effective date for
// ErrBeforeFirstValue.
func (e *LookupError) Error() string {
	switch e.Err {
	case ErrBeforeFirstValue:
		return fmt.Sprintf("indicator %s has no limit in force on %s: the first applicable value takes effect on %s", e.Indicator, e.On, e.First)
	case ErrIndustryUnknown:
		return fmt.Sprintf("indicator %s: the project's industry is not recorded, and a standard for particular industries sets this limit", e.Indicator)
	case ErrParkUnknown:
		return fmt.Sprintf("indicator %s: the project's park is not recorded, and a standard for a particular park sets this limit", e.Indicator)
	case ErrNoStandard:
		return fmt.Sprintf("indicator %s: no standard sets a limit for industry %q in park %q", e.Indicator, e.Industry, e.Park)
	}
	return fmt.Sprintf("indicator %s: %v", e.Indicator, e.Err)
}

// Unwrap returns the sentinel.
func (e *LookupError) Unwrap() error { return e.Err }

// UnknownParcelError reports a parcel id the policy does not list. It wraps
// [ErrUnknownParcel].
type UnknownParcelError struct {
	ID string
}

// Error names the parcel.
func (e *UnknownParcelError) Error() string {
	return fmt.Sprintf("parcel %q is not in the land policy's parcel list", e.ID)
}

// Unwrap returns [ErrUnknownParcel].
func (e *UnknownParcelError) Unwrap() error { return ErrUnknownParcel }

// Problem is one thing [New] found wrong with a [Spec].
type Problem struct {
	// Code is a stable identifier, e.g. "land.indicator.duplicate".
	Code string
	// Path locates the problem in the Spec with the snake_case keys of a
	// rule file's land section, e.g. "standards[1].limits[0].values[2]".
	Path string
	// Message says what is wrong and how to fix it.
	Message string
}

// String returns "path: message".
func (p Problem) String() string { return p.Path + ": " + p.Message }

// SpecError lists every problem [New] found in a Spec. It wraps [ErrSpec].
type SpecError struct {
	Problems []Problem
}

// Error lists every problem on one line.
func (e *SpecError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return "invalid land policy: " + strings.Join(parts, "; ")
}

// Unwrap returns [ErrSpec].
func (e *SpecError) Unwrap() error { return ErrSpec }

// parseEnum accepts an identifier or a label of names[1:]; "" is the zero
// value.
func parseEnum(names [][2]string, what, s string) (int, error) {
	if i, ok := enum.Lookup(names, s); ok {
		return i, nil
	}
	return 0, &EnumError{What: what, Value: s, Allowed: enum.Allowed(names)}
}
