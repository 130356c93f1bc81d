package rules

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// The lifecycle: section (项目生命周期) is compiled into a stage.Lifecycle:
//
//	lifecycle:
//	  stages:       [{id, label, entry, cite}]           entry: an event, or [{id, label, when, event, cite}]
//	  transitions:  [{id, label, from, to, requires: [{id, label, when, cite}], meeting: {id, label, event, cite}, cite}]
//	  deadlines:    [{id, label, from | from_stage, within, done, applies, cite}]
//	  escalation:   [{id, label, overdue, stalled, cite}]
//	  pause:        {id, label, start, end, cite}
//
// docs/lifecycle.md describes every key for policy staff. Parsing records the
// syntax (lcSyntax) and checks its shape; compiling merges the layers (a
// rule whose id matches a baseline rule replaces it in place, new ids are
// appended, pause: is replaced), checks every reference — events, stages,
// period parameters — and every rule the stage package imposes, so that
// stage.New cannot refuse a lifecycle that compiled without errors.

// Diagnostic codes of the lifecycle: section. Problems of shape (unknown
// and missing keys, a list where a mapping belongs) keep their yaml.* codes,
// two rules of one list with the same id is id.duplicate, a period written
// wrongly is value.syntax, and problems inside expressions are expr.*, as
// everywhere in a rule file.
const (
	CodeLifecycleNoStages            = "lifecycle.no-stages"            // the merged lifecycle has no stage
	CodeLifecycleNoEntry             = "lifecycle.no-entry"             // entry: is an empty list
	CodeLifecycleUnreachableEntry    = "lifecycle.unreachable-entry"    // warning: an entry variant after one without when: is never used
	CodeLifecycleUnknownEvent        = "lifecycle.unknown-event"        // an event that is neither built in nor declared under events:
	CodeLifecycleUnknownStage        = "lifecycle.unknown-stage"        // from:, to: or from_stage: names no stage
	CodeLifecycleTransitionOrder     = "lifecycle.transition-order"     // a transition that does not lead to the next stage
	CodeLifecycleDuplicateTransition = "lifecycle.duplicate-transition" // two transitions out of one stage
	CodeLifecycleDeadlineAnchor      = "lifecycle.deadline-anchor"      // a deadline with both or neither of from: and from_stage:
	CodeLifecycleUnknownParameter    = "lifecycle.unknown-parameter"    // within: names no parameter
	CodeLifecyclePeriodType          = "lifecycle.period-type"          // within: names a parameter that is not a period
	CodeLifecycleDatedPeriod         = "lifecycle.dated-period"         // within: names a parameter whose value changes over time
	CodeLifecycleOverdueUnit         = "lifecycle.overdue-unit"         // overdue: not in working days
	CodeLifecycleStepThreshold       = "lifecycle.step-threshold"       // an escalation step with neither overdue: nor stalled:
	CodeLifecycleStepOrder           = "lifecycle.step-order"           // an escalation step due sooner than a step below it
	CodeLifecyclePauseEvents         = "lifecycle.pause-events"         // pause: starts and ends with the same event
	CodeLifecycleInvalid             = "lifecycle.invalid"              // the lifecycle could not be built (a fault in devzone)
)

// lifecycleSection is the row of the lifecycle: section, compiled into a
// stage.Lifecycle.
func lifecycleSection() sectionKind {
	return sectionKind{
		name:    "lifecycle",
		label:   "项目生命周期（阶段、转段标准、时限、督办）",
		shape:   yamlnode.ShapeMapping,
		parse:   parseLifecycle,
		compile: compileLifecycle,
	}
}

// Key lists of the lifecycle: section, for the parser and the schema test.
// Each function returns a new slice.

// lifecycleKeys lists the keys of the lifecycle: mapping; none is required
// in one file (a zone file may add only deadlines), but the merged
// lifecycle needs stages.
func lifecycleKeys() []string {
	return []string{"stages", "transitions", "deadlines", "escalation", "pause"}
}

func lifecycleStageKeys() []string     { return []string{"id", "label", "entry", "cite"} }
func lifecycleStageRequired() []string { return []string{"id", "label", "entry"} }

func lifecycleEntryKeys() []string     { return []string{"id", "label", "when", "event", "cite"} }
func lifecycleEntryRequired() []string { return []string{"id", "label", "event"} }

func lifecycleTransitionKeys() []string {
	return []string{"id", "label", "from", "to", "requires", "meeting", "cite"}
}
func lifecycleTransitionRequired() []string { return []string{"id", "label", "from", "to"} }

func lifecycleCriterionKeys() []string     { return []string{"id", "label", "when", "cite"} }
func lifecycleCriterionRequired() []string { return []string{"id", "label", "when"} }

func lifecycleMeetingKeys() []string     { return []string{"id", "label", "event", "cite"} }
func lifecycleMeetingRequired() []string { return []string{"id", "label", "event"} }

