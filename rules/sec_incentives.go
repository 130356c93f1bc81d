package rules

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/yamlnode"
)

// budgetsSection is the row of the budgets: section, compiled with the
// incentives: section into an incentive.Set.
func budgetsSection() sectionKind {
	return sectionKind{name: "budgets", label: "预算", shape: yamlnode.ShapeList,
		parse: parseBudgets, compile: compileBudgetsSection}
}

// incentivesSection is the row of the incentives: section.
func incentivesSection() sectionKind {
	return sectionKind{name: "incentives", label: "扶持奖励", shape: yamlnode.ShapeList,
		parse: parseIncentives, compile: compileIncentivesSection}
}

// The syntax of budgets: and incentives:, as parse records it in
// SectionDecl.syntax. Values are kept as written; compile interprets them.

// budgetDecl is one item of budgets:, for example
//
//	{id: prephase-2025, label: 项目前期保障经费, year: 2025, total: 2000万元,
//	 earmarks: [{id: land-entry, label: 项目进地清单, amount: 1000万元}, …]}
type budgetDecl struct {
	Path        string
	Pos         Pos // the item's mapping
	ID          Scalar
	Label       Scalar
	Year        Scalar
	Total       Scalar
	Cite        Scalar
	Unallocated Scalar
	Earmarks    []*earmarkDecl
	// EarmarksPos is where earmarks: is written; zero when absent.
	EarmarksPos Pos
	// earmarksBroken reports that earmarks: was malformed (reported by
	// parse): the sum is not checked then.
	earmarksBroken bool
}

// earmarkDecl is one item of a budget's earmarks:.
type earmarkDecl struct {
	Path   string
	ID     Scalar
	Label  Scalar
	Amount Scalar
	Cite   Scalar
}

// programmeDecl is one item of incentives:.
type programmeDecl struct {
	Path     string
	Pos      Pos
	ID       Scalar
	Label    Scalar
	Cite     Scalar
	When     Scalar
	Earmark  Scalar
	Group    Scalar
	Benefit  *benefitDecl  // nil when missing or malformed
	Rounding *roundingDecl // nil when absent or malformed
	Excludes []Scalar
}

// benefitDecl is a programme's benefit:, one of four forms.
type benefitDecl struct {
	Path string
	Pos  Pos
	// Form is the form the keys select; FormUnknown when parse reported
	// that the benefit names no form, or more than one.
	Form        incentive.Form
	Entitlement Scalar
	Amount      Scalar
	Rate        Scalar
	Of          Scalar
	AppliedTo   Scalar
	Cap         Scalar
	Floor       Scalar
	Banding     Scalar
	Bands       []*bandDecl
	// bandsBroken reports a malformed bands: list (reported by parse).
	bandsBroken bool
}

// bandDecl is one item of a benefit's bands:.
type bandDecl struct {
	Path string
	From Scalar
	Rate Scalar
	Cap  Scalar
}

// roundingDecl is a programme's rounding:.
type roundingDecl struct {
	Path   string
	Pos    Pos
	Places Scalar
	Mode   Scalar
}

// benefitForm is one form of benefit: the key that selects it, the other
// keys it takes, and how messages name it.
type benefitForm struct {
	key    string
	form   incentive.Form
	others []string
	label  string
}

// benefitForms returns the forms of benefit in the order the documentation
// lists them. The table is built on each call, so it cannot be changed.
func benefitForms() []benefitForm {
	return []benefitForm{
		{"entitlement", incentive.FormService, nil, "a service (entitlement:)"},
		{"amount", incentive.FormFixed, nil, "a fixed amount (amount:)"},
		{"rate", incentive.FormRate, []string{"of", "cap", "floor"}, "a rate of an amount (rate:)"},
		{"bands", incentive.FormBands, []string{"of", "applied_to", "banding", "cap", "floor"}, "tiered bands (bands:)"},
	}
}

// mappingItems walks the list n at path, whose items are mappings with the
// given keys, and calls fn with the fields of each item that is a mapping.
// It reports whether n is a list and every item a mapping; the walker
// reported what is not.
func (p *parser) mappingItems(n *yaml.Node, path yamlnode.Path, keys, required []string, fn func(ip yamlnode.Path, item *yaml.Node, fs map[string]yamlnode.Entry)) bool {
	items, ok := p.w.List(n, path)
	for i, item := range items {
		ip := path.Index(i)
		m, isMap := p.w.Mapping(item, ip)
		if !isMap {
			ok = false
			continue
		}
		fn(ip, item, p.fields(m, keys, required))
	}
	return ok
}

