package rules

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// landSection is the row of the land: section, compiled into a
// land.Policy. docs/land.md describes the section for policy staff.
func landSection() sectionKind {
	return sectionKind{
		name: "land", label: "标准地与要素保障", shape: yamlnode.ShapeMapping,
		parse: parseLand, compile: compileLand,
	}
}

// Diagnostic codes of the land: section. Values that cannot be read at all
// (a date, an area, a period, a percentage written wrongly) are
// value.syntax, ids used twice in one list id.duplicate, and problems of the
// applies: expression expr.*, as everywhere in a rule file.
const (
	CodeLandIndicatorID      = "land.indicator-id"      // an indicator id that cannot be part of a fact name
	CodeLandIndicatorBuiltin = "land.indicator-builtin" // an extra indicator reuses a standard indicator's id
	CodeLandDirection        = "land.direction"         // direction: is missing, unknown, or does not fit the unit
	CodeLandUnknownIndicator = "land.unknown-indicator" // a limit or damages rule names an indicator not declared
	CodeLandValue            = "land.value"             // a limit is not a value of its indicator
	CodeLandIndustry         = "land.industry"          // an industry listed twice in one standard
	CodeLandOverlap          = "land.overlap"           // two standards limit one indicator for the same industry and park
	CodeLandUnknownItem      = "land.unknown-item"      // done: or regional: names an item not listed
	CodeLandDone             = "land.done"              // a done: value is neither a date nor true
	CodeLandUnknownEvent     = "land.unknown-event"     // fixed_by: or acceptance.event names no event
	CodeLandFactMissing      = "land.fact-missing"      // a fact the land checks read is not declared
	CodeLandFactType         = "land.fact-type"         // such a fact is declared with a type that does not fit
	CodeLandDamagesKind      = "land.damages-kind"      // kind: unknown, or proportional for a named standard
	CodeLandDamagesShare     = "land.damages-share"     // share: missing, out of range, or given for another kind
	CodeLandDamagesCap       = "land.damages-cap"       // cap: is not a percentage or an amount above zero
	CodeLandDamagesPlaces    = "land.damages-places"    // places: is not a whole number from 0 to 8
	CodeLandDamagesDuplicate = "land.damages-duplicate" // two damages rules for one indicator, or two for all
	CodeLandInvalid          = "land.invalid"           // the land package rejected the section (a fault in devzone)
)

// The keys of the land: section and of the items of its lists. The JSON
// Schema for editors is tested against them (schema_land_test.go).
func landKeys() []string {
	return []string{
		"id", "label", "cite", "applies", "fixed_by", "indicators", "standards",
		"assessments", "infrastructure", "parcels", "regional", "acceptance",
	}
}
func landIndicatorKeys() []string     { return []string{"id", "label", "unit", "direction", "cite"} }
func landIndicatorRequired() []string { return []string{"id", "label", "unit"} }
func landStandardKeys() []string {
	return []string{"id", "label", "industries", "park", "cite", "limits"}
}
func landStandardRequired() []string { return []string{"id", "label", "limits"} }
func landItemKeys() []string         { return []string{"id", "label", "cite"} }
func landItemRequired() []string     { return []string{"id", "label"} }
func landParcelKeys() []string       { return []string{"id", "label", "area", "park", "use", "cite", "done"} }
func landParcelRequired() []string   { return []string{"id", "label"} }
func landRegionalKeys() []string     { return []string{"item", "on", "park", "area"} }
func landRegionalRequired() []string { return []string{"item"} }
func landAcceptanceKeys() []string {
	return []string{"id", "label", "event", "rectify", "cite", "damages"}
}
func landAcceptanceRequired() []string { return []string{"id", "label", "event"} }
func landDamagesKeys() []string {
	return []string{"id", "label", "indicator", "kind", "share", "cap", "places", "cite"}
}
func landDamagesRequired() []string { return []string{"id", "label", "kind"} }

// landSyntax is the land: section of one file, as written.
type landSyntax struct {
	key  Scalar // the land: key itself
	path string

	id, label, cite, applies, fixedBy Scalar

	indicators     []*landIndicatorDecl
	standards      []*landStandardDecl
	assessments    []*landItemDecl
	infrastructure []*landItemDecl
	parcels        []*landParcelDecl
	parcelsKey     Scalar // the parcels: key, where a missing parcel fact is reported
	regional       []*landRegionalDecl
	acceptance     *landAcceptanceDecl
}

// landIndicatorDecl is one item of indicators:.
type landIndicatorDecl struct {
	path                             string
	id, label, unit, direction, cite Scalar
}

// landStandardDecl is one item of standards:.
type landStandardDecl struct {
	path                  string
	id, label, park, cite Scalar
	industries            []Scalar
	limits                []*landLimitDecl
}

// landLimitDecl is one entry of a standard's limits: the indicator (the
// key) and either one value or dated values.
type landLimitDecl struct {
	path      string
	indicator Scalar
	value     Scalar // an undated value; not set for dated values
	dated     []landDatedDecl
	broken    bool // the value could not be read as either form
}

