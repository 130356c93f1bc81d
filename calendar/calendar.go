package calendar

import (
	"time"

	"github.com/rickb777/date/v2"
)

// DayKind says why a date is or is not a working day. The zero value is
// [KindUnknown].
type DayKind uint8

const (
	// KindUnknown is the zero DayKind: the calendar cannot tell.
	KindUnknown DayKind = iota
	// KindWorkday is an ordinary working day, Monday to Friday (工作日).
	KindWorkday
	// KindRestDay is an ordinary Saturday or Sunday (休息日).
	KindRestDay
	// KindHoliday is a rest day under the State Council notice: a statutory
	// holiday or a rest day moved next to it (节假日).
	KindHoliday
	// KindMakeupWorkday is a weekend day made a working day by the notice
	// (调休上班).
	KindMakeupWorkday
	// KindZoneClosure is a day a zone calendar closes: a local holiday or office
	// closure (本地休息日).
	KindZoneClosure
	// KindZoneWorkday is a day a zone calendar opens: a local extra working day
	// (本地工作日).
	KindZoneWorkday
)

// String returns the kind's Chinese label as shown to users.
func (k DayKind) String() string {
	switch k {
	case KindWorkday:
		return "工作日"
	case KindRestDay:
		return "休息日"
	case KindHoliday:
		return "节假日"
	case KindMakeupWorkday:
		return "调休上班"
	case KindZoneClosure:
		return "本地休息日"
	case KindZoneWorkday:
		return "本地工作日"
	}
	return "未知"
}

// IsWorkday reports whether days of this kind are working days.
func (k DayKind) IsWorkday() bool {
	return k == KindWorkday || k == KindMakeupWorkday || k == KindZoneWorkday
}

// Day describes one date of a calendar.
type Day struct {
	Date date.Date
	Kind DayKind
	// Name is the holiday a KindHoliday or KindMakeupWorkday day belongs to (春节,
	// 国庆节、中秋节, …) or the reason a zone gave for a ZoneClosure or
	// ZoneWorkday; empty for ordinary days.
	Name string
	// Fallback is true when the date lies in a year without official data
	// and the kind comes from the weekend-only rule (see
	// [Calendar.WithWeekendFallback]).
	Fallback bool
}

// IsWorkday reports whether the day is a working day.
func (d Day) IsWorkday() bool { return d.Kind.IsWorkday() }

// Holiday is one block of days off in a calendar year, with the working days
// made up for it: a holiday block of a State Council notice or a zone closure.
type Holiday struct {
	Name  string
	Kind  DayKind   // KindHoliday or KindZoneClosure for rest days; KindZoneWorkday for a zone's extra working days
	First date.Date // first rest day, inclusive
	Last  date.Date // last rest day, inclusive
	// Workdays are the weekend days made into working days for this
	// holiday (调休上班), in date order.
	Workdays []date.Date
}

// Days returns the number of days from First to Last inclusive.
func (h Holiday) Days() int { return int(h.Last-h.First) + 1 }

// dayInfo is the compact per-day record: kind and an index into names.
type dayInfo struct {
	kind DayKind
	name uint16
}

// Calendar is a working-day calendar over a range of whole years with
// official data. Build one with [MainlandChina], [Load] or [LoadFile]. A
// Calendar is immutable and safe for concurrent use; its zero value is not
// usable.
type Calendar struct {
	id, label   string
	firstYear   int
	lastYear    int
	first       date.Date // Jan 1 of firstYear
	days        []dayInfo // one per date from first to Dec 31 of lastYear
	cum         []int32   // cum[i]: working days among days[:i]; len(days)+1 entries
	work        []int32   // index into days of every working day, ascending
	names       []string  // names[0] is ""
	holidays    []Holiday // blocks, in date order
	notices     map[int][]string
	fallback    bool
	zoneChanges bool
}

// ID returns the calendar's identifier, e.g. "cn-mainland".
func (c *Calendar) ID() string { return c.id }

