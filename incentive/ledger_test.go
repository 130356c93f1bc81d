package incentive_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
)

func day(s string) date.Date { return calendar.MustParseDate(s) }

func alloc(id, earmark, project, amount, on string) incentive.Entry {
	return incentive.Entry{ID: id, Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: earmark, Project: project, Amount: money(amount), Date: day(on), Purpose: "前期保障"}
}

func release(id, allocation, amount, on string) incentive.Entry {
	return incentive.Entry{ID: id, Kind: incentive.Release, Allocation: allocation, Amount: money(amount), Date: day(on), Reason: "项目调减"}
}

func adjust(id, earmark, project, amount, on, reason string) incentive.Entry {
	return incentive.Entry{ID: id, Kind: incentive.Adjustment, Budget: "prephase-2025", Earmark: earmark, Project: project, Amount: money(amount), Date: day(on), Reason: reason}
}

func newLedger(t testing.TB) *incentive.Ledger {
	t.Helper()
	l, err := incentive.NewLedger(prephase())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// errorKind names the type of err and, for an *EntryError, its field.
func errorKind(err error) string {
	var ee *incentive.EntryError
	var ce *incentive.ConflictError
	var oe *incentive.OverspendError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ee):
		return "entry:" + ee.Field
	case errors.As(err, &ce):
		return "conflict"
	case errors.As(err, &oe):
		return "overspend"
	}
	return fmt.Sprintf("%T", err)
}

