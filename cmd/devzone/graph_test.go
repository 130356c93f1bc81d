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
			var out, errOut bytes.Buffer
			code := run(strings.Fields(tt.args), &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out.String(), errOut.String())
			}
			if !strings.HasPrefix(out.String(), tt.wantOut) || !strings.Contains(out.String(), tt.wantInOut) {
				t.Errorf("stdout = %q, want it to start with %q and contain %q", out.String(), tt.wantOut, tt.wantInOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr = %q, want it to mention %q", errOut.String(), tt.wantErr)
			}
			if tt.wantCode != 0 && out.Len() > 0 {
				t.Errorf("a failed graph printed a diagram: %q", out.String())
			}
		})
	}
}