// lifecycleDeadlineKeys lists the keys of a deadline; exactly one of from:
// and from_stage: is required too, which the compiler checks.
func lifecycleDeadlineKeys() []string {
	return []string{"id", "label", "from", "from_stage", "within", "done", "applies", "cite"}
}
func lifecycleDeadlineRequired() []string { return []string{"id", "label", "within", "done"} }

// lifecycleStepKeys lists the keys of an escalation step; at least one of
// overdue: and stalled: is required too, which the compiler checks.
func lifecycleStepKeys() []string     { return []string{"id", "label", "overdue", "stalled", "cite"} }
func lifecycleStepRequired() []string { return []string{"id", "label"} }

func lifecyclePauseKeys() []string     { return []string{"id", "label", "start", "end", "cite"} }
func lifecyclePauseRequired() []string { return []string{"id", "label", "start", "end"} }

// lcSyntax is what one file's lifecycle: section says.
type lcSyntax struct {
	name        Scalar // the lifecycle key
	stagesPos   Pos    // where stages: is written; zero when absent
	stages      []*lcStage
	transitions []*lcTransition
	deadlines   []*lcDeadline
	steps       []*lcStep
	pause       *lcPause
	// brokenStages is set when a stage could not be read (it has no id):
	// references to stages are then not checked, since the missing stage
	// may be the one they name.
	brokenStages bool
	// broken is set when Parse reported a problem in the section: the
	// syntax is incomplete, so it is checked but not built.
	broken bool
}

// lcRule is what every rule of the section has.
type lcRule struct {
	id, label, cite Scalar
	path            string // the rule's key path, e.g. lifecycle.stages[1]
}

func (r *lcRule) rule() *lcRule { return r }

// ref returns the rule's zone.Ref: id, label, citation and where the id is
// written.
func (r *lcRule) ref() zone.Ref {
	return zone.Ref{ID: r.id.Value, Label: r.label.Value, Cite: r.cite.Value, Pos: lcZonePos(r.id.Pos)}
}

// describe names the rule for messages: `deadline land-transfer (完成土地出让)`.
func (r *lcRule) describe(what string) string {
	return what + " " + lcNamed(r.id.Value, r.label.Value)
}

// lcNamed returns `id (label)`, or the id alone when there is no label.
func lcNamed(id, label string) string {
	if label == "" || label == id {
		return id
	}
	return id + " (" + label + ")"
}

func lcZonePos(p Pos) zone.Pos { return zone.Pos{File: p.File, Line: p.Line, Col: p.Col} }

type lcStage struct {
	lcRule
	entry    Scalar     // entry: written as a single event
	variants []*lcEntry // entry: written as a list of variants
}

type lcEntry struct {
	lcRule
	when, event Scalar
}

type lcTransition struct {
	lcRule
	from, to Scalar
	requires []*lcCriterion
	meeting  *lcMeeting
}

type lcCriterion struct {
	lcRule
	when Scalar
}

type lcMeeting struct {
	lcRule
	event Scalar
}

type lcDeadline struct {
	lcRule
	from, fromStage, within, done, applies Scalar
}

type lcStep struct {
	lcRule
	overdue, stalled Scalar
}

type lcPause struct {
	lcRule
	start, end Scalar
}

// parseLifecycle reads the lifecycle: section of one file into an lcSyntax.
func parseLifecycle(p *parser, d *SectionDecl) {
	syn := &lcSyntax{name: d.Name}
	d.syntax = syn
	before := len(p.diags) + len(p.w.Problems())
	defer func() { syn.broken = len(p.diags)+len(p.w.Problems()) > before }()
	path := yamlnode.Path(d.Path)
	m, ok := p.w.Mapping(d.node, path)
	if !ok {
		return
	}
	m.Key = d.Name.node
	fs := p.fields(m, lifecycleKeys(), nil)
	type field = map[string]yamlnode.Entry
	lists := []struct {
		key            string
		keys, required []string
		add            func(r lcRule, fs field, ip yamlnode.Path)
	}{
		{"stages", lifecycleStageKeys(), lifecycleStageRequired(),
			func(r lcRule, fs field, ip yamlnode.Path) { syn.stages = append(syn.stages, p.lcReadStage(r, fs, ip)) }},
		{"transitions", lifecycleTransitionKeys(), lifecycleTransitionRequired(),
			func(r lcRule, fs field, ip yamlnode.Path) {
				syn.transitions = append(syn.transitions, p.lcReadTransition(r, fs, ip))
			}},
		{"deadlines", lifecycleDeadlineKeys(), lifecycleDeadlineRequired(),
			func(r lcRule, fs field, ip yamlnode.Path) {
				syn.deadlines = append(syn.deadlines, &lcDeadline{lcRule: r,
					from: p.scalarField(fs, ip, "from"), fromStage: p.scalarField(fs, ip, "from_stage"),
					within: p.scalarField(fs, ip, "within"), done: p.scalarField(fs, ip, "done"), applies: p.scalarField(fs, ip, "applies")})
			}},
		{"escalation", lifecycleStepKeys(), lifecycleStepRequired(),
			func(r lcRule, fs field, ip yamlnode.Path) {
				syn.steps = append(syn.steps, &lcStep{lcRule: r, overdue: p.scalarField(fs, ip, "overdue"), stalled: p.scalarField(fs, ip, "stalled")})
			}},
	}
	for _, l := range lists {
		e, ok := fs[l.key]
		if !ok {
			continue
		}
		complete := p.lcReadRules(e.Value, path.Key(l.key), l.keys, l.required, l.add)
		if l.key == "stages" {
			syn.stagesPos, syn.brokenStages = p.nodePos(e.Key), !complete
		}
	}
	if e, ok := fs["pause"]; ok {
		pp := path.Key("pause")
		if r, fs, ok := p.lcReadRule(e.Value, e.Key, pp, lifecyclePauseKeys(), lifecyclePauseRequired()); ok {
			syn.pause = &lcPause{lcRule: r, start: p.scalarField(fs, pp, "start"), end: p.scalarField(fs, pp, "end")}
		}
	}
}

