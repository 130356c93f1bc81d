package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// projectsLoader reads a projects file for a rule set.
type projectsLoader func(set *rules.Set, path string) ([]*zone.Project, error)

// loadProjectsFile is the projects-file loader of devzone report: YAML, or
// JSON for a .json file, typed by the rule set.
func loadProjectsFile(set *rules.Set, path string) ([]*zone.Project, error) {
	return rules.LoadProjectsFile(set, path)
}

// runReport prints a zone's portfolio dashboard: the 三个一批 figures by
// period, the rates with their numerators and denominators, by park and by
// industry, deadlines overdue, supervision steps due, design capacity and,
// when the rule set has incentives, the incentives granted.
func runReport(args []string, stdout io.Writer, load projectsLoader) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	rulesPath := fs.String("rules", "", "the rule set")
	projectsPath := fs.String("projects", "", "the projects file")
	asOfText := fs.String("as-of", "", "the report date, YYYY-MM-DD (default today)")
	fromText := fs.String("from", "", "start with the period of this date (default: the earliest milestone)")
	format := fs.String("format", "text", "text, json or markdown")
	period := fs.String("period", "", "month, quarter or year (default: the rule set's period:)")
	example := fs.String("example", "", "report on a shipped example zone: jinzhong, lvliang, jiaocheng or yuncheng (the default without --rules)")
	ledgerPath := fs.String("ledger", "", "the budget ledger file (JSON lines), for the budget balances")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("report: unexpected argument %q; give the files with --rules and --projects", pos[0])
	}
	if *rulesPath == "" && *projectsPath == "" && *example == "" {
		*example = "jinzhong"
	}
	switch {
	case *example != "" && (*rulesPath != "" || *projectsPath != ""):
		return usagef("report: give either --example or --rules and --projects, not both")
	case *example != "" && !slices.Contains(exampleZones, *example):
		return usagef("report: --example %q: use %s", *example, strings.Join(exampleZones, ", "))
	case *example == "" && (*rulesPath == "" || *projectsPath == ""):
		return usagef("report: give --rules RULES.yaml and --projects PROJECTS.yaml, e.g. devzone report --rules policy.yaml --projects projects.yaml --as-of 2025-06-30")
	}
	if *format != "text" && *format != "json" && *format != "markdown" {
		return usagef("report: --format %q: use text, json or markdown", *format)
	}
	opt := zone.Options{AsOf: date.Today(), Workers: runtime.GOMAXPROCS(0)}
	if *asOfText != "" {
		if opt.AsOf, err = parseDateArg(*asOfText); err != nil {
			return err
		}
	}
	if *fromText != "" {
		from, err := parseDateArg(*fromText)
		if err != nil {
			return err
		}
		opt.From = &from
	}
	if *period != "" {
		if opt.Granularity, err = zone.ParseGranularity(*period); err != nil || opt.Granularity == zone.GranularityUnknown {
			return usagef("report: --period %q: use month, quarter or year", *period)
		}
	}
	var set *rules.Set
	var projects []*zone.Project
	if *example != "" {
		// The shipped examples are embedded in the binary and load clean
		// (a test of package examples makes sure of it).
		if set, err = rules.LoadFS(examples.FS, *example+"/policy.yaml"); err != nil {
			return usagef("report: example %s: %v", *example, err)
		}
		if projects, err = rules.LoadProjectsFS(set, examples.FS, *example+"/projects.yaml"); err != nil {
			return reportInputError(err)
		}
	} else {
		set, err = rules.LoadFile(*rulesPath)
		if err != nil {
			var ds rules.Diagnostics
			if !errors.As(err, &ds) {
				return usagef("%s: %v", *rulesPath, err)
			}
			if werr := ds.WriteText(stdout, os.ReadFile); werr != nil {
				return werr
			}
			return &failure{}
		}
		if projects, err = load(set, *projectsPath); err != nil {
			return reportInputError(err)
		}
	}
	var budgets *budgetReport
	if inc := set.Incentives(); inc != nil && len(inc.Budgets()) > 0 {
		ledger, _, err := readLedger("report", inc, *ledgerPath, false)
		if err != nil {
			return err
		}
		if ledger, err = ledgerAsOf(inc, ledger, opt.AsOf); err != nil {
			return err
		}
		budgets = newBudgetReport(inc, ledger, "")
		budgets.Ledger = *ledgerPath
	} else if *ledgerPath != "" {
		return usagef("report: --ledger: the rule set has no budgets")
	}
	rep, err := set.PortfolioWith(projects, opt)
	if err != nil {
		return reportInputError(err)
	}
	switch *format {
	case "json":
		return writeJSON(stdout, reportJSON{Report: rep, Budgets: budgets})
	case "markdown":
		return writeDashboard(stdout, rep, set, budgets, style{markdown: true})
	}
	return writeDashboard(stdout, rep, set, budgets, style{})
}

