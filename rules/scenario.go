package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// Scenarios is a scenario file, parsed and bound to its rule set: test
// cases that each give a project, an evaluation date and what the rule set
// must decide for it.
//
//	devzone: 1
//	rules: policy.yaml               # the rule set, relative to this file
//	cases:
//	  - name: 12亿元项目审议通过后30个工作日内完成土地出让
//	    as_of: 2025-07-01
//	    project: {id: JZ-2025-001, investment: 12亿元, land_mode: transfer,
//	              events: {signed: 2025-06-02, review_passed: 2025-06-10}}
//	    expect:
//	      stage: landing
//	      deadlines:
//	        land-transfer: {status: running, due: 2025-07-22}
//	      conditions: {service_team: true}
//
// docs/scenarios.md describes every key. Every rule an expectation names
// is checked against the rule set when the file is parsed: an id the rule
// set does not have is a diagnostic, never a check that silently passes.
//
// A Scenarios is immutable once parsed (treat its fields as read-only) and
// safe for concurrent use; run its cases with [Scenarios.Check].
type Scenarios struct {
	File  string // the scenario file's name, as given
	Rules string // rules: as written
	Set   *Set   // the rule set the cases are checked against
	Cases []*Case
}

// Case is one case of a scenario file.
type Case struct {
	Name    string
	Pos     Pos // where the case's name: is written
	AsOf    date.Date
	Project *zone.Project
	// Ledger holds earlier entries of the budget ledger (ledger:), applied
	// in order before the project's awards are allocated.
	Ledger []incentive.Entry

	asOfPos   Pos
	ledgerPos []Pos
	expects   []expectation
}

// expectation is one checked key of a case's expect:.
type expectation struct {
	key     string    // the key as written below expect:, e.g. criteria.review-passed
	pos     Pos       // where the expected value is written
	obs     []string  // the Observed path it compares with
	want    string    // the expected text, in the form Observed.Text has
	section string    // the section it needs: lifecycle, land, incentives, budgets; "" for none
	rules   []RuleKey // the rules it names, for coverage
}

// ParseScenarios parses a scenario file against set, the rule set its
// cases are checked against; the file's rules: is recorded but not
// followed (use [LoadScenariosFile] to load the rule set it names). set
// must not be nil.
//
// Problems are reported all at once, each at its file:line:col: the shape
// of the file, values (dates, amounts, statuses) written wrongly, projects
// as in [ParseProjects], and every id an expectation names that the rule
// set does not have (with a suggestion). Expectations about a section the
// rule set does not have are accepted and fail when checked, saying so.
//
// The error, if any, is of type [Diagnostics]; the Scenarios is nil then.
// filename is used in positions and to choose JSON (.json); ParseScenarios
// reads nothing but src and never panics.
func ParseScenarios(set *Set, filename string, src []byte) (*Scenarios, error) {
	if set == nil {
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeScenariosRules, Pos: Pos{File: filename},
			Summary: "no rule set was given to check the scenarios against"}}
	}
	return parseScenarios(filename, src, set, nil)
}

// LoadScenariosFile reads the scenario file at path, loads the rule set
// its rules: names (a path relative to the scenario file, following
// extends: as [LoadFile] does) and parses the cases against it. The error,
// if any, is of type [Diagnostics]: the scenario file's problems and the
// rule set's, each positioned in its own file.
func LoadScenariosFile(path string) (*Scenarios, error) {
	return loadScenarios(osReader{}, filepath.Clean(path))
}

// LoadScenariosFS is [LoadScenariosFile] for a file system such as an
// embed.FS: path and rules: are slash-separated, and rules: may not leave
// fsys.
func LoadScenariosFS(fsys fs.FS, path string) (*Scenarios, error) {
	return loadScenarios(fsReader{fsys}, path)
}

func loadScenarios(r reader, name string) (*Scenarios, error) {
	src, err := r.read(name)
	if err != nil {
		reason := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeFileRead, Pos: Pos{File: name},
			Summary: fmt.Sprintf("the scenario file %s cannot be read: %s", name, reason)}}
	}
	return parseScenarios(name, src, nil, func(rules Scalar) (*Set, Diagnostics) {
		return loadRulesFor(r, name, rules)
	})
}

