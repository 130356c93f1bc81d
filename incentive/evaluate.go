package incentive

import (
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// Status is the outcome of one programme for one project. The zero value is
// [Undecided].
type Status uint8

const (
	// Undecided: the facts do not decide whether the programme applies —
	// its eligibility is unknown, or it depends on another programme that
	// is undecided or whose amount is unknown (see [Verdict.By]).
	Undecided Status = iota
	// Awarded: the project gets the benefit. The amount may still be
	// unknown when a fact its base needs is missing.
	Awarded
	// Ineligible: the project does not qualify, or its base is below the
	// lowest band.
	Ineligible
	// Suppressed: another programme applies instead, because both are in
	// a stacking group and the other pays more, or because the other
	// excludes this one. [Verdict.By] names it.
	Suppressed
)

var statusNames = [...][2]string{{"undecided", "无法判定"}, {"awarded", "可享受"}, {"ineligible", "不符合条件"}, {"suppressed", "不重复享受"}}

// String returns undecided, awarded, ineligible or suppressed.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s][0]
	}
	return statusNames[0][0]
}

// Label returns the status in Chinese, e.g. 可享受.
func (s Status) Label() string {
	if int(s) < len(statusNames) {
		return statusNames[s][1]
	}
	return statusNames[0][1]
}

// ParseStatus accepts the identifiers String returns and the Chinese labels.
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if s == n[0] || s == n[1] {
			return Status(i), nil
		}
	}
	return 0, &zone.ValueError{Fact: "status", Value: s, Allowed: "undecided, awarded, ineligible, suppressed"}
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStatus].
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	*s = v
	return err
}

// Result is the evaluation of every programme of a [Set] for one project:
// one verdict per programme, in declaration order — the order of the rule
// file, so a trace reads like the policy. [Result.Awards],
// [Result.Undecided], [Result.Ineligible] and [Result.Suppressed] pick out
// the verdicts of one status.
type Result struct {
	Verdicts []Verdict
}

// Awards returns the awarded verdicts, in declaration order, or nil.
func (r *Result) Awards() []Verdict { return r.with(Awarded) }

// Undecided returns the verdicts the facts do not decide, in declaration
// order, or nil.
func (r *Result) Undecided() []Verdict { return r.with(Undecided) }

// Ineligible returns the verdicts on programmes the project does not
// qualify for, with the criteria that failed, in declaration order, or nil.
func (r *Result) Ineligible() []Verdict { return r.with(Ineligible) }

// Suppressed returns the verdicts on programmes that another programme
// displaced by stacking (see [Verdict.By]), in declaration order, or nil.
func (r *Result) Suppressed() []Verdict { return r.with(Suppressed) }

func (r *Result) with(s Status) []Verdict {
	var out []Verdict
	for i := range r.Verdicts {
		if r.Verdicts[i].Status == s {
			out = append(out, r.Verdicts[i])
		}
	}
	return out
}

// Lookup returns the verdict on the programme with the given id.
func (r *Result) Lookup(id string) (Verdict, bool) {
	for i := range r.Verdicts {
		if r.Verdicts[i].Ref.ID == id {
			return r.Verdicts[i], true
		}
	}
	return Verdict{}, false
}

// Total returns the sum of the awarded money, in yuan, and whether it is
// complete: false when an award's amount is unknown, in which case the sum
// counts only the known amounts. Undecided programmes are not counted.
func (r *Result) Total() (yuan decimal.Decimal, complete bool) {
	complete = true
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		switch {
		case v.Status != Awarded || !v.IsMoney():
		case v.AmountKnown:
			yuan = yuan.Add(v.Amount)
		default:
			complete = false
		}
	}
	return yuan, complete
}

