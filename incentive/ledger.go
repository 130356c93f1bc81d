package incentive

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/zone"
)

// EntryKind is the kind of a ledger entry. The zero value is
// [EntryUnknown].
type EntryKind uint8

const (
	// EntryUnknown is the zero EntryKind; the ledger refuses it.
	EntryUnknown EntryKind = iota
	// Allocation commits money from an earmark to a project (分配).
	Allocation
	// Release returns money from an earlier allocation to its earmark
	// (退回), e.g. when a project spends less or leaves.
	Release
	// Adjustment corrects an earmark's spending by a signed amount, with a
	// reason (调整): positive spends more, negative gives money back.
	Adjustment
)

var entryKindNames = [...][2]string{{"unknown", "未知"}, {"allocation", "分配"}, {"release", "退回"}, {"adjustment", "调整"}}

// String returns allocation, release or adjustment ("unknown" for the zero
// kind).
func (k EntryKind) String() string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k][0]
	}
	return entryKindNames[0][0]
}

// Label returns the kind in Chinese: 分配, 退回 or 调整.
func (k EntryKind) Label() string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k][1]
	}
	return entryKindNames[0][1]
}

// ParseEntryKind accepts allocation, release, adjustment or their Chinese
// labels.
func ParseEntryKind(s string) (EntryKind, error) {
	for i, n := range entryKindNames[1:] {
		if s == n[0] || s == n[1] {
			return EntryKind(i + 1), nil
		}
	}
	return 0, &zone.ValueError{Fact: "kind", Value: s, Allowed: "allocation (分配), release (退回), adjustment (调整)"}
}

// MarshalText implements encoding.TextMarshaler.
func (k EntryKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseEntryKind].
func (k *EntryKind) UnmarshalText(b []byte) error {
	v, err := ParseEntryKind(string(b))
	*k = v
	return err
}

// Entry is one line of the ledger. Its JSON form (see [Entry.MarshalJSON])
// is the line format of [Ledger.Export] and [Ledger.Import].
type Entry struct {
	// ID identifies the entry. Recording an entry whose id is already
	// recorded with the same content does nothing; with different content
	// it is a [*ConflictError].
	ID   string
	Kind EntryKind
	// Budget and Earmark name the earmark the money comes from or returns
	// to. A release may leave them empty: they are taken from the
	// allocation it refers to.
	Budget, Earmark string
	// Project is the project id: required for an allocation, taken from
	// the allocation for a release, optional for an adjustment.
	Project string
	// Allocation is the id of the allocation a release returns money from
	// (releases only).
	Allocation string
	// Amount is in yuan, exact: more than 0 for an allocation or a release;
	// for an adjustment, signed and not 0 — positive spends more of the
	// earmark, negative gives money back to it.
	Amount decimal.Decimal
	// Date is the day of the entry, required (years 1900–9999).
	Date date.Date
	// Purpose says what an allocation is for (allocations only, optional).
	Purpose string
	// Reason says why: required for an adjustment, optional for a release,
	// not used by an allocation.
	Reason string
}

// Equal reports whether e and f have the same content; amounts compare by
// value (300万 equals 3000000.00).
func (e Entry) Equal(f Entry) bool {
	return e.ID == f.ID && e.Kind == f.Kind && e.Budget == f.Budget && e.Earmark == f.Earmark &&
		e.Project == f.Project && e.Allocation == f.Allocation && e.Amount.Equal(f.Amount) &&
		e.Date == f.Date && e.Purpose == f.Purpose && e.Reason == f.Reason
}

// describe summarises the entry for messages.
func (e Entry) describe() string {
	s := fmt.Sprintf("%s of %s", e.Kind, fmtMoney(e.Amount))
	if e.Budget != "" || e.Earmark != "" {
		s += " on " + e.Budget + "/" + e.Earmark
	}
	if e.Project != "" {
		s += " for project " + e.Project
	}
	if e.Allocation != "" {
		s += " from allocation " + e.Allocation
	}
	s += " dated " + e.Date.String()
	if e.Purpose != "" {
		s += " (" + e.Purpose + ")"
	}
	if e.Reason != "" {
		s += " (" + e.Reason + ")"
	}
	return s
}

// Balance is the state of an earmark, or of one project's use of an
// earmark. All amounts are in yuan.
type Balance struct {
	Budget, Earmark string
	Label           string // the earmark's label
	// Project is "" for an earmark's balance, or the project id.
	Project string
	// Amount is the earmark's amount (also for a project's balance).
	Amount    decimal.Decimal
	Allocated decimal.Decimal // sum of allocations
	Released  decimal.Decimal // sum of releases
	Adjusted  decimal.Decimal // sum of adjustments, signed
	// Spent is Allocated − Released + Adjusted: the money committed.
	Spent decimal.Decimal
	// Available is Amount − Spent for an earmark: what can still be
	// allocated. For a project's balance it is the earmark's available
	// amount too.
	Available decimal.Decimal
}

