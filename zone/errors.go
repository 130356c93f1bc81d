package zone

import (
	"cmp"
	"errors"
	"strconv"
	"strings"
)

// ErrMissing means a required value (a name, a category, a level, a
// condition) is not given. [*SpecError] wraps it, and the other sentinel
// errors of zone definitions: [ErrInvalidID], [ErrDuplicate],
// [ErrUnknownPark], [ErrParkCycle], [ErrUnknownIndustry], and of portfolio
// definitions: [ErrMismatch], [ErrOutOfRange]. Test for them with
// errors.Is.
var ErrMissing = errors.New("missing")

// ErrDuplicate means an id, a park name or an industry is given twice.
var ErrDuplicate = errors.New("given twice")

// SpecError is one problem with a zone or portfolio definition given to
// [New] or [NewPortfolio]. It wraps one of the package's sentinel errors:
// [ErrInvalidID], [ErrMissing], [ErrDuplicate], [ErrUnknownPark],
// [ErrParkCycle], [ErrUnknownIndustry], [ErrMismatch] or [ErrOutOfRange].
type SpecError struct {
	// Ref is the rule the problem is in: the zone, a park, a chain or a
	// metric, with the position of its id when it was read from a file.
	Ref Ref
	// Path locates the rule the way a rule file's zone: section writes it:
	// "" for the zone itself, "parks[2]", "chains[0].industries[1]",
	// "metrics[1]", "industries.leading[0]".
	Path string
	// Field is the key at fault within the rule, e.g. "id", "within",
	// "numerator_sum"; "" when Path names the value itself.
	Field string
	// Value is the value at fault, as given.
	Value string
	Err   error
}

// Error returns a message such as
// `parks[1] hydrogen (氢能园中园): within: "hub" is not a park of the zone`.
func (e *SpecError) Error() string {
	who := cmp.Or(e.Path, "zone")
	if e.Ref.ID != "" {
		who += " " + e.Ref.ID
	}
	if e.Ref.Label != "" && e.Ref.Label != e.Ref.ID {
		who += " (" + e.Ref.Label + ")"
	}
	what := "is " + e.Err.Error()
	if e.Value != "" {
		what = strconv.Quote(e.Value) + " " + what
	}
	if e.Field != "" {
		what = e.Field + ": " + what
	}
	return who + ": " + what
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
func (es SpecErrors) Unwrap() []error { return asErrors(es) }

// asErrors returns the list as a slice of error.
func asErrors[E error](es []E) []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
