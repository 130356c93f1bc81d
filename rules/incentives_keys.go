package rules

import "github.com/devzone-go/devzone/incentive"

// The keys of the budgets: and incentives: sections, for the parser and for
// the JSON Schema test (see keys.go). Each function returns a new slice.

// budgetKeys lists the keys of one item of budgets:, and budgetRequired
// those it must have.
func budgetKeys() []string {
	return []string{"id", "label", "year", "total", "cite", "earmarks", "unallocated"}
}
func budgetRequired() []string { return []string{"id", "label", "year", "total", "earmarks"} }

// earmarkKeys lists the keys of one item of a budget's earmarks:, and
// earmarkRequired those it must have.
func earmarkKeys() []string     { return []string{"id", "label", "amount", "cite"} }
func earmarkRequired() []string { return []string{"id", "label", "amount"} }

// programmeKeys lists the keys of one item of incentives:, and
// programmeRequired those it must have.
func programmeKeys() []string {
	return []string{"id", "label", "cite", "when", "benefit", "rounding", "earmark", "group", "excludes"}
}
func programmeRequired() []string { return []string{"id", "label", "benefit"} }

// benefitKeys lists the keys of a programme's benefit:. Which of them go
// together is checked by form (see benefitForms): exactly one of
// entitlement, amount, rate and bands is required.
func benefitKeys() []string {
	return []string{"entitlement", "amount", "rate", "of", "applied_to", "cap", "floor", "bands", "banding"}
}

// bandKeys lists the keys of one item of a benefit's bands:, and
// bandRequired those it must have.
func bandKeys() []string     { return []string{"from", "rate", "cap"} }
func bandRequired() []string { return []string{"from", "rate"} }

// roundingKeys lists the keys of a programme's rounding:, and
// roundingRequired those it must have.
func roundingKeys() []string     { return []string{"places", "mode"} }
func roundingRequired() []string { return []string{"mode"} }

// bandingNames lists the values banding: accepts: whole_base (also
// whole, 全额分档) and progressive (超额累进).
func bandingNames() []string {
	return []string{"whole_base", "whole", "全额分档", "progressive", "超额累进"}
}

// parseBandingName returns the banding named s, one of bandingNames.
func parseBandingName(s string) (incentive.Banding, bool) {
	switch s {
	case "whole_base", "whole", "全额分档":
		return incentive.WholeBase, true
	case "progressive", "超额累进":
		return incentive.Progressive, true
	}
	return 0, false
}

// roundModeNames lists the values rounding.mode accepts (see
// incentive.ParseRoundMode).
func roundModeNames() []string {
	return []string{"half_up", "四舍五入", "half_even", "银行家舍入", "down", "舍去", "none", "不取舍"}
}

// Diagnostic codes of the budgets: and incentives: sections.
// docs/incentives.md explains each with an example.
const (
	// Budgets.
	CodeBudgetInvalidID     = "budgets.invalid-id"     // a budget or earmark id that cannot be written in earmark: budget/earmark
	CodeBudgetInvalidYear   = "budgets.invalid-year"   // year: is not a four-digit year
	CodeBudgetInvalidAmount = "budgets.invalid-amount" // a total or earmark amount not above 0元, or a negative unallocated remainder
	CodeBudgetNoEarmarks    = "budgets.no-earmarks"    // earmarks: is an empty list
	CodeBudgetSumMismatch   = "budgets.sum-mismatch"   // the earmarks and the unallocated remainder do not add up to the total

	// Incentive programmes.
	CodeIncentiveInvalidID          = "incentives.invalid-id"          // a programme id that cannot be written in excludes:
	CodeIncentiveBenefitForm        = "incentives.benefit-form"        // benefit: names no form, two forms, or a key of another form
	CodeIncentiveUnknownEntitlement = "incentives.unknown-entitlement" // entitlement: is not a built-in service
	CodeIncentiveInvalidRate        = "incentives.invalid-rate"        // a rate not above 0% or above 100%
	CodeIncentiveInvalidAmount      = "incentives.invalid-amount"      // an amount, cap or floor not above 0元, or a band starting below 0元
	CodeIncentiveFloorAboveCap      = "incentives.floor-above-cap"     // floor: is more than cap:
	CodeIncentiveBandOrder          = "incentives.band-order"          // bands not in increasing order of from:
	CodeIncentiveInvalidBanding     = "incentives.invalid-banding"     // banding: is not whole_base or progressive, or progressive with applied_to:
	CodeIncentiveInvalidRounding    = "incentives.invalid-rounding"    // rounding: with an unknown mode or places out of range
	CodeIncentiveNotMoney           = "incentives.not-money"           // earmark:, group: or rounding: on a service
	CodeIncentiveEarmarkFormat      = "incentives.earmark-format"      // earmark: is not written budget/earmark
	CodeIncentiveUnknownBudget      = "incentives.unknown-budget"      // earmark: names a budget that does not exist
	CodeIncentiveUnknownEarmark     = "incentives.unknown-earmark"     // earmark: names an earmark its budget does not have
	CodeIncentiveExceedsEarmark     = "incentives.exceeds-earmark"     // warning: one award can be more than the whole earmark
	CodeIncentiveInvalidGroup       = "incentives.invalid-group"       // group: is not a valid group name
	CodeIncentiveLoneGroup          = "incentives.lone-group"          // warning: a stacking group with one programme (a misspelt group name?)
	CodeIncentiveUnknownProgramme   = "incentives.unknown-programme"   // excludes: names a programme that does not exist
	CodeIncentiveInvalidExclude     = "incentives.invalid-exclude"     // a programme excludes itself or a member of its own group
	CodeIncentiveExcludeCycle       = "incentives.exclude-cycle"       // exclusions that go round in a circle
)
