package ruletest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/rules"
)

// The scenarios of the rules package's tests pass when run as Go tests.
func TestRun(t *testing.T) {
	Run(t, "../testdata/scenarios/scenarios.yaml")
}

func TestRunFS(t *testing.T) {
	RunFS(t, os.DirFS("../testdata/scenarios"), "scenarios.yaml")
}

// fakeT records what run reports, to test failures without failing.
type fakeT struct {
	name           string
	errors, fatals []string
	subs           []*fakeT
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

func (f *fakeT) Run(name string, fn func(tb)) bool {
	sub := &fakeT{name: name}
	f.subs = append(f.subs, sub)
	fn(sub)
	return len(sub.errors) == 0 && len(sub.fatals) == 0
}

func TestRunReportsFailures(t *testing.T) {
	s, err := rules.LoadScenariosFile("../testdata/scenarios/failing.yaml")
	f := &fakeT{}
	run(f, s, err, os.ReadFile)
	if len(f.subs) != 4 || len(f.errors) != 0 || len(f.fatals) != 0 {
		t.Fatalf("%d subtests, errors %v, fatals %v", len(f.subs), f.errors, f.fatals)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"专班服务的行业条件写错了", []string{
			`failing.yaml:4:11: case "专班服务的行业条件写错了" (-want +got):`,
			`-|"conditions.service_team"|"true"`,
			`+|"conditions.service_team"|"false"`,
			`conditions.service_team (../testdata/scenarios/failing.yaml:8:55): want true, got false`,
			"  rule: service_team 专班服务",
			"  cite: 002_8f25cfe588d23415.txt 实行专班专属服务",
			"  at:   ../testdata/scenarios/policy.yaml:39:3",
			"  why:  major_project (true) and industry in leading_industries → false",
		}},
		{"生命周期还没有实现", []string{
			`+|"stage"|"(no lifecycle: section)"`,
			"why:  the rule set jinzhong-scenarios has no lifecycle: section, so stage cannot be checked",
		}},
		{"规则生效前无法评估", []string{
			"failing.yaml:21:12: case \"规则生效前无法评估\" cannot be evaluated: rule set jinzhong-scenarios takes effect on 2025-01-01",
			"Choose an as_of date on or after 2025-01-01",
		}},
		{"没有预算时不能记账", []string{"ledger entry 1 (ledger-1) is refused: the rule set has no budgets: section"}},
	}
	for i, tt := range tests {
		sub := f.subs[i]
		if sub.name != tt.name || len(sub.errors) != 1 {
			t.Errorf("subtest %d: %s with %d errors", i, sub.name, len(sub.errors))
			continue
		}
		for _, w := range tt.want {
			if !contains(sub.errors[0], w) {
				t.Errorf("%s: the failure lacks %q:\n%s", tt.name, w, sub.errors[0])
			}
		}
	}
}

// contains reports whether report contains want, or for want written
// "-|a|b", a line of the diff that starts with - and contains a and b (the
// diff's spacing is not stable).
func contains(report, want string) bool {
	parts := strings.Split(want, "|")
	if len(parts) == 1 {
		return strings.Contains(report, want)
	}
	for _, line := range strings.Split(report, "\n") {
		line = strings.TrimSpace(line)
		ok := strings.HasPrefix(line, parts[0])
		for _, p := range parts[1:] {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestRunReportsLoadErrors(t *testing.T) {
	s, err := rules.LoadScenariosFile("../testdata/scenarios/bad-scenarios.yaml")
	f := &fakeT{}
	run(f, s, err, os.ReadFile)
	if len(f.fatals) != 1 || len(f.subs) != 0 {
		t.Fatalf("fatals %v, %d subtests", f.fatals, len(f.subs))
	}
	for _, w := range []string{"the scenarios cannot be loaded", "bad-scenarios.yaml:5:12: error:", "as_of: 2025-13-01", "^", "[scenarios.value]"} {
		if !strings.Contains(f.fatals[0], w) {
			t.Errorf("the report lacks %q:\n%s", w, f.fatals[0])
		}
	}
}

func TestFailurePassed(t *testing.T) {
	if got := Failure(&rules.CaseResult{}); got != "" {
		t.Errorf("Failure(passed) = %q", got)
	}
}
