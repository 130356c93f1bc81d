package rules

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// ParseProjects reads a projects file: the projects a zone tracks, written
// with the facts and milestone dates the rule set reads.
//
//	devzone: 1
//	rules: policy.yaml               # optional: the rule set the projects are written for
//	projects:
//	  - id: JZ-2025-001
//	    name: 新能源汽车电驱系统项目
//	    investment: 12亿元
//	    kind: industrial
//	    land_mode: transfer
//	    tech_level: 3                # a fact the rule set declares under facts:
//	    events: {signed: 2025-03-02, review_passed: 2025-04-10}
//
// The file is YAML, or JSON with the same keys when filename ends in .json.
// It is read as strictly as a rule file (see docs/scenarios.md): unknown keys,
// duplicate keys and ids, amounts, dates and enum values that do not fit are
// all reported at once, each at its file:line:col.
//
// set gives the facts and events beyond the built-in ones: each declared
// fact may be written as a key of a project, typed by its declaration, and
// each declared event under events:. A declared fact's value is kept in
// [zone.Project.Attributes] as written (a list as its items joined with
// ", "), which is how [Set.Evaluate] reads it. set may be nil: then only the
// built-in facts and events are accepted.
//
// filename is used in positions and to choose JSON; ParseProjects reads
// nothing but src. The error, if any, is of type [Diagnostics], and the
// projects are nil; ParseProjects never panics.
func ParseProjects(set *Set, filename string, src []byte) ([]*zone.Project, error) {
	p := newParser(filename, src)
	root := p.decode(src)
	var out []*zone.Project
	if root != nil {
		out = p.projectsFile(set, root)
		p.problems(p.w.Problems())
	}
	if ds := p.diags.normalize(); ds.HasErrors() {
		return nil, ds
	}
	return out, nil
}

// LoadProjectsFile reads the projects file at path from the operating
// system's file system with [ParseProjects]. A file that cannot be read is
// a Diagnostics error with code file.read.
func LoadProjectsFile(set *Set, path string) ([]*zone.Project, error) {
	return loadProjects(osReader{}, set, filepath.Clean(path))
}

// LoadProjectsFS reads the projects file at path in fsys with
// [ParseProjects].
func LoadProjectsFS(set *Set, fsys fs.FS, path string) ([]*zone.Project, error) {
	return loadProjects(fsReader{fsys}, set, path)
}

func loadProjects(r reader, set *Set, name string) ([]*zone.Project, error) {
	src, err := r.read(name)
	if err != nil {
		return nil, Diagnostics{readProblem(name, Scalar{}, err)}
	}
	return ParseProjects(set, name, src)
}

// newParser returns a parser for a file that is not a rule file.
func newParser(filename string, src []byte) *parser {
	return &parser{file: &File{Name: filename, src: yamlnode.NewSource(src)}}
}

// decode reads src as YAML, or as JSON when the file name ends in .json,
// reporting problems; the root is nil when the text cannot be used.
func (p *parser) decode(src []byte) *yaml.Node {
	var root *yaml.Node
	var probs []yamlnode.Problem
	if strings.HasSuffix(strings.ToLower(p.file.Name), ".json") {
		root, probs = yamlnode.DecodeJSON(src, yamlnode.Limits{})
	} else {
		root, probs = yamlnode.Decode(src, yamlnode.Limits{})
	}
	p.problems(probs)
	return root
}

// header checks the top of a projects or scenario file: a mapping with the
// allowed keys and devzone: 1. It returns the top-level entries and false
// when the rest of the file should not be read.
func (p *parser) header(root *yaml.Node, allowed, required []string, what string) (map[string]yamlnode.Entry, bool) {
	top, ok := p.w.Mapping(root, "")
	if !ok {
		return nil, false
	}
	if e, ok := top.Get("devzone"); ok {
		if v := p.value(e, "devzone"); v.IsSet() && v.Value != FormatVersion {
			p.errorf(v.node, "devzone", CodeFileVersion,
				fmt.Sprintf("This version of devzone reads %s written in format %s: write \"devzone: %s\".", what, FormatVersion, FormatVersion),
				"unsupported %s format %q", what, v.Value)
			return nil, false
		}
	}
	return p.fields(top, allowed, required), true
}

// listField returns the items of the list under key name of a top-level
// mapping, reporting a value that is not a list.
func (p *parser) listField(fs map[string]yamlnode.Entry, name string) ([]*yaml.Node, bool) {
	e, ok := fs[name]
	if !ok {
		return nil, false
	}
	return p.w.List(e.Value, yamlnode.Path(name))
}

