package zone

import (
	"fmt"
	"maps"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/enum"
)

// Kind is a project's category. The zero value is [KindUnknown].
type Kind uint8

const (
	// KindUnknown is the zero Kind: not recorded.
	KindUnknown Kind = iota
	// Industrial is an industrial project (产业项目).
	Industrial
	// Tech is a science-and-technology project (科技项目).
	Tech
)

var kindNames = [...][2]string{{"", "未知"}, {"industrial", "产业项目"}, {"tech", "科技项目"}}

// String returns the kind's identifier as written in rule files: industrial
// or tech ("" when unknown).
func (k Kind) String() string { return enum.Name(kindNames[:], int(k)) }

// Label returns the kind's Chinese name: 产业项目 or 科技项目.
func (k Kind) Label() string { return enum.Label(kindNames[:], int(k)) }

// ParseKind accepts industrial, tech, 产业项目 or 科技项目.
func ParseKind(s string) (Kind, error) {
	i, err := parseEnum(kindNames[:], "kind", s)
	return Kind(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	*k = v
	return err
}

// LandMode is how a project gets its site. The zero value is
// [LandModeUnknown].
type LandMode uint8

const (
	// LandModeUnknown is the zero LandMode: not recorded.
	LandModeUnknown LandMode = iota
	// Transfer means the project acquires land by transfer (出让, 摘地).
	Transfer
	// Lease means the project leases a factory building (租赁厂房).
	Lease
)

var landModeNames = [...][2]string{{"", "未知"}, {"transfer", "出让"}, {"lease", "租赁厂房"}}

// String returns the land mode's identifier: transfer or lease.
func (m LandMode) String() string { return enum.Name(landModeNames[:], int(m)) }

// Label returns the land mode's Chinese name: 出让 or 租赁厂房.
func (m LandMode) Label() string { return enum.Label(landModeNames[:], int(m)) }

// ParseLandMode accepts transfer, lease, 出让 or 租赁厂房.
func ParseLandMode(s string) (LandMode, error) {
	i, err := parseEnum(landModeNames[:], "land_mode", s)
	return LandMode(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (m LandMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLandMode].
func (m *LandMode) UnmarshalText(b []byte) error {
	v, err := ParseLandMode(string(b))
	*m = v
	return err
}

// parseEnum accepts an identifier or a label of names[1:]; "" is the zero
// value.
func parseEnum(names [][2]string, what, s string) (int, error) {
	if i, ok := enum.Lookup(names, s); ok {
		return i, nil
	}
	return 0, &ValueError{Fact: what, Value: s, Allowed: enum.Allowed(names)}
}

// ValueError reports a fact value outside its allowed set.
type ValueError struct {
	Fact    string // the fact, e.g. "kind"
	Value   string // the value given
	Allowed string // the allowed values, for the message
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%s: %q is not allowed; use one of %s", e.Fact, e.Value, e.Allowed)
}

// Project is one investment project as the rules see it. Fields left at their
// zero value are unknown facts: an empty text, a nil pointer, KindUnknown,
// LandModeUnknown, a missing event. Rules that need an unknown fact evaluate
// to [Unknown].
//
// A Project is a plain value; it marshals to JSON losslessly (money as a
// decimal string of yuan, dates as YYYY-MM-DD).
type Project struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Investor string `json:"investor,omitempty"`
	// Investment is the total planned investment (总投资) in yuan; nil when
	// unknown.
	Investment *decimal.Decimal `json:"investment,omitempty"`
	// Industry is the industry as the zone names it, e.g. 新能源汽车.
	Industry string   `json:"industry,omitempty"`
	Kind     Kind     `json:"kind,omitzero"`
	LandMode LandMode `json:"land_mode,omitzero"`
	// ChainLeaderSourced records whether a chain-leader company (链主)
	// brought the project in; nil when unknown.
	ChainLeaderSourced *bool `json:"chain_leader_sourced,omitempty"`
	// Park is the park (园区) the project is located in.
	Park string `json:"park,omitempty"`
	// Events holds the dates of the milestones reached. An event not in the
	// map has not happened (as far as the record shows).
	Events map[Event]date.Date `json:"events,omitempty"`
	// Attributes holds extra facts declared by a rule set (facts:), as
	// written: "3", "2000万元", "true", "2025-06-01". The rule set that
	// evaluates the project gives them their types and checks them.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// Event returns the date of event e and whether it is recorded.
func (p *Project) Event(e Event) (date.Date, bool) {
	d, ok := p.Events[e]
	return d, ok
}

// Clone returns a deep copy of p.
func (p *Project) Clone() *Project {
	cp := *p
	if p.Investment != nil {
		v := *p.Investment
		cp.Investment = &v
	}
	if p.ChainLeaderSourced != nil {
		v := *p.ChainLeaderSourced
		cp.ChainLeaderSourced = &v
	}
	cp.Events = maps.Clone(p.Events)
	cp.Attributes = maps.Clone(p.Attributes)
	return &cp
}

// Equal reports whether p and q hold the same facts. Investments compare by
// value (12亿 equals 1200000000.00).
func (p *Project) Equal(q *Project) bool {
	if p == nil || q == nil {
		return p == q
	}
	sameInv := (p.Investment == nil) == (q.Investment == nil) && (p.Investment == nil || p.Investment.Equal(*q.Investment))
	sameChain := (p.ChainLeaderSourced == nil) == (q.ChainLeaderSourced == nil) && (p.ChainLeaderSourced == nil || *p.ChainLeaderSourced == *q.ChainLeaderSourced)
	return p.ID == q.ID && p.Name == q.Name && p.Investor == q.Investor && sameInv && p.Industry == q.Industry &&
		p.Kind == q.Kind && p.LandMode == q.LandMode && sameChain && p.Park == q.Park &&
		maps.Equal(p.Events, q.Events) && maps.Equal(p.Attributes, q.Attributes)
}

// SortedEvents returns the recorded events in date order (ties by event
// name), for display.
func (p *Project) SortedEvents() []Event {
	es := slices.Collect(maps.Keys(p.Events))
	slices.SortFunc(es, func(a, b Event) int {
		if da, db := p.Events[a], p.Events[b]; da != db {
			return int(da - db)
		}
		if a < b {
			return -1
		}
		return 1
	})
	return es
}
