package rules_test

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// zoneCorpus lists the diagnostics of the broken zone: sections under
// testdata/zone-*/rules.yaml; TestCorpus checks them with the others.
var zoneCorpus = map[string][]got{
	"zone-errors": {
		{rules.CodeZoneCategory, "zone-errors/rules.yaml:6:13", "zone.category"},
		{rules.CodeZoneLevel, "zone-errors/rules.yaml:7:10", "zone.level"},
		{rules.CodeZonePeriod, "zone-errors/rules.yaml:8:11", "zone.period"},
		{rules.CodeZoneUnknownPark, "zone-errors/rules.yaml:10:43", "zone.parks[0].within"},
		{rules.CodeZoneParkCycle, "zone-errors/rules.yaml:11:34", "zone.parks[1].within"},
		{rules.CodeZoneParkCycle, "zone-errors/rules.yaml:12:34", "zone.parks[2].within"},
		{rules.CodeZoneInvalidID, "zone-errors/rules.yaml:13:12", "zone.parks[3].id"},
		{rules.CodeYAMLUnknownKey, "zone-errors/rules.yaml:14:26", "zone.parks[4].opertor"},
		{rules.CodeZoneDuplicate, "zone-errors/rules.yaml:17:17", "zone.industries.potential[0]"},
		{rules.CodeZoneUnknownIndustry, "zone-errors/rules.yaml:19:54", "zone.chains[0].industries[1]"},
		{rules.CodeIDDuplicate, "zone-errors/rules.yaml:20:12", "zone.chains[1].id"},
		{rules.CodeYAMLMissingKey, "zone-errors/rules.yaml:21:7", "zone.chains[2].label"},
		{rules.CodeZoneUnknownEvent, "zone-errors/rules.yaml:25:14", "zone.metrics[0].batch"},
		{rules.CodeExprUnknownName, "zone-errors/rules.yaml:27:27", "zone.metrics[0].numerator"},
		{rules.CodeZonePlaces, "zone-errors/rules.yaml:28:15", "zone.metrics[0].places"},
		{rules.CodeZoneSumMismatch, "zone-errors/rules.yaml:33:22", "zone.metrics[1].numerator_sum"},
		{rules.CodeZoneSumType, "zone-errors/rules.yaml:39:24", "zone.metrics[2].denominator_sum"},
		{rules.CodeZoneSumMismatch, "zone-errors/rules.yaml:40:116", "zone.metrics[3].denominator_sum"},
		{rules.CodeZoneInvalidID, "zone-errors/rules.yaml:41:12", "zone.metrics[4].id"},
	},
	// The baseline defines only metrics; the zone file names the zone but
	// leaves out its level.
	"zone-missing": {
		{rules.CodeZoneMissing, "zone-missing/rules.yaml:4:1", "zone"},
	},
	"zone-no-zone": {
		{rules.CodeZoneNoZone, "zone-no-zone/rules.yaml:3:1", "zone"},
	},
}

func init() { maps.Copy(corpus, zoneCorpus) }

func loadZone(t testing.TB, name string) *rules.Set {
	t.Helper()
	set, err := rules.LoadFS(os.DirFS("testdata/zone"), name)
	if err != nil {
		t.Fatal(err)
	}
	if ws := set.Warnings(); len(ws) > 0 {
		t.Fatalf("warnings: %v", ws)
	}
	return set
}

