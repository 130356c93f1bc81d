package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// The budgets: and incentives: sections compile together into one
// incentive.Set: programmes draw on the budgets' earmarks. Each section's
// row has a compile function; whichever runs does the work for both, once:
// budgets: is compiled alone only when no file has an incentives: section,
// and otherwise by the incentives: row, which reads the budgets of every
// layer itself.

func compileBudgetsSection(c *compiler, _ []*SectionDecl) {
	if incentivesWritten(c) {
		return // compiled with the programmes
	}
	newIncentiveCompiler(c).run()
}

func compileIncentivesSection(c *compiler, _ []*SectionDecl) {
	newIncentiveCompiler(c).run()
}

// incentivesWritten reports whether any layer has an incentives: section.
func incentivesWritten(c *compiler) bool {
	for _, f := range c.layers {
		for _, d := range f.Sections {
			if d.Name.Value == "incentives" {
				return true
			}
		}
	}
	return false
}

// incentiveCompiler compiles the merged budgets and programmes of all
// layers.
type incentiveCompiler struct {
	c      *compiler
	failed bool // an error was reported: no incentive.Set is built

	budgets   []*budgetDecl // merged, base first
	budgetIdx map[string]int
	progs     []*programmeDecl // merged, base first
	progIdx   map[string]int
}

func newIncentiveCompiler(c *compiler) *incentiveCompiler {
	ic := &incentiveCompiler{c: c, budgetIdx: map[string]int{}, progIdx: map[string]int{}}
	for _, f := range c.layers {
		for _, d := range f.Sections {
			switch s := d.syntax.(type) {
			case []*budgetDecl:
				ic.budgets = mergeIncentiveLayer(ic.budgets, ic.budgetIdx, s, func(b *budgetDecl) string { return b.ID.Value })
			case []*programmeDecl:
				ic.progs = mergeIncentiveLayer(ic.progs, ic.progIdx, s, func(p *programmeDecl) string { return p.ID.Value })
			}
		}
	}
	return ic
}

// mergeIncentiveLayer applies one layer's items to the merged list: an item
// whose id is already there replaces it in place, a new id is appended.
func mergeIncentiveLayer[T any](merged []T, index map[string]int, layer []T, id func(T) string) []T {
	for _, item := range layer {
		if i, ok := index[id(item)]; ok {
			merged[i] = item
			continue
		}
		index[id(item)] = len(merged)
		merged = append(merged, item)
	}
	return merged
}

func (ic *incentiveCompiler) errorf(code string, pos Pos, path, detail, format string, args ...any) *Diagnostic {
	ic.failed = true
	return ic.c.errorf(code, pos, path, detail, format, args...)
}

func (ic *incentiveCompiler) warnf(code string, pos Pos, path, detail, format string, args ...any) *Diagnostic {
	return ic.c.add(SeverityWarning, code, pos, path, detail, format, args...)
}

func (ic *incentiveCompiler) run() {
	var spec incentive.Spec
	// A rule that is not ok has a problem reported here or by parse (a
	// missing key, a malformed list): no incentive.Set is built then.
	for _, b := range ic.budgets {
		v, ok := ic.budget(b)
		spec.Budgets = append(spec.Budgets, v)
		ic.failed = ic.failed || !ok
	}
	for _, g := range ic.progs {
		v, ok := ic.programme(g)
		spec.Programmes = append(spec.Programmes, v)
		ic.failed = ic.failed || !ok
	}
	ic.excludes()
	ic.groups()
	if ic.failed || ic.c.env == nil {
		return
	}
	set, err := incentive.New(spec)
	if err != nil {
		ic.internal(err)
		return
	}
	ic.c.set.incentives = set
}

