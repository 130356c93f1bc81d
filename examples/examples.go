// Package examples holds devzone's example rule sets: a Shanxi provincial
// baseline (shanxi/baseline.yaml) and, for each development zone in the
// source documents, a folder with the zone's rule set (policy.yaml), a
// portfolio of synthetic projects (projects.yaml), the scenarios that test
// the rules (scenarios.yaml) and a small runnable program (main.go).
//
// Every rule cites the passage of the policy document it encodes; figures
// the documents do not give are marked in the YAML as example values
// (示例值). The projects are synthetic.
package examples

import "embed"

// FS holds the example rule sets, projects and scenarios, one folder per
// zone (shanxi/baseline.yaml, jinzhong/policy.yaml, …), for the CLI and
// tests. Load a rule set from it with rules.LoadFS.
//
//go:embed */*.yaml
var FS embed.FS
