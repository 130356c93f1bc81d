package stage

import (
	"errors"
	"fmt"
	"strings"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/zone"
)

// Stage is one stage of the lifecycle.
type Stage struct {
	Ref zone.Ref // Ref.ID is the stage id, e.g. "landing"; Ref.Label its name, e.g. 落地摘地
	// Entry says which event marks entry into the stage. The first variant
	// whose When holds decides; a variant with a nil When always applies.
	// When no variant applies (or a When is unknown) the stage's entry is
	// unknown.
	Entry []Entry
}

// Entry is one way into a stage: the event that marks it, under a condition.
type Entry struct {
	Ref   zone.Ref       // e.g. {ID: "lease", Label: 厂房租赁签约}
	When  zone.Condition // nil: always
	Event zone.Event
}

// Transition is the move from one stage to the next, with the criteria
// (转段标准) that must hold and the transition meeting (转段会议) that
// decides it.
type Transition struct {
	Ref      zone.Ref
	From, To string // stage ids
	Criteria []Criterion
	// Meeting, when set, is the event recording the transition meeting,
	// e.g. landing_meeting (落地转段会议).
	Meeting *Meeting
}

// Criterion is one named condition of a transition.
type Criterion struct {
	Ref  zone.Ref
	When zone.Condition
}

// Meeting is a transition meeting, recorded as an event.
type Meeting struct {
	Ref   zone.Ref
	Event zone.Event
}

// Anchor is the start of a deadline: an event, or entry into a stage.
// Exactly one of the fields is set.
type Anchor struct {
	Event zone.Event
	Stage string
}

// String returns the event name or "stage:ID".
func (a Anchor) String() string {
	if a.Stage != "" {
		return "stage:" + a.Stage
	}
	return string(a.Event)
}

// Deadline is a time limit between milestones, e.g. land transferred within
// 30个工作日 of the project review.
type Deadline struct {
	Ref    zone.Ref
	From   Anchor
	Within calendar.Period
	// Done is the event that meets the deadline.
	Done zone.Event
	// Applies restricts the deadline to some projects, e.g.
	// land_mode == transfer; nil applies to all.
	Applies zone.Condition
}

// Step is one rung of the supervision ladder with the threshold that makes it
// due. At least one threshold is set; a step is due when any set threshold is
// reached.
type Step struct {
	Ref zone.Ref // e.g. {ID: "letter", Label: 发函督促}
	// OverdueWorkdays: due when a deadline is overdue by at least this
	// many working days (0: not used).
	OverdueWorkdays int
	// Stalled: due when the project has stayed in its current stage longer
	// than this period (zero Period: not used). Projects in the last stage
	// never stall.
	Stalled calendar.Period
}

// Pause stops the supervision clock for a justified reason (正当理由): from
// the Start event until the End event. Working days after Start up to and
// including End do not count as overdue or stalled; while End has not
// happened, no new step becomes due.
type Pause struct {
	Ref        zone.Ref
	Start, End zone.Event
}

// Lifecycle is a compiled project lifecycle. It is immutable and safe for
// concurrent use. Build it with [New].
type Lifecycle struct {
	stages      []Stage
	transitions []Transition
	deadlines   []Deadline
	steps       []Step
	pause       *Pause
	index       map[string]int // stage id → position
	stalledWhy  []string       // by stage: "stalled:" and its id, the Because of a stall
}

// Spec is the input to [New].
type Spec struct {
	Stages      []Stage
	Transitions []Transition
	Deadlines   []Deadline
	Escalation  []Step
	Pause       *Pause
}

// SpecError lists the problems [New] found in a Spec.
type SpecError struct {
	Problems []string
}

func (e *SpecError) Error() string {
	return "invalid lifecycle: " + strings.Join(e.Problems, "; ")
}

// ErrSpec is wrapped by every *SpecError.
var ErrSpec = errors.New("invalid lifecycle")

// Unwrap returns ErrSpec.
func (e *SpecError) Unwrap() error { return ErrSpec }

