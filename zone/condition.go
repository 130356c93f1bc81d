package zone

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/devzone-go/devzone/calendar"
)

// Pos is a position in a rule file: 1-based line and column. The zero Pos
// means "defined in Go code".
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String returns file:line:col, or "" for the zero Pos.
func (p Pos) String() string {
	if p.File == "" && p.Line == 0 {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Ref identifies a rule for traces: its id, its Chinese label, the policy
// clause it encodes and where it was written.
//
// A Ref marshals to JSON as {"id", "label", "cite", "pos"}, leaving out
// what is empty.
type Ref struct {
	ID    string `json:"id"`              // stable id within its section, e.g. "land-transfer"
	Label string `json:"label,omitempty"` // e.g. 完成土地出让
	Cite  string `json:"cite,omitempty"`  // policy citation, e.g. "002_8f25cfe588d23415.txt 落地摘地阶段"
	Pos   Pos    `json:"pos,omitzero"`    // where the rule is defined; zero for rules built in Go
}

// Context is what conditions read during one evaluation: the project, the
// as-of date and the calendar. A Context belongs to one evaluation at a time
// and is not safe for concurrent use; reuse it across projects with [Context.Reset]
// to avoid allocation.
type Context struct {
	Project  *Project
	AsOf     date.Date
	Calendar *calendar.Calendar

	gen  uint64
	keys [2]any
	vals [2]any
}

// NewContext returns a context for evaluating p as of asOf under cal.
func NewContext(p *Project, asOf date.Date, cal *calendar.Calendar) *Context {
	return &Context{Project: p, AsOf: asOf, Calendar: cal, gen: 1}
}

// Reset points the context at another project and date, keeping the scratch
// values (see [Context.Scratch]) for reuse, and advances the generation.
// Call it also after changing the project in place.
func (c *Context) Reset(p *Project, asOf date.Date, cal *calendar.Calendar) {
	c.Project, c.AsOf, c.Calendar = p, asOf, cal
	c.gen++
}

// Generation identifies the current (project, date) of the context: it
// changes on every [Context.Reset]. Scratch values compare it with the
// generation they were bound at to know when to bind again.
func (c *Context) Generation() uint64 { return c.gen }

// Scratch returns the value stored under key, creating it with create on
// first use, and keeps it across [Context.Reset]. Compiled rule sets use it to
// hold one binding of a project's facts that all their conditions share,
// rebinding when [Context.Generation] changes. A context holds up to two
// keys; further keys are created afresh on every call.
func (c *Context) Scratch(key any, create func(*Context) any) any {
	for i, k := range c.keys {
		if k == key {
			return c.vals[i]
		}
	}
	v := create(c)
	for i, k := range c.keys {
		if k == nil {
			c.keys[i], c.vals[i] = key, v
			break
		}
	}
	return v
}

// Condition is a test on a project at a date that may be undecidable. It is
// implemented by expression-backed conditions compiled from rule files and
// by [Func] for conditions written in Go. Implementations must be safe for
// concurrent use (each evaluation has its own Context).
type Condition interface {
	// Test returns the verdict. It must not allocate on the hot path.
	Test(c *Context) Truth
	// Explain returns the verdict with the reasons: the values the
	// condition looked at and, when Unknown, the missing facts.
	Explain(c *Context) Explanation
	// String returns the condition as written, e.g. the expression text.
	String() string
}

// Explanation is the account of one verdict, for traces.
type Explanation struct {
	Truth Truth
	// Detail describes the values that decided the verdict, e.g.
	// "investment (12亿元) >= 10亿元 → true".
	Detail string
	// Missing names the facts or events that were needed and not
	// recorded.
	Missing []string
}

// Func adapts a Go function to a [Condition]. Text is what String returns.
type Func struct {
	Text string
	F    func(*Context) Truth
}

// Test calls F.
func (f Func) Test(c *Context) Truth { return f.F(c) }

// Explain calls F and reports its verdict with the condition text.
func (f Func) Explain(c *Context) Explanation {
	t := f.F(c)
	return Explanation{Truth: t, Detail: f.Text + " → " + t.String()}
}

// String returns Text.
func (f Func) String() string { return f.Text }

// Happened returns the condition "event e is recorded on or before the as-of
// date".
func Happened(e Event) Condition {
	return Func{Text: "happened(" + string(e) + ")", F: func(c *Context) Truth {
		d, ok := c.Project.Event(e)
		return TruthOf(ok && d <= c.AsOf)
	}}
}

// Always returns the condition that always holds.
func Always() Condition {
	return Func{Text: "true", F: func(*Context) Truth { return True }}
}
