package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"gopkg.in/yaml.v3"

	"github.com/devzone-go/devzone/rules"
	"github.com/devzone-go/devzone/zone"
)

// evalInput is what evaluate and explain share: the rule set, the
// projects and the date.
type evalInput struct {
	set      *rules.Set
	projects []*zone.Project
	asOf     date.Date
	asJSON   bool
}

// loadEvalInput parses the common flags of evaluate and explain and loads
// the rule set and the projects. Problems in either file are printed as by
// validate and make a usage error (exit code 2): the command cannot run.
func loadEvalInput(name string, args []string, stdout io.Writer, needID bool) (*evalInput, error) {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	rulesPath := fset.String("rules", "", "the rule set")
	projectsPath := fset.String("projects", "", "the projects file (YAML, or JSON ending in .json)")
	id := fset.String("id", "", "only the project with this id")
	asOfText := fset.String("as-of", "", "the evaluation date, YYYY-MM-DD (default today)")
	asJSON := fset.Bool("json", false, "machine-readable output")
	pos, err := parseFlags(fset, args)
	if err != nil {
		return nil, err
	}
	switch {
	case len(pos) > 0:
		return nil, usagef("%s: unexpected argument %q; give the files with --rules and --projects", name, pos[0])
	case *rulesPath == "" || *projectsPath == "":
		return nil, usagef("%s: give --rules FILE and --projects FILE, e.g. devzone %s --rules policy.yaml --projects projects.yaml --as-of 2025-07-01", name, name)
	case needID && *id == "":
		return nil, usagef("%s: give the project with --id, e.g. --id JZ-2025-001", name)
	}
	in := &evalInput{asJSON: *asJSON, asOf: date.NewAt(time.Now())} // the CLI, not the library, decides what today is
	if *asOfText != "" {
		if in.asOf, err = parseDateArg(*asOfText); err != nil {
			return nil, err
		}
	}
	in.set, err = rules.LoadFile(*rulesPath)
	if err != nil {
		return nil, inputProblem(stdout, err, *rulesPath)
	}
	in.projects, err = rules.LoadProjectsFile(in.set, *projectsPath)
	if err != nil {
		return nil, inputProblem(stdout, err, *projectsPath)
	}
	if *id != "" {
		var ids []string
		for _, p := range in.projects {
			if p.ID == *id {
				in.projects = []*zone.Project{p}
				return in, nil
			}
			ids = append(ids, p.ID)
		}
		return nil, usagef("%s has no project with id %q; its ids are: %s", *projectsPath, *id, strings.Join(ids, ", "))
	}
	return in, nil
}

// inputProblem prints the diagnostics of a file the command needs, and
// returns the usage error for it.
func inputProblem(stdout io.Writer, err error, name string) error {
	if unreadable(err, name) {
		return usagef("%s: %v", name, err)
	}
	if werr := writeDiagnostics(stdout, err); werr != nil {
		return werr
	}
	return &silentUsage{}
}

// observe evaluates one project, turning an evaluation error into a usage
// error naming the project.
func (in *evalInput) observe(p *zone.Project) (*rules.Observation, error) {
	obs, err := in.set.Observe(p, in.asOf)
	if err != nil {
		return nil, usagef("project %s: %v", p.ID, err)
	}
	return obs, nil
}

// runEvaluate evaluates projects and prints, for each, what the rule set
// decides, as a scenario case (name, as_of, project, expect) that can be
// pasted into a scenario file to keep the behaviour; --json prints the
// same as JSON. Exit codes: 0 done; 2 a file cannot be read or has errors,
// a project cannot be evaluated (e.g. before the rule set takes effect),
// or a flag is wrong.
func runEvaluate(args []string, stdout io.Writer) error {
	in, err := loadEvalInput("evaluate", args, stdout, false)
	if err != nil {
		return err
	}
	type jsonCase struct {
		ID     string             `json:"id"`
		Name   string             `json:"name,omitempty"`
		AsOf   string             `json:"as_of"`
		Expect *rules.Observation `json:"expect"`
	}
	var cases []jsonCase
	var seq yaml.Node
	seq.Kind = yaml.SequenceNode
	for _, p := range in.projects {
		obs, err := in.observe(p)
		if err != nil {
			return err
		}
		if in.asJSON {
			cases = append(cases, jsonCase{ID: p.ID, Name: p.Name, AsOf: in.asOf.String(), Expect: obs})
			continue
		}
		c, err := caseNode(in.set, p, obs)
		if err != nil {
			return err
		}
		seq.Content = append(seq.Content, c)
	}
	if in.asJSON {
		if cases == nil {
			cases = []jsonCase{}
		}
		return writeJSON(stdout, cases)
	}
	fmt.Fprintf(stdout, "# What the rule set %s decides on %s. Each item is a scenario case:\n# copy it under cases: of a scenario file to keep this behaviour.\n", in.set.ID(), in.asOf)
	if len(seq.Content) == 0 {
		_, err := fmt.Fprintln(stdout, "[]")
		return err
	}
	enc := yaml.NewEncoder(stdout)
	enc.SetIndent(2)
	if err := enc.Encode(&seq); err != nil {
		return err
	}
	return enc.Close()
}