// Ledger records allocations of budget earmarks to projects, releases and
// adjustments, and refuses any entry that would overspend an earmark.
//
// The ledger is the one mutable value in devzone: programmes, budgets and
// compiled rule sets are immutable, and the ledger is an in-memory record
// that the embedding system persists — with [Ledger.Export] and
// [Ledger.Import] (JSON lines), or by storing [Ledger.Entries] and
// recording them again. Recording is idempotent by entry id, so replaying
// entries is safe.
//
// A Ledger is safe for concurrent use: every method takes the ledger's
// lock, and the overspend check and the recording of an entry happen under
// it together, so concurrent allocations can never overspend an earmark.
// The zero Ledger has no budgets; build one with [NewLedger] or
// [Set.NewLedger].
type Ledger struct {
	mu       sync.Mutex
	earmarks []earmarkInfo      // declaration order; fixed by NewLedger
	index    map[earmarkKey]int // → position in earmarks; fixed by NewLedger
	st       state              // guarded by mu
}

type earmarkKey struct{ budget, earmark string }

type earmarkInfo struct {
	key    earmarkKey
	label  string
	amount decimal.Decimal
}

// tally is the running sums of one earmark or one project on one earmark.
// net (allocated − released + adjusted) is kept up to date for earmarks,
// where every entry checks it; project tallies compute it with spent.
type tally struct{ allocated, released, adjusted, net decimal.Decimal }

func (t tally) spent() decimal.Decimal { return t.allocated.Sub(t.released).Add(t.adjusted) }

type projectKey struct {
	project string
	earmark int
}

// state is everything the ledger has recorded. Decimal values are
// immutable, so copying the maps copies the state.
type state struct {
	entries  []Entry
	byID     map[string]int             // entry id → position in entries
	tallies  []tally                    // per earmark
	projects map[projectKey]tally       // per project and earmark
	released map[string]decimal.Decimal // allocation id → released so far
}

func newState(n int) state {
	return state{byID: map[string]int{}, tallies: make([]tally, n), projects: map[projectKey]tally{}, released: map[string]decimal.Decimal{}}
}

func (s *state) clone() state {
	return state{
		entries:  slices.Clone(s.entries),
		byID:     maps.Clone(s.byID),
		tallies:  slices.Clone(s.tallies),
		projects: maps.Clone(s.projects),
		released: maps.Clone(s.released),
	}
}

// NewLedger returns an empty ledger over the given budgets, which must be
// valid (see [Budget.Validate]) and have distinct ids; otherwise the error
// is a [*SpecError]. The ledger keeps copies of the budgets.
func NewLedger(budgets ...Budget) (*Ledger, error) {
	var errs []error
	l := &Ledger{index: map[earmarkKey]int{}}
	seen := map[string]bool{}
	for _, b := range budgets {
		errs = append(errs, b.problems()...)
		if seen[b.Ref.ID] {
			errs = append(errs, &BudgetError{Budget: b.Ref.ID, Field: "id", Problem: "budget id is used twice"})
		}
		seen[b.Ref.ID] = true
		for _, e := range b.Earmarks {
			k := earmarkKey{b.Ref.ID, e.Ref.ID}
			if _, dup := l.index[k]; dup {
				continue
			}
			l.index[k] = len(l.earmarks)
			l.earmarks = append(l.earmarks, earmarkInfo{key: k, label: e.Ref.Label, amount: e.Amount})
		}
	}
	if len(errs) > 0 {
		return nil, &SpecError{Errors: errs}
	}
	l.st = newState(len(l.earmarks))
	return l, nil
}

// Record adds an entry. It returns nil when the entry is recorded or was
// already recorded with the same content, and otherwise one of:
// [*EntryError] (malformed, or an unknown budget, earmark or allocation, or
// a release of more than is outstanding), [*ConflictError] (the id is taken
// by a different entry) or [*OverspendError] (not enough left in the
// earmark). A refused entry changes nothing.
func (l *Ledger) Record(e Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.st.byID == nil {
		l.st = newState(len(l.earmarks))
	}
	return l.apply(&l.st, e)
}

