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
		// One Result per context (so per worker), reused from project to
		// project: zoneStatus keeps nothing of it.
		r := ctx.Scratch(portfolioScratch{}, func(*zone.Context) any { return new(Result) }).(*Result)
		if err := s.portfolioResult(ctx, r); err != nil {
			return zone.Status{}, err
		}
		return zoneStatus(r, capacity), nil
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

// portfolioScratch is the zone.Context scratch key of the Result a
// portfolio report reuses for each project.
type portfolioScratch struct{}

// zoneStatus derives what a portfolio report lists of a project from its
// evaluation: from r.Lifecycle, the deadlines overdue, the supervision
// steps due and the deadline for design capacity (the first of the
// deadlines at indexes capacity that has started); from r.Incentives, the
// programmes awarded.
func zoneStatus(r *Result, capacity []int) zone.Status {
	var st zone.Status
	if lr := r.Lifecycle; lr != nil {
		// Each slice is made at its final size: the report keeps them.
		overdue := 0
		for _, d := range lr.Deadlines {
			if d.Status == stage.Overdue {
				overdue++
			}
		}
		if overdue > 0 {
			st.Overdue = make([]zone.Deadline, 0, overdue)
		}
		if n := len(lr.Escalation.Due); n > 0 {
			st.Escalations = make([]zone.DueStep, 0, n)
		}
		for _, d := range lr.Deadlines {
			if d.Status == stage.Overdue {
				st.Overdue = append(st.Overdue, zone.Deadline{Ref: d.Ref, Due: d.Due, Overdue: true, LateWorkdays: d.LateWorkdays})
			}
		}
		for _, step := range lr.Escalation.Due {
			st.Escalations = append(st.Escalations, zone.DueStep{Ref: step.Ref, Since: step.Since, Because: step.Because})
		}
		for _, i := range capacity {
			if i >= len(lr.Deadlines) {
				continue
			}
			switch d := lr.Deadlines[i]; d.Status {
			case stage.Running, stage.MetOnTime, stage.MetLate, stage.Overdue:
				st.Capacity = &zone.Deadline{Ref: d.Ref, Due: d.Due, Overdue: d.Status == stage.Overdue, LateWorkdays: d.LateWorkdays}
			}
			if st.Capacity != nil {
				break
			}
		}
	}
	if ir := r.Incentives; ir != nil {
		awarded := 0
		for _, v := range ir.Verdicts {
			if v.Status == incentive.Awarded {
				awarded++
			}
		}
		if awarded > 0 {
			st.Awards = make([]zone.Award, 0, awarded)
		}
		for _, v := range ir.Verdicts {
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
	return st
}
