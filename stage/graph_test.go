package stage_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/stage"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestGraphGolden(t *testing.T) {
	l := jinzhong(t)
	for name, f := range map[string]stage.GraphFormat{"jinzhong.mmd": stage.Mermaid, "jinzhong.dot": stage.DOT} {
		t.Run(name, func(t *testing.T) {
			got := l.Graph(f)
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		})
	}
}
