package yamlnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// CodeJSONSyntax is the problem code for a file that is not well-formed
// JSON (see [DecodeJSON]).
const CodeJSONSyntax = "json.syntax"

// Position returns the position of byte off of the file: its line and the
// column of the character that starts there, counting line breaks the way
// [Source] does. Offsets past the end give the position just after the last
// character; negative offsets give 1:1.
func (s *Source) Position(off int) Position {
	x := s.idx
	if off < x.starts[0] {
		return Position{Line: 1, Col: 1}
	}
	off = min(off, len(x.src))
	// The line is the last one starting at or before off.
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) // 1-based line number
	start := x.starts[line-1]
	if _, end, ok := x.bounds(line); ok && off > end {
		off = end // inside the line break: the position just after the line's last character
	}
	return Position{Line: line, Col: utf8.RuneCount(x.src[start:off]) + 1}
}

// DecodeJSON reads src as one JSON value and returns it as a YAML node tree,
// so that the same [Walker] checks a JSON file and a YAML file with one
// schema and the same messages. Every node carries the line and column of
// its first character in src (columns count characters, as for YAML).
//
// Strings become double-quoted scalars (tag !!str), numbers keep their text
// exactly as written (tag !!int or !!float: 0.10 stays "0.10"), true and
// false are !!bool scalars and null is a null scalar, which the Walker
// reports as an empty value.
//
// DecodeJSON applies the limits of [Decode]: it returns a nil root, with at
// least one problem, when the input is over the size limit, is not UTF-8,
// is not well-formed JSON ([CodeJSONSyntax]), holds more than one value,
// nests deeper than the depth limit, or is empty. The same key twice in one
// object is reported as [CodeDuplicateKey] with a usable tree (the Walker
// keeps the first). A UTF-8 byte-order mark at the start is ignored.
// DecodeJSON never panics.
func DecodeJSON(src []byte, lim Limits) (root *yaml.Node, problems []Problem) {
	if max := lim.maxBytes(); len(src) > max {
		return nil, []Problem{{
			Code:    CodeTooLarge,
			Pos:     Position{Line: 1, Col: 1},
			Summary: fmt.Sprintf("the file is larger than the limit of %s", sizeText(max)),
			Detail:  "A file this large is almost certainly not hand-written. Split it into several files.",
		}}
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		s := NewSource(src)
		return nil, []Problem{{
			Code:    CodeEncoding,
			Pos:     s.Position(i),
			Summary: "the file is not plain UTF-8 text",
			Detail:  "Save the file as UTF-8 text.",
		}}
	}
	d := &jsonDecoder{src: NewSource(src), maxDepth: lim.maxDepth()}
	body := src
	if bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) {
		body, d.base = body[3:], 3
	}
	d.body = body
	d.dec = json.NewDecoder(bytes.NewReader(body))
	d.dec.UseNumber()
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, []Problem{{
			Code:    CodeEmpty,
			Pos:     Position{Line: 1, Col: 1},
			Summary: "the file is empty",
		}}
	}
	root, ok := d.value(1)
	if !ok {
		return nil, d.problems
	}
	start := d.nextStart()
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		if err != nil {
			d.syntax(err)
		} else {
			d.problems = append(d.problems, Problem{
				Code:    CodeMultiDoc,
				Pos:     d.src.Position(d.base + start),
				Summary: "the file holds more than one JSON value",
				Detail:  "A file is one JSON object. Remove what follows its closing }.",
			})
		}
		return nil, d.problems
	}
	return root, d.problems
}

// jsonDecoder builds a node tree from the tokens of encoding/json.
type jsonDecoder struct {
	src      *Source
	body     []byte // src without a byte-order mark
	base     int    // len(src) - len(body)
	dec      *json.Decoder
	maxDepth int
	problems []Problem
}

// nextStart returns the offset in body where the next token starts: after
// the last token read, skipping white space and the separators , and :
// that the decoder consumes on its own.
func (d *jsonDecoder) nextStart() int {
	i := int(d.dec.InputOffset())
	for i < len(d.body) {
		switch d.body[i] {
		case ' ', '\t', '\n', '\r', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (d *jsonDecoder) pos(off int) Position { return d.src.Position(d.base + off) }

// syntax records a decoding error; it always ends decoding.
func (d *jsonDecoder) syntax(err error) {
	off := len(d.body)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		err = errors.New("the file ends before the JSON value is complete")
	}
	d.problems = append(d.problems, Problem{
		Code:    CodeJSONSyntax,
		Pos:     d.pos(off),
		Summary: "the file is not valid JSON",
		Detail:  "Check the brackets, commas and quotes near this place. (The JSON reader said: " + err.Error() + ".)",
	})
}

// value reads one JSON value at the given nesting depth.
func (d *jsonDecoder) value(depth int) (*yaml.Node, bool) {
	start := d.nextStart()
	tok, err := d.dec.Token()
	if err != nil {
		d.syntax(err)
		return nil, false
	}
	p := d.pos(start)
	n := &yaml.Node{Line: p.Line, Column: p.Col}
	switch t := tok.(type) {
	case json.Delim:
		if depth > d.maxDepth {
			d.problems = append(d.problems, Problem{
				Code:    CodeTooDeep,
				Pos:     p,
				Summary: fmt.Sprintf("the file nests too deeply (more than %d levels)", d.maxDepth),
				Detail:  "Files need only a few levels of nesting. Check for a runaway run of brackets.",
			})
			return nil, false
		}
		if t == '{' {
			return d.object(n, depth)
		}
		return d.array(n, depth)
	case string:
		n.Kind, n.Tag, n.Style, n.Value = yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle, t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", string(t)
		if bytes.ContainsAny([]byte(t), ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, true
}

func (d *jsonDecoder) object(n *yaml.Node, depth int) (*yaml.Node, bool) {
	n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	var seen map[string]*yaml.Node
	for d.dec.More() {
		k, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			// encoding/json reports keys that are not strings itself;
			// this is a safeguard.
			d.problems = append(d.problems, Problem{Code: CodeJSONSyntax, Pos: NodePos(k), Summary: "an object key must be a string in quotes"})
			return nil, false
		}
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		if seen == nil {
			seen = make(map[string]*yaml.Node)
		}
		if first, dup := seen[k.Value]; dup {
			d.problems = append(d.problems, Problem{
				Code:    CodeDuplicateKey,
				Pos:     NodePos(k),
				Summary: fmt.Sprintf("the key %q appears twice", k.Value),
				Detail:  fmt.Sprintf("It was first given on line %d. Only the first is used; remove or rename one of them.", first.Line),
				Related: []Position{NodePos(first)},
			})
		} else {
			seen[k.Value] = k
		}
		n.Content = append(n.Content, k, v)
	}
	if _, err := d.dec.Token(); err != nil { // the closing }
		d.syntax(err)
		return nil, false
	}
	return n, true
}

func (d *jsonDecoder) array(n *yaml.Node, depth int) (*yaml.Node, bool) {
	n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
	for d.dec.More() {
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, v)
	}
	if _, err := d.dec.Token(); err != nil { // the closing ]
		d.syntax(err)
		return nil, false
	}
	return n, true
}
