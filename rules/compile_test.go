package rules_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/rules/expr"
)

func d(s string) date.Date { return calendar.MustParseDate(s) }

// load loads the rule set "rules.yaml" from files, failing the test on
// errors.
func load(t *testing.T, files map[string]string) *rules.Set {
	t.Helper()
	set, err := rules.LoadFS(mapFS(files), "rules.yaml")
	if err != nil {
		t.Fatalf("LoadFS:\n%v", err)
	}
	return set
}

// loadErr loads "rules.yaml" from files and returns the diagnostics.
func loadErr(t *testing.T, files map[string]string) rules.Diagnostics {
	t.Helper()
	set, err := rules.LoadFS(mapFS(files), "rules.yaml")
	if err == nil {
		return set.Warnings()
	}
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("error of type %T, want rules.Diagnostics", err)
	}
	if set != nil {
		t.Error("a Set came with errors")
	}
	return ds
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, src := range files {
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return m
}

func codes(ds rules.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

func TestParamTypes(t *testing.T) {
	tests := []struct {
		name   string
		decl   string // the parameter's settings, after label
		want   string // the type
		value  string // the value at 2025-06-01, as printed
		reason string
	}{
		{"money", "value: 10亿元", "money", "10亿元", ""},
		{"money with comma", "value: 1,000万元", "money", "1000万元", "the value parser takes what the expression lexer does not"},
		{"area", "value: 283.69亩", "area", "283.69亩", ""},
		{"square metres", "value: 5000㎡", "area", "7.5亩", "areas are held in 亩"},
		{"percent", "value: 3%", "percent", "3%", ""},
		{"intensity", "value: 300万元/亩", "intensity", "300万元/亩", ""},
		{"period", "value: 30个工作日", "period", "30个工作日", ""},
		{"date", "value: 2025-06-01", "date", "2025-06-01", ""},
		{"int", "value: 3", "int", "3", ""},
		{"decimal", "value: 1.5", "decimal", "1.5", ""},
		{"int and decimal make decimal", "values: {2024-01-01: 1.5, 2025-01-01: 2}", "decimal", "2", ""},
		{"bool", "value: true", "bool", "true", ""},
		{"text", "value: 装备制造", "text", "装备制造", ""},
		{"quoted number is still a number", `value: "3"`, "int", "3", "quotes do not change the type; type: text does"},
		{"explicit text", "type: text\n    value: 2025年第一批", "text", "2025年第一批", ""},
		{"explicit money from a plain number", "type: money\n    value: 20000000", "money", "2000万元", ""},
		{"explicit decimal from an int", "type: decimal\n    value: 2", "decimal", "2", ""},
		{"list of text", "value: [新能源汽车, 装备制造]", "list of text", "[新能源汽车, 装备制造]", ""},
		{"explicit empty list", "type: list of money\n    value: []", "list of money", "[]", ""},
		{"dated", "values: {2023-01-01: 5亿元, 2025-06-01: 10亿元, 2026-01-01: 12亿元}", "money", "10亿元", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := load(t, map[string]string{"rules.yaml": "devzone: 1\nid: t\nparameters:\n  p:\n    label: 参数\n    " + tt.decl + "\n"})
			p, ok := set.Param("p")
			if !ok {
				t.Fatal("no parameter p")
			}
			if got := p.Type.String(); got != tt.want {
				t.Errorf("type = %s, want %s (%s)", got, tt.want, tt.reason)
			}
			v, err := p.At(d("2025-06-01"))
			if err != nil {
				t.Fatal(err)
			}
			if got := v.String(); got != tt.value {
				t.Errorf("value = %s, want %s (%s)", got, tt.value, tt.reason)
			}
		})
	}
}

