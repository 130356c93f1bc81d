package stage

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/zone"
)

// Status is a deadline's state as of the evaluation date. The zero value is
// [StatusUnknown].
type Status uint8

const (
	// StatusUnknown: the facts do not decide (a condition is unknown, or
	// the calendar has no data for a year needed).
	StatusUnknown Status = iota
	// NotApplicable: the deadline's applies condition is false.
	NotApplicable
	// NotStarted: the event it counts from has not happened.
	NotStarted
	// Running: started, not met, not yet due.
	Running
	// MetOnTime: the done event happened on or before the due date.
	MetOnTime
	// MetLate: the done event happened after the due date.
	MetLate
	// Overdue: not met and the due date has passed.
	Overdue
)

var statusNames = [...][2]string{
	{"unknown", "无法判定"}, {"not_applicable", "不适用"}, {"not_started", "未起算"}, {"running", "进行中"},
	{"met_on_time", "按期完成"}, {"met_late", "逾期完成"}, {"overdue", "已逾期"},
}

// String returns the status identifier used in scenario files and JSON:
// unknown, not_applicable, not_started, running, met_on_time, met_late,
// overdue.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s][0]
	}
	return "unknown"
}

// Label returns the status in Chinese, e.g. 已逾期.
func (s Status) Label() string {
	if int(s) < len(statusNames) {
		return statusNames[s][1]
	}
	return statusNames[0][1]
}

// ParseStatus parses the identifiers String returns.
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if s == n[0] || s == n[1] {
			return Status(i), nil
		}
	}
	return 0, &zone.ValueError{Fact: "status", Value: s, Allowed: "unknown, not_applicable, not_started, running, met_on_time, met_late, overdue"}
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	*s = v
	return err
}

// Result is the evaluation of one project's lifecycle as of a date.
type Result struct {
	// Stage is the current stage; Stage.ID is "" before the first stage
	// is entered.
	Stage StageResult
	// Next is the transition out of the current stage (nil in the last
	// stage or before the first).
	Next      *TransitionResult
	Deadlines []DeadlineResult
	// Escalation lists the supervision steps due, lowest first.
	Escalation EscalationResult
	// Findings report inconsistent or suspicious data.
	Findings []Finding
}

// StageResult is the current stage and how the project entered it.
type StageResult struct {
	Ref     zone.Ref
	ID      string
	Entered date.Date  // date of the entry event
	Via     zone.Event // the entry event
	Index   int        // position in the lifecycle, 0-based; -1 before the first stage
}

// TransitionResult is the state of the next transition.
type TransitionResult struct {
	Ref      zone.Ref
	From, To string
	Criteria []CriterionResult
	// Meeting is the transition meeting's state, when the transition has
	// one.
	Meeting *CriterionResult
	// Ready combines the criteria and the meeting: True when all hold.
	Ready zone.Truth
}

// CriterionResult is one criterion's verdict with its explanation.
type CriterionResult struct {
	Ref zone.Ref
	zone.Explanation
}

// DeadlineResult is one deadline's state.
type DeadlineResult struct {
	Ref    zone.Ref
	Status Status
	// Start is the date counting starts after; Due the last day allowed.
	// Both are set once the deadline has started.
	Start, Due date.Date
	// Done is the date of the done event, when it happened.
	Done date.Date
	// WorkdaysLeft counts working days from the as-of date (excluded) to
	// the due date (included) while Running.
	WorkdaysLeft int
	// LateWorkdays counts working days after the due date up to the done
	// date (MetLate) or the as-of date (Overdue).
	LateWorkdays int
	// Why explains StatusUnknown and NotApplicable.
	Why string
}

// EscalationResult is the supervision state.
type EscalationResult struct {
	// Due lists every step whose threshold is reached, lowest first; the
	// last one is the current rung.
	Due []StepResult
	// Paused is true when a justified pause is in force on the as-of date.
	Paused      bool
	PausedSince date.Date
}

// Last returns the highest step due and true, or false when none is due.
func (e EscalationResult) Last() (StepResult, bool) {
	if len(e.Due) == 0 {
		return StepResult{}, false
	}
	return e.Due[len(e.Due)-1], true
}

// StepResult is one supervision step that is due.
type StepResult struct {
	Ref zone.Ref
	// Since is the first day the step was due.
	Since date.Date
	// Because names what triggered it: the deadline id, or "stalled:" and
	// the stage id.
	Because string
}

// Finding is a problem with the project's data that evaluation worked around.
type Finding struct {
	Code    string // e.g. "events.out-of-order"
	Message string // for people
}

// Evaluate evaluates the lifecycle for c.Project as of c.AsOf under
// c.Calendar. Events dated after the as-of date are treated as not having
// happened (and reported as findings). It never panics on inconsistent data;
// it reports findings instead.
func (l *Lifecycle) Evaluate(c *zone.Context) Result { return l.evaluate(c, true) }

