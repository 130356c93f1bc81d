package land_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/zone"
)

func TestLookup(t *testing.T) {
	p := testPolicy(t)
	type want struct {
		Standard string
		Amount   string // in the base unit
		Since    string
		Err      error
		First    string
	}
	tests := []struct {
		name                string
		ind, industry, park string
		on                  string
		want                want
		reason              string
	}{
		{"general, first value", land.InvestmentIntensity, "化工", "", "2024-12-31", want{"general", "2000000", "2020-06-01", nil, ""},
			"the day before the second value the first is in force"},
		{"general, second value from its first day", land.InvestmentIntensity, "化工", "", "2025-01-01", want{"general", "3000000", "2025-01-01", nil, ""},
			"a value is in force from its From date, inclusive"},
		{"first day of the first value", land.InvestmentIntensity, "化工", "", "2020-06-01", want{"general", "2000000", "2020-06-01", nil, ""},
			"boundary: in force on its own date"},
		{"before the first value", land.InvestmentIntensity, "化工", "", "2020-05-31", want{Err: land.ErrBeforeFirstValue, First: "2020-06-01"},
			"a limit not yet in force is unknown, never zero"},
		{"industry standard wins", land.InvestmentIntensity, equipment, "", "2023-01-01", want{"equipment", "3500000", "2023-01-01", nil, ""},
			"an industry standard is more specific than the general one"},
		{"industry standard not yet in force", land.InvestmentIntensity, equipment, "", "2022-12-31", want{"general", "2000000", "2020-06-01", nil, ""},
			"before its first value the industry standard does not apply and the general one does"},
		{"industry unknown", land.InvestmentIntensity, "", "", "2024-01-01", want{Err: land.ErrIndustryUnknown},
			"an industry standard in force could apply: unknown, not the general value"},
		{"industry unknown, but no industry standard in force yet", land.InvestmentIntensity, "", "", "2022-06-01", want{"general", "2000000", "2020-06-01", nil, ""},
			"the only industry standard starts later, so the industry does not matter"},
		{"park standard", land.PlotRatio, "化工", newMatP, "2024-01-01", want{"new-materials-park", "1.2", "2020-06-01", nil, ""},
			"a park standard is more specific than the general one"},
		{"other park", land.PlotRatio, "化工", "汇通产业园", "2024-01-01", want{"general", "1", "2020-06-01", nil, ""},
			"a park standard does not apply elsewhere"},
		{"park unknown", land.PlotRatio, "化工", "", "2024-01-01", want{Err: land.ErrParkUnknown},
			"a park standard could apply"},
		{"industry and park", land.TaxPerMu, equipment, newMatP, "2024-01-01", want{"equipment-new-materials", "200000", "2024-01-01", nil, ""},
			"industry and park together are the most specific"},
		{"industry in another park", land.TaxPerMu, equipment, "汇通产业园", "2024-01-01", want{"general", "150000", "2020-06-01", nil, ""},
			"falls back to the all-industries standard"},
		{"industry, park unknown", land.TaxPerMu, equipment, "", "2024-01-01", want{Err: land.ErrParkUnknown},
			"the industry-and-park standard could apply"},
		{"no standard", "rd_share", "化工", "", "2024-01-01", want{Err: land.ErrNoStandard},
			"declared indicator without any limit"},
		{"unknown indicator", "output_per_mu", "化工", "", "2024-01-01", want{Err: land.ErrUnknownIndicator},
			"not declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := p.Lookup(tt.ind, tt.industry, tt.park, d(tt.on))
			var got want
			if err != nil {
				var le *land.LookupError
				if !errors.As(err, &le) {
					t.Fatalf("error %v is not a *LookupError", err)
				}
				got.Err = le.Err
				if le.First != 0 {
					got.First = le.First.String()
				}
				if !errors.Is(err, tt.want.Err) {
					t.Errorf("errors.Is(%v, %v) = false", err, tt.want.Err)
				}
			} else {
				got = want{Standard: req.Standard.ID, Amount: req.Amount.String(), Since: req.Since.String()}
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("%s\nLookup (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// commitmentRow is the part of a CommitmentRow the tests compare.
type commitmentRow struct {
	ID       string
	Verdict  zone.Truth
	Standard string
	Margin   string
	Ratio    string
	Reason   land.Reason
	Missing  string
}

func rowsOf(r land.Result) []commitmentRow {
	var out []commitmentRow
	for _, row := range r.Commitment {
		out = append(out, commitmentRow{
			ID: row.Indicator.Ref.ID, Verdict: row.Verdict, Standard: row.Required.Standard.ID,
			Margin: row.Margin().String(), Ratio: row.MarginRatio().String(), Reason: row.Reason, Missing: row.Missing,
		})
	}
	return out
}

func rowFor(rows []commitmentRow, id string) commitmentRow {
	for _, r := range rows {
		if r.ID == id {
			return r
		}
	}
	return commitmentRow{ID: id, Reason: 255}
}

func TestCommitment(t *testing.T) {
	p := testPolicy(t)
	tests := []struct {
		name     string
		industry string
		park     string
		attrs    map[string]string
		events   map[zone.Event]string
		asOf     string
		want     commitmentRow
		reason   string
	}{
		{"exactly at the minimum passes", "化工", "", map[string]string{"committed_investment_intensity": "300万元/亩"}, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.True, "general", "0", "0", 0, ""}, "at least 300 includes 300"},
		{"0.01 below the minimum fails", "化工", "", map[string]string{"committed_investment_intensity": "299.99万元/亩"}, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.False, "general", "-100", "-0.000033", 0, ""}, "299.99万元/亩 is 100元/亩 short; −100 ÷ 3000000 = −0.0000333… rounds to −0.000033"},
		{"above the minimum", "化工", "", map[string]string{"committed_investment_intensity": "350万元/亩"}, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.True, "general", "500000", "0.166667", 0, ""}, "50万元/亩 over 300: 1/6 = 0.1666666… rounds half away to 0.166667"},
		{"the industry standard is stricter", equipment, "", map[string]string{"committed_investment_intensity": "300万元/亩"}, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.False, "equipment", "-500000", "-0.142857", 0, ""}, "装备制造 needs 350万元/亩"},
		{"the transfer date fixes the standard", "化工", "", map[string]string{"committed_investment_intensity": "250万元/亩"},
			map[zone.Event]string{zone.LandTransferred: "2024-06-01"}, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.True, "general", "500000", "0.25", 0, ""}, "transferred in 2024, when the limit was 200万元/亩"},
		{"a transfer after the as-of date is ignored", "化工", "", map[string]string{"committed_investment_intensity": "250万元/亩"},
			map[zone.Event]string{zone.LandTransferred: "2025-07-01"}, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.False, "general", "-500000", "-0.166667", 0, ""}, "not yet transferred: the as-of limit 300万元/亩 applies"},
		{"maximum: exactly at the limit passes", "化工", "", map[string]string{"committed_energy_per_value_added": "0.5吨标煤/万元"}, nil, "2025-06-01",
			commitmentRow{land.EnergyPerValueAdded, zone.True, "general", "0", "0", 0, ""}, "at most 0.5 includes 0.5"},
		{"maximum: 0.01 above fails", "化工", "", map[string]string{"committed_energy_per_value_added": "0.51"}, nil, "2025-06-01",
			commitmentRow{land.EnergyPerValueAdded, zone.False, "general", "-0.01", "-0.02", 0, ""}, "0.51 exceeds 0.5 by 0.01, 2% of the limit"},
		{"maximum: below passes with a margin", "化工", "", map[string]string{"committed_energy_per_value_added": "0.4"}, nil, "2025-06-01",
			commitmentRow{land.EnergyPerValueAdded, zone.True, "general", "0.1", "0.2", 0, ""}, "0.1 of room is 20%"},
		{"ratio boundary", "化工", "汇通产业园", map[string]string{"committed_plot_ratio": "0.99"}, nil, "2025-06-01",
			commitmentRow{land.PlotRatio, zone.False, "general", "-0.01", "-0.01", 0, ""}, "容积率 0.99 below 1.0"},
		{"named standard met", "化工", "", map[string]string{"committed_environment": " " + gbFirst + " "}, nil, "2025-06-01",
			commitmentRow{land.Environment, zone.True, "general", "0", "0", 0, ""}, "spaces at the ends do not count"},
		{"named standard not met", "化工", "", map[string]string{"committed_environment": "GB 8978-1996 二级"}, nil, "2025-06-01",
			commitmentRow{land.Environment, zone.False, "general", "0", "0", 0, ""}, "a different standard"},
		{"committed value not recorded", "化工", "", nil, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.Unknown, "general", "0", "0", land.ReasonNotRecorded, "committed_investment_intensity"}, "unknown with the missing fact"},
		{"industry not recorded", "", "", map[string]string{"committed_investment_intensity": "400万元/亩"}, nil, "2025-06-01",
			commitmentRow{land.InvestmentIntensity, zone.Unknown, "", "0", "0", land.ReasonIndustryUnknown, "industry"}, "the 装备制造 standard could apply"},
		{"park not recorded", "化工", "", map[string]string{"committed_plot_ratio": "1.5"}, nil, "2025-06-01",
			commitmentRow{land.PlotRatio, zone.Unknown, "", "0", "0", land.ReasonParkUnknown, "park"}, "the park standard could apply"},
		{"before the first value", "化工", "", map[string]string{"committed_investment_intensity": "400万元/亩"}, nil, "2019-12-31",
			commitmentRow{land.InvestmentIntensity, zone.Unknown, "", "0", "0", land.ReasonBeforeFirstValue, ""}, "no limit in force yet: unknown, never a limit of zero"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := evaluate(p, project(tt.industry, tt.park, tt.attrs, tt.events), tt.asOf)
			got := rowFor(rowsOf(r), tt.want.ID)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nrow (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestCommitment_details(t *testing.T) {
	p := testPolicy(t)
	pr := project("化工", newMatP, map[string]string{
		"committed_investment_intensity":   "350万元/亩",
		"committed_plot_ratio":             "1.2",
		"committed_tax_per_mu":             "15万元/亩x",
		"committed_energy_per_value_added": "0.45",
		"committed_environment":            gbFirst,
	}, map[zone.Event]string{zone.LandTransferred: "2025-03-03"})
	r := evaluate(p, pr, "2025-06-01")
	if r.StandardsOn != d("2025-03-03") || r.FixedBy != zone.LandTransferred {
		t.Errorf("standards looked up on %s by %q; want 2025-03-03 by land_transferred", r.StandardsOn, r.FixedBy)
	}
	want := []commitmentRow{
		{land.InvestmentIntensity, zone.True, "general", "500000", "0.166667", 0, ""},
		{land.PlotRatio, zone.True, "new-materials-park", "0", "0", 0, ""},
		{land.TaxPerMu, zone.Unknown, "general", "0", "0", land.ReasonUnreadable, ""},
		{land.EnergyPerValueAdded, zone.True, "general", "0.05", "0.1", 0, ""},
		{land.Environment, zone.True, "general", "0", "0", 0, ""},
	}
	if diff := cmp.Diff(want, rowsOf(r)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if r.Committed != zone.Unknown {
		t.Errorf("Committed = %v, want unknown (one row unreadable)", r.Committed)
	}
	var pe *land.ParseError
	if err := r.Commitment[2].Err; !errors.As(err, &pe) || pe.Fact != "committed_tax_per_mu" || pe.Offset != 12 || !errors.Is(err, land.ErrSyntax) {
		t.Errorf("unreadable row error = %#v; want a *ParseError for committed_tax_per_mu at offset 12 (bytes)", err)
	}
	row := r.Commitment[0]
	if row.Required.Standard.ID != "general" || row.Required.Since != d("2025-01-01") || row.Indicator.Ref.Cite == "" {
		t.Errorf("row 0 should carry the standard, its effective date and the indicator's citation: %+v", row.Required)
	}
	wantDetail := "固定资产投资强度: 承诺 350万元/亩, 标准 不低于 300万元/亩 (general, 自 2025-01-01) → 满足, 余量 50万元/亩 (16.6667%)"
	if got := row.Explain().Detail; got != wantDetail {
		t.Errorf("Explain:\n got %s\nwant %s", got, wantDetail)
	}
	ex := land.CommitmentRow{Indicator: row.Indicator, Reason: land.ReasonNotRecorded, Missing: "committed_investment_intensity"}.Explain()
	if diff := cmp.Diff(zone.Explanation{Truth: zone.Unknown, Detail: "固定资产投资强度: 事实未记录 (committed_investment_intensity)", Missing: []string{"committed_investment_intensity"}}, ex); diff != "" {
		t.Errorf("Explain unknown (-want +got):\n%s", diff)
	}
}

func TestCommitment_beforeFirstValueError(t *testing.T) {
	p := testPolicy(t)
	r := evaluate(p, project("化工", "", map[string]string{"committed_investment_intensity": "400万元/亩"}, nil), "2019-12-31")
	var le *land.LookupError
	if !errors.As(r.Commitment[0].Err, &le) || le.First != d("2020-06-01") || le.On != d("2019-12-31") {
		t.Fatalf("Err = %v; want a *LookupError with First 2020-06-01", r.Commitment[0].Err)
	}
	want := "indicator investment_intensity has no limit in force on 2019-12-31: the first applicable value takes effect on 2020-06-01"
	if le.Error() != want {
		t.Errorf("message = %q", le.Error())
	}
}

// acceptanceRow is the part of an AcceptanceRow the tests compare.
type acceptanceRow struct {
	ID        string
	Verdict   zone.Truth
	Shortfall string
	Ratio     string
	Owes      zone.Truth
	Damages   string
	Uncapped  string
	Capped    bool
	Reason    land.Reason
	Missing   string
}

func acceptanceRows(a *land.AcceptanceResult) []acceptanceRow {
	var out []acceptanceRow
	for _, r := range a.Rows {
		row := acceptanceRow{ID: r.Indicator.Ref.ID, Verdict: r.Verdict, Shortfall: r.Shortfall().String(), Ratio: r.ShortfallRatio().String(),
			Owes: r.Owes, Reason: r.Reason, Missing: r.Missing}
		if ch, ok := r.Charge(); ok {
			row.Damages, row.Uncapped, row.Capped = ch.Amount.String(), ch.Uncapped.String(), ch.Capped
		}
		out = append(out, row)
	}
	return out
}

// reviewed is a 化工 project in the new-materials park reviewed on
// 2025-04-01. All values are example values.
func reviewed() map[string]string {
	return map[string]string{
		"committed_investment_intensity":   "350万元/亩",
		"actual_investment_intensity":      "280万元/亩",
		"committed_plot_ratio":             "1.2",
		"actual_plot_ratio":                "1.2",
		"committed_tax_per_mu":             "20万元/亩",
		"actual_tax_per_mu":                "18.5万元/亩",
		"committed_energy_per_value_added": "0.45",
		"actual_energy_per_value_added":    "0.5",
		"committed_environment":            gbFirst,
		"actual_environment":               "GB 8978-1996 二级",
		"land_price":                       "2570万元",
	}
}

func TestAcceptance(t *testing.T) {
	p := testPolicy(t)
	events := map[zone.Event]string{zone.LandTransferred: "2023-05-10", "capacity_review": "2025-04-01"}
	r := evaluate(p, project("化工", newMatP, reviewed(), events), "2025-05-01")
	a := r.Acceptance
	if a == nil {
		t.Fatal("no acceptance result after the review")
	}
	// Worked by hand (land price 2570万元 = 25700000元):
	//   intensity: 350 − 280 = 70万元/亩 = 700000元/亩, 700000 ÷ 3500000 = 20%;
	//     proportional: 700000 × 25700000 ÷ 3500000 = 5140000元 (514万元),
	//     capped at 10% of the price = 2570000元.
	//   容积率: 1.2 against 1.2 is met.
	//   tax: 20 − 18.5 = 1.5万元/亩 = 15000元/亩, 15000 ÷ 200000 = 7.5%;
	//     share of price: 5% × 25700000 = 1285000元.
	//   energy (a maximum): 0.5 − 0.45 = 0.05 over, 0.05 ÷ 0.45 = 0.1111…
	//     → 0.111111; proportional (the fallback rule):
	//     0.05 × 25700000 ÷ 0.45 = 2855555.555… → 2855555.56 (to the 分).
	//   environment: 二级 is not 一级; the proportional fallback does not
	//     apply to a named standard, so no damages.
	want := []acceptanceRow{
		{land.InvestmentIntensity, zone.False, "700000", "0.2", zone.True, "2570000", "5140000", true, 0, ""},
		{land.PlotRatio, zone.True, "0", "0", zone.False, "", "", false, 0, ""},
		{land.TaxPerMu, zone.False, "15000", "0.075", zone.True, "1285000", "1285000", false, 0, ""},
		{land.EnergyPerValueAdded, zone.False, "0.05", "0.111111", zone.True, "2855555.56", "2855555.56", false, 0, ""},
		{land.Environment, zone.False, "0", "0", zone.False, "", "", false, 0, ""},
	}
	if diff := cmp.Diff(want, acceptanceRows(a)); diff != "" {
		t.Errorf("acceptance rows (-want +got):\n%s", diff)
	}
	total, complete := a.TotalDamages()
	if !complete || !total.Equal(dec("6710555.56")) {
		t.Errorf("TotalDamages = %s, %v; want 6710555.56 (2570000 + 1285000 + 2855555.56), true", total, complete)
	}
	// 2025-04-01 + 6个月 = 2025-10-01, a National Day holiday (10-01 to
	// 10-08), so the deadline moves to the next working day.
	if a.Verdict != zone.False || a.On != d("2025-04-01") || a.RectifyBy != d("2025-10-09") || a.RectifyErr != nil {
		t.Errorf("verdict %v on %s, rectify by %s (%v); want false on 2025-04-01, rectify by 2025-10-09", a.Verdict, a.On, a.RectifyBy, a.RectifyErr)
	}
	wantDetail := "固定资产投资强度: 承诺 350万元/亩, 实际 280万元/亩 → 不满足, 差额 70万元/亩 (20%); 违约金 257万元 (按差额比例 514万元, 封顶)"
	if got := a.Rows[0].Explain().Detail; got != wantDetail {
		t.Errorf("Explain:\n got %s\nwant %s", got, wantDetail)
	}
}

func TestAcceptance_unknowns(t *testing.T) {
	p := testPolicy(t)
	events := map[zone.Event]string{"capacity_review": "2025-04-01"}
	attrs := reviewed()
	delete(attrs, "actual_tax_per_mu")
	delete(attrs, "land_price")
	attrs["actual_plot_ratio"] = "高"
	r := evaluate(p, project("化工", newMatP, attrs, events), "2025-05-01")
	want := []acceptanceRow{
		{land.InvestmentIntensity, zone.False, "700000", "0.2", zone.Unknown, "", "", false, land.ReasonNotRecorded, "land_price"},
		{land.PlotRatio, zone.Unknown, "0", "0", zone.Unknown, "", "", false, land.ReasonUnreadable, ""},
		{land.TaxPerMu, zone.Unknown, "0", "0", zone.Unknown, "", "", false, land.ReasonNotRecorded, "actual_tax_per_mu"},
		{land.EnergyPerValueAdded, zone.False, "0.05", "0.111111", zone.Unknown, "", "", false, land.ReasonNotRecorded, "land_price"},
		{land.Environment, zone.False, "0", "0", zone.False, "", "", false, 0, ""},
	}
	if diff := cmp.Diff(want, acceptanceRows(r.Acceptance)); diff != "" {
		t.Errorf("acceptance rows (-want +got):\n%s", diff)
	}
	if _, complete := r.Acceptance.TotalDamages(); complete {
		t.Error("TotalDamages reports complete although the land price is missing")
	}
	if r.Acceptance.Verdict != zone.False {
		t.Errorf("verdict = %v; a known shortfall makes it false", r.Acceptance.Verdict)
	}
}

func TestAcceptance_when(t *testing.T) {
	p := testPolicy(t)
	tests := []struct {
		name   string
		events map[zone.Event]string
		asOf   string
		want   bool
		reason string
	}{
		{"no review yet", nil, "2025-05-01", false, "the check runs only once the review event happened"},
		{"review after the as-of date", map[zone.Event]string{"capacity_review": "2025-06-01"}, "2025-05-01", false, "a future event has not happened"},
		{"review on the as-of date", map[zone.Event]string{"capacity_review": "2025-05-01"}, "2025-05-01", true, "inclusive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := evaluate(p, project("化工", newMatP, reviewed(), tt.events), tt.asOf)
			if got := r.Acceptance != nil; got != tt.want {
				t.Errorf("%s: acceptance present = %v, want %v", tt.reason, got, tt.want)
			}
		})
	}
}

func TestAcceptance_rectifyWithoutCalendarData(t *testing.T) {
	p := testPolicy(t)
	// 2026-10-01 + 6个月 is in 2027, a year without official data.
	r := evaluate(p, project("化工", newMatP, reviewed(), map[zone.Event]string{"capacity_review": "2026-10-01"}), "2026-10-10")
	var nd *calendar.NoDataError
	if a := r.Acceptance; !errors.As(a.RectifyErr, &nd) || nd.Year != 2027 || a.RectifyBy != 0 {
		t.Errorf("RectifyBy %s, RectifyErr %v; want no date and a NoDataError for 2027", a.RectifyBy, a.RectifyErr)
	}
	r = p.Evaluate(zone.NewContext(project("化工", newMatP, reviewed(), map[zone.Event]string{"capacity_review": "2025-04-01"}), d("2025-05-01"), nil))
	if !errors.Is(r.Acceptance.RectifyErr, land.ErrNoCalendar) {
		t.Errorf("without a calendar: RectifyErr = %v, want ErrNoCalendar", r.Acceptance.RectifyErr)
	}
}

func TestDamages_Charge(t *testing.T) {
	type out struct {
		Amount, Uncapped string
		Capped, OK       bool
	}
	tests := []struct {
		name                     string
		rule                     land.Damages
		shortfall, agreed, price string
		want                     out
		reason                   string
	}{
		{"Tianjin template", land.Damages{Kind: land.Proportional, Places: 2}, "700000", "3500000", "25700000", out{"5140000", "5140000", false, true},
			"700000 ÷ 3500000 × 25700000"},
		{"cap as a share of the price", land.Damages{Kind: land.Proportional, Cap: dec("0.1"), Places: 2}, "700000", "3500000", "25700000", out{"2570000", "5140000", true, true},
			"capped at 10% of 25700000"},
		{"the lower cap applies", land.Damages{Kind: land.Proportional, Cap: dec("0.2"), CapAmount: dec("3000000"), Places: 2}, "700000", "3500000", "25700000", out{"3000000", "5140000", true, true},
			"20% is 5140000, the amount cap 3000000 is lower"},
		{"below the cap", land.Damages{Kind: land.Proportional, CapAmount: dec("6000000"), Places: 2}, "700000", "3500000", "25700000", out{"5140000", "5140000", false, true},
			"the cap is not reached"},
		{"half away from zero", land.Damages{Kind: land.Proportional, Places: 3}, "1", "8", "0.1", out{"0.013", "0.013", false, true},
			"0.0125 rounds up to 0.013, not to the even 0.012"},
		{"whole yuan", land.Damages{Kind: land.Proportional}, "1", "3", "200", out{"67", "67", false, true},
			"66.666… rounds to 67 with Places 0"},
		{"a cap is rounded down", land.Damages{Kind: land.Proportional, Cap: dec("0.1"), Places: 2}, "1", "2", "100.99", out{"10.09", "50.5", true, true},
			"10% of 100.99 is 10.099; the amount never exceeds the cap"},
		{"share of price", land.Damages{Kind: land.ShareOfPrice, Share: dec("0.05"), Places: 2}, "15000", "200000", "25700000", out{"1285000", "1285000", false, true},
			"5% of 25700000 whatever the shortfall"},
		{"no shortfall", land.Damages{Kind: land.Proportional, Places: 2}, "0", "3500000", "25700000", out{"0", "0", false, false},
			"nothing owed"},
		{"agreed value zero", land.Damages{Kind: land.Proportional, Places: 2}, "1", "0", "25700000", out{"0", "0", false, false},
			"no proportion of zero"},
		{"no rule", land.Damages{}, "700000", "3500000", "25700000", out{"0", "0", false, false},
			"NoDamages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, ok := tt.rule.Charge(dec(tt.shortfall), dec(tt.agreed), dec(tt.price))
			got := out{ch.Amount.String(), ch.Uncapped.String(), ch.Capped, ok}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nCharge (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestReadiness(t *testing.T) {
	p := testPolicy(t)
	item := func(id, label string, kind land.ItemKind, on string, regional bool) land.Item {
		it := land.Item{Ref: ref(id, label), Kind: kind, Regional: regional}
		if on != "" {
			it.On, it.Dated = d(on), true
		}
		return it
	}
	A, I := land.Assessment, land.Infrastructure
	tests := []struct {
		name   string
		id     string
		asOf   string
		want   land.Readiness
		reason string
	}{
		{"ready", "YC-01", "2025-06-01", land.Readiness{
			Parcel: ref("YC-01", "1号地块"), Area: dec("52.36"), PlannedUse: "工业用地", Ready: zone.True,
			Done: []land.Item{
				item("mineral_overlay", "压覆矿床", A, "2022-03-01", false),
				item("geohazard", "地质灾害危险性评估", A, "2022-03-15", false),
				item("eia", "环境影响评价", A, "", false),
				item("seismic", "地震安全性评价", A, "2022-05-20", true),
				item("road", "通路", I, "2022-08-01", false),
				item("water", "通给水", I, "2022-08-20", false),
				item("power", "通电", I, "2022-09-01", false),
				item("levelled", "土地平整", I, "2022-09-10", false),
			},
		}, "every item done, the seismic assessment for the whole zone"},
		{"not ready before the regional assessment", "YC-01", "2022-05-19", land.Readiness{
			Parcel: ref("YC-01", "1号地块"), Area: dec("52.36"), PlannedUse: "工业用地", Ready: zone.False,
			Missing: []land.Item{
				item("seismic", "地震安全性评价", A, "", false),
				item("road", "通路", I, "", false),
				item("water", "通给水", I, "", false),
				item("power", "通电", I, "", false),
				item("levelled", "土地平整", I, "", false),
			},
			Done: []land.Item{
				item("mineral_overlay", "压覆矿床", A, "2022-03-01", false),
				item("geohazard", "地质灾害危险性评估", A, "2022-03-15", false),
				item("eia", "环境影响评价", A, "", false),
			},
		}, "a completion dated after the as-of date is not done yet"},
		{"lists exactly what is missing", "YC-02", "2025-06-01", land.Readiness{
			Parcel: ref("YC-02", "2号地块"), Area: dec("41.5"), PlannedUse: "工业用地", Ready: zone.False,
			Missing: []land.Item{
				item("mineral_overlay", "压覆矿床", A, "", false),
				item("eia", "环境影响评价", A, "", false),
				item("water", "通给水", I, "", false),
				item("power", "通电", I, "", false),
				item("levelled", "土地平整", I, "", false),
			},
			Done: []land.Item{
				item("geohazard", "地质灾害危险性评估", A, "", false),
				item("seismic", "地震安全性评价", A, "2022-05-20", true),
				item("road", "通路", I, "2022-08-01", false),
			},
		}, "the park-wide mineral assessment does not cover a parcel outside the park; levelling is dated after the as-of date"},
		{"park-wide assessment", "NM-01", "2025-06-01", land.Readiness{
			Parcel: ref("NM-01", "新材料园区1号地块"), Area: dec("38.27"), Park: newMatP, PlannedUse: "工业用地", Ready: zone.True,
			Done: []land.Item{
				item("mineral_overlay", "压覆矿床", A, "", true),
				item("geohazard", "地质灾害危险性评估", A, "", false),
				item("eia", "环境影响评价", A, "", false),
				item("seismic", "地震安全性评价", A, "2022-05-20", true),
				item("road", "通路", I, "", false),
				item("water", "通给水", I, "", false),
				item("power", "通电", I, "", false),
				item("levelled", "土地平整", I, "", false),
			},
		}, "the mineral assessment of the park covers its parcels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.Readiness(tt.id, d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nReadiness (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
	_, err := p.Readiness("YC-99", d("2025-06-01"))
	var ue *land.UnknownParcelError
	if !errors.As(err, &ue) || ue.ID != "YC-99" || !errors.Is(err, land.ErrUnknownParcel) {
		t.Errorf("unknown parcel: err = %v", err)
	}
}

func TestEvaluate_parcel(t *testing.T) {
	p := testPolicy(t)
	r := evaluate(p, project("化工", "", map[string]string{"parcel": " YC-02 "}, nil), "2025-06-01")
	if r.Parcel == nil || r.Parcel.Parcel.ID != "YC-02" || r.Parcel.Ready != zone.False || len(r.Parcel.Missing) != 5 {
		t.Errorf("parcel readiness = %+v; want YC-02, not ready, 5 items missing", r.Parcel)
	}
	r = evaluate(p, project("化工", "", nil, nil), "2025-06-01")
	if r.Parcel != nil {
		t.Errorf("a project without a parcel got readiness %+v", r.Parcel)
	}
	r = evaluate(p, project("化工", "", map[string]string{"parcel": "YC-99"}, nil), "2025-06-01")
	if r.Parcel == nil || r.Parcel.Ready != zone.Unknown || !errors.Is(r.Parcel.Err, land.ErrUnknownParcel) {
		t.Errorf("unknown parcel readiness = %+v; want unknown with ErrUnknownParcel", r.Parcel)
	}
	s := testSpec()
	s.Source = badParcel{land.NewAttributeSource(land.ConventionalKeys(s.Indicators))}
	p, err := land.New(s)
	if err != nil {
		t.Fatal(err)
	}
	r = evaluate(p, project("化工", "", nil, nil), "2025-06-01")
	if r.Parcel == nil || r.Parcel.Ready != zone.Unknown || !errors.Is(r.Parcel.Err, errBadParcel) {
		t.Errorf("unreadable parcel readiness = %+v; want unknown with the source's error", r.Parcel)
	}
}

var errBadParcel = errors.New("parcel register unavailable")

// badParcel is a Source whose parcel cannot be read.
type badParcel struct{ *land.AttributeSource }

func (badParcel) Parcel(*zone.Context) (string, error) { return "", errBadParcel }

func TestEvaluate_applies(t *testing.T) {
	s := testSpec()
	s.Applies = zone.Func{Text: "land_mode == transfer", F: func(c *zone.Context) zone.Truth {
		if c.Project.LandMode == zone.LandModeUnknown {
			return zone.Unknown
		}
		return zone.TruthOf(c.Project.LandMode == zone.Transfer)
	}}
	p, err := land.New(s)
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string]string{"committed_investment_intensity": "300万元/亩", "parcel": "YC-01"}
	tests := []struct {
		mode zone.LandMode
		want zone.Truth
		rows int
	}{
		{zone.Transfer, zone.True, 5},
		{zone.Lease, zone.False, 0},
		{zone.LandModeUnknown, zone.Unknown, 0},
	}
	for _, tt := range tests {
		pr := project("化工", newMatP, attrs, nil)
		pr.LandMode = tt.mode
		r := evaluate(p, pr, "2025-06-01")
		if r.Applies != tt.want || len(r.Commitment) != tt.rows || (r.Parcel != nil) != (tt.rows > 0) {
			t.Errorf("land mode %v: applies %v with %d rows; want %v with %d", tt.mode, r.Applies, len(r.Commitment), tt.want, tt.rows)
		}
	}
}

func TestAttributeSource_keys(t *testing.T) {
	s := testSpec()
	s.Source = land.NewAttributeSource(land.AttributeKeys{
		Committed: map[string]string{land.InvestmentIntensity: "committed_intensity"},
		Actual:    map[string]string{land.InvestmentIntensity: "actual_intensity"},
		LandPrice: "出让价款",
	})
	p, err := land.New(s)
	if err != nil {
		t.Fatal(err)
	}
	pr := project("化工", newMatP, map[string]string{"committed_intensity": "350万元/亩", "actual_intensity": "315万元/亩", "出让价款": "1000万元"},
		map[zone.Event]string{"capacity_review": "2025-04-01"})
	r := evaluate(p, pr, "2025-05-01")
	got := rowFor(rowsOf(r), land.InvestmentIntensity)
	if got.Verdict != zone.True {
		t.Errorf("committed_intensity: %+v", got)
	}
	if row := rowFor(rowsOf(r), land.TaxPerMu); row.Missing != "committed value of tax_per_mu" {
		t.Errorf("an indicator without a key: missing %q", row.Missing)
	}
	// 350 − 315 = 35万元/亩, 10% of 350; 10% × 1000万元 = 100万元, under the
	// 10% cap.
	ch, ok := r.Acceptance.Rows[0].Charge()
	if !ok || !ch.Amount.Equal(dec("1000000")) || ch.Capped {
		t.Errorf("damages = %+v, %v; want 1000000, uncapped", ch, ok)
	}
}

func TestNew_errors(t *testing.T) {
	s := land.Spec{
		Indicators: []land.Indicator{
			{Ref: ref("a", ""), Unit: land.UnitIntensity, Direction: land.AtLeast},
			{Ref: ref("a", ""), Unit: land.UnitIntensity, Direction: land.AtLeast},
			{Ref: ref("b", ""), Unit: land.UnitNamed, Direction: land.AtLeast},
			{Ref: ref("c", "")},
			{Ref: ref("e", ""), Unit: land.UnitOther, Direction: land.AtMost},
		},
		Standards: []land.Standard{
			{Ref: ref("s1", ""), Limits: []land.Limit{
				{Indicator: "a", Values: []land.Step{step("2025-01-01", iv("1万元/亩")), step("2025-01-01", iv("2万元/亩"))}},
				{Indicator: "zz"},
			}},
			{Ref: ref("s2", ""), Limits: []land.Limit{{Indicator: "a", Values: []land.Step{step("2025-01-01", land.Value{Amount: dec("-1")})}}}},
		},
		Assessments:    []land.Prerequisite{{Ref: ref("x", "")}},
		Infrastructure: []land.Prerequisite{{Ref: ref("x", "")}},
		Parcels:        []land.Parcel{{Ref: ref("P", ""), Area: dec("-1"), Done: []land.Completion{{ID: "nope"}}}},
		Acceptance: &land.Acceptance{Damages: []land.Damages{
			{Indicator: "b", Kind: land.Proportional},
			{Kind: land.ShareOfPrice},
		}},
	}
	_, err := land.New(s)
	var se *land.SpecError
	if !errors.As(err, &se) || !errors.Is(err, land.ErrSpec) {
		t.Fatalf("New = %v; want a *SpecError", err)
	}
	type problem struct{ Code, Path string }
	var got []problem
	for _, p := range se.Problems {
		got = append(got, problem{p.Code, p.Path})
	}
	want := []problem{
		{"land.indicator.duplicate", "indicators[1].id"},
		{"land.indicator.direction", "indicators[2].direction"},
		{"land.indicator.unit", "indicators[3].unit"},
		{"land.indicator.direction", "indicators[3].direction"},
		{"land.indicator.unit", "indicators[4].unit"},
		{"land.limit.order", "standards[0].limits[0].values[1]"},
		{"land.limit.indicator", "standards[0].limits[1].indicator"},
		{"land.standard.overlap", "standards[1].limits[0].indicator"},
		{"land.limit.value", "standards[1].limits[0].values[0]"},
		{"land.prerequisite.duplicate", "infrastructure[0].id"},
		{"land.parcel.area", "parcels[0].area"},
		{"land.parcel.done", "parcels[0].done[0]"},
		{"land.acceptance.event", "acceptance.event"},
		{"land.damages.kind", "acceptance.damages[0].kind"},
		{"land.damages.share", "acceptance.damages[1].share"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%v", diff, err)
	}
}

func TestPolicy_copies(t *testing.T) {
	s := testSpec()
	p, err := land.New(s)
	if err != nil {
		t.Fatal(err)
	}
	// Changing the Spec after New changes nothing.
	s.Standards[0].Limits[0].Values[0].Amount = dec("1")
	s.Parcels[0].Done[0].ID = "road"
	s.Indicators[0].Direction = land.AtMost
	req, _ := p.Lookup(land.InvestmentIntensity, "化工", "", d("2024-01-01"))
	if !req.Amount.Equal(dec("2000000")) {
		t.Errorf("limit changed through the Spec: %s", req.Amount)
	}
	// Nor does changing what accessors return.
	std := p.Standards()
	std[0].Limits[0].Values[0].Amount = dec("1")
	pc, _ := p.Parcel("YC-01")
	pc.Done[0].ID = "road"
	if ind, _ := p.Indicator(land.InvestmentIntensity); ind.Direction != land.AtLeast {
		t.Error("indicator changed through the Spec")
	}
	if again, _ := p.Parcel("YC-01"); again.Done[0].ID != "mineral_overlay" {
		t.Error("parcel changed through an accessor")
	}
	if diff := cmp.Diff(testSpec().Standards, p.Standards()); diff != "" {
		t.Errorf("Standards (-want +got):\n%s", diff)
	}
	if len(p.Assessments()) != 4 || len(p.Infrastructure()) != 4 || len(p.Parcels()) != 3 || len(p.Regional()) != 2 {
		t.Error("accessors lost items")
	}
	if a, ok := p.Acceptance(); !ok || a.Event != "capacity_review" || len(a.Damages) != 3 {
		t.Errorf("Acceptance() = %+v, %v", a, ok)
	}
}

func TestIndicator_Parse(t *testing.T) {
	inds := map[land.Unit]land.Indicator{}
	for _, u := range []land.Unit{land.UnitIntensity, land.UnitRatio, land.UnitPercent, land.UnitMoney, land.UnitEnergy, land.UnitOther, land.UnitNamed} {
		inds[u] = land.Indicator{Ref: ref("x", ""), Unit: u, Direction: land.AtLeast, UnitLabel: "万元/吨标煤"}
	}
	tests := []struct {
		unit   land.Unit
		in     string
		want   land.Value
		off    int // -1: no error
		format string
	}{
		{land.UnitIntensity, "300万元/亩", land.Value{Amount: dec("3000000")}, -1, "300万元/亩"},
		{land.UnitIntensity, "299.99万元/亩", land.Value{Amount: dec("2999900")}, -1, "299.99万元/亩"},
		{land.UnitIntensity, "3000000元/亩", land.Value{Amount: dec("3000000")}, -1, "300万元/亩"},
		{land.UnitIntensity, "300万元", land.Value{}, 9, ""},
		{land.UnitIntensity, "300万元/㎡", land.Value{}, 10, ""},
		{land.UnitRatio, "1.2", land.Value{Amount: dec("1.2")}, -1, "1.2"},
		{land.UnitRatio, " 2 ", land.Value{Amount: dec("2")}, -1, "2"},
		{land.UnitRatio, "1.", land.Value{}, 2, ""},
		{land.UnitRatio, "1.2倍", land.Value{}, 3, ""},
		{land.UnitRatio, "-1", land.Value{}, 0, ""},
		{land.UnitRatio, "1e3", land.Value{}, 1, ""},
		{land.UnitPercent, "30%", land.Value{Amount: dec("0.3")}, -1, "30%"},
		{land.UnitPercent, "-3%", land.Value{}, 0, ""},
		{land.UnitMoney, "2570万元", land.Value{Amount: dec("25700000")}, -1, "2570万元"},
		{land.UnitEnergy, "0.5吨标煤/万元", land.Value{Amount: dec("0.5")}, -1, "0.5吨标煤/万元"},
		{land.UnitEnergy, "0.5 吨标煤/万元", land.Value{Amount: dec("0.5")}, -1, "0.5吨标煤/万元"},
		{land.UnitEnergy, "0.5", land.Value{Amount: dec("0.5")}, -1, "0.5吨标煤/万元"},
		{land.UnitEnergy, "0.5吨/万元", land.Value{}, 3, ""},
		{land.UnitOther, "12万元/吨标煤", land.Value{Amount: dec("12")}, -1, "12万元/吨标煤"},
		{land.UnitNamed, "  GB 8978-1996 一级 ", land.Value{Named: gbFirst}, -1, gbFirst},
		{land.UnitNamed, "  ", land.Value{}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.unit.String()+"/"+tt.in, func(t *testing.T) {
			ind := inds[tt.unit]
			got, err := ind.Parse(tt.in)
			if tt.off >= 0 {
				var pe *land.ParseError
				if !errors.As(err, &pe) || pe.Offset != tt.off || pe.Input != tt.in || !errors.Is(err, land.ErrSyntax) {
					t.Fatalf("Parse(%q) = %v, %v; want a *ParseError at offset %d", tt.in, got, err, tt.off)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
			if f := ind.Format(got); f != tt.format {
				t.Errorf("Format = %q, want %q", f, tt.format)
			}
		})
	}
}

func TestEnums(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want land.Unit
	}{{"万元/亩", land.UnitIntensity}, {"元/亩", land.UnitIntensity}, {"ratio", land.UnitRatio}, {"%", land.UnitPercent},
		{"万元", land.UnitMoney}, {"吨标煤/万元", land.UnitEnergy}, {"named", land.UnitNamed}, {"标准", land.UnitNamed}} {
		if got, err := land.ParseUnit(tt.in); got != tt.want || err != nil {
			t.Errorf("ParseUnit(%q) = %v, %v", tt.in, got, err)
		}
	}
	for _, tt := range []struct {
		in   string
		want land.Direction
	}{{"at_least", land.AtLeast}, {"不低于", land.AtLeast}, {"≥", land.AtLeast}, {"<=", land.AtMost}, {"不高于", land.AtMost}, {"meets", land.Meets}} {
		if got, err := land.ParseDirection(tt.in); got != tt.want || err != nil {
			t.Errorf("ParseDirection(%q) = %v, %v", tt.in, got, err)
		}
	}
	for _, s := range []string{"亩", "up"} {
		var ee *land.EnumError
		if _, err := land.ParseUnit(s); s == "亩" && !errors.As(err, &ee) {
			t.Errorf("ParseUnit(%q) = %v; want an *EnumError", s, err)
		}
		if _, err := land.ParseDirection(s); !errors.As(err, &ee) || !errors.Is(err, land.ErrSyntax) {
			t.Errorf("ParseDirection(%q) = %v; want an *EnumError", s, err)
		}
	}
	// Kinds whose zero value has a name of its own read it back.
	for _, in := range []string{"none", "无", ""} {
		if got, err := land.ParseDamagesKind(in); got != land.NoDamages || err != nil {
			t.Errorf("ParseDamagesKind(%q) = %v, %v; want none", in, got, err)
		}
	}
	for _, in := range []string{"none", "已判定"} {
		if got, err := land.ParseReason(in); got != land.ReasonNone || err != nil {
			t.Errorf("ParseReason(%q) = %v, %v; want none", in, got, err)
		}
	}
	if got, err := land.ParseReason("zero_base"); got != land.ReasonZeroBase || err != nil {
		t.Errorf("ParseReason(zero_base) = %v, %v", got, err)
	}
	var k land.DamagesKind
	if err := k.UnmarshalText([]byte("按差额比例")); err != nil || k != land.Proportional {
		t.Errorf("DamagesKind.UnmarshalText = %v, %v", k, err)
	}
	if b, _ := land.ReasonBeforeFirstValue.MarshalText(); string(b) != "before_first_value" {
		t.Errorf("Reason text = %s", b)
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	p := testPolicy(t)
	projects := benchProjects(64)
	want := make([]land.Result, len(projects))
	for i, pr := range projects {
		want[i] = p.Evaluate(zone.NewContext(pr, d("2025-06-01"), calendar.MainlandChina()))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := zone.NewContext(nil, 0, nil)
			for k := range 200 {
				i := (k + g) % len(projects)
				c.Reset(projects[i], d("2025-06-01"), calendar.MainlandChina())
				got := p.Evaluate(c)
				if diff := cmp.Diff(want[i], got, cmpopts.EquateComparable(calendar.Period{})); diff != "" {
					t.Errorf("project %d under concurrency (-want +got):\n%s", i, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestEvaluate_zeroValues checks that an empty policy and an empty project
// evaluate without surprises.
func TestEvaluate_zeroValues(t *testing.T) {
	p, err := land.New(land.Spec{})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Evaluate(zone.NewContext(&zone.Project{}, date.New(2025, 1, 1), nil))
	want := land.Result{Applies: zone.True, Committed: zone.True, StandardsOn: date.New(2025, 1, 1)}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("empty evaluation (-want +got):\n%s", diff)
	}
	var v land.Value
	if !v.Equal(land.Value{Amount: decimal.Zero}) || v.Equal(land.Value{Named: "x"}) {
		t.Error("Value.Equal")
	}
}

func TestEvaluate_allocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts")
	}
	projects := benchProjects(12)
	spec := testSpec()
	plain := testPolicy(t)
	spec.Source = bind(plain, projects)
	p, err := land.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	c := zone.NewContext(nil, 0, nil)
	tests := []struct {
		project *zone.Project
		want    float64
		reason  string
	}{
		{projects[1], 1, "commitment rows only; the parcel's readiness is precomputed"},
		{projects[3], 3, "reviewed: commitment rows, the acceptance result and its rows"},
	}
	for _, tt := range tests {
		if tt.project.Events["capacity_review"] == 0 != (tt.want == 1) {
			t.Fatalf("fixture changed: project %s", tt.project.ID)
		}
		got := testing.AllocsPerRun(100, func() {
			c.Reset(tt.project, d("2025-06-01"), calendar.MainlandChina())
			p.Evaluate(c)
		})
		if got != tt.want {
			t.Errorf("%s: %v allocations, want %v", tt.reason, got, tt.want)
		}
	}
}

func TestReadiness_ownCopy(t *testing.T) {
	p := testPolicy(t)
	r, _ := p.Readiness("YC-02", d("2025-06-01"))
	r.Missing[0].Ref.Label = "changed"
	again, _ := p.Readiness("YC-02", d("2025-06-01"))
	if again.Missing[0].Ref.Label != "压覆矿床" {
		t.Error("changing a Readiness changed the policy")
	}
	// Evaluate shares the policy's readiness: the same pointer for the
	// same parcel and state.
	pr := project("化工", "", map[string]string{"parcel": "YC-02"}, nil)
	r1, r2 := evaluate(p, pr, "2025-06-01"), evaluate(p, pr, "2025-07-01")
	if r1.Parcel != r2.Parcel {
		t.Error("readiness in the same state is not shared")
	}
	if r3 := evaluate(p, pr, "2025-09-01"); r3.Parcel == r1.Parcel || len(r3.Parcel.Missing) != 4 {
		t.Errorf("readiness after levelling on 2025-09-01: %d missing, want 4", len(r3.Parcel.Missing))
	}
}

func TestAttributeSource_landPrice(t *testing.T) {
	src := land.NewAttributeSource(land.AttributeKeys{LandPrice: "land_price", Parcel: "parcel"})
	tests := []struct {
		attrs  map[string]string
		want   string
		errIs  error
		parcel string
		pErrIs error
		reason string
	}{
		{map[string]string{"land_price": "2570万元", "parcel": "YC-01"}, "25700000", nil, "YC-01", nil, "money syntax"},
		{map[string]string{"land_price": "-30万元", "parcel": "  "}, "0", land.ErrSyntax, "", land.ErrNotRecorded, "a negative price is unreadable; a blank parcel is not recorded"},
		{map[string]string{"land_price": "2570万"}, "25700000", nil, "", land.ErrNotRecorded, "万 without 元"},
		{map[string]string{"land_price": "两千万"}, "0", land.ErrSyntax, "", land.ErrNotRecorded, "digits only"},
		{nil, "0", land.ErrNotRecorded, "", land.ErrNotRecorded, "nothing recorded"},
	}
	for _, tt := range tests {
		c := zone.NewContext(&zone.Project{Attributes: tt.attrs}, 0, nil)
		got, err := src.LandPrice(c)
		if got.String() != tt.want || !errors.Is(err, tt.errIs) {
			t.Errorf("%s: LandPrice = %s, %v; want %s, %v", tt.reason, got, err, tt.want, tt.errIs)
		}
		var pe *land.ParseError
		if errors.As(err, &pe) && pe.Fact != "land_price" {
			t.Errorf("%s: the error does not name the attribute: %v", tt.reason, err)
		}
		id, err := src.Parcel(c)
		if id != tt.parcel || !errors.Is(err, tt.pErrIs) {
			t.Errorf("%s: Parcel = %q, %v; want %q, %v", tt.reason, id, err, tt.parcel, tt.pErrIs)
		}
	}
}
