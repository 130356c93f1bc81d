package calendar_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
)

// d parses an ISO date for test tables.
func d(s string) date.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestAddWorkdays(t *testing.T) {
	cal := calendar.MainlandChina()
	tests := []struct {
		from   string
		n      int
		want   string
		reason string
	}{
		{"2025-09-26", 30, "2025-11-13", "crosses the 2025 National Day and Mid-Autumn block, counts the 调休 Saturday 2025-10-11"},
		{"2025-09-30", 1, "2025-10-09", "the day after the 2025-10-01..08 block"},
		{"2025-10-05", 1, "2025-10-09", "from inside a holiday block"},
		{"2025-10-09", -1, "2025-09-30", "counting back over the block"},
		{"2025-10-05", -1, "2025-09-30", "counting back from a holiday: the holiday itself is not a working day"},
		{"2025-06-10", 30, "2025-07-22", "DESIGN example: land transferred within 30 working days of review"},
		{"2025-01-24", 5, "2025-02-07", "Spring Festival 2025 with make-up Sunday 2025-01-26"},
		{"2025-02-10", -5, "2025-01-27", "negative count back into the Spring Festival make-up days"},
		{"2024-02-28", 3, "2024-03-04", "leap day 2024-02-29 is a working day"},
		{"2026-12-01", 20, "2026-12-29", "the end of the published data"},
		{"2025-10-11", 0, "2025-10-11", "zero returns the date itself"},
		{"2025-09-27", 1, "2025-09-28", "a Saturday, then the make-up Sunday"},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			got, err := cal.AddWorkdays(d(tt.from), tt.n)
			if err != nil {
				t.Fatalf("AddWorkdays(%s, %d): %v", tt.from, tt.n, err)
			}
			if diff := cmp.Diff(tt.want, got.String()); diff != "" {
				t.Errorf("AddWorkdays(%s, %d) (-want +got):\n%s\n%s", tt.from, tt.n, diff, tt.reason)
			}
		})
	}
}

func TestWorkdaysBetween(t *testing.T) {
	cal := calendar.MainlandChina()
	tests := []struct {
		a, b   string
		want   int
		reason string
	}{
		{"2024-12-31", "2025-12-31", 248, "the working days of 2025"},
		{"2025-09-30", "2025-10-31", 18, "October 2025 with the National Day block"},
		{"2025-01-01", "2025-02-28", 38, "Spring Festival 2025"},
		{"2025-12-31", "2024-12-31", -248, "reversed interval is negative"},
		{"2025-10-01", "2025-10-01", 0, "empty interval"},
		{"2025-09-27", "2025-09-28", 1, "(a, b]: b counted, a not"},
		{"2025-09-28", "2025-09-29", 1, "(a, b]: a make-up day at a is not counted"},
		{"2003-12-31", "2004-12-31", 252, "the first published year in full"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_"+tt.b, func(t *testing.T) {
			got, err := cal.WorkdaysBetween(d(tt.a), d(tt.b))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d (%s)", tt.a, tt.b, got, tt.want, tt.reason)
			}
		})
	}
}

// TestWorkdaysPerYear checks the shipped data against the yearly totals of
// official working days published with the reference schedules.
func TestWorkdaysPerYear(t *testing.T) {
	want := map[int]int{
		2004: 252, 2005: 251, 2006: 251, 2007: 249, 2008: 251, 2009: 250, 2010: 250, 2011: 250,
		2012: 249, 2013: 250, 2014: 250, 2015: 249, 2016: 250, 2017: 249, 2018: 250, 2019: 250,
		2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248,
	}
	cal := calendar.MainlandChina()
	got := map[int]int{}
	for y := range want {
		n, err := cal.WorkdaysBetween(date.New(y-1, 12, 31), date.New(y, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		got[y] = n
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("working days per year (-want +got):\n%s", diff)
	}
}

func TestDay(t *testing.T) {
	cal := calendar.MainlandChina()
	tests := []struct {
		date string
		want calendar.Day
	}{
		{"2025-10-11", calendar.Day{Kind: calendar.KindMakeupWorkday, Name: "国庆节、中秋节"}},
		{"2025-10-04", calendar.Day{Kind: calendar.KindHoliday, Name: "国庆节、中秋节"}},
		{"2026-02-14", calendar.Day{Kind: calendar.KindMakeupWorkday, Name: "春节"}},
		{"2015-09-03", calendar.Day{Kind: calendar.KindHoliday, Name: "抗日战争暨世界反法西斯战争胜利70周年纪念日"}},
		{"2005-10-01", calendar.Day{Kind: calendar.KindHoliday, Name: "国庆节"}},
		{"2016-05-01", calendar.Day{Kind: calendar.KindHoliday, Name: "劳动节"}},
		{"2025-11-12", calendar.Day{Kind: calendar.KindWorkday}},
		{"2025-11-15", calendar.Day{Kind: calendar.KindRestDay}},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			got, err := cal.Day(d(tt.date))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Date = d(tt.date)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Day(%s) (-want +got):\n%s", tt.date, diff)
			}
		})
	}
}

