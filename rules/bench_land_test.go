package rules_test

import (
	"testing"

	"github.com/devzone-go/devzone/zone"
)

// BenchmarkEvaluateLand evaluates the Yuncheng rule set (the Shanxi
// baseline and the zone file: six indicators, two standards, fourteen
// prerequisites, seven parcels, an acceptance check with four damages
// rules) for one project: the commitment check and parcel readiness
// before the capacity review, and the acceptance check with damages after
// it. Set.Evaluate binds the project's facts once and the land checks read
// them from that binding.
func BenchmarkEvaluateLand(b *testing.B) {
	set := loadLand(b, "yuncheng.yaml")
	committed := yunchengProject()
	reviewed := yunchengProject()
	reviewed.Events["capacity_review"] = d("2026-03-02")
	for k, v := range map[string]string{
		"actual_investment_intensity": "280万元/亩", "actual_plot_ratio": "1.25", "actual_tax_per_mu": "12万元/亩",
		"actual_energy_per_value_added": "0.45", "actual_environment": "GB 16297-1996 三级", "actual_output_per_mu": "380万元/亩",
	} {
		reviewed.Attributes[k] = v
	}
	for _, bc := range []struct {
		name string
		asOf string
		p    *zone.Project
	}{
		{"commitment", "2025-06-01", committed},
		{"acceptance", "2026-06-30", reviewed},
	} {
		p, asOf := bc.p, d(bc.asOf)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := set.Evaluate(p, asOf)
				if err != nil || r.Land == nil {
					b.Fatal(err)
				}
			}
		})
		// The land policy alone, with one zone.Context reused from one
		// evaluation to the next, as a server evaluating many projects
		// would: the project's facts are bound again on each Reset.
		b.Run(bc.name+"/policy", func(b *testing.B) {
			pol, ctx := set.Land(), zone.NewContext(p, asOf, set.Calendar())
			b.ReportAllocs()
			for b.Loop() {
				ctx.Reset(p, asOf, set.Calendar())
				if r := pol.Evaluate(ctx); r.Applies != zone.True {
					b.Fatal(r.Applies)
				}
			}
		})
	}
}
