package rules

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// MarshalProjects writes projects as a projects file in YAML that
// [ParseProjects] reads back, with the same set, into projects equal to ps
// (by [zone.Project.Equal]): the round trip is lossless. Money is written in
// the unit a person would use (12亿元), dates as 2025-06-01, kinds and land
// modes by their identifiers, declared facts flat in the order the rule set
// declares them (a list fact as a list when its text is items joined with
// ", "), and events in date order. Text is quoted only when it must be.
//
// set says which facts and events beyond the built-in ones may be written;
// it may be nil, for projects without attributes and with built-in events
// only. A project that cannot be written losslessly — no id or an id used
// twice, text that is not UTF-8, a negative or unrepresentable investment,
// an unknown kind, an attribute or event the rule set does not declare, an
// attribute value that does not fit its fact — is reported; the error is
// of type [Diagnostics] (code projects.marshal, with the path of the
// value, without a file position) and no output is returned.
func MarshalProjects(set *Set, ps []*zone.Project) ([]byte, error) {
	m := &marshaller{set: set, r: newProjectReader(nil, set)}
	var b bytes.Buffer
	b.WriteString("devzone: " + FormatVersion + "\n")
	if len(ps) == 0 {
		b.WriteString("projects: []\n")
	} else {
		b.WriteString("projects:\n")
	}
	seen := make(map[string]int)
	for i, p := range ps {
		path := yamlnode.Path("projects").Index(i)
		if p == nil {
			m.fail(path, "project %d is nil", i+1)
			continue
		}
		if j, dup := seen[p.ID]; dup {
			m.fail(path.Key("id"), "projects %d and %d have the same id %q; a projects file needs a different id for each", j+1, i+1, p.ID)
		}
		seen[p.ID] = i
		m.project(&b, p, path)
	}
	if len(m.diags) > 0 {
		return nil, m.diags
	}
	out := b.Bytes()
	// The promise is a lossless round trip: check it, so that a gap in the
	// checks above shows as an error rather than as data changed silently.
	back, err := ParseProjects(set, "projects.yaml", out)
	if err != nil {
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeProjectsMarshal,
			Summary: "the projects cannot be written so that they read back the same: " + err.Error()}}
	}
	for i := range back {
		if !back[i].Equal(ps[i]) {
			return nil, Diagnostics{{Severity: SeverityError, Code: CodeProjectsMarshal, Path: string(yamlnode.Path("projects").Index(i)),
				Summary: fmt.Sprintf("project %q cannot be written so that it reads back the same", ps[i].ID)}}
		}
	}
	return out, nil
}

type marshaller struct {
	set   *Set
	r     *projectReader // for the declared facts and events
	diags Diagnostics
}

func (m *marshaller) fail(path yamlnode.Path, format string, args ...any) {
	m.diags = append(m.diags, &Diagnostic{Severity: SeverityError, Code: CodeProjectsMarshal, Path: string(path), Summary: fmt.Sprintf(format, args...)})
}

func (m *marshaller) project(b *bytes.Buffer, p *zone.Project, path yamlnode.Path) {
	first := true
	field := func(key, value string) {
		if first {
			b.WriteString("  - ")
			first = false
		} else {
			b.WriteString("    ")
		}
		b.WriteString(key + ": " + value + "\n")
	}
	text := func(key, v string) {
		switch {
		case v == "":
		case !utf8.ValidString(v):
			m.fail(path.Key(key), "%s of project %q is not valid UTF-8 text", key, p.ID)
		default:
			field(key, yamlText(v))
		}
	}
	if strings.TrimSpace(p.ID) == "" {
		m.fail(path.Key("id"), "project %d has no id; a projects file needs one for each project", pathIndex(path)+1)
	}
	text("id", p.ID)
	text("name", p.Name)
	text("investor", p.Investor)
	if p.Investment != nil {
		s := quantity.FormatMoney(*p.Investment)
		if back, err := readMoney(s); err != nil || !back.Equal(*p.Investment) {
			m.fail(path.Key("investment"), "the investment of project %q (%s元) cannot be written as an amount of money: amounts are not negative and have at most 20 digits before the decimal point and 16 after it", p.ID, p.Investment.String())
		} else {
			field("investment", s)
		}
	}
	text("industry", p.Industry)
	// An enum's String is "" for the zero value (unknown: not written) and
	// for values out of range, which cannot be written.
	for _, e := range []struct {
		key  string
		n    uint8
		name string
	}{{"kind", uint8(p.Kind), p.Kind.String()}, {"land_mode", uint8(p.LandMode), p.LandMode.String()}} {
		switch {
		case e.name != "":
			field(e.key, e.name)
		case e.n != 0:
			m.fail(path.Key(e.key), "project %q has an unknown %s (%d)", p.ID, e.key, e.n)
		}
	}
	if p.ChainLeaderSourced != nil {
		field("chain_leader_sourced", strconv.FormatBool(*p.ChainLeaderSourced))
	}
	text("park", p.Park)
	m.attributes(p, path, field)
	m.events(p, path, field)
	if first { // nothing written: still an item
		b.WriteString("  - {}\n")
	}
}

