// Package rules reads, checks and compiles devzone rule sets: YAML files
// that write down a development zone's policy — its parameters, the
// project facts and milestone events its rules read, and named conditions —
// in the words of the policy document. docs/rule-format.md describes the
// format for the people who write it.
//
// # Phases
//
// Loading a rule set has three phases, each with its own type, as in
// cel-go and HCL:
//
//   - [Parse] turns the bytes of one file into a [File]: a syntax tree whose
//     every part knows its position. It checks shape only — known keys,
//     required keys, mappings and lists where they belong, no duplicate keys,
//     no YAML anchors — and never interprets a value.
//   - [Compile] turns the files of an extends chain (baseline first) into an
//     immutable [Set]: it merges the layers, reads money, dates and periods,
//     infers and checks parameter types, type-checks every expression with
//     package rules/expr, and resolves names.
//   - [Set.Evaluate] and [Condition.Evaluate] take a project ([zone.Project])
//     and an as-of date and return verdicts with explanations. They read no
//     clock: the same inputs give the same result.
//
// [LoadFile] and [LoadFS] do the first two phases in one call, following
// extends: from file to file.
//
// # Diagnostics
//
// Every problem in a rule set is a [*Diagnostic] with a stable code, a
// file:line:col position (columns count characters, so a Chinese character
// is one column), the key path in the file, and a message for the policy
// officer who wrote it. All problems are reported at once, sorted, as
// [Diagnostics]; the functions that load rule sets document that their
// errors are of that type. [Diagnostics.WriteText] prints them with the
// source line and a caret, [Diagnostics.WriteJSON] for tools. Expression
// errors point at the exact character, even inside folded (>) or quoted
// multi-line values.
//
// # Concurrency
//
// A [Set] and its [Condition] values are immutable and safe for concurrent
// use. A [zone.Context] belongs to one goroutine at a time.
//
// # Domain sections
//
// The top-level sections lifecycle, land, budgets, incentives and zone
// belong to the domain packages and plug into the loader through an
// internal table of sections. Each is compiled into its package's type:
// lifecycle into a [stage.Lifecycle] ([Set.Lifecycle], docs/lifecycle.md),
// land into a [land.Policy] ([Set.Land], docs/land.md), budgets and
// incentives into an [incentive.Set] ([Set.Incentives], docs/incentives.md),
// zone into a [zone.Zone] and portfolio metrics ([Set.Zone],
// [Set.Portfolio], docs/zone.md). [Set.Evaluate] returns all their verdicts
// in one [Result].
//
// # Projects and scenarios
//
// [ParseProjects] reads a projects file (YAML or JSON) into [zone.Project]
// values typed by a rule set, and [MarshalProjects] writes them back
// losslessly. A scenario file holds test cases — a project, a date and what
// the rule set must decide; [LoadScenariosFile] reads one with its rule
// set, [Scenarios.Check] runs it, [MeasureCoverage] tells which rules the
// passing cases exercise, and [Set.Observe] gives everything a rule set
// decides for a project in the keys of a scenario. Package rules/ruletest
// runs scenario files as Go tests. docs/scenarios.md describes the files.
package rules
