package zone_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/zone"
)

func day(s string) date.Date { return calendar.MustParseDate(s) }

func money(s string) *decimal.Decimal { return new(decimal.RequireFromString(s)) }

// attribute measures a decimal attribute of the project.
func attribute(name string) zone.Measure {
	return zone.MeasureFunc{Text: name, F: func(c *zone.Context) (decimal.Decimal, bool) {
		v, ok := c.Project.Attributes[name]
		if !ok {
			return decimal.Decimal{}, false
		}
		d, err := decimal.NewFromString(v)
		return d, err == nil
	}}
}

// shanxiMetrics are the three 三个一批 rates with the definitions inferred
// from the Taiyuan figures (domain facts §4).
func shanxiMetrics() []zone.Metric {
	return []zone.Metric{
		{Ref: zone.Ref{ID: "start-rate", Label: "开工率"}, Batch: zone.Signed,
			Denominator: zone.Happened(zone.Signed), Numerator: zone.Happened(zone.ConstructionStarted), Places: zone.DefaultPlaces},
		{Ref: zone.Ref{ID: "production-rate", Label: "投产率"}, Batch: zone.ConstructionStarted,
			Denominator: zone.Happened(zone.ConstructionStarted), Numerator: zone.Happened(zone.ProductionStarted), Places: zone.DefaultPlaces},
		{Ref: zone.Ref{ID: "efficiency-rate", Label: "达效率"}, Batch: zone.ProductionStarted,
			Denominator: zone.Happened(zone.ProductionStarted), Numerator: zone.Happened(zone.ProductionStarted),
			DenominatorSum: attribute("expected_output"), NumeratorSum: attribute("actual_output"), Places: zone.DefaultPlaces},
	}
}

// taiyuan builds projects that reproduce the Taiyuan zones' figures after
// four rounds in 2021: 68 signed, of which 40 started (开工率 58.82%); 57
// started, of which 17 in production (投产率 29.82%); 41 in production with
// an actual output of 301.7亿元 against 418.12亿元 expected (达效率 72.16%).
func taiyuan() []*zone.Project {
	var ps []*zone.Project
	add := func(n int, events map[zone.Event]string) []*zone.Project {
		var out []*zone.Project
		for range n {
			p := &zone.Project{ID: fmt.Sprintf("TY-%03d", len(ps)+1), Investment: money("100000000"), Events: map[zone.Event]date.Date{}}
			for e, d := range events {
				p.Events[e] = day(d)
			}
			ps = append(ps, p)
			out = append(out, p)
		}
		return out
	}
	producing := add(17, map[zone.Event]string{zone.Signed: "2021-01-01", zone.ConstructionStarted: "2021-02-26", zone.ProductionStarted: "2021-10-08"})
	add(23, map[zone.Event]string{zone.Signed: "2021-06-06", zone.ConstructionStarted: "2021-08-08"})
	add(28, map[zone.Event]string{zone.Signed: "2021-08-08"})
	add(17, map[zone.Event]string{zone.Signed: "2020-08-08", zone.ConstructionStarted: "2021-06-06"})
	producing = append(producing, add(24, map[zone.Event]string{zone.Signed: "2019-05-01", zone.ConstructionStarted: "2020-02-28", zone.ProductionStarted: "2021-06-06"})...)
	// 41 projects in production: 40 expect 10亿元 and make 7.3亿元, one
	// expects 18.12亿元 and makes 9.7亿元.
	for i, p := range producing {
		p.Attributes = map[string]string{"expected_output": "1000000000", "actual_output": "730000000"}
		if i == 0 {
			p.Attributes = map[string]string{"expected_output": "1812000000", "actual_output": "970000000"}
		}
	}
	return ps
}

