package land

import (
	"fmt"
	"slices"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/zone"
)

// Spec is the input to [New]: a zone's standard-land policy written out in
// Go, or compiled from the land section of a rule file by package rules.
type Spec struct {
	// Ref identifies the policy, e.g. {ID: "land", Label: 标准地, Cite:
	// the document it encodes}.
	Ref zone.Ref
	// Applies selects the projects standard-land rules apply to, e.g.
	// land_mode == transfer; nil applies to every project.
	Applies zone.Condition
	// Indicators are the control indicators, ids unique. Start from
	// [StandardIndicators] and add the rule set's own.
	Indicators []Indicator
	// Standards set the limits on the indicators.
	Standards []Standard
	// FixedBy is the project event whose date fixes the standards that
	// apply to the project: the land transfer contract writes the limits
	// in force that day into the project's obligations. Before the event
	// the standards in force on the as-of date apply. The zero value
	// means zone.LandTransferred.
	FixedBy zone.Event
	// Assessments are the regional assessments (区域评估) a parcel needs
	// before transfer, and Infrastructure the 九通一平 / 七通一平 items;
	// ids unique across both lists.
	Assessments    []Prerequisite
	Infrastructure []Prerequisite
	// Parcels are the zone's standard-land parcels, ids unique.
	Parcels []Parcel
	// Regional records prerequisites completed for the whole zone or a
	// park.
	Regional []Regional
	// Acceptance is the acceptance check; nil for none.
	Acceptance *Acceptance
	// Source reads committed and actual values, the land price and the
	// parcel. nil reads project attributes named by [ConventionalKeys].
	Source Source
}

// Policy is a zone's compiled standard-land policy: its control indicators,
// standards, parcels and their prerequisites, and acceptance rules. Build
// it with [New]; the zero Policy is not usable. A Policy is immutable and
// safe for concurrent use; methods that return slices return copies.
//
// New works out every parcel's readiness at each date it can change (each
// distinct completion date), so that evaluation does not allocate for it.
// That costs memory in proportion to parcels × prerequisites × distinct
// completion dates per parcel: about 2.5 MB for 100 parcels with 14 items
// completed on 14 different dates.
type Policy struct {
	ref        zone.Ref
	applies    zone.Condition
	indicators []Indicator
	index      map[string]int // indicator id → position
	standards  []Standard
	candidates [][]candidate // per indicator, most specific first
	fixedBy    zone.Event

	prereqs     []prereq // assessments, then infrastructure
	nAssess     int
	parcels     []parcelState
	parcelIndex map[string]int
	regional    []Regional

	acceptance *Acceptance
	damages    []*Damages // per indicator; nil when none

	source Source
}

