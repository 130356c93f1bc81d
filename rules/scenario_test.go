package rules_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/rules"
)

func TestScenariosPass(t *testing.T) {
	s, err := rules.LoadScenariosFile("testdata/scenarios/scenarios.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Rules != "policy.yaml" || s.Set.ID() != "jinzhong-scenarios" || len(s.Cases) != 3 {
		t.Fatalf("rules %q, set %s, %d cases", s.Rules, s.Set.ID(), len(s.Cases))
	}
	rep := s.Check()
	if rep.Passed() != 3 || rep.Failed() != 0 {
		for _, c := range rep.Cases {
			for _, m := range c.Mismatches() {
				t.Errorf("%s\n%s", m, m.Trace)
			}
		}
	}
	if c := rep.Cases[0]; c.Name != "12亿元新能源汽车项目享受专班服务" || c.Pos.String() != "testdata/scenarios/scenarios.yaml:4:11" || len(c.Checks) != 3 {
		t.Errorf("first case: %s at %s with %d checks", c.Name, c.Pos, len(c.Checks))
	}
}

// TestScenariosFail checks what failing cases report: the key, where the
// expectation is written, both values and the trace of the deciding rule;
// a missing section and a case that cannot be evaluated fail with a reason.
func TestScenariosFail(t *testing.T) {
	s, err := rules.LoadScenariosFS(os.DirFS("testdata/scenarios"), "failing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Check()
	if rep.Passed() != 0 || rep.Failed() != 4 {
		t.Fatalf("%d passed, %d failed", rep.Passed(), rep.Failed())
	}
	type mismatch struct{ Key, Pos, Want, Got, Rule string }
	var ms []mismatch
	for _, c := range rep.Cases[:2] {
		for _, m := range c.Mismatches() {
			ms = append(ms, mismatch{m.Key, m.Pos.String(), m.Want, m.Got, m.Trace.Ref.ID})
		}
	}
	want := []mismatch{
		{"conditions.service_team", "failing.yaml:8:55", "true", "false", "service_team"},
		{"stage", "failing.yaml:13:14", "signing", "(no lifecycle: section)", ""},
		{"deadlines.land-transfer.status", "failing.yaml:15:33", "running", "(no lifecycle: section)", ""},
		{"deadlines.land-transfer.due", "failing.yaml:15:47", "2025-07-22", "(no lifecycle: section)", ""},
		{"incentives.dedicated-team", "failing.yaml:16:36", "awarded", "(no incentives: section)", ""},
		{"land.applies", "failing.yaml:17:23", "true", "(no land: section)", ""},
		{"budgets.refused", "failing.yaml:18:26", "[]", "(no budgets: section)", ""},
	}
	if diff := cmp.Diff(want, ms); diff != "" {
		t.Errorf("mismatches (-want +got):\n%s", diff)
	}
	tr := rep.Cases[0].Mismatches()[0].Trace
	if tr.Ref.Pos.String() != "policy.yaml:39:3" || tr.Ref.Cite == "" || !strings.Contains(tr.Detail, "industry (生物医药) in leading_industries") {
		t.Errorf("trace: %+v", tr)
	}
	if d := rep.Cases[1].Mismatches()[0].Trace.Detail; !strings.Contains(d, "has no lifecycle: section, so stage cannot be checked") {
		t.Errorf("missing section: %s", d)
	}
	for i, wantErr := range []got{
		{rules.CodeScenariosEvaluate, "failing.yaml:21:12", ""},
		{rules.CodeScenariosLedger, "failing.yaml:29:9", ""},
	} {
		c := rep.Cases[2+i]
		d, ok := c.Err.(*rules.Diagnostic)
		if !ok || c.Observation != nil {
			t.Fatalf("%s: error %v", c.Name, c.Err)
		}
		if diff := cmp.Diff(wantErr, summarize(rules.Diagnostics{d})[0]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.Name, diff)
		}
	}
}

// TestScenariosDiagnostics loads broken scenario files and compares the
// diagnostics with a table and the rendered text with golden files.
func TestScenariosDiagnostics(t *testing.T) {
	tests := map[string][]got{
		"bad-scenarios.yaml": {
			{rules.CodeScenariosValue, "bad-scenarios.yaml:5:12", "cases[0].as_of"},
			{rules.CodeProjectsUnknownFact, "bad-scenarios.yaml:6:50", "cases[0].project.tech_levle"},
			{rules.CodeScenariosUnknownID, "bad-scenarios.yaml:8:20", "cases[0].expect.conditions.major_projct"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:8:54", "cases[0].expect.conditions.service_team"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:11:33", "cases[0].expect.deadlines.land-transfer.status"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:11:46", "cases[0].expect.deadlines.land-transfer.due"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:11:73", "cases[0].expect.deadlines.land-transfer.late_workdays"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:13:50", "cases[0].expect.incentives.dedicated-team.amount"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:14:23", "cases[0].expect.land.applies"},
			{rules.CodeScenariosValue, "bad-scenarios.yaml:18:15", "cases[0].expect.paused"},
			{rules.CodeYAMLUnknownKey, "bad-scenarios.yaml:19:7", "cases[0].expect.weather"},
			{rules.CodeScenariosDuplicate, "bad-scenarios.yaml:20:11", "cases[1].name"},
			{rules.CodeYAMLMissingKey, "bad-scenarios.yaml:24:5", "cases[2].name"},
			{rules.CodeYAMLMissingKey, "bad-scenarios.yaml:24:5", "cases[2].project"},
		},
		"missing-rules.yaml": {
			{rules.CodeScenariosRules, "missing-rules.yaml:2:8", "rules"},
		},
		"broken-rules.yaml": {
			{rules.CodeExprSyntax, "broken-policy.yaml:4:42", "conditions.c.when"},
			{rules.CodeExprUnknownName, "broken-policy.yaml:4:42", "conditions.c.when"},
			{rules.CodeScenariosRules, "broken-rules.yaml:2:8", "rules"},
		},
	}
	fsys := os.DirFS("testdata/scenarios")
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			s, err := rules.LoadScenariosFS(fsys, name)
			if s != nil {
				t.Error("scenarios came with errors")
			}
			wantGolden(t, err, want, name)
		})
	}
}

