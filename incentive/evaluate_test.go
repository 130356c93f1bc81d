package incentive_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// outcome is what the tests check of a verdict.
type outcome struct {
	Status incentive.Status
	Amount string // the amount formatted, "unknown", or "" when none was computed
	By     string // the id of Verdict.By
}

func outcomes(r incentive.Result) map[string]outcome {
	out := map[string]outcome{}
	for _, v := range r.Verdicts {
		o := outcome{Status: v.Status, By: v.By.ID}
		switch {
		case v.AmountKnown:
			o.Amount = quantity.FormatMoney(v.Amount)
		case v.IsMoney() && v.Status != incentive.Ineligible:
			o.Amount = "unknown"
		}
		out[v.Ref.ID] = o
	}
	return out
}

func TestEvaluate_wholeBands(t *testing.T) {
	set := mustNew(t, equipmentSubsidy(incentive.WholeBase))
	tests := []struct {
		name       string
		reason     string
		inv, equip string
		want       outcome
		wantReason string
	}{
		{
			name: "below the lowest band", reason: "a base under the first band's lower bound earns nothing",
			inv: "8000万元", equip: "5000万元",
			want:       outcome{Status: incentive.Ineligible},
			wantReason: "open to every project; investment 8000万元 is below the lowest band (from 1亿元): nothing is due",
		},
		{
			name: "exactly 1亿元", reason: "lower bounds are inclusive",
			inv: "1亿元", equip: "6000万元",
			want:       outcome{Status: incentive.Awarded, Amount: "300万元"},
			wantReason: "open to every project; investment 1亿元 is in the band from 1亿元; equipment_purchase 6000万元 × 5% = 300万元",
		},
		{
			name: "just under 3亿元", reason: "upper bounds are exclusive",
			inv: "2.99亿元", equip: "2亿元",
			want: outcome{Status: incentive.Awarded, Amount: "1000万元"},
		},
		{
			name: "exactly 3亿元", reason: "3亿元 opens the 8% band",
			inv: "3亿元", equip: "2亿元",
			want:       outcome{Status: incentive.Awarded, Amount: "1600万元"},
			wantReason: "open to every project; investment 3亿元 is in the band from 3亿元; equipment_purchase 2亿元 × 8% = 1600万元",
		},
		{
			name: "exactly 5亿元", reason: "5亿元 opens the 10% band",
			inv: "5亿元", equip: "2亿元",
			want: outcome{Status: incentive.Awarded, Amount: "2000万元"},
		},
		{
			name: "cap reached", reason: "10% of 25亿元 is above the top band's 2亿元 cap",
			inv: "30亿元", equip: "25亿元",
			want:       outcome{Status: incentive.Awarded, Amount: "2亿元"},
			wantReason: "open to every project; investment 30亿元 is in the band from 5亿元; equipment_purchase 25亿元 × 10% = 2.5亿元, capped at the band's 2亿元",
		},
		{
			name: "cap met exactly", reason: "an amount equal to the cap is not capped",
			inv: "30亿元", equip: "20亿元",
			want: outcome{Status: incentive.Awarded, Amount: "2亿元"},
		},
		{
			name: "rounding", reason: "5% of 1234567.89元 is 61728.3945元, rounded half up to 分",
			inv: "1亿元", equip: "1234567.89元",
			want:       outcome{Status: incentive.Awarded, Amount: "61728.39元"},
			wantReason: "open to every project; investment 1亿元 is in the band from 1亿元; equipment_purchase 1234567.89元 × 5% = 61728.3945元, rounded 四舍五入 to 61728.39元",
		},
		{
			name: "unknown equipment purchase", reason: "the band is known, the amount it applies to is not: awarded, amount unknown",
			inv:        "6亿元",
			want:       outcome{Status: incentive.Awarded, Amount: "unknown"},
			wantReason: "open to every project; amount unknown: missing equipment_purchase",
		},
		{
			name: "unknown investment", reason: "without the base the project may be below the lowest band",
			equip:      "1亿元",
			want:       outcome{Status: incentive.Undecided, Amount: "unknown"},
			wantReason: "open to every project; amount unknown: missing investment, which decides whether the lowest band (from 1亿元) is reached",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := project(tt.inv)
			if tt.equip != "" {
				p.Attributes["equipment_purchase"] = tt.equip
			}
			r := set.Evaluate(ctx(p))
			if diff := cmp.Diff(tt.want, outcomes(r)["equipment-subsidy"]); diff != "" {
				t.Errorf("%s: outcome (-want +got):\n%s", tt.reason, diff)
			}
			if tt.wantReason != "" {
				v, _ := r.Lookup("equipment-subsidy")
				if diff := cmp.Diff(tt.wantReason, v.Reason()); diff != "" {
					t.Errorf("%s: reason (-want +got):\n%s", tt.reason, diff)
				}
			}
		})
	}
}

