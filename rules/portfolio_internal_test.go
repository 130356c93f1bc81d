package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// TestZoneStatus checks what a portfolio report takes from a project's
// Result: it is written against stage.Result and incentive.Result, so that
// it holds whichever way the lifecycle: and incentives: sections fill them.
func TestZoneStatus(t *testing.T) {
	day := calendar.MustParseDate
	ref := func(id string) zone.Ref { return zone.Ref{ID: id} }
	w := &portfolioWork{res: Result{
		Lifecycle: &stage.Result{
			Deadlines: []stage.DeadlineResult{
				{Ref: ref("land-transfer"), Status: stage.Overdue, Due: day("2025-07-22"), LateWorkdays: 12},
				{Ref: ref("construction"), Status: stage.Running, Due: day("2025-09-30")},
				{Ref: ref("capacity-old"), Status: stage.NotApplicable},
				{Ref: ref("capacity"), Status: stage.Overdue, Due: day("2025-08-01"), LateWorkdays: 3},
			},
			Escalation: stage.EscalationResult{Due: []stage.StepResult{
				{Ref: ref("letter"), Since: day("2025-07-30"), Because: "land-transfer"},
				{Ref: ref("interview"), Since: day("2025-08-13"), Because: "land-transfer"},
			}},
		},
		Incentives: &incentive.Result{Verdicts: []incentive.Verdict{
			{Ref: ref("team"), Status: incentive.Awarded, Calc: incentive.Calculation{Form: incentive.FormService}, Entitlement: incentive.Entitlement{ID: "dedicated_team", Label: "专班服务"}},
			{Ref: ref("subsidy"), Status: incentive.Awarded, Amount: decimal.RequireFromString("500000"), AmountKnown: true},
			{Ref: ref("relics"), Status: incentive.Awarded},
			{Ref: ref("other"), Status: incentive.Ineligible},
		}},
	}}
	got := w.status([]int{2, 3})
	want := zone.Status{
		Overdue: []zone.Deadline{
			{Ref: ref("land-transfer"), Due: day("2025-07-22"), Overdue: true, LateWorkdays: 12},
			{Ref: ref("capacity"), Due: day("2025-08-01"), Overdue: true, LateWorkdays: 3},
		},
		Escalations: []zone.DueStep{
			{Ref: ref("letter"), Since: day("2025-07-30"), Because: "land-transfer"},
			{Ref: ref("interview"), Since: day("2025-08-13"), Because: "land-transfer"},
		},
		Capacity: &zone.Deadline{Ref: ref("capacity"), Due: day("2025-08-01"), Overdue: true, LateWorkdays: 3},
		Awards: []zone.Award{
			{Programme: ref("team"), Service: "专班服务"},
			{Programme: ref("subsidy"), Amount: decimal.RequireFromString("500000"), AmountKnown: true},
			{Programme: ref("relics")},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
	// The next project's status reuses the memory and keeps nothing of
	// this one's.
	w.res = Result{}
	if st := w.status(nil); len(st.Overdue) != 0 || len(st.Escalations) != 0 || st.Capacity != nil || len(st.Awards) != 0 {
		t.Errorf("status of an empty result = %+v", st)
	}
}