// internal reports what incentive.New refused although the checks above
// passed: a fault in devzone, positioned at the rule concerned.
func (ic *incentiveCompiler) internal(err error) {
	for _, e := range unwrapAll(err) {
		pos, path := Pos{File: ic.c.layers[len(ic.c.layers)-1].Name, Line: 1, Col: 1}, ""
		var pe *incentive.ProgrammeError
		var be *incentive.BudgetError
		var se *incentive.BudgetSumError
		switch {
		case errors.As(e, &pe):
			if i, ok := ic.progIdx[pe.Programme]; ok {
				pos, path = ic.progs[i].ID.Pos, ic.progs[i].Path
			}
		case errors.As(e, &be):
			if i, ok := ic.budgetIdx[be.Budget]; ok {
				pos, path = ic.budgets[i].ID.Pos, ic.budgets[i].Path
			}
		case errors.As(e, &se):
			if i, ok := ic.budgetIdx[se.Budget]; ok {
				pos, path = ic.budgets[i].ID.Pos, ic.budgets[i].Path
			}
		}
		ic.errorf(CodeFileRead, pos, path,
			"This is a fault in devzone, not in the rule file; please report it with the file. ("+e.Error()+")",
			"the incentives could not be compiled")
	}
}

// incentiveRef returns the zone.Ref of a rule written with id, label and
// cite; its position is where the id is written.
func incentiveRef(id, label, cite Scalar) zone.Ref {
	return zone.Ref{ID: id.Value, Label: label.Value, Cite: cite.Value,
		Pos: zone.Pos{File: id.Pos.File, Line: id.Pos.Line, Col: id.Pos.Col}}
}

// money reads an amount of money; ok is false after reporting a value that
// is not one.
func (ic *incentiveCompiler) money(s Scalar, path string) (decimal.Decimal, bool) {
	v, _, ok := ic.c.scalarValue(s, expr.KindMoney, path)
	if !ok {
		ic.failed = true
		return decimal.Decimal{}, false
	}
	return v.Decimal(), true
}

// positive reads an amount that must be more than 0元.
func (ic *incentiveCompiler) positive(s Scalar, path, code, what string) (decimal.Decimal, bool) {
	d, ok := ic.money(s, path)
	if ok && d.Sign() <= 0 {
		ic.errorf(code, s.Pos, path,
			fmt.Sprintf("Write %s as an amount above zero, such as 500万元.", what),
			"%s must be more than 0元, not %s", what, s.Value)
		return d, false
	}
	return d, ok
}

// ruleIDDetail explains the ids of budgets, earmarks, programmes and
// groups: they are written in earmark: budget/earmark and in excludes:, so
// they are checked like rule-set ids (validID).
const ruleIDDetail = "An id is written with ASCII letters, digits, - and _, starting with a letter or digit, for example prephase-2025 or land-entry. The Chinese name goes in label:."

func (ic *incentiveCompiler) budget(b *budgetDecl) (incentive.Budget, bool) {
	ok := b.ID.IsSet() && b.Label.IsSet() && b.Year.IsSet() && b.Total.IsSet()
	out := incentive.Budget{Ref: incentiveRef(b.ID, b.Label, b.Cite)}
	if !validID(b.ID.Value) {
		ic.errorf(CodeBudgetInvalidID, b.ID.Pos, b.Path+".id", ruleIDDetail, "%q cannot be used as the id of a budget", b.ID.Value)
		ok = false
	}
	if b.Year.IsSet() {
		y, err := strconv.Atoi(b.Year.Value)
		if err != nil || y < 1900 || y > 9999 || len(b.Year.Value) != 4 {
			ic.errorf(CodeBudgetInvalidYear, b.Year.Pos, b.Path+".year",
				"Write the budget year (预算年度) as four digits, for example year: 2025.",
				"%q is not a budget year", b.Year.Value)
			ok = false
		}
		out.Year = y
	}
	sumOK := ok
	if b.Total.IsSet() {
		var good bool
		out.Total, good = ic.positive(b.Total, b.Path+".total", CodeBudgetInvalidAmount, "the total (总额)")
		ok, sumOK = ok && good, sumOK && good
	}
	if b.Unallocated.IsSet() {
		d, good := ic.money(b.Unallocated, b.Path+".unallocated")
		if good && d.Sign() < 0 {
			ic.errorf(CodeBudgetInvalidAmount, b.Unallocated.Pos, b.Path+".unallocated",
				"unallocated: is the part of the total deliberately left without an earmark: 0 or more.",
				"the unallocated remainder cannot be negative")
			good = false
		}
		out.Unallocated = d
		ok, sumOK = ok && good, sumOK && good
	}
	for _, e := range b.Earmarks {
		em := incentive.Earmark{Ref: incentiveRef(e.ID, e.Label, e.Cite)}
		if !validID(e.ID.Value) {
			ic.errorf(CodeBudgetInvalidID, e.ID.Pos, e.Path+".id", ruleIDDetail, "%q cannot be used as the id of an earmark", e.ID.Value)
			ok = false
		}
		good := e.Amount.IsSet() && e.Label.IsSet()
		if e.Amount.IsSet() {
			var g bool
			em.Amount, g = ic.positive(e.Amount, e.Path+".amount", CodeBudgetInvalidAmount, "an earmark's amount")
			good = good && g
		}
		ok, sumOK = ok && good, sumOK && good
		out.Earmarks = append(out.Earmarks, em)
	}
	if b.EarmarksPos.IsValid() && len(b.Earmarks) == 0 && !b.earmarksBroken {
		ic.errorf(CodeBudgetNoEarmarks, b.EarmarksPos, b.Path+".earmarks",
			"List what the budget is divided into (专项列支), each with an id, a label and an amount, for example\n  earmarks:\n    - {id: land-entry, label: 项目进地清单, amount: 1000万元}",
			"budget %s has no earmarks", b.ID.Value)
		return out, false
	}
	if b.earmarksBroken {
		ok = false // reported by parse: the earmarks cannot be summed
	} else if sumOK && len(b.Earmarks) > 0 {
		ok = ic.checkSum(b, out) && ok
	}
	return out, ok
}

