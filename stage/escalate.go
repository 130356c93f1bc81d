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

func (l *Lifecycle) escalate(c *zone.Context, r *Result) EscalationResult {
	var out EscalationResult
	p := l.pauseOf(c)
	if p.set && p.open {
		out.Paused, out.PausedSince = true, p.start
	}
	for _, st := range l.steps {
		var best date.Date
		found, because := false, ""
		consider := func(since date.Date, ok bool, err error, why string) {
			if afterAsOf(c, err) {
				return // the threshold lies in a later year: not reached yet
			}
			if err != nil {
				r.Findings = append(r.Findings, Finding{Code: "escalation.unknown", Message: "step " + st.Ref.ID + " (" + why + "): " + err.Error()})
				return
			}
			if ok && since <= c.AsOf && (!found || since < best) {
				best, found, because = since, true, why
			}
		}
		if st.OverdueWorkdays > 0 {
			for _, dr := range r.Deadlines {
				if dr.Status == Overdue {
					since, ok, err := reachOverdue(c, dr.Due, st.OverdueWorkdays, p)
					consider(since, ok, err, dr.Ref.ID)
				}
			}
		}
		if st.Stalled.IsValid() && r.Stage.Index >= 0 && r.Stage.Index < len(l.stages)-1 {
			since, ok, err := reachStalled(c, r.Stage.Entered, st, p)
			consider(since, ok, err, "stalled:"+r.Stage.ID)
		}
		if found {
			out.Due = append(out.Due, StepResult{Ref: st.Ref, Since: best, Because: because})
		}
	}
	return out
}

// afterAsOf reports whether err says the calendar lacks the holiday
// schedule of a year after the as-of date's. Counting forward reaches such
// a year only for a day in it or later, so the threshold being computed is
// not reached on the as-of date, whatever the schedule will be.
func afterAsOf(c *zone.Context, err error) bool {
	var nd *calendar.NoDataError
	return errors.As(err, &nd) && nd.Year > c.AsOf.Year()
}