func (p *parser) projectsFile(set *Set, root *yaml.Node) []*zone.Project {
	fs, ok := p.header(root, projectsTopKeys(), []string{"devzone", "projects"}, "projects files")
	if !ok {
		return nil
	}
	p.scalarField(fs, "", "rules")
	items, ok := p.listField(fs, "projects")
	if !ok {
		return nil
	}
	r := newProjectReader(p, set)
	out := make([]*zone.Project, 0, len(items))
	seen := make(map[string]Scalar, len(items))
	for i, item := range items {
		path := yamlnode.Path("projects").Index(i)
		pr, id := r.project(item, path, true)
		if pr == nil {
			continue
		}
		if id.IsSet() {
			if first, dup := seen[pr.ID]; dup {
				p.diags = append(p.diags, &Diagnostic{
					Severity: SeverityError, Code: CodeProjectsDuplicateID, Pos: id.Pos, Path: string(path.Key("id")),
					Summary: fmt.Sprintf("the project id %q is used twice", pr.ID),
					Detail:  fmt.Sprintf("It was first used on line %d. Each project needs its own id (项目编号).", first.Pos.Line),
					Related: []Pos{first.Pos},
				})
			} else {
				seen[pr.ID] = id
			}
		}
		out = append(out, pr)
	}
	return out
}

// projectReader reads projects written with the built-in facts, the facts
// a rule set declares and events:. It is shared by projects files and the
// project: of scenario cases.
type projectReader struct {
	p        *parser
	set      *Set
	declared map[string]Fact // facts the rule set declares, by name
	keys     []string        // every key a project may have, for messages
	events   []string        // every event name
}

func newProjectReader(p *parser, set *Set) *projectReader {
	r := &projectReader{p: p, set: set, declared: map[string]Fact{}}
	r.keys = projectBuiltinKeys()
	if set == nil {
		for _, e := range builtinEvents() {
			r.events = append(r.events, e.Name)
		}
		return r
	}
	for _, f := range set.facts {
		if !f.Builtin {
			r.declared[f.Name] = f
			r.keys = append(r.keys, f.Name)
		}
	}
	for _, e := range set.events {
		r.events = append(r.events, e.Name)
	}
	return r
}

// project reads one project at path. It returns nil when the item is not a
// mapping; id is the id: as written (unset when absent), for duplicate
// checks. needID makes id: required.
func (r *projectReader) project(n *yaml.Node, path yamlnode.Path, needID bool) (pr *zone.Project, id Scalar) {
	p := r.p
	m, ok := p.w.Mapping(n, path)
	if !ok {
		return nil, Scalar{}
	}
	if needID && !m.Has("id") {
		p.w.Require(m, "id")
	}
	pr = &zone.Project{}
	for _, e := range m.Entries {
		name := e.Name()
		kp := path.Key(name)
		if name == "events" {
			r.events1(pr, e, kp)
			continue
		}
		if f, ok := r.declared[name]; ok {
			if raw, ok := r.attribute(f, e.Value, kp); ok {
				if pr.Attributes == nil {
					pr.Attributes = make(map[string]string)
				}
				pr.Attributes[name] = raw
			}
			continue
		}
		if !slices.Contains(projectBuiltinKeys(), name) {
			r.unknownKey(e, path)
			continue
		}
		v := p.value(e, kp)
		if !v.IsSet() {
			continue
		}
		r.builtin(pr, name, v, kp)
		if name == "id" {
			id = v
		}
	}
	return pr, id
}

func (r *projectReader) unknownKey(e yamlnode.Entry, path yamlnode.Path) {
	var detail strings.Builder
	if s := yamlnode.Suggest(e.Name(), r.keys); s != "" {
		fmt.Fprintf(&detail, "Did you mean %q? ", s)
	}
	detail.WriteString("A project may have the built-in facts (" + strings.Join(projectBuiltinKeys()[:numBuiltinFacts], ", ") + ")")
	declared := r.keys[numBuiltinFacts+1:]
	switch {
	case r.set == nil:
		detail.WriteString(" and events:. No rule set was given, so facts declared under facts: cannot be used.")
	case len(declared) == 0:
		detail.WriteString(" and events:. The rule set " + r.set.ID() + " declares no facts of its own; declare the fact under facts: in the rule set to use it.")
	default:
		detail.WriteString(", the facts the rule set " + r.set.ID() + " declares (" + strings.Join(declared, ", ") + ") and events:.")
	}
	r.p.diags = append(r.p.diags, &Diagnostic{
		Severity: SeverityError, Code: CodeProjectsUnknownFact, Pos: r.p.nodePos(e.Key), Path: string(path.Key(e.Name())),
		Summary: fmt.Sprintf("unknown fact %q in %s", e.Name(), path),
		Detail:  detail.String(),
	})
}

