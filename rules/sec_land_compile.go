package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// landDefaultPlaces is the rounding of damages when a rule does not say:
// to the 分, as amounts of money are paid.
const landDefaultPlaces = 2

// compileLand merges the land: sections of the extends chain (base first)
// and compiles them into the Set's land.Policy.
//
// Layering: id, label, cite, applies and fixed_by replace the baseline's
// when a later file writes them; indicators, standards, assessments,
// infrastructure, parcels and acceptance damages are lists of rules in
// which an item with a baseline item's id replaces it whole, in place, and
// new ids are appended; regional records replace the baseline's record of
// the same item and park; acceptance, a single setting, replaces the
// baseline's as a whole.
func compileLand(c *compiler, layers []*SectionDecl) {
	var files []*landSyntax
	for _, d := range layers {
		if s, ok := d.syntax.(*landSyntax); ok {
			files = append(files, s)
		}
	}
	if len(files) == 0 {
		return // every layer's section was malformed; Parse reported it
	}
	lc := &landCompiler{c: c, s: mergeLand(c, files), where: make(map[string]landWhere)}
	spec := lc.spec()
	// Problems Parse found (a required key missing, …) are not among
	// c.diags: the checks above skip what they cannot read and mark the
	// section failed instead.
	if lc.failed || c.env == nil || c.diags.HasErrors() {
		return // nothing is stored: the rule set has errors
	}
	pol, err := land.New(spec)
	if err != nil {
		lc.rejected(err)
		return
	}
	c.set.land = pol
}

// mergeLand merges the files' land: sections, base first.
func mergeLand(c *compiler, files []*landSyntax) *landSyntax {
	m := &landSyntax{key: files[len(files)-1].key, path: files[len(files)-1].path}
	scalar := func(dst *Scalar, src Scalar) {
		if src.IsSet() {
			*dst = src
		}
	}
	prereqAt := make(map[string]*landItemDecl) // id → item, across both lists
	for _, f := range files {
		scalar(&m.id, f.id)
		scalar(&m.label, f.label)
		scalar(&m.cite, f.cite)
		scalar(&m.applies, f.applies)
		scalar(&m.fixedBy, f.fixedBy)
		scalar(&m.parcelsKey, f.parcelsKey)
		m.indicators = landMergeByID(m.indicators, f.indicators, func(d *landIndicatorDecl) Scalar { return d.id })
		m.standards = landMergeByID(m.standards, f.standards, func(d *landStandardDecl) Scalar { return d.id })
		m.parcels = landMergeByID(m.parcels, f.parcels, func(d *landParcelDecl) Scalar { return d.id })
		// Assessments and infrastructure share one set of ids: a parcel's
		// done: names them without saying which list they are in.
		for _, list := range []struct {
			in  []*landItemDecl
			out *[]*landItemDecl
		}{{f.assessments, &m.assessments}, {f.infrastructure, &m.infrastructure}} {
			for _, it := range list.in {
				if !it.id.IsSet() {
					continue
				}
				if prev, ok := prereqAt[it.id.Value]; ok && !slices.Contains(*list.out, prev) {
					d := c.errorf(CodeIDDuplicate, it.id.Pos, it.path+".id",
						fmt.Sprintf("%q (%s) is already listed at %s. Assessments and infrastructure items share one set of ids, because a parcel's done: names them without saying which list they are in: give this item another id.", it.id.Value, prev.label.Value, prev.id.Pos),
						"the id %q is used in both assessments and infrastructure", it.id.Value)
					d.Related = []Pos{prev.id.Pos}
					continue
				}
				prereqAt[it.id.Value] = it
				*list.out = landMergeByID(*list.out, []*landItemDecl{it}, func(d *landItemDecl) Scalar { return d.id })
			}
		}
		for _, rg := range f.regional {
			i := slices.IndexFunc(m.regional, func(x *landRegionalDecl) bool {
				return x.item.Value == rg.item.Value && x.park.Value == rg.park.Value
			})
			if i >= 0 {
				m.regional[i] = rg
			} else {
				m.regional = append(m.regional, rg)
			}
		}
		if f.acceptance != nil {
			m.acceptance = f.acceptance
		}
	}
	return m
}

