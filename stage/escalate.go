package stage

import (
	"errors"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/zone"
)

// pauseWindow is the justified pause on record: working days in (start, end]
// do not count. open means the pause has not ended by the as-of date.
type pauseWindow struct {
	set        bool
	start, end date.Date
	open       bool
}

func (l *Lifecycle) pauseOf(c *zone.Context) pauseWindow {
	if l.pause == nil {
		return pauseWindow{}
	}
	s, ok := happened(c, l.pause.Start)
	if !ok {
		return pauseWindow{}
	}
	if e, ok := happened(c, l.pause.End); ok && e >= s {
		return pauseWindow{set: true, start: s, end: e}
	}
	return pauseWindow{set: true, start: s, open: true}
}

// reachOverdue returns the first day on which a deadline due on due is
// overdue by n working days, not counting working days inside the pause.
// ok is false when that day cannot be reached while the pause is open.
func reachOverdue(c *zone.Context, due date.Date, n int, p pauseWindow) (date.Date, bool, error) {
	t, err := c.Calendar.AddWorkdays(due, n)
	if err != nil || !p.set || t <= p.start || (!p.open && p.end <= due) {
		return t, err == nil, err
	}
	counted := 0
	if p.start > due {
		if counted, err = c.Calendar.WorkdaysBetween(due, p.start); err != nil {
			return 0, false, err
		}
	}
	if p.open {
		return 0, false, nil
	}
	t, err = c.Calendar.AddWorkdays(max(p.end, due), n-counted)
	return t, err == nil, err
}

// reachStalled returns the first day a project that entered its stage on
// entered has stayed longer than step.Stalled, with the pause's natural days
// added.
func reachStalled(c *zone.Context, entered date.Date, st Step, p pauseWindow) (date.Date, bool, error) {
	if p.set && p.open && p.start >= entered {
		end, err := c.Calendar.Deadline(entered, st.Stalled)
		if err != nil || end+1 > p.start {
			return 0, false, err
		}
		return end + 1, true, nil
	}
	eff := entered
	if p.set && !p.open && p.end > entered {
		eff += p.end - max(p.start, entered)
	}
	end, err := c.Calendar.Deadline(eff, st.Stalled)
	return end + 1, err == nil, err
}

// escalate works out the supervision steps due, appending them to due.
func (l *Lifecycle) escalate(c *zone.Context, r *Result, due []StepResult) EscalationResult {
	out := EscalationResult{Due: due}
	p := l.pauseOf(c)
	if p.set && p.open {
		out.Paused, out.PausedSince = true, p.start
	}
	stalls := r.Stage.Index >= 0 && r.Stage.Index < len(l.stages)-1
	for i := range l.steps {
		st := &l.steps[i]
		var t trigger
		if st.OverdueWorkdays > 0 {
			for j := range r.Deadlines {
				if dr := &r.Deadlines[j]; dr.Status == Overdue {
					since, ok, err := reachOverdue(c, dr.Due, st.OverdueWorkdays, p)
					t.consider(c, r, st, since, ok, err, dr.Ref.ID)
				}
			}
		}
		if st.Stalled.IsValid() && stalls {
			since, ok, err := reachStalled(c, r.Stage.Entered, *st, p)
			t.consider(c, r, st, since, ok, err, l.stalledWhy[r.Stage.Index])
		}
		if t.found {
			out.Due = append(out.Due, StepResult{Ref: st.Ref, Since: t.best, Because: t.because})
		}
	}
	return out
}

// trigger is the earliest threshold of one step reached by the as-of date.
type trigger struct {
	best    date.Date
	found   bool
	because string
}

// consider records a threshold of step st reached on since (when ok), or
// reports why it cannot be computed.
func (t *trigger) consider(c *zone.Context, r *Result, st *Step, since date.Date, ok bool, err error, why string) {
	if err != nil {
		if !afterAsOf(c, err) {
			r.Findings = append(r.Findings, Finding{Code: "escalation.unknown", Message: "step " + st.Ref.ID + " (" + why + "): " + err.Error()})
		}
		return // a threshold in a later year without data is not reached yet
	}
	if ok && since <= c.AsOf && (!t.found || since < t.best) {
		t.best, t.found, t.because = since, true, why
	}
}

// afterAsOf reports whether err says the calendar lacks the holiday
// schedule of a year after the as-of date's. Counting forward reaches such
// a year only for a day in it or later, so the threshold being computed is
// not reached on the as-of date, whatever the schedule will be.
func afterAsOf(c *zone.Context, err error) bool {
	if err == nil {
		return false
	}
	nd, ok := errors.AsType[*calendar.NoDataError](err)
	return ok && nd.Year > c.AsOf.Year()
}