// landDatedDecl is one dated value of a limit.
type landDatedDecl struct {
	path        string
	date, value Scalar
}

// landItemDecl is one regional assessment or infrastructure item.
type landItemDecl struct {
	path            string
	id, label, cite Scalar
}

// landParcelDecl is one item of parcels:.
type landParcelDecl struct {
	path                             string
	id, label, area, park, use, cite Scalar
	done                             []landDoneDecl
}

// landDoneDecl is one entry of a parcel's done: the item and the date it
// was done, or true.
type landDoneDecl struct {
	path        string
	item, value Scalar
}

// landRegionalDecl is one item of regional:.
type landRegionalDecl struct {
	path                 string
	item, on, park, area Scalar
}

// landAcceptanceDecl is the acceptance: mapping.
type landAcceptanceDecl struct {
	path                            string
	key                             Scalar // the acceptance: key
	id, label, event, rectify, cite Scalar
	damages                         []*landDamagesDecl
}

// landDamagesDecl is one item of acceptance.damages.
type landDamagesDecl struct {
	path                                            string
	id, label, indicator, kind, share, places, cite Scalar
	caps                                            []Scalar // cap: one value or a list
	capPos                                          Pos
}

// parseLand reads the land: section of one file into a landSyntax.
func parseLand(p *parser, d *SectionDecl) {
	path := yamlnode.Path(d.Path)
	m, ok := p.w.Mapping(d.node, path)
	if !ok {
		return
	}
	fs := p.fields(m, landKeys(), nil)
	s := &landSyntax{
		key: d.Name, path: d.Path,
		id:      p.scalarField(fs, path, "id"),
		label:   p.scalarField(fs, path, "label"),
		cite:    p.scalarField(fs, path, "cite"),
		applies: p.scalarField(fs, path, "applies"),
		fixedBy: p.scalarField(fs, path, "fixed_by"),
	}
	p.landList(fs, path, "indicators", landIndicatorKeys(), landIndicatorRequired(), func(f landFields) {
		s.indicators = append(s.indicators, &landIndicatorDecl{
			path: f.path, id: f.get("id"), label: f.get("label"), unit: f.get("unit"),
			direction: f.get("direction"), cite: f.get("cite"),
		})
	})
	p.landList(fs, path, "standards", landStandardKeys(), landStandardRequired(), func(f landFields) {
		st := &landStandardDecl{path: f.path, id: f.get("id"), label: f.get("label"), park: f.get("park"), cite: f.get("cite")}
		st.industries = f.list("industries")
		if e, ok := f.fs["limits"]; ok {
			st.limits = p.landLimits(e, f.ip.Key("limits"))
		}
		s.standards = append(s.standards, st)
	})
	prereqs := func(key string) []*landItemDecl {
		var out []*landItemDecl
		p.landList(fs, path, key, landItemKeys(), landItemRequired(), func(f landFields) {
			out = append(out, &landItemDecl{path: f.path, id: f.get("id"), label: f.get("label"), cite: f.get("cite")})
		})
		return out
	}
	s.assessments = prereqs("assessments")
	s.infrastructure = prereqs("infrastructure")
	if e, ok := fs["parcels"]; ok {
		s.parcelsKey = p.key(e)
	}
	p.landList(fs, path, "parcels", landParcelKeys(), landParcelRequired(), func(f landFields) {
		pc := &landParcelDecl{
			path: f.path, id: f.get("id"), label: f.get("label"), area: f.get("area"),
			park: f.get("park"), use: f.get("use"), cite: f.get("cite"),
		}
		if e, ok := f.fs["done"]; ok {
			dp := f.ip.Key("done")
			if dm, ok := p.w.Mapping(e.Value, dp); ok {
				for _, de := range dm.Entries {
					if v := p.value(de, dp.Key(de.Name())); v.IsSet() {
						pc.done = append(pc.done, landDoneDecl{path: string(dp.Key(de.Name())), item: p.key(de), value: v})
					}
				}
			}
		}
		s.parcels = append(s.parcels, pc)
	})
	// Regional records have no id: they are identified by the item and the
	// park they cover.
	seen := make(map[[2]string]*landRegionalDecl)
	p.landList(fs, path, "regional", landRegionalKeys(), landRegionalRequired(), func(f landFields) {
		rg := &landRegionalDecl{path: f.path, item: f.get("item"), on: f.get("on"), park: f.get("park"), area: f.get("area")}
		if !rg.item.IsSet() {
			return
		}
		k := [2]string{rg.item.Value, rg.park.Value}
		if first, dup := seen[k]; dup {
			where := "the whole zone"
			if rg.park.Value != "" {
				where = "park " + rg.park.Value
			}
			p.diags = append(p.diags, &Diagnostic{
				Severity: SeverityError, Code: CodeIDDuplicate, Pos: rg.item.Pos, Path: f.path + ".item",
				Summary: fmt.Sprintf("item %q is recorded twice for %s in %s.regional", rg.item.Value, where, d.Path),
				Detail:  "A regional record is identified by its item and its park: record each item once for each park (or once for the whole zone). A zone file replaces a baseline record of the same item and park.",
				Related: []Pos{first.item.Pos},
			})
			return
		}
		seen[k] = rg
		s.regional = append(s.regional, rg)
	})
	if e, ok := fs["acceptance"]; ok {
		s.acceptance = p.landAcceptance(e, path.Key("acceptance"))
	}
	d.syntax = s
}

