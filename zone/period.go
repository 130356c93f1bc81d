package zone

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/internal/enum"
)

// Granularity is the length of a report's periods: a calendar month,
// quarter or year. The zero value is [GranularityUnknown].
type Granularity uint8

const (
	// GranularityUnknown is the zero Granularity: not set.
	GranularityUnknown Granularity = iota
	// Monthly reports by calendar month (月度), as the province reports
	// the 三个一批 rates (seed 001: 按月通报).
	Monthly
	// Quarterly reports by calendar quarter (季度): January–March, …
	Quarterly
	// Yearly reports by calendar year (年度), as the province assesses
	// zones (seed 001: 年度考核).
	Yearly
)

var granularityNames = [...][2]string{{"", "未知"}, {"month", "月度"}, {"quarter", "季度"}, {"year", "年度"}}

// String returns month, quarter or year ("" when unknown).
func (g Granularity) String() string { return enum.Name(granularityNames[:], int(g)) }

// Label returns 月度, 季度 or 年度.
func (g Granularity) Label() string { return enum.Label(granularityNames[:], int(g)) }

// ParseGranularity accepts month, quarter, year, 月度, 季度 or 年度. The
// empty string is GranularityUnknown.
func ParseGranularity(s string) (Granularity, error) {
	return parseEnumAs[Granularity](granularityNames[:], "period", s)
}

// MarshalText implements encoding.TextMarshaler.
func (g Granularity) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseGranularity].
func (g *Granularity) UnmarshalText(b []byte) error { return unmarshalEnum(g, b, ParseGranularity) }

// months returns the number of months in a period of granularity g, 0 when
// g is not valid.
func (g Granularity) months() int {
	switch g {
	case Monthly:
		return 1
	case Quarterly:
		return 3
	case Yearly:
		return 12
	}
	return 0
}

// PeriodOf returns the period of granularity g that contains d. g must be
// Monthly, Quarterly or Yearly; for any other value PeriodOf returns the
// zero Period.
func (g Granularity) PeriodOf(d date.Date) Period {
	n := g.months()
	if n == 0 {
		return Period{}
	}
	y, m, _ := d.Date()
	first := (int(m)-1)/n*n + 1
	start := date.New(y, time.Month(first), 1)
	return Period{Granularity: g, Start: start, End: start.AddDate(0, n, -1)}
}

// Period is one reporting period: a calendar month, quarter or year, from
// Start to End, both included.
type Period struct {
	Granularity Granularity
	Start, End  date.Date
}

// Contains reports whether d lies in the period.
func (p Period) Contains(d date.Date) bool { return p.Start <= d && d <= p.End }

// Next returns the period that follows p.
func (p Period) Next() Period { return p.Granularity.PeriodOf(p.End + 1) }

// String returns the period's identifier: 2025-03 for a month, 2025-Q1 for
// a quarter, 2025 for a year.
func (p Period) String() string { return p.format("%04d-%02d", "%04d-Q%d", "%04d") }

// Label returns the period in Chinese: 2025年3月, 2025年第1季度, 2025年.
func (p Period) Label() string { return p.format("%d年%d月", "%d年第%d季度", "%d年") }

// format prints the period's year and month, quarter or nothing more with
// the format for its granularity.
func (p Period) format(month, quarter, year string) string {
	y, m, _ := p.Start.Date()
	switch p.Granularity {
	case Monthly:
		return fmt.Sprintf(month, y, int(m))
	case Quarterly:
		return fmt.Sprintf(quarter, y, (int(m)+2)/3)
	case Yearly:
		return fmt.Sprintf(year, y)
	}
	return ""
}

// MarshalText returns [Period.String].
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }
