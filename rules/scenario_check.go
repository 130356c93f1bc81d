package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Report is the outcome of checking the cases of one scenario file.
type Report struct {
	File  string // the scenario file
	Set   *Set   // the rule set the cases were checked against
	Cases []CaseResult
}

// Passed returns the number of cases that passed.
func (r *Report) Passed() int {
	n := 0
	for i := range r.Cases {
		if r.Cases[i].Passed() {
			n++
		}
	}
	return n
}

// Failed returns the number of cases that failed.
func (r *Report) Failed() int { return len(r.Cases) - r.Passed() }

// CaseResult is the outcome of one case: every expectation checked, in the
// order of the file, or the reason the case could not be evaluated.
type CaseResult struct {
	Name string
	Pos  Pos // where the case's name is written
	// Checks has one entry per expected value, passing or not.
	Checks []Check
	// Err is a *Diagnostic (code scenarios.not-evaluated, or
	// scenarios.ledger for a ledger entry refused) when the case could not
	// be evaluated, e.g. because as_of is before the rule set takes
	// effect; the case fails.
	Err error
	// Observation is what the rule set decided; nil when Err is set.
	Observation *Observation

	named []RuleKey // the rules the expectations name
}

// Passed reports whether the case was evaluated and every expectation
// holds.
func (c *CaseResult) Passed() bool { return c.Err == nil && len(c.Mismatches()) == 0 }

// Mismatches returns the checks that failed.
func (c *CaseResult) Mismatches() []Check {
	var out []Check
	for _, ch := range c.Checks {
		if !ch.OK() {
			out = append(out, ch)
		}
	}
	return out
}

// Check is one expected value compared with what the rule set decided.
type Check struct {
	Case string // the case's name
	// Key is the expectation's key below expect:, as written, e.g.
	// criteria.review-passed or deadlines.land-transfer.due.
	Key string
	Pos Pos // where the expected value is written
	// Want is the expected value and Got the actual one, both in the words
	// of a scenario file (met, running, 2025-07-22, 50万元, [letter]). When
	// the rule set lacks the section the key needs, Got says so in
	// parentheses, e.g. "(no lifecycle: section)".
	Want, Got string
	// Trace is the rule that decided Got: its id, label, citation and
	// position, and the explanation.
	Trace Trace
}

// OK reports whether the expectation holds.
func (c Check) OK() bool { return c.Want == c.Got }

// String returns "file:line:col: case "name": key: want X, got Y".
func (c Check) String() string {
	return fmt.Sprintf("%s: case %q: %s: want %s, got %s", c.Pos, c.Case, c.Key, c.Want, c.Got)
}

// Check evaluates every case and compares each expected value with the
// rule set's decision, by the rules of docs/scenarios.md: values are
// compared in their written form after normalising (50万元 equals
// 500000元, a status's Chinese label equals its identifier), lists of
// findings, missing items and refused awards regardless of order, the
// escalation steps in order. It never stops at the first failure.
//
// Check is a pure function of the Scenarios; it is safe to call from
// several goroutines.
func (s *Scenarios) Check() *Report {
	rep := &Report{File: s.File, Set: s.Set, Cases: make([]CaseResult, 0, len(s.Cases))}
	for _, c := range s.Cases {
		rep.Cases = append(rep.Cases, s.check(c))
	}
	return rep
}

func (s *Scenarios) check(c *Case) CaseResult {
	res := CaseResult{Name: c.Name, Pos: c.Pos}
	obs, err := s.Set.Observe(c.Project, c.AsOf, c.Ledger...)
	if err != nil {
		res.Err = s.notEvaluated(c, err)
		return res
	}
	res.Observation = obs
	values := make(map[string]*Observed, len(obs.Values))
	for i := range obs.Values {
		values[strings.Join(obs.Values[i].Path, "\x00")] = &obs.Values[i]
	}
	for _, e := range c.expects {
		ch := Check{Case: c.Name, Key: e.key, Pos: e.pos, Want: e.want}
		v, found := values[strings.Join(e.obs, "\x00")]
		switch {
		case !s.Set.hasSection(e.section):
			ch.Got = "(no " + e.section + ": section)"
			ch.Trace = Trace{Detail: s.missingSection(e.section, e.key)}
		case !found:
			ch.Got = "(not evaluated)"
			ch.Trace = Trace{Detail: "the rule set gives no value for " + e.key}
		default:
			ch.Got, ch.Trace = v.Text, v.Trace
		}
		res.Checks = append(res.Checks, ch)
		res.named = append(res.named, e.rules...)
	}
	return res
}

// missingSection explains why an expectation about section cannot be
// checked.
func (s *Scenarios) missingSection(section, key string) string {
	msg := fmt.Sprintf("the rule set %s has no %s: section, so %s cannot be checked", s.Set.ID(), section, key)
	if section == "budgets" && s.Set.incentives != nil {
		msg = fmt.Sprintf("the rule set %s has no budgets, so %s cannot be checked", s.Set.ID(), key)
	}
	if slices.Contains(s.Set.UncheckedSections(), section) {
		msg += fmt.Sprintf("; the file has a %s: section, but this version of devzone does not apply it yet (warning section.unchecked)", section)
	}
	return msg
}

// notEvaluated turns an evaluation error into a positioned diagnostic.
func (s *Scenarios) notEvaluated(c *Case, err error) *Diagnostic {
	d := &Diagnostic{Severity: SeverityError, Code: CodeScenariosEvaluate, Pos: c.Pos,
		Summary: fmt.Sprintf("case %q cannot be evaluated: %v", c.Name, err)}
	var le *LedgerError
	var nf *NotInForceError
	switch {
	case errors.As(err, &le):
		d.Code = CodeScenariosLedger
		if le.Index < len(c.ledgerPos) {
			d.Pos = c.ledgerPos[le.Index]
		}
		if errors.Is(err, ErrNoBudgets) {
			d.Detail = "A case's ledger: entries draw on the rule set's budgets; " + s.missingSection("budgets", "ledger") + "."
		}
	case errors.As(err, &nf):
		d.Pos = c.asOfPos
		d.Detail = fmt.Sprintf("Choose an as_of date on or after %s, when the rule set takes effect.", nf.Effective)
	}
	return d
}
