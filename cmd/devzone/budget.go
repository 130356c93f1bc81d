package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
	"github.com/devzone-go/devzone/incentive"
	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules"
)

// The budget command shows the budgets of a rule set with what a ledger
// file has allocated from each earmark, and records allocations and
// releases in that file. The ledger file is JSON lines, one entry per line,
// in the form incentive.Ledger exports; the command only ever appends to
// it, so the file is its own audit trail.
//
//	devzone budget --rules R [--ledger L.jsonl] [--project P] [--as-of D] [--json]
//	devzone budget allocate --rules R --ledger L.jsonl --id A --earmark B/E --project P --amount 50万元 [--date D] [--purpose TEXT] [--dry-run] [--json]
//	devzone budget release  --rules R --ledger L.jsonl --id R1 --allocation A --amount 10万元 [--date D] [--reason TEXT] [--dry-run] [--json]
//
// Exit codes: 0 shown or recorded (or already recorded with the same
// content), 1 refused (the earmark has not enough left, or the id is taken
// by another entry), 2 usage or input errors (a rule set with errors, a
// malformed ledger line, an unknown earmark).
func runBudget(args []string, stdout, stderr io.Writer) error {
	sub := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "":
		return budgetSummary(args, stdout)
	case "allocate", "release":
		return budgetRecord(sub, args, stdout, stderr)
	}
	return usagef("budget: unknown sub-command %q; use allocate or release, or no sub-command to show the budgets", sub)
}

// budgetRules loads the rule set and returns its budgets and programmes.
func budgetRules(cmd, path string) (*incentive.Set, error) {
	if path == "" {
		return nil, usagef("%s: give the rule set with --rules, e.g. --rules examples/jinzhong/policy.yaml", cmd)
	}
	set, err := rules.LoadFile(path)
	if err != nil {
		var ds rules.Diagnostics
		if errors.As(err, &ds) {
			return nil, usagef("%s: the rule set %s has errors; run devzone validate %s\n%v", cmd, path, path, ds.Errors())
		}
		return nil, usagef("%s: %v", cmd, err)
	}
	inc := set.Incentives()
	if inc == nil || len(inc.Budgets()) == 0 {
		return nil, usagef("%s: the rule set %s declares no budgets (budgets:)", cmd, path)
	}
	return inc, nil
}

// readLedger records the entries of the ledger file at path into a new
// ledger over inc's budgets. A missing file is an empty ledger when
// missingOK, an error otherwise.
func readLedger(cmd string, inc *incentive.Set, path string, missingOK bool) (*incentive.Ledger, []byte, error) {
	l := inc.NewLedger()
	if path == "" {
		return l, nil, nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && missingOK:
		return l, nil, nil
	case err != nil:
		return nil, nil, usagef("%s: the ledger %s cannot be read: %v", cmd, path, errors.Unwrap(err))
	}
	if err := l.Import(bytes.NewReader(data)); err != nil {
		var le *incentive.LineError
		if errors.As(err, &le) {
			return nil, nil, usagef("%s:%d: %v; the ledger does not fit the rule set's budgets — correct the line, or check --rules", path, le.Line, le.Err)
		}
		return nil, nil, usagef("%s: %v", path, err)
	}
	return l, data, nil
}

// budgetSummary prints every budget with each earmark's amount, what the
// ledger allocated, released and adjusted, what is spent and available.
func budgetSummary(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("budget", flag.ContinueOnError)
	rulesPath := fs.String("rules", "", "the rule set")
	ledgerPath := fs.String("ledger", "", "the ledger file (JSON lines)")
	project := fs.String("project", "", "show one project's use of the earmarks")
	asOfArg := fs.String("as-of", "", "count only entries dated on or before this date")
	asJSON := fs.Bool("json", false, "machine-readable output")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("budget: unexpected argument %q; the rule set is given with --rules", pos[0])
	}
	inc, err := budgetRules("budget", *rulesPath)
	if err != nil {
		return err
	}
	ledger, _, err := readLedger("budget", inc, *ledgerPath, false)
	if err != nil {
		return err
	}
	if *asOfArg != "" {
		asOf, err := calendar.ParseDate(*asOfArg)
		if err != nil {
			return usagef("budget: --as-of: %v", err)
		}
		if ledger, err = ledgerAsOf(inc, ledger, asOf); err != nil {
			return err
		}
	}
	report := newBudgetReport(inc, ledger, *project)
	report.Rules, report.Ledger, report.AsOf = *rulesPath, *ledgerPath, *asOfArg
	if *asJSON {
		return writeJSON(stdout, report)
	}
	report.writeText(stdout)
	return nil
}

