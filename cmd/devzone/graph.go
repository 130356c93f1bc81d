package main

import (
	"errors"
	"flag"
	"io"
	"os"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/stage"
)

// runGraph draws the lifecycle of a rule file (its stages, transition
// criteria and meetings, deadlines and escalation ladder) as a Mermaid
// flowchart or a Graphviz digraph on standard output. Problems in the rule
// file go to standard error in compiler format, so that the diagram can be
// redirected to a file. Exit codes: 0 drawn (warnings allowed), 1 the rule
// file has errors, 2 a flag is wrong, the file cannot be read, or it has no
// lifecycle: section.
func runGraph(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	file := fs.String("rules", "", "the rule file whose lifecycle to draw")
	format := fs.String("format", "mermaid", "mermaid or dot")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usagef("graph: unexpected argument %q; give the rule file with --rules FILE", rest[0])
	case *file == "":
		return usagef("graph: give the rule file with --rules FILE, e.g. devzone graph --rules examples/jinzhong/policy.yaml")
	}
	var gf stage.GraphFormat
	switch *format {
	case "mermaid":
		gf = stage.Mermaid
	case "dot":
		gf = stage.DOT
	default:
		return usagef("graph: unknown format %q; use --format mermaid or --format dot", *format)
	}
	set, err := rules.LoadFile(*file)
	var ds rules.Diagnostics
	switch {
	case err == nil:
		ds = set.Warnings()
	case !errors.As(err, &ds):
		return usagef("%s: %v", *file, err)
	}
	if len(ds) > 0 {
		if werr := ds.WriteText(stderr, os.ReadFile); werr != nil {
			return werr
		}
	}
	if err != nil {
		for _, d := range ds {
			if d.Code == rules.CodeFileRead && d.Pos.File == *file && d.Path == "" {
				return &silentUsage{}
			}
		}
		return &failure{}
	}
	l := set.Lifecycle()
	if l == nil {
		return usagef("graph: %s has no lifecycle: section to draw", *file)
	}
	_, err = io.WriteString(stdout, l.Graph(gf))
	return err
}