// New checks a Spec and freezes it into a Policy. It copies every slice it
// is given, so changing the Spec afterwards does not change the Policy.
// Errors are of type [*SpecError], listing every problem found, each with a
// stable Code and the Path of the offending field. The codes:
//
//	land.indicator.id, .duplicate, .unit, .direction     indicators
//	land.standard.id, .duplicate, .industry, .overlap   standards and their scopes
//	land.limit.indicator, .duplicate, .values, .order, .value
//	land.prerequisite.id, .duplicate                    assessments and infrastructure
//	land.regional.item, .area
//	land.parcel.id, .duplicate, .area, .done
//	land.acceptance.event, .rectify
//	land.damages.indicator, .duplicate, .kind, .share, .cap, .places
func New(s Spec) (*Policy, error) {
	v := &validator{}
	p := &Policy{
		ref:         s.Ref,
		applies:     s.Applies,
		index:       make(map[string]int, len(s.Indicators)),
		fixedBy:     s.FixedBy,
		parcelIndex: make(map[string]int, len(s.Parcels)),
		source:      s.Source,
	}
	if p.fixedBy == "" {
		p.fixedBy = zone.LandTransferred
	}

	// Indicators.
	p.indicators = slices.Clone(s.Indicators)
	for i, ind := range p.indicators {
		path := fmt.Sprintf("indicators[%d]", i)
		switch {
		case ind.Ref.ID == "":
			v.add("land.indicator.id", path+".id", "an indicator needs an id, e.g. investment_intensity")
			continue
		case hasKey(p.index, ind.Ref.ID):
			v.add("land.indicator.duplicate", path+".id", "indicator %q is declared twice; give each indicator one entry", ind.Ref.ID)
			continue
		}
		p.index[ind.Ref.ID] = i
		switch {
		case ind.Unit == UnitUnknown || ind.Unit > UnitNamed:
			v.add("land.indicator.unit", path+".unit", "indicator %q needs a unit: 万元/亩, ratio, %%, 元, 吨标煤/万元, a unit of its own, or a named standard", ind.Ref.ID)
		case ind.Unit == UnitOther && ind.UnitLabel == "":
			v.add("land.indicator.unit", path+".unit", "indicator %q has a unit of its own but does not say which; write it, e.g. 万元/吨标煤", ind.Ref.ID)
		}
		switch {
		case ind.Direction == DirectionUnknown || ind.Direction > Meets:
			v.add("land.indicator.direction", path+".direction", "indicator %q needs a direction: at_least (不低于), at_most (不高于) or meets (符合)", ind.Ref.ID)
		case ind.Unit == UnitNamed && ind.Direction != Meets:
			v.add("land.indicator.direction", path+".direction", "indicator %q is a named standard, so its direction must be meets (符合)", ind.Ref.ID)
		case ind.Unit.numeric() && ind.Direction == Meets:
			v.add("land.indicator.direction", path+".direction", "indicator %q is a number, so its direction must be at_least (不低于) or at_most (不高于); meets is for named standards", ind.Ref.ID)
		}
	}

	p.compileStandards(s.Standards, v)
	p.compilePrerequisites(s, v)
	p.compileAcceptance(s.Acceptance, v)

	if err := v.err(); err != nil {
		return nil, err
	}
	if p.source == nil {
		p.source = NewAttributeSource(ConventionalKeys(p.indicators))
	}
	return p, nil
}