// New checks and freezes a lifecycle. Stages need unique ids and at least one
// entry; transitions and deadlines must name existing stages; steps need a
// threshold and must not get easier up the ladder. Errors are *SpecError.
// New copies the slices it is given.
func New(s Spec) (*Lifecycle, error) {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	l := &Lifecycle{index: map[string]int{}}
	if len(s.Stages) == 0 {
		add("a lifecycle needs at least one stage")
	}
	for i, st := range s.Stages {
		if st.Ref.ID == "" {
			add("stage %d has no id", i+1)
			continue
		}
		if _, dup := l.index[st.Ref.ID]; dup {
			add("stage id %q is used twice", st.Ref.ID)
			continue
		}
		l.index[st.Ref.ID] = i
		if len(st.Entry) == 0 {
			add("stage %q has no entry event", st.Ref.ID)
		}
		for _, e := range st.Entry {
			if e.Event == "" {
				add("stage %q: an entry has no event", st.Ref.ID)
			}
		}
	}
	for _, t := range s.Transitions {
		f, okf := l.index[t.From]
		to, okt := l.index[t.To]
		if !okf || !okt {
			add("transition %q: unknown stage %q or %q", t.Ref.ID, t.From, t.To)
			continue
		}
		if to != f+1 {
			add("transition %q must lead from a stage to the next one (%s → %s)", t.Ref.ID, t.From, t.To)
		}
		for _, c := range t.Criteria {
			if c.When == nil {
				add("transition %q: criterion %q has no condition", t.Ref.ID, c.Ref.ID)
			}
		}
	}
	for _, d := range s.Deadlines {
		if (d.From.Event == "") == (d.From.Stage == "") {
			add("deadline %q: give exactly one of an event or a stage to count from", d.Ref.ID)
		}
		if d.From.Stage != "" {
			if _, ok := l.index[d.From.Stage]; !ok {
				add("deadline %q: unknown stage %q", d.Ref.ID, d.From.Stage)
			}
		}
		if !d.Within.IsValid() {
			add("deadline %q: the period is not valid", d.Ref.ID)
		}
		if d.Done == "" {
			add("deadline %q: no event meets it", d.Ref.ID)
		}
	}
	for i, st := range s.Escalation {
		if st.OverdueWorkdays <= 0 && !st.Stalled.IsValid() {
			add("escalation step %q has no threshold", st.Ref.ID)
		}
		if i > 0 {
			prev := s.Escalation[i-1]
			if st.OverdueWorkdays > 0 && prev.OverdueWorkdays > st.OverdueWorkdays {
				add("escalation step %q is due sooner (%d working days overdue) than the step before it (%d)", st.Ref.ID, st.OverdueWorkdays, prev.OverdueWorkdays)
			}
		}
	}
	if p := s.Pause; p != nil && (p.Start == "" || p.End == "") {
		add("the pause needs a start and an end event")
	}
	if len(probs) > 0 {
		return nil, &SpecError{Problems: probs}
	}
	l.stages = append([]Stage(nil), s.Stages...)
	l.stalledWhy = make([]string, len(l.stages))
	for i, st := range l.stages {
		l.stalledWhy[i] = "stalled:" + st.Ref.ID
	}
	l.transitions = append([]Transition(nil), s.Transitions...)
	l.deadlines = append([]Deadline(nil), s.Deadlines...)
	l.steps = append([]Step(nil), s.Escalation...)
	if s.Pause != nil {
		p := *s.Pause
		l.pause = &p
	}
	return l, nil
}

// Stages returns the stages in order. The slice is a copy.
func (l *Lifecycle) Stages() []Stage { return append([]Stage(nil), l.stages...) }

// Transitions returns the transitions. The slice is a copy.
func (l *Lifecycle) Transitions() []Transition { return append([]Transition(nil), l.transitions...) }

// Deadlines returns the deadlines. The slice is a copy.
func (l *Lifecycle) Deadlines() []Deadline { return append([]Deadline(nil), l.deadlines...) }

// Escalation returns the supervision ladder, lowest step first, and the
// pause rule (nil if none).
func (l *Lifecycle) Escalation() ([]Step, *Pause) {
	return append([]Step(nil), l.steps...), l.pause
}

// Stage returns the stage with the given id.
func (l *Lifecycle) Stage(id string) (Stage, bool) {
	i, ok := l.index[id]
	if !ok {
		return Stage{}, false
	}
	return l.stages[i], true
}
