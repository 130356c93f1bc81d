package quantity_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/internal/quantity"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, unit string
		want     string // the value, or "" for an error
		offset   int    // the error's offset
	}{
		{"1.2", "", "1.2", 0},
		{" 0.5吨标煤/万元 ", "吨标煤/万元", "0.5", 0},
		{"0.5 吨标煤/万元", "吨标煤/万元", "0.5", 0},
		{"12", "万元/吨标煤", "12", 0},
		{"-1", "", "", 0},
		{"1.", "", "", 2},
		{"1.2万元", "", "", 3},
		{"0.5吨", "吨标煤/万元", "", 3},
		{"", "", "", 0},
		{"abc", "", "", 0},
		{"123456789012345678901", "", "", 0},
	}
	for _, tt := range tests {
		d, err := quantity.ParseNumber(tt.in, tt.unit)
		if tt.want != "" {
			if err != nil || d.String() != tt.want {
				t.Errorf("ParseNumber(%q, %q) = %v, %v; want %s", tt.in, tt.unit, d, err, tt.want)
			}
			continue
		}
		var se *quantity.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseNumber(%q, %q) = %v, %v; want a *SyntaxError", tt.in, tt.unit, d, err)
			continue
		}
		if diff := cmp.Diff([]any{quantity.Number, tt.in, tt.offset}, []any{se.Kind, se.Input, se.Offset}); diff != "" {
			t.Errorf("ParseNumber(%q, %q) error (-want +got):\n%s", tt.in, tt.unit, diff)
		}
	}
}

// FuzzParseNumber checks that ParseNumber never panics, that its errors
// point inside the input, and that what it accepts is not negative.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.2", "0.5吨标煤/万元", " 12 ", "-3", "1e5", "1.2.3"} {
		f.Add(s, "吨标煤/万元")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		d, err := quantity.ParseNumber(s, unit)
		if err != nil {
			var se *quantity.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("ParseNumber(%q, %q): error %v", s, unit, err)
			}
			return
		}
		if d.Sign() < 0 {
			t.Fatalf("ParseNumber(%q, %q) = %v, negative", s, unit, d)
		}
	})
}
