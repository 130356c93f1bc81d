package calendar_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
)

// referenceDirs returns the folders of reference schedules in the holiday-cn
// JSON format, when they are present beside the repository (they are not
// shipped with the module). DEVZONE_REFERENCE overrides the location.
func referenceDirs(t *testing.T) []string {
	root := os.Getenv("DEVZONE_REFERENCE")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "reference")
	}
	dirs := []string{filepath.Join(root, "cn-holidays-2004-2006"), filepath.Join(root, "holiday-cn")}
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("reference schedules not present (%v); set DEVZONE_REFERENCE to compare", err)
		}
	}
	return dirs
}

type refDay struct {
	name string
	off  bool
}

func loadReference(t *testing.T) map[date.Date]refDay {
	out := map[date.Date]refDay{}
	for _, dir := range referenceDirs(t) {
		files, err := filepath.Glob(filepath.Join(dir, "[0-9][0-9][0-9][0-9].json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Days []struct {
					Name     string `json:"name"`
					Date     string `json:"date"`
					IsOffDay bool   `json:"isOffDay"`
				} `json:"days"`
			}
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, e := range doc.Days {
				out[d(e.Date)] = refDay{e.Name, e.IsOffDay}
			}
		}
	}
	return out
}

// TestMatchesReference compares the embedded calendar with the State Council
// schedules on every date from 2004-01-01 to 2026-12-31: working or not, and
// the holiday name of every listed date.
func TestMatchesReference(t *testing.T) {
	ref := loadReference(t)
	cal := calendar.MainlandChina()
	informal := map[string]string{"“五一”": "劳动节", "“五一”国际劳动节": "劳动节", "“十一”": "国庆节"}
	mismatches := 0
	for x := d("2004-01-01"); x <= d("2026-12-31"); x++ {
		r, listed := ref[x]
		want := x.Weekday() != time.Saturday && x.Weekday() != time.Sunday
		if listed {
			want = !r.off
		}
		got, err := cal.Day(x)
		if err != nil {
			t.Fatalf("Day(%s): %v", x, err)
		}
		if got.IsWorkday() != want {
			t.Errorf("%s: embedded working day = %v, reference = %v", x, got.IsWorkday(), want)
			mismatches++
		}
		// Every listed date carries its holiday's name, except a weekday listed
		// as an ordinary working day (2020-02-03), which the data leaves out.
		if listed && !(want && got.Kind == calendar.KindWorkday) {
			name := r.name
			if n, ok := informal[name]; ok {
				name = n
			}
			if !strings.EqualFold(got.Name, name) {
				t.Errorf("%s: embedded name %q, reference %q", x, got.Name, r.name)
				mismatches++
			}
		}
		if mismatches > 20 {
			t.Fatal("too many mismatches")
		}
	}
}
