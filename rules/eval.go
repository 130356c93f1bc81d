package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// Condition is a compiled, expression-backed condition: a named condition of
// a rule set (conditions:) or an expression compiled with [Set.Condition].
// It implements [zone.Condition], so the domain packages can use it like a
// condition written in Go.
//
// A Condition is immutable and safe for concurrent use.
type Condition struct {
	set     *Set
	prog    *expr.Program
	name    string
	label   string
	cite    string
	pos     Pos // the name's position, or the expression's for an ad hoc condition
	whenPos Pos
	named   bool
	slot    int // the condition's slot, for a named condition
}

var _ zone.Condition = (*Condition)(nil)

// Name returns the condition's name under conditions:, or "" for a
// condition compiled with [Set.Condition].
func (c *Condition) Name() string { return c.name }

// Label returns the condition's Chinese label ("" for an ad hoc condition).
func (c *Condition) Label() string { return c.label }

// Ref identifies the condition for traces: its name, label, citation and
// where it is written.
func (c *Condition) Ref() zone.Ref {
	return zone.Ref{ID: c.name, Label: c.label, Cite: c.cite, Pos: zone.Pos{File: c.pos.File, Line: c.pos.Line, Col: c.pos.Col}}
}

// String returns the expression as written.
func (c *Condition) String() string { return c.prog.Source() }

// Test returns the condition's verdict for the context's project and date.
// Facts that are missing, or that the rule set cannot accept, are unknown;
// so is everything before the rule set's effective date. Use
// [Condition.Evaluate] to have such problems reported as errors.
func (c *Condition) Test(ctx *zone.Context) zone.Truth {
	b := c.set.binding(ctx)
	if b.notInForce != nil {
		return zone.Unknown
	}
	if c.named {
		return truth(b.act.Get(c.slot))
	}
	return truth(c.prog.Eval(b.act))
}

// Explain returns the verdict with the values the expression looked at and,
// when it is unknown, the facts, events and parameters that were missing
// and why.
func (c *Condition) Explain(ctx *zone.Context) zone.Explanation {
	b := c.set.binding(ctx)
	if b.notInForce != nil {
		return zone.Explanation{Truth: zone.Unknown, Detail: b.notInForce.Error()}
	}
	x := c.prog.Explain(b.act)
	out := zone.Explanation{Truth: truth(x.Value), Detail: strings.TrimRight(x.String(), "\n")}
	if x.Value.Known() {
		return out
	}
	var notes []string
	seen := make(map[string]bool)
	var expand func(names []string, depth int)
	expand = func(names []string, depth int) {
		for _, n := range names {
			if i, isCond := c.set.condIndex[n]; isCond && depth < len(c.set.conds) {
				dep := c.set.conds[i]
				expand(dep.prog.Explain(b.act).Missing, depth+1)
				continue
			}
			if seen[n] {
				continue
			}
			seen[n] = true
			out.Missing = append(out.Missing, n)
			if note, ok := b.notes[n]; ok {
				notes = append(notes, note)
			}
		}
	}
	expand(x.Missing, 0)
	for _, n := range notes {
		out.Detail += "\n" + n
	}
	return out
}

// Evaluate returns the condition's verdict, with its explanation, for
// project p as of asOf, counting working days in the rule set's calendar.
//
// The error is non-nil when the inputs do not fit the rule set: p records an
// event or an attribute the rule set does not declare, an attribute's value
// does not fit its fact's type ([*FactError]), or asOf is before the rule
// set's effective date ([*NotInForceError]). Missing facts are not errors:
// they make the verdict unknown, and the explanation names them.
func (c *Condition) Evaluate(p *zone.Project, asOf date.Date) (zone.Explanation, error) {
	ctx := zone.NewContext(p, asOf, c.set.cal)
	if err := c.set.binding(ctx).err(); err != nil {
		return zone.Explanation{}, err
	}
	return c.Explain(ctx), nil
}

func truth(v expr.Value) zone.Truth {
	switch v.Truth() {
	case expr.True:
		return zone.True
	case expr.False:
		return zone.False
	}
	return zone.Unknown
}

