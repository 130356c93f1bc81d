package incentive

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// Programme is one incentive programme (扶持奖励政策): who is eligible, what
// they get, which budget earmark pays for it and how it stacks with other
// programmes. It is plain data; [New] checks it and keeps a copy.
type Programme struct {
	// Ref.ID is the programme id, unique in the set, e.g.
	// "equipment-subsidy"; Ref.Label its name, e.g. 设备购置补助; Ref.Cite
	// the policy clause.
	Ref zone.Ref
	// Eligibility is who qualifies, e.g. investment >= 10亿元. Nil means
	// every project.
	Eligibility zone.Condition
	// Benefit is what an eligible project gets.
	Benefit Benefit
	// Rounding is how money amounts are rounded; the zero Rounding keeps
	// them exact. It is not allowed for a FormService benefit.
	Rounding Rounding
	// Earmark is the budget earmark the money is paid from; the zero
	// EarmarkRef means none. Only money programmes draw on earmarks.
	Earmark EarmarkRef
	// Group names a stacking group (就高不重复): among the programmes of a
	// group that a project qualifies for, only the one with the largest
	// amount applies. "" (the zero value) means the programme is
	// cumulative: it adds to whatever else the project gets. Only money
	// programmes can be in a group.
	Group string
	// Excludes lists ids of programmes that this one rules out: when this
	// programme is awarded, they are not (享受本政策的，不再享受…).
	Excludes []string
}

// EarmarkRef names an earmark of a budget. The zero EarmarkRef names none.
type EarmarkRef struct {
	Budget  string // budget id
	Earmark string // earmark id within the budget
}

// IsZero reports whether r names no earmark.
func (r EarmarkRef) IsZero() bool { return r.Budget == "" && r.Earmark == "" }

// String returns budget/earmark, or "" for the zero EarmarkRef.
func (r EarmarkRef) String() string {
	if r.IsZero() {
		return ""
	}
	return r.Budget + "/" + r.Earmark
}

// Spec is the input to [New]: the programmes, in declaration order, and the
// budgets they draw on.
type Spec struct {
	Programmes []Programme
	Budgets    []Budget
}

// Set is a compiled set of incentive programmes with their budgets. It is
// immutable and safe for concurrent use: evaluate it from as many goroutines
// as you like, each with its own [zone.Context]. Build it with [New].
type Set struct {
	progs   []programme
	index   map[string]int
	nodes   []node // stacking resolution order
	budgets []Budget
}

// programme is a frozen Programme with what evaluation needs precomputed.
type programme struct {
	Programme
	cond       string // Eligibility.String(), "" when nil
	baseName   string
	ofName     string
	excludedBy []int // indexes of the programmes that exclude this one
}

// node is one unit of stacking resolution: a group, or a programme alone.
type node struct {
	group   string
	members []int // declaration order
}

// maxPlaces bounds Rounding.Places.
const maxPlaces = 8

// New checks the programmes and budgets and freezes them into a Set.
//
// Programmes need unique ids and a valid benefit: a positive fixed amount;
// a rate above 0 and at most 100%; bands in increasing order with such
// rates; a cap and floor above 0 with the floor not above the cap. Earmarks
// must exist in the budgets, which must themselves be valid (see
// [Budget.Validate]). Groups hold money programmes only. Exclusions must
// name other programmes outside the programme's own group, and must not form
// a cycle (A excludes B excludes A): express "one or the other" as a group.
//
// Every problem is reported, in a [*SpecError] holding [*ProgrammeError],
// [*BudgetError] and [*BudgetSumError] values. New copies everything it is
// given.
func New(s Spec) (*Set, error) {
	var errs []error
	set := &Set{index: make(map[string]int, len(s.Programmes))}
	budgetIDs := map[string]int{}
	for i, b := range s.Budgets {
		errs = append(errs, b.problems()...)
		if _, dup := budgetIDs[b.Ref.ID]; dup && b.Ref.ID != "" {
			errs = append(errs, &BudgetError{Budget: b.Ref.ID, Field: "id", Problem: "budget id is used twice"})
		}
		budgetIDs[b.Ref.ID] = i
		set.budgets = append(set.budgets, b.clone())
	}
	for i, p := range s.Programmes {
		perr := func(field, format string, args ...any) {
			errs = append(errs, &ProgrammeError{Programme: p.Ref.ID, Index: i, Field: field, Problem: fmt.Sprintf(format, args...)})
		}
		switch _, dup := set.index[p.Ref.ID]; {
		case p.Ref.ID == "":
			perr("id", "an incentive needs an id")
		case dup:
			perr("id", "incentive id %q is used twice", p.Ref.ID)
		default:
			set.index[p.Ref.ID] = i
		}
		checkBenefit(p.Benefit, perr)
		checkRounding(p, perr)
		if !p.Earmark.IsZero() {
			switch bi, ok := budgetIDs[p.Earmark.Budget]; {
			case !p.Benefit.IsMoney():
				perr("earmark", "only money is paid from a budget; remove the earmark from a service")
			case !ok:
				perr("earmark", "there is no budget %q", p.Earmark.Budget)
			default:
				if _, ok := s.Budgets[bi].Earmark(p.Earmark.Earmark); !ok {
					perr("earmark", "budget %s has no earmark %q", p.Earmark.Budget, p.Earmark.Earmark)
				}
			}
		}
		if p.Group != "" && !p.Benefit.IsMoney() && p.Benefit.Form != FormUnknown {
			perr("group", "only money programmes can be in a stacking group, where the largest amount applies; use excludes for services")
		}
		set.progs = append(set.progs, freeze(p))
	}
	errs = append(errs, set.link(s.Programmes)...)
	if len(errs) > 0 {
		return nil, &SpecError{Errors: errs}
	}
	return set, nil
}

