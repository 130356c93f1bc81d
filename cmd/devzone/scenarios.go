package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/devzone-go/devzone/rules"
)

// runTest runs scenario files: each PATH is a scenario file or a folder
// searched for files named *scenarios*.yaml. It prints every failing case
// with the key, the expected and actual values and the trace of the rule
// that decided the value, then "N passed, N failed".
//
// Exit codes: 0 every case passes; 1 a case fails, or a scenario file or
// its rule set has errors (printed as by validate); 2 a path cannot be
// read, no scenario file is found, or a flag is wrong.
func runTest(args []string, stdout io.Writer) error {
	var verbose bool
	fset := flag.NewFlagSet("test", flag.ContinueOnError)
	for _, name := range []string{"v", "verbose"} {
		fset.BoolVar(&verbose, name, false, "also list the cases that pass")
	}
	paths, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("test: give scenario files or folders, e.g. devzone test examples/jinzhong")
	}
	files, err := scenarioFiles(paths)
	if err != nil {
		return err
	}
	passed, failed, broken := 0, 0, 0
	for _, f := range files {
		s, err := rules.LoadScenariosFile(f)
		if err != nil {
			if unreadable(err, f) {
				return usagef("%s: %v", f, err)
			}
			if err := writeDiagnostics(stdout, err); err != nil {
				return err
			}
			broken++
			continue
		}
		rep := s.Check()
		for i := range rep.Cases {
			c := &rep.Cases[i]
			if c.Passed() {
				passed++
				if verbose {
					fmt.Fprintf(stdout, "ok   %s: %s\n", c.Pos, c.Name)
				}
				continue
			}
			failed++
			writeFailure(stdout, c)
		}
	}
	if broken > 0 {
		fmt.Fprintf(stdout, "%d of %d scenario files could not be loaded\n", broken, len(files))
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 || broken > 0 {
		return &failure{}
	}
	return nil
}

// writeFailure prints one failing case.
func writeFailure(w io.Writer, c *rules.CaseResult) {
	fmt.Fprintf(w, "FAIL %s: %s\n", c.Pos, c.Name)
	if c.Err != nil {
		fmt.Fprintf(w, "  %v\n", c.Err)
		var d *rules.Diagnostic
		if errors.As(c.Err, &d) && d.Detail != "" {
			fmt.Fprintf(w, "  %s\n", d.Detail)
		}
		return
	}
	for _, m := range c.Mismatches() {
		fmt.Fprintf(w, "  %s (%s): want %s, got %s\n", m.Key, m.Pos, m.Want, m.Got)
		if tr := m.Trace.String(); tr != "" {
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(tr, "\n", "\n    "))
		}
	}
}

// writeDiagnostics prints the diagnostics an error carries, with source
// lines, or the error itself.
func writeDiagnostics(w io.Writer, err error) error {
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		_, werr := fmt.Fprintln(w, err)
		return werr
	}
	if err := ds.WriteText(w, os.ReadFile); err != nil {
		return err
	}
	_, werr := fmt.Fprintln(w)
	return werr
}

// unreadable reports whether err says that the file name itself cannot be
// read (rather than that it has problems).
func unreadable(err error, name string) bool {
	var ds rules.Diagnostics
	if !errors.As(err, &ds) {
		return true
	}
	for _, d := range ds {
		if d.Code == rules.CodeFileRead && d.Pos.File == filepath.Clean(name) && d.Pos.Line == 0 {
			return true
		}
	}
	return false
}

// scenarioFiles expands folders into the scenario files they hold.
func scenarioFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, usagef("%s cannot be read: %v", p, pathReason(err))
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && isScenarioFile(e.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, usagef("%s cannot be read: %v", p, pathReason(err))
		}
		if len(found) == 0 {
			return nil, usagef("no scenario files (*scenarios*.yaml) in %s", p)
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}

func isScenarioFile(name string) bool {
	return strings.Contains(name, "scenarios") && strings.HasSuffix(name, ".yaml")
}

func pathReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, " ") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// runCoverage loads a rule set and scenario files and lists the rules no
// passing case exercises. Each --scenarios value (the flag may be repeated)
// and each further argument is a scenario file or a folder; the cases are
// checked against --rules whatever their own rules: says.
//
// Exit codes: 0 every rule is exercised (with --strict: covered both ways
// where it can fail); 1 some rule is not, or a file has errors; 2 a file
// cannot be read or a flag is wrong.
func runCoverage(args []string, stdout io.Writer) error {
	fset := flag.NewFlagSet("coverage", flag.ContinueOnError)
	rulesPath := fset.String("rules", "", "the rule set")
	var scen stringList
	fset.Var(&scen, "scenarios", "a scenario file or folder (repeatable)")
	strict := fset.Bool("strict", false, "also fail for rules exercised one way only")
	all := fset.Bool("all", false, "list every rule with its counts")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	scen = append(scen, pos...)
	if *rulesPath == "" || len(scen) == 0 {
		return usagef("coverage: give --rules FILE and --scenarios FILE_OR_FOLDER, e.g. devzone coverage --rules policy.yaml --scenarios scenarios.yaml")
	}
	set, err := rules.LoadFile(*rulesPath)
	if err != nil {
		if unreadable(err, *rulesPath) {
			return usagef("%s: %v", *rulesPath, err)
		}
		if err := writeDiagnostics(stdout, err); err != nil {
			return err
		}
		return &failure{}
	}
	files, err := scenarioFiles(scen)
	if err != nil {
		return err
	}
	var reports []*rules.Report
	broken := false
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return usagef("%s cannot be read: %v", f, pathReason(err))
		}
		s, err := rules.ParseScenarios(set, f, src)
		if err != nil {
			if err := writeDiagnostics(stdout, err); err != nil {
				return err
			}
			broken = true
			continue
		}
		reports = append(reports, s.Check())
	}
	cov := rules.MeasureCoverage(set, reports...)
	row := func(r rules.RuleCoverage) []string {
		return []string{string(r.Rule.Kind), r.Rule.ID, r.Ref.Label, r.Ref.Pos.String(),
			fmt.Sprintf("pass %d, fail %d, unknown %d, asserted %d", r.Pass, r.Fail, r.Unknown, r.Asserted)}
	}
	section := func(title string, rs []rules.RuleCoverage) {
		if len(rs) == 0 {
			return
		}
		fmt.Fprintf(stdout, "%s (%d):\n", title, len(rs))
		var rows [][]string
		for _, r := range rs {
			rows = append(rows, append([]string{" "}, row(r)...))
		}
		printTable(stdout, rows)
	}
	never := cov.Unexercised()
	var oneWay []rules.RuleCoverage
	for _, r := range cov.Uncovered() {
		if r.Exercised() {
			oneWay = append(oneWay, r)
		}
	}
	if *all {
		section("rules", cov.Rules)
	}
	section("never exercised", never)
	section("exercised one way only", oneWay)
	fmt.Fprintf(stdout, "%d rules: %d covered, %d one way only, %d never exercised; %d passing cases counted",
		len(cov.Rules), len(cov.Rules)-len(never)-len(oneWay), len(oneWay), len(never), cov.Cases)
	if cov.Failed > 0 {
		fmt.Fprintf(stdout, ", %d failing cases left out (see devzone test)", cov.Failed)
	}
	fmt.Fprintln(stdout)
	if broken || len(never) > 0 || *strict && len(oneWay) > 0 {
		return &failure{}
	}
	return nil
}
