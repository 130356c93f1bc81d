package zone

import (
	"encoding/json"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// Report is a zone's portfolio dashboard as of one date, made by
// [Portfolio.Report]: the 三个一批 figures by period, by park and by
// industry, the rates with their numerators and denominators, the deadlines
// overdue and supervision steps due across the portfolio, the projects that
// reached design capacity and those behind, and the incentives granted.
//
// Every list is sorted, so the same inputs give the same Report. Amounts
// are exact, in yuan. A Report marshals to JSON with the keys its fields'
// tags name; dates are written YYYY-MM-DD and amounts as decimal strings.
type Report struct {
	AsOf date.Date `json:"as_of"`
	// Zone is the zone reported on; nil when the portfolio has none.
	Zone *Zone `json:"zone,omitempty"`
	// Granularity is the length of the periods.
	Granularity Granularity `json:"granularity"`
	// From is the first day of the first period; the report counts events
	// from From to AsOf, both included.
	From date.Date `json:"from"`
	// Metrics describes the rates, in the order of every Figures.Rates.
	Metrics []MetricInfo `json:"metrics"`
	// Projects is the number of projects in the portfolio.
	Projects int `json:"projects"`
	// Periods holds the figures of each period, in time order.
	Periods []PeriodFigures `json:"periods"`
	// Total holds the figures of all periods together.
	Total Figures `json:"total"`
	// Parks breaks the figures down by the park projects record: the
	// zone's parks in its order (also those without projects), then parks
	// the zone does not list, by name, then projects that record none.
	Parks []Group `json:"parks"`
	// Industries breaks the figures down by industry: the zone's leading
	// industries, its potential industries, others by name, then projects
	// that record none.
	Industries []Group `json:"industries"`
	// Overdue lists every deadline overdue on AsOf, oldest due date first.
	Overdue []OverdueItem `json:"overdue"`
	// Escalations lists every supervision step due on AsOf, the longest
	// due first.
	Escalations []EscalationItem `json:"escalations"`
	// Capacity lists the projects that reached design capacity and those
	// behind.
	Capacity Capacity `json:"capacity"`
	// Incentives sums the incentives granted, by programme id; empty when
	// the caller reports none.
	Incentives []IncentiveFigure `json:"incentives"`
}

// MetricInfo describes a metric in a report, so that a reader can see what
// each rate counts.
type MetricInfo struct {
	Ref Ref `json:"ref"`
	// Batch is the event that puts a project in a period's batch; "" for a
	// metric over the whole portfolio (no per-period figures).
	Batch       Event  `json:"batch,omitempty"`
	Numerator   string `json:"numerator"`
	Denominator string `json:"denominator"`
	// NumeratorSum and DenominatorSum are the summed measures of a ratio
	// of sums; "" for a ratio of counts.
	NumeratorSum   string `json:"numerator_sum,omitempty"`
	DenominatorSum string `json:"denominator_sum,omitempty"`
	// Unit is the unit of the sums: 元, 亩, or "" for numbers and counts.
	Unit string `json:"unit,omitempty"`
	// Places is the rounding of the percentage: that many decimal places,
	// half away from zero (四舍五入).
	Places int32 `json:"places"`
}

// PeriodFigures are the figures of one period.
type PeriodFigures struct {
	Period Period `json:"period"`
	// Partial reports that the period ends after the report date: its
	// figures count only up to AsOf.
	Partial bool `json:"partial,omitempty"`
	Figures
}

// Figures are the 三个一批 counts and the rates of a set of projects over a
// span of time.
type Figures struct {
	// Signed, Started and Producing are the batches signed (签约一批),
	// started (开工一批) and brought into production (投产一批): the projects
	// whose signed, construction_started or production_started event falls
	// in the span. Reached counts design_capacity_reached (达产) the same
	// way.
	Signed    Tally `json:"signed"`
	Started   Tally `json:"started"`
	Producing Tally `json:"producing"`
	Reached   Tally `json:"reached"`
	// Rates holds one Rate per metric, in the order of Report.Metrics. In
	// a period's figures, a metric without a batch event has an empty
	// rate (Defined false).
	Rates []Rate `json:"rates"`
}

// Tally is a number of projects and their total investment.
type Tally struct {
	Projects int `json:"projects"`
	// Investment is the sum of the projects' total planned investment
	// (总投资), in yuan, over those that record it.
	Investment decimal.Decimal `json:"investment"`
	// InvestmentUnknown counts the projects without a recorded
	// investment, left out of Investment.
	InvestmentUnknown int `json:"investment_unknown,omitempty"`
}

// Rate is one metric over a set of projects: Numerator ÷ Denominator.
type Rate struct {
	Metric string `json:"metric"` // the metric's id
	// Numerator and Denominator are exact: counts of projects, or sums.
	Numerator   decimal.Decimal `json:"numerator"`
	Denominator decimal.Decimal `json:"denominator"`
	// Percent is 100 × Numerator ÷ Denominator rounded half away from
	// zero to the metric's places; nil when Denominator is zero.
	Percent *decimal.Decimal `json:"percent"`
	// Undecided lists, by id, the projects of the batch left out of both
	// because a condition or a value was unknown for them.
	Undecided []string `json:"undecided,omitempty"`
}

// Group is the figures of the projects of one park or one industry.
type Group struct {
	// Key is the park's id, or the park or industry as projects record
	// it; "" for the projects that record none.
	Key string `json:"key"`
	// Label is the park's name, or the industry; 未记录 for Key "".
	Label string `json:"label"`
	// Declared reports that the zone lists the park or industry.
	Declared bool `json:"declared"`
	// Within is the parent park of a 园中园. Its projects are counted in
	// the 园中园 only, not again in the parent.
	Within string `json:"within,omitempty"`
	// Class is the industry's class in the zone (industries only).
	Class IndustryClass `json:"class,omitzero"`
	// Projects is the number of projects in the group.
	Projects int             `json:"projects"`
	Periods  []PeriodFigures `json:"periods"`
	Total    Figures         `json:"total"`
}

// ProjectRef identifies a project in a report's lists.
type ProjectRef struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Park     string `json:"park,omitempty"`
	Industry string `json:"industry,omitempty"`
}

