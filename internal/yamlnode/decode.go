package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Default limits for [Decode]. A rule file is written by hand; these bounds are
// far above any real policy and far below what would hurt a server.
const (
	DefaultMaxBytes = 1 << 20 // 1 MiB
	DefaultMaxDepth = 64      // nested mappings and lists
)

// Problem codes reported by this package. They are stable identifiers; the
// wording of a problem may change, its code does not.
const (
	CodeTooLarge     = "yaml.too-large"          // file over the size limit
	CodeSyntax       = "yaml.syntax"             // not well-formed YAML
	CodeEncoding     = "yaml.encoding"           // not UTF-8 text, or control characters
	CodeEmpty        = "yaml.empty"              // no document in the file
	CodeMultiDoc     = "yaml.multiple-documents" // a second document after ---
	CodeTooDeep      = "yaml.too-deep"           // nesting over the depth limit
	CodeAnchor       = "yaml.anchor"             // &name
	CodeAlias        = "yaml.alias"              // *name
	CodeMergeKey     = "yaml.merge-key"          // <<: ...
	CodeTag          = "yaml.tag"                // !tag or !!type
	CodeComplexKey   = "yaml.complex-key"        // a mapping or list used as a key
	CodeDuplicateKey = "yaml.duplicate-key"      // the same key twice in one mapping
	CodeUnknownKey   = "yaml.unknown-key"        // a key not allowed here
	CodeMissingKey   = "yaml.missing-key"        // a required key is absent
	CodeWrongKind    = "yaml.wrong-kind"         // a list where a mapping belongs, …
	CodeEmptyValue   = "yaml.empty-value"        // key: with nothing after it
)

// Limits bounds what [Decode] accepts. A zero field means the default.
type Limits struct {
	MaxBytes int // largest accepted input in bytes; default DefaultMaxBytes
	MaxDepth int // deepest accepted nesting of mappings and lists; default DefaultMaxDepth
}

func (l Limits) maxBytes() int {
	if l.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l Limits) maxDepth() int {
	if l.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return l.MaxDepth
}

// Position is a place in a file. Line and Col are 1-based; Col counts
// characters, not bytes. The zero Position means "no position".
type Position struct {
	Line, Col int
}

// IsValid reports whether p is a real position.
func (p Position) IsValid() bool { return p.Line > 0 && p.Col > 0 }

// String returns "line:col".
func (p Position) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) }

// NodePos returns the position of n: for a quoted scalar its opening quote, for
// a block scalar its | or > indicator.
func NodePos(n *yaml.Node) Position {
	if n == nil {
		return Position{}
	}
	return Position{Line: n.Line, Col: n.Column}
}

// Problem is one positioned problem found in a YAML file.
type Problem struct {
	Code    string     // stable identifier such as "yaml.duplicate-key"
	Pos     Position   // where the problem is
	Path    Path       // the key path, for example "incentives[2].amount"; may be empty
	Summary string     // one short sentence
	Detail  string     // what was found, what is allowed, how to fix it; may be empty
	Related []Position // other places involved, such as the first of two duplicate keys
}

// Error returns "line:col: summary".
func (p Problem) Error() string {
	return p.Pos.String() + ": " + p.Summary
}

