// Command yuncheng evaluates the synthetic project portfolio of the Yuncheng
// economic-technological development zone (运城经开区) against its rule set
// and prints the two things the zone reports on: the readiness of its seven
// standard-land parcels ("九通一平" after the regional assessments; the
// per-parcel areas and dates are example values) and the "三个一批" figures —
// projects signed, started and brought into production, the new major
// transformation projects of 5亿元 and above, and the portfolio rates.
//
// The evaluation date is fixed, so the output is the same on every run:
//
//	go run ./examples/yuncheng
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// asOf is the evaluation date of the report; the program never reads the
// clock.
var asOf = date.New(2026, 11, 23)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "yuncheng:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	set, err := rules.LoadFS(examples.FS, "yuncheng/policy.yaml")
	if err != nil {
		return describe(err)
	}
	projects, err := rules.LoadProjectsFS(set, examples.FS, "yuncheng/projects.yaml")
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(w, "%s — %d 个项目(合成数据), 评估日期 %s\n", set.Title(), len(projects), asOf)
	if err := parcels(w, set, projects); err != nil {
		return err
	}
	return batches(w, set, projects)
}

func section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("─", 40))
}

// parcels prints the readiness of every standard-land parcel on asOf:
// what is still missing, and the project that takes it.
func parcels(w io.Writer, set *rules.Set, projects []*zone.Project) error {
	policy := set.Land()
	if policy == nil {
		return fmt.Errorf("the rule set %s has no land: section", set.ID())
	}
	takenBy := map[string]*zone.Project{}
	for _, p := range projects {
		if id := p.Attributes["parcel"]; id != "" {
			takenBy[id] = p
		}
	}
	section(w, "标准地 (区域评估 + 九通一平)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "地块\t面积\t出让条件\t未完成事项\t用地项目\n")
	var total, ready decimal.Decimal
	readyCount := 0
	for _, parcel := range policy.Parcels() {
		r, err := policy.Readiness(parcel.Ref.ID, asOf)
		if err != nil {
			return err
		}
		total = total.Add(r.Area)
		state := "具备"
		if r.Ready == zone.True {
			ready = ready.Add(r.Area)
			readyCount++
		} else {
			state = "不具备"
		}
		var missing []string
		for _, it := range r.Missing {
			missing = append(missing, it.Ref.Label)
		}
		user := "-"
		if p := takenBy[parcel.Ref.ID]; p != nil {
			user = p.ID + " " + p.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", parcel.Ref.ID, land.FormatArea(r.Area), state, orDash(strings.Join(missing, "、")), user)
	}
	tw.Flush()
	fmt.Fprintf(w, "合计 %d 宗 %s, 其中具备出让条件 %d 宗 %s\n",
		len(policy.Parcels()), land.FormatArea(total), readyCount, land.FormatArea(ready))
	for _, reg := range policy.Regional() {
		if !reg.Area.IsZero() {
			label := reg.ID
			for _, a := range policy.Assessments() {
				if a.Ref.ID == reg.ID {
					label = a.Ref.Label
				}
			}
			// Areas are held in 亩; 1平方公里 = 1500亩.
			km2 := reg.Area.Div(decimal.NewFromInt(1500))
			fmt.Fprintf(w, "区域评估: %s 覆盖 %s平方公里 (%s), 完成于 %s\n", label, km2, land.FormatArea(reg.Area), reg.On)
		}
	}
	return nil
}

// batches prints the 三个一批 figures by year and the portfolio rates.
func batches(w io.Writer, set *rules.Set, projects []*zone.Project) error {
	from := date.New(2025, 1, 1)
	rep, err := set.PortfolioWith(projects, zone.Options{AsOf: asOf, Granularity: zone.Yearly, From: &from})
	if err != nil {
		return err
	}
	section(w, "三个一批 (签约一批、开工一批、投产一批)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "期间\t签约\t开工\t投产\n")
	for _, p := range rep.Periods {
		label := p.Period.Label()
		if p.Partial {
			label += " (截至 " + asOf.String() + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", label, tally(p.Signed), tally(p.Started), tally(p.Producing))
	}
	fmt.Fprintf(tw, "合计\t%s\t%s\t%s\n", tally(rep.Total.Signed), tally(rep.Total.Started), tally(rep.Total.Producing))
	tw.Flush()

	// 新开工5亿元以上重大转型项目: started projects for which the rule set's
	// major_transformation condition holds.
	n, sum := 0, decimal.Zero
	for _, p := range projects {
		if d, ok := p.Event(zone.ConstructionStarted); !ok || d > asOf {
			continue
		}
		r, err := set.Evaluate(p, asOf)
		if err != nil {
			return fmt.Errorf("project %s: %w", p.ID, err)
		}
		for _, c := range r.Conditions {
			if c.Ref.ID == "major_transformation" && c.Explanation.Truth == zone.True {
				n++
				sum = sum.Add(*p.Investment)
			}
		}
	}
	fmt.Fprintf(w, "新开工5亿元以上重大转型项目 %d 个, 总投资 %s\n", n, land.FormatMoney(sum))

	section(w, "比率")
	for i, m := range rep.Metrics {
		r := rep.Total.Rates[i]
		pct := "-"
		if r.Percent != nil {
			pct = r.Percent.String() + "%"
		}
		num, den := r.Numerator.String(), r.Denominator.String()
		if m.NumeratorSum != "" { // a ratio of sums of money, e.g. annual output
			num, den = land.FormatMoney(r.Numerator), land.FormatMoney(r.Denominator)
		}
		fmt.Fprintf(w, "%s: %s (%s / %s)\n", m.Ref.Label, pct, num, den)
	}
	return nil
}

func tally(t zone.Tally) string {
	return fmt.Sprintf("%d 个 %s", t.Projects, land.FormatMoney(t.Investment))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// describe renders rule-file diagnostics with their source lines, so that a
// mistake in an edited YAML file shows where it is.
func describe(err error) error {
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	var b strings.Builder
	if werr := ds.WriteText(&b, func(name string) ([]byte, error) { return fs.ReadFile(examples.FS, name) }); werr != nil {
		return err
	}
	return fmt.Errorf("the example files do not load:\n%s", b.String())
}
