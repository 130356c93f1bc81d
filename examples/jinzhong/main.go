// Command jinzhong evaluates the example project portfolio of the Jinzhong
// development zone (综改区晋中开发区) against its rule set, as of a fixed date,
// and prints each project's stage, overdue time limits, supervision step,
// standard-land findings and services and support, then the portfolio's
// 三个一批 rates.
//
// Run it from the module root:
//
//	go run ./examples/jinzhong
//
// The rule set, its Shanxi baseline and the projects are read from the files
// embedded in package examples, so the program runs from any directory. The
// evaluation date is fixed, never the clock, so the output is the same on
// every run.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// asOf is the evaluation date of the report.
var asOf = date.New(2026, 10, 30)

const (
	policyPath   = "jinzhong/policy.yaml"
	projectsPath = "jinzhong/projects.yaml"
)

func main() {
	if err := run(os.Stdout, examples.FS); err != nil {
		fmt.Fprintln(os.Stderr, "jinzhong:", err)
		os.Exit(1)
	}
}

// run loads the rule set and the projects from fsys and writes the report
// to w.
func run(w io.Writer, fsys fs.FS) error {
	set, err := rules.LoadFS(fsys, policyPath)
	if err != nil {
		return describe(err, fsys)
	}
	projects, err := rules.LoadProjectsFS(set, fsys, projectsPath)
	if err != nil {
		return describe(err, fsys)
	}
	fmt.Fprintf(w, "%s\n评估日期 %s，项目 %d 个\n", set.Title(), asOf, len(projects))
	for _, p := range projects {
		r, err := set.Evaluate(p, asOf)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ID, err)
		}
		report(w, p, r)
	}
	pf, err := set.Portfolio(projects, asOf)
	if err != nil {
		return err
	}
	portfolio(w, pf)
	return nil
}

// portfolio writes the 三个一批 rates of the whole portfolio, with what
// each counts.
func portfolio(w io.Writer, pf *zone.Report) {
	fmt.Fprintf(w, "\n三个一批（截至 %s）: 签约 %d 个，开工 %d 个，投产 %d 个，达产 %d 个\n", pf.AsOf,
		pf.Total.Signed.Projects, pf.Total.Started.Projects, pf.Total.Producing.Projects, pf.Total.Reached.Projects)
	for i, m := range pf.Metrics {
		if i >= len(pf.Total.Rates) {
			break
		}
		rate := pf.Total.Rates[i]
		value := "—"
		if rate.Percent != nil {
			value = rate.Percent.String() + "%"
		}
		num, den := rate.Numerator.String(), rate.Denominator.String()
		if m.NumeratorSum != "" { // a ratio of sums of money, such as 达效率
			num, den = land.FormatMoney(rate.Numerator), land.FormatMoney(rate.Denominator)
		}
		fmt.Fprintf(w, "  %s %s（%s / %s）\n", m.Ref.Label, value, num, den)
	}
}

// describe renders rule-set diagnostics with their source lines.
func describe(err error, fsys fs.FS) error {
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	var b strings.Builder
	if werr := ds.WriteText(&b, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }); werr != nil {
		return err
	}
	return fmt.Errorf("the example files do not load:\n%s", b.String())
}

// report writes one project's section of the report.
func report(w io.Writer, p *zone.Project, r *rules.Result) {
	fmt.Fprintf(w, "\n%s %s", p.ID, p.Name)
	if p.Investment != nil {
		fmt.Fprintf(w, "（%s，%s）", land.FormatMoney(*p.Investment), p.Industry)
	}
	fmt.Fprintln(w)
	if lc := r.Lifecycle; lc != nil {
		lifecycle(w, lc)
	}
	if lr := r.Land; lr != nil {
		standardLand(w, lr)
	}
	if in := r.Incentives; in != nil {
		incentives(w, in)
	}
}