// Decode parses src as a single YAML document and returns its root content
// node (the mapping, list or scalar at the top of the file, not the
// document node).
//
// Decode never panics. It returns a nil root, with at least one problem, when
// the input is over the size limit, is not well-formed YAML, nests deeper than
// the depth limit, is empty, or uses anchors or aliases. Anchors and aliases
// are refused outright, so a file built to expand exponentially ("billion
// laughs") costs no more than reading it once.
//
// Problems that leave the tree usable — duplicate keys, merge keys, explicit
// tags, keys that are not single values — are reported with a non-nil root.
// The [Walker] skips such keys, so callers can go on checking the rest of the
// file and report everything at once.
func Decode(src []byte, lim Limits) (root *yaml.Node, problems []Problem) {
	if max := lim.maxBytes(); len(src) > max {
		return nil, []Problem{{
			Code:    CodeTooLarge,
			Pos:     Position{Line: 1, Col: 1},
			Summary: fmt.Sprintf("the file is larger than the limit of %s", sizeText(max)),
			Detail:  "A rule file this large is almost certainly not hand-written. Split the rules into a baseline and files that extend it.",
		}}
	}
	lines := newLineIndex(src)
	defer func() {
		// yaml.v3 recovers its own errors; anything else is a bug in the
		// parser, still never a reason to crash the caller.
		if r := recover(); r != nil {
			root = nil
			problems = []Problem{{
				Code:    CodeSyntax,
				Pos:     Position{Line: 1, Col: 1},
				Summary: "the file could not be read as YAML",
				Detail:  fmt.Sprint("The YAML reader stopped with an internal error: ", r),
			}}
		}
	}()

	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{
				Code:    CodeEmpty,
				Pos:     Position{Line: 1, Col: 1},
				Summary: "the file is empty",
				Detail:  "A rule file starts with \"devzone: 1\" followed by its other keys.",
			}}
		}
		return nil, []Problem{syntaxProblem(err, lines)}
	}
	if len(doc.Content) == 0 || doc.Content[0] == nil {
		return nil, []Problem{{
			Code:    CodeEmpty,
			Pos:     Position{Line: 1, Col: 1},
			Summary: "the file is empty",
		}}
	}
	root = doc.Content[0]

	var second yaml.Node
	switch err := dec.Decode(&second); {
	case err == nil:
		pos := NodePos(&second)
		if len(second.Content) > 0 {
			pos = NodePos(second.Content[0])
		}
		problems = append(problems, Problem{
			Code:    CodeMultiDoc,
			Pos:     lines.clamp(pos),
			Summary: "the file holds more than one YAML document",
			Detail:  "A rule file is one document. Remove the \"---\" line and what follows it, or move it into its own file.",
		})
	case errors.Is(err, io.EOF):
	default:
		problems = append(problems, syntaxProblem(err, lines))
	}

	c := checker{maxDepth: lim.maxDepth()}
	c.walk(root, "", 1)
	problems = append(problems, c.problems...)
	if c.fatal {
		return nil, problems
	}
	return root, problems
}

// checker walks a decoded tree once, before any schema is applied.
type checker struct {
	maxDepth int
	problems []Problem
	fatal    bool // the tree must not be used
	deep     bool // CodeTooDeep already reported
	aliases  int  // anchors and aliases reported
}

// maxAliasProblems bounds how many anchors and aliases are reported: a file
// built from them may hold hundreds of thousands.
const maxAliasProblems = 10

func (c *checker) add(p Problem) { c.problems = append(c.problems, p) }

func (c *checker) walk(n *yaml.Node, path Path, depth int) {
	if n == nil {
		return
	}
	if n.Anchor != "" {
		c.fatal = true
		c.aliases++
	}
	if n.Anchor != "" && c.aliases <= maxAliasProblems {
		c.add(Problem{
			Code:    CodeAnchor,
			Pos:     NodePos(n),
			Path:    path,
			Summary: fmt.Sprintf("anchors (&%s) are not allowed in rule files", n.Anchor),
			Detail:  "Write the value out in full where it is needed. Anchors and aliases (*name) make a file hard to read and can be used to build files that expand to enormous size.",
		})
	}
	if n.Kind == yaml.AliasNode {
		c.fatal = true
		if c.aliases++; c.aliases > maxAliasProblems {
			return
		}
		c.add(Problem{
			Code:    CodeAlias,
			Pos:     NodePos(n),
			Path:    path,
			Summary: fmt.Sprintf("aliases (*%s) are not allowed in rule files", n.Value),
			Detail:  "Write the value out in full where it is needed instead of referring to an anchor.",
		})
		return // never follow an alias
	}
	if n.Style&yaml.TaggedStyle != 0 {
		c.add(Problem{
			Code:    CodeTag,
			Pos:     NodePos(n),
			Path:    path,
			Summary: fmt.Sprintf("YAML tags (%s) are not used in rule files", n.Tag),
			Detail:  "Remove the tag. Values are read as written: money as 2000万元, dates as 2025-06-01, text as it is.",
		})
	}
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return
	}
	if depth > c.maxDepth {
		c.fatal = true
		if !c.deep {
			c.deep = true
			c.add(Problem{
				Code:    CodeTooDeep,
				Pos:     NodePos(n),
				Path:    path,
				Summary: fmt.Sprintf("the file nests too deeply (more than %d levels)", c.maxDepth),
				Detail:  "Rule files need only a few levels of indentation. Check for a runaway run of brackets or indentation.",
			})
		}
		return
	}
	if n.Kind == yaml.SequenceNode {
		for i, item := range n.Content {
			c.walk(item, path.Index(i), depth+1)
		}
		return
	}
	var seen map[string]*yaml.Node
	if len(n.Content) > 16 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			c.add(Problem{
				Code:    CodeComplexKey,
				Pos:     NodePos(k),
				Path:    path,
				Summary: "a key must be a single word or value",
				Detail:  fmt.Sprintf("Here the key is %s. Keys are names such as \"title\" or dates such as 2025-06-01.", Describe(k)),
			})
			c.walk(k, path, depth+1)
		case k.Tag == "!!merge" && k.Style&yaml.TaggedStyle == 0:
			c.add(Problem{
				Code:    CodeMergeKey,
				Pos:     NodePos(k),
				Path:    path,
				Summary: "merge keys (<<) are not allowed in rule files",
				Detail:  "Write the keys out in full. To reuse a whole rule set, use \"extends\" at the top of the file.",
			})
		default:
			var first *yaml.Node
			if seen != nil {
				first = seen[k.Value]
				if first == nil {
					seen[k.Value] = k
				}
			} else {
				for j := 0; j < i; j += 2 {
					if pk := n.Content[j]; pk.Kind == yaml.ScalarNode && pk.Value == k.Value {
						first = pk
						break
					}
				}
			}
			if first != nil {
				c.add(Problem{
					Code:    CodeDuplicateKey,
					Pos:     NodePos(k),
					Path:    path.Key(k.Value),
					Summary: fmt.Sprintf("the key %q appears twice", k.Value),
					Detail:  fmt.Sprintf("It was first given on line %d. YAML would silently keep only one of the two values; remove or rename one of them.", first.Line),
					Related: []Position{NodePos(first)},
				})
			}
		}
		c.walk(v, path.Key(keyName(k)), depth+1)
	}
}

