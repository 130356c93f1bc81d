package rules_test

import (
	"fmt"
	"testing/fstest"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// A rule set with a lifecycle: the project's stage, the criteria of its
// next transition and its deadlines, as of a date.
func ExampleSet_Lifecycle() {
	const policy = `devzone: 1
id: jinzhong
events:
  landing_meeting: {label: 落地转段会议}
lifecycle:
  stages:
    - {id: signing, label: 招商签约, entry: signed}
    - {id: landing, label: 落地摘地, entry: landing_meeting}
  transitions:
    - id: signing-to-landing
      label: 签约转落地
      from: signing
      to: landing
      requires:
        - {id: review-passed, label: 项目审议通过, when: "happened(review_passed)"}
      meeting: {id: landing-meeting, label: 落地转段会议, event: landing_meeting}
  deadlines:
    - id: land-transfer
      label: 完成土地出让
      from: review_passed
      within: 30个工作日
      done: land_transferred
      applies: "land_mode == transfer"
      cite: 002_8f25cfe588d23415.txt 确保30个工作日内完成土地出让
`
	set, err := rules.LoadFS(fstest.MapFS{"policy.yaml": {Data: []byte(policy)}}, "policy.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &zone.Project{
		ID:       "JZ-2025-001",
		LandMode: zone.Transfer,
		Events: map[zone.Event]date.Date{
			"signed":        calendar.MustParseDate("2025-06-02"),
			"review_passed": calendar.MustParseDate("2025-06-10"),
		},
	}
	r, err := set.Evaluate(p, calendar.MustParseDate("2025-07-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	lc := r.Lifecycle
	fmt.Println("stage:", lc.Stage.ID, lc.Stage.Ref.Label)
	for _, c := range lc.Next.Criteria {
		fmt.Println("criterion:", c.Ref.Label, c.Truth.Label())
	}
	fmt.Println("meeting:", lc.Next.Meeting.Ref.Label, lc.Next.Meeting.Truth.Label())
	for _, d := range lc.Deadlines {
		fmt.Println("deadline:", d.Ref.Label, d.Status.Label(), "due", d.Due, "at", d.Ref.Pos)
	}
	// Output:
	// stage: signing 招商签约
	// criterion: 项目审议通过 满足
	// meeting: 落地转段会议 不满足
	// deadline: 完成土地出让 进行中 due 2025-07-22 at policy.yaml:18:11
}