// lcReadRule reads one rule, a mapping with an id, a label and a cite, at n.
// key is the key that owns the mapping, for missing keys; nil for list
// items. ok is false when the rule has no usable id.
func (p *parser) lcReadRule(n, key *yaml.Node, path yamlnode.Path, keys, required []string) (lcRule, map[string]yamlnode.Entry, bool) {
	m, ok := p.w.Mapping(n, path)
	if !ok {
		return lcRule{}, nil, false
	}
	m.Key = key
	fs := p.fields(m, keys, required)
	r := lcRule{
		id:    p.scalarField(fs, path, "id"),
		label: p.scalarField(fs, path, "label"),
		cite:  p.scalarField(fs, path, "cite"),
		path:  string(path),
	}
	return r, fs, r.id.IsSet()
}

// lcReadRules reads a list of rules and calls fn for each rule with a usable
// id that is not a repeat of an earlier one in the list. It reports whether
// the list and every item in it could be read (each item a mapping with an
// id).
func (p *parser) lcReadRules(n *yaml.Node, path yamlnode.Path, keys, required []string, fn func(r lcRule, fs map[string]yamlnode.Entry, ip yamlnode.Path)) bool {
	items, ok := p.w.List(n, path)
	if !ok {
		return false
	}
	all := true
	seen := make(map[string]Scalar, len(items))
	for i, item := range items {
		ip := path.Index(i)
		r, fs, ok := p.lcReadRule(item, nil, ip, keys, required)
		if !ok {
			all = false // reported: not a mapping, or no id
			continue
		}
		if first, dup := seen[r.id.Value]; dup {
			p.lcDuplicateID(r.id, first, path, ip)
			continue
		}
		seen[r.id.Value] = r.id
		fn(r, fs, ip)
	}
	return all
}

// lcDuplicateID reports a rule whose id repeats an earlier rule's in the
// same list (or, for a meeting, among its transition's criteria).
func (p *parser) lcDuplicateID(id, first Scalar, list, item yamlnode.Path) {
	p.diags = append(p.diags, &Diagnostic{
		Severity: SeverityError, Code: CodeIDDuplicate, Pos: id.Pos, Path: string(item.Key("id")),
		Summary: fmt.Sprintf("the id %q is used twice in %s", id.Value, list),
		Detail:  fmt.Sprintf("It was first used on line %d. Each rule needs its own id: results name rules by id, and a zone file replaces a baseline rule by its id.", first.Pos.Line),
		Related: []Pos{first.Pos},
	})
}

// lcReadStage reads a stage's entry: one event, or a list of variants.
func (p *parser) lcReadStage(r lcRule, fs map[string]yamlnode.Entry, ip yamlnode.Path) *lcStage {
	st := &lcStage{lcRule: r}
	e, ok := fs["entry"]
	if !ok {
		return st
	}
	ep := ip.Key("entry")
	if !p.w.Expect(e.Value, ep, yamlnode.ShapeValue, yamlnode.ShapeList) {
		return st
	}
	if e.Value.Kind == yaml.ScalarNode {
		st.entry = p.scalar(e.Value)
		return st
	}
	if len(e.Value.Content) == 0 {
		p.errorf(e.Value, string(ep), CodeLifecycleNoEntry,
			"Write the event that marks entry into the stage (entry: signed), or list the ways into it, each with an event:\n  entry:\n    - {id: lease, label: 厂房租赁签约, when: \"land_mode == lease\", event: lease_signed}\n    - {id: commitment, label: 摘地即开工承诺, event: construction_commitment}",
			"stage %s has no entry event", lcNamed(r.id.Value, r.label.Value))
		return st
	}
	p.lcReadRules(e.Value, ep, lifecycleEntryKeys(), lifecycleEntryRequired(),
		func(vr lcRule, vfs map[string]yamlnode.Entry, vp yamlnode.Path) {
			st.variants = append(st.variants, &lcEntry{
				lcRule: vr,
				when:   p.scalarField(vfs, vp, "when"),
				event:  p.scalarField(vfs, vp, "event"),
			})
		})
	return st
}

