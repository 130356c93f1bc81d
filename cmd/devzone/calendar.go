package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules"
)

// calendarDiagnostics turns a calendar file's problems into diagnostics, so
// that they print like a rule file's: position, code, the source line.
func calendarDiagnostics(list calendar.FileErrors) rules.Diagnostics {
	ds := make(rules.Diagnostics, len(list))
	for i, e := range list {
		ds[i] = &rules.Diagnostic{
			Severity: rules.SeverityError,
			Code:     e.Code,
			Pos:      rules.Pos{File: e.File, Line: e.Line, Col: e.Col},
			Summary:  e.Msg,
		}
	}
	return ds
}

func runCalendar(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("calendar: give a sub-command: add, deadline, between, is-workday or holidays")
	}
	sub := args[0]
	fs := flag.NewFlagSet("calendar "+sub, flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "machine-readable output")
	file := fs.String("calendar", "", "zone calendar file extending cn-mainland")
	fallback := fs.Bool("fallback", false, "count unpublished years Monday to Friday")
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	cal := calendar.MainlandChina()
	if *file != "" {
		c, err := calendar.LoadFile(*file)
		if err != nil {
			var list calendar.FileErrors
			if !errors.As(err, &list) {
				return usagef("%v", err)
			}
			if werr := calendarDiagnostics(list).WriteText(stderr, os.ReadFile); werr != nil {
				return werr
			}
			return &silentUsage{}
		}
		cal = c
	}
	if *fallback {
		cal = cal.WithWeekendFallback()
	}
	c := calCmd{cal: cal, json: *asJSON, out: stdout}
	switch sub {
	case "add":
		return c.add(pos)
	case "deadline":
		return c.deadline(pos)
	case "between":
		return c.between(pos)
	case "is-workday":
		return c.isWorkday(pos)
	case "holidays":
		return c.holidays(pos)
	}
	return usagef("calendar: unknown sub-command %q; use add, deadline, between, is-workday or holidays", sub)
}

type calCmd struct {
	cal  *calendar.Calendar
	json bool
	out  io.Writer
}

func wantArgs(cmd string, pos []string, n int, form string) error {
	if len(pos) != n {
		return usagef("calendar %s: expected %s", cmd, form)
	}
	return nil
}

func parseDateArg(s string) (date.Date, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return 0, usagef("%v", err)
	}
	return d, nil
}

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

func weekday(d date.Date) string { return weekdays[d.Weekday()] }

// queryErr turns a library error into a one-line usage error.
func queryErr(err error) error {
	if err == nil {
		return nil
	}
	var nd *calendar.NoDataError
	if errors.As(err, &nd) {
		return usagef("no official holiday schedule for %d (%s covers %d–%d); add --fallback to count it Monday–Friday, provisionally", nd.Year, nd.Calendar, nd.First, nd.Last)
	}
	return usagef("%v", err)
}

// provisional returns a note when any of the dates lies in a fallback year.
func (c calCmd) provisional(ds ...date.Date) bool {
	for _, d := range ds {
		if day, err := c.cal.Day(d); err == nil && day.Fallback {
			return true
		}
	}
	return false
}

const provisionalNote = "  [provisional: no official schedule for that year; counted Monday–Friday]"

func (c calCmd) add(pos []string) error {
	if err := wantArgs("add", pos, 2, "DATE N, e.g. devzone calendar add 2025-09-26 30"); err != nil {
		return err
	}
	start, err := parseDateArg(pos[0])
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(pos[1])
	if err != nil || n > calendar.MaxWorkdayCount || n < -calendar.MaxWorkdayCount {
		return usagef("calendar add: %q is not a whole number of working days", pos[1])
	}
	due, err := c.cal.AddWorkdays(start, n)
	if err != nil {
		return queryErr(err)
	}
	prov := c.provisional(start, due)
	if c.json {
		return writeJSON(c.out, struct {
			Date        string `json:"date"`
			Start       string `json:"start"`
			Workdays    int    `json:"workdays"`
			Calendar    string `json:"calendar"`
			Provisional bool   `json:"provisional"`
		}{due.String(), start.String(), n, c.cal.ID(), prov})
	}
	dir := "后"
	if n < 0 {
		dir, n = "前", -n
	}
	fmt.Fprintf(c.out, "%s %s  %s %s第 %d 个工作日", due, weekday(due), start, dir, n)
	if prov {
		fmt.Fprint(c.out, provisionalNote)
	}
	fmt.Fprintln(c.out)
	return nil
}

func (c calCmd) deadline(pos []string) error {
	if err := wantArgs("deadline", pos, 2, "DATE PERIOD, e.g. devzone calendar deadline 2025-09-21 10天"); err != nil {
		return err
	}
	start, err := parseDateArg(pos[0])
	if err != nil {
		return err
	}
	p, err := calendar.ParsePeriod(pos[1])
	if err != nil {
		return usagef("%v", err)
	}
	due, err := c.cal.Explain(start, p)
	if err != nil {
		return queryErr(err)
	}
	prov := c.provisional(start, due.Due)
	if c.json {
		return writeJSON(c.out, struct {
			Due         string `json:"due"`
			Start       string `json:"start"`
			Period      string `json:"period"`
			Nominal     string `json:"nominal"`
			Moved       bool   `json:"moved"`
			Calendar    string `json:"calendar"`
			Provisional bool   `json:"provisional"`
		}{due.Due.String(), start.String(), p.String(), due.Nominal.String(), due.Moved, c.cal.ID(), prov})
	}
	fmt.Fprintf(c.out, "%s %s  %s 起算 %s 的期限届满日 (起算日不计入)", due.Due, weekday(due.Due), start, p)
	if due.Moved {
		fmt.Fprintf(c.out, "; 期间最后一日 %s 为%s%s, 顺延至其后第一个工作日 (民法典第二百零三条)", due.Nominal, due.NominalDay.Kind, nameSuffix(due.NominalDay.Name))
	}
	if prov {
		fmt.Fprint(c.out, provisionalNote)
	}
	fmt.Fprintln(c.out)
	return nil
}

