package incentive

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// Budget is one year's fund for incentives, divided into earmarks: Jinzhong's
// 2000万元 pre-phase fund (项目前期保障经费) has 1000万元 for the land-entry
// checklist, 500万元 for infrastructure of special projects and 500万元 for
// cultural-relic survey and excavation.
//
// A Budget is plain data; [Budget.Validate] checks it, and [New] and
// [NewLedger] keep their own copies, so changing a Budget afterwards changes
// nothing they hold. The zero Budget is invalid (no id, year or total).
type Budget struct {
	Ref  zone.Ref // Ref.ID is the budget id, e.g. "prephase-2025"; Ref.Label e.g. 项目前期保障经费
	Year int      // the budget year (预算年度), e.g. 2025
	// Total is the budget's total in yuan, greater than 0.
	Total decimal.Decimal
	// Earmarks divide the total (专项列支). Their amounts plus Unallocated
	// must add up exactly to Total.
	Earmarks []Earmark
	// Unallocated is the part of Total deliberately left without an
	// earmark, in yuan; zero (the zero value) when every yuan is earmarked.
	// Declaring it is what lets the earmarks add up to less than the total.
	Unallocated decimal.Decimal
}

// Earmark is one part of a budget set aside for a purpose.
type Earmark struct {
	Ref zone.Ref // Ref.ID is the earmark id, unique within the budget, e.g. "land-entry"; Ref.Label e.g. 项目进地清单
	// Amount is the earmark's amount in yuan, greater than 0.
	Amount decimal.Decimal
}

// Earmark returns the earmark with the given id.
func (b Budget) Earmark(id string) (Earmark, bool) {
	for _, e := range b.Earmarks {
		if e.Ref.ID == id {
			return e, true
		}
	}
	return Earmark{}, false
}

// Validate checks the budget: it needs an id, a year, a positive total,
// earmarks with unique ids and positive amounts, a non-negative unallocated
// remainder, and earmarks that, with the remainder, add up exactly to the
// total. It returns nil or a [*SpecError] holding [*BudgetError] and
// [*BudgetSumError] values.
func (b Budget) Validate() error {
	errs := b.problems()
	if len(errs) == 0 {
		return nil
	}
	return &SpecError{Errors: errs}
}

func (b Budget) problems() []error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, &BudgetError{Budget: b.Ref.ID, Field: field, Problem: fmt.Sprintf(format, args...)})
	}
	if b.Ref.ID == "" {
		add("id", "a budget needs an id")
	}
	if b.Year < 1900 || b.Year > 9999 {
		add("year", "the budget year must be given as a four-digit year, e.g. 2025 (got %d)", b.Year)
	}
	if b.Total.Sign() <= 0 {
		add("total", "the total must be more than 0元")
	}
	if b.Unallocated.Sign() < 0 {
		add("unallocated", "the unallocated remainder cannot be negative")
	}
	seen := map[string]bool{}
	sum := decimal.Decimal{}
	for i, e := range b.Earmarks {
		field := fmt.Sprintf("earmarks[%d]", i)
		switch {
		case e.Ref.ID == "":
			add(field+".id", "an earmark needs an id")
		case seen[e.Ref.ID]:
			add(field+".id", "earmark id %q is used twice", e.Ref.ID)
		}
		seen[e.Ref.ID] = true
		if e.Amount.Sign() <= 0 {
			add(field+".amount", "an earmark's amount must be more than 0元")
		}
		sum = sum.Add(e.Amount)
	}
	if len(b.Earmarks) == 0 {
		add("earmarks", "a budget needs at least one earmark")
	} else if diff := b.Total.Sub(sum).Sub(b.Unallocated); !diff.IsZero() {
		errs = append(errs, &BudgetSumError{Budget: b.Ref.ID, Total: b.Total, Sum: sum, Unallocated: b.Unallocated, Difference: diff})
	}
	return errs
}

// clone returns a deep copy of b.
func (b Budget) clone() Budget {
	b.Earmarks = slices.Clone(b.Earmarks)
	return b
}
