package zone

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
)

// MaxPeriods is the most periods one report may span (100 years by month):
// a date mistyped by centuries is reported instead of filling memory.
const MaxPeriods = 1200

// ErrTooManyPeriods means a report would span more than [MaxPeriods]
// periods.
var ErrTooManyPeriods = errors.New("too many periods")

// ErrOutOfRange means a value is outside its allowed range: a metric's
// places, a granularity, or a report that would start after its date.
var ErrOutOfRange = errors.New("out of range")

// Portfolio defines a zone's portfolio report: the zone, the metrics and
// the default length of the periods. Build one with [NewPortfolio] and
// call [Portfolio.Report] for each report date. A Portfolio is immutable
// and safe for concurrent use.
type Portfolio struct {
	zone        *Zone
	granularity Granularity
	metrics     []Metric
}

// NewPortfolio checks the metrics and returns the portfolio definition. z
// may be nil: the report then breaks projects down by the parks and
// industries they record, without the zone's lists. g is the default
// length of the periods; GranularityUnknown means [Monthly], the province's
// reporting rhythm (seed 001). Errors are [SpecErrors]: a metric id that
// is not valid or used twice, a metric without a name, numerator or
// denominator ([ErrInvalidID], [ErrDuplicate], [ErrMissing]), a sum on one
// side only ([ErrMismatch]), places outside 0 to [MaxPlaces]
// ([ErrOutOfRange]).
func NewPortfolio(z *Zone, g Granularity, metrics ...Metric) (*Portfolio, error) {
	var errs SpecErrors
	add := func(m Metric, i int, field string, value string, err error) {
		errs = append(errs, &SpecError{Ref: m.Ref, Path: fmt.Sprintf("metrics[%d]", i), Field: field, Value: value, Err: err})
	}
	if g == GranularityUnknown {
		g = Monthly
	}
	if g.months() == 0 {
		errs = append(errs, &SpecError{Path: "period", Value: fmt.Sprint(int(g)), Err: ErrOutOfRange})
	}
	seen := make(map[string]bool, len(metrics))
	for i, m := range metrics {
		switch {
		case !ValidID(m.Ref.ID):
			add(m, i, "id", m.Ref.ID, ErrInvalidID)
		case seen[m.Ref.ID]:
			add(m, i, "id", m.Ref.ID, ErrDuplicate)
		}
		seen[m.Ref.ID] = true
		if strings.TrimSpace(m.Ref.Label) == "" {
			add(m, i, "label", "", ErrMissing)
		}
		if m.Numerator == nil {
			add(m, i, "numerator", "", ErrMissing)
		}
		if m.Denominator == nil {
			add(m, i, "denominator", "", ErrMissing)
		}
		if (m.NumeratorSum == nil) != (m.DenominatorSum == nil) {
			field := "numerator_sum"
			if m.DenominatorSum == nil {
				field = "denominator_sum"
			}
			add(m, i, field, "", ErrMismatch)
		}
		if m.Places < 0 || m.Places > MaxPlaces {
			add(m, i, "places", fmt.Sprint(m.Places), ErrOutOfRange)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &Portfolio{zone: z, granularity: g, metrics: slices.Clone(metrics)}, nil
}

// Zone returns the zone reported on, or nil.
func (pf *Portfolio) Zone() *Zone { return pf.zone }

// Granularity returns the default length of the periods.
func (pf *Portfolio) Granularity() Granularity { return pf.granularity }

// Metrics returns the metrics in declaration order.
func (pf *Portfolio) Metrics() []Metric { return slices.Clone(pf.metrics) }

// Status is what the caller knows about one project's lifecycle as of the
// report date: package zone does not model lifecycles (package stage does),
// so the caller works these out and [Options.Status] hands them over.
type Status struct {
	// Overdue lists the project's deadlines that are overdue.
	Overdue []Deadline
	// Escalations lists the supervision steps due, lowest first.
	Escalations []DueStep
	// Capacity is the deadline for reaching design capacity (达产), when
	// the lifecycle sets one and it has started; nil otherwise.
	Capacity *Deadline
	// Awards lists the incentives granted to the project.
	Awards []Award
}

// Deadline is one deadline of a project as the caller's lifecycle
// evaluated it.
type Deadline struct {
	Ref          Ref
	Due          date.Date // the last day allowed
	Overdue      bool      // not met, and the due date has passed
	LateWorkdays int       // working days after Due, up to the done date or the report date
}

// DueStep is one supervision step due for a project.
type DueStep struct {
	Ref     Ref
	Since   date.Date // the first day it was due
	Because string    // what made it due: a deadline id, or "stalled:" and a stage id
}

// Award is one incentive granted to a project.
type Award struct {
	Programme Ref
	// Amount is the money granted, in yuan, when AmountKnown.
	Amount      decimal.Decimal
	AmountKnown bool
	// Service names the service granted by a non-monetary programme
	// (专班服务, …); "" for money.
	Service string
}

// Options are the inputs of one report besides the projects.
type Options struct {
	// AsOf is the report date. Every project is evaluated as of AsOf, and
	// events after it have not happened yet.
	AsOf date.Date
	// Calendar counts working days for conditions that need them; nil
	// leaves such conditions to the conditions themselves.
	Calendar *calendar.Calendar
	// Granularity is the length of the periods; GranularityUnknown means
	// the portfolio's.
	Granularity Granularity
	// From, when set, starts the report with the period that contains it;
	// by default the report starts with the period of the earliest
	// milestone (signed, construction_started, production_started,
	// design_capacity_reached or a metric's batch event) on or before
	// AsOf.
	From *date.Date
	// Workers is the number of goroutines that evaluate projects; 0 or 1
	// evaluates them in the calling goroutine.
	Workers int
	// Status, when set, is called once for each project, with the context
	// the metrics are then evaluated in (so conditions can share what they
	// bind to it), and returns what the caller's lifecycle says about the
	// project. It is called from Workers goroutines at once. An error is
	// reported for the project, as a [*ProjectError]. The report copies
	// what it needs of a Status before it calls Status again with the same
	// context, so the function may return the same memory each time (kept
	// with [Context.Scratch]) instead of allocating for every project.
	Status func(c *Context) (Status, error)
}

// ErrProjectID means a project of a portfolio has no id, or shares its id
// with another project.
var ErrProjectID = errors.New("project id missing or used twice")

// ProjectError is a problem with one project of a portfolio: an id that is
// missing or used twice ([ErrProjectID]), or an error from
// [Options.Status].
type ProjectError struct {
	Index int    // the project's 0-based position in the list
	ID    string // the project's id, "" when missing
	Err   error
}

// Error returns "project <id>: <problem>".
func (e *ProjectError) Error() string {
	who := e.ID
	if who == "" {
		who = fmt.Sprintf("#%d", e.Index+1)
	}
	return "project " + who + ": " + e.Err.Error()
}

// Unwrap returns the problem.
func (e *ProjectError) Unwrap() error { return e.Err }

// ProjectErrors lists the problems with the projects of a portfolio, in
// the order of the projects.
type ProjectErrors []*ProjectError

// Error lists the first ten problems and says how many more there are.
func (es ProjectErrors) Error() string {
	const show = 10
	msgs := make([]string, 0, show+1)
	for i, e := range es {
		if i == show {
			msgs = append(msgs, fmt.Sprintf("and %d more", len(es)-show))
			break
		}
		msgs = append(msgs, e.Error())
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (es ProjectErrors) Unwrap() []error { return asErrors(es) }

// tallyEvents returns the milestones of the 三个一批 figures, in Figures
// order.
func tallyEvents() [numTallies]Event {
	return [numTallies]Event{Signed, ConstructionStarted, ProductionStarted, DesignCapacityReached}
}

const numTallies = 4

// Report computes the portfolio report for projects as of opt.AsOf. See
// [Metric] for what the rates count and [Figures] for the batches.
//
// Errors: [ProjectErrors] for projects without an id, with an id used
// twice, or for which opt.Status failed; a [*SpecError] wrapping
// [ErrOutOfRange] for a From after AsOf, or [ErrTooManyPeriods] for a
// report spanning more than [MaxPeriods] periods. The Report is nil when
// there is an error. Report does not change the projects; the time and
// memory it takes grow linearly with their number.
func (pf *Portfolio) Report(projects []*Project, opt Options) (*Report, error) {
	g := opt.Granularity
	if g == GranularityUnknown {
		g = pf.granularity
	}
	if g.months() == 0 {
		return nil, &SpecError{Path: "period", Value: fmt.Sprint(int(g)), Err: ErrOutOfRange}
	}
	if errs := checkIDs(projects); len(errs) > 0 {
		return nil, errs
	}
	r := &run{pf: pf, opt: opt, g: g, metrics: pf.metrics}
	if err := r.span(projects); err != nil {
		return nil, err
	}
	r.layout(projects)
	accs, errs := r.evaluate(projects)
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b *ProjectError) int { return cmp.Compare(a.Index, b.Index) })
		return nil, errs
	}
	total := accs[0]
	for _, a := range accs[1:] {
		total.merge(a)
	}
	return r.build(total, len(projects)), nil
}

func checkIDs(projects []*Project) ProjectErrors {
	var errs ProjectErrors
	seen := make(map[string]bool, len(projects))
	for i, p := range projects {
		switch {
		case p == nil || p.ID == "":
			errs = append(errs, &ProjectError{Index: i, Err: ErrProjectID})
		case seen[p.ID]:
			errs = append(errs, &ProjectError{Index: i, ID: p.ID, Err: ErrProjectID})
		default:
			seen[p.ID] = true
		}
	}
	return errs
}

// run is the state of one Report call shared by its workers; read-only
// once the workers start.
type run struct {
	pf      *Portfolio
	opt     Options
	g       Granularity
	metrics []Metric

	from    date.Date // first day of the first period
	month0  int       // month number of from
	periods []Period

	groups     []Group        // 0: all projects; then parks; then industries
	parkOf     map[string]int // park as recorded → group
	industryOf map[string]int // industry as recorded → group
	nParks     int
}

// monthNumber numbers months consecutively.
func monthNumber(d date.Date) int {
	y, m, _ := d.Date()
	return y*12 + int(m) - 1
}

// span works out the periods of the report.
func (r *run) span(projects []*Project) error {
	asOf := r.opt.AsOf
	var first date.Date
	found := false
	if r.opt.From != nil {
		first, found = *r.opt.From, true
		if first > asOf {
			return &SpecError{Path: "from", Value: first.String(), Err: ErrOutOfRange}
		}
	} else {
		consider := func(p *Project, e Event) {
			if d, ok := p.Events[e]; ok && d <= asOf && (!found || d < first) {
				first, found = d, true
			}
		}
		for _, p := range projects {
			for _, e := range tallyEvents() {
				consider(p, e)
			}
			for _, m := range r.metrics {
				if m.Batch != "" {
					consider(p, m.Batch)
				}
			}
		}
	}
	if !found {
		first = asOf
	}
	start := r.g.PeriodOf(first)
	n := (monthNumber(asOf)-monthNumber(start.Start))/r.g.months() + 1
	if n > MaxPeriods {
		return &SpecError{Path: "from", Value: start.Start.String(), Err: fmt.Errorf("%w: %d %s periods from %s to %s, at most %d", ErrTooManyPeriods, n, r.g, start.Start, asOf, MaxPeriods)}
	}
	r.from, r.month0 = start.Start, monthNumber(start.Start)
	r.periods = make([]Period, n)
	for i, p := 0, start; i < n; i, p = i+1, p.Next() {
		r.periods[i] = p
	}
	return nil
}

// periodIndex returns the period of the date of event e of p, or -1 when
// it has not happened by the report date or falls before the report.
func (r *run) periodIndex(p *Project, e Event) int {
	d, ok := p.Events[e]
	if !ok || d > r.opt.AsOf || d < r.from {
		return -1
	}
	return (monthNumber(d) - r.month0) / r.g.months()
}

const unrecorded = "未记录"

// layout lists the groups: all projects, parks, industries.
func (r *run) layout(projects []*Project) {
	z := r.pf.zone
	r.groups = []Group{{Key: "", Label: "全部项目", Declared: true}}
	r.parkOf = make(map[string]int)
	r.industryOf = make(map[string]int)
	for _, p := range z.parksOrNil() {
		g := len(r.groups)
		r.parkOf[p.Ref.ID], r.parkOf[p.Ref.Label] = g, g
		r.groups = append(r.groups, Group{Key: p.Ref.ID, Label: p.Ref.Label, Declared: true, Within: p.Within})
	}
	r.addUndeclared(projects, r.parkOf, func(p *Project) string { return p.Park })
	r.nParks = len(r.groups) - 1
	if z != nil {
		for _, list := range [][]string{z.leading, z.potent} {
			for _, ind := range list {
				r.industryOf[ind] = len(r.groups)
				r.groups = append(r.groups, Group{Key: ind, Label: ind, Declared: true, Class: z.classes[ind]})
			}
		}
	}
	r.addUndeclared(projects, r.industryOf, func(p *Project) string { return p.Industry })
	for _, p := range projects {
		r.groups[0].Projects++
		r.groups[r.parkOf[p.Park]].Projects++
		r.groups[r.industryOf[p.Industry]].Projects++
	}
}

// addUndeclared appends a group for each value of key among projects that
// index does not know, by name, and for projects that record none, last.
func (r *run) addUndeclared(projects []*Project, index map[string]int, key func(*Project) string) {
	var names []string
	missing := false
	for _, p := range projects {
		k := key(p)
		if _, ok := index[k]; ok {
			continue
		}
		if k == "" {
			missing = true
			continue
		}
		index[k] = -1
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		index[k] = len(r.groups)
		r.groups = append(r.groups, Group{Key: k, Label: k})
	}
	if missing {
		index[""] = len(r.groups)
		r.groups = append(r.groups, Group{Key: "", Label: unrecorded})
	}
}

func (z *Zone) parksOrNil() []Park {
	if z == nil {
		return nil
	}
	return z.parks
}

// evaluate runs the workers and returns their accumulators.
func (r *run) evaluate(projects []*Project) ([]*accumulator, ProjectErrors) {
	workers := max(1, min(r.opt.Workers, (len(projects)+chunk-1)/chunk))
	accs := make([]*accumulator, workers)
	var next atomic.Int64
	work := func(w int) {
		a := r.newAccumulator()
		accs[w] = a
		ctx := NewContext(nil, r.opt.AsOf, r.opt.Calendar)
		for {
			lo := int(next.Add(chunk)) - chunk
			if lo >= len(projects) {
				return
			}
			for i := lo; i < min(lo+chunk, len(projects)); i++ {
				ctx.Reset(projects[i], r.opt.AsOf, r.opt.Calendar)
				a.project(ctx, i)
			}
		}
	}
	if workers == 1 {
		work(0)
	} else {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() { work(w) })
		}
		wg.Wait()
	}
	var errs ProjectErrors
	for _, a := range accs {
		errs = append(errs, a.errs...)
	}
	return accs, errs
}

