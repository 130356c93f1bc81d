package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// Observation is everything a rule set decides for one project on one
// date, as keyed values: the same keys and the same words a scenario's
// expect: uses (docs/scenarios.md), each with the trace of the rule that
// decided it. Scenario checks compare expectations with it, coverage counts
// its verdicts, and devzone evaluate and devzone explain print it.
//
// Build one with [Set.Observe]. An Observation is a plain value; it
// marshals to YAML and JSON as an expect: mapping, so that what a project
// does today can be pasted into a scenario file as what it must keep
// doing.
type Observation struct {
	Project *zone.Project
	AsOf    date.Date
	// Result is the evaluation the values are read from.
	Result *Result
	// Values are the keyed values, in the order of the expect: keys and,
	// within a key, of the rule file.
	Values []Observed
	// Verdicts are the verdicts of the individual rules, for coverage.
	Verdicts []RuleVerdict
}

// Observed is one keyed value of an [Observation].
type Observed struct {
	// Path is the key path as in expect:, e.g. ["deadlines",
	// "land-transfer", "due"] or ["criteria", "signing-to-landing/review-passed"]
	// (criteria are keyed by transition and criterion id).
	Path []string
	// Text is the value as an expectation writes it: met, running,
	// 2025-07-22, 50万元, none, or for a list its items as [a, b].
	Text string
	// List holds the items of a list value (escalation, findings, …); nil
	// for a single value.
	List []string
	// Trace is the rule that decided the value, with the explanation.
	Trace Trace
	// Default reports a value that only says "nothing here" (none, 0, an
	// empty list) for a rule that has more important keys; such values are
	// left out when the observation is written as an expect: mapping.
	Default bool
}

// Key returns the path written as in messages: deadlines.land-transfer.due,
// criteria[signing-to-landing/review-passed].
func (o Observed) Key() string { return keyPath(o.Path) }

func keyPath(path []string) string {
	var p yamlnode.Path
	for _, k := range path {
		p = p.Key(k)
	}
	return string(p)
}

// Trace identifies the rule behind a value and says why it has that value.
type Trace struct {
	// Ref is the rule: its id, Chinese label, citation and where its id is
	// written in the rule file. Zero when no single rule decides the value.
	Ref zone.Ref
	// Detail is the explanation: the values the rule looked at and the
	// verdict.
	Detail string
	// Missing names the facts or events that were needed and not recorded.
	Missing []string
}

// String returns the trace on a few lines: the rule, its citation, its
// position and the explanation.
func (t Trace) String() string {
	var b strings.Builder
	if t.Ref.ID != "" || t.Ref.Label != "" {
		b.WriteString("rule: " + strings.TrimSpace(t.Ref.ID+" "+t.Ref.Label))
		if t.Ref.Cite != "" {
			b.WriteString("\ncite: " + t.Ref.Cite)
		}
		if pos := t.Ref.Pos.String(); pos != "" {
			b.WriteString("\nat:   " + pos)
		}
	}
	if t.Detail != "" {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("why:  " + strings.ReplaceAll(t.Detail, "\n", "\n      "))
	}
	if len(t.Missing) > 0 {
		b.WriteString("\nmissing: " + strings.Join(t.Missing, ", "))
	}
	return b.String()
}

// RuleKind names a kind of rule for coverage: the sections' rules and the
// named conditions.
type RuleKind string

// The kinds of rules. The id of a criterion, meeting or entry variant is
// written "<transition or stage>/<id>", of an earmark "<budget>/<earmark>".
const (
	RuleCondition    RuleKind = "condition"    // conditions: entries
	RuleStage        RuleKind = "stage"        // lifecycle.stages
	RuleEntry        RuleKind = "entry"        // entry variants of a stage
	RuleTransition   RuleKind = "transition"   // lifecycle.transitions
	RuleCriterion    RuleKind = "criterion"    // requires: of a transition
	RuleMeeting      RuleKind = "meeting"      // meeting: of a transition
	RuleDeadline     RuleKind = "deadline"     // lifecycle.deadlines
	RuleStep         RuleKind = "step"         // lifecycle.escalation
	RulePause        RuleKind = "pause"        // lifecycle.pause
	RuleLand         RuleKind = "land"         // the land: policy itself
	RuleIndicator    RuleKind = "indicator"    // land indicators
	RuleStandard     RuleKind = "standard"     // land.standards
	RulePrerequisite RuleKind = "prerequisite" // land.assessments and land.infrastructure
	RuleAcceptance   RuleKind = "acceptance"   // land.acceptance
	RuleProgramme    RuleKind = "programme"    // incentives
	RuleBudget       RuleKind = "budget"       // budgets
	RuleEarmark      RuleKind = "earmark"      // earmarks of budgets
)