// lifecycle writes the stage, the next transition, the overdue deadlines and
// the supervision steps due.
func lifecycle(w io.Writer, lc *stage.Result) {
	if lc.Stage.Index < 0 {
		fmt.Fprintln(w, "  阶段: 尚未签约")
	} else {
		fmt.Fprintf(w, "  阶段: %s（%s 起）\n", lc.Stage.Ref.Label, lc.Stage.Entered)
	}
	if t := lc.Next; t != nil {
		var open []string
		for _, c := range t.Criteria {
			if c.Truth != zone.True {
				open = append(open, c.Ref.Label+"（"+c.Truth.Label()+"）")
			}
		}
		if t.Meeting != nil && t.Meeting.Truth != zone.True {
			open = append(open, t.Meeting.Ref.Label+"（未召开）")
		}
		if len(open) == 0 {
			fmt.Fprintf(w, "  %s: 转段标准已全部达成\n", t.Ref.Label)
		} else {
			fmt.Fprintf(w, "  %s: 待 %s\n", t.Ref.Label, strings.Join(open, "、"))
		}
	}
	for _, d := range lc.Deadlines {
		switch d.Status {
		case stage.Overdue:
			fmt.Fprintf(w, "  逾期: %s，应于 %s 前完成，已逾期 %d 个工作日\n", d.Ref.Label, d.Due, d.LateWorkdays)
		case stage.Running:
			if d.WorkdaysLeft <= 10 {
				fmt.Fprintf(w, "  临期: %s，%s 到期，剩余 %d 个工作日\n", d.Ref.Label, d.Due, d.WorkdaysLeft)
			}
		}
	}
	if lc.Escalation.Paused {
		fmt.Fprintf(w, "  督办: 正当理由暂停中（%s 起）\n", lc.Escalation.PausedSince)
	} else if step, ok := lc.Escalation.Last(); ok {
		fmt.Fprintf(w, "  督办: %s（%s 起，因%s）\n", step.Ref.Label, step.Since, because(lc, step.Because))
	}
	for _, f := range lc.Findings {
		fmt.Fprintf(w, "  数据提示: %s\n", f.Message)
	}
}

// because names what made a supervision step due: a deadline by its label,
// or the stage the project has stalled in.
func because(lc *stage.Result, why string) string {
	if id, ok := strings.CutPrefix(why, "stalled:"); ok {
		if id == lc.Stage.ID {
			return "在" + lc.Stage.Ref.Label + "阶段停滞"
		}
		return "在" + id + "阶段停滞"
	}
	for _, d := range lc.Deadlines {
		if d.Ref.ID == why {
			return d.Ref.Label + "逾期"
		}
	}
	return why
}

// standardLand writes the standard-land checks that need attention: a
// commitment below the standard, a parcel not ready, the acceptance review.
func standardLand(w io.Writer, lr *land.Result) {
	if lr.Applies != zone.True {
		return
	}
	for _, row := range lr.Commitment {
		if row.Verdict == zone.False {
			fmt.Fprintf(w, "  标准地: 承诺%s %s 低于%s %s\n", row.Indicator.Ref.Label,
				row.Indicator.Format(row.Committed), row.Required.Standard.Label, row.Indicator.Format(row.Required.Value))
		}
	}
	if pr := lr.Parcel; pr != nil && pr.Ready == zone.False {
		var missing []string
		for _, it := range pr.Missing {
			missing = append(missing, it.Ref.Label)
		}
		fmt.Fprintf(w, "  地块 %s 尚未具备出让条件: 缺 %s\n", pr.Parcel.ID, strings.Join(missing, "、"))
	}
	if a := lr.Acceptance; a != nil {
		switch a.Verdict {
		case zone.True:
			fmt.Fprintf(w, "  %s（%s）: 各项承诺指标均已达到\n", a.Ref.Label, a.On)
		case zone.False:
			fmt.Fprintf(w, "  %s（%s）: 未达承诺", a.Ref.Label, a.On)
			if a.RectifyErr == nil && a.RectifyBy != 0 {
				fmt.Fprintf(w, "，整改期限 %s", a.RectifyBy)
			}
			if total, ok := a.TotalDamages(); ok && total.IsPositive() {
				fmt.Fprintf(w, "，违约金 %s", land.FormatMoney(total))
			}
			fmt.Fprintln(w)
		}
	}
}

// incentives writes the services and support the project is entitled to,
// and those that cannot be decided yet.
func incentives(w io.Writer, in *incentive.Result) {
	var got, open []string
	for _, v := range in.Awards() {
		switch {
		case !v.IsMoney():
			got = append(got, v.Ref.Label)
		case v.AmountKnown:
			got = append(got, v.Ref.Label+" "+land.FormatMoney(v.Amount))
		default:
			got = append(got, v.Ref.Label+"（金额待定）")
		}
	}
	for _, v := range in.Undecided() {
		open = append(open, v.Ref.Label)
	}
	if len(got) > 0 {
		fmt.Fprintf(w, "  服务与扶持: %s\n", strings.Join(got, "、"))
	}
	if len(open) > 0 {
		fmt.Fprintf(w, "  待补充事实后判定: %s\n", strings.Join(open, "、"))
	}
}
