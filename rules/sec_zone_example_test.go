package rules_test

import (
	"fmt"
	"testing/fstest"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// A rule set with a zone: section reports on a portfolio: the 三个一批
// figures and the rates, each with its numerator and denominator.
func ExampleSet_Portfolio() {
	fsys := fstest.MapFS{"yuncheng.yaml": {Data: []byte(`devzone: 1
id: yuncheng
zone:
  id: yuncheng
  label: 运城经开区
  category: industrial
  level: national
  period: year
  industries:
    leading: [新能源汽车, 铜基新材料, 绿色建材, 智能装备制造]
  chains:
    - {id: nev, label: 新能源汽车产业链, leaders: [大运], industries: [新能源汽车]}
  metrics:
    - id: start-rate
      label: 开工率
      batch: signed
      denominator: happened(signed)
      numerator: happened(construction_started)
`)}}
	set, err := rules.LoadFS(fsys, "yuncheng.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	signed := func(id string, started bool) *zone.Project {
		p := &zone.Project{ID: id, Industry: "新能源汽车", Events: map[zone.Event]date.Date{zone.Signed: date.New(2025, 3, 1)}}
		if started {
			p.Events[zone.ConstructionStarted] = date.New(2025, 5, 1)
		}
		return p
	}
	rep, err := set.Portfolio([]*zone.Project{signed("YC-1", true), signed("YC-2", false), signed("YC-3", true)}, date.New(2025, 9, 15))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rep.Total.Rates[0]
	fmt.Println(set.Zone().Label(), rep.Periods[0].Period.Label(), "签约", rep.Total.Signed.Projects, "开工", rep.Total.Started.Projects)
	fmt.Printf("%s %s%% (%s/%s)\n", rep.Metrics[0].Ref.Label, r.Percent.StringFixed(rep.Metrics[0].Places), r.Numerator, r.Denominator)
	// Output:
	// 运城经开区 2025年 签约 3 开工 2
	// 开工率 66.67% (2/3)
}