// Label returns the calendar's human-readable name, e.g. 中国大陆法定节假日.
func (c *Calendar) Label() string { return c.label }

// Years returns the first and last year with official data.
func (c *Calendar) Years() (first, last int) { return c.firstYear, c.lastYear }

// Notices returns the addresses of the official notices a year's schedule
// comes from, if recorded. The slice is a copy.
func (c *Calendar) Notices(year int) []string {
	return append([]string(nil), c.notices[year]...)
}

// HasFallback reports whether the calendar answers for unpublished years with
// the weekend-only rule.
func (c *Calendar) HasFallback() bool { return c.fallback }

// WithWeekendFallback returns a copy of c that answers queries about years
// without official data instead of failing: in those years Monday to Friday are
// working days and Saturday and Sunday are not. This is a guess, not the law —
// the real schedule will move days around the holidays — so opt in only where
// an approximate answer is better than none, and show results as provisional
// ([Day.Fallback] marks such days). The copy shares c's data.
func (c *Calendar) WithWeekendFallback() *Calendar {
	cp := *c
	cp.fallback = true
	return &cp
}

func (c *Calendar) index(d date.Date) int { return int(d - c.first) }

func (c *Calendar) noData(year int) error {
	return &NoDataError{Calendar: c.id, Year: year, First: c.firstYear, Last: c.lastYear}
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d date.Date) (bool, error) {
	i := c.index(d)
	if i >= 0 && i < len(c.days) {
		return c.days[i].kind.IsWorkday(), nil
	}
	if !c.fallback {
		return false, c.noData(d.Year())
	}
	return isWeekday(d), nil
}

// Day returns what the calendar says about d: its kind and the name of the
// holiday it belongs to.
func (c *Calendar) Day(d date.Date) (Day, error) {
	i := c.index(d)
	if i >= 0 && i < len(c.days) {
		info := c.days[i]
		return Day{Date: d, Kind: info.kind, Name: c.names[info.name]}, nil
	}
	if !c.fallback {
		return Day{Date: d}, c.noData(d.Year())
	}
	k := KindRestDay
	if isWeekday(d) {
		k = KindWorkday
	}
	return Day{Date: d, Kind: k, Fallback: true}, nil
}

// Holidays returns the year's holiday blocks with their make-up working days,
// and a zone's closures and extra working days, in date order. A block is
// listed under the year of its first day.
func (c *Calendar) Holidays(year int) ([]Holiday, error) {
	if year < c.firstYear || year > c.lastYear {
		return nil, c.noData(year)
	}
	var out []Holiday
	for _, h := range c.holidays {
		if h.First.Year() == year {
			h.Workdays = append([]date.Date(nil), h.Workdays...)
			out = append(out, h)
		}
	}
	return out, nil
}

// AddWorkdays returns the n-th working day after d, d itself not counted
// (《民法典》第二百零一条: counting starts the next day). For n < 0 it returns the
// |n|-th working day before d; for n == 0 it returns d. Holidays and rest days
// are skipped (《行政许可法》第八十二条), make-up working days count.
func (c *Calendar) AddWorkdays(d date.Date, n int) (date.Date, error) {
	if n == 0 {
		return d, nil
	}
	if n > MaxWorkdayCount || n < -MaxWorkdayCount {
		return d, ErrInvalidPeriod
	}
	// The target is the working day w with F(w) == k in the running count
	// F (see cumulative). Counting back from a day that is not itself a
	// working day, F(d) already names the working day before it.
	f, err := c.cumulative(d)
	if err != nil {
		return d, err
	}
	k := f + n
	if n < 0 {
		if ok, _ := c.IsWorkday(d); !ok {
			k++
		}
	}
	return c.nth(k, d)
}

// MaxWorkdayCount bounds n in [Calendar.AddWorkdays]; larger counts are an
// error.
const MaxWorkdayCount = 10 * MaxPeriod