// checkSum reports a budget whose earmarks, with the declared unallocated
// remainder, do not add up exactly to its total.
func (ic *incentiveCompiler) checkSum(b *budgetDecl, v incentive.Budget) bool {
	var sum decimal.Decimal
	terms := make([]string, 0, len(v.Earmarks)+1)
	var related []Pos
	for i, e := range v.Earmarks {
		sum = sum.Add(e.Amount)
		terms = append(terms, quantity.FormatMoney(e.Amount))
		related = append(related, b.Earmarks[i].Amount.Pos)
	}
	if b.Unallocated.IsSet() {
		terms = append(terms, quantity.FormatMoney(v.Unallocated)+" unallocated")
		related = append(related, b.Unallocated.Pos)
	}
	diff := v.Total.Sub(sum).Sub(v.Unallocated)
	if diff.IsZero() {
		return true
	}
	fm := quantity.FormatMoney
	what := "the earmarks"
	if b.Unallocated.IsSet() {
		what = "the earmarks and the unallocated remainder"
	}
	var summary, fix string
	if diff.Sign() > 0 {
		summary = fmt.Sprintf("%s of budget %s add up to %s, %s short of the total %s", what, b.ID.Value, fm(sum.Add(v.Unallocated)), fm(diff), fm(v.Total))
		fix = fmt.Sprintf("Correct the earmark amounts, or, if %s of the budget is deliberately not earmarked, declare it: unallocated: %s.", fm(diff), fm(diff.Add(v.Unallocated)))
	} else {
		summary = fmt.Sprintf("%s of budget %s add up to %s, %s more than the total %s", what, b.ID.Value, fm(sum.Add(v.Unallocated)), fm(diff.Neg()), fm(v.Total))
		fix = "Earmarks cannot hand out more than the budget holds: correct the earmark amounts or the total."
	}
	ic.errorf(CodeBudgetSumMismatch, b.Total.Pos, b.Path+".total",
		fmt.Sprintf("%s ≠ %s = %s; the difference is %s. %s", fm(v.Total), strings.Join(terms, " + "), fm(sum.Add(v.Unallocated)), fm(diff.Abs()), fix),
		"%s", summary).Related = related
	return false
}

