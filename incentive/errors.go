package incentive

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

// SpecError lists every problem [New], [NewLedger] or [Budget.Validate]
// found. Each problem is a [*ProgrammeError], a [*BudgetError] or a
// [*BudgetSumError]; errors.As reaches them through Unwrap.
type SpecError struct {
	Errors []error
}

func (e *SpecError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, err := range e.Errors {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the problems.
func (e *SpecError) Unwrap() []error { return e.Errors }

// ProgrammeError is a problem with one programme's definition.
type ProgrammeError struct {
	Programme string // the programme id ("" when the id itself is missing)
	Index     int    // 0-based position of the programme in the list
	// Field is the key at fault, as a rule file writes it, e.g. "rate",
	// "bands[1].from", "excludes", "earmark".
	Field   string
	Problem string // what is wrong and how to fix it
}

func (e *ProgrammeError) Error() string {
	who := e.Programme
	if who == "" {
		who = fmt.Sprintf("#%d", e.Index+1)
	}
	if e.Field == "" {
		return "incentive " + who + ": " + e.Problem
	}
	return "incentive " + who + ": " + e.Field + ": " + e.Problem
}

// BudgetError is a problem with one budget's definition other than its sum
// (see [BudgetSumError]).
type BudgetError struct {
	Budget  string // the budget id
	Field   string // e.g. "year", "earmarks[2].id"
	Problem string
}

func (e *BudgetError) Error() string {
	if e.Field == "" {
		return "budget " + e.Budget + ": " + e.Problem
	}
	return "budget " + e.Budget + ": " + e.Field + ": " + e.Problem
}

// BudgetSumError reports a budget whose earmarks, plus the declared
// unallocated remainder, do not add up exactly to its total.
type BudgetSumError struct {
	Budget      string          // the budget id
	Total       decimal.Decimal // the budget's total, yuan
	Sum         decimal.Decimal // the sum of its earmarks, yuan
	Unallocated decimal.Decimal // the declared unallocated remainder, yuan
	// Difference is Total − Sum − Unallocated, in yuan: positive when the
	// earmarks fall short of the total, negative when they exceed it.
	Difference decimal.Decimal
}

func (e *BudgetSumError) Error() string {
	diff := e.Difference
	short := "short of"
	if diff.Sign() < 0 {
		diff = diff.Neg()
		short = "over"
	}
	parts := "the earmarks add up to " + quantity.FormatMoney(e.Sum)
	if !e.Unallocated.IsZero() {
		parts += " and the unallocated remainder is " + quantity.FormatMoney(e.Unallocated)
	}
	return fmt.Sprintf("budget %s: %s, %s %s the total %s; correct the earmark amounts or declare the remainder as unallocated",
		e.Budget, parts, quantity.FormatMoney(diff), short, quantity.FormatMoney(e.Total))
}

// EntryError reports a ledger entry that is malformed or refers to
// something the ledger does not have (a budget, an earmark, an allocation).
type EntryError struct {
	Entry   string // the entry id ("" when missing)
	Field   string // the JSON key at fault, e.g. "amount", "earmark"
	Problem string
}

func (e *EntryError) Error() string {
	who := e.Entry
	if who == "" {
		who = "(no id)"
	}
	if e.Field == "" {
		return "ledger entry " + who + ": " + e.Problem
	}
	return "ledger entry " + who + ": " + e.Field + ": " + e.Problem
}

// ConflictError reports an entry whose id is already recorded with
// different content. Recording the same entry twice is not an error; reusing
// its id for something else is.
type ConflictError struct {
	ID       string
	Recorded Entry // the entry already in the ledger
	Given    Entry // the entry refused
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("ledger entry %s is already recorded with different content: recorded %s; given %s; use a new id for a new entry",
		e.ID, e.Recorded.describe(), e.Given.describe())
}

// OverspendError reports an allocation or a positive adjustment that would
// take an earmark beyond its amount. Available = Amount − Allocated +
// Released − Adjusted; all amounts are in yuan.
type OverspendError struct {
	Entry        string // the refused entry's id
	Kind         EntryKind
	Budget       string
	Earmark      string
	EarmarkLabel string
	Amount       decimal.Decimal // the earmark's amount
	Allocated    decimal.Decimal // allocated so far
	Released     decimal.Decimal // returned so far
	Adjusted     decimal.Decimal // net of adjustments so far (signed)
	Available    decimal.Decimal // what can still be allocated
	Requested    decimal.Decimal // the refused entry's amount
}

func (e *OverspendError) Error() string {
	label := ""
	if e.EarmarkLabel != "" {
		label = " (" + e.EarmarkLabel + ")"
	}
	return fmt.Sprintf("ledger entry %s: %s of %s would overspend earmark %s%s of budget %s: earmark %s, allocated %s, released %s, adjusted %s, available %s, requested %s",
		e.Entry, e.Kind, quantity.FormatMoney(e.Requested), e.Earmark, label, e.Budget,
		quantity.FormatMoney(e.Amount), quantity.FormatMoney(e.Allocated), quantity.FormatMoney(e.Released),
		quantity.FormatMoney(e.Adjusted), quantity.FormatMoney(e.Available), quantity.FormatMoney(e.Requested))
}

// LineError is an error in one line of a JSON-lines ledger file given to
// [Ledger.Import]. Err is the underlying error: an [*EntryError],
// [*ConflictError] or [*OverspendError], reachable with errors.As.
type LineError struct {
	Line int // 1-based line number
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns Err.
func (e *LineError) Unwrap() error { return e.Err }
