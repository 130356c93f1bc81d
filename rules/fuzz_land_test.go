package rules_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// FuzzLand feeds arbitrary rule files with land: sections to the loader;
// the file may extend the Shanxi baseline of testdata/land. Properties, in
// addition to FuzzLoad's: the section's own checks find every problem, so
// land.invalid (a land.New error that slipped through) never appears; a
// Set that loads evaluates a project with land facts without error or
// panic.
func FuzzLand(f *testing.F) {
	_ = filepath.WalkDir("testdata", func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".yaml") && strings.Contains(path, "land") {
			if b, err := os.ReadFile(path); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
	f.Add([]byte("devzone: 1\nid: x\nland:\n  indicators:\n    - {id: a, label: 甲, unit: \" \", direction: \" \"}\n  standards:\n    - {id: s, label: 乙, industries: [\" \"], limits: {a: 1}}\n"))
	f.Add([]byte("devzone: 1\nid: x\nland:\n  acceptance: {id: r, label: 复核, event: signed, damages: [{id: d, label: 违约金, kind: \" \"}]}\n"))
	base, err := os.ReadFile("testdata/land/shanxi.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"rules.yaml": {Data: src}, "shanxi.yaml": {Data: base}}
		set, err := rules.LoadFS(fsys, "rules.yaml")
		var ds rules.Diagnostics
		switch {
		case err == nil:
			ds = set.Warnings()
		case errors.As(err, &ds):
			if set != nil {
				t.Fatal("a Set came with errors")
			}
		default:
			t.Fatalf("error of type %T", err)
		}
		sources := map[string]*yamlnode.Source{"rules.yaml": yamlnode.NewSource(src), "shanxi.yaml": yamlnode.NewSource(base)}
		for _, d := range ds {
			if d.Code == rules.CodeLandInvalid {
				t.Errorf("land.invalid: %s\n%s", d.Error(), d.Detail)
			}
			if s, ok := sources[d.Pos.File]; ok && d.Pos.IsValid() && !s.Contains(yamlnode.Position{Line: d.Pos.Line, Col: d.Pos.Col}) {
				t.Errorf("%s: %s lies outside the file", d.Code, d.Pos)
			}
		}
		if set == nil || set.Land() == nil {
			return
		}
		p := &zone.Project{
			Industry: "新能源汽车", LandMode: zone.Transfer,
			Events: map[zone.Event]date.Date{zone.LandTransferred: d("2025-03-10")},
		}
		attrs := map[string]string{"parcel": "YC-01", "land_price": "2570万元", "committed_investment_intensity": "350万元/亩", "actual_investment_intensity": "280万元/亩"}
		for name, v := range attrs {
			for _, fct := range set.Facts() {
				if fct.Name == name {
					if p.Attributes == nil {
						p.Attributes = map[string]string{}
					}
					p.Attributes[name] = v
				}
			}
		}
		for _, e := range set.Events() {
			if !e.Builtin {
				p.Events[zone.Event(e.Name)] = d("2025-06-01")
			}
		}
		if _, err := set.Evaluate(p, d("2025-12-31")); err != nil && !errors.Is(err, rules.ErrNotInForce) {
			var fe *rules.FactError
			if !errors.As(err, &fe) {
				t.Errorf("Evaluate = %v", err)
			}
		}
	})
}
