package examples_test

import (
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/rules/ruletest"
)

// zones are the example zone folders; each extends shanxi/baseline.yaml.
var zones = []string{"jinzhong", "lvliang", "jiaocheng", "yuncheng"}

// TestRuleSetsClean loads the baseline and every zone's rule set: each must
// compile with no error and no warning.
func TestRuleSetsClean(t *testing.T) {
	paths := []string{"shanxi/baseline.yaml"}
	for _, z := range zones {
		paths = append(paths, z+"/policy.yaml")
	}
	for _, path := range paths {
		set, err := rules.LoadFS(examples.FS, path)
		if err != nil {
			t.Errorf("%s:\n%v", path, err)
			continue
		}
		if w := set.Warnings(); len(w) > 0 {
			t.Errorf("%s has warnings:\n%v", path, w)
		}
		if set.Source() == "" {
			t.Errorf("%s does not cite its source document (source:)", path)
		}
	}
}

// TestScenarios runs every zone's scenario file.
func TestScenarios(t *testing.T) {
	for _, z := range zones {
		t.Run(z, func(t *testing.T) {
			ruletest.RunFS(t, examples.FS, z+"/scenarios.yaml")
		})
	}
}

// TestScenarioCoverage checks that every rule of every zone's rule set is
// exercised by the zone's passing scenarios both ways (met and unmet) where
// it can go either way.
func TestScenarioCoverage(t *testing.T) {
	for _, z := range zones {
		sc, err := rules.LoadScenariosFS(examples.FS, z+"/scenarios.yaml")
		if err != nil {
			t.Fatalf("%s: %v", z, err)
		}
		cov := rules.MeasureCoverage(sc.Set, sc.Check())
		for _, r := range cov.Uncovered() {
			t.Errorf("%s: rule %s %s (%s, %s) is not covered by a passing scenario: pass %d, fail %d, unknown %d", z, r.Rule.Kind, r.Rule.ID, r.Ref.Label, r.Ref.Pos, r.Pass, r.Fail, r.Unknown)
		}
		if cov.Cases < 12 {
			t.Errorf("%s: %d passing cases, want at least 12", z, cov.Cases)
		}
	}
}

// TestProjects loads every zone's projects and evaluates each of them
// under the zone's rule set as of a fixed date: at least 30 projects, none
// rejected.
func TestProjects(t *testing.T) {
	asOf := calendar.MustParseDate("2026-11-23")
	for _, z := range zones {
		set, err := rules.LoadFS(examples.FS, z+"/policy.yaml")
		if err != nil {
			t.Fatalf("%s: %v", z, err)
		}
		ps, err := rules.LoadProjectsFS(set, examples.FS, z+"/projects.yaml")
		if err != nil {
			t.Fatalf("%s: %v", z, err)
		}
		if len(ps) < 30 {
			t.Errorf("%s: %d projects, want at least 30", z, len(ps))
		}
		for _, p := range ps {
			if _, err := set.Evaluate(p, asOf); err != nil {
				t.Errorf("%s: project %s: %v", z, p.ID, err)
			}
		}
		if _, err := set.Portfolio(ps, asOf); err != nil {
			t.Errorf("%s: portfolio: %v", z, err)
		}
	}
}
