package editdist_test

import (
	"testing"

	"github.com/devzone-go/devzone/internal/editdist"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"title", "tilte", 2},
		{"vaule", "value", 2},
		{"kitten", "sitting", 3},
		{"投资额", "投资", 1},
		{"国庆节", "春节", 2},
		{"", "abc", 3},
	} {
		if got := editdist.Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editdist.Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}
