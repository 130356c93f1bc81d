package rules

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func loadSections(t *testing.T) (*Set, *Scenarios) {
	t.Helper()
	set := withSections(t)
	src, err := os.ReadFile("testdata/scenarios/sections.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseScenarios(set, "testdata/scenarios/sections.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return set, s
}

// TestScenarioSections checks expectations about every section against a
// rule set whose sections are built in Go: every case of sections.yaml
// passes.
func TestScenarioSections(t *testing.T) {
	_, s := loadSections(t)
	rep := s.Check()
	if rep.Failed() != 0 || rep.Passed() != len(s.Cases) {
		for _, c := range rep.Cases {
			if c.Err != nil {
				t.Errorf("%s: %v", c.Name, c.Err)
			}
			for _, m := range c.Mismatches() {
				t.Errorf("%s\n%s", m, m.Trace)
			}
		}
	}
	if got := len(rep.Cases[0].Checks); got != 31 {
		t.Errorf("the first case checks %d values, want 31", got)
	}
}

// TestScenarioSectionsMismatch changes expected values and checks what a
// failure reports: the key as written, both values, and the trace of the
// deciding rule.
func TestScenarioSectionsMismatch(t *testing.T) {
	set := withSections(t)
	src := `devzone: 1
rules: policy.yaml
cases:
  - name: 错误的期望
    as_of: 2025-08-20
    project:
      id: JZ-2025-001
      land_mode: transfer
      investment: 12亿元
      industry: 新能源汽车
      committed_investment_intensity: 250万元/亩
      events: {signed: 2025-06-02, review_passed: 2025-06-10}
    expect:
      stage: landing
      criteria: {review-passed: unmet}
      deadlines: {land-transfer: {status: running, due: 2025-07-23}}
      escalation: [letter]
      incentives: {dedicated-team: ineligible}
      land: {indicators: {investment_intensity: pass}}
      budgets: {refused: [relic-survey-subsidy]}
`
	s, err := ParseScenarios(set, "wrong.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Check()
	type mismatch struct{ Key, Pos, Want, Got, Rule, Cite string }
	var got []mismatch
	for _, m := range rep.Cases[0].Mismatches() {
		got = append(got, mismatch{m.Key, m.Pos.String(), m.Want, m.Got, m.Trace.Ref.ID, m.Trace.Ref.Cite})
		if m.Trace.Detail == "" {
			t.Errorf("%s: no explanation in the trace", m.Key)
		}
	}
	cite := "002_8f25cfe588d23415.txt"
	want := []mismatch{
		{"stage", "wrong.yaml:14:14", "landing", "signing", "signing", cite},
		{"criteria.review-passed", "wrong.yaml:15:33", "unmet", "met", "review-passed", cite},
		{"deadlines.land-transfer.status", "wrong.yaml:16:43", "running", "overdue", "land-transfer", cite},
		{"deadlines.land-transfer.due", "wrong.yaml:16:57", "2025-07-23", "2025-07-22", "land-transfer", cite},
		{"escalation", "wrong.yaml:17:19", "[letter]", "[letter, interview]", "interview", cite},
		{"incentives.dedicated-team", "wrong.yaml:18:36", "ineligible", "awarded", "dedicated-team", cite},
		{"land.indicators.investment_intensity", "wrong.yaml:19:49", "pass", "fail", "general", cite},
		{"budgets.refused", "wrong.yaml:20:26", "[relic-survey-subsidy]", "[]", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatches (-want +got):\n%s", diff)
	}
	tr := rep.Cases[0].Mismatches()[1].Trace.String()
	for _, w := range []string{"rule: review-passed 项目审议通过", "cite: 002_8f25cfe588d23415.txt", "at:   sections.yaml:", "why:  happened(review_passed)"} {
		if !strings.Contains(tr, w) {
			t.Errorf("trace lacks %q:\n%s", w, tr)
		}
	}
}

// TestScenarioSectionIDs checks that ids the rule set does not have are
// diagnostics at the id, for every kind of id.
func TestScenarioSectionIDs(t *testing.T) {
	set := withSections(t)
	src := `devzone: 1
rules: policy.yaml
cases:
  - name: 不存在的编号
    as_of: 2025-07-01
    project: {id: X}
    ledger:
      - {earmark: prephase-2025/relic, amount: 10万元}
      - {earmark: relics, amount: 10万元}
      - {earmark: prephase-2025/relics, amount: 600万元, project: Y}
      - {kind: release, allocation: nothing, amount: 1万元}
    expect:
      stage: sigining
      criteria: {site-selected: met, review-passd: met, landing-to-construction/land-ready: met}
      deadlines: {land-transfr: running}
      escalation: [leter]
      incentives: {dedicated-teem: awarded}
      land:
        indicators: {investment_intensty: pass}
        missing: [minerals]
        acceptance: {indicators: {plot_ratoi: pass}}
      budgets:
        balances: {prephase-2025/relic: {spent: 0元}}
        refused: [relic-subsidy]
`
	_, err := ParseScenarios(set, "ids.yaml", []byte(src))
	var ds Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("error %v, want Diagnostics", err)
	}
	type diag struct{ Code, Pos, Path string }
	var got []diag
	for _, d := range ds {
		got = append(got, diag{d.Code, d.Pos.String(), d.Path})
	}
	want := []diag{
		{CodeScenariosUnknownID, "ids.yaml:8:19", "cases[0].ledger[0].earmark"},
		{CodeScenariosValue, "ids.yaml:9:19", "cases[0].ledger[1].earmark"},
		{CodeScenariosLedger, "ids.yaml:10:9", "cases[0].ledger[2]"},
		{CodeScenariosLedger, "ids.yaml:11:9", "cases[0].ledger[3]"},
		{CodeScenariosUnknownID, "ids.yaml:13:14", "cases[0].expect.stage"},
		{CodeScenariosAmbiguous, "ids.yaml:14:18", "cases[0].expect.criteria.site-selected"},
		{CodeScenariosUnknownID, "ids.yaml:14:38", "cases[0].expect.criteria.review-passd"},
		{CodeScenariosUnknownID, "ids.yaml:15:19", "cases[0].expect.deadlines.land-transfr"},
		{CodeScenariosUnknownID, "ids.yaml:16:20", "cases[0].expect.escalation[0]"},
		{CodeScenariosUnknownID, "ids.yaml:17:20", "cases[0].expect.incentives.dedicated-teem"},
		{CodeScenariosUnknownID, "ids.yaml:19:22", "cases[0].expect.land.indicators.investment_intensty"},
		{CodeScenariosUnknownID, "ids.yaml:20:19", "cases[0].expect.land.missing[0]"},
		{CodeScenariosUnknownID, "ids.yaml:21:35", "cases[0].expect.land.acceptance.indicators.plot_ratoi"},
		{CodeScenariosUnknownID, "ids.yaml:23:20", "cases[0].expect.budgets.balances[prephase-2025/relic]"},
		{CodeScenariosUnknownID, "ids.yaml:24:19", "cases[0].expect.budgets.refused[0]"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	for _, d := range ds {
		if d.Code == CodeScenariosUnknownID && d.Path == "cases[0].expect.stage" && !strings.Contains(d.Detail, `Did you mean "signing"?`) {
			t.Errorf("no suggestion: %s", d.Detail)
		}
	}
}

// TestObservationAsExpect writes what the rule set decides for each case
// as an expect: mapping, in YAML and in JSON, and checks that a scenario
// expecting exactly that passes: evaluate's output can be pasted into a
// scenario file.
func TestObservationAsExpect(t *testing.T) {
	set, s := loadSections(t)
	for _, c := range s.Check().Cases {
		obs := c.Observation
		out, err := yaml.Marshal(map[string]any{"devzone": 1, "rules": "policy.yaml", "cases": []any{map[string]any{
			"name": c.Name, "as_of": obs.AsOf.String(), "project": map[string]any{}, "expect": obs,
		}}})
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseScenarios(set, "again.yaml", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		// The same project, not the empty one written above.
		again.Cases[0].Project = obs.Project
		again.Cases[0].Ledger = s.Cases[0].Ledger[:0]
		if c.Name == s.Cases[1].Name {
			again.Cases[0].Ledger = s.Cases[1].Ledger
		}
		rep := again.Check()
		if rep.Failed() != 0 {
			t.Errorf("%s: the observation does not pass as an expectation:\n%s", c.Name, out)
			for _, m := range rep.Cases[0].Mismatches() {
				t.Errorf("  %s", m)
			}
		}
		if n := len(again.Cases[0].expects); n < 20 {
			t.Errorf("%s: only %d values written", c.Name, n)
		}

		js, err := json.Marshal(obs)
		if err != nil {
			t.Fatal(err)
		}
		doc := `{"devzone": 1, "rules": "policy.yaml", "cases": [{"name": "json", "as_of": "` + obs.AsOf.String() + `", "project": {}, "expect": ` + string(js) + `}]}`
		if _, err := ParseScenarios(set, "again.json", []byte(doc)); err != nil {
			t.Errorf("%s: JSON expect does not parse: %v\n%s", c.Name, err, js)
		}
	}
}

// TestCoverageSections measures coverage over sections.yaml.
func TestCoverageSections(t *testing.T) {
	set, s := loadSections(t)
	cov := MeasureCoverage(set, s.Check())
	if cov.Cases != 5 || cov.Failed != 0 {
		t.Fatalf("cases %d failed %d", cov.Cases, cov.Failed)
	}
	type row struct {
		Rule                          string
		TwoWay                        bool
		Pass, Fail, Unknown, Asserted int
	}
	got := map[string]row{}
	for _, r := range cov.Rules {
		got[r.Rule.String()] = row{r.Rule.String(), r.TwoWay, r.Pass, r.Fail, r.Unknown, r.Asserted}
	}
	for _, want := range []row{
		{"condition:service_team", true, 2, 1, 2, 2},
		{"stage:signing", false, 2, 0, 0, 2},
		{"stage:construction", false, 2, 3, 0, 2},
		{"criterion:signing-to-landing/review-passed", true, 4, 1, 0, 1},
		{"meeting:signing-to-landing/landing-meeting", true, 3, 2, 0, 2},
		{"deadline:land-transfer", true, 1, 1, 1, 4},
		{"step:letter", false, 1, 4, 0, 1},
		{"programme:relic-survey-subsidy", true, 2, 0, 3, 3},
		{"land:standard-land", false, 3, 1, 1, 3},
		{"standard:general", true, 1, 1, 1, 0},
		{"prerequisite:geohazard", true, 0, 2, 0, 1},
		{"acceptance:capacity-review", true, 0, 1, 0, 2},
		{"earmark:prephase-2025/relics", false, 1, 1, 0, 3},
		{"earmark:prephase-2025/land-entry", false, 0, 0, 0, 1},
		{"budget:prephase-2025", false, 1, 0, 0, 0},
	} {
		if diff := cmp.Diff(want, got[want.Rule]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", want.Rule, diff)
		}
	}
	var never []string
	for _, r := range cov.Unexercised() {
		never = append(never, r.Rule.String())
	}
	// No award draws on the other earmarks. (Indicators no standard limits
	// are not rules coverage counts: nothing can exercise them.)
	want := []string{
		"earmark:prephase-2025/land-entry", "earmark:prephase-2025/special-infrastructure",
	}
	if diff := cmp.Diff(want, never); diff != "" {
		t.Errorf("unexercised (-want +got):\n%s", diff)
	}
	if n := len(cov.Uncovered()); n == 0 || n >= len(cov.Rules) {
		t.Errorf("%d of %d rules uncovered", n, len(cov.Rules))
	}
}

// TestScenarioSectionsConcurrently checks every section's cases from
// several goroutines at once; run with -race.
func TestScenarioSectionsConcurrently(t *testing.T) {
	_, s := loadSections(t)
	done := make(chan int)
	for range 4 {
		go func() { done <- s.Check().Failed() }()
	}
	for range 4 {
		if n := <-done; n != 0 {
			t.Errorf("%d cases failed", n)
		}
	}
}