// lcReadTransition reads a transition with its criteria and meeting.
func (p *parser) lcReadTransition(r lcRule, fs map[string]yamlnode.Entry, ip yamlnode.Path) *lcTransition {
	t := &lcTransition{lcRule: r, from: p.scalarField(fs, ip, "from"), to: p.scalarField(fs, ip, "to")}
	ids := make(map[string]Scalar)
	if e, ok := fs["requires"]; ok {
		p.lcReadRules(e.Value, ip.Key("requires"), lifecycleCriterionKeys(), lifecycleCriterionRequired(),
			func(cr lcRule, cfs map[string]yamlnode.Entry, cp yamlnode.Path) {
				ids[cr.id.Value] = cr.id
				t.requires = append(t.requires, &lcCriterion{lcRule: cr, when: p.scalarField(cfs, cp, "when")})
			})
	}
	if e, ok := fs["meeting"]; ok {
		mp := ip.Key("meeting")
		if mr, mfs, ok := p.lcReadRule(e.Value, e.Key, mp, lifecycleMeetingKeys(), lifecycleMeetingRequired()); ok {
			if first, dup := ids[mr.id.Value]; dup {
				// Scenario files and results name a transition's
				// criteria and meeting by id together.
				p.lcDuplicateID(mr.id, first, ip, mp)
			} else {
				t.meeting = &lcMeeting{lcRule: mr, event: p.scalarField(mfs, mp, "event")}
			}
		}
	}
	return t
}

// compileLifecycle merges the layers' lifecycle: sections, checks them and
// stores the stage.Lifecycle in the Set.
func compileLifecycle(c *compiler, layers []*SectionDecl) {
	lc := &lcCompiler{c: c}
	lc.merge(layers)
	lc.check()
	switch {
	case c.diags.HasErrors(), c.env == nil, lc.broken:
		// Reported, here or by Parse: the Set is not used.
		return
	case !lc.compiled:
		// An expression failed without a report here: it names a
		// declaration Parse could not read, which Parse reported.
		for _, f := range c.layers {
			if len(f.failed) > 0 {
				return
			}
		}
		c.errorf(CodeLifecycleInvalid, lc.name.Pos, "lifecycle",
			"This is a fault in devzone, not in the rule file; please report it with the file.",
			"the lifecycle could not be compiled")
		return
	}
	lc.build()
}

// lcCompiler holds the state of compiling one lifecycle.
type lcCompiler struct {
	c *compiler
	// lcSyntax is the merged lifecycle: every layer's rules merged by
	// id; name and stagesPos are those of the nearest file that has
	// them; brokenStages and broken are set if they are in any layer.
	lcSyntax

	stageIdx map[string]int // stage id → position in stages

	// Compiled parts, for build.
	conds    map[*Scalar]zone.Condition
	periods  map[*lcDeadline]calendar.Period
	overdue  map[*lcStep]int
	stalled  map[*lcStep]calendar.Period
	compiled bool // every expression compiled
}

// lcMerge merges a layer's rules into the rules so far: a rule with the id
// of an earlier one replaces it in place, a new id is appended.
func lcMerge[T interface{ rule() *lcRule }](list, add []T) []T {
	for _, x := range add {
		id := x.rule().id.Value
		if i := slices.IndexFunc(list, func(y T) bool { return y.rule().id.Value == id }); i >= 0 {
			list[i] = x
			continue
		}
		list = append(list, x)
	}
	return list
}

func (lc *lcCompiler) merge(layers []*SectionDecl) {
	for _, d := range layers {
		syn, ok := d.syntax.(*lcSyntax)
		if !ok {
			continue
		}
		lc.name = syn.name
		if syn.stagesPos.IsValid() {
			lc.stagesPos = syn.stagesPos
		}
		lc.brokenStages = lc.brokenStages || syn.brokenStages
		lc.broken = lc.broken || syn.broken
		lc.stages = lcMerge(lc.stages, syn.stages)
		lc.transitions = lcMerge(lc.transitions, syn.transitions)
		lc.deadlines = lcMerge(lc.deadlines, syn.deadlines)
		lc.steps = lcMerge(lc.steps, syn.steps)
		if syn.pause != nil {
			lc.pause = syn.pause
		}
	}
	lc.stageIdx = make(map[string]int, len(lc.stages))
	for i, st := range lc.stages {
		lc.stageIdx[st.id.Value] = i
	}
}