func (ic *incentiveCompiler) programme(g *programmeDecl) (incentive.Programme, bool) {
	out := incentive.Programme{Ref: incentiveRef(g.ID, g.Label, g.Cite), Group: g.Group.Value}
	ok := g.Label.IsSet()
	if !validID(g.ID.Value) {
		ic.errorf(CodeIncentiveInvalidID, g.ID.Pos, g.Path+".id", ruleIDDetail, "%q cannot be used as the id of an incentive", g.ID.Value)
		ok = false
	}
	service := g.Benefit != nil && g.Benefit.Form == incentive.FormService
	if g.Benefit == nil || g.Benefit.Form == incentive.FormUnknown {
		ok = false // reported by parse
	} else {
		b, good := ic.benefit(g.Benefit)
		out.Benefit, ok = b, ok && good
	}
	notMoney := func(s Scalar, key, why string) {
		ic.errorf(CodeIncentiveNotMoney, s.Pos, g.Path+"."+key,
			fmt.Sprintf("%s grants a service (%s), not money: %s Remove %s:.", g.ID.Value, g.Benefit.Entitlement.Value, why, key),
			"%s: is only for programmes that give money", key)
		ok = false
	}
	if r := g.Rounding; r != nil {
		if service {
			notMoney(Scalar{Pos: r.Pos}, "rounding", "there is no amount to round.")
		} else if rd, good := ic.rounding(r); good {
			out.Rounding = rd
		} else {
			ok = false
		}
	}
	if g.Earmark.IsSet() {
		if service {
			notMoney(g.Earmark, "earmark", "only money is paid from a budget earmark.")
		} else if ref, good := ic.earmark(g); good {
			out.Earmark = ref
		} else {
			ok = false
		}
	}
	if g.Group.IsSet() {
		switch {
		case service:
			notMoney(g.Group, "group", "in a stacking group (就高不重复) only the largest amount applies, and a service has none. Use excludes: to say that a service rules out another programme.")
		case !validID(g.Group.Value):
			ic.errorf(CodeIncentiveInvalidGroup, g.Group.Pos, g.Path+".group",
				"A group is named like an id, with ASCII letters, digits, - and _, for example land-support. Programmes with the same group: pay only the largest of their amounts (就高不重复).",
				"%q cannot be used as the name of a stacking group", g.Group.Value)
			ok = false
		}
	}
	if g.When.IsSet() && ic.c.env != nil {
		prog := ic.c.compileExpr(ic.c.env, g.When, g.Path+".when", expr.KindBool)
		if prog == nil {
			ic.failed, ok = true, false
		} else {
			out.Eligibility = &Condition{set: ic.c.set, prog: prog, label: g.Label.Value, cite: g.Cite.Value, pos: g.When.Pos, whenPos: g.When.Pos}
		}
	}
	for _, x := range g.Excludes {
		out.Excludes = append(out.Excludes, x.Value)
	}
	if ok && !out.Earmark.IsZero() {
		ic.exceedsEarmark(g, out)
	}
	return out, ok
}

// benefit compiles a benefit whose form parse determined.
func (ic *incentiveCompiler) benefit(d *benefitDecl) (incentive.Benefit, bool) {
	b := incentive.Benefit{Form: d.Form}
	ok := true
	switch d.Form {
	case incentive.FormService:
		e, found := incentive.LookupEntitlement(d.Entitlement.Value)
		if !found {
			var ids, list []string
			for _, e := range incentive.BuiltinEntitlements() {
				ids = append(ids, e.ID)
				list = append(list, e.ID+" ("+e.Label+")")
			}
			detail := "The services devzone knows are: " + strings.Join(list, ", ") + "."
			if sug := yamlnode.Suggest(d.Entitlement.Value, ids); sug != "" {
				detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
			}
			ic.errorf(CodeIncentiveUnknownEntitlement, d.Entitlement.Pos, d.Path+".entitlement", detail,
				"unknown entitlement %q", d.Entitlement.Value)
			return b, false
		}
		b.Entitlement = e
		return b, true
	case incentive.FormFixed:
		b.Amount, ok = ic.positive(d.Amount, d.Path+".amount", CodeIncentiveInvalidAmount, "a fixed amount")
		return b, ok
	case incentive.FormRate:
		b.Rate, ok = ic.rate(d.Rate, d.Path+".rate")
	case incentive.FormBands:
		ok = ic.bands(d, &b)
	}
	if ic.c.env != nil {
		if b.Base = ic.amountExpr(d.Of, d.Path+".of"); b.Base == nil {
			ok = false
		}
		if d.AppliedTo.IsSet() {
			if b.Of = ic.amountExpr(d.AppliedTo, d.Path+".applied_to"); b.Of == nil {
				ok = false
			}
		}
	}
	if d.Cap.IsSet() {
		c, good := ic.positive(d.Cap, d.Path+".cap", CodeIncentiveInvalidAmount, "the cap (最高限额)")
		b.Cap, ok = &c, ok && good
	}
	if d.Floor.IsSet() {
		f, good := ic.positive(d.Floor, d.Path+".floor", CodeIncentiveInvalidAmount, "the floor (最低额)")
		b.Floor, ok = &f, ok && good
		if good && b.Cap != nil && b.Cap.Sign() > 0 && f.GreaterThan(*b.Cap) {
			ic.errorf(CodeIncentiveFloorAboveCap, d.Floor.Pos, d.Path+".floor",
				fmt.Sprintf("The least the programme pays (floor: %s) cannot be more than the most it pays (cap: %s).", quantity.FormatMoney(f), quantity.FormatMoney(*b.Cap)),
				"the floor %s is above the cap %s", quantity.FormatMoney(f), quantity.FormatMoney(*b.Cap)).Related = []Pos{d.Cap.Pos}
			ok = false
		}
	}
	return b, ok
}