func keyName(k *yaml.Node) string {
	if k.Kind == yaml.ScalarNode {
		return k.Value
	}
	return "?"
}

// syntaxProblem turns a yaml.v3 error ("yaml: line 3: mapping values are not
// allowed in this context") into a problem. yaml.v3 reports a line but no
// column; the problem points at the first non-blank character of that line.
func syntaxProblem(err error, lines lineIndex) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, rest[i+2:]
			}
		}
	}
	code, summary, detail := CodeSyntax, "the file is not valid YAML", ""
	switch {
	case strings.Contains(msg, "UTF-8"), strings.Contains(msg, "control characters"), strings.Contains(msg, "invalid Unicode"):
		code = CodeEncoding
		summary = "the file is not plain UTF-8 text"
		detail = "Save the file as UTF-8 text without control characters."
	case strings.Contains(msg, "mapping values are not allowed"):
		summary = "a \"key: value\" appears where YAML does not allow one"
		detail = "Usually a value contains \": \" and must be put in quotes, or the line is indented wrongly."
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "found character that cannot start any token"):
		summary = "this line starts with a character YAML cannot read here"
		detail = "Often a tab is used for indentation: indent with spaces only. Values starting with @, ` or % must be quoted."
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected <document start>"):
		summary = "the indentation of this line does not line up with the lines above it"
		detail = "Keys of the same mapping must start in the same column; list items (\"- \") in the same column as each other."
	case strings.Contains(msg, "did not find expected ',' or ']'"), strings.Contains(msg, "did not find expected ',' or '}'"):
		summary = "a [ ] list or { } mapping is not closed"
		detail = "Check the brackets: every [ needs a ], every { a }, and items are separated by commas."
	case strings.Contains(msg, "could not find expected ':'"):
		summary = "a key is missing its \":\""
		detail = "Write keys as \"name: value\", with a space after the colon."
	case strings.Contains(msg, "found unexpected end of stream"):
		summary = "the file ends inside a quoted value or a bracket"
		detail = "Check that every quote and bracket that is opened is also closed."
	case strings.Contains(msg, "did not find expected node content"), strings.Contains(msg, "did not find expected '-' indicator"):
		summary = "a list item or value is missing or misplaced"
		detail = "Check the indentation of the list items (\"- \") on this line and the lines above it."
	case strings.Contains(msg, "exceeded max depth"):
		code = CodeTooDeep
		summary = "the file nests too deeply"
	}
	if detail != "" {
		detail += " "
	}
	detail += "(The YAML reader said: " + msg + ".)"
	pos := Position{Line: 1, Col: 1}
	if line > 0 {
		pos = lines.firstNonBlank(line)
	}
	return Problem{Code: code, Pos: lines.clamp(pos), Summary: summary, Detail: detail}
}

func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10:
		return strconv.Itoa(n>>10) + " KiB"
	default:
		return strconv.Itoa(n) + " bytes"
	}
}