// apply checks e against st and records it there.
func (l *Ledger) apply(st *state, e Entry) error {
	bad := func(field, format string, args ...any) error {
		return &EntryError{Entry: e.ID, Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	if e.ID == "" {
		return bad("id", "every entry needs an id")
	}
	for _, f := range [...][2]string{{"id", e.ID}, {"budget", e.Budget}, {"earmark", e.Earmark}, {"project", e.Project},
		{"allocation", e.Allocation}, {"purpose", e.Purpose}, {"reason", e.Reason}} {
		if !utf8.ValidString(f[1]) {
			return bad(f[0], "the text is not valid UTF-8")
		}
	}
	if !amountInRange(e.Amount) {
		return bad("amount", "an amount has at most 20 digits before the decimal point and 16 after it")
	}
	if e.Kind == Release {
		// A release takes its earmark and project from its allocation.
		if i, ok := st.byID[e.Allocation]; ok && st.entries[i].Kind == Allocation {
			a := st.entries[i]
			for _, f := range [...]struct {
				name      string
				got, want *string
			}{{"budget", &e.Budget, &a.Budget}, {"earmark", &e.Earmark, &a.Earmark}, {"project", &e.Project, &a.Project}} {
				switch *f.got {
				case "":
					*f.got = *f.want
				case *f.want:
				default:
					if _, dup := st.byID[e.ID]; !dup {
						return bad(f.name, "%q differs from allocation %s, which is %q; leave it empty or give the allocation's", *f.got, a.ID, *f.want)
					}
				}
			}
		}
	}
	if i, dup := st.byID[e.ID]; dup {
		if st.entries[i].Equal(e) {
			return nil
		}
		return &ConflictError{ID: e.ID, Recorded: st.entries[i], Given: e}
	}
	if y := e.Date.Year(); y < 1900 || y > 9999 {
		return bad("date", "give the date of the entry (YYYY-MM-DD, years 1900–9999)")
	}
	var t *tally
	var ek int
	if e.Kind == Allocation || e.Kind == Adjustment {
		k, ok := l.index[earmarkKey{e.Budget, e.Earmark}]
		if !ok {
			return l.unknownEarmark(e)
		}
		ek, t = k, &st.tallies[k]
	}
	switch e.Kind {
	case Allocation:
		switch {
		case e.Amount.Sign() <= 0:
			return bad("amount", "an allocation must be more than 0元")
		case e.Project == "":
			return bad("project", "an allocation names the project it goes to")
		case e.Allocation != "":
			return bad("allocation", "only a release refers to an allocation")
		case e.Reason != "":
			return bad("reason", "an allocation has a purpose, not a reason")
		}
		net, err := l.overspend(e, ek, *t)
		if err != nil {
			return err
		}
		t.allocated, t.net = t.allocated.Add(e.Amount), net
		pk := projectKey{e.Project, ek}
		pt := st.projects[pk]
		pt.allocated = pt.allocated.Add(e.Amount)
		st.projects[pk] = pt
	case Release:
		i, ok := st.byID[e.Allocation]
		switch {
		case e.Allocation == "":
			return bad("allocation", "a release names the allocation it returns money from")
		case !ok || st.entries[i].Kind != Allocation:
			return bad("allocation", "there is no allocation %q in the ledger", e.Allocation)
		case e.Amount.Sign() <= 0:
			return bad("amount", "a release must be more than 0元")
		case e.Purpose != "":
			return bad("purpose", "a release has a reason, not a purpose")
		}
		a := st.entries[i]
		if e.Date < a.Date {
			return bad("date", "the release is dated %s, before allocation %s on %s", e.Date, a.ID, a.Date)
		}
		done := st.released[a.ID]
		if left := a.Amount.Sub(done); e.Amount.GreaterThan(left) {
			return bad("amount", "releasing %s is more than is outstanding on allocation %s: allocated %s, released already %s, outstanding %s",
				fmtMoney(e.Amount), a.ID, fmtMoney(a.Amount), fmtMoney(done), fmtMoney(left))
		}
		ek = l.index[earmarkKey{a.Budget, a.Earmark}]
		t = &st.tallies[ek]
		t.released, t.net = t.released.Add(e.Amount), t.net.Sub(e.Amount)
		st.released[a.ID] = done.Add(e.Amount)
		pk := projectKey{a.Project, ek}
		pt := st.projects[pk]
		pt.released = pt.released.Add(e.Amount)
		st.projects[pk] = pt
	case Adjustment:
		switch {
		case e.Amount.IsZero():
			return bad("amount", "an adjustment must not be 0元; write a negative amount to give money back")
		case e.Reason == "":
			return bad("reason", "an adjustment needs a reason")
		case e.Allocation != "":
			return bad("allocation", "only a release refers to an allocation")
		case e.Purpose != "":
			return bad("purpose", "an adjustment has a reason, not a purpose")
		}
		var net decimal.Decimal
		if e.Amount.Sign() > 0 {
			var err error
			if net, err = l.overspend(e, ek, *t); err != nil {
				return err
			}
		} else if net = t.net.Add(e.Amount); net.Sign() < 0 {
			return bad("amount", "giving back %s would leave earmark %s/%s with negative spending (%s); only %s is spent",
				fmtMoney(e.Amount.Neg()), e.Budget, e.Earmark, fmtMoney(net), fmtMoney(t.net))
		}
		if e.Project != "" {
			pk := projectKey{e.Project, ek}
			pt := st.projects[pk]
			if s := pt.spent().Add(e.Amount); s.Sign() < 0 {
				return bad("amount", "giving back %s would leave project %s with negative spending on %s/%s (%s)",
					fmtMoney(e.Amount.Neg()), e.Project, e.Budget, e.Earmark, fmtMoney(s))
			}
			pt.adjusted = pt.adjusted.Add(e.Amount)
			st.projects[pk] = pt
		}
		t.adjusted, t.net = t.adjusted.Add(e.Amount), net
	default:
		return bad("kind", "the kind must be allocation, release or adjustment")
	}
	st.byID[e.ID] = len(st.entries)
	st.entries = append(st.entries, e)
	return nil
}

// amountInRange reports whether d has at most 20 digits before the decimal
// point and 16 after it, the range [Ledger.Import] reads.
func amountInRange(d decimal.Decimal) bool {
	if exp := int64(d.Exponent()); exp >= -16 && int64(d.NumDigits())+exp <= 20 {
		return true // as written; trailing zeros can only make it shorter
	}
	n := d.Normalize()
	exp := int64(n.Exponent())
	return exp >= -16 && int64(n.NumDigits())+exp <= 20
}

func (l *Ledger) unknownEarmark(e Entry) error {
	for _, m := range l.earmarks {
		if m.key.budget == e.Budget {
			return &EntryError{Entry: e.ID, Field: "earmark", Problem: fmt.Sprintf("budget %s has no earmark %q", e.Budget, e.Earmark)}
		}
	}
	return &EntryError{Entry: e.ID, Field: "budget", Problem: fmt.Sprintf("there is no budget %q in the ledger", e.Budget)}
}

// overspend returns the earmark's net spending with e added, or an
// *OverspendError when that is more than earmark k's amount.
func (l *Ledger) overspend(e Entry, k int, t tally) (decimal.Decimal, error) {
	m := l.earmarks[k]
	net := t.net.Add(e.Amount)
	if cmpDec(net, m.amount) <= 0 {
		return net, nil
	}
	avail := m.amount.Sub(t.net)
	return decimal.Decimal{}, &OverspendError{
		Entry: e.ID, Kind: e.Kind, Budget: m.key.budget, Earmark: m.key.earmark, EarmarkLabel: m.label,
		Amount: m.amount, Allocated: t.allocated, Released: t.released, Adjusted: t.adjusted,
		Available: avail, Requested: e.Amount,
	}
}

// Entries returns the recorded entries in the order they were recorded. The
// slice is a copy.
func (l *Ledger) Entries() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.st.entries)
}

