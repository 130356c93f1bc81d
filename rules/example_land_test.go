package rules_test

import (
	"fmt"
	"testing/fstest"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// A land: section with Shanxi's investment-intensity floor for
// national-level zones (300万元/亩), two regional assessments and one
// infrastructure item. The floor-area ratio, the parcel and the project's
// values are example values. The committed values and the parcel are
// project facts the rule set declares; a value the project has not recorded
// is unknown (事实未记录), never zero.
func Example_land() {
	const policy = `devzone: 1
id: yuncheng-land
facts:
  committed_investment_intensity: {type: intensity, label: 承诺固定资产投资强度}
  committed_plot_ratio: {type: decimal, label: 承诺容积率}
  parcel: {type: text, label: 地块编号}
land:
  label: 标准地
  applies: land_mode == transfer
  standards:
    - id: national-zone
      label: 国家级开发区工业用地控制指标
      limits: {investment_intensity: 300万元/亩, plot_ratio: 1.0}
  assessments:
    - {id: mineral, label: 压覆矿床评估}
    - {id: seismic, label: 地震安全性评价}
  infrastructure:
    - {id: road, label: 通路}
  regional:
    - {item: seismic, on: 2022-06-30, area: 41.1平方公里}
  parcels:
    - {id: YC-01, label: 标准地1号, area: 52.36亩, done: {mineral: 2024-11-30}}
`
	set, err := rules.LoadFS(fstest.MapFS{"policy.yaml": {Data: []byte(policy)}}, "policy.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &zone.Project{
		ID: "YC-2025-003", LandMode: zone.Transfer,
		Attributes: map[string]string{"committed_investment_intensity": "280万元/亩", "parcel": "YC-01"},
	}
	r, err := set.Evaluate(p, date.New(2025, 6, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range r.Land.Commitment {
		fmt.Println(row.Explain().Detail)
	}
	fmt.Println("承诺:", r.Land.Committed.Label())
	ready := r.Land.Parcel
	fmt.Println("地块", ready.Parcel.ID, "具备出让条件:", ready.Ready.Label())
	for _, it := range ready.Missing {
		fmt.Println("  未完成:", it.Kind.Label(), it.Ref.Label)
	}
	// Output:
	// 固定资产投资强度: 承诺 280万元/亩, 标准 不低于 300万元/亩 (national-zone) → 不满足, 余量 -20万元/亩 (-6.6667%)
	// 容积率: 事实未记录 (committed_plot_ratio)
	// 承诺: 不满足
	// 地块 YC-01 具备出让条件: 不满足
	//   未完成: 基础设施配套 通路
}
