package calendar

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/internal/editdist"
)

//go:embed data/cn-mainland.yaml
var mainlandData []byte

// MainlandID is the identifier of the built-in China mainland calendar, the
// value zone calendar files give in extends.
const MainlandID = "cn-mainland"

// mainland holds the built-in calendar, built on first use and never
// changed afterwards.
var mainland struct {
	once sync.Once
	cal  *Calendar
}

// MainlandChina returns the built-in calendar of China mainland statutory
// holidays and make-up working days, from the State Council notices of
// 2004 to 2026. It is built once, on first use, and shared: the value is
// immutable.
func MainlandChina() *Calendar {
	mainland.once.Do(func() {
		c, err := Load("cn-mainland.yaml", mainlandData)
		if err != nil {
			// The embedded data is checked by the package tests; failing
			// here means the module itself is broken.
			panic("calendar: embedded cn-mainland data is invalid: " + err.Error())
		}
		mainland.cal = c
	})
	return mainland.cal
}

// Builtin returns the built-in calendar with the given id ([MainlandID]), or
// false.
func Builtin(id string) (*Calendar, bool) {
	if id == MainlandID {
		return MainlandChina(), true
	}
	return nil, false
}

// MaxFileSize is the largest calendar file the loaders accept, in bytes.
const MaxFileSize = 1 << 20

// LoadFile reads and loads a calendar file from the operating system's file
// system. See [Load] for the format and errors.
func LoadFile(name string) (*Calendar, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Load(name, src)
}

// LoadFS reads and loads a calendar file from fsys, for example an embedded
// file system. See [Load].
func LoadFS(fsys fs.FS, name string) (*Calendar, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Load(name, src)
}

