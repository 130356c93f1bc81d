package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// Compile interprets parsed rule files and returns the compiled Set.
//
// layers is the extends chain, base first: layers[0] extends nothing and
// each following file extends the one before it; the last file is the rule
// set itself. A rule set without extends is compiled with Compile(f).
// [LoadFile] and [LoadFS] resolve extends and call Compile; call it directly
// only when the files come from elsewhere.
//
// Later layers override earlier ones as docs/rule-format.md describes:
// parameters are replaced by name and must keep their type, facts and events
// are added (a fact redeclared must keep its type), named conditions are
// added or replaced by name.
//
// Compile reports every problem it finds. The returned Diagnostics are
// sorted by position and hold only *Diagnostic values; the Set is nil if and
// only if they contain an error. Warnings come with a non-nil Set and are
// also kept in [Set.Warnings]. Compile never panics on any File that
// [Parse] returned, even one Parse found errors in.
func Compile(layers ...*File) (*Set, Diagnostics) {
	c := &compiler{}
	for _, f := range layers {
		if f != nil {
			c.layers = append(c.layers, f)
		}
	}
	if len(c.layers) == 0 {
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeFileRead, Summary: "there is no rule file to compile"}}
	}
	c.compile()
	ds := c.diags.normalize()
	if ds.HasErrors() {
		return nil, ds
	}
	c.set.warnings = ds
	return c.set, ds
}

// compiler holds the state of one Compile call.
type compiler struct {
	layers []*File
	diags  Diagnostics
	set    *Set

	facts    []Fact
	factIdx  map[string]int
	events   []Event
	eventIdx map[string]int
	params   []Param
	paramIdx map[string]int
	conds    []*ConditionDecl
	condIdx  map[string]int
	bad      map[string]bool // names whose declaration failed: not reported again as unknown
	labelPos map[Pos]Pos     // declaration's name position → its label's position

	effectivePos Pos

	// env is the expression environment of the rule set, for the domain
	// sections; nil when the declarations it is built from failed.
	env *expr.Env
}

func (c *compiler) add(sev Severity, code string, pos Pos, path, detail, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Severity: sev, Code: code, Pos: pos, Path: path, Summary: fmt.Sprintf(format, args...), Detail: detail}
	c.diags = append(c.diags, d)
	return d
}

func (c *compiler) errorf(code string, pos Pos, path, detail, format string, args ...any) *Diagnostic {
	return c.add(SeverityError, code, pos, path, detail, format, args...)
}

func (c *compiler) compile() {
	c.set = &Set{}
	c.bad = make(map[string]bool)
	c.labelPos = make(map[Pos]Pos)
	for _, f := range c.layers {
		for _, n := range f.failed {
			c.bad[n] = true
		}
	}
	c.header()
	c.compileFacts()
	c.compileEvents()
	c.compileParams()
	c.mergeConditions()
	decls := c.declarations()
	c.checkNames(decls)
	env := c.buildEnv(decls)
	if env != nil {
		c.compileConditions(env)
	}
	c.env = env
	c.compileSections()
	c.finish(env)
}