// RuleKey identifies one rule of a rule set.
type RuleKey struct {
	Kind RuleKind
	ID   string
}

// String returns kind:id.
func (k RuleKey) String() string { return string(k.Kind) + ":" + k.ID }

// Outcome is how one rule came out in one evaluation. The zero value is
// [OutcomeUnknown].
type Outcome uint8

const (
	// OutcomeUnknown: the facts did not decide the rule.
	OutcomeUnknown Outcome = iota
	// OutcomePass: the rule's passing verdict — a condition or criterion
	// met, a deadline met on time, a programme's eligibility true, a step
	// due, … (docs/scenarios.md lists them per kind).
	OutcomePass
	// OutcomeFail: the rule's failing verdict — not met, late or overdue,
	// ineligible, refused, …
	OutcomeFail
	// OutcomeOther: decided, but neither (a deadline still running or not
	// applicable).
	OutcomeOther
)

// String returns unknown, pass, fail or other.
func (o Outcome) String() string {
	switch o {
	case OutcomePass:
		return "pass"
	case OutcomeFail:
		return "fail"
	case OutcomeOther:
		return "other"
	}
	return "unknown"
}

// RuleVerdict is the outcome of one rule in one evaluation.
type RuleVerdict struct {
	Rule    RuleKey
	Ref     zone.Ref
	Outcome Outcome
}

// LedgerError reports a ledger entry given to [Set.Observe] that the
// budget ledger refuses. It wraps the ledger's error (an
// *incentive.EntryError, *incentive.OverspendError, …), or ErrNoBudgets.
type LedgerError struct {
	Index int // the entry's position, 0-based
	ID    string
	Err   error
}

// Error names the entry and the reason.
func (e *LedgerError) Error() string {
	return fmt.Sprintf("ledger entry %d (%s) is refused: %v", e.Index+1, e.ID, e.Err)
}

// Unwrap returns the ledger's error.
func (e *LedgerError) Unwrap() error { return e.Err }

// ErrNoBudgets means ledger entries were given for a rule set without
// budgets.
var ErrNoBudgets = errors.New("the rule set has no budgets: section")

// Observe evaluates the rule set for project p as of asOf ([Set.Evaluate])
// and reads the result as keyed values. Beyond Evaluate it:
//
//   - evaluates the criteria and meeting of every transition, not only of
//     the next one, so that a scenario can check any criterion;
//   - records each awarded money programme that draws on a budget earmark
//     as an allocation dated asOf in a fresh ledger, after ledger (earlier
//     entries, applied in order), and reports the earmarks' balances and
//     the awards the ledger refuses.
//
// Errors are those of Evaluate, or a *LedgerError for an entry of ledger
// that the ledger refuses. Observe is a pure function of its inputs; it
// reads no clock.
func (s *Set) Observe(p *zone.Project, asOf date.Date, ledger ...incentive.Entry) (*Observation, error) {
	r, err := s.Evaluate(p, asOf)
	if err != nil {
		return nil, err
	}
	o := &Observation{Project: p, AsOf: asOf, Result: r}
	ctx := zone.NewContext(p, asOf, s.cal)
	if s.lifecycle != nil && r.Lifecycle != nil {
		o.lifecycle(s.lifecycle, r.Lifecycle, ctx)
	}
	for _, c := range r.Conditions {
		o.add(Observed{Path: []string{"conditions", c.Ref.ID}, Text: c.Explanation.Truth.String(), Trace: explained(c.Ref, c.Explanation)})
		o.verdict(RuleCondition, c.Ref.ID, c.Ref, truthOutcome(c.Explanation.Truth))
	}
	if s.incentives != nil && r.Incentives != nil {
		o.incentives(r.Incentives)
	}
	if s.land != nil && r.Land != nil {
		o.land(s.land, r.Land)
	}
	if s.incentives != nil && len(s.incentives.Budgets()) > 0 {
		if err := o.budgets(s.incentives, r.Incentives, ledger); err != nil {
			return nil, err
		}
	} else if len(ledger) > 0 {
		return nil, &LedgerError{Index: 0, ID: ledger[0].ID, Err: ErrNoBudgets}
	}
	return o, nil
}

