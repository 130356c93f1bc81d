package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const jinzhongRules = "../../rules/testdata/incentives/jinzhong.yaml"

// TestBudget runs a finance officer's session against one ledger file:
// allocations, a repeat, an overspend, a reused id, a release, and the
// summary; each step's exit code, output and the file afterwards.
func TestBudget(t *testing.T) {
	ledger := filepath.Join(t.TempDir(), "ledger.jsonl")
	base := "--rules " + jinzhongRules + " --ledger " + ledger
	alloc := "budget allocate " + base + " --earmark prephase-2025/relics --date 2025-07-01 "
	steps := []struct {
		args     string
		wantCode int
		wantOut  []string // substrings of standard output
		wantErr  string   // substring of standard error
		lines    int      // lines in the ledger file afterwards
	}{
		{"budget --rules " + jinzhongRules, 0, []string{"prephase-2025 项目前期保障经费 2025年度 总额 2000万元", "relics 文物勘探发掘", "500万元", "未指定"}, "", 0},
		{alloc + "--id a-001 --project JZ-2025-001 --amount 80万元 --purpose 地块文物勘探", 0, []string{"已记录 a-001", "可用余额 420万元"}, "", 1},
		{alloc + "--id a-001 --project JZ-2025-001 --amount 80万元 --purpose 地块文物勘探", 0, []string{"已记录过"}, "", 1},
		{alloc + "--id a-002 --project JZ-2025-002 --amount 450万元", 1, nil, "would overspend earmark prephase-2025/relics (文物勘探发掘): amount 500万元, spent 80万元, available 420万元", 1},
		{alloc + "--id a-002 --project JZ-2025-002 --amount 420万元 --dry-run", 0, []string{"dry run", "可用余额 0元"}, "", 1},
		{alloc + "--id a-001 --project JZ-2025-002 --amount 50万元", 1, nil, "id a-001 is already used", 1},
		{alloc + "--id a-003 --project JZ-2025-002 --amount 50万元 --earmark prephase-2025/relic", 2, nil, `did you mean "prephase-2025/relics"?`, 1},
		{alloc + "--id a-003 --project JZ-2025-002 --amount 50万圆", 2, nil, "--amount", 1},
		{alloc + "--id a-003 --amount 50万元", 2, nil, "give --project", 1},
		{alloc + "--id a-003 --project P --amount 0元", 2, nil, "an allocation must be more than 0元", 1},
		{"budget release " + base + " --id r-001 --allocation a-001 --amount 5.5万元 --date 2025-09-01 --reason 结余退回", 0, []string{"已记录 r-001", "已使用 74.5万元"}, "", 2},
		{"budget release " + base + " --id r-002 --allocation a-001 --amount 80万元 --date 2025-09-02", 2, nil, "more than is outstanding", 2},
		{"budget release " + base + " --id r-002 --allocation a-009 --amount 1万元", 2, nil, `no allocation "a-009"`, 2},
		{"budget " + base, 0, []string{"relics 文物勘探发掘 500万元 80万元 5.5万元 0元 74.5万元 425.5万元 14.9%", "共 2 条记录"}, "", 2},
		{"budget " + base + " --as-of 2025-08-31", 0, []string{"relics 文物勘探发掘 500万元 80万元 0元 0元 80万元 420万元 16%", "截至 2025-08-31 共 1 条记录"}, "", 2},
		{"budget " + base + " --project JZ-2025-001", 0, []string{"r-001 2025-09-01 退回 prephase-2025/relics 5.5万元 结余退回"}, "", 2},
		{"budget --rules ../../rules/testdata/budgets-sum/rules.yaml", 2, nil, "has errors", 2},
		{"budget --rules ../../rules/testdata/incentives/jiaocheng.yaml", 2, nil, "declares no budgets", 2},
		{"budget --ledger " + ledger, 2, nil, "give the rule set with --rules", 2},
		{"budget frob", 2, nil, "unknown sub-command", 2},
	}
	for _, st := range steps {
		var out, errOut bytes.Buffer
		code := run(strings.Fields(st.args), &out, &errOut)
		if code != st.wantCode {
			t.Errorf("%s\nexit code = %d, want %d\nstdout: %s\nstderr: %s", st.args, code, st.wantCode, out.String(), errOut.String())
		}
		squashed := strings.Join(strings.Fields(out.String()), " ") // table columns are padded
		for _, w := range st.wantOut {
			if !strings.Contains(squashed, w) {
				t.Errorf("%s\nstdout lacks %q:\n%s", st.args, w, out.String())
			}
		}
		if st.wantErr != "" && !strings.Contains(errOut.String(), st.wantErr) {
			t.Errorf("%s\nstderr = %q, want it to mention %q", st.args, errOut.String(), st.wantErr)
		}
		if got := ledgerLines(t, ledger); len(got) != st.lines {
			t.Errorf("%s\nthe ledger has %d lines, want %d:\n%s", st.args, len(got), st.lines, strings.Join(got, "\n"))
		}
	}
	want := []string{
		`{"id":"a-001","kind":"allocation","date":"2025-07-01","budget":"prephase-2025","earmark":"relics","project":"JZ-2025-001","amount":"800000","purpose":"地块文物勘探"}`,
		`{"id":"r-001","kind":"release","date":"2025-09-01","budget":"prephase-2025","earmark":"relics","project":"JZ-2025-001","allocation":"a-001","amount":"55000","reason":"结余退回"}`,
	}
	if diff := cmp.Diff(want, ledgerLines(t, ledger)); diff != "" {
		t.Errorf("ledger file (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(ledger + ".lock"); err == nil {
		t.Error("the lock file was left behind")
	}
}

func ledgerLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(strings.TrimSpace(string(b)))
}

