package stage_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/stage"
	"github.com/devzone-go/devzone/zone"
)

func ref(id, label string) zone.Ref { return zone.Ref{ID: id, Label: label} }

func landMode(m zone.LandMode) zone.Condition {
	return zone.Func{Text: "land_mode == " + m.String(), F: func(c *zone.Context) zone.Truth {
		if c.Project.LandMode == zone.LandModeUnknown {
			return zone.Unknown
		}
		return zone.TruthOf(c.Project.LandMode == m)
	}}
}

// jinzhong builds, in Go, a lifecycle shaped like the Jinzhong mechanism.
func jinzhong(t testing.TB) *stage.Lifecycle {
	t.Helper()
	l, err := stage.New(stage.Spec{
		Stages: []stage.Stage{
			{Ref: ref("signing", "招商签约"), Entry: []stage.Entry{{Event: zone.Signed}}},
			{Ref: ref("landing", "落地摘地"), Entry: []stage.Entry{{Event: "landing_meeting"}}},
			{Ref: ref("start", "项目开工"), Entry: []stage.Entry{
				{Ref: ref("lease", "厂房租赁签约"), When: landMode(zone.Lease), Event: "lease_signed"},
				{Ref: ref("commitment", "摘地施工承诺"), When: landMode(zone.Transfer), Event: "construction_commitment"},
			}},
			{Ref: ref("construction", "项目建设"), Entry: []stage.Entry{{Event: "construction_meeting"}}},
			{Ref: ref("operation", "投产运营"), Entry: []stage.Entry{{Event: zone.EquipmentDebugging}}},
		},
		Transitions: []stage.Transition{{
			Ref: ref("to-landing", "落地转段"), From: "signing", To: "landing",
			Criteria: []stage.Criterion{
				{Ref: ref("site-selected", "选址确定"), When: zone.Happened(zone.SiteSelected)},
				{Ref: ref("review-passed", "项目审议通过"), When: zone.Happened(zone.ReviewPassed)},
			},
			Meeting: &stage.Meeting{Ref: ref("landing-meeting", "落地转段会议"), Event: "landing_meeting"},
		}},
		Deadlines: []stage.Deadline{{
			Ref: ref("land-transfer", "完成土地出让"), From: stage.Anchor{Event: zone.ReviewPassed},
			Within: calendar.MustParsePeriod("30个工作日"), Done: zone.LandTransferred, Applies: landMode(zone.Transfer),
		}},
		Escalation: []stage.Step{
			{Ref: ref("letter", "发函督促"), OverdueWorkdays: 1},
			{Ref: ref("interview", "约谈企业"), OverdueWorkdays: 10},
			{Ref: ref("joint-review", "联合研判"), OverdueWorkdays: 20, Stalled: calendar.MustParsePeriod("6个月")},
		},
		Pause: &stage.Pause{Ref: ref("justified-pause", "正当理由暂停"), Start: "pause_started", End: "pause_ended"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func d(s string) date.Date { return calendar.MustParseDate(s) }

func project(mode zone.LandMode, events map[zone.Event]string) *zone.Project {
	p := &zone.Project{ID: "p", LandMode: mode, Events: map[zone.Event]date.Date{}}
	for e, s := range events {
		p.Events[e] = d(s)
	}
	return p
}

func eval(l *stage.Lifecycle, p *zone.Project, asOf string) stage.Result {
	return l.Evaluate(zone.NewContext(p, d(asOf), calendar.MainlandChina()))
}

func TestCurrentStage(t *testing.T) {
	l := jinzhong(t)
	tests := []struct {
		name   string
		mode   zone.LandMode
		events map[zone.Event]string
		asOf   string
		want   string
	}{
		{"nothing yet", zone.Transfer, nil, "2025-06-01", ""},
		{"signed", zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02"}, "2025-06-05", "signing"},
		{"future event ignored", zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", "landing_meeting": "2025-07-01"}, "2025-06-05", "signing"},
		{"land project starts at the commitment", zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", "landing_meeting": "2025-06-12", "construction_commitment": "2025-07-20"}, "2025-08-01", "start"},
		{"land project: lease signing does not count", zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", "landing_meeting": "2025-06-12", "lease_signed": "2025-07-20"}, "2025-08-01", "landing"},
		{"leased factory starts at the lease", zone.Lease, map[zone.Event]string{zone.Signed: "2025-06-02", "landing_meeting": "2025-06-12", "lease_signed": "2025-06-20"}, "2025-08-01", "start"},
		{"production at equipment debugging", zone.Lease, map[zone.Event]string{zone.Signed: "2025-03-02", "landing_meeting": "2025-03-12", "lease_signed": "2025-03-20", "construction_meeting": "2025-04-01", zone.EquipmentDebugging: "2025-06-01"}, "2025-08-01", "operation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval(l, project(tt.mode, tt.events), tt.asOf)
			if got.Stage.ID != tt.want {
				t.Errorf("stage = %q, want %q", got.Stage.ID, tt.want)
			}
		})
	}
}

func TestNextTransition(t *testing.T) {
	l := jinzhong(t)
	p := project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", zone.SiteSelected: "2025-06-05"})
	got := eval(l, p, "2025-06-09").Next
	if got == nil {
		t.Fatal("no next transition from signing")
	}
	var verdicts []string
	for _, c := range got.Criteria {
		verdicts = append(verdicts, c.Ref.ID+"="+c.Truth.String())
	}
	verdicts = append(verdicts, got.Meeting.Ref.ID+"="+got.Meeting.Truth.String(), "ready="+got.Ready.String())
	want := []string{"site-selected=true", "review-passed=false", "landing-meeting=false", "ready=false"}
	if diff := cmp.Diff(want, verdicts); diff != "" {
		t.Errorf("criteria (-want +got):\n%s", diff)
	}
}

func TestDeadlineStatus(t *testing.T) {
	l := jinzhong(t)
	base := map[zone.Event]string{zone.Signed: "2025-06-02", zone.ReviewPassed: "2025-06-10"}
	with := func(extra map[zone.Event]string) map[zone.Event]string {
		m := map[zone.Event]string{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	type row struct {
		Status       stage.Status
		Due          string
		WorkdaysLeft int
		LateWorkdays int
	}
	tests := []struct {
		name   string
		mode   zone.LandMode
		events map[zone.Event]string
		asOf   string
		want   row
	}{
		{"not started", zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02"}, "2025-06-20", row{Status: stage.NotStarted}},
		{"running", zone.Transfer, with(nil), "2025-07-01", row{stage.Running, "2025-07-22", 15, 0}},
		{"due today is still running", zone.Transfer, with(nil), "2025-07-22", row{stage.Running, "2025-07-22", 0, 0}},
		{"met on time", zone.Transfer, with(map[zone.Event]string{zone.LandTransferred: "2025-07-22"}), "2025-08-01", row{stage.MetOnTime, "2025-07-22", 0, 0}},
		{"met late", zone.Transfer, with(map[zone.Event]string{zone.LandTransferred: "2025-07-25"}), "2025-08-01", row{stage.MetLate, "2025-07-22", 0, 3}},
		{"overdue", zone.Transfer, with(nil), "2025-08-05", row{stage.Overdue, "2025-07-22", 0, 10}},
		{"leased factory: not applicable", zone.Lease, with(nil), "2025-08-05", row{Status: stage.NotApplicable}},
		{"land mode unknown", zone.LandModeUnknown, with(nil), "2025-08-05", row{Status: stage.StatusUnknown}},
		{"across National Day", zone.Transfer, map[zone.Event]string{zone.ReviewPassed: "2025-09-15"}, "2025-10-20", row{stage.Running, "2025-10-31", 9, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dr := eval(l, project(tt.mode, tt.events), tt.asOf).Deadlines[0]
			got := row{Status: dr.Status, WorkdaysLeft: dr.WorkdaysLeft, LateWorkdays: dr.LateWorkdays}
			if dr.Due != 0 {
				got.Due = dr.Due.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("land-transfer deadline (-want +got):\n%s\nwhy: %s", diff, dr.Why)
			}
		})
	}
}

func TestEscalation(t *testing.T) {
	l := jinzhong(t)
	events := map[zone.Event]string{zone.Signed: "2025-06-02", zone.ReviewPassed: "2025-06-10"}
	tests := []struct {
		name   string
		extra  map[zone.Event]string
		asOf   string
		want   []string // id@since
		paused bool
	}{
		{"on time", nil, "2025-07-22", nil, false},
		{"one working day late", nil, "2025-07-23", []string{"letter@2025-07-23"}, false},
		{"ten working days late", nil, "2025-08-05", []string{"letter@2025-07-23", "interview@2025-08-05"}, false},
		{"twenty working days late", nil, "2025-08-19", []string{"letter@2025-07-23", "interview@2025-08-05", "joint-review@2025-08-19"}, false},
		{"stalled six months in signing", nil, "2025-12-03", []string{"letter@2025-07-23", "interview@2025-08-05", "joint-review@2025-08-19"}, false},
		{"paused before the interview", map[zone.Event]string{"pause_started": "2025-07-30"}, "2025-09-30", []string{"letter@2025-07-23"}, true},
		{"pause ended: clock resumes", map[zone.Event]string{"pause_started": "2025-07-30", "pause_ended": "2025-08-29"}, "2025-09-30", []string{"letter@2025-07-23", "interview@2025-09-04", "joint-review@2025-09-18"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := map[zone.Event]string{}
			for k, v := range events {
				ev[k] = v
			}
			for k, v := range tt.extra {
				ev[k] = v
			}
			esc := eval(l, project(zone.Transfer, ev), tt.asOf).Escalation
			var got []string
			for _, s := range esc.Due {
				got = append(got, s.Ref.ID+"@"+s.Since.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("steps due (-want +got):\n%s", diff)
			}
			if esc.Paused != tt.paused {
				t.Errorf("paused = %v, want %v", esc.Paused, tt.paused)
			}
		})
	}
}

func TestStalled(t *testing.T) {
	l := jinzhong(t)
	// Signed, never reviewed: no deadline starts, but six months in the
	// signing stage make the joint review due.
	p := project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-01-02"})
	esc := eval(l, p, "2025-07-10").Escalation
	last, ok := esc.Last()
	if !ok || last.Ref.ID != "joint-review" || last.Because != "stalled:signing" || last.Since != d("2025-07-03") {
		t.Errorf("Last() = %+v, %v; want joint-review since 2025-07-03 because stalled:signing", last, ok)
	}
}

func TestFindings(t *testing.T) {
	l := jinzhong(t)
	p := project(zone.Lease, map[zone.Event]string{
		zone.Signed: "2025-06-02", "landing_meeting": "2025-05-20", // meeting before signing
		zone.ReviewPassed: "2025-06-10", zone.LandTransferred: "2025-06-01", // transferred before review
		"construction_meeting":  "2025-07-01", // start stage never entered
		zone.EquipmentDebugging: "2026-01-10", // after as-of
	})
	var codes []string
	for _, f := range eval(l, p, "2025-09-01").Findings {
		codes = append(codes, f.Code)
	}
	want := []string{"events.after-as-of", "events.out-of-order", "stage.skipped", "events.out-of-order"}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("finding codes (-want +got):\n%s", diff)
	}
}

func TestNewErrors(t *testing.T) {
	_, err := stage.New(stage.Spec{
		Stages:      []stage.Stage{{Ref: ref("a", "")}, {Ref: ref("a", "")}},
		Transitions: []stage.Transition{{Ref: ref("t", ""), From: "a", To: "z"}},
		Deadlines:   []stage.Deadline{{Ref: ref("dl", "")}},
		Escalation:  []stage.Step{{Ref: ref("s", "")}},
	})
	var se *stage.SpecError
	if !errors.As(err, &se) || len(se.Problems) != 7 || !errors.Is(err, stage.ErrSpec) {
		t.Fatalf("New = %v; want a SpecError with 7 problems", err)
	}
}

func TestNoCalendarData(t *testing.T) {
	l := jinzhong(t)
	p := project(zone.Transfer, map[zone.Event]string{zone.ReviewPassed: "2026-12-10"})
	dr := eval(l, p, "2026-12-20").Deadlines[0]
	if dr.Status != stage.StatusUnknown || dr.Why == "" {
		t.Errorf("deadline into 2027 = %v (%q); want unknown with a reason", dr.Status, dr.Why)
	}
	// Done before the earliest day the due date can be (30 working days
	// take at least 30 natural days: 2027-01-09), so done on time, though
	// the due date itself is unknown.
	p = project(zone.Transfer, map[zone.Event]string{zone.ReviewPassed: "2026-12-10", zone.LandTransferred: "2026-12-30"})
	dr = eval(l, p, "2026-12-31").Deadlines[0]
	if dr.Status != stage.MetOnTime || dr.Done != d("2026-12-30") || dr.Due != 0 {
		t.Errorf("deadline into 2027 met on 2026-12-30 = %v done %v due %v (%q); want met on time, due unknown", dr.Status, dr.Done, dr.Due, dr.Why)
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	l := jinzhong(t)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for i := range 200 {
				p := project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", zone.ReviewPassed: "2025-06-10"})
				r := l.Evaluate(zone.NewContext(p, d("2025-07-01")+date.Date(i+g), calendar.MainlandChina()))
				if r.Stage.ID != "signing" {
					t.Error("wrong stage under concurrency")
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

// TestEscalationBeyondCalendarData checks that a supervision threshold
// falling in a year without a holiday schedule is simply not reached on an
// earlier as-of date, rather than reported as undecidable: signed on
// 2026-07-01 and six months in signing reach into 2027, but on 2026-09-01
// no step can be due for stalling whatever 2027's schedule will be.
func TestEscalationBeyondCalendarData(t *testing.T) {
	l := jinzhong(t)
	r := eval(l, project(zone.Transfer, map[zone.Event]string{zone.Signed: "2026-07-01"}), "2026-09-01")
	if len(r.Escalation.Due) != 0 || len(r.Findings) != 0 {
		t.Errorf("escalation %+v, findings %+v; want nothing due and no finding", r.Escalation.Due, r.Findings)
	}
	// Within a year that has data, a computation that fails is still a
	// finding: the as-of date itself lies in 2027.
	r = eval(l, project(zone.Transfer, map[zone.Event]string{zone.Signed: "2026-07-01"}), "2027-03-01")
	if len(r.Findings) == 0 || r.Findings[0].Code != "escalation.unknown" {
		t.Errorf("findings %+v; want escalation.unknown when the as-of year has no data", r.Findings)
	}
}

// TestDecide checks that Decide reaches Evaluate's verdicts, with the next
// transition's criteria and meeting left unexplained.
func TestDecide(t *testing.T) {
	l := jinzhong(t)
	p := project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", zone.SiteSelected: "2025-06-05", zone.ReviewPassed: "2025-06-10"})
	for _, asOf := range []string{"2025-06-09", "2025-07-01", "2025-08-05"} {
		c := zone.NewContext(p, d(asOf), calendar.MainlandChina())
		full, decided := l.Evaluate(c), l.Decide(c)
		strip := func(r stage.Result) stage.Result {
			n := *r.Next
			n.Criteria = append([]stage.CriterionResult(nil), n.Criteria...)
			for i := range n.Criteria {
				n.Criteria[i].Explanation = zone.Explanation{Truth: n.Criteria[i].Truth}
			}
			m := *n.Meeting
			m.Explanation = zone.Explanation{Truth: m.Truth}
			n.Meeting = &m
			r.Next = &n
			return r
		}
		if diff := cmp.Diff(strip(full), decided); diff != "" {
			t.Errorf("as of %s: Decide differs from Evaluate without explanations (-want +got):\n%s", asOf, diff)
		}
	}
}

// TestDecideInto checks that one Result reused from project to project
// gives what Decide gives for each: nothing of an earlier project (its next
// transition, deadlines, steps due or findings) survives into the next.
func TestDecideInto(t *testing.T) {
	l := jinzhong(t)
	type tc struct {
		name string
		p    *zone.Project
		asOf string
	}
	cases := []tc{
		{"overdue with steps due and a meeting pending", project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", zone.SiteSelected: "2025-06-05", zone.ReviewPassed: "2025-06-10"}), "2025-09-01"},
		{"no stage yet", project(zone.Transfer, nil), "2025-09-01"},
		{"events out of order and after the as-of date", project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", "landing_meeting": "2025-05-01", zone.LandTransferred: "2026-01-01"}), "2025-09-01"},
		{"meeting held", project(zone.Transfer, map[zone.Event]string{zone.Signed: "2025-06-02", zone.SiteSelected: "2025-06-05", zone.ReviewPassed: "2025-06-10", "landing_meeting": "2025-06-20"}), "2025-07-01"},
		{"last stage", project(zone.Lease, map[zone.Event]string{zone.Signed: "2024-01-02", "landing_meeting": "2024-02-01", "lease_signed": "2024-03-01", "construction_meeting": "2024-04-01", zone.EquipmentDebugging: "2024-09-01"}), "2025-01-01"},
	}
	// Each case after each other case, so every kind of leftover is tried.
	var r stage.Result
	for _, prev := range cases {
		for _, cur := range cases {
			l.DecideInto(zone.NewContext(prev.p, d(prev.asOf), calendar.MainlandChina()), &r)
			c := zone.NewContext(cur.p, d(cur.asOf), calendar.MainlandChina())
			l.DecideInto(c, &r)
			if diff := cmp.Diff(l.Decide(c), r, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s after %s (-Decide +DecideInto):\n%s", cur.name, prev.name, diff)
			}
		}
	}
	if allocs := testing.AllocsPerRun(100, func() {
		l.DecideInto(zone.NewContext(cases[0].p, d(cases[0].asOf), calendar.MainlandChina()), &r)
	}); allocs > 1 { // the context
		t.Errorf("DecideInto allocates %v times for a project with steps due, want at most 1", allocs)
	}
}
