package land

import (
	"github.com/shopspring/decimal"
	"strings"

	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// Source reads the project facts the land checks need beyond the typed core
// facts of [zone.Project]: the values the project committed to in its
// investment agreement (投资建设协议), the values measured at acceptance, its
// land price and the parcel it takes.
//
// Package rules implements Source from a rule set's declared facts; Go
// programs use [NewAttributeSource], which reads zone.Project.Attributes, or
// their own implementation (for example an actual value computed from other
// facts).
//
// Every method returns a [*MissingError] (or an error wrapping
// [ErrNotRecorded]) when the fact is not recorded, naming the fact, and any
// other error when it is recorded but cannot be read. A Source must be safe
// for concurrent use, and should not allocate when it returns a missing
// error (return a *MissingError built in advance).
type Source interface {
	// Committed returns the value the project committed to for ind.
	Committed(c *zone.Context, ind Indicator) (Value, error)
	// Actual returns the value measured for ind at acceptance (达产复核).
	Actual(c *zone.Context, ind Indicator) (Value, error)
	// LandPrice returns the project's land price (土地出让价款) in 元.
	LandPrice(c *zone.Context) (decimal.Decimal, error)
	// Parcel returns the id of the parcel the project takes.
	Parcel(c *zone.Context) (string, error)
}

// AttributeKeys names the zone.Project attributes an [AttributeSource]
// reads.
type AttributeKeys struct {
	// Committed maps an indicator id to the attribute holding the
	// project's committed value, e.g. investment_intensity →
	// committed_intensity. Indicators not in the map have no committed
	// value.
	Committed map[string]string
	// Actual maps an indicator id to the attribute holding the value
	// measured at acceptance, e.g. investment_intensity →
	// actual_intensity.
	Actual map[string]string
	// LandPrice is the attribute holding the land price, e.g. land_price
	// ("" : never recorded).
	LandPrice string
	// Parcel is the attribute holding the id of the parcel the project
	// takes, e.g. parcel ("" : never recorded).
	Parcel string
}

// ConventionalKeys returns the attribute names devzone uses by default:
// committed_<id> and actual_<id> for each indicator, land_price and parcel.
func ConventionalKeys(inds []Indicator) AttributeKeys {
	k := AttributeKeys{
		Committed: make(map[string]string, len(inds)),
		Actual:    make(map[string]string, len(inds)),
		LandPrice: "land_price",
		Parcel:    "parcel",
	}
	for _, ind := range inds {
		k.Committed[ind.Ref.ID] = "committed_" + ind.Ref.ID
		k.Actual[ind.Ref.ID] = "actual_" + ind.Ref.ID
	}
	return k
}

// AttributeSource is a [Source] that reads project attributes, written as in
// a rule file: committed_intensity: "350万元/亩", land_price: "2570万元",
// parcel: "YC-03". Each value is parsed with [Indicator.Parse] (money with
// the devzone money syntax); text that does not parse is reported as a
// *ParseError naming the attribute.
//
// An AttributeSource is immutable and safe for concurrent use. Reading a
// value allocates what the decimal value needs; reporting a missing
// attribute does not allocate.
type AttributeSource struct {
	committed, actual map[string]attr
	price, parcel     attr
}

// attr is one attribute key with its missing error built in advance.
type attr struct {
	key     string
	missing *MissingError
}

func newAttr(key string) attr { return attr{key: key, missing: &MissingError{Fact: key}} }

// NewAttributeSource returns a source reading the attributes named by k. It
// copies the maps.
func NewAttributeSource(k AttributeKeys) *AttributeSource {
	s := &AttributeSource{
		committed: make(map[string]attr, len(k.Committed)),
		actual:    make(map[string]attr, len(k.Actual)),
		price:     newAttr(k.LandPrice),
		parcel:    newAttr(k.Parcel),
	}
	for id, key := range k.Committed {
		s.committed[id] = newAttr(key)
	}
	for id, key := range k.Actual {
		s.actual[id] = newAttr(key)
	}
	return s
}

// Committed implements [Source].
func (s *AttributeSource) Committed(c *zone.Context, ind Indicator) (Value, error) {
	return s.value(c, ind, s.committed, "committed value of ")
}

// Actual implements [Source].
func (s *AttributeSource) Actual(c *zone.Context, ind Indicator) (Value, error) {
	return s.value(c, ind, s.actual, "actual value of ")
}

func (s *AttributeSource) value(c *zone.Context, ind Indicator, keys map[string]attr, what string) (Value, error) {
	a, ok := keys[ind.Ref.ID]
	if !ok {
		return Value{}, &MissingError{Fact: what + ind.Ref.ID}
	}
	text, ok := c.Project.Attributes[a.key]
	if !ok || a.key == "" {
		return Value{}, a.missing
	}
	v, err := ind.Parse(text)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Fact = a.key
		}
		return Value{}, err
	}
	return v, nil
}

// LandPrice implements [Source]: the attribute is an amount of money such as
// 2570万元.
func (s *AttributeSource) LandPrice(c *zone.Context) (decimal.Decimal, error) {
	text, ok := c.Project.Attributes[s.price.key]
	if !ok || s.price.key == "" {
		return decimal.Decimal{}, s.price.missing
	}
	d, err := quantity.ParseMoney(text)
	if err == nil && d.Sign() < 0 {
		return decimal.Decimal{}, &ParseError{Fact: s.price.key, Input: text, Expected: "a land price that is not negative"}
	}
	if err != nil {
		pe := syntaxError(err)
		pe.Fact, pe.Input = s.price.key, text
		return decimal.Decimal{}, pe
	}
	return d, nil
}

// Parcel implements [Source]: the attribute is the parcel id, spaces at the
// ends ignored.
func (s *AttributeSource) Parcel(c *zone.Context) (string, error) {
	text, ok := c.Project.Attributes[s.parcel.key]
	if !ok || s.parcel.key == "" {
		return "", s.parcel.missing
	}
	id := strings.Trim(text, asciiSpace)
	if id == "" {
		return "", s.parcel.missing
	}
	return id, nil
}
