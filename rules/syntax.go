package rules

import (
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// File is the syntax tree of one rule file, as [Parse] returns it: the shape
// of the file has been checked (known keys, required keys, mappings where
// mappings belong), but nothing has been interpreted yet — money, dates and
// expressions are still text. Every part records where it was written.
//
// A File is the input of [Compile]. Treat it as read-only.
type File struct {
	// Name is the file name given to Parse; every Pos in the tree uses it.
	Name string

	Version   Scalar // devzone: the format version, "1"
	ID        Scalar // id: the rule set's id, e.g. jinzhong-integration
	Title     Scalar // title: the policy's name
	Source    Scalar // source: the policy document the rules encode
	Extends   Scalar // extends: the baseline file, relative to this one
	Effective Scalar // effective: the date the rule set takes effect
	Calendar  Scalar // calendar: the working-day calendar, e.g. cn-mainland

	Parameters []*ParamDecl     // parameters:, in file order
	Facts      []*FactDecl      // facts:, in file order
	Events     []*EventDecl     // events:, in file order
	Conditions []*ConditionDecl // conditions:, in file order
	Sections   []*SectionDecl   // domain sections (lifecycle, land, …), in file order

	src *yamlnode.Source
	// failed holds the names of declarations Parse could not read (a
	// parameter written as a list, …): Compile does not report them again
	// as unknown names in expressions.
	failed []string
}

// Scalar is one value as written in a rule file.
type Scalar struct {
	// Value is the text, with YAML quotes and escapes resolved but never
	// re-typed: 0.10 stays "0.10", 2025-06-01 stays "2025-06-01".
	Value string
	// Pos is where the value starts: the first character, the opening quote,
	// or the | or > of a block. It is the zero Pos when the key is absent.
	Pos Pos

	node *yaml.Node
	src  *yamlnode.Source
}

// IsSet reports whether the value was written in the file.
func (s Scalar) IsSet() bool { return s.node != nil }

// PosAt returns the file position of byte off of Value: the character the
// author typed there, even inside a quoted, folded or multi-line value.
// off == len(Value) gives the position just after the value. Offsets that
// cannot be placed exactly give s.Pos.
func (s Scalar) PosAt(off int) Pos {
	if s.node == nil || s.src == nil {
		return s.Pos
	}
	p, _ := s.src.ValuePos(s.node, off)
	return Pos{File: s.Pos.File, Line: p.Line, Col: p.Col}
}

// Literal is a value that is either a single scalar or a list of scalars
// (value: [新能源汽车, 装备制造]).
type Literal struct {
	Scalar          // the single value; for a list, only Pos is set
	IsList bool     // the value is a list
	List   []Scalar // the list's items when IsList
}

// ParamDecl is one entry of parameters:.
//
//	major_project_threshold:
//	  label: 重大项目门槛
//	  type: money                          # optional: inferred from the values
//	  values: {2023-01-01: 5亿元, 2025-06-01: 10亿元}
//	  cite: 002_8f25cfe588d23415.txt 第三部分
type ParamDecl struct {
	Name   Scalar // the key
	Path   string // parameters.<name>
	Label  Scalar
	Type   Scalar
	Cite   Scalar
	Value  *Literal       // value:, or nil
	Values []DatedLiteral // values:, in file order
	// ValuesPos is where values: is written; zero when absent.
	ValuesPos Pos
}

// DatedLiteral is one entry of a parameter's values: a date and the value in
// force from that date on.
type DatedLiteral struct {
	Date  Scalar
	Value Literal
	Path  string // parameters.<name>.values[<date>]
}

// FactDecl is one entry of facts:, an extra project fact the rule set reads.
//
//	tech_level: {type: int, label: 技术层级}
type FactDecl struct {
	Name   Scalar
	Path   string
	Type   Scalar
	Label  Scalar
	Cite   Scalar
	Values []EnumValueDecl // values: of an enum fact
	// ValuesPos is where values: is written; zero when absent.
	ValuesPos Pos

	valuesBroken bool // Parse reported a problem in values:
}

// EnumValueDecl is one allowed value of an enum fact: {name: core, label: 核心企业}.
type EnumValueDecl struct {
	Name  Scalar
	Label Scalar
	Path  string
}

// EventDecl is one entry of events:, a milestone in addition to the built-in
// ones.
//
//	transition_meeting: {label: 转段会议}
type EventDecl struct {
	Name  Scalar
	Path  string
	Label Scalar
	Cite  Scalar
}

// ConditionDecl is one entry of conditions:, a named condition other rules
// and expressions can use by name.
//
//	major_project:
//	  label: 重大项目
//	  when: investment >= major_project_threshold
//	  cite: 002_8f25cfe588d23415.txt 第三部分
type ConditionDecl struct {
	Name  Scalar
	Path  string
	Label Scalar
	When  Scalar
	Cite  Scalar
}

// SectionDecl is a domain section (lifecycle, land, budgets, incentives,
// zone). Its content is kept as parsed YAML for the section's compiler.
type SectionDecl struct {
	Name Scalar // the top-level key
	Path string

	node   *yaml.Node // the section's value, for its parse function
	syntax any        // what the section's parse function recorded
}