// chunk is the number of projects a worker takes at a time.
const chunk = 256

// accumulator adds up one worker's projects. Cells are indexed by group
// and column; the last column of a group is its total.
type accumulator struct {
	r       *run
	cols    int
	tallies []tallyAcc // [cell*4 + k]
	rates   []rateAcc  // [cell*len(metrics) + m]

	overdue     blocks[OverdueItem]
	escalations blocks[EscalationItem]
	reached     blocks[CapacityItem]
	behind      blocks[CapacityItem]
	producing   int
	awards      map[string]*IncentiveFigure
	awardSums   map[string]*sum
	errs        ProjectErrors
}

type tallyAcc struct {
	n, unknown int
	inv        sum
}

type rateAcc struct {
	numN, denN int
	num, den   sum
	undecided  []string
}

func (r *run) newAccumulator() *accumulator {
	cols := len(r.periods) + 1
	cells := len(r.groups) * cols
	return &accumulator{
		r: r, cols: cols,
		tallies:   make([]tallyAcc, cells*numTallies),
		rates:     make([]rateAcc, cells*len(r.metrics)),
		awards:    make(map[string]*IncentiveFigure),
		awardSums: make(map[string]*sum),
	}
}

// outcome is one project's standing in one metric.
type outcome struct {
	in, num, undecided bool
	dv, nv             amount
}

