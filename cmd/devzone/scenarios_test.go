package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	scen     = "../../rules/testdata/scenarios/"
	policy   = scen + "policy.yaml"
	projects = scen + "projects.yaml"
)

type cliCase struct {
	args     string
	wantCode int
	wantOut  []string // substrings of standard output
	wantErr  string   // substring of standard error
}

func runCLI(t *testing.T, tests []cliCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(strings.Fields(tt.args), &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out.String(), errOut.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			if tt.wantErr != "" && !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr = %q, want it to mention %q", errOut.String(), tt.wantErr)
			}
		})
	}
}

func TestTestCommand(t *testing.T) {
	runCLI(t, []cliCase{
		{"test " + scen + "scenarios.yaml", 0, []string{"3 passed, 0 failed"}, ""},
		{"test -v " + scen + "scenarios.yaml", 0, []string{"ok   " + scen + "scenarios.yaml:4:11: 12亿元新能源汽车项目享受专班服务"}, ""},
		{"test testdata/scenarios", 0, []string{"1 passed, 0 failed"}, ""},
		{"test " + scen + "failing.yaml", 1, []string{
			"FAIL " + scen + "failing.yaml:4:11: 专班服务的行业条件写错了",
			"conditions.service_team (" + scen + "failing.yaml:8:55): want true, got false",
			"rule: service_team 专班服务",
			"cite: 002_8f25cfe588d23415.txt 实行专班专属服务",
			"at:   " + scen + "policy.yaml:39:3",
			"why:  major_project (true) and industry in leading_industries → false",
			"stage (" + scen + "failing.yaml:13:14): want signing, got (no lifecycle: section)",
			"0 passed, 4 failed",
		}, ""},
		{"test " + scen + "bad-scenarios.yaml", 1, []string{"bad-scenarios.yaml:5:12: error:", "[scenarios.value]", "1 of 1 scenario files could not be loaded", "0 passed, 0 failed"}, ""},
		{"test " + scen + "broken-rules.yaml", 1, []string{"broken-policy.yaml:4:42: error:", "[scenarios.rules]"}, ""},
		{"test no-such-folder", 2, nil, "no-such-folder cannot be read"},
		{"test testdata/empty", 2, nil, "no scenario files"},
		{"test", 2, nil, "give scenario files or folders"},
		{"test --frob x.yaml", 2, nil, "flag provided but not defined"},
	})
}

func TestCoverageCommand(t *testing.T) {
	runCLI(t, []cliCase{
		{"coverage --rules " + policy + " --scenarios " + scen + "scenarios.yaml", 0, []string{"3 rules: 3 covered, 0 one way only, 0 never exercised; 3 passing cases counted"}, ""},
		{"coverage --rules " + policy + " --all --scenarios " + scen + "scenarios.yaml", 0, []string{"rules (3):", "condition  major_project", "pass 1, fail 1, unknown 1, asserted 3"}, ""},
		{"coverage --rules " + policy + " --scenarios testdata/scenarios", 0, []string{"exercised one way only (3):", "major_project", "0 covered, 3 one way only, 0 never exercised"}, ""},
		{"coverage --strict --rules " + policy + " --scenarios testdata/scenarios", 1, []string{"exercised one way only (3):"}, ""},
		{"coverage --rules " + policy + " --scenarios " + scen + "failing.yaml", 1, []string{"never exercised (3):", "4 failing cases left out"}, ""},
		{"coverage --rules " + policy + " " + scen + "scenarios.yaml " + scen + "failing.yaml", 0, []string{"3 passing cases counted, 4 failing cases left out"}, ""},
		{"coverage --rules " + policy + " --scenarios " + scen + "bad-scenarios.yaml", 1, []string{"[scenarios.value]"}, ""},
		{"coverage --rules " + scen + "broken-policy.yaml --scenarios " + scen + "scenarios.yaml", 1, []string{"[expr.syntax]"}, ""},
		{"coverage --rules missing.yaml --scenarios " + scen + "scenarios.yaml", 2, nil, "cannot be read"},
		{"coverage --rules " + policy, 2, nil, "give --rules FILE and --scenarios"},
	})
}

