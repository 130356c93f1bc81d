package zone_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// FuzzReport builds a portfolio from arbitrary bytes — each group of five
// bytes one project: park, industry, and the day offsets of its signing,
// start, production and design capacity — and checks the report:
// per-period figures add up to the totals, counted rates are at most 100%,
// and eight workers give the same report as one.
func FuzzReport(f *testing.F) {
	f.Add([]byte{0, 1, 10, 20, 30, 1, 2, 200, 0, 0, 2, 0, 255, 255, 255})
	f.Add([]byte{3, 3, 0, 0, 0, 4, 4, 1, 1, 1})
	z, err := zone.New(jinzhong())
	if err != nil {
		f.Fatal(err)
	}
	pf, err := zone.NewPortfolio(z, zone.Monthly, shanxiMetrics()...)
	if err != nil {
		f.Fatal(err)
	}
	parks := []string{"huitong", "汇通产业园", "hydrogen", "elsewhere", ""}
	industries := []string{"新能源汽车", "生物医药", "煤化工", ""}
	start := date.New(2024, 1, 1)
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps []*zone.Project
		for i := 0; i+5 <= len(data) && len(ps) < 500; i += 5 {
			b := data[i : i+5]
			p := &zone.Project{ID: fmt.Sprint(i), Park: parks[int(b[0])%len(parks)], Industry: industries[int(b[0]/8)%len(industries)], Events: map[zone.Event]date.Date{}}
			if b[0]%3 != 0 {
				p.Investment = new(decimal.New(int64(b[1])*1000+1, int32(b[0]%5)-2))
			}
			d := start
			for k, e := range []zone.Event{zone.Signed, zone.ConstructionStarted, zone.ProductionStarted, zone.DesignCapacityReached} {
				if b[k+1] == 255 {
					break
				}
				d += date.Date(b[k+1]) * 3
				p.Events[e] = d
			}
			if b[4]%2 == 0 {
				p.Attributes = map[string]string{"expected_output": fmt.Sprint(b[2]), "actual_output": fmt.Sprint(int(b[3]) % (int(b[2]) + 1))}
			}
			ps = append(ps, p)
		}
		opt := zone.Options{AsOf: start + 700}
		one, err := pf.Report(ps, opt)
		if err != nil {
			t.Fatal(err)
		}
		opt.Workers = 8
		eight, err := pf.Report(ps, opt)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(one)
		b, _ := json.Marshal(eight)
		if string(a) != string(b) {
			t.Fatal("the number of workers changes the report")
		}
		var signed, started int
		inv := decimal.Zero
		for _, p := range one.Periods {
			signed += p.Signed.Projects
			started += p.Started.Projects
			inv = inv.Add(p.Signed.Investment)
		}
		if signed != one.Total.Signed.Projects || started != one.Total.Started.Projects || !inv.Equal(one.Total.Signed.Investment) {
			t.Errorf("periods add up to %d signed (%v), %d started; totals %d (%v), %d", signed, inv, started,
				one.Total.Signed.Projects, one.Total.Signed.Investment, one.Total.Started.Projects)
		}
		for _, r := range one.Total.Rates[:2] {
			if r.Numerator.GreaterThan(r.Denominator) {
				t.Errorf("%s: %v/%v", r.Metric, r.Numerator, r.Denominator)
			}
		}
	})
}
