package rules_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// A zone rule set that extends the provincial baseline: LoadFile follows
// extends: and compiles both files into one Set.
func ExampleLoadFile() {
	set, err := rules.LoadFile("testdata/examples/jinzhong/rules.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set.ID(), set.Files())
	// The zone's values replace the baseline's (5亿元 from 2023) as a whole.
	for _, on := range []string{"2025-06-01", "2024-06-01"} {
		v, err := set.ParamValue("major_project_threshold", calendar.MustParseDate(on))
		fmt.Println(on, v, err)
	}

	investment := decimal.RequireFromString("1200000000") // 12亿元
	project := &zone.Project{ID: "JZ-2025-007", Investment: &investment, Industry: "新能源汽车"}
	team, _ := set.NamedCondition("service_team")
	x, err := team.Evaluate(project, calendar.MustParseDate("2025-07-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(team.Label(), x.Truth.Label())
	// Output:
	// jinzhong-integration [testdata/examples/shanxi/baseline.yaml testdata/examples/jinzhong/rules.yaml]
	// 2025-06-01 10亿元 <nil>
	// 2024-06-01 unknown parameter major_project_threshold (重大项目门槛) has no value on 2024-06-01: its first value takes effect on 2025-06-01
	// 专班服务 满足
}

// A zone system can embed its rule sets (here a MapFS stands in for an
// embed.FS) and load them with LoadFS; extends: paths resolve inside it.
func ExampleLoadFS() {
	fsys := fstest.MapFS{
		"shanxi/baseline.yaml": {Data: []byte(`devzone: 1
id: shanxi-baseline
parameters:
  land_transfer_limit: {label: 土地出让时限, value: 30个工作日}
`)},
		"zones/jiaocheng/rules.yaml": {Data: []byte(`devzone: 1
id: jiaocheng
extends: ../../shanxi/baseline.yaml
conditions:
  chain_priority:
    label: 链主引进优先保障
    when: chain_leader_sourced
    cite: 003_9486998893fd49df.txt 链长制
`)},
	}
	set, err := rules.LoadFS(fsys, "zones/jiaocheng/rules.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	limit, _ := set.Param("land_transfer_limit")
	fmt.Println(limit.Label, limit.Values()[0].Value, "from", limit.Pos.File)
	c, _ := set.NamedCondition("chain_priority")
	fmt.Println(c.Ref().Cite)

	sourced := true
	x, _ := c.Evaluate(&zone.Project{ChainLeaderSourced: &sourced}, calendar.MustParseDate("2025-06-01"))
	fmt.Println(x.Truth)
	// Output:
	// 土地出让时限 30个工作日 from shanxi/baseline.yaml
	// 003_9486998893fd49df.txt 链长制
	// true
}

// Every loader error is a Diagnostics listing every problem at once;
// errors.As reaches the list or a single *Diagnostic.
func ExampleDiagnostics() {
	fsys := fstest.MapFS{"rules.yaml": {Data: []byte(`devzone: 1
id: broken
tilte: 晋中开发区
parameters:
  budget: {label: 前期工作年度预算, value: 2000万圆}
`)}}
	_, err := rules.LoadFS(fsys, "rules.yaml")

	var first *rules.Diagnostic
	if errors.As(err, &first) {
		fmt.Println(first.Code, first.Pos, first.Path)
	}
	var all rules.Diagnostics
	if errors.As(err, &all) {
		for _, d := range all {
			fmt.Println(d.Code, d.Pos, d.Path)
		}
		// For people: the source line and a caret under the problem.
		all[1:].WriteText(os.Stdout, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
	}
	// Output:
	// yaml.unknown-key rules.yaml:3:1 tilte
	// yaml.unknown-key rules.yaml:3:1 tilte
	// value.syntax rules.yaml:5:41 parameters.budget.value
	// rules.yaml:5:41: error: "2000万圆" cannot be read as a value [value.syntax]
	//   |
	// 5 |   budget: {label: 前期工作年度预算, value: 2000万圆}
	//   |                                                  ^
	//   = at: parameters.budget.value
	//   = "2000万圆" starts with a number but is not a value devzone can read: "圆" after the number is not a known unit. Units are 元/万元/亿元 (money), 亩/㎡/公顷/平方公里 (area), % (percentage), 万元/亩 (intensity), 个工作日/天/个月/年 (period); dates are written 2025-06-01. If the value is meant as text, add type: text.
}

// A Go program can compile its own condition against a rule set's facts and
// parameters, and get a three-valued verdict with the reasons.
func ExampleSet_Condition() {
	fsys := fstest.MapFS{"rules.yaml": {Data: []byte(`devzone: 1
id: jinzhong
parameters:
  major_project_threshold: {label: 重大项目门槛, value: 10亿元}
facts:
  tech_level: {type: int, label: 技术层级}
`)}}
	set, err := rules.LoadFS(fsys, "rules.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := set.Condition("投资额 >= 重大项目门槛 and 技术层级 >= 3")
	if err != nil {
		fmt.Println(err)
		return
	}
	investment := decimal.RequireFromString("1500000000")
	p := &zone.Project{Investment: &investment}
	x, _ := c.Evaluate(p, calendar.MustParseDate("2025-06-01"))
	fmt.Println(x.Truth, x.Missing)

	p.Attributes = map[string]string{"tech_level": "2"}
	x, _ = c.Evaluate(p, calendar.MustParseDate("2025-06-01"))
	fmt.Println(x.Truth)
	// Output:
	// unknown [tech_level]
	// false
}
