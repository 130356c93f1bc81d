package rules

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// landSource implements land.Source from the rule set's declared facts,
// named by the land.ConventionalKeys convention: committed_<indicator>,
// actual_<indicator>, land_price and parcel. It reads them from the Set's
// binding of the project (zone.Context.Scratch), so each attribute is read
// once per evaluation, with the type the rule set declares, and shared with
// every condition.
//
// A fact that is not recorded, or not declared at all, is reported as a
// *land.MissingError built in advance: the land verdict is unknown, never
// computed with a zero. A landSource is immutable and safe for concurrent
// use.
type landSource struct {
	set               *Set
	committed, actual map[string]*landFact // by indicator id
	price, parcel     *landFact
}

var _ land.Source = (*landSource)(nil)

// landFact is one fact the land checks read.
type landFact struct {
	name     string
	declared bool // the rule set declares it with a fitting type
	slot     int
	typ      expr.Type
	missing  *land.MissingError
}

// landFactLabel is the label a fact of the land checks is suggested under.
func landFactLabel(prefix string, ind land.Indicator) string { return prefix + ind.Ref.Label }

// source checks that the facts the land checks read are declared with
// fitting types, and builds the Source that reads them.
func (lc *landCompiler) source(acc *land.Acceptance) land.Source {
	src := &landSource{
		set:       lc.c.set,
		committed: make(map[string]*landFact, len(lc.inds)),
		actual:    make(map[string]*landFact, len(lc.inds)),
	}
	keys := land.ConventionalKeys(lc.inds)
	for _, ind := range lc.inds {
		id := ind.Ref.ID
		lim, limited := lc.limited[id]
		var why *landNeed
		if limited {
			why = &landNeed{at: lim.key, path: lim.path,
				reason: fmt.Sprintf("Standard %s (%s) limits %s (%s), so each project records the value it committed to in its investment agreement (投资建设协议) as this fact.", lim.std.id.Value, lim.std.label.Value, id, ind.Ref.Label)}
		}
		what := fmt.Sprintf("a value of %s (%s) in %s", id, ind.Ref.Label, landUnitText(ind))
		cf := lc.fact(keys.Committed[id], landFactLabel("承诺", ind), ind, what, why)
		src.committed[id] = cf
		why = nil
		if acc != nil && (limited || cf.declared) {
			a := lc.s.acceptance
			why = &landNeed{at: a.event, path: a.path + ".event",
				reason: fmt.Sprintf("The acceptance check %s (%s) measures %s (%s) against the value committed, so each project records the value measured at acceptance as this fact.", a.id.Value, a.label.Value, id, ind.Ref.Label)}
			if !a.event.IsSet() {
				why.at, why.path = a.key, a.path
			}
		}
		src.actual[id] = lc.fact(keys.Actual[id], landFactLabel("实际", ind), ind, what, why)
	}
	money := land.Indicator{Ref: zone.Ref{ID: keys.LandPrice, Label: "土地出让价款"}, Unit: land.UnitMoney}
	var why *landNeed
	if acc != nil {
		for i, dm := range acc.Damages {
			if dm.Kind == land.NoDamages {
				continue
			}
			dd := lc.damagesDecl(acc, i)
			why = &landNeed{at: dd.kind, path: dd.path + ".kind",
				reason: fmt.Sprintf("The damages rule %s (%s) is worked out from the land price, so each project records its land price as this fact.", dd.id.Value, dd.label.Value)}
			break
		}
	}
	src.price = lc.fact(keys.LandPrice, "土地出让价款", money, "the land price (土地出让价款)", why)
	why = nil
	if len(lc.s.parcels) > 0 {
		why = &landNeed{at: lc.s.parcelsKey, path: lc.s.path + ".parcels",
			reason: "The section lists parcels, so each project records the id of the parcel it takes as this fact, to check that the parcel is ready."}
	}
	src.parcel = lc.fact(keys.Parcel, "地块编号", landParcelText, "the id of the parcel a project takes (地块编号)", why)
	return src
}

// damagesDecl returns the declaration of acceptance damages rule i.
func (lc *landCompiler) damagesDecl(acc *land.Acceptance, i int) *landDamagesDecl {
	for _, d := range lc.s.acceptance.damages {
		if d.id.Value == acc.Damages[i].Ref.ID {
			return d
		}
	}
	return &landDamagesDecl{path: lc.s.acceptance.path}
}

// landNeed says why the land checks need a fact, and where that need is
// written.
type landNeed struct {
	at     Scalar
	path   string
	reason string
}

// landParcelText stands for the parcel id in landFactType and landUnitExample: a text.
var landParcelText = land.Indicator{Ref: zone.Ref{ID: "parcel"}, Unit: land.UnitNamed}