// Condition compiles src, a condition in the expression language, against
// the rule set's facts, events, parameters and named conditions, for a Go
// program to evaluate:
//
//	c, err := set.Condition("investment >= major_project_threshold and land_mode == transfer")
//
// The error, if any, is of type Diagnostics; positions are line:column
// within src (no file name).
func (s *Set) Condition(src string) (*Condition, error) {
	prog, errs := s.env.Compile(src, expr.KindBool)
	if len(errs) > 0 {
		var ds Diagnostics
		for _, e := range errs {
			ds = append(ds, &Diagnostic{
				Severity: SeverityError, Code: e.Code, Pos: offsetPos(src, e.Start),
				Summary: e.Summary, Detail: e.Detail,
			})
		}
		return nil, ds
	}
	// The zero Pos in Ref means "written in Go code", as zone.Pos documents.
	return &Condition{set: s, prog: prog}, nil
}

// offsetPos returns the line and column (in characters) of byte off of src.
func offsetPos(src string, off int) Pos {
	p := Pos{Line: 1, Col: 1}
	for i, r := range src {
		if i >= off {
			break
		}
		if r == '\n' {
			p.Line, p.Col = p.Line+1, 1
		} else {
			p.Col++
		}
	}
	return p
}

// Conditions returns the named conditions in declaration order (baseline
// first).
func (s *Set) Conditions() []*Condition { return slices.Clone(s.conds) }

// NamedCondition returns the condition declared under conditions: with the
// given name.
func (s *Set) NamedCondition(name string) (*Condition, bool) {
	i, ok := s.condIndex[name]
	if !ok {
		return nil, false
	}
	return s.conds[i], true
}

// Result is what [Set.Evaluate] finds for one project at one date: the
// verdicts of the named conditions and of each domain section the rule set
// has. Every verdict carries the zone.Ref of the rule that decided it — its
// id, label, citation and position in the rule file — so a Result is its
// own trace.
type Result struct {
	AsOf       date.Date
	Conditions []ConditionResult // in declaration order

	// Lifecycle is the stage, next-transition criteria, deadlines and
	// supervision steps; nil when the rule set has no lifecycle: section.
	Lifecycle *stage.Result
	// Land is the standard-land evaluation; nil when the rule set has no
	// land: section.
	Land *land.Result
	// Incentives holds one verdict per incentive programme; nil when the
	// rule set has no incentives: section.
	Incentives *incentive.Result
}

// ConditionResult is the verdict of one named condition.
type ConditionResult struct {
	Ref         zone.Ref
	Explanation zone.Explanation
}

// Evaluate evaluates the rule set for project p as of asOf. It is a pure
// function of the Set, p and asOf: it reads no clock, and the same inputs
// give the same Result. Errors are those of [Condition.Evaluate]; the
// Result is nil when there is one.
func (s *Set) Evaluate(p *zone.Project, asOf date.Date) (*Result, error) {
	ctx := zone.NewContext(p, asOf, s.cal)
	if err := s.binding(ctx).err(); err != nil {
		return nil, err
	}
	r := &Result{AsOf: asOf, Conditions: make([]ConditionResult, len(s.conds))}
	for i, c := range s.conds {
		r.Conditions[i] = ConditionResult{Ref: c.Ref(), Explanation: c.Explain(ctx)}
	}
	if s.lifecycle != nil {
		lr := s.lifecycle.Evaluate(ctx)
		r.Lifecycle = &lr
	}
	if s.land != nil {
		lr := s.land.Evaluate(ctx)
		r.Land = &lr
	}
	if s.incentives != nil {
		ir := s.incentives.Explain(ctx)
		r.Incentives = &ir
	}
	return r, nil
}

// Errors about the project given to an evaluation.
var (
	// ErrUndeclared means the project records an attribute or event the
	// rule set does not declare.
	ErrUndeclared = errors.New("not declared by the rule set")
	// ErrNotInForce means the evaluation date is before the rule set's
	// effective date.
	ErrNotInForce = errors.New("the rule set is not in force on that date")
)

// FactError reports a project fact, attribute or event the rule set cannot
// accept. Err is ErrUndeclared, or says why the value does not fit (it may
// wrap a *quantity or calendar parse error).
type FactError struct {
	Fact  string // the fact, attribute or event name
	Value string // the value as given
	Err   error
}

