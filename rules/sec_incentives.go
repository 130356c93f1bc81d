package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// budgetsSection is the row of the budgets: section, compiled with the
// incentives: section into an incentive.Set.
func budgetsSection() sectionKind {
	return sectionKind{name: "budgets", label: "预算", shape: yamlnode.ShapeList}
}

// incentivesSection is the row of the incentives: section.
func incentivesSection() sectionKind {
	return sectionKind{name: "incentives", label: "扶持奖励", shape: yamlnode.ShapeList}
}