func checkBenefit(b Benefit, perr func(field, format string, args ...any)) {
	rate := func(field string, r decimal.Decimal) {
		if r.Sign() <= 0 || r.GreaterThan(decimal.New(1, 0)) {
			perr(field, "a rate must be more than 0%% and at most 100%% (write 10%% or 0.1)")
		}
	}
	limit := func(field string, d *decimal.Decimal) {
		if d != nil && d.Sign() <= 0 {
			perr(field, "must be more than 0元")
		}
	}
	money := b.IsMoney()
	switch b.Form {
	case FormFixed:
		if b.Amount.Sign() <= 0 {
			perr("amount", "a fixed amount must be more than 0元")
		}
	case FormRate:
		rate("rate", b.Rate)
		if b.Base == nil {
			perr("base", "a rate needs a base to apply to, e.g. investment")
		}
	case FormBands:
		if b.Base == nil {
			perr("base", "bands need a base that selects the band, e.g. investment")
		}
		if len(b.Bands) == 0 {
			perr("bands", "give at least one band")
		}
		if b.Banding != WholeBase && b.Banding != Progressive {
			perr("banding", "use whole or progressive")
		}
		if b.Of != nil && b.Banding == Progressive {
			perr("of", "with progressive bands the rates apply to the base itself; remove of, or use whole bands")
		}
		for i, band := range b.Bands {
			f := fmt.Sprintf("bands[%d]", i)
			if band.From.Sign() < 0 {
				perr(f+".from", "a band cannot start below 0元")
			}
			if i > 0 && !band.From.GreaterThan(b.Bands[i-1].From) {
				perr(f+".from", "bands must be in increasing order: %s does not come after %s", fmtMoney(band.From), fmtMoney(b.Bands[i-1].From))
			}
			rate(f+".rate", band.Rate)
			limit(f+".cap", band.Cap)
		}
	case FormService:
		if b.Entitlement.ID == "" || b.Entitlement.Label == "" {
			perr("service", "a service needs an id and a Chinese label, e.g. dedicated_team 专班服务")
		}
	default:
		perr("benefit", "give the benefit: a fixed amount, a rate, bands or a service")
	}
	if !money && (b.Cap != nil || b.Floor != nil) {
		perr("cap", "only money benefits have a cap or a floor")
	}
	limit("cap", b.Cap)
	limit("floor", b.Floor)
	if b.Cap != nil && b.Floor != nil && b.Floor.GreaterThan(*b.Cap) {
		perr("floor", "the floor %s is above the cap %s", fmtMoney(*b.Floor), fmtMoney(*b.Cap))
	}
}

func checkRounding(p Programme, perr func(field, format string, args ...any)) {
	r := p.Rounding
	switch {
	case r.Mode > RoundDown:
		perr("rounding", "use half_up, half_even or down")
	case r.Mode == RoundNone && r.Places != 0:
		perr("rounding", "give the rounding mode (half_up, half_even or down) along with the places")
	case r.Places < -maxPlaces || r.Places > maxPlaces:
		perr("rounding", "places must be between %d and %d", -maxPlaces, maxPlaces)
	case r.Mode != RoundNone && p.Benefit.Form == FormService:
		perr("rounding", "a service has no amount to round")
	}
}