// landMergeByID adds the items of src, one file's list, to dst: an item whose
// id is already in dst replaces it in place, a new id is appended. Items
// without an id, and repeats of an id within src (both reported by Parse),
// are left out.
func landMergeByID[T any](dst, src []T, id func(T) Scalar) []T {
	seen := make(map[string]bool, len(src))
	for _, x := range src {
		k := id(x)
		if !k.IsSet() || seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		if i := slices.IndexFunc(dst, func(y T) bool { return id(y).Value == k.Value }); i >= 0 {
			dst[i] = x
		} else {
			dst = append(dst, x)
		}
	}
	return dst
}

// landWhere is where a part of the land.Spec was written, for the rare
// problem that only land.New finds.
type landWhere struct {
	pos  Pos
	path string
}

// landLimitAt is a limit written in a standard.
type landLimitAt struct {
	key  Scalar // the indicator key of the limit
	path string
	std  *landStandardDecl
}

// landCompiler compiles one merged land: section.
type landCompiler struct {
	c      *compiler
	s      *landSyntax
	failed bool

	inds    []land.Indicator
	indIdx  map[string]int
	indDecl map[string]*landIndicatorDecl // extra indicators by id
	// limited holds, for each indicator a standard limits, the first limit
	// on it.
	limited map[string]landLimitAt
	where   map[string]landWhere // land.Spec path → file position
}

func (lc *landCompiler) errorf(code string, pos Pos, path, detail, format string, args ...any) *Diagnostic {
	lc.failed = true
	return lc.c.errorf(code, pos, path, detail, format, args...)
}

func (lc *landCompiler) note(specPath string, s Scalar, path string) {
	lc.where[specPath] = landWhere{s.Pos, path}
}

// landRef builds the zone.Ref of a rule: its id, label, citation and the
// position of its id.
func landRef(id, label, cite Scalar) zone.Ref {
	return zone.Ref{ID: id.Value, Label: label.Value, Cite: cite.Value, Pos: zone.Pos{File: id.Pos.File, Line: id.Pos.Line, Col: id.Pos.Col}}
}

// spec checks the merged section and builds the land.Spec.
func (lc *landCompiler) spec() land.Spec {
	s := lc.s
	sp := land.Spec{Ref: landRef(s.id, s.label, s.cite)}
	if !s.id.IsSet() {
		sp.Ref.ID = "land"
		sp.Ref.Pos = zone.Pos{File: s.key.Pos.File, Line: s.key.Pos.Line, Col: s.key.Pos.Col}
	}
	if !s.label.IsSet() {
		sp.Ref.Label = "标准地"
	}
	sp.Indicators = lc.indicators()
	sp.Standards = lc.standards()
	sp.Assessments = lc.items(s.assessments, "assessments")
	sp.Infrastructure = lc.items(s.infrastructure, "infrastructure")
	sp.Regional = lc.regional()
	sp.Parcels = lc.parcels()
	sp.Acceptance = lc.acceptance()
	if s.fixedBy.IsSet() {
		if lc.event(s.fixedBy, s.path+".fixed_by", "fixed_by") {
			sp.FixedBy = zone.Event(s.fixedBy.Value)
		}
	}
	if s.applies.IsSet() && lc.c.env != nil {
		prog := lc.c.compileExpr(lc.c.env, s.applies, s.path+".applies", expr.KindBool)
		if prog == nil {
			lc.failed = true
		} else {
			sp.Applies = &Condition{
				set: lc.c.set, prog: prog, label: sp.Ref.Label + "适用范围", cite: sp.Ref.Cite,
				pos: s.applies.Pos, whenPos: s.applies.Pos,
			}
		}
	}
	sp.Source = lc.source(sp.Acceptance)
	return sp
}