// amountExpr compiles a money expression (of:, applied_to:) into an
// incentive.Amount, or returns nil after its errors were reported.
func (ic *incentiveCompiler) amountExpr(s Scalar, path string) incentive.Amount {
	if !s.IsSet() {
		return nil // reported by parse
	}
	prog := ic.c.compileExpr(ic.c.env, s, path, expr.KindMoney)
	if prog == nil {
		ic.failed = true
		return nil
	}
	return &moneyAmount{set: ic.c.set, prog: prog}
}

// rate reads a rate: more than 0% and at most 100%.
func (ic *incentiveCompiler) rate(s Scalar, path string) (decimal.Decimal, bool) {
	v, _, ok := ic.c.scalarValue(s, expr.KindPercent, path)
	if !ok {
		ic.failed = true
		return decimal.Decimal{}, false
	}
	r := v.Decimal()
	if r.Sign() <= 0 || r.GreaterThan(decimal.New(1, 0)) {
		detail := "A rate is a share of the amount: more than 0% and at most 100%, such as 10%."
		if !strings.ContainsAny(s.Value, "%％") && r.GreaterThan(decimal.New(1, 0)) && !r.GreaterThan(decimal.New(100, 0)) {
			detail += fmt.Sprintf(" A number without %% is a fraction (0.1 is 10%%): for %s percent write %s%%.", s.Value, s.Value)
		}
		shown := s.Value
		if !strings.ContainsAny(s.Value, "%％") {
			shown += " (" + quantity.FormatPercent(r) + ")"
		}
		ic.errorf(CodeIncentiveInvalidRate, s.Pos, path, detail, "the rate %s is not between 0%% and 100%%", shown)
		return r, false
	}
	return r, true
}

