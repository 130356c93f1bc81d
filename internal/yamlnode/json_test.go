package yamlnode

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func TestDecodeJSON(t *testing.T) {
	src := "\uFEFF{\"标题\": \"晋中\",\r\n \"n\": [0.10, -3, 1e9, true, null],\r\n \"m\": {\"a\": {}}}"
	root, probs := DecodeJSON([]byte(src), Limits{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	type node struct {
		Kind       yaml.Kind
		Tag, Value string
		Pos        string
	}
	var nodes []node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		nodes = append(nodes, node{n.Kind, n.Tag, n.Value, NodePos(n).String()})
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	want := []node{
		{yaml.MappingNode, "!!map", "", "1:1"},
		{yaml.ScalarNode, "!!str", "标题", "1:2"},
		{yaml.ScalarNode, "!!str", "晋中", "1:8"},
		{yaml.ScalarNode, "!!str", "n", "2:2"},
		{yaml.SequenceNode, "!!seq", "", "2:7"},
		{yaml.ScalarNode, "!!float", "0.10", "2:8"},
		{yaml.ScalarNode, "!!int", "-3", "2:14"},
		{yaml.ScalarNode, "!!float", "1e9", "2:18"},
		{yaml.ScalarNode, "!!bool", "true", "2:23"},
		{yaml.ScalarNode, "!!null", "null", "2:29"},
		{yaml.ScalarNode, "!!str", "m", "3:2"},
		{yaml.MappingNode, "!!map", "", "3:7"},
		{yaml.ScalarNode, "!!str", "a", "3:8"},
		{yaml.MappingNode, "!!map", "", "3:13"},
	}
	if diff := cmp.Diff(want, nodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	// The Walker reads the tree as it reads YAML: null is an empty value.
	var w Walker
	m, _ := w.Mapping(root, "")
	list, _ := w.List(m.Entries[1].Value, "n")
	if w.Expect(list[4], "n[4]", ShapeValue) || w.Problems()[0].Code != CodeEmptyValue {
		t.Errorf("null: %v", w.Problems())
	}
}

func TestDecodeJSONProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []got
	}{
		{"syntax", "{\"a\": 1,\n \"b\" 2}", []got{{CodeJSONSyntax, "2:6", ""}}},
		{"unclosed", "{\"a\": [1, 2", []got{{CodeJSONSyntax, "1:12", ""}}},
		{"duplicate", `{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}`, []got{{CodeDuplicateKey, "1:24", ""}, {CodeDuplicateKey, "1:33", ""}}},
		{"second value", `{} {}`, []got{{CodeMultiDoc, "1:4", ""}}},
		{"second value broken", `{} ]`, []got{{CodeJSONSyntax, "1:4", ""}}},
		{"empty", " \r\n\t", []got{{CodeEmpty, "1:1", ""}}},
		{"encoding", "[\"\xc3\x28\"]", []got{{CodeEncoding, "1:3", ""}}},
		{"too deep", strings.Repeat(`{"a":`, 65) + "1" + strings.Repeat("}", 65), []got{{CodeTooDeep, "1:321", ""}}},
		{"too large", `"` + strings.Repeat("x", DefaultMaxBytes) + `"`, []got{{CodeTooLarge, "1:1", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, probs := DecodeJSON([]byte(tt.src), Limits{})
			if diff := cmp.Diff(tt.want, summarize(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tt.name == "duplicate" {
				if root == nil {
					t.Error("duplicate keys: no tree")
				}
			} else if root != nil {
				t.Error("a tree came with a fatal problem")
			}
		})
	}
}

func TestSourcePosition(t *testing.T) {
	src := []byte("\uFEFFab\r\n中文\rx\u2028y\n")
	s := NewSource(src)
	for _, tt := range []struct {
		off  int
		want Position
	}{
		{-1, Position{1, 1}}, {0, Position{1, 1}}, {3, Position{1, 1}}, {4, Position{1, 2}},
		{5, Position{1, 3}}, {6, Position{1, 3}}, // inside CR LF: just after the line
		{7, Position{2, 1}}, {10, Position{2, 2}}, {14, Position{3, 1}}, {18, Position{4, 1}},
		{100, Position{4, 2}},
	} {
		if got := s.Position(tt.off); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

// FuzzDecodeJSON checks that DecodeJSON never panics, that every position
// lies inside the input, and that valid JSON without repeated keys, too
// deep nesting or a byte-order mark decodes without problems.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", true, null, {"b": 0.10}]}`, `[`, `{"a":1,"a":2}`, "\uFEFF[]", `"\u4e2d"`, `1 2`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		root, probs := DecodeJSON([]byte(src), Limits{MaxDepth: 20})
		s := NewSource([]byte(src))
		for _, p := range probs {
			if !s.Contains(p.Pos) {
				t.Errorf("%s at %v lies outside the input", p.Code, p.Pos)
			}
		}
		var check func(n *yaml.Node)
		check = func(n *yaml.Node) {
			if !s.Contains(NodePos(n)) {
				t.Errorf("node %q at %v lies outside the input", n.Value, NodePos(n))
			}
			for _, c := range n.Content {
				check(c)
			}
		}
		if root != nil {
			check(root)
		}
		if json.Valid([]byte(src)) && root == nil {
			for _, p := range probs {
				if p.Code == CodeJSONSyntax {
					t.Errorf("valid JSON reported as %v", p)
				}
			}
		}
	})
}