func TestBudgetJSON(t *testing.T) {
	ledger := filepath.Join(t.TempDir(), "ledger.jsonl")
	var out, errOut bytes.Buffer
	args := []string{"budget", "allocate", "--json", "--rules", jinzhongRules, "--ledger", ledger, "--id", "a-1",
		"--earmark", "prephase-2025/land-entry", "--project", "JZ-1", "--amount", "1.5亿元", "--date", "2025-07-01"}
	if code := run(args, &out, &errOut); code != 1 || out.Len() != 0 {
		t.Fatalf("1.5亿元 from a 1000万元 earmark: exit %d, want 1 (refused); stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	args[len(args)-3] = "300万元"
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rec struct {
		Written bool `json:"written"`
		Entry   struct {
			ID     string `json:"id"`
			Amount string `json:"amount"`
		} `json:"entry"`
		Balance map[string]string `json:"balance"`
	}
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !rec.Written || rec.Entry.ID != "a-1" || rec.Entry.Amount != "3000000" || rec.Balance["available"] != "7000000" {
		t.Errorf("allocate --json = %s", out.String())
	}

	out.Reset()
	if code := run([]string{"budget", "--json", "--rules", jinzhongRules, "--ledger", ledger}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var sum struct {
		Entries int `json:"entries"`
		Budgets []struct {
			ID       string `json:"id"`
			Total    string `json:"total"`
			Earmarks []struct {
				ID        string `json:"id"`
				Spent     string `json:"spent"`
				Available string `json:"available"`
			} `json:"earmarks"`
			Sum struct {
				Available string `json:"available"`
			} `json:"sum"`
		} `json:"budgets"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if sum.Entries != 1 || len(sum.Budgets) != 1 || sum.Budgets[0].Total != "20000000" ||
		sum.Budgets[0].Earmarks[0].Spent != "3000000" || sum.Budgets[0].Sum.Available != "17000000" {
		t.Errorf("budget --json = %s", out.String())
	}
}

// A ledger file with a bad line, or one that the rule set's earmarks cannot
// hold, is reported with its line number and never appended to; a lock
// left by another command stops a write.
func TestBudgetLedgerProblems(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, wantErr string
	}{
		{"malformed", "{\"id\":\"a-1\",\"kind\":\"allocation\",\"date\":\"2025-07-01\",\"budget\":\"prephase-2025\",\"earmark\":\"relics\",\"project\":\"P\",\"amount\":\"100\"}\nnot json\n", "ledger.jsonl:2: "},
		{"overspent", "{\"id\":\"a-1\",\"kind\":\"allocation\",\"date\":\"2025-07-01\",\"budget\":\"prephase-2025\",\"earmark\":\"relics\",\"project\":\"P\",\"amount\":\"6000000\"}\n", "ledger.jsonl:1: "},
		{"unknown earmark", "{\"id\":\"a-1\",\"kind\":\"allocation\",\"date\":\"2025-07-01\",\"budget\":\"prephase-2024\",\"earmark\":\"relics\",\"project\":\"P\",\"amount\":\"100\"}\n", "ledger.jsonl:1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ledger := filepath.Join(dir, tt.name, "ledger.jsonl")
			if err := os.MkdirAll(filepath.Dir(ledger), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ledger, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"budget", "--rules", jinzhongRules, "--ledger", ledger},
				{"budget", "allocate", "--rules", jinzhongRules, "--ledger", ledger, "--id", "a-2", "--earmark", "prephase-2025/relics", "--project", "P", "--amount", "1万元"},
			} {
				var out, errOut bytes.Buffer
				if code := run(args, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), tt.wantErr) {
					t.Errorf("%v: exit %d, stderr %q; want 2 and %q", args[:2], code, errOut.String(), tt.wantErr)
				}
			}
			if b, _ := os.ReadFile(ledger); string(b) != tt.content {
				t.Errorf("the ledger changed:\n%s", b)
			}
		})
	}

	ledger := filepath.Join(dir, "locked.jsonl")
	if err := os.WriteFile(ledger+".lock", []byte("pid 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	args := []string{"budget", "allocate", "--rules", jinzhongRules, "--ledger", ledger, "--id", "a-1", "--earmark", "prephase-2025/relics", "--project", "P", "--amount", "1万元"}
	if code := run(args, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "is being written by another devzone command") {
		t.Errorf("locked ledger: exit %d, stderr %q", code, errOut.String())
	}
	if _, err := os.Stat(ledger); err == nil {
		t.Error("a locked ledger was written")
	}

	// A ledger file whose last line lacks its line break is appended to
	// on a new line.
	ledger = filepath.Join(dir, "no-newline.jsonl")
	first := `{"id":"a-1","kind":"allocation","date":"2025-07-01","budget":"prephase-2025","earmark":"relics","project":"P","amount":"100"}`
	if err := os.WriteFile(ledger, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	args = []string{"budget", "allocate", "--rules", jinzhongRules, "--ledger", ledger, "--id", "a-2", "--earmark", "prephase-2025/relics", "--project", "P", "--amount", "1万元", "--date", "2025-07-02"}
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got := ledgerLines(t, ledger); len(got) != 2 || got[0] != first {
		t.Errorf("ledger lines = %q", got)
	}
}