func TestLedger_Record(t *testing.T) {
	l := newLedger(t)
	noProject := alloc("n1", "land-entry", "", "1万元", "2025-06-12")
	tests := []struct {
		name, reason string
		entry        incentive.Entry
		want         string // errorKind
		wantLen      int
	}{
		{name: "allocate", reason: "a first allocation", entry: alloc("a1", "land-entry", "JZ-001", "300万元", "2025-06-12"), wantLen: 1},
		{name: "same entry again", reason: "idempotent: no error, no double count", entry: alloc("a1", "land-entry", "JZ-001", "300万元", "2025-06-12"), wantLen: 1},
		{name: "same value, other scale", reason: "3000000.00 equals 300万元", entry: alloc("a1", "land-entry", "JZ-001", "3000000.00", "2025-06-12"), wantLen: 1},
		{name: "same id, other amount", reason: "an id names one entry", entry: alloc("a1", "land-entry", "JZ-001", "350万元", "2025-06-12"), want: "conflict", wantLen: 1},
		{name: "overspend", reason: "700万元 is left of 1000万元", entry: alloc("a2", "land-entry", "JZ-002", "800万元", "2025-06-20"), want: "overspend", wantLen: 1},
		{name: "exactly what is left", reason: "the earmark may be used up", entry: alloc("a2", "land-entry", "JZ-002", "700万元", "2025-06-20"), wantLen: 2},
		{name: "one fen too many", reason: "nothing is left", entry: alloc("a3", "land-entry", "JZ-003", "0.01", "2025-06-21"), want: "overspend", wantLen: 2},
		{name: "release", reason: "returns money from a1", entry: release("r1", "a1", "100万元", "2025-09-01"), wantLen: 3},
		{name: "release again", reason: "a release is idempotent too, with its earmark filled in", entry: release("r1", "a1", "100万元", "2025-09-01"), wantLen: 3},
		{name: "release more than outstanding", reason: "200万元 is outstanding on a1", entry: release("r2", "a1", "250万元", "2025-09-02"), want: "entry:amount", wantLen: 3},
		{name: "release of unknown allocation", reason: "releases refer to an allocation", entry: release("r3", "zz", "1万元", "2025-09-02"), want: "entry:allocation", wantLen: 3},
		{
			name: "release with another earmark", reason: "the earmark comes from the allocation",
			entry: func() incentive.Entry {
				e := release("r4", "a1", "1万元", "2025-09-02")
				e.Earmark = "relics"
				return e
			}(),
			want: "entry:earmark", wantLen: 3,
		},
		{name: "release before allocation", reason: "money cannot come back before it went out", entry: release("r5", "a1", "1万元", "2025-06-01"), want: "entry:date", wantLen: 3},
		{name: "adjust up", reason: "spending corrected upwards", entry: adjust("j1", "land-entry", "JZ-001", "50万元", "2025-10-01", "实际拨付增加"), wantLen: 4},
		{name: "adjust beyond the earmark", reason: "50万元 is available", entry: adjust("j2", "land-entry", "", "60万元", "2025-10-01", "更正"), want: "overspend", wantLen: 4},
		{name: "adjust below zero", reason: "spending cannot become negative", entry: adjust("j3", "land-entry", "", "-2000万元", "2025-10-01", "更正"), want: "entry:amount", wantLen: 4},
		{name: "adjust a project below zero", reason: "JZ-001 has 250万元 spent", entry: adjust("j4", "land-entry", "JZ-001", "-300万元", "2025-10-01", "更正"), want: "entry:amount", wantLen: 4},
		{name: "adjust without reason", reason: "corrections say why", entry: adjust("j5", "land-entry", "", "-1万元", "2025-10-01", ""), want: "entry:reason", wantLen: 4},
		{name: "adjust by zero", reason: "nothing to correct", entry: adjust("j6", "land-entry", "", "0", "2025-10-01", "更正"), want: "entry:amount", wantLen: 4},
		{name: "adjust by minus zero", reason: "-0 is 0", entry: adjust("j7", "relics", "", "-0", "2025-10-01", "更正"), want: "entry:amount", wantLen: 4},
		{name: "unknown budget", reason: "named in the error", entry: func() incentive.Entry {
			e := alloc("x1", "land-entry", "P", "1万元", "2025-06-12")
			e.Budget = "nope"
			return e
		}(), want: "entry:budget", wantLen: 4},
		{name: "unknown earmark", reason: "named in the error", entry: alloc("x2", "nope", "P", "1万元", "2025-06-12"), want: "entry:earmark", wantLen: 4},
		{name: "no id", reason: "ids make recording idempotent", entry: alloc("", "relics", "P", "1万元", "2025-06-12"), want: "entry:id", wantLen: 4},
		{name: "no date", reason: "the zero date is not a date", entry: incentive.Entry{ID: "x3", Kind: incentive.Allocation, Budget: "prephase-2025", Earmark: "relics", Project: "P", Amount: money("1万元")}, want: "entry:date", wantLen: 4},
		{name: "no kind", reason: "the kind is required", entry: incentive.Entry{ID: "x4", Budget: "prephase-2025", Earmark: "relics", Amount: money("1万元"), Date: day("2025-06-12")}, want: "entry:kind", wantLen: 4},
		{name: "negative allocation", reason: "use a release", entry: alloc("x5", "relics", "P", "-1万元", "2025-06-12"), want: "entry:amount", wantLen: 4},
		{name: "allocation without project", reason: "money goes to a project", entry: noProject, want: "entry:project", wantLen: 4},
		{name: "too precise", reason: "more than 16 decimal places", entry: func() incentive.Entry {
			e := alloc("x6", "relics", "P", "1", "2025-06-12")
			e.Amount = decimal.New(1, -17)
			return e
		}(), want: "entry:amount", wantLen: 4},
		{name: "not UTF-8", reason: "text must survive export", entry: alloc("x7", "relics", "P\xff", "1万元", "2025-06-12"), want: "entry:project", wantLen: 4},
		{name: "other earmark", reason: "earmarks are separate", entry: alloc("a4", "relics", "JZ-003", "500万元", "2025-06-12"), wantLen: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := l.Record(tt.entry)
			if diff := cmp.Diff(tt.want, errorKind(err)); diff != "" {
				t.Errorf("%s: error %v (-want +got):\n%s", tt.reason, err, diff)
			}
			if got := l.Len(); got != tt.wantLen {
				t.Errorf("%s: %d entries, want %d", tt.reason, got, tt.wantLen)
			}
		})
	}

	type bal struct{ Earmark, Project, Amount, Allocated, Released, Adjusted, Spent, Available string }
	show := func(bs []incentive.Balance) []bal {
		var out []bal
		for _, b := range bs {
			f := quantity.FormatMoney
			out = append(out, bal{b.Earmark, b.Project, f(b.Amount), f(b.Allocated), f(b.Released), f(b.Adjusted), f(b.Spent), f(b.Available)})
		}
		return out
	}
	t.Run("balances", func(t *testing.T) {
		want := []bal{
			{"land-entry", "", "1000万元", "1000万元", "100万元", "50万元", "950万元", "50万元"},
			{"infrastructure", "", "500万元", "0元", "0元", "0元", "0元", "500万元"},
			{"relics", "", "500万元", "500万元", "0元", "0元", "500万元", "0元"},
		}
		if diff := cmp.Diff(want, show(l.Balances())); diff != "" {
			t.Errorf("earmark balances (-want +got):\n%s", diff)
		}
		one, ok := l.Balance("prephase-2025", "land-entry")
		if diff := cmp.Diff(want[:1], show([]incentive.Balance{one})); !ok || diff != "" {
			t.Errorf("Balance (-want +got):\n%s", diff)
		}
	})
	t.Run("project balances", func(t *testing.T) {
		want := []bal{{"land-entry", "JZ-001", "1000万元", "300万元", "100万元", "50万元", "250万元", "50万元"}}
		if diff := cmp.Diff(want, show(l.ProjectBalances("JZ-001"))); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if got := l.ProjectBalances("nobody"); got != nil {
			t.Errorf("unknown project: got %v", got)
		}
	})
	t.Run("release filled in", func(t *testing.T) {
		got, _ := l.Entry("r1")
		want := incentive.Entry{ID: "r1", Kind: incentive.Release, Budget: "prephase-2025", Earmark: "land-entry", Project: "JZ-001",
			Allocation: "a1", Amount: money("100万元"), Date: day("2025-09-01"), Reason: "项目调减"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("the release takes budget, earmark and project from its allocation (-want +got):\n%s", diff)
		}
	})
}

