package rules_test

import (
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// The budgets: and incentives: sections compile into one incentive.Set:
// Jinzhong's 2000万元 pre-phase fund in three earmarks, a dedicated service
// team for projects of 10亿元 and above, and a relic-survey programme that
// draws on one earmark (its rate and cap are example values). Set.Evaluate
// gives a verdict per programme; the set's ledger refuses to overspend an
// earmark.
func ExampleSet_Incentives() {
	fsys := fstest.MapFS{"policy.yaml": {Data: []byte(`devzone: 1
id: jinzhong
facts:
  relic_survey_cost: {type: money, label: 文物勘探发掘费用}
budgets:
  - id: prephase-2025
    label: 项目前期保障经费
    year: 2025
    total: 2000万元
    earmarks:
      - {id: land-entry, label: 项目进地清单, amount: 1000万元}
      - {id: special-infrastructure, label: 特殊项目基础设施配套, amount: 500万元}
      - {id: relics, label: 文物勘探发掘, amount: 500万元}
incentives:
  - id: dedicated-team
    label: 重大项目专班服务
    when: investment >= 10亿元
    benefit: {entitlement: dedicated_team}
  - id: relic-survey
    label: 地块文物勘探发掘费用保障
    benefit: {rate: 100%, of: relic_survey_cost, cap: 100万元}   # example values
    earmark: prephase-2025/relics
`)}}
	set, err := rules.LoadFS(fsys, "policy.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	investment := decimal.New(12, 8) // 12亿元
	project := &zone.Project{ID: "JZ-2025-001", Investment: &investment,
		Attributes: map[string]string{"relic_survey_cost": "80万元"}}
	r, err := set.Evaluate(project, calendar.MustParseDate("2025-07-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range r.Incentives.Verdicts {
		fmt.Printf("%s %s: %s\n", v.Ref.Label, v.Status.Label(), v.Arithmetic())
	}

	ledger := set.Incentives().NewLedger()
	v, _ := r.Incentives.Lookup("relic-survey")
	entry := incentive.Entry{ID: "a-001", Kind: incentive.Allocation, Budget: v.Earmark.Budget, Earmark: v.Earmark.Earmark,
		Project: project.ID, Amount: v.Amount, Date: calendar.MustParseDate("2025-07-02"), Purpose: "地块文物勘探"}
	fmt.Println(ledger.Record(entry))
	entry.ID, entry.Amount = "a-002", decimal.New(450, 4) // 450万元
	var over *incentive.OverspendError
	if err := ledger.Record(entry); errors.As(err, &over) {
		fmt.Println("refused: available", quantity.FormatMoney(over.Available))
	}
	// Output:
	// 重大项目专班服务 可享受: grants 专班服务
	// 地块文物勘探发掘费用保障 可享受: relic_survey_cost 80万元 × 100% = 80万元
	// <nil>
	// refused: available 420万元
}
