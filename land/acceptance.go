package land

import (
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/enum"
	"github.com/devzone-go/devzone/zone"
)

// RatioPlaces is the number of decimal places every ratio this package
// computes (a margin or a shortfall as a share of the value it is measured
// against) is rounded to, half away from zero: 6 places of the fraction,
// that is 0.0001%. Amounts themselves are never rounded.
const RatioPlaces = 6

// Acceptance is the check at acceptance (对标验收, 达产复核): the values
// measured against the values committed, with the consequences of a
// shortfall.
type Acceptance struct {
	// Ref identifies the check, e.g. {ID: "capacity-review", Label:
	// 达产复核}, with the clause that requires it.
	Ref zone.Ref
	// Event is the project event recording the review, e.g.
	// capacity_review. The check runs once the event has happened (on or
	// before the as-of date) and uses its date. Required.
	Event zone.Event
	// Rectify is the time allowed to rectify a shortfall (整改期限),
	// counted from the review date with the evaluation's calendar; the
	// zero Period sets no deadline.
	Rectify calendar.Period
	// Damages are the liquidated damages (违约金) rules: at most one per
	// indicator, and at most one with no Indicator, which applies to every
	// indicator without a rule of its own (a Proportional one to numeric
	// indicators only).
	Damages []Damages
}

// DamagesKind is how liquidated damages are worked out. The zero value is
// [NoDamages].
type DamagesKind uint8

const (
	// NoDamages: a shortfall costs nothing (other consequences, such as
	// the rectification deadline, still apply).
	NoDamages DamagesKind = iota
	// Proportional is the rule of the industrial land-transfer contract
	// template (Tianjin): damages = shortfall ÷ agreed value × land price.
	// It applies to numeric indicators only.
	Proportional
	// ShareOfPrice: damages = Share × land price, whatever the size of the
	// shortfall.
	ShareOfPrice
)

var damagesNames = [...][2]string{{"none", "无"}, {"proportional", "按差额比例"}, {"share_of_price", "按出让价款比例"}}

// String returns none, proportional or share_of_price.
func (k DamagesKind) String() string { return enum.Name(damagesNames[:], int(k)) }

// Label returns the kind in Chinese: 无, 按差额比例 or 按出让价款比例.
func (k DamagesKind) Label() string { return enum.Label(damagesNames[:], int(k)) }

