package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCalendarCommands(t *testing.T) {
	tests := []struct {
		args      string
		wantCode  int
		wantFirst string // first word of standard output
		wantErr   string // substring of standard error
	}{
		{"calendar add 2025-09-26 30", 0, "2025-11-13", ""},
		{"calendar add 2025-10-09 -5", 0, "2025-09-25", ""},
		{"calendar add 2025-09-26 30 --calendar ../../calendar/testdata/jinzhong-zone.yaml", 0, "2025-11-13", ""},
		{"calendar deadline 2025-09-21 10天", 0, "2025-10-09", ""},
		{"calendar deadline 2025-06-10 30个工作日", 0, "2025-07-22", ""},
		{"calendar between 2024-12-31 2025-12-31", 0, "248", ""},
		{"calendar is-workday 2025-10-11", 0, "2025-10-11", ""},
		{"calendar holidays 2026", 0, "2026", ""},
		{"calendar add 2026-12-20 30", 2, "", "no official holiday schedule for 2027"},
		{"calendar add 2026-12-20 30 --fallback", 0, "2027-01-29", ""},
		{"calendar holidays 2027", 2, "", "2027"},
		{"calendar deadline 2025-09-21 10weeks", 2, "", `"10weeks" is not a valid period`},
		{"calendar add 2025-02-30 3", 2, "", "no such day"},
		{"calendar add 2025-02-03", 2, "", "expected DATE N"},
		{"calendar add 2025-02-03 3 --bogus", 2, "", "flag provided but not defined"},
		{"calendar add 2025-02-03 3 --calendar missing.yaml", 2, "", "missing.yaml"},
		{"calendar frob", 2, "", "unknown sub-command"},
		{"calendar", 2, "", "give a sub-command"},
		{"frob", 2, "", "unknown command"},
		{"help", 0, "devzone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(strings.Fields(tt.args), &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr: %s", code, tt.wantCode, errOut.String())
			}
			if first, _, _ := strings.Cut(out.String(), " "); tt.wantFirst != "" && first != tt.wantFirst {
				t.Errorf("first word = %q, want %q; output: %s", first, tt.wantFirst, out.String())
			}
			if tt.wantErr != "" {
				if !strings.Contains(errOut.String(), tt.wantErr) {
					t.Errorf("stderr = %q, want it to mention %q", errOut.String(), tt.wantErr)
				}
				if n := strings.Count(strings.TrimSpace(errOut.String()), "\n"); n != 0 {
					t.Errorf("stderr has %d lines, want one: %q", n+1, errOut.String())
				}
			}
		})
	}
}

// TestCalendarFileErrors checks that a zone calendar's problems print like
// a rule file's: every one, with its position, code and source line.
func TestCalendarFileErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"calendar", "add", "2025-02-03", "3", "--calendar", "testdata/calendar/bad-zone.yaml"}, &out, &errOut)
	if code != exitUsage || out.Len() != 0 {
		t.Errorf("exit %d, output %q; want exit %d and no output", code, out.String(), exitUsage)
	}
	want := `testdata/calendar/bad-zone.yaml:5:12: error: closures[0].date: "2026-13-01" is not a valid date: the month must be 01 to 12 [calendar.bad-date]
  |
5 |   - {date: 2026-13-01, name: 停电检修}
  |            ^

testdata/calendar/bad-zone.yaml:6:1: error: calendar file: unknown key "colour"; allowed keys: id, label, extends, years, closures, workdays [calendar.unknown-key]
  |
6 | colour: blue
  | ^
`
	if diff := cmp.Diff(want, errOut.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestCalendarJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"calendar", "is-workday", "--json", "2025-10-11"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"date": "2025-10-11", "workday": true, "kind": "调休上班", "name": "国庆节、中秋节", "calendar": "cn-mainland", "provisional": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("is-workday --json (-want +got):\n%s", diff)
	}
}
