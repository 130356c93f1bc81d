// Package expr is devzone's expression language: the short, typed
// conditions and calculations that policy staff write in rule files, such as
//
//	investment >= major_project_threshold and industry in [新能源汽车, 装备制造]
//	as_of > date(review_passed) + 30个工作日 and not happened(land_transferred)
//
// The language itself (grammar, units, operators, functions, three-valued
// logic, limits and error codes) is described for rule writers in
// docs/rule-language.md. This comment is for Go programmers.
//
// # Phases
//
// Like cel-go, the package separates declaring, compiling and evaluating:
//
//   - [NewEnv] takes the declarations ([Decl]) of the facts, events and
//     parameters expressions may read, each with a snake_case name and an
//     optional Chinese label, and gives each a slot number.
//   - [Env.Compile] lexes, parses and checks an expression against the Env,
//     folds its constant parts, and returns a [Program] or an [ErrorList]
//     holding every problem at once, each with a stable code and byte
//     offsets into the source.
//   - An [Activation] holds one project's values by slot, the as-of date and
//     the working-day calendar. [Program.Eval] computes the result;
//     [Program.Explain] also records every sub-term's value and why an
//     unknown result is unknown, for audit trails.
//
// # Values and three-valued logic
//
// A [Value] is a small value type. Its zero value is unknown: a fact that
// is not set reads as unknown, and unknown propagates (false and unknown is
// false, true and unknown is unknown, a comparison with unknown is
// unknown). A runtime problem, such as a calendar without data for a year
// or a division by zero, also makes the affected term unknown;
// [Program.Explain] reports the error, wrapped so that errors.As reaches
// the calendar's *calendar.NoDataError.
//
// Money, areas, percentages and intensities are exact decimals
// (shopspring/decimal), in base units: yuan, 亩, fractions, yuan per 亩.
// Literals such as 10亿元 and 283.69亩 are read by internal/quantity, dates
// and periods by the calendar package.
//
// # Performance
//
// Evaluation does not allocate, except for a result that is a list and for
// arithmetic on amounts outside the fixed-point range. Decimal values are
// held as fixed-point integers of millionths whenever that is exact (the
// comment at the top of fixed.go explains the representation), so comparing
// and adding amounts is integer arithmetic; constants are normalised at
// compile time, and facts when they are bound with [Activation.Set]. Names
// are resolved to slots at compile time, so evaluation does no map lookups.
// Simple tests (fact op constant, fact in list) and and/or of them compile
// to specialised closures that combine three-valued results with bit
// operations instead of branches.
//
// # Concurrency
//
// An Env and its Programs are immutable and safe for concurrent use. An
// Activation is not: give each goroutine its own, and reuse it from one
// project to the next with [Activation.Reset], which does not allocate.
package expr