func (o *Observation) add(v Observed) { o.Values = append(o.Values, v) }

func (o *Observation) verdict(k RuleKind, id string, ref zone.Ref, out Outcome) {
	o.Verdicts = append(o.Verdicts, RuleVerdict{Rule: RuleKey{k, id}, Ref: ref, Outcome: out})
}

func explained(ref zone.Ref, x zone.Explanation) Trace {
	return Trace{Ref: ref, Detail: x.Detail, Missing: slices.Clone(x.Missing)}
}

func truthOutcome(t zone.Truth) Outcome {
	if t == zone.Unknown {
		return OutcomeUnknown
	}
	if t == zone.True {
		return OutcomePass
	}
	return OutcomeFail
}

// truthWord writes a verdict in the words of an expectation: yes for true
// (met, pass), no for false (unmet, fail), or unknown.
func truthWord(t zone.Truth, yes, no string) string {
	if t == zone.Unknown {
		return "unknown"
	}
	if t == zone.True {
		return yes
	}
	return no
}

// dateText writes a result date, or none for the zero date the domain
// packages leave in a date that is not set.
func dateText(d date.Date) string {
	if d == 0 {
		return "none"
	}
	return d.String()
}

func listText(items []string) string { return "[" + strings.Join(items, ", ") + "]" }

// setList returns items sorted without repeats, for lists whose order does
// not matter.
func setList(items []string) []string {
	out := slices.Clone(items)
	slices.Sort(out)
	return slices.Compact(out)
}

func (o *Observation) list(path []string, items []string, t Trace) {
	if items == nil {
		items = []string{}
	}
	o.add(Observed{Path: path, Text: listText(items), List: items, Trace: t})
}