// indicators returns the standard indicators followed by the extra ones.
func (lc *landCompiler) indicators() []land.Indicator {
	lc.inds = land.StandardIndicators()
	lc.indIdx = make(map[string]int)
	lc.indDecl = make(map[string]*landIndicatorDecl)
	for i, ind := range lc.inds {
		lc.indIdx[ind.Ref.ID] = i
	}
	for _, d := range lc.s.indicators {
		id := d.id.Value
		if i, ok := lc.indIdx[id]; ok {
			// Extra indicators were merged by id, so a repeated id is a
			// standard indicator's.
			std := lc.inds[i]
			lc.errorf(CodeLandIndicatorBuiltin, d.id.Pos, d.path+".id",
				fmt.Sprintf("%s (%s, %s, %s) is one of the standard indicators every land: section has: %s. Use it in limits: without declaring it, or give a different indicator another id.",
					id, std.Ref.Label, landUnitText(std), std.Direction.Label(), landStandardIndicatorList()),
				"the standard indicator %s cannot be declared again", id)
			continue
		}
		if !validName(id) || len(id) > 50 {
			lc.errorf(CodeLandIndicatorID, d.id.Pos, d.path+".id",
				fmt.Sprintf("An indicator's id is part of the names of the project facts that hold its values (committed_%s, actual_%s), so it is written in snake_case: lower-case letters, digits and _, starting with a letter, at most 50 characters, for example output_per_mu. The Chinese name goes in label:.", id, id),
				"%q cannot be used as the id of an indicator", id)
			continue
		}
		ind := land.Indicator{Ref: landRef(d.id, d.label, d.cite)}
		if !d.unit.IsSet() {
			continue // Parse reported the missing key
		}
		unit := strings.TrimSpace(d.unit.Value)
		if unit == "" {
			lc.errorf(CodeYAMLEmptyValue, d.unit.Pos, d.path+".unit",
				"Write the unit values of the indicator are measured in: 万元/亩, 比值, %, 元, 吨标煤/万元, 标准 (a named standard), or a unit of its own such as 万元/吨标煤.",
				"unit: has no value")
			continue
		}
		u, err := land.ParseUnit(unit)
		if err != nil {
			// A unit devzone does not convert: values are numbers,
			// optionally followed by the unit as written here.
			u = land.UnitOther
			ind.UnitLabel = unit
		}
		ind.Unit = u
		switch {
		case d.direction.IsSet():
			dir, err := land.ParseDirection(strings.TrimSpace(d.direction.Value))
			switch {
			case err != nil || dir == land.DirectionUnknown:
				lc.errorf(CodeLandDirection, d.direction.Pos, d.path+".direction",
					"The directions are at_least (不低于, ≥), at_most (不高于, ≤) and meets (符合, for a named standard such as an environmental standard).",
					"unknown direction %q", d.direction.Value)
				continue
			case u == land.UnitNamed && dir != land.Meets:
				lc.errorf(CodeLandDirection, d.direction.Pos, d.path+".direction",
					fmt.Sprintf("%s (%s) is a named standard (unit: 标准): a project meets it or not, so its direction is meets (符合). Write direction: meets, or leave direction: out.", id, d.label.Value),
					"a named standard cannot be %s", dir.Label())
				continue
			case u != land.UnitNamed && dir == land.Meets:
				lc.errorf(CodeLandDirection, d.direction.Pos, d.path+".direction",
					fmt.Sprintf("%s (%s) is a number in %s: write at_least (不低于) for a minimum or at_most (不高于) for a maximum. meets (符合) is for named standards (unit: 标准).", id, d.label.Value, landUnitText(ind)),
					"a number cannot be met like a named standard")
				continue
			}
			ind.Direction = dir
		case u == land.UnitNamed:
			ind.Direction = land.Meets
		default:
			lc.errorf(CodeLandDirection, d.id.Pos, d.path,
				"Say which side of a limit complies: direction: at_least (不低于) for a minimum such as an output per 亩, or at_most (不高于) for a maximum such as an energy use.",
				"the indicator %s (%s) has no direction", id, d.label.Value)
			continue
		}
		lc.note(fmt.Sprintf("indicators[%d]", len(lc.inds)), d.id, d.path)
		lc.indIdx[id] = len(lc.inds)
		lc.indDecl[id] = d
		lc.inds = append(lc.inds, ind)
	}
	return lc.inds
}

// landStandardIndicatorList names the standard indicators for messages.
func landStandardIndicatorList() string {
	var parts []string
	for _, ind := range land.StandardIndicators() {
		parts = append(parts, ind.Ref.ID+" "+ind.Ref.Label)
	}
	return strings.Join(parts, ", ")
}

// indicatorNames lists the ids of the declared indicators.
func (lc *landCompiler) indicatorNames() []string {
	out := make([]string, len(lc.inds))
	for i, ind := range lc.inds {
		out[i] = ind.Ref.ID
	}
	return out
}

// landUnitText names an indicator's unit for messages.
func landUnitText(ind land.Indicator) string {
	if ind.Unit == land.UnitOther {
		return ind.UnitLabel
	}
	return ind.Unit.Label()
}

