package yamlnode

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// valueOf decodes src and returns the value node of top-level key.
func valueOf(t *testing.T, src, key string) *yaml.Node {
	t.Helper()
	root, probs := Decode([]byte(src), Limits{})
	if root == nil || len(probs) > 0 {
		t.Fatalf("Decode: %v", probs)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i+1]
		}
	}
	t.Fatalf("no key %q", key)
	return nil
}

// TestColumnsCountCharacters pins down what yaml.v3 counts in Node.Column:
// characters (code points), not bytes, not display width; a BOM is not counted.
func TestColumnsCountCharacters(t *testing.T) {
	tests := []struct {
		name, src, key string
		want           Position
	}{
		{"ascii", "ab: x", "ab", Position{1, 5}},
		{"chinese key", "中文: x", "中文", Position{1, 5}},
		{"chinese key and bom", "\ufeff中文: x", "中文", Position{1, 5}},
		{"tab before value", "a: \tx", "a", Position{1, 5}},
		{"emoji", "\U0001F600: x", "\U0001F600", Position{1, 4}},
		{"after crlf", "q: 1\r\nab: x", "ab", Position{2, 5}},
		{"after cr", "q: 1\rab: x", "ab", Position{2, 5}},
		{"after NEL inside quotes", "q: \"1\u0085\"\nab: x", "ab", Position{3, 5}}, // NEL is a line break to yaml.v3
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := valueOf(t, tt.src, tt.key)
			if diff := cmp.Diff(tt.want, NodePos(n)); diff != "" {
				t.Errorf("yaml.v3 position (-want +got):\n%s", diff)
			}
			// Our line index must agree with yaml.v3 on where that is.
			s := NewSource([]byte(tt.src))
			off, ok := s.Offset(NodePos(n))
			if !ok || !strings.HasPrefix(tt.src[off:], "x") {
				t.Errorf("Offset(%v) = %d, %v; text there is %q", NodePos(n), off, ok, tt.src[min(off, len(tt.src)):])
			}
		})
	}
}

