// Package ruletest runs the scenario files of a devzone rule set as Go
// tests. A zone system keeps its rule set, its scenarios and one test
// function side by side:
//
//	func TestPolicy(t *testing.T) {
//		ruletest.Run(t, "policy/scenarios.yaml")
//	}
//
// Run loads the scenario file and the rule set its rules: names, and runs
// each case as a subtest named after the case. A failing case reports where
// it is written, a go-cmp diff of the expected and actual values (-want
// +got), and for each value that differs the trace of the rule that decided
// it: its id and Chinese label, the policy clause it cites, where it is
// written in the rule file, and the explanation. The scenario format is
// described in docs/scenarios.md; the same files run from the command line
// with devzone test.
package ruletest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/rules"
)

// Run loads the scenario file at path ([rules.LoadScenariosFile]) and runs
// each of its cases as a subtest of t. Problems in the scenario file or in
// the rule set stop the test (t.Fatal) with every diagnostic, each shown
// with its source line.
func Run(t *testing.T, path string) {
	t.Helper()
	s, err := rules.LoadScenariosFile(path)
	run(tWrap{t}, s, err, os.ReadFile)
}

// RunFS is [Run] for a scenario file in fsys, such as an embed.FS holding
// a zone's rule sets ([rules.LoadScenariosFS]).
func RunFS(t *testing.T, fsys fs.FS, path string) {
	t.Helper()
	s, err := rules.LoadScenariosFS(fsys, path)
	run(tWrap{t}, s, err, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
}

// tb is the part of *testing.T that run uses, so that tests can watch it.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Run(name string, f func(tb)) bool
}

type tWrap struct{ *testing.T }

func (t tWrap) Run(name string, f func(tb)) bool {
	return t.T.Run(name, func(t *testing.T) { f(tWrap{t}) })
}

func run(t tb, s *rules.Scenarios, err error, readFile func(string) ([]byte, error)) {
	t.Helper()
	if err != nil {
		var b bytes.Buffer
		var ds rules.Diagnostics
		if errors.As(err, &ds) {
			_ = ds.WriteText(&b, readFile)
		} else {
			b.WriteString(err.Error())
		}
		t.Fatalf("the scenarios cannot be loaded:\n%s", b.String())
		return
	}
	rep := s.Check()
	for i := range rep.Cases {
		c := &rep.Cases[i]
		t.Run(c.Name, func(t tb) {
			t.Helper()
			if msg := Failure(c); msg != "" {
				t.Errorf("%s", msg)
			}
		})
	}
}

// Failure describes a failing case for a test log: where the case is, a
// go-cmp diff of the expected and actual values (-want +got) over every
// key the case checks, and the trace of each value that differs. It
// returns "" for a case that passed.
func Failure(c *rules.CaseResult) string {
	if c.Passed() {
		return ""
	}
	var b strings.Builder
	if c.Err != nil {
		fmt.Fprintf(&b, "%s\n", c.Err)
		var d *rules.Diagnostic
		if errors.As(c.Err, &d) && d.Detail != "" {
			fmt.Fprintf(&b, "%s\n", d.Detail)
		}
		return b.String()
	}
	want := make(map[string]string, len(c.Checks))
	got := make(map[string]string, len(c.Checks))
	for _, ch := range c.Checks {
		want[ch.Key], got[ch.Key] = ch.Want, ch.Got
	}
	fmt.Fprintf(&b, "%s: case %q (-want +got):\n%s", c.Pos, c.Name, cmp.Diff(want, got))
	for _, ch := range c.Mismatches() {
		fmt.Fprintf(&b, "\n%s (%s): want %s, got %s\n", ch.Key, ch.Pos, ch.Want, ch.Got)
		if tr := ch.Trace.String(); tr != "" {
			b.WriteString("  " + strings.ReplaceAll(tr, "\n", "\n  ") + "\n")
		}
	}
	return b.String()
}