// exampleZones are the example zones shipped in the binary.
var exampleZones = []string{"jinzhong", "lvliang", "jiaocheng", "yuncheng"}

// reportJSON is the JSON form of the dashboard: the portfolio report, and
// the budget balances when the rule set has budgets.
type reportJSON struct {
	*zone.Report
	Budgets *budgetReport `json:"budgets,omitempty"`
}

// writeDashboard writes the portfolio report, then the budget balances
// (from the ledger given, as of the report date; without one, every
// earmark is still whole).
func writeDashboard(w io.Writer, rep *zone.Report, set *rules.Set, budgets *budgetReport, st style) error {
	if err := writeReport(w, rep, set, st); err != nil {
		return err
	}
	if budgets == nil {
		return nil
	}
	heading := "预算余额 (budget balances)"
	if budgets.Ledger == "" {
		heading += ": no ledger given (--ledger), so nothing is allocated yet"
	}
	st.heading(w, heading)
	if st.markdown {
		fmt.Fprintln(w, "```")
		defer fmt.Fprintln(w, "```")
	}
	budgets.writeText(w)
	return nil
}

// reportInputError turns a problem with the projects into a usage error,
// one project per line.
func reportInputError(err error) error {
	var ds rules.Diagnostics
	if errors.As(err, &ds) {
		return usagef("%s", ds.Error())
	}
	var pes zone.ProjectErrors
	if errors.As(err, &pes) {
		lines := make([]string, len(pes))
		for i, e := range pes {
			lines[i] = e.Error()
		}
		return usagef("report: the rule set cannot evaluate these projects:\n  %s", strings.Join(lines, "\n  "))
	}
	return usagef("report: %v", err)
}

// style is how the dashboard is laid out: aligned text, or Markdown.
type style struct{ markdown bool }

func (st style) title(w io.Writer, s string) {
	if st.markdown {
		fmt.Fprintf(w, "# %s\n\n", s)
		return
	}
	fmt.Fprintln(w, s)
}

func (st style) heading(w io.Writer, s string) {
	if st.markdown {
		fmt.Fprintf(w, "\n## %s\n\n", s)
		return
	}
	fmt.Fprintf(w, "\n%s\n", s)
}

func (st style) table(w io.Writer, rows [][]string) {
	if st.markdown {
		markdownTable(w, rows)
		return
	}
	printTable(w, rows)
}

func (st style) note(w io.Writer, s string) {
	if st.markdown {
		fmt.Fprintf(w, "- %s\n", s)
		return
	}
	fmt.Fprintf(w, "  %s\n", s)
}

// markdownTable prints rows as a Markdown table, the first row the header.
func markdownTable(w io.Writer, rows [][]string) {
	for i, r := range rows {
		cells := make([]string, len(r))
		for j, c := range r {
			cells[j] = strings.ReplaceAll(c, "|", `\|`)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if i == 0 {
			fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(r)))
		}
	}
}