// loadRulesFor loads the rule set that rules: of the file name names.
func loadRulesFor(r reader, name string, rules Scalar) (*Set, Diagnostics) {
	problem := func(detail, format string, args ...any) Diagnostics {
		return Diagnostics{{Severity: SeverityError, Code: CodeScenariosRules, Pos: rules.Pos, Path: "rules",
			Summary: fmt.Sprintf(format, args...), Detail: detail}}
	}
	target, err := r.resolve(name, rules.Value)
	if err != nil {
		return nil, problem("Write the path of the rule set relative to this file, with / between folders, e.g. policy.yaml or ../jinzhong/policy.yaml.",
			"rules: %q cannot be used: %v", rules.Value, err)
	}
	set, err := load(r, target)
	if err == nil {
		return set, nil
	}
	var ds Diagnostics
	if !errors.As(err, &ds) {
		return nil, problem("", "the rule set %s cannot be loaded: %v", target, err)
	}
	var out Diagnostics
	for _, d := range ds {
		if d.Code == CodeFileRead && d.Pos.File == target && d.Path == "" {
			return nil, problem(fmt.Sprintf("rules: %q is read relative to the folder of this file, which gives %s.", rules.Value, target),
				"the rule set %s cannot be read", target)
		}
		out = append(out, d)
	}
	return nil, append(out, problem("Fix the problems listed for the rule set; the cases are checked once it loads.",
		"the rule set %s has errors", target)...)
}

// scenarioParser reads the cases of one scenario file.
type scenarioParser struct {
	p    *parser
	set  *Set
	pr   *projectReader
	ids  ruleIDs
	out  *Scenarios
	seen map[string]Pos // case names
}

func parseScenarios(filename string, src []byte, set *Set, load func(Scalar) (*Set, Diagnostics)) (*Scenarios, error) {
	p := newParser(filename, src)
	root := p.decode(src)
	var out *Scenarios
	if root != nil {
		out = scenariosFile(p, root, set, load)
		p.problems(p.w.Problems())
	}
	if ds := p.diags.normalize(); ds.HasErrors() || out == nil {
		if len(ds) == 0 { // cannot happen: no Scenarios comes with an error
			ds = Diagnostics{{Severity: SeverityError, Code: CodeScenariosRules, Pos: Pos{File: filename}, Summary: "the scenario file could not be read"}}
		}
		return nil, ds
	}
	return out, nil
}

func scenariosFile(p *parser, root *yaml.Node, set *Set, load func(Scalar) (*Set, Diagnostics)) *Scenarios {
	fs, ok := p.header(root, scenariosTopKeys(), scenariosTopKeys(), "scenario files")
	if !ok {
		return nil
	}
	rules := p.scalarField(fs, "", "rules")
	if set == nil && load != nil && rules.IsSet() {
		var ds Diagnostics
		set, ds = load(rules)
		p.diags = append(p.diags, ds...)
	}
	if set == nil {
		return nil
	}
	out := &Scenarios{File: p.file.Name, Rules: rules.Value, Set: set}
	items, ok := p.listField(fs, "cases")
	if !ok {
		return nil
	}
	sp := &scenarioParser{p: p, set: set, pr: newProjectReader(p, set), ids: newRuleIDs(set), out: out, seen: map[string]Pos{}}
	for i, item := range items {
		if c := sp.caseItem(item, yamlnode.Path("cases").Index(i)); c != nil {
			out.Cases = append(out.Cases, c)
		}
	}
	return out
}

func (sp *scenarioParser) errorf(pos Pos, path yamlnode.Path, code, detail, format string, args ...any) {
	sp.p.diags = append(sp.p.diags, &Diagnostic{Severity: SeverityError, Code: code, Pos: pos, Path: string(path),
		Summary: fmt.Sprintf(format, args...), Detail: detail})
}

func (sp *scenarioParser) caseItem(n *yaml.Node, path yamlnode.Path) *Case {
	p := sp.p
	m, ok := p.w.Mapping(n, path)
	if !ok {
		return nil
	}
	fs := p.fields(m, caseKeys(), caseRequired())
	c := &Case{}
	name := p.scalarField(fs, path, "name")
	if name.IsSet() {
		c.Name, c.Pos = name.Value, name.Pos
		switch first, dup := sp.seen[name.Value]; {
		case strings.TrimSpace(name.Value) == "":
			sp.errorf(name.Pos, path.Key("name"), CodeScenariosValue, "Give each case a name that says what it checks.", "the case's name is empty")
		case dup:
			d := &Diagnostic{Severity: SeverityError, Code: CodeScenariosDuplicate, Pos: name.Pos, Path: string(path.Key("name")),
				Summary: fmt.Sprintf("the case name %q is used twice", name.Value),
				Detail:  fmt.Sprintf("It was first used on line %d. Each case needs its own name: failures and test names are reported by it.", first.Line),
				Related: []Pos{first}}
			p.diags = append(p.diags, d)
		default:
			sp.seen[name.Value] = name.Pos
		}
	} else {
		c.Pos = p.nodePos(n)
	}
	asOf := p.scalarField(fs, path, "as_of")
	if asOf.IsSet() {
		c.asOfPos = asOf.Pos
		d, err := calendar.ParseDate(asOf.Value)
		if err != nil {
			sp.errorf(asOf.Pos, path.Key("as_of"), CodeScenariosValue, err.Error()+".", "%q is not a valid date for as_of", asOf.Value)
		}
		c.AsOf = d
	}
	if e, ok := fs["project"]; ok {
		c.Project, _ = sp.pr.project(e.Value, path.Key("project"), false)
	}
	if e, ok := fs["ledger"]; ok {
		sp.ledger(c, e, path.Key("ledger"))
	}
	if e, ok := fs["expect"]; ok {
		sp.expect(c, e, path.Key("expect"))
	}
	return c
}

