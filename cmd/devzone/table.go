package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// width returns the number of terminal columns s takes: East Asian wide
// characters (汉字, full-width punctuation) take two.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r), r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF60, r >= 0x2E80 && r <= 0x2FDF:
			n += 2
		default:
			n++
		}
	}
	return n
}

// printTable prints rows as left-aligned columns separated by two spaces,
// padding by display width so Chinese text lines up.
func printTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-width(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
