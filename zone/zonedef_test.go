package zone_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/zone"
)

// jinzhong is a zone after seed 002 (parks and operators are example
// values, not from the source).
func jinzhong() zone.Spec {
	return zone.Spec{
		Ref:      zone.Ref{ID: "jinzhong", Label: "综改区晋中开发区", Cite: "002_8f25cfe588d23415.txt"},
		Category: zone.CategoryIndustrial,
		Level:    zone.LevelProvincial,
		Parks: []zone.Park{
			{Ref: zone.Ref{ID: "huitong", Label: "汇通产业园"}},
			{Ref: zone.Ref{ID: "hydrogen", Label: "氢能园中园"}, Operator: "某园区运营公司", Within: "huitong"},
			{Ref: zone.Ref{ID: "science", Label: "科创城"}},
		},
		Leading:   []string{"新能源汽车", "装备制造", "信息创新"},
		Potential: []string{"生物医药", "医疗器械"},
		Chains: []zone.Chain{{
			Ref:         zone.Ref{ID: "nev", Label: "新能源汽车产业链"},
			ChainLeader: "管委会分管领导",
			Leaders:     []string{"某整车企业"},
			Industries:  []string{"新能源汽车"},
		}},
	}
}

func TestNew(t *testing.T) {
	z, err := zone.New(jinzhong())
	if err != nil {
		t.Fatal(err)
	}
	if z.ID() != "jinzhong" || z.Label() != "综改区晋中开发区" || z.Category().Label() != "工业类" || z.Level().Label() != "省级" {
		t.Errorf("zone = %s %s %s %s", z.ID(), z.Label(), z.Category(), z.Level())
	}
	if p, ok := z.Park("汇通产业园"); !ok || p.Ref.ID != "huitong" {
		t.Errorf("Park(汇通产业园) = %v, %v", p, ok)
	}
	var path []string
	for _, p := range z.ParkPath("hydrogen") {
		path = append(path, p.Ref.ID)
	}
	if diff := cmp.Diff([]string{"huitong", "hydrogen"}, path); diff != "" {
		t.Errorf("ParkPath (-want +got):\n%s", diff)
	}
	if z.ParkPath("nowhere") != nil {
		t.Error("ParkPath of an unknown park is not nil")
	}
	for ind, want := range map[string]zone.IndustryClass{"装备制造": zone.LeadingIndustry, "医疗器械": zone.PotentialIndustry, "煤化工": zone.OtherIndustry} {
		if got := z.Industry(ind); got != want {
			t.Errorf("Industry(%s) = %v, want %v", ind, got, want)
		}
	}
	if cs := z.ChainsOf("新能源汽车"); len(cs) != 1 || cs[0].Ref.ID != "nev" {
		t.Errorf("ChainsOf = %v", cs)
	}
	// The zone keeps its own copies.
	spec := jinzhong()
	z, _ = zone.New(spec)
	spec.Parks[0].Ref.Label = "changed"
	spec.Chains[0].Leaders[0] = "changed"
	if z.Parks()[0].Ref.Label != "汇通产业园" || z.Chains()[0].Leaders[0] != "某整车企业" {
		t.Error("changing the Spec changed the Zone")
	}
	z.Chains()[0].Leaders[0] = "changed"
	if z.Chains()[0].Leaders[0] != "某整车企业" {
		t.Error("changing the result of Chains changed the Zone")
	}
}

// problem is what the tests check of a SpecError.
type problem struct {
	Path, Field, Value string
	Err                error
}