func TestEvaluate_progressiveBands(t *testing.T) {
	set := mustNew(t, equipmentSubsidy(incentive.Progressive))
	tests := []struct {
		name, reason string
		inv          string
		want         outcome
		wantReason   string
	}{
		{
			name: "three bands", reason: "each rate applies to the slice of the base inside its band",
			inv:        "6亿元",
			want:       outcome{Status: incentive.Awarded, Amount: "3600万元"},
			wantReason: "open to every project; investment 6亿元 in progressive bands: 2亿元 × 5% + 2亿元 × 8% + 1亿元 × 10% = 3600万元",
		},
		{
			name: "exactly 3亿元", reason: "nothing of the base lies in the 8% band",
			inv:  "3亿元",
			want: outcome{Status: incentive.Awarded, Amount: "1000万元"},
		},
		{
			name: "exactly 1亿元", reason: "the base reaches the first band but has nothing inside it",
			inv:  "1亿元",
			want: outcome{Status: incentive.Awarded, Amount: "0元"},
		},
		{
			name: "band cap", reason: "the top band's part is capped at 2亿元",
			inv:        "100亿元",
			want:       outcome{Status: incentive.Awarded, Amount: "2.26亿元"},
			wantReason: "open to every project; investment 100亿元 in progressive bands: 2亿元 × 5% + 2亿元 × 8% + 95亿元 × 10% capped at 2亿元 = 2.26亿元",
		},
		{
			name: "below", reason: "under the first band",
			inv:  "9999.99万元",
			want: outcome{Status: incentive.Ineligible},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := set.Evaluate(ctx(project(tt.inv)))
			if diff := cmp.Diff(tt.want, outcomes(r)["equipment-subsidy"]); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
			if tt.wantReason != "" {
				v, _ := r.Lookup("equipment-subsidy")
				if diff := cmp.Diff(tt.wantReason, v.Reason()); diff != "" {
					t.Errorf("%s: reason (-want +got):\n%s", tt.reason, diff)
				}
			}
		})
	}
}

