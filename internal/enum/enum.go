// Package enum reads and writes devzone's small enumerations — a project's
// kind, a land mode, an indicator's unit, … — from one table per type: for
// each value, by index, the identifier written in rule files and JSON and
// the Chinese label. Index 0 is the type's zero value.
package enum

import "strings"

// Name returns the identifier of value i, or "" when i is out of range.
func Name(names [][2]string, i int) string {
	if i < 0 || i >= len(names) {
		return ""
	}
	return names[i][0]
}

// Label returns the Chinese label of value i, or the zero value's label
// when i is out of range.
func Label(names [][2]string, i int) string {
	if i < 0 || i >= len(names) {
		return names[0][1]
	}
	return names[i][1]
}

// Lookup returns the value whose identifier or label is s; "" is the zero
// value. A zero value without an identifier (such as 未知, unknown) is
// written only as "", never by its label; one with an identifier (such as
// none, 无) is found by either. Lookup reports false for any other text.
func Lookup(names [][2]string, s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	for i, n := range names {
		if i == 0 && n[0] == "" {
			continue
		}
		if s == n[0] || s == n[1] {
			return i, true
		}
	}
	return 0, false
}

// Allowed lists the values after the zero value as "identifier (label)",
// separated by commas, for messages.
func Allowed(names [][2]string) string {
	var b strings.Builder
	for i, n := range names[1:] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n[0] + " (" + n[1] + ")")
	}
	return b.String()
}