// builtin reads one built-in fact.
func (r *projectReader) builtin(pr *zone.Project, name string, v Scalar, path yamlnode.Path) {
	p := r.p
	switch name {
	case "id":
		if strings.TrimSpace(v.Value) == "" {
			p.diags = append(p.diags, valueDiag(CodeProjectsValue, v.Pos, path, "the project id is empty", "Write the project's id (项目编号), e.g. JZ-2025-001."))
			return
		}
		pr.ID = v.Value
	case "name":
		pr.Name = v.Value
	case "investor":
		pr.Investor = v.Value
	case "industry":
		pr.Industry = v.Value
	case "park":
		pr.Park = v.Value
	case "investment":
		d, lerr := readMoney(v.Value)
		if lerr != nil {
			p.diags = append(p.diags, valueDiag(CodeProjectsMoney, v.PosAt(lerr.offset), path,
				fmt.Sprintf("%q is not a valid amount of money", v.Value), lerr.msg+" Write the total investment (总投资) as 12亿元, 8000万元 or 50000000元."))
			return
		}
		pr.Investment = &d
	case "kind", "land_mode":
		var err error
		if name == "kind" {
			pr.Kind, err = zone.ParseKind(v.Value)
		} else {
			pr.LandMode, err = zone.ParseLandMode(v.Value)
		}
		if err != nil {
			for _, f := range builtinFacts() {
				if f.Name == name {
					r.enumProblem(v, path, name, f.Label, f.Values)
				}
			}
		}
	case "chain_leader_sourced":
		switch v.Value {
		case "true", "false":
			b := v.Value == "true"
			pr.ChainLeaderSourced = &b
		default:
			p.diags = append(p.diags, valueDiag(CodeProjectsValue, v.Pos, path,
				fmt.Sprintf("chain_leader_sourced must be true or false, not %q", v.Value),
				"Write true when a chain-leader company (链主) brought the project in, false when not; leave the key out when it is not known."))
		}
	}
}

// readMoney reads an amount of money that may not be negative.
func readMoney(s string) (decimal.Decimal, *literalError) {
	d, err := quantity.ParseMoney(s)
	if err != nil {
		return decimal.Decimal{}, fromQuantity(err)
	}
	if d.Sign() < 0 {
		return decimal.Decimal{}, &literalError{msg: "An amount here cannot be negative."}
	}
	return d, nil
}

func valueDiag(code string, pos Pos, path yamlnode.Path, summary, detail string) *Diagnostic {
	return &Diagnostic{Severity: SeverityError, Code: code, Pos: pos, Path: string(path), Summary: summary, Detail: detail}
}

// enumProblem reports a value that is not among a fact's allowed values.
func (r *projectReader) enumProblem(v Scalar, path yamlnode.Path, fact, label string, values []expr.EnumValue) {
	r.p.diags = append(r.p.diags, valueDiag(CodeProjectsEnum, v.Pos, path,
		fmt.Sprintf("%q is not a value of %s (%s)", v.Value, fact, label), enumDetail(v.Value, values)))
}

// enumDetail lists the allowed values of an enum, with a suggestion.
func enumDetail(got string, values []expr.EnumValue) string {
	var names, allowed []string
	for _, ev := range values {
		names = append(names, ev.Name)
		allowed = append(allowed, ev.Name+" ("+ev.Label+")")
	}
	var b strings.Builder
	if s := yamlnode.Suggest(got, names); s != "" {
		fmt.Fprintf(&b, "Did you mean %q? ", s)
	}
	b.WriteString("The allowed values are: " + strings.Join(allowed, ", ") + "; the Chinese names are accepted too.")
	return b.String()
}

// events1 reads a project's events: mapping of event names to dates.
func (r *projectReader) events1(pr *zone.Project, e yamlnode.Entry, path yamlnode.Path) {
	p := r.p
	m, ok := p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	for _, ee := range m.Entries {
		name := ee.Name()
		ep := path.Key(name)
		if !slices.Contains(r.events, name) {
			var detail strings.Builder
			if s := yamlnode.Suggest(name, r.events); s != "" {
				fmt.Fprintf(&detail, "Did you mean %q? ", s)
			}
			detail.WriteString("The events are: " + strings.Join(r.events, ", ") + ".")
			if r.set != nil {
				detail.WriteString(" Declare other milestones under events: in the rule set.")
			}
			p.diags = append(p.diags, valueDiag(CodeProjectsUnknownEvt, p.nodePos(ee.Key), ep, fmt.Sprintf("unknown event %q", name), detail.String()))
			continue
		}
		v := p.value(ee, ep)
		if !v.IsSet() {
			continue
		}
		d, err := calendar.ParseDate(v.Value)
		if err != nil {
			p.diags = append(p.diags, valueDiag(CodeProjectsDate, v.Pos, ep,
				fmt.Sprintf("%q is not a valid date for %s", v.Value, name), err.Error()+"."))
			continue
		}
		if pr.Events == nil {
			pr.Events = make(map[zone.Event]date.Date)
		}
		pr.Events[zone.Event(name)] = d
	}
}

