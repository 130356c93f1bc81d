// Command lvliang evaluates the synthetic project portfolio of the Lüliang
// economic-technological development zone (吕梁经开区) against its rule set
// and prints what the zone's service regime asks officers to watch: the
// 拿地即开工 deadline of every standard-land project, the benchmark
// timelines of key projects (开工到具备试生产能力60天, 立项到投产4个月), and
// the project steward (项目管家) of every key project.
//
// The evaluation date is fixed, so the output is the same on every run:
//
//	go run ./examples/lvliang
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

	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// asOf is the evaluation date of the report; the program never reads the
// clock.
var asOf = date.New(2026, 11, 23)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lvliang:", err)
		os.Exit(1)
	}
}

// evaluated is one project with its evaluation.
type evaluated struct {
	p *zone.Project
	r *rules.Result
}

func run(w io.Writer) error {
	set, err := rules.LoadFS(examples.FS, "lvliang/policy.yaml")
	if err != nil {
		return describe(err)
	}
	projects, err := rules.LoadProjectsFS(set, examples.FS, "lvliang/projects.yaml")
	if err != nil {
		return describe(err)
	}
	var all []evaluated
	for _, p := range projects {
		r, err := set.Evaluate(p, asOf)
		if err != nil {
			return fmt.Errorf("project %s: %w", p.ID, err)
		}
		all = append(all, evaluated{p, r})
	}

	fmt.Fprintf(w, "%s — %d 个项目(合成数据), 评估日期 %s\n", set.Title(), len(projects), asOf)

	section(w, "拿地即开工 (标准地项目拿地后开工时限)")
	deadlines(w, all, "land-to-start", "拿地", "开工")

	section(w, "对标时限: 开工至具备试生产能力 (对标氢澜项目)")
	deadlines(w, all, "start-to-trial-production", "开工", "具备试生产能力")

	section(w, "对标时限: 立项至投产 (对标迪诺思项目)")
	deadlines(w, all, "approval-to-production", "立项", "投产")

	section(w, "项目管家 (每个重点项目明确一名项目管家)")
	stewards(w, all)
	return nil
}

func section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("─", 40))
}

// deadlines prints every project to which the deadline id applies.
func deadlines(w io.Writer, all []evaluated, id, from, done string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "项目\t名称\t%s\t期限\t%s\t状态\n", from, done)
	counts := map[stage.Status]int{}
	for _, e := range all {
		if e.r.Lifecycle == nil {
			continue
		}
		for _, d := range e.r.Lifecycle.Deadlines {
			if d.Ref.ID != id || d.Status == stage.NotApplicable || d.Status == stage.NotStarted {
				continue
			}
			counts[d.Status]++
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.p.ID, e.p.Name, day(d.Start), day(d.Due), day(d.Done), status(d))
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "按期 %d, 逾期完成 %d, 进行中 %d, 已逾期 %d, 无法判定 %d\n",
		counts[stage.MetOnTime], counts[stage.MetLate], counts[stage.Running], counts[stage.Overdue], counts[stage.StatusUnknown])
}

// status describes a deadline's state in words.
func status(d stage.DeadlineResult) string {
	switch d.Status {
	case stage.Running:
		return fmt.Sprintf("%s, 剩 %d 个工作日", d.Status.Label(), d.WorkdaysLeft)
	case stage.Overdue, stage.MetLate:
		return fmt.Sprintf("%s %d 个工作日", d.Status.Label(), d.LateWorkdays)
	case stage.StatusUnknown:
		return d.Status.Label() + ": " + d.Why
	}
	return d.Status.Label()
}

// stewards lists the key projects entitled to a project steward and who
// the steward is; a key project without one is flagged.
func stewards(w io.Writer, all []evaluated) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "项目\t名称\t投资额\t阶段\t项目管家\n")
	missing := 0
	for _, e := range all {
		if e.r.Incentives == nil {
			continue
		}
		v, ok := e.r.Incentives.Lookup("project-steward")
		if !ok || v.Status != incentive.Awarded {
			continue
		}
		name := e.p.Attributes["steward"]
		if name == "" {
			name = "未明确 ← 须明确一名项目管家"
			missing++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.p.ID, e.p.Name, money(e.p), stageOf(e.r), name)
	}
	tw.Flush()
	fmt.Fprintf(w, "未明确项目管家的重点项目: %d\n", missing)
}

func stageOf(r *rules.Result) string {
	if r.Lifecycle == nil || r.Lifecycle.Stage.ID == "" {
		return "洽谈"
	}
	return r.Lifecycle.Stage.Ref.Label
}

func money(p *zone.Project) string {
	if p.Investment == nil {
		return "-"
	}
	return land.FormatMoney(*p.Investment)
}

func day(d date.Date) string {
	if d == date.Zero {
		return "-"
	}
	return d.String()
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
