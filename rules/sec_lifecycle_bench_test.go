package rules_test

import (
	"fmt"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// lifecycleProjects returns n projects spread over the Jinzhong lifecycle:
// each has progressed a different number of milestones, with varied
// investments, land modes, kinds and gaps between milestones; some are
// paused, some record a milestone after the evaluation date. The sequence
// is fixed, so benchmark runs compare.
func lifecycleProjects(n int) []*zone.Project {
	// Milestones in order, with the land-mode they belong to ("" = both).
	steps := []struct {
		event zone.Event
		mode  zone.LandMode
	}{
		{"signed", 0}, {"site_selected", 0}, {"review_passed", 0}, {"landing_meeting", 0},
		{"land_transferred", zone.Transfer}, {"eia_approved", 0}, {"service_team_formed", 0},
		{"lease_signed", zone.Lease}, {"construction_commitment", zone.Transfer},
		{"permits_completed", 0}, {"construction_started", 0}, {"construction_meeting", 0},
		{"equipment_debugging", 0}, {"production_meeting", 0}, {"production_started", 0},
	}
	out := make([]*zone.Project, n)
	seed := uint32(2025)
	next := func(k uint32) int { // a small linear congruential generator
		seed = seed*1664525 + 1013904223
		return int((seed >> 8) % k)
	}
	for i := range out {
		mode := []zone.LandMode{zone.Transfer, zone.Lease, zone.LandModeUnknown}[next(3)]
		kind := []zone.Kind{zone.Industrial, zone.Tech, zone.KindUnknown}[next(3)]
		inv := decimal.NewFromInt(int64(1+next(30)) * 100000000)
		p := &zone.Project{
			ID: fmt.Sprintf("JZ-%04d", i), Investment: &inv, Industry: "装备制造",
			Kind: kind, LandMode: mode, Events: make(map[zone.Event]date.Date),
		}
		day := d("2024-03-01") + date.Date(next(400))
		reached := next(uint32(len(steps) + 1))
		for _, s := range steps[:reached] {
			if s.mode != 0 && s.mode != mode {
				continue
			}
			p.Events[s.event] = day
			day += date.Date(1 + next(45))
		}
		if next(8) == 0 {
			p.Events["pause_started"] = day - date.Date(next(60))
			if next(2) == 0 {
				p.Events["pause_ended"] = day + date.Date(next(30))
			}
		}
		out[i] = p
	}
	return out
}

// BenchmarkEvaluateLifecycle evaluates the Jinzhong lifecycle (five stages,
// nine criteria and four meetings, four deadlines, five escalation steps and
// a pause) for 1,024 varied projects as of 2025-09-30; one op is one
// project.
//
//   - Set.Evaluate is the whole API: a new context per call, the named
//     conditions explained, then the lifecycle.
//   - Lifecycle.Evaluate reuses one context across projects (Reset), as a
//     batch job over a project ledger would: one binding of the project's
//     facts serves every entry, criterion and deadline condition.
func BenchmarkEvaluateLifecycle(b *testing.B) {
	set := loadJinzhong(b)
	projects := lifecycleProjects(1024)
	asOf := d("2025-09-30")
	b.Run("Set.Evaluate", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := set.Evaluate(projects[i%len(projects)], asOf); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Lifecycle.Evaluate", func(b *testing.B) {
		l := set.Lifecycle()
		ctx := zone.NewContext(projects[0], asOf, set.Calendar())
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			ctx.Reset(projects[i%len(projects)], asOf, set.Calendar())
			_ = l.Evaluate(ctx)
			i++
		}
	})
}

// TestLifecycleProjectsVaried checks that the benchmark's projects cover
// every stage and every deadline status the lifecycle can give, so the
// benchmark measures a realistic mix.
func TestLifecycleProjectsVaried(t *testing.T) {
	set := loadJinzhong(t)
	stages := map[string]int{}
	statuses := map[string]int{}
	steps := 0
	for _, p := range lifecycleProjects(1024) {
		r, err := set.Evaluate(p, d("2025-09-30"))
		if err != nil {
			t.Fatal(err)
		}
		stages[r.Lifecycle.Stage.ID]++
		for _, dl := range r.Lifecycle.Deadlines {
			statuses[dl.Status.String()]++
		}
		steps += len(r.Lifecycle.Escalation.Due)
	}
	for _, id := range []string{"", "signing", "landing", "construction", "building", "operation"} {
		if stages[id] == 0 {
			t.Errorf("no project in stage %q: %v", id, stages)
		}
	}
	for _, s := range []string{"unknown", "not_applicable", "not_started", "met_on_time", "met_late", "overdue"} {
		if statuses[s] == 0 {
			t.Errorf("no deadline %s: %v", s, statuses)
		}
	}
	if steps == 0 {
		t.Error("no escalation step due in any project")
	}
}