// caseNode writes one project's observation as a scenario case.
func caseNode(set *rules.Set, p *zone.Project, obs *rules.Observation) (*yaml.Node, error) {
	// The project as a projects file writes it: lossless.
	text, err := rules.MarshalProjects(set, []*zone.Project{p})
	if err != nil {
		return nil, err
	}
	var file yaml.Node
	if err := yaml.Unmarshal(text, &file); err != nil {
		return nil, err
	}
	project := file.Content[0].Content[3].Content[0] // projects[0]
	project.Style = yaml.FlowStyle
	var expect yaml.Node
	if err := expect.Encode(obs); err != nil {
		return nil, err
	}
	name := p.ID
	if p.Name != "" {
		name += " " + p.Name
	}
	scalar := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		scalar("name"), scalar(name),
		scalar("as_of"), scalar(obs.AsOf.String()),
		scalar("project"), project,
		scalar("expect"), &expect,
	}}, nil
}

// runExplain prints, for one project, every value the rule set decides
// with the trace of the rule that decided it: the rule's id and label,
// its citation, where it is written, and the explanation. Exit codes as
// for evaluate.
func runExplain(args []string, stdout io.Writer) error {
	in, err := loadEvalInput("explain", args, stdout, true)
	if err != nil {
		return err
	}
	p := in.projects[0]
	obs, err := in.observe(p)
	if err != nil {
		return err
	}
	if in.asJSON {
		type jsonRule struct {
			ID    string `json:"id,omitempty"`
			Label string `json:"label,omitempty"`
			Cite  string `json:"cite,omitempty"`
			Pos   string `json:"pos,omitempty"`
		}
		type jsonValue struct {
			Key     string   `json:"key"`
			Value   string   `json:"value"`
			Rule    jsonRule `json:"rule"`
			Why     string   `json:"why,omitempty"`
			Missing []string `json:"missing,omitempty"`
		}
		out := []jsonValue{}
		for _, v := range obs.Values {
			r := v.Trace.Ref
			out = append(out, jsonValue{Key: v.Key(), Value: v.Text, Rule: jsonRule{r.ID, r.Label, r.Cite, r.Pos.String()}, Why: v.Trace.Detail, Missing: v.Trace.Missing})
		}
		return writeJSON(stdout, out)
	}
	var b bytes.Buffer
	title := p.ID
	if p.Name != "" {
		title += " " + p.Name
	}
	fmt.Fprintf(&b, "%s as of %s, rule set %s\n", title, in.asOf, in.set.ID())
	var last *rules.Trace
	for i := range obs.Values {
		v := &obs.Values[i]
		if v.Default {
			continue
		}
		same := last != nil && last.Ref == v.Trace.Ref && last.Detail == v.Trace.Detail
		if !same {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s = %s\n", v.Key(), v.Text)
		if i+1 < len(obs.Values) && sameTrace(obs.Values[i+1:], v.Trace) {
			last = &v.Trace
			continue
		}
		if tr := v.Trace.String(); tr != "" {
			fmt.Fprintf(&b, "  %s\n", strings.ReplaceAll(tr, "\n", "\n  "))
		}
		last = &v.Trace
	}
	_, err = stdout.Write(b.Bytes())
	return err
}

// sameTrace reports whether the next value that is printed has trace t, so
// that values decided by one rule share one trace.
func sameTrace(rest []rules.Observed, t rules.Trace) bool {
	for _, v := range rest {
		if v.Default {
			continue
		}
		return v.Trace.Ref == t.Ref && v.Trace.Detail == t.Detail
	}
	return false
}