func TestOverspendError(t *testing.T) {
	l := newLedger(t)
	for _, e := range []incentive.Entry{
		alloc("a1", "relics", "JZ-001", "300万元", "2025-06-12"),
		release("r1", "a1", "50万元", "2025-07-01"),
		adjust("j1", "relics", "", "-20万元", "2025-07-02", "勘探费用结余"),
	} {
		if err := l.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	err := l.Record(alloc("a2", "relics", "JZ-002", "300万元", "2025-07-03"))
	var oe *incentive.OverspendError
	if !errors.As(err, &oe) {
		t.Fatalf("want *OverspendError, got %v", err)
	}
	f := quantity.FormatMoney
	got := []string{oe.Entry, oe.Kind.String(), oe.Budget, oe.Earmark, oe.EarmarkLabel, f(oe.Amount), f(oe.Allocated), f(oe.Released), f(oe.Adjusted), f(oe.Available), f(oe.Requested)}
	want := []string{"a2", "allocation", "prephase-2025", "relics", "文物勘探发掘", "500万元", "300万元", "50万元", "-20万元", "270万元", "300万元"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	wantMsg := "ledger entry a2: allocation of 300万元 would overspend earmark relics (文物勘探发掘) of budget prephase-2025: earmark 500万元, allocated 300万元, released 50万元, adjusted -20万元, available 270万元, requested 300万元"
	if diff := cmp.Diff(wantMsg, err.Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}

func TestConflictError(t *testing.T) {
	l := newLedger(t)
	if err := l.Record(alloc("a1", "relics", "JZ-001", "300万元", "2025-06-12")); err != nil {
		t.Fatal(err)
	}
	err := l.Record(alloc("a1", "relics", "JZ-002", "300万元", "2025-06-12"))
	var ce *incentive.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("want *ConflictError, got %v", err)
	}
	if diff := cmp.Diff([]string{"JZ-001", "JZ-002"}, []string{ce.Recorded.Project, ce.Given.Project}); diff != "" {
		t.Errorf("the error holds both entries (-want +got):\n%s", diff)
	}
	want := "ledger entry a1 is already recorded with different content: recorded allocation of 300万元 on prephase-2025/relics for project JZ-001 dated 2025-06-12 (前期保障); given allocation of 300万元 on prephase-2025/relics for project JZ-002 dated 2025-06-12 (前期保障); use a new id for a new entry"
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}

// TestLedger_concurrentOverspend allocates from many goroutines against a
// small earmark: the total allocated never exceeds it (run with -race).
func TestLedger_concurrentOverspend(t *testing.T) {
	small := incentive.Budget{Ref: ref("small", "小额"), Year: 2025, Total: money("100"),
		Earmarks: []incentive.Earmark{{Ref: ref("e", "小额专项"), Amount: money("100")}}}
	l, err := incentive.NewLedger(small)
	if err != nil {
		t.Fatal(err)
	}
	const workers, tries = 32, 20
	var wg sync.WaitGroup
	var mu sync.Mutex
	granted, refused := 0, 0
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range tries {
				err := l.Record(incentive.Entry{ID: fmt.Sprintf("w%d-%d", w, i), Kind: incentive.Allocation, Budget: "small", Earmark: "e",
					Project: "P", Amount: money("7"), Date: day("2025-06-12")})
				var oe *incentive.OverspendError
				mu.Lock()
				switch {
				case err == nil:
					granted++
				case errors.As(err, &oe):
					refused++
				default:
					t.Errorf("unexpected error %v", err)
				}
				mu.Unlock()
				if b, _ := l.Balance("small", "e"); b.Available.Sign() < 0 {
					t.Errorf("available went negative: %v", b.Available)
				}
			}
		}()
	}
	wg.Wait()
	b, _ := l.Balance("small", "e")
	got := []string{fmt.Sprint(granted), fmt.Sprint(refused), quantity.FormatMoney(b.Allocated), quantity.FormatMoney(b.Available), fmt.Sprint(l.Len())}
	want := []string{"14", fmt.Sprint(workers*tries - 14), "98元", "2元", "14"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("14 allocations of 7元 fit in 100元 (-want +got):\n%s", diff)
	}
}

