package rules_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// generatePortfolio returns n projects for the test rule set
// testdata/zone/jinzhong.yaml, the same for the same n and seed: signed
// from 2022 to mid-2025, three in four started 10–180 days after signing,
// three in five of those in production 60–400 days later with their
// expected and actual annual output, two in five of those at design
// capacity, spread over the zone's parks (by id and by name, a park the
// zone does not list, none) and industries.
func generatePortfolio(n int, seed uint64) []*zone.Project {
	rng := rand.New(rand.NewPCG(seed, 2025))
	parks := []string{"huitong", "汇通产业园", "hydrogen", "science", "某物流园", ""}
	industries := []string{"新能源汽车", "装备制造", "信息创新", "生物医药", "医疗器械", "现代物流", "新材料", ""}
	first := date.New(2022, 1, 1)
	span := int(date.New(2025, 6, 30) - first)
	out := make([]*zone.Project, n)
	for i := range out {
		inv := decimal.New(int64(1000+rng.IntN(500000)), 4) // 1000万元 to 50亿元, in 万元
		yes := rng.IntN(5) == 0
		p := &zone.Project{
			ID:                 fmt.Sprintf("JZ-%06d", i+1),
			Name:               fmt.Sprintf("示例项目%d", i+1),
			Investment:         &inv,
			Industry:           industries[rng.IntN(len(industries))],
			Park:               parks[rng.IntN(len(parks))],
			Kind:               zone.Kind(1 + rng.IntN(2)),
			LandMode:           zone.LandMode(1 + rng.IntN(2)),
			ChainLeaderSourced: &yes,
			Events:             make(map[zone.Event]date.Date, 4),
		}
		if rng.IntN(10) == 0 {
			p.Investment = nil
		}
		if rng.IntN(3) == 0 {
			p.Attributes = map[string]string{"tech_level": fmt.Sprint(1 + rng.IntN(5))}
		}
		d := first + date.Date(rng.IntN(span))
		p.Events[zone.Signed] = d
		if rng.IntN(4) < 3 {
			d += date.Date(10 + rng.IntN(170))
			p.Events[zone.ConstructionStarted] = d
			if rng.IntN(5) < 3 {
				d += date.Date(60 + rng.IntN(340))
				p.Events[zone.ProductionStarted] = d
				if p.Attributes == nil {
					p.Attributes = make(map[string]string, 2)
				}
				expected := 1 + rng.IntN(100)
				p.Attributes["expected_annual_output"] = fmt.Sprintf("%d亿元", expected)
				if rng.IntN(8) > 0 {
					p.Attributes["actual_annual_output"] = fmt.Sprintf("%d万元", rng.IntN(expected*12000))
				}
				if rng.IntN(5) < 2 {
					p.Events[zone.DesignCapacityReached] = d + date.Date(90+rng.IntN(600))
				}
			}
		}
		out[i] = p
	}
	return out
}

// BenchmarkPortfolio makes the monthly portfolio report of 100,000
// generated projects under the test rule set of testdata/zone (named
// conditions, four metrics, one a ratio of sums). Run it with -cpu 1 for
// the one-core figure; ns/project is the cost of one project.
func BenchmarkPortfolio(b *testing.B) {
	set := loadZone(b, "jinzhong.yaml")
	projects := generatePortfolio(100_000, 1)
	opt := zone.Options{AsOf: date.New(2025, 6, 30), Granularity: zone.Monthly, Workers: runtime.GOMAXPROCS(0)}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		rep, err := set.PortfolioWith(projects, opt)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Total.Signed.Projects == 0 {
			b.Fatal("nothing signed")
		}
	}
	reportPerProject(b, len(projects), processCPU()-cpu)
}

// reportPerProject reports the wall-clock time per project and, where it
// is measured, the CPU time per operation and per project.
func reportPerProject(b *testing.B, n int, cpu int64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/project")
	if cpu > 0 {
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(cpu)/float64(b.N)/float64(n), "cpu-ns/project")
	}
}

// BenchmarkEvaluatePortfolio is the cost of evaluating the same projects
// one by one with Set.Evaluate, for comparison with BenchmarkPortfolio.
func BenchmarkEvaluatePortfolio(b *testing.B) {
	set := loadZone(b, "jinzhong.yaml")
	projects := generatePortfolio(100_000, 1)
	asOf := date.New(2025, 6, 30)
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		for _, p := range projects {
			if _, err := set.Evaluate(p, asOf); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportPerProject(b, len(projects), processCPU()-cpu)
}
