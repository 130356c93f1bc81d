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
