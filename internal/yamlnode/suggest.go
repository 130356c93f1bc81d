package yamlnode

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate closest to given, for a "did you mean"
// message, or "" if none is close enough. Closeness is the edit distance
// (insertions, deletions and substitutions of characters) after folding
// case; a candidate qualifies when fewer than 3 edits away and fewer edits
// away than given has characters. The threshold is the one hashicorp/hcl uses
// for its "Did you mean" suggestions; ties go to the earlier candidate.
func Suggest(given string, candidates []string) string {
	best, bestDist := "", 3
	g := []rune(strings.ToLower(given))
	for _, c := range candidates {
		d := editDistance(g, []rune(strings.ToLower(c)))
		if d < bestDist && d < utf8.RuneCountInString(given) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}
