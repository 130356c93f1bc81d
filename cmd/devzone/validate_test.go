package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestValidate(t *testing.T) {
	runCLI(t, []cliCase{
		{"validate ../../rules/testdata/examples/jinzhong/rules.yaml", 0, []string{"1 files, 0 errors, 0 warnings"}, ""},
		{"validate ../../rules/testdata/unknown-key/rules.yaml", 1, []string{"rules.yaml:3:1: error:", "tilte", "^", "Did you mean \"title\"?"}, ""},
		{"validate testdata/warn-only.yaml", 0, []string{"warning"}, ""},
		{"validate --strict testdata/warn-only.yaml", 1, []string{"warning"}, ""},
		{"validate no-such-file.yaml", 2, []string{"cannot be read"}, ""},
		{"validate", 2, nil, ""},
	})
}

func TestValidateJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", "--json", "../../rules/testdata/unknown-key/rules.yaml"}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var got struct {
		Diagnostics []struct {
			Code string `json:"code"`
			Pos  struct{ Line, Col int }
			Path string `json:"path"`
		} `json:"diagnostics"`
		Errors int `json:"errors"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got.Errors != 2 || got.Diagnostics[0].Code != "yaml.unknown-key" || got.Diagnostics[0].Pos.Line != 3 || got.Diagnostics[0].Path != "tilte" {
		t.Errorf("unexpected JSON: %+v", got)
	}
}
