package calendar_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/devzone-go/devzone/calendar"
)

func ExampleMainlandChina() {
	cal := calendar.MainlandChina()
	first, last := cal.Years()
	fmt.Println(cal.ID(), first, last)
	// Output: cn-mainland 2004 2026
}

func ExampleCalendar_AddWorkdays() {
	cal := calendar.MainlandChina()
	// Project review passed on 2025-06-10; land transfer is due within 30
	// working days.
	due, err := cal.AddWorkdays(calendar.MustParseDate("2025-06-10"), 30)
	fmt.Println(due, err)
	// Across the 2025 National Day block: 2025-10-11 is a make-up working day.
	due, err = cal.AddWorkdays(calendar.MustParseDate("2025-09-26"), 30)
	fmt.Println(due, err)
	// Output:
	// 2025-07-22 <nil>
	// 2025-11-13 <nil>
}

func ExampleCalendar_NextWorkday() {
	next, _ := calendar.MainlandChina().NextWorkday(calendar.MustParseDate("2025-09-30"))
	fmt.Println(next)
	// Output: 2025-10-09
}

func ExampleCalendar_WorkdaysBetween() {
	n, _ := calendar.MainlandChina().WorkdaysBetween(calendar.MustParseDate("2024-12-31"), calendar.MustParseDate("2025-12-31"))
	fmt.Println(n, "working days in 2025")
	// Output: 248 working days in 2025
}

func ExampleCalendar_Deadline() {
	cal := calendar.MainlandChina()
	for _, p := range []string{"30个工作日", "10天", "1个月"} {
		due, _ := cal.Deadline(calendar.MustParseDate("2025-09-21"), calendar.MustParsePeriod(p))
		fmt.Println(p, due)
	}
	// Output:
	// 30个工作日 2025-11-06
	// 10天 2025-10-09
	// 1个月 2025-10-21
}

func ExampleCalendar_Day() {
	day, _ := calendar.MainlandChina().Day(calendar.MustParseDate("2025-10-11"))
	fmt.Println(day.IsWorkday(), day.Kind, day.Name)
	// Output: true 调休上班 国庆节、中秋节
}

func ExampleCalendar_Holidays() {
	hs, _ := calendar.MainlandChina().Holidays(2026)
	for _, h := range hs[:2] {
		fmt.Println(h.Name, h.First, h.Last, h.Days(), h.Workdays)
	}
	// Output:
	// 元旦 2026-01-01 2026-01-03 3 [2026-01-04]
	// 春节 2026-02-15 2026-02-23 9 [2026-02-14 2026-02-28]
}

func ExampleNoDataError() {
	_, err := calendar.MainlandChina().AddWorkdays(calendar.MustParseDate("2026-12-20"), 30)
	var nd *calendar.NoDataError
	if errors.As(err, &nd) {
		fmt.Println("missing year:", nd.Year)
	}
	// Output: missing year: 2027
}

func ExampleCalendar_WithWeekendFallback() {
	cal := calendar.MainlandChina().WithWeekendFallback()
	due, _ := cal.AddWorkdays(calendar.MustParseDate("2026-12-20"), 30)
	day, _ := cal.Day(due)
	fmt.Println(due, "provisional:", day.Fallback)
	// Output: 2027-01-29 provisional: true
}

func ExampleParsePeriod() {
	for _, s := range []string{"30 working days", "60日", "4 months", "30 weeks"} {
		p, err := calendar.ParsePeriod(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(p, p.N(), p.Unit() == calendar.WorkingDays)
	}
	// Output:
	// 30个工作日 30 true
	// 60天 60 false
	// 4个月 4 false
	// error: "30 weeks" is not a valid period: unknown unit "weeks"; expected a whole number followed by a unit: 个工作日 / working days, 天 / 日 / days, 个月 / months, or 年 / years (for example 30个工作日, 60天, 4个月)
}

func ExampleParseDate() {
	_, err := calendar.ParseDate("2025-02-30")
	fmt.Println(err)
	// Output: "2025-02-30" is not a valid date: that month has no such day
}

func ExampleLoad() {
	src := `
id: jinzhong-zone
label: 晋中开发区管委会工作日历
extends: cn-mainland
closures:
  - {name: 管委会集中学习, date: 2025-06-03}
workdays:
  - {name: 招商集中办公日, date: 2025-06-07}
`
	cal, err := calendar.Load("zone.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	day, _ := cal.Day(calendar.MustParseDate("2025-06-03"))
	fmt.Println(day.Kind, day.Name)
	// Output: 本地休息日 管委会集中学习
}

func ExampleFileErrors() {
	src := "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2025-02-30}\nworkday: []\n"
	_, err := calendar.Load("zone.yaml", []byte(src))
	var list calendar.FileErrors
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e.Code, strings.SplitN(e.Error(), ": ", 2)[0])
		}
	}
	// Output:
	// calendar.bad-date zone.yaml:4:21
	// calendar.unknown-key zone.yaml:5:1
}

func ExampleCalendar_IsWorkday() {
	cal := calendar.MainlandChina()
	for _, s := range []string{"2025-10-08", "2025-10-11"} {
		ok, _ := cal.IsWorkday(calendar.MustParseDate(s))
		fmt.Println(s, ok)
	}
	// Output:
	// 2025-10-08 false
	// 2025-10-11 true
}

func ExampleCalendar_Explain() {
	due, _ := calendar.MainlandChina().Explain(calendar.MustParseDate("2025-09-21"), calendar.MustParsePeriod("10天"))
	fmt.Println(due.Nominal, due.NominalDay.Kind, due.NominalDay.Name, "→", due.Due, due.Moved)
	// Output: 2025-10-01 节假日 国庆节、中秋节 → 2025-10-09 true
}

func ExampleCalendar_PrevWorkday() {
	prev, _ := calendar.MainlandChina().PrevWorkday(calendar.MustParseDate("2025-10-09"))
	fmt.Println(prev)
	// Output: 2025-09-30
}

func ExampleBuiltin() {
	cal, ok := calendar.Builtin(calendar.MainlandID)
	fmt.Println(cal.Label(), ok)
	_, ok = calendar.Builtin("cn-hk")
	fmt.Println(ok)
	// Output:
	// 中国大陆法定节假日 true
	// false
}

func ExampleLoadFile() {
	cal, err := calendar.LoadFile("testdata/jinzhong-zone.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	due, _ := cal.AddWorkdays(calendar.MustParseDate("2025-06-02"), 30)
	fmt.Println(cal.ID(), due)
	// Output: jinzhong-zone 2025-07-16
}

func ExampleNewPeriod() {
	p := calendar.NewPeriod(30, calendar.WorkingDays)
	text, _ := p.MarshalText()
	fmt.Println(string(text), p.IsValid(), calendar.NewPeriod(0, calendar.Days).IsValid())
	// Output: 30个工作日 true false
}

// EarliestDue needs no holiday data: land transferred on 2026-12-30 met a
// 30-working-day limit counted from 2026-12-10, although the due date
// itself falls in 2027, whose schedule is not published yet.
func ExampleEarliestDue() {
	start := calendar.MustParseDate("2026-12-10")
	limit := calendar.MustParsePeriod("30个工作日")
	_, err := calendar.MainlandChina().Deadline(start, limit)
	fmt.Println(err != nil)
	earliest := calendar.EarliestDue(start, limit)
	fmt.Println(earliest, calendar.MustParseDate("2026-12-30") <= earliest)
	// Output:
	// true
	// 2027-01-09 true
}
