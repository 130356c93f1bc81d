package rules_test

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules"
)

// A projects file is read against the rule set it is written for: its
// declared facts (tech_level) are typed and checked, and the projects
// evaluate with it.
func ExampleParseProjects() {
	set, err := rules.LoadFile("testdata/scenarios/policy.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	src := []byte(`devzone: 1
projects:
  - id: JZ-2025-007
    investment: 12亿元
    industry: 新能源汽车
    land_mode: 出让
    tech_level: 3
    events: {signed: 2025-03-18}
`)
	ps, err := rules.ParseProjects(set, "projects.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := ps[0]
	fmt.Println(p.ID, p.Investment, p.LandMode, p.Attributes["tech_level"], p.Events["signed"])
	r, _ := set.Evaluate(p, calendar.MustParseDate("2025-07-01"))
	fmt.Println(r.Conditions[1].Ref.Label, r.Conditions[1].Explanation.Truth.Label())

	_, err = rules.ParseProjects(set, "projects.yaml", []byte("devzone: 1\nprojects:\n  - {id: A, investment: 12亿圆, tech_levle: 3}\n"))
	fmt.Println(err)
	// Output:
	// JZ-2025-007 1200000000 transfer 3 2025-03-18
	// 专班服务 满足
	// projects.yaml:3:28: "12亿圆" is not a valid amount of money
	// projects.yaml:3:31: unknown fact "tech_levle" in projects[0]
}

// MarshalProjects writes projects back as a projects file; reading it
// gives the same projects.
func ExampleMarshalProjects() {
	set, _ := rules.LoadFile("testdata/scenarios/policy.yaml")
	ps, err := rules.ParseProjects(set, "p.json", []byte(`{"devzone": 1, "projects": [
	  {"id": "JZ-2025-002", "investment": 80000000, "kind": "科技项目", "products": ["检测设备", "试剂"],
	   "events": {"review_passed": "2025-05-20", "signed": "2025-05-06"}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := rules.MarshalProjects(set, ps)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// devzone: 1
	// projects:
	//   - id: JZ-2025-002
	//     investment: 8000万元
	//     kind: tech
	//     products: [检测设备, 试剂]
	//     events: {signed: 2025-05-06, review_passed: 2025-05-20}
}

// A scenario file names its rule set; LoadScenariosFile loads both, and
// Check compares every expectation, reporting each failure with the trace
// of the rule that decided it.
func ExampleLoadScenariosFile() {
	s, err := rules.LoadScenariosFile("testdata/scenarios/failing.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := s.Check()
	fmt.Printf("%d passed, %d failed\n", rep.Passed(), rep.Failed())
	c := rep.Cases[0]
	for _, m := range c.Mismatches() {
		fmt.Println(m)
		fmt.Println(m.Trace)
	}
	// Output:
	// 0 passed, 4 failed
	// testdata/scenarios/failing.yaml:8:55: case "专班服务的行业条件写错了": conditions.service_team: want true, got false
	// rule: service_team 专班服务
	// cite: 002_8f25cfe588d23415.txt 实行专班专属服务
	// at:   testdata/scenarios/policy.yaml:39:3
	// why:  major_project (true) and industry in leading_industries → false
	//         industry (生物医药) in leading_industries ([新能源汽车, 装备制造, 信息创新]) → false
}

// Observe says what a rule set decides for a project, keyed as a
// scenario's expect: is; written as YAML it can be pasted into a scenario.
func ExampleSet_Observe() {
	set, _ := rules.LoadFile("testdata/scenarios/policy.yaml")
	ps, _ := rules.LoadProjectsFile(set, "testdata/scenarios/projects.yaml")
	obs, err := set.Observe(ps[1], calendar.MustParseDate("2025-07-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := yaml.NewEncoder(os.Stdout)
	enc.SetIndent(2)
	_ = enc.Encode(map[string]any{"expect": obs})
	fmt.Println(obs.Values[0].Trace.Ref.Label, obs.Values[0].Trace.Detail)
	// Output:
	// expect:
	//   conditions:
	//     major_project: false
	//     service_team: false
	//     leased_factory: true
	// 重大项目 investment (8000万元) >= major_project_threshold (10亿元) → false
}

// MeasureCoverage counts, over the passing cases, which rules were seen
// passing and failing.
func ExampleMeasureCoverage() {
	s, err := rules.LoadScenariosFile("testdata/scenarios/scenarios.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	cov := rules.MeasureCoverage(s.Set, s.Check())
	for _, r := range cov.Rules {
		fmt.Printf("%-24s pass %d, fail %d, unknown %d, asserted %d, covered %v\n", r.Rule, r.Pass, r.Fail, r.Unknown, r.Asserted, r.Covered())
	}
	// Output:
	// condition:major_project  pass 1, fail 1, unknown 1, asserted 3, covered true
	// condition:service_team   pass 1, fail 1, unknown 1, asserted 3, covered true
	// condition:leased_factory pass 1, fail 1, unknown 1, asserted 3, covered true
}
