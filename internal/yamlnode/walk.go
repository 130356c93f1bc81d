package yamlnode

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Path is a key path into a YAML file written with the file's own key names,
// such as "incentives[2].amount" or "parameters.threshold.values[2025-06-01]".
// The zero Path is the top of the file.
type Path string

// Key returns the path to the value of key name inside p. Names made of
// letters, digits, "_" and "-" that do not start with a digit are joined with
// a dot; other names (dates, names with spaces) are put in brackets.
func (p Path) Key(name string) Path {
	if isSimpleName(name) {
		if p == "" {
			return Path(name)
		}
		return p + "." + Path(name)
	}
	if name != "" && !strings.ContainsAny(name, "[]\"' .\t\n") {
		return p + "[" + Path(name) + "]"
	}
	return p + "[" + Path(strconv.Quote(name)) + "]"
}

// Index returns the path to item i (0-based) of the list at p.
func (p Path) Index(i int) Path {
	return p + "[" + Path(strconv.Itoa(i)) + "]"
}

// String returns the path, or "(top of file)" for the zero Path.
func (p Path) String() string {
	if p == "" {
		return "(top of file)"
	}
	return string(p)
}

func isSimpleName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
		case i > 0 && (r == '-' || unicode.IsDigit(r)):
		default:
			return false
		}
	}
	return true
}

// Shape is the form of a YAML value as a policy officer sees it.
type Shape uint8

// Shapes. The zero Shape is invalid.
const (
	ShapeInvalid Shape = iota
	ShapeValue         // a single value: 10亿元, 2025-06-01, "text"
	ShapeMapping       // "key: value" lines, or {key: value}
	ShapeList          // "- item" lines, or [a, b]
	ShapeEmpty         // nothing after the key, or null / ~
)

// String returns a plain-language description such as
// `a mapping ("key: value" lines)`.
func (s Shape) String() string {
	switch s {
	case ShapeValue:
		return "a single value"
	case ShapeMapping:
		return `a mapping ("key: value" lines)`
	case ShapeList:
		return `a list ("- item" lines or [a, b])`
	case ShapeEmpty:
		return "empty"
	default:
		return "invalid"
	}
}

// ShapeOf returns the shape of n. A nil node, and a null scalar (nothing,
// "~" or "null"), are ShapeEmpty.
func ShapeOf(n *yaml.Node) Shape {
	if n == nil {
		return ShapeEmpty
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if IsNull(n) {
			return ShapeEmpty
		}
		return ShapeValue
	case yaml.MappingNode:
		return ShapeMapping
	case yaml.SequenceNode:
		return ShapeList
	default:
		return ShapeInvalid
	}
}

// IsNull reports whether n is a plain null scalar: nothing, "~", "null".
func IsNull(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0
}

// Describe describes n for a message: `the value "10亿"`, `a list ("- item"
// lines or [a, b])`, `empty`.
func Describe(n *yaml.Node) string {
	s := ShapeOf(n)
	if s == ShapeValue {
		v := n.Value
		if r := []rune(v); len(r) > 40 {
			v = string(r[:37]) + "..."
		}
		return fmt.Sprintf("the value %q", v)
	}
	return s.String()
}

// Entry is one key and its value in a mapping.
type Entry struct {
	Key, Value *yaml.Node
}

// Name returns the key's text.
func (e Entry) Name() string { return e.Key.Value }

// Map is a checked mapping: its entries in file order, each key once.
type Map struct {
	Node    *yaml.Node // the mapping node
	Key     *yaml.Node // the key that owns the mapping, if known; problems about missing keys are reported there
	Path    Path       // the mapping's path
	Entries []Entry    // entries in file order; duplicate, complex and merge keys left out (Decode reports them)
}

