package land

import (
	"errors"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/enum"
	"github.com/devzone-go/devzone/zone"
)

// Reason says why a verdict is Unknown (or why damages cannot be worked
// out). The zero value is [ReasonNone]: the verdict is decided.
type Reason uint8

const (
	// ReasonNone: nothing is missing.
	ReasonNone Reason = iota
	// ReasonNotRecorded: a fact is not recorded; Missing names it.
	ReasonNotRecorded
	// ReasonUnreadable: a fact is recorded but cannot be read; Err is the
	// *ParseError (or the Source's error).
	ReasonUnreadable
	// ReasonIndustryUnknown: the project's industry is not recorded and a
	// standard for particular industries would set the limit; Missing is
	// "industry".
	ReasonIndustryUnknown
	// ReasonParkUnknown: the project's park is not recorded and a standard
	// for a particular park would set the limit; Missing is "park".
	ReasonParkUnknown
	// ReasonBeforeFirstValue: no applicable limit is in force yet on the
	// date the standards are looked up at; Err is the *LookupError, whose
	// First says when the earliest takes effect.
	ReasonBeforeFirstValue
	// ReasonZeroBase: a proportional damages rule meets a committed value
	// of zero, so no proportion can be worked out.
	ReasonZeroBase
)

var reasonNames = [...][2]string{
	{"none", "已判定"},
	{"not_recorded", "事实未记录"},
	{"unreadable", "事实无法识别"},
	{"industry_unknown", "项目行业未记录"},
	{"park_unknown", "项目所在园区未记录"},
	{"before_first_value", "标准尚未生效"},
	{"zero_base", "承诺值为零"},
}

// String returns the reason's identifier, e.g. not_recorded.
func (r Reason) String() string { return enum.Name(reasonNames[:], int(r)) }

// Label returns the reason in Chinese, e.g. 事实未记录.
func (r Reason) Label() string { return enum.Label(reasonNames[:], int(r)) }