func TestValuePos(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		key    string
		off    int // byte offset into the decoded value
		want   Position
		reason string
	}{
		{
			name: "plain", src: "when: investment >= 10亿元", key: "when",
			off: len("investment >= "), want: Position{1, 21},
		},
		{
			name: "plain chinese before offset", src: "when: 行业 in [新能源汽车] and x", key: "when",
			off: len("行业 in [新能源汽车] and "), want: Position{1, 25},
		},
		{
			name: "plain multi-line", src: "when: investment >= 10亿元\n  and industry == 装备制造\n", key: "when",
			off: len("investment >= 10亿元 and "), want: Position{2, 7},
			reason: "the line break folds to a space; the next word is on line 2 after 2 spaces of indentation",
		},
		{
			name: "plain fold maps to the break", src: "when: a\n  b\n", key: "when",
			off: 1, want: Position{1, 8},
		},
		{
			name: "double quoted", src: `when: "investment >= 10亿元"`, key: "when",
			off: len("investment >= "), want: Position{1, 22},
		},
		{
			name: "double quoted escape", src: `when: "a\u4e2db"`, key: "when",
			off: len("a中"), want: Position{1, 15},
			reason: `b follows the 6-character escape \u4e2d`,
		},
		{
			name: "double quoted escape maps to backslash", src: `when: "a\u4e2db"`, key: "when",
			off: 1, want: Position{1, 9},
		},
		{
			name: "double quoted multi-line", src: "when: \"investment >= 10亿元\n    and 产业 == 装备制造\"\n", key: "when",
			off: len("investment >= 10亿元 and 产业 == "), want: Position{2, 15},
		},
		{
			name: "double quoted escaped line break", src: "when: \"abc\\\n   def\"\n", key: "when",
			off: 3, want: Position{2, 4},
		},
		{
			name: "single quoted with doubled quote", src: "when: 'it''s x'", key: "when",
			off: len("it's "), want: Position{1, 14},
		},
		{
			name: "single quoted multi-line with empty line", src: "when: 'a\n\n   中 b'\n", key: "when",
			off: len("a\n中 "), want: Position{3, 6},
		},
		{
			name: "literal", src: "when: |\n  investment >= 10亿元\n  and 行业 == x\n", key: "when",
			off: len("investment >= 10亿元\nand 行业 == "), want: Position{3, 13},
		},
		{
			name: "literal keep chomping end", src: "when: |+\n  a\n\nb: 1\n", key: "when",
			off: 2, want: Position{3, 1},
		},
		{
			name: "folded", src: "when: >\n  investment >= 10亿元\n  and 行业 == x\n", key: "when",
			off: len("investment >= 10亿元 and 行业 == "), want: Position{3, 13},
		},
		{
			name: "folded with more-indented line", src: "when: >-\n  a\n    b\n  c\n", key: "when",
			off: len("a\n  b\n"), want: Position{4, 3},
			reason: "breaks next to a more-indented line are kept",
		},
		{
			name: "folded with blank line", src: "when: >-\n  投资额\n\n  超过 x\n", key: "when",
			off: len("投资额\n超过 "), want: Position{4, 6},
		},
		{
			name: "folded with indentation indicator", src: "list:\n  - >2-\n      deep\n     x\n", key: "list",
			off: -1, want: Position{},
		},
		{
			name: "nested flow mapping", src: "rule: {id: a, when: \"x == 中\"}", key: "rule",
			off: -1, want: Position{},
		},
		{
			name: "end of value", src: "when: a and", key: "when",
			off: len("a and"), want: Position{1, 12},
		},
		{
			name: "end of folded value", src: "when: >\n  a and\n", key: "when",
			off: len("a and"), want: Position{2, 8},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.off < 0 {
				return // covered by TestValuePosEveryCharacter
			}
			n := valueOf(t, tt.src, tt.key)
			s := NewSource([]byte(tt.src))
			got, exact := s.ValuePos(n, tt.off)
			if !exact {
				t.Errorf("ValuePos(%q, %d) not exact", n.Value, tt.off)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ValuePos(%q, %d) (-want +got):\n%s\n%s", n.Value, tt.off, diff, tt.reason)
			}
		})
	}
}

// TestValuePosEveryCharacter checks, for every scalar in a corpus of styles,
// that every character of the decoded value maps to a position where the
// same character is written in the file (unless it came from an escape or a
// folded line break), and that the mapping is exact.
func TestValuePosEveryCharacter(t *testing.T) {
	corpus := []string{
		"a: plain 中文 text\nb: 'single ''quoted'' 中'\nc: \"double \\\"q\\\" \\t \\u4e2d \\x41\"\n",
		"a: multi\n  line plain\n\n  with 中文 blank\n",
		"a: >\n  folded 投资额\n  超过 10亿元\n\n    more indented\n  back\n\n\n  end\nb: 1\n",
		"a: |-\n  literal 中\n    indented\n\n  last\n",
		"a: >+\n  keep\n\n\nb: |2\n    two extra\n  base\n",
		"list:\n  - >2-\n      deep\n     x\n  - {id: a, when: \"x == 中\", k: 'v'}\n  - [plain, 'sq', \"dq\"]\n",
		"a: \"line one\n  \n   line two\\\n   joined \\\n  end\"\n",
		"a: 'x\n\n\n  y'\n",
		"a: x # comment\nb: y   \nc:   z\n",
		"a: \"tab\\tand\\nnewline\\\\\"\n",
		"\ufeffa: bom 中\r\nb: crlf\r\n  folded\r\n",
		"a: >\r\n  folded\r\n  crlf\r\n\r\n  para\r\n",
		"? complex\n: value\nk: [a, [b, c], {d: e}]\n",
		"a: \"\"\nb: ''\nc: |\n\nd: >-\n\ne:\n",
		"top:\n  nested:\n    deeper: >-\n      依照 第三部分\n      第二条\n",
		"a: 'x'' y ''z'\nb: \"\\\" \\\\ \\_x \\N \\e\"\n",
	}
	for i, src := range corpus {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("corpus %d: %v", i, err)
		}
		checkEveryCharacter(t, i, src, &doc, true)
	}
}

