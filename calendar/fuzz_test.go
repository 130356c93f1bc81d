package calendar_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/calendar"
)

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"30个工作日", "30 working days", "60天", "60日", "60 days", "4个月", "4 months", "1年", "0天", "-1天", "3.5天", "99999999个月", " 7 工作日 ", "\xff天"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := calendar.ParsePeriod(s)
		if err != nil {
			var pe *calendar.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParsePeriod(%q) returned %T, want *ParseError", s, err)
			}
			return
		}
		if !p.IsValid() {
			t.Fatalf("ParsePeriod(%q) = %v without error but invalid", s, p)
		}
		back, err := calendar.ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("round trip of %q: %v -> %q -> %v, %v", s, p, p.String(), back, err)
		}
		// Every valid period gives a deadline or a NoDataError, never a panic.
		if _, err := calendar.MainlandChina().Deadline(d("2025-06-10"), p); err != nil && !errors.Is(err, calendar.ErrNoData) {
			t.Fatalf("Deadline(%v): %v", p, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-06-01", "2024-02-29", "2025-02-30", "0000-01-01", "9999-12-31", "2025-6-1", "abcd-ef-gh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := calendar.ParseDate(s)
		if err != nil {
			return
		}
		if v.String() != s {
			t.Fatalf("ParseDate(%q) = %s: not the same text", s, v)
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("id: z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2025-06-04}\nworkdays:\n  - {name: b, date: 2025-06-07}\n"))
	f.Add([]byte("id: b\nyears:\n  2025: {holidays: [{name: x, from: 2025-01-01, to: 2025-01-03, work: [2025-01-04]}]}\n"))
	f.Add([]byte("id: z\nextends: cn-mainland\nclosures: [{name: a, from: 2025-06-09, to: 2025-06-06}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("id: b\nyears: {1: {holidays: []}, 9999: {holidays: []}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cal, err := calendar.Load("f.yaml", src)
		if err == nil {
			if cal == nil {
				t.Fatal("no calendar and no error")
			}
			first, last := cal.Years()
			if _, err := cal.AddWorkdays(d("2025-06-10"), 30); err != nil && !errors.Is(err, calendar.ErrNoData) {
				t.Fatalf("AddWorkdays on a loaded calendar (%d–%d): %v", first, last, err)
			}
			return
		}
		if cal != nil {
			t.Fatal("a calendar was returned together with errors")
		}
		var list calendar.FileErrors
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %T is not a non-empty FileErrors", err)
		}
		lines := countLines(src)
		for _, e := range list {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("position %d:%d outside the file (%d lines): %v", e.Line, e.Col, lines, e)
			}
		}
	})
}

// countLines counts lines as YAML does: \r\n, \r, \n, NEL, LS and PS all
// break lines.
func countLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
