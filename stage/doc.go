// Package stage models a project's lifecycle in a development zone: the
// ordered stages (招商签约 → 落地摘地 → 项目开工 → 项目建设 → 投产运营), the
// criteria and transition meetings (转段会议) for moving from one stage to the
// next, the deadlines that run between milestones, and the supervision ladder
// (督办) for projects that fall behind: 发函督促 → 约谈企业 → 联合研判 →
// 履约核查 → 启动项目退出.
//
// Build a [Lifecycle] with [New], in Go or (usually) by compiling the
// lifecycle section of a rule file with package rules. [Lifecycle.Evaluate]
// takes a [zone.Context] — the project, the as-of date and the calendar — and
// returns a [Result]: the current stage derived from the project's events,
// the criteria of the next transition (met, unmet or unknown, with why),
// every deadline's status, the supervision steps due, and findings about
// inconsistent data. Every verdict carries the [zone.Ref] of the rule that
// decided it.
//
// A Lifecycle is immutable and safe for concurrent use. Evaluation is a pure
// function of the lifecycle, the project, the as-of date and the calendar; it
// never reads the clock.
package stage