// landFields is one checked item of a list of the land: section.
type landFields struct {
	p    *parser
	fs   map[string]yamlnode.Entry
	ip   yamlnode.Path
	path string
}

// get returns the single value of key name, if present.
func (f landFields) get(name string) Scalar { return f.p.scalarField(f.fs, f.ip, name) }

// list returns the values of key name: one value, or a list of values.
func (f landFields) list(name string) []Scalar {
	e, ok := f.fs[name]
	if !ok {
		return nil
	}
	lit, ok := f.p.literal(e.Value, f.ip.Key(name))
	switch {
	case !ok:
		return nil
	case lit.IsList:
		return lit.List
	}
	return []Scalar{lit.Scalar}
}

// landList walks the list under key in the mapping fs at base: each item
// must be a mapping with the given keys, and ids must be unique within the
// list. each is called for every item that is a mapping.
func (p *parser) landList(fs map[string]yamlnode.Entry, base yamlnode.Path, key string, keys, required []string, each func(landFields)) {
	e, ok := fs[key]
	if !ok {
		return
	}
	lp := base.Key(key)
	list, ok := p.w.List(e.Value, lp)
	if !ok {
		return
	}
	for i, item := range list {
		ip := lp.Index(i)
		if im, ok := p.w.Mapping(item, ip); ok {
			each(landFields{p: p, fs: p.fields(im, keys, required), ip: ip, path: string(ip)})
		}
	}
	p.uniqueIDs(e.Value, lp)
}

// landAcceptance reads the acceptance: mapping.
func (p *parser) landAcceptance(e yamlnode.Entry, ap yamlnode.Path) *landAcceptanceDecl {
	am, ok := p.w.Mapping(e.Value, ap)
	if !ok {
		return nil
	}
	am.Key = e.Key
	f := landFields{p: p, fs: p.fields(am, landAcceptanceKeys(), landAcceptanceRequired()), ip: ap, path: string(ap)}
	a := &landAcceptanceDecl{
		path: f.path, key: p.key(e), id: f.get("id"), label: f.get("label"),
		event: f.get("event"), rectify: f.get("rectify"), cite: f.get("cite"),
	}
	p.landList(f.fs, ap, "damages", landDamagesKeys(), landDamagesRequired(), func(f landFields) {
		dm := &landDamagesDecl{
			path: f.path, id: f.get("id"), label: f.get("label"), indicator: f.get("indicator"),
			kind: f.get("kind"), share: f.get("share"), places: f.get("places"), cite: f.get("cite"),
		}
		if ce, ok := f.fs["cap"]; ok {
			dm.capPos = p.nodePos(ce.Value)
			dm.caps = f.list("cap")
		}
		a.damages = append(a.damages, dm)
	})
	return a
}

// landLimits reads a standard's limits: a mapping from indicator ids to a
// value, or to a mapping of dates to values.
func (p *parser) landLimits(e yamlnode.Entry, path yamlnode.Path) []*landLimitDecl {
	m, ok := p.w.Mapping(e.Value, path)
	if !ok {
		return nil
	}
	if len(m.Entries) == 0 && len(e.Value.Content) == 0 {
		p.errorf(e.Value, string(path), CodeLandValue,
			"Write each limit after the indicator it limits, for example limits: {investment_intensity: 300万元/亩, plot_ratio: 1.2}.",
			"the standard has no limits")
		return nil
	}
	var out []*landLimitDecl
	for _, le := range m.Entries {
		lp := path.Key(le.Name())
		l := &landLimitDecl{path: string(lp), indicator: p.key(le)}
		out = append(out, l)
		if !p.w.Expect(le.Value, lp, yamlnode.ShapeValue, yamlnode.ShapeMapping) {
			l.broken = true
			continue
		}
		if le.Value.Kind == yaml.ScalarNode {
			l.value = p.scalar(le.Value)
			continue
		}
		dm, _ := p.w.Mapping(le.Value, lp)
		if len(dm.Entries) == 0 {
			l.broken = true
			if len(le.Value.Content) == 0 {
				p.errorf(le.Value, string(lp), CodeLandValue,
					"Write each value after the date it takes effect, for example {2024-01-01: 250万元/亩, 2025-06-01: 300万元/亩}.",
					"the limit on %s has no value", le.Name())
			}
			continue
		}
		for _, de := range dm.Entries {
			dp := lp.Key(de.Name())
			v := p.value(de, dp)
			if !v.IsSet() {
				l.broken = true
				continue
			}
			l.dated = append(l.dated, landDatedDecl{path: string(dp), date: p.key(de), value: v})
		}
	}
	return out
}
