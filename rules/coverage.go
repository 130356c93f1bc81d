package rules

import (
	"github.com/devzone-go/devzone/zone"
)

// Coverage says which rules of a rule set the scenarios exercise: for each
// rule, how many passing cases saw it pass, fail or stay unknown, and how
// many name it in their expectations. Build it with [MeasureCoverage].
//
// What counts (docs/scenarios.md has the table):
//
//   - Only cases that pass count. A failing case proves nothing about the
//     rules it touches.
//   - A rule is exercised in a case when the case's evaluation decides it
//     one way or the other (a one-way rule: passing) — whether or not the
//     case's expect: mentions it. Asserted counts the cases whose expect:
//     names it.
//   - A rule is covered when it has been seen passing and, if it is
//     two-way, failing too. Two-way rules are those that can come out
//     either way: conditions, transitions (ready or not when they are the
//     next one; passed once the project has made them), criteria, meetings,
//     deadlines (met on time / late or overdue), entry variants and
//     programmes with a condition, land indicators some standard limits,
//     standards, assessment and infrastructure items (when the land policy
//     lists parcels), the acceptance check. One-way rules count as covered
//     once seen passing: stages (the current stage), escalation steps
//     (due), the pause (in force), the land policy (applies), budgets and
//     earmarks (an award or a ledger entry of the case drawn on them).
type Coverage struct {
	// Rules lists every rule of the rule set, in the order of the file:
	// named conditions, lifecycle, land, incentives and budgets.
	Rules []RuleCoverage
	// Cases is the number of passing cases counted; Failed the number of
	// failing cases left out.
	Cases, Failed int
}

// RuleCoverage is the coverage of one rule.
type RuleCoverage struct {
	Rule RuleKey
	Ref  zone.Ref
	// TwoWay reports whether the rule must also be seen failing to be
	// covered.
	TwoWay bool
	// Pass, Fail and Unknown count the passing cases in which the rule
	// came out that way; Asserted those whose expect: names it.
	Pass, Fail, Unknown, Asserted int
}

// Exercised reports whether some passing case decided the rule: either
// way for a two-way rule, passing for a one-way rule (a step that is never
// due, or a stage never reached, is not exercised by the cases in which it
// is not).
func (r RuleCoverage) Exercised() bool { return r.Pass > 0 || r.TwoWay && r.Fail > 0 }

// Covered reports whether the rule was seen passing and, when it is
// two-way, failing.
func (r RuleCoverage) Covered() bool { return r.Pass > 0 && (!r.TwoWay || r.Fail > 0) }

// MeasureCoverage counts, over the reports of [Scenarios.Check], how the
// rules of set were exercised. Reports of other rule sets count for the
// rules of set that have the same kind and id.
func MeasureCoverage(set *Set, reports ...*Report) *Coverage {
	c := &Coverage{Rules: set.ruleInventory()}
	index := make(map[RuleKey]int, len(c.Rules))
	for i, r := range c.Rules {
		index[r.Rule] = i
	}
	for _, rep := range reports {
		for i := range rep.Cases {
			cr := &rep.Cases[i]
			if !cr.Passed() {
				c.Failed++
				continue
			}
			c.Cases++
			seen := map[RuleKey]map[Outcome]bool{}
			for _, v := range cr.Observation.Verdicts {
				if seen[v.Rule] == nil {
					seen[v.Rule] = map[Outcome]bool{}
				}
				seen[v.Rule][v.Outcome] = true
			}
			for k, outs := range seen {
				j, ok := index[k]
				if !ok {
					continue
				}
				r := &c.Rules[j]
				if outs[OutcomePass] {
					r.Pass++
				}
				if outs[OutcomeFail] {
					r.Fail++
				}
				if outs[OutcomeUnknown] {
					r.Unknown++
				}
			}
			named := map[RuleKey]bool{}
			for _, k := range cr.named {
				if j, ok := index[k]; ok && !named[k] {
					named[k] = true
					c.Rules[j].Asserted++
				}
			}
		}
	}
	return c
}

