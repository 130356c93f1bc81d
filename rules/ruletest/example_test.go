package ruletest_test

import (
	"os"
	"testing"

	"github.com/devzone-go/devzone/rules/ruletest"
)

// A zone system tests its rule set with one test function beside it. Every
// case of the scenario file becomes a subtest named after the case; a
// failing case shows a diff of the expected and actual values and the
// trace of the rule that decided each value that differs:
//
//	--- FAIL: TestPolicy/专班服务的行业条件写错了
//	    failing.yaml:5:11: case "专班服务的行业条件写错了" (-want +got):
//	      map[string]string{
//	    - 	"conditions.service_team": "true",
//	    + 	"conditions.service_team": "false",
//	      	... // 1 identical entry
//	      }
//	    conditions.service_team (failing.yaml:8:55): want true, got false
//	      rule: service_team 专班服务
//	      cite: 002_8f25cfe588d23415.txt 实行专班专属服务
//	      at:   policy.yaml:39:3
//	      why:  major_project (true) and industry in leading_industries → false
func ExampleRun() {
	// In a _test.go file: func TestPolicy(t *testing.T) { … }
	var t *testing.T // the test's *testing.T
	ruletest.Run(t, "testdata/scenarios.yaml")
}

// Rule sets embedded in the program (an embed.FS) are tested where they
// live; the scenario file's rules: is resolved inside the file system.
func ExampleRunFS() {
	var t *testing.T // the test's *testing.T
	ruletest.RunFS(t, os.DirFS("zones"), "jinzhong/scenarios.yaml")
}
