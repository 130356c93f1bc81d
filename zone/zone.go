package zone

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/devzone-go/devzone/internal/enum"
)

// Category is a development zone's class in Shanxi's classification of its
// zones (seed 001: 工业类 69, 现代农业类 12, 生态文旅类 7). The zero value is
// [CategoryUnknown].
type Category uint8

const (
	// CategoryUnknown is the zero Category: not recorded.
	CategoryUnknown Category = iota
	// CategoryIndustrial is an industrial zone (工业类).
	CategoryIndustrial
	// CategoryAgriculture is a modern-agriculture zone (现代农业类).
	CategoryAgriculture
	// CategoryEcoTourism is an eco-culture-tourism zone (生态文旅类).
	CategoryEcoTourism
)

var categoryNames = [...][2]string{{"", "未知"}, {"industrial", "工业类"}, {"agriculture", "现代农业类"}, {"eco_tourism", "生态文旅类"}}

// String returns the category's identifier as written in rule files:
// industrial, agriculture or eco_tourism ("" when unknown).
func (c Category) String() string { return enum.Name(categoryNames[:], int(c)) }

// Label returns the category's Chinese name: 工业类, 现代农业类 or 生态文旅类.
func (c Category) Label() string { return enum.Label(categoryNames[:], int(c)) }

// ParseCategory accepts industrial, agriculture, eco_tourism or their
// Chinese names. The empty string is CategoryUnknown.
func ParseCategory(s string) (Category, error) {
	return parseEnumAs[Category](categoryNames[:], "category", s)
}

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCategory].
func (c *Category) UnmarshalText(b []byte) error { return unmarshalEnum(c, b, ParseCategory) }

// Level is the authority that approved a zone: the State Council (national)
// or the province (《山西省开发区条例》). The zero value is [LevelUnknown].
type Level uint8

const (
	// LevelUnknown is the zero Level: not recorded.
	LevelUnknown Level = iota
	// LevelNational is a national-level zone (国家级).
	LevelNational
	// LevelProvincial is a provincial-level zone (省级).
	LevelProvincial
)

var levelNames = [...][2]string{{"", "未知"}, {"national", "国家级"}, {"provincial", "省级"}}

// String returns the level's identifier: national or provincial ("" when
// unknown).
func (l Level) String() string { return enum.Name(levelNames[:], int(l)) }

// Label returns the level's Chinese name: 国家级 or 省级.
func (l Level) Label() string { return enum.Label(levelNames[:], int(l)) }

// ParseLevel accepts national, provincial, 国家级 or 省级. The empty string
// is LevelUnknown.
func ParseLevel(s string) (Level, error) { return parseEnumAs[Level](levelNames[:], "level", s) }

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLevel].
func (l *Level) UnmarshalText(b []byte) error { return unmarshalEnum(l, b, ParseLevel) }

// parseEnumAs parses an enum of type T from its names.
func parseEnumAs[T ~uint8](names [][2]string, what, s string) (T, error) {
	i, err := parseEnum(names, what, s)
	return T(i), err
}

// unmarshalEnum sets *v to the value parse reads from b.
func unmarshalEnum[T any](v *T, b []byte, parse func(string) (T, error)) error {
	x, err := parse(string(b))
	*v = x
	return err
}

// Park is a park (园区) of a zone. A park inside another park — a 园中园,
// run apart from the zone's management committee by its own operating
// company (管运分离, seed 000) — names its parent in Within.
type Park struct {
	Ref Ref `json:"ref"` // Ref.ID is the park's id, Ref.Label its name, e.g. 汇通产业园
	// Operator is the body that runs the park (运营主体), e.g. the company
	// of a 园中园; "" when the zone's committee runs it.
	Operator string `json:"operator,omitempty"`
	// Within is the id of the park this one lies in, for a 园中园; "" for a
	// park directly under the zone.
	Within string `json:"within,omitempty"`
}

// ErrUnknownPark means a 园中园 names a parent that is not a park of the
// zone.
var ErrUnknownPark = errors.New("not a park of the zone")

// ErrParkCycle means parks lie within each other in a circle.
var ErrParkCycle = errors.New("in a circle of parks lying within each other")

// Chain is an industrial chain (产业链) the zone builds, with its chain
// leader (链长) and its chain-leader companies (链主), as in 链长制 (seed
// 003) and Yuncheng's four chains (seed 004).
type Chain struct {
	Ref Ref `json:"ref"` // Ref.Label is the chain's name, e.g. 新能源汽车产业链
	// ChainLeader is the chain leader (链长): the official, or the head of
	// a leading company appointed to the post, who answers for the chain.
	ChainLeader string `json:"chain_leader,omitempty"`
	// Leaders are the chain-leader companies (链主) that anchor the chain
	// and bring in its suppliers, e.g. 大运 for new-energy vehicles.
	Leaders []string `json:"leaders,omitempty"`
	// Industries are the industries of the chain; each is one of the
	// zone's leading or potential industries.
	Industries []string `json:"industries,omitempty"`
}

