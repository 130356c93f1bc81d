package stage_test

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// A lifecycle built in Go, without a rule file: two stages, one deadline and
// a two-step supervision ladder.
func ExampleLifecycle_Evaluate() {
	lc, err := stage.New(stage.Spec{
		Stages: []stage.Stage{
			{Ref: zone.Ref{ID: "signing", Label: "招商签约"}, Entry: []stage.Entry{{Event: zone.Signed}}},
			{Ref: zone.Ref{ID: "landing", Label: "落地摘地"}, Entry: []stage.Entry{{Event: zone.ReviewPassed}}},
		},
		Deadlines: []stage.Deadline{{
			Ref:    zone.Ref{ID: "land-transfer", Label: "完成土地出让"},
			From:   stage.Anchor{Event: zone.ReviewPassed},
			Within: calendar.MustParsePeriod("30个工作日"),
			Done:   zone.LandTransferred,
		}},
		Escalation: []stage.Step{
			{Ref: zone.Ref{ID: "letter", Label: "发函督促"}, OverdueWorkdays: 1},
			{Ref: zone.Ref{ID: "interview", Label: "约谈企业"}, OverdueWorkdays: 10},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &zone.Project{ID: "JZ-001", Events: map[zone.Event]date.Date{
		zone.Signed:       date.New(2025, 6, 2),
		zone.ReviewPassed: date.New(2025, 6, 10),
	}}
	r := lc.Evaluate(zone.NewContext(p, date.New(2025, 8, 1), calendar.MainlandChina()))
	dl := r.Deadlines[0]
	fmt.Println(r.Stage.Ref.Label, dl.Ref.Label, dl.Due, dl.Status.Label(), dl.LateWorkdays)
	if step, ok := r.Escalation.Last(); ok {
		fmt.Println(step.Ref.Label, "since", step.Since)
	}
	// Output:
	// 落地摘地 完成土地出让 2025-07-22 已逾期 8
	// 发函督促 since 2025-07-23
}

// Counting overdue deadlines over many projects: one context and one result
// per goroutine, refilled for each project, so the loop allocates once.
func ExampleLifecycle_DecideInto() {
	lc, err := stage.New(stage.Spec{
		Stages: []stage.Stage{{Ref: zone.Ref{ID: "landing", Label: "落地摘地"}, Entry: []stage.Entry{{Event: zone.ReviewPassed}}}},
		Deadlines: []stage.Deadline{{
			Ref:    zone.Ref{ID: "land-transfer", Label: "完成土地出让"},
			From:   stage.Anchor{Event: zone.ReviewPassed},
			Within: calendar.MustParsePeriod("30个工作日"),
			Done:   zone.LandTransferred,
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	reviewed := func(id string, d date.Date) *zone.Project {
		return &zone.Project{ID: id, Events: map[zone.Event]date.Date{zone.ReviewPassed: d}}
	}
	projects := []*zone.Project{
		reviewed("JZ-001", date.New(2025, 6, 10)),
		reviewed("JZ-002", date.New(2025, 7, 15)),
		reviewed("JZ-003", date.New(2025, 5, 6)),
	}
	asOf, cal := date.New(2025, 8, 1), calendar.MainlandChina()
	ctx := zone.NewContext(nil, asOf, cal)
	var r stage.Result
	for _, p := range projects {
		ctx.Reset(p, asOf, cal)
		lc.DecideInto(ctx, &r) // overwrites the last project's result
		if d := r.Deadlines[0]; d.Status == stage.Overdue {
			fmt.Println(p.ID, "overdue since", d.Due)
		}
	}
	// Output:
	// JZ-001 overdue since 2025-07-22
	// JZ-003 overdue since 2025-06-18
}
