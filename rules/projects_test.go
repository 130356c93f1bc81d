package rules_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

func scenarioSet(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.LoadFile("testdata/scenarios/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func yes(b bool) *bool { return &b }

func TestParseProjects(t *testing.T) {
	set := scenarioSet(t)
	want := []*zone.Project{
		{
			ID: "JZ-2025-001", Name: "新能源汽车电驱系统项目", Investor: "山西某新能源科技有限公司",
			Investment: money("1200000000"), Industry: "新能源汽车", Kind: zone.Industrial, LandMode: zone.Transfer,
			ChainLeaderSourced: yes(true), Park: "汇通产业园",
			Events: map[zone.Event]date.Date{
				zone.Signed: d("2025-03-02"), zone.SiteSelected: d("2025-03-20"), zone.ReviewPassed: d("2025-04-10"), "landing_meeting": d("2025-04-15"),
			},
			Attributes: map[string]string{"tech_level": "3", "chain_relevance": "核心企业", "products": "电驱总成, 电机控制器"},
		},
		{
			ID: "JZ-2025-002", Name: "科创企业研发中心", Investment: money("80000000"), Kind: zone.Tech, LandMode: zone.Lease,
			ChainLeaderSourced: yes(false), Events: map[zone.Event]date.Date{zone.Signed: d("2025-05-06")},
			Attributes: map[string]string{"products": "检测设备、试剂"},
		},
		{ID: "JZ-2025-003"},
	}
	ps, err := rules.LoadProjectsFile(set, "testdata/scenarios/projects.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("projects.yaml (-want +got):\n%s", diff)
	}

	// The JSON file holds the same first project, less some keys.
	ps, err = rules.LoadProjectsFS(set, os.DirFS("testdata/scenarios"), "projects.json")
	if err != nil {
		t.Fatal(err)
	}
	first := want[0].Clone()
	first.Investor, first.Park = "", ""
	delete(first.Events, zone.SiteSelected)
	delete(first.Events, "landing_meeting")
	delete(first.Attributes, "chain_relevance")
	wantJSON := []*zone.Project{first, {ID: "JZ-2025-002", Investment: money("80000000"), LandMode: zone.Lease}}
	if diff := cmp.Diff(wantJSON, ps); diff != "" {
		t.Errorf("projects.json (-want +got):\n%s", diff)
	}

	// The projects evaluate with the rule set they were read for.
	r, err := set.Evaluate(ps[0], d("2025-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Conditions[1].Ref.ID != "service_team" || r.Conditions[1].Explanation.Truth != zone.True {
		t.Errorf("service_team = %v", r.Conditions[1].Explanation)
	}

	// Without a rule set only the built-in facts are known.
	_, err = rules.ParseProjects(nil, "p.yaml", []byte("devzone: 1\nprojects:\n  - {id: A, tech_level: 3, events: {landing_meeting: 2025-01-01}}\n"))
	if diff := cmp.Diff([]got{
		{rules.CodeProjectsUnknownFact, "p.yaml:3:13", "projects[0].tech_level"},
		{rules.CodeProjectsUnknownEvt, "p.yaml:3:37", "projects[0].events.landing_meeting"},
	}, summarize(diagnostics(t, err))); diff != "" {
		t.Errorf("nil set (-want +got):\n%s", diff)
	}
}

func diagnostics(t *testing.T, err error) rules.Diagnostics {
	t.Helper()
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("error %v (%T), want Diagnostics", err, err)
	}
	return ds
}

// TestProjectsDiagnostics reads broken projects files and compares the
// diagnostics with a table (code, position, path) and the rendered text
// with a golden file.
func TestProjectsDiagnostics(t *testing.T) {
	set := scenarioSet(t)
	tests := map[string][]got{
		"bad-projects.yaml": {
			{rules.CodeProjectsMoney, "bad-projects.yaml:4:20", "projects[0].investment"},
			{rules.CodeProjectsEnum, "bad-projects.yaml:5:11", "projects[0].kind"},
			{rules.CodeProjectsEnum, "bad-projects.yaml:6:16", "projects[0].land_mode"},
			{rules.CodeProjectsValue, "bad-projects.yaml:7:27", "projects[0].chain_leader_sourced"},
			{rules.CodeProjectsUnknownFact, "bad-projects.yaml:8:5", "projects[0].tech_levle"},
			{rules.CodeProjectsEnum, "bad-projects.yaml:9:22", "projects[0].chain_relevance"},
			{rules.CodeProjectsValue, "bad-projects.yaml:10:25", "projects[0].products[1]"},
			{rules.CodeProjectsUnknownEvt, "bad-projects.yaml:11:14", "projects[0].events.sigend"},
			{rules.CodeProjectsDate, "bad-projects.yaml:11:49", "projects[0].events.review_passed"},
			{rules.CodeProjectsDuplicateID, "bad-projects.yaml:12:9", "projects[1].id"},
			{rules.CodeProjectsMoney, "bad-projects.yaml:13:17", "projects[1].investment"},
			{rules.CodeProjectsValue, "bad-projects.yaml:14:18", "projects[1].tech_level"},
			{rules.CodeProjectsMoney, "bad-projects.yaml:15:29", "projects[1].relic_survey_cost"},
			{rules.CodeYAMLMissingKey, "bad-projects.yaml:16:5", "projects[2].id"},
			{rules.CodeYAMLWrongKind, "bad-projects.yaml:17:5", "projects[3]"},
		},
		"bad-projects.json": {
			{rules.CodeProjectsMoney, "bad-projects.json:4:45", "projects[0].investment"},
			{rules.CodeProjectsUnknownFact, "bad-projects.json:4:49", "projects[0].tech_levle"},
			{rules.CodeProjectsDate, "bad-projects.json:4:87", "projects[0].events.signed"},
			{rules.CodeProjectsDuplicateID, "bad-projects.json:5:12", "projects[1].id"},
			{rules.CodeYAMLDuplicateKey, "bad-projects.json:5:27", ""},
			{rules.CodeYAMLEmptyValue, "bad-projects.json:5:50", "projects[1].kind"},
		},
	}
	fsys := os.DirFS("testdata/scenarios")
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			ps, err := rules.LoadProjectsFS(set, fsys, name)
			if ps != nil {
				t.Error("projects came with errors")
			}
			wantGolden(t, err, want, name)
		})
	}
}