// ledgerAsOf returns a ledger with the entries of l dated on or before
// asOf.
func ledgerAsOf(inc *incentive.Set, l *incentive.Ledger, asOf date.Date) (*incentive.Ledger, error) {
	out := inc.NewLedger()
	for _, e := range l.Entries() {
		if e.Date > asOf {
			continue
		}
		if err := out.Record(e); err != nil {
			return nil, usagef("budget: --as-of %s: entry %s: %v", asOf, e.ID, err)
		}
	}
	return out, nil
}

// budgetReport is what the budget command shows, and its JSON form.
// Amounts in JSON are yuan, exact, as decimal strings ("20000000"), like
// the ledger file's.
type budgetReport struct {
	Rules   string         `json:"rules"`
	Ledger  string         `json:"ledger,omitempty"`
	AsOf    string         `json:"as_of,omitempty"`
	Entries int            `json:"entries"`
	Project string         `json:"project,omitempty"`
	Budgets []budgetStatus `json:"budgets"`
	// ProjectEntries are the project's entries, with --project.
	ProjectEntries []incentive.Entry `json:"project_entries,omitempty"`
}

type budgetStatus struct {
	ID          string          `json:"id"`
	Label       string          `json:"label"`
	Year        int             `json:"year"`
	Total       yuan            `json:"total"`
	Unallocated yuan            `json:"unallocated"`
	Earmarks    []earmarkStatus `json:"earmarks"`
	Sum         earmarkStatus   `json:"sum"` // the earmarks' sums; Amount is the earmarked part of the total
}

type earmarkStatus struct {
	ID        string `json:"id,omitempty"`
	Label     string `json:"label,omitempty"`
	Amount    yuan   `json:"amount"`
	Allocated yuan   `json:"allocated"`
	Released  yuan   `json:"released"`
	Adjusted  yuan   `json:"adjusted"`
	Spent     yuan   `json:"spent"`
	Available yuan   `json:"available"`
}

// yuan is an amount of money that marshals as an exact decimal string of
// yuan.
type yuan struct{ decimal.Decimal }

// MarshalText writes the amount in plain notation without trailing zeros,
// never depending on the decimal package's global settings.
func (y yuan) MarshalText() ([]byte, error) {
	n := y.Normalize()
	return []byte(n.StringFixed(max(0, -n.Exponent()))), nil
}

func (s *earmarkStatus) add(b incentive.Balance) {
	s.Amount.Decimal = s.Amount.Add(b.Amount)
	s.Allocated.Decimal = s.Allocated.Add(b.Allocated)
	s.Released.Decimal = s.Released.Add(b.Released)
	s.Adjusted.Decimal = s.Adjusted.Add(b.Adjusted)
	s.Spent.Decimal = s.Spent.Add(b.Spent)
	s.Available.Decimal = s.Available.Add(b.Available)
}

// newBudgetReport sums the ledger by earmark; with a project, the
// allocated, released, adjusted and spent amounts are the project's, while
// the amount and what is available stay the earmark's.
func newBudgetReport(inc *incentive.Set, l *incentive.Ledger, project string) *budgetReport {
	r := &budgetReport{Entries: l.Len(), Project: project}
	var projects []incentive.Balance
	if project != "" {
		projects = l.ProjectBalances(project)
		for _, e := range l.Entries() {
			if e.Project == project {
				r.ProjectEntries = append(r.ProjectEntries, e)
			}
		}
	}
	for _, b := range inc.Budgets() {
		st := budgetStatus{ID: b.Ref.ID, Label: b.Ref.Label, Year: b.Year, Total: yuan{b.Total}, Unallocated: yuan{b.Unallocated}, Earmarks: []earmarkStatus{}}
		for _, e := range b.Earmarks {
			bal, _ := l.Balance(b.Ref.ID, e.Ref.ID)
			if project != "" {
				use := incentive.Balance{Amount: bal.Amount, Available: bal.Available}
				for _, p := range projects {
					if p.Budget == b.Ref.ID && p.Earmark == e.Ref.ID {
						use = p
					}
				}
				bal.Allocated, bal.Released, bal.Adjusted, bal.Spent = use.Allocated, use.Released, use.Adjusted, use.Spent
			}
			es := balanceStatus(bal)
			es.Label = e.Ref.Label
			st.Sum.add(bal)
			st.Earmarks = append(st.Earmarks, es)
		}
		r.Budgets = append(r.Budgets, st)
	}
	return r
}

