package rules

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// FormatVersion is the rule-file format this package reads: files start
// with "devzone: 1".
const FormatVersion = "1"

// Parse reads one rule file and returns its syntax tree. It checks the
// file's shape only — that it is well-formed YAML within the size and
// nesting limits, without anchors, aliases or duplicate keys, that every key
// is known and every required key present, and that mappings, lists and
// single values are where they belong — and reports every problem it finds,
// not just the first. Values are interpreted later, by [Compile].
//
// filename is used in positions only; Parse reads nothing but src.
//
// Parse never panics. The File is nil only when the text could not be read
// as YAML at all; otherwise it holds everything that could be read, and
// [Compile] may be called on it to find more problems at once. Every
// problem is a *Diagnostic in the returned Diagnostics, sorted by position;
// use [Diagnostics.HasErrors] to decide whether to go on.
func Parse(filename string, src []byte) (*File, Diagnostics) {
	p := &parser{file: &File{Name: filename, src: yamlnode.NewSource(src)}}
	root, probs := yamlnode.Decode(src, yamlnode.Limits{})
	p.problems(probs)
	if root == nil {
		return nil, p.diags.normalize()
	}
	p.parseFile(root)
	p.problems(p.w.Problems())
	return p.file, p.diags.normalize()
}

// parser builds a File from a decoded YAML tree.
type parser struct {
	file  *File
	w     yamlnode.Walker
	diags Diagnostics
}

// problems turns yamlnode problems into diagnostics positioned in the file.
func (p *parser) problems(ps []yamlnode.Problem) {
	for _, pr := range ps {
		d := &Diagnostic{
			Severity: SeverityError,
			Code:     pr.Code,
			Pos:      p.pos(pr.Pos),
			Path:     string(pr.Path),
			Summary:  pr.Summary,
			Detail:   pr.Detail,
		}
		for _, r := range pr.Related {
			d.Related = append(d.Related, p.pos(r))
		}
		p.diags = append(p.diags, d)
	}
}

func (p *parser) pos(q yamlnode.Position) Pos {
	if !p.file.src.Contains(q) {
		q = p.file.src.Clamp(q)
	}
	return Pos{File: p.file.Name, Line: q.Line, Col: q.Col}
}

func (p *parser) errorf(n *yaml.Node, path, code, detail, format string, args ...any) {
	p.diags = append(p.diags, &Diagnostic{
		Severity: SeverityError,
		Code:     code,
		Pos:      p.nodePos(n),
		Path:     path,
		Summary:  fmt.Sprintf(format, args...),
		Detail:   detail,
	})
}

func (p *parser) nodePos(n *yaml.Node) Pos { return p.pos(yamlnode.NodePos(n)) }

// scalar returns n as a Scalar; n must be a scalar node.
func (p *parser) scalar(n *yaml.Node) Scalar {
	return Scalar{Value: n.Value, Pos: p.nodePos(n), node: n, src: p.file.src}
}

// value reads the value of entry e, which must be a single, non-empty value.
func (p *parser) value(e yamlnode.Entry, path yamlnode.Path) Scalar {
	if _, ok := p.w.Scalar(e.Value, path); !ok {
		return Scalar{}
	}
	return p.scalar(e.Value)
}

// key returns the key of e as a Scalar.
func (p *parser) key(e yamlnode.Entry) Scalar { return p.scalar(e.Key) }

// fields checks m against the allowed and required keys and returns a lookup
// of the values of the allowed keys present.
func (p *parser) fields(m yamlnode.Map, allowed, required []string) map[string]yamlnode.Entry {
	p.w.Allow(m, allowed...)
	var must []string
	for _, k := range required {
		if !misspelt(m, k) {
			must = append(must, k)
		}
	}
	p.w.Require(m, must...)
	out := make(map[string]yamlnode.Entry, len(m.Entries))
	for _, e := range m.Entries {
		for _, a := range allowed {
			if e.Name() == a {
				out[a] = e
			}
		}
	}
	return out
}

// scalarField reads the single value of key name in fs, if present.
func (p *parser) scalarField(fs map[string]yamlnode.Entry, base yamlnode.Path, name string) Scalar {
	e, ok := fs[name]
	if !ok {
		return Scalar{}
	}
	return p.value(e, base.Key(name))
}

