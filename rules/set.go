package rules

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// Set is a compiled rule set: every value interpreted, every expression
// type-checked, every layer of extends merged. Build one with [LoadFile],
// [LoadFS] or [Compile].
//
// A Set is immutable and safe for concurrent use: evaluate one Set for many
// projects from many goroutines. Methods that return slices return copies.
type Set struct {
	id, title, source string
	effective         date.Date
	hasEffective      bool
	calName           string
	cal               *calendar.Calendar
	files             []string

	env        *expr.Env
	facts      []Fact
	events     []Event
	params     []Param
	paramIndex map[string]int
	conds      []*Condition // named conditions, in declaration order
	condIndex  map[string]int
	condOrder  []int // indexes into conds, each after the conditions it uses
	unchecked  []string
	warnings   Diagnostics

	// Slots in env.
	eventSlots map[zone.Event]int
	factSlots  map[string]int // declared (non-built-in) facts by name
	paramSlots []int          // slot of each of params

	newBinding func(*zone.Context) any // s.createBinding, made once

	// The compiled domain sections; nil when the rule set has none.
	lifecycle  *stage.Lifecycle
	land       *land.Policy
	incentives *incentive.Set
	zoneSec    *zoneCompiled // the zone: section (sec_zone.go)
}

// ID returns the rule set's id: the id: of the last file in the extends
// chain.
func (s *Set) ID() string { return s.id }

// Title returns the title: of the rule set's own file ("" if it has none).
func (s *Set) Title() string { return s.title }

// Source returns the source: of the rule set's own file, the policy
// document it encodes ("" if it has none).
func (s *Set) Source() string { return s.source }

// Effective returns the date the rule set takes effect (effective: of the
// nearest file in the extends chain that has one) and whether one is set.
func (s *Set) Effective() (date.Date, bool) { return s.effective, s.hasEffective }

// Calendar returns the working-day calendar deadlines are counted in.
func (s *Set) Calendar() *calendar.Calendar { return s.cal }

// CalendarName returns the calendar's name as written in calendar:, or the
// default, cn-mainland.
func (s *Set) CalendarName() string { return s.calName }

// Files returns the files the Set was compiled from, the base of the
// extends chain first and the rule set's own file last.
func (s *Set) Files() []string { return slices.Clone(s.files) }

// Warnings returns the warnings found while compiling: problems that do not
// stop the rule set from being used, such as sections this version accepts
// but does not check yet.
func (s *Set) Warnings() Diagnostics { return slices.Clone(s.warnings) }

// UncheckedSections returns the domain sections present in the rule set that
// this version of devzone accepts but does not interpret yet.
func (s *Set) UncheckedSections() []string { return slices.Clone(s.unchecked) }

// Lifecycle returns the project lifecycle compiled from the lifecycle:
// section, or nil when the rule set has none.
func (s *Set) Lifecycle() *stage.Lifecycle { return s.lifecycle }

// Land returns the standard-land policy compiled from the land: section, or
// nil when the rule set has none.
func (s *Set) Land() *land.Policy { return s.land }

// Incentives returns the incentive programmes and budgets compiled from the
// incentives: and budgets: sections, or nil when the rule set has neither.
func (s *Set) Incentives() *incentive.Set { return s.incentives }

// Facts returns the project facts expressions can read: the built-in facts,
// then those declared under facts:.
func (s *Set) Facts() []Fact {
	out := slices.Clone(s.facts)
	for i := range out {
		out[i].Values = slices.Clone(out[i].Values)
	}
	return out
}

// Events returns the milestone events: the built-in events, then those
// declared under events:.
func (s *Set) Events() []Event { return slices.Clone(s.events) }

// Params returns the parameters in declaration order (baseline first).
func (s *Set) Params() []Param { return slices.Clone(s.params) }

// Param returns the parameter with the given name.
func (s *Set) Param(name string) (Param, bool) {
	i, ok := s.paramIndex[name]
	if !ok {
		return Param{}, false
	}
	return s.params[i], true
}