// landUnitExample is a value of the indicator as a rule file writes it.
func landUnitExample(ind land.Indicator) string {
	switch ind.Unit {
	case land.UnitIntensity:
		return "300万元/亩"
	case land.UnitRatio:
		return "1.2"
	case land.UnitPercent:
		return "30%"
	case land.UnitMoney:
		return "2570万元"
	case land.UnitEnergy:
		return "0.5吨标煤/万元"
	case land.UnitOther:
		return "12" + ind.UnitLabel
	}
	if ind.Ref.ID == landParcelText.Ref.ID {
		return "YC-01"
	}
	return "GB 16297-1996 二级"
}

// indicator looks up the indicator named by s, reporting an unknown one.
func (lc *landCompiler) indicator(s Scalar, path, what string) (land.Indicator, bool) {
	if i, ok := lc.indIdx[s.Value]; ok {
		return lc.inds[i], true
	}
	for _, d := range lc.s.indicators {
		if d.id.Value == s.Value {
			return land.Indicator{}, false // its declaration was reported
		}
	}
	detail := fmt.Sprintf("The indicators are: %s. Declare an indicator of your own under indicators: with id, label, unit and direction.", strings.Join(lc.indicatorNames(), ", "))
	if sug := yamlnode.Suggest(s.Value, lc.indicatorNames()); sug != "" {
		detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
	}
	lc.errorf(CodeLandUnknownIndicator, s.Pos, path, detail, "%s names the indicator %q, which is not declared", what, s.Value)
	return land.Indicator{}, false
}

// standards checks the standards and their limits.
func (lc *landCompiler) standards() []land.Standard {
	type scope struct{ industry, park, indicator string }
	seen := make(map[scope]*landStandardDecl)
	lc.limited = make(map[string]landLimitAt)
	var out []land.Standard
	for si, d := range lc.s.standards {
		st := land.Standard{Ref: landRef(d.id, d.label, d.cite), Park: strings.TrimSpace(d.park.Value)}
		lc.note(fmt.Sprintf("standards[%d]", si), d.id, d.path)
		for k, ind := range d.industries {
			name := strings.TrimSpace(ind.Value)
			if name == "" {
				lc.errorf(CodeLandIndustry, ind.Pos, fmt.Sprintf("%s.industries[%d]", d.path, k),
					"Write the industry as the projects record it, for example 装备制造; leave industries: out for a standard that applies to every industry.",
					"an industry of standard %s (%s) is blank", d.id.Value, d.label.Value)
				continue
			}
			if j := slices.IndexFunc(d.industries[:k], func(x Scalar) bool { return strings.TrimSpace(x.Value) == name }); j >= 0 {
				dg := lc.errorf(CodeLandIndustry, ind.Pos, fmt.Sprintf("%s.industries[%d]", d.path, k),
					"List each industry once.", "the industry %s is listed twice in standard %s (%s)", name, d.id.Value, d.label.Value)
				dg.Related = []Pos{d.industries[j].Pos}
				continue
			}
			st.Industries = append(st.Industries, name)
		}
		industries := st.Industries
		if len(industries) == 0 {
			industries = []string{""}
		}
		for _, l := range d.limits {
			ind, ok := lc.indicator(l.indicator, l.path, "the limit")
			if !ok || l.broken {
				continue
			}
			if _, first := lc.limited[ind.Ref.ID]; !first {
				lc.limited[ind.Ref.ID] = landLimitAt{l.indicator, l.path, d}
			}
			overlap := false
			for _, industry := range industries {
				k := scope{industry, st.Park, ind.Ref.ID}
				prev, dup := seen[k]
				if !dup {
					seen[k] = d
					continue
				}
				if overlap {
					continue
				}
				overlap = true
				what := "every industry"
				if industry != "" {
					what = "the industry " + industry
				}
				if st.Park != "" {
					what += " in park " + st.Park
				} else {
					what += " in the whole zone"
				}
				dg := lc.errorf(CodeLandOverlap, l.indicator.Pos, l.path,
					fmt.Sprintf("Standards %s (%s) and %s (%s) both limit %s (%s) for %s, so it is unclear which applies. A project gets the limit of the most specific standard (industry and park, then industry, then park, then neither): narrow one of them with industries: or park:, or remove one of the limits.",
						prev.id.Value, prev.label.Value, d.id.Value, d.label.Value, ind.Ref.ID, ind.Ref.Label, what),
					"two standards limit %s (%s) for the same projects", ind.Ref.ID, ind.Ref.Label)
				for _, pl := range prev.limits {
					if pl.indicator.Value == l.indicator.Value {
						dg.Related = []Pos{pl.indicator.Pos}
					}
				}
			}
			lim := land.Limit{Indicator: ind.Ref.ID}
			if l.value.IsSet() {
				v, ok := lc.limitValue(ind, l.value, l.path)
				if !ok {
					continue
				}
				lim.Values = []land.Step{{Value: v}}
			}
			for _, dv := range l.dated {
				from, err := calendar.ParseDate(dv.date.Value)
				if err != nil {
					lc.errorf(CodeValueSyntax, dv.date.Pos, dv.path, err.Error()+". Write the date each value takes effect as 2025-06-01.", "%q is not a valid date", dv.date.Value)
					continue
				}
				v, ok := lc.limitValue(ind, dv.value, dv.path)
				if !ok {
					continue
				}
				lim.Values = append(lim.Values, land.Step{From: from, Value: v})
			}
			if len(lim.Values) == 0 {
				continue
			}
			slices.SortFunc(lim.Values, func(a, b land.Step) int { return int(a.From - b.From) })
			lc.note(fmt.Sprintf("standards[%d].limits[%d]", si, len(st.Limits)), l.indicator, l.path)
			st.Limits = append(st.Limits, lim)
		}
		out = append(out, st)
	}
	return out
}