// Load builds a calendar from a YAML calendar file; name is used in error
// positions. Two kinds of file are accepted.
//
// A zone calendar extends a built-in calendar with local closures and extra
// working days:
//
//	id: jinzhong-zone
//	label: 晋中开发区管委会工作日历
//	extends: cn-mainland
//	closures:
//	  - {name: 管委会集中学习, date: 2025-06-03}
//	  - {name: 办公楼检修, from: 2025-07-14, to: 2025-07-15}
//	workdays:
//	  - {name: 招商集中办公日, date: 2025-06-07}
//
// A base calendar lists official schedules by year, as the embedded
// data/cn-mainland.yaml does:
//
//	id: cn-mainland
//	years:
//	  2025:
//	    notices: [https://www.gov.cn/...]
//	    holidays:
//	      - {name: 春节, from: 2025-01-28, to: 2025-02-04, work: [2025-01-26, 2025-02-08]}
//
// Every problem is reported, not just the first: the error is of type
// [FileErrors], each entry a [*FileError] with a file:line:col position.
func Load(name string, src []byte) (*Calendar, error) {
	l := &loader{file: name, lines: countLines(src)}
	if len(src) > MaxFileSize {
		l.errorf(1, 1, "calendar.too-large", "the file is %d bytes; a calendar file may be at most %d bytes", len(src), MaxFileSize)
		return nil, l.errs.Err()
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		line := 1
		msg := err.Error()
		// yaml.v3 reports "yaml: line N: ..." without a column.
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			if i := strings.IndexByte(rest, ':'); i > 0 {
				if n, err := strconv.Atoi(rest[:i]); err == nil {
					line, msg = n, strings.TrimSpace(rest[i+1:])
				}
			}
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		if msg == "EOF" {
			msg = "the file is empty"
		}
		l.errorf(line, 1, "calendar.syntax", "the file is not valid YAML: %s", msg)
		return nil, l.errs.Err()
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		l.errorf(1, 1, "calendar.syntax", "the file is empty")
		return nil, l.errs.Err()
	}
	c := l.load(doc.Content[0])
	if len(l.errs) > 0 {
		sort.SliceStable(l.errs, func(i, j int) bool {
			a, b := l.errs[i], l.errs[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return nil, l.errs
	}
	return c, nil
}

type loader struct {
	file  string
	lines int // lines in the file, as YAML counts them
	errs  FileErrors
}

// countLines counts lines as YAML does: \r\n, \r, \n, NEL, LS and PS all
// break lines.
func countLines(src []byte) int {
	n := 1
	for i, r := range string(src) {
		switch r {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			n++
		case '\n', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func (l *loader) errorf(line, col int, code, format string, args ...any) {
	// yaml.v3 places an empty document one line past the end; keep every
	// position inside the file.
	if line > l.lines {
		line, col = l.lines, 1
	}
	line, col = max(line, 1), max(col, 1)
	l.errs = append(l.errs, &FileError{File: l.file, Line: line, Col: col, Code: code, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) at(n *yaml.Node, code, format string, args ...any) {
	l.errorf(n.Line, n.Column, code, format, args...)
}

// field is one accepted key of a mapping.
type field struct {
	key      string
	kind     yaml.Kind
	required bool
}

// mapping checks that n is a mapping of the given fields and returns the value
// node of each key present. It reports aliases, duplicate and unknown keys,
// wrong kinds and missing required keys.
func (l *loader) mapping(n *yaml.Node, what string, fields ...field) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if !l.kind(n, yaml.MappingNode, what) {
		return out
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			l.at(k, "calendar.duplicate-key", "%s: key %q is given twice (first at line %d)", what, k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		var f *field
		for j := range fields {
			if fields[j].key == k.Value {
				f = &fields[j]
			}
		}
		if f == nil {
			keys := make([]string, len(fields))
			for j, f := range fields {
				keys[j] = f.key
			}
			msg := fmt.Sprintf("%s: unknown key %q", what, k.Value)
			if s := suggest(k.Value, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; allowed keys: " + strings.Join(keys, ", ")
			}
			l.at(k, "calendar.unknown-key", "%s", msg)
			continue
		}
		if l.kind(v, f.kind, what+"."+k.Value) {
			out[k.Value] = v
		}
	}
	for _, f := range fields {
		if _, ok := seen[f.key]; f.required && !ok {
			l.at(n, "calendar.missing-key", "%s: the required key %q is missing", what, f.key)
		}
	}
	return out
}

var kindNames = map[yaml.Kind]string{
	yaml.MappingNode:  "a mapping of keys to values",
	yaml.SequenceNode: "a list",
	yaml.ScalarNode:   "a single value",
}

func (l *loader) kind(n *yaml.Node, want yaml.Kind, what string) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		l.at(n, "calendar.alias", "%s: YAML anchors and aliases (& and *) are not allowed in calendar files; write the value out", what)
		return false
	}
	if n.Kind != want {
		l.at(n, "calendar.wrong-kind", "%s must be %s, not %s", what, kindNames[want], kindNames[n.Kind])
		return false
	}
	return true
}

func (l *loader) date(n *yaml.Node, what string) (date.Date, bool) {
	if !l.kind(n, yaml.ScalarNode, what) {
		return 0, false
	}
	d, err := ParseDate(n.Value)
	if err != nil {
		l.at(n, "calendar.bad-date", "%s: %v", what, err)
		return 0, false
	}
	return d, true
}

func (l *loader) text(n *yaml.Node, what string) string {
	if n == nil || !l.kind(n, yaml.ScalarNode, what) {
		return ""
	}
	if strings.TrimSpace(n.Value) == "" {
		l.at(n, "calendar.empty", "%s must not be empty", what)
	}
	return n.Value
}

// spec is a parsed calendar file before it is built.
type spec struct {
	id, label string
	years     []yearSpec
	base      *Calendar
	changes   []change
}

type yearSpec struct {
	year     int
	node     *yaml.Node
	notices  []string
	holidays []holidaySpec
}

type holidaySpec struct {
	name     string
	node     *yaml.Node
	from, to date.Date
	fromNode *yaml.Node
	work     []datedNode
}

type datedNode struct {
	d    date.Date
	node *yaml.Node
}

// change is one entry of a zone file's closures or workdays.
type change struct {
	name     string
	kind     DayKind // KindZoneClosure or KindZoneWorkday
	from, to date.Date
	node     *yaml.Node
}

func (l *loader) load(root *yaml.Node) *Calendar {
	top := l.mapping(root, "calendar file",
		field{key: "id", kind: yaml.ScalarNode, required: true},
		field{key: "label", kind: yaml.ScalarNode},
		field{key: "extends", kind: yaml.ScalarNode},
		field{key: "years", kind: yaml.MappingNode},
		field{key: "closures", kind: yaml.SequenceNode},
		field{key: "workdays", kind: yaml.SequenceNode},
	)
	var s spec
	if n := top["id"]; n != nil {
		s.id = l.text(n, "id")
		if s.id != "" && !validID(s.id) {
			l.at(n, "calendar.bad-id", "id %q may use only lower-case letters, digits and '-'", s.id)
		}
	}
	if n := top["label"]; n != nil {
		s.label = l.text(n, "label")
	}
	ext, years := top["extends"], top["years"]
	switch {
	case ext != nil && years != nil:
		l.at(years, "calendar.years-and-extends", "a calendar file either lists official years or extends a built-in calendar, not both; remove years or extends")
	case ext == nil && years == nil:
		if len(l.errs) == 0 {
			l.at(root, "calendar.missing-key", "calendar file: give extends: %s (a zone calendar) or years (a base calendar)", MainlandID)
		}
	case ext != nil:
		if b, ok := Builtin(ext.Value); ok {
			s.base = b
		} else {
			l.at(ext, "calendar.unknown-base", "extends: unknown calendar %q; the built-in calendars are: %s", ext.Value, MainlandID)
		}
	}
	if ext == nil {
		for _, key := range []string{"closures", "workdays"} {
			if n := top[key]; n != nil {
				l.at(n, "calendar.needs-extends", "%s belong in a zone calendar, which needs extends: %s", key, MainlandID)
			}
		}
	}
	if years != nil {
		s.years = l.years(years)
		if len(years.Content) == 0 {
			l.at(years, "calendar.missing-key", "years: list at least one year with its holidays")
		}
	}
	for _, key := range []string{"closures", "workdays"} {
		n := top[key]
		if n == nil {
			continue
		}
		kind := KindZoneClosure
		if key == "workdays" {
			kind = KindZoneWorkday
		}
		for i, item := range n.Content {
			what := fmt.Sprintf("%s[%d]", key, i)
			if !l.kind(item, yaml.MappingNode, what) {
				continue
			}
			m := l.mapping(item, what,
				field{key: "name", kind: yaml.ScalarNode, required: true},
				field{key: "date", kind: yaml.ScalarNode},
				field{key: "from", kind: yaml.ScalarNode},
				field{key: "to", kind: yaml.ScalarNode},
			)
			ch := change{name: l.text(m["name"], what+".name"), kind: kind, node: item}
			ok := true
			switch {
			case m["date"] != nil && (m["from"] != nil || m["to"] != nil):
				l.at(item, "calendar.bad-range", "%s: give either date or from and to, not both", what)
				ok = false
			case m["date"] != nil:
				ch.from, ok = l.date(m["date"], what+".date")
				ch.to, ch.node = ch.from, m["date"]
			case m["from"] != nil && m["to"] != nil:
				var ok2 bool
				ch.from, ok = l.date(m["from"], what+".from")
				ch.to, ok2 = l.date(m["to"], what+".to")
				ch.node = m["from"]
				ok = ok && ok2
				if ok && ch.to < ch.from {
					l.at(m["to"], "calendar.bad-range", "%s: to (%s) is before from (%s)", what, ch.to, ch.from)
					ok = false
				}
			default:
				l.at(item, "calendar.missing-key", "%s: give the day as date, or a range as from and to", what)
				ok = false
			}
			if ok && ch.to-ch.from > 366 {
				l.at(ch.node, "calendar.bad-range", "%s: a range may span at most a year", what)
				ok = false
			}
			if ok {
				s.changes = append(s.changes, ch)
			}
		}
	}
	if len(l.errs) > 0 {
		return nil
	}
	if s.base != nil {
		return l.overlay(s)
	}
	return l.build(s)
}

func validID(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func (l *loader) years(n *yaml.Node) []yearSpec {
	var out []yearSpec
	seen := map[int]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		y, err := strconv.Atoi(k.Value)
		if err != nil || len(k.Value) != 4 {
			l.at(k, "calendar.bad-year", "years: %q is not a year; write it as four digits, e.g. 2026", k.Value)
			continue
		}
		if prev, dup := seen[y]; dup {
			l.at(k, "calendar.duplicate-key", "years: %d is given twice (first at line %d)", y, prev)
			continue
		}
		seen[y] = k.Line
		what := "years." + k.Value
		m := l.mapping(v, what,
			field{key: "notices", kind: yaml.SequenceNode},
			field{key: "holidays", kind: yaml.SequenceNode, required: true},
		)
		ys := yearSpec{year: y, node: k}
		if ns := m["notices"]; ns != nil {
			for j, u := range ns.Content {
				ys.notices = append(ys.notices, l.text(u, fmt.Sprintf("%s.notices[%d]", what, j)))
			}
		}
		if hs := m["holidays"]; hs != nil {
			for j, h := range hs.Content {
				hw := fmt.Sprintf("%s.holidays[%d]", what, j)
				hm := l.mapping(h, hw,
					field{key: "name", kind: yaml.ScalarNode, required: true},
					field{key: "from", kind: yaml.ScalarNode, required: true},
					field{key: "to", kind: yaml.ScalarNode},
					field{key: "work", kind: yaml.SequenceNode},
				)
				hsp := holidaySpec{name: l.text(hm["name"], hw+".name"), node: h, fromNode: hm["from"]}
				var ok bool
				if hm["from"] == nil {
					continue
				}
				if hsp.from, ok = l.date(hm["from"], hw+".from"); !ok {
					continue
				}
				hsp.to = hsp.from
				if hm["to"] != nil {
					if hsp.to, ok = l.date(hm["to"], hw+".to"); !ok {
						continue
					}
					if hsp.to < hsp.from {
						l.at(hm["to"], "calendar.bad-range", "%s: to (%s) is before from (%s)", hw, hsp.to, hsp.from)
						continue
					}
					if hsp.to-hsp.from > 60 {
						l.at(hm["to"], "calendar.bad-range", "%s: a holiday block may span at most 60 days", hw)
						continue
					}
				}
				if w := hm["work"]; w != nil {
					for k, wn := range w.Content {
						if d, ok := l.date(wn, fmt.Sprintf("%s.work[%d]", hw, k)); ok {
							hsp.work = append(hsp.work, datedNode{d, wn})
						}
					}
				}
				ys.holidays = append(ys.holidays, hsp)
			}
		}
		out = append(out, ys)
	}
	slices.SortFunc(out, func(a, b yearSpec) int { return a.year - b.year })
	for i := 1; i < len(out); i++ {
		if out[i].year != out[i-1].year+1 {
			l.at(out[i].node, "calendar.year-gap", "years: %d follows %d; the years must be consecutive, a calendar cannot skip a year", out[i].year, out[i-1].year)
		}
	}
	if len(out) > 200 {
		l.at(n, "calendar.too-large", "years: at most 200 years may be listed")
	}
	return out
}

// frame allocates the per-day arrays for the years first..last.
func frame(first, last int) (date.Date, []dayInfo) {
	start := date.New(first, 1, 1)
	end := date.New(last+1, 1, 1)
	days := make([]dayInfo, int(end-start))
	for i := range days {
		if isWeekday(start + date.Date(i)) {
			days[i].kind = KindWorkday
		} else {
			days[i].kind = KindRestDay
		}
	}
	return start, days
}

func (l *loader) build(s spec) *Calendar {
	if len(s.years) == 0 {
		return nil
	}
	c := &Calendar{id: s.id, label: s.label, firstYear: s.years[0].year, lastYear: s.years[len(s.years)-1].year, notices: map[int][]string{}}
	c.first, c.days = frame(c.firstYear, c.lastYear)
	c.names = []string{""}
	nameIdx := map[string]uint16{"": 0}
	claimed := map[date.Date]*yaml.Node{}
	claim := func(d date.Date, n *yaml.Node, what string) bool {
		i := c.index(d)
		if i < 0 || i >= len(c.days) {
			l.at(n, "calendar.out-of-range", "%s: %s lies outside the years this file covers (%d–%d)", what, d, c.firstYear, c.lastYear)
			return false
		}
		if prev, dup := claimed[d]; dup {
			l.at(n, "calendar.duplicate-date", "%s: %s is already listed at line %d", what, d, prev.Line)
			return false
		}
		claimed[d] = n
		return true
	}
	for _, y := range s.years {
		if len(y.notices) > 0 {
			c.notices[y.year] = y.notices
		}
		for j, h := range y.holidays {
			what := fmt.Sprintf("years.%d.holidays[%d]", y.year, j)
			idx, ok := nameIdx[h.name]
			if !ok {
				idx = uint16(len(c.names))
				c.names = append(c.names, h.name)
				nameIdx[h.name] = idx
			}
			for d := h.from; d <= h.to; d++ {
				if claim(d, h.fromNode, what) {
					c.days[c.index(d)] = dayInfo{KindHoliday, idx}
				}
			}
			hol := Holiday{Name: h.name, Kind: KindHoliday, First: h.from, Last: h.to}
			for _, w := range h.work {
				if isWeekday(w.d) {
					l.at(w.node, "calendar.not-a-change", "%s.work: %s is a %s, already a working day; list only weekend days made into working days", what, w.d, w.d.Weekday())
					continue
				}
				if claim(w.d, w.node, what+".work") {
					c.days[c.index(w.d)] = dayInfo{KindMakeupWorkday, idx}
					hol.Workdays = append(hol.Workdays, w.d)
				}
			}
			c.holidays = append(c.holidays, hol)
		}
	}
	if len(l.errs) > 0 {
		return nil
	}
	slices.SortFunc(c.holidays, func(a, b Holiday) int { return int(a.First - b.First) })
	c.index2()
	return c
}

// overlay applies a zone file's closures and workdays to its base calendar.
func (l *loader) overlay(s spec) *Calendar {
	b := s.base
	c := &Calendar{id: s.id, label: s.label, firstYear: b.firstYear, lastYear: b.lastYear, first: b.first,
		days: slices.Clone(b.days), names: slices.Clone(b.names), holidays: slices.Clone(b.holidays), notices: b.notices, zoneChanges: true}
	seen := map[date.Date]change{}
	for _, ch := range s.changes {
		idx := uint16(len(c.names))
		c.names = append(c.names, ch.name)
		hol := Holiday{Name: ch.name, Kind: ch.kind, First: ch.from, Last: ch.to}
		for d := ch.from; d <= ch.to; d++ {
			i := c.index(d)
			if i < 0 || i >= len(c.days) {
				l.at(ch.node, "calendar.out-of-range", "%s: %s lies in %d, which has no official schedule yet (%s covers %d–%d); local days can be added once it does", ch.name, d, d.Year(), b.id, b.firstYear, b.lastYear)
				break
			}
			if prev, dup := seen[d]; dup {
				if prev.kind != ch.kind {
					l.at(ch.node, "calendar.closed-and-opened", "%s is both closed (%s) and opened as a working day (%s); keep one", d, closureName(prev, ch), workdayName(prev, ch))
				} else {
					l.at(ch.node, "calendar.duplicate-date", "%s is listed twice (first at line %d)", d, prev.node.Line)
				}
				continue
			}
			seen[d] = ch
			cur := c.days[i]
			if ch.kind == KindZoneClosure && !cur.kind.IsWorkday() {
				l.at(ch.node, "calendar.not-a-change", "closure %q: %s is already a rest day (%s%s); list only working days the zone closes", ch.name, d, cur.kind, paren(b.names[cur.name]))
				continue
			}
			if ch.kind == KindZoneWorkday && cur.kind.IsWorkday() {
				l.at(ch.node, "calendar.not-a-change", "workday %q: %s is already a working day; list only rest days the zone opens", ch.name, d)
				continue
			}
			c.days[i] = dayInfo{ch.kind, idx}
			if ch.kind == KindZoneWorkday {
				hol.Workdays = append(hol.Workdays, d)
			}
		}
		c.holidays = append(c.holidays, hol)
	}
	if len(l.errs) > 0 {
		return nil
	}
	slices.SortStableFunc(c.holidays, func(a, b Holiday) int { return int(a.First - b.First) })
	c.index2()
	return c
}

func closureName(a, b change) string {
	if a.kind == KindZoneClosure {
		return a.name
	}
	return b.name
}

func workdayName(a, b change) string {
	if a.kind == KindZoneWorkday {
		return a.name
	}
	return b.name
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return ", " + s
}

// index2 computes the running count and the working-day positions.
func (c *Calendar) index2() {
	c.cum = make([]int32, len(c.days)+1)
	c.work = make([]int32, 0, len(c.days)*5/7+16)
	for i, d := range c.days {
		c.cum[i+1] = c.cum[i]
		if d.kind.IsWorkday() {
			c.cum[i+1]++
			c.work = append(c.work, int32(i))
		}
	}
}

// suggest returns the candidate closest to s by edit distance, if close
// enough to be a likely typo.
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editdist.Distance(s, c); d < bestD || (d == bestD && best == "") && d <= max(1, utf8.RuneCountInString(c)/3) {
			best, bestD = c, d
		}
	}
	if best != "" && bestD > max(1, utf8.RuneCountInString(best)/3) {
		return ""
	}
	return best
}