// ParseReason accepts the identifiers and labels String and Label return.
// Errors are of type [*EnumError].
func ParseReason(s string) (Reason, error) {
	i, err := parseEnum(reasonNames[:], "reason", s)
	return Reason(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := ParseReason(string(b))
	*r = v
	return err
}

// Result is the land evaluation of one project as of a date.
type Result struct {
	// Ref identifies the policy.
	Ref zone.Ref
	// Applies is whether standard-land rules apply to the project
	// (Spec.Applies). When it is not True, nothing else is evaluated; Why
	// explains an Unknown.
	Applies zone.Truth
	Why     zone.Explanation
	// StandardsOn is the date the standards were looked up at: the date
	// of the FixedBy event (normally the land transfer) when it has
	// happened, else the as-of date.
	StandardsOn date.Date
	// FixedBy is the event dated StandardsOn; "" when StandardsOn is the
	// as-of date.
	FixedBy zone.Event
	// Commitment has one row per indicator a standard limits for the
	// project (or would, but a fact to decide which is missing), in the
	// policy's indicator order: the commitment check before transfer.
	Commitment []CommitmentRow
	// Committed combines the commitment rows: True when every committed
	// value complies (also when there are no rows), False when one does
	// not, otherwise Unknown. It is Unknown when Applies is not True.
	Committed zone.Truth
	// Acceptance is the acceptance check; nil before its review event or
	// when the policy has none.
	Acceptance *AcceptanceResult
	// Parcel is the readiness of the parcel the project names; nil when
	// it names none. When the parcel is not listed or cannot be read,
	// Ready is Unknown and Parcel.Err says why. It points into the
	// immutable Policy, which works out every parcel's readiness in
	// advance: read it, never modify it (call [Policy.Readiness] for a
	// copy of your own).
	Parcel *Readiness
}

// CommitmentRow is the commitment verdict for one indicator: the value the
// project committed to against the limit of the standard that applies to
// it. The derived amounts (Margin, MarginRatio) are methods, worked out
// exactly on request, so that evaluation does not allocate for them.
type CommitmentRow struct {
	// Indicator is the indicator checked. Indicator.Ref and
	// Required.Standard are the verdict's trace links: what was measured
	// and the rule that set the limit, each with its citation. It points
	// into the immutable Policy, so that a row costs no copy of it: read
	// it, never modify it.
	Indicator *Indicator
	// Required is the limit that applies, with the standard that sets it
	// and the date it took effect; zero when the lookup failed (see
	// Reason).
	Required Requirement
	// Committed is the project's committed value, when recorded.
	Committed Value
	// Verdict is True when the committed value complies with the limit
	// (the limit itself complies: exactly 300万元/亩 meets a minimum of
	// 300万元/亩), False when it does not, Unknown when the limit or the
	// committed value is unknown.
	Verdict zone.Truth
	// Reason, Missing and Err explain an Unknown verdict. Missing names the
	// first missing fact that kept the verdict unknown, e.g.
	// committed_investment_intensity or industry.
	Reason  Reason
	Missing string
	Err     error
}

// Margin returns how far the committed value is on the compliant side of
// the limit, exactly, in the indicator's base unit: committed − limit for a
// minimum, limit − committed for a maximum. It is negative when the
// commitment falls short, and zero for named standards and unknown
// verdicts.
func (r CommitmentRow) Margin() decimal.Decimal {
	if r.Verdict == zone.Unknown || r.Indicator == nil || !r.Indicator.Unit.numeric() {
		return decimal.Decimal{}
	}
	if r.Indicator.Direction == AtMost {
		return r.Required.Amount.Sub(r.Committed.Amount)
	}
	return r.Committed.Amount.Sub(r.Required.Amount)
}

// MarginRatio returns the margin as a fraction of the limit, rounded to
// [RatioPlaces] half away from zero: 0.166667 for 350万元/亩 against a
// minimum of 300万元/亩. Zero when the limit is zero or the margin is.
func (r CommitmentRow) MarginRatio() decimal.Decimal {
	m := r.Margin()
	if m.IsZero() || r.Required.Amount.IsZero() {
		return decimal.Decimal{}
	}
	return m.DivRound(r.Required.Amount, RatioPlaces)
}

// complies compares a value against a bound in the indicator's direction,
// without allocating.
func complies(ind *Indicator, v, bound Value) bool {
	switch ind.Direction {
	case AtLeast:
		return cmpDec(v.Amount, bound.Amount) >= 0
	case AtMost:
		return cmpDec(v.Amount, bound.Amount) <= 0
	}
	return v.Named == bound.Named
}

// Evaluate evaluates the policy for c.Project as of c.AsOf:
//
//   - the commitment check: for each indicator a standard limits for the
//     project's industry and park (see [Policy.Lookup]), the committed value
//     against the limit in force on the date the standards are fixed;
//   - the acceptance check, once its review event has happened: the actual
//     value against the committed one for each indicator, the damages owed
//     on a shortfall and the deadline to rectify, counted with c.Calendar;
//   - the readiness of the parcel the project names.
//
// Missing facts make verdicts Unknown with a [Reason], never false.
// Evaluate reads facts through the policy's [Source]. It allocates the
// commitment rows, and the acceptance result and its rows once the review
// has happened, plus what the Source allocates; verdicts, deadlines and
// parcel readiness (worked out by New) cost no allocation, and the derived
// amounts are methods of the rows. It never panics on incomplete or
// inconsistent facts. c and c.Project must not be nil.
func (p *Policy) Evaluate(c *zone.Context) Result {
	r := Result{Ref: p.ref, Applies: zone.True, Committed: zone.True}
	if p.applies != nil {
		switch r.Applies = p.applies.Test(c); r.Applies {
		case zone.False:
			r.Committed = zone.Unknown
			return r
		case zone.Unknown:
			r.Why = p.applies.Explain(c)
			r.Committed = zone.Unknown
			return r
		}
	}
	r.StandardsOn = c.AsOf
	if d, ok := c.Project.Event(p.fixedBy); ok && d <= c.AsOf {
		r.StandardsOn, r.FixedBy = d, p.fixedBy
	}

	var acc *AcceptanceResult
	if a := p.acceptance; a != nil {
		if d, ok := c.Project.Event(a.Event); ok && d <= c.AsOf {
			acc = &AcceptanceResult{Ref: a.Ref, On: d, Verdict: zone.True, Rectify: a.Rectify}
		}
	}
	price := priceState{}
	industry, park := c.Project.Industry, c.Project.Park
	for i := range p.indicators {
		ind := &p.indicators[i]
		req, code, first := p.lookup(i, industry, park, r.StandardsOn)
		if code == lookupNone && acc == nil {
			continue
		}
		committed, cerr := p.source.Committed(c, *ind)
		if code != lookupNone {
			row := CommitmentRow{Indicator: ind, Required: req, Committed: committed}
			switch {
			case code != lookupOK:
				row.Reason, row.Missing = lookupReason(code)
				if code == lookupBefore {
					row.Err = lookupError(ind.Ref.ID, industry, park, r.StandardsOn, code, first)
				}
			case cerr != nil:
				row.Committed = Value{}
				row.Reason, row.Missing, row.Err = factReason(cerr)
			default:
				row.Verdict = zone.TruthOf(complies(ind, committed, req.Value))
			}
			if r.Commitment == nil {
				r.Commitment = make([]CommitmentRow, 0, len(p.indicators)-i)
			}
			r.Commitment = append(r.Commitment, row)
			r.Committed = r.Committed.And(row.Verdict)
		}
		if acc == nil {
			continue
		}
		if code == lookupNone && cerr != nil {
			if _, missing := missingFact(cerr); missing {
				// Nothing to accept against: no limit and no
				// commitment for this indicator.
				continue
			}
		}
		row := p.acceptanceRow(c, i, committed, cerr, &price)
		if acc.Rows == nil {
			acc.Rows = make([]AcceptanceRow, 0, len(p.indicators)-i)
		}
		acc.Rows = append(acc.Rows, row)
		acc.Verdict = acc.Verdict.And(row.Verdict)
	}
	if acc != nil {
		if acc.Verdict == zone.False && acc.Rectify.IsValid() {
			if c.Calendar == nil {
				acc.RectifyErr = ErrNoCalendar
			} else if due, err := c.Calendar.Deadline(acc.On, acc.Rectify); err != nil {
				acc.RectifyErr = err
			} else {
				acc.RectifyBy = due
			}
		}
		r.Acceptance = acc
	}
	switch id, err := p.source.Parcel(c); {
	case err == nil:
		r.Parcel = p.readiness(id, c.AsOf)
	case !errors.Is(err, ErrNotRecorded):
		// The parcel is recorded but cannot be read.
		r.Parcel = &Readiness{Err: err}
	}
	return r
}

// priceState caches the land price for one evaluation: it is read at most
// once, when the first damages are due.
type priceState struct {
	read  bool
	value decimal.Decimal
	err   error
}

func (p *Policy) acceptanceRow(c *zone.Context, i int, committed Value, cerr error, price *priceState) AcceptanceRow {
	ind := &p.indicators[i]
	row := AcceptanceRow{Indicator: ind, Committed: committed, Damages: p.damages[i]}
	if cerr != nil {
		row.Committed = Value{}
		row.Reason, row.Missing, row.Err = factReason(cerr)
		return row
	}
	actual, err := p.source.Actual(c, *ind)
	if err != nil {
		row.Reason, row.Missing, row.Err = factReason(err)
		return row
	}
	row.Actual = actual
	met := complies(ind, actual, committed)
	row.Verdict = zone.TruthOf(met)
	row.Owes = zone.False
	if met || row.Damages == nil {
		return row
	}
	if row.Damages.Kind == Proportional && committed.Amount.Sign() <= 0 {
		row.Owes, row.Reason = zone.Unknown, ReasonZeroBase
		return row
	}
	if !price.read {
		price.value, price.err = p.source.LandPrice(c)
		price.read = true
	}
	if price.err != nil {
		row.Owes = zone.Unknown
		row.Reason, row.Missing, row.Err = factReason(price.err)
		return row
	}
	row.Price, row.Owes = price.value, zone.True
	return row
}

// factReason classifies an error of a Source.
func factReason(err error) (Reason, string, error) {
	if fact, ok := missingFact(err); ok {
		return ReasonNotRecorded, fact, nil
	}
	return ReasonUnreadable, "", err
}

func lookupReason(code lookupCode) (Reason, string) {
	switch code {
	case lookupIndustry:
		return ReasonIndustryUnknown, "industry"
	case lookupPark:
		return ReasonParkUnknown, "park"
	}
	return ReasonBeforeFirstValue, ""
}