// ErrUnknownIndustry means a chain names an industry that is not one of the
// zone's leading or potential industries.
var ErrUnknownIndustry = errors.New("not a leading or potential industry of the zone")

// IndustryClass says how a zone ranks an industry. The zero value is
// [OtherIndustry].
type IndustryClass uint8

const (
	// OtherIndustry is an industry the zone does not list.
	OtherIndustry IndustryClass = iota
	// LeadingIndustry is one of the zone's leading industries (主导产业).
	LeadingIndustry
	// PotentialIndustry is one of the zone's potential industries (潜力产业).
	PotentialIndustry
)

var industryClassNames = [...][2]string{{"other", "其他产业"}, {"leading", "主导产业"}, {"potential", "潜力产业"}}

// String returns other, leading or potential.
func (c IndustryClass) String() string { return enum.Name(industryClassNames[:], int(c)) }

// Label returns 其他产业, 主导产业 or 潜力产业.
func (c IndustryClass) Label() string { return enum.Label(industryClassNames[:], int(c)) }

// MarshalText implements encoding.TextMarshaler.
func (c IndustryClass) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Spec is the input to [New]: everything a [Zone] is made of.
type Spec struct {
	Ref      Ref // Ref.ID is the zone's id, e.g. jinzhong; Ref.Label its name, e.g. 综改区晋中开发区
	Category Category
	Level    Level
	Parks    []Park
	// Leading and Potential are the zone's leading (主导) and potential
	// (潜力) industries, in the zone's order.
	Leading, Potential []string
	Chains             []Chain
}

// Zone is a development zone (开发区): its class and level, its parks, its
// industries and its industrial chains. Build one with [New]. A Zone is
// immutable and safe for concurrent use; methods that return slices return
// copies.
type Zone struct {
	ref      Ref
	category Category
	level    Level
	parks    []Park
	leading  []string
	potent   []string
	chains   []Chain
	parkIdx  map[string]int // park id and label → index
	classes  map[string]IndustryClass
}