// Unexercised returns the rules no passing case exercises.
func (c *Coverage) Unexercised() []RuleCoverage {
	return c.filter(func(r RuleCoverage) bool { return !r.Exercised() })
}

// Uncovered returns the rules that are not covered: never exercised, or
// two-way and seen only one way.
func (c *Coverage) Uncovered() []RuleCoverage {
	return c.filter(func(r RuleCoverage) bool { return !r.Covered() })
}

func (c *Coverage) filter(keep func(RuleCoverage) bool) []RuleCoverage {
	var out []RuleCoverage
	for _, r := range c.Rules {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// ruleInventory lists every rule of the set for coverage, with zero counts.
// It is where a new section adds its rules.
func (s *Set) ruleInventory() []RuleCoverage {
	var out []RuleCoverage
	add := func(k RuleKind, id string, ref zone.Ref, twoWay bool) {
		out = append(out, RuleCoverage{Rule: RuleKey{k, id}, Ref: ref, TwoWay: twoWay})
	}
	for _, c := range s.conds {
		add(RuleCondition, c.name, c.Ref(), true)
	}
	if l := s.lifecycle; l != nil {
		for _, st := range l.Stages() {
			add(RuleStage, st.Ref.ID, st.Ref, false)
			for _, e := range st.Entry {
				if e.Ref.ID != "" {
					add(RuleEntry, st.Ref.ID+"/"+e.Ref.ID, e.Ref, e.When != nil)
				}
			}
		}
		for _, t := range l.Transitions() {
			add(RuleTransition, t.Ref.ID, t.Ref, true)
			for _, cr := range t.Criteria {
				add(RuleCriterion, t.Ref.ID+"/"+cr.Ref.ID, cr.Ref, true)
			}
			if m := t.Meeting; m != nil {
				add(RuleMeeting, t.Ref.ID+"/"+m.Ref.ID, m.Ref, true)
			}
		}
		for _, d := range l.Deadlines() {
			add(RuleDeadline, d.Ref.ID, d.Ref, true)
		}
		steps, pause := l.Escalation()
		for _, st := range steps {
			add(RuleStep, st.Ref.ID, st.Ref, false)
		}
		if pause != nil {
			add(RulePause, pause.Ref.ID, pause.Ref, false)
		}
	}
	if lp := s.land; lp != nil {
		add(RuleLand, lp.Ref().ID, lp.Ref(), false)
		// Only indicators some standard limits can be exercised.
		limited := make(map[string]bool)
		for _, st := range lp.Standards() {
			for _, lim := range st.Limits {
				limited[lim.Indicator] = true
			}
		}
		for _, ind := range lp.Indicators() {
			if limited[ind.Ref.ID] {
				add(RuleIndicator, ind.Ref.ID, ind.Ref, true)
			}
		}
		for _, st := range lp.Standards() {
			add(RuleStandard, st.Ref.ID, st.Ref, true)
		}
		// Assessment and infrastructure items are decided through the
		// readiness of parcels: without parcels nothing exercises them.
		if len(lp.Parcels()) > 0 {
			for _, pr := range lp.Assessments() {
				add(RulePrerequisite, pr.Ref.ID, pr.Ref, true)
			}
			for _, pr := range lp.Infrastructure() {
				add(RulePrerequisite, pr.Ref.ID, pr.Ref, true)
			}
		}
		if a, ok := lp.Acceptance(); ok {
			add(RuleAcceptance, a.Ref.ID, a.Ref, true)
		}
	}
	if in := s.incentives; in != nil {
		for _, p := range in.Programmes() {
			add(RuleProgramme, p.Ref.ID, p.Ref, p.Eligibility != nil)
		}
		for _, b := range in.Budgets() {
			add(RuleBudget, b.Ref.ID, b.Ref, false)
			for _, e := range b.Earmarks {
				add(RuleEarmark, b.Ref.ID+"/"+e.Ref.ID, e.Ref, false)
			}
		}
	}
	return out
}
