package examples_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// jinzhongPortfolio returns n projects made from the Jinzhong example's
// projects: copy k of project i has its own id and every milestone moved
// (k·13 + i) mod 400 days earlier, so the portfolio spreads over 2024–2026
// with the example's mix of stages, industries, land modes and delays.
func jinzhongPortfolio(tb testing.TB, set *rules.Set, n int) []*zone.Project {
	tb.Helper()
	base, err := rules.LoadProjectsFS(set, examples.FS, "jinzhong/projects.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]*zone.Project, 0, n)
	for k := 0; len(out) < n; k++ {
		for i, p := range base {
			if len(out) == n {
				break
			}
			c := p.Clone()
			c.ID = fmt.Sprintf("%s-%05d", p.ID, k)
			shift := (k*13 + i) % 400
			for e, d := range c.Events {
				c.Events[e] = d.AddDate(0, 0, -shift)
			}
			out = append(out, c)
		}
	}
	return out
}

// BenchmarkPortfolio is the whole zone dashboard — every project evaluated
// under the Jinzhong policy (lifecycle, land, incentives, zone metrics) and
// the monthly report built — for 10,000 and 100,000 projects, so the
// per-project cost and the growth of memory can be compared.
func BenchmarkPortfolio(b *testing.B) {
	set, err := rules.LoadFS(examples.FS, "jinzhong/policy.yaml")
	if err != nil {
		b.Fatal(err)
	}
	asOf := calendar.MustParseDate("2026-11-23")
	for _, n := range []int{10_000, 100_000} {
		projects := jinzhongPortfolio(b, set, n)
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			opt := zone.Options{AsOf: asOf, Granularity: zone.Monthly, Workers: runtime.GOMAXPROCS(0)}
			b.ReportAllocs()
			for b.Loop() {
				rep, err := set.PortfolioWith(projects, opt)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Projects != n {
					b.Fatalf("report counts %d projects, want %d", rep.Projects, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/project")
		})
	}
}