func TestParamTypeErrors(t *testing.T) {
	tests := []struct {
		name string
		decl string
		want []string
	}{
		{"bad unit", "value: 10亿园", []string{rules.CodeValueSyntax}},
		{"typed bad money", "type: money\n    value: 十亿元", []string{rules.CodeValueSyntax}},
		{"mixed", "values: {2024-01-01: 5亿元, 2025-01-01: 30个工作日}", []string{rules.CodeParamMixedTypes}},
		{"mixed list", "value: [1, 装备制造]", []string{rules.CodeParamMixedTypes}},
		{"empty list without type", "value: []", []string{rules.CodeValueType}},
		{"list for single", "type: money\n    value: [1亿元]", []string{rules.CodeValueType}},
		{"single for list", "type: list of text\n    value: 装备制造", []string{rules.CodeValueType}},
		{"unknown type", "type: currency\n    value: 1", []string{rules.CodeTypeUnknown}},
		{"enum parameter", "type: enum\n    value: a", []string{rules.CodeTypeUnknown}},
		{"bad date key", "values: {2025-02-30: 1}", []string{rules.CodeValueSyntax}},
		{"both", "value: 1\n    values: {2025-01-01: 2}", []string{rules.CodeParamValueConflict}},
		{"neither", "cite: x", []string{rules.CodeParamNoValue}},
		{"bool text", "type: bool\n    value: yes", []string{rules.CodeValueSyntax}},
		{"int with fraction", "type: int\n    value: 1.5", []string{rules.CodeValueSyntax}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := loadErr(t, map[string]string{"rules.yaml": "devzone: 1\nid: t\nparameters:\n  p:\n    label: 参数\n    " + tt.decl + "\n"})
			if diff := cmp.Diff(tt.want, codes(ds)); diff != "" {
				t.Errorf("codes (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

func TestParamAt(t *testing.T) {
	set := load(t, map[string]string{"rules.yaml": `devzone: 1
id: t
parameters:
  threshold:
    label: 重大项目门槛
    values: {2025-06-01: 10亿元, 2023-01-01: 5亿元}
`})
	tests := []struct {
		on   string
		want string
	}{
		{"2023-01-01", "5亿元"},
		{"2025-05-31", "5亿元"},
		{"2025-06-01", "10亿元"},
		{"2030-01-01", "10亿元"},
	}
	for _, tt := range tests {
		v, err := set.ParamValue("threshold", d(tt.on))
		if err != nil || v.String() != tt.want {
			t.Errorf("ParamValue(%s) = %v, %v; want %s", tt.on, v, err, tt.want)
		}
	}
	_, err := set.ParamValue("threshold", d("2022-12-31"))
	var pe *rules.ParamError
	if !errors.As(err, &pe) || !errors.Is(err, rules.ErrBeforeFirstValue) || pe.First != d("2023-01-01") || pe.Label != "重大项目门槛" {
		t.Errorf("before the first value: %v (%#v)", err, pe)
	}
	if _, err := set.ParamValue("nope", d("2025-01-01")); !errors.Is(err, rules.ErrNoParam) {
		t.Errorf("unknown parameter: %v", err)
	}
	p, _ := set.Param("threshold")
	vs := p.Values()
	if len(vs) != 2 || vs[0].From != d("2023-01-01") || !vs[0].Dated || vs[0].Pos.Line != 6 {
		t.Errorf("Values() = %+v", vs)
	}
	vs[0].Value = expr.Money(vs[0].Value.Decimal().Neg())
	if again := p.Values(); again[0].Value.String() != "5亿元" {
		t.Error("Values() shares its slice with the Set")
	}
}

// TestLayering checks how a zone file merges with the baseline it extends,
// as docs/rule-format.md describes.
func TestLayering(t *testing.T) {
	set := load(t, map[string]string{
		"shanxi/baseline.yaml": `devzone: 1
id: shanxi-baseline
title: 山西省基线
source: 001_f34628479a2b1f78.txt
effective: 2023-01-01
calendar: cn-mainland
parameters:
  threshold:
    label: 重大项目门槛
    values: {2023-01-01: 5亿元}
    cite: 004 新建5亿元以上
  budget:
    label: 前期工作年度预算
    value: 2000万元
facts:
  tech_level: {type: int, label: 技术层级}
events:
  meeting: {label: 会议}
conditions:
  major: {label: 重大项目, when: investment >= threshold}
  tech: {label: 科技项目, when: kind == tech}
`,
		"rules.yaml": `devzone: 1
id: jinzhong
source: 002_8f25cfe588d23415.txt
extends: shanxi/baseline.yaml
parameters:
  threshold:
    label: 重大项目门槛（晋中）
    values: {2023-01-01: 6亿元, 2025-06-01: 10亿元}
facts:
  tech_level: {type: int, label: 技术等级}
  park_zone: {type: text, label: 片区}
events:
  meeting: {label: 转段会议}
conditions:
  tech: {label: 科技类, when: kind == tech and tech_level >= 2}
  leading: {label: 主导产业, when: major and industry == "装备制造"}
`,
	})
	if got, want := set.Files(), []string{"shanxi/baseline.yaml", "rules.yaml"}; !cmp.Equal(got, want) {
		t.Errorf("Files() = %v, want %v", got, want)
	}
	if set.ID() != "jinzhong" || set.Title() != "" || set.Source() != "002_8f25cfe588d23415.txt" {
		t.Errorf("header: %q %q %q", set.ID(), set.Title(), set.Source())
	}
	if eff, ok := set.Effective(); !ok || eff != d("2023-01-01") {
		t.Errorf("effective inherited: %v %v", eff, ok)
	}
	if set.CalendarName() != "cn-mainland" || set.Calendar() == nil {
		t.Errorf("calendar: %s", set.CalendarName())
	}

	var params []string
	for _, p := range set.Params() {
		params = append(params, p.Name+"="+p.Label+"@"+p.Pos.File+"|"+p.Cite)
	}
	wantParams := []string{
		"threshold=重大项目门槛（晋中）@rules.yaml|", // replaced as a whole: values, label and cite
		"budget=前期工作年度预算@shanxi/baseline.yaml|",
	}
	if diff := cmp.Diff(wantParams, params); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	if v, err := set.ParamValue("threshold", d("2024-01-01")); err != nil || v.String() != "6亿元" {
		t.Errorf("the zone's values replace the baseline's: %v %v", v, err)
	}

	var facts []string
	for _, f := range set.Facts() {
		if !f.Builtin {
			facts = append(facts, f.Name+"="+f.Label)
		}
	}
	if diff := cmp.Diff([]string{"tech_level=技术等级", "park_zone=片区"}, facts); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	var events []string
	for _, e := range set.Events() {
		if !e.Builtin {
			events = append(events, e.Name+"="+e.Label)
		}
	}
	if diff := cmp.Diff([]string{"meeting=转段会议"}, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	var conds []string
	for _, c := range set.Conditions() {
		conds = append(conds, c.Name()+": "+c.String()+" @"+c.Ref().Pos.File)
	}
	wantConds := []string{
		"major: investment >= threshold @shanxi/baseline.yaml",
		"tech: kind == tech and tech_level >= 2 @rules.yaml", // replaced in place
		`leading: major and industry == "装备制造" @rules.yaml`,
	}
	if diff := cmp.Diff(wantConds, conds); diff != "" {
		t.Errorf("conditions (-want +got):\n%s", diff)
	}
	major, _ := set.NamedCondition("major")
	if ref := major.Ref(); ref.Cite != "" || ref.Label != "重大项目" || ref.Pos.Line != 20 {
		t.Errorf("Ref() = %+v", ref)
	}
}

func TestLoadPaths(t *testing.T) {
	base := "devzone: 1\nid: base\n"
	tests := []struct {
		name  string
		files map[string]string
		entry string
		want  []string
	}{
		{"sibling folder", map[string]string{"zones/jz/rules.yaml": "devzone: 1\nid: jz\nextends: ../../shanxi/base.yaml\n", "shanxi/base.yaml": base}, "zones/jz/rules.yaml", nil},
		{"leaves the file system", map[string]string{"rules.yaml": "devzone: 1\nid: jz\nextends: ../base.yaml\n"}, "rules.yaml", []string{rules.CodeExtendsPath}},
		{"absolute", map[string]string{"rules.yaml": "devzone: 1\nid: jz\nextends: /etc/base.yaml\n"}, "rules.yaml", []string{rules.CodeExtendsPath}},
		{"itself", map[string]string{"rules.yaml": "devzone: 1\nid: jz\nextends: ./rules.yaml\n"}, "rules.yaml", []string{rules.CodeExtendsCycle}},
		{"missing", map[string]string{"rules.yaml": "devzone: 1\nid: jz\nextends: base.yaml\n"}, "rules.yaml", []string{rules.CodeExtendsMissing}},
		{"entry missing", map[string]string{}, "rules.yaml", []string{rules.CodeFileRead}},
		{"entry invalid", map[string]string{}, "../rules.yaml", []string{rules.CodeFileRead}},
		{"too large", map[string]string{"rules.yaml": "devzone: 1\nid: big\ntitle: " + strings.Repeat("大", 400000) + "\n"}, "rules.yaml", []string{rules.CodeYAMLTooLarge}},
		{"baseline broken", map[string]string{"rules.yaml": "devzone: 1\nid: jz\nextends: base.yaml\n", "base.yaml": "devzone: 1\nid: base\ntilte: x\n"}, "rules.yaml", []string{rules.CodeYAMLUnknownKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.LoadFS(mapFS(tt.files), tt.entry)
			var ds rules.Diagnostics
			if err != nil && !errors.As(err, &ds) {
				t.Fatalf("error of type %T", err)
			}
			if diff := cmp.Diff(tt.want, codes(ds)); diff != "" {
				t.Errorf("codes (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestCompileDirect(t *testing.T) {
	if set, ds := rules.Compile(); set != nil || !ds.HasErrors() {
		t.Error("Compile() without files succeeded")
	}
	zone, ds := rules.Parse("zone.yaml", []byte("devzone: 1\nid: zone\nextends: base.yaml\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if _, ds := rules.Compile(zone); !cmp.Equal(codes(ds), []string{rules.CodeExtendsUnresolved}) {
		t.Errorf("zone alone: %v", ds)
	}
	base, _ := rules.Parse("base.yaml", []byte("devzone: 1\nid: base\n"))
	if set, ds := rules.Compile(base, zone); set == nil || ds.HasErrors() {
		t.Errorf("base, zone: %v", ds)
	}
	if _, ds := rules.Compile(zone, base); !strings.Contains(ds.Error(), "does not extend") {
		t.Errorf("zone, base: %v", ds)
	}
}

// TestCompileAfterParseErrors checks that Compile copes with the partial
// File Parse returns alongside errors, and adds its own findings.
func TestCompileAfterParseErrors(t *testing.T) {
	src := `devzone: 1
id: t
parameters:
  a: {label: 甲, value: 10亿园}
  b: {value: 1}
  c: [1]
facts:
  f: {type: enum, label: 甲, values: [x, {name: y}]}
conditions:
  k: {label: 条件, when: a > 1 and b and c and f == y and nothing}
`
	f, pds := rules.Parse("t.yaml", []byte(src))
	if f == nil || !pds.HasErrors() {
		t.Fatalf("Parse: %v", pds)
	}
	set, cds := rules.Compile(f)
	if set != nil {
		t.Error("Set with errors")
	}
	all := append(pds, cds...)
	all.Sort()
	got := codes(all)
	want := []string{
		rules.CodeValueSyntax,     // 10亿园
		rules.CodeYAMLMissingKey,  // b has no label
		rules.CodeYAMLWrongKind,   // c is a list
		rules.CodeYAMLWrongKind,   // x is not a mapping
		rules.CodeYAMLMissingKey,  // {name: y} has no label
		rules.CodeExprUnknownName, // nothing
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("codes (-want +got):\n%s\n%v", diff, all)
	}
}

func TestHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"bad effective", "devzone: 1\nid: a\neffective: 2025-6-1\n", []string{rules.CodeValueSyntax}},
		{"bad id", "devzone: 1\nid: 晋中\n", []string{rules.CodeFileID}},
		{"version as text", "devzone: one\nid: a\n", []string{rules.CodeFileVersion}},
		{"version missing", "id: a\n", []string{rules.CodeYAMLMissingKey}},
		{"empty title", "devzone: 1\nid: a\ntitle:\n", []string{rules.CodeYAMLEmptyValue}},
		{"calendar", "devzone: 1\nid: a\ncalendar: cn-hk\n", []string{rules.CodeFileCalendar}},
		{"not a mapping", "- devzone: 1\n", []string{rules.CodeYAMLWrongKind}},
		{"tagged", "devzone: 1\nid: !!str a\n", []string{rules.CodeYAMLTag}},
		{"ok", "devzone: 1\nid: shanxi.baseline-2025_v1\neffective: 2025-06-01\ncalendar: cn-mainland\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := loadErr(t, map[string]string{"rules.yaml": tt.src})
			if diff := cmp.Diff(tt.want, codes(ds)); diff != "" {
				t.Errorf("codes (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}