func TestEvaluate_rateRoundingAndLimits(t *testing.T) {
	rate := func(r string, round incentive.Rounding) incentive.Programme {
		return incentive.Programme{Ref: ref("p", "补助"), Benefit: incentive.RateOf(pct(r), incentive.Attribute("base")), Rounding: round}
	}
	withLimits := func(p incentive.Programme) incentive.Programme {
		p.Benefit = p.Benefit.WithFloor(money("10万元")).WithCap(money("2亿元"))
		return p
	}
	halfUp2 := incentive.Rounding{Places: 2, Mode: incentive.RoundHalfUp}
	tests := []struct {
		name, reason string
		prog         incentive.Programme
		base         string
		want         string
		wantReason   string
	}{
		{name: "exact", reason: "the zero Rounding keeps every digit", prog: rate("5%", incentive.Rounding{}), base: "1000.5", want: "50.025元"},
		{name: "half up", reason: "a half rounds away from zero", prog: rate("5%", halfUp2), base: "1000.5", want: "50.03元"},
		{name: "half even, down to even", reason: "50.025 → 50.02", prog: rate("5%", incentive.Rounding{Places: 2, Mode: incentive.RoundHalfEven}), base: "1000.5", want: "50.02元"},
		{name: "half even, up to even", reason: "50.035 → 50.04", prog: rate("5%", incentive.Rounding{Places: 2, Mode: incentive.RoundHalfEven}), base: "1000.7", want: "50.04元"},
		{name: "down", reason: "truncates", prog: rate("5%", incentive.Rounding{Places: 2, Mode: incentive.RoundDown}), base: "1000.7", want: "50.03元"},
		{name: "whole 万元", reason: "places -4 rounds to 万元", prog: rate("5%", incentive.Rounding{Places: -4, Mode: incentive.RoundHalfUp}), base: "12345678", want: "62万元"},
		{
			name: "floor", reason: "1% of 500万元 is 5万元, below the 10万元 floor",
			prog: withLimits(rate("1%", halfUp2)), base: "500万元", want: "10万元",
			wantReason: "open to every project; base 500万元 × 1% = 5万元, raised to the floor of 10万元",
		},
		{
			name: "cap", reason: "1% of 300亿元 is 3亿元, above the 2亿元 cap",
			prog: withLimits(rate("1%", halfUp2)), base: "300亿元", want: "2亿元",
			wantReason: "open to every project; base 300亿元 × 1% = 3亿元, capped at 2亿元",
		},
		{name: "between", reason: "neither limit applies", prog: withLimits(rate("1%", halfUp2)), base: "50亿元", want: "5000万元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := mustNew(t, tt.prog)
			r := set.Evaluate(ctx(project("", "base", tt.base)))
			if diff := cmp.Diff(outcome{Status: incentive.Awarded, Amount: tt.want}, outcomes(r)["p"]); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
			if tt.wantReason != "" {
				if diff := cmp.Diff(tt.wantReason, r.Verdicts[0].Reason()); diff != "" {
					t.Errorf("%s: reason (-want +got):\n%s", tt.reason, diff)
				}
			}
		})
	}
}

