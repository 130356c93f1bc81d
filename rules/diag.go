package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic stops a rule set from loading. The zero
// value is invalid.
type Severity uint8

const (
	// SeverityInvalid is the zero Severity; no diagnostic has it.
	SeverityInvalid Severity = iota
	// SeverityError means the rule set cannot be used until it is fixed.
	SeverityError
	// SeverityWarning points at something that is probably a mistake, or
	// not yet checked, but does not stop the rule set from loading.
	SeverityWarning
)

// String returns "error" or "warning" ("invalid" for the zero Severity).
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "invalid"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for "error" and
// "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return fmt.Errorf("unknown severity %q: use error or warning", b)
	}
	return nil
}

// Pos is a position in a rule file. Line and Col are 1-based; Col counts
// characters (a Chinese character is one column), as editors and YAML do.
// A Pos with Line 0 names only a file (or nothing, when File is empty too).
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String returns "file:line:col", the form editors jump to. Parts that are
// unknown are left out: "file" when there is no line, "line:col" when there
// is no file.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		if p.File != "" {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	return b.String()
}

// IsValid reports whether p names a line in a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Diagnostic is one problem found in a rule set: where it is, what it is,
// and how to fix it, in words for the policy officer who wrote the file.
//
// Code is a stable identifier such as "yaml.unknown-key" or
// "param.type-changed" (docs/rule-format.md lists them all); programs and
// tests should match on Code, Pos and Path, never on the wording of Summary
// and Detail, which may improve.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Pos      Pos      `json:"pos"`
	// Path is the key path in the file, written with the file's own key
	// names: "parameters.land_budget.values[2025-06-01]", "facts.tech_level".
	Path    string `json:"path,omitempty"`
	Summary string `json:"summary"` // one short sentence
	Detail  string `json:"detail,omitempty"`
	// Related lists other places involved, such as the first of two
	// duplicate keys or the baseline declaration a zone file overrides.
	Related []Pos `json:"related,omitempty"`
}

// Error returns "file:line:col: summary", with "warning: " before the
// summary of a warning.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if pos := d.Pos.String(); pos != "" {
		b.WriteString(pos)
		b.WriteString(": ")
	}
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Summary)
	return b.String()
}

// MaxDiagnostics is the most diagnostics the loader reports for one rule
// set; one more, with code CodeTooMany, says how many were left out. The
// limit is the one cel-go uses: beyond it, the first problems are the ones
// worth fixing.
const MaxDiagnostics = 100

// Diagnostics is a list of diagnostics. The zero value is an empty list,
// ready to use. It implements error, so a loader can return it as one; use
// [Diagnostics.Err] to get a nil error when there are no errors (warnings
// alone are not an error).
type Diagnostics []*Diagnostic

// Error returns one line per diagnostic, "file:line:col: summary".
func (ds Diagnostics) Error() string {
	switch len(ds) {
	case 0:
		return "no problems"
	case 1:
		return ds[0].Error()
	}
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Err returns ds as an error if it holds at least one error, else nil.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// HasErrors reports whether any diagnostic has SeverityError.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Unwrap returns the diagnostics as errors, so that errors.As reaches a
// single *Diagnostic and errors.Is can match one.
func (ds Diagnostics) Unwrap() []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

// Errors returns the diagnostics with SeverityError.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(SeverityError) }

// Warnings returns the diagnostics with SeverityWarning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(SeverityWarning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort sorts ds in place by file, line and column, then code; the order of
// diagnostics at the same place and with the same code is kept.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b *Diagnostic) int {
		return cmp.Or(a.Pos.compare(b.Pos), cmp.Compare(a.Code, b.Code))
	})
}

// RemoveDuplicates returns ds without diagnostics that repeat an earlier
// one's position, code and summary. It keeps the order and reuses ds's
// storage.
func (ds Diagnostics) RemoveDuplicates() Diagnostics {
	type key struct {
		pos           Pos
		code, summary string
	}
	seen := make(map[key]bool, len(ds))
	out := ds[:0]
	for _, d := range ds {
		k := key{d.Pos, d.Code, d.Summary}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	clear(ds[len(out):])
	return out
}

// Truncate returns at most n diagnostics: the first n-1 and one more with
// code CodeTooMany saying how many were left out. A list of n or fewer is
// returned unchanged.
func (ds Diagnostics) Truncate(n int) Diagnostics {
	if n < 1 || len(ds) <= n {
		return ds
	}
	kept := slices.Clone(ds[:n-1])
	dropped := ds[n-1:]
	sev := SeverityWarning
	for _, d := range dropped {
		if d.Severity == SeverityError {
			sev = SeverityError
			break
		}
	}
	last := dropped[0].Pos
	return append(kept, &Diagnostic{
		Severity: sev,
		Code:     CodeTooMany,
		Pos:      Pos{File: last.File},
		Summary:  fmt.Sprintf("%d more problems not shown", len(dropped)),
		Detail:   fmt.Sprintf("Only the first %d problems are listed. Fix those and check the file again.", n-1),
	})
}

// normalize sorts, removes duplicates and truncates: the form every loader
// returns.
func (ds Diagnostics) normalize() Diagnostics {
	ds.Sort()
	return ds.RemoveDuplicates().Truncate(MaxDiagnostics)
}