// Error returns "project fact <name> = \"<value>\": <reason>".
func (e *FactError) Error() string {
	if errors.Is(e.Err, ErrUndeclared) {
		return fmt.Sprintf("project fact %s: %v", e.Fact, e.Err)
	}
	return fmt.Sprintf("project fact %s = %q: %v", e.Fact, e.Value, e.Err)
}

// Unwrap returns the reason.
func (e *FactError) Unwrap() error { return e.Err }

// NotInForceError reports an evaluation date before the rule set's
// effective date. It wraps ErrNotInForce.
type NotInForceError struct {
	ID        string    // the rule set
	Effective date.Date // when it takes effect
	AsOf      date.Date // the date asked for
}

// Error says when the rule set takes effect.
func (e *NotInForceError) Error() string {
	return fmt.Sprintf("rule set %s takes effect on %s; it does not apply on %s", e.ID, e.Effective, e.AsOf)
}

// Unwrap returns ErrNotInForce.
func (e *NotInForceError) Unwrap() error { return ErrNotInForce }

// binding is one project's facts, events and parameter values loaded into an
// activation, shared by all conditions of a Set within one zone.Context.
type binding struct {
	set        *Set
	act        *expr.Activation
	gen        uint64
	bound      bool
	notes      map[string]string // name → why its value is unknown
	problems   []error
	notInForce *NotInForceError

	// params holds the parameters in force on params.asOf, which every
	// project evaluated as of that date starts from: a portfolio report
	// binds thousands of projects as of one date.
	params struct {
		act    *expr.Activation
		asOf   date.Date
		cal    *calendar.Calendar
		ok     bool
		notes  [][2]string // name, why its value is unknown
		failed []error
	}
}

// binding returns the context's binding for s, loading the project into it
// when the context changed since the last call.
func (s *Set) binding(ctx *zone.Context) *binding {
	b, ok := ctx.Scratch(s, s.newBinding).(*binding)
	if !ok {
		b = s.newBinding(ctx).(*binding)
	}
	if !b.bound || b.gen != ctx.Generation() {
		b.bind(ctx)
	}
	return b
}

// createBinding creates an empty binding; it is the create function given to
// zone.Context.Scratch (a method value made once per Set, so that looking
// the binding up does not allocate).
func (s *Set) createBinding(*zone.Context) any {
	return &binding{set: s, act: s.env.NewActivation(), notes: make(map[string]string)}
}

func (b *binding) err() error {
	errs := slices.Clone(b.problems)
	if b.notInForce != nil {
		errs = append(errs, b.notInForce)
	}
	return errors.Join(errs...)
}

func (b *binding) bind(ctx *zone.Context) {
	s := b.set
	b.gen, b.bound = ctx.Generation(), true
	b.problems, b.notInForce = b.problems[:0], nil
	clear(b.notes)
	cal := ctx.Calendar
	if cal == nil {
		cal = s.cal
	}
	ps := &b.params
	if !ps.ok || ps.asOf != ctx.AsOf || ps.cal != cal {
		b.bindParams(ctx.AsOf, cal)
	}
	b.act.CopyFrom(ps.act)
	if s.hasEffective && ctx.AsOf < s.effective {
		b.notInForce = &NotInForceError{ID: s.id, Effective: s.effective, AsOf: ctx.AsOf}
	}
	if p := ctx.Project; p != nil {
		b.bindProject(p)
	}
	for _, n := range ps.notes {
		b.notes[n[0]] = n[1]
	}
	b.problems = append(b.problems, ps.failed...)
	for _, i := range s.condOrder {
		c := s.conds[i]
		b.store(c.slot, c.name, c.prog.Eval(b.act), "")
	}
}

// bindParams fills b.params with the parameters in force on asOf.
func (b *binding) bindParams(asOf date.Date, cal *calendar.Calendar) {
	s, ps := b.set, &b.params
	if ps.act == nil {
		ps.act = s.env.NewActivation()
	}
	ps.act.Reset(asOf, cal)
	ps.asOf, ps.cal, ps.ok = asOf, cal, true
	ps.notes, ps.failed = ps.notes[:0], ps.failed[:0]
	for i, p := range s.params {
		v, err := p.At(asOf)
		if err == nil {
			if err = ps.act.Set(s.paramSlots[i], v); err != nil {
				ps.failed = append(ps.failed, &FactError{Fact: p.Name, Err: err})
			}
		}
		if err != nil {
			ps.notes = append(ps.notes, [2]string{p.Name, err.Error()})
		}
	}
}