func TestZoneSection(t *testing.T) {
	set := loadZone(t, "jinzhong.yaml")
	z := set.Zone()
	if z == nil {
		t.Fatal("no zone")
	}
	if z.ID() != "jinzhong" || z.Category() != zone.CategoryIndustrial || z.Level() != zone.LevelProvincial {
		t.Errorf("zone = %s %v %v", z.ID(), z.Category(), z.Level())
	}
	if ref := z.Ref(); ref.Cite != "002_8f25cfe588d23415.txt" || ref.Pos.String() != "jinzhong.yaml:30:7" {
		t.Errorf("zone ref = %+v", ref)
	}
	parks := z.Parks()
	if len(parks) != 3 || parks[1].Within != "huitong" || parks[1].Operator != "某园区运营公司" || parks[0].Ref.Pos.Line != 37 {
		t.Errorf("parks = %+v", parks)
	}
	if diff := cmp.Diff([]string{"生物医药", "医疗器械"}, z.PotentialIndustries()); diff != "" {
		t.Errorf("potential industries (-want +got):\n%s", diff)
	}
	if cs := z.Chains(); len(cs) != 1 || cs[0].ChainLeader != "管委会分管领导" || cs[0].Leaders[0] != "某整车企业" {
		t.Errorf("chains = %+v", cs)
	}
	pf := set.ZonePortfolio()
	if pf.Granularity() != zone.Quarterly || pf.Zone() != z {
		t.Errorf("portfolio granularity %v", pf.Granularity())
	}
	type metric struct {
		ID, Label, File string
		Batch           zone.Event
		Num, Den, Sum   string
		Places          int32
	}
	var got []metric
	for _, m := range pf.Metrics() {
		sum := ""
		if m.NumeratorSum != nil {
			sum = m.NumeratorSum.String() + " / " + m.DenominatorSum.String()
		}
		got = append(got, metric{m.Ref.ID, m.Ref.Label, m.Ref.Pos.File, m.Batch, m.Numerator.String(), m.Denominator.String(), sum, m.Places})
	}
	// The zone file replaces the baseline's production-rate in place and
	// adds its own metric after the baseline's.
	want := []metric{
		{"start-rate", "开工率", "baseline.yaml", zone.Signed, "happened(construction_started)", "happened(signed)", "", 2},
		{"production-rate", "投产率（按签约）", "jinzhong.yaml", zone.Signed, "happened(production_started)", "happened(signed)", "", 1},
		{"efficiency-rate", "达效率", "baseline.yaml", zone.ProductionStarted, "happened(production_started)", "happened(production_started)", "actual_annual_output / expected_annual_output", 2},
		{"industrial-start-rate", "产业项目开工率", "jinzhong.yaml", zone.Signed, "happened(construction_started)", "happened(signed) and kind == industrial", "", 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
}

func TestZoneSection_metricsOnly(t *testing.T) {
	set := loadZone(t, "baseline.yaml")
	if set.Zone() != nil {
		t.Error("a baseline without zone id has a zone")
	}
	if pf := set.ZonePortfolio(); len(pf.Metrics()) != 3 || pf.Granularity() != zone.Monthly || pf.Zone() != nil {
		t.Errorf("portfolio: %d metrics, %v", len(pf.Metrics()), pf.Granularity())
	}
	// A rule set without a zone: section still reports the 三个一批
	// figures.
	plain, err := rules.LoadFS(fstest.MapFS{"r.yaml": {Data: []byte("devzone: 1\nid: plain\n")}}, "r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := plain.Portfolio(zonePortfolio()[1:2], d("2025-06-30"))
	if err != nil || plain.Zone() != nil || len(rep.Metrics) != 0 || rep.Total.Signed.Projects != 1 || rep.Granularity != zone.Monthly {
		t.Errorf("report without zone section: %+v, %v", rep, err)
	}
}

// zonePortfolio is a small portfolio for the test rule set
// testdata/zone/jinzhong.yaml.
func zonePortfolio() []*zone.Project {
	p := func(id, park, industry, inv string, kind zone.Kind, attrs map[string]string, events ...string) *zone.Project {
		pr := &zone.Project{ID: id, Park: park, Industry: industry, Kind: kind, Attributes: attrs, Events: map[zone.Event]date.Date{}}
		if inv != "" {
			pr.Investment = money(inv)
		}
		order := []zone.Event{zone.Signed, zone.ConstructionStarted, zone.ProductionStarted}
		for i, e := range events {
			pr.Events[order[i]] = d(e)
		}
		return pr
	}
	return []*zone.Project{
		p("A", "汇通产业园", "新能源汽车", "1200000000", zone.Industrial,
			map[string]string{"expected_annual_output": "10亿元", "actual_annual_output": "7亿元"}, "2025-01-10", "2025-02-20", "2025-05-05"),
		p("B", "hydrogen", "装备制造", "300000000", zone.Tech, nil, "2025-01-20", "2025-04-01"),
		p("C", "science", "生物医药", "", zone.Industrial, nil, "2025-04-15"),
		p("D", "某物流园", "现代物流", "50000000", zone.Industrial,
			map[string]string{"expected_annual_output": "2亿元"}, "2024-12-01", "2025-01-05", "2025-03-01"),
		p("E", "", "", "", zone.KindUnknown, nil, "2025-07-02"),
	}
}

func TestSetPortfolio(t *testing.T) {
	set := loadZone(t, "jinzhong.yaml")
	rep, err := set.Portfolio(zonePortfolio(), d("2025-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	var periods []string
	for _, p := range rep.Periods {
		periods = append(periods, p.Period.String())
	}
	if diff := cmp.Diff([]string{"2024-Q4", "2025-Q1", "2025-Q2"}, periods); diff != "" {
		t.Errorf("periods (-want +got):\n%s", diff)
	}
	tot := rep.Total
	if tot.Signed.Projects != 4 || tot.Signed.Investment.String() != "1550000000" || tot.Signed.InvestmentUnknown != 1 ||
		tot.Started.Projects != 3 || tot.Producing.Projects != 2 {
		t.Errorf("total = %+v", tot)
	}
	type rate struct {
		Metric, Num, Den, Percent string
		Undecided                 []string
	}
	rates := func(rs []zone.Rate) []rate {
		var out []rate
		for _, r := range rs {
			p := "-"
			if r.Percent != nil {
				p = r.Percent.String()
			}
			out = append(out, rate{r.Metric, r.Numerator.String(), r.Denominator.String(), p, r.Undecided})
		}
		return out
	}
	want := []rate{
		{"start-rate", "3", "4", "75", nil},
		{"production-rate", "2", "4", "50", nil},
		{"efficiency-rate", "700000000", "1000000000", "70", []string{"D"}},
		{"industrial-start-rate", "2", "3", "66.67", nil},
	}
	if diff := cmp.Diff(want, rates(tot.Rates)); diff != "" {
		t.Errorf("total rates (-want +got):\n%s", diff)
	}
	// 2024-Q4's batch: D, signed in December and started since.
	if diff := cmp.Diff(rate{"start-rate", "1", "1", "100", nil}, rates(rep.Periods[0].Rates)[0]); diff != "" {
		t.Errorf("2024-Q4 start rate (-want +got):\n%s", diff)
	}
	var parks []string
	for _, g := range rep.Parks {
		parks = append(parks, g.Key+":"+g.Label)
	}
	if diff := cmp.Diff([]string{"huitong:汇通产业园", "hydrogen:氢能园中园", "science:科创城", "某物流园:某物流园", ":未记录"}, parks); diff != "" {
		t.Errorf("parks (-want +got):\n%s", diff)
	}
	// Without a lifecycle: section there are no deadlines or steps; a
	// rule set with one lists them (checked where lifecycle results are
	// derived). Capacity needs no lifecycle: A and D are producing.
	if len(rep.Overdue) != 0 || len(rep.Escalations) != 0 || rep.Capacity.Producing != 2 {
		t.Errorf("lifecycle lists: %d overdue, %d steps, %d producing", len(rep.Overdue), len(rep.Escalations), rep.Capacity.Producing)
	}
}

func TestSetPortfolio_errors(t *testing.T) {
	set := loadZone(t, "jinzhong.yaml")
	ps := zonePortfolio()
	ps[1].Attributes = map[string]string{"tech_levl": "3"}
	ps[3].Attributes = map[string]string{"actual_annual_output": "很多"}
	_, err := set.Portfolio(ps, d("2025-06-30"))
	var pes zone.ProjectErrors
	if !errors.As(err, &pes) || len(pes) != 2 || pes[0].ID != "B" || pes[1].ID != "D" {
		t.Fatalf("error = %v", err)
	}
	var fe *rules.FactError
	if !errors.As(pes[0], &fe) || fe.Fact != "tech_levl" || !errors.Is(pes[0], rules.ErrUndeclared) {
		t.Errorf("first problem = %v", pes[0])
	}
	if !strings.Contains(err.Error(), "project D: project fact actual_annual_output") {
		t.Errorf("message = %v", err)
	}
	_, err = set.Portfolio(zonePortfolio(), d("2020-12-31"))
	if !errors.Is(err, rules.ErrNotInForce) {
		t.Errorf("before effective: %v", err)
	}
}

// TestSetPortfolio_workers checks that the report does not depend on the
// number of workers, under the race detector too.
func TestSetPortfolio_workers(t *testing.T) {
	set := loadZone(t, "jinzhong.yaml")
	var ps []*zone.Project
	for i := range 400 {
		for _, p := range zonePortfolio() {
			p.ID += "-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			ps = append(ps, p)
		}
	}
	var outs []string
	for _, w := range []int{1, 3, 8} {
		rep, err := set.PortfolioWith(ps, zone.Options{AsOf: d("2025-06-30"), Workers: w, Granularity: zone.Monthly})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rep)
		outs = append(outs, string(b))
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Error("the report depends on the number of workers")
	}
}

// FuzzZoneSection loads arbitrary rule files, seeded with the zone: test
// files, and makes a portfolio report with every rule set that loads.
// Properties: no panic; a rule set that loads reports on a small portfolio,
// or says which project it cannot evaluate; the report's rates are never
// above 100% when they count projects.
func FuzzZoneSection(f *testing.F) {
	for _, name := range []string{"zone/baseline.yaml", "zone/jinzhong.yaml", "zone-errors/rules.yaml", "zone-missing/rules.yaml", "zone-no-zone/rules.yaml"} {
		src, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("devzone: 1\nid: x\nzone:\n  metrics:\n    - {id: m, label: 率, denominator: \"true\", numerator: kind == tech, places: 0}\n"))
	f.Add([]byte("devzone: 1\nid: x\nzone: {id: z, label: 区, category: 工业类, level: 省级, period: 年度, parks: [{id: a, label: 甲, within: a}]}\n"))
	base, err := os.ReadFile("testdata/zone/baseline.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"jinzhong.yaml": {Data: src}, "baseline.yaml": {Data: base}}
		set, err := rules.LoadFS(fsys, "jinzhong.yaml")
		if err != nil {
			return
		}
		rep, err := set.Portfolio(zonePortfolio(), d("2025-06-30"))
		var pes zone.ProjectErrors
		switch {
		case err == nil:
		case errors.As(err, &pes), errors.Is(err, rules.ErrNotInForce):
			return
		default:
			t.Fatalf("Portfolio error of type %T: %v", err, err)
		}
		for i, m := range rep.Metrics {
			r := rep.Total.Rates[i]
			if m.NumeratorSum == "" && r.Numerator.GreaterThan(r.Denominator) {
				t.Errorf("%s: %v/%v above 100%%", m.Ref.ID, r.Numerator, r.Denominator)
			}
		}
	})
}