// writeReport prints the dashboard.
func writeReport(w io.Writer, rep *zone.Report, set *rules.Set, st style) error {
	title := "项目组合报告 (portfolio report)"
	if z := rep.Zone; z != nil {
		title = fmt.Sprintf("%s（%s，%s，%s）%s", z.Label(), z.ID(), z.Category().Label(), z.Level().Label(), title)
	}
	st.title(w, title)
	st.note(w, fmt.Sprintf("截至 %s；%s统计，%s 至 %s；项目 %d 个", rep.AsOf, rep.Granularity.Label(), rep.From, rep.AsOf, rep.Projects))

	st.heading(w, "三个一批 (signed, started, in production, at design capacity)")
	rows := [][]string{{"期间", "签约一批", "开工一批", "投产一批", "达产"}}
	for _, p := range rep.Periods {
		rows = append(rows, tallyRow(periodLabel(p), p.Figures))
	}
	rows = append(rows, tallyRow("合计", rep.Total))
	st.table(w, rows)

	if len(rep.Metrics) > 0 {
		st.heading(w, "比率 (rates: percent, numerator/denominator)")
		header := []string{"期间"}
		for _, m := range rep.Metrics {
			header = append(header, m.Ref.Label)
		}
		rows = [][]string{header}
		for _, p := range rep.Periods {
			rows = append(rows, rateRow(periodLabel(p), rep.Metrics, p.Rates))
		}
		rows = append(rows, rateRow("合计", rep.Metrics, rep.Total.Rates))
		st.table(w, rows)
		st.heading(w, "口径 (what each rate counts)")
		for i, m := range rep.Metrics {
			st.note(w, metricNote(m, rep.Total.Rates[i]))
		}
	}

	for _, g := range []struct {
		title  string
		groups []zone.Group
	}{{"按园区 (by park)", rep.Parks}, {"按产业 (by industry)", rep.Industries}} {
		st.heading(w, g.title)
		header := []string{"", "项目", "签约一批", "开工一批", "投产一批", "达产"}
		for _, m := range rep.Metrics {
			header = append(header, m.Ref.Label)
		}
		rows = [][]string{header}
		for _, grp := range g.groups {
			row := []string{groupLabel(grp), strconv.Itoa(grp.Projects)}
			row = append(row, tallyRow("", grp.Total)[1:]...)
			row = append(row, rateRow("", rep.Metrics, grp.Total.Rates)[1:]...)
			rows = append(rows, row)
		}
		st.table(w, rows)
	}

	st.heading(w, fmt.Sprintf("逾期时限 (deadlines overdue, oldest first): %d", len(rep.Overdue)))
	if len(rep.Overdue) > 0 {
		rows = [][]string{{"到期日", "项目", "时限", "逾期工作日"}}
		for _, o := range rep.Overdue {
			rows = append(rows, []string{o.Due.String(), projectLabel(o.Project), ruleLabel(o.Deadline), strconv.Itoa(o.LateWorkdays)})
		}
		st.table(w, rows)
	}
	st.heading(w, fmt.Sprintf("督办措施 (supervision steps due, oldest first): %d", len(rep.Escalations)))
	if len(rep.Escalations) > 0 {
		rows = [][]string{{"起始日", "项目", "措施", "原因", ""}}
		for _, e := range rep.Escalations {
			cur := ""
			if e.Current {
				cur = "当前"
			}
			rows = append(rows, []string{e.Since.String(), projectLabel(e.Project), ruleLabel(e.Step), e.Because, cur})
		}
		st.table(w, rows)
	}

	c := rep.Capacity
	st.heading(w, fmt.Sprintf("达产达效 (design capacity): %d reached, %d behind, %d in production", len(c.Reached), len(c.Behind), c.Producing))
	if len(c.Reached)+len(c.Behind) > 0 {
		rows = [][]string{{"日期", "项目", "状态", "时限", "逾期工作日"}}
		for _, it := range c.Reached {
			rows = append(rows, capacityRow(it, "已达产"))
		}
		for _, it := range c.Behind {
			rows = append(rows, capacityRow(it, "未按期达产"))
		}
		st.table(w, rows)
	}

	// The incentives granted, when the rule set has incentive programmes.
	if set.Incentives() != nil || len(rep.Incentives) > 0 {
		st.heading(w, fmt.Sprintf("扶持奖励 (incentives granted): %d programmes", len(rep.Incentives)))
		if len(rep.Incentives) > 0 {
			rows = [][]string{{"政策", "项目", "金额", "金额未定"}}
			for _, f := range rep.Incentives {
				amount := quantity.FormatMoney(f.Amount)
				if f.Service != "" {
					amount = f.Service
				}
				rows = append(rows, []string{ruleLabel(f.Programme), strconv.Itoa(f.Projects), amount, strconv.Itoa(f.AmountUnknown)})
			}
			st.table(w, rows)
		}
	}
	return nil
}

