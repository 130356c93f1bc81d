// Command devzone checks, tests and applies development-zone rule sets from
// the command line. It is a thin layer over the devzone packages: it parses
// flags, reads files, renders results and sets the exit code.
//
// Exit codes: 0 success, 1 the rules or scenarios fail, 2 usage or input
// errors (with one clear line on standard error).
//
// The command reads the clock only to default a date the user left out; the
// library never does.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is an input or usage problem: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

const usage = `devzone — development-zone policy rules

Usage:
  devzone validate FILE...                check rule files; every problem as file:line:col
  devzone graph --rules FILE              draw a rule file's lifecycle (--format mermaid or dot)
  devzone budget --rules R [--ledger L]   each budget and earmark: amount, allocated, released, available
  devzone budget allocate --rules R --ledger L --id A --earmark B/E --project P --amount 50万元
                                          record an allocation; an overspend is refused (exit 1)
  devzone budget release --rules R --ledger L --id R1 --allocation A --amount 10万元
                                          return money from an allocation to its earmark
  devzone report [--rules R --projects P | --example ZONE] [--as-of D] [--ledger L]
                                          the zone dashboard: 三个一批 by period, rates, overdue,
                                          escalations, incentives, budget balances; with no files,
                                          the Jinzhong example shipped in the binary
  devzone test PATH...                    run scenario files; a folder: every *scenarios*.yaml in it
  devzone coverage --rules R --scenarios S...
                                          the rules no passing scenario exercises
  devzone evaluate --rules R --projects P [--id ID] [--as-of D]
                                          what the rules decide, written as scenario cases
  devzone explain --rules R --projects P --id ID [--as-of D]
                                          every decision with its rule, citation and reason
  devzone calendar add DATE N             the N-th working day after DATE
  devzone calendar deadline DATE PERIOD   the due date of a period (30个工作日, 60天, 4个月)
  devzone calendar between A B            working days in (A, B]
  devzone calendar is-workday [DATE]      whether DATE (default today) is a working day, and why
  devzone calendar holidays [YEAR]        a year's holidays and make-up working days

Validate flags: --json (machine-readable), --strict (warnings fail too).
Report flags: --format text|json|markdown, --period month|quarter|year, --from D.

Budget flags: --json; --project P and --as-of DATE (show); --date DATE (default today),
--purpose TEXT / --reason TEXT and --dry-run (allocate, release). The ledger file is
JSON lines, only ever appended to; recording an entry again with the same --id does nothing.

Test flags: -v (list passing cases too). Coverage flags: --strict (two-way
rules seen only one way fail too), --all (list every rule). Evaluate and
explain flags: --json; --as-of defaults to today. See docs/scenarios.md.

Calendar flags (anywhere after the sub-command):
  --json            machine-readable output
  --calendar FILE   a zone calendar file extending cn-mainland
  --fallback        count unpublished years Monday–Friday (provisional)

Exit codes: 0 success, 1 rules or scenarios fail, 2 usage or input errors.
`

// run is the testable body of main.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "calendar":
		err = runCalendar(args[1:], stdout, stderr)
	case "validate":
		err = runValidate(args[1:], stdout)
	case "graph":
		err = runGraph(args[1:], stdout, stderr)
	case "budget":
		err = runBudget(args[1:], stdout, stderr)
	case "report":
		err = runReport(args[1:], stdout, loadProjectsFile)
	case "test":
		err = runTest(args[1:], stdout)
	case "coverage":
		err = runCoverage(args[1:], stdout)
	case "evaluate":
		err = runEvaluate(args[1:], stdout)
	case "explain":
		err = runExplain(args[1:], stdout)
	default:
		err = usagef("unknown command %q; run 'devzone help'", args[0])
	}
	return report(err, stderr)
}

// report prints err as one line and returns the exit code for it.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var fail *failure
	if errors.As(err, &fail) {
		return exitFail
	}
	var silent *silentUsage
	if errors.As(err, &silent) {
		return exitUsage
	}
	msg := err.Error()
	if !strings.Contains(msg, "\n") {
		fmt.Fprintln(stderr, "devzone:", msg)
	} else {
		fmt.Fprintln(stderr, msg)
	}
	return exitUsage
}

// failure means the command ran and printed its findings, which fail (exit
// code 1).
type failure struct{}

func (*failure) Error() string { return "failed" }

var negativeNumber = regexp.MustCompile(`^-\d+$`)

// parseFlags parses fs's flags wherever they appear among args (flag stops at
// the first positional argument) and returns the positional arguments.
// Negative numbers are positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-" && !negativeNumber.MatchString(a):
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if f := fs.Lookup(name); f != nil && !strings.Contains(name, "=") && !isBool(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			pos = append(pos, a)
		}
	}
	fs.SetOutput(io.Discard)
	if err := fs.Parse(flags); err != nil {
		return nil, usagef("%s: %v", fs.Name(), err)
	}
	return pos, nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
