package rules

import (
	"os"
	"testing"

	"github.com/devzone-go/devzone/calendar"
)

func BenchmarkParseProjects(b *testing.B) {
	set := withSections(b)
	src, err := os.ReadFile("testdata/scenarios/projects.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseProjects(set, "projects.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalProjects(b *testing.B) {
	set := withSections(b)
	ps, err := LoadProjectsFile(set, "testdata/scenarios/projects.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MarshalProjects(set, ps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkObserve evaluates one project against a rule set with every
// section and reads the result as keyed values.
func BenchmarkObserve(b *testing.B) {
	set := withSections(b)
	ps, err := LoadProjectsFile(set, "testdata/scenarios/projects.yaml")
	if err != nil {
		b.Fatal(err)
	}
	asOf := calendar.MustParseDate("2025-07-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := set.Observe(ps[0], asOf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScenarios parses sections.yaml and checks its five cases.
func BenchmarkScenarios(b *testing.B) {
	set := withSections(b)
	src, err := os.ReadFile("testdata/scenarios/sections.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseScenarios(set, "sections.yaml", src)
		if err != nil {
			b.Fatal(err)
		}
		if s.Check().Failed() != 0 {
			b.Fatal("a case fails")
		}
	}
}