// limitValue reads one value of a limit.
func (lc *landCompiler) limitValue(ind land.Indicator, s Scalar, path string) (land.Value, bool) {
	v, err := ind.Parse(s.Value)
	if err == nil {
		return v, true
	}
	var pe *land.ParseError
	off, expected := 0, "a value of the indicator"
	if errors.As(err, &pe) {
		off, expected = pe.Offset, pe.Expected
	}
	lc.errorf(CodeLandValue, s.PosAt(off), path,
		fmt.Sprintf("Expected %s. %s (%s) is measured in %s: write a limit such as %s.", expected, ind.Ref.ID, ind.Ref.Label, landUnitText(ind), landUnitExample(ind)),
		"%q is not a value of %s (%s)", s.Value, ind.Ref.ID, ind.Ref.Label)
	return land.Value{}, false
}

// items checks the regional assessments or the infrastructure items.
func (lc *landCompiler) items(ds []*landItemDecl, key string) []land.Prerequisite {
	var out []land.Prerequisite
	for _, d := range ds {
		lc.note(fmt.Sprintf("%s[%d]", key, len(out)), d.id, d.path)
		out = append(out, land.Prerequisite{Ref: landRef(d.id, d.label, d.cite)})
	}
	return out
}

// itemNames lists the ids of the assessments and infrastructure items.
func (lc *landCompiler) itemNames() []string {
	var out []string
	for _, d := range slices.Concat(lc.s.assessments, lc.s.infrastructure) {
		out = append(out, d.id.Value)
	}
	return out
}

// knownItem reports whether id is an assessment or infrastructure item,
// reporting it if not.
func (lc *landCompiler) knownItem(s Scalar, path, what string) bool {
	names := lc.itemNames()
	if slices.Contains(names, s.Value) {
		return true
	}
	list := strings.Join(names, ", ")
	if list == "" {
		list = "(none listed)"
	}
	detail := fmt.Sprintf("The items are those listed under assessments: (区域评估) and infrastructure: (九通一平): %s. List the item there first.", list)
	if sug := yamlnode.Suggest(s.Value, names); sug != "" {
		detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
	}
	lc.errorf(CodeLandUnknownItem, s.Pos, path, detail, "%s names the item %q, which is not listed", what, s.Value)
	return false
}

// area reads an area such as 41.1平方公里.
func (lc *landCompiler) area(s Scalar, path string) (decimal.Decimal, bool) {
	if !s.IsSet() {
		return decimal.Decimal{}, true
	}
	a, err := quantity.ParseArea(s.Value)
	if err != nil {
		le := fromQuantity(err)
		lc.errorf(CodeValueSyntax, s.PosAt(le.offset), path, le.msg+" Write an area such as 40.5亩, 5000㎡, 2公顷 or 41.1平方公里.", "%q is not a valid area", s.Value)
		return decimal.Decimal{}, false
	}
	return a, true
}