// ruleIDs holds the ids expectations may name, by kind.
type ruleIDs struct {
	stages, deadlines, steps []string
	conditions, programmes   []string
	indicators, prereqs      []string
	earmarks                 []string            // budget/earmark
	criteria                 map[string][]string // criterion or meeting id → transition/id
	qualified                map[string]RuleKey  // transition/id → the criterion or meeting
	pause, land, acceptance  string              // ids of the single rules, "" when absent
}

func newRuleIDs(s *Set) ruleIDs {
	ids := ruleIDs{criteria: map[string][]string{}, qualified: map[string]RuleKey{}}
	for _, c := range s.conds {
		ids.conditions = append(ids.conditions, c.name)
	}
	if l := s.lifecycle; l != nil {
		for _, st := range l.Stages() {
			ids.stages = append(ids.stages, st.Ref.ID)
		}
		for _, t := range l.Transitions() {
			add := func(k RuleKind, id string) {
				q := t.Ref.ID + "/" + id
				ids.criteria[id] = append(ids.criteria[id], q)
				ids.qualified[q] = RuleKey{k, q}
			}
			for _, c := range t.Criteria {
				add(RuleCriterion, c.Ref.ID)
			}
			if t.Meeting != nil {
				add(RuleMeeting, t.Meeting.Ref.ID)
			}
		}
		for _, d := range l.Deadlines() {
			ids.deadlines = append(ids.deadlines, d.Ref.ID)
		}
		steps, pause := l.Escalation()
		for _, st := range steps {
			ids.steps = append(ids.steps, st.Ref.ID)
		}
		if pause != nil {
			ids.pause = pause.Ref.ID
		}
	}
	if lp := s.land; lp != nil {
		ids.land = lp.Ref().ID
		for _, ind := range lp.Indicators() {
			ids.indicators = append(ids.indicators, ind.Ref.ID)
		}
		for _, pr := range slices.Concat(lp.Assessments(), lp.Infrastructure()) {
			ids.prereqs = append(ids.prereqs, pr.Ref.ID)
		}
		if a, ok := lp.Acceptance(); ok {
			ids.acceptance = a.Ref.ID
		}
	}
	if in := s.incentives; in != nil {
		for _, pg := range in.Programmes() {
			ids.programmes = append(ids.programmes, pg.Ref.ID)
		}
		for _, b := range in.Budgets() {
			for _, e := range b.Earmarks {
				ids.earmarks = append(ids.earmarks, b.Ref.ID+"/"+e.Ref.ID)
			}
		}
	}
	return ids
}

// hasSection reports whether the rule set has the section an expectation
// needs.
func (s *Set) hasSection(section string) bool {
	switch section {
	case "lifecycle":
		return s.lifecycle != nil
	case "land":
		return s.land != nil
	case "incentives":
		return s.incentives != nil
	case "budgets":
		return s.incentives != nil && len(s.incentives.Budgets()) > 0
	}
	return true
}

// known checks id against the ids of one kind and reports it when unknown.
func (sp *scenarioParser) known(what string, id Scalar, path yamlnode.Path, ids []string) bool {
	if slices.Contains(ids, id.Value) {
		return true
	}
	var detail strings.Builder
	if s := yamlnode.Suggest(id.Value, ids); s != "" {
		fmt.Fprintf(&detail, "Did you mean %q? ", s)
	}
	switch {
	case len(ids) == 0:
		fmt.Fprintf(&detail, "The rule set %s has no %ss.", sp.set.ID(), what)
	case len(ids) <= 30:
		fmt.Fprintf(&detail, "The %ss of the rule set %s are: %s.", what, sp.set.ID(), strings.Join(ids, ", "))
	default:
		fmt.Fprintf(&detail, "The rule set %s has %d %ss; the first are: %s, ….", sp.set.ID(), len(ids), what, strings.Join(ids[:30], ", "))
	}
	sp.errorf(id.Pos, path, CodeScenariosUnknownID, detail.String(), "the rule set has no %s %q", what, id.Value)
	return false
}

