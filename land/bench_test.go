package land_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/zone"
)

// benchProjects returns n varied projects for testSpec: every industry and
// park scope, commitments exactly at, just below and above the limits,
// missing and unreadable facts, transfers before and after a change of
// limit, acceptance reviews with shortfalls, and named parcels, ready or
// not. All values are example values.
func benchProjects(n int) []*zone.Project {
	industries := []string{"化工", equipment, "", "食品"}
	parks := []string{newMatP, "汇通产业园", ""}
	intensities := []string{"300万元/亩", "299.99万元/亩", "350万元/亩", "420.5万元/亩", "", "三百万元/亩"}
	parcels := []string{"YC-01", "YC-02", "NM-01", "", "YC-99"}
	out := make([]*zone.Project, n)
	for i := range out {
		attrs := map[string]string{
			"committed_plot_ratio":             []string{"1.2", "1", "0.99"}[i%3],
			"committed_tax_per_mu":             []string{"20万元/亩", "15万元/亩", "14.99万元/亩"}[i%3],
			"committed_energy_per_value_added": []string{"0.5", "0.45", "0.51"}[i%3],
			"committed_environment":            []string{gbFirst, "GB 8978-1996 二级"}[i%2],
			"land_price":                       fmt.Sprintf("%d万元", 1000+i%17*100),
		}
		if s := intensities[i%len(intensities)]; s != "" {
			attrs["committed_investment_intensity"] = s
		}
		if s := parcels[i%len(parcels)]; s != "" {
			attrs["parcel"] = s
		}
		events := map[zone.Event]string{zone.Signed: "2023-03-01"}
		if i%4 != 0 {
			events[zone.LandTransferred] = []string{"2024-06-01", "2025-02-01", "2023-08-15"}[i%3]
		}
		if i%3 == 0 {
			events["capacity_review"] = "2025-04-01"
			attrs["actual_investment_intensity"] = []string{"280万元/亩", "350万元/亩", "310万元/亩"}[(i/3)%3]
			attrs["actual_plot_ratio"] = "1.1"
			attrs["actual_tax_per_mu"] = "18.5万元/亩"
			attrs["actual_energy_per_value_added"] = []string{"0.48", "0.52"}[(i/3)%2]
			attrs["actual_environment"] = gbFirst
		}
		p := project(industries[i%len(industries)], parks[i%len(parks)], attrs, events)
		p.ID = fmt.Sprintf("P-%04d", i)
		out[i] = p
	}
	return out
}

// boundSource is a Source over values parsed once per project, the way a
// compiled rule set binds a project's facts before evaluating it.
type boundSource struct {
	byProject map[*zone.Project]*bound
	index     map[string]int
}

type bound struct {
	committed, actual []land.Value
	cerr, aerr        []error
	price             decimal.Decimal
	priceErr          error
	parcel            string
	parcelErr         error
}

func bind(p *land.Policy, projects []*zone.Project) *boundSource {
	src := land.NewAttributeSource(land.ConventionalKeys(p.Indicators()))
	s := &boundSource{byProject: map[*zone.Project]*bound{}, index: map[string]int{}}
	c := zone.NewContext(nil, 0, nil)
	inds := p.Indicators()
	for i, ind := range inds {
		s.index[ind.Ref.ID] = i
	}
	for _, pr := range projects {
		c.Reset(pr, 0, nil)
		b := &bound{}
		for _, ind := range inds {
			v, err := src.Committed(c, ind)
			b.committed, b.cerr = append(b.committed, v), append(b.cerr, err)
			v, err = src.Actual(c, ind)
			b.actual, b.aerr = append(b.actual, v), append(b.aerr, err)
		}
		b.price, b.priceErr = src.LandPrice(c)
		b.parcel, b.parcelErr = src.Parcel(c)
		s.byProject[pr] = b
	}
	return s
}

func (s *boundSource) Committed(c *zone.Context, ind land.Indicator) (land.Value, error) {
	b, i := s.byProject[c.Project], s.index[ind.Ref.ID]
	return b.committed[i], b.cerr[i]
}

func (s *boundSource) Actual(c *zone.Context, ind land.Indicator) (land.Value, error) {
	b, i := s.byProject[c.Project], s.index[ind.Ref.ID]
	return b.actual[i], b.aerr[i]
}

func (s *boundSource) LandPrice(c *zone.Context) (decimal.Decimal, error) {
	b := s.byProject[c.Project]
	return b.price, b.priceErr
}

func (s *boundSource) Parcel(c *zone.Context) (string, error) {
	b := s.byProject[c.Project]
	return b.parcel, b.parcelErr
}

// BenchmarkEvaluate evaluates 1,024 varied projects, one per iteration, with
// the facts bound once per project as a compiled rule set does: the cost of
// the land checks themselves.
func BenchmarkEvaluate(b *testing.B) {
	projects := benchProjects(1024)
	spec := testSpec()
	plain, err := land.New(spec)
	if err != nil {
		b.Fatal(err)
	}
	spec.Source = bind(plain, projects)
	p, err := land.New(spec)
	if err != nil {
		b.Fatal(err)
	}
	benchEvaluate(b, p, projects)
}

// BenchmarkEvaluate_attributes is BenchmarkEvaluate reading and parsing the
// project attributes on every evaluation (the default AttributeSource).
func BenchmarkEvaluate_attributes(b *testing.B) {
	projects := benchProjects(1024)
	benchEvaluate(b, testPolicy(b), projects)
}

func benchEvaluate(b *testing.B, p *land.Policy, projects []*zone.Project) {
	cal := calendar.MainlandChina()
	asOf := d("2025-06-01")
	c := zone.NewContext(projects[0], asOf, cal)
	var unknown, reviewed int
	b.ReportAllocs()
	start, n := cpuTime(), 0
	for i := 0; b.Loop(); i++ {
		n++
		c.Reset(projects[i%len(projects)], asOf, cal)
		r := p.Evaluate(c)
		if r.Committed == zone.Unknown {
			unknown++
		}
		if r.Acceptance != nil {
			reviewed++
		}
	}
	if cpu := cpuTime() - start; cpu > 0 && n > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
	}
	if unknown == 0 || reviewed == 0 {
		b.Fatalf("the projects are not varied: %d unknown, %d reviewed", unknown, reviewed)
	}
}

func BenchmarkLookup(b *testing.B) {
	p := testPolicy(b)
	on := d("2025-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Lookup(land.TaxPerMu, equipment, newMatP, on); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndicator_Parse(b *testing.B) {
	ind := land.StandardIndicators()[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ind.Parse("350万元/亩"); err != nil {
			b.Fatal(err)
		}
	}
}
