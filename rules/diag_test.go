package rules_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/rules"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  rules.Pos
		want string
	}{
		{rules.Pos{File: "policy.yaml", Line: 42, Col: 7}, "policy.yaml:42:7"},
		{rules.Pos{File: "policy.yaml"}, "policy.yaml"},
		{rules.Pos{Line: 1, Col: 5}, "1:5"},
		{rules.Pos{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{rules.Pos{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func diag(sev rules.Severity, code, file string, line, col int) *rules.Diagnostic {
	return &rules.Diagnostic{Severity: sev, Code: code, Pos: rules.Pos{File: file, Line: line, Col: col}, Summary: code + " summary"}
}

func TestDiagnosticsErr(t *testing.T) {
	var zero rules.Diagnostics
	if zero.Err() != nil || zero.HasErrors() {
		t.Error("the zero Diagnostics is not empty")
	}
	warnings := rules.Diagnostics{diag(rules.SeverityWarning, "section.unchecked", "a.yaml", 3, 1)}
	if warnings.Err() != nil {
		t.Error("warnings alone are an error")
	}
	ds := rules.Diagnostics{
		diag(rules.SeverityWarning, "section.unchecked", "a.yaml", 3, 1),
		diag(rules.SeverityError, "yaml.unknown-key", "a.yaml", 5, 2),
	}
	err := ds.Err()
	if err == nil {
		t.Fatal("Err() = nil with an error present")
	}
	var d *rules.Diagnostic
	if !errors.As(err, &d) || d.Code != "section.unchecked" {
		t.Errorf("errors.As(*Diagnostic) = %v", d)
	}
	var back rules.Diagnostics
	if !errors.As(err, &back) || len(back) != 2 {
		t.Errorf("errors.As(Diagnostics) = %v", back)
	}
	if !errors.Is(err, ds[1]) {
		t.Error("errors.Is does not reach a single diagnostic")
	}
	want := "a.yaml:3:1: warning: section.unchecked summary\na.yaml:5:2: yaml.unknown-key summary"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := len(ds.Errors()); got != 1 {
		t.Errorf("Errors() has %d, want 1", got)
	}
}

func TestDiagnosticsSortDedupTruncate(t *testing.T) {
	ds := rules.Diagnostics{
		diag(rules.SeverityError, "b", "b.yaml", 1, 1),
		diag(rules.SeverityError, "z", "a.yaml", 10, 1),
		diag(rules.SeverityError, "a", "a.yaml", 2, 5),
		diag(rules.SeverityError, "a", "a.yaml", 2, 5),
		diag(rules.SeverityError, "a", "a.yaml", 2, 3),
	}
	ds.Sort()
	ds = ds.RemoveDuplicates()
	var got []string
	for _, d := range ds {
		got = append(got, d.Pos.String()+" "+d.Code)
	}
	want := []string{"a.yaml:2:3 a", "a.yaml:2:5 a", "a.yaml:10:1 z", "b.yaml:1:1 b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sorted (-want +got):\n%s", diff)
	}

	var many rules.Diagnostics
	for i := range 250 {
		many = append(many, diag(rules.SeverityError, "x", "a.yaml", i+1, 1))
	}
	cut := many.Truncate(rules.MaxDiagnostics)
	if len(cut) != rules.MaxDiagnostics {
		t.Fatalf("Truncate kept %d, want %d", len(cut), rules.MaxDiagnostics)
	}
	last := cut[len(cut)-1]
	if last.Code != rules.CodeTooMany || !strings.HasPrefix(last.Summary, "151 more") || last.Severity != rules.SeverityError {
		t.Errorf("last = %+v", last)
	}
	if len(many) != 250 {
		t.Error("Truncate changed its receiver")
	}
}

func TestWriteText(t *testing.T) {
	files := map[string]string{
		"zone.yaml": "id: x\n\tbad: 1\nwhen: 投资额 >= 重大项目门槛 and 行业\n",
	}
	read := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	ds := rules.Diagnostics{
		{Severity: rules.SeverityError, Code: "yaml.syntax", Pos: rules.Pos{File: "zone.yaml", Line: 2, Col: 2}, Summary: "tab"},
		{Severity: rules.SeverityError, Code: "expr.unknown-name", Pos: rules.Pos{File: "zone.yaml", Line: 3, Col: 25}, Path: "when",
			Summary: "unknown name", Detail: "line one\nline two", Related: []rules.Pos{{File: "zone.yaml", Line: 1, Col: 1}}},
		{Severity: rules.SeverityWarning, Code: "file.read", Pos: rules.Pos{File: "gone.yaml", Line: 1, Col: 1}, Summary: "no source"},
	}
	var b bytes.Buffer
	if err := ds.WriteText(&b, read); err != nil {
		t.Fatal(err)
	}
	// 行 is column 25: 24 characters before it, 9 of them Chinese (two
	// cells wide each), so the caret goes after 33 cells.
	want := "zone.yaml:2:2: error: tab [yaml.syntax]\n" +
		"  |\n" +
		"2 | \tbad: 1\n" +
		"  | \t^\n" +
		"\n" +
		"zone.yaml:3:25: error: unknown name [expr.unknown-name]\n" +
		"  |\n" +
		"3 | when: 投资额 >= 重大项目门槛 and 行业\n" +
		"  | " + strings.Repeat(" ", 33) + "^\n" +
		"  = at: when\n" +
		"  = line one\n" +
		"    line two\n" +
		"  = see also: zone.yaml:1:1\n" +
		"\n" +
		"gone.yaml:1:1: warning: no source [file.read]\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WriteText (-want +got):\n%s", diff)
	}
}

func TestWriteJSON(t *testing.T) {
	ds := rules.Diagnostics{
		{Severity: rules.SeverityError, Code: "param.type-changed", Pos: rules.Pos{File: "zone.yaml", Line: 7, Col: 12},
			Path: "parameters.major_project_threshold", Summary: "s", Related: []rules.Pos{{File: "base.yaml", Line: 5, Col: 3}}},
		{Severity: rules.SeverityWarning, Code: "section.unchecked", Pos: rules.Pos{File: "zone.yaml", Line: 9, Col: 1}, Summary: "w"},
	}
	var b bytes.Buffer
	if err := ds.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Diagnostics []struct {
			Severity string
			Code     string
			Pos      struct {
				File      string
				Line, Col int
			}
			Path    string
			Related []struct {
				File      string
				Line, Col int
			}
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Diagnostics) != 2 {
		t.Fatalf("counts: %+v", got)
	}
	d := got.Diagnostics[0]
	if d.Severity != "error" || d.Code != "param.type-changed" || d.Pos.Line != 7 || d.Pos.Col != 12 || d.Related[0].File != "base.yaml" {
		t.Errorf("first diagnostic = %+v", d)
	}
	// Round trip into the Go type.
	var back struct{ Diagnostics rules.Diagnostics }
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ds, back.Diagnostics); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// An empty list is an empty array, not null.
	b.Reset()
	if err := rules.Diagnostics(nil).WriteJSON(&b); err != nil || !strings.Contains(b.String(), `"diagnostics": []`) {
		t.Errorf("empty: %v %s", err, b.String())
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []rules.Severity{rules.SeverityError, rules.SeverityWarning} {
		b, _ := s.MarshalText()
		var back rules.Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: round trip gave %v, %v", s, back, err)
		}
	}
	var s rules.Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Error("unknown severity accepted")
	}
	if got := fmt.Sprint(rules.SeverityInvalid); got != "invalid" {
		t.Errorf("zero severity prints %q", got)
	}
}
