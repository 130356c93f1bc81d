package rules

// The keys a rule file may use at each level below the top (see
// topLevelKeys in sections.go for the top). The parser checks mappings
// against these lists, and the JSON Schema for editors
// (schema/ruleset.schema.json) is tested against them, so the two cannot
// drift apart. Each function returns a new slice: callers may not change
// the lists.

// topLevelRequired lists the keys every rule file must have.
func topLevelRequired() []string { return []string{"devzone", "id"} }

// paramKeys lists the keys of one entry of parameters:, and paramRequired
// those it must have. value: or values: is required too, but as a choice
// the parser checks itself.
func paramKeys() []string     { return []string{"label", "type", "value", "values", "cite"} }
func paramRequired() []string { return []string{"label"} }

// factKeys lists the keys of one entry of facts:, and factRequired those it
// must have.
func factKeys() []string     { return []string{"type", "label", "values", "cite"} }
func factRequired() []string { return []string{"type", "label"} }

// enumValueKeys lists the keys of one item of an enum fact's values:, and
// enumValueRequired those it must have.
func enumValueKeys() []string     { return []string{"name", "label"} }
func enumValueRequired() []string { return []string{"name", "label"} }

// eventKeys lists the keys of one entry of events:, and eventRequired those
// it must have.
func eventKeys() []string     { return []string{"label", "cite"} }
func eventRequired() []string { return []string{"label"} }

// conditionKeys lists the keys of one entry of conditions:, and
// conditionRequired those it must have.
func conditionKeys() []string     { return []string{"label", "when", "cite"} }
func conditionRequired() []string { return []string{"label", "when"} }
