package incentive_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
)

func TestBudget_Validate(t *testing.T) {
	// sum is the part of a *BudgetSumError the tests check, as text.
	type sum struct{ Budget, Total, Sum, Unallocated, Difference string }
	type problem struct{ Budget, Field string }
	with := func(f func(*incentive.Budget)) incentive.Budget {
		b := prephase()
		f(&b)
		return b
	}
	tests := []struct {
		name, reason string
		budget       incentive.Budget
		wantSum      *sum
		wantProblems []problem
		wantMessage  string
	}{
		{name: "exact", reason: "2000万元 = 1000万元 + 500万元 + 500万元", budget: prephase()},
		{
			name: "short", reason: "2000万元 ≠ 1000万元 + 500万元 + 400万元",
			budget:      with(func(b *incentive.Budget) { b.Earmarks[2].Amount = money("400万元") }),
			wantSum:     &sum{"prephase-2025", "2000万元", "1900万元", "0元", "100万元"},
			wantMessage: "budget prephase-2025: the earmarks add up to 1900万元, 100万元 short of the total 2000万元; correct the earmark amounts or declare the remainder as unallocated",
		},
		{
			name: "over", reason: "the earmarks exceed the total",
			budget:      with(func(b *incentive.Budget) { b.Earmarks[2].Amount = money("600万元") }),
			wantSum:     &sum{"prephase-2025", "2000万元", "2100万元", "0元", "-100万元"},
			wantMessage: "budget prephase-2025: the earmarks add up to 2100万元, 100万元 over the total 2000万元; correct the earmark amounts or declare the remainder as unallocated",
		},
		{
			name: "declared remainder", reason: "an explicit unallocated remainder closes the gap",
			budget: with(func(b *incentive.Budget) {
				b.Earmarks[2].Amount = money("400万元")
				b.Unallocated = money("100万元")
			}),
		},
		{
			name: "wrong remainder", reason: "the remainder must be exact too",
			budget: with(func(b *incentive.Budget) {
				b.Earmarks[2].Amount = money("400万元")
				b.Unallocated = money("50万元")
			}),
			wantSum: &sum{"prephase-2025", "2000万元", "1900万元", "50万元", "50万元"},
		},
		{
			name: "exact decimals", reason: "amounts compare exactly, not as floats: 0.1 + 0.2 = 0.3",
			budget: incentive.Budget{Ref: ref("b", ""), Year: 2025, Total: money("0.3"), Earmarks: []incentive.Earmark{
				{Ref: ref("x", ""), Amount: money("0.1")}, {Ref: ref("y", ""), Amount: money("0.2")},
			}},
		},
		{
			name: "shape", reason: "id, year, total and earmark ids and amounts are checked",
			budget: incentive.Budget{Total: money("0"), Unallocated: money("-1"), Earmarks: []incentive.Earmark{
				{Ref: ref("x", ""), Amount: money("0")}, {Ref: ref("x", "")}, {},
			}},
			wantProblems: []problem{
				{"", "id"}, {"", "year"}, {"", "total"}, {"", "unallocated"},
				{"", "earmarks[0].amount"}, {"", "earmarks[1].id"}, {"", "earmarks[1].amount"},
				{"", "earmarks[2].id"}, {"", "earmarks[2].amount"},
			},
			wantSum: &sum{"", "0元", "0元", "-1元", "1元"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.budget.Validate()
			var se *incentive.BudgetSumError
			var gotSum *sum
			if errors.As(err, &se) {
				gotSum = &sum{se.Budget, quantity.FormatMoney(se.Total), quantity.FormatMoney(se.Sum), quantity.FormatMoney(se.Unallocated), quantity.FormatMoney(se.Difference)}
				if tt.wantMessage != "" {
					if diff := cmp.Diff(tt.wantMessage, se.Error()); diff != "" {
						t.Errorf("%s: message (-want +got):\n%s", tt.reason, diff)
					}
				}
			}
			if diff := cmp.Diff(tt.wantSum, gotSum); diff != "" {
				t.Errorf("%s: sum error (-want +got):\n%s", tt.reason, diff)
			}
			var got []problem
			var list *incentive.SpecError
			if errors.As(err, &list) {
				for _, e := range list.Errors {
					var be *incentive.BudgetError
					if errors.As(e, &be) {
						got = append(got, problem{be.Budget, be.Field})
					}
				}
			}
			if diff := cmp.Diff(tt.wantProblems, got); diff != "" {
				t.Errorf("%s: problems (-want +got):\n%s", tt.reason, diff)
			}
			if (err == nil) != (tt.wantSum == nil && tt.wantProblems == nil) {
				t.Errorf("%s: error = %v", tt.reason, err)
			}
		})
	}
}

func TestNewLedger_errors(t *testing.T) {
	bad := prephase()
	bad.Earmarks[0].Amount = money("900万元")
	tests := []struct {
		name, reason string
		budgets      []incentive.Budget
	}{
		{name: "sum", reason: "an invalid budget is refused", budgets: []incentive.Budget{bad}},
		{name: "duplicate", reason: "budget ids are unique", budgets: []incentive.Budget{prephase(), prephase()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := incentive.NewLedger(tt.budgets...)
			var se *incentive.SpecError
			if l != nil || !errors.As(err, &se) {
				t.Errorf("%s: got %v, %v; want nil and *SpecError", tt.reason, l, err)
			}
		})
	}
	if _, err := incentive.New(incentive.Spec{Budgets: []incentive.Budget{bad}}); err == nil {
		t.Error("New accepted a budget whose earmarks do not add up")
	} else {
		var se *incentive.BudgetSumError
		if !errors.As(err, &se) {
			t.Errorf("New: want a *BudgetSumError inside, got %v", err)
		}
	}
}