// wantGolden checks the diagnostics of a file under testdata/scenarios:
// their codes, positions and paths against want, their positions inside
// the files, and the rendered text against the golden file <name>.want.txt.
func wantGolden(t *testing.T, err error, want []got, name string) {
	t.Helper()
	ds := diagnostics(t, err)
	if diff := cmp.Diff(want, summarize(ds)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	read := func(n string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata/scenarios", n)) }
	checkInside(t, ds, read)
	var buf bytes.Buffer
	if err := ds.WriteText(&buf, read); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata/scenarios", name+".want.txt"), buf.Bytes())
}

func TestProjectsFileProblems(t *testing.T) {
	set := scenarioSet(t)
	tests := []struct {
		name, file, src string
		want            []got
	}{
		{"version", "p.yaml", "devzone: 2\nprojects: []\n", []got{{rules.CodeFileVersion, "p.yaml:1:10", "devzone"}}},
		{"no projects key", "p.yaml", "devzone: 1\nproject: []\n", []got{
			{rules.CodeYAMLUnknownKey, "p.yaml:2:1", "project"},
		}},
		{"not a list", "p.yaml", "devzone: 1\nprojects: {id: A}\n", []got{{rules.CodeYAMLWrongKind, "p.yaml:2:11", "projects"}}},
		{"empty id", "p.yaml", "devzone: 1\nprojects: [{id: \" \"}]\n", []got{{rules.CodeProjectsValue, "p.yaml:2:17", "projects[0].id"}}},
		{"json syntax", "p.json", "{\"devzone\": 1,\n \"projects\": [}", []got{{rules.CodeJSONSyntax, "p.json:2:15", ""}}},
		{"json trailing", "p.json", "{\"devzone\": 1, \"projects\": []} []", []got{{rules.CodeYAMLMultiDoc, "p.json:1:32", ""}}},
		{"json empty", "p.json", " \n", []got{{rules.CodeYAMLEmpty, "p.json:1:1", ""}}},
		{"json encoding", "p.json", "{\"devzone\": \"\xff\"}", []got{{rules.CodeYAMLEncoding, "p.json:1:14", ""}}},
		{"json too deep", "p.json", strings.Repeat("[", 70) + strings.Repeat("]", 70), []got{{rules.CodeYAMLTooDeep, "p.json:1:65", ""}}},
		{"list as text with a bad item", "p.yaml", "devzone: 1\nprojects: [{id: A, products: \"a、\"}, {id: B, tech_level: x}]\n", []got{
			{rules.CodeProjectsValue, "p.yaml:2:57", "projects[1].tech_level"},
		}},
		{"yaml anchors", "p.yaml", "devzone: 1\nprojects: [&a {id: A}, *a]\n", []got{
			{rules.CodeYAMLAnchor, "p.yaml:2:12", "projects[0]"},
			{rules.CodeYAMLAlias, "p.yaml:2:24", "projects[1]"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.ParseProjects(set, tt.file, []byte(tt.src))
			if diff := cmp.Diff(tt.want, summarize(diagnostics(t, err))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := rules.LoadProjectsFile(set, "testdata/scenarios/no-such-file.yaml"); err == nil || !strings.Contains(err.Error(), "cannot be read") {
		t.Errorf("missing file: %v", err)
	}
}

// TestMarshalProjects writes the projects of projects.yaml, compares the
// text with a golden file and reads it back into equal projects.
func TestMarshalProjects(t *testing.T) {
	set := scenarioSet(t)
	ps, err := rules.LoadProjectsFile(set, "testdata/scenarios/projects.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out, err := rules.MarshalProjects(set, ps)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/scenarios/projects.marshal.want.txt", out)
	back, err := rules.ParseProjects(set, "back.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ps, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	// Text that YAML would misread is quoted; no projects is an empty list.
	odd := []*zone.Project{{ID: "- x: #1", Name: "null", Industry: " 前后有空格 ", Park: "第一行\n第二行\t\"引号\"\\", Investor: "\u2028\x01"}}
	out, err = rules.MarshalProjects(nil, odd)
	if err != nil {
		t.Fatal(err)
	}
	back, err = rules.ParseProjects(nil, "odd.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if diff := cmp.Diff(odd, back); diff != "" {
		t.Errorf("round trip of odd text (-want +got):\n%s\n%s", diff, out)
	}
	if out, err := rules.MarshalProjects(nil, nil); err != nil || string(out) != "devzone: 1\nprojects: []\n" {
		t.Errorf("no projects: %q, %v", out, err)
	}
}

func TestMarshalProjectsErrors(t *testing.T) {
	set := scenarioSet(t)
	huge := decimal.New(1, 30)
	tests := []struct {
		name string
		set  *rules.Set
		p    *zone.Project
		path string
	}{
		{"nil project", set, nil, "projects[0]"},
		{"no id", set, &zone.Project{Name: "x"}, "projects[0].id"},
		{"bad utf-8", set, &zone.Project{ID: "A", Name: "\xff"}, "projects[0].name"},
		{"negative investment", set, &zone.Project{ID: "A", Investment: money("-1")}, "projects[0].investment"},
		{"huge investment", set, &zone.Project{ID: "A", Investment: &huge}, "projects[0].investment"},
		{"unknown kind", set, &zone.Project{ID: "A", Kind: 9}, "projects[0].kind"},
		{"unknown land mode", set, &zone.Project{ID: "A", LandMode: 9}, "projects[0].land_mode"},
		{"undeclared attribute", set, &zone.Project{ID: "A", Attributes: map[string]string{"size": "1"}}, "projects[0].size"},
		{"attribute without a set", nil, &zone.Project{ID: "A", Attributes: map[string]string{"tech_level": "1"}}, "projects[0].tech_level"},
		{"bad attribute", set, &zone.Project{ID: "A", Attributes: map[string]string{"tech_level": "high"}}, "projects[0].tech_level"},
		{"bad list item", set, &zone.Project{ID: "A", Attributes: map[string]string{"relic_survey_cost": "1,00万元"}}, "projects[0].relic_survey_cost"},
		{"undeclared event", set, &zone.Project{ID: "A", Events: map[zone.Event]date.Date{"visit": d("2025-01-01")}}, "projects[0].events.visit"},
		{"year out of range", set, &zone.Project{ID: "A", Events: map[zone.Event]date.Date{zone.Signed: date.New(10000, 1, 1)}}, "projects[0].events.signed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := rules.MarshalProjects(tt.set, []*zone.Project{tt.p})
			ds := diagnostics(t, err)
			if out != nil || len(ds) == 0 || ds[0].Code != rules.CodeProjectsMarshal || ds[0].Path != tt.path {
				t.Errorf("got %q, %v", out, summarize(ds))
			}
		})
	}
	_, err := rules.MarshalProjects(set, []*zone.Project{{ID: "A"}, {ID: "A"}})
	if ds := diagnostics(t, err); ds[0].Path != "projects[1].id" {
		t.Errorf("duplicate ids: %v", summarize(ds))
	}
}

// FuzzParseProjects feeds arbitrary text to ParseProjects as YAML and as
// JSON. Properties: no panic; errors are Diagnostics inside the file and
// come without projects; projects that parse marshal and read back equal.
func FuzzParseProjects(f *testing.F) {
	for _, name := range []string{"projects.yaml", "projects.json", "bad-projects.yaml", "bad-projects.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata/scenarios", name)); err == nil {
			f.Add(b, strings.HasSuffix(name, ".json"))
		}
	}
	f.Add([]byte("devzone: 1\nprojects: [{id: A, products: \"a、b,c\", name: \"\\u2028\"}]\n"), false)
	f.Add([]byte(`{"devzone":1,"projects":[{"id":"A","investment":1e3,"tech_level":"3"}]}`), true)
	policy, err := os.ReadFile("testdata/scenarios/policy.yaml")
	if err != nil {
		f.Fatal(err)
	}
	set, err := rules.LoadFS(fstest.MapFS{"policy.yaml": {Data: policy}}, "policy.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, asJSON bool) {
		name := "p.yaml"
		if asJSON {
			name = "p.json"
		}
		ps, err := rules.ParseProjects(set, name, src)
		if err != nil {
			var ds rules.Diagnostics
			if !errors.As(err, &ds) || ps != nil {
				t.Fatalf("error %T with %d projects", err, len(ps))
			}
			checkInside(t, ds, func(string) ([]byte, error) { return src, nil })
			return
		}
		out, err := rules.MarshalProjects(set, ps)
		if err != nil {
			t.Fatalf("projects that parse do not marshal: %v", err)
		}
		back, err := rules.ParseProjects(set, "back.yaml", out)
		if err != nil {
			t.Fatalf("marshalled projects do not parse: %v\n%s", err, out)
		}
		if diff := cmp.Diff(ps, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

// FuzzMarshalProjects builds projects from arbitrary values. Properties:
// no panic; MarshalProjects either refuses with Diagnostics or writes text
// that reads back into equal projects.
func FuzzMarshalProjects(f *testing.F) {
	f.Add("JZ-2025-001", "新能源汽车电驱系统项目", "12", int32(8), uint8(1), "3", "a, b", int32(20250302))
	f.Add("x: y", "# not a comment", "-1", int32(-2), uint8(7), " 4", "a,b", int32(99991231))
	f.Add("null", "", "0.000000000000000001", int32(-20), uint8(0), "", "", int32(0))
	set := scenarioSet(f)
	f.Fuzz(func(t *testing.T, id, name, coef string, exp int32, kind uint8, level, products string, ymd int32) {
		p := &zone.Project{ID: id, Name: name, Kind: zone.Kind(kind % 4), LandMode: zone.LandMode(kind / 4 % 4), Attributes: map[string]string{}}
		if c, err := decimal.NewFromString(coef); err == nil && exp > -40 && exp < 40 {
			v := c.Shift(exp)
			p.Investment = &v
		}
		if level != "" {
			p.Attributes["tech_level"] = level
		}
		if products != "" {
			p.Attributes["products"] = products
		}
		if y, m, dd := int(ymd/10000), int(ymd/100%100), int(ymd%100); m >= 1 && m <= 12 && dd >= 1 && dd <= 28 {
			p.Events = map[zone.Event]date.Date{zone.Signed: date.New(y, time.Month(m), dd)}
		}
		out, err := rules.MarshalProjects(set, []*zone.Project{p})
		if err != nil {
			var ds rules.Diagnostics
			if !errors.As(err, &ds) || out != nil {
				t.Fatalf("error %T with output", err)
			}
			return
		}
		back, err := rules.ParseProjects(set, "back.yaml", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if !back[0].Equal(p) {
			t.Fatalf("round trip changed the project:\n%s\n%s", cmp.Diff(p, back[0]), out)
		}
	})
}