// mustReport makes the report of projects with a new portfolio of z and
// the metrics, from the day from (when not "") to asOf.
func mustReport(t *testing.T, z *zone.Zone, g zone.Granularity, metrics []zone.Metric, projects []*zone.Project, from, asOf string) *zone.Report {
	t.Helper()
	pf, err := zone.NewPortfolio(z, g, metrics...)
	if err != nil {
		t.Fatal(err)
	}
	opt := zone.Options{AsOf: day(asOf)}
	if from != "" {
		opt.From = new(day(from))
	}
	rep, err := pf.Report(projects, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestReport_taiyuan(t *testing.T) {
	rep := mustReport(t, nil, zone.Yearly, shanxiMetrics(), taiyuan(), "2021-01-01", "2021-12-31")
	type rate struct{ Num, Den, Percent string }
	var got []rate
	for _, r := range rep.Total.Rates {
		got = append(got, rate{r.Numerator.String(), r.Denominator.String(), r.Percent.String()})
	}
	want := []rate{
		{"40", "68", "58.82"},
		{"17", "57", "29.82"},
		{"30170000000", "41812000000", "72.16"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rates (-want +got):\n%s", diff)
	}
	if s, st, p := rep.Total.Signed, rep.Total.Started, rep.Total.Producing; s.Projects != 68 || st.Projects != 57 || p.Projects != 41 ||
		!s.Investment.Equal(decimal.RequireFromString("6800000000")) {
		t.Errorf("batches: signed %+v, started %+v, producing %+v", s, st, p)
	}
	if len(rep.Periods) != 1 || rep.Periods[0].Period.String() != "2021" || rep.Periods[0].Partial {
		t.Errorf("periods = %+v", rep.Periods)
	}
	// Without From, the report starts with the earliest milestone, 2019.
	rep = mustReport(t, nil, zone.Yearly, shanxiMetrics(), taiyuan(), "", "2021-12-31")
	if len(rep.Periods) != 3 || rep.From != day("2019-01-01") || rep.Total.Signed.Projects != 109 {
		t.Errorf("from %s: %d periods, %d signed", rep.From, len(rep.Periods), rep.Total.Signed.Projects)
	}
}

// parks builds a small portfolio across parks and industries.
func smallPortfolio() []*zone.Project {
	p := func(id, park, industry, inv string, events ...string) *zone.Project {
		pr := &zone.Project{ID: id, Name: "项目" + id, Park: park, Industry: industry, Events: map[zone.Event]date.Date{}}
		if inv != "" {
			pr.Investment = money(inv)
		}
		order := []zone.Event{zone.Signed, zone.ConstructionStarted, zone.ProductionStarted, zone.DesignCapacityReached}
		for i, d := range events {
			if d != "" {
				pr.Events[order[i]] = day(d)
			}
		}
		return pr
	}
	return []*zone.Project{
		p("P1", "汇通产业园", "新能源汽车", "1200000000", "2025-01-10", "2025-02-20", "2025-05-05"),
		p("P2", "hydrogen", "装备制造", "300000000.5", "2025-01-20", "2025-03-01"),
		p("P3", "某物流园", "现代物流", "", "2025-02-03"),
		p("P4", "", "", "50000000", "2025-03-30", "", "", ""),
		p("P5", "science", "生物医药", "80000000", "2024-11-11", "2024-12-30", "2025-03-01", "2025-04-30"),
		p("P6", "science", "新能源汽车", "90000000", "2025-04-01", "2025-04-15"), // after the report date for one event
	}
}

func TestReport_breakdowns(t *testing.T) {
	z, err := zone.New(jinzhong())
	if err != nil {
		t.Fatal(err)
	}
	rep := mustReport(t, z, zone.GranularityUnknown, shanxiMetrics()[:2], smallPortfolio(), "2025-01-01", "2025-04-10")
	if rep.Granularity != zone.Monthly || len(rep.Periods) != 4 || !rep.Periods[3].Partial || rep.Periods[2].Partial {
		t.Fatalf("granularity %s, %d periods", rep.Granularity, len(rep.Periods))
	}
	type row struct {
		Key                               string
		Projects                          int
		Signed, Started, Producing, Reach int
		Investment                        string
		Unknown                           int
	}
	rows := func(gs []zone.Group) []row {
		var out []row
		for _, g := range gs {
			t := g.Total
			out = append(out, row{g.Key, g.Projects, t.Signed.Projects, t.Started.Projects, t.Producing.Projects, t.Reached.Projects, t.Signed.Investment.String(), t.Signed.InvestmentUnknown})
		}
		return out
	}
	wantParks := []row{
		{"huitong", 1, 1, 1, 0, 0, "1200000000", 0},
		{"hydrogen", 1, 1, 1, 0, 0, "300000000.5", 0},
		{"science", 2, 1, 0, 1, 0, "90000000", 0}, // P6 signed 04-01; P5 signed in 2024, producing 03-01; reached 04-30 is after the report date
		{"某物流园", 1, 1, 0, 0, 0, "0", 1},
		{"", 1, 1, 0, 0, 0, "50000000", 0},
	}
	if diff := cmp.Diff(wantParks, rows(rep.Parks)); diff != "" {
		t.Errorf("parks (-want +got):\n%s", diff)
	}
	wantIndustries := []row{
		{"新能源汽车", 2, 2, 1, 0, 0, "1290000000", 0},
		{"装备制造", 1, 1, 1, 0, 0, "300000000.5", 0},
		{"信息创新", 0, 0, 0, 0, 0, "0", 0},
		{"生物医药", 1, 0, 0, 1, 0, "0", 0},
		{"医疗器械", 0, 0, 0, 0, 0, "0", 0},
		{"现代物流", 1, 1, 0, 0, 0, "0", 1},
		{"", 1, 1, 0, 0, 0, "50000000", 0},
	}
	if diff := cmp.Diff(wantIndustries, rows(rep.Industries)); diff != "" {
		t.Errorf("industries (-want +got):\n%s", diff)
	}
	if g := rep.Parks[1]; g.Within != "huitong" || !g.Declared || g.Label != "氢能园中园" {
		t.Errorf("园中园 group = %+v", g)
	}
	if g := rep.Industries[3]; g.Class != zone.PotentialIndustry {
		t.Errorf("生物医药 class = %v", g.Class)
	}
	// By month: signed in January 2, February 1, March 1, April (to the
	// 10th) 1.
	var signed []int
	for _, p := range rep.Periods {
		signed = append(signed, p.Signed.Projects)
	}
	if diff := cmp.Diff([]int{2, 1, 1, 1}, signed); diff != "" {
		t.Errorf("signed by month (-want +got):\n%s", diff)
	}
	// 开工率 of January's batch: P1 and P2 both started.
	if r := rep.Periods[0].Rates[0]; r.Numerator.IntPart() != 2 || r.Denominator.IntPart() != 2 || r.Percent.String() != "100" {
		t.Errorf("January start rate = %+v", r)
	}
	// Over the report: 6 signed from January, 3 of them started by the
	// 10th of April (P6 started on the 15th).
	if r := rep.Total.Rates[0]; r.Numerator.IntPart() != 2 || r.Denominator.IntPart() != 5 || r.Percent.String() != "40" {
		t.Errorf("total start rate = %v/%v = %v", r.Numerator, r.Denominator, r.Percent)
	}
	// April's 投产率 batch is empty: no rate.
	if r := rep.Periods[3].Rates[1]; r.Percent != nil || !r.Denominator.IsZero() {
		t.Errorf("April production rate = %+v", r)
	}
}

func TestReport_lifecycle(t *testing.T) {
	pf, _ := zone.NewPortfolio(nil, zone.Quarterly)
	asOf := day("2025-06-30")
	steps := func(ids ...string) []zone.DueStep {
		var out []zone.DueStep
		for i, id := range ids {
			out = append(out, zone.DueStep{Ref: zone.Ref{ID: id}, Since: day("2025-05-01") + date.Date(10*i), Because: "land-transfer"})
		}
		return out
	}
	status := map[string]zone.Status{
		"A": {
			Overdue:     []zone.Deadline{{Ref: zone.Ref{ID: "land-transfer", Label: "完成土地出让"}, Due: day("2025-04-30"), Overdue: true, LateWorkdays: 40}},
			Escalations: steps("letter", "interview"),
			Awards:      []zone.Award{{Programme: zone.Ref{ID: "team"}, Service: "专班服务"}, {Programme: zone.Ref{ID: "subsidy"}, Amount: decimal.RequireFromString("500000"), AmountKnown: true}},
		},
		"B": {
			Overdue:     []zone.Deadline{{Ref: zone.Ref{ID: "land-transfer"}, Due: day("2025-03-31"), Overdue: true}, {Ref: zone.Ref{ID: "construction"}, Due: day("2025-04-30"), Overdue: true}},
			Escalations: steps("letter"),
			Capacity:    &zone.Deadline{Ref: zone.Ref{ID: "capacity"}, Due: day("2025-06-01"), Overdue: true, LateWorkdays: 20},
			Awards:      []zone.Award{{Programme: zone.Ref{ID: "subsidy"}, Amount: decimal.RequireFromString("250000.5"), AmountKnown: true}, {Programme: zone.Ref{ID: "grant"}}},
		},
		"C": {Capacity: &zone.Deadline{Ref: zone.Ref{ID: "capacity"}, Due: day("2026-01-01")}},
		"D": {Capacity: &zone.Deadline{Ref: zone.Ref{ID: "capacity"}, Due: day("2025-03-01"), LateWorkdays: 3}},
	}
	ev := func(e ...string) map[zone.Event]date.Date {
		m := map[zone.Event]date.Date{}
		if e[0] != "" {
			m[zone.ProductionStarted] = day(e[0])
		}
		if len(e) > 1 {
			m[zone.DesignCapacityReached] = day(e[1])
		}
		return m
	}
	projects := []*zone.Project{
		{ID: "B", Events: ev("2024-06-01")},
		{ID: "A", Events: ev("")},
		{ID: "C", Events: ev("2025-01-01")},
		{ID: "D", Events: ev("2024-01-01", "2025-03-04")},
		{ID: "E", Events: ev("2024-01-01", "2025-07-01")}, // reaches after the report date: still producing
	}
	// The report must copy what it needs of a Status: Options.Status may
	// hand back the same memory for every project.
	type scratchKey struct{}
	type scratch struct {
		st       zone.Status
		capacity zone.Deadline
	}
	reused := func(c *zone.Context) (zone.Status, error) {
		b := c.Scratch(scratchKey{}, func(*zone.Context) any { return new(scratch) }).(*scratch)
		src := status[c.Project.ID]
		b.st = zone.Status{
			Overdue:     append(b.st.Overdue[:0], src.Overdue...),
			Escalations: append(b.st.Escalations[:0], src.Escalations...),
			Awards:      append(b.st.Awards[:0], src.Awards...),
		}
		if src.Capacity != nil {
			b.capacity = *src.Capacity
			b.st.Capacity = &b.capacity
		}
		return b.st, nil
	}
	for _, tt := range []struct {
		name   string
		status func(*zone.Context) (zone.Status, error)
	}{
		{"fresh", func(c *zone.Context) (zone.Status, error) { return status[c.Project.ID], nil }},
		{"memory reused", reused},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := pf.Report(projects, zone.Options{AsOf: asOf, Status: tt.status})
			if err != nil {
				t.Fatal(err)
			}
			type item struct {
				Project, Rule string
				Date          string
				N             int
				Current       bool
			}
			var got []item
			for _, o := range rep.Overdue {
				got = append(got, item{o.Project.ID, o.Deadline.ID, o.Due.String(), o.LateWorkdays, false})
			}
			for _, e := range rep.Escalations {
				got = append(got, item{e.Project.ID, e.Step.ID, e.Since.String(), 0, e.Current})
			}
			for _, c := range rep.Capacity.Reached {
				got = append(got, item{c.Project.ID, "reached:" + c.Deadline.ID, c.Date.String(), c.LateWorkdays, false})
			}
			for _, c := range rep.Capacity.Behind {
				got = append(got, item{c.Project.ID, "behind:" + c.Deadline.ID, c.Date.String(), c.LateWorkdays, false})
			}
			want := []item{
				{"B", "land-transfer", "2025-03-31", 0, false},
				{"A", "land-transfer", "2025-04-30", 40, false},
				{"B", "construction", "2025-04-30", 0, false},
				{"A", "letter", "2025-05-01", 0, false},
				{"B", "letter", "2025-05-01", 0, true},
				{"A", "interview", "2025-05-11", 0, true},
				{"D", "reached:capacity", "2025-03-04", 3, false},
				{"B", "behind:capacity", "2025-06-01", 20, false},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lifecycle lists (-want +got):\n%s", diff)
			}
			if rep.Capacity.Producing != 2 {
				t.Errorf("producing = %d, want 2 (C and E)", rep.Capacity.Producing)
			}
			type award struct {
				ID                string
				Projects, Unknown int
				Amount, Service   string
			}
			var awards []award
			for _, a := range rep.Incentives {
				awards = append(awards, award{a.Programme.ID, a.Projects, a.AmountUnknown, a.Amount.String(), a.Service})
			}
			wantAwards := []award{{"grant", 1, 1, "0", ""}, {"subsidy", 2, 0, "750000.5", ""}, {"team", 1, 0, "0", "专班服务"}}
			if diff := cmp.Diff(wantAwards, awards); diff != "" {
				t.Errorf("incentives (-want +got):\n%s", diff)
			}

		})
	}
}

func TestReport_undecided(t *testing.T) {
	tech := zone.Func{Text: "tech_level >= 3", F: func(c *zone.Context) zone.Truth {
		v, ok := c.Project.Attributes["tech_level"]
		if !ok {
			return zone.Unknown
		}
		return zone.TruthOf(v >= "3")
	}}
	m := zone.Metric{Ref: zone.Ref{ID: "tech-start", Label: "科技项目开工率"}, Denominator: tech, Numerator: zone.Happened(zone.ConstructionStarted), Places: 1}
	pf, err := zone.NewPortfolio(nil, zone.Yearly, m)
	if err != nil {
		t.Fatal(err)
	}
	ps := []*zone.Project{
		{ID: "a", Attributes: map[string]string{"tech_level": "3"}, Events: map[zone.Event]date.Date{zone.ConstructionStarted: day("2025-01-01")}},
		{ID: "b", Attributes: map[string]string{"tech_level": "4"}},
		{ID: "c", Attributes: map[string]string{"tech_level": "5"}},
		{ID: "z"},
		{ID: "y"},
		{ID: "low", Attributes: map[string]string{"tech_level": "1"}},
	}
	rep, err := pf.Report(ps, zone.Options{AsOf: day("2025-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Total.Rates[0]
	if r.Numerator.IntPart() != 1 || r.Denominator.IntPart() != 3 || r.Percent.String() != "33.3" {
		t.Errorf("rate = %v/%v = %v", r.Numerator, r.Denominator, r.Percent)
	}
	if diff := cmp.Diff([]string{"y", "z"}, r.Undecided); diff != "" {
		t.Errorf("undecided (-want +got):\n%s", diff)
	}
	// A metric without a batch event has no figure per period.
	if p := rep.Periods[0].Rates[0]; p.Percent != nil {
		t.Errorf("period rate of a metric without batch = %+v", p)
	}
}

// TestReport_parallel checks that workers give the same report as one
// goroutine.
func TestReport_parallel(t *testing.T) {
	z, _ := zone.New(jinzhong())
	pf, _ := zone.NewPortfolio(z, zone.Monthly, shanxiMetrics()...)
	var ps []*zone.Project
	for i := range 200 {
		for _, p := range append(taiyuan(), smallPortfolio()...) {
			p.ID = fmt.Sprintf("%d-%s", i, p.ID)
			ps = append(ps, p)
		}
	}
	status := func(c *zone.Context) (zone.Status, error) {
		if len(c.Project.ID)%3 == 0 {
			return zone.Status{Overdue: []zone.Deadline{{Ref: zone.Ref{ID: "x"}, Due: day("2025-01-01")}}, Escalations: []zone.DueStep{{Ref: zone.Ref{ID: "letter"}}}}, nil
		}
		return zone.Status{}, nil
	}
	marshal := func(workers int) string {
		rep, err := pf.Report(ps, zone.Options{AsOf: day("2025-12-31"), Workers: workers, Status: status})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if serial, parallel := marshal(1), marshal(8); serial != parallel {
		t.Error("8 workers and 1 give different reports")
	}
}

func TestReport_errors(t *testing.T) {
	pf, _ := zone.NewPortfolio(nil, zone.Monthly)
	boom := errors.New("boom")
	tests := []struct {
		name     string
		projects []*zone.Project
		opt      zone.Options
		want     error
	}{
		{"duplicate id", []*zone.Project{{ID: "a"}, {ID: "a"}}, zone.Options{}, zone.ErrProjectID},
		{"no id", []*zone.Project{{ID: "a"}, nil}, zone.Options{}, zone.ErrProjectID},
		{"status fails", []*zone.Project{{ID: "a"}}, zone.Options{Status: func(*zone.Context) (zone.Status, error) { return zone.Status{}, boom }}, boom},
		{"too many periods", []*zone.Project{{ID: "a", Events: map[zone.Event]date.Date{zone.Signed: day("1900-01-01")}}}, zone.Options{AsOf: day("2025-01-01")}, zone.ErrTooManyPeriods},
		{"from after as-of", nil, zone.Options{AsOf: day("2025-01-01"), From: new(day("2025-02-01"))}, zone.ErrOutOfRange},
		{"no granularity", nil, zone.Options{Granularity: zone.Granularity(7)}, zone.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := pf.Report(tt.projects, tt.opt)
			if rep != nil || !errors.Is(err, tt.want) {
				t.Errorf("Report = %v, %v; want %v", rep, err, tt.want)
			}
		})
	}
}

func TestNewPortfolioErrors(t *testing.T) {
	ok := zone.Happened(zone.Signed)
	_, err := zone.NewPortfolio(nil, zone.Granularity(9),
		zone.Metric{Ref: zone.Ref{ID: "a", Label: "甲"}, Numerator: ok, Denominator: ok, Places: 7},
		zone.Metric{Ref: zone.Ref{ID: "a"}, Numerator: ok, DenominatorSum: attribute("x")},
	)
	want := []problem{
		{"period", "", "9", zone.ErrOutOfRange},
		{"metrics[0]", "places", "7", zone.ErrOutOfRange},
		{"metrics[1]", "id", "a", zone.ErrDuplicate},
		{"metrics[1]", "label", "", zone.ErrMissing},
		{"metrics[1]", "denominator", "", zone.ErrMissing},
		{"metrics[1]", "numerator_sum", "", zone.ErrMismatch},
	}
	if diff := cmp.Diff(want, problems(err), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestReportJSON(t *testing.T) {
	z, _ := zone.New(jinzhong())
	pf, _ := zone.NewPortfolio(z, zone.Yearly, shanxiMetrics()[0])
	rep, err := pf.Report(smallPortfolio()[:1], zone.Options{AsOf: day("2025-03-31")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	total := got["total"].(map[string]any)
	wantTotal := map[string]any{
		"signed":    map[string]any{"projects": 1.0, "investment": "1200000000"},
		"started":   map[string]any{"projects": 1.0, "investment": "1200000000"},
		"producing": map[string]any{"projects": 0.0, "investment": "0"},
		"reached":   map[string]any{"projects": 0.0, "investment": "0"},
		"rates":     []any{map[string]any{"metric": "start-rate", "numerator": "1", "denominator": "1", "percent": "100"}},
	}
	if diff := cmp.Diff(wantTotal, total); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
	zoneJSON := got["zone"].(map[string]any)
	if zoneJSON["category"] != "industrial" || zoneJSON["ref"].(map[string]any)["id"] != "jinzhong" {
		t.Errorf("zone = %v", zoneJSON)
	}
	if got["as_of"] != "2025-03-31" || got["granularity"] != "year" || got["overdue"] == nil {
		t.Errorf("header = %v %v %v", got["as_of"], got["granularity"], got["overdue"])
	}
}