// header reads the top-level values and checks the extends chain.
func (c *compiler) header() {
	s := c.set
	last := c.layers[len(c.layers)-1]
	for i, f := range c.layers {
		s.files = append(s.files, f.Name)
		switch {
		case i == 0 && f.Extends.IsSet():
			c.errorf(CodeExtendsUnresolved, f.Extends.Pos, "extends",
				"Load the rule set with LoadFile or LoadFS, which read the extended file, or pass it to Compile before this one.",
				"the extended file %q was not loaded", f.Extends.Value)
		case i > 0 && !f.Extends.IsSet():
			c.errorf(CodeExtendsUnresolved, Pos{File: f.Name, Line: 1, Col: 1}, "extends",
				fmt.Sprintf("Compile was given %s after %s, but %s has no extends: key.", f.Name, c.layers[i-1].Name, f.Name),
				"%s does not extend %s", f.Name, c.layers[i-1].Name)
		}
		if f.ID.IsSet() && !validID(f.ID.Value) {
			c.errorf(CodeFileID, f.ID.Pos, "id",
				"An id is written with lower-case letters, digits and - or _, for example jinzhong-integration. It names the rule set in results and traces.",
				"%q is not a valid rule-set id", f.ID.Value)
		}
		if f.Calendar.IsSet() {
			if _, ok := calendar.Builtin(f.Calendar.Value); !ok {
				d := c.errorf(CodeFileCalendar, f.Calendar.Pos, "calendar",
					"The calendars available are: "+strings.Join(calendarNames(), ", ")+" (中国大陆法定节假日与调休).",
					"unknown calendar %q", f.Calendar.Value)
				if sug := yamlnode.Suggest(f.Calendar.Value, calendarNames()); sug != "" {
					d.Detail = fmt.Sprintf("Did you mean %q? %s", sug, d.Detail)
				}
			}
		}
		if f.Effective.IsSet() {
			if d, err := calendar.ParseDate(f.Effective.Value); err != nil {
				c.errorf(CodeValueSyntax, f.Effective.Pos, "effective", err.Error()+".", "effective: is not a valid date")
			} else {
				s.effective, s.hasEffective, c.effectivePos = d, true, f.Effective.Pos
			}
		}
	}
	s.id, s.title, s.source = last.ID.Value, last.Title.Value, last.Source.Value
	s.calName, s.cal = calendar.MainlandID, calendar.MainlandChina()
	for i := len(c.layers) - 1; i >= 0; i-- {
		if f := c.layers[i]; f.Calendar.IsSet() {
			if cal, ok := calendar.Builtin(f.Calendar.Value); ok {
				s.calName, s.cal = f.Calendar.Value, cal
			}
			break
		}
	}
}

// calendarNames lists the calendars a rule file can name.
func calendarNames() []string { return []string{calendar.MainlandID} }

// validID reports whether s is a rule-set id: ASCII letters, digits, '-',
// '_' and '.', starting with a letter or digit.
func validID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9':
		case i > 0 && (ch == '-' || ch == '_' || ch == '.'):
		default:
			return false
		}
	}
	return true
}

// validName reports whether s can name a fact, event, parameter or
// condition: snake_case, as the expression language requires.
func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || len(s) > 64 {
		return false
	}
	for i := 1; i < len(s); i++ {
		ch := s[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_') {
			return false
		}
	}
	return !reserved(s)
}

// reserved reports whether s is a keyword of the expression language (in any
// case) or as_of.
func reserved(s string) bool {
	switch strings.ToLower(s) {
	case "and", "or", "not", "in", "true", "false", "as_of":
		return true
	}
	return false
}

