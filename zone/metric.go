package zone

import (
	"errors"

	"github.com/shopspring/decimal"
)

// Metric is a rate over a zone's projects, such as the 三个一批 rates the
// province reports monthly (seed 001: 开工率、投产率、达效率): among the
// projects the denominator counts, the share the numerator also counts.
//
// # What a metric counts
//
// A report is made as of one date. Every project is evaluated once, as of
// that date. A metric then looks at the projects of its batch:
//
//   - With a Batch event (批次), the projects whose Batch event happened on
//     or before the report date fall in the batch of the period that
//     contains that date — the month, quarter or year it was signed, say.
//     The metric is reported for each period and for the whole report.
//     This is how the 三个一批 campaign counts: a batch is signed, started
//     or brought into production together, and its progress is followed
//     afterwards (Taiyuan zones after four rounds: of 68 projects signed,
//     40 started, 开工率 58.82%).
//   - Without a Batch event, every project is in the metric's one batch,
//     reported for the whole report only.
//
// Within a batch, a project counts in the denominator when Denominator
// holds, and in the numerator when Numerator holds as well: the numerator
// is always a part of the denominator, so a rate is never above 100%. A
// project for which either condition is unknown is counted in neither and
// listed as undecided, so that the figure can be audited.
//
// With NumeratorSum and DenominatorSum the metric is a ratio of sums rather
// than of counts: the denominator adds up DenominatorSum over its projects
// and the numerator adds up NumeratorSum over its own, as 达效率 compares
// the actual annual output of the projects in production with the output
// they expected (Taiyuan: 301.7亿元 ÷ 418.12亿元). A project whose value is
// unknown is undecided.
type Metric struct {
	Ref Ref // Ref.ID is the metric's id, e.g. start-rate; Ref.Label its name, e.g. 开工率
	// Batch is the event that puts a project in the batch of a period,
	// e.g. signed for 开工率; "" for a metric over the whole portfolio.
	Batch Event
	// Numerator and Denominator are the conditions a project meets to
	// count. Both are required.
	Numerator, Denominator Condition
	// NumeratorSum and DenominatorSum make a ratio of sums: both or
	// neither are set.
	NumeratorSum, DenominatorSum Measure
	// Unit is the unit of the sums, for display: 元 for money (shown in
	// 万元 or 亿元 as fits), 亩 for areas, "" for plain numbers and counts.
	Unit string
	// Places is the number of decimal places of the percentage the rate is
	// rounded to, half away from zero (四舍五入): 2 gives 58.82%. It is
	// from 0 to 6.
	Places int32
}

// ErrMismatch means a metric has a sum for its numerator but not for its
// denominator, or the other way round.
var ErrMismatch = errors.New("given on one side only")

// Measure is a number a project contributes to a sum, such as its actual
// annual output. It is implemented by expression-backed measures compiled
// from rule files and by [MeasureFunc] for measures written in Go.
// Implementations must be safe for concurrent use.
type Measure interface {
	// Value returns the project's number, and false when it is not known.
	Value(c *Context) (decimal.Decimal, bool)
	// String returns the measure as written, e.g. the expression text.
	String() string
}

// MeasureFunc adapts a Go function to a [Measure]. Text is what String
// returns.
type MeasureFunc struct {
	Text string
	F    func(*Context) (decimal.Decimal, bool)
}

// Value calls F.
func (f MeasureFunc) Value(c *Context) (decimal.Decimal, bool) { return f.F(c) }

// String returns Text.
func (f MeasureFunc) String() string { return f.Text }

// DefaultPlaces is the rounding of rates when a metric does not set its
// own: two decimal places of a percentage, as provincial reports print
// them (58.82%).
const DefaultPlaces = 2

// MaxPlaces is the largest number of decimal places of a percentage a
// metric may ask for.
const MaxPlaces = 6