func (a *accumulator) project(ctx *Context, i int) {
	r, p := a.r, ctx.Project
	var st Status
	if r.opt.Status != nil {
		var err error
		if st, err = r.opt.Status(ctx); err != nil {
			a.errs = append(a.errs, &ProjectError{Index: i, ID: p.ID, Err: err})
			return
		}
	}
	groups := [3]int{0, r.parkOf[p.Park], r.industryOf[p.Industry]}
	total := a.cols - 1
	var inv amount
	if p.Investment != nil {
		inv = amountOf(*p.Investment)
	}
	for k, e := range tallyEvents() {
		col := r.periodIndex(p, e)
		if col < 0 {
			continue
		}
		for _, g := range groups {
			a.tally(g*a.cols+col, k, inv, p.Investment != nil)
			a.tally(g*a.cols+total, k, inv, p.Investment != nil)
		}
	}
	for m := range r.metrics {
		col := total
		if b := r.metrics[m].Batch; b != "" {
			if col = r.periodIndex(p, b); col < 0 {
				continue
			}
		}
		o := measure(&r.metrics[m], ctx)
		if !o.in && !o.undecided {
			continue
		}
		for _, g := range groups {
			a.rate(g*a.cols+col, m, o, p.ID)
			if col != total {
				a.rate(g*a.cols+total, m, o, p.ID)
			}
		}
	}
	a.lifecycle(p, st)
}

