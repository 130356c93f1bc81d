package calendar_test

import (
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
)

// starts are 64 dates spread over 2025, so the benchmarks do not measure one
// lucky cache line.
func starts() []date.Date {
	out := make([]date.Date, 64)
	for i := range out {
		out[i] = d("2025-01-01") + date.Date(i*5)
	}
	return out
}

func BenchmarkAddWorkdays30(b *testing.B) {
	cal, ss := calendar.MainlandChina(), starts()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := cal.AddWorkdays(ss[i&63], 30); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAddWorkdays30Naive(b *testing.B) {
	cal, ss := calendar.MainlandChina(), starts()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := stepAdd(cal, ss[i&63], 30); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkdaysBetweenTwoYears(b *testing.B) {
	cal, ss := calendar.MainlandChina(), starts()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := ss[i&63] - 365
		if _, err := cal.WorkdaysBetween(s, s+730); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkdaysBetweenTwoYearsNaive(b *testing.B) {
	cal, ss := calendar.MainlandChina(), starts()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := ss[i&63] - 365
		if _, err := stepBetween(cal, s, s+730); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeadlineMonths(b *testing.B) {
	cal, ss := calendar.MainlandChina(), starts()
	p := calendar.NewPeriod(4, calendar.Months)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := cal.Deadline(ss[i&63], p); err != nil {
			b.Fatal(err)
		}
	}
}
