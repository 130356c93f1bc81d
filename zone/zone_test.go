package zone_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

func sample() *zone.Project {
	inv := decimal.RequireFromString("1200000000")
	yes := true
	return &zone.Project{
		ID: "JZ-2025-001", Name: "新能源汽车电驱系统项目", Investor: "山西某动力科技有限公司",
		Investment: &inv, Industry: "新能源汽车", Kind: zone.Industrial, LandMode: zone.Transfer,
		ChainLeaderSourced: &yes, Park: "汇通产业园",
		Events: map[zone.Event]date.Date{
			zone.Signed:       date.New(2025, 6, 2),
			zone.ReviewPassed: date.New(2025, 6, 10),
		},
		Attributes: map[string]string{"tech_level": "3"},
	}
}

func TestProjectJSONRoundTrip(t *testing.T) {
	p := sample()
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"JZ-2025-001","name":"新能源汽车电驱系统项目","investor":"山西某动力科技有限公司","investment":"1200000000","industry":"新能源汽车","kind":"industrial","land_mode":"transfer","chain_leader_sourced":true,"park":"汇通产业园","events":{"review_passed":"2025-06-10","signed":"2025-06-02"},"attributes":{"tech_level":"3"}}`
	if diff := cmp.Diff(want, string(raw)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	var back zone.Project
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if !p.Equal(&back) {
		t.Errorf("round trip changed the project:\n%s", cmp.Diff(p, &back))
	}
	// Unknown facts stay unknown.
	raw, _ = json.Marshal(&zone.Project{ID: "x"})
	if string(raw) != `{"id":"x"}` {
		t.Errorf("empty project JSON = %s", raw)
	}
	var bad zone.Project
	err = json.Unmarshal([]byte(`{"id":"x","kind":"farm"}`), &bad)
	var ve *zone.ValueError
	if !errors.As(err, &ve) || ve.Fact != "kind" {
		t.Errorf("bad kind: got %v, want a *ValueError for kind", err)
	}
}

func TestClone(t *testing.T) {
	p := sample()
	q := p.Clone()
	*q.Investment = decimal.NewFromInt(1)
	q.Events[zone.LandTransferred] = date.New(2025, 7, 1)
	q.Attributes["tech_level"] = "1"
	if !p.Equal(sample()) {
		t.Error("changing the clone changed the original")
	}
	if p.Equal(q) {
		t.Error("Equal misses differences")
	}
}

func TestParseEnums(t *testing.T) {
	tests := []struct {
		in   string
		kind zone.Kind
		mode zone.LandMode
	}{
		{"industrial", zone.Industrial, 0}, {"产业项目", zone.Industrial, 0}, {"tech", zone.Tech, 0}, {"科技项目", zone.Tech, 0},
		{"transfer", 0, zone.Transfer}, {"出让", 0, zone.Transfer}, {"lease", 0, zone.Lease}, {"租赁厂房", 0, zone.Lease},
	}
	for _, tt := range tests {
		if tt.kind != 0 {
			if k, err := zone.ParseKind(tt.in); k != tt.kind || err != nil {
				t.Errorf("ParseKind(%q) = %v, %v", tt.in, k, err)
			}
		}
		if tt.mode != 0 {
			if m, err := zone.ParseLandMode(tt.in); m != tt.mode || err != nil {
				t.Errorf("ParseLandMode(%q) = %v, %v", tt.in, m, err)
			}
		}
	}
	if _, err := zone.ParseLandMode("rent"); err == nil {
		t.Error("ParseLandMode(rent) succeeded")
	}
}

func TestTruth(t *testing.T) {
	T, F, U := zone.True, zone.False, zone.Unknown
	tests := []struct {
		a, b, and, or zone.Truth
	}{
		{T, T, T, T}, {T, F, F, T}, {T, U, U, T},
		{F, T, F, T}, {F, F, F, F}, {F, U, F, U},
		{U, T, U, T}, {U, F, F, U}, {U, U, U, U},
	}
	for _, tt := range tests {
		if got := tt.a.And(tt.b); got != tt.and {
			t.Errorf("%v and %v = %v, want %v", tt.a, tt.b, got, tt.and)
		}
		if got := tt.a.Or(tt.b); got != tt.or {
			t.Errorf("%v or %v = %v, want %v", tt.a, tt.b, got, tt.or)
		}
	}
	if T.Not() != F || F.Not() != T || U.Not() != U {
		t.Error("Not is wrong")
	}
}

func TestSortedEvents(t *testing.T) {
	p := sample()
	p.Events[zone.SiteSelected] = date.New(2025, 6, 2)
	got := p.SortedEvents()
	want := []zone.Event{zone.Signed, zone.SiteSelected, zone.ReviewPassed}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SortedEvents (-want +got):\n%s", diff)
	}
}
