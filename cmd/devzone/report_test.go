package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

var updateReport = flag.Bool("update-report", false, "rewrite the golden files of testdata/report")

func TestReportCommand(t *testing.T) {
	base := []string{"--rules", "testdata/report/policy.yaml", "--projects", "testdata/report/projects.yaml", "--as-of", "2025-06-30"}
	for _, tt := range []struct {
		golden string
		flags  []string
	}{
		{"report.txt", nil},
		{"report.md", []string{"--format", "markdown", "--period", "year"}},
		{"report.json", []string{"--format=json", "--from", "2025-01-01"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := runReport(append(base, tt.flags...), &out, loadProjectsFile); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "report", tt.golden)
			if *updateReport {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update-report)", err)
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestReportText checks the figures a reader looks for first, and that
// the columns of the text tables line up for Chinese text.
func TestReportText(t *testing.T) {
	var out bytes.Buffer
	err := runReport([]string{"--rules", "testdata/report/policy.yaml", "--projects", "testdata/report/projects.yaml", "--as-of", "2025-06-30"}, &out, loadProjectsFile)
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"综改区晋中开发区（jinzhong，工业类，省级）",
		"合计",
		"75.00% (3/4)",      // 开工率: JZ-2024-017, -001 and -002 of the 4 signed
		"70.00% (7亿元/10亿元)", // 达效率: JZ-2024-017's actual output is unknown
		"无法判定（不计入）：JZ-2024-017", // … and is listed
		"氢能园中园（园中园，属 huitong）",
		"某物流园（未列入本区）",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	// In an aligned table every row puts its second column at the same
	// display width.
	lines := strings.Split(text, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "期间") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("no table")
	}
	col := -1
	for _, l := range lines[start : start+5] {
		second := strings.Index(l, "  ")
		for second < len(l) && l[second] == ' ' {
			second++
		}
		w := width(l[:second])
		if col >= 0 && w != col {
			t.Errorf("column 2 starts at width %d, want %d: %q", w, col, l)
		}
		col = w
	}
}

func TestReportErrors(t *testing.T) {
	// Usage and input errors: exit code 2, one message on standard error.
	usage := map[string]string{
		"report --rules a.yaml --projects b.yaml --format pdf":               "use text, json or markdown",
		"report --rules a.yaml --projects b.yaml --period week":              "use month, quarter or year",
		"report --rules a.yaml --projects b.yaml --as-of 2025-13-01":         "2025-13-01",
		"report --rules testdata/report/policy.yaml --projects p.yaml extra": "unexpected argument",
	}
	// Rule sets with errors: exit code 1, the diagnostics on standard
	// output.
	failing := map[string]string{
		"report --rules testdata/report/missing.yaml --projects b.yaml":                "cannot be read",
		"report --rules ../../rules/testdata/zone-errors/rules.yaml --projects b.yaml": "zone.category",
	}
	for args, want := range usage {
		var stdout, stderr bytes.Buffer
		if code := run(strings.Fields(args), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), want) {
			t.Errorf("devzone %s: exit %d, stderr %q; want exit 2 and %q", args, code, stderr.String(), want)
		}
	}
	for args, want := range failing {
		var stdout, stderr bytes.Buffer
		if code := run(strings.Fields(args), &stdout, &stderr); code != exitFail || !strings.Contains(stdout.String(), want) {
			t.Errorf("devzone %s: exit %d, stdout %q; want exit 1 and %q", args, code, stdout.String(), want)
		}
	}
	// A project the rule set cannot evaluate is an input error, named.
	var out bytes.Buffer
	bad := func(set *rules.Set, path string) ([]*zone.Project, error) {
		ps, err := loadProjectsFile(set, path)
		if err == nil {
			ps[1].Attributes = map[string]string{"tech_levl": "3"}
		}
		return ps, err
	}
	err := runReport([]string{"--rules", "testdata/report/policy.yaml", "--projects", "testdata/report/projects.yaml", "--as-of", "2025-06-30"}, &out, bad)
	if err == nil || !strings.Contains(err.Error(), "project JZ-2025-002: project fact tech_levl") {
		t.Errorf("error = %v", err)
	}
	// The JSON report decodes.
	out.Reset()
	if err := runReport([]string{"--rules", "testdata/report/policy.yaml", "--projects", "testdata/report/projects.yaml", "--as-of", "2025-06-30", "--format", "json"}, &out, loadProjectsFile); err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep["as_of"] != "2025-06-30" {
		t.Errorf("JSON: %v %v", err, rep["as_of"])
	}
}

// TestReportExample checks the report on the shipped examples, the
// command the README starts with.
func TestReportExample(t *testing.T) {
	for args, want := range map[string][]string{
		"report --as-of 2026-11-23":                                               {"综改区晋中开发区", "开工率", "督办措施", "预算余额", "prephase-2026"},
		"report --example yuncheng --as-of 2026-11-23 --format markdown":          {"运城", "| 期间 |", "regional-assessment-2022"},
		"report --example lvliang --as-of 2026-11-23 --format json --period year": {`"granularity": "year"`, `"metrics"`},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(strings.Fields(args), &stdout, &stderr); code != exitOK {
			t.Errorf("devzone %s: exit %d, stderr %q", args, code, stderr.String())
			continue
		}
		for _, w := range want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("devzone %s: output lacks %q", args, w)
			}
		}
	}
	for args, want := range map[string]string{
		"report --example shanghai":                               "use jinzhong, lvliang, jiaocheng, yuncheng",
		"report --example jinzhong --rules a.yaml":                "not both",
		"report --rules a.yaml":                                   "give --rules",
		"report --example jinzhong --ledger /nonexistent/l.jsonl": "cannot be read",
	} {
		var stdout, stderr bytes.Buffer
		if code := run(strings.Fields(args), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), want) {
			t.Errorf("devzone %s: exit %d, stderr %q; want exit 2 and %q", args, code, stderr.String(), want)
		}
	}
}