// check checks the merged lifecycle and compiles its expressions.
func (lc *lcCompiler) check() {
	c := lc.c
	lc.conds = make(map[*Scalar]zone.Condition)
	lc.periods = make(map[*lcDeadline]calendar.Period)
	lc.overdue = make(map[*lcStep]int)
	lc.stalled = make(map[*lcStep]calendar.Period)
	lc.compiled = true
	if len(lc.stages) == 0 && !lc.brokenStages && lc.name.IsSet() {
		pos, path := lc.name.Pos, "lifecycle"
		if lc.stagesPos.IsValid() {
			pos, path = lc.stagesPos, "lifecycle.stages"
		}
		c.errorf(CodeLifecycleNoStages, pos, path,
			"A lifecycle is a sequence of stages, each with the event that marks entry into it:\n  stages:\n    - {id: signing, label: 招商签约, entry: signed}\n    - {id: landing, label: 落地摘地, entry: review_passed}\nA zone file that extends a baseline with stages may leave stages: out.",
			"the lifecycle has no stages")
	}
	for _, st := range lc.stages {
		lc.checkStage(st)
	}
	from := make(map[string]*lcTransition)
	for _, t := range lc.transitions {
		lc.checkTransition(t, from)
	}
	for _, d := range lc.deadlines {
		lc.checkDeadline(d)
	}
	lc.checkSteps()
	if p := lc.pause; p != nil {
		okStart := lc.event(p.start, p.path+".start", &p.lcRule, "pause")
		okEnd := lc.event(p.end, p.path+".end", &p.lcRule, "pause")
		if okStart && okEnd && p.start.Value == p.end.Value {
			c.errorf(CodeLifecyclePauseEvents, p.end.Pos, p.path+".end",
				"A justified pause (正当理由暂停) runs from the event that starts it to a different event that ends it, for example start: pause_started and end: pause_ended. Declare both under events:.",
				"the pause %s starts and ends with the same event %s", lcNamed(p.id.Value, p.label.Value), p.end.Value)
		}
	}
}

func (lc *lcCompiler) checkStage(st *lcStage) {
	if st.entry.IsSet() {
		lc.event(st.entry, st.path+".entry", &st.lcRule, "stage")
		return
	}
	var always *lcEntry // the first variant without when:
	for _, v := range st.variants {
		lc.event(v.event, v.path+".event", &st.lcRule, "stage")
		if always != nil {
			d := lc.c.add(SeverityWarning, CodeLifecycleUnreachableEntry, v.id.Pos, v.path,
				fmt.Sprintf("The variant %s has no when:, so it applies to every project, and the variants after it are never used. Put the variant without when: last, or give it a when:.", lcNamed(always.id.Value, always.label.Value)),
				"the entry variant %s of stage %s is never used", lcNamed(v.id.Value, v.label.Value), lcNamed(st.id.Value, st.label.Value))
			d.Related = []Pos{always.id.Pos}
		}
		if v.when.IsSet() {
			lc.condition(&v.when, v.path+".when")
		} else if always == nil {
			always = v
		}
	}
}

func (lc *lcCompiler) checkTransition(t *lcTransition, from map[string]*lcTransition) {
	c := lc.c
	fi, okFrom := lc.stage(t.from, t.path+".from", &t.lcRule, "transition")
	ti, okTo := lc.stage(t.to, t.path+".to", &t.lcRule, "transition")
	if okFrom && okTo {
		switch prev, dup := from[t.from.Value]; {
		case dup:
			d := c.errorf(CodeLifecycleDuplicateTransition, t.from.Pos, t.path+".from",
				fmt.Sprintf("The transition %s already leads out of stage %s. A stage has one transition, to the next stage; put all its criteria in one requires: list. In a zone file, use the baseline transition's id (%s) to replace it.",
					lcNamed(prev.id.Value, prev.label.Value), lc.stageName(fi), prev.id.Value),
				"two transitions lead out of stage %s", lc.stageName(fi))
			d.Related = []Pos{prev.from.Pos}
		case ti != fi+1:
			next := fmt.Sprintf("%s is the last stage: no transition leads out of it.", lc.stageName(fi))
			if fi+1 < len(lc.stages) {
				next = fmt.Sprintf("The stage after %s is %s. Correct to:, or the order of the stages.", lc.stageName(fi), lc.stageName(fi+1))
			}
			c.errorf(CodeLifecycleTransitionOrder, t.to.Pos, t.path+".to",
				"Stages follow one another in the order of stages:, and a transition leads from a stage to the next one. "+next,
				"the %s leads from %s to %s, which is not the next stage", t.describe("transition"), lc.stageName(fi), lc.stageName(ti))
		default:
			from[t.from.Value] = t
		}
	}
	for _, cr := range t.requires {
		lc.condition(&cr.when, cr.path+".when")
	}
	if m := t.meeting; m != nil {
		lc.event(m.event, m.path+".event", &m.lcRule, "meeting")
	}
}