// bands compiles the tiers of a banded benefit into b.
func (ic *incentiveCompiler) bands(d *benefitDecl, b *incentive.Benefit) bool {
	ok := !d.bandsBroken
	b.Banding = incentive.WholeBase
	if d.Banding.IsSet() {
		mode, known := parseBandingName(d.Banding.Value)
		switch {
		case !known:
			detail := "Use whole_base (全额分档: the band the amount falls in sets the rate for all of it) or progressive (超额累进: each rate applies to the part of the amount inside its band)."
			if sug := yamlnode.Suggest(d.Banding.Value, []string{"whole_base", "progressive"}); sug != "" {
				detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
			}
			ic.errorf(CodeIncentiveInvalidBanding, d.Banding.Pos, d.Path+".banding", detail, "unknown banding %q", d.Banding.Value)
			ok = false
		case mode == incentive.Progressive && d.AppliedTo.IsSet():
			ic.errorf(CodeIncentiveInvalidBanding, d.AppliedTo.Pos, d.Path+".applied_to",
				"With progressive bands (超额累进) each rate applies to the part of of: inside its band, so there is nothing else to apply it to. Remove applied_to:, or use banding: whole_base.",
				"applied_to: cannot be used with progressive bands")
			ok = false
		}
		b.Banding = mode
	}
	var prev *decimal.Decimal
	var prevPos Pos
	for _, band := range d.Bands {
		var v incentive.Band
		good := band.From.IsSet() && band.Rate.IsSet()
		if band.From.IsSet() {
			from, g := ic.money(band.From, band.Path+".from")
			switch {
			case g && from.Sign() < 0:
				ic.errorf(CodeIncentiveInvalidAmount, band.From.Pos, band.Path+".from",
					"A band starts at 0元 or more: from: is the smallest amount in the band.", "a band cannot start below 0元")
				g = false
			case g && prev != nil && !from.GreaterThan(*prev):
				ic.errorf(CodeIncentiveBandOrder, band.From.Pos, band.Path+".from",
					fmt.Sprintf("List the bands from the lowest to the highest: each from: must be more than the one before (%s). A band runs from its from: up to the next band's.", quantity.FormatMoney(*prev)),
					"the bands are not in increasing order: %s does not come after %s", quantity.FormatMoney(from), quantity.FormatMoney(*prev)).Related = []Pos{prevPos}
				g = false
			}
			if g {
				prev, prevPos = &from, band.From.Pos
			}
			v.From, good = from, good && g
		}
		if band.Rate.IsSet() {
			r, g := ic.rate(band.Rate, band.Path+".rate")
			v.Rate, good = r, good && g
		}
		if band.Cap.IsSet() {
			c, g := ic.positive(band.Cap, band.Path+".cap", CodeIncentiveInvalidAmount, "a band's cap")
			v.Cap, good = &c, good && g
		}
		ok = ok && good
		b.Bands = append(b.Bands, v)
	}
	return ok
}

// rounding compiles rounding: {places, mode}.
func (ic *incentiveCompiler) rounding(r *roundingDecl) (incentive.Rounding, bool) {
	var out incentive.Rounding
	if !r.Mode.IsSet() {
		return out, false // reported as a missing key
	}
	mode, err := incentive.ParseRoundMode(r.Mode.Value)
	if err != nil {
		detail := "The modes are half_up (四舍五入), half_even (银行家舍入), down (舍去) and none (不取舍: keep the exact amount)."
		if sug := yamlnode.Suggest(r.Mode.Value, []string{"half_up", "half_even", "down", "none"}); sug != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
		}
		ic.errorf(CodeIncentiveInvalidRounding, r.Mode.Pos, r.Path+".mode", detail, "unknown rounding mode %q", r.Mode.Value)
		return out, false
	}
	out.Mode = mode
	if r.Places.IsSet() {
		v, _, ok := ic.c.scalarValue(r.Places, expr.KindInt, r.Path+".places")
		if !ok {
			ic.failed = true
			return out, false
		}
		n := v.Int()
		switch {
		case n < -8 || n > 8:
			ic.errorf(CodeIncentiveInvalidRounding, r.Places.Pos, r.Path+".places",
				"places: counts decimal places of yuan, from -8 to 8: 2 keeps 分 (0.01元), 0 whole yuan, -4 whole 万元.",
				"places: %d is out of range", n)
			return out, false
		case mode == incentive.RoundNone && n != 0:
			ic.errorf(CodeIncentiveInvalidRounding, r.Mode.Pos, r.Path+".mode",
				"mode: none keeps the exact amount, so it takes no places:. To round, use half_up (四舍五入), half_even (银行家舍入) or down (舍去).",
				"rounding to %d places needs a rounding mode", n)
			return out, false
		}
		out.Places = int32(n)
	}
	return out, true
}

