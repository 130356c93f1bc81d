package incentive

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// Form is the shape of a [Benefit]. The zero value is [FormUnknown].
type Form uint8

const (
	// FormUnknown is the zero Form: no benefit given; [New] rejects it.
	FormUnknown Form = iota
	// FormFixed is a fixed amount of money (定额).
	FormFixed
	// FormRate is a rate times a base, e.g. 10% of the equipment purchase.
	FormRate
	// FormBands is a rate chosen by tiered bands on a base (分档).
	FormBands
	// FormService is a non-monetary entitlement, e.g. a dedicated service
	// team (专班服务).
	FormService
)

var formNames = [...]string{"unknown", "fixed", "rate", "bands", "service"}

// String returns fixed, rate, bands or service ("unknown" for the zero
// Form).
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return formNames[0]
}

// Banding says how tiered bands turn a base into an amount. The zero value
// is [WholeBase], the reading of Chinese subsidy tables (分档补助): the band
// the base falls in sets the rate for the whole amount.
type Banding uint8

const (
	// WholeBase applies the rate of the band the base falls in to the whole
	// amount (the base, or [Benefit.Of] when set). With bands 1亿元 → 5%,
	// 3亿元 → 8%, 5亿元 → 10%, a base of 6亿元 gets 10% of all of it. It is
	// the zero Banding.
	WholeBase Banding = iota
	// Progressive applies each band's rate to the part of the base inside
	// that band, like income-tax brackets (超额累进): a base of 6亿元 gets
	// 5% of 2亿元 + 8% of 2亿元 + 10% of 1亿元.
	Progressive
)

// String returns whole or progressive.
func (b Banding) String() string {
	if b == Progressive {
		return "progressive"
	}
	return "whole"
}

// ParseBanding accepts whole, progressive, 全额分档 or 超额累进.
func ParseBanding(s string) (Banding, error) {
	switch s {
	case "whole", "全额分档":
		return WholeBase, nil
	case "progressive", "超额累进":
		return Progressive, nil
	}
	return 0, &zone.ValueError{Fact: "banding", Value: s, Allowed: "whole (全额分档), progressive (超额累进)"}
}

// Band is one tier of a banded benefit.
type Band struct {
	// From is the lower bound of the band on the base, in yuan,
	// inclusive: a base of exactly 3亿元 is in the band that starts at
	// 3亿元. The band runs up to the next band's From, exclusive; the last
	// band has no upper bound.
	From decimal.Decimal
	// Rate is the band's rate as a fraction (0.08 = 8%), greater than 0
	// and at most 1.
	Rate decimal.Decimal
	// Cap, when not nil, is the most this band pays, in yuan: with
	// [WholeBase] the whole amount when the base is in this band, with
	// [Progressive] this band's part.
	Cap *decimal.Decimal
}

// Benefit is what a programme gives: money (a fixed amount, a rate times a
// base, or tiered bands on a base) or a non-monetary entitlement. Build it
// with [Fixed], [RateOf], [Tiered] or [Grant], or set the fields for the
// chosen Form; fields that do not belong to the Form must be left zero.
//
// The zero Benefit has [FormUnknown] and is rejected by [New].
type Benefit struct {
	Form Form
	// Amount is the fixed amount in yuan (FormFixed), greater than 0.
	Amount decimal.Decimal
	// Rate is the rate as a fraction (FormRate): 0.1 for 10%. It must be
	// greater than 0 and at most 1.
	Rate decimal.Decimal
	// Base is the amount the rate applies to (FormRate) or that selects
	// the band (FormBands).
	Base Amount
	// Bands are the tiers (FormBands), in increasing order of From.
	Bands []Band
	// Banding says how bands apply (FormBands); the zero value is
	// WholeBase.
	Banding Banding
	// Of, when not nil, is the amount the band's rate applies to while
	// Base only selects the band (FormBands with WholeBase): the Shanxi
	// equipment subsidy picks the band by fixed-asset investment and pays a
	// share of the equipment purchase. Nil means Base.
	Of Amount
	// Cap, when not nil, is the most the programme pays, in yuan, after
	// rounding (e.g. 最高不超过2亿元).
	Cap *decimal.Decimal
	// Floor, when not nil, is the least an awarded programme pays, in yuan,
	// after rounding. It does not make an ineligible project eligible.
	Floor *decimal.Decimal
	// Entitlement is the service granted (FormService).
	Entitlement Entitlement
}

