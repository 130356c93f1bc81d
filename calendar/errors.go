package calendar

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoData is the sentinel wrapped by every [*NoDataError]: no official
// holiday schedule is known for a year a query needs.
var ErrNoData = errors.New("no official holiday schedule")

// NoDataError reports that a query needed a year for which the calendar has no
// official holiday schedule (the notice has not been published, or the year
// lies before the data begins). It wraps [ErrNoData].
type NoDataError struct {
	Calendar string // id of the calendar asked, e.g. "cn-mainland"
	Year     int    // the first year the query needed and the calendar lacks
	First    int    // first year with data
	Last     int    // last year with data
}

func (e *NoDataError) Error() string {
	return fmt.Sprintf("%s: no official holiday schedule for %d (the calendar covers %d–%d); "+
		"working days in %d cannot be counted until its notice is added", e.Calendar, e.Year, e.First, e.Last, e.Year)
}

// Unwrap returns [ErrNoData].
func (e *NoDataError) Unwrap() error { return ErrNoData }

// ErrSyntax is the sentinel wrapped by every [*ParseError].
var ErrSyntax = errors.New("invalid syntax")

// ParseError reports text that is not a valid date or period. It wraps
// [ErrSyntax].
type ParseError struct {
	What   string // "date" or "period"
	Input  string // the text as given
	Reason string // what was expected, for the person who wrote it
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%q is not a valid %s: %s", e.Input, e.What, e.Reason)
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// ErrInvalidPeriod is returned by [Calendar.Deadline] for a zero or negative
// [Period] or one without a unit.
var ErrInvalidPeriod = errors.New("period must be a positive number of working days, days, months or years")

// FileError is one problem in a calendar file, at a 1-based line and column.
type FileError struct {
	File string // file name as given to the loader
	Line int    // 1-based line
	Col  int    // 1-based column, counted in characters
	Code string // stable identifier, e.g. "calendar.duplicate-date"
	Msg  string // one sentence for the person who edits the file
}

func (e *FileError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// FileErrors lists every problem found in a calendar file, in file order. Its
// zero value is an empty list; [FileErrors.Err] returns nil for it.
type FileErrors []*FileError

func (l FileErrors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the individual errors, so errors.As reaches a *FileError.
func (l FileErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l FileErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