func (a *accumulator) tally(cell, k int, inv amount, known bool) {
	t := &a.tallies[cell*numTallies+k]
	t.n++
	if known {
		t.inv.add(inv)
	} else {
		t.unknown++
	}
}

func (a *accumulator) rate(cell, m int, o outcome, id string) {
	ra := &a.rates[cell*len(a.r.metrics)+m]
	if o.undecided {
		ra.undecided = append(ra.undecided, id)
		return
	}
	ra.denN++
	ra.den.add(o.dv)
	if o.num {
		ra.numN++
		ra.num.add(o.nv)
	}
}

// measure evaluates a metric for the context's project: whether it counts
// in the denominator, in the numerator, or is undecided.
func measure(m *Metric, ctx *Context) outcome {
	o := outcome{dv: amount{fast: true}, nv: amount{fast: true}} // zero: a ratio of counts adds nothing
	switch m.Denominator.Test(ctx) {
	case False:
		return o
	case Unknown:
		o.undecided = true
		return o
	}
	switch m.Numerator.Test(ctx) {
	case Unknown:
		o.undecided = true
		return o
	case True:
		o.num = true
	}
	if m.DenominatorSum != nil {
		dv, ok := m.DenominatorSum.Value(ctx)
		if !ok {
			o.undecided = true
			return o
		}
		o.dv = amountOf(dv)
		if o.num {
			nv, ok := m.NumeratorSum.Value(ctx)
			if !ok {
				o.undecided = true
				return o
			}
			o.nv = amountOf(nv)
		}
	}
	o.in = true
	return o
}