// checkEveryCharacter checks the positions of every character of every scalar
// in doc. With requireExact, every mapping must be exact; otherwise only
// exact mappings are checked.
func checkEveryCharacter(t *testing.T, i int, src string, doc *yaml.Node, requireExact bool) {
	t.Helper()
	s := NewSource([]byte(src))
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		for _, c := range n.Content {
			visit(c)
		}
		if n.Kind != yaml.ScalarNode {
			return
		}
		// ValuePos itself must agree at the ends and stay inside the file.
		for _, off := range []int{0, len(n.Value)} {
			if p, _ := s.ValuePos(n, off); !s.Contains(p) {
				t.Errorf("corpus %d: scalar %q offset %d: %v outside the file", i, n.Value, off, p)
			}
		}
		at, exact := s.scalarPositions(n)
		if !exact {
			if requireExact {
				t.Errorf("corpus %d: scalar %q (style %d) at %d:%d: not exact", i, n.Value, n.Style, n.Line, n.Column)
			}
			return
		}
		for off := 0; off < len(n.Value); {
			p := s.idx.clamp(at[off])
			r, size := utf8.DecodeRuneInString(n.Value[off:])
			b, ok := s.Offset(p)
			if !ok {
				t.Errorf("corpus %d: scalar %q offset %d: %v outside the file", i, n.Value, off, p)
				return
			}
			got, _ := utf8.DecodeRune(s.Bytes()[b:])
			if got != r && got != '\\' && r != ' ' && r != '\n' {
				t.Errorf("corpus %d: scalar %q offset %d (%q) maps to %v where the file has %q", i, n.Value, off, r, p, got)
			}
			off += size
		}
	}
	visit(doc)
}

func FuzzValuePos(f *testing.F) {
	for _, s := range []string{
		"a: >\n  x\n\n  y\n", "a: \"x\\\n y\"", "a: 'x\n\n y'", "a: |2-\n   x\n", "- [a, {b: c}]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if len(src) > 4096 || yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		checkEveryCharacter(t, 0, src, &doc, false)
	})
}

func TestValuePosFallback(t *testing.T) {
	src := "a: [x, y]\nb: text\n"
	root, _ := Decode([]byte(src), Limits{})
	s := NewSource([]byte(src))
	list := root.Content[1]
	if p, exact := s.ValuePos(list, 0); exact || p != (Position{1, 4}) {
		t.Errorf("ValuePos(list) = %v, %v; want 1:4, false", p, exact)
	}
	text := root.Content[3]
	if p, exact := s.ValuePos(text, 99); exact || p != (Position{2, 4}) {
		t.Errorf("ValuePos(out of range) = %v, %v; want 2:4, false", p, exact)
	}
	// A node that does not belong to this source is not mapped exactly, and
	// the answer is still a position inside the file.
	foreign := &yaml.Node{Kind: yaml.ScalarNode, Value: "zzz", Line: 40, Column: 9}
	if p, exact := s.ValuePos(foreign, 1); exact || !s.Contains(p) {
		t.Errorf("ValuePos(foreign) = %v, %v; want a position inside the file, false", p, exact)
	}
}

func TestSourceLines(t *testing.T) {
	s := NewSource([]byte("\ufeffa: 1\r\nb: 中\n\nc: 3"))
	if got := s.Lines(); got != 4 {
		t.Errorf("Lines() = %d, want 4", got)
	}
	got := []string{s.Line(1), s.Line(2), s.Line(3), s.Line(4), s.Line(5)}
	want := []string{"a: 1", "b: 中", "", "c: 3", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Line (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		p    Position
		want bool
	}{{Position{2, 4}, true}, {Position{2, 5}, true}, {Position{2, 6}, false}, {Position{5, 1}, false}, {Position{0, 1}, false}} {
		if got := s.Contains(tt.p); got != tt.want {
			t.Errorf("Contains(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