// regional checks the regional records.
func (lc *landCompiler) regional() []land.Regional {
	var out []land.Regional
	for _, d := range lc.s.regional {
		ok := lc.knownItem(d.item, d.path+".item", "the regional record")
		rg := land.Regional{Completion: land.Completion{ID: d.item.Value}, Park: strings.TrimSpace(d.park.Value)}
		if d.on.IsSet() {
			on, err := calendar.ParseDate(d.on.Value)
			if err != nil {
				lc.errorf(CodeValueSyntax, d.on.Pos, d.path+".on", err.Error()+". Write the date the item was done as 2024-10-01, or leave on: out when it is not known.", "%q is not a valid date", d.on.Value)
				ok = false
			}
			rg.On, rg.Dated = on, true
		}
		a, good := lc.area(d.area, d.path+".area")
		if !ok || !good {
			continue
		}
		rg.Area = a
		lc.note(fmt.Sprintf("regional[%d]", len(out)), d.item, d.path)
		out = append(out, rg)
	}
	return out
}

// parcels checks the parcels and what is done on them.
func (lc *landCompiler) parcels() []land.Parcel {
	var out []land.Parcel
	for _, d := range lc.s.parcels {
		pc := land.Parcel{Ref: landRef(d.id, d.label, d.cite), Park: strings.TrimSpace(d.park.Value), PlannedUse: strings.TrimSpace(d.use.Value)}
		if a, ok := lc.area(d.area, d.path+".area"); ok {
			pc.Area = a
		}
		pi := len(out)
		lc.note(fmt.Sprintf("parcels[%d]", pi), d.id, d.path)
		for _, dn := range d.done {
			if !lc.knownItem(dn.item, dn.path, "done:") {
				continue
			}
			c := land.Completion{ID: dn.item.Value}
			switch v := strings.TrimSpace(dn.value.Value); {
			case v == "true":
			case len(v) > 0 && v[0] >= '0' && v[0] <= '9':
				on, err := calendar.ParseDate(v)
				if err != nil {
					lc.errorf(CodeValueSyntax, dn.value.Pos, dn.path, err.Error()+". Write the date the item was done as 2025-01-15, or true when it is done but the date is not known.", "%q is not a valid date", dn.value.Value)
					continue
				}
				c.On, c.Dated = on, true
			default:
				detail := "Write the date the item was done (2025-01-15), or true when it is done but the date is not known."
				if v == "false" {
					detail = "An item that is not done yet is left out of done:. " + detail
				}
				lc.errorf(CodeLandDone, dn.value.Pos, dn.path, detail, "%q is neither a date nor true", dn.value.Value)
				continue
			}
			lc.note(fmt.Sprintf("parcels[%d].done[%d]", pi, len(pc.Done)), dn.item, dn.path)
			pc.Done = append(pc.Done, c)
		}
		out = append(out, pc)
	}
	return out
}

// event reports whether s names a built-in or declared event.
func (lc *landCompiler) event(s Scalar, path, key string) bool {
	if _, ok := lc.c.eventIdx[s.Value]; ok {
		return true
	}
	var names []string
	for _, e := range lc.c.events {
		names = append(names, e.Name)
	}
	detail := fmt.Sprintf("The events are the built-in ones (%s) and those declared under events:. Declare a new milestone under events: with a label.", builtinEventNames())
	if sug := yamlnode.Suggest(s.Value, names); sug != "" {
		detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
	}
	if lc.c.bad[s.Value] {
		return false // its declaration was reported
	}
	lc.errorf(CodeLandUnknownEvent, s.Pos, path, detail, "%s names the event %q, which is not declared", key, s.Value)
	return false
}

