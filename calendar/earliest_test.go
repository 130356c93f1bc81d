package calendar_test

import (
	"testing"

	"github.com/devzone-go/devzone/calendar"
)

func TestEarliestDue(t *testing.T) {
	tests := []struct{ start, period, want string }{
		{"2026-12-10", "30个工作日", "2027-01-09"},
		{"2026-12-10", "10天", "2026-12-20"},
		{"2026-01-31", "1个月", "2026-02-28"},
		{"2026-08-31", "18个月", "2028-02-29"},
		{"2026-03-15", "1年", "2027-03-15"},
		{"2026-05-15", "4个月", "2026-09-15"},
	}
	cal := calendar.MainlandChina()
	for _, tt := range tests {
		start, p := calendar.MustParseDate(tt.start), calendar.MustParsePeriod(tt.period)
		if got := calendar.EarliestDue(start, p).String(); got != tt.want {
			t.Errorf("calendar.EarliestDue(%s, %s) = %s, want %s", tt.start, tt.period, got, tt.want)
		}
		// Where the calendar has the data, the real due date is never earlier.
		if due, err := cal.Deadline(start, p); err == nil && due < calendar.EarliestDue(start, p) {
			t.Errorf("%s + %s: due %s is before the earliest %s", tt.start, tt.period, due, calendar.EarliestDue(start, p))
		}
	}
}