// OverdueItem is a deadline a project has missed.
type OverdueItem struct {
	Project      ProjectRef `json:"project"`
	Deadline     Ref        `json:"deadline"`
	Due          date.Date  `json:"due"`
	LateWorkdays int        `json:"late_workdays"`
}

// EscalationItem is a supervision step due for a project.
type EscalationItem struct {
	Project ProjectRef `json:"project"`
	Step    Ref        `json:"step"`
	// Since is the first day the step was due.
	Since date.Date `json:"since"`
	// Because names what made it due: a deadline id, or "stalled:" and a
	// stage id.
	Because string `json:"because,omitempty"`
	// Current reports that it is the highest step due for the project.
	Current bool `json:"current"`
}

// Capacity is the design-capacity (达产达效) part of a report.
type Capacity struct {
	// Reached lists the projects whose design_capacity_reached event falls
	// from the report's From to AsOf, by date.
	Reached []CapacityItem `json:"reached"`
	// Behind lists the projects in production, not at design capacity,
	// whose deadline for it (from the caller's lifecycle) has passed,
	// oldest due date first.
	Behind []CapacityItem `json:"behind"`
	// Producing counts the projects in production on AsOf that have not
	// reached design capacity and are not behind.
	Producing int `json:"producing"`
}

// CapacityItem is one project in [Capacity].
type CapacityItem struct {
	Project ProjectRef `json:"project"`
	// Date is the day design capacity was reached (Reached) or was due
	// (Behind).
	Date date.Date `json:"date"`
	// Deadline is the caller's deadline for reaching design capacity, when
	// it has one.
	Deadline Ref `json:"deadline,omitzero"`
	// LateWorkdays counts the working days past that deadline.
	LateWorkdays int `json:"late_workdays,omitempty"`
}

// IncentiveFigure is one incentive programme across the portfolio.
type IncentiveFigure struct {
	Programme Ref `json:"programme"`
	// Projects counts the projects granted the programme.
	Projects int `json:"projects"`
	// Amount sums the known amounts granted, in yuan; zero for services.
	Amount decimal.Decimal `json:"amount"`
	// AmountUnknown counts grants whose amount is not known yet.
	AmountUnknown int `json:"amount_unknown,omitempty"`
	// Service is the service granted (专班服务, …) for a non-monetary
	// programme.
	Service string `json:"service,omitempty"`
}

// MarshalJSON writes the zone's id, name, category, level, parks,
// industries and chains.
func (z *Zone) MarshalJSON() ([]byte, error) {
	type industries struct {
		Leading   []string `json:"leading"`
		Potential []string `json:"potential"`
	}
	return json.Marshal(struct {
		Ref        Ref        `json:"ref"`
		Category   Category   `json:"category"`
		Level      Level      `json:"level"`
		Parks      []Park     `json:"parks"`
		Industries industries `json:"industries"`
		Chains     []Chain    `json:"chains"`
	}{z.ref, z.category, z.level, orEmpty(z.Parks()), industries{orEmpty(z.LeadingIndustries()), orEmpty(z.PotentialIndustries())}, orEmpty(z.Chains())})
}