// compileStandards copies and checks the standards and builds the lookup
// candidates.
func (p *Policy) compileStandards(in []Standard, v *validator) {
	p.standards = make([]Standard, len(in))
	ids := map[string]bool{}
	type scope struct{ industry, park, indicator string }
	seen := map[scope]string{}
	for si, st := range in {
		path := fmt.Sprintf("standards[%d]", si)
		st.Industries = slices.Clone(st.Industries)
		st.Limits = slices.Clone(st.Limits)
		switch {
		case st.Ref.ID == "":
			v.add("land.standard.id", path+".id", "a standard needs an id, e.g. shanxi-national")
		case ids[st.Ref.ID]:
			v.add("land.standard.duplicate", path+".id", "standard id %q is used twice", st.Ref.ID)
		}
		ids[st.Ref.ID] = true
		industries := st.Industries
		if len(industries) == 0 {
			industries = []string{""}
		}
		for k, ind := range st.Industries {
			if ind == "" {
				v.add("land.standard.industry", fmt.Sprintf("%s.industries[%d]", path, k), "an industry name is empty; leave industries out to apply the standard to every industry")
			} else if slices.Contains(st.Industries[:k], ind) {
				v.add("land.standard.industry", fmt.Sprintf("%s.industries[%d]", path, k), "industry %q is listed twice", ind)
			}
		}
		limited := map[string]bool{}
		for li := range st.Limits {
			lim := &st.Limits[li]
			lim.Values = slices.Clone(lim.Values)
			lpath := fmt.Sprintf("%s.limits[%d]", path, li)
			i, ok := p.index[lim.Indicator]
			switch {
			case !ok:
				v.add("land.limit.indicator", lpath+".indicator", "indicator %q is not declared; declare it under indicators or use one of %s", lim.Indicator, p.indicatorIDs())
				continue
			case limited[lim.Indicator]:
				v.add("land.limit.duplicate", lpath+".indicator", "standard %q limits indicator %q twice; give one limit with dated values instead", st.Ref.ID, lim.Indicator)
				continue
			}
			limited[lim.Indicator] = true
			for _, industry := range industries {
				key := scope{industry, st.Park, lim.Indicator}
				if other, dup := seen[key]; dup {
					v.add("land.standard.overlap", lpath+".indicator", "standards %q and %q both limit %q for the same industry and park, so it is unclear which applies; narrow one of them", other, st.Ref.ID, lim.Indicator)
				} else {
					seen[key] = st.Ref.ID
				}
			}
			ind := p.indicators[i]
			if len(lim.Values) == 0 {
				v.add("land.limit.values", lpath+".values", "the limit on %q has no value", lim.Indicator)
			}
			for k, step := range lim.Values {
				vpath := fmt.Sprintf("%s.values[%d]", lpath, k)
				if k > 0 && step.From <= lim.Values[k-1].From {
					v.add("land.limit.order", vpath, "the values of the limit on %q must be in date order, each date once (%s comes after %s)", lim.Indicator, step.From, lim.Values[k-1].From)
				}
				switch {
				case ind.Unit == UnitNamed && step.Named == "":
					v.add("land.limit.value", vpath, "the limit on %q must name a standard, e.g. GB 8978-1996 一级", lim.Indicator)
				case ind.Unit.numeric() && step.Named != "":
					v.add("land.limit.value", vpath, "the limit on %q is a number, not a named standard", lim.Indicator)
				case ind.Unit.numeric() && step.Amount.Sign() < 0:
					v.add("land.limit.value", vpath, "the limit on %q must not be negative", lim.Indicator)
				}
			}
		}
		p.standards[si] = st
	}
	p.candidates = make([][]candidate, len(p.indicators))
	for si := range p.standards {
		st := &p.standards[si]
		for _, lim := range st.Limits {
			if i, ok := p.index[lim.Indicator]; ok && len(lim.Values) > 0 {
				p.candidates[i] = append(p.candidates[i], candidate{std: st, steps: lim.Values, level: specificity(st)})
			}
		}
	}
	for i := range p.candidates {
		slices.SortStableFunc(p.candidates[i], func(a, b candidate) int { return b.level - a.level })
	}
}

