package rules

import (
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// builtinFacts returns the project facts every expression can read, in slot
// order. They mirror the typed core fields of zone.Project; enum values and
// labels come from the zone package so that they are defined once.
func builtinFacts() []Fact {
	text := expr.Type{Kind: expr.KindText}
	return []Fact{
		{Name: "id", Label: "项目编号", Type: text, Builtin: true},
		{Name: "name", Label: "项目名称", Type: text, Builtin: true},
		{Name: "investor", Label: "投资方", Type: text, Builtin: true},
		{Name: "investment", Label: "投资额", Type: expr.Type{Kind: expr.KindMoney}, Builtin: true},
		{Name: "industry", Label: "产业", Type: text, Builtin: true},
		{
			Name: "kind", Label: "项目类型", Type: expr.Type{Kind: expr.KindEnum, Enum: "kind"}, Builtin: true,
			Values: []expr.EnumValue{
				{Name: zone.Industrial.String(), Label: zone.Industrial.Label()},
				{Name: zone.Tech.String(), Label: zone.Tech.Label()},
			},
		},
		{
			Name: "land_mode", Label: "供地方式", Type: expr.Type{Kind: expr.KindEnum, Enum: "land_mode"}, Builtin: true,
			Values: []expr.EnumValue{
				{Name: zone.Transfer.String(), Label: zone.Transfer.Label()},
				{Name: zone.Lease.String(), Label: zone.Lease.Label()},
			},
		},
		{Name: "chain_leader_sourced", Label: "链主引进", Type: expr.Type{Kind: expr.KindBool}, Builtin: true},
		{Name: "park", Label: "园区", Type: text, Builtin: true},
	}
}

// Slots of the built-in facts in every Set's expression environment; they
// follow the order of builtinFacts.
const (
	slotID = iota
	slotName
	slotInvestor
	slotInvestment
	slotIndustry
	slotKind
	slotLandMode
	slotChainLeader
	slotPark
	numBuiltinFacts
)

// builtinEvents returns the built-in milestone events, in lifecycle order.
func builtinEvents() []Event {
	var out []Event
	for _, e := range zone.BuiltinEvents() {
		out = append(out, Event{Name: string(e.Event), Label: e.Label, Builtin: true})
	}
	return out
}