func (b *binding) bindProject(p *zone.Project) {
	text := func(slot int, name, v string) {
		if v != "" {
			b.store(slot, name, expr.Text(v), v)
		}
	}
	text(slotID, "id", p.ID)
	text(slotName, "name", p.Name)
	text(slotInvestor, "investor", p.Investor)
	text(slotIndustry, "industry", p.Industry)
	text(slotPark, "park", p.Park)
	if p.Investment != nil {
		// The amount is printed only for a report: formatting it for
		// every project would cost allocations on the evaluation path.
		if err := b.act.Set(slotInvestment, expr.Money(*p.Investment)); err != nil {
			b.fail("investment", p.Investment.String(), err)
		}
	}
	if p.Kind != zone.KindUnknown {
		text(slotKind, "kind", p.Kind.String())
	}
	if p.LandMode != zone.LandModeUnknown {
		text(slotLandMode, "land_mode", p.LandMode.String())
	}
	if p.ChainLeaderSourced != nil {
		b.store(slotChainLeader, "chain_leader_sourced", expr.Bool(*p.ChainLeaderSourced), strconv.FormatBool(*p.ChainLeaderSourced))
	}
	s := b.set
	// Maps are read in any order; the problems found are sorted by name
	// afterwards, so that they are reported the same way every time.
	first := len(b.problems)
	for e, d := range p.Events {
		slot, ok := s.eventSlots[e]
		if !ok {
			b.problems = append(b.problems, &FactError{Fact: string(e), Value: d.String(), Err: fmt.Errorf("event %w", ErrUndeclared)})
			continue
		}
		if err := b.act.SetEvent(slot, d); err != nil {
			b.problems = append(b.problems, &FactError{Fact: string(e), Value: d.String(), Err: err})
		}
	}
	sortFactErrors(b.problems[first:])
	first = len(b.problems)
	for n, raw := range p.Attributes {
		slot, ok := s.factSlots[n]
		if !ok {
			b.problems = append(b.problems, &FactError{Fact: n, Value: raw, Err: fmt.Errorf("attribute %w", ErrUndeclared)})
			continue
		}
		f := s.facts[slot]
		v, err := attributeValue(f.Type, raw)
		if err != nil {
			b.problems = append(b.problems, &FactError{Fact: n, Value: raw, Err: err})
			b.notes[n] = fmt.Sprintf("%s (%s) = %q: %v", n, f.Label, raw, err)
			continue
		}
		b.store(slot, n, v, raw)
	}
	sortFactErrors(b.problems[first:])
}

// sortFactErrors sorts problems, each a *FactError, by fact name.
func sortFactErrors(problems []error) {
	if len(problems) < 2 {
		return
	}
	slices.SortFunc(problems, func(a, b error) int {
		var x, y *FactError
		errors.As(a, &x)
		errors.As(b, &y)
		if x == nil || y == nil {
			return 0
		}
		return strings.Compare(x.Fact, y.Fact)
	})
}

// store puts v in a slot; a value the slot cannot take is a problem of the
// project's facts.
func (b *binding) store(slot int, name string, v expr.Value, raw string) {
	if err := b.act.Set(slot, v); err != nil {
		b.fail(name, raw, err)
	}
}

// fail records a value that a slot could not take.
func (b *binding) fail(name, raw string, err error) {
	b.problems = append(b.problems, &FactError{Fact: name, Value: raw, Err: err})
	b.notes[name] = err.Error()
}

// attributeValue reads an attribute written as text ("3", "2000万元",
// "2025-06-01", "core") as a value of the fact's type. A list is written
// with commas or 、 between the items.
func attributeValue(t expr.Type, raw string) (expr.Value, error) {
	if t.Kind != expr.KindList {
		v, err := parseValue(t.Kind, strings.TrimSpace(raw))
		if err != nil {
			return expr.Value{}, err
		}
		return v, nil
	}
	var items []expr.Value
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == '、' || r == '，' }) {
		v, err := parseValue(t.Elem, strings.TrimSpace(part))
		if err != nil {
			return expr.Value{}, err
		}
		items = append(items, v)
	}
	return expr.List(items...), nil
}
