package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/devzone-go/devzone/rules"
)

// runValidate loads and checks each rule file, printing every diagnostic in
// compiler format (file:line:col, the source line and a caret) or as JSON.
// Exit codes: 0 clean (warnings allowed unless --strict), 1 a file has errors
// (or warnings under --strict), 2 a file cannot be read or a flag is wrong.
func runValidate(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "machine-readable output")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("validate: give one or more rule files, e.g. devzone validate examples/jinzhong/policy.yaml")
	}
	var all rules.Diagnostics
	unreadable := false
	for _, f := range files {
		set, err := rules.LoadFile(f)
		var ds rules.Diagnostics
		switch {
		case err == nil:
			ds = set.Warnings()
		case errors.As(err, &ds):
			for _, d := range ds {
				if d.Code == rules.CodeFileRead && d.Pos.File == f && d.Path == "" {
					unreadable = true
				}
			}
		default:
			return usagef("%s: %v", f, err)
		}
		all = append(all, ds...)
	}
	if *asJSON {
		if err := all.WriteJSON(stdout); err != nil {
			return err
		}
	} else {
		if err := all.WriteText(stdout, os.ReadFile); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d files, %d errors, %d warnings\n", len(files), len(all.Errors()), len(all.Warnings()))
	}
	switch {
	case unreadable:
		return &silentUsage{}
	case all.HasErrors(), *strict && len(all.Warnings()) > 0:
		return &failure{}
	}
	return nil
}

// silentUsage is a usage or input error already reported on standard output:
// exit code 2 with nothing more printed.
type silentUsage struct{}

func (*silentUsage) Error() string { return "input error" }