func (o *Observation) lifecycle(l *stage.Lifecycle, r *stage.Result, ctx *zone.Context) {
	// The stage.
	st := Observed{Path: []string{"stage"}, Text: "none", Trace: Trace{Detail: "no stage entered: none of the stages' entry events has happened"}}
	if r.Stage.Index >= 0 {
		st.Text = r.Stage.ID
		st.Trace = Trace{Ref: r.Stage.Ref, Detail: fmt.Sprintf("entered on %s (%s)", r.Stage.Entered, r.Stage.Via)}
	}
	o.add(st)
	for i, s := range l.Stages() {
		switch {
		case i == r.Stage.Index:
			o.verdict(RuleStage, s.Ref.ID, s.Ref, OutcomePass)
		case i > r.Stage.Index:
			o.verdict(RuleStage, s.Ref.ID, s.Ref, OutcomeFail)
		}
		o.entries(s, ctx)
	}

	// Criteria and meetings of every transition.
	for _, t := range l.Transitions() {
		for _, c := range t.Criteria {
			x := c.When.Explain(ctx)
			id := t.Ref.ID + "/" + c.Ref.ID
			o.add(Observed{Path: []string{"criteria", id}, Text: truthWord(x.Truth, "met", "unmet"), Trace: explained(c.Ref, x)})
			o.verdict(RuleCriterion, id, c.Ref, truthOutcome(x.Truth))
		}
		if m := t.Meeting; m != nil {
			id := t.Ref.ID + "/" + m.Ref.ID
			d, ok := ctx.Project.Event(m.Event)
			held := ok && d <= ctx.AsOf
			x := Trace{Ref: m.Ref, Detail: fmt.Sprintf("%s not yet held", m.Event)}
			if held {
				x.Detail = fmt.Sprintf("%s held on %s", m.Event, d)
			}
			o.add(Observed{Path: []string{"criteria", id}, Text: truthWord(zone.TruthOf(held), "met", "unmet"), Trace: x})
			o.verdict(RuleMeeting, id, m.Ref, truthOutcome(zone.TruthOf(held)))
		}
	}
	if n := r.Next; n != nil {
		o.verdict(RuleTransition, n.Ref.ID, n.Ref, truthOutcome(n.Ready))
	}
	// A transition the project has already made was passed: its meeting is
	// often the event that enters the next stage, so it is never seen
	// ready while it is the next one.
	if r.Stage.Index > 0 {
		at := make(map[string]int)
		for i, st := range l.Stages() {
			at[st.Ref.ID] = i
		}
		for _, t := range l.Transitions() {
			if to, ok := at[t.To]; ok && to <= r.Stage.Index {
				o.verdict(RuleTransition, t.Ref.ID, t.Ref, truthOutcome(zone.True))
			}
		}
	}

	// Deadlines.
	for _, d := range r.Deadlines {
		o.deadline(d)
	}

	// Supervision.
	steps, pause := l.Escalation()
	var due []string
	var why []string
	var last zone.Ref
	for _, s := range r.Escalation.Due {
		due = append(due, s.Ref.ID)
		why = append(why, fmt.Sprintf("%s (%s) due since %s because %s", s.Ref.ID, s.Ref.Label, s.Since, s.Because))
		last = s.Ref
	}
	if len(due) == 0 {
		why = append(why, "no supervision step is due")
	}
	o.list([]string{"escalation"}, due, Trace{Ref: last, Detail: strings.Join(why, "\n")})
	for _, s := range steps {
		out := OutcomeFail
		if slices.Contains(due, s.Ref.ID) {
			out = OutcomePass
		}
		o.verdict(RuleStep, s.Ref.ID, s.Ref, out)
	}
	pt := Trace{Detail: "the rule set has no pause rule"}
	if pause != nil {
		pt = Trace{Ref: pause.Ref, Detail: "no justified pause in force"}
		if r.Escalation.Paused {
			pt.Detail = fmt.Sprintf("paused since %s (%s)", r.Escalation.PausedSince, pause.Start)
		}
		o.verdict(RulePause, pause.Ref.ID, pause.Ref, truthOutcome(zone.TruthOf(r.Escalation.Paused)))
	}
	o.add(Observed{Path: []string{"paused"}, Text: strconv.FormatBool(r.Escalation.Paused), Trace: pt, Default: !r.Escalation.Paused})

	var codes, msgs []string
	for _, f := range r.Findings {
		codes = append(codes, f.Code)
		msgs = append(msgs, f.Code+": "+f.Message)
	}
	if len(msgs) == 0 {
		msgs = append(msgs, "the project's dates are consistent")
	}
	o.list([]string{"findings"}, setList(codes), Trace{Detail: strings.Join(msgs, "\n")})
}

// entries records the verdicts of a stage's entry variants: the variant
// that decides how the stage is entered passes, a variant whose condition
// is false fails.
func (o *Observation) entries(s stage.Stage, ctx *zone.Context) {
	decided := false
	for _, e := range s.Entry {
		if e.Ref.ID == "" {
			continue
		}
		id := s.Ref.ID + "/" + e.Ref.ID
		switch {
		case decided:
		case e.When == nil:
			o.verdict(RuleEntry, id, e.Ref, OutcomePass)
			decided = true
		default:
			t := e.When.Test(ctx)
			o.verdict(RuleEntry, id, e.Ref, truthOutcome(t))
			decided = t != zone.False
		}
	}
}