// freeze deep-copies p and precomputes the names used in reasons.
func freeze(p Programme) programme {
	p.Excludes = slices.Clone(p.Excludes)
	b := &p.Benefit
	b.Bands = slices.Clone(b.Bands)
	for i := range b.Bands {
		b.Bands[i].Cap = clonePtr(b.Bands[i].Cap)
	}
	b.Cap, b.Floor = clonePtr(b.Cap), clonePtr(b.Floor)
	fp := programme{Programme: p}
	if p.Eligibility != nil {
		fp.cond = p.Eligibility.String()
	}
	if b.Base != nil {
		fp.baseName = b.Base.String()
	}
	if b.Of != nil {
		fp.ofName = b.Of.String()
	}
	return fp
}

func clonePtr(d *decimal.Decimal) *decimal.Decimal {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}

// link resolves exclusions and orders the stacking nodes so that every
// programme comes after the programmes that can exclude it.
func (s *Set) link(ps []Programme) []error {
	var errs []error
	nodeOf := make([]int, len(ps))
	groups := map[string]int{}
	for i, p := range ps {
		if p.Group != "" {
			if n, ok := groups[p.Group]; ok {
				nodeOf[i] = n
				s.nodes[n].members = append(s.nodes[n].members, i)
				continue
			}
			groups[p.Group] = len(s.nodes)
		}
		nodeOf[i] = len(s.nodes)
		s.nodes = append(s.nodes, node{group: p.Group, members: []int{i}})
	}
	// edges[a] lists the nodes that must be resolved after node a.
	edges := make([][]int, len(s.nodes))
	indeg := make([]int, len(s.nodes))
	for i, p := range ps {
		for _, x := range p.Excludes {
			j, ok := s.index[x]
			perr := func(format string, args ...any) {
				errs = append(errs, &ProgrammeError{Programme: p.Ref.ID, Index: i, Field: "excludes", Problem: fmt.Sprintf(format, args...)})
			}
			switch {
			case !ok:
				perr("there is no incentive %q", x)
				continue
			case j == i:
				perr("an incentive cannot exclude itself")
				continue
			case nodeOf[i] == nodeOf[j]:
				perr("%s is in the same stacking group %q already, where only the largest applies", x, p.Group)
				continue
			case slices.Contains(s.progs[j].excludedBy, i):
				continue
			}
			s.progs[j].excludedBy = append(s.progs[j].excludedBy, i)
			edges[nodeOf[i]] = append(edges[nodeOf[i]], nodeOf[j])
			indeg[nodeOf[j]]++
		}
	}
	// Kahn's algorithm, taking the earliest-declared ready node first so
	// that the order is deterministic and follows the file where it can.
	order := make([]node, 0, len(s.nodes))
	done := make([]bool, len(s.nodes))
	for len(order) < len(s.nodes) {
		next := -1
		for n := range s.nodes {
			if !done[n] && indeg[n] == 0 {
				next = n
				break
			}
		}
		if next < 0 {
			var cyc []string
			for n := range s.nodes {
				if !done[n] {
					for _, m := range s.nodes[n].members {
						cyc = append(cyc, ps[m].Ref.ID)
					}
				}
			}
			first := s.nodes[slices.IndexFunc(done, func(d bool) bool { return !d })].members[0]
			errs = append(errs, &ProgrammeError{Programme: ps[first].Ref.ID, Index: first, Field: "excludes",
				Problem: "exclusions go round in a circle among " + strings.Join(cyc, ", ") + "; when only one of them may apply, put them in one stacking group instead"})
			return errs
		}
		done[next] = true
		order = append(order, s.nodes[next])
		for _, m := range edges[next] {
			indeg[m]--
		}
	}
	s.nodes = order
	return errs
}

// Programmes returns the programmes in declaration order. The slice and
// the programmes in it are copies.
func (s *Set) Programmes() []Programme {
	out := make([]Programme, len(s.progs))
	for i := range s.progs {
		out[i] = freeze(s.progs[i].Programme).Programme
	}
	return out
}

// Programme returns a copy of the programme with the given id.
func (s *Set) Programme(id string) (Programme, bool) {
	i, ok := s.index[id]
	if !ok {
		return Programme{}, false
	}
	return freeze(s.progs[i].Programme).Programme, true
}

// Budgets returns copies of the budgets, in declaration order.
func (s *Set) Budgets() []Budget {
	out := make([]Budget, len(s.budgets))
	for i, b := range s.budgets {
		out[i] = b.clone()
	}
	return out
}

// NewLedger returns an empty ledger over the set's budgets.
func (s *Set) NewLedger() *Ledger {
	l, _ := NewLedger(s.budgets...) // the budgets were validated by New
	return l
}