func TestDeadline(t *testing.T) {
	cal := calendar.MainlandChina()
	tests := []struct {
		start, period, want, reason string
	}{
		{"2025-06-10", "30个工作日", "2025-07-22", "working days: the 30th working day after review"},
		{"2025-09-21", "10天", "2025-10-09", "民法典 203: last day 2025-10-01 is a holiday, so the first working day after"},
		{"2025-09-24", "7天", "2025-10-09", "last day inside the National Day block"},
		{"2025-06-02", "60天", "2025-08-01", "natural days ending on a Friday"},
		{"2025-04-30", "1天", "2025-05-06", "last day 2025-05-01 opens the May Day block"},
		{"2025-01-31", "1个月", "2025-02-28", "民法典 202: no 31st in February, so the month's last day"},
		{"2024-01-31", "1个月", "2024-02-29", "leap year"},
		{"2025-06-30", "4个月", "2025-10-30", "same day of the month"},
		{"2025-05-31", "4个月", "2025-09-30", "clamped to September's last day"},
		{"2024-02-29", "1年", "2025-02-28", "a year from a leap day"},
		{"2025-07-01", "3个月", "2025-10-09", "month period ending in a holiday block moves to the next working day"},
		{"2025-11-15", "1天", "2025-11-17", "ending on a Sunday moves to Monday"},
	}
	for _, tt := range tests {
		t.Run(tt.start+"+"+tt.period, func(t *testing.T) {
			got, err := cal.Deadline(d(tt.start), calendar.MustParsePeriod(tt.period))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got.String()); diff != "" {
				t.Errorf("Deadline(%s, %s) (-want +got):\n%s\n%s", tt.start, tt.period, diff, tt.reason)
			}
		})
	}
	if _, err := cal.Deadline(d("2025-01-01"), calendar.Period{}); !errors.Is(err, calendar.ErrInvalidPeriod) {
		t.Errorf("Deadline with zero Period: got %v, want ErrInvalidPeriod", err)
	}
}

func TestNoData(t *testing.T) {
	cal := calendar.MainlandChina()
	tests := []struct {
		name     string
		call     func() error
		wantYear int
	}{
		{"IsWorkday 2027", func() error { _, err := cal.IsWorkday(d("2027-01-04")); return err }, 2027},
		{"Day 2003", func() error { _, err := cal.Day(d("2003-06-02")); return err }, 2003},
		{"AddWorkdays into 2027", func() error { _, err := cal.AddWorkdays(d("2026-12-20"), 30); return err }, 2027},
		{"AddWorkdays back into 2003", func() error { _, err := cal.AddWorkdays(d("2004-01-05"), -2); return err }, 2003},
		{"AddWorkdays from 2027", func() error { _, err := cal.AddWorkdays(d("2027-03-01"), 1); return err }, 2027},
		{"WorkdaysBetween into 2027", func() error { _, err := cal.WorkdaysBetween(d("2026-06-01"), d("2027-06-01")); return err }, 2027},
		{"WorkdaysBetween from 2002", func() error { _, err := cal.WorkdaysBetween(d("2002-06-01"), d("2004-06-01")); return err }, 2002},
		{"Deadline months into 2027", func() error { _, err := cal.Deadline(d("2026-11-20"), calendar.MustParsePeriod("2个月")); return err }, 2027},
		{"Holidays 2027", func() error { _, err := cal.Holidays(2027); return err }, 2027},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var nd *calendar.NoDataError
			if !errors.As(err, &nd) {
				t.Fatalf("got %v, want a *NoDataError", err)
			}
			if nd.Year != tt.wantYear {
				t.Errorf("NoDataError.Year = %d, want %d", nd.Year, tt.wantYear)
			}
			if !errors.Is(err, calendar.ErrNoData) {
				t.Errorf("error does not wrap ErrNoData")
			}
		})
	}
}