// ParseDamagesKind accepts the identifiers and labels String and Label
// return. Errors are of type [*EnumError].
func ParseDamagesKind(s string) (DamagesKind, error) {
	i, err := parseEnum(damagesNames[:], "damages", s)
	return DamagesKind(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (k DamagesKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDamagesKind].
func (k *DamagesKind) UnmarshalText(b []byte) error {
	v, err := ParseDamagesKind(string(b))
	*k = v
	return err
}

// Damages is a liquidated-damages rule for a shortfall found at acceptance.
type Damages struct {
	// Ref identifies the rule and cites its clause.
	Ref zone.Ref
	// Indicator is the id of the indicator the rule applies to; "" for
	// every numeric indicator without a rule of its own.
	Indicator string
	Kind      DamagesKind
	// Share is the share of the land price owed, as a fraction (0.05 for
	// 5%), for ShareOfPrice; unused otherwise.
	Share decimal.Decimal
	// Cap limits the damages to this share of the land price, as a
	// fraction (0.2 for 20%); zero: no such limit.
	Cap decimal.Decimal
	// CapAmount limits the damages to this amount in 元; zero: no such
	// limit. With both Cap and CapAmount the lower limit applies.
	CapAmount decimal.Decimal
	// Places is the number of decimal places of 元 the amount is rounded
	// to, half away from zero: 2 rounds to the 分, 0 (the zero value) to
	// the whole 元. A limit with more places is rounded down to Places, so
	// the amount never exceeds it.
	Places int32
}

// Charge is an amount of liquidated damages and how it was reached.
type Charge struct {
	// Amount is the damages owed in 元, rounded to the rule's Places
	// after the cap.
	Amount decimal.Decimal
	// Uncapped is the amount before the cap, rounded the same way.
	Uncapped decimal.Decimal
	// Capped reports whether a cap lowered the amount.
	Capped bool
}

// Charge works out the damages for a shortfall (in the indicator's base
// unit) against the agreed value, for a land price in 元. Proportional
// computes shortfall × price ÷ agreed with a single rounding to Places, half
// away from zero, so no intermediate ratio is rounded. It reports false when
// the rule is NoDamages, the shortfall is not positive, or a proportional
// rule has an agreed value that is not positive.
func (d Damages) Charge(shortfall, agreed, price decimal.Decimal) (Charge, bool) {
	return d.charge(shortfall.Sign() > 0, shortfall, agreed, price)
}

// charge is Charge with the shortfall decided by the caller: a named
// standard that is not met falls short without a numeric shortfall.
func (d Damages) charge(short bool, shortfall, agreed, price decimal.Decimal) (Charge, bool) {
	if d.Kind == NoDamages || !short {
		return Charge{}, false
	}
	var raw decimal.Decimal
	switch d.Kind {
	case Proportional:
		if agreed.Sign() <= 0 || shortfall.Sign() <= 0 {
			return Charge{}, false
		}
		raw = shortfall.Mul(price).DivRound(agreed, d.Places)
	case ShareOfPrice:
		raw = d.Share.Mul(price).Round(d.Places)
	default:
		return Charge{}, false
	}
	ch := Charge{Amount: raw, Uncapped: raw}
	limit, limited := decimal.Decimal{}, false
	if d.Cap.Sign() > 0 {
		limit, limited = d.Cap.Mul(price), true
	}
	if d.CapAmount.Sign() > 0 && (!limited || cmpDec(d.CapAmount, limit) < 0) {
		limit, limited = d.CapAmount, true
	}
	if limited {
		limit = limit.RoundDown(d.Places)
		if cmpDec(raw, limit) > 0 {
			ch.Amount, ch.Capped = limit, true
		}
	}
	return ch, true
}

// AcceptanceResult is the outcome of the acceptance check for one project.
type AcceptanceResult struct {
	// Ref identifies the check (Acceptance.Ref).
	Ref zone.Ref
	// On is the review date: the date of Acceptance.Event.
	On date.Date
	// Rows has one row per indicator the project committed to or a
	// standard limits for it, in the policy's indicator order.
	Rows []AcceptanceRow
	// Verdict combines the rows: True when every commitment is met, False
	// when one falls short, otherwise Unknown.
	Verdict zone.Truth
	// Rectify is the time allowed to rectify (Acceptance.Rectify).
	Rectify calendar.Period
	// RectifyBy is the last day to rectify (整改期限), counted from On.
	// It is set when Verdict is False and Rectify is valid, unless
	// RectifyErr says why it could not be worked out.
	RectifyBy date.Date
	// RectifyErr is a *calendar.NoDataError when the calendar lacks the
	// years needed, or ErrNoCalendar.
	RectifyErr error
}

// TotalDamages returns the sum of the damages owed on every row, and whether
// the sum is complete: false when some row's damages are unknown (its Owes
// is Unknown).
func (a *AcceptanceResult) TotalDamages() (decimal.Decimal, bool) {
	total, complete := decimal.Decimal{}, true
	for _, r := range a.Rows {
		switch r.Owes {
		case zone.True:
			if ch, ok := r.Charge(); ok {
				total = total.Add(ch.Amount)
			}
		case zone.Unknown:
			complete = false
		}
	}
	return total, complete
}

// AcceptanceRow is the acceptance verdict for one indicator: the value
// measured against the value committed. The derived amounts (Shortfall,
// ShortfallRatio, Charge) are methods, worked out exactly on request, so
// that evaluation does not allocate for them.
type AcceptanceRow struct {
	// Indicator is the indicator measured; Indicator.Ref is the verdict's
	// trace link. It points into the immutable Policy: read it, never
	// modify it.
	Indicator *Indicator
	// Verdict is True when the actual value meets the commitment (at
	// least it for a minimum, at most it for a maximum, the same standard
	// for a named one), False when it falls short, Unknown when a value is
	// missing or unreadable.
	Verdict   zone.Truth
	Committed Value
	Actual    Value
	// Damages is the damages rule for this indicator, with its citation;
	// nil when none applies. It points into the immutable Policy.
	Damages *Damages
	// Price is the land price in 元, read when damages are due.
	Price decimal.Decimal
	// Owes is True when damages are owed (see Charge), False when none are
	// (the commitment is met or no rule applies), Unknown when they cannot
	// be worked out: the verdict is unknown, the land price is not
	// recorded, or a proportional rule meets a committed value of zero.
	Owes zone.Truth
	// Reason, Missing and Err explain an Unknown verdict or Owes.
	Reason  Reason
	Missing string
	Err     error
}

// Shortfall returns how far the actual value falls short of the commitment,
// exactly, in the indicator's base unit: committed − actual for a minimum,
// actual − committed for a maximum, zero when the commitment is met, for
// named standards and for unknown verdicts.
func (r AcceptanceRow) Shortfall() decimal.Decimal {
	if r.Verdict != zone.False || r.Indicator == nil || !r.Indicator.Unit.numeric() {
		return decimal.Decimal{}
	}
	if r.Indicator.Direction == AtMost {
		return r.Actual.Amount.Sub(r.Committed.Amount)
	}
	return r.Committed.Amount.Sub(r.Actual.Amount)
}

// ShortfallRatio returns the shortfall as a fraction of the committed value,
// rounded to [RatioPlaces] half away from zero (0.2 is 20%); zero when
// there is no shortfall or the committed value is zero.
func (r AcceptanceRow) ShortfallRatio() decimal.Decimal {
	s := r.Shortfall()
	if s.IsZero() || r.Committed.Amount.IsZero() {
		return decimal.Decimal{}
	}
	return s.DivRound(r.Committed.Amount, RatioPlaces)
}

// Charge returns the liquidated damages owed, when Owes is True.
func (r AcceptanceRow) Charge() (Charge, bool) {
	if r.Owes != zone.True || r.Damages == nil {
		return Charge{}, false
	}
	return r.Damages.charge(r.Verdict == zone.False, r.Shortfall(), r.Committed.Amount, r.Price)
}