// NextWorkday returns the first working day after d.
func (c *Calendar) NextWorkday(d date.Date) (date.Date, error) {
	return c.AddWorkdays(d, 1)
}

// PrevWorkday returns the last working day before d.
func (c *Calendar) PrevWorkday(d date.Date) (date.Date, error) {
	return c.AddWorkdays(d, -1)
}

// WorkdaysBetween returns the number of working days in the interval (a, b]:
// a is not counted, b is. For b before a it returns minus the number of working
// days in (b, a].
func (c *Calendar) WorkdaysBetween(a, b date.Date) (int, error) {
	if b < a {
		n, err := c.WorkdaysBetween(b, a)
		return -n, err
	}
	if err := c.covers(a, b); err != nil {
		return 0, err
	}
	fa, _ := c.cumulative(a)
	fb, _ := c.cumulative(b)
	return fb - fa, nil
}

// Deadline returns the last day of period p counted from start, the start day
// not counted (《民法典》第二百零一条):
//   - working days: the p.N()-th working day after start (《行政许可法》第八十二条);
//   - natural days: start + N days;
//   - months and years: the same day of the month N months (12·N for years)
//     later, or that month's last day when it has no such day (第二百零二条).
//
// For natural days, months and years, a last day that is a holiday or rest day
// moves to the first working day after it (第二百零三条). [Calendar.Explain]
// says whether that happened.
func (c *Calendar) Deadline(start date.Date, p Period) (date.Date, error) {
	due, err := c.Explain(start, p)
	return due.Due, err
}

// DueDate explains a deadline worked out by [Calendar.Deadline].
type DueDate struct {
	Start  date.Date // the day counting starts after (not counted)
	Period Period
	// Nominal is the last day of the period before any move for
	// holidays: for working days it equals Due.
	Nominal date.Date
	// Due is the last day of the period: the deadline.
	Due date.Date
	// Moved is true when Nominal fell on a holiday or rest day and the
	// deadline moved to the next working day (《民法典》第二百零三条); NominalDay
	// then says what kind of day Nominal was.
	Moved      bool
	NominalDay Day
}

// Explain works out the deadline like [Calendar.Deadline] and also returns
// how: the nominal last day and whether it moved past a holiday.
func (c *Calendar) Explain(start date.Date, p Period) (DueDate, error) {
	out := DueDate{Start: start, Period: p, Nominal: start, Due: start}
	if !p.IsValid() {
		return out, ErrInvalidPeriod
	}
	switch p.unit {
	case WorkingDays:
		due, err := c.AddWorkdays(start, p.N())
		out.Nominal, out.Due = due, due
		return out, err
	case Days:
		out.Nominal = start + date.Date(p.N())
	case Months:
		out.Nominal = addMonths(start, p.N())
	case Years:
		out.Nominal = addMonths(start, 12*p.N())
	}
	out.Due = out.Nominal
	day, err := c.Day(out.Nominal)
	if err != nil || day.IsWorkday() {
		return out, err
	}
	out.Moved, out.NominalDay = true, day
	out.Due, err = c.NextWorkday(out.Nominal)
	return out, err
}

// EarliestDue returns the earliest day the deadline of period p counted
// from start can fall on under any holiday schedule, so it needs no
// calendar data: n working days take at least n natural days, and a
// natural-day or month period's last day only ever moves later
// (《民法典》第二百零三条). Work done by that day is done on time even while
// the schedule of the due date's year is not yet published.
func EarliestDue(start date.Date, p Period) date.Date {
	switch p.unit {
	case WorkingDays, Days:
		return start + date.Date(p.N())
	case Months:
		return addMonths(start, p.N())
	case Years:
		return addMonths(start, 12*p.N())
	}
	return start
}

// addMonths adds n calendar months, clamping to the last day of the target
// month (2025-01-31 + 1 month = 2025-02-28).
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	total := int(m) - 1 + n
	ty, tm := y+total/12, time.Month(total%12+1)
	last := date.New(ty, tm+1, 1) - 1
	if day > last.Day() {
		return last
	}
	return date.New(ty, tm, day)
}