// Verdict is the outcome of one programme for one project, with the
// reasons. [Verdict.Reason] renders them in words.
type Verdict struct {
	Ref    zone.Ref
	Status Status
	// AmountKnown is false when a fact the amount needs is missing
	// (Calc.Missing names it), for services, and for ineligible programmes.
	AmountKnown bool
	// ByGroup reports that By is a rival in the same stacking group;
	// otherwise By is a programme that excludes this one.
	ByGroup bool
	// Eligibility is the verdict of the programme's eligibility condition
	// (True when it has none). [Set.Evaluate] fills in the Detail and
	// Missing only when the verdict is not True — that is where an officer
	// needs to see which criterion failed or which fact is missing;
	// [Set.Explain] fills them in for every programme.
	Eligibility zone.Explanation
	// Condition is the eligibility condition as written, "" when the
	// programme is open to every project.
	Condition string
	// Entitlement is the service granted, for a FormService programme;
	// zero for money.
	Entitlement Entitlement
	// Amount is the money due in yuan, exact, after rounding, caps and
	// floors; meaningful only when AmountKnown. It is computed for every
	// money programme whose eligibility is not false — also for suppressed
	// and undecided ones, so that the winner of a stacking group can be
	// seen to be the largest.
	Amount decimal.Decimal
	// Calc is the arithmetic behind Amount.
	Calc Calculation
	// Earmark is the budget earmark the money is paid from, if any.
	Earmark EarmarkRef
	// Group is the programme's stacking group, "" if it is cumulative.
	Group string
	// By is the programme that decided this one's fate: for Suppressed,
	// the one that applies instead (the group's winner, or the programme
	// that excludes it); for Undecided, the programme it waits on (a group
	// rival or an excluding programme that is undecided or whose amount is
	// unknown). Zero when the programme's own facts decide.
	By zone.Ref
}

// IsMoney reports whether the verdict is about money rather than a service.
func (v *Verdict) IsMoney() bool { return v.Calc.Form != FormService }

// Calculation is the arithmetic of one money amount, for reasons and
// audits. All amounts are in yuan and exact. The steps are: the base (and
// the band it selects), the product Raw, rounding (Rounding.Round(Raw)),
// then the programme's cap or floor, giving [Verdict.Amount].
type Calculation struct {
	Form Form
	// Banding is the bands' mode (FormBands).
	Banding Banding
	// Limit reports whether the programme's cap or floor replaced the
	// rounded amount; LimitValue is that cap or floor.
	Limit Limit
	// BaseKnown reports whether the base's value was known (FormRate,
	// FormBands).
	BaseKnown bool
	// Below reports a base under the lowest band: nothing is due and the
	// programme is ineligible. BandFrom is then the lowest band's bound,
	// as it is when the base is unknown: a banded programme whose base is
	// unknown is Undecided when its lowest band starts above 0元, since the
	// base may fall below it.
	Below bool
	// BandCapped reports that the band's own cap cut the amount (WholeBase).
	BandCapped bool
	// Band is the 0-based index of the band the base falls in (FormBands,
	// WholeBase), and BandFrom its lower bound.
	Band int
	// Rounding is the rule applied to Raw.
	Rounding Rounding
	// BaseName is the base as written (FormRate, FormBands); Base is its
	// value when BaseKnown.
	BaseName string
	Base     decimal.Decimal
	BandFrom decimal.Decimal
	// OfName and Of are the amount the band's rate applies to, when it is
	// not the base ([Benefit.Of]).
	OfName string
	Of     decimal.Decimal
	// Rate is the rate applied (FormRate, and FormBands with WholeBase).
	Rate decimal.Decimal
	// Parts are the contributions of each band reached (FormBands,
	// Progressive).
	Parts []Part
	// Raw is the result of the arithmetic (after band caps), before
	// rounding.
	Raw        decimal.Decimal
	LimitValue decimal.Decimal
	// Missing names the facts whose absence left the amount unknown.
	Missing []string
}

// Part is one band's contribution to a progressive amount.
type Part struct {
	From, To decimal.Decimal // the slice of the base in this band, yuan; To is the base itself in the top band reached
	Rate     decimal.Decimal
	Amount   decimal.Decimal // (To − From) × Rate, or the band's cap
	Capped   bool            // the band's cap applied
}