// ParamValue returns the value of parameter name in force on asOf. Errors
// are of type *ParamError: wrapping ErrNoParam for an unknown name, and
// ErrBeforeFirstValue when asOf is before the parameter's first dated value
// (a missing value is an error, never a zero).
func (s *Set) ParamValue(name string, asOf date.Date) (expr.Value, error) {
	p, ok := s.Param(name)
	if !ok {
		return expr.Value{}, &ParamError{Name: name, AsOf: asOf, Err: ErrNoParam}
	}
	return p.At(asOf)
}

// Fact describes a project fact expressions can read.
type Fact struct {
	Name    string // snake_case name used in expressions and project data
	Label   string // Chinese label, e.g. 技术层级
	Type    expr.Type
	Values  []expr.EnumValue // the allowed values of an enum
	Builtin bool             // one of the facts every rule set has
	Cite    string
	Pos     Pos // where it is declared; zero for built-in facts
}

// Event describes a milestone event.
type Event struct {
	Name    string // snake_case name, e.g. review_passed
	Label   string // Chinese label, e.g. 项目审议通过
	Builtin bool
	Cite    string
	Pos     Pos // where it is declared; zero for built-in events
}

// Param is a named value of a rule set, possibly changing over time. It is a
// value: copies are independent, and its methods never change it.
type Param struct {
	Name  string
	Label string
	Type  expr.Type
	Cite  string // the policy clause the value comes from
	Pos   Pos    // where the parameter is declared (in the zone file when it overrides a baseline)

	values []ParamValue // sorted by date; a single undated value has Dated false
}

// ParamValue is one value of a parameter and the date it takes effect.
type ParamValue struct {
	From  date.Date // first day the value is in force; meaningful when Dated
	Dated bool      // false for a value: that applies at every date
	Value expr.Value
	Pos   Pos // where the value is written
}

// Values returns the parameter's values in date order.
func (p Param) Values() []ParamValue { return slices.Clone(p.values) }

// At returns the value in force on d: the value with the latest date on or
// before d. Before the first date there is no value, and At returns a
// *ParamError wrapping ErrBeforeFirstValue.
func (p Param) At(d date.Date) (expr.Value, error) {
	if len(p.values) == 0 {
		return expr.Value{}, &ParamError{Name: p.Name, Label: p.Label, AsOf: d, Err: ErrNoParam}
	}
	if !p.values[0].Dated {
		return p.values[0].Value, nil
	}
	i, found := slices.BinarySearchFunc(p.values, d, func(v ParamValue, d date.Date) int {
		switch {
		case v.From < d:
			return -1
		case v.From > d:
			return 1
		}
		return 0
	})
	if found {
		return p.values[i].Value, nil
	}
	if i == 0 {
		return expr.Value{}, &ParamError{Name: p.Name, Label: p.Label, AsOf: d, First: p.values[0].From, Err: ErrBeforeFirstValue}
	}
	return p.values[i-1].Value, nil
}

// Errors wrapped by *ParamError.
var (
	// ErrNoParam means the rule set declares no parameter of that name.
	ErrNoParam = errors.New("no such parameter")
	// ErrBeforeFirstValue means the date asked for is before the first
	// date the parameter has a value for.
	ErrBeforeFirstValue = errors.New("no value before the parameter's first date")
)

// ParamError reports a parameter without a value at a date. It wraps
// ErrNoParam or ErrBeforeFirstValue.
type ParamError struct {
	Name  string
	Label string
	AsOf  date.Date // the date asked for
	First date.Date // the first date with a value (for ErrBeforeFirstValue)
	Err   error
}

// Error names the parameter, the date asked for and, for
// ErrBeforeFirstValue, the first date with a value.
func (e *ParamError) Error() string {
	name := e.Name
	if e.Label != "" {
		name += " (" + e.Label + ")"
	}
	if errors.Is(e.Err, ErrBeforeFirstValue) {
		return fmt.Sprintf("parameter %s has no value on %s: its first value takes effect on %s", name, e.AsOf, e.First)
	}
	return fmt.Sprintf("parameter %s: %v", name, e.Err)
}

// Unwrap returns ErrNoParam or ErrBeforeFirstValue.
func (e *ParamError) Unwrap() error { return e.Err }
