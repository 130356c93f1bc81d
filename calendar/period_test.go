package calendar_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/calendar"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in     string
		want   calendar.Period
		canon  string
		reason string
	}{
		{"30个工作日", calendar.NewPeriod(30, calendar.WorkingDays), "30个工作日", "policy text"},
		{"30 working days", calendar.NewPeriod(30, calendar.WorkingDays), "30个工作日", "English"},
		{"1 Working Day", calendar.NewPeriod(1, calendar.WorkingDays), "1个工作日", "English is case-insensitive, singular allowed"},
		{"5工作日", calendar.NewPeriod(5, calendar.WorkingDays), "5个工作日", "without 个"},
		{"60天", calendar.NewPeriod(60, calendar.Days), "60天", "natural days"},
		{"60日", calendar.NewPeriod(60, calendar.Days), "60天", "日 as in legal text"},
		{"60 days", calendar.NewPeriod(60, calendar.Days), "60天", "English"},
		{"60个自然日", calendar.NewPeriod(60, calendar.Days), "60天", "explicit natural days"},
		{"4个月", calendar.NewPeriod(4, calendar.Months), "4个月", "months"},
		{"4 months", calendar.NewPeriod(4, calendar.Months), "4个月", "English months"},
		{"1年", calendar.NewPeriod(1, calendar.Years), "1年", "a year"},
		{"2 years", calendar.NewPeriod(2, calendar.Years), "2年", "English years"},
		{" 30 个工作日 ", calendar.NewPeriod(30, calendar.WorkingDays), "30个工作日", "spaces are ignored"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := calendar.ParsePeriod(tt.in)
			if err != nil {
				t.Fatalf("ParsePeriod(%q): %v (%s)", tt.in, err, tt.reason)
			}
			if got != tt.want {
				t.Errorf("ParsePeriod(%q) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
			}
			if got.String() != tt.canon {
				t.Errorf("String() = %q, want %q", got.String(), tt.canon)
			}
		})
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, in := range []string{"", "30", "个工作日", "0天", "-3天", "+3天", "3.5天", "30 weeks", "三十天", "30天天", "1234567天", "100001天", "30个工作日以内", "1e3天"} {
		t.Run(in, func(t *testing.T) {
			_, err := calendar.ParsePeriod(in)
			var pe *calendar.ParseError
			if !errors.As(err, &pe) || pe.What != "period" || pe.Input != in {
				t.Fatalf("ParsePeriod(%q) error = %#v, want a *ParseError for the input", in, err)
			}
			if !errors.Is(err, calendar.ErrSyntax) {
				t.Errorf("error does not wrap ErrSyntax")
			}
		})
	}
}

func TestPeriodMarshal(t *testing.T) {
	type doc struct {
		Within calendar.Period `json:"within" yaml:"within"`
	}
	in := doc{Within: calendar.MustParsePeriod("30 working days")}

	j, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"within":"30个工作日"}`, string(j)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	var back doc
	if err := json.Unmarshal(j, &back); err != nil || back != in {
		t.Errorf("JSON round trip = %v, %v; want %v", back, err, in)
	}

	y, err := yaml.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("within: 30个工作日\n", string(y)); diff != "" {
		t.Errorf("YAML (-want +got):\n%s", diff)
	}
	back = doc{}
	if err := yaml.Unmarshal(y, &back); err != nil || back != in {
		t.Errorf("YAML round trip = %v, %v; want %v", back, err, in)
	}
	if err := yaml.Unmarshal([]byte("within: 30 weeks\n"), &back); err == nil {
		t.Error("YAML with a bad period decoded without error")
	}
	if _, err := json.Marshal(doc{}); err == nil {
		t.Error("marshalling the zero Period succeeded; it has no unit")
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]string{"2025-06-01": "2025-06-01", "2024-02-29": "2024-02-29", "2004-01-01": "2004-01-01"}
	for in, want := range good {
		got, err := calendar.ParseDate(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2025-02-30", "2025-13-01", "2025-00-10", "2025-6-1", "20250601", "2025/06/01", "2025-06-01T00:00", "+2025-06-01", "2023-02-29", "２０２５-06-01"} {
		if _, err := calendar.ParseDate(in); !errors.Is(err, calendar.ErrSyntax) {
			t.Errorf("ParseDate(%q) error = %v, want ErrSyntax", in, err)
		}
	}
}