// compilePrerequisites copies and checks the prerequisites, parcels and
// regional completions, and works out each parcel's progress.
func (p *Policy) compilePrerequisites(s Spec, v *validator) {
	pos := map[string]int{}
	add := func(list []Prerequisite, kind ItemKind, key string) {
		for i, pr := range list {
			path := fmt.Sprintf("%s[%d].id", key, i)
			switch {
			case pr.Ref.ID == "":
				v.add("land.prerequisite.id", path, "an item needs an id, e.g. seismic_safety")
				continue
			case hasKey(pos, pr.Ref.ID):
				v.add("land.prerequisite.duplicate", path, "item %q is listed twice (ids are shared by assessments and infrastructure)", pr.Ref.ID)
				continue
			}
			pos[pr.Ref.ID] = len(p.prereqs)
			p.prereqs = append(p.prereqs, prereq{Prerequisite: pr, kind: kind})
		}
	}
	add(s.Assessments, Assessment, "assessments")
	p.nAssess = len(p.prereqs)
	add(s.Infrastructure, Infrastructure, "infrastructure")

	p.regional = slices.Clone(s.Regional)
	for i, rg := range p.regional {
		if !hasKey(pos, rg.ID) {
			v.add("land.regional.item", fmt.Sprintf("regional[%d].id", i), "item %q is not listed under assessments or infrastructure", rg.ID)
		}
		if rg.Area.Sign() < 0 {
			v.add("land.regional.area", fmt.Sprintf("regional[%d].area", i), "the area covered must not be negative")
		}
	}

	p.parcels = make([]parcelState, len(s.Parcels))
	for k, pc := range s.Parcels {
		path := fmt.Sprintf("parcels[%d]", k)
		pc.Done = slices.Clone(pc.Done)
		switch {
		case pc.Ref.ID == "":
			v.add("land.parcel.id", path+".id", "a parcel needs an id, e.g. its land number")
		case hasKey(p.parcelIndex, pc.Ref.ID):
			v.add("land.parcel.duplicate", path+".id", "parcel %q is listed twice", pc.Ref.ID)
		default:
			p.parcelIndex[pc.Ref.ID] = k
		}
		if pc.Area.Sign() < 0 {
			v.add("land.parcel.area", path+".area", "the area of parcel %q must not be negative", pc.Ref.ID)
		}
		prog := make([]progress, len(p.prereqs))
		for j, c := range pc.Done {
			cpath := fmt.Sprintf("%s.done[%d]", path, j)
			at, ok := pos[c.ID]
			switch {
			case !ok:
				v.add("land.parcel.done", cpath, "item %q is not listed under assessments or infrastructure", c.ID)
				continue
			case prog[at].done:
				v.add("land.parcel.done", cpath, "item %q is recorded twice for parcel %q", c.ID, pc.Ref.ID)
				continue
			}
			prog[at] = progress{done: true, on: c.On, dated: c.Dated}
		}
		for _, rg := range p.regional {
			at, ok := pos[rg.ID]
			if !ok || prog[at].done || rg.Park != "" && rg.Park != pc.Park {
				continue
			}
			prog[at] = progress{done: true, on: rg.On, dated: rg.Dated, regional: true}
		}
		p.parcels[k] = parcelState{parcel: pc, progress: prog}
		p.buildStates(&p.parcels[k])
	}
}

// compileAcceptance copies and checks the acceptance rules and assigns a
// damages rule to each indicator.
func (p *Policy) compileAcceptance(in *Acceptance, v *validator) {
	p.damages = make([]*Damages, len(p.indicators))
	if in == nil {
		return
	}
	a := *in
	a.Damages = slices.Clone(in.Damages)
	p.acceptance = &a
	if a.Event == "" {
		v.add("land.acceptance.event", "acceptance.event", "the acceptance check needs the event that records the review, e.g. capacity_review")
	}
	if a.Rectify != (calendar.Period{}) && !a.Rectify.IsValid() {
		v.add("land.acceptance.rectify", "acceptance.rectify", "the time to rectify must be a period such as 6个月 or 90天")
	}
	var fallback *Damages
	own := map[string]bool{}
	for k := range a.Damages {
		d := &a.Damages[k]
		path := fmt.Sprintf("acceptance.damages[%d]", k)
		if d.Indicator == "" {
			if fallback != nil {
				v.add("land.damages.duplicate", path+".indicator", "only one damages rule may leave out the indicator")
			}
			fallback = d
		} else {
			i, ok := p.index[d.Indicator]
			switch {
			case !ok:
				v.add("land.damages.indicator", path+".indicator", "indicator %q is not declared; use one of %s", d.Indicator, p.indicatorIDs())
			case own[d.Indicator]:
				v.add("land.damages.duplicate", path+".indicator", "indicator %q has two damages rules", d.Indicator)
			case d.Kind == Proportional && !p.indicators[i].Unit.numeric():
				v.add("land.damages.kind", path+".kind", "indicator %q is a named standard, which has no shortfall to be proportional to; use share_of_price", d.Indicator)
			case d.Kind != NoDamages:
				p.damages[i] = d
			}
			own[d.Indicator] = true
		}
		switch {
		case d.Kind > ShareOfPrice:
			v.add("land.damages.kind", path+".kind", "the damages rule must be proportional (按差额比例) or share_of_price (按出让价款比例)")
		case d.Kind == ShareOfPrice && d.Share.Sign() <= 0:
			v.add("land.damages.share", path+".share", "a share_of_price rule needs a positive share of the land price, e.g. 5%%")
		}
		if d.Cap.Sign() < 0 || d.CapAmount.Sign() < 0 {
			v.add("land.damages.cap", path+".cap", "a cap must not be negative")
		}
		if d.Places < 0 || d.Places > 8 {
			v.add("land.damages.places", path+".places", "damages are rounded to 0 to 8 decimal places of 元 (2 rounds to the 分)")
		}
	}
	if fallback != nil {
		for i, ind := range p.indicators {
			if own[ind.Ref.ID] || fallback.Kind == NoDamages || fallback.Kind == Proportional && !ind.Unit.numeric() {
				continue
			}
			p.damages[i] = fallback
		}
	}
}