// acceptance checks the acceptance check and its damages rules.
func (lc *landCompiler) acceptance() *land.Acceptance {
	d := lc.s.acceptance
	if d == nil {
		return nil
	}
	a := &land.Acceptance{Ref: landRef(d.id, d.label, d.cite)}
	lc.note("acceptance", d.key, d.path)
	switch {
	case !d.event.IsSet():
		lc.failed = true // Parse reported the missing key
	case lc.event(d.event, d.path+".event", "acceptance.event"):
		a.Event = zone.Event(d.event.Value)
	}
	if d.rectify.IsSet() {
		p, err := calendar.ParsePeriod(d.rectify.Value)
		if err != nil {
			lc.errorf(CodeValueSyntax, d.rectify.Pos, d.path+".rectify", err.Error()+". Write the time allowed to rectify as a period such as 6个月, 90天 or 60个工作日.", "%q is not a valid period", d.rectify.Value)
		} else {
			a.Rectify = p
		}
	}
	var fallback *landDamagesDecl
	own := make(map[string]*landDamagesDecl)
	for _, dd := range d.damages {
		dm, ok := lc.damages(dd)
		if !ok {
			continue
		}
		if dm.Indicator == "" {
			if fallback != nil {
				dg := lc.errorf(CodeLandDamagesDuplicate, dd.id.Pos, dd.path,
					fmt.Sprintf("Damages rule %s (%s) already applies to every indicator without a rule of its own. Only one rule may leave out indicator:; give this one an indicator:.", fallback.id.Value, fallback.label.Value),
					"two damages rules apply to every indicator")
				dg.Related = []Pos{fallback.id.Pos}
				continue
			}
			fallback = dd
		} else {
			if prev, dup := own[dm.Indicator]; dup {
				dg := lc.errorf(CodeLandDamagesDuplicate, dd.indicator.Pos, dd.path+".indicator",
					fmt.Sprintf("Damages rule %s (%s) is already the rule for %s. Give each indicator one damages rule.", prev.id.Value, prev.label.Value, dm.Indicator),
					"two damages rules for the indicator %s", dm.Indicator)
				dg.Related = []Pos{prev.indicator.Pos}
				continue
			}
			own[dm.Indicator] = dd
		}
		lc.note(fmt.Sprintf("acceptance.damages[%d]", len(a.Damages)), dd.id, dd.path)
		a.Damages = append(a.Damages, dm)
	}
	return a
}

// damages checks one damages rule.
func (lc *landCompiler) damages(d *landDamagesDecl) (land.Damages, bool) {
	dm := land.Damages{Ref: landRef(d.id, d.label, d.cite), Places: landDefaultPlaces}
	ok := true
	var ind land.Indicator
	if d.indicator.IsSet() {
		var found bool
		if ind, found = lc.indicator(d.indicator, d.path+".indicator", "the damages rule"); !found {
			ok = false
		}
		dm.Indicator = ind.Ref.ID
	}
	if d.kind.IsSet() {
		kind := strings.TrimSpace(d.kind.Value)
		k, err := land.ParseDamagesKind(kind)
		switch {
		case err != nil || kind == "":
			lc.errorf(CodeLandDamagesKind, d.kind.Pos, d.path+".kind",
				"The kinds are proportional (按差额比例: the shortfall ÷ the committed value × the land price, as in the industrial land-transfer contract template), share_of_price (按出让价款比例: share: × the land price, whatever the shortfall) and none (无: no damages, only the time to rectify).",
				"unknown kind of damages %q", d.kind.Value)
			ok = false
		case k == land.Proportional && ind.Unit == land.UnitNamed:
			lc.errorf(CodeLandDamagesKind, d.kind.Pos, d.path+".kind",
				fmt.Sprintf("%s (%s) is a named standard: a project meets it or not, so there is no shortfall to be proportional to. Use kind: share_of_price with a share: of the land price.", ind.Ref.ID, ind.Ref.Label),
				"proportional damages need a numeric indicator")
			ok = false
		default:
			dm.Kind = k
		}
	} else {
		ok = false // Parse reported the missing key
	}
	if d.share.IsSet() {
		share, good := lc.percent(d.share, d.path+".share")
		switch {
		case !good:
			ok = false
		case dm.Kind != land.ShareOfPrice && ok:
			lc.errorf(CodeLandDamagesShare, d.share.Pos, d.path+".share",
				fmt.Sprintf("share: is the share of the land price owed by a share_of_price rule; this rule is %s (%s). Remove share:, or write kind: share_of_price.", dm.Kind, dm.Kind.Label()),
				"share: is only for kind: share_of_price")
			ok = false
		case share.Sign() <= 0 || share.GreaterThan(decimal.NewFromInt(1)):
			lc.errorf(CodeLandDamagesShare, d.share.Pos, d.path+".share",
				"The share of the land price owed is a percentage above 0% and at most 100%, for example 5%.",
				"the share %s is out of range", d.share.Value)
			ok = false
		default:
			dm.Share = share
		}
	} else if dm.Kind == land.ShareOfPrice {
		lc.errorf(CodeLandDamagesShare, d.kind.Pos, d.path,
			"A share_of_price rule owes a share of the land price: add share:, for example share: 5%.",
			"the share_of_price rule %s (%s) has no share:", d.id.Value, d.label.Value)
		ok = false
	}
	if len(d.caps) > 2 {
		lc.errorf(CodeLandDamagesCap, d.capPos, d.path+".cap",
			"cap: is one limit — a percentage of the land price (20%) or an amount (500万元) — or both in a list ([20%, 500万元]), of which the lower applies.",
			"cap: lists %d limits", len(d.caps))
		ok = false
	}
	var pctAt, amtAt Scalar
	for i, cs := range d.caps {
		cp := d.path + ".cap"
		if len(d.caps) > 1 {
			cp = fmt.Sprintf("%s[%d]", cp, i)
		}
		v := strings.TrimSpace(cs.Value)
		var amount decimal.Decimal
		var good, pct bool
		if pct = strings.HasSuffix(v, "%") || strings.HasSuffix(v, "％"); pct {
			amount, good = lc.percent(cs, cp)
		} else {
			m, err := quantity.ParseMoney(v)
			if err != nil {
				le := fromQuantity(err)
				lc.errorf(CodeValueSyntax, cs.PosAt(le.offset), cp, le.msg+" A cap is a percentage of the land price (20%) or an amount of money (500万元).", "%q is neither a percentage nor an amount of money", cs.Value)
			}
			amount, good = m, err == nil
		}
		switch {
		case !good:
			ok = false
		case amount.Sign() <= 0:
			lc.errorf(CodeLandDamagesCap, cs.Pos, cp,
				"A cap of zero would waive the damages: write kind: none for a rule that owes nothing, or a cap above zero.",
				"the cap %s is not above zero", cs.Value)
			ok = false
		case pct && pctAt.IsSet(), !pct && amtAt.IsSet():
			prev := amtAt
			if pct {
				prev = pctAt
			}
			dg := lc.errorf(CodeLandDamagesCap, cs.Pos, cp,
				"Write at most one percentage of the land price and one amount of money; the lower of the two applies.",
				"cap: lists two limits of the same kind")
			dg.Related = []Pos{prev.Pos}
			ok = false
		case pct:
			dm.Cap, pctAt = amount, cs
		default:
			dm.CapAmount, amtAt = amount, cs
		}
	}
	if d.places.IsSet() {
		n, err := strconv.Atoi(strings.TrimSpace(d.places.Value))
		if err != nil || n < 0 || n > 8 {
			lc.errorf(CodeLandDamagesPlaces, d.places.Pos, d.path+".places",
				"places: is the number of decimal places of 元 the damages are rounded to (四舍五入): a whole number from 0 to 8. 2 rounds to the 分 (the default), 0 to the whole 元.",
				"%q is not a number of decimal places from 0 to 8", d.places.Value)
			ok = false
		} else {
			dm.Places = int32(n)
		}
	}
	return dm, ok
}

