package rules

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// WriteText writes ds in the format compilers use, one block per
// diagnostic, with the source line and a caret under the problem:
//
//	rules.yaml:3:1: error: unknown key "tilte" [yaml.unknown-key]
//	  |
//	3 | tilte: 综改区晋中开发区
//	  | ^
//	  = at: tilte
//	  = Did you mean "title"? The keys allowed here are: devzone, id, title, …
//
// readFile returns the contents of the file a diagnostic names (the Pos.File
// the loader used: os.ReadFile after [LoadFile], fs.ReadFile on the same
// file system after [LoadFS]). It may be nil; a file it cannot read is shown
// without source lines. Each file is read once.
func (ds Diagnostics) WriteText(w io.Writer, readFile func(name string) ([]byte, error)) error {
	bw := bufio.NewWriter(w)
	sources := make(map[string]*yamlnode.Source)
	source := func(name string) *yamlnode.Source {
		if name == "" || readFile == nil {
			return nil
		}
		s, ok := sources[name]
		if !ok {
			if b, err := readFile(name); err == nil {
				s = yamlnode.NewSource(b)
			}
			sources[name] = s
		}
		return s
	}
	for i, d := range ds {
		if i > 0 {
			bw.WriteByte('\n')
		}
		writeDiagnostic(bw, d, source(d.Pos.File))
	}
	return bw.Flush()
}

func writeDiagnostic(w *bufio.Writer, d *Diagnostic, src *yamlnode.Source) {
	if pos := d.Pos.String(); pos != "" {
		w.WriteString(pos)
		w.WriteString(": ")
	}
	w.WriteString(d.Severity.String())
	w.WriteString(": ")
	w.WriteString(d.Summary)
	if d.Code != "" {
		w.WriteString(" [" + d.Code + "]")
	}
	w.WriteByte('\n')

	gutter := "  "
	var line string
	showLine := false
	if src != nil && d.Pos.Line >= 1 && d.Pos.Line <= src.Lines() {
		line = src.Line(d.Pos.Line)
		showLine = true
		gutter = strings.Repeat(" ", len(strconv.Itoa(d.Pos.Line))+1)
	}
	if showLine {
		w.WriteString(gutter + "|\n")
		w.WriteString(strconv.Itoa(d.Pos.Line) + " | " + expandControl(line) + "\n")
		w.WriteString(gutter + "| " + caretPrefix(line, d.Pos.Col) + "^\n")
	}
	if d.Path != "" {
		w.WriteString(gutter + "= at: " + d.Path + "\n")
	}
	if d.Detail != "" {
		for i, l := range strings.Split(d.Detail, "\n") {
			if i == 0 {
				w.WriteString(gutter + "= " + l + "\n")
			} else {
				w.WriteString(gutter + "  " + l + "\n")
			}
		}
	}
	for _, r := range d.Related {
		w.WriteString(gutter + "= see also: " + r.String() + "\n")
	}
}

// caretPrefix returns the whitespace that puts a caret under column col of
// line: tabs stay tabs, and wide (East Asian) characters take two cells.
func caretPrefix(line string, col int) string {
	var b strings.Builder
	n := 1
	for _, r := range line {
		if n >= col {
			break
		}
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case isWide(r):
			b.WriteString("  ")
		case unicode.IsControl(r):
			// shown as a placeholder by expandControl
			b.WriteByte(' ')
		default:
			b.WriteByte(' ')
		}
		n++
	}
	return b.String()
}

// expandControl replaces control characters other than tab so that printing
// a source line cannot move the terminal's cursor.
func expandControl(line string) string {
	if !strings.ContainsFunc(line, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
		return line
	}
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsControl(r) {
			return '?'
		}
		return r
	}, line)
}

// isWide reports whether r takes two cells in a terminal: CJK ideographs,
// kana, hangul, full-width forms and the like (East Asian Wide and
// Full-width, approximated by block).
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F, // Hangul Jamo initials
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, // pictographs, emoticons
		r >= 0x1F900 && r <= 0x1F9FF,
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B and later
		return true
	}
	return false
}

// WriteJSON writes ds as one JSON object for tools:
//
//	{"diagnostics": [{"severity": "error", "code": "yaml.unknown-key",
//	  "pos": {"file": "rules.yaml", "line": 3, "col": 1}, "path": "tilte",
//	  "summary": "...", "detail": "...", "related": [...]}],
//	 "errors": 1, "warnings": 0}
//
// The field names are stable.
func (ds Diagnostics) WriteJSON(w io.Writer) error {
	list := ds
	if list == nil {
		list = Diagnostics{}
	}
	out := struct {
		Diagnostics Diagnostics `json:"diagnostics"`
		Errors      int         `json:"errors"`
		Warnings    int         `json:"warnings"`
	}{list, len(ds.Errors()), len(ds.Warnings())}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