func pathIndex(p yamlnode.Path) int {
	s := string(p)
	i := strings.LastIndexByte(s, '[')
	n, _ := strconv.Atoi(strings.TrimSuffix(s[i+1:], "]"))
	return n
}

func (m *marshaller) attributes(p *zone.Project, path yamlnode.Path, field func(key, value string)) {
	for name := range p.Attributes {
		if _, ok := m.r.declared[name]; !ok {
			who := "the rule set " + setID(m.set)
			if m.set == nil {
				who = "no rule set (none was given)"
			}
			m.fail(path.Key(name), "project %q has the attribute %s, which %s declares under facts:", p.ID, name, who)
		}
	}
	if m.set == nil {
		return
	}
	for _, f := range m.set.facts {
		raw, ok := p.Attributes[f.Name]
		if f.Builtin || !ok {
			continue
		}
		ap := path.Key(f.Name)
		if !utf8.ValidString(raw) {
			m.fail(ap, "the value of %s of project %q is not valid UTF-8 text", f.Name, p.ID)
			continue
		}
		if f.Type.Kind != expr.KindList {
			if pr := checkFactItem(f, f.Type.Kind, raw); pr != nil {
				m.fail(ap, "project %q: %s", p.ID, pr.summary)
				continue
			}
			field(f.Name, yamlText(raw))
			continue
		}
		items := splitItems(raw)
		texts := make([]string, len(items))
		bad := false
		for i, it := range items {
			if pr := checkFactItem(f, f.Type.Elem, it.text); pr != nil {
				m.fail(ap, "project %q: %s", p.ID, pr.summary)
				bad = true
			}
			texts[i] = it.text
		}
		switch {
		case bad:
		case strings.Join(texts, ", ") == raw:
			for i, t := range texts {
				texts[i] = yamlText(t)
			}
			field(f.Name, "["+strings.Join(texts, ", ")+"]")
		default: // written some other way (a、b): keep the text as it is
			field(f.Name, yamlText(raw))
		}
	}
}

func (m *marshaller) events(p *zone.Project, path yamlnode.Path, field func(key, value string)) {
	if len(p.Events) == 0 {
		return
	}
	var parts []string
	for _, e := range p.SortedEvents() {
		d := p.Events[e]
		ep := path.Key("events").Key(string(e))
		if !containsString(m.r.events, string(e)) {
			m.fail(ep, "project %q has the event %s, which is neither built in nor declared under events: by %s", p.ID, e, setID(m.set))
			continue
		}
		if y := d.Year(); y < 0 || y > 9999 {
			m.fail(ep, "the date of %s of project %q is outside the years 0000 to 9999", e, p.ID)
			continue
		}
		parts = append(parts, string(e)+": "+d.String())
	}
	field("events", "{"+strings.Join(parts, ", ")+"}")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func setID(s *Set) string {
	if s == nil {
		return "no rule set"
	}
	return s.ID()
}

// item is one item of a list attribute and its byte offset in the text.
type item struct {
	text   string
	offset int
}

// splitItems splits a list attribute's text at the separators
// attributeValue uses (, 、 ，), trimming spaces, as evaluation reads it.
func splitItems(raw string) []item {
	var out []item
	start := 0
	flush := func(end int) {
		s := raw[start:end]
		t := strings.TrimSpace(s)
		if t != "" {
			out = append(out, item{text: t, offset: start + strings.Index(s, t)})
		}
	}
	for i, r := range raw {
		if strings.ContainsRune(listSeparators, r) {
			flush(i)
			start = i + utf8.RuneLen(r)
		}
	}
	flush(len(raw))
	return out
}

// yamlText writes s as a YAML scalar whose text is exactly s: plain when
// that is safe and unambiguous, otherwise double-quoted with escapes.
func yamlText(s string) string {
	if plainSafe(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || !unicode.IsPrint(r) || r == utf8.RuneError:
			if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// plainSafe reports whether s can be written without quotes: letters,
// digits and a few punctuation marks that mean nothing to YAML, starting
// with a letter or digit, single spaces inside only, and not a null word.
func plainSafe(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return false
	}
	prevSpace := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case i == 0:
			return false
		case r == ' ':
			if prevSpace || i == len(s)-1 {
				return false
			}
		case unicode.IsMark(r) || strings.ContainsRune("-_./%+()（）·、，。：；《》“”—", r):
		default:
			return false
		}
		prevSpace = r == ' '
	}
	return true
}
