package land

import (
	"math"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/enum"
	"github.com/devzone-go/devzone/zone"
)

// ItemKind says what sort of prerequisite of standard-land transfer an item
// is. The zero value is [ItemKindUnknown].
type ItemKind uint8

const (
	// ItemKindUnknown is the zero ItemKind.
	ItemKindUnknown ItemKind = iota
	// Assessment is a regional assessment (区域评估) done before the land
	// is sold, such as 压覆矿产 or 地震安全性评价.
	Assessment
	// Infrastructure is a utility or site-preparation item of 九通一平 /
	// 七通一平, such as 供水 or 土地平整.
	Infrastructure
)

var kindNames = [...][2]string{{"", "未知"}, {"assessment", "区域评估"}, {"infrastructure", "基础设施配套"}}

// String returns assessment or infrastructure.
func (k ItemKind) String() string { return enum.Name(kindNames[:], int(k)) }

// Label returns 区域评估 or 基础设施配套.
func (k ItemKind) Label() string { return enum.Label(kindNames[:], int(k)) }

// ParseItemKind accepts assessment, infrastructure and their labels.
// Errors are of type [*EnumError].
func ParseItemKind(s string) (ItemKind, error) {
	i, err := parseEnum(kindNames[:], "kind", s)
	return ItemKind(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (k ItemKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseItemKind].
func (k *ItemKind) UnmarshalText(b []byte) error {
	v, err := ParseItemKind(string(b))
	*k = v
	return err
}

// Prerequisite is one thing that must be done on a parcel before it can be
// sold as standard land: a regional assessment or an infrastructure item.
// The rule set lists them; the lists differ by place.
type Prerequisite struct {
	// Ref identifies the item: id (e.g. seismic_safety), Chinese name
	// (地震安全性评价) and citation.
	Ref zone.Ref
}

// Completion records that a prerequisite is done.
type Completion struct {
	// ID is the id of the prerequisite done.
	ID string
	// On is the date it was completed; meaningful only when Dated.
	On date.Date
	// Dated reports whether the completion date is recorded. An undated
	// completion counts as done on every date.
	Dated bool
}

// Parcel is a parcel of land (地块) offered or to be offered as standard
// land.
type Parcel struct {
	// Ref identifies the parcel: id (e.g. its land number), name and the
	// document that lists it.
	Ref zone.Ref
	// Area is the parcel's area in 亩, exact (1亩 = 10000/15 ㎡ has no
	// finite decimal value in ㎡, so devzone counts land in 亩). Zero:
	// not recorded.
	Area decimal.Decimal
	// Park is the park (园区) the parcel lies in; "" when the zone has no
	// parks or it is not recorded.
	Park string
	// PlannedUse is the planned land use (规划用途), e.g. 工业用地.
	PlannedUse string
	// Done lists the prerequisites completed for this parcel.
	Done []Completion
}

// Regional records a prerequisite completed for a whole area at once rather
// than parcel by parcel: a regional assessment covering the zone or a park
// (in Yuncheng, the seismic safety assessment of 41.1 平方公里). It counts
// as done for every parcel in that area that has no record of its own.
type Regional struct {
	Completion
	// Park is the park covered; "" for the whole zone.
	Park string
	// Area is the area covered in 亩, for reports; zero when not recorded.
	Area decimal.Decimal
}

// Item is one prerequisite in a readiness check, done or missing.
type Item struct {
	// Ref identifies the prerequisite (id and Chinese label).
	Ref  zone.Ref
	Kind ItemKind
	// On is the completion date; meaningful only when Dated.
	On    date.Date
	Dated bool
	// Regional reports whether the item was done for the whole zone or
	// park (a [Regional] record) rather than for this parcel.
	Regional bool
}

// Readiness says whether a parcel is ready for standard-land transfer on a
// date and lists exactly what is missing.
type Readiness struct {
	// Parcel identifies the parcel. For a parcel the policy does not
	// list, only Parcel.ID is set.
	Parcel zone.Ref
	// Area is the parcel's area in 亩 (zero: not recorded).
	Area decimal.Decimal
	// Park and PlannedUse are copied from the parcel.
	Park, PlannedUse string
	// Ready is True when every prerequisite is done on the date, False
	// when one is missing, Unknown when the parcel is not listed.
	Ready zone.Truth
	// Missing lists the prerequisites not done on the date, regional
	// assessments first, each list in the rule set's order.
	Missing []Item
	// Done lists the prerequisites done on or before the date, with their
	// completion dates when recorded, in the same order. A completion
	// dated after the date is not done yet.
	Done []Item
	// Err is a *UnknownParcelError when the parcel is not listed, or the
	// Source's error when the project's parcel cannot be read.
	Err error
}

// progress is a parcel's record of one prerequisite, precomputed by New.
type progress struct {
	done     bool
	on       date.Date
	dated    bool
	regional bool
}

// parcelState is a parcel, its progress on every prerequisite and its
// readiness at every date, worked out by New.
type parcelState struct {
	parcel   Parcel
	progress []progress // aligned with Policy.prereqs
	// changes are the distinct completion dates, ascending; states[k] is
	// the readiness on any date with exactly k of them on or before it.
	changes []date.Date
	states  []Readiness
}

// prereq is a prerequisite with its kind.
type prereq struct {
	Prerequisite
	kind ItemKind
}

// Readiness reports whether the parcel with the given id is ready for
// standard-land transfer on date asOf: every regional assessment and every
// infrastructure item the policy lists is done, on the parcel or for its
// whole area. The lists in the result are the caller's own. The error is a
// [*UnknownParcelError] when the policy does not list the parcel.
func (p *Policy) Readiness(id string, asOf date.Date) (Readiness, error) {
	r := *p.readiness(id, asOf)
	r.Missing, r.Done = slices.Clone(r.Missing), slices.Clone(r.Done)
	return r, r.Err
}

// readiness returns the parcel's precomputed readiness on asOf, shared and
// read-only, without allocating; or a new Readiness for an unknown parcel.
func (p *Policy) readiness(id string, asOf date.Date) *Readiness {
	k, ok := p.parcelIndex[id]
	if !ok {
		return &Readiness{Parcel: zone.Ref{ID: id}, Err: &UnknownParcelError{ID: id}}
	}
	ps := &p.parcels[k]
	n, found := slices.BinarySearch(ps.changes, asOf)
	if found { // changes are distinct: count the one on asOf too
		n++
	}
	return &ps.states[n]
}

// buildStates works out the parcel's readiness at every date it can change.
func (p *Policy) buildStates(ps *parcelState) {
	for _, g := range ps.progress {
		if g.done && g.dated {
			ps.changes = append(ps.changes, g.on)
		}
	}
	slices.Sort(ps.changes)
	ps.changes = slices.Compact(ps.changes)
	ps.states = make([]Readiness, len(ps.changes)+1)
	for k := range ps.states {
		asOf := date.Date(math.MinInt64) // before every completion
		if k > 0 {
			asOf = ps.changes[k-1]
		}
		ps.states[k] = p.readinessOn(ps, asOf)
	}
}

// readinessOn works out the parcel's readiness on asOf.
func (p *Policy) readinessOn(ps *parcelState, asOf date.Date) Readiness {
	r := Readiness{Parcel: ps.parcel.Ref, Area: ps.parcel.Area, Park: ps.parcel.Park, PlannedUse: ps.parcel.PlannedUse}
	for j, g := range ps.progress {
		it := Item{Ref: p.prereqs[j].Ref, Kind: p.prereqs[j].kind}
		if g.done && (!g.dated || g.on <= asOf) {
			it.On, it.Dated, it.Regional = g.on, g.dated, g.regional
			r.Done = append(r.Done, it)
		} else {
			r.Missing = append(r.Missing, it)
		}
	}
	r.Missing, r.Done = slices.Clip(r.Missing), slices.Clip(r.Done)
	r.Ready = zone.TruthOf(len(r.Missing) == 0)
	return r
}