// earmark resolves earmark: budget/earmark against the merged budgets.
func (ic *incentiveCompiler) earmark(g *programmeDecl) (incentive.EarmarkRef, bool) {
	s, path := g.Earmark, g.Path+".earmark"
	budget, em, found := strings.Cut(s.Value, "/")
	if !found || budget == "" || em == "" || strings.Contains(em, "/") {
		ic.errorf(CodeIncentiveEarmarkFormat, s.Pos, path,
			"Write the budget's id and the earmark's id with a / between them, for example earmark: prephase-2025/relics.",
			"%q does not name a budget earmark", s.Value)
		return incentive.EarmarkRef{}, false
	}
	bi, ok := ic.budgetIdx[budget]
	if !ok {
		var ids []string
		for _, b := range ic.budgets {
			ids = append(ids, b.ID.Value)
		}
		detail := "The budgets are declared under budgets:."
		if len(ids) > 0 {
			detail = "The budgets are: " + strings.Join(ids, ", ") + "."
		}
		if sug := yamlnode.Suggest(budget, ids); sug != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
		}
		ic.errorf(CodeIncentiveUnknownBudget, s.Pos, path, detail, "there is no budget %q", budget)
		return incentive.EarmarkRef{}, false
	}
	b := ic.budgets[bi]
	var ids, list []string
	for _, e := range b.Earmarks {
		ids = append(ids, e.ID.Value)
		list = append(list, e.ID.Value+" ("+e.Label.Value+")")
		if e.ID.Value == em {
			return incentive.EarmarkRef{Budget: budget, Earmark: em}, true
		}
	}
	if b.earmarksBroken {
		ic.failed = true // the budget's earmarks were reported already
		return incentive.EarmarkRef{}, false
	}
	detail := fmt.Sprintf("The earmarks of %s (%s) are: %s.", budget, b.Label.Value, strings.Join(list, ", "))
	if sug := yamlnode.Suggest(em, ids); sug != "" {
		detail = fmt.Sprintf("Did you mean %q? %s", budget+"/"+sug, detail)
	}
	ic.errorf(CodeIncentiveUnknownEarmark, s.PosAt(len(budget)+1), path, detail, "budget %s has no earmark %q", budget, em).Related = []Pos{b.ID.Pos}
	return incentive.EarmarkRef{}, false
}

// exceedsEarmark warns when the most a programme can pay to one project is
// more than the whole earmark it draws on.
func (ic *incentiveCompiler) exceedsEarmark(g *programmeDecl, p incentive.Programme) {
	var most decimal.Decimal
	var at Scalar
	var path string
	switch {
	case p.Benefit.Cap != nil:
		most, at, path = *p.Benefit.Cap, g.Benefit.Cap, g.Benefit.Path+".cap"
	case p.Benefit.Form == incentive.FormFixed:
		most, at, path = p.Benefit.Amount, g.Benefit.Amount, g.Benefit.Path+".amount"
	default:
		return
	}
	b := ic.budgets[ic.budgetIdx[p.Earmark.Budget]]
	for _, e := range b.Earmarks {
		if e.ID.Value != p.Earmark.Earmark {
			continue
		}
		amt, err := quantity.ParseMoney(e.Amount.Value)
		if err != nil || !most.GreaterThan(amt) {
			return
		}
		ic.warnf(CodeIncentiveExceedsEarmark, at.Pos, path,
			fmt.Sprintf("%s can pay one project up to %s, but earmark %s (%s) holds %s in all, so the ledger would refuse such an award. Check the amounts, or draw on a larger earmark.",
				g.ID.Value, quantity.FormatMoney(most), g.Earmark.Value, e.Label.Value, quantity.FormatMoney(amt)),
			"one award of %s can be more than the whole earmark %s (%s)", g.ID.Value, g.Earmark.Value, quantity.FormatMoney(amt)).Related = []Pos{e.Amount.Pos}
		return
	}
}