// want records an expectation.
func (c *Case) want(key yamlnode.Path, v Scalar, obs []string, want, section string, rules ...RuleKey) {
	c.expects = append(c.expects, expectation{key: string(key), pos: v.Pos, obs: obs, want: want, section: section, rules: rules})
}

// word checks that v is one of words and returns it.
func (sp *scenarioParser) word(v Scalar, path yamlnode.Path, words ...string) (string, bool) {
	if slices.Contains(words, v.Value) {
		return v.Value, true
	}
	detail := ""
	if s := yamlnode.Suggest(v.Value, words); s != "" {
		detail = fmt.Sprintf("Did you mean %q? ", s)
	}
	sp.errorf(v.Pos, path, CodeScenariosValue, detail+"Write one of: "+strings.Join(words, ", ")+".",
		"%q is not an expected value of %s", v.Value, lastKey(path))
	return "", false
}

func lastKey(p yamlnode.Path) string {
	s := string(p)
	if i := strings.LastIndexAny(s, ".["); i >= 0 && s[i] == '.' {
		return s[i+1:]
	}
	return s
}

// dateOrNone reads an expected date, or none.
func (sp *scenarioParser) dateOrNone(v Scalar, path yamlnode.Path) (string, bool) {
	if v.Value == "none" {
		return "none", true
	}
	d, err := calendar.ParseDate(v.Value)
	if err != nil {
		sp.errorf(v.Pos, path, CodeScenariosValue, err.Error()+"; or write none when the date must not be set.", "%q is not a valid date", v.Value)
		return "", false
	}
	return d.String(), true
}

// count reads an expected number of working days.
func (sp *scenarioParser) count(v Scalar, path yamlnode.Path) (string, bool) {
	if off, ok := scanNumber(v.Value, false); ok && !strings.HasPrefix(v.Value, "-") {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return strconv.Itoa(n), true
		}
	} else {
		v.Pos = v.PosAt(off)
	}
	sp.errorf(v.Pos, path, CodeScenariosValue, "Write a whole number of working days, e.g. 12.", "%q is not a number of working days", v.Value)
	return "", false
}

// moneyOr reads an expected amount of money (negative when signed), or one
// of words.
func (sp *scenarioParser) moneyOr(v Scalar, path yamlnode.Path, signed bool, words ...string) (string, bool) {
	if slices.Contains(words, v.Value) {
		return v.Value, true
	}
	d, err := quantity.ParseMoney(v.Value)
	if err == nil && (signed || d.Sign() >= 0) {
		return quantity.FormatMoney(d), true
	}
	pos, why := v.Pos, "An amount here cannot be negative."
	if err != nil {
		le := fromQuantity(err)
		pos, why = v.PosAt(le.offset), le.msg
	}
	also := ""
	if len(words) > 0 {
		also = " Or write " + strings.Join(words, " or ") + "."
	}
	sp.errorf(pos, path, CodeScenariosValue, why+" Write amounts as 50万元, 1.2亿元 or 3000元."+also, "%q is not a valid amount of money", v.Value)
	return "", false
}

// mapping walks a mapping of ids to expectations, calling fn with each key.
func (sp *scenarioParser) mapping(e yamlnode.Entry, path yamlnode.Path, fn func(key Scalar, value *yaml.Node, path yamlnode.Path)) {
	m, ok := sp.p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	for _, ke := range m.Entries {
		fn(sp.p.key(ke), ke.Value, path.Key(ke.Name()))
	}
}

// scalarAt reads a single value.
func (sp *scenarioParser) scalarAt(n *yaml.Node, path yamlnode.Path) (Scalar, bool) {
	if _, ok := sp.p.w.Scalar(n, path); !ok {
		return Scalar{}, false
	}
	return sp.p.scalar(n), true
}

