package rules_test

import "github.com/devzone-go/devzone/rules"

// incentivesCorpus lists the broken rule sets of the budgets: and
// incentives: sections under testdata/<case>/rules.yaml, with the
// diagnostics each must produce; TestCorpus checks them with the rest of
// the corpus. Together they raise every budgets.* and incentives.* code.
var incentivesCorpus = map[string][]got{
	"budgets-sum": {
		// 2000万元 = 1000万元 + 500万元 + 400万元: 100万元 short.
		{rules.CodeBudgetSumMismatch, "budgets-sum/rules.yaml:8:12", "budgets[0].total"},
		// 1000万元 + 500万元 + 600万元 unallocated: 100万元 over.
		{rules.CodeBudgetSumMismatch, "budgets-sum/rules.yaml:16:12", "budgets[1].total"},
	},
	"budgets-broken": {
		{rules.CodeBudgetInvalidID, "budgets-broken/rules.yaml:4:9", "budgets[0].id"},
		{rules.CodeBudgetInvalidYear, "budgets-broken/rules.yaml:6:11", "budgets[0].year"},
		{rules.CodeBudgetInvalidAmount, "budgets-broken/rules.yaml:7:12", "budgets[0].total"},
		{rules.CodeBudgetInvalidID, "budgets-broken/rules.yaml:9:14", "budgets[0].earmarks[0].id"},
		{rules.CodeBudgetInvalidAmount, "budgets-broken/rules.yaml:9:49", "budgets[0].earmarks[0].amount"},
		{rules.CodeValueSyntax, "budgets-broken/rules.yaml:10:49", "budgets[0].earmarks[1].amount"},
		{rules.CodeIDDuplicate, "budgets-broken/rules.yaml:11:14", "budgets[0].earmarks[2].id"},
		{rules.CodeBudgetNoEarmarks, "budgets-broken/rules.yaml:16:5", "budgets[1].earmarks"},
		{rules.CodeBudgetInvalidAmount, "budgets-broken/rules.yaml:21:18", "budgets[2].unallocated"},
		{rules.CodeYAMLMissingKey, "budgets-broken/rules.yaml:24:5", "budgets[3].label"},
		{rules.CodeYAMLUnknownKey, "budgets-broken/rules.yaml:27:5", "budgets[3].earmark"},
	},
	"incentives-benefit": {
		{rules.CodeIncentiveBenefitForm, "incentives-benefit/rules.yaml:9:5", "incentives[0].benefit"},
		{rules.CodeYAMLUnknownKey, "incentives-benefit/rules.yaml:9:15", "incentives[0].benefit.group"},
		{rules.CodeIncentiveBenefitForm, "incentives-benefit/rules.yaml:12:29", "incentives[1].benefit.rate"},
		{rules.CodeIncentiveBenefitForm, "incentives-benefit/rules.yaml:15:29", "incentives[2].benefit.cap"},
		{rules.CodeYAMLMissingKey, "incentives-benefit/rules.yaml:18:5", "incentives[3].benefit.of"},
		{rules.CodeIncentiveBenefitForm, "incentives-benefit/rules.yaml:21:22", "incentives[4].benefit.bands"},
		{rules.CodeIncentiveUnknownEntitlement, "incentives-benefit/rules.yaml:24:28", "incentives[5].benefit.entitlement"},
		{rules.CodeIncentiveInvalidRate, "incentives-benefit/rules.yaml:27:21", "incentives[6].benefit.rate"},
		{rules.CodeIncentiveInvalidAmount, "incentives-benefit/rules.yaml:27:46", "incentives[6].benefit.cap"},
		{rules.CodeIncentiveInvalidRate, "incentives-benefit/rules.yaml:30:21", "incentives[7].benefit.rate"},
		{rules.CodeIncentiveFloorAboveCap, "incentives-benefit/rules.yaml:30:60", "incentives[7].benefit.floor"},
		{rules.CodeIncentiveInvalidAmount, "incentives-benefit/rules.yaml:33:23", "incentives[8].benefit.amount"},
		{rules.CodeIncentiveInvalidAmount, "incentives-benefit/rules.yaml:38:18", "incentives[9].benefit.bands[0].from"},
		{rules.CodeIncentiveBandOrder, "incentives-benefit/rules.yaml:40:18", "incentives[9].benefit.bands[2].from"},
		{rules.CodeIncentiveInvalidAmount, "incentives-benefit/rules.yaml:40:39", "incentives[9].benefit.bands[2].cap"},
		{rules.CodeIncentiveInvalidBanding, "incentives-benefit/rules.yaml:48:19", "incentives[10].benefit.applied_to"},
		{rules.CodeIncentiveInvalidBanding, "incentives-benefit/rules.yaml:52:72", "incentives[11].benefit.banding"},
		{rules.CodeIncentiveInvalidRounding, "incentives-benefit/rules.yaml:56:24", "incentives[12].rounding.places"},
		{rules.CodeIncentiveInvalidRounding, "incentives-benefit/rules.yaml:60:33", "incentives[13].rounding.mode"},
		{rules.CodeIncentiveInvalidRounding, "incentives-benefit/rules.yaml:64:33", "incentives[14].rounding.mode"},
		{"expr.result-type", "incentives-benefit/rules.yaml:67:11", "incentives[15].when"},
		{rules.CodeExprUnknownName, "incentives-benefit/rules.yaml:68:29", "incentives[15].benefit.of"},
		{"expr.result-type", "incentives-benefit/rules.yaml:71:29", "incentives[16].benefit.of"},
	},
	"incentives-references": {
		{rules.CodeIncentiveInvalidID, "incentives-references/rules.yaml:13:9", "incentives[0].id"},
		{rules.CodeIncentiveNotMoney, "incentives-references/rules.yaml:16:14", "incentives[0].earmark"},
		{rules.CodeIncentiveNotMoney, "incentives-references/rules.yaml:17:12", "incentives[0].group"},
		{rules.CodeIncentiveNotMoney, "incentives-references/rules.yaml:18:15", "incentives[0].rounding"},
		{rules.CodeIncentiveEarmarkFormat, "incentives-references/rules.yaml:22:14", "incentives[1].earmark"},
		{rules.CodeIncentiveUnknownBudget, "incentives-references/rules.yaml:26:14", "incentives[2].earmark"},
		{rules.CodeIncentiveUnknownEarmark, "incentives-references/rules.yaml:30:28", "incentives[3].earmark"},
		{rules.CodeIncentiveExceedsEarmark, "incentives-references/rules.yaml:33:47", "incentives[4].benefit.cap"},
		{rules.CodeIncentiveInvalidGroup, "incentives-references/rules.yaml:38:12", "incentives[5].group"},
		{rules.CodeIncentiveLoneGroup, "incentives-references/rules.yaml:46:12", "incentives[7].group"},
		{rules.CodeIncentiveInvalidExclude, "incentives-references/rules.yaml:47:24", "incentives[7].excludes[1]"},
		{rules.CodeIncentiveInvalidExclude, "incentives-references/rules.yaml:52:16", "incentives[8].excludes[0]"},
		{rules.CodeIncentiveUnknownProgramme, "incentives-references/rules.yaml:52:24", "incentives[8].excludes[1]"},
		{rules.CodeIncentiveExcludeCycle, "incentives-references/rules.yaml:64:16", "incentives[11].excludes[0]"},
	},
}

// The cases are kept here, beside the sections they test, and joined to
// the corpus table before the tests run.
func init() {
	for name, want := range incentivesCorpus {
		corpus[name] = want
	}
}
