package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// A domain section is a top-level key that belongs to one domain package:
// lifecycle (stage), land (land), budgets and incentives (incentive), zone
// (zone). The loader knows them only through the table below, so adding a
// section means adding a row and its two functions, not changing Parse or
// Compile.
//
// Each section's row is returned by a function in the section's own file
// (sec_lifecycle.go, sec_land.go, sec_incentives.go for budgets and
// incentives, sec_zone.go). To implement a section:
//
//  1. write its parse function: it walks d.node with the parser's Walker
//     (p.w), reports problems, and records its syntax in d.syntax;
//  2. write its compile function: it merges the layers' syntax (base first;
//     rules in lists replace each other by id, see docs/rule-format.md),
//     compiles expressions with c.compileExpr(c.env, …) (c.env is nil
//     when the common declarations failed: check what can be checked and
//     compile no expression), and stores the result in a field of c.set;
//  3. set both in the section's row below, and document the section in
//     docs/rule-format.md.
//
// While a row has no parse function the section is accepted but not
// interpreted: its shape (mapping or list) is checked, duplicate keys and ids
// are reported, and Compile adds one warning (section.unchecked) so nobody
// mistakes an accepted section for an enforced one. Rejecting such sections
// instead would make every rule set written today invalid until each domain
// package lands; accepting them silently would hide that their rules do
// nothing yet.
type sectionKind struct {
	name  string         // the top-level key
	label string         // the section's Chinese name, for messages
	shape yamlnode.Shape // ShapeMapping or ShapeList
	// parse checks the section's syntax beyond its shape and records it in
	// the file's SectionDecl; nil while the section is not implemented.
	parse func(p *parser, d *SectionDecl)
	// compile turns the section's layers (base file first) into the Set;
	// nil while the section is not implemented.
	compile func(c *compiler, layers []*SectionDecl)
}

// implemented reports whether the section is interpreted, not only accepted.
func (k sectionKind) implemented() bool { return k.parse != nil && k.compile != nil }

// sectionKinds returns the domain sections in the order documented in
// docs/rule-format.md. The table is built on each call, so it cannot be
// changed from outside; it is small.
func sectionKinds() []sectionKind {
	return []sectionKind{
		lifecycleSection(),
		landSection(),
		budgetsSection(),
		incentivesSection(),
		zoneSection(),
	}
}

// lookupSection returns the section kind named name.
func lookupSection(name string) (sectionKind, bool) {
	for _, k := range sectionKinds() {
		if k.name == name {
			return k, true
		}
	}
	return sectionKind{}, false
}

// topLevelKeys lists every key allowed at the top of a rule file: the
// common keys, then the domain sections.
func topLevelKeys() []string {
	keys := []string{
		"devzone", "id", "title", "source", "extends", "effective", "calendar",
		"parameters", "facts", "events", "conditions",
	}
	for _, k := range sectionKinds() {
		keys = append(keys, k.name)
	}
	return keys
}