func nameSuffix(name string) string {
	if name == "" {
		return ""
	}
	return " (" + name + ")"
}

func (c calCmd) between(pos []string) error {
	if err := wantArgs("between", pos, 2, "A B, e.g. devzone calendar between 2024-12-31 2025-12-31"); err != nil {
		return err
	}
	a, err := parseDateArg(pos[0])
	if err != nil {
		return err
	}
	b, err := parseDateArg(pos[1])
	if err != nil {
		return err
	}
	n, err := c.cal.WorkdaysBetween(a, b)
	if err != nil {
		return queryErr(err)
	}
	prov := c.provisional(a, b)
	if c.json {
		return writeJSON(c.out, struct {
			Workdays    int    `json:"workdays"`
			From        string `json:"from"`
			To          string `json:"to"`
			Calendar    string `json:"calendar"`
			Provisional bool   `json:"provisional"`
		}{n, a.String(), b.String(), c.cal.ID(), prov})
	}
	fmt.Fprintf(c.out, "%d 个工作日  %s 之后至 %s (含) 之间", n, a, b)
	if prov {
		fmt.Fprint(c.out, provisionalNote)
	}
	fmt.Fprintln(c.out)
	return nil
}

func (c calCmd) isWorkday(pos []string) error {
	if len(pos) > 1 {
		return usagef("calendar is-workday: expected at most one DATE, e.g. devzone calendar is-workday 2025-10-11")
	}
	d := date.NewAt(time.Now()) // the CLI, not the library, decides what today is
	if len(pos) == 1 {
		var err error
		if d, err = parseDateArg(pos[0]); err != nil {
			return err
		}
	}
	day, err := c.cal.Day(d)
	if err != nil {
		return queryErr(err)
	}
	if c.json {
		return writeJSON(c.out, struct {
			Date        string `json:"date"`
			Workday     bool   `json:"workday"`
			Kind        string `json:"kind"`
			Name        string `json:"name,omitempty"`
			Calendar    string `json:"calendar"`
			Provisional bool   `json:"provisional"`
		}{d.String(), day.IsWorkday(), day.Kind.String(), day.Name, c.cal.ID(), day.Fallback})
	}
	verdict := "休息日"
	if day.IsWorkday() {
		verdict = "工作日"
	}
	fmt.Fprintf(c.out, "%s %s  %s", d, weekday(d), verdict)
	switch day.Kind {
	case calendar.KindWorkday:
	case calendar.KindRestDay:
		fmt.Fprint(c.out, " (周末)")
	default:
		fmt.Fprintf(c.out, ": %s%s", day.Kind, nameSuffix(day.Name))
	}
	if day.Fallback {
		fmt.Fprint(c.out, provisionalNote)
	}
	fmt.Fprintln(c.out)
	return nil
}

func (c calCmd) holidays(pos []string) error {
	if len(pos) > 1 {
		return usagef("calendar holidays: expected at most one YEAR, e.g. devzone calendar holidays 2026")
	}
	year := date.NewAt(time.Now()).Year()
	if len(pos) == 1 {
		y, err := strconv.Atoi(pos[0])
		if err != nil || len(pos[0]) != 4 {
			return usagef("calendar holidays: %q is not a year; write four digits, e.g. 2026", pos[0])
		}
		year = y
	}
	hs, err := c.cal.Holidays(year)
	if err != nil {
		return queryErr(err)
	}
	if c.json {
		type jh struct {
			Name     string   `json:"name"`
			Kind     string   `json:"kind"`
			From     string   `json:"from"`
			To       string   `json:"to"`
			Days     int      `json:"days"`
			Workdays []string `json:"workdays"`
		}
		out := struct {
			Year     int      `json:"year"`
			Calendar string   `json:"calendar"`
			Notices  []string `json:"notices"`
			Holidays []jh     `json:"holidays"`
		}{Year: year, Calendar: c.cal.ID(), Notices: c.cal.Notices(year), Holidays: []jh{}}
		if out.Notices == nil {
			out.Notices = []string{}
		}
		for _, h := range hs {
			ws := []string{}
			for _, w := range h.Workdays {
				ws = append(ws, w.String())
			}
			out.Holidays = append(out.Holidays, jh{h.Name, h.Kind.String(), h.First.String(), h.Last.String(), h.Days(), ws})
		}
		return writeJSON(c.out, out)
	}
	fmt.Fprintf(c.out, "%d 年节假日安排 (%s)\n", year, c.cal.Label())
	for _, n := range c.cal.Notices(year) {
		fmt.Fprintf(c.out, "依据: %s\n", n)
	}
	rows := [][]string{{"名称", "放假", "天数", "调休上班"}}
	for _, h := range hs {
		span := h.First.String()
		if h.Last != h.First {
			span += " 至 " + h.Last.String()
		}
		var ws []string
		for _, w := range h.Workdays {
			ws = append(ws, w.String()+" "+weekday(w))
		}
		name := h.Name
		if h.Kind != calendar.KindHoliday {
			name += " [" + h.Kind.String() + "]"
		}
		days := strconv.Itoa(h.Days()) + "天"
		if h.Kind == calendar.KindZoneWorkday {
			span, days = "", ""
		}
		rows = append(rows, []string{name, span, days, strings.Join(ws, ", ")})
	}
	printTable(c.out, rows)
	return nil
}