// Entry returns the entry with the given id.
func (l *Ledger) Entry(id string) (Entry, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	i, ok := l.st.byID[id]
	if !ok {
		return Entry{}, false
	}
	return l.st.entries[i], true
}

// Len returns the number of entries recorded.
func (l *Ledger) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.st.entries)
}

// Balance returns the balance of one earmark.
func (l *Ledger) Balance(budget, earmark string) (Balance, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k, ok := l.index[earmarkKey{budget, earmark}]
	if !ok {
		return Balance{}, false
	}
	return l.balance(k, "", l.tally(k)), true
}

// Balances returns the balance of every earmark, budget by budget in the
// order the budgets and earmarks were given.
func (l *Ledger) Balances() []Balance {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Balance, len(l.earmarks))
	for k := range l.earmarks {
		out[k] = l.balance(k, "", l.tally(k))
	}
	return out
}

// ProjectBalances returns one project's use of each earmark it has entries
// on, in earmark order: what was allocated to it, released from it and
// adjusted for it. Available is the earmark's, for reference.
func (l *Ledger) ProjectBalances(project string) []Balance {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Balance
	for k := range l.earmarks {
		if pt, ok := l.st.projects[projectKey{project, k}]; ok {
			b := l.balance(k, project, pt)
			b.Available = l.balance(k, "", l.tally(k)).Available
			out = append(out, b)
		}
	}
	return out
}

func (l *Ledger) tally(k int) tally {
	if k < len(l.st.tallies) {
		return l.st.tallies[k]
	}
	return tally{}
}

func (l *Ledger) balance(k int, project string, t tally) Balance {
	m := l.earmarks[k]
	spent := t.spent()
	return Balance{
		Budget: m.key.budget, Earmark: m.key.earmark, Label: m.label, Project: project,
		Amount: m.amount, Allocated: t.allocated, Released: t.released, Adjusted: t.adjusted,
		Spent: spent, Available: m.amount.Sub(spent),
	}
}