// Limit says whether a programme's cap or floor decided the amount. The
// zero value is [NoLimit].
type Limit uint8

const (
	// NoLimit: the computed amount stands.
	NoLimit Limit = iota
	// Capped: the computed amount was above the cap and the cap is paid.
	Capped
	// Floored: the computed amount was below the floor and the floor is
	// paid.
	Floored
)

// String returns none, capped or floored.
func (l Limit) String() string {
	switch l {
	case Capped:
		return "capped"
	case Floored:
		return "floored"
	}
	return "none"
}

// Evaluate decides every programme for c.Project: eligibility (with
// [zone.Condition.Test]), the amount, then stacking. It returns a Result
// with one verdict per programme. Eligibility explanations
// are filled in for programmes whose eligibility is false or unknown; use
// [Set.Explain] to have them for every programme.
//
// Evaluation is a pure function of the set and the context; it never reads
// the clock. It allocates one array for the verdicts plus what conditions
// and amounts need (an explanation for each programme not eligible, about
// two allocations per computed amount).
//
// # Stacking
//
// Programmes are cumulative unless grouped or excluded. A stacking group
// (就高不重复) pays only its largest amount among the programmes the project
// qualifies for; on equal amounts the one declared first wins. An excluding
// programme, when awarded, suppresses the programmes it excludes; exclusions
// are resolved before the programmes they affect (New rejects cycles), so a
// programme that is itself suppressed excludes nothing.
//
// Unknown facts never turn into a guess: a programme whose eligibility is
// unknown is Undecided; so is a group whose winner cannot be told because a
// qualifying member's amount is unknown, or because a member of unknown
// eligibility could pay more than the best known one. A member of unknown
// eligibility that could not beat the winner anyway is Suppressed. A
// programme excluded by an undecided programme is Undecided too.
func (s *Set) Evaluate(c *zone.Context) Result { return s.evaluate(c, explainFailed, nil) }

// Explain is [Set.Evaluate] with the eligibility explanation (the values
// the condition looked at, and the missing facts) for every programme, for
// audit traces. It allocates more.
func (s *Set) Explain(c *zone.Context) Result { return s.evaluate(c, explainAll, nil) }

// Decide is [Set.Evaluate] without any eligibility explanation: each
// programme's status, amount and calculation only. It is for figures over
// many projects, such as a portfolio report, where nobody reads why a
// programme was not granted; it allocates least.
func (s *Set) Decide(c *zone.Context) Result { return s.evaluate(c, explainNone, nil) }

// DecideInto is [Set.Decide] writing into r, reusing the memory of
// r.Verdicts: a caller that evaluates many projects one after another
// (one r per goroutine) allocates the verdicts once. The previous
// content of r is lost.
func (s *Set) DecideInto(c *zone.Context, r *Result) {
	*r = s.evaluate(c, explainNone, r.Verdicts)
}

// How much of the eligibility evaluate explains.
const (
	explainFailed = iota // programmes not eligible or undecided (Evaluate)
	explainAll           // every programme (Explain)
	explainNone          // none (Decide)
)

// evaluate evaluates every programme, writing the verdicts into dst's
// memory when it is large enough.
func (s *Set) evaluate(c *zone.Context, explain int, dst []Verdict) Result {
	if len(s.progs) == 0 {
		return Result{}
	}
	var vs []Verdict
	if cap(dst) >= len(s.progs) {
		vs = dst[:len(s.progs)]
		clear(vs)
	} else {
		vs = make([]Verdict, len(s.progs))
	}
	for i := range s.progs {
		p, v := &s.progs[i], &vs[i]
		v.Ref, v.Condition, v.Earmark, v.Group = p.Ref, p.cond, p.Earmark, p.Group
		t := zone.True
		if p.Eligibility != nil {
			if explain != explainAll {
				t = p.Eligibility.Test(c)
			}
			if explain == explainAll || explain == explainFailed && t != zone.True {
				v.Eligibility = p.Eligibility.Explain(c)
				t = v.Eligibility.Truth
			}
		}
		v.Eligibility.Truth = t
		if t != zone.False {
			p.compute(c, v)
		} else {
			v.Calc.Form = p.Benefit.Form
			v.Entitlement = p.Benefit.Entitlement
		}
	}
	for _, n := range s.nodes {
		s.resolve(n, vs)
	}
	return Result{Verdicts: vs}
}

