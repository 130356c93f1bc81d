package yamlnode

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// got is the part of a problem that tests assert: code, position and path,
// never the wording.
type got struct {
	Code string
	Pos  string
	Path Path
}

func summarize(ps []Problem) []got {
	var out []got
	for _, p := range ps {
		out = append(out, got{p.Code, p.Pos.String(), p.Path})
	}
	return out
}

// billionLaughs is the classic exponential-entity attack written with YAML
// anchors: fully expanded it would hold 10^9 strings.
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		lim      Limits
		wantRoot bool
		want     []got
	}{
		{name: "ok", src: "a: 1\nb: [x, y]\n", wantRoot: true},
		{name: "empty", src: "", want: []got{{CodeEmpty, "1:1", ""}}},
		{name: "only a comment", src: "# nothing\n", want: []got{{CodeEmpty, "1:1", ""}}},
		{name: "too large", src: "a: 123456789\n", lim: Limits{MaxBytes: 8}, want: []got{{CodeTooLarge, "1:1", ""}}},
		{
			name: "syntax error points at the line", src: "a: 1\n  b: 2: 3\n",
			want: []got{{CodeSyntax, "2:3", ""}},
		},
		{name: "tab indentation", src: "a:\n\t- b\n", want: []got{{CodeSyntax, "2:1", ""}}},
		{name: "not utf-8", src: "a: \xff\xfe\n", want: []got{{CodeEncoding, "1:1", ""}}},
		{
			name: "duplicate key keeps the tree", src: "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", wantRoot: true,
			want: []got{{CodeDuplicateKey, "4:3", "b.c"}, {CodeDuplicateKey, "5:1", "a"}},
		},
		{
			name: "duplicate keys in a large mapping", wantRoot: true,
			src: func() string {
				var b strings.Builder
				for i := range 20 {
					fmt.Fprintf(&b, "k%d: 1\n", i)
				}
				return b.String() + "k3: 2\n"
			}(),
			want: []got{{CodeDuplicateKey, "21:1", "k3"}},
		},
		{
			name: "anchor and alias", src: "a: &x 1\nb: *x\n",
			want: []got{{CodeAnchor, "1:4", "a"}, {CodeAlias, "2:4", "b"}},
		},
		{name: "merge key", src: "a:\n  <<: {b: 1}\n", wantRoot: true, want: []got{{CodeMergeKey, "2:3", "a"}}},
		{name: "tag", src: "a: !!str 1\nb: !money 2\n", wantRoot: true, want: []got{{CodeTag, "1:4", "a"}, {CodeTag, "2:4", "b"}}},
		{name: "complex key", src: "? [a]\n: b\n", wantRoot: true, want: []got{{CodeComplexKey, "1:3", ""}}},
		{
			name: "second document", src: "a: 1\n---\nb: 2\n", wantRoot: true,
			want: []got{{CodeMultiDoc, "3:1", ""}},
		},
		{
			name: "too deep block", src: nested(70), lim: Limits{MaxDepth: 64},
			want: []got{{CodeTooDeep, "65:129", Path(strings.TrimSuffix(strings.Repeat("k.", 64), "."))}},
		},
		{name: "depth at the limit", src: nested(64), lim: Limits{MaxDepth: 64}, wantRoot: true},
		{
			name: "too deep flow", src: "a: " + strings.Repeat("[", 100) + strings.Repeat("]", 100),
			want: []got{{CodeTooDeep, "1:67", Path("a" + strings.Repeat("[0]", 63))}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, probs := Decode([]byte(tt.src), tt.lim)
			if (root != nil) != tt.wantRoot {
				t.Errorf("root = %v, want root %v (problems %v)", root != nil, tt.wantRoot, probs)
			}
			if diff := cmp.Diff(tt.want, summarize(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			s := NewSource([]byte(tt.src))
			for _, p := range probs {
				if len(tt.src) > 0 && !s.Contains(p.Pos) {
					t.Errorf("%v outside the file", p)
				}
				if p.Summary == "" {
					t.Errorf("%s: empty summary", p.Code)
				}
			}
		})
	}
}

// nested returns a mapping nested depth levels deep: "k:\n  k:\n    ...".
func nested(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat("  ", depth) + "v\n")
	return b.String()
}

// TestDecodeHostile checks that inputs built to exhaust memory or time are
// refused quickly: nothing is ever expanded.
func TestDecodeHostile(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantCode string
	}{
		{"billion laughs", billionLaughs, CodeAnchor},
		{"deep flow nesting", strings.Repeat("[", 9000) + strings.Repeat("]", 9000), CodeTooDeep},
		{"deeper than yaml.v3 allows", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), CodeTooDeep},
		{"deep block nesting", nested(500), CodeTooDeep},
		{"over the size limit", "a: " + strings.Repeat("x", DefaultMaxBytes), CodeTooLarge},
		{"many aliases", "a: &a x\nb: [" + strings.Repeat("*a,", 20000) + "*a]\n", CodeAnchor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			root, probs := Decode([]byte(tt.src), Limits{})
			elapsed := time.Since(start)
			if root != nil {
				t.Error("hostile input accepted")
			}
			if len(probs) == 0 || probs[0].Code != tt.wantCode {
				t.Errorf("first problem = %v, want code %s", summarize(probs), tt.wantCode)
			}
			// A generous bound, for slow and shared CI machines: these
			// inputs take milliseconds, an expansion would take minutes
			// and gigabytes.
			bound := 10 * time.Second
			if raceEnabled {
				bound *= 10
			}
			if elapsed > bound {
				t.Errorf("took %v", elapsed)
			}
			t.Logf("rejected in %v", elapsed)
		})
	}
}

func TestBillionLaughsIsFast(t *testing.T) {
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			Decode([]byte(billionLaughs), Limits{})
		}
	})
	bound := 50 * time.Millisecond
	if raceEnabled {
		bound *= 10
	}
	if per := time.Duration(res.NsPerOp()); per > bound {
		t.Errorf("billion laughs rejected in %v per file, want milliseconds", per)
	} else {
		t.Logf("billion laughs rejected in %v per file", per)
	}
}

func BenchmarkDecode(b *testing.B) {
	var src strings.Builder
	src.WriteString("devzone: 1\nparameters:\n")
	for i := range 1000 {
		fmt.Fprintf(&src, "  p%d:\n    label: 参数%d\n    values: {2023-01-01: %d万元, 2025-06-01: 10亿元}\n", i, i, i)
	}
	b.ReportAllocs()
	b.SetBytes(int64(src.Len()))
	for b.Loop() {
		if _, probs := Decode([]byte(src.String()), Limits{}); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}
