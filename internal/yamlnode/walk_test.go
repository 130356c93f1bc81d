package yamlnode

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPath(t *testing.T) {
	tests := []struct {
		got  Path
		want string
	}{
		{Path("").Key("incentives").Index(2).Key("amount"), "incentives[2].amount"},
		{Path("parameters").Key("threshold").Key("values").Key("2025-06-01"), "parameters.threshold.values[2025-06-01]"},
		{Path("facts").Key("技术层级"), "facts.技术层级"},
		{Path("a").Key("has space"), `a["has space"]`},
		{Path("").Key("_x-1"), "_x-1"},
		{Path(""), "(top of file)"},
	}
	for _, tt := range tests {
		if got := tt.got.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"devzone", "id", "title", "source", "extends", "effective", "calendar", "parameters"}
	tests := []struct {
		given, want string
	}{
		{"tilte", "title"},
		{"Title", "title"},
		{"parameter", "parameters"},
		{"extend", "extends"},
		{"calender", "calendar"},
		{"ids", "id"},
		{"x", ""},      // one character: nothing is close enough to be a useful guess
		{"budget", ""}, // too far from every key
		{"effectve", "effective"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.given, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.given, got, tt.want)
		}
	}
	if got := Suggest("标签", []string{"标题", "label"}); got != "标题" {
		t.Errorf("Suggest(标签) = %q, want 标题 (distance counts characters)", got)
	}
}

func TestWalker(t *testing.T) {
	src := `id: x
tilte: 标题
parameters:
  - a
facts:
  level: {type: int}
events:
title:
`
	root, probs := Decode([]byte(src), Limits{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var w Walker
	m, ok := w.Mapping(root, "")
	if !ok {
		t.Fatal("top level is a mapping")
	}
	w.Allow(m, "id", "title", "parameters", "facts", "events")
	w.Require(m, "id", "devzone")
	if e, ok := m.Get("parameters"); ok {
		w.Mapping(e.Value, m.Path.Key(e.Name()))
	}
	if e, ok := m.Get("facts"); ok {
		fm, _ := w.Mapping(e.Value, "facts")
		for _, f := range fm.Entries {
			sub, _ := w.Mapping(f.Value, fm.Path.Key(f.Name()))
			sub.Key = f.Key
			w.Require(sub, "type", "label")
		}
	}
	if e, ok := m.Get("events"); ok {
		w.Mapping(e.Value, "events")
	}
	if e, ok := m.Get("title"); ok {
		w.Scalar(e.Value, "title")
	}
	want := []got{
		{CodeUnknownKey, "2:1", "tilte"},
		{CodeMissingKey, "1:1", "devzone"},
		{CodeWrongKind, "4:3", "parameters"},
		{CodeMissingKey, "6:3", "facts.level.label"},
		{CodeEmptyValue, "7:8", "events"},
		{CodeEmptyValue, "8:7", "title"},
	}
	if diff := cmp.Diff(want, summarize(w.Problems())); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if p := w.Problems()[0]; !strings.Contains(p.Detail, `"title"`) {
		t.Errorf("unknown key detail %q does not suggest title", p.Detail)
	}
	if p := w.Problems()[2]; !strings.Contains(p.Summary, "must be a mapping") || !strings.Contains(p.Summary, "list") {
		t.Errorf("wrong kind summary %q does not name both shapes", p.Summary)
	}
}

func TestMappingSkipsDuplicates(t *testing.T) {
	root, _ := Decode([]byte("a: 1\nb: 2\na: 3\n"), Limits{})
	var w Walker
	m, _ := w.Mapping(root, "")
	var names []string
	for _, e := range m.Entries {
		names = append(names, e.Name()+"="+e.Value.Value)
	}
	if diff := cmp.Diff([]string{"a=1", "b=2"}, names); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if len(w.Problems()) != 0 {
		t.Errorf("Mapping reported %v; duplicates are Decode's to report", w.Problems())
	}
}