func TestEvaluateCommand(t *testing.T) {
	base := "--rules " + policy + " --projects " + projects + " --as-of 2025-07-01"
	runCLI(t, []cliCase{
		{"evaluate " + base, 0, []string{"- name: JZ-2025-001 新能源汽车电驱系统项目", "as_of: 2025-07-01", "project: {id: JZ-2025-001,", "major_project: true", "leased_factory: true"}, ""},
		{"evaluate " + base + " --id JZ-2025-002", 0, []string{"- name: JZ-2025-002 科创企业研发中心"}, ""},
		{"evaluate --rules " + policy + " --projects " + scen + "projects.json --as-of 2025-07-01", 0, []string{"name: JZ-2025-002"}, ""},
		{"evaluate " + base + " --id JZ-9", 2, nil, `has no project with id "JZ-9"`},
		{"evaluate --rules " + policy + " --projects " + scen + "bad-projects.yaml --as-of 2025-07-01", 2, []string{"[projects.money]"}, ""},
		{"evaluate --rules " + policy + " --projects missing.yaml", 2, nil, "missing.yaml"},
		{"evaluate --rules " + policy + " --projects " + projects + " --as-of 2024-06-01", 2, nil, "takes effect on 2025-01-01"},
		{"evaluate " + base + " --as-of 2025-02-30", 2, nil, "no such day"},
		{"evaluate --rules " + policy, 2, nil, "give --rules FILE and --projects FILE"},
		{"evaluate " + base + " extra", 2, nil, "unexpected argument"},
		{"explain " + base + " --id JZ-2025-001", 0, []string{
			"JZ-2025-001 新能源汽车电驱系统项目 as of 2025-07-01, rule set jinzhong-scenarios",
			"conditions.service_team = true",
			"  rule: service_team 专班服务",
			"  cite: 002_8f25cfe588d23415.txt 实行专班专属服务",
			"  at:   " + policy + ":39:3",
			"  why:  major_project (true) and industry in leading_industries → true",
		}, ""},
		{"explain " + base, 2, nil, "give the project with --id"},
	})
}

func TestEvaluateJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(strings.Fields("evaluate --json --rules "+policy+" --projects "+projects+" --as-of 2025-07-01"), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var cases []struct {
		ID     string `json:"id"`
		AsOf   string `json:"as_of"`
		Expect struct {
			Conditions map[string]string `json:"conditions"`
		} `json:"expect"`
	}
	if err := json.Unmarshal(out.Bytes(), &cases); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(cases) != 3 || cases[1].ID != "JZ-2025-002" || cases[1].Expect.Conditions["leased_factory"] != "true" {
		t.Errorf("%+v", cases)
	}

	out.Reset()
	if code := run(strings.Fields("explain --json --id JZ-2025-001 --rules "+policy+" --projects "+projects+" --as-of 2025-07-01"), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var values []struct {
		Key, Value string
		Rule       struct{ ID, Label, Cite, Pos string }
		Why        string
	}
	if err := json.Unmarshal(out.Bytes(), &values); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(values) != 3 || values[1].Key != "conditions.service_team" || values[1].Rule.Label != "专班服务" || values[1].Rule.Pos != policy+":39:3" || values[1].Why == "" {
		t.Errorf("%+v", values)
	}
}

// TestEvaluateIntoScenarios pastes what evaluate prints into a scenario
// file: devzone test passes it.
func TestEvaluateIntoScenarios(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(policy)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "policy.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(strings.Fields("evaluate --rules "+policy+" --projects "+projects+" --as-of 2025-07-01"), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	file := filepath.Join(dir, "evaluated-scenarios.yaml")
	doc := "devzone: 1\nrules: policy.yaml\ncases:\n" + out.String()
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"test", dir}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "3 passed, 0 failed") {
		t.Errorf("exit %d:\n%s\n%s\n%s", code, out.String(), errOut.String(), doc)
	}
}