// identifier reports whether s can be written as a name in an expression:
// letters, digits and _, not starting with a digit, not a keyword.
func identifier(s string) bool {
	if s == "" || reserved(s) {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func (c *compiler) badName(n Scalar, path, what string) {
	detail := "Names are written in snake_case: lower-case letters, digits and _, starting with a letter, for example land_budget. The Chinese name goes in label:."
	if reserved(n.Value) {
		detail = fmt.Sprintf("%q is a word of the expression language (and, or, not, in, true, false, as_of); choose another name.", n.Value)
	}
	c.errorf(CodeNameInvalid, n.Pos, path, detail, "%q cannot be used as the name of a %s", n.Value, what)
	c.bad[n.Value] = true
}

func (c *compiler) compileFacts() {
	c.facts = builtinFacts()
	c.factIdx = make(map[string]int)
	for i, f := range c.facts {
		c.factIdx[f.Name] = i
	}
	for _, file := range c.layers {
		for _, d := range file.Facts {
			c.fact(d)
		}
	}
}

func (c *compiler) fact(d *FactDecl) {
	name := d.Name.Value
	if !validName(name) {
		c.badName(d.Name, d.Path, "fact")
		return
	}
	if i, ok := c.factIdx[name]; ok && c.facts[i].Builtin {
		c.errorf(CodeFactBuiltin, d.Name.Pos, d.Path,
			fmt.Sprintf("%s (%s) is one of the facts every project has (%s). Remove this declaration, or choose another name for a different fact.", name, c.facts[i].Label, builtinFactNames()),
			"the built-in fact %s cannot be declared again", name)
		return
	}
	if !d.Type.IsSet() || !d.Label.IsSet() {
		c.bad[name] = true
		return // Parse reported the missing key
	}
	t, ok := parseType(d.Type.Value, true)
	if !ok {
		c.errorf(CodeTypeUnknown, d.Type.Pos, d.Path+".type",
			"The types are: "+typeNames(true)+", or \"list of\" one of them (list of text).",
			"unknown type %q", d.Type.Value)
		c.bad[name] = true
		return
	}
	f := Fact{Name: name, Label: d.Label.Value, Type: t, Cite: d.Cite.Value, Pos: d.Name.Pos}
	c.labelPos[d.Name.Pos] = d.Label.Pos
	isEnum := t.Kind == expr.KindEnum || t.Kind == expr.KindList && t.Elem == expr.KindEnum
	switch {
	case isEnum && len(d.Values) == 0:
		if d.valuesBroken {
			c.bad[name] = true
			return // the values were reported as malformed
		}
		c.errorf(CodeFactNoValues, d.Type.Pos, d.Path,
			"List the allowed values, each with a label:\n  values:\n    - {name: core, label: 核心企业}\n    - {name: related, label: 配套企业}",
			"the enum fact %s has no values", name)
		c.bad[name] = true
		return
	case !isEnum && d.ValuesPos.IsValid():
		c.errorf(CodeFactNoValues, d.ValuesPos, d.Path+".values",
			fmt.Sprintf("Only a fact of type enum has a list of allowed values; %s is of type %s. Use type: enum, or remove values:.", name, t),
			"values: is only for enum facts")
	}
	if isEnum {
		t.Enum = name
		f.Type = t
		for _, v := range d.Values {
			if !identifier(v.Name.Value) {
				c.errorf(CodeNameInvalid, v.Name.Pos, v.Path+".name",
					"A value's name is written in an expression (tech_level == core), so it may hold letters, digits and _ only. Put the Chinese name in label:.",
					"%q cannot be used as the name of a value", v.Name.Value)
				continue
			}
			f.Values = append(f.Values, expr.EnumValue{Name: v.Name.Value, Label: v.Label.Value})
		}
	}
	if i, ok := c.factIdx[name]; ok {
		prev := c.facts[i]
		if prev.Type != f.Type || !slices.Equal(prev.Values, f.Values) {
			d := c.errorf(CodeFactTypeChanged, d.Type.Pos, d.Path+".type",
				fmt.Sprintf("%s is declared in %s as %s. A zone file may give a fact a new label, but its type and values must stay the same: expressions in the baseline rely on them.", name, prev.Pos.File, describeFact(prev)),
				"the fact %s is declared again with a different type", name)
			d.Related = []Pos{prev.Pos}
			return
		}
		c.facts[i] = f
		return
	}
	c.factIdx[name] = len(c.facts)
	c.facts = append(c.facts, f)
}

func describeFact(f Fact) string {
	s := f.Type.String()
	if len(f.Values) > 0 {
		var names []string
		for _, v := range f.Values {
			names = append(names, v.Name)
		}
		s += " [" + strings.Join(names, ", ") + "]"
	}
	return s
}

func builtinFactNames() string {
	var names []string
	for _, f := range builtinFacts() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

func builtinEventNames() string {
	var names []string
	for _, e := range builtinEvents() {
		names = append(names, e.Name+" "+e.Label)
	}
	return strings.Join(names, ", ")
}

func (c *compiler) compileEvents() {
	c.events = builtinEvents()
	c.eventIdx = make(map[string]int)
	for i, e := range c.events {
		c.eventIdx[e.Name] = i
	}
	for _, file := range c.layers {
		for _, d := range file.Events {
			name := d.Name.Value
			if !validName(name) {
				c.badName(d.Name, d.Path, "event")
				continue
			}
			i, ok := c.eventIdx[name]
			if ok && c.events[i].Builtin {
				c.errorf(CodeEventBuiltin, d.Name.Pos, d.Path,
					"The built-in events are: "+builtinEventNames()+". Remove this declaration, or choose another name for a different milestone.",
					"the built-in event %s cannot be declared again", name)
				continue
			}
			e := Event{Name: name, Label: d.Label.Value, Cite: d.Cite.Value, Pos: d.Name.Pos}
			c.labelPos[d.Name.Pos] = d.Label.Pos
			if ok {
				c.events[i] = e // a zone file may relabel a baseline event
				continue
			}
			c.eventIdx[name] = len(c.events)
			c.events = append(c.events, e)
		}
	}
}

func (c *compiler) compileParams() {
	c.paramIdx = make(map[string]int)
	for _, file := range c.layers {
		for _, d := range file.Parameters {
			name := d.Name.Value
			if !validName(name) {
				c.badName(d.Name, d.Path, "parameter")
				continue
			}
			p, typePos, ok := c.param(d)
			if !ok {
				c.bad[name] = true
				continue
			}
			if i, exists := c.paramIdx[name]; exists {
				prev := c.params[i]
				if prev.Type != p.Type {
					dg := c.errorf(CodeParamTypeChanged, typePos, d.Path,
						fmt.Sprintf("%s is of type %s in %s; here it is of type %s. A zone file may change a parameter's values, not its type: expressions in the baseline compare it with %s values.",
							name, typeLabel(prev.Type), prev.Pos.File, typeLabel(p.Type), prev.Type),
						"the parameter %s changes type from %s to %s", name, prev.Type, p.Type)
					dg.Related = []Pos{prev.Pos}
					continue
				}
				c.params[i] = p
				continue
			}
			c.paramIdx[name] = len(c.params)
			c.params = append(c.params, p)
		}
	}
	if eff, ok := c.set.Effective(); ok {
		for _, p := range c.params {
			if len(p.values) == 0 || !p.values[0].Dated || p.values[0].From <= eff {
				continue
			}
			// A warning, not an error: a policy may introduce a parameter
			// after the rule set takes effect. Until then, conditions that
			// read it are unknown, never computed with a zero.
			first := p.values[0]
			d := c.add(SeverityWarning, CodeParamBeforeFirst, first.Pos, "parameters."+p.Name+".values",
				fmt.Sprintf("The rule set takes effect on %s (effective:), but the first value of %s takes effect on %s. From %s to %s the parameter has no value, and every condition that uses it is unknown on those days. If that is not intended, add a value dated %s or earlier, or move effective: later.",
					eff, p.Name, first.From, eff, first.From-1, eff),
				"the parameter %s has no value from %s, when the rule set takes effect, until %s", p.Name, eff, first.From)
			d.Related = []Pos{c.effectivePos}
		}
	}
}

// param compiles one parameter declaration. It returns the position where
// the parameter's type shows (its type: or its first value), for
// type-change diagnostics.
func (c *compiler) param(d *ParamDecl) (Param, Pos, bool) {
	p := Param{Name: d.Name.Value, Label: d.Label.Value, Cite: d.Cite.Value, Pos: d.Name.Pos}
	c.labelPos[d.Name.Pos] = d.Label.Pos
	if !d.Label.IsSet() || d.Value == nil && len(d.Values) == 0 {
		return p, Pos{}, false // Parse reported it
	}
	var want expr.Type
	typePos := Pos{}
	if d.Type.IsSet() {
		t, ok := parseType(d.Type.Value, false)
		if !ok {
			detail := "The types are: " + typeNames(false) + ", or \"list of\" one of them (list of text)."
			if strings.TrimSpace(d.Type.Value) == "enum" {
				detail = "A parameter holds a value the rule set fixes, not a choice a project makes: use type: text (or list of text)."
			}
			c.errorf(CodeTypeUnknown, d.Type.Pos, d.Path+".type", detail, "unknown type %q", d.Type.Value)
			return p, Pos{}, false
		}
		want, typePos = t, d.Type.Pos
	}
	type lit struct {
		from  Scalar // the date key, unset for value:
		value Literal
		path  string
	}
	var lits []lit
	if d.Value != nil {
		lits = append(lits, lit{value: *d.Value, path: d.Path + ".value"})
	}
	for _, dv := range d.Values {
		lits = append(lits, lit{from: dv.Date, value: dv.Value, path: dv.Path})
	}
	ok := true
	var inferred expr.Type
	var inferredAt Pos
	for _, l := range lits {
		pv := ParamValue{Pos: l.value.Pos}
		if l.from.IsSet() {
			day, err := calendar.ParseDate(l.from.Value)
			if err != nil {
				c.errorf(CodeValueSyntax, l.from.Pos, l.path, err.Error()+" Each key of values: is the date its value takes effect.", "%q is not a valid date", l.from.Value)
				ok = false
				continue
			}
			pv.From, pv.Dated, pv.Pos = day, true, l.from.Pos
		}
		v, t, good := c.literalValue(l.value, want, l.path)
		if !good {
			ok = false
			continue
		}
		if want.Kind == expr.KindInvalid {
			switch {
			case inferred.Kind == expr.KindInvalid:
				inferred, inferredAt = t, l.value.Pos
				if typePos == (Pos{}) {
					typePos = l.value.Pos
				}
			default:
				u, same := unifyType(inferred, t)
				if !same {
					dg := c.errorf(CodeParamMixedTypes, l.value.Pos, l.path,
						fmt.Sprintf("The first value of %s is a %s, this one a %s. All values of a parameter have one type; if the values are meant as text, add type: text.", d.Name.Value, typeLabel(inferred), typeLabel(t)),
						"the values of parameter %s are of different types", d.Name.Value)
					dg.Related = []Pos{inferredAt}
					ok = false
					continue
				}
				inferred = u
			}
		}
		pv.Value = v
		p.values = append(p.values, pv)
	}
	if !ok {
		return p, typePos, false
	}
	p.Type = want
	if want.Kind == expr.KindInvalid {
		p.Type = inferred
	}
	for i := range p.values {
		p.values[i].Value = widenValue(p.values[i].Value, p.Type)
	}
	slices.SortFunc(p.values, func(a, b ParamValue) int { return int(a.From - b.From) })
	if len(p.values) > 1 && !p.values[0].Dated {
		// value: and values: together; Parse reported it.
		return p, typePos, false
	}
	return p, typePos, true
}

// unifyType returns the common type of two inferred types.
func unifyType(a, b expr.Type) (expr.Type, bool) {
	if a.Kind == expr.KindList && b.Kind == expr.KindList {
		k, ok := unify(a.Elem, b.Elem)
		return expr.Type{Kind: expr.KindList, Elem: k}, ok
	}
	if a.Kind == expr.KindList || b.Kind == expr.KindList {
		return expr.Type{}, false
	}
	k, ok := unify(a.Kind, b.Kind)
	return expr.Type{Kind: k}, ok
}

func widenValue(v expr.Value, t expr.Type) expr.Value {
	if t.Kind == expr.KindList && t.Elem == expr.KindDecimal {
		items := v.List()
		out := make([]expr.Value, len(items))
		for i, it := range items {
			out[i] = widen(it, expr.KindDecimal)
		}
		return expr.List(out...)
	}
	return widen(v, t.Kind)
}

// literalValue reads a parameter value, of type want or, when want is zero,
// of the type its text shows.
func (c *compiler) literalValue(l Literal, want expr.Type, path string) (expr.Value, expr.Type, bool) {
	if want.Kind != expr.KindInvalid && (want.Kind == expr.KindList) != l.IsList {
		if l.IsList {
			c.errorf(CodeValueType, l.Pos, path, fmt.Sprintf("The parameter's type is %s: write one value, or change type: to list of %s.", typeLabel(want), want.Kind), "a list is given for a single value")
		} else {
			c.errorf(CodeValueType, l.Pos, path, fmt.Sprintf("The parameter's type is %s: write the value as a list, such as [新能源汽车, 装备制造].", typeLabel(want)), "a single value is given where a list belongs")
		}
		return expr.Value{}, expr.Type{}, false
	}
	if !l.IsList {
		v, k, ok := c.scalarValue(l.Scalar, want.Kind, path)
		return v, expr.Type{Kind: k}, ok
	}
	if len(l.List) == 0 && want.Kind == expr.KindInvalid {
		c.errorf(CodeValueType, l.Pos, path, "An empty list does not show what kind of values it is for: add type:, for example type: list of text.", "the type of an empty list is not known")
		return expr.Value{}, expr.Type{}, false
	}
	items := make([]expr.Value, 0, len(l.List))
	elem := want.Elem
	var firstAt Pos
	ok := true
	for i, s := range l.List {
		ip := fmt.Sprintf("%s[%d]", path, i)
		v, k, good := c.scalarValue(s, want.Elem, ip)
		if !good {
			ok = false
			continue
		}
		if want.Kind == expr.KindInvalid {
			if elem == expr.KindInvalid {
				elem, firstAt = k, s.Pos
			} else if u, same := unify(elem, k); same {
				elem = u
			} else {
				dg := c.errorf(CodeParamMixedTypes, s.Pos, ip,
					fmt.Sprintf("The first item is a %s, this one a %s. The items of a list have one type; for text, add type: list of text.", elem.Label(), k.Label()),
					"the items of the list are of different types")
				dg.Related = []Pos{firstAt}
				ok = false
				continue
			}
		}
		items = append(items, v)
	}
	if !ok {
		return expr.Value{}, expr.Type{}, false
	}
	for i := range items {
		items[i] = widen(items[i], elem)
	}
	return expr.List(items...), expr.Type{Kind: expr.KindList, Elem: elem}, true
}

// scalarValue reads one value of kind want, or infers its kind when want is
// KindInvalid. A value that cannot be read is reported at the character
// where reading stopped.
func (c *compiler) scalarValue(s Scalar, want expr.Kind, path string) (expr.Value, expr.Kind, bool) {
	var v expr.Value
	var err *literalError
	if want == expr.KindInvalid {
		v, err = inferValue(s.Value, s.node != nil && s.node.Tag == "!!bool")
	} else {
		v, err = parseValue(want, s.Value)
	}
	if err != nil {
		summary := fmt.Sprintf("%q is not a valid %s", s.Value, kindNoun(want))
		if want == expr.KindInvalid {
			summary = fmt.Sprintf("%q cannot be read as a value", s.Value)
		}
		c.errorf(CodeValueSyntax, s.PosAt(err.offset), path, err.msg, "%s", summary)
		return expr.Value{}, expr.KindInvalid, false
	}
	return v, v.Kind(), true
}

// mergeConditions merges the named conditions of all layers: a later layer
// replaces a condition of the same name in place, or adds a new one at the
// end.
func (c *compiler) mergeConditions() {
	c.condIdx = make(map[string]int)
	for _, file := range c.layers {
		for _, d := range file.Conditions {
			name := d.Name.Value
			if !validName(name) {
				c.badName(d.Name, d.Path, "condition")
				continue
			}
			if !d.When.IsSet() || !d.Label.IsSet() {
				c.bad[name] = true
				continue
			}
			if i, ok := c.condIdx[name]; ok {
				c.conds[i] = d
				continue
			}
			c.condIdx[name] = len(c.conds)
			c.conds = append(c.conds, d)
		}
	}
}

// declared is one name an expression can use: a fact, event, parameter or
// named condition, in slot order.
type declared struct {
	name, label string
	what        string // fact, event, parameter, condition
	pos         Pos    // zero for built-ins
	labelPos    Pos    // zero for built-ins
	decl        expr.Decl
}

// path returns the declaration's key path, such as "facts.tech_level".
func (d *declared) path() string {
	section := map[string]string{"fact": "facts", "event": "events", "parameter": "parameters", "condition": "conditions"}[d.what]
	return section + "." + d.name
}

// declarations lists everything expressions can name, in slot order:
// built-in and declared facts, events, parameters, named conditions.
func (c *compiler) declarations() []declared {
	out := make([]declared, 0, len(c.facts)+len(c.events)+len(c.params)+len(c.conds))
	label := func(l string) string {
		if identifier(l) {
			return l
		}
		return "" // a label that cannot be written in an expression is for display only
	}
	for _, f := range c.facts {
		out = append(out, declared{f.Name, f.Label, "fact", f.Pos, c.labelPos[f.Pos],
			expr.Decl{Name: f.Name, Label: label(f.Label), Type: f.Type, Role: expr.RoleFact, EnumValues: f.Values}})
	}
	for _, e := range c.events {
		out = append(out, declared{e.Name, e.Label, "event", e.Pos, c.labelPos[e.Pos],
			expr.Decl{Name: e.Name, Label: label(e.Label), Type: expr.Type{Kind: expr.KindDate}, Role: expr.RoleEvent}})
	}
	for _, p := range c.params {
		out = append(out, declared{p.Name, p.Label, "parameter", p.Pos, c.labelPos[p.Pos],
			expr.Decl{Name: p.Name, Label: label(p.Label), Type: p.Type, Role: expr.RoleParam}})
	}
	for _, d := range c.conds {
		out = append(out, declared{d.Name.Value, d.Label.Value, "condition", d.Name.Pos, d.Label.Pos,
			expr.Decl{Name: d.Name.Value, Label: label(d.Label.Value), Type: expr.Type{Kind: expr.KindBool}, Role: expr.RoleCondition}})
	}
	return out
}

// checkNames reports a name or label used twice across facts, events,
// parameters and conditions: an expression could not tell them apart.
func (c *compiler) checkNames(decls []declared) {
	type owner struct {
		i     int // index in decls
		label bool
	}
	seen := make(map[string]owner, 2*len(decls))
	describe := func(o owner) string {
		d := &decls[o.i]
		s := d.what + " " + d.name
		if o.label {
			s = "the label of " + s
		}
		if d.pos.IsValid() {
			return s + " (" + d.pos.String() + ")"
		}
		return s + " (built in)"
	}
	for i := range decls {
		d := &decls[i]
		for _, isLabel := range []bool{false, true} {
			n := d.name
			if isLabel {
				n = d.decl.Label
				if n == "" || n == d.name {
					continue
				}
			}
			prev, dup := seen[n]
			if !dup {
				seen[n] = owner{i, isLabel}
				continue
			}
			path, pos := d.path(), d.pos
			if isLabel {
				path += ".label"
				if d.labelPos.IsValid() {
					pos = d.labelPos
				}
			}
			dg := c.errorf(CodeNameDuplicate, pos, path,
				fmt.Sprintf("%q is already used by %s. Names and labels can both be written in expressions, so each must be unique among facts, events, parameters and conditions.", n, describe(prev)),
				"%q is already used", n)
			if p := decls[prev.i]; p.pos.IsValid() {
				dg.Related = []Pos{p.pos}
				if prev.label && p.labelPos.IsValid() {
					dg.Related = []Pos{p.labelPos}
				}
			}
			c.bad[d.name] = true
		}
	}
}

// buildEnv declares every fact, event, parameter and named condition to the
// expression language, in the slot order of decls.
func (c *compiler) buildEnv(all []declared) *expr.Env {
	where := all
	if c.diags.HasErrors() {
		// Declarations with errors were left out or are suspect; the
		// expressions are still compiled against what could be declared,
		// so their own problems are reported too.
		where = dropDuplicates(all)
	}
	decls := make([]expr.Decl, len(where))
	for i := range where {
		decls[i] = where[i].decl
	}
	env, err := expr.NewEnv(decls...)
	if err == nil {
		return env
	}
	reported := false
	for _, e := range unwrapAll(err) {
		var de *expr.DeclError
		if !errors.As(e, &de) || de.Index < 0 || de.Index >= len(where) {
			continue
		}
		w := &where[de.Index]
		if c.bad[w.name] {
			continue
		}
		pos := w.pos
		if !pos.IsValid() {
			pos = Pos{File: c.layers[len(c.layers)-1].Name, Line: 1, Col: 1}
		}
		c.errorf(de.Code, pos, w.path(), "", "%s", de.Summary)
		reported = true
	}
	if !reported && !c.diags.HasErrors() {
		c.errorf(CodeNameInvalid, Pos{File: c.layers[len(c.layers)-1].Name, Line: 1, Col: 1}, "", err.Error(), "the declarations cannot be used in expressions")
	}
	return nil
}

// dropDuplicates returns the declarations whose name and label do not
// repeat an earlier one, so that an environment can still be built after
// such errors were reported.
func dropDuplicates(all []declared) []declared {
	seen := make(map[string]bool)
	var out []declared
	for _, d := range all {
		if !validName(d.name) || seen[d.name] || d.decl.Label != "" && seen[d.decl.Label] {
			continue
		}
		seen[d.name] = true
		if d.decl.Label != "" {
			seen[d.decl.Label] = true
		}
		out = append(out, d)
	}
	return out
}

// unwrapAll returns the errors joined in err (or err itself).
func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// compileConditions compiles the named conditions and orders them so that
// each comes after the conditions it uses.
func (c *compiler) compileConditions(env *expr.Env) {
	s := c.set
	s.condIndex = make(map[string]int)
	for _, d := range c.conds {
		prog := c.compileExpr(env, d.When, d.Path+".when", expr.KindBool)
		cond := &Condition{
			set: s, prog: prog, name: d.Name.Value, label: d.Label.Value, cite: d.Cite.Value,
			pos: d.Name.Pos, whenPos: d.When.Pos, named: true,
		}
		if slot, ok := env.Slot(d.Name.Value); ok {
			cond.slot = slot
		}
		s.condIndex[cond.name] = len(s.conds)
		s.conds = append(s.conds, cond)
	}
	c.orderConditions()
}

// compileExpr compiles one expression-valued key and reports its errors at
// the characters they concern.
func (c *compiler) compileExpr(env *expr.Env, src Scalar, path string, want expr.Kind) *expr.Program {
	prog, errs := env.Compile(src.Value, want)
	for _, e := range errs {
		if e.Code == expr.CodeUnknownName && c.bad[strings.TrimSpace(src.Value[e.Start:e.End])] {
			continue // the declaration it names was reported already
		}
		c.errorf(e.Code, src.PosAt(e.Start), path, e.Detail, "%s", e.Summary)
	}
	return prog
}

// orderConditions sorts the named conditions so that each is evaluated
// after those it uses, and reports cycles.
func (c *compiler) orderConditions() {
	s := c.set
	const (
		unvisited = iota
		active
		done
	)
	state := make([]int, len(s.conds))
	var stack []int
	var visit func(i int) bool
	visit = func(i int) bool {
		switch state[i] {
		case done:
			return true
		case active:
			// A cycle: report it once, at the first condition of the cycle.
			start := slices.Index(stack, i)
			cycle := append(slices.Clone(stack[start:]), i)
			var names []string
			var related []Pos
			for _, j := range cycle {
				names = append(names, s.conds[j].name)
			}
			for _, j := range cycle[1 : len(cycle)-1] {
				related = append(related, s.conds[j].whenPos)
			}
			first := s.conds[i]
			d := c.errorf(CodeConditionCycle, first.whenPos, "conditions."+first.name+".when",
				"A condition cannot depend on itself, directly or through other conditions: "+strings.Join(names, " → ")+". Rewrite one of them without the others.",
				"the conditions %s use each other in a circle", strings.Join(names[:len(names)-1], ", "))
			d.Related = related
			return false
		}
		state[i] = active
		stack = append(stack, i)
		ok := true
		if prog := s.conds[i].prog; prog != nil {
			for _, ref := range prog.References() {
				if j, isCond := s.condIndex[ref]; isCond && !visit(j) {
					ok = false
					break
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = done
		s.condOrder = append(s.condOrder, i)
		return ok
	}
	for i := range s.conds {
		if state[i] == unvisited && !visit(i) {
			// Reported; keep ordering the rest to find other cycles.
			continue
		}
	}
}

// compileSections hands each domain section to its compiler, or warns that
// it is accepted but not checked yet.
func (c *compiler) compileSections() {
	for _, k := range sectionKinds() {
		var layers []*SectionDecl
		for _, f := range c.layers {
			for _, d := range f.Sections {
				if d.Name.Value == k.name {
					layers = append(layers, d)
				}
			}
		}
		if len(layers) == 0 {
			continue
		}
		if k.implemented() {
			k.compile(c, layers)
			continue
		}
		c.set.unchecked = append(c.set.unchecked, k.name)
		for _, d := range layers {
			c.add(SeverityWarning, CodeSectionUnchecked, d.Name.Pos, d.Path,
				fmt.Sprintf("The %s section (%s) is read and its layout checked, but this version of devzone does not apply its rules yet: they have no effect on results.", k.name, k.label),
				"the %s section is not checked yet", k.name)
		}
	}
}

// finish fills in the Set.
func (c *compiler) finish(env *expr.Env) {
	s := c.set
	// A Set must never hold an expression that failed to compile. Every
	// failure is reported where it happens; this guards against a failure
	// whose report was suppressed as a repeat of one that never came.
	if !c.diags.HasErrors() {
		broken := env == nil
		for _, cond := range s.conds {
			broken = broken || cond.prog == nil
		}
		if broken {
			c.errorf(CodeFileRead, Pos{File: c.layers[len(c.layers)-1].Name, Line: 1, Col: 1}, "",
				"This is a fault in devzone, not in the rule file; please report it with the file.",
				"the rule set could not be compiled")
		}
	}
	s.env = env
	s.facts = c.facts
	s.events = c.events
	s.params = c.params
	s.paramIndex = c.paramIdx
	if env == nil {
		return
	}
	s.factSlots = make(map[string]int)
	for _, f := range c.facts[numBuiltinFacts:] {
		if slot, ok := env.Slot(f.Name); ok {
			s.factSlots[f.Name] = slot
		}
	}
	s.eventSlots = make(map[zone.Event]int)
	for _, e := range c.events {
		if slot, ok := env.Slot(e.Name); ok {
			s.eventSlots[zone.Event(e.Name)] = slot
		}
	}
	s.newBinding = s.createBinding
	s.paramSlots = make([]int, len(c.params))
	for i, p := range c.params {
		s.paramSlots[i], _ = env.Slot(p.Name)
	}
}
