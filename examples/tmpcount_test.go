package examples_test

import (
	"testing"
	"unsafe"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

func TestTmpCount(t *testing.T) {
	set, _ := rules.LoadFS(examples.FS, "jinzhong/policy.yaml")
	ps := jinzhongPortfolio(t, set, 100000)
	rep, err := set.PortfolioWith(ps, zone.Options{AsOf: calendar.MustParseDate("2026-11-23"), Granularity: zone.Monthly, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("overdue %d escal %d reached %d behind %d; sizes %d %d %d", len(rep.Overdue), len(rep.Escalations), len(rep.Capacity.Reached), len(rep.Capacity.Behind),
		unsafe.Sizeof(zone.OverdueItem{}), unsafe.Sizeof(zone.EscalationItem{}), unsafe.Sizeof(zone.CapacityItem{}))
}
