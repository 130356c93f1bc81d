package rules_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/rules"
)

const fullFile = `devzone: 1
id: jinzhong-integration
title: 综改区晋中开发区
source: 002_8f25cfe588d23415.txt
extends: ../shanxi/baseline.yaml
effective: 2025-06-01
calendar: cn-mainland
parameters:
  major_project_threshold:
    label: 重大项目门槛
    values: {2023-01-01: 5亿元, 2025-06-01: 10亿元}
    cite: 002_8f25cfe588d23415.txt 第三部分
  leading_industries:
    label: 主导产业
    type: list of text
    value: [新能源汽车, 装备制造]
facts:
  chain_relevance:
    type: enum
    label: 链条关联
    values:
      - {name: core, label: 核心}
events:
  transition_meeting: {label: 转段会议}
conditions:
  major_project:
    label: 重大项目
    when: >
      投资额 >= 重大项目门槛 and
      产业 in leading_industries
lifecycle:
  stages: [{id: signing, label: 招商签约, entry: signed}]
`

// at renders a scalar as "value@line:col" for compact comparison.
func at(s rules.Scalar) string {
	if !s.IsSet() {
		return "-"
	}
	return s.Value + "@" + strings.TrimPrefix(s.Pos.String(), "f.yaml:")
}

func TestParse(t *testing.T) {
	f, ds := rules.Parse("f.yaml", []byte(fullFile))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var got []string
	add := func(s ...string) { got = append(got, strings.Join(s, " ")) }
	add("header", at(f.Version), at(f.ID), at(f.Title), at(f.Source), at(f.Extends), at(f.Effective), at(f.Calendar))
	for _, p := range f.Parameters {
		add("param", at(p.Name), p.Path, at(p.Label), at(p.Type), at(p.Cite), p.ValuesPos.String())
		if p.Value != nil {
			var items []string
			for _, s := range p.Value.List {
				items = append(items, at(s))
			}
			add("  value list", p.Value.Pos.String(), strings.Join(items, ","))
		}
		for _, v := range p.Values {
			add("  dated", at(v.Date), at(v.Value.Scalar), v.Path)
		}
	}
	for _, fa := range f.Facts {
		add("fact", at(fa.Name), at(fa.Type), at(fa.Label))
		for _, v := range fa.Values {
			add("  enum", at(v.Name), at(v.Label), v.Path)
		}
	}
	for _, e := range f.Events {
		add("event", at(e.Name), at(e.Label))
	}
	for _, c := range f.Conditions {
		add("condition", at(c.Name), at(c.Label), c.When.Pos.String())
		// The folded value's second line starts with 产业 at line 30, col 7.
		off := strings.Index(c.When.Value, "产业")
		add("  产业 at", c.When.PosAt(off).String())
	}
	for _, s := range f.Sections {
		add("section", at(s.Name), s.Path)
	}
	want := []string{
		"header 1@1:10 jinzhong-integration@2:5 综改区晋中开发区@3:8 002_8f25cfe588d23415.txt@4:9 ../shanxi/baseline.yaml@5:10 2025-06-01@6:12 cn-mainland@7:11",
		"param major_project_threshold@9:3 parameters.major_project_threshold 重大项目门槛@10:12 - 002_8f25cfe588d23415.txt 第三部分@12:11 f.yaml:11:5",
		"  dated 2023-01-01@11:14 5亿元@11:26 parameters.major_project_threshold.values[2023-01-01]",
		"  dated 2025-06-01@11:31 10亿元@11:43 parameters.major_project_threshold.values[2025-06-01]",
		"param leading_industries@13:3 parameters.leading_industries 主导产业@14:12 list of text@15:11 - ",
		"  value list f.yaml:16:12 新能源汽车@16:13,装备制造@16:20",
		"fact chain_relevance@18:3 enum@19:11 链条关联@20:12",
		"  enum core@22:16 核心@22:29 facts.chain_relevance.values[0]",
		"event transition_meeting@24:3 转段会议@24:31",
		"condition major_project@26:3 重大项目@27:12 f.yaml:28:11",
		"  产业 at f.yaml:30:7",
		"section lifecycle@31:1 lifecycle",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("syntax tree (-want +got):\n%s", diff)
	}
}

func TestParseNeverNil(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantNil bool
	}{
		{"empty", "", true},
		{"not yaml", "a: [", true},
		{"anchors", "a: &x 1\nb: *x\n", true},
		{"a list", "- 1\n", false},
		{"a scalar", "hello", false},
		{"duplicate keys keep the tree", "devzone: 1\nid: a\nid: b\n", false},
	}
	for _, tt := range tests {
		f, ds := rules.Parse("f.yaml", []byte(tt.src))
		if (f == nil) != tt.wantNil {
			t.Errorf("%s: File nil = %v, want %v", tt.name, f == nil, tt.wantNil)
		}
		if !ds.HasErrors() {
			t.Errorf("%s: no errors", tt.name)
		}
	}
}