func (p *Policy) indicatorIDs() string {
	s := ""
	for i, ind := range p.indicators {
		if i > 0 {
			s += ", "
		}
		s += ind.Ref.ID
	}
	if s == "" {
		return "(none declared)"
	}
	return s
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// validator collects problems.
type validator struct {
	problems []Problem
}

func (v *validator) add(code, path, format string, args ...any) {
	v.problems = append(v.problems, Problem{Code: code, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return &SpecError{Problems: v.problems}
}

// Ref returns the policy's Ref.
func (p *Policy) Ref() zone.Ref { return p.ref }

// FixedBy returns the event whose date fixes a project's standards.
func (p *Policy) FixedBy() zone.Event { return p.fixedBy }

// Indicators returns the control indicators in declaration order.
func (p *Policy) Indicators() []Indicator { return slices.Clone(p.indicators) }

// Indicator returns the indicator with the given id.
func (p *Policy) Indicator(id string) (Indicator, bool) {
	i, ok := p.index[id]
	if !ok {
		return Indicator{}, false
	}
	return p.indicators[i], true
}

// Standards returns the standards in declaration order, deeply copied.
func (p *Policy) Standards() []Standard {
	out := slices.Clone(p.standards)
	for i := range out {
		out[i].Industries = slices.Clone(out[i].Industries)
		out[i].Limits = slices.Clone(out[i].Limits)
		for k := range out[i].Limits {
			out[i].Limits[k].Values = slices.Clone(out[i].Limits[k].Values)
		}
	}
	return out
}

// Assessments returns the regional assessments a parcel needs.
func (p *Policy) Assessments() []Prerequisite { return p.prereqList(0, p.nAssess) }

// Infrastructure returns the infrastructure items a parcel needs.
func (p *Policy) Infrastructure() []Prerequisite { return p.prereqList(p.nAssess, len(p.prereqs)) }

func (p *Policy) prereqList(from, to int) []Prerequisite {
	if from == to {
		return nil
	}
	out := make([]Prerequisite, 0, to-from)
	for _, pr := range p.prereqs[from:to] {
		out = append(out, pr.Prerequisite)
	}
	return out
}

// Parcels returns the parcels in declaration order, deeply copied.
func (p *Policy) Parcels() []Parcel {
	out := make([]Parcel, len(p.parcels))
	for i, ps := range p.parcels {
		out[i] = ps.parcel
		out[i].Done = slices.Clone(ps.parcel.Done)
	}
	return out
}

// Parcel returns the parcel with the given id.
func (p *Policy) Parcel(id string) (Parcel, bool) {
	k, ok := p.parcelIndex[id]
	if !ok {
		return Parcel{}, false
	}
	pc := p.parcels[k].parcel
	pc.Done = slices.Clone(pc.Done)
	return pc, true
}

// Regional returns the prerequisites completed for whole areas.
func (p *Policy) Regional() []Regional { return slices.Clone(p.regional) }

// Acceptance returns the acceptance rules, deeply copied, and whether the
// policy has any.
func (p *Policy) Acceptance() (Acceptance, bool) {
	if p.acceptance == nil {
		return Acceptance{}, false
	}
	a := *p.acceptance
	a.Damages = slices.Clone(a.Damages)
	return a, true
}
