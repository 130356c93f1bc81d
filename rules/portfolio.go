package rules

import (
	"runtime"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// Zone returns the development zone the zone: section describes — its
// category, level, parks, industries and chains — or nil when the rule set
// names no zone (no zone: section, or a baseline that only defines metrics).
func (s *Set) Zone() *zone.Zone {
	if s.zoneSec == nil {
		return nil
	}
	return s.zoneSec.zone
}

// ZonePortfolio returns the definition of the rule set's portfolio report:
// the zone, the metrics of zone.metrics in declaration order (baseline
// first) and the default period length (zone.period, by default month). A
// rule set without a zone: section has a portfolio without zone and
// metrics: its reports give the 三个一批 figures and the lifecycle lists,
// and no rates.
func (s *Set) ZonePortfolio() *zone.Portfolio {
	if s.zoneSec != nil {
		return s.zoneSec.portfolio
	}
	pf, _ := zone.NewPortfolio(nil, zone.Monthly) // cannot fail: no metrics
	return pf
}

// Portfolio makes the zone's portfolio report as of asOf: the 三个一批
// figures by period (the rule set's period: length), park and industry,
// the metrics' rates with their numerators and denominators, the deadlines
// overdue and supervision steps due across the portfolio, design capacity
// reached and behind, and the incentives granted. docs/zone.md defines
// every figure. It is PortfolioWith with the rule set's defaults and
// GOMAXPROCS workers.
func (s *Set) Portfolio(projects []*zone.Project, asOf date.Date) (*zone.Report, error) {
	return s.PortfolioWith(projects, zone.Options{AsOf: asOf, Workers: runtime.GOMAXPROCS(0)})
}

// PortfolioWith is [Set.Portfolio] with options: another period length,
// a start date, the number of workers. opt.Calendar defaults to the rule
// set's calendar; opt.Status is always the rule set's own.
//
// Each project is evaluated once, as of opt.AsOf, as [Set.Evaluate] does:
// the metrics' conditions, and, when the rule set has them, its lifecycle
// (deadlines overdue, supervision steps due, the deadline for design
// capacity: a deadline whose done: event is design_capacity_reached) and its
// incentives (the programmes awarded). The named conditions are not
// explained: the report does not show them. Projects are evaluated in
// opt.Workers goroutines; the report does not depend on their number.
//
// Errors: a [*NotInForceError] when opt.AsOf is before the rule set takes
// effect; [zone.ProjectErrors] listing every project the rule set cannot
// evaluate (each wrapping the [*FactError] [Set.Evaluate] would return) or
// whose id is missing or repeated; the errors of [zone.Portfolio.Report]
// for the period span.
func (s *Set) PortfolioWith(projects []*zone.Project, opt zone.Options) (*zone.Report, error) {
	if s.hasEffective && opt.AsOf < s.effective {
		return nil, &NotInForceError{ID: s.id, Effective: s.effective, AsOf: opt.AsOf}
	}
	if opt.Calendar == nil {
		opt.Calendar = s.cal
	}
	var capacity []int
	if s.lifecycle != nil {
		for i, d := range s.lifecycle.Deadlines() {
			if d.Done == zone.DesignCapacityReached {
				capacity = append(capacity, i)
			}
		}
	}
	opt.Status = func(ctx *zone.Context) (zone.Status, error) {
		// One portfolioWork per context, so per worker, reused from
		// project to project: the report copies what it needs of a Status
		// before asking for the next.
		w := ctx.Scratch(portfolioScratch{}, func(*zone.Context) any { return new(portfolioWork) }).(*portfolioWork)
		if err := s.portfolioResult(ctx, &w.res); err != nil {
			return zone.Status{}, err
		}
		return w.status(capacity), nil
	}
	return s.ZonePortfolio().Report(projects, opt)
}

// portfolioResult fills r with what a portfolio report needs of the
// context's project: the Result of [Set.Evaluate] without the named
// conditions. Its errors are those of Set.Evaluate.
func (s *Set) portfolioResult(ctx *zone.Context, r *Result) error {
	if err := s.binding(ctx).err(); err != nil {
		return err
	}
	r.AsOf = ctx.AsOf
	if l := s.lifecycle; l != nil {
		if r.Lifecycle == nil {
			r.Lifecycle = new(stage.Result)
		}
		l.DecideInto(ctx, r.Lifecycle)
	}
	if in := s.incentives; in != nil {
		if r.Incentives == nil {
			r.Incentives = new(incentive.Result)
		}
		in.DecideInto(ctx, r.Incentives)
	}
	return nil
}

// portfolioScratch is the zone.Context scratch key of the portfolioWork a
// portfolio report reuses for each project.
type portfolioScratch struct{}

// portfolioWork is what one worker of a portfolio report reuses from
// project to project: the project's Result, and the memory of the Status
// made from it.
type portfolioWork struct {
	res      Result
	st       zone.Status
	capacity zone.Deadline
}

// status derives what a portfolio report lists of a project from its
// evaluation w.res: from the lifecycle, the deadlines overdue, the
// supervision steps due and the deadline for design capacity (the first of
// the deadlines at indexes capacity that has started); from the
// incentives, the programmes awarded. The Status returned shares its
// memory with w: it is good until the next call.
func (w *portfolioWork) status(capacity []int) zone.Status {
	st := zone.Status{Overdue: w.st.Overdue[:0], Escalations: w.st.Escalations[:0], Awards: w.st.Awards[:0]}
	if lr := w.res.Lifecycle; lr != nil {
		for i := range lr.Deadlines {
			if d := &lr.Deadlines[i]; d.Status == stage.Overdue {
				st.Overdue = append(st.Overdue, zone.Deadline{Ref: d.Ref, Due: d.Due, Overdue: true, LateWorkdays: d.LateWorkdays})
			}
		}
		for i := range lr.Escalation.Due {
			step := &lr.Escalation.Due[i]
			st.Escalations = append(st.Escalations, zone.DueStep{Ref: step.Ref, Since: step.Since, Because: step.Because})
		}
		for _, i := range capacity {
			if i >= len(lr.Deadlines) {
				continue
			}
			switch d := &lr.Deadlines[i]; d.Status {
			case stage.Running, stage.MetOnTime, stage.MetLate, stage.Overdue:
				w.capacity = zone.Deadline{Ref: d.Ref, Due: d.Due, Overdue: d.Status == stage.Overdue, LateWorkdays: d.LateWorkdays}
				st.Capacity = &w.capacity
			}
			if st.Capacity != nil {
				break
			}
		}
	}
	if ir := w.res.Incentives; ir != nil {
		for i := range ir.Verdicts {
			v := &ir.Verdicts[i]
			if v.Status != incentive.Awarded {
				continue
			}
			a := zone.Award{Programme: v.Ref}
			if v.IsMoney() {
				a.Amount, a.AmountKnown = v.Amount, v.AmountKnown
			} else {
				a.Service = v.Entitlement.String()
			}
			st.Awards = append(st.Awards, a)
		}
	}
	w.st = st
	return st
}