// Fixed returns a benefit of a fixed amount, in yuan.
func Fixed(yuan decimal.Decimal) Benefit { return Benefit{Form: FormFixed, Amount: yuan} }

// RateOf returns a benefit of rate (a fraction: 0.1 for 10%) times base.
func RateOf(rate decimal.Decimal, base Amount) Benefit {
	return Benefit{Form: FormRate, Rate: rate, Base: base}
}

// Tiered returns a benefit whose rate is chosen by bands on base; mode says
// whether the rate applies to the whole base ([WholeBase]) or band by band
// ([Progressive]). Bands are given in increasing order of From.
func Tiered(base Amount, mode Banding, bands ...Band) Benefit {
	return Benefit{Form: FormBands, Base: base, Banding: mode, Bands: bands}
}

// Grant returns a non-monetary benefit: the entitlement e.
func Grant(e Entitlement) Benefit { return Benefit{Form: FormService, Entitlement: e} }

// WithCap returns b with the most it pays set to yuan.
func (b Benefit) WithCap(yuan decimal.Decimal) Benefit { b.Cap = &yuan; return b }

// WithFloor returns b with the least it pays, when awarded, set to yuan.
func (b Benefit) WithFloor(yuan decimal.Decimal) Benefit { b.Floor = &yuan; return b }

// AppliedTo returns the banded benefit b with the band's rate applied to of
// instead of the base (see [Benefit.Of]).
func (b Benefit) AppliedTo(of Amount) Benefit { b.Of = of; return b }

// IsMoney reports whether the benefit is money (fixed, rate or bands).
func (b Benefit) IsMoney() bool {
	return b.Form == FormFixed || b.Form == FormRate || b.Form == FormBands
}

// String describes the benefit, e.g. "10% × investment, at most 2亿元" or
// "专班服务".
func (b Benefit) String() string {
	var s string
	switch b.Form {
	case FormFixed:
		s = quantity.FormatMoney(b.Amount)
	case FormRate:
		s = quantity.FormatPercent(b.Rate) + " × " + amountName(b.Base)
	case FormBands:
		s = b.Banding.String() + " bands on " + amountName(b.Base)
		if b.Of != nil {
			s += " applied to " + amountName(b.Of)
		}
		s += ":"
		for i, band := range b.Bands {
			if i > 0 {
				s += ","
			}
			s += " from " + quantity.FormatMoney(band.From) + " " + quantity.FormatPercent(band.Rate)
			if band.Cap != nil {
				s += " (at most " + quantity.FormatMoney(*band.Cap) + ")"
			}
		}
	case FormService:
		return b.Entitlement.String()
	default:
		return "no benefit"
	}
	if b.Floor != nil {
		s += ", at least " + quantity.FormatMoney(*b.Floor)
	}
	if b.Cap != nil {
		s += ", at most " + quantity.FormatMoney(*b.Cap)
	}
	return s
}

func amountName(a Amount) string {
	if a == nil {
		return "(no base)"
	}
	return a.String()
}

// RoundMode is how an amount is rounded to its places. The zero value is
// [RoundNone].
type RoundMode uint8

const (
	// RoundNone keeps the exact result of the arithmetic. It is the zero
	// RoundMode; Places must then be 0.
	RoundNone RoundMode = iota
	// RoundHalfUp rounds to the nearest, halves away from zero (四舍五入).
	RoundHalfUp
	// RoundHalfEven rounds to the nearest, halves to the even neighbour
	// (银行家舍入).
	RoundHalfEven
	// RoundDown truncates towards zero (舍去).
	RoundDown
)

var roundNames = [...][2]string{{"none", "不取舍"}, {"half_up", "四舍五入"}, {"half_even", "银行家舍入"}, {"down", "舍去"}}