func problems(err error) []problem {
	var out []problem
	var es zone.SpecErrors
	if !errors.As(err, &es) {
		return nil
	}
	for _, e := range es {
		out = append(out, problem{e.Path, e.Field, e.Value, e.Err})
	}
	return out
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*zone.Spec)
		want   []problem
	}{
		{"bad ids and missing names", func(s *zone.Spec) {
			s.Ref.ID = "晋中"
			s.Parks[2].Ref = zone.Ref{ID: "-x"}
			s.Chains[0].Ref.Label = " "
		}, []problem{
			{"", "id", "晋中", zone.ErrInvalidID},
			{"parks[2]", "id", "-x", zone.ErrInvalidID},
			{"parks[2]", "label", "", zone.ErrMissing},
			{"chains[0]", "label", "", zone.ErrMissing},
		}},
		{"category and level", func(s *zone.Spec) {
			s.Category, s.Level = zone.CategoryUnknown, zone.Level(9)
		}, []problem{
			{"", "category", "", zone.ErrMissing},
			{"", "level", "", zone.ErrMissing},
		}},
		{"duplicate park id and name", func(s *zone.Spec) {
			s.Parks[2].Ref.ID = "huitong"
			s.Parks = append(s.Parks, zone.Park{Ref: zone.Ref{ID: "other", Label: "科创城"}})
		}, []problem{
			{"parks[2]", "id", "huitong", zone.ErrDuplicate},
			{"parks[3]", "label", "科创城", zone.ErrDuplicate},
		}},
		{"parks within unknown parks, a park by its name, in circles", func(s *zone.Spec) {
			s.Parks[0].Within, s.Parks[2].Within = "hydrogen", "nowhere"
			s.Parks = append(s.Parks, zone.Park{Ref: zone.Ref{ID: "self", Label: "自身"}, Within: "self"}, zone.Park{Ref: zone.Ref{ID: "byname", Label: "按名称"}, Within: "科创城"})
		}, []problem{
			{"parks[0]", "within", "hydrogen", zone.ErrParkCycle},
			{"parks[1]", "within", "huitong", zone.ErrParkCycle},
			{"parks[2]", "within", "nowhere", zone.ErrUnknownPark},
			{"parks[3]", "within", "self", zone.ErrParkCycle},
			{"parks[4]", "within", "科创城", zone.ErrUnknownPark},
		}},
		{"industries", func(s *zone.Spec) {
			s.Potential = append(s.Potential, "装备制造", "")
			s.Chains[0].Industries = append(s.Chains[0].Industries, "氢能")
			s.Chains = append(s.Chains, zone.Chain{Ref: zone.Ref{ID: "nev", Label: "重复"}, Leaders: []string{""}})
		}, []problem{
			{"industries.potential[2]", "", "装备制造", zone.ErrDuplicate},
			{"industries.potential[3]", "", "", zone.ErrMissing},
			{"chains[0].industries[1]", "", "氢能", zone.ErrUnknownIndustry},
			{"chains[1]", "id", "nev", zone.ErrDuplicate},
			{"chains[1].leaders[0]", "", "", zone.ErrMissing},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := jinzhong()
			tt.change(&s)
			z, err := zone.New(s)
			if z != nil {
				t.Error("a Zone came with errors")
			}
			if diff := cmp.Diff(tt.want, problems(err), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for _, w := range tt.want {
				if !errors.Is(err, w.Err) {
					t.Errorf("errors.Is(err, %v) is false", w.Err)
				}
			}
		})
	}
}

func TestSpecErrorMessage(t *testing.T) {
	s := jinzhong()
	s.Parks[2].Within = "nowhere"
	_, err := zone.New(s)
	want := `parks[2] science (科创城): within: "nowhere" is not a park of the zone`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// parsed is what a Parse function of an enum gives, for comparison.
type parsed struct {
	Name, Label string
	Err         error
}

func parse[T interface {
	String() string
	Label() string
}](v T, err error) parsed {
	return parsed{v.String(), v.Label(), err}
}

func TestEnums(t *testing.T) {
	got := []parsed{
		parse(zone.ParseCategory("eco_tourism")),
		parse(zone.ParseCategory("现代农业类")),
		parse(zone.ParseLevel("国家级")),
		parse(zone.ParseGranularity("quarter")),
		parse(zone.ParseGranularity("年度")),
	}
	want := []parsed{
		{"eco_tourism", "生态文旅类", nil},
		{"agriculture", "现代农业类", nil},
		{"national", "国家级", nil},
		{"quarter", "季度", nil},
		{"year", "年度", nil},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("parsed enums (-want +got):\n%s", diff)
	}
	var c zone.Category
	if err := c.UnmarshalText([]byte("industry")); err == nil {
		t.Error("category industry accepted")
	}
	var l zone.Level
	if err := json.Unmarshal([]byte(`"provincial"`), &l); err != nil || l != zone.LevelProvincial {
		t.Errorf("level = %v, %v", l, err)
	}
}

func TestPeriods(t *testing.T) {
	d := date.New(2025, 8, 17)
	tests := []struct {
		g                  zone.Granularity
		start, end         string
		str, label, next   string
		containsDay, after bool
	}{
		{zone.Monthly, "2025-08-01", "2025-08-31", "2025-08", "2025年8月", "2025-09", true, false},
		{zone.Quarterly, "2025-07-01", "2025-09-30", "2025-Q3", "2025年第3季度", "2025-Q4", true, false},
		{zone.Yearly, "2025-01-01", "2025-12-31", "2025", "2025年", "2026", true, false},
	}
	for _, tt := range tests {
		p := tt.g.PeriodOf(d)
		if p.Start.String() != tt.start || p.End.String() != tt.end || p.String() != tt.str || p.Label() != tt.label || p.Next().String() != tt.next {
			t.Errorf("%s: %s..%s %s %s next %s", tt.g, p.Start, p.End, p.String(), p.Label(), p.Next())
		}
		if !p.Contains(d) || p.Contains(p.End+1) {
			t.Errorf("%s: Contains is wrong", tt.g)
		}
	}
	if q := zone.Quarterly.PeriodOf(date.New(2024, 12, 31)).Next(); q.String() != "2025-Q1" || q.End != date.New(2025, 3, 31) {
		t.Errorf("quarter after 2024-Q4 = %s ending %s", q, q.End)
	}
	if p := zone.GranularityUnknown.PeriodOf(d); p != (zone.Period{}) {
		t.Errorf("PeriodOf with no granularity = %v", p)
	}
}
