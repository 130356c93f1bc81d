package zone

import (
	"errors"
	"strings"
)

// Sentinel errors wrapped by [*SpecError] and [*ReportError]; test for them
// with errors.Is.
var (
	// ErrInvalidID means an id is missing or not written in ASCII letters,
	// digits, '-', '_' and '.' (see [ValidID]).
	ErrInvalidID = errors.New("not a valid id")
	// ErrMissing means a required value (a name, a category, a level, a
	// condition) is not given.
	ErrMissing = errors.New("missing")
	// ErrDuplicate means an id, a park name or an industry is given twice.
	ErrDuplicate = errors.New("given twice")
	// ErrUnknownPark means a 园中园 names a parent that is not a park of the
	// zone.
	ErrUnknownPark = errors.New("not a park of the zone")
	// ErrParkCycle means parks lie within each other in a circle.
	ErrParkCycle = errors.New("in a circle of parks lying within each other")
	// ErrUnknownIndustry means a chain names an industry that is not one
	// of the zone's leading or potential industries.
	ErrUnknownIndustry = errors.New("not a leading or potential industry of the zone")
	// ErrMismatch means two values that must agree do not: a metric with
	// a sum for its numerator but not for its denominator.
	ErrMismatch = errors.New("given on one side only")
	// ErrProjectID means a project of a portfolio has no id, or shares its
	// id with another project.
	ErrProjectID = errors.New("project id missing or used twice")
	// ErrOutOfRange means a value is outside its allowed range: a metric's
	// places, a granularity, or a report that would start after its date.
	ErrOutOfRange = errors.New("out of range")
	// ErrTooManyPeriods means a report would span more than
	// [MaxPeriods] periods.
	ErrTooManyPeriods = errors.New("too many periods")
)

// SpecError is one problem with a zone or portfolio definition given to
// [New] or [NewPortfolio]. It wraps one of the sentinel errors above.
type SpecError struct {
	// Ref is the rule the problem is in: the zone, a park, a chain or a
	// metric, with the position of its id when it was read from a file.
	Ref Ref
	// Path locates the rule the way a rule file's zone: section writes it:
	// "" for the zone itself, "parks[2]", "chains[0].industries[1]",
	// "metrics[1]", "industries.leading[0]".
	Path string
	// Field is the key at fault within the rule, e.g. "id", "within",
	// "industries", "numerator_sum"; "" when Path names the value itself.
	Field string
	// Value is the value at fault, as given.
	Value string
	Err   error
}

// Error returns a message such as
// `parks[1] hydrogen (氢能园中园): within: "hub" is not a park of the zone`.
func (e *SpecError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Path == "" {
		b.WriteString("zone")
	}
	if e.Ref.ID != "" {
		b.WriteString(" " + e.Ref.ID)
	}
	if e.Ref.Label != "" && e.Ref.Label != e.Ref.ID {
		b.WriteString(" (" + e.Ref.Label + ")")
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	if e.Value != "" {
		b.WriteString("\"" + e.Value + "\" ")
	}
	b.WriteString("is ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *SpecError) Unwrap() error { return e.Err }

// SpecErrors lists every problem [New] or [NewPortfolio] found, in the
// order of the definition.
type SpecErrors []*SpecError

// Error joins the problems' messages with "; ".
func (es SpecErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (es SpecErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
