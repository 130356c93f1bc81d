package expr

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. They are stable: the rules loader and tests match on them,
// while the wording of Summary and Detail may improve.
const (
	CodeSyntax          = "expr.syntax"           // the text is not a well-formed expression
	CodeEmpty           = "expr.empty"            // the expression is empty
	CodeLiteral         = "expr.literal"          // a number, amount, date or period is written wrongly
	CodeTooLong         = "expr.too-long"         // longer than MaxLen bytes
	CodeTooDeep         = "expr.too-deep"         // nested more than MaxDepth levels
	CodeTooManyErrors   = "expr.too-many-errors"  // more than MaxErrors errors; the rest are dropped
	CodeUnknownName     = "expr.unknown-name"     // a name that is not a declared fact, event or parameter
	CodeUnknownFunction = "expr.unknown-function" // a call of a function that does not exist
	CodeArity           = "expr.arity"            // a function called with the wrong number of arguments
	CodeTypeMismatch    = "expr.type-mismatch"    // operands or arguments of the wrong kind
	CodeEnumValue       = "expr.enum-value"       // a value that is not in an enum's declared set
	CodeEventUse        = "expr.event-use"        // an event used as a value, or a non-event given to happened/date
	CodeArgument        = "expr.argument"         // an argument with a kind that fits but a value that does not (round places)
	CodeDivisionByZero  = "expr.division-by-zero" // a division by a constant zero
	CodeOverflow        = "expr.overflow"         // a constant calculation too large to hold
	CodeResultType      = "expr.result-type"      // the whole expression has the wrong kind (a condition that is not true/false)

	CodeDeclName      = "expr.decl-name"      // a declaration's name or label cannot be used as an identifier
	CodeDeclDuplicate = "expr.decl-duplicate" // two declarations share a name or label
	CodeDeclType      = "expr.decl-type"      // a declaration's type is not usable
	CodeDeclEnum      = "expr.decl-enum"      // an enum value set is missing, empty, duplicated or inconsistent
)

// Limits on expressions, against mistakes and hostile input.
const (
	// MaxLen is the longest expression accepted, in bytes of UTF-8 (a
	// Chinese character takes 3 bytes).
	MaxLen = 4096
	// MaxDepth is the deepest nesting accepted: brackets, function calls,
	// not and minus signs, and operators each add a level (a chain of and
	// or of or counts once).
	MaxDepth = 64
	// MaxErrors is the most errors reported for one expression; one more
	// error with code expr.too-many-errors says how many were dropped.
	MaxErrors = 20
)

// Error is one problem found while compiling an expression.
type Error struct {
	// Code identifies the problem; see the Code constants.
	Code string
	// Start and End are byte offsets into the expression source: Start
	// inclusive, End exclusive, 0 <= Start <= End <= len(source).
	Start, End int
	// Summary is one short sentence.
	Summary string
	// Detail says what was found, what is allowed and how to fix it.
	Detail string
}

// Error returns "start-end: summary [code]".
func (e *Error) Error() string {
	return fmt.Sprintf("%d-%d: %s [%s]", e.Start, e.End, e.Summary, e.Code)
}

// ErrorList is every problem found in one expression, sorted by position.
// The zero value (nil) is an empty list: compilation succeeded. Use
// [ErrorList.Err] to turn it into an error value that is nil when empty.
type ErrorList []*Error

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the individual errors, so errors.As reaches an *Error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// errorSink collects errors for one compilation.
type errorSink struct {
	list    ErrorList
	dropped int
	srcLen  int
}

func (s *errorSink) add(code string, start, end int, summary, detail string) {
	start = max(0, min(start, s.srcLen))
	end = max(start, min(end, s.srcLen))
	if len(s.list) >= MaxErrors {
		s.dropped++
		return
	}
	s.list = append(s.list, &Error{Code: code, Start: start, End: end, Summary: summary, Detail: detail})
}

// full reports whether further errors would be dropped; callers skip the
// work of composing them.
func (s *errorSink) full() bool { return len(s.list) >= MaxErrors }

// count returns the number of errors reported so far, kept or dropped.
func (s *errorSink) count() int { return len(s.list) + s.dropped }

func (s *errorSink) addf(code string, start, end int, summary string, detail string, args ...any) {
	s.add(code, start, end, summary, fmt.Sprintf(detail, args...))
}

// result sorts the errors by position, removes exact duplicates and
// appends the too-many-errors note.
func (s *errorSink) result() ErrorList {
	if len(s.list) == 0 {
		return nil
	}
	sort.SliceStable(s.list, func(i, j int) bool {
		a, b := s.list[i], s.list[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	out := s.list[:0]
	for i, e := range s.list {
		if i > 0 {
			p := out[len(out)-1]
			if p.Start == e.Start && p.End == e.End && p.Code == e.Code {
				continue
			}
		}
		out = append(out, e)
	}
	if s.dropped > 0 {
		out = append(out, &Error{
			Code: CodeTooManyErrors, Start: s.srcLen, End: s.srcLen,
			Summary: fmt.Sprintf("还有 %d 个错误未列出", s.dropped),
			Detail:  fmt.Sprintf("一个表达式最多列出 %d 个错误。请先改正上面的错误，再重新检查。", MaxErrors),
		})
	}
	return out
}

// DeclError reports a declaration that [NewEnv] cannot accept.
type DeclError struct {
	// Index is the position of the declaration among NewEnv's arguments.
	Index int
	// Name is the declaration's name as given.
	Name string
	// Code identifies the problem: expr.decl-name, expr.decl-duplicate,
	// expr.decl-type or expr.decl-enum.
	Code string
	// Summary says what is wrong, for the person who wrote the rule file.
	Summary string
}

func (e *DeclError) Error() string {
	return fmt.Sprintf("declaration %d (%s): %s [%s]", e.Index, e.Name, e.Summary, e.Code)
}

// runtime problems that make a term unknown. Explain wraps them with the
// term's source.
var (
	errDivisionByZero = errors.New("除数为零")
	errOverflow       = errors.New("计算结果超出可表示的范围")
	errNoCalendar     = errors.New("没有设置工作日日历，无法计算期限")
	errPeriodUnits    = errors.New("期限单位不同，无法比较")
	errNoAsOf         = errors.New("没有设置评估日期 as_of")
	errForeignAct     = errors.New("Activation 不是由编译该表达式的 Env 创建的")
	errNotLiteral     = errors.New("不是数值")
	errLiteralRange   = errors.New("数字太大：整数最多 18 位，小数点后的位数也有限")
)

// quote shortens source text for messages.
func quote(s string) string {
	s = strings.TrimSpace(s)
	const max = 60
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