func (o *Observation) deadline(d stage.DeadlineResult) {
	detail := fmt.Sprintf("%s (%s)", d.Status, d.Status.Label())
	if d.Start != 0 {
		detail += fmt.Sprintf(": counted from %s, due %s", d.Start, dateText(d.Due))
	}
	switch d.Status {
	case stage.Running:
		detail += fmt.Sprintf(", %d working days left", d.WorkdaysLeft)
	case stage.MetOnTime:
		detail += ", done on " + d.Done.String()
	case stage.MetLate:
		detail += fmt.Sprintf(", done on %s, %d working days late", d.Done, d.LateWorkdays)
	case stage.Overdue:
		detail += fmt.Sprintf(", %d working days overdue", d.LateWorkdays)
	}
	if d.Why != "" {
		detail += "; " + d.Why
	}
	t := Trace{Ref: d.Ref, Detail: detail}
	id := d.Ref.ID
	field := func(name, text string, dflt bool) {
		o.add(Observed{Path: []string{"deadlines", id, name}, Text: text, Trace: t, Default: dflt})
	}
	field("status", d.Status.String(), false)
	field("start", dateText(d.Start), d.Start == 0)
	field("due", dateText(d.Due), d.Due == 0)
	field("done", dateText(d.Done), d.Done == 0)
	field("late_workdays", strconv.Itoa(d.LateWorkdays), d.LateWorkdays == 0)
	field("workdays_left", strconv.Itoa(d.WorkdaysLeft), d.Status != stage.Running)
	out := OutcomeOther
	switch d.Status {
	case stage.MetOnTime:
		out = OutcomePass
	case stage.MetLate, stage.Overdue:
		out = OutcomeFail
	case stage.StatusUnknown:
		out = OutcomeUnknown
	}
	o.verdict(RuleDeadline, id, d.Ref, out)
}

// amountText writes a programme's amount: the money, unknown, or none for
// a service or a programme the project does not qualify for.
func amountText(v *incentive.Verdict) string {
	switch {
	case !v.IsMoney() || v.Status == incentive.Ineligible:
		return "none"
	case v.AmountKnown:
		return quantity.FormatMoney(v.Amount)
	}
	return "unknown"
}

func (o *Observation) incentives(r *incentive.Result) {
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		t := Trace{Ref: v.Ref, Detail: v.Reason(), Missing: slices.Concat(v.Eligibility.Missing, v.Calc.Missing)}
		amount := amountText(v)
		o.add(Observed{Path: []string{"incentives", v.Ref.ID, "status"}, Text: v.Status.String(), Trace: t})
		o.add(Observed{Path: []string{"incentives", v.Ref.ID, "amount"}, Text: amount, Trace: t, Default: amount == "none"})
		o.verdict(RuleProgramme, v.Ref.ID, v.Ref, truthOutcome(v.Eligibility.Truth))
	}
}