func (r *budgetReport) writeText(w io.Writer) {
	fm := quantity.FormatMoney
	for i, b := range r.Budgets {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s %s  %d年度  总额 %s\n", b.ID, b.Label, b.Year, fm(b.Total.Decimal))
		rows := [][]string{{"专项", "金额", "已分配", "已退回", "调整", "已使用", "可用余额", "使用率"}}
		row := func(name string, s earmarkStatus) []string {
			return []string{name, fm(s.Amount.Decimal), fm(s.Allocated.Decimal), fm(s.Released.Decimal), fm(s.Adjusted.Decimal),
				fm(s.Spent.Decimal), fm(s.Available.Decimal), usedShare(s.Spent.Decimal, s.Amount.Decimal)}
		}
		for _, e := range b.Earmarks {
			rows = append(rows, row(e.ID+" "+e.Label, e))
		}
		if !b.Unallocated.IsZero() {
			rows = append(rows, []string{"未列专项 (unallocated)", fm(b.Unallocated.Decimal)})
		}
		rows = append(rows, row("合计", b.Sum))
		printTable(w, rows)
	}
	fmt.Fprintln(w)
	switch {
	case r.Ledger == "":
		fmt.Fprintln(w, "台账: 未指定 (--ledger)，金额均未分配")
	case r.AsOf != "":
		fmt.Fprintf(w, "台账 %s: 截至 %s 共 %d 条记录\n", r.Ledger, r.AsOf, r.Entries)
	default:
		fmt.Fprintf(w, "台账 %s: 共 %d 条记录\n", r.Ledger, r.Entries)
	}
	if r.Project == "" {
		return
	}
	fmt.Fprintf(w, "项目 %s: 上表的已分配、已退回、调整和已使用为该项目的，金额和可用余额为专项的。该项目的记录:\n", r.Project)
	if len(r.ProjectEntries) == 0 {
		fmt.Fprintln(w, "  无")
		return
	}
	rows := [][]string{{"  编号", "日期", "类型", "专项", "金额", "用途/原因"}}
	for _, e := range r.ProjectEntries {
		rows = append(rows, []string{"  " + e.ID, e.Date.String(), e.Kind.Label(), e.Budget + "/" + e.Earmark, fm(e.Amount), e.Purpose + e.Reason})
	}
	printTable(w, rows)
}

// usedShare returns spent as a percentage of amount, to 0.1%.
func usedShare(spent, amount decimal.Decimal) string {
	if amount.Sign() <= 0 {
		return ""
	}
	return quantity.FormatPercent(spent.DivRound(amount, 3))
}