func (p *parser) parseFile(root *yaml.Node) {
	f := p.file
	top, ok := p.w.Mapping(root, "")
	if !ok {
		return
	}
	// The format version comes first: a file in another format may have
	// another shape, and checking it further would only add noise.
	if e, ok := top.Get("devzone"); ok {
		f.Version = p.value(e, "devzone")
		if f.Version.IsSet() && f.Version.Value != FormatVersion {
			p.errorf(f.Version.node, "devzone", CodeFileVersion,
				fmt.Sprintf("This version of devzone reads rule files written in format %s: write \"devzone: %s\". A file in a newer format needs a newer devzone.", FormatVersion, FormatVersion),
				"unsupported rule-file format %q", f.Version.Value)
			return
		}
	}
	fs := p.fields(top, topLevelKeys(), topLevelRequired())
	f.ID = p.scalarField(fs, "", "id")
	f.Title = p.scalarField(fs, "", "title")
	f.Source = p.scalarField(fs, "", "source")
	f.Extends = p.scalarField(fs, "", "extends")
	f.Effective = p.scalarField(fs, "", "effective")
	f.Calendar = p.scalarField(fs, "", "calendar")

	for _, e := range top.Entries {
		path := yamlnode.Path("").Key(e.Name())
		switch e.Name() {
		case "parameters":
			p.parameters(e, path)
		case "facts":
			p.facts(e, path)
		case "events":
			p.events(e, path)
		case "conditions":
			p.conditions(e, path)
		default:
			if k, ok := lookupSection(e.Name()); ok {
				p.section(k, e, path)
			}
		}
	}
}

// named walks a mapping of names to declarations (parameters:, facts:, …)
// and calls fn for each entry whose value is a mapping.
func (p *parser) named(e yamlnode.Entry, path yamlnode.Path, fn func(name yamlnode.Entry, m yamlnode.Map, path yamlnode.Path)) {
	m, ok := p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	for _, ne := range m.Entries {
		np := path.Key(ne.Name())
		sub, ok := p.w.Mapping(ne.Value, np)
		if !ok {
			p.file.failed = append(p.file.failed, ne.Name())
			continue
		}
		sub.Key = ne.Key
		fn(ne, sub, np)
	}
}

func (p *parser) parameters(e yamlnode.Entry, path yamlnode.Path) {
	p.named(e, path, func(ne yamlnode.Entry, m yamlnode.Map, np yamlnode.Path) {
		fs := p.fields(m, paramKeys(), paramRequired())
		d := &ParamDecl{
			Name:  p.key(ne),
			Path:  string(np),
			Label: p.scalarField(fs, np, "label"),
			Type:  p.scalarField(fs, np, "type"),
			Cite:  p.scalarField(fs, np, "cite"),
		}
		ve, hasValue := fs["value"]
		vse, hasValues := fs["values"]
		switch {
		case hasValue && hasValues:
			p.errorf(vse.Key, string(np), CodeParamValueConflict,
				"Write value: for a value that never changes, or values: with the date each value takes effect — not both.",
				"parameter %s has both value: and values:", ne.Name())
		case !hasValue && !hasValues && !misspelt(m, "value", "values"):
			p.errorf(ne.Key, string(np), CodeParamNoValue,
				"Add value: 10亿元 for a fixed value, or values: {2025-06-01: 10亿元} for values that change over time.",
				"parameter %s has no value", ne.Name())
		}
		if hasValue {
			if lit, ok := p.literal(ve.Value, np.Key("value")); ok {
				d.Value = &lit
			}
		}
		if hasValues {
			vp := np.Key("values")
			d.ValuesPos = p.nodePos(vse.Key)
			if vm, ok := p.w.Mapping(vse.Value, vp); ok && len(vm.Entries) == 0 && len(vse.Value.Content) == 0 {
				p.errorf(vse.Value, string(vp), CodeParamNoValue,
					"Write each value after the date it takes effect, for example values: {2025-06-01: 10亿元}.",
					"values: of parameter %s is empty", ne.Name())
			} else if ok {
				for _, de := range vm.Entries {
					dp := vp.Key(de.Name())
					lit, ok := p.literal(de.Value, dp)
					if !ok {
						continue
					}
					d.Values = append(d.Values, DatedLiteral{Date: p.key(de), Value: lit, Path: string(dp)})
				}
			}
		}
		p.file.Parameters = append(p.file.Parameters, d)
	})
}

// misspelt reports whether m has an unknown key that is a likely misspelling
// of one of keys: the unknown key is reported with a suggestion, and saying
// the key is missing as well would only repeat it.
func misspelt(m yamlnode.Map, keys ...string) bool {
	for _, e := range m.Entries {
		if !slices.Contains(keys, e.Name()) && yamlnode.Suggest(e.Name(), keys) != "" {
			return true
		}
	}
	return false
}

// literal reads a single value or a list of single values.
func (p *parser) literal(n *yaml.Node, path yamlnode.Path) (Literal, bool) {
	if !p.w.Expect(n, path, yamlnode.ShapeValue, yamlnode.ShapeList) {
		return Literal{}, false
	}
	if n.Kind == yaml.ScalarNode {
		return Literal{Scalar: p.scalar(n)}, true
	}
	lit := Literal{Scalar: Scalar{Pos: p.nodePos(n)}, IsList: true}
	ok := true
	for i, item := range n.Content {
		if _, good := p.w.Scalar(item, path.Index(i)); !good {
			ok = false
			continue
		}
		lit.List = append(lit.List, p.scalar(item))
	}
	return lit, ok
}