// budgets records the case's earlier ledger entries, then the project's
// awards, in a fresh ledger and reports the balances.
func (o *Observation) budgets(set *incentive.Set, r *incentive.Result, entries []incentive.Entry) error {
	l := set.NewLedger()
	for i, e := range entries {
		if err := l.Record(e); err != nil {
			return &LedgerError{Index: i, ID: e.ID, Err: err}
		}
	}
	budgets := set.Budgets()
	earmarkRef := func(b, e string) zone.Ref {
		for _, bu := range budgets {
			if bu.Ref.ID == b {
				if m, ok := bu.Earmark(e); ok {
					return m.Ref
				}
			}
		}
		return zone.Ref{ID: b + "/" + e}
	}
	var refused, why []string
	var refusedRef zone.Ref
	drawn := map[string]Outcome{}
	if r != nil {
		project := o.Project.ID
		if project == "" {
			project = "(project without id)"
		}
		for i := range r.Verdicts {
			v := &r.Verdicts[i]
			if v.Status != incentive.Awarded || !v.IsMoney() || !v.AmountKnown || v.Amount.Sign() <= 0 || v.Earmark.IsZero() {
				continue
			}
			err := l.Record(incentive.Entry{
				ID: "award:" + v.Ref.ID, Kind: incentive.Allocation, Budget: v.Earmark.Budget, Earmark: v.Earmark.Earmark,
				Project: project, Amount: v.Amount, Date: o.AsOf, Purpose: v.Ref.Label,
			})
			key := v.Earmark.String()
			if err != nil {
				refused = append(refused, v.Ref.ID)
				why = append(why, fmt.Sprintf("%s (%s): %v", v.Ref.ID, v.Ref.Label, err))
				refusedRef = v.Ref
				drawn[key] = OutcomeFail
				continue
			}
			if drawn[key] != OutcomeFail {
				drawn[key] = OutcomePass
			}
		}
	}
	for _, bal := range l.Balances() {
		key := bal.Budget + "/" + bal.Earmark
		ref := earmarkRef(bal.Budget, bal.Earmark)
		t := Trace{Ref: ref, Detail: fmt.Sprintf("%s %s: amount %s, allocated %s, released %s, adjusted %s, spent %s, available %s",
			key, bal.Label, money(bal.Amount), money(bal.Allocated), money(bal.Released), money(bal.Adjusted), money(bal.Spent), money(bal.Available))}
		for _, f := range []struct {
			name string
			v    decimal.Decimal
		}{{"amount", bal.Amount}, {"allocated", bal.Allocated}, {"released", bal.Released}, {"adjusted", bal.Adjusted}, {"spent", bal.Spent}, {"available", bal.Available}} {
			o.add(Observed{Path: []string{"budgets", "balances", key, f.name}, Text: money(f.v), Trace: t,
				Default: f.name != "available" && f.name != "spent"})
		}
		if _, ok := drawn[key]; !ok && !(bal.Allocated.IsZero() && bal.Released.IsZero() && bal.Adjusted.IsZero()) {
			drawn[key] = OutcomePass // the case's own ledger entries drew on it
		}
		if out, ok := drawn[key]; ok {
			o.verdict(RuleEarmark, key, ref, out)
		}
	}
	for _, b := range budgets {
		for _, e := range b.Earmarks {
			if drawn[b.Ref.ID+"/"+e.Ref.ID] == OutcomePass {
				o.verdict(RuleBudget, b.Ref.ID, b.Ref, OutcomePass)
				break
			}
		}
	}
	if len(why) == 0 {
		why = append(why, "every award drawing on a budget fits its earmark")
	}
	o.list([]string{"budgets", "refused"}, setList(refused), Trace{Ref: refusedRef, Detail: strings.Join(why, "\n")})
	return nil
}

func money(d decimal.Decimal) string { return quantity.FormatMoney(d) }

func (o *Observation) land(p *land.Policy, r *land.Result) {
	ref := p.Ref()
	applies := Trace{Ref: ref, Detail: "standard-land rules apply to the project"}
	switch r.Applies {
	case zone.False:
		applies.Detail = "standard-land rules do not apply to the project"
	case zone.Unknown:
		applies = explained(ref, r.Why)
	}
	o.add(Observed{Path: []string{"land", "applies"}, Text: r.Applies.String(), Trace: applies})
	o.verdict(RuleLand, ref.ID, ref, truthOutcome(r.Applies))

	rows := map[string]land.CommitmentRow{}
	var lines, missing []string
	for _, row := range r.Commitment {
		x := row.Explain()
		rows[row.Indicator.Ref.ID] = row
		lines = append(lines, x.Detail)
		missing = append(missing, x.Missing...)
	}
	if len(lines) == 0 {
		lines = append(lines, "no standard limits an indicator for the project")
	}
	o.add(Observed{Path: []string{"land", "committed"}, Text: r.Committed.String(), Trace: Trace{Ref: ref, Detail: strings.Join(lines, "\n"), Missing: missing}})
	for _, ind := range p.Indicators() {
		row, ok := rows[ind.Ref.ID]
		if !ok {
			o.add(Observed{Path: []string{"land", "indicators", ind.Ref.ID}, Text: "none", Default: true,
				Trace: Trace{Ref: ind.Ref, Detail: "no standard limits this indicator for the project"}})
			continue
		}
		x := row.Explain()
		t := Trace{Ref: ind.Ref, Detail: x.Detail, Missing: x.Missing}
		if row.Required.Standard.ID != "" {
			t.Ref = row.Required.Standard // the rule that set the limit
			o.verdict(RuleStandard, row.Required.Standard.ID, row.Required.Standard, truthOutcome(row.Verdict))
		}
		o.add(Observed{Path: []string{"land", "indicators", ind.Ref.ID}, Text: truthWord(row.Verdict, "pass", "fail"), Trace: t})
		o.verdict(RuleIndicator, ind.Ref.ID, ind.Ref, truthOutcome(row.Verdict))
	}

	ready := Observed{Path: []string{"land", "parcel_ready"}, Text: "none", Default: true, Trace: Trace{Ref: ref, Detail: "the project names no parcel"}}
	missingItems := []string{}
	if pc := r.Parcel; pc != nil {
		var names []string
		for _, it := range pc.Missing {
			missingItems = append(missingItems, it.Ref.ID)
			names = append(names, it.Ref.ID+" "+it.Ref.Label)
			o.verdict(RulePrerequisite, it.Ref.ID, it.Ref, OutcomeFail)
		}
		for _, it := range pc.Done {
			o.verdict(RulePrerequisite, it.Ref.ID, it.Ref, OutcomePass)
		}
		detail := "every assessment and infrastructure item is done"
		switch {
		case pc.Err != nil:
			detail = pc.Err.Error()
		case len(names) > 0:
			detail = "missing: " + strings.Join(names, ", ")
		}
		ready = Observed{Path: []string{"land", "parcel_ready"}, Text: pc.Ready.String(), Trace: Trace{Ref: pc.Parcel, Detail: detail}}
	}
	o.add(ready)
	o.list([]string{"land", "missing"}, setList(missingItems), ready.Trace)
	o.acceptance(p, r.Acceptance)
}

