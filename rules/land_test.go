package rules_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// loadLand loads one of the rule sets under testdata/land.
func loadLand(t testing.TB, name string) *rules.Set {
	t.Helper()
	set, err := rules.LoadFS(os.DirFS("testdata/land"), name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if w := set.Warnings(); len(w) > 0 {
		t.Errorf("%s: warnings: %v", name, w)
	}
	if set.Land() == nil {
		t.Fatalf("%s: no land policy", name)
	}
	return set
}

// commitRow is what the tests assert about a commitment row.
type commitRow struct {
	Indicator, Standard, Limit, Committed string
	Verdict                               zone.Truth
	Reason                                land.Reason
	Missing                               string
}

func commitRows(r *land.Result) []commitRow {
	var out []commitRow
	for _, row := range r.Commitment {
		cr := commitRow{
			Indicator: row.Indicator.Ref.ID, Standard: row.Required.Standard.ID,
			Verdict: row.Verdict, Reason: row.Reason, Missing: row.Missing,
		}
		if row.Required.Standard.ID != "" {
			cr.Limit = row.Indicator.Format(row.Required.Value)
		}
		if row.Verdict != zone.Unknown {
			cr.Committed = row.Indicator.Format(row.Committed)
		}
		out = append(out, cr)
	}
	return out
}

// acceptRow is what the tests assert about an acceptance row.
type acceptRow struct {
	Indicator, Committed, Actual string
	Verdict, Owes                zone.Truth
	Rule, Damages                string
	Capped                       bool
}

func acceptRows(a *land.AcceptanceResult) []acceptRow {
	var out []acceptRow
	for _, row := range a.Rows {
		ar := acceptRow{Indicator: row.Indicator.Ref.ID, Verdict: row.Verdict, Owes: row.Owes}
		if row.Verdict != zone.Unknown {
			ar.Committed, ar.Actual = row.Indicator.Format(row.Committed), row.Indicator.Format(row.Actual)
		}
		if row.Damages != nil {
			ar.Rule = row.Damages.Ref.ID
		}
		if ch, ok := row.Charge(); ok {
			ar.Damages, ar.Capped = land.FormatMoney(ch.Amount), ch.Capped
		}
		out = append(out, ar)
	}
	return out
}

func landMissing(r *land.Readiness) []string {
	var out []string
	for _, it := range r.Missing {
		out = append(out, it.Ref.ID)
	}
	return out
}

// yunchengProject is a new-energy-vehicle project on parcel YC-07. Every
// value is an example value.
func yunchengProject() *zone.Project {
	return &zone.Project{
		ID: "YC-2025-003", Name: "新能源汽车轮毂项目", Industry: "新能源汽车", Kind: zone.Industrial, LandMode: zone.Transfer,
		Events: map[zone.Event]date.Date{zone.Signed: d("2025-01-20"), zone.LandTransferred: d("2025-03-10")},
		Attributes: map[string]string{
			"committed_investment_intensity":   "360万元/亩",
			"committed_plot_ratio":             "1.2",
			"committed_tax_per_mu":             "20万元/亩",
			"committed_energy_per_value_added": "0.45",
			"committed_environment":            "GB 16297-1996 二级",
			"committed_output_per_mu":          "450万元/亩",
			"land_price":                       "2570万元",
			"parcel":                           "YC-07",
		},
	}
}

func TestLandYuncheng(t *testing.T) {
	set := loadLand(t, "yuncheng.yaml")
	pol := set.Land()

	// The source's figures: seven parcels of 283.69亩 in all, and the
	// seismic safety assessment over 41.1平方公里 (61650亩).
	total := decimal.Zero
	for _, p := range pol.Parcels() {
		total = total.Add(p.Area)
	}
	if len(pol.Parcels()) != 7 || land.FormatArea(total) != "283.69亩" {
		t.Errorf("%d parcels, %s in all; want 7 and 283.69亩", len(pol.Parcels()), land.FormatArea(total))
	}
	if rg := pol.Regional(); len(rg) != 1 || rg[0].ID != "seismic" || !rg[0].Area.Equal(decimal.NewFromInt(61650)) {
		t.Errorf("regional = %+v", rg)
	}
	if got := len(pol.Infrastructure()); got != 10 {
		t.Errorf("九通一平 has %d items, want 10", got)
	}
	// Layering: the baseline's five standard indicators come first, then
	// Yuncheng's own; Yuncheng's standard comes after the baseline's.
	var ids []string
	for _, ind := range pol.Indicators() {
		ids = append(ids, ind.Ref.ID)
	}
	if diff := cmp.Diff([]string{"investment_intensity", "plot_ratio", "tax_per_mu", "energy_per_value_added", "environment", "output_per_mu"}, ids); diff != "" {
		t.Errorf("indicators (-want +got):\n%s", diff)
	}

	full := []commitRow{
		{"investment_intensity", "new-energy-vehicles", "350万元/亩", "360万元/亩", zone.True, 0, ""},
		{"plot_ratio", "shanxi-industrial", "1", "1.2", zone.True, 0, ""},
		{"tax_per_mu", "shanxi-industrial", "15万元/亩", "20万元/亩", zone.True, 0, ""},
		{"energy_per_value_added", "shanxi-industrial", "0.5吨标煤/万元", "0.45吨标煤/万元", zone.True, 0, ""},
		{"environment", "shanxi-industrial", "GB 16297-1996 二级", "GB 16297-1996 二级", zone.True, 0, ""},
		{"output_per_mu", "new-energy-vehicles", "400万元/亩", "450万元/亩", zone.True, 0, ""},
	}
	// with returns the first n rows of full, changed by edit.
	with := func(n int, edit func(rows []commitRow)) []commitRow {
		rows := slices.Clone(full[:n])
		edit(rows)
		return rows
	}
	levelling := []string{"levelling"} // YC-07 is levelled on 2025-09-01
	tests := []struct {
		name      string
		edit      func(p *zone.Project)
		asOf      string
		applies   zone.Truth
		rows      []commitRow
		committed zone.Truth
		fixedBy   zone.Event
		parcel    []string // missing items; nil when the parcel is ready
		ready     zone.Truth
	}{
		{
			name: "all commitments met, parcel not levelled yet", asOf: "2025-06-01",
			applies: zone.True, rows: full, committed: zone.True, fixedBy: zone.LandTransferred,
			parcel: levelling, ready: zone.False,
		},
		{
			name: "parcel ready once levelled", asOf: "2025-09-01",
			applies: zone.True, rows: full, committed: zone.True, fixedBy: zone.LandTransferred, ready: zone.True,
		},
		{
			name: "standards before the transfer are those in force on the as-of date",
			edit: func(p *zone.Project) { delete(p.Events, zone.LandTransferred) }, asOf: "2024-06-01",
			applies: zone.True, committed: zone.True, ready: zone.False,
			parcel: []string{"mineral", "geohazard", "eia", "road", "levelling"},
			rows: with(6, func(r []commitRow) {
				r[0].Limit = "320万元/亩"
			}),
		},
		{
			name: "a missing commitment is unknown, never zero",
			edit: func(p *zone.Project) { delete(p.Attributes, "committed_tax_per_mu") }, asOf: "2025-06-01",
			applies: zone.True, committed: zone.Unknown, fixedBy: zone.LandTransferred,
			parcel: levelling, ready: zone.False,
			rows: with(6, func(r []commitRow) {
				r[2] = commitRow{"tax_per_mu", "shanxi-industrial", "15万元/亩", "", zone.Unknown, land.ReasonNotRecorded, "committed_tax_per_mu"}
			}),
		},
		{
			name: "a commitment below the limit",
			edit: func(p *zone.Project) { p.Attributes["committed_investment_intensity"] = "330万元/亩" }, asOf: "2025-06-01",
			applies: zone.True, committed: zone.False, fixedBy: zone.LandTransferred,
			parcel: levelling, ready: zone.False,
			rows: with(6, func(r []commitRow) {
				r[0].Committed, r[0].Verdict = "330万元/亩", zone.False
			}),
		},
		{
			name: "industry not recorded: the industry standard's limits are unknown",
			edit: func(p *zone.Project) { p.Industry = "" }, asOf: "2025-06-01",
			applies: zone.True, committed: zone.Unknown, fixedBy: zone.LandTransferred,
			parcel: levelling, ready: zone.False,
			rows: with(6, func(r []commitRow) {
				r[0] = commitRow{"investment_intensity", "", "", "", zone.Unknown, land.ReasonIndustryUnknown, "industry"}
				r[5] = commitRow{"output_per_mu", "", "", "", zone.Unknown, land.ReasonIndustryUnknown, "industry"}
			}),
		},
		{
			name: "another industry gets the provincial limits only",
			edit: func(p *zone.Project) { p.Industry = "绿色建材" }, asOf: "2025-06-01",
			applies: zone.True, committed: zone.True, fixedBy: zone.LandTransferred,
			parcel: levelling, ready: zone.False,
			rows: with(5, func(r []commitRow) {
				r[0].Standard, r[0].Limit = "shanxi-industrial", "300万元/亩"
			}),
		},
		{
			name: "a leased factory is not standard land",
			edit: func(p *zone.Project) { p.LandMode = zone.Lease }, asOf: "2025-06-01",
			applies: zone.False, committed: zone.Unknown,
		},
		{
			name: "land mode not recorded: unknown whether the rules apply",
			edit: func(p *zone.Project) { p.LandMode = zone.LandModeUnknown }, asOf: "2025-06-01",
			applies: zone.Unknown, committed: zone.Unknown,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := yunchengProject()
			if tt.edit != nil {
				tt.edit(p)
			}
			r, err := set.Evaluate(p, d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			lr := r.Land
			if lr == nil {
				t.Fatal("Result.Land is nil")
			}
			if lr.Applies != tt.applies || lr.Committed != tt.committed || lr.FixedBy != tt.fixedBy {
				t.Errorf("applies %v, committed %v, fixed by %q; want %v, %v, %q", lr.Applies, lr.Committed, lr.FixedBy, tt.applies, tt.committed, tt.fixedBy)
			}
			if diff := cmp.Diff(tt.rows, commitRows(lr)); diff != "" {
				t.Errorf("commitment rows (-want +got):\n%s", diff)
			}
			if tt.applies != zone.True {
				if lr.Parcel != nil || lr.Commitment != nil {
					t.Error("a project the rules do not apply to was checked")
				}
				if tt.applies == zone.Unknown && !cmp.Equal(lr.Why.Missing, []string{"land_mode"}) {
					t.Errorf("why unknown: %+v", lr.Why)
				}
				return
			}
			if lr.Parcel == nil {
				t.Fatal("no parcel readiness")
			}
			if lr.Parcel.Ready != tt.ready || !cmp.Equal(tt.parcel, landMissing(lr.Parcel)) {
				t.Errorf("parcel %s: ready %v, missing %v; want %v, %v", lr.Parcel.Parcel.ID, lr.Parcel.Ready, landMissing(lr.Parcel), tt.ready, tt.parcel)
			}
			if lr.Acceptance != nil {
				t.Error("acceptance before the review")
			}
		})
	}
}

func TestLandYunchengAcceptance(t *testing.T) {
	set := loadLand(t, "yuncheng.yaml")
	p := yunchengProject()
	p.Events["capacity_review"] = d("2026-03-02")
	for k, v := range map[string]string{
		"actual_investment_intensity":   "280万元/亩", // 80 short of 360: 22.2222…% × 2570万元 = 571.11万元, capped at 20% = 514万元
		"actual_plot_ratio":             "1.25",
		"actual_tax_per_mu":             "12万元/亩", // short: 5% × 2570万元 = 128.5万元 (under both caps)
		"actual_energy_per_value_added": "0.45",
		"actual_environment":            "GB 16297-1996 三级", // short, but the rule is kind: none
		"actual_output_per_mu":          "380万元/亩",          // 70 short of 450: 70/450 × 2570万元 = 3997777.78 → 3997778元
	} {
		p.Attributes[k] = v
	}
	r, err := set.Evaluate(p, d("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	a := r.Land.Acceptance
	if a == nil {
		t.Fatal("no acceptance result after the review")
	}
	want := []acceptRow{
		{"investment_intensity", "360万元/亩", "280万元/亩", zone.False, zone.True, "intensity-damages", "514万元", true},
		{"plot_ratio", "1.2", "1.25", zone.True, zone.False, "damages", "", false},
		{"tax_per_mu", "20万元/亩", "12万元/亩", zone.False, zone.True, "tax-damages", "128.5万元", false},
		{"energy_per_value_added", "0.45吨标煤/万元", "0.45吨标煤/万元", zone.True, zone.False, "damages", "", false},
		{"environment", "GB 16297-1996 二级", "GB 16297-1996 三级", zone.False, zone.False, "", "", false},
		{"output_per_mu", "450万元/亩", "380万元/亩", zone.False, zone.True, "damages", "3997778元", false},
	}
	if diff := cmp.Diff(want, acceptRows(a)); diff != "" {
		t.Errorf("acceptance rows (-want +got):\n%s", diff)
	}
	if a.Verdict != zone.False || a.RectifyBy != d("2026-09-02") || a.RectifyErr != nil {
		t.Errorf("verdict %v, rectify by %s (%v)", a.Verdict, a.RectifyBy, a.RectifyErr)
	}
	if total, ok := a.TotalDamages(); !ok || land.FormatMoney(total) != "10422778元" {
		t.Errorf("total damages %s (complete %v)", land.FormatMoney(total), ok)
	}

	// Without the land price the damages are unknown, never zero.
	delete(p.Attributes, "land_price")
	r, err = set.Evaluate(p, d("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	row := r.Land.Acceptance.Rows[0]
	if row.Owes != zone.Unknown || row.Reason != land.ReasonNotRecorded || row.Missing != "land_price" {
		t.Errorf("without a land price: owes %v, reason %v, missing %q", row.Owes, row.Reason, row.Missing)
	}
	if _, ok := r.Land.Acceptance.TotalDamages(); ok {
		t.Error("the total damages are complete without a land price")
	}
}

func TestLandLuliang(t *testing.T) {
	set := loadLand(t, "luliang.yaml")
	p := &zone.Project{
		ID: "LL-2024-017", Name: "氢能重卡整车生产及配套项目", Industry: "氢能", LandMode: zone.Transfer,
		Events: map[zone.Event]date.Date{zone.Signed: d("2024-04-02")},
		Attributes: map[string]string{ // example values
			"committed_investment_intensity":   "310万元/亩",
			"committed_plot_ratio":             "1.3",
			"committed_energy_per_value_added": "0.4",
			"committed_environment":            "GB 16297-1996 二级",
			"committed_building_coverage":      "28%",
		},
	}
	r, err := set.Evaluate(p, d("2024-05-01"))
	if err != nil {
		t.Fatal(err)
	}
	// Lüliang's standard replaces the baseline's of the same id as a whole:
	// tax per 亩 is no longer limited, building coverage is.
	want := []commitRow{
		{"investment_intensity", "shanxi-industrial", "300万元/亩", "310万元/亩", zone.True, 0, ""},
		{"plot_ratio", "shanxi-industrial", "1.2", "1.3", zone.True, 0, ""},
		{"energy_per_value_added", "shanxi-industrial", "0.45吨标煤/万元", "0.4吨标煤/万元", zone.True, 0, ""},
		{"environment", "shanxi-industrial", "GB 16297-1996 二级", "GB 16297-1996 二级", zone.True, 0, ""},
		{"building_coverage", "shanxi-industrial", "30%", "28%", zone.False, 0, ""},
	}
	if diff := cmp.Diff(want, commitRows(r.Land)); diff != "" {
		t.Errorf("commitment rows (-want +got):\n%s", diff)
	}
	if r.Land.Committed != zone.False || r.Land.Parcel != nil || r.Land.Acceptance != nil {
		t.Errorf("committed %v, parcel %v, acceptance %v", r.Land.Committed, r.Land.Parcel, r.Land.Acceptance)
	}
	if ref := r.Land.Ref; ref.Label != "吕梁经开区标准地" || ref.Pos.File != "shanxi.yaml" {
		t.Errorf("policy ref %+v", ref)
	}
	// The same facts are read by the rule set's conditions.
	if got := r.Conditions[0].Explanation.Truth; got != zone.True {
		t.Errorf("transfer_conditions_met = %v", got)
	}
}

// TestLandFactErrors checks that a committed value written in the wrong
// unit is an error of the project's facts, not a zero.
func TestLandFactErrors(t *testing.T) {
	set := loadLand(t, "yuncheng.yaml")
	p := yunchengProject()
	p.Attributes["committed_investment_intensity"] = "360万元" // money, not an intensity
	_, err := set.Evaluate(p, d("2025-06-01"))
	var fe *rules.FactError
	if !errors.As(err, &fe) || fe.Fact != "committed_investment_intensity" {
		t.Fatalf("Evaluate error = %v, want a FactError for committed_investment_intensity", err)
	}
	// The policy evaluated directly reports the value as unreadable.
	lr := set.Land().Evaluate(zone.NewContext(p, d("2025-06-01"), set.Calendar()))
	row := lr.Commitment[0]
	if row.Verdict != zone.Unknown || row.Reason != land.ReasonUnreadable || !errors.As(row.Err, &fe) {
		t.Errorf("row %+v", row)
	}
}

// TestLandConcurrent evaluates one Set from many goroutines (run with
// -race).
func TestLandConcurrent(t *testing.T) {
	set := loadLand(t, "yuncheng.yaml")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := yunchengProject()
			if i%2 == 1 {
				p.Attributes["committed_investment_intensity"] = "330万元/亩"
			}
			for range 50 {
				r, err := set.Evaluate(p, d("2025-06-01"))
				if err != nil {
					t.Error(err)
					return
				}
				if want := zone.TruthOf(i%2 == 0); r.Land.Committed != want {
					t.Errorf("goroutine %d: committed %v, want %v", i, r.Land.Committed, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

const landBase = `devzone: 1
id: base
facts:
  committed_investment_intensity: {type: intensity, label: 承诺固定资产投资强度}
  committed_rd_share: {type: percent, label: 承诺研发占比}
  committed_output_per_mu: {type: intensity, label: 承诺亩均产值}
  land_price: {type: money, label: 土地出让价款}
  parcel: {type: text, label: 地块编号}
land:
  id: base-land
  label: 基准标准地
  applies: land_mode == transfer
  fixed_by: land_transferred
  indicators:
    - {id: rd_share, label: 研发占比, unit: "%", direction: at_least}
  standards:
    - {id: general, label: 通用标准, limits: {investment_intensity: 200万元/亩}}
    - {id: equipment, label: 装备制造, industries: [装备制造], limits: {investment_intensity: 250万元/亩, rd_share: 2%}}
  assessments:
    - {id: mineral, label: 压覆矿产}
    - {id: geohazard, label: 地灾评估}
  infrastructure:
    - {id: road, label: 通路}
  parcels:
    - {id: P1, label: 一号地块, area: 10亩, done: {road: true}}
    - {id: P2, label: 二号地块, area: 20亩}
  regional:
    - {item: mineral, on: 2024-01-01}
    - {item: geohazard, park: 甲园区}
  acceptance:
    id: base-review
    label: 基准复核
    event: design_capacity_reached
    damages:
      - {id: all, label: 违约金, kind: proportional}
`

const landZone = `devzone: 1
id: zone
extends: base.yaml
facts:
  committed_pue: {type: decimal, label: 承诺能效}
  actual_investment_intensity: {type: intensity, label: 实际固定资产投资强度}
  actual_rd_share: {type: percent, label: 实际研发占比}
  actual_output_per_mu: {type: intensity, label: 实际亩均产值}
  actual_pue: {type: decimal, label: 实际能效}
land:
  label: 园区标准地
  applies: kind == industrial
  fixed_by: review_passed
  indicators:
    - {id: pue, label: 能效, unit: 比值, direction: at_most}
    - {id: output_per_mu, label: 亩均产值, unit: 万元/亩, direction: at_least}
  standards:
    - {id: general, label: 园区通用标准, limits: {investment_intensity: 300万元/亩, output_per_mu: 400万元/亩}}
    - {id: data, label: 数据中心, industries: [大数据], limits: {pue: 1.3}}
  assessments:
    - {id: geohazard, label: 地质灾害危险性评估}
    - {id: seismic, label: 地震安全性评价}
  parcels:
    - {id: P2, label: 二号地块（调整）, area: 25亩}
    - {id: P3, label: 三号地块, area: 5亩}
  regional:
    - {item: mineral, on: 2025-01-01}
    - {item: seismic}
  acceptance:
    id: zone-review
    label: 园区复核
    event: production_started
    rectify: 90天
`

// TestLandLayering checks how a zone file's land: section combines with
// its baseline's: rules in lists by id (replaced in place, new ones
// appended), regional records by item and park, single keys and the
// acceptance check replaced.
func TestLandLayering(t *testing.T) {
	set := load(t, map[string]string{"base.yaml": landBase, "rules.yaml": landZone})
	pol := set.Land()
	ids := func(refs []zone.Ref) []string {
		var out []string
		for _, r := range refs {
			out = append(out, r.ID+" "+r.Label)
		}
		return out
	}
	var inds, stds, items, parcels, regional []zone.Ref
	for _, x := range pol.Indicators() {
		inds = append(inds, x.Ref)
	}
	for _, x := range pol.Standards() {
		stds = append(stds, x.Ref)
	}
	for _, x := range append(pol.Assessments(), pol.Infrastructure()...) {
		items = append(items, x.Ref)
	}
	for _, x := range pol.Parcels() {
		parcels = append(parcels, zone.Ref{ID: x.Ref.ID, Label: x.Ref.Label + " " + land.FormatArea(x.Area)})
	}
	for _, x := range pol.Regional() {
		on := "undated"
		if x.Dated {
			on = x.On.String()
		}
		regional = append(regional, zone.Ref{ID: x.ID, Label: x.Park + " " + on})
	}
	got := map[string][]string{
		"indicators": ids(inds)[5:], "standards": ids(stds), "items": ids(items),
		"parcels": ids(parcels), "regional": ids(regional),
	}
	want := map[string][]string{
		"indicators": {"rd_share 研发占比", "pue 能效", "output_per_mu 亩均产值"},
		"standards":  {"general 园区通用标准", "equipment 装备制造", "data 数据中心"},
		"items":      {"mineral 压覆矿产", "geohazard 地质灾害危险性评估", "seismic 地震安全性评价", "road 通路"},
		"parcels":    {"P1 一号地块 10亩", "P2 二号地块（调整） 25亩", "P3 三号地块 5亩"},
		"regional":   {"mineral  2025-01-01", "geohazard 甲园区 undated", "seismic  undated"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged lists (-want +got):\n%s", diff)
	}
	// A standard replaced by id is replaced whole: the zone's general
	// standard has its own two limits.
	if lims := pol.Standards()[0].Limits; len(lims) != 2 || lims[1].Indicator != "output_per_mu" {
		t.Errorf("general limits %+v", lims)
	}
	if ref := pol.Ref(); ref.ID != "base-land" || ref.Label != "园区标准地" {
		t.Errorf("policy ref %+v", ref)
	}
	if pol.FixedBy() != zone.ReviewPassed {
		t.Errorf("fixed_by %q", pol.FixedBy())
	}
	a, ok := pol.Acceptance()
	if !ok || a.Ref.ID != "zone-review" || a.Event != zone.ProductionStarted || len(a.Damages) != 0 || a.Rectify.String() != "90天" {
		t.Errorf("acceptance %+v", a)
	}
	// applies: is the zone's: a lease project of kind industrial is
	// checked, its standards fixed by the review.
	p := &zone.Project{Kind: zone.Industrial, LandMode: zone.Lease, Events: map[zone.Event]date.Date{zone.ReviewPassed: d("2025-02-01")}}
	r, err := set.Evaluate(p, d("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Land.Applies != zone.True || r.Land.FixedBy != zone.ReviewPassed || r.Land.StandardsOn != d("2025-02-01") {
		t.Errorf("applies %v, fixed by %q on %s", r.Land.Applies, r.Land.FixedBy, r.Land.StandardsOn)
	}
}

// TestLandDocExample loads the full example of docs/land.md, so that the
// document policy staff copy from stays valid.
func TestLandDocExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/land.md")
	if err != nil {
		t.Fatal(err)
	}
	const start = "```yaml\ndevzone: 1\n"
	_, rest, ok := strings.Cut(string(doc), start)
	src, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("docs/land.md has no full example")
	}
	set := load(t, map[string]string{"rules.yaml": "devzone: 1\n" + src})
	if set.Land() == nil || len(set.Warnings()) > 0 {
		t.Errorf("land %v, warnings %v", set.Land(), set.Warnings())
	}
}
