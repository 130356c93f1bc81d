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
	items := func(key string, keys, required []string, each func(fs map[string]yamlnode.Entry, ip yamlnode.Path, im yamlnode.Map)) {
		e, ok := fs[key]
		if !ok {
			return
		}
		lp := path.Key(key)
		list, ok := p.w.List(e.Value, lp)
		if !ok {
			return
		}
		for i, item := range list {
			ip := lp.Index(i)
			im, ok := p.w.Mapping(item, ip)
			if !ok {
				continue
			}
			each(p.fields(im, keys, required), ip, im)
		}
		p.uniqueIDs(e.Value, lp)
	}
	items("indicators", landIndicatorKeys(), landIndicatorRequired(), func(fs map[string]yamlnode.Entry, ip yamlnode.Path, _ yamlnode.Map) {
		s.indicators = append(s.indicators, &landIndicatorDecl{
			path:      string(ip),
			id:        p.scalarField(fs, ip, "id"),
			label:     p.scalarField(fs, ip, "label"),
			unit:      p.scalarField(fs, ip, "unit"),
			direction: p.scalarField(fs, ip, "direction"),
			cite:      p.scalarField(fs, ip, "cite"),
		})
	})
	items("standards", landStandardKeys(), landStandardRequired(), func(fs map[string]yamlnode.Entry, ip yamlnode.Path, _ yamlnode.Map) {
		st := &landStandardDecl{
			path:  string(ip),
			id:    p.scalarField(fs, ip, "id"),
			label: p.scalarField(fs, ip, "label"),
			park:  p.scalarField(fs, ip, "park"),
			cite:  p.scalarField(fs, ip, "cite"),
		}
		if e, ok := fs["industries"]; ok {
			if lit, ok := p.literal(e.Value, ip.Key("industries")); ok {
				if lit.IsList {
					st.industries = lit.List
				} else {
					st.industries = []Scalar{lit.Scalar}
				}
			}
		}
		if e, ok := fs["limits"]; ok {
			st.limits = p.landLimits(e, ip.Key("limits"))
		}
		s.standards = append(s.standards, st)
	})
	prereqs := func(key string) []*landItemDecl {
		var out []*landItemDecl
		items(key, landItemKeys(), landItemRequired(), func(fs map[string]yamlnode.Entry, ip yamlnode.Path, _ yamlnode.Map) {
			out = append(out, &landItemDecl{
				path:  string(ip),
				id:    p.scalarField(fs, ip, "id"),
				label: p.scalarField(fs, ip, "label"),
				cite:  p.scalarField(fs, ip, "cite"),
			})
		})
		return out
	}
	s.assessments = prereqs("assessments")
	s.infrastructure = prereqs("infrastructure")
	if e, ok := fs["parcels"]; ok {
		s.parcelsKey = p.key(e)
	}
	items("parcels", landParcelKeys(), landParcelRequired(), func(fs map[string]yamlnode.Entry, ip yamlnode.Path, _ yamlnode.Map) {
		pc := &landParcelDecl{
			path:  string(ip),
			id:    p.scalarField(fs, ip, "id"),
			label: p.scalarField(fs, ip, "label"),
			area:  p.scalarField(fs, ip, "area"),
			park:  p.scalarField(fs, ip, "park"),
			use:   p.scalarField(fs, ip, "use"),
			cite:  p.scalarField(fs, ip, "cite"),
		}
		if e, ok := fs["done"]; ok {
			dp := ip.Key("done")
			if dm, ok := p.w.Mapping(e.Value, dp); ok {
				for _, de := range dm.Entries {
					v := p.value(de, dp.Key(de.Name()))
					if !v.IsSet() {
						continue
					}
					pc.done = append(pc.done, landDoneDecl{path: string(dp.Key(de.Name())), item: p.key(de), value: v})
				}
			}
		}
		s.parcels = append(s.parcels, pc)
	})
	// Regional records have no id: they are identified by the item and the
	// park they cover.
	if e, ok := fs["regional"]; ok {
		lp := path.Key("regional")
		if list, ok := p.w.List(e.Value, lp); ok {
			seen := make(map[[2]string]*landRegionalDecl)
			for i, item := range list {
				ip := lp.Index(i)
				im, ok := p.w.Mapping(item, ip)
				if !ok {
					continue
				}
				rfs := p.fields(im, landRegionalKeys(), landRegionalRequired())
				rg := &landRegionalDecl{
					path: string(ip),
					item: p.scalarField(rfs, ip, "item"),
					on:   p.scalarField(rfs, ip, "on"),
					park: p.scalarField(rfs, ip, "park"),
					area: p.scalarField(rfs, ip, "area"),
				}
				if !rg.item.IsSet() {
					continue
				}
				k := [2]string{rg.item.Value, rg.park.Value}
				if first, dup := seen[k]; dup {
					where := "the whole zone"
					if rg.park.Value != "" {
						where = "park " + rg.park.Value
					}
					p.diags = append(p.diags, &Diagnostic{
						Severity: SeverityError, Code: CodeIDDuplicate, Pos: rg.item.Pos, Path: string(ip.Key("item")),
						Summary: fmt.Sprintf("item %q is recorded twice for %s in %s", rg.item.Value, where, lp),
						Detail:  "A regional record is identified by its item and its park: record each item once for each park (or once for the whole zone). A zone file replaces a baseline record of the same item and park.",
						Related: []Pos{first.item.Pos},
					})
					continue
				}
				seen[k] = rg
				s.regional = append(s.regional, rg)
			}
		}
	}
	if e, ok := fs["acceptance"]; ok {
		ap := path.Key("acceptance")
		if am, ok := p.w.Mapping(e.Value, ap); ok {
			am.Key = e.Key
			afs := p.fields(am, landAcceptanceKeys(), landAcceptanceRequired())
			a := &landAcceptanceDecl{
				path:    string(ap),
				key:     p.key(e),
				id:      p.scalarField(afs, ap, "id"),
				label:   p.scalarField(afs, ap, "label"),
				event:   p.scalarField(afs, ap, "event"),
				rectify: p.scalarField(afs, ap, "rectify"),
				cite:    p.scalarField(afs, ap, "cite"),
			}
			if de, ok := afs["damages"]; ok {
				dp := ap.Key("damages")
				if list, ok := p.w.List(de.Value, dp); ok {
					for i, item := range list {
						ip := dp.Index(i)
						im, ok := p.w.Mapping(item, ip)
						if !ok {
							continue
						}
						dfs := p.fields(im, landDamagesKeys(), landDamagesRequired())
						dm := &landDamagesDecl{
							path:      string(ip),
							id:        p.scalarField(dfs, ip, "id"),
							label:     p.scalarField(dfs, ip, "label"),
							indicator: p.scalarField(dfs, ip, "indicator"),
							kind:      p.scalarField(dfs, ip, "kind"),
							share:     p.scalarField(dfs, ip, "share"),
							places:    p.scalarField(dfs, ip, "places"),
							cite:      p.scalarField(dfs, ip, "cite"),
						}
						if ce, ok := dfs["cap"]; ok {
							dm.capPos = p.nodePos(ce.Value)
							if lit, ok := p.literal(ce.Value, ip.Key("cap")); ok {
								if lit.IsList {
									dm.caps = lit.List
								} else {
									dm.caps = []Scalar{lit.Scalar}
								}
							}
						}
						a.damages = append(a.damages, dm)
					}
					p.uniqueIDs(de.Value, dp)
				}
			}
			s.acceptance = a
		}
	}
	d.syntax = s
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
