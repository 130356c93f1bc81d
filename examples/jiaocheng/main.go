// Command jiaocheng evaluates the synthetic project portfolio of the
// Jiaocheng economic development zone (交城经济开发区) against its rule set and
// prints, chain by chain, what the chain-leader system (链长制) gives the
// projects chain leaders bring in: priority for production factors and land
// once the project has landed, and the fiscal awards (referral and on-time
// production awards; their rates are example values).
//
// The evaluation date is fixed, so the output is the same on every run:
//
//	go run ./examples/jiaocheng
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/examples"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/land"
	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// asOf is the evaluation date of the report; the program never reads the
// clock.
var asOf = date.New(2026, 11, 23)

// The programmes of policy.yaml this report shows.
const (
	factorPriority   = "chain-factor-priority"
	referralAward    = "chain-referral-award"
	productionAward  = "chain-production-award"
	chainLeaderFact  = "chain_leader_project"
	noChain          = "(链长制产业链以外)"
	notChainSourced  = "非链长招引"
	awaitingLanding  = "待落地后享受"
	undecidedMessage = "待定"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "jiaocheng:", err)
		os.Exit(1)
	}
}

// evaluated is one project with its evaluation.
type evaluated struct {
	p *zone.Project
	r *rules.Result
}

func run(w io.Writer) error {
	set, err := rules.LoadFS(examples.FS, "jiaocheng/policy.yaml")
	if err != nil {
		return describe(err)
	}
	projects, err := rules.LoadProjectsFS(set, examples.FS, "jiaocheng/projects.yaml")
	if err != nil {
		return describe(err)
	}
	z := set.Zone()
	if z == nil {
		return fmt.Errorf("the rule set %s has no zone: section", set.ID())
	}

	// Group the projects by the chain of their industry.
	byChain := map[string][]evaluated{}
	for _, p := range projects {
		r, err := set.Evaluate(p, asOf)
		if err != nil {
			return fmt.Errorf("project %s: %w", p.ID, err)
		}
		key := noChain
		if cs := z.ChainsOf(p.Industry); len(cs) > 0 {
			key = cs[0].Ref.ID
		}
		byChain[key] = append(byChain[key], evaluated{p, r})
	}

	fmt.Fprintf(w, "%s — %d 个项目(合成数据), 评估日期 %s\n", set.Title(), len(projects), asOf)
	var referral, production decimal.Decimal
	sourced, landed := 0, 0
	for _, c := range z.Chains() {
		fmt.Fprintf(w, "\n%s  链长: %s  链主: %s\n%s\n", c.Ref.Label, c.ChainLeader, strings.Join(c.Leaders, "、"), strings.Repeat("─", 40))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "项目\t名称\t投资额\t阶段\t要素及土地优先\t引荐奖励\t投产奖励\n")
		for _, e := range byChain[c.Ref.ID] {
			row(tw, e)
			if e.p.ChainLeaderSourced != nil && *e.p.ChainLeaderSourced {
				sourced++
				if truth(e.r, chainLeaderFact) == zone.True {
					landed++
				}
			}
			referral = referral.Add(awarded(e.r, referralAward))
			production = production.Add(awarded(e.r, productionAward))
		}
		tw.Flush()
	}
	if others := byChain[noChain]; len(others) > 0 {
		fmt.Fprintf(w, "\n%s\n%s\n", noChain, strings.Repeat("─", 40))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "项目\t名称\t投资额\t阶段\t要素及土地优先\t引荐奖励\t投产奖励\n")
		for _, e := range others {
			row(tw, e)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\n链长招引项目 %d 个, 其中已落地享受优先保障 %d 个; 引荐奖励合计 %s, 投产奖励合计 %s\n",
		sourced, landed, land.FormatMoney(referral), land.FormatMoney(production))
	return nil
}

// row prints one project: its stage and what the chain-leader system gives it.
func row(w io.Writer, e evaluated) {
	inv := "-"
	if e.p.Investment != nil {
		inv = land.FormatMoney(*e.p.Investment)
	}
	stageLabel := "未签约"
	if e.r.Lifecycle != nil && e.r.Lifecycle.Stage.ID != "" {
		stageLabel = e.r.Lifecycle.Stage.Ref.Label
	}
	var priority string
	switch {
	case e.p.ChainLeaderSourced == nil:
		priority = undecidedMessage + "(未记录是否链长招引)"
	case !*e.p.ChainLeaderSourced:
		priority = notChainSourced
	default:
		priority = verdict(e.r, factorPriority)
		if truth(e.r, "landed") == zone.False {
			priority = awaitingLanding
		}
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.p.ID, e.p.Name, inv, stageLabel,
		priority, verdict(e.r, referralAward), verdict(e.r, productionAward))
}

// verdict describes the outcome of programme id: its status, with the
// amount of an awarded money programme.
func verdict(r *rules.Result, id string) string {
	if r.Incentives == nil {
		return "-"
	}
	v, ok := r.Incentives.Lookup(id)
	if !ok {
		return "-"
	}
	switch {
	case v.Status == incentive.Awarded && v.IsMoney() && v.AmountKnown:
		return land.FormatMoney(v.Amount)
	case v.Status == incentive.Awarded:
		return "享受"
	case v.Status == incentive.Ineligible:
		return "-"
	}
	return v.Status.Label()
}

// awarded returns the amount awarded by programme id, or zero.
func awarded(r *rules.Result, id string) decimal.Decimal {
	if r.Incentives == nil {
		return decimal.Zero
	}
	v, ok := r.Incentives.Lookup(id)
	if !ok || v.Status != incentive.Awarded || !v.AmountKnown {
		return decimal.Zero
	}
	return v.Amount
}

// truth returns the verdict of the named condition.
func truth(r *rules.Result, name string) zone.Truth {
	for _, c := range r.Conditions {
		if c.Ref.ID == name {
			return c.Explanation.Truth
		}
	}
	return zone.Unknown
}

// describe renders rule-file diagnostics with their source lines, so that a
// mistake in an edited YAML file shows where it is.
func describe(err error) error {
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	var b strings.Builder
	if werr := ds.WriteText(&b, func(name string) ([]byte, error) { return fs.ReadFile(examples.FS, name) }); werr != nil {
		return err
	}
	return fmt.Errorf("the example files do not load:\n%s", b.String())
}
