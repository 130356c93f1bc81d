package land

import (
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/zone"
)

// Standard is a set of limits on control indicators for some industries in
// some part of the zone, each limit with its values over time. A zone's
// standards are typically one for all industries and a few stricter ones
// for particular industries or parks; see [Policy.Lookup] for the matching
// rule. The zone itself is the scope of the policy: a rule set for a
// national-level zone in Shanxi sets an investment intensity of 300万元/亩,
// one for a provincial zone 200万元/亩; within a zone, Park narrows a
// standard to one park.
type Standard struct {
	// Ref identifies the standard: id, Chinese name and the policy clause
	// it comes from. It is the trace link of every verdict against one of
	// its limits.
	Ref zone.Ref
	// Industries lists the industries the standard applies to, spelt as
	// zone.Project.Industry spells them (compared exactly). Empty: every
	// industry.
	Industries []string
	// Park is the park (园区) the standard applies to, spelt as
	// zone.Project.Park spells it. "": the whole zone.
	Park string
	// Limits are the standard's limits, at most one per indicator.
	Limits []Limit
}

// Limit is the limit a standard sets on one indicator, with the values it
// has had over time.
type Limit struct {
	// Indicator is the id of the indicator limited.
	Indicator string
	// Values are the limit's values in date order: each is in force from
	// its From date until the next one's. On a date before the first From
	// the limit has no value: it is not in force, never zero.
	Values []Step
}

// Step is one value of a limit and the date it takes effect.
type Step struct {
	// From is the first day the value is in force, inclusive. The zero
	// date.Date (0001-01-01) makes the value apply at every date, for
	// limits the policy does not date.
	From date.Date
	// Value is the limit: Amount for numeric indicators, in the base unit
	// of the indicator's Unit; Named for named standards.
	Value
}

// Requirement is the limit a standard sets on one indicator for a project on
// a date: the value in force and where it comes from.
type Requirement struct {
	// Standard is the standard that sets the limit, with its citation
	// and position: the trace link of the verdict.
	Standard zone.Ref
	// Since is the date the value took effect (the From of its [Step]);
	// the zero date for an undated value.
	Since date.Date
	// Value is the limit.
	Value
}

// specificity ranks the scopes of standards: a standard for the project's
// industry and park beats one for its industry, which beats one for its park,
// which beats one for every industry in the whole zone.
func specificity(s *Standard) int {
	n := 0
	if len(s.Industries) > 0 {
		n += 2
	}
	if s.Park != "" {
		n++
	}
	return n
}

// candidate is one limit that may set an indicator, precomputed by New.
type candidate struct {
	std   *Standard
	steps []Step
	level int // specificity of std
}

// lookupCode says why lookup found no value.
type lookupCode uint8

const (
	lookupOK lookupCode = iota
	lookupNone
	lookupBefore
	lookupIndustry
	lookupPark
)

// lookup finds the limit on indicator i for a project of the given industry
// and park on date on. It does not allocate. On lookupBefore, first is the
// earliest date a matching limit takes effect.
func (p *Policy) lookup(i int, industry, park string, on date.Date) (req Requirement, code lookupCode, first date.Date) {
	code = lookupNone
	for _, c := range p.candidates[i] { // most specific first
		s := c.std
		needIndustry := len(s.Industries) > 0
		needPark := s.Park != ""
		if needIndustry && industry != "" && !slices.Contains(s.Industries, industry) {
			continue
		}
		if needPark && park != "" && s.Park != park {
			continue
		}
		k := stepAt(c.steps, on)
		if k < 0 {
			if code == lookupNone || code == lookupBefore && c.steps[0].From < first {
				code, first = lookupBefore, c.steps[0].From
			}
			continue
		}
		// The standard is in force: it applies unless the project's
		// industry or park is unknown and the standard depends on it.
		if needIndustry && industry == "" {
			return Requirement{}, lookupIndustry, 0
		}
		if needPark && park == "" {
			return Requirement{}, lookupPark, 0
		}
		st := &c.steps[k]
		return Requirement{Standard: s.Ref, Since: st.From, Value: st.Value}, lookupOK, 0
	}
	return Requirement{}, code, first
}

// stepAt returns the index of the step in force on d, or -1 before the
// first.
func stepAt(steps []Step, d date.Date) int {
	for k := len(steps) - 1; k >= 0; k-- {
		if steps[k].From <= d {
			return k
		}
	}
	return -1
}

// Lookup returns the limit on the indicator with id ind for a project of
// the given industry and park, in force on date on.
//
// The matching rule: a standard matches when its Industries include industry
// (or it lists none: every industry) and its Park is park (or it has none:
// the whole zone). Among the matching standards that limit the indicator and
// have a value in force on the date, the most specific wins: industry and
// park, then industry, then park, then neither. [New] makes sure no two
// standards of the same scope limit the same indicator, so there is never a
// tie. A standard whose first value takes effect after the date does not
// apply yet, and a less specific one is used instead.
//
// Missing facts make the limit unknown, never a wrong guess: when industry
// (or park) is "" and a standard for particular industries (parks) would
// otherwise be the most specific in force, Lookup fails with
// ErrIndustryUnknown (ErrParkUnknown).
//
// Errors are of type [*LookupError], wrapping ErrUnknownIndicator,
// ErrNoStandard, ErrBeforeFirstValue (no matching limit is in force yet;
// First says when the earliest takes effect), ErrIndustryUnknown or
// ErrParkUnknown.
func (p *Policy) Lookup(ind, industry, park string, on date.Date) (Requirement, error) {
	i, ok := p.index[ind]
	if !ok {
		return Requirement{}, &LookupError{Indicator: ind, Industry: industry, Park: park, On: on, Err: ErrUnknownIndicator}
	}
	req, code, first := p.lookup(i, industry, park, on)
	if code == lookupOK {
		return req, nil
	}
	return Requirement{}, lookupError(ind, industry, park, on, code, first)
}

func lookupError(ind, industry, park string, on date.Date, code lookupCode, first date.Date) *LookupError {
	e := &LookupError{Indicator: ind, Industry: industry, Park: park, On: on}
	switch code {
	case lookupBefore:
		e.Err, e.First = ErrBeforeFirstValue, first
	case lookupIndustry:
		e.Err = ErrIndustryUnknown
	case lookupPark:
		e.Err = ErrParkUnknown
	default:
		e.Err = ErrNoStandard
	}
	return e
}