// budgetRecord appends an allocation or a release to the ledger file, after
// checking it against the rule set's budgets and every entry already in
// the file.
func budgetRecord(sub string, args []string, stdout, stderr io.Writer) error {
	cmd := "budget " + sub
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	rulesPath := fs.String("rules", "", "the rule set")
	ledgerPath := fs.String("ledger", "", "the ledger file (JSON lines); created if missing")
	id := fs.String("id", "", "the entry's id, e.g. the voucher number; recording the same entry twice does nothing")
	earmark := fs.String("earmark", "", "budget/earmark (allocate)")
	project := fs.String("project", "", "the project id (allocate)")
	allocation := fs.String("allocation", "", "the id of the allocation money is returned from (release)")
	amountArg := fs.String("amount", "", "the amount, e.g. 50万元")
	dateArg := fs.String("date", "", "the date of the entry (default today)")
	purpose := fs.String("purpose", "", "what the allocation is for (allocate)")
	reason := fs.String("reason", "", "why the money is returned (release)")
	dryRun := fs.Bool("dry-run", false, "check the entry without writing it")
	asJSON := fs.Bool("json", false, "machine-readable output")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("%s: unexpected argument %q", cmd, pos[0])
	}
	e := incentive.Entry{ID: *id, Project: *project, Allocation: *allocation, Purpose: *purpose, Reason: *reason}
	missing := []string{}
	need := func(name, v string) {
		if v == "" {
			missing = append(missing, "--"+name)
		}
	}
	need("ledger", *ledgerPath)
	need("id", *id)
	need("amount", *amountArg)
	if sub == "allocate" {
		e.Kind = incentive.Allocation
		need("earmark", *earmark)
		need("project", *project)
		if *allocation != "" || *reason != "" {
			return usagef("%s: --allocation and --reason belong to budget release", cmd)
		}
	} else {
		e.Kind = incentive.Release
		need("allocation", *allocation)
		if *earmark != "" || *project != "" || *purpose != "" {
			return usagef("%s: a release takes its earmark and project from --allocation; --purpose belongs to budget allocate", cmd)
		}
	}
	if len(missing) > 0 {
		return usagef("%s: give %s", cmd, strings.Join(missing, ", "))
	}
	if e.Amount, err = quantity.ParseMoney(*amountArg); err != nil {
		return usagef("%s: --amount: %v (例如 50万元)", cmd, err)
	}
	e.Date = date.NewAt(time.Now()) // the CLI, not the library, decides what today is
	if *dateArg != "" {
		if e.Date, err = calendar.ParseDate(*dateArg); err != nil {
			return usagef("%s: --date: %v", cmd, err)
		}
	}
	inc, err := budgetRules(cmd, *rulesPath)
	if err != nil {
		return err
	}
	if sub == "allocate" {
		if e.Budget, e.Earmark, err = resolveEarmark(inc, *earmark); err != nil {
			return usagef("%s: --earmark: %v", cmd, err)
		}
	}
	unlock, err := lockLedger(*ledgerPath)
	if err != nil {
		return usagef("%s: %v", cmd, err)
	}
	defer unlock()
	ledger, data, err := readLedger(cmd, inc, *ledgerPath, true)
	if err != nil {
		return err
	}
	_, already := ledger.Entry(e.ID)
	if err := ledger.Record(e); err != nil {
		return refuse(cmd, *ledgerPath, err, stderr)
	}
	recorded, _ := ledger.Entry(e.ID) // a release has its earmark and project filled in
	written := false
	if !already && !*dryRun {
		if err := appendEntry(*ledgerPath, data, recorded); err != nil {
			return usagef("%s: %v", cmd, err)
		}
		written = true
	}
	bal, _ := ledger.Balance(recorded.Budget, recorded.Earmark)
	if *asJSON {
		return writeJSON(stdout, struct {
			Ledger  string        `json:"ledger"`
			Written bool          `json:"written"`
			Already bool          `json:"already_recorded"`
			DryRun  bool          `json:"dry_run"`
			Entry   entryJSON     `json:"entry"`
			Balance earmarkStatus `json:"balance"`
		}{*ledgerPath, written, already, *dryRun, entryJSON{recorded}, balanceStatus(bal)})
	}
	fm := quantity.FormatMoney
	switch {
	case already:
		fmt.Fprintf(stdout, "%s 已记录过 (already recorded)，台账 %s 未改动\n", recorded.ID, *ledgerPath)
	case *dryRun:
		fmt.Fprintf(stdout, "可以记录 (dry run)，台账 %s 未改动: %s\n", *ledgerPath, describeEntry(recorded))
	default:
		fmt.Fprintf(stdout, "已记录 %s → %s: %s\n", recorded.ID, *ledgerPath, describeEntry(recorded))
	}
	fmt.Fprintf(stdout, "专项 %s/%s %s: 金额 %s，已使用 %s，可用余额 %s\n", bal.Budget, bal.Earmark, bal.Label, fm(bal.Amount), fm(bal.Spent), fm(bal.Available))
	return nil
}

// entryJSON embeds a ledger entry in JSON output in its ledger-line form.
type entryJSON struct{ incentive.Entry }