func TestEvaluate_stackingGroup(t *testing.T) {
	set := mustNew(t,
		incentive.Programme{Ref: ref("a", "落户奖励"), Eligibility: atLeast("1亿元"), Benefit: incentive.Fixed(money("100万元")), Group: "g"},
		incentive.Programme{Ref: ref("b", "投资奖励"), Benefit: incentive.RateOf(pct("1%"), incentive.Investment()), Group: "g"},
		incentive.Programme{Ref: ref("c", "设备奖励"), Eligibility: kindIs(zone.Industrial), Benefit: incentive.RateOf(pct("2%"), incentive.Attribute("equipment_purchase")), Group: "g"},
	)
	tests := []struct {
		name, reason string
		p            *zone.Project
		want         map[string]outcome
	}{
		{
			name: "largest wins", reason: "b pays 500万元, more than a's 100万元; c is not eligible",
			p: withKind(project("5亿元"), zone.Tech),
			want: map[string]outcome{
				"a": {Status: incentive.Suppressed, Amount: "100万元", By: "b"},
				"b": {Status: incentive.Awarded, Amount: "500万元"},
				"c": {Status: incentive.Ineligible},
			},
		},
		{
			name: "tie goes to the first declared", reason: "a and b both pay 100万元",
			p: withKind(project("1亿元"), zone.Tech),
			want: map[string]outcome{
				"a": {Status: incentive.Awarded, Amount: "100万元"},
				"b": {Status: incentive.Suppressed, Amount: "100万元", By: "a"},
				"c": {Status: incentive.Ineligible},
			},
		},
		{
			name: "a qualifying member of unknown amount blocks the group", reason: "c qualifies but its base is missing, so the largest cannot be told",
			p: withKind(project("5亿元"), zone.Industrial),
			want: map[string]outcome{
				"a": {Status: incentive.Undecided, Amount: "100万元", By: "c"},
				"b": {Status: incentive.Undecided, Amount: "500万元", By: "c"},
				"c": {Status: incentive.Undecided, Amount: "unknown"},
			},
		},
		{
			name: "a member of unknown eligibility that could win blocks the group", reason: "c would pay 2000万元 if eligible",
			p: project("5亿元", "equipment_purchase", "10亿元"),
			want: map[string]outcome{
				"a": {Status: incentive.Undecided, Amount: "100万元", By: "c"},
				"b": {Status: incentive.Undecided, Amount: "500万元", By: "c"},
				"c": {Status: incentive.Undecided, Amount: "2000万元"},
			},
		},
		{
			name: "a member of unknown eligibility that cannot win is suppressed", reason: "c would pay only 200万元, less than b",
			p: project("5亿元", "equipment_purchase", "1亿元"),
			want: map[string]outcome{
				"a": {Status: incentive.Suppressed, Amount: "100万元", By: "b"},
				"b": {Status: incentive.Awarded, Amount: "500万元"},
				"c": {Status: incentive.Suppressed, Amount: "200万元", By: "b"},
			},
		},
		{
			name: "only one qualifies", reason: "a needs 1亿元, c needs an industrial project",
			p: withKind(project("5000万元"), zone.Tech),
			want: map[string]outcome{
				"a": {Status: incentive.Ineligible},
				"b": {Status: incentive.Awarded, Amount: "50万元"},
				"c": {Status: incentive.Ineligible},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, outcomes(set.Evaluate(ctx(tt.p)))); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
			// Decide reaches the same verdicts and amounts, with no
			// eligibility explanation.
			decided := set.Decide(ctx(tt.p))
			if diff := cmp.Diff(tt.want, outcomes(decided)); diff != "" {
				t.Errorf("Decide: %s: (-want +got):\n%s", tt.reason, diff)
			}
			for _, v := range decided.Verdicts {
				if v.Eligibility.Detail != "" || len(v.Eligibility.Missing) > 0 {
					t.Errorf("Decide explained %s: %+v", v.Ref.ID, v.Eligibility)
				}
			}
			// DecideInto reuses a result that held another project's verdicts.
			reused := set.Decide(ctx(withKind(project("5亿元"), zone.Industrial)))
			set.DecideInto(ctx(tt.p), &reused)
			if diff := cmp.Diff(tt.want, outcomes(reused)); diff != "" {
				t.Errorf("DecideInto: %s: (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func withKind(p *zone.Project, k zone.Kind) *zone.Project {
	p.Kind = k
	return p
}

func TestEvaluate_exclusions(t *testing.T) {
	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
	// Declared so that the excluded come before the excluding: the order
	// of resolution must not depend on the order of declaration.
	set := mustNew(t,
		incentive.Programme{Ref: ref("y", "入园奖励"), Benefit: incentive.Fixed(money("50万元"))},
		incentive.Programme{Ref: ref("x", "重点项目奖励"), Eligibility: atLeast("1亿元"), Benefit: incentive.Fixed(money("80万元")), Excludes: []string{"y"}},
		incentive.Programme{Ref: ref("z", "重大项目专班"), Eligibility: atLeast("10亿元"), Benefit: incentive.Grant(team), Excludes: []string{"x"}},
	)
	tests := []struct {
		name, reason string
		inv          string
		want         map[string]outcome
	}{
		{
			name: "x excludes y", reason: "x is awarded, so y is not",
			inv: "5亿元",
			want: map[string]outcome{
				"x": {Status: incentive.Awarded, Amount: "80万元"},
				"y": {Status: incentive.Suppressed, Amount: "50万元", By: "x"},
				"z": {Status: incentive.Ineligible},
			},
		},
		{
			name: "a suppressed programme excludes nothing", reason: "z suppresses x, so y stands",
			inv: "12亿元",
			want: map[string]outcome{
				"x": {Status: incentive.Suppressed, Amount: "80万元", By: "z"},
				"y": {Status: incentive.Awarded, Amount: "50万元"},
				"z": {Status: incentive.Awarded},
			},
		},
		{
			name: "an ineligible programme excludes nothing", reason: "neither x nor z applies",
			inv: "5000万元",
			want: map[string]outcome{
				"x": {Status: incentive.Ineligible},
				"y": {Status: incentive.Awarded, Amount: "50万元"},
				"z": {Status: incentive.Ineligible},
			},
		},
		{
			name: "undecided exclusions propagate", reason: "without an investment z and x are open, and so is y",
			want: map[string]outcome{
				"x": {Status: incentive.Undecided, Amount: "80万元", By: "z"},
				"y": {Status: incentive.Undecided, Amount: "50万元", By: "x"},
				"z": {Status: incentive.Undecided},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, outcomes(set.Evaluate(ctx(project(tt.inv))))); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestEvaluate_exclusionIntoGroup(t *testing.T) {
	set := mustNew(t,
		incentive.Programme{Ref: ref("a", "落户奖励"), Benefit: incentive.Fixed(money("100万元")), Group: "g"},
		incentive.Programme{Ref: ref("b", "投资奖励"), Benefit: incentive.RateOf(pct("1%"), incentive.Investment()), Group: "g"},
		incentive.Programme{Ref: ref("e", "科技项目奖励"), Eligibility: kindIs(zone.Tech), Benefit: incentive.Fixed(money("10万元")), Excludes: []string{"b"}},
	)
	tests := []struct {
		name, reason string
		kind         zone.Kind
		want         map[string]outcome
	}{
		{
			name: "excluded member leaves the group to the next", reason: "e excludes b, so a is the largest available",
			kind: zone.Tech,
			want: map[string]outcome{
				"a": {Status: incentive.Awarded, Amount: "100万元"},
				"b": {Status: incentive.Suppressed, Amount: "500万元", By: "e"},
				"e": {Status: incentive.Awarded, Amount: "10万元"},
			},
		},
		{
			name: "no exclusion", reason: "e is not eligible, b wins the group",
			kind: zone.Industrial,
			want: map[string]outcome{
				"a": {Status: incentive.Suppressed, Amount: "100万元", By: "b"},
				"b": {Status: incentive.Awarded, Amount: "500万元"},
				"e": {Status: incentive.Ineligible},
			},
		},
		{
			name: "undecided exclusion of the largest", reason: "b may or may not be excluded, and it would win",
			want: map[string]outcome{
				"a": {Status: incentive.Undecided, Amount: "100万元", By: "b"},
				"b": {Status: incentive.Undecided, Amount: "500万元", By: "e"},
				"e": {Status: incentive.Undecided, Amount: "10万元"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outcomes(set.Evaluate(ctx(withKind(project("5亿元"), tt.kind))))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestEvaluate_cumulativeAndTotal(t *testing.T) {
	set := mustNew(t,
		incentive.Programme{Ref: ref("a", "落户奖励"), Benefit: incentive.Fixed(money("100万元")), Earmark: incentive.EarmarkRef{Budget: "prephase-2025", Earmark: "land-entry"}},
		incentive.Programme{Ref: ref("b", "投资奖励"), Benefit: incentive.RateOf(pct("1%"), incentive.Investment())},
		incentive.Programme{Ref: ref("c", "设备奖励"), Benefit: incentive.RateOf(pct("2%"), incentive.Attribute("equipment_purchase"))},
	)
	tests := []struct {
		name, reason string
		p            *zone.Project
		total        string
		complete     bool
	}{
		{name: "all known", reason: "100万 + 500万 + 200万", p: project("5亿元", "equipment_purchase", "1亿元"), total: "800万元", complete: true},
		{name: "one unknown", reason: "c's base is missing; the total counts the known awards", p: project("5亿元"), total: "600万元", complete: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := set.Evaluate(ctx(tt.p))
			if n := len(r.Awards()); n != 3 {
				t.Fatalf("%s: want 3 awards, got %d", tt.reason, n)
			}
			total, complete := r.Total()
			if diff := cmp.Diff([]any{tt.total, tt.complete}, []any{quantity.FormatMoney(total), complete}); diff != "" {
				t.Errorf("%s: total (-want +got):\n%s", tt.reason, diff)
			}
			if got := r.Verdicts[0].Earmark.String(); got != "prephase-2025/land-entry" {
				t.Errorf("earmark = %q", got)
			}
		})
	}
}

func TestEvaluate_entitlementAndExplanations(t *testing.T) {
	team, _ := incentive.LookupEntitlement("专班服务")
	set := mustNew(t, incentive.Programme{
		Ref:         zone.Ref{ID: "major-project-team", Label: "重大项目专班服务", Cite: "002_8f25cfe588d23415.txt 强化园区贴身服务"},
		Eligibility: atLeast("10亿元"),
		Benefit:     incentive.Grant(team),
	})
	tests := []struct {
		name, reason string
		inv          string
		explain      bool
		want         incentive.Verdict
		wantReason   string
	}{
		{
			name: "eligible", reason: "Evaluate does not explain a true eligibility",
			inv: "12亿元",
			want: incentive.Verdict{
				Ref: zone.Ref{ID: "major-project-team", Label: "重大项目专班服务", Cite: "002_8f25cfe588d23415.txt 强化园区贴身服务"}, Status: incentive.Awarded,
				Eligibility: zone.Explanation{Truth: zone.True}, Condition: "investment >= 10亿元",
				Entitlement: team, Calc: incentive.Calculation{Form: incentive.FormService},
			},
			wantReason: "eligible: investment >= 10亿元; grants 专班服务",
		},
		{
			name: "eligible, explained", reason: "Explain fills in every explanation",
			inv: "12亿元", explain: true,
			want: incentive.Verdict{
				Ref: zone.Ref{ID: "major-project-team", Label: "重大项目专班服务", Cite: "002_8f25cfe588d23415.txt 强化园区贴身服务"}, Status: incentive.Awarded,
				Eligibility: zone.Explanation{Truth: zone.True, Detail: "investment >= 10亿元 → true"}, Condition: "investment >= 10亿元",
				Entitlement: team, Calc: incentive.Calculation{Form: incentive.FormService},
			},
			wantReason: "eligible: investment >= 10亿元 → true; grants 专班服务",
		},
		{
			name: "ineligible", reason: "the failed criterion is explained",
			inv: "8亿元",
			want: incentive.Verdict{
				Ref: zone.Ref{ID: "major-project-team", Label: "重大项目专班服务", Cite: "002_8f25cfe588d23415.txt 强化园区贴身服务"}, Status: incentive.Ineligible,
				Eligibility: zone.Explanation{Truth: zone.False, Detail: "investment >= 10亿元 → false"}, Condition: "investment >= 10亿元",
				Entitlement: team, Calc: incentive.Calculation{Form: incentive.FormService},
			},
			wantReason: "not eligible: investment >= 10亿元 → false; grants 专班服务",
		},
		{
			name: "unknown", reason: "a missing investment leaves it undecided",
			want: incentive.Verdict{
				Ref: zone.Ref{ID: "major-project-team", Label: "重大项目专班服务", Cite: "002_8f25cfe588d23415.txt 强化园区贴身服务"}, Status: incentive.Undecided,
				Eligibility: zone.Explanation{Truth: zone.Unknown, Detail: "investment >= 10亿元 → unknown"}, Condition: "investment >= 10亿元",
				Entitlement: team, Calc: incentive.Calculation{Form: incentive.FormService},
			},
			wantReason: "eligibility unknown: investment >= 10亿元 → unknown; grants 专班服务",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ctx(project(tt.inv))
			r := set.Evaluate(c)
			if tt.explain {
				r = set.Explain(c)
			}
			got, ok := r.Lookup("major-project-team")
			if !ok {
				t.Fatal("no verdict")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: verdict (-want +got):\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(tt.wantReason, got.Reason()); diff != "" {
				t.Errorf("%s: reason (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestEvaluate_suppressedReasons(t *testing.T) {
	set := mustNew(t,
		incentive.Programme{Ref: ref("a", "落户奖励"), Benefit: incentive.Fixed(money("100万元")), Group: "g"},
		incentive.Programme{Ref: ref("b", "投资奖励"), Benefit: incentive.RateOf(pct("1%"), incentive.Investment()), Group: "g"},
		incentive.Programme{Ref: ref("c", "入园奖励"), Benefit: incentive.Fixed(money("10万元"))},
		incentive.Programme{Ref: ref("d", "重点项目奖励"), Eligibility: atLeast("1亿元"), Benefit: incentive.Fixed(money("20万元")), Excludes: []string{"c"}},
	)
	tests := []struct {
		name, reason string
		inv, id      string
		want         string
	}{
		{
			name: "group", reason: "names the winner and the group", inv: "5亿元", id: "a",
			want: "open to every project; fixed amount 100万元; 投资奖励 applies instead: only the largest amount in stacking group g is paid (就高不重复)",
		},
		{
			name: "exclusion", reason: "names the excluding programme", inv: "5亿元", id: "c",
			want: "open to every project; fixed amount 10万元; excluded by 重点项目奖励, which is awarded",
		},
		{
			name: "undecided exclusion", reason: "names what it waits on", id: "c",
			want: "open to every project; fixed amount 10万元; depends on whether 重点项目奖励, which excludes it, is awarded",
		},
		{
			name: "undecided group", reason: "names the rival whose amount is missing", id: "a",
			want: "open to every project; fixed amount 100万元; which programme of stacking group g applies cannot be told until the amount or eligibility of 投资奖励 is known",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := set.Evaluate(ctx(project(tt.inv)))
			v, _ := r.Lookup(tt.id)
			if diff := cmp.Diff(tt.want, v.Reason()); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestNew_errors(t *testing.T) {
	type problem struct{ Programme, Field string }
	fixed := incentive.Fixed(money("10万元"))
	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
	tests := []struct {
		name, reason string
		progs        []incentive.Programme
		want         []problem
	}{
		{
			name: "ids", reason: "ids are required and unique",
			progs: []incentive.Programme{{Benefit: fixed}, {Ref: ref("a", ""), Benefit: fixed}, {Ref: ref("a", ""), Benefit: fixed}},
			want:  []problem{{"", "id"}, {"a", "id"}},
		},
		{
			name: "benefits", reason: "each form checks its own fields",
			progs: []incentive.Programme{
				{Ref: ref("none", "")},
				{Ref: ref("zero", ""), Benefit: incentive.Fixed(money("0"))},
				{Ref: ref("rate", ""), Benefit: incentive.RateOf(pct("150%"), nil)},
				{Ref: ref("bands", ""), Benefit: incentive.Tiered(incentive.Investment(), incentive.Progressive,
					incentive.Band{From: money("3亿元"), Rate: pct("8%")}, incentive.Band{From: money("1亿元"), Rate: pct("0%")}).AppliedTo(incentive.Investment())},
				{Ref: ref("limits", ""), Benefit: fixed.WithCap(money("1万元")).WithFloor(money("2万元"))},
				{Ref: ref("service", ""), Benefit: incentive.Grant(incentive.Entitlement{ID: "x"}).WithCap(money("1万元"))},
			},
			want: []problem{
				{"none", "benefit"}, {"zero", "amount"}, {"rate", "rate"}, {"rate", "base"},
				{"bands", "of"}, {"bands", "bands[1].from"}, {"bands", "bands[1].rate"},
				{"limits", "floor"}, {"service", "service"}, {"service", "cap"},
			},
		},
		{
			name: "rounding", reason: "a mode is needed with places, and places are bounded",
			progs: []incentive.Programme{
				{Ref: ref("a", ""), Benefit: fixed, Rounding: incentive.Rounding{Places: 2}},
				{Ref: ref("b", ""), Benefit: fixed, Rounding: incentive.Rounding{Places: 9, Mode: incentive.RoundDown}},
				{Ref: ref("c", ""), Benefit: incentive.Grant(team), Rounding: incentive.Rounding{Mode: incentive.RoundDown}},
			},
			want: []problem{{"a", "rounding"}, {"b", "rounding"}, {"c", "rounding"}},
		},
		{
			name: "earmarks", reason: "an earmark must exist and only money draws on one",
			progs: []incentive.Programme{
				{Ref: ref("a", ""), Benefit: fixed, Earmark: incentive.EarmarkRef{Budget: "nope", Earmark: "x"}},
				{Ref: ref("b", ""), Benefit: fixed, Earmark: incentive.EarmarkRef{Budget: "prephase-2025", Earmark: "x"}},
				{Ref: ref("c", ""), Benefit: incentive.Grant(team), Earmark: incentive.EarmarkRef{Budget: "prephase-2025", Earmark: "relics"}},
			},
			want: []problem{{"a", "earmark"}, {"b", "earmark"}, {"c", "earmark"}},
		},
		{
			name: "stacking", reason: "groups hold money; exclusions name others outside the group",
			progs: []incentive.Programme{
				{Ref: ref("a", ""), Benefit: incentive.Grant(team), Group: "g"},
				{Ref: ref("b", ""), Benefit: fixed, Group: "h", Excludes: []string{"b", "c", "zz"}},
				{Ref: ref("c", ""), Benefit: fixed, Group: "h"},
			},
			want: []problem{{"a", "group"}, {"b", "excludes"}, {"b", "excludes"}, {"b", "excludes"}},
		},
		{
			name: "cycle", reason: "exclusions in a circle have no meaning; a group says one-of",
			progs: []incentive.Programme{
				{Ref: ref("a", ""), Benefit: fixed, Excludes: []string{"b"}},
				{Ref: ref("b", ""), Benefit: fixed, Excludes: []string{"c"}},
				{Ref: ref("c", ""), Benefit: fixed, Excludes: []string{"a"}},
			},
			want: []problem{{"a", "excludes"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := incentive.New(incentive.Spec{Programmes: tt.progs, Budgets: []incentive.Budget{prephase()}})
			if set != nil {
				t.Errorf("%s: want a nil set with the error", tt.reason)
			}
			var se *incentive.SpecError
			if !errors.As(err, &se) {
				t.Fatalf("%s: want *SpecError, got %v", tt.reason, err)
			}
			var got []problem
			for _, e := range se.Errors {
				var pe *incentive.ProgrammeError
				if !errors.As(e, &pe) {
					t.Fatalf("want *ProgrammeError, got %T %v", e, e)
				}
				got = append(got, problem{pe.Programme, pe.Field})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: problems (-want +got):\n%s\n%v", tt.reason, diff, err)
			}
		})
	}
}

func TestSet_immutable(t *testing.T) {
	p := equipmentSubsidy(incentive.WholeBase)
	set := mustNew(t, p)
	p.Benefit.Bands[2].Rate = pct("50%")
	*p.Benefit.Bands[2].Cap = money("100亿元")
	got, _ := set.Programme("equipment-subsidy")
	got.Benefit.Bands[2].Rate = pct("60%")
	r := set.Evaluate(ctx(project("30亿元", "equipment_purchase", "25亿元")))
	if diff := cmp.Diff(outcome{Status: incentive.Awarded, Amount: "2亿元"}, outcomes(r)["equipment-subsidy"]); diff != "" {
		t.Errorf("changing the spec or a returned copy changed the set (-want +got):\n%s", diff)
	}
}

// TestSet_concurrentEvaluate proves a Set can be shared by goroutines (run
// with -race).
func TestSet_concurrentEvaluate(t *testing.T) {
	set := jinzhongSet(t)
	projects := variedProjects(64)
	want := make([]map[string]outcome, len(projects))
	for i, p := range projects {
		want[i] = outcomes(set.Evaluate(ctx(p)))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := ctx(projects[0])
			for i := range projects {
				k := (i + g) % len(projects)
				c.Reset(projects[k], c.AsOf, c.Calendar)
				if diff := cmp.Diff(want[k], outcomes(set.Evaluate(c))); diff != "" {
					t.Errorf("project %d: (-want +got):\n%s", k, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}