// Get returns the entry for key name.
func (m Map) Get(name string) (Entry, bool) {
	for _, e := range m.Entries {
		if e.Key.Value == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Has reports whether the mapping has key name.
func (m Map) Has(name string) bool {
	_, ok := m.Get(name)
	return ok
}

// Walker checks the shape of decoded YAML against what a schema expects and
// collects every problem it finds. The zero Walker is ready to use. A Walker
// is not safe for concurrent use.
type Walker struct {
	problems []Problem
}

// Problems returns the problems reported so far, in the order found.
func (w *Walker) Problems() []Problem { return w.problems }

// Report adds a problem.
func (w *Walker) Report(p Problem) { w.problems = append(w.problems, p) }

// Errorf reports a problem at node n.
func (w *Walker) Errorf(n *yaml.Node, path Path, code, detail, format string, args ...any) {
	w.Report(Problem{Code: code, Pos: NodePos(n), Path: path, Summary: fmt.Sprintf(format, args...), Detail: detail})
}

// Expect reports whether n has one of the wanted shapes, and reports a
// CodeWrongKind problem (or CodeEmptyValue for an empty value) if it has not.
func (w *Walker) Expect(n *yaml.Node, path Path, want ...Shape) bool {
	got := ShapeOf(n)
	for _, s := range want {
		if s == got {
			return true
		}
	}
	wants := make([]string, len(want))
	for i, s := range want {
		wants[i] = s.String()
	}
	expected := strings.Join(wants, " or ")
	if got == ShapeEmpty {
		w.Report(Problem{
			Code:    CodeEmptyValue,
			Pos:     NodePos(n),
			Path:    path,
			Summary: fmt.Sprintf("%s has no value", path),
			Detail:  fmt.Sprintf("Write %s after the key.", expected),
		})
		return false
	}
	detail := fmt.Sprintf("Here it is %s.", Describe(n))
	switch {
	case len(want) == 1 && want[0] == ShapeMapping && got == ShapeList:
		detail += ` Remove the "- " in front of the entries and write them as "key: value" lines indented under the key.`
	case len(want) == 1 && want[0] == ShapeList && got == ShapeMapping:
		detail += ` Start each item with "- ".`
	case len(want) == 1 && want[0] == ShapeValue:
		detail += " Write one value on the same line as the key."
	}
	w.Report(Problem{
		Code:    CodeWrongKind,
		Pos:     NodePos(n),
		Path:    path,
		Summary: fmt.Sprintf("%s must be %s, not %s", path, expected, shapeNoun(got)),
		Detail:  detail,
	})
	return false
}

func shapeNoun(s Shape) string {
	switch s {
	case ShapeValue:
		return "a single value"
	case ShapeMapping:
		return "a mapping"
	case ShapeList:
		return "a list"
	default:
		return s.String()
	}
}

// Mapping checks that n is a mapping and returns its entries.
func (w *Walker) Mapping(n *yaml.Node, path Path) (Map, bool) {
	if !w.Expect(n, path, ShapeMapping) {
		return Map{Node: n, Path: path}, false
	}
	m := Map{Node: n, Path: path, Entries: make([]Entry, 0, len(n.Content)/2)}
	var seen map[string]bool
	if len(n.Content) > 16 {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" && k.Style&yaml.TaggedStyle == 0 {
			continue
		}
		if seen != nil {
			if seen[k.Value] {
				continue
			}
			seen[k.Value] = true
		} else if m.Has(k.Value) {
			continue
		}
		m.Entries = append(m.Entries, Entry{Key: k, Value: v})
	}
	return m, true
}

// List checks that n is a list and returns its items.
func (w *Walker) List(n *yaml.Node, path Path) ([]*yaml.Node, bool) {
	if !w.Expect(n, path, ShapeList) {
		return nil, false
	}
	return n.Content, true
}

// Scalar checks that n is a single, non-empty value and returns its text as
// written (n.Value), never a value re-typed by YAML.
func (w *Walker) Scalar(n *yaml.Node, path Path) (string, bool) {
	if !w.Expect(n, path, ShapeValue) {
		return "", false
	}
	return n.Value, true
}

// Allow reports every key of m that is not among keys, with a "did you mean"
// suggestion when one of the allowed keys is close.
func (w *Walker) Allow(m Map, keys ...string) {
	for _, e := range m.Entries {
		if contains(keys, e.Name()) {
			continue
		}
		w.Report(UnknownKey(e.Key, m.Path, e.Name(), keys))
	}
}

// UnknownKey builds the CodeUnknownKey problem for key name found at node k of
// the mapping at path, where the allowed keys are keys.
func UnknownKey(k *yaml.Node, path Path, name string, keys []string) Problem {
	summary := fmt.Sprintf("unknown key %q", name)
	if path != "" {
		summary += " in " + string(path)
	}
	var detail strings.Builder
	if s := Suggest(name, keys); s != "" {
		fmt.Fprintf(&detail, "Did you mean %q? ", s)
	}
	if len(keys) > 0 {
		detail.WriteString("The keys allowed here are: " + strings.Join(keys, ", ") + ".")
	}
	return Problem{Code: CodeUnknownKey, Pos: NodePos(k), Path: path.Key(name), Summary: summary, Detail: detail.String()}
}

// Require reports each of keys that m lacks, at m.Key if set, else at the
// mapping itself. It reports whether all were present.
func (w *Walker) Require(m Map, keys ...string) bool {
	ok := true
	at := m.Key
	if at == nil {
		at = m.Node
	}
	for _, k := range keys {
		if m.Has(k) {
			continue
		}
		ok = false
		where := ""
		if m.Path != "" {
			where = " in " + string(m.Path)
		}
		w.Report(Problem{
			Code:    CodeMissingKey,
			Pos:     NodePos(at),
			Path:    m.Path.Key(k),
			Summary: fmt.Sprintf("the required key %q is missing%s", k, where),
		})
	}
	return ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