func (p *parser) facts(e yamlnode.Entry, path yamlnode.Path) {
	p.named(e, path, func(ne yamlnode.Entry, m yamlnode.Map, np yamlnode.Path) {
		fs := p.fields(m, factKeys(), factRequired())
		d := &FactDecl{
			Name:  p.key(ne),
			Path:  string(np),
			Type:  p.scalarField(fs, np, "type"),
			Label: p.scalarField(fs, np, "label"),
			Cite:  p.scalarField(fs, np, "cite"),
		}
		if ve, ok := fs["values"]; ok {
			vp := np.Key("values")
			d.ValuesPos = p.nodePos(ve.Key)
			items, ok := p.w.List(ve.Value, vp)
			d.valuesBroken = !ok
			seen := make(map[string]Pos)
			for i, item := range items {
				ip := vp.Index(i)
				im, ok := p.w.Mapping(item, ip)
				if !ok {
					d.valuesBroken = true
					continue
				}
				ifs := p.fields(im, enumValueKeys(), enumValueRequired())
				ev := EnumValueDecl{Name: p.scalarField(ifs, ip, "name"), Label: p.scalarField(ifs, ip, "label"), Path: string(ip)}
				if !ev.Name.IsSet() {
					d.valuesBroken = true
					continue
				}
				if first, dup := seen[ev.Name.Value]; dup {
					p.diags = append(p.diags, &Diagnostic{
						Severity: SeverityError, Code: CodeIDDuplicate, Pos: ev.Name.Pos, Path: string(ip.Key("name")),
						Summary: fmt.Sprintf("the value %q is listed twice in %s", ev.Name.Value, vp),
						Related: []Pos{first},
					})
					continue
				}
				seen[ev.Name.Value] = ev.Name.Pos
				d.Values = append(d.Values, ev)
			}
		}
		p.file.Facts = append(p.file.Facts, d)
	})
}

func (p *parser) events(e yamlnode.Entry, path yamlnode.Path) {
	p.named(e, path, func(ne yamlnode.Entry, m yamlnode.Map, np yamlnode.Path) {
		fs := p.fields(m, eventKeys(), eventRequired())
		p.file.Events = append(p.file.Events, &EventDecl{
			Name:  p.key(ne),
			Path:  string(np),
			Label: p.scalarField(fs, np, "label"),
			Cite:  p.scalarField(fs, np, "cite"),
		})
	})
}

func (p *parser) conditions(e yamlnode.Entry, path yamlnode.Path) {
	p.named(e, path, func(ne yamlnode.Entry, m yamlnode.Map, np yamlnode.Path) {
		fs := p.fields(m, conditionKeys(), conditionRequired())
		p.file.Conditions = append(p.file.Conditions, &ConditionDecl{
			Name:  p.key(ne),
			Path:  string(np),
			Label: p.scalarField(fs, np, "label"),
			When:  p.scalarField(fs, np, "when"),
			Cite:  p.scalarField(fs, np, "cite"),
		})
	})
}

// section records a domain section. An implemented section parses its own
// syntax; any other is checked for shape and for duplicate ids only.
func (p *parser) section(k sectionKind, e yamlnode.Entry, path yamlnode.Path) {
	if !p.w.Expect(e.Value, path, k.shape) {
		return
	}
	d := &SectionDecl{Name: p.key(e), Path: string(path), node: e.Value}
	if k.parse != nil {
		k.parse(p, d)
	} else {
		p.uniqueIDs(e.Value, path)
	}
	p.file.Sections = append(p.file.Sections, d)
}

// uniqueIDs reports items of one list that share an id, anywhere under n.
// Rules in lists are identified by id (the key "id"); ids must be unique
// within their list so that a zone file can replace a baseline rule by id.
func (p *parser) uniqueIDs(n *yaml.Node, path yamlnode.Path) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode {
				p.uniqueIDs(n.Content[i+1], path.Key(k.Value))
			}
		}
	case yaml.SequenceNode:
		seen := make(map[string]*yaml.Node)
		for i, item := range n.Content {
			if id := idOf(item); id != nil {
				if first, dup := seen[id.Value]; dup {
					p.diags = append(p.diags, &Diagnostic{
						Severity: SeverityError, Code: CodeIDDuplicate, Pos: p.nodePos(id), Path: string(path.Index(i).Key("id")),
						Summary: fmt.Sprintf("the id %q is used twice in %s", id.Value, path),
						Detail:  fmt.Sprintf("It was first used on line %d. Each item of a list needs its own id: a zone file replaces a baseline rule by its id.", first.Line),
						Related: []Pos{p.nodePos(first)},
					})
				} else {
					seen[id.Value] = id
				}
			}
			p.uniqueIDs(item, path.Index(i))
		}
	}
}

// idOf returns the value node of the key "id" of a mapping, if it is a
// non-empty single value.
func idOf(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			return v
		}
	}
	return nil
}