// percent reads a percentage such as 5%.
func (lc *landCompiler) percent(s Scalar, path string) (decimal.Decimal, bool) {
	v, err := quantity.ParsePercent(strings.TrimSpace(s.Value))
	if err != nil {
		le := fromQuantity(err)
		lc.errorf(CodeValueSyntax, s.PosAt(le.offset), path, le.msg+" Write a percentage such as 5%.", "%q is not a valid percentage", s.Value)
		return decimal.Decimal{}, false
	}
	return v, true
}

// rejected turns an error of land.New into positioned diagnostics. The
// checks above are meant to find every problem land.New finds, so this is
// a fault in devzone; it is still reported where the problem lies, in
// words, rather than as a Go error.
func (lc *landCompiler) rejected(err error) {
	var se *land.SpecError
	if !errors.As(err, &se) || len(se.Problems) == 0 {
		lc.errorf(CodeLandInvalid, lc.s.key.Pos, lc.s.path,
			"This is a fault in devzone, not in the rule file; please report it with the file.",
			"the land section could not be compiled")
		return
	}
	for _, pr := range se.Problems {
		w := lc.locate(pr.Path)
		lc.errorf(CodeLandInvalid, w.pos, w.path,
			"The land rules reject this part of the section ("+pr.Code+"): "+pr.Message+". devzone should have reported this more precisely; please report it with the file.",
			"the land section cannot be compiled as written")
	}
}

// locate returns where the part of the land.Spec at specPath was written:
// the nearest enclosing part that was noted, or the land: key.
func (lc *landCompiler) locate(specPath string) landWhere {
	for p := specPath; p != ""; {
		if w, ok := lc.where[p]; ok {
			return w
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return landWhere{lc.s.key.Pos, lc.s.path}
}
