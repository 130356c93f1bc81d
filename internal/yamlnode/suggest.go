package yamlnode

import (
	"strings"
	"unicode/utf8"

	"github.com/devzone-go/devzone/internal/editdist"
)

// Suggest returns the candidate closest to given, for a "did you mean"
// message, or "" if none is close enough. Closeness is the edit distance
// (insertions, deletions and substitutions of characters) after folding
// case; a candidate qualifies when fewer than 3 edits away and fewer edits
// away than given has characters. The threshold is the one hashicorp/hcl uses
// for its "Did you mean" suggestions; ties go to the earlier candidate.
func Suggest(given string, candidates []string) string {
	best, bestDist := "", 3
	g := strings.ToLower(given)
	for _, c := range candidates {
		d := editdist.Distance(g, strings.ToLower(c))
		if d < bestDist && d < utf8.RuneCountInString(given) {
			best, bestDist = c, d
		}
	}
	return best
}