// Decide is [Lifecycle.Evaluate] without explanations of the next
// transition's criteria and meeting: each keeps its verdict (Truth) only.
// It is for figures over many projects, such as a portfolio report, where
// nobody reads why a criterion is not met; it costs less.
func (l *Lifecycle) Decide(c *zone.Context) Result { return l.evaluate(c, false) }

// DecideInto is [Lifecycle.Decide] writing into r, reusing the memory of
// r's slices and of r.Next: a caller that evaluates many projects one after
// another (one r per goroutine) allocates them once. The previous content
// of r is lost, including what r.Next pointed to.
func (l *Lifecycle) DecideInto(c *zone.Context, r *Result) { l.evaluateInto(c, false, r) }

func (l *Lifecycle) evaluate(c *zone.Context, explain bool) Result {
	var r Result
	l.evaluateInto(c, explain, &r)
	return r
}

// evaluateInto evaluates into r, reusing its memory.
func (l *Lifecycle) evaluateInto(c *zone.Context, explain bool, r *Result) {
	deadlines, findings, due, next := r.Deadlines[:0], r.Findings[:0], r.Escalation.Due[:0], r.Next
	*r = Result{Stage: StageResult{Index: -1}}
	// Entry dates by stage; on the stack for lifecycles of usual size.
	var enteredBuf [16]date.Date
	var knownBuf [16]bool
	entered, known := enteredBuf[:], knownBuf[:]
	if len(l.stages) > len(enteredBuf) {
		entered, known = make([]date.Date, len(l.stages)), make([]bool, len(l.stages))
	}
	entered, known = entered[:len(l.stages)], known[:len(l.stages)]
	for i, st := range l.stages {
		ev, truth := l.entryEvent(st, c)
		if truth != zone.True {
			continue
		}
		d, ok := happened(c, ev)
		if !ok {
			continue
		}
		entered[i], known[i] = d, true
		r.Stage = StageResult{Ref: st.Ref, ID: st.Ref.ID, Entered: d, Via: ev, Index: i}
	}
	r.Findings = l.findings(c, entered, known, findings)
	if r.Stage.Index >= 0 {
		for ti := range l.transitions {
			t := &l.transitions[ti]
			if t.From == r.Stage.ID {
				r.Next = evalTransition(t, c, explain, next)
				break
			}
		}
	}
	if deadlines == nil {
		deadlines = make([]DeadlineResult, 0, len(l.deadlines)) // never nil
	}
	r.Deadlines = slices.Grow(deadlines, len(l.deadlines))[:len(l.deadlines)]
	for i := range l.deadlines {
		r.Deadlines[i] = l.evalDeadline(&l.deadlines[i], c, entered, known)
	}
	r.Escalation = l.escalate(c, r, due)
}

// entryEvent returns the event that marks entry into st for this project.
func (l *Lifecycle) entryEvent(st Stage, c *zone.Context) (zone.Event, zone.Truth) {
	for _, e := range st.Entry {
		if e.When == nil {
			return e.Event, zone.True
		}
		switch e.When.Test(c) {
		case zone.True:
			return e.Event, zone.True
		case zone.Unknown:
			return "", zone.Unknown
		}
	}
	return "", zone.False
}

// happened returns the event's date when it is recorded on or before the as-of
// date.
func happened(c *zone.Context, e zone.Event) (date.Date, bool) {
	d, ok := c.Project.Event(e)
	if !ok || d > c.AsOf {
		return 0, false
	}
	return d, true
}

// evalTransition evaluates t, into reuse when it is not nil.
func evalTransition(t *Transition, c *zone.Context, explain bool, reuse *TransitionResult) *TransitionResult {
	tr := reuse
	if tr == nil {
		tr = new(TransitionResult)
	}
	criteria, meeting := tr.Criteria[:0], tr.Meeting
	*tr = TransitionResult{Ref: t.Ref, From: t.From, To: t.To, Ready: zone.True}
	tr.Criteria = slices.Grow(criteria, len(t.Criteria))[:len(t.Criteria)]
	for i, cr := range t.Criteria {
		if explain {
			tr.Criteria[i] = CriterionResult{Ref: cr.Ref, Explanation: cr.When.Explain(c)}
		} else {
			tr.Criteria[i] = CriterionResult{Ref: cr.Ref, Explanation: zone.Explanation{Truth: cr.When.Test(c)}}
		}
		tr.Ready = tr.Ready.And(tr.Criteria[i].Truth)
	}
	if m := t.Meeting; m != nil {
		d, ok := happened(c, m.Event)
		ex := zone.Explanation{Truth: zone.TruthOf(ok)}
		switch {
		case !explain:
		case ok:
			ex.Detail = fmt.Sprintf("%s held on %s", m.Event, d)
		default:
			ex.Detail = fmt.Sprintf("%s not yet held", m.Event)
		}
		if meeting == nil {
			meeting = new(CriterionResult)
		}
		*meeting = CriterionResult{Ref: m.Ref, Explanation: ex}
		tr.Meeting = meeting
		tr.Ready = tr.Ready.And(ex.Truth)
	}
	return tr
}

