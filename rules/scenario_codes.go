package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// Diagnostic codes of projects files and scenario files. docs/scenarios.md
// explains each with an example message.
const (
	// CodeJSONSyntax: a .json file is not well-formed JSON.
	CodeJSONSyntax = yamlnode.CodeJSONSyntax // json.syntax

	CodeProjectsDuplicateID = "projects.duplicate-id"  // two projects share an id
	CodeProjectsUnknownFact = "projects.unknown-fact"  // a key that is neither a built-in fact nor a fact the rule set declares
	CodeProjectsUnknownEvt  = "projects.unknown-event" // an event that is neither built in nor declared under events:
	CodeProjectsMoney       = "projects.money"         // an amount of money written wrongly, or negative
	CodeProjectsDate        = "projects.date"          // a date written wrongly
	CodeProjectsEnum        = "projects.enum-value"    // a value that is not among a fact's allowed values
	CodeProjectsValue       = "projects.value"         // any other value that does not fit its fact's type
	CodeProjectsMarshal     = "projects.marshal"       // MarshalProjects: a project that cannot be written losslessly

	CodeScenariosRules     = "scenarios.rules"          // rules: names no loadable rule set
	CodeScenariosDuplicate = "scenarios.duplicate-name" // two cases share a name
	CodeScenariosUnknownID = "scenarios.unknown-id"     // an expectation names a rule the rule set does not have
	CodeScenariosAmbiguous = "scenarios.ambiguous-id"   // a criterion id used by several transitions, written without its transition
	CodeScenariosValue     = "scenarios.value"          // an expected value that is not allowed for its key
	CodeScenariosLedger    = "scenarios.ledger"         // a ledger entry the budget ledger refuses
	CodeScenariosEvaluate  = "scenarios.not-evaluated"  // a case the rule set cannot evaluate (before it takes effect, …)
)

// Key lists of projects files and scenario files, in the order the
// documentation lists them. Each function returns a new slice.

// projectsTopKeys lists the keys at the top of a projects file.
func projectsTopKeys() []string { return []string{"devzone", "rules", "projects"} }

// projectBuiltinKeys lists the keys every project may have besides the
// facts its rule set declares: the built-in facts and events.
func projectBuiltinKeys() []string {
	keys := make([]string, 0, numBuiltinFacts+1)
	for _, f := range builtinFacts() {
		keys = append(keys, f.Name)
	}
	return append(keys, "events")
}

// scenariosTopKeys lists the keys at the top of a scenario file.
func scenariosTopKeys() []string { return []string{"devzone", "rules", "cases"} }

// caseKeys lists the keys of one case, and caseRequired those it must have.
func caseKeys() []string     { return []string{"name", "as_of", "project", "ledger", "expect"} }
func caseRequired() []string { return []string{"name", "as_of", "project", "expect"} }

// expectKeys lists the keys of a case's expect:.
func expectKeys() []string {
	return []string{
		"stage", "criteria", "deadlines", "escalation", "paused", "findings",
		"conditions", "incentives", "land", "budgets",
	}
}

// deadlineExpectKeys lists the keys of one deadline under expect.deadlines.
func deadlineExpectKeys() []string {
	return []string{"status", "start", "due", "done", "late_workdays", "workdays_left"}
}

// incentiveExpectKeys lists the keys of one programme under
// expect.incentives, when it is written as a mapping.
func incentiveExpectKeys() []string { return []string{"status", "amount"} }

// landExpectKeys lists the keys of expect.land.
func landExpectKeys() []string {
	return []string{"applies", "committed", "indicators", "parcel_ready", "missing", "acceptance"}
}

// acceptanceExpectKeys lists the keys of expect.land.acceptance.
func acceptanceExpectKeys() []string {
	return []string{"reviewed", "verdict", "indicators", "rectify_by", "damages"}
}

// budgetsExpectKeys lists the keys of expect.budgets.
func budgetsExpectKeys() []string { return []string{"balances", "refused"} }

// balanceKeys lists the keys of one earmark under expect.budgets.balances.
func balanceKeys() []string {
	return []string{"amount", "allocated", "released", "adjusted", "spent", "available"}
}

// ledgerEntryKeys lists the keys of one entry of a case's ledger:, and
// ledgerEntryRequired those it must have.
func ledgerEntryKeys() []string {
	return []string{"id", "kind", "earmark", "project", "allocation", "amount", "date", "purpose", "reason"}
}
func ledgerEntryRequired() []string { return []string{"amount"} }
