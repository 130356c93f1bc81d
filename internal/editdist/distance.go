// Package editdist measures how far apart two names are, for the "did you
// mean" hints of devzone's messages. Each caller keeps its own rule for
// when a name is close enough to suggest.
package editdist

// Distance is the Levenshtein distance between a and b counted in runes:
// the fewest insertions, deletions and substitutions of characters that
// turn one into the other.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cur := row[j]
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(rb)]
}