func (l *Lifecycle) anchor(a Anchor, c *zone.Context, entered []date.Date, known []bool) (date.Date, bool) {
	if a.Stage != "" {
		i := l.index[a.Stage]
		return entered[i], known[i]
	}
	return happened(c, a.Event)
}

func (l *Lifecycle) evalDeadline(d *Deadline, c *zone.Context, entered []date.Date, known []bool) DeadlineResult {
	res := DeadlineResult{Ref: d.Ref}
	if d.Applies != nil {
		switch d.Applies.Test(c) {
		case zone.False:
			res.Status, res.Why = NotApplicable, d.Applies.String()+" → false"
			return res
		case zone.Unknown:
			ex := d.Applies.Explain(c)
			res.Why = "applies: " + d.Applies.String() + " cannot be decided" + missing(ex.Missing)
			return res
		}
	}
	start, ok := l.anchor(d.From, c, entered, known)
	if !ok {
		res.Status = NotStarted
		return res
	}
	res.Start = start
	due, err := c.Calendar.Deadline(start, d.Within)
	if err != nil {
		// Without holiday data for the due date's year the due date is
		// unknown, but never earlier than calendar.EarliestDue: work done
		// by then was done on time.
		if done, ok := happened(c, d.Done); ok && done <= calendar.EarliestDue(start, d.Within) {
			res.Done, res.Status = done, MetOnTime
			res.Why = "met before the earliest possible due date; " + err.Error()
			return res
		}
		res.Why = err.Error()
		return res
	}
	res.Due = due
	if done, ok := happened(c, d.Done); ok {
		res.Done = done
		if done <= due {
			res.Status = MetOnTime
			return res
		}
		res.Status = MetLate
		res.LateWorkdays, err = c.Calendar.WorkdaysBetween(due, done)
		if err != nil {
			res.Status, res.Why = StatusUnknown, err.Error()
		}
		return res
	}
	if c.AsOf <= due {
		res.Status = Running
		res.WorkdaysLeft, err = c.Calendar.WorkdaysBetween(c.AsOf, due)
		if err != nil {
			res.Status, res.Why = StatusUnknown, err.Error()
		}
		return res
	}
	res.Status = Overdue
	res.LateWorkdays, err = c.Calendar.WorkdaysBetween(due, c.AsOf)
	if err != nil {
		res.Status, res.Why = StatusUnknown, err.Error()
	}
	return res
}

func missing(m []string) string {
	if len(m) == 0 {
		return ""
	}
	s := ": 缺少事实"
	for i, x := range m {
		if i > 0 {
			s += ","
		}
		s += " " + x
	}
	return s
}

// findings checks the event dates for consistency, appending to out.
func (l *Lifecycle) findings(c *zone.Context, entered []date.Date, known []bool, out []Finding) []Finding {
	later := false
	for _, d := range c.Project.Events {
		later = later || d > c.AsOf
	}
	if later { // sorting the events costs; most records have none later
		for _, e := range c.Project.SortedEvents() {
			if d := c.Project.Events[e]; d > c.AsOf {
				out = append(out, Finding{Code: "events.after-as-of", Message: fmt.Sprintf("%s is dated %s, after the evaluation date %s; it is treated as not yet happened", e, d, c.AsOf)})
			}
		}
	}
	last := -1
	for i := range l.stages {
		if !known[i] {
			continue
		}
		if last >= 0 && entered[i] < entered[last] {
			out = append(out, Finding{Code: "events.out-of-order", Message: fmt.Sprintf("stage %s (%s) was entered on %s, before stage %s (%s) on %s", l.stages[i].Ref.ID, l.stages[i].Ref.Label, entered[i], l.stages[last].Ref.ID, l.stages[last].Ref.Label, entered[last])})
		}
		if i > last+1 {
			for j := last + 1; j < i; j++ {
				out = append(out, Finding{Code: "stage.skipped", Message: fmt.Sprintf("stage %s (%s) has no recorded entry but the later stage %s (%s) has", l.stages[j].Ref.ID, l.stages[j].Ref.Label, l.stages[i].Ref.ID, l.stages[i].Ref.Label)})
			}
		}
		last = i
	}
	for _, d := range l.deadlines {
		start, ok1 := l.anchor(d.From, c, entered, known)
		done, ok2 := happened(c, d.Done)
		if ok1 && ok2 && done < start {
			out = append(out, Finding{Code: "events.out-of-order", Message: fmt.Sprintf("deadline %s: %s (%s) is before %s (%s)", d.Ref.ID, d.Done, done, d.From, start)})
		}
	}
	return out
}
