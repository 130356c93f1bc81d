package rules_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// FuzzIncentives loads arbitrary rule files seeded with budgets: and
// incentives: sections. Properties, beyond FuzzLoad's: the section checks
// catch everything incentive.New would refuse, so no internal fault
// (file.read) is ever reported; a rule set that loads with either section
// has an incentive.Set, whose verdicts cover every programme, and whose
// ledger holds every earmark.
func FuzzIncentives(f *testing.F) {
	for _, glob := range []string{"testdata/incentives/*.yaml", "testdata/budgets-*/rules.yaml", "testdata/incentives-*/rules.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(benchIncentives))
	f.Fuzz(func(t *testing.T, src []byte) {
		set, err := rules.LoadFS(fstest.MapFS{"rules.yaml": {Data: src}}, "rules.yaml")
		var ds rules.Diagnostics
		if err != nil && !errors.As(err, &ds) {
			t.Fatalf("error of type %T", err)
		}
		for _, d := range ds {
			if d.Code == rules.CodeFileRead {
				t.Fatalf("internal fault: %v (%s)", d, d.Detail)
			}
		}
		if set == nil || set.Incentives() == nil {
			return
		}
		inc := set.Incentives()
		r := inc.Evaluate(zone.NewContext(&zone.Project{}, d("2025-06-01"), nil))
		if len(r.Verdicts) != len(inc.Programmes()) {
			t.Errorf("%d verdicts for %d programmes", len(r.Verdicts), len(inc.Programmes()))
		}
		earmarks := 0
		for _, b := range inc.Budgets() {
			earmarks += len(b.Earmarks)
		}
		if n := len(inc.NewLedger().Balances()); n != earmarks {
			t.Errorf("the ledger has %d earmarks, the budgets %d", n, earmarks)
		}
	})
}
