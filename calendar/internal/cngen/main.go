// Command cngen derives the calendar package's China mainland data file
// (calendar/data/cn-mainland.yaml) from holiday schedules in the holiday-cn
// JSON format: one YYYY.json per State Council notice, each listing only the
// days that the notice changes.
//
// Usage:
//
//	go run ./calendar/internal/cngen DIR... > calendar/data/cn-mainland.yaml
//
// Every DIR is scanned for files named YYYY.json. The generator groups each
// notice's rest days into holiday blocks (runs of rest days, bridging and
// extending over ordinary weekend days that the notice leaves out, as in
// "与周末连休"), attaches each make-up working day (调休上班) to the block of
// the same holiday, and normalises the informal names some notices use
// ("五一" → 劳动节, "十一" → 国庆节). A year whose file lists no day is
// treated as unpublished and left out.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

type notice struct {
	Year   int      `json:"year"`
	Papers []string `json:"papers"`
	Days   []struct {
		Name     string `json:"name"`
		Date     string `json:"date"`
		IsOffDay bool   `json:"isOffDay"`
	} `json:"days"`
}

type block struct {
	name     string
	from, to time.Time
	work     []time.Time
}

var fileName = regexp.MustCompile(`^(\d{4})\.json$`)

func main() {
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: cngen DIR...")
		os.Exit(2)
	}
	if err := run(flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "cngen:", err)
		os.Exit(1)
	}
}

func run(dirs []string) error {
	var notices []notice
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !fileName.MatchString(e.Name()) {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				return err
			}
			var n notice
			if err := json.Unmarshal(raw, &n); err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			if len(n.Days) > 0 {
				notices = append(notices, n)
			}
		}
	}
	sort.Slice(notices, func(i, j int) bool { return notices[i].Year < notices[j].Year })

	var b strings.Builder
	b.WriteString(header)
	fmt.Fprintf(&b, "years:\n")
	for _, n := range notices {
		blocks, err := group(n)
		if err != nil {
			return fmt.Errorf("%d: %w", n.Year, err)
		}
		fmt.Fprintf(&b, "  %d:\n", n.Year)
		if len(n.Papers) > 0 {
			fmt.Fprintf(&b, "    notices:\n")
			for _, p := range n.Papers {
				fmt.Fprintf(&b, "      - %s\n", p)
			}
		}
		fmt.Fprintf(&b, "    holidays:\n")
		for _, bl := range blocks {
			fmt.Fprintf(&b, "      - {name: %s, from: %s, to: %s", bl.name, iso(bl.from), iso(bl.to))
			if len(bl.work) > 0 {
				ws := make([]string, len(bl.work))
				for i, w := range bl.work {
					ws[i] = iso(w)
				}
				fmt.Fprintf(&b, ", work: [%s]", strings.Join(ws, ", "))
			}
			b.WriteString("}\n")
		}
	}
	_, err := os.Stdout.WriteString(b.String())
	return err
}

const header = `# China mainland statutory holidays and 调休 make-up working days, one entry per
# holiday block of each State Council General Office notice
# (国务院办公厅关于 YYYY 年部分节假日安排的通知).
#
# Derived by calendar/internal/cngen from the holiday-cn data set (MIT licence,
# built from the notices on www.gov.cn; the notice addresses are listed per year)
# and, for 2004–2006, from the same facts transcribed from that year's notices.
#
# A year's notice can change late-December days of the year before (e.g. the
# 2019 notice made 2018-12-29 a working day): entries sit under the notice's
# year, with their real dates. A block runs from its first to its last rest day,
# weekends inside it included; "work" lists its make-up working days.
#
# The 2020 notice's extension of the Spring Festival also listed 2020-02-03 (a
# Monday) as a working day; it is an ordinary working day and is not listed here.
#
# To add a year when its notice is published, add its entry below: no code change.
id: cn-mainland
label: 中国大陆法定节假日
`

func iso(t time.Time) string { return t.Format("2006-01-02") }

func normalise(name string) string {
	switch name {
	case "“五一”", "“五一”国际劳动节":
		return "劳动节"
	case "“十一”":
		return "国庆节"
	}
	return name
}

func isWeekend(t time.Time) bool {
	return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
}

func group(n notice) ([]block, error) {
	listed := map[time.Time]bool{}
	type day struct {
		name string
		date time.Time
		off  bool
	}
	var days []day
	for _, d := range n.Days {
		t, err := time.Parse("2006-01-02", d.Date)
		if err != nil {
			return nil, err
		}
		listed[t] = true
		days = append(days, day{normalise(d.Name), t, d.IsOffDay})
	}
	slices.SortFunc(days, func(a, b day) int { return a.date.Compare(b.date) })

	var blocks []block
	for _, d := range days {
		if !d.off {
			continue
		}
		if k := len(blocks) - 1; k >= 0 && blocks[k].name == d.name && bridges(blocks[k].to, d.date, listed) {
			blocks[k].to = d.date
			continue
		}
		blocks = append(blocks, block{name: d.name, from: d.date, to: d.date})
	}
	// Extend each block over the ordinary weekend days next to it.
	for i := range blocks {
		for t := blocks[i].from.AddDate(0, 0, -1); isWeekend(t) && !listed[t]; t = t.AddDate(0, 0, -1) {
			blocks[i].from = t
		}
		for t := blocks[i].to.AddDate(0, 0, 1); isWeekend(t) && !listed[t]; t = t.AddDate(0, 0, 1) {
			blocks[i].to = t
		}
	}
	for _, d := range days {
		if d.off {
			continue
		}
		if !isWeekend(d.date) {
			continue // 2020-02-03: an ordinary working day, see the header.
		}
		best := -1
		for i, bl := range blocks {
			if bl.name != d.name {
				continue
			}
			if best < 0 || distance(bl, d.date) < distance(blocks[best], d.date) {
				best = i
			}
		}
		if best < 0 {
			return nil, fmt.Errorf("make-up working day %s (%s) has no holiday block", iso(d.date), d.name)
		}
		blocks[best].work = append(blocks[best].work, d.date)
	}
	return blocks, nil
}

// bridges reports whether every day strictly between a and b is an ordinary
// weekend day that the notice does not list.
func bridges(a, b time.Time, listed map[time.Time]bool) bool {
	for t := a.AddDate(0, 0, 1); t.Before(b); t = t.AddDate(0, 0, 1) {
		if !isWeekend(t) || listed[t] {
			return false
		}
	}
	return true
}

func distance(bl block, t time.Time) time.Duration {
	if t.Before(bl.from) {
		return bl.from.Sub(t)
	}
	return t.Sub(bl.to)
}
