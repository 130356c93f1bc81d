package rules

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/land"
)

// TestLandRejected checks that a land.New error, which the section's own
// checks should make impossible, still becomes positioned diagnostics in
// words rather than a Go error.
func TestLandRejected(t *testing.T) {
	key := Scalar{Value: "land", Pos: Pos{File: "rules.yaml", Line: 3, Col: 1}}
	id := Scalar{Value: "general", Pos: Pos{File: "rules.yaml", Line: 6, Col: 13}}
	lim := Scalar{Value: "plot_ratio", Pos: Pos{File: "rules.yaml", Line: 8, Col: 9}}
	lc := &landCompiler{c: &compiler{}, s: &landSyntax{key: key, path: "land"}, where: make(map[string]landWhere)}
	lc.note("standards[0]", id, "land.standards[0]")
	lc.note("standards[0].limits[1]", lim, "land.standards[0].limits.plot_ratio")
	lc.rejected(&land.SpecError{Problems: []land.Problem{
		{Code: "land.limit.order", Path: "standards[0].limits[1].values[2]", Message: "the values must be in date order"},
		{Code: "land.standard.industry", Path: "standards[0].industries[0]", Message: "an industry name is empty"},
		{Code: "land.acceptance.event", Path: "acceptance.event", Message: "no event"},
	}})
	lc.rejected(errors.New("something else"))
	type row struct{ Code, Pos, Path string }
	var got []row
	for _, d := range lc.c.diags {
		got = append(got, row{d.Code, d.Pos.String(), d.Path})
		if d.Summary == "" || d.Detail == "" {
			t.Errorf("%s: no words", d.Pos)
		}
	}
	want := []row{
		{CodeLandInvalid, "rules.yaml:8:9", "land.standards[0].limits.plot_ratio"},
		{CodeLandInvalid, "rules.yaml:6:13", "land.standards[0]"},
		{CodeLandInvalid, "rules.yaml:3:1", "land"},
		{CodeLandInvalid, "rules.yaml:3:1", "land"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if !lc.failed {
		t.Error("not marked failed")
	}
}