func (o *Observation) acceptance(p *land.Policy, a *land.AcceptanceResult) {
	acc, has := p.Acceptance()
	if !has {
		return
	}
	path := func(k ...string) []string { return append([]string{"land", "acceptance"}, k...) }
	if a == nil {
		t := Trace{Ref: acc.Ref, Detail: fmt.Sprintf("the review (%s) has not happened", acc.Event)}
		o.add(Observed{Path: path("reviewed"), Text: "false", Trace: t})
		for _, k := range []string{"verdict", "rectify_by", "damages"} {
			o.add(Observed{Path: path(k), Text: "none", Trace: t, Default: true})
		}
		for _, ind := range p.Indicators() {
			o.add(Observed{Path: path("indicators", ind.Ref.ID), Text: "none", Trace: t, Default: true})
		}
		return
	}
	var lines []string
	rows := map[string]land.AcceptanceRow{}
	for _, row := range a.Rows {
		rows[row.Indicator.Ref.ID] = row
		lines = append(lines, row.Explain().Detail)
	}
	t := Trace{Ref: a.Ref, Detail: fmt.Sprintf("reviewed on %s: %s", a.On, strings.Join(lines, "; "))}
	o.add(Observed{Path: path("reviewed"), Text: "true", Trace: t})
	o.add(Observed{Path: path("verdict"), Text: truthWord(a.Verdict, "pass", "fail"), Trace: t})
	o.verdict(RuleAcceptance, a.Ref.ID, a.Ref, truthOutcome(a.Verdict))
	rt := t
	if a.RectifyErr != nil {
		rt.Detail += "; " + a.RectifyErr.Error()
	}
	o.add(Observed{Path: path("rectify_by"), Text: dateText(a.RectifyBy), Trace: rt, Default: a.RectifyBy == 0})
	dmg := "unknown"
	if total, complete := a.TotalDamages(); complete {
		dmg = money(total)
	}
	o.add(Observed{Path: path("damages"), Text: dmg, Trace: t})
	for _, ind := range p.Indicators() {
		row, ok := rows[ind.Ref.ID]
		if !ok {
			o.add(Observed{Path: path("indicators", ind.Ref.ID), Text: "none", Default: true, Trace: Trace{Ref: ind.Ref, Detail: "not checked at acceptance"}})
			continue
		}
		x := row.Explain()
		o.add(Observed{Path: path("indicators", ind.Ref.ID), Text: truthWord(row.Verdict, "pass", "fail"), Trace: Trace{Ref: ind.Ref, Detail: x.Detail, Missing: x.Missing}})
	}
}