// ledgerFile is a ledger exported as JSON lines, in the exact form Export
// writes.
const ledgerFile = `{"id":"a1","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"land-entry","project":"JZ-001","amount":"3000000","purpose":"进地清单编制"}
{"id":"a2","kind":"allocation","date":"2025-06-20","budget":"prephase-2025","earmark":"relics","project":"JZ-002","amount":"1250000.55","purpose":"文物勘探 & 发掘"}
{"id":"r1","kind":"release","date":"2025-09-01","budget":"prephase-2025","earmark":"land-entry","project":"JZ-001","allocation":"a1","amount":"500000","reason":"项目调减"}
{"id":"j1","kind":"adjustment","date":"2025-10-08","budget":"prephase-2025","earmark":"relics","amount":"-0.55","reason":"尾差更正"}
`

func TestLedger_jsonLines(t *testing.T) {
	l := newLedger(t)
	for _, e := range []incentive.Entry{
		alloc("a1", "land-entry", "JZ-001", "300万元", "2025-06-12"),
		alloc("a2", "relics", "JZ-002", "1250000.550", "2025-06-20"),
		release("r1", "a1", "50万元", "2025-09-01"),
		adjust("j1", "relics", "", "-0.55", "2025-10-08", "尾差更正"),
	} {
		if e.ID == "a1" {
			e.Purpose = "进地清单编制"
		}
		if e.ID == "a2" {
			e.Purpose = "文物勘探 & 发掘"
		}
		if err := l.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	var first bytes.Buffer
	if err := l.Export(&first); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ledgerFile, first.String()); diff != "" {
		t.Errorf("export (-want +got):\n%s", diff)
	}
	l2 := newLedger(t)
	if err := l2.Import(bytes.NewReader(first.Bytes())); err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := l2.Export(&second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("Export(Import(Export(l))) differs:\n%s\n%s", first.String(), second.String())
	}
	if diff := cmp.Diff(l.Entries(), l2.Entries()); diff != "" {
		t.Errorf("entries after the round trip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(l.Balances(), l2.Balances()); diff != "" {
		t.Errorf("balances after the round trip (-want +got):\n%s", diff)
	}
	// Importing the same file again changes nothing.
	if err := l2.Import(strings.NewReader(ledgerFile)); err != nil || l2.Len() != 4 {
		t.Errorf("re-import: %v, %d entries", err, l2.Len())
	}
}

func TestLedger_Import_errors(t *testing.T) {
	const good = `{"id":"a1","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"relics","project":"JZ-001","amount":"300"}`
	tests := []struct {
		name, reason string
		file         string
		wantLine     int
		wantKind     string
	}{
		{name: "not JSON", reason: "the line is reported", file: good + "\nhello\n", wantLine: 2, wantKind: "entry:"},
		{name: "unknown key", reason: "typos are caught", file: strings.Replace(good, `"amount"`, `"amout"`, 1), wantLine: 1, wantKind: "entry:"},
		{name: "number amount", reason: "amounts are strings, to stay exact", file: strings.Replace(good, `"300"`, `300`, 1), wantLine: 1, wantKind: "entry:amount"},
		{name: "exponent", reason: "no exponents", file: strings.Replace(good, `"300"`, `"3e2"`, 1), wantLine: 1, wantKind: "entry:amount"},
		{name: "unit", reason: "yuan only, as digits", file: strings.Replace(good, `"300"`, `"300万元"`, 1), wantLine: 1, wantKind: "entry:amount"},
		{name: "bad date", reason: "YYYY-MM-DD that exists", file: strings.Replace(good, "2025-06-12", "2025-02-30", 1), wantLine: 1, wantKind: "entry:date"},
		{name: "bad kind", reason: "three kinds", file: strings.Replace(good, "allocation", "grant", 1), wantLine: 1, wantKind: "entry:kind"},
		{name: "two objects", reason: "one entry per line", file: good + good, wantLine: 1, wantKind: "entry:"},
		{name: "conflict", reason: "the same id twice with other content", file: "\n" + good + "\n" + strings.Replace(good, `"300"`, `"301"`, 1), wantLine: 3, wantKind: "conflict"},
		{
			name: "overspend", reason: "a file that overspends is refused",
			file:     good + "\n" + strings.NewReplacer(`"a1"`, `"a2"`, `"300"`, `"5000000"`).Replace(good) + "\n",
			wantLine: 2, wantKind: "overspend",
		},
		{name: "too long", reason: "lines are bounded", file: good + "\n" + strings.Repeat(" ", 2<<20) + "\n", wantLine: 2, wantKind: "entry:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLedger(t)
			err := l.Import(strings.NewReader(tt.file))
			var le *incentive.LineError
			if !errors.As(err, &le) {
				t.Fatalf("%s: want *LineError, got %v", tt.reason, err)
			}
			if diff := cmp.Diff([]any{tt.wantLine, tt.wantKind}, []any{le.Line, errorKind(le.Err)}); diff != "" {
				t.Errorf("%s: %v (-want +got):\n%s", tt.reason, err, diff)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("line %d: ", tt.wantLine)) {
				t.Errorf("message %q does not start with the line", err)
			}
			if l.Len() != 0 {
				t.Errorf("%s: a failed import recorded %d entries; it must record none", tt.reason, l.Len())
			}
		})
	}
}

func TestEntry_JSON(t *testing.T) {
	e := alloc("a1", "relics", "JZ-001", "12.50", "2025-06-12")
	b, err := e.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a1","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"relics","project":"JZ-001","amount":"12.5","purpose":"前期保障"}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var back incentive.Entry
	if err := back.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}