// listAt reads a list of single values.
func (sp *scenarioParser) listAt(n *yaml.Node, path yamlnode.Path) ([]Scalar, bool) {
	items, ok := sp.p.w.List(n, path)
	if !ok {
		return nil, false
	}
	out := make([]Scalar, 0, len(items))
	for i, it := range items {
		v, ok := sp.scalarAt(it, path.Index(i))
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// scalarFields reads a mapping of single values with the allowed keys,
// calling fn for each.
func (sp *scenarioParser) scalarFields(n *yaml.Node, path yamlnode.Path, keys []string, fn func(name string, v Scalar, path yamlnode.Path)) {
	m, ok := sp.p.w.Mapping(n, path)
	if !ok {
		return
	}
	sp.p.w.Allow(m, keys...)
	for _, fe := range m.Entries {
		fp := path.Key(fe.Name())
		if !slices.Contains(keys, fe.Name()) {
			continue
		}
		if v, ok := sp.scalarAt(fe.Value, fp); ok {
			fn(fe.Name(), v, fp)
		}
	}
}

// expect reads a case's expect: mapping.
func (sp *scenarioParser) expect(c *Case, e yamlnode.Entry, path yamlnode.Path) {
	p := sp.p
	m, ok := p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	p.w.Allow(m, expectKeys()...)
	handlers := map[string]func(c *Case, e yamlnode.Entry, path, key yamlnode.Path){
		"stage":      sp.expectStage,
		"criteria":   sp.expectCriteria,
		"deadlines":  sp.expectDeadlines,
		"escalation": sp.expectEscalation,
		"paused":     sp.expectPaused,
		"findings":   sp.expectFindings,
		"conditions": sp.expectConditions,
		"incentives": sp.expectIncentives,
		"land":       sp.expectLand,
		"budgets":    sp.expectBudgets,
	}
	for _, ke := range m.Entries {
		if h, ok := handlers[ke.Name()]; ok {
			h(c, ke, path.Key(ke.Name()), yamlnode.Path("").Key(ke.Name()))
		}
	}
}

func (sp *scenarioParser) expectEscalation(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	sp.expectIDs(c, e.Value, path, key, []string{"escalation"}, idList{RuleStep, "escalation step", sp.ids.steps, "lifecycle", true})
}

func (sp *scenarioParser) expectPaused(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	v, ok := sp.scalarAt(e.Value, path)
	if !ok {
		return
	}
	if w, ok := sp.word(v, path, "true", "false"); ok {
		var rules []RuleKey
		if sp.ids.pause != "" {
			rules = append(rules, RuleKey{RulePause, sp.ids.pause})
		}
		c.want(key, v, []string{"paused"}, w, "lifecycle", rules...)
	}
}

func (sp *scenarioParser) expectFindings(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	vs, ok := sp.listAt(e.Value, path)
	if !ok {
		return
	}
	var codes []string
	for _, v := range vs {
		codes = append(codes, v.Value)
	}
	c.want(key, sp.p.scalar(e.Value), []string{"findings"}, listText(setList(codes)), "lifecycle")
}

func (sp *scenarioParser) expectConditions(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	sp.idWords(e, path, []string{"true", "false", "unknown"}, func(k, v Scalar, w string, ip yamlnode.Path) {
		if sp.known("named condition", k, ip, sp.ids.conditions) {
			c.want(key.Key(k.Value), v, []string{"conditions", k.Value}, w, "", RuleKey{RuleCondition, k.Value})
		}
	})
}

// idWords reads a mapping of ids to one of words, calling fn for each
// entry whose value is allowed.
func (sp *scenarioParser) idWords(e yamlnode.Entry, path yamlnode.Path, words []string, fn func(k, v Scalar, w string, ip yamlnode.Path)) {
	sp.mapping(e, path, func(k Scalar, n *yaml.Node, ip yamlnode.Path) {
		if v, ok := sp.scalarAt(n, ip); ok {
			if w, ok := sp.word(v, ip, words...); ok {
				fn(k, v, w, ip)
			}
		}
	})
}

func (sp *scenarioParser) expectStage(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	v, ok := sp.scalarAt(e.Value, path)
	if !ok {
		return
	}
	if v.Value == "none" {
		c.want(key, v, []string{"stage"}, "none", "lifecycle")
		return
	}
	if sp.set.hasSection("lifecycle") && !sp.known("stage", v, path, sp.ids.stages) {
		return
	}
	c.want(key, v, []string{"stage"}, v.Value, "lifecycle", RuleKey{RuleStage, v.Value})
}

func (sp *scenarioParser) expectCriteria(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	sp.idWords(e, path, []string{"met", "unmet", "unknown"}, func(k, v Scalar, w string, ip yamlnode.Path) {
		id := k.Value
		var rule RuleKey
		if sp.set.hasSection("lifecycle") {
			q, found := sp.ids.qualified[id]
			switch qs := sp.ids.criteria[id]; {
			case found:
				rule = q
			case len(qs) == 1:
				rule = sp.ids.qualified[qs[0]]
			case len(qs) > 1:
				sp.errorf(k.Pos, ip, CodeScenariosAmbiguous,
					fmt.Sprintf("Write it with its transition: %s.", strings.Join(qs, " or ")),
					"the criterion id %q is used by %d transitions", id, len(qs))
				return
			default:
				cands := slices.Sorted(maps.Keys(sp.ids.criteria))
				cands = append(cands, slices.Sorted(maps.Keys(sp.ids.qualified))...)
				sp.known("criterion or meeting", k, ip, cands)
				return
			}
			id = rule.ID
		}
		var rules []RuleKey
		if rule.Kind != "" {
			rules = append(rules, rule)
		}
		c.want(key.Key(k.Value), v, []string{"criteria", id}, w, "lifecycle", rules...)
	})
}

// statusRule describes a rule whose expectation is a status, written alone
// (land-transfer: running) or as the status: key of a mapping of the rule's
// keys.
type statusRule struct {
	parse   func(string) (string, bool) // the canonical status, accepting identifiers and Chinese labels
	words   []string                    // the identifiers, for messages
	prefix  []string                    // the Observed path of the rule, e.g. deadlines, land-transfer
	section string
	rule    RuleKey
}

// withStatus reads a rule's expectation: the status alone, or a mapping of
// keys, calling field for each key other than status.
func (sp *scenarioParser) withStatus(c *Case, n *yaml.Node, path, key yamlnode.Path, keys []string, sr statusRule,
	field func(name string, v Scalar, fp, fk yamlnode.Path)) {
	status := func(v Scalar, vp, kk yamlnode.Path) {
		st, ok := sr.parse(v.Value)
		if !ok {
			sp.word(v, vp, sr.words...)
			return
		}
		c.want(kk, v, append(slices.Clone(sr.prefix), "status"), st, sr.section, sr.rule)
	}
	if n.Kind == yaml.ScalarNode && !yamlnode.IsNull(n) { // shorthand: the status alone
		status(sp.p.scalar(n), path, key)
		return
	}
	sp.scalarFields(n, path, keys, func(name string, v Scalar, fp yamlnode.Path) {
		if name == "status" {
			status(v, fp, key.Key(name))
		} else {
			field(name, v, fp, key.Key(name))
		}
	})
}

// deadlineStatus reads a deadline status (running, 进行中, …) into its
// identifier.
func deadlineStatus(s string) (string, bool) {
	st, err := stage.ParseStatus(s)
	return st.String(), err == nil
}

// deadlineStatuses lists the identifiers of deadline statuses.
func deadlineStatuses() []string {
	var out []string
	for st := stage.StatusUnknown; st <= stage.Overdue; st++ {
		out = append(out, st.String())
	}
	return out
}

// programmeStatus reads a programme status (awarded, 可享受, …) into its
// identifier.
func programmeStatus(s string) (string, bool) {
	st, err := incentive.ParseStatus(s)
	return st.String(), err == nil
}

func (sp *scenarioParser) expectDeadlines(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	sp.mapping(e, path, func(k Scalar, n *yaml.Node, ip yamlnode.Path) {
		if sp.set.hasSection("lifecycle") && !sp.known("deadline", k, ip, sp.ids.deadlines) {
			return
		}
		sr := statusRule{parse: deadlineStatus, words: deadlineStatuses(), prefix: []string{"deadlines", k.Value},
			section: "lifecycle", rule: RuleKey{RuleDeadline, k.Value}}
		sp.withStatus(c, n, ip, key.Key(k.Value), deadlineExpectKeys(), sr, func(name string, v Scalar, fp, fk yamlnode.Path) {
			var w string
			var ok bool
			if name == "late_workdays" || name == "workdays_left" {
				w, ok = sp.count(v, fp)
			} else {
				w, ok = sp.dateOrNone(v, fp)
			}
			if ok {
				c.want(fk, v, []string{"deadlines", k.Value, name}, w, "lifecycle", sr.rule)
			}
		})
	})
}

// idList is a list of ids an expectation names: the escalation steps due,
// the missing land items, the refused awards.
type idList struct {
	kind    RuleKind
	what    string   // for messages, e.g. "escalation step"
	ids     []string // the rule set's ids of that kind
	section string
	ordered bool // compared in order; otherwise as a set
}

// expectIDs records an expectation whose value is a list of ids.
func (sp *scenarioParser) expectIDs(c *Case, n *yaml.Node, path, key yamlnode.Path, obs []string, l idList) {
	vs, ok := sp.listAt(n, path)
	if !ok {
		return
	}
	var items []string
	var rules []RuleKey
	good := true
	for i, v := range vs {
		if sp.set.hasSection(l.section) && !sp.known(l.what, v, path.Index(i), l.ids) {
			good = false
		}
		items = append(items, v.Value)
		rules = append(rules, RuleKey{l.kind, v.Value})
	}
	if !l.ordered {
		items = setList(items)
	}
	if good {
		c.want(key, sp.p.scalar(n), obs, listText(items), l.section, rules...)
	}
}

func (sp *scenarioParser) expectIncentives(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	sp.mapping(e, path, func(k Scalar, n *yaml.Node, ip yamlnode.Path) {
		if sp.set.hasSection("incentives") && !sp.known("incentive programme", k, ip, sp.ids.programmes) {
			return
		}
		sr := statusRule{parse: programmeStatus, words: []string{"undecided", "awarded", "ineligible", "suppressed"},
			prefix: []string{"incentives", k.Value}, section: "incentives", rule: RuleKey{RuleProgramme, k.Value}}
		sp.withStatus(c, n, ip, key.Key(k.Value), incentiveExpectKeys(), sr, func(_ string, v Scalar, fp, fk yamlnode.Path) {
			if w, ok := sp.moneyOr(v, fp, false, "unknown", "none"); ok {
				c.want(fk, v, []string{"incentives", k.Value, "amount"}, w, "incentives", sr.rule)
			}
		})
	})
}

func (sp *scenarioParser) expectLand(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	m, ok := sp.p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	sp.p.w.Allow(m, landExpectKeys()...)
	var policy []RuleKey
	if sp.ids.land != "" {
		policy = []RuleKey{{RuleLand, sp.ids.land}}
	}
	for _, fe := range m.Entries {
		fp, fk := path.Key(fe.Name()), key.Key(fe.Name())
		obs := []string{"land", fe.Name()}
		switch fe.Name() {
		case "applies", "committed", "parcel_ready":
			v, ok := sp.scalarAt(fe.Value, fp)
			if !ok {
				continue
			}
			words := []string{"true", "false", "unknown"}
			if fe.Name() == "parcel_ready" {
				words = append(words, "none")
			}
			if w, ok := sp.word(v, fp, words...); ok {
				c.want(fk, v, obs, w, "land", policy...)
			}
		case "indicators":
			sp.landIndicators(c, fe, fp, fk, obs)
		case "missing":
			sp.expectIDs(c, fe.Value, fp, fk, obs, idList{RulePrerequisite, "assessment or infrastructure item", sp.ids.prereqs, "land", false})
		case "acceptance":
			sp.expectAcceptance(c, fe, fp, fk)
		}
	}
}

// landIndicators reads a mapping of indicator ids to verdicts.
func (sp *scenarioParser) landIndicators(c *Case, e yamlnode.Entry, path, key yamlnode.Path, obs []string) {
	sp.idWords(e, path, []string{"pass", "fail", "unknown", "none"}, func(k, v Scalar, w string, ip yamlnode.Path) {
		if !sp.set.hasSection("land") || sp.known("land indicator", k, ip, sp.ids.indicators) {
			c.want(key.Key(k.Value), v, append(slices.Clone(obs), k.Value), w, "land", RuleKey{RuleIndicator, k.Value})
		}
	})
}

func (sp *scenarioParser) expectAcceptance(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	m, ok := sp.p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	sp.p.w.Allow(m, acceptanceExpectKeys()...)
	if sp.set.hasSection("land") && sp.ids.acceptance == "" {
		sp.errorf(sp.p.nodePos(e.Key), path, CodeScenariosUnknownID, "Remove acceptance: from the expectation, or add acceptance: to the land: section of the rule set.",
			"the rule set %s has no acceptance check in its land: section", sp.set.ID())
		return
	}
	var rules []RuleKey
	if sp.ids.acceptance != "" {
		rules = []RuleKey{{RuleAcceptance, sp.ids.acceptance}}
	}
	obs := func(k string) []string { return []string{"land", "acceptance", k} }
	for _, fe := range m.Entries {
		fp, fk := path.Key(fe.Name()), key.Key(fe.Name())
		if fe.Name() == "indicators" {
			sp.landIndicators(c, fe, fp, fk, obs("indicators"))
			continue
		}
		v, ok := sp.scalarAt(fe.Value, fp)
		if !ok {
			continue
		}
		var w string
		switch fe.Name() {
		case "reviewed":
			w, ok = sp.word(v, fp, "true", "false")
		case "verdict":
			w, ok = sp.word(v, fp, "pass", "fail", "unknown", "none")
		case "rectify_by":
			w, ok = sp.dateOrNone(v, fp)
		case "damages":
			w, ok = sp.moneyOr(v, fp, false, "unknown", "none")
		default:
			continue
		}
		if ok {
			c.want(fk, v, obs(fe.Name()), w, "land", rules...)
		}
	}
}

func (sp *scenarioParser) expectBudgets(c *Case, e yamlnode.Entry, path, key yamlnode.Path) {
	m, ok := sp.p.w.Mapping(e.Value, path)
	if !ok {
		return
	}
	sp.p.w.Allow(m, budgetsExpectKeys()...)
	has := sp.set.hasSection("budgets")
	for _, fe := range m.Entries {
		fp, fk := path.Key(fe.Name()), key.Key(fe.Name())
		switch fe.Name() {
		case "balances":
			sp.mapping(fe, fp, func(k Scalar, n *yaml.Node, ip yamlnode.Path) {
				if has && !sp.known("budget earmark (budget/earmark)", k, ip, sp.ids.earmarks) {
					return
				}
				sp.scalarFields(n, ip, balanceKeys(), func(name string, v Scalar, bp yamlnode.Path) {
					if w, ok := sp.moneyOr(v, bp, name == "adjusted"); ok {
						c.want(fk.Key(k.Value).Key(name), v, []string{"budgets", "balances", k.Value, name}, w, "budgets", RuleKey{RuleEarmark, k.Value})
					}
				})
			})
		case "refused":
			sp.expectIDs(c, fe.Value, fp, fk, []string{"budgets", "refused"}, idList{RuleProgramme, "incentive programme", sp.ids.programmes, "budgets", false})
		}
	}
}

// ledger reads a case's ledger: entries and, when the rule set has
// budgets, checks that the ledger accepts them in order.
func (sp *scenarioParser) ledger(c *Case, e yamlnode.Entry, path yamlnode.Path) {
	items, ok := sp.p.w.List(e.Value, path)
	if !ok {
		return
	}
	has := sp.set.hasSection("budgets")
	var l *incentive.Ledger
	if has {
		l = sp.set.incentives.NewLedger()
	}
	for i, item := range items {
		ip := path.Index(i)
		m, ok := sp.p.w.Mapping(item, ip)
		if !ok {
			continue
		}
		fs := sp.p.fields(m, ledgerEntryKeys(), ledgerEntryRequired())
		en := incentive.Entry{ID: "ledger-" + strconv.Itoa(i+1), Kind: incentive.Allocation, Date: c.AsOf}
		good := true
		text := func(name string, dst *string) {
			if v := sp.p.scalarField(fs, ip, name); v.IsSet() {
				*dst = v.Value
			}
		}
		text("id", &en.ID)
		text("project", &en.Project)
		text("allocation", &en.Allocation)
		text("purpose", &en.Purpose)
		text("reason", &en.Reason)
		if v := sp.p.scalarField(fs, ip, "kind"); v.IsSet() {
			k, err := incentive.ParseEntryKind(v.Value)
			if err != nil {
				sp.word(v, ip.Key("kind"), "allocation", "release", "adjustment")
				good = false
			}
			en.Kind = k
		}
		if v := sp.p.scalarField(fs, ip, "earmark"); v.IsSet() {
			b, m, found := strings.Cut(v.Value, "/")
			if !found || has && !sp.known("budget earmark (budget/earmark)", v, ip.Key("earmark"), sp.ids.earmarks) {
				if !found {
					sp.errorf(v.Pos, ip.Key("earmark"), CodeScenariosValue, "Write the budget id and the earmark id with / between them, e.g. prephase-2025/relics.",
						"%q does not name a budget earmark", v.Value)
				}
				good = false
			}
			en.Budget, en.Earmark = b, m
		}
		if v := sp.p.scalarField(fs, ip, "amount"); v.IsSet() {
			if _, ok := sp.moneyOr(v, ip.Key("amount"), true); ok {
				en.Amount, _ = quantity.ParseMoney(v.Value)
			} else {
				good = false
			}
		}
		if v := sp.p.scalarField(fs, ip, "date"); v.IsSet() {
			d, err := calendar.ParseDate(v.Value)
			if err != nil {
				sp.errorf(v.Pos, ip.Key("date"), CodeScenariosValue, err.Error()+".", "%q is not a valid date", v.Value)
				good = false
			}
			en.Date = d
		}
		pos := sp.p.nodePos(item)
		if good && l != nil {
			if err := l.Record(en); err != nil {
				sp.errorf(pos, ip, CodeScenariosLedger, "The ledger entries of a case are recorded in order in an empty ledger of the rule set's budgets; fix or remove this one.",
					"the budget ledger refuses entry %s: %v", en.ID, err)
			}
		}
		c.Ledger = append(c.Ledger, en)
		c.ledgerPos = append(c.ledgerPos, pos)
	}
}
