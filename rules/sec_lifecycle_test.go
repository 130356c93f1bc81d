package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

// loadJinzhong loads the Jinzhong lifecycle of testdata/lifecycle.
func loadJinzhong(tb testing.TB) *rules.Set {
	tb.Helper()
	set, err := rules.LoadFile(filepath.Join("testdata", "lifecycle", "jinzhong.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// jinzhongProjects are projects of the Jinzhong zone at various points of
// their lifecycle, each with the dates to evaluate it at.
func jinzhongProjects() []struct {
	project *zone.Project
	dates   []string
} {
	ev := func(kv ...string) map[zone.Event]date.Date {
		m := make(map[zone.Event]date.Date)
		for i := 0; i+1 < len(kv); i += 2 {
			m[zone.Event(kv[i])] = d(kv[i+1])
		}
		return m
	}
	return []struct {
		project *zone.Project
		dates   []string
	}{
		{
			// A major transfer project: review passed on 2025-06-10, so
			// the land must be transferred by 2025-07-22.
			&zone.Project{
				ID: "JZ-2025-001", Name: "新能源汽车电驱系统项目", Investment: money("1200000000"),
				Industry: "新能源汽车", Kind: zone.Industrial, LandMode: zone.Transfer,
				Events: ev("signed", "2025-06-02", "site_selected", "2025-06-05", "review_passed", "2025-06-10", "landing_meeting", "2025-06-12"),
			},
			[]string{"2025-06-11", "2025-07-01", "2025-07-22", "2025-07-23", "2025-08-01", "2025-08-20"},
		},
		{
			// A technology project in a leased factory: it enters
			// construction by signing the lease; the land deadline does
			// not apply. Three months from 2025-06-20 end on a Saturday,
			// so construction must start by Monday 2025-09-22.
			&zone.Project{
				ID: "JZ-2025-002", Name: "智能清洁机器人扩产项目", Investment: money("80000000"),
				Industry: "装备制造", Kind: zone.Tech, LandMode: zone.Lease,
				Events: ev("signed", "2025-06-03", "site_selected", "2025-06-06", "review_passed", "2025-06-13",
					"landing_meeting", "2025-06-16", "lease_signed", "2025-06-20", "eia_approved", "2025-06-25"),
			},
			[]string{"2025-07-01", "2025-09-22", "2025-10-15"},
		},
		{
			// A transfer project overdue on its land, paused for a
			// justified reason from 2025-07-28 to 2025-08-29.
			&zone.Project{
				ID: "JZ-2025-003", Name: "医疗器械产业园项目", Investment: money("1500000000"),
				Industry: "医疗器械", Kind: zone.Industrial, LandMode: zone.Transfer,
				Events: ev("signed", "2025-06-02", "site_selected", "2025-06-04", "review_passed", "2025-06-10",
					"landing_meeting", "2025-06-11", "pause_started", "2025-07-28", "pause_ended", "2025-08-29"),
			},
			[]string{"2025-08-15", "2025-09-05"},
		},
		{
			// A project in production: the last stage, nothing stalls.
			&zone.Project{
				ID: "JZ-2024-017", Name: "信创服务器生产线项目", Investment: money("600000000"),
				Industry: "信息创新", Kind: zone.Industrial, LandMode: zone.Transfer,
				Events: ev("signed", "2024-09-02", "site_selected", "2024-09-10", "review_passed", "2024-09-20",
					"landing_meeting", "2024-09-23", "land_transferred", "2024-10-30", "eia_approved", "2024-11-05",
					"construction_commitment", "2024-11-06", "construction_started", "2024-11-20", "permits_completed", "2024-11-15",
					"construction_meeting", "2024-11-25", "equipment_debugging", "2025-05-10", "production_meeting", "2025-05-20",
					"production_started", "2025-06-03"),
			},
			[]string{"2025-06-30"},
		},
		{
			// Inconsistent records: the land is recorded as transferred
			// before the review, and the meeting is dated after the
			// evaluation date. Nothing is known about the land mode.
			&zone.Project{
				ID: "JZ-2025-009", Name: "数据不一致的项目",
				Events: ev("signed", "2025-06-02", "review_passed", "2025-06-20", "land_transferred", "2025-06-18", "landing_meeting", "2025-07-10"),
			},
			[]string{"2025-07-01"},
		},
	}
}

// TestLifecycleJinzhong evaluates the Jinzhong lifecycle end to end, through
// Set.Evaluate, for projects at several dates, and compares the rendered
// results with testdata/lifecycle/jinzhong.golden (go test -update to
// rewrite it; review the diff).
func TestLifecycleJinzhong(t *testing.T) {
	set := loadJinzhong(t)
	var b strings.Builder
	for _, pr := range jinzhongProjects() {
		for _, at := range pr.dates {
			r, err := set.Evaluate(pr.project, d(at))
			if err != nil {
				t.Fatalf("%s as of %s: %v", pr.project.ID, at, err)
			}
			if r.Lifecycle == nil {
				t.Fatalf("%s as of %s: no lifecycle result", pr.project.ID, at)
			}
			fmt.Fprintf(&b, "== %s %s as of %s\n", pr.project.ID, pr.project.Name, at)
			renderLifecycle(&b, r.Lifecycle)
			b.WriteString("\n")
		}
	}
	golden(t, filepath.Join("testdata", "lifecycle", "jinzhong.golden"), []byte(b.String()))
}

// TestLifecycleVerdicts checks the key verdicts of the Jinzhong lifecycle,
// so that a golden file rewritten by mistake cannot hide a wrong answer.
func TestLifecycleVerdicts(t *testing.T) {
	set := loadJinzhong(t)
	projects := jinzhongProjects()
	// A verdict is written on one line: the stage, whether the next
	// transition is ready, each deadline's status (with its due date while
	// running or overdue) in the order of the rule file, the steps due, and
	// "paused" when a justified pause is in force.
	tests := []struct {
		name    string
		project *zone.Project
		asOf    string
		want    string
	}{
		{"major project before its landing meeting", projects[0].project, "2025-06-11", "signing ready=false | met_on_time, running 2025-07-22, not_started, not_started | steps:"},
		{"last day of the land transfer", projects[0].project, "2025-07-22", "landing ready=false | met_on_time, running 2025-07-22, not_started, not_started | steps:"},
		{"one day late", projects[0].project, "2025-07-23", "landing ready=false | met_on_time, overdue 2025-07-22, not_started, not_started | steps:"},
		{"fifteen working days late: interview", projects[0].project, "2025-08-20", "landing ready=false | met_on_time, overdue 2025-07-22, not_started, not_started | steps: letter interview"},
		{"lease project enters construction by its lease", projects[1].project, "2025-07-01", "construction ready=false | met_on_time, not_applicable, running 2025-09-22, not_started | steps:"},
		{"lease project late to start", projects[1].project, "2025-10-15", "construction ready=false | met_on_time, not_applicable, overdue 2025-09-22, not_started | steps: letter"},
		// 4 working days late when the pause began: no step is due while it lasts.
		{"paused project", projects[2].project, "2025-08-15", "landing ready=false | met_on_time, overdue 2025-07-22, not_started, not_started | steps: paused"},
		{"project in production", projects[3].project, "2025-06-30", "operation | met_on_time, met_on_time, met_on_time, met_on_time | steps:"},
		{"unknown land mode", projects[4].project, "2025-07-01", "signing ready=false | overdue 2025-06-30, unknown, not_started, not_started | steps:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := set.Evaluate(tt.project, d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			lr := r.Lifecycle
			got := lr.Stage.ID
			if lr.Next != nil {
				got += " ready=" + lr.Next.Ready.String()
			}
			var deadlines []string
			for _, dl := range lr.Deadlines {
				s := dl.Status.String()
				if dl.Status == stage.Running || dl.Status == stage.Overdue {
					s += " " + dl.Due.String()
				}
				deadlines = append(deadlines, s)
			}
			got += " | " + strings.Join(deadlines, ", ") + " | steps:"
			for _, st := range lr.Escalation.Due {
				got += " " + st.Ref.ID
			}
			if lr.Escalation.Paused {
				got += " paused"
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestLifecycleRefs checks that every rule of the compiled lifecycle carries
// its id, label, citation and the position of its id.
func TestLifecycleRefs(t *testing.T) {
	set := loadJinzhong(t)
	l := set.Lifecycle()
	if l == nil {
		t.Fatal("no lifecycle")
	}
	file := filepath.Join("testdata", "lifecycle", "jinzhong.yaml")
	var got []zone.Ref
	for _, st := range l.Stages() {
		got = append(got, st.Ref)
		for _, e := range st.Entry {
			got = append(got, e.Ref)
		}
	}
	for _, tr := range l.Transitions() {
		got = append(got, tr.Ref)
		for _, c := range tr.Criteria {
			got = append(got, c.Ref)
		}
		if tr.Meeting != nil {
			got = append(got, tr.Meeting.Ref)
		}
	}
	for _, dl := range l.Deadlines() {
		got = append(got, dl.Ref)
	}
	steps, pause := l.Escalation()
	for _, st := range steps {
		got = append(got, st.Ref)
	}
	got = append(got, pause.Ref)

	// Every rule has its id and Chinese label, and its position is where
	// its id is written (for an entry written as one event: the event).
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, r := range got {
		if r.ID == "" || r.Label == "" || r.Pos.File != file || r.Pos.Line < 1 || r.Pos.Line > len(lines) {
			t.Errorf("incomplete ref %+v", r)
			continue
		}
		line := []rune(lines[r.Pos.Line-1])
		if at := string(line[min(r.Pos.Col-1, len(line)):]); !strings.HasPrefix(at, r.ID) {
			t.Errorf("%s: position %d:%d points at %q", r.ID, r.Pos.Line, r.Pos.Col, at)
		}
	}
	if len(got) != 37 {
		t.Errorf("%d refs, want 37", len(got))
	}
	// Citations are kept where they are written; a single-event entry
	// cites its stage.
	cites := map[string]string{}
	for _, r := range got {
		cites[r.ID] = r.Cite
	}
	const src002 = "002_8f25cfe588d23415.txt "
	wantCites := map[string]string{
		"signing":            src002 + "招商签约阶段",
		"signed":             src002 + "招商签约阶段",
		"lease":              "",
		"land-ready":         src002 + "确保30个工作日内完成土地出让",
		"landing-meeting":    "",
		"construction-start": src002 + "对未按期开工……的项目",
		"compliance-check":   src002 + "对长期停滞且无正当理由的项目，严格按照协议约定开展履约核查",
		"justified-pause":    src002 + "无正当理由",
	}
	for id, want := range wantCites {
		if cites[id] != want {
			t.Errorf("cite of %s = %q, want %q", id, cites[id], want)
		}
	}
	if steps[0].OverdueWorkdays != 5 || steps[0].Stalled.String() != "3个月" || steps[3].OverdueWorkdays != 0 {
		t.Errorf("steps: %+v", steps)
	}
	if dl := l.Deadlines()[1]; dl.Within.String() != "30个工作日" || dl.Applies.String() != "land_mode == transfer" || dl.From.Event != "review_passed" {
		t.Errorf("land-transfer deadline: %+v", dl)
	}
}

// renderLifecycle writes a lifecycle result for people: the stage, the next
// transition's criteria with their explanations, the deadlines, the
// supervision steps due and the findings.
func renderLifecycle(b *strings.Builder, r *stage.Result) {
	name := func(ref zone.Ref) string { return ref.ID + " " + ref.Label }
	indent := func(s, pad string) string { return strings.ReplaceAll(s, "\n", "\n"+pad) }
	if r.Stage.Index < 0 {
		b.WriteString("stage: none (not signed yet)\n")
	} else {
		fmt.Fprintf(b, "stage: %s since %s via %s\n", name(r.Stage.Ref), r.Stage.Entered, r.Stage.Via)
	}
	if n := r.Next; n != nil {
		fmt.Fprintf(b, "next: %s (%s → %s): %s\n", name(n.Ref), n.From, n.To, n.Ready.Label())
		for _, c := range n.Criteria {
			fmt.Fprintf(b, "  %s: %s\n    %s\n", name(c.Ref), c.Truth.Label(), indent(c.Detail, "    "))
		}
		if m := n.Meeting; m != nil {
			fmt.Fprintf(b, "  meeting %s: %s (%s)\n", name(m.Ref), m.Truth.Label(), m.Detail)
		}
	}
	b.WriteString("deadlines:\n")
	for _, dl := range r.Deadlines {
		fmt.Fprintf(b, "  %s: %s", name(dl.Ref), dl.Status.Label())
		if dl.Status != stage.NotApplicable && dl.Status != stage.NotStarted && dl.Due != 0 {
			fmt.Fprintf(b, ", from %s due %s", dl.Start, dl.Due)
		}
		switch dl.Status {
		case stage.Running:
			fmt.Fprintf(b, ", 剩余%d个工作日", dl.WorkdaysLeft)
		case stage.Overdue:
			fmt.Fprintf(b, ", 逾期%d个工作日", dl.LateWorkdays)
		case stage.MetOnTime, stage.MetLate:
			fmt.Fprintf(b, ", done %s", dl.Done)
		}
		if dl.Why != "" {
			fmt.Fprintf(b, " (%s)", dl.Why)
		}
		b.WriteString("\n")
	}
	switch e := r.Escalation; {
	case len(e.Due) == 0 && !e.Paused:
		b.WriteString("escalation: none\n")
	default:
		b.WriteString("escalation:")
		if e.Paused {
			fmt.Fprintf(b, " paused since %s", e.PausedSince)
		}
		b.WriteString("\n")
		for _, st := range e.Due {
			fmt.Fprintf(b, "  %s since %s (%s)\n", name(st.Ref), st.Since, st.Because)
		}
	}
	for _, f := range r.Findings {
		fmt.Fprintf(b, "finding %s: %s\n", f.Code, f.Message)
	}
}

// TestLifecycleLayering checks that a zone file replaces baseline rules by
// id in place, appends new ones, and replaces the pause.
func TestLifecycleLayering(t *testing.T) {
	set := load(t, map[string]string{
		"base.yaml": `devzone: 1
id: base
events:
  pause_started: {label: 暂停开始}
  pause_ended: {label: 暂停结束}
  suspended: {label: 停工}
  resumed: {label: 复工}
lifecycle:
  stages:
    - {id: signing, label: 招商签约, entry: signed}
    - {id: landing, label: 落地摘地, entry: review_passed}
    - {id: construction, label: 项目开工, entry: construction_started}
  transitions:
    - {id: to-landing, label: 签约转落地, from: signing, to: landing, requires: [{id: site, label: 选址确定, when: "happened(site_selected)"}]}
  deadlines:
    - {id: land-transfer, label: 完成土地出让, from: review_passed, within: 60个工作日, done: land_transferred}
    - {id: start, label: 按期开工, from: land_transferred, within: 6个月, done: construction_started}
  escalation:
    - {id: letter, label: 发函督促, overdue: 10个工作日}
    - {id: interview, label: 约谈企业, overdue: 20个工作日}
  pause: {id: pause, label: 暂停, start: pause_started, end: pause_ended}
`,
		"rules.yaml": `devzone: 1
id: zone
extends: base.yaml
lifecycle:
  stages:
    - {id: landing, label: 落地摘地（晋中）, entry: landing_meeting}
    - {id: building, label: 项目建设, entry: equipment_debugging}
  deadlines:
    - {id: land-transfer, label: 完成土地出让（晋中）, from: review_passed, within: 30个工作日, done: land_transferred}
    - {id: production, label: 按期投产, from_stage: building, within: 12个月, done: production_started}
  escalation:
    - {id: exit, label: 项目退出, overdue: 60个工作日}
  pause: {id: suspension, label: 停工, start: suspended, end: resumed}
events:
  landing_meeting: {label: 落地转段会议}
`,
	})
	l := set.Lifecycle()
	var stages, deadlines, steps []string
	for _, st := range l.Stages() {
		stages = append(stages, st.Ref.ID+" "+st.Ref.Label+" "+string(st.Entry[0].Event))
	}
	for _, dl := range l.Deadlines() {
		deadlines = append(deadlines, dl.Ref.ID+" "+dl.Within.String()+" "+dl.Ref.Pos.File)
	}
	ss, pause := l.Escalation()
	for _, st := range ss {
		steps = append(steps, st.Ref.ID)
	}
	got := []any{stages, deadlines, steps, pause.Ref.ID + " " + string(pause.Start)}
	want := []any{
		[]string{"signing 招商签约 signed", "landing 落地摘地（晋中） landing_meeting", "construction 项目开工 construction_started", "building 项目建设 equipment_debugging"},
		[]string{"land-transfer 30个工作日 rules.yaml", "start 6个月 base.yaml", "production 12个月 rules.yaml"},
		[]string{"letter", "interview", "exit"},
		"suspension suspended",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged lifecycle (-want +got):\n%s", diff)
	}
}

// TestLifecycleDiagnostics checks problems that are easiest to show in a
// few lines each; the corpus under testdata (lifecycle-*) covers every
// diagnostic code with positions and rendered text.
func TestLifecycleDiagnostics(t *testing.T) {
	head := "devzone: 1\nid: x\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"a stage written as a list", head + "lifecycle:\n  stages: {id: a}\n", []string{rules.CodeYAMLWrongKind}},
		{"entry written as a mapping", head + "lifecycle:\n  stages:\n    - {id: a, label: 甲, entry: {event: signed}}\n", []string{rules.CodeYAMLWrongKind}},
		{"criterion not a yes/no question", head + "lifecycle:\n  stages: [{id: a, label: 甲, entry: signed}, {id: b, label: 乙, entry: review_passed}]\n  transitions:\n    - {id: t, label: 转, from: a, to: b, requires: [{id: c, label: 丙, when: investment}]}\n", []string{"expr.result-type"}},
		{"applies with an unknown name", head + "lifecycle:\n  stages: [{id: a, label: 甲, entry: signed}]\n  deadlines:\n    - {id: d, label: 丁, from: signed, within: 3天, done: review_passed, applies: \"landmode == transfer\"}\n", []string{rules.CodeExprUnknownName}}, // for landmode only: transfer takes its meaning from it
		{"pause without an end", head + "lifecycle:\n  stages: [{id: a, label: 甲, entry: signed}]\n  pause: {id: p, label: 停, start: signed}\n", []string{rules.CodeYAMLMissingKey}},
		{"meeting id repeats a criterion id", head + "lifecycle:\n  stages: [{id: a, label: 甲, entry: signed}, {id: b, label: 乙, entry: review_passed}]\n  transitions:\n    - {id: t, label: 转, from: a, to: b, requires: [{id: m, label: 丙, when: \"happened(signed)\"}], meeting: {id: m, label: 会, event: signed}}\n", []string{rules.CodeIDDuplicate}},
		{"within a label of a period parameter is accepted", head + "parameters:\n  limit: {label: 时限, value: 30个工作日}\nlifecycle:\n  stages: [{id: a, label: 甲, entry: signed}]\n  deadlines:\n    - {id: d, label: 丁, from: signed, within: 时限, done: review_passed}\n", nil},
		{"a rule set with errors elsewhere still checks its lifecycle", head + "facts:\n  kind: {type: text, label: 类}\nlifecycle:\n  stages: [{id: a, label: 甲, entry: signd}]\n", []string{rules.CodeFactBuiltin, rules.CodeLifecycleUnknownEvent}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := rules.LoadFS(mapFS(map[string]string{"rules.yaml": tt.src}), "rules.yaml")
			var got []string
			if err != nil {
				got = codes(err.(rules.Diagnostics))
			} else if set.Lifecycle() == nil {
				t.Error("no lifecycle and no error")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLifecycleAbsent checks that a rule set without a lifecycle: section
// has no lifecycle and no lifecycle result.
func TestLifecycleAbsent(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": "devzone: 1\nid: x\n"})
	if set.Lifecycle() != nil {
		t.Error("a lifecycle without a section")
	}
	r, err := set.Evaluate(&zone.Project{}, d("2025-06-01"))
	if err != nil || r.Lifecycle != nil {
		t.Errorf("Evaluate = %+v, %v", r, err)
	}
}

// TestLifecycleGraph draws the Jinzhong lifecycle; the diagrams are golden
// files, reviewed as what policy staff see.
func TestLifecycleGraph(t *testing.T) {
	l := loadJinzhong(t).Lifecycle()
	for _, f := range []struct {
		name   string
		format stage.GraphFormat
	}{{"mermaid", stage.Mermaid}, {"dot", stage.DOT}} {
		golden(t, filepath.Join("testdata", "lifecycle", "jinzhong."+f.name), []byte(l.Graph(f.format)))
	}
}

// TestLifecycleSharesBinding checks that the lifecycle's conditions (entry
// variants, criteria, applies:) read the project through the one binding
// the rule set keeps in the context, shared with the named conditions:
// after evaluating the lifecycle, the context already holds it.
func TestLifecycleSharesBinding(t *testing.T) {
	set := loadJinzhong(t)
	p := jinzhongProjects()[1].project
	ctx := zone.NewContext(p, d("2025-07-01"), set.Calendar())
	r := set.Lifecycle().Evaluate(ctx)
	if r.Stage.ID != "construction" {
		t.Fatalf("stage %q, want construction (entered by the lease variant)", r.Stage.ID)
	}
	created := false
	ctx.Scratch(set, func(*zone.Context) any { created = true; return nil })
	if created {
		t.Error("the lifecycle did not bind the project in the rule set's scratch slot")
	}
	// A second key would be a second binding; the context holds two keys,
	// so a probe key must still be free.
	probe := new(int)
	made := 0
	for range 2 {
		ctx.Scratch(probe, func(*zone.Context) any { made++; return made })
	}
	if made != 1 {
		t.Errorf("the context had no free scratch slot: the lifecycle made a binding of its own")
	}
}

// TestLifecycleDocExample loads the full example of docs/lifecycle.md, so
// that the document policy staff copy from stays valid.
func TestLifecycleDocExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "lifecycle.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n")
	example, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("docs/lifecycle.md has no yaml example")
	}
	set := load(t, map[string]string{"rules.yaml": example})
	if l := set.Lifecycle(); l == nil || len(l.Stages()) != 5 || len(l.Transitions()) != 4 {
		t.Errorf("the example's lifecycle: %+v", l)
	}
}

// TestLifecycleCompileAfterParseErrors compiles, file by file, the broken
// lifecycle corpus directly after Parse, as a program that ignores Parse's
// errors might: Compile must neither panic nor blame devzone
// (lifecycle.invalid) for a section Parse already found broken.
func TestLifecycleCompileAfterParseErrors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lifecycle-*", "rules.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatal("no lifecycle corpus", err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := rules.Parse(name, src)
		if f == nil {
			continue
		}
		f.Extends = rules.Scalar{} // compile the file on its own
		_, ds := rules.Compile(f)
		for _, d := range ds {
			if d.Code == rules.CodeLifecycleInvalid {
				t.Errorf("%s: %s", name, d)
			}
		}
	}
}