func TestScenariosFileProblems(t *testing.T) {
	policy := []byte("devzone: 1\nid: p\nconditions:\n  c: {label: 条件, when: \"investment >= 1亿元\"}\n")
	tests := []struct {
		name, src string
		want      []got
	}{
		{"rules leaves the folder", "devzone: 1\nrules: ../policy.yaml\ncases: []\n", []got{{rules.CodeScenariosRules, "s/scenarios.yaml:2:8", "rules"}}},
		{"rules absolute", "devzone: 1\nrules: /policy.yaml\ncases: []\n", []got{{rules.CodeScenariosRules, "s/scenarios.yaml:2:8", "rules"}}},
		{"no rules", "devzone: 1\ncases: []\n", []got{{rules.CodeYAMLMissingKey, "s/scenarios.yaml:1:1", "rules"}}},
		{"version", "devzone: 3\nrules: policy.yaml\ncases: []\n", []got{{rules.CodeFileVersion, "s/scenarios.yaml:1:10", "devzone"}}},
		{"cases not a list", "devzone: 1\nrules: policy.yaml\ncases: {}\n", []got{{rules.CodeYAMLWrongKind, "s/scenarios.yaml:3:8", "cases"}}},
		{"criteria without lifecycle", "devzone: 1\nrules: policy.yaml\ncases:\n  - {name: a, as_of: 2025-01-01, project: {}, expect: {criteria: {x: yes}, escalation: [a], findings: x}}\n", []got{
			{rules.CodeScenariosValue, "s/scenarios.yaml:4:70", "cases[0].expect.criteria.x"},
			{rules.CodeYAMLWrongKind, "s/scenarios.yaml:4:103", "cases[0].expect.findings"},
		}},
		{"ledger", "devzone: 1\nrules: policy.yaml\ncases:\n  - name: a\n    as_of: 2025-01-01\n    project: {}\n    expect: {}\n    ledger: [{kind: loan, earmark: x, amount: 1万圆, date: 2025-1-1}, {amount: 1万元}]\n", []got{
			{rules.CodeScenariosValue, "s/scenarios.yaml:8:21", "cases[0].ledger[0].kind"},
			{rules.CodeScenariosValue, "s/scenarios.yaml:8:36", "cases[0].ledger[0].earmark"},
			{rules.CodeScenariosValue, "s/scenarios.yaml:8:49", "cases[0].ledger[0].amount"},
			{rules.CodeScenariosValue, "s/scenarios.yaml:8:58", "cases[0].ledger[0].date"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"s/policy.yaml": {Data: policy}, "s/scenarios.yaml": {Data: []byte(tt.src)}}
			_, err := rules.LoadScenariosFS(fsys, "s/scenarios.yaml")
			if diff := cmp.Diff(tt.want, summarize(diagnostics(t, err))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := rules.ParseScenarios(nil, "s.yaml", []byte("devzone: 1\n")); err == nil {
		t.Error("no error without a rule set")
	}
	if _, err := rules.LoadScenariosFile("testdata/scenarios/no-such-file.yaml"); err == nil || !strings.Contains(err.Error(), "cannot be read") {
		t.Errorf("missing file: %v", err)
	}
}

// TestScenariosCheckConcurrently runs Check from several goroutines; run
// with -race.
func TestScenariosCheckConcurrently(t *testing.T) {
	s, err := rules.LoadScenariosFile("testdata/scenarios/scenarios.yaml")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int)
	for range 8 {
		go func() { done <- s.Check().Passed() }()
	}
	for range 8 {
		if n := <-done; n != 3 {
			t.Errorf("%d passed", n)
		}
	}
}

func TestMeasureCoverage(t *testing.T) {
	pass, err := rules.LoadScenariosFile("testdata/scenarios/scenarios.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fail, err := rules.LoadScenariosFile("testdata/scenarios/failing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cov := rules.MeasureCoverage(pass.Set, pass.Check(), fail.Check())
	if cov.Cases != 3 || cov.Failed != 4 {
		t.Errorf("%d cases counted, %d failed", cov.Cases, cov.Failed)
	}
	type row struct {
		Rule                          string
		Pass, Fail, Unknown, Asserted int
	}
	var rows []row
	for _, r := range cov.Rules {
		rows = append(rows, row{r.Rule.String(), r.Pass, r.Fail, r.Unknown, r.Asserted})
	}
	want := []row{
		{"condition:major_project", 1, 1, 1, 3},
		{"condition:service_team", 1, 1, 1, 3},
		{"condition:leased_factory", 1, 1, 1, 3},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
	if len(cov.Unexercised()) != 0 || len(cov.Uncovered()) != 0 {
		t.Errorf("unexercised %v, uncovered %v", cov.Unexercised(), cov.Uncovered())
	}
	// Without the cases that decide leased_factory both ways, it is
	// exercised one way only.
	one := &rules.Report{Cases: pass.Check().Cases[:1]}
	cov = rules.MeasureCoverage(pass.Set, one)
	if u := cov.Uncovered(); len(u) != 3 || len(cov.Unexercised()) != 0 {
		t.Errorf("uncovered %v", u)
	}
}
