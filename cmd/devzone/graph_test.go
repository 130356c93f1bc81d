package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestGraph(t *testing.T) {
	const jinzhong = "../../rules/testdata/lifecycle/jinzhong.yaml"
	tests := []struct {
		args      string
		wantCode  int
		wantOut   string // prefix of standard output
		wantInOut string // substring of standard output
		wantErr   string // substring of standard error
	}{
		{"graph --rules " + jinzhong, 0, "flowchart LR\n", `s0["招商签约<br/>signed"]`, ""},
		{"graph --rules " + jinzhong + " --format mermaid", 0, "flowchart LR\n", "subgraph 督办", ""},
		{"graph --format dot --rules " + jinzhong, 0, "digraph lifecycle {", `s1 -> s2 [label="土地出让完成或租赁厂房、环评批复、重大项目专班已组建"]`, ""},
		{"graph --rules ../../rules/testdata/lifecycle-events/rules.yaml", 1, "", "", "[lifecycle.unknown-event]"},
		{"graph --rules ../../rules/testdata/examples/jinzhong/rules.yaml", 2, "", "", "has no lifecycle: section"},
		{"graph --rules no-such-file.yaml", 2, "", "", "cannot be read"},
		{"graph --rules " + jinzhong + " --format svg", 2, "", "", `unknown format "svg"`},
		{"graph " + jinzhong, 2, "", "", "give the rule file with --rules FILE"},
		{"graph", 2, "", "", "give the rule file with --rules FILE"},
		{"graph --rules", 2, "", "", "flag needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := result{run(strings.Fields(tt.args), &stdout, &stderr), stdout.String(), stderr.String()}
			switch {
			case got.code != tt.wantCode:
				t.Errorf("exit code = %d, want %d\n%s", got.code, tt.wantCode, got)
			case !strings.HasPrefix(got.stdout, tt.wantOut), !strings.Contains(got.stdout, tt.wantInOut):
				t.Errorf("standard output should start with %q and contain %q\n%s", tt.wantOut, tt.wantInOut, got)
			case !strings.Contains(got.stderr, tt.wantErr):
				t.Errorf("standard error should mention %q\n%s", tt.wantErr, got)
			case tt.wantCode != 0 && got.stdout != "":
				t.Errorf("a failed graph printed a diagram\n%s", got)
			}
		})
	}
}

// result is what one run of the command gave.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return "stdout: " + r.stdout + "\nstderr: " + r.stderr
}
