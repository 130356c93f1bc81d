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

func ExampleNew() {
	z, err := zone.New(zone.Spec{
		Ref:      zone.Ref{ID: "yuncheng", Label: "运城经开区"},
		Category: zone.CategoryIndustrial,
		Level:    zone.LevelNational,
		Parks:    []zone.Park{{Ref: zone.Ref{ID: "main", Label: "主园区"}}},
		Leading:  []string{"新能源汽车", "铜基新材料"},
		Chains: []zone.Chain{{
			Ref:        zone.Ref{ID: "nev", Label: "新能源汽车产业链"},
			Leaders:    []string{"大运"},
			Industries: []string{"新能源汽车"},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(z.Label(), z.Category().Label(), z.Level().Label(), z.Industry("铜基新材料").Label(), z.ChainsOf("新能源汽车")[0].Leaders)
	// Output: 运城经开区 工业类 国家级 主导产业 [大运]
}

func ExampleGranularity_PeriodOf() {
	p := zone.Quarterly.PeriodOf(date.New(2025, 8, 17))
	fmt.Println(p, p.Label(), p.Start, p.End)
	// Output: 2025-Q3 2025年第3季度 2025-07-01 2025-09-30
}

// The Taiyuan zones after four rounds of 三个一批 in 2021: of 68 projects
// signed, 40 started.
func ExamplePortfolio_Report() {
	startRate := zone.Metric{
		Ref:         zone.Ref{ID: "start-rate", Label: "开工率"},
		Batch:       zone.Signed,
		Denominator: zone.Happened(zone.Signed),
		Numerator:   zone.Happened(zone.ConstructionStarted),
		Places:      zone.DefaultPlaces,
	}
	pf, err := zone.NewPortfolio(nil, zone.Yearly, startRate)
	if err != nil {
		fmt.Println(err)
		return
	}
	var projects []*zone.Project
	for i := range 68 {
		p := &zone.Project{ID: fmt.Sprint("TY-", i), Events: map[zone.Event]date.Date{zone.Signed: date.New(2021, 3, 1)}}
		if i < 40 {
			p.Events[zone.ConstructionStarted] = date.New(2021, 6, 1)
		}
		projects = append(projects, p)
	}
	rep, err := pf.Report(projects, zone.Options{AsOf: date.New(2021, 12, 31)})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rep.Total.Rates[0]
	fmt.Printf("%s %s%% = %s/%s, signed %d, started %d\n", rep.Metrics[0].Ref.Label, r.Percent, r.Numerator, r.Denominator, rep.Total.Signed.Projects, rep.Total.Started.Projects)
	// Output: 开工率 58.82% = 40/68, signed 68, started 40
}