// qualifies is the programme's own verdict: eligibility, and false when
// its base is below the lowest band.
func qualifies(v *Verdict) zone.Truth {
	c := &v.Calc
	switch {
	case c.Below:
		return zone.False
	case c.Form == FormBands && !c.BaseKnown && c.BandFrom.Sign() > 0:
		return v.Eligibility.Truth.And(zone.Unknown)
	}
	return v.Eligibility.Truth
}

// awarded is the three-valued "this programme is awarded", for programmes
// already resolved.
func awarded(v *Verdict) zone.Truth {
	switch v.Status {
	case Awarded:
		return zone.True
	case Undecided:
		return zone.Unknown
	}
	return zone.False
}

// excluded reports whether programme i is excluded by an awarded programme
// (True, by = that programme), may be (Unknown, by = the undecided one) or
// is not (False).
func (s *Set) excluded(i int, vs []Verdict) (t zone.Truth, by int) {
	t, by = zone.False, -1
	for _, x := range s.progs[i].excludedBy {
		switch awarded(&vs[x]) {
		case zone.True:
			return zone.True, x
		case zone.Unknown:
			if t == zone.False {
				t, by = zone.Unknown, x
			}
		}
	}
	return t, by
}

// resolve sets the status of every member of n. Every programme that can
// exclude a member is resolved already.
func (s *Set) resolve(n node, vs []Verdict) {
	// First the members whose fate does not depend on their rivals.
	// Status is still the zero Undecided for the others.
	open := 0
	for _, i := range n.members {
		v := &vs[i]
		q := qualifies(v)
		if q == zone.False {
			v.Status = Ineligible
			continue
		}
		ex, by := s.excluded(i, vs)
		switch {
		case ex == zone.True:
			v.Status, v.By = Suppressed, vs[by].Ref
		case ex == zone.Unknown:
			v.By = vs[by].Ref // Undecided, waiting on by
			open++
		default:
			open++
		}
	}
	if n.group == "" {
		for _, i := range n.members {
			v := &vs[i]
			if v.Status == Undecided && v.By.ID == "" && qualifies(v) == zone.True {
				v.Status = Awarded
			}
		}
		return
	}
	if open == 0 {
		return
	}
	// A stacking group. Candidates are certain to be available (they
	// qualify and nothing excludes them); contenders might be.
	certain := func(v *Verdict) bool {
		return v.Status == Undecided && v.By.ID == "" && qualifies(v) == zone.True
	}
	winner, blocker := -1, -1
	for _, i := range n.members {
		v := &vs[i]
		if !certain(v) {
			continue
		}
		if !v.AmountKnown {
			if blocker < 0 {
				blocker = i
			}
			continue
		}
		if winner < 0 || cmpDec(v.Amount, vs[winner].Amount) > 0 {
			winner = i
		}
	}
	if blocker < 0 && winner >= 0 {
		for _, i := range n.members {
			v := &vs[i]
			if v.Status != Undecided || certain(v) {
				continue
			}
			if !v.AmountKnown {
				blocker = i
				break
			}
			if c := cmpDec(v.Amount, vs[winner].Amount); c > 0 || c == 0 && i < winner {
				blocker = i
				break
			}
		}
	}
	for _, i := range n.members {
		v := &vs[i]
		if v.Status != Undecided {
			continue
		}
		switch {
		case blocker >= 0:
			if i != blocker && certain(v) {
				v.By, v.ByGroup = vs[blocker].Ref, true
			}
		case i == winner:
			v.Status = Awarded
		case winner >= 0:
			v.Status, v.By, v.ByGroup = Suppressed, vs[winner].Ref, true
		}
	}
}