func (lc *lcCompiler) checkDeadline(d *lcDeadline) {
	c := lc.c
	switch {
	case d.from.IsSet() && d.fromStage.IsSet():
		dg := c.errorf(CodeLifecycleDeadlineAnchor, d.fromStage.Pos, d.path+".from_stage",
			"A deadline counts from an event (from: review_passed) or from entry into a stage (from_stage: construction), not both. Remove one of the two.",
			"the %s has both from: and from_stage:", d.describe("deadline"))
		dg.Related = []Pos{d.from.Pos}
	case !d.from.IsSet() && !d.fromStage.IsSet():
		c.errorf(CodeLifecycleDeadlineAnchor, d.id.Pos, d.path,
			"Say what the time limit counts from: an event (from: review_passed) or entry into a stage (from_stage: construction).",
			"the %s has neither from: nor from_stage:", d.describe("deadline"))
	case d.from.IsSet():
		lc.event(d.from, d.path+".from", &d.lcRule, "deadline")
	default:
		lc.stage(d.fromStage, d.path+".from_stage", &d.lcRule, "deadline")
	}
	if d.within.IsSet() {
		if p, ok := lc.period(d); ok {
			lc.periods[d] = p
		}
	}
	lc.event(d.done, d.path+".done", &d.lcRule, "deadline")
	if d.applies.IsSet() {
		lc.condition(&d.applies, d.path+".applies")
	}
}

func (lc *lcCompiler) checkSteps() {
	c := lc.c
	var withOverdue, withStalled []*lcStep // earlier steps with each threshold
	for _, st := range lc.steps {
		hasOverdue, hasStalled := false, false
		if st.overdue.IsSet() {
			if p, ok := lc.periodLiteral(st.overdue, st.path+".overdue"); ok {
				if p.Unit() != calendar.WorkingDays {
					c.errorf(CodeLifecycleOverdueUnit, st.overdue.PosAt(lcUnitOffset(st.overdue.Value)), st.path+".overdue",
						fmt.Sprintf("How long a deadline is overdue is counted in working days, as the deadlines themselves are: write for example overdue: %d个工作日.", p.N()),
						"overdue: of the escalation step %s is %s, not a number of working days", lcNamed(st.id.Value, st.label.Value), p)
				} else {
					lc.overdue[st] = p.N()
					hasOverdue = true
				}
			}
		}
		if st.stalled.IsSet() {
			if p, ok := lc.periodLiteral(st.stalled, st.path+".stalled"); ok {
				lc.stalled[st] = p
				hasStalled = true
			}
		}
		if !st.overdue.IsSet() && !st.stalled.IsSet() {
			c.errorf(CodeLifecycleStepThreshold, st.id.Pos, st.path,
				"Say when the step is due: overdue: 5个工作日 (a deadline overdue by that many working days), stalled: 3个月 (a project stuck in its stage that long), or both.",
				"the escalation step %s has neither overdue: nor stalled:", lcNamed(st.id.Value, st.label.Value))
		}
		if hasOverdue {
			for _, prev := range withOverdue {
				if lc.overdue[prev] > lc.overdue[st] {
					lc.stepOrder(st, prev, st.overdue, prev.overdue, ".overdue")
					break
				}
			}
			withOverdue = append(withOverdue, st)
		}
		if hasStalled {
			for _, prev := range withStalled {
				if q := lc.stalled[prev]; q.Unit() == lc.stalled[st].Unit() && q.N() > lc.stalled[st].N() {
					lc.stepOrder(st, prev, st.stalled, prev.stalled, ".stalled")
					break
				}
			}
			withStalled = append(withStalled, st)
		}
	}
}

func (lc *lcCompiler) stepOrder(st, prev *lcStep, at, prevAt Scalar, key string) {
	d := lc.c.errorf(CodeLifecycleStepOrder, at.Pos, st.path+key,
		fmt.Sprintf("The escalation ladder is listed lowest step first, and each step is due no sooner than the steps below it. %s is due at %s: %s, %s at %s: %s. Reorder the steps or correct the thresholds.",
			lcNamed(prev.id.Value, prev.label.Value), key[1:], prevAt.Value, lcNamed(st.id.Value, st.label.Value), key[1:], at.Value),
		"the escalation step %s is due sooner than %s below it", lcNamed(st.id.Value, st.label.Value), lcNamed(prev.id.Value, prev.label.Value))
	d.Related = []Pos{prevAt.Pos}
}

// stageName returns `id (label)` of stage i.
func (lc *lcCompiler) stageName(i int) string {
	st := lc.stages[i]
	return lcNamed(st.id.Value, st.label.Value)
}