// MarshalJSON writes the entry as a ledger line does.
func (e entryJSON) MarshalJSON() ([]byte, error) { return e.Entry.MarshalJSON() }

func balanceStatus(b incentive.Balance) earmarkStatus {
	var s earmarkStatus
	s.ID, s.Label = b.Earmark, b.Label
	s.add(b)
	return s
}

func describeEntry(e incentive.Entry) string {
	fm := quantity.FormatMoney
	s := fmt.Sprintf("%s %s，%s/%s，项目 %s，%s", e.Kind.Label(), fm(e.Amount), e.Budget, e.Earmark, e.Project, e.Date)
	if e.Kind == incentive.Release {
		s += "，退自分配 " + e.Allocation
	}
	if t := e.Purpose + e.Reason; t != "" {
		s += "，" + t
	}
	return s
}

// resolveEarmark reads budget/earmark and checks it names an earmark of
// the rule set, suggesting the nearest when it does not.
func resolveEarmark(inc *incentive.Set, s string) (string, string, error) {
	var all []string
	for _, b := range inc.Budgets() {
		for _, e := range b.Earmarks {
			ref := b.Ref.ID + "/" + e.Ref.ID
			if ref == s {
				return b.Ref.ID, e.Ref.ID, nil
			}
			all = append(all, ref)
		}
	}
	msg := fmt.Sprintf("the rule set has no earmark %q", s)
	if sug := yamlnode.Suggest(s, all); sug != "" {
		msg += fmt.Sprintf("; did you mean %q?", sug)
	}
	return "", "", errors.New(msg + " The earmarks are: " + strings.Join(all, ", "))
}

// refuse reports an entry the ledger refused. An overspend or an id taken
// by another entry is a refusal (exit code 1, explained on standard error);
// a malformed entry is an input error (exit code 2).
func refuse(cmd, path string, err error, stderr io.Writer) error {
	fm := quantity.FormatMoney
	var over *incentive.OverspendError
	var conflict *incentive.ConflictError
	switch {
	case errors.As(err, &over):
		fmt.Fprintf(stderr, "devzone: %s refused: an %s of %s would overspend earmark %s/%s (%s): amount %s, spent %s, available %s. Nothing was written to %s.\n",
			cmd, over.Kind, fm(over.Requested), over.Budget, over.Earmark, over.EarmarkLabel,
			fm(over.Amount), fm(over.Allocated.Sub(over.Released).Add(over.Adjusted)), fm(over.Available), path)
		return &failure{}
	case errors.As(err, &conflict):
		fmt.Fprintf(stderr, "devzone: %s refused: id %s is already used in %s by another entry (%s). Give the new entry its own --id. Nothing was written.\n",
			cmd, conflict.ID, path, describeEntry(conflict.Recorded))
		return &failure{}
	}
	return usagef("%s: %v", cmd, err)
}

// lockLedger takes the ledger file's lock, a file beside it created
// exclusively, so that two commands never append to one ledger at once: each
// checks the whole file before writing, and an allocation recorded by
// another command in between could otherwise overspend an earmark.
func lockLedger(path string) (func(), error) {
	lock := path + ".lock"
	f, err := os.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("the ledger %s is being written by another devzone command (%s exists); try again, or, if no other command is running, delete %s", path, lock, lock)
	}
	if err != nil {
		return nil, fmt.Errorf("the ledger %s cannot be locked: %v", path, errors.Unwrap(err))
	}
	fmt.Fprintln(f, "pid", strconv.Itoa(os.Getpid()))
	f.Close()
	return func() { os.Remove(lock) }, nil
}

// appendEntry appends e as one line to the ledger file, after a line break
// if the file does not end with one, and syncs it to disk.
func appendEntry(path string, before []byte, e incentive.Entry) error {
	line, err := e.MarshalJSON()
	if err != nil {
		return err
	}
	if len(before) > 0 && before[len(before)-1] != '\n' {
		line = append([]byte{'\n'}, line...)
	}
	line = append(line, '\n')
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("the ledger %s cannot be written: %v", path, errors.Unwrap(err))
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return fmt.Errorf("the ledger %s cannot be written: %v", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("the ledger %s cannot be written: %v", path, err)
	}
	return f.Close()
}