// excludes checks every excludes: entry and reports exclusions that go
// round in a circle.
func (ic *incentiveCompiler) excludes() {
	var ids []string
	for _, g := range ic.progs {
		ids = append(ids, g.ID.Value)
	}
	// Stacking resolves a group as one unit, so exclusions link the
	// units: a group, or a programme outside any group.
	unit := func(i int) string {
		if g := ic.progs[i].Group.Value; g != "" && ic.progs[i].Benefit != nil && ic.progs[i].Benefit.Form != incentive.FormService {
			return "group " + g
		}
		return "programme " + ic.progs[i].ID.Value
	}
	type edge struct {
		to   string
		from int    // the programme that excludes
		at   Scalar // where the exclusion is written
		path string
	}
	edges := map[string][]edge{}
	var units []string
	for i := range ic.progs {
		if u := unit(i); !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	for i, g := range ic.progs {
		for k, x := range g.Excludes {
			path := fmt.Sprintf("%s.excludes[%d]", g.Path, k)
			j, ok := ic.progIdx[x.Value]
			switch {
			case !ok:
				detail := "The incentives are: " + strings.Join(ids, ", ") + "."
				if sug := yamlnode.Suggest(x.Value, ids); sug != "" {
					detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
				}
				ic.errorf(CodeIncentiveUnknownProgramme, x.Pos, path, detail, "there is no incentive %q", x.Value)
			case j == i:
				ic.errorf(CodeIncentiveInvalidExclude, x.Pos, path,
					"excludes: lists the other programmes that a project cannot have once it is awarded this one.",
					"incentive %s excludes itself", x.Value)
			case unit(i) == unit(j):
				ic.errorf(CodeIncentiveInvalidExclude, x.Pos, path,
					fmt.Sprintf("%s and %s are both in stacking group %s, where only the largest amount is paid (就高不重复) anyway. Remove the exclusion, or take one of them out of the group.", g.ID.Value, x.Value, g.Group.Value),
					"%s is in the same stacking group already", x.Value).Related = []Pos{ic.progs[j].Group.Pos}
			default:
				edges[unit(i)] = append(edges[unit(i)], edge{to: unit(j), from: i, at: x, path: path})
			}
		}
	}
	// Depth-first search for cycles, in declaration order; each cycle is
	// reported once, at the exclusion that closes it.
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stack []edge
	var visit func(u string)
	visit = func(u string) {
		state[u] = active
		for _, e := range edges[u] {
			switch state[e.to] {
			case unseen:
				stack = append(stack, e)
				visit(e.to)
				stack = stack[:len(stack)-1]
			case active:
				start := 0
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].from >= 0 && unit(stack[k].from) == e.to {
						start = k
						break
					}
				}
				cycle := append(slices.Clone(stack[start:]), e)
				var names []string
				var related []Pos
				for _, c := range cycle {
					names = append(names, ic.progs[c.from].ID.Value)
					if c.at.Pos != e.at.Pos {
						related = append(related, c.at.Pos)
					}
				}
				names = append(names, e.at.Value)
				ic.errorf(CodeIncentiveExcludeCycle, e.at.Pos, e.path,
					"Exclusions decide which programme gives way to which; in a circle ("+strings.Join(names, " excludes ")+") none can be decided first. Remove one of the exclusions. When only one of several money programmes may apply, put them in one stacking group (group:) instead, where the largest amount is paid (就高不重复).",
					"the exclusions go round in a circle: %s", strings.Join(names, " → ")).Related = related
			}
		}
		state[u] = done
	}
	for _, u := range units {
		if state[u] == unseen {
			visit(u)
		}
	}
}

// groups warns about a stacking group with a single programme, which
// stacks with nothing: usually a group name misspelt in one of two
// programmes.
func (ic *incentiveCompiler) groups() {
	members := map[string][]*programmeDecl{}
	var names []string
	for _, g := range ic.progs {
		if n := g.Group.Value; n != "" && validID(n) && (g.Benefit == nil || g.Benefit.Form != incentive.FormService) {
			if _, ok := members[n]; !ok {
				names = append(names, n)
			}
			members[n] = append(members[n], g)
		}
	}
	for _, n := range names {
		if len(members[n]) != 1 {
			continue
		}
		g := members[n][0]
		detail := fmt.Sprintf("Only %s is in group %s, so the group changes nothing: programmes with the same group: pay only the largest of their amounts (就高不重复).", g.ID.Value, n)
		others := slices.DeleteFunc(slices.Clone(names), func(s string) bool { return s == n })
		if sug := yamlnode.Suggest(n, others); sug != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", sug, detail)
		}
		ic.warnf(CodeIncentiveLoneGroup, g.Group.Pos, g.Path+".group", detail, "stacking group %s has only one programme", n)
	}
}