// ruleItems parses the list of rules of section d, each item a mapping
// with the given keys that build turns into a T and its id. Items that are
// not mappings, have no id or repeat an earlier id are left out; the walker
// and p.uniqueIDs report them.
func ruleItems[T any](p *parser, d *SectionDecl, keys, required []string, build func(ip yamlnode.Path, item *yaml.Node, fs map[string]yamlnode.Entry) (T, Scalar)) []T {
	path := yamlnode.Path(d.Path)
	p.uniqueIDs(d.node, path) // the items, and the items of lists inside them
	var out []T
	ids := firstIDs{}
	p.mappingItems(d.node, path, keys, required, func(ip yamlnode.Path, item *yaml.Node, fs map[string]yamlnode.Entry) {
		if v, id := build(ip, item, fs); ids.add(id) {
			out = append(out, v)
		}
	})
	return out
}

func parseBudgets(p *parser, d *SectionDecl) {
	d.syntax = ruleItems(p, d, budgetKeys(), budgetRequired(), func(ip yamlnode.Path, item *yaml.Node, fs map[string]yamlnode.Entry) (*budgetDecl, Scalar) {
		sc := func(key string) Scalar { return p.scalarField(fs, ip, key) }
		b := &budgetDecl{Path: string(ip), Pos: p.nodePos(item), ID: sc("id"), Label: sc("label"), Cite: sc("cite"),
			Year: sc("year"), Total: sc("total"), Unallocated: sc("unallocated"), earmarksBroken: true}
		if e, ok := fs["earmarks"]; ok { // else reported as a missing key
			b.EarmarksPos = p.nodePos(e.Key)
			b.Earmarks, b.earmarksBroken = parseEarmarks(p, e.Value, ip.Key("earmarks"))
		}
		return b, b.ID
	})
}

func parseEarmarks(p *parser, n *yaml.Node, path yamlnode.Path) ([]*earmarkDecl, bool) {
	var out []*earmarkDecl
	broken := false
	ids := firstIDs{}
	ok := p.mappingItems(n, path, earmarkKeys(), earmarkRequired(), func(ip yamlnode.Path, _ *yaml.Node, fs map[string]yamlnode.Entry) {
		e := &earmarkDecl{
			Path:   string(ip),
			ID:     p.scalarField(fs, ip, "id"),
			Label:  p.scalarField(fs, ip, "label"),
			Amount: p.scalarField(fs, ip, "amount"),
			Cite:   p.scalarField(fs, ip, "cite"),
		}
		if !e.Amount.IsSet() {
			broken = true
		}
		if !ids.add(e.ID) { // missing, or used before: both reported
			broken = true
			return
		}
		out = append(out, e)
	})
	return out, broken || !ok
}

func parseIncentives(p *parser, d *SectionDecl) {
	d.syntax = ruleItems(p, d, programmeKeys(), programmeRequired(), func(ip yamlnode.Path, item *yaml.Node, fs map[string]yamlnode.Entry) (*programmeDecl, Scalar) {
		sc := func(key string) Scalar { return p.scalarField(fs, ip, key) }
		g := &programmeDecl{Path: string(ip), Pos: p.nodePos(item), ID: sc("id"), Label: sc("label"), Cite: sc("cite"),
			When: sc("when"), Earmark: sc("earmark"), Group: sc("group")}
		if e, ok := fs["benefit"]; ok {
			g.Benefit = parseBenefit(p, e, ip.Key("benefit"))
		}
		if e, ok := fs["rounding"]; ok {
			rp := ip.Key("rounding")
			if rm, ok := p.w.Mapping(e.Value, rp); ok {
				rm.Key = e.Key
				rfs := p.fields(rm, roundingKeys(), roundingRequired())
				g.Rounding = &roundingDecl{Path: string(rp), Pos: p.nodePos(e.Value),
					Places: p.scalarField(rfs, rp, "places"), Mode: p.scalarField(rfs, rp, "mode")}
			}
		}
		if e, ok := fs["excludes"]; ok {
			if lit, ok := p.literal(e.Value, ip.Key("excludes")); ok {
				g.Excludes = lit.List
				if !lit.IsList {
					g.Excludes = []Scalar{lit.Scalar}
				}
			}
		}
		return g, g.ID
	})
}