// String returns none, half_up, half_even or down.
func (m RoundMode) String() string {
	if int(m) < len(roundNames) {
		return roundNames[m][0]
	}
	return "invalid"
}

// Label returns the mode in Chinese, e.g. 四舍五入.
func (m RoundMode) Label() string {
	if int(m) < len(roundNames) {
		return roundNames[m][1]
	}
	return "invalid"
}

// ParseRoundMode accepts none, half_up, half_even, down or their Chinese
// labels.
func ParseRoundMode(s string) (RoundMode, error) {
	for i, n := range roundNames {
		if s == n[0] || s == n[1] {
			return RoundMode(i), nil
		}
	}
	return 0, &zone.ValueError{Fact: "rounding", Value: s, Allowed: "none, half_up (四舍五入), half_even (银行家舍入), down (舍去)"}
}

// Rounding is a programme's rounding rule: the number of decimal places of
// yuan to keep and how. Places 2 keeps 分 (0.01元), 0 whole yuan, -4 whole
// 万元. The zero Rounding keeps amounts exact.
//
// Rounding is applied with an explicit number of places on each call; it
// never depends on the decimal package's process-wide settings.
type Rounding struct {
	Places int32 // decimal places of yuan, from -8 to 8
	Mode   RoundMode
}

// String describes the rule, e.g. "half_up to 2 decimal places" or "exact".
func (r Rounding) String() string {
	if r.Mode == RoundNone {
		return "exact"
	}
	return r.Mode.String() + " to " + strconv.Itoa(int(r.Places)) + " decimal places"
}

// Round returns d rounded by the rule. A value that already has no more
// than Places decimal places is returned unchanged.
func (r Rounding) Round(d decimal.Decimal) decimal.Decimal {
	if r.Mode == RoundNone || d.Exponent() >= -r.Places {
		return d
	}
	switch r.Mode {
	case RoundHalfUp:
		return d.Round(r.Places)
	case RoundHalfEven:
		return d.RoundBank(r.Places)
	case RoundDown:
		return d.RoundDown(r.Places)
	}
	return d
}

// Entitlement is a non-monetary benefit: a service or priority a programme
// grants, named by a stable id and a Chinese label. The built-in ones are
// listed by [BuiltinEntitlements]; a rule set may define its own. The zero
// Entitlement is none.
type Entitlement struct {
	ID    string // stable id, e.g. "dedicated_team"
	Label string // Chinese label, e.g. 专班服务
}

// String returns the label, or the id when there is no label.
func (e Entitlement) String() string {
	if e.Label != "" {
		return e.Label
	}
	return e.ID
}

// The ids of the built-in entitlements (see [BuiltinEntitlements]).
const (
	DedicatedTeam      = "dedicated_team"      // 专班服务: a dedicated service team for the project
	ProjectSteward     = "project_steward"     // 项目管家: one steward follows the project throughout
	FactorPriority     = "factor_priority"     // 要素优先保障: priority supply of land, energy and other factors
	TolerantProcessing = "tolerant_processing" // 容缺办理: applications accepted while non-essential papers are pending
	ParallelApproval   = "parallel_approval"   // 并联审批: approvals run in parallel rather than in series
	FullAgency         = "full_agency"         // 全程代办: the zone handles the formalities on the company's behalf
)

// BuiltinEntitlements returns the entitlements devzone knows, with their
// labels. The slice is new on each call.
func BuiltinEntitlements() []Entitlement {
	return []Entitlement{
		{DedicatedTeam, "专班服务"},
		{ProjectSteward, "项目管家"},
		{FactorPriority, "要素优先保障"},
		{TolerantProcessing, "容缺办理"},
		{ParallelApproval, "并联审批"},
		{FullAgency, "全程代办"},
	}
}

// LookupEntitlement returns the built-in entitlement whose id or label is s.
func LookupEntitlement(s string) (Entitlement, bool) {
	for _, e := range BuiltinEntitlements() {
		if s == e.ID || s == e.Label {
			return e, true
		}
	}
	return Entitlement{}, false
}
