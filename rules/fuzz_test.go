package rules_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// FuzzLoad feeds arbitrary text to the loader as a rule file that may extend
// a small baseline. Properties: no panic; errors are Diagnostics and come
// without a Set; every diagnostic position lies inside the file it names;
// a Set that loads can be evaluated.
func FuzzLoad(f *testing.F) {
	_ = filepath.WalkDir("testdata", func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".yaml") && !strings.Contains(path, "fuzz") {
			if b, err := os.ReadFile(path); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
	f.Add([]byte(evalRules))
	f.Add([]byte("devzone: 1\nid: x\nextends: base.yaml\nconditions:\n  c: {label: 条件, when: \"happened(signed) and\n    date(signed) + 30个工作日 > as_of\"}\n"))
	f.Add([]byte("devzone: 1\nid: x\nparameters:\n  p: {label: 甲, values: {2025-01-01: [1, 2], 2026-01-01: []}}\n"))
	f.Add([]byte("devzone: 1\nid: x\nextends: base.yaml\nevents:\n  lease_signed: {label: 租赁签约}\nlifecycle:\n  stages:\n    - {id: a, label: 甲, entry: signed}\n    - id: b\n      label: 乙\n      entry:\n        - {id: l, label: 租, when: \"land_mode == lease and level >= 2\", event: lease_signed}\n        - {id: c, label: 诺, event: review_passed}\n  transitions:\n    - {id: t, label: 转, from: a, to: b, requires: [{id: r, label: 审, when: \"investment >= threshold\"}], meeting: {id: m, label: 会, event: site_selected}}\n  deadlines:\n    - {id: d, label: 限, from_stage: b, within: 30个工作日, done: land_transferred, applies: \"land_mode == transfer\"}\n  escalation:\n    - {id: e1, label: 函, overdue: 5个工作日, stalled: 3个月}\n    - {id: e2, label: 谈, overdue: 10个工作日}\n  pause: {id: p, label: 停, start: construction_started, end: production_started}\n"))
	// Blank values that must not slip through the land: section's checks.
	f.Add([]byte("devzone: 1\nid: x\nland:\n  indicators:\n    - {id: a, label: 甲, unit: \" \", direction: \" \"}\n  standards:\n    - {id: s, label: 乙, industries: [\" \"], limits: {a: 1}}\n  acceptance: {id: r, label: 复核, event: signed, damages: [{id: d, label: 违约金, kind: \" \"}]}\n"))
	base := []byte("devzone: 1\nid: base\nparameters:\n  threshold: {label: 门槛, value: 10亿元}\nfacts:\n  level: {type: int, label: 等级}\n")
	landBase, _ := os.ReadFile("testdata/land/shanxi.yaml") // the baseline the land seeds extend
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"rules.yaml": {Data: src}, "base.yaml": {Data: base}, "shanxi.yaml": {Data: landBase}}
		set, err := rules.LoadFS(fsys, "rules.yaml")
		var ds rules.Diagnostics
		switch {
		case err == nil:
			if set == nil {
				t.Fatal("no Set and no error")
			}
			ds = set.Warnings()
		case errors.As(err, &ds):
			if set != nil {
				t.Fatal("a Set came with errors")
			}
			if !ds.HasErrors() {
				t.Fatal("an error without error diagnostics")
			}
		default:
			t.Fatalf("error of type %T", err)
		}
		sources := map[string]*yamlnode.Source{"rules.yaml": yamlnode.NewSource(src), "base.yaml": yamlnode.NewSource(base), "shanxi.yaml": yamlnode.NewSource(landBase)}
		for _, d := range ds {
			if d.Severity != rules.SeverityError && d.Severity != rules.SeverityWarning || d.Code == "" || d.Summary == "" {
				t.Errorf("malformed diagnostic %#v", d)
			}
			if d.Code == rules.CodeLandInvalid { // a land.New error the section's checks missed
				t.Errorf("%s: %s", d.Error(), d.Detail)
			}
			if !d.Pos.IsValid() {
				continue
			}
			s, ok := sources[d.Pos.File]
			if !ok {
				t.Errorf("%s names an unknown file", d.Pos)
				continue
			}
			if !s.Contains(yamlnode.Position{Line: d.Pos.Line, Col: d.Pos.Col}) {
				t.Errorf("%s: %s lies outside the file", d.Code, d.Pos)
			}
		}
		for _, d := range ds {
			if d.Code == rules.CodeLifecycleInvalid {
				t.Errorf("the lifecycle model refused a lifecycle the compiler accepted: %s", d.Detail)
			}
		}
		if set != nil {
			if _, err := set.Evaluate(&zone.Project{}, d("2025-06-01")); err != nil && !errors.Is(err, rules.ErrNotInForce) {
				t.Errorf("Evaluate(empty project) = %v", err)
			}
		}
	})
}