// landFactType is the type a fact holding values of the indicator is declared
// with, and whether t fits it.
func landFactType(ind land.Indicator, t expr.Type) (string, bool) {
	switch ind.Unit {
	case land.UnitIntensity:
		return "intensity", t.Kind == expr.KindIntensity
	case land.UnitPercent:
		return "percent", t.Kind == expr.KindPercent
	case land.UnitMoney:
		return "money", t.Kind == expr.KindMoney
	case land.UnitNamed:
		return "text", t.Kind == expr.KindText
	}
	return "decimal", t.Kind == expr.KindDecimal || t.Kind == expr.KindInt
}

// fact looks up the fact name, which holds a value of ind described by
// what (for messages), checks its type, and reports it missing when why
// says it is needed.
func (lc *landCompiler) fact(name, label string, ind land.Indicator, what string, why *landNeed) *landFact {
	f := &landFact{name: name, missing: &land.MissingError{Fact: name, Label: label}}
	want, _ := landFactType(ind, expr.Type{})
	i, ok := lc.c.factIdx[name]
	if !ok {
		if why != nil && !lc.c.bad[name] {
			lc.errorf(CodeLandFactMissing, why.at.Pos, why.path,
				fmt.Sprintf("%s Declare it under facts:\n  %s: {type: %s, label: %s}", why.reason, name, want, label),
				"the fact %s (%s) is not declared", name, label)
		}
		return f
	}
	decl := lc.c.facts[i]
	f.missing.Label = decl.Label
	if _, fits := landFactType(ind, decl.Type); !fits {
		pos, path := decl.Pos, "facts."+name
		for _, file := range lc.c.layers {
			for _, d := range file.Facts {
				if d.Name.Value == name && d.Type.IsSet() {
					pos, path = d.Type.Pos, d.Path+".type"
				}
			}
		}
		dg := lc.errorf(CodeLandFactType, pos, path,
			fmt.Sprintf("The land checks read %s as %s, written like %s: declare it with type: %s.", name, what, landUnitExample(ind), want),
			"the fact %s is of type %s; the land checks need type %s", name, typeLabel(decl.Type), want)
		if why != nil {
			dg.Related = []Pos{why.at.Pos}
		}
		return f
	}
	if lc.c.env == nil {
		return f
	}
	slot, ok := lc.c.env.Slot(name)
	if !ok {
		return f
	}
	f.declared, f.slot, f.typ = true, slot, decl.Type
	return f
}

// read returns the value of fact f for the context's project: a missing
// error when it is not recorded, a *FactError when it is recorded but
// cannot be read as the declared type.
func (s *landSource) read(c *zone.Context, f *landFact) (expr.Value, error) {
	if !f.declared || c.Project == nil {
		return expr.Value{}, f.missing
	}
	if v := s.set.binding(c).act.Get(f.slot); v.Known() {
		return v, nil
	}
	raw, recorded := c.Project.Attributes[f.name]
	if !recorded || strings.TrimSpace(raw) == "" {
		return expr.Value{}, f.missing
	}
	_, err := attributeValue(f.typ, raw)
	if err == nil {
		err = fmt.Errorf("the value cannot be used")
	}
	return expr.Value{}, &FactError{Fact: f.name, Value: raw, Err: err}
}

func (s *landSource) value(c *zone.Context, ind land.Indicator, facts map[string]*landFact, prefix string) (land.Value, error) {
	f, ok := facts[ind.Ref.ID]
	if !ok {
		return land.Value{}, &land.MissingError{Fact: prefix + ind.Ref.ID}
	}
	v, err := s.read(c, f)
	if err != nil {
		return land.Value{}, err
	}
	if ind.Unit == land.UnitNamed {
		t := strings.TrimSpace(v.Text())
		if t == "" {
			return land.Value{}, f.missing
		}
		return land.Value{Named: t}, nil
	}
	d := v.Decimal()
	if d.Sign() < 0 {
		return land.Value{}, &land.ParseError{Fact: f.name, Indicator: ind.Ref.ID, Input: v.String(), Expected: "a value that is not negative"}
	}
	return land.Value{Amount: d}, nil
}

// Committed implements land.Source: the fact committed_<indicator>.
func (s *landSource) Committed(c *zone.Context, ind land.Indicator) (land.Value, error) {
	return s.value(c, ind, s.committed, "committed_")
}

// Actual implements land.Source: the fact actual_<indicator>.
func (s *landSource) Actual(c *zone.Context, ind land.Indicator) (land.Value, error) {
	return s.value(c, ind, s.actual, "actual_")
}

// LandPrice implements land.Source: the fact land_price, in 元.
func (s *landSource) LandPrice(c *zone.Context) (decimal.Decimal, error) {
	v, err := s.read(c, s.price)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d := v.Decimal()
	if d.Sign() < 0 {
		return decimal.Decimal{}, &land.ParseError{Fact: s.price.name, Input: v.String(), Expected: "a land price that is not negative"}
	}
	return d, nil
}

// Parcel implements land.Source: the fact parcel, the id of the parcel the
// project takes.
func (s *landSource) Parcel(c *zone.Context) (string, error) {
	v, err := s.read(c, s.parcel)
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(v.Text())
	if id == "" {
		return "", s.parcel.missing
	}
	return id, nil
}
