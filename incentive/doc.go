// Package incentive models what a development zone gives the projects it
// attracts — incentive programmes (扶持奖励政策) with their eligibility,
// amounts and stacking rules — the budgets that pay for them, divided into
// earmarks, and the ledger of money allocated from those earmarks.
//
// The package has no YAML. Package rules compiles the incentives: and
// budgets: sections of a rule file into these types, with conditions and
// amounts backed by expressions; a Go program can build the same values
// directly.
//
// # Programmes
//
// A [Programme] has a [zone.Ref] (id, Chinese label, policy citation), an
// eligibility [zone.Condition] (nil: every project) and a [Benefit]:
//
//   - a fixed amount ([Fixed]);
//   - a rate times a base ([RateOf]), the base being an [Amount] such as the
//     project's [Investment] or an extra fact like equipment_purchase;
//   - tiered bands on a base ([Tiered]). The Shanxi 综改区 equipment subsidy
//     picks the band by fixed-asset investment — 1亿元 → 5%, 3亿元 → 8%,
//     5亿元 → 10% with at most 2亿元 — and pays that share of the new
//     equipment ([Benefit.Of]). A band's lower bound is inclusive, so a
//     project of exactly 3亿元 gets 8%. By default ([WholeBase]) the band's
//     rate applies to the whole amount, as Chinese subsidy tables (分档)
//     mean it; [Progressive] applies each rate to the slice of the base
//     inside its band (超额累进). A base below the lowest band earns nothing
//     and the programme is ineligible;
//   - or a non-monetary [Entitlement]: a dedicated service team (专班服务), a
//     project steward (项目管家), priority land and factor supply
//     (要素优先保障), fast-track review (容缺办理, 并联审批) … ([Grant]).
//
// Money may have a cap and a floor, and is rounded as the programme states
// ([Rounding]: places of yuan and half-up, half-even or down); rounding
// always passes its precision explicitly and never depends on the decimal
// package's global settings. All amounts are yuan (元) held exactly in
// [decimal.Decimal]; no floating point is used.
//
// # Stacking
//
// Programmes are cumulative unless said otherwise. A stacking group
// ([Programme.Group], 就高不重复) pays only the largest of its programmes a
// project qualifies for; on equal amounts, the one declared first. An
// exclusion ([Programme.Excludes]) says that when one programme is awarded
// another is not. Unknown facts are never guessed: when they leave the
// outcome open the programme is [Undecided] and [Verdict.By] names what it
// waits on. See [Set.Evaluate] for the exact rules.
//
// # Evaluation
//
// [New] checks a [Spec] and freezes it into a [Set], which is immutable and
// safe for concurrent use. [Set.Evaluate] takes a [zone.Context] — project,
// as-of date, calendar — and returns a [Result]: the awards with exact
// amounts, the undecided, the ineligible with the criteria that failed or
// were unknown, and the programmes suppressed by stacking with the one that
// applies instead. Every [Verdict] carries its programme's [zone.Ref], the
// eligibility [zone.Explanation] and the arithmetic ([Calculation]);
// [Verdict.Reason] puts them into words:
//
//	eligible: investment >= 10亿元; investment 30亿元 × 10% = 3亿元, capped at 2亿元
//
// Evaluation is a pure function of the set and the context, and allocates
// little: one array for the verdicts, plus what explanations and decimal
// arithmetic need.
//
// # Budgets and the ledger
//
// A [Budget] is a year's fund divided into [Earmark]s, which must add up
// exactly to its total unless the remainder is declared as unallocated:
// 2000万元 = 1000万元 + 500万元 + 500万元 is valid, 2000万元 = 1000万元 +
// 500万元 + 400万元 is a [*BudgetSumError] naming the budget, the total, the
// sum and the 100万元 difference.
//
// A [Ledger] records [Allocation]s of earmarked money to projects,
// [Release]s that return money from an allocation, and signed
// [Adjustment]s, and refuses, with an [*OverspendError], any entry that
// would take an earmark beyond its amount. Recording is idempotent by entry
// id. The ledger is the one mutable value in devzone: programmes, budgets
// and sets never change once built, while the ledger is a concurrency-safe
// in-memory record that the embedding system persists through
// [Ledger.Export] and [Ledger.Import] (JSON lines, amounts as exact decimal
// strings, dates as YYYY-MM-DD).
//
// # Example: Jinzhong
//
// The Jinzhong development zone of the Shanxi comprehensive-reform
// demonstration zone budgets 2000万元 a year for pre-phase support
// (项目前期保障经费): 1000万元 for the land-entry checklist (项目进地清单),
// 500万元 for infrastructure of special projects (特殊项目基础设施配套) and
// 500万元 for cultural-relic survey and excavation (文物勘探发掘). Projects of
// 10亿元 and above get a dedicated service team (专班). Here wan(n) is
// decimal.New(n, 4), n 万元 in yuan, yi(n) is decimal.New(n, 8), and atLeast
// is a condition on the investment (a [zone.Func], or an expression compiled
// by package rules):
//
//	prephase := incentive.Budget{
//		Ref:   zone.Ref{ID: "prephase-2025", Label: "项目前期保障经费"},
//		Year:  2025,
//		Total: wan(2000),
//		Earmarks: []incentive.Earmark{
//			{Ref: zone.Ref{ID: "land-entry", Label: "项目进地清单"}, Amount: wan(1000)},
//			{Ref: zone.Ref{ID: "infrastructure", Label: "特殊项目基础设施配套"}, Amount: wan(500)},
//			{Ref: zone.Ref{ID: "relics", Label: "文物勘探发掘"}, Amount: wan(500)},
//		},
//	}
//	team, _ := incentive.LookupEntitlement(incentive.DedicatedTeam)
//	set, err := incentive.New(incentive.Spec{
//		Budgets: []incentive.Budget{prephase},
//		Programmes: []incentive.Programme{{
//			Ref:         zone.Ref{ID: "major-project-team", Label: "重大项目专班服务"},
//			Eligibility: atLeast(yi(10)), // investment >= 10亿元
//			Benefit:     incentive.Grant(team),
//		}},
//	})
//	…
//	r := set.Evaluate(zone.NewContext(project, asOf, calendar.MainlandChina()))
//
//	ledger := set.NewLedger()
//	err = ledger.Record(incentive.Entry{ID: "a-001", Kind: incentive.Allocation,
//		Budget: "prephase-2025", Earmark: "land-entry", Project: "JZ-001",
//		Amount: wan(300), Date: date.New(2025, 6, 12), Purpose: "进地清单编制"})
//
// The package examples show these steps in full.
package incentive