// New checks a Spec and returns the Zone it describes. It reports every
// problem at once, as [SpecErrors]: ids that are missing or not written in
// letters, digits, - and _ ([ErrInvalidID]), missing names ([ErrMissing]),
// ids and park names used twice ([ErrDuplicate]), a 园中园 whose parent is
// not a park of the zone or that lies within itself ([ErrUnknownPark],
// [ErrParkCycle]), an industry listed twice or as both leading and
// potential ([ErrDuplicate]), a chain industry the zone does not list
// ([ErrUnknownIndustry]), and a category or level that is not set
// ([ErrMissing]). New copies what it keeps.
func New(s Spec) (*Zone, error) {
	var errs SpecErrors
	add := func(ref Ref, path, field, value string, err error) {
		errs = append(errs, &SpecError{Ref: ref, Path: path, Field: field, Value: value, Err: err})
	}
	checkRef := func(ref Ref, path string) bool {
		ok := true
		if !ValidID(ref.ID) {
			add(ref, path, "id", ref.ID, ErrInvalidID)
			ok = false
		}
		if strings.TrimSpace(ref.Label) == "" {
			add(ref, path, "label", "", ErrMissing)
		}
		return ok
	}
	checkRef(s.Ref, "")
	if s.Category == CategoryUnknown || int(s.Category) >= len(categoryNames) {
		add(s.Ref, "", "category", s.Category.String(), ErrMissing)
	}
	if s.Level == LevelUnknown || int(s.Level) >= len(levelNames) {
		add(s.Ref, "", "level", s.Level.String(), ErrMissing)
	}
	z := &Zone{
		ref: s.Ref, category: s.Category, level: s.Level,
		parks:   slices.Clone(s.Parks),
		leading: slices.Clone(s.Leading), potent: slices.Clone(s.Potential),
		parkIdx: make(map[string]int, 2*len(s.Parks)),
		classes: make(map[string]IndustryClass, len(s.Leading)+len(s.Potential)),
	}
	for i, p := range z.parks {
		path := fmt.Sprintf("parks[%d]", i)
		if !checkRef(p.Ref, path) {
			continue
		}
		for _, key := range []string{p.Ref.ID, p.Ref.Label} {
			if j, dup := z.parkIdx[key]; dup && j != i {
				field := "id"
				if key == p.Ref.Label {
					field = "label"
				}
				add(p.Ref, path, field, key, ErrDuplicate)
				continue
			}
			if key != "" {
				z.parkIdx[key] = i
			}
		}
	}
	for i, p := range z.parks {
		if p.Within == "" {
			continue
		}
		path := fmt.Sprintf("parks[%d]", i)
		if j, ok := z.parkIdx[p.Within]; !ok || z.parks[j].Ref.ID != p.Within {
			add(p.Ref, path, "within", p.Within, ErrUnknownPark)
		} else if z.inCycle(i) {
			add(p.Ref, path, "within", p.Within, ErrParkCycle)
		}
	}
	for _, list := range []struct {
		field string
		names []string
		class IndustryClass
	}{{"industries.leading", z.leading, LeadingIndustry}, {"industries.potential", z.potent, PotentialIndustry}} {
		for i, name := range list.names {
			path := fmt.Sprintf("%s[%d]", list.field, i)
			switch {
			case strings.TrimSpace(name) == "":
				add(s.Ref, path, "", "", ErrMissing)
			case z.classes[name] != OtherIndustry:
				add(s.Ref, path, "", name, ErrDuplicate)
			default:
				z.classes[name] = list.class
			}
		}
	}
	chainIDs := make(map[string]bool, len(s.Chains))
	for i, c := range s.Chains {
		path := fmt.Sprintf("chains[%d]", i)
		if checkRef(c.Ref, path) {
			if chainIDs[c.Ref.ID] {
				add(c.Ref, path, "id", c.Ref.ID, ErrDuplicate)
			}
			chainIDs[c.Ref.ID] = true
		}
		for j, ind := range c.Industries {
			if z.classes[ind] == OtherIndustry {
				add(c.Ref, fmt.Sprintf("%s.industries[%d]", path, j), "", ind, ErrUnknownIndustry)
			}
		}
		for j, l := range c.Leaders {
			if strings.TrimSpace(l) == "" {
				add(c.Ref, fmt.Sprintf("%s.leaders[%d]", path, j), "", "", ErrMissing)
			}
		}
		c.Leaders, c.Industries = slices.Clone(c.Leaders), slices.Clone(c.Industries)
		z.chains = append(z.chains, c)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return z, nil
}

// inCycle reports whether following Within from park i comes back to it.
func (z *Zone) inCycle(i int) bool {
	at := i
	for range z.parks {
		j, ok := z.parkIdx[z.parks[at].Within]
		if !ok || z.parks[at].Within == "" {
			return false
		}
		if j == i {
			return true
		}
		at = j
	}
	return true // a longer loop that does not pass through i
}

// Ref returns the zone's id, name, citation and position.
func (z *Zone) Ref() Ref { return z.ref }

// ID returns the zone's id.
func (z *Zone) ID() string { return z.ref.ID }

// Label returns the zone's name, e.g. 综改区晋中开发区.
func (z *Zone) Label() string { return z.ref.Label }

// Category returns the zone's class: 工业类, 现代农业类 or 生态文旅类.
func (z *Zone) Category() Category { return z.category }

// Level returns the zone's level: 国家级 or 省级.
func (z *Zone) Level() Level { return z.level }

// Parks returns the zone's parks in declaration order.
func (z *Zone) Parks() []Park {
	out := slices.Clone(z.parks)
	return out
}

// Park returns the park whose id or name is s. Projects record their park
// by either.
func (z *Zone) Park(s string) (Park, bool) {
	if z == nil {
		return Park{}, false
	}
	i, ok := z.parkIdx[s]
	if !ok {
		return Park{}, false
	}
	return z.parks[i], true
}

// ParkPath returns the chain of parks from the top-level park down to the
// park whose id or name is s: one park for a park directly under the zone,
// more for a 园中园. It returns nil when s is not a park of the zone.
func (z *Zone) ParkPath(s string) []Park {
	p, ok := z.Park(s)
	if !ok {
		return nil
	}
	path := []Park{p}
	for p.Within != "" && len(path) <= len(z.parks) {
		p, _ = z.Park(p.Within)
		path = append(path, p)
	}
	slices.Reverse(path)
	return path
}

// LeadingIndustries returns the zone's leading industries (主导产业).
func (z *Zone) LeadingIndustries() []string { return slices.Clone(z.leading) }

// PotentialIndustries returns the zone's potential industries (潜力产业).
func (z *Zone) PotentialIndustries() []string { return slices.Clone(z.potent) }

// Industry reports how the zone ranks an industry: leading, potential or
// other.
func (z *Zone) Industry(name string) IndustryClass {
	if z == nil {
		return OtherIndustry
	}
	return z.classes[name]
}

// Chains returns the zone's industrial chains in declaration order.
func (z *Zone) Chains() []Chain {
	out := slices.Clone(z.chains)
	for i := range out {
		out[i].Leaders = slices.Clone(out[i].Leaders)
		out[i].Industries = slices.Clone(out[i].Industries)
	}
	return out
}

// ChainsOf returns the chains an industry belongs to, in declaration order.
func (z *Zone) ChainsOf(industry string) []Chain {
	var out []Chain
	for _, c := range z.Chains() {
		if slices.Contains(c.Industries, industry) {
			out = append(out, c)
		}
	}
	return out
}

// ErrInvalidID means an id is missing or not written in ASCII letters,
// digits, '-', '_' and '.' (see [ValidID]). [*SpecError] wraps it.
var ErrInvalidID = errors.New("not a valid id")

// ValidID reports whether s can be the id of a zone, park, chain or metric:
// ASCII letters, digits, '-', '_' and '.', starting with a letter or a
// digit, at most 128 bytes.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 128 || strings.ContainsRune("-_.", rune(s[0])) {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return !(r < 0x80 && (r == '-' || r == '_' || r == '.' || '0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z'))
	}) < 0
}