func periodLabel(p zone.PeriodFigures) string {
	if p.Partial {
		return p.Period.Label() + "（截至报告日）"
	}
	return p.Period.Label()
}

func tallyRow(label string, f zone.Figures) []string {
	row := []string{label}
	for _, t := range []zone.Tally{f.Signed, f.Started, f.Producing, f.Reached} {
		cell := fmt.Sprintf("%d 个 %s", t.Projects, quantity.FormatMoney(t.Investment))
		if t.InvestmentUnknown > 0 {
			cell += fmt.Sprintf("（%d 个未填投资额）", t.InvestmentUnknown)
		}
		row = append(row, cell)
	}
	return row
}

func rateRow(label string, ms []zone.MetricInfo, rs []zone.Rate) []string {
	row := []string{label}
	for i, r := range rs {
		row = append(row, rateCell(ms[i], r))
	}
	return row
}

// rateCell prints a rate as "58.82% (40/68)", "— (0/0)" without a
// denominator, with the number of undecided projects.
func rateCell(m zone.MetricInfo, r zone.Rate) string {
	pct := "—"
	if r.Percent != nil {
		pct = r.Percent.StringFixed(m.Places) + "%"
	}
	cell := fmt.Sprintf("%s (%s/%s)", pct, amountText(m.Unit, r.Numerator), amountText(m.Unit, r.Denominator))
	if n := len(r.Undecided); n > 0 {
		cell += fmt.Sprintf("，%d 个无法判定", n)
	}
	return cell
}

func amountText(unit string, d decimal.Decimal) string {
	switch unit {
	case "元":
		return quantity.FormatMoney(d)
	case "亩":
		return quantity.FormatArea(d)
	}
	return d.String()
}

func metricNote(m zone.MetricInfo, total zone.Rate) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)：", m.Ref.Label, m.Ref.ID)
	if m.Batch != "" {
		fmt.Fprintf(&b, "批次按 %s 所在期间；", m.Batch)
	} else {
		b.WriteString("全部项目，不分期间；")
	}
	fmt.Fprintf(&b, "分母 %s", m.Denominator)
	if m.DenominatorSum != "" {
		fmt.Fprintf(&b, " 的 %s 之和", m.DenominatorSum)
	}
	fmt.Fprintf(&b, "，分子其中 %s", m.Numerator)
	if m.NumeratorSum != "" {
		fmt.Fprintf(&b, " 的 %s 之和", m.NumeratorSum)
	}
	fmt.Fprintf(&b, "；百分比四舍五入保留 %d 位小数", m.Places)
	if m.Ref.Cite != "" {
		fmt.Fprintf(&b, "；依据 %s", m.Ref.Cite)
	}
	if len(total.Undecided) > 0 {
		ids := total.Undecided
		more := ""
		if len(ids) > 10 {
			ids, more = ids[:10], fmt.Sprintf(" 等 %d 个", len(total.Undecided))
		}
		fmt.Fprintf(&b, "；无法判定（不计入）：%s%s", strings.Join(ids, ", "), more)
	}
	return b.String()
}

func groupLabel(g zone.Group) string {
	s := g.Label
	if g.Within != "" {
		s += "（园中园，属 " + g.Within + "）"
	}
	if g.Class != zone.OtherIndustry {
		s += "（" + g.Class.Label() + "）"
	}
	if !g.Declared && g.Key != "" {
		s += "（未列入本区）"
	}
	return s
}

func projectLabel(p zone.ProjectRef) string {
	if p.Name == "" {
		return p.ID
	}
	return p.ID + " " + p.Name
}

func ruleLabel(r zone.Ref) string {
	if r.Label == "" || r.Label == r.ID {
		return r.ID
	}
	return r.Label + " (" + r.ID + ")"
}

func capacityRow(it zone.CapacityItem, status string) []string {
	late := ""
	if it.LateWorkdays > 0 {
		late = strconv.Itoa(it.LateWorkdays)
	}
	deadline := ""
	if it.Deadline.ID != "" {
		deadline = ruleLabel(it.Deadline)
	}
	return []string{it.Date.String(), projectLabel(it.Project), status, deadline, late}
}
