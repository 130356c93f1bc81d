package zone_test

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/zone"
)

func ExampleProject() {
	p := zone.Project{
		ID:       "JZ-2025-007",
		Industry: "装备制造",
		Kind:     zone.Industrial,
		LandMode: zone.Lease,
		Events:   map[zone.Event]date.Date{zone.Signed: date.New(2025, 3, 18)},
	}
	signed, ok := p.Event(zone.Signed)
	_, started := p.Event(zone.ConstructionStarted)
	fmt.Println(p.Kind.Label(), p.LandMode.Label(), signed, ok, started)
	// Output: 产业项目 租赁厂房 2025-03-18 true false
}

func ExampleTruth() {
	// A missing fact makes "true and unknown" unknown, but "false and
	// unknown" is still false.
	fmt.Println(zone.True.And(zone.Unknown), zone.False.And(zone.Unknown), zone.Unknown.Label())
	// Output: unknown false 无法判定
}

func ExampleBuiltinEvents() {
	for _, e := range zone.BuiltinEvents()[:3] {
		fmt.Println(e.Event, e.Label)
	}
	// Output:
	// signed 招商签约
	// site_selected 选址确定
	// review_passed 项目审议通过
}