// covers returns a NoDataError when (a, b] (a <= b) reaches a year without
// data and the calendar has no fallback.
func (c *Calendar) covers(a, b date.Date) error {
	if c.fallback || a == b {
		return nil
	}
	lo, hi := c.index(a+1), c.index(b)
	if lo < 0 {
		return c.noData((a + 1).Year())
	}
	if hi >= len(c.days) {
		if lo >= len(c.days) {
			return c.noData((a + 1).Year())
		}
		return c.noData(c.lastYear + 1)
	}
	return nil
}

// cumulative returns F(d), a running count of working days such that the
// number of working days in (a, b] is F(b) - F(a). Inside the data range F is
// the prefix count; outside it continues with the weekday count (only
// meaningful with the fallback, and an error without it).
func (c *Calendar) cumulative(d date.Date) (int, error) {
	i := c.index(d)
	switch {
	case i >= -1 && i < len(c.days):
		return int(c.cum[i+1]), nil // cum[0] == 0 is F of the day before the range
	case i < 0:
		if !c.fallback {
			return 0, c.noData(d.Year())
		}
		return weekdaysUpTo(d) - weekdaysUpTo(c.first-1), nil
	default:
		if !c.fallback {
			return 0, c.noData(d.Year())
		}
		last := c.first + date.Date(len(c.days)-1)
		return int(c.cum[len(c.days)]) + weekdaysUpTo(d) - weekdaysUpTo(last), nil
	}
}

// nth returns the working day w with F(w) == k: the k-th working day of the
// running count (1 <= k <= len(c.work) inside the data range). from is
// returned with errors.
func (c *Calendar) nth(k int, from date.Date) (date.Date, error) {
	total := len(c.work)
	switch {
	case k >= 1 && k <= total:
		return c.first + date.Date(c.work[k-1]), nil
	case k > total:
		if !c.fallback {
			return from, c.noData(c.lastYear + 1)
		}
		last := c.first + date.Date(len(c.days)-1)
		return weekdayAdd(last, k-total), nil
	default: // k <= 0: before the data range
		if !c.fallback {
			return from, c.noData(c.firstYear - 1)
		}
		return weekdayAdd(c.first, k-1), nil
	}
}

func isWeekday(d date.Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// mondayIndex returns the day of the week with Monday = 0. date.Zero is a
// Monday.
func mondayIndex(d date.Date) int { return int(((d % 7) + 7) % 7) }

// weekdaysUpTo returns the number of weekdays in (date.Zero-1, d] for d >= 0,
// extended linearly below zero; only differences are meaningful.
func weekdaysUpTo(d date.Date) int {
	x := int(d)
	weeks := floorDiv(x, 7)
	rem := x - weeks*7 // 0..6, Monday = 0
	return weeks*5 + min(rem+1, 5)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// weekdayAdd returns the n-th weekday after d (n > 0) or the |n|-th weekday
// before d (n < 0), counting Monday to Friday only.
func weekdayAdd(d date.Date, n int) date.Date {
	if n > 0 {
		// Move a weekend start back to Friday: the weekdays after it are
		// the same.
		switch wd := mondayIndex(d); wd {
		case 5:
			d--
		case 6:
			d -= 2
		}
		wd := mondayIndex(d)
		weeks, rem := (n-1)/5, (n-1)%5+1
		r := d + date.Date(7*weeks+rem)
		if wd+rem > 4 {
			r += 2
		}
		return r
	}
	n = -n
	// Mirror image: move a weekend start forward to Monday.
	switch wd := mondayIndex(d); wd {
	case 5:
		d += 2
	case 6:
		d++
	}
	wd := mondayIndex(d)
	weeks, rem := (n-1)/5, (n-1)%5+1
	r := d - date.Date(7*weeks+rem)
	if wd-rem < 0 {
		r -= 2
	}
	return r
}
