package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// FuzzParseScenarios feeds arbitrary text to ParseScenarios, as YAML and as
// JSON, against a rule set with every section. Properties: no panic; errors
// are Diagnostics inside the file and come without Scenarios; scenarios
// that parse can be checked and measured for coverage, and every check
// has a value.
func FuzzParseScenarios(f *testing.F) {
	names, _ := filepath.Glob("testdata/scenarios/*.yaml")
	for _, name := range names {
		if b, err := os.ReadFile(name); err == nil && strings.Contains(string(b), "cases:") {
			f.Add(b, false)
		}
	}
	f.Add([]byte(`{"devzone": 1, "rules": "p", "cases": [{"name": "a", "as_of": "2025-07-01", "project": {"land_mode": "transfer"},
	  "expect": {"stage": "none", "deadlines": {"land-transfer": "not_started"}, "budgets": {"balances": {"prephase-2025/relics": {"spent": "0"}}}}}]}`), true)
	set := withSections(f)
	f.Fuzz(func(t *testing.T, src []byte, asJSON bool) {
		name := "s.yaml"
		if asJSON {
			name = "s.json"
		}
		s, err := ParseScenarios(set, name, src)
		if err != nil {
			var ds Diagnostics
			if !errors.As(err, &ds) || s != nil || !ds.HasErrors() {
				t.Fatalf("error %T, scenarios %v", err, s != nil)
			}
			in := yamlnode.NewSource(src)
			for _, d := range ds {
				if d.Pos.IsValid() && (d.Pos.File != name || !in.Contains(yamlnode.Position{Line: d.Pos.Line, Col: d.Pos.Col})) {
					t.Errorf("%s at %s lies outside the file", d.Code, d.Pos)
				}
			}
			return
		}
		rep := s.Check()
		for _, c := range rep.Cases {
			for _, ch := range c.Checks {
				if ch.Got == "" || ch.Want == "" {
					t.Errorf("%s: %s has no value (want %q, got %q)", c.Name, ch.Key, ch.Want, ch.Got)
				}
			}
		}
		MeasureCoverage(set, rep)
	})
}