// parseBenefit reads benefit: and works out its form from the keys given.
func parseBenefit(p *parser, e yamlnode.Entry, path yamlnode.Path) *benefitDecl {
	m, ok := p.w.Mapping(e.Value, path)
	if !ok {
		return nil
	}
	m.Key = e.Key
	fs := p.fields(m, benefitKeys(), nil)
	b := &benefitDecl{
		Path:        string(path),
		Pos:         p.nodePos(e.Value),
		Entitlement: p.scalarField(fs, path, "entitlement"),
		Amount:      p.scalarField(fs, path, "amount"),
		Rate:        p.scalarField(fs, path, "rate"),
		Of:          p.scalarField(fs, path, "of"),
		AppliedTo:   p.scalarField(fs, path, "applied_to"),
		Cap:         p.scalarField(fs, path, "cap"),
		Floor:       p.scalarField(fs, path, "floor"),
		Banding:     p.scalarField(fs, path, "banding"),
	}
	if be, ok := fs["bands"]; ok {
		bp := path.Key("bands")
		b.bandsBroken = !p.mappingItems(be.Value, bp, bandKeys(), bandRequired(), func(ip yamlnode.Path, _ *yaml.Node, bfs map[string]yamlnode.Entry) {
			band := &bandDecl{Path: string(ip), From: p.scalarField(bfs, ip, "from"), Rate: p.scalarField(bfs, ip, "rate"), Cap: p.scalarField(bfs, ip, "cap")}
			b.bandsBroken = b.bandsBroken || !band.From.IsSet() || !band.Rate.IsSet()
			b.Bands = append(b.Bands, band)
		}) || b.bandsBroken
		if !b.bandsBroken && len(b.Bands) == 0 {
			p.errorf(be.Value, string(bp), CodeIncentiveBenefitForm,
				"Write each band with the amount it starts from and its rate, for example bands: [{from: 1亿元, rate: 5%}, {from: 3亿元, rate: 8%}].",
				"bands: lists no band")
			b.bandsBroken = true
		}
	}
	// Exactly one key names the form; the other keys must belong to it.
	forms := benefitForms()
	var chosen, second *yamlnode.Entry
	form := -1
	for i, f := range forms {
		if fe, ok := fs[f.key]; ok {
			if chosen == nil {
				chosen, form = &fe, i
			} else if second == nil {
				second = &fe
			}
		}
	}
	switch {
	case chosen == nil:
		if len(m.Entries) == 0 || !misspelt(m, "entitlement", "amount", "rate", "bands") {
			p.errorf(e.Key, string(path), CodeIncentiveBenefitForm,
				"Give one of: entitlement: for a service (entitlement: dedicated_team), amount: for a fixed sum (amount: 50万元), rate: with of: for a share of an amount (rate: 10%, of: equipment_purchase), or bands: with of: for tiered rates.",
				"the benefit does not say what the programme gives")
		}
		return b
	case second != nil:
		p.errorf(second.Key, string(path.Key(second.Name())), CodeIncentiveBenefitForm,
			fmt.Sprintf("A programme gives one thing: %s or %s, not both. To give both, write two programmes.", forms[form].label, formLabel(second.Name())),
			"the benefit has both %s: and %s:", chosen.Name(), second.Name())
		return b
	}
	f := forms[form]
	ok = true
	for _, other := range m.Entries {
		name := other.Name()
		if name == f.key || !isBenefitKey(name) {
			continue
		}
		if !slices.Contains(f.others, name) {
			allowed := "no other key"
			if len(f.others) > 0 {
				allowed = strings.Join(f.others, ", ")
			}
			p.errorf(other.Key, string(path.Key(name)), CodeIncentiveBenefitForm,
				strings.TrimSpace(fmt.Sprintf("With %s, the benefit takes %s. %s", f.label, allowed, benefitKeyHint(name, f.form))),
				"%s: does not belong to %s", name, f.label)
			ok = false
		}
	}
	if f.form == incentive.FormRate || f.form == incentive.FormBands {
		if !p.w.Require(m, "of") {
			ok = false
		}
	}
	if ok {
		b.Form = f.form
	}
	return b
}

// formLabel returns the label of the form selected by key.
func formLabel(key string) string {
	for _, f := range benefitForms() {
		if f.key == key {
			return f.label
		}
	}
	return key
}

func isBenefitKey(name string) bool { return slices.Contains(benefitKeys(), name) }

// benefitKeyHint explains what a misplaced key of a benefit is for.
func benefitKeyHint(key string, form incentive.Form) string {
	switch {
	case (key == "cap" || key == "floor") && form == incentive.FormFixed:
		return "A fixed amount needs no cap or floor: write the amount itself."
	case key == "cap" || key == "floor":
		return "A service is not money, so it has no cap or floor."
	case key == "applied_to":
		return "applied_to: is for bands whose rate applies to another amount than the one that picks the band."
	case key == "banding":
		return "banding: is for tiered bands."
	case key == "of":
		return "of: names the amount a rate or bands apply to; a fixed amount or a service has none."
	}
	return ""
}

// firstIDs remembers the ids of one list so that an item repeating an
// earlier id is skipped; parse reports the repeat with p.uniqueIDs.
type firstIDs map[string]bool

// add reports whether id is set and new, and records it.
func (s firstIDs) add(id Scalar) bool {
	if !id.IsSet() || s[id.Value] {
		return false
	}
	s[id.Value] = true
	return true
}