// attribute reads the value of declared fact f: a single value, or for a
// list fact a list or a text whose items are separated by commas or 、. It
// returns the attribute text: the value as written, or the list's items
// joined with ", ".
func (r *projectReader) attribute(f Fact, n *yaml.Node, path yamlnode.Path) (string, bool) {
	p := r.p
	if f.Type.Kind != expr.KindList {
		if _, ok := p.w.Scalar(n, path); !ok {
			return "", false
		}
		v := p.scalar(n)
		if pr := checkFactItem(f, f.Type.Kind, v.Value); pr != nil {
			p.diags = append(p.diags, valueDiag(pr.code, v.PosAt(pr.offset), path, pr.summary, pr.detail))
			return "", false
		}
		return v.Value, true
	}
	if !p.w.Expect(n, path, yamlnode.ShapeList, yamlnode.ShapeValue) {
		return "", false
	}
	if n.Kind == yaml.ScalarNode {
		// The list written as text, its items separated by , or 、 — the
		// way the attribute is kept.
		v := p.scalar(n)
		good := true
		for _, it := range splitItems(v.Value) {
			if pr := checkFactItem(f, f.Type.Elem, it.text); pr != nil {
				p.diags = append(p.diags, valueDiag(pr.code, v.PosAt(it.offset+pr.offset), path, pr.summary, pr.detail))
				good = false
			}
		}
		return v.Value, good
	}
	items := n.Content
	texts := make([]string, 0, len(items))
	good := true
	for i, item := range items {
		ip := path.Index(i)
		if _, ok := p.w.Scalar(item, ip); !ok {
			good = false
			continue
		}
		v := p.scalar(item)
		if pr := checkFactItem(f, f.Type.Elem, v.Value); pr != nil {
			p.diags = append(p.diags, valueDiag(pr.code, v.PosAt(pr.offset), ip, pr.summary, pr.detail))
			good = false
			continue
		}
		texts = append(texts, v.Value)
	}
	return strings.Join(texts, ", "), good
}

// factProblem says why a value does not fit a declared fact.
type factProblem struct {
	code            string
	offset          int
	summary, detail string
}

// listSeparators are the characters that separate the items of a list
// attribute (see attributeValue); an item cannot contain them.
const listSeparators = ",、，"

// checkFactItem checks raw, one value of declared fact f of kind k (the
// fact's kind, or its items' kind for a list), exactly as evaluation will
// read it.
func checkFactItem(f Fact, k expr.Kind, raw string) *factProblem {
	name := f.Name + " (" + f.Label + ")"
	if f.Type.Kind == expr.KindList {
		if i := strings.IndexAny(raw, listSeparators); i >= 0 {
			return &factProblem{code: CodeProjectsValue, offset: i,
				summary: fmt.Sprintf("an item of %s cannot contain %q", name, []rune(raw[i:])[0]),
				detail:  "Write each item of a list as its own list item, e.g. [新能源汽车, 装备制造]; amounts without thousands separators (1000万元, not 1,000万元)."}
		}
	}
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\n"))
	v, lerr := parseValue(k, strings.TrimSpace(raw))
	if lerr != nil {
		code := CodeProjectsValue
		switch k {
		case expr.KindMoney:
			code = CodeProjectsMoney
		case expr.KindDate:
			code = CodeProjectsDate
		}
		return &factProblem{code: code, offset: lerr.offset + lead,
			summary: fmt.Sprintf("%q is not a valid %s for %s", raw, kindNoun(k), name),
			detail:  lerr.msg + " The rule set declares " + f.Name + " as " + typeLabel(f.Type) + "."}
	}
	if k == expr.KindEnum {
		s := v.Text()
		if !slices.ContainsFunc(f.Values, func(ev expr.EnumValue) bool { return ev.Name == s || ev.Label != "" && ev.Label == s }) {
			return &factProblem{code: CodeProjectsEnum, offset: lead,
				summary: fmt.Sprintf("%q is not a value of %s", raw, name), detail: enumDetail(s, f.Values)}
		}
	}
	return nil
}