// stage looks up a stage id written at s, reporting an unknown one.
func (lc *lcCompiler) stage(s Scalar, path string, owner *lcRule, what string) (int, bool) {
	if !s.IsSet() {
		return 0, false // Parse reported the missing key
	}
	if i, ok := lc.stageIdx[s.Value]; ok {
		return i, true
	}
	if lc.brokenStages || len(lc.stages) == 0 {
		return 0, false // the stage may be one that could not be read, or lifecycle.no-stages says it all
	}
	ids := make([]string, len(lc.stages))
	for i := range lc.stages {
		ids[i] = lc.stageName(i)
	}
	detail := "The stages are: " + strings.Join(ids, ", ") + "."
	plain := make([]string, len(lc.stages))
	for i, st := range lc.stages {
		plain[i] = st.id.Value
		if st.label.Value == s.Value {
			detail = fmt.Sprintf("%s is the label of stage %s: write its id, %s. %s", s.Value, st.id.Value, st.id.Value, detail)
		}
	}
	if sug := yamlnode.Suggest(s.Value, plain); sug != "" {
		detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
	}
	lc.c.errorf(CodeLifecycleUnknownStage, s.Pos, path, detail,
		"unknown stage %q in %s", s.Value, owner.describe(what))
	return 0, false
}

// event checks that the event written at s is built in or declared.
func (lc *lcCompiler) event(s Scalar, path string, owner *lcRule, what string) bool {
	c := lc.c
	if !s.IsSet() {
		return false // Parse reported the missing key
	}
	if _, ok := c.eventIdx[s.Value]; ok {
		return true
	}
	if c.bad[s.Value] {
		return false // its declaration was reported
	}
	names := make([]string, 0, len(c.events))
	var declared []string
	detail := ""
	for _, e := range c.events {
		names = append(names, e.Name)
		if !e.Builtin {
			declared = append(declared, e.Name+" "+e.Label)
		}
		if e.Label == s.Value {
			detail = fmt.Sprintf("%s is the label of the event %s: write its name, %s. ", s.Value, e.Name, e.Name)
		}
	}
	if sug := yamlnode.Suggest(s.Value, names); sug != "" && detail == "" {
		detail = fmt.Sprintf("Did you mean %q? ", sug)
	}
	detail += "The built-in events are: " + builtinEventNames() + "."
	if len(declared) > 0 {
		detail += " Declared under events: " + strings.Join(declared, ", ") + "."
	}
	detail += " A milestone of your own is declared under events: with a label, e.g. events: {lease_signed: {label: 厂房租赁签约}}."
	c.errorf(CodeLifecycleUnknownEvent, s.Pos, path, detail, "unknown event %q in %s", s.Value, owner.describe(what))
	return false
}

// condition compiles the yes/no expression written at s.
func (lc *lcCompiler) condition(s *Scalar, path string) {
	c := lc.c
	if c.env == nil {
		lc.compiled = false
		return // the declarations failed: expressions cannot be checked
	}
	prog := c.compileExpr(c.env, *s, path, expr.KindBool)
	if prog == nil {
		lc.compiled = false
		return
	}
	lc.conds[s] = &Condition{set: c.set, prog: prog, pos: s.Pos, whenPos: s.Pos}
}

// period reads a deadline's within:: a period literal, or the name (or
// label) of a parameter with one period value.
func (lc *lcCompiler) period(d *lcDeadline) (calendar.Period, bool) {
	c := lc.c
	s, path := d.within, d.path+".within"
	v := strings.TrimSpace(s.Value)
	if v != "" && v[0] >= '0' && v[0] <= '9' {
		return lc.periodLiteral(s, path)
	}
	i, ok := c.paramIdx[v]
	if !ok {
		for j, p := range c.params {
			if p.Label == v {
				i, ok = j, true
				break
			}
		}
	}
	if !ok {
		if c.bad[v] {
			return calendar.Period{}, false
		}
		var periods, names []string
		for _, p := range c.params {
			names = append(names, p.Name)
			if p.Type.Kind == expr.KindPeriod {
				periods = append(periods, lcNamed(p.Name, p.Label))
			}
		}
		detail := "Write a time limit such as 30个工作日, 60天 or 4个月, or the name of a parameter that holds one."
		if len(periods) > 0 {
			detail += " The period parameters are: " + strings.Join(periods, ", ") + "."
		}
		if sug := yamlnode.Suggest(v, names); sug != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
		}
		c.errorf(CodeLifecycleUnknownParameter, s.Pos, path, detail,
			"within: of the %s is neither a time limit nor a parameter: %q", d.describe("deadline"), v)
		return calendar.Period{}, false
	}
	p := c.params[i]
	if p.Type.Kind != expr.KindPeriod {
		dg := c.errorf(CodeLifecyclePeriodType, s.Pos, path,
			fmt.Sprintf("%s is of type %s. within: needs a time limit such as 30个工作日: name a parameter of type period, or write the period here.", lcNamed(p.Name, p.Label), typeLabel(p.Type)),
			"the parameter %s is not a time limit", lcNamed(p.Name, p.Label))
		dg.Related = []Pos{p.Pos}
		return calendar.Period{}, false
	}
	if len(p.values) != 1 || p.values[0].Dated {
		dg := c.errorf(CodeLifecycleDatedPeriod, s.Pos, path,
			fmt.Sprintf("%s has values that change over time (values:), but a deadline's time limit is fixed when the rule set is compiled. Give the parameter one value (value: 30个工作日), or write the period here.", lcNamed(p.Name, p.Label)),
			"the parameter %s has dated values; the %s needs one fixed time limit", lcNamed(p.Name, p.Label), d.describe("deadline"))
		dg.Related = []Pos{p.Pos}
		return calendar.Period{}, false
	}
	return p.values[0].Value.Period(), true
}