// lifecycle records the project's lifecycle facts.
func (a *accumulator) lifecycle(p *Project, st Status) {
	asOf := a.r.opt.AsOf
	ref := ProjectRef{ID: p.ID, Name: p.Name, Park: p.Park, Industry: p.Industry}
	for _, d := range st.Overdue {
		a.overdue.add(OverdueItem{Project: ref, Deadline: d.Ref, Due: d.Due, LateWorkdays: d.LateWorkdays})
	}
	for j, s := range st.Escalations {
		a.escalations.add(EscalationItem{Project: ref, Step: s.Ref, Since: s.Since, Because: s.Because, Current: j == len(st.Escalations)-1})
	}
	item := CapacityItem{Project: ref}
	if c := st.Capacity; c != nil {
		item.Deadline, item.Date, item.LateWorkdays = c.Ref, c.Due, c.LateWorkdays
	}
	if d, ok := p.Events[DesignCapacityReached]; ok && d <= asOf {
		if d >= a.r.from {
			item.Date = d
			a.reached.add(item)
		}
	} else if d, ok := p.Events[ProductionStarted]; ok && d <= asOf {
		if st.Capacity != nil && st.Capacity.Overdue {
			a.behind.add(item)
		} else {
			a.producing++
		}
	}
	for _, aw := range st.Awards {
		f, ok := a.awards[aw.Programme.ID]
		if !ok {
			f = &IncentiveFigure{Programme: aw.Programme, Service: aw.Service}
			a.awards[aw.Programme.ID] = f
			a.awardSums[aw.Programme.ID] = new(sum)
		}
		f.Projects++
		switch {
		case aw.AmountKnown:
			a.awardSums[aw.Programme.ID].add(amountOf(aw.Amount))
		case aw.Service == "":
			f.AmountUnknown++
		}
	}
}

// merge adds b into a.
func (a *accumulator) merge(b *accumulator) {
	for i := range a.tallies {
		t, u := &a.tallies[i], &b.tallies[i]
		t.n += u.n
		t.unknown += u.unknown
		t.inv.merge(u.inv)
	}
	for i := range a.rates {
		t, u := &a.rates[i], &b.rates[i]
		t.numN += u.numN
		t.denN += u.denN
		t.num.merge(u.num)
		t.den.merge(u.den)
		t.undecided = append(t.undecided, u.undecided...)
	}
	a.overdue.merge(&b.overdue)
	a.escalations.merge(&b.escalations)
	a.reached.merge(&b.reached)
	a.behind.merge(&b.behind)
	a.producing += b.producing
	for id, f := range b.awards {
		g, ok := a.awards[id]
		if !ok {
			a.awards[id], a.awardSums[id] = f, b.awardSums[id]
			continue
		}
		g.Projects += f.Projects
		g.AmountUnknown += f.AmountUnknown
		a.awardSums[id].merge(*b.awardSums[id])
	}
}