func TestWeekendFallback(t *testing.T) {
	base := calendar.MainlandChina()
	cal := base.WithWeekendFallback()
	if base.HasFallback() || !cal.HasFallback() {
		t.Fatal("WithWeekendFallback must return a copy and leave the original strict")
	}
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-12-29", 5, "2027-01-05"}, // 12-30, 12-31, 01-01 (Fri, guessed a working day), 01-04, 01-05
		{"2027-01-08", 1, "2027-01-11"},
		{"2027-01-11", -1, "2027-01-08"},
		{"2027-01-09", -1, "2027-01-08"},
		{"2004-01-05", -2, "2003-12-31"},
		{"2003-12-27", 3, "2003-12-31"},  // a Saturday: Mon 29, Tue 30, Wed 31
		{"2003-12-20", 10, "2004-01-05"}, // 8 weekdays in 2003, then 2004-01-02 (01-01 is 元旦) and 2004-01-05
		{"2030-06-07", 10, "2030-06-21"},
	}
	for _, tt := range tests {
		got, err := cal.AddWorkdays(d(tt.from), tt.n)
		if err != nil {
			t.Fatalf("AddWorkdays(%s, %d): %v", tt.from, tt.n, err)
		}
		if got.String() != tt.want {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	day, err := cal.Day(d("2027-01-01"))
	if err != nil || !day.Fallback || day.Kind != calendar.KindWorkday {
		t.Errorf("Day(2027-01-01) = %+v, %v; want a fallback working day", day, err)
	}
}

// TestAgainstDayStepping compares the constant-time queries with a naive
// day-by-day count over many starting points, with and without the fallback.
func TestAgainstDayStepping(t *testing.T) {
	for _, cal := range []*calendar.Calendar{calendar.MainlandChina(), calendar.MainlandChina().WithWeekendFallback()} {
		lo, hi := d("2003-11-01"), d("2027-03-01")
		if !cal.HasFallback() {
			lo, hi = d("2004-01-01"), d("2026-12-31")
		}
		for start := lo; start <= hi; start += 37 {
			for _, n := range []int{1, 2, 5, 30, 250, -1, -3, -30, -250} {
				want, wantErr := stepAdd(cal, start, n)
				got, err := cal.AddWorkdays(start, n)
				if (err != nil) != (wantErr != nil) || (err == nil && got != want) {
					t.Fatalf("fallback=%v AddWorkdays(%s, %d) = %s, %v; stepping gives %s, %v", cal.HasFallback(), start, n, got, err, want, wantErr)
				}
			}
			for _, span := range []int{0, 1, 6, 45, 400} {
				end := start + date.Date(span)
				want, wantErr := stepBetween(cal, start, end)
				got, err := cal.WorkdaysBetween(start, end)
				if (err != nil) != (wantErr != nil) || (err == nil && got != want) {
					t.Fatalf("fallback=%v WorkdaysBetween(%s, %s) = %d, %v; stepping gives %d, %v", cal.HasFallback(), start, end, got, err, want, wantErr)
				}
			}
		}
	}
}

func stepAdd(cal *calendar.Calendar, d date.Date, n int) (date.Date, error) {
	step := date.Date(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d += step
		ok, err := cal.IsWorkday(d)
		if err != nil {
			return 0, err
		}
		if ok {
			n--
		}
	}
	return d, nil
}

func stepBetween(cal *calendar.Calendar, a, b date.Date) (int, error) {
	n := 0
	for x := a + 1; x <= b; x++ {
		ok, err := cal.IsWorkday(x)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

func TestHolidays(t *testing.T) {
	got, err := calendar.MainlandChina().Holidays(2026)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range got {
		names = append(names, h.Name)
	}
	want := []string{"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("2026 holiday names (-want +got):\n%s", diff)
	}
	spring := got[1]
	if spring.First != d("2026-02-15") || spring.Last != d("2026-02-23") || spring.Days() != 9 {
		t.Errorf("春节 2026 = %s..%s (%d days), want 2026-02-15..2026-02-23 (9 days)", spring.First, spring.Last, spring.Days())
	}
	if diff := cmp.Diff([]date.Date{d("2026-02-14"), d("2026-02-28")}, spring.Workdays); diff != "" {
		t.Errorf("春节 2026 make-up days (-want +got):\n%s", diff)
	}
}

func TestConcurrentQueries(t *testing.T) {
	cal := calendar.MainlandChina()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				start := d("2010-01-01") + date.Date(i*3+g)
				if _, err := cal.AddWorkdays(start, 30); err != nil {
					t.Error(err)
					return
				}
				if _, err := cal.Deadline(start, calendar.NewPeriod(2, calendar.Months)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