// periodLiteral reads a period written at s (30个工作日, 3个月).
func (lc *lcCompiler) periodLiteral(s Scalar, path string) (calendar.Period, bool) {
	v, err := parseValue(expr.KindPeriod, strings.TrimSpace(s.Value))
	if err != nil {
		lc.c.errorf(CodeValueSyntax, s.PosAt(lcUnitOffset(s.Value)), path, err.msg, "%q is not a valid period", s.Value)
		return calendar.Period{}, false
	}
	return v.Period(), true
}

// lcUnitOffset returns the byte offset of the unit in a period as written:
// after the leading spaces and digits, or 0 when there are no digits.
func lcUnitOffset(s string) int {
	i := len(s) - len(strings.TrimLeft(s, " "))
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return 0
	}
	return j
}

// build turns the checked lifecycle into a stage.Lifecycle.
func (lc *lcCompiler) build() {
	c := lc.c
	var spec stage.Spec
	for _, st := range lc.stages {
		s := stage.Stage{Ref: st.ref()}
		if st.entry.IsSet() {
			s.Entry = []stage.Entry{{Ref: lc.eventRef(st), Event: zone.Event(st.entry.Value)}}
		}
		for _, v := range st.variants {
			s.Entry = append(s.Entry, stage.Entry{Ref: v.ref(), When: lc.conds[&v.when], Event: zone.Event(v.event.Value)})
		}
		spec.Stages = append(spec.Stages, s)
	}
	for _, t := range lc.transitions {
		tr := stage.Transition{Ref: t.ref(), From: t.from.Value, To: t.to.Value}
		for _, cr := range t.requires {
			tr.Criteria = append(tr.Criteria, stage.Criterion{Ref: cr.ref(), When: lc.conds[&cr.when]})
		}
		if m := t.meeting; m != nil {
			tr.Meeting = &stage.Meeting{Ref: m.ref(), Event: zone.Event(m.event.Value)}
		}
		spec.Transitions = append(spec.Transitions, tr)
	}
	for _, d := range lc.deadlines {
		dl := stage.Deadline{Ref: d.ref(), Within: lc.periods[d], Done: zone.Event(d.done.Value)}
		if d.from.IsSet() {
			dl.From.Event = zone.Event(d.from.Value)
		} else {
			dl.From.Stage = d.fromStage.Value
		}
		if d.applies.IsSet() {
			dl.Applies = lc.conds[&d.applies]
		}
		spec.Deadlines = append(spec.Deadlines, dl)
	}
	for _, st := range lc.steps {
		spec.Escalation = append(spec.Escalation, stage.Step{Ref: st.ref(), OverdueWorkdays: lc.overdue[st], Stalled: lc.stalled[st]})
	}
	if p := lc.pause; p != nil {
		spec.Pause = &stage.Pause{Ref: p.ref(), Start: zone.Event(p.start.Value), End: zone.Event(p.end.Value)}
	}
	l, err := stage.New(spec)
	if err != nil {
		// Every rule stage.New imposes is checked above, so this is a
		// fault in devzone; say so in words, not as a Go error.
		detail := "This is a fault in devzone, not in the rule file; please report it with the file."
		if se, ok := err.(*stage.SpecError); ok {
			detail = "devzone found no problem in the section, but the lifecycle model refused it: " + strings.Join(se.Problems, "; ") + ". " + detail
		}
		c.errorf(CodeLifecycleInvalid, lc.name.Pos, "lifecycle", detail, "the lifecycle could not be built")
		return
	}
	c.set.lifecycle = l
}

// eventRef is the Ref of a stage entry written as a single event: the
// event's name and label, the stage's citation, and where the event is
// written.
func (lc *lcCompiler) eventRef(st *lcStage) zone.Ref {
	label := ""
	if i, ok := lc.c.eventIdx[st.entry.Value]; ok {
		label = lc.c.events[i].Label
	}
	return zone.Ref{ID: st.entry.Value, Label: label, Cite: st.cite.Value, Pos: lcZonePos(st.entry.Pos)}
}