// build turns the merged accumulator into the Report.
func (r *run) build(a *accumulator, nProjects int) *Report {
	rep := &Report{
		AsOf: r.opt.AsOf, Zone: r.pf.zone, Granularity: r.g, From: r.from,
		Projects: nProjects, Metrics: make([]MetricInfo, len(r.metrics)),
	}
	for i, m := range r.metrics {
		info := MetricInfo{Ref: m.Ref, Batch: m.Batch, Numerator: m.Numerator.String(), Denominator: m.Denominator.String(), Places: m.Places, Unit: m.Unit}
		if m.NumeratorSum != nil {
			info.NumeratorSum, info.DenominatorSum = m.NumeratorSum.String(), m.DenominatorSum.String()
		}
		rep.Metrics[i] = info
	}
	for g := range r.groups {
		grp := &r.groups[g]
		grp.Periods = make([]PeriodFigures, len(r.periods))
		for c, p := range r.periods {
			grp.Periods[c] = PeriodFigures{Period: p, Partial: p.End > r.opt.AsOf, Figures: a.figures(g*a.cols + c)}
		}
		grp.Total = a.figures(g*a.cols + a.cols - 1)
	}
	rep.Periods, rep.Total = r.groups[0].Periods, r.groups[0].Total
	rep.Parks = r.groups[1 : 1+r.nParks]
	rep.Industries = r.groups[1+r.nParks:]

	byProject := func(x, y *ProjectRef) int { return strings.Compare(x.ID, y.ID) }
	rep.Overdue = a.overdue.sorted(func(x, y *OverdueItem) int {
		return cmp.Or(cmp.Compare(x.Due, y.Due), byProject(&x.Project, &y.Project), strings.Compare(x.Deadline.ID, y.Deadline.ID))
	})
	// By date and project; a project's steps stay in ladder order.
	rep.Escalations = a.escalations.sorted(func(x, y *EscalationItem) int {
		return cmp.Or(cmp.Compare(x.Since, y.Since), byProject(&x.Project, &y.Project))
	})
	byDate := func(x, y *CapacityItem) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), byProject(&x.Project, &y.Project))
	}
	rep.Capacity = Capacity{Reached: a.reached.sorted(byDate), Behind: a.behind.sorted(byDate), Producing: a.producing}
	rep.Incentives = []IncentiveFigure{}
	for id, f := range a.awards {
		f.Amount = a.awardSums[id].value()
		rep.Incentives = append(rep.Incentives, *f)
	}
	slices.SortFunc(rep.Incentives, func(x, y IncentiveFigure) int { return strings.Compare(x.Programme.ID, y.Programme.ID) })
	return rep
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// figures returns the figures of one cell.
func (a *accumulator) figures(cell int) Figures {
	var f Figures
	for k, t := range []*Tally{&f.Signed, &f.Started, &f.Producing, &f.Reached} {
		acc := a.tallies[cell*numTallies+k]
		*t = Tally{Projects: acc.n, Investment: acc.inv.value(), InvestmentUnknown: acc.unknown}
	}
	f.Rates = make([]Rate, len(a.r.metrics))
	for m := range a.r.metrics {
		f.Rates[m] = a.rates[cell*len(a.r.metrics)+m].result(&a.r.metrics[m])
	}
	return f
}

func (ra *rateAcc) result(m *Metric) Rate {
	out := Rate{Metric: m.Ref.ID, Numerator: decimal.NewFromInt(int64(ra.numN)), Denominator: decimal.NewFromInt(int64(ra.denN))}
	if m.DenominatorSum != nil {
		out.Numerator, out.Denominator = ra.num.value(), ra.den.value()
	}
	if out.Denominator.Sign() != 0 {
		pct := out.Numerator.Mul(decimal.NewFromInt(100)).DivRound(out.Denominator, m.Places)
		out.Percent = &pct
	}
	if len(ra.undecided) > 0 {
		out.Undecided = slices.Clone(ra.undecided)
		slices.Sort(out.Undecided)
	}
	return out
}
