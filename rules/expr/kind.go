package expr

import (
	"fmt"
	"strings"
)

// Kind is the kind of a value: what sort of quantity it is. The zero value is
// [KindInvalid]: no kind, used by [Env.Compile] to mean "any kind".
type Kind uint8

const (
	// KindInvalid is the zero Kind: no kind or an unknown one.
	KindInvalid Kind = iota
	// KindBool is true or false (是/否).
	KindBool
	// KindInt is a whole number (整数), such as a technology level.
	KindInt
	// KindDecimal is a number with a fractional part and no unit (数值).
	KindDecimal
	// KindMoney is an amount in yuan (金额): 10亿元, 2000万元.
	KindMoney
	// KindArea is a land area in 亩 (面积): 283.69亩, 5000㎡.
	KindArea
	// KindPercent is a rate (百分比): 3%. It is held as a fraction, 3% = 0.03.
	KindPercent
	// KindIntensity is money per area in yuan per 亩 (强度): 300万元/亩.
	KindIntensity
	// KindDate is a calendar day (日期): 2026-06-30.
	KindDate
	// KindPeriod is a time limit (期限): 30个工作日, 60天, 4个月.
	KindPeriod
	// KindText is free text (文本): an industry, a park, a name.
	KindText
	// KindEnum is one value of a declared set of values (选项), such as
	// land_mode: transfer (出让) or lease (租赁厂房).
	KindEnum
	// KindList is a list of values of one kind (列表).
	KindList
)

// kindName is the name of k in rule files, "" if k is out of range.
func kindName(k Kind) string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindBool:
		return "bool"
	case KindInt:
		return "int"
	case KindDecimal:
		return "decimal"
	case KindMoney:
		return "money"
	case KindArea:
		return "area"
	case KindPercent:
		return "percent"
	case KindIntensity:
		return "intensity"
	case KindDate:
		return "date"
	case KindPeriod:
		return "period"
	case KindText:
		return "text"
	case KindEnum:
		return "enum"
	case KindList:
		return "list"
	}
	return ""
}

// kindLabel is the Chinese name of k for messages.
func kindLabel(k Kind) string {
	switch k {
	case KindInvalid:
		return "未知类型"
	case KindBool:
		return "是否（true/false）"
	case KindInt:
		return "整数"
	case KindDecimal:
		return "数值"
	case KindMoney:
		return "金额"
	case KindArea:
		return "面积"
	case KindPercent:
		return "百分比"
	case KindIntensity:
		return "强度（元/亩）"
	case KindDate:
		return "日期"
	case KindPeriod:
		return "期限"
	case KindText:
		return "文本"
	case KindEnum:
		return "选项"
	case KindList:
		return "列表"
	}
	return "未知类型"
}

// kindExample is an example literal of kind k, "" if there is none.
func kindExample(k Kind) string {
	switch k {
	case KindBool:
		return "true、false"
	case KindInt:
		return "3"
	case KindDecimal:
		return "1.5"
	case KindMoney:
		return "10亿元、2000万元"
	case KindArea:
		return "283.69亩、5000㎡"
	case KindPercent:
		return "3%"
	case KindIntensity:
		return "300万元/亩"
	case KindDate:
		return "2026-06-30"
	case KindPeriod:
		return "30个工作日、60天、4个月"
	case KindText:
		return `"装备制造"`
	case KindList:
		return "[新能源汽车, 装备制造]"
	}
	return ""
}

// String returns the kind's name as written in a rule file's type: field:
// bool, int, decimal, money, area, percent, intensity, date, period, text,
// enum or list.
func (k Kind) String() string {
	if n := kindName(k); n != "" {
		return n
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Label returns the kind's Chinese name as used in messages: 金额, 面积, 期限, …
func (k Kind) Label() string { return kindLabel(k) }

// ParseKind returns the Kind named s (as returned by [Kind.String]; case is
// ignored). It returns an error for "invalid" and unknown names.
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for k := KindBool; k <= KindList; k++ {
		if kindName(k) == t {
			return k, nil
		}
	}
	return KindInvalid, fmt.Errorf("unknown type %q: expected one of bool, int, decimal, money, area, percent, intensity, date, period, text, enum, list", s)
}

// Type is the full type of a declaration or an expression: a Kind, the
// element kind of a list, and the name of the value set of an enum.
type Type struct {
	Kind Kind
	// Elem is the kind of the elements when Kind is KindList; KindInvalid otherwise.
	Elem Kind
	// Enum names the value set when Kind is KindEnum, or when Kind is KindList and
	// Elem is KindEnum. Declarations that share a name share one value set.
	Enum string
}

// String returns the type as written in a rule file: money, enum land_mode,
// list of text.
func (t Type) String() string {
	switch t.Kind {
	case KindEnum:
		if t.Enum != "" {
			return "enum " + t.Enum
		}
	case KindList:
		e := Type{Kind: t.Elem, Enum: t.Enum}
		if t.Elem == KindInvalid {
			return "list"
		}
		return "list of " + e.String()
	}
	return t.Kind.String()
}

// label returns the type's Chinese name for messages.
func (t Type) label() string {
	switch t.Kind {
	case KindEnum:
		if t.Enum != "" {
			return "选项（" + t.Enum + "）"
		}
	case KindList:
		if t.Elem != KindInvalid {
			return Type{Kind: t.Elem, Enum: t.Enum}.label() + "列表"
		}
	}
	return t.Kind.Label()
}

// Truth is the result of a condition under three-valued logic. The zero
// value is [Unknown].
type Truth uint8

const (
	// Unknown means the condition cannot be decided: a fact it needs is
	// missing, or a calculation failed.
	Unknown Truth = iota
	// False means the condition does not hold.
	False
	// True means the condition holds.
	True
)

// String returns "unknown", "false" or "true".
func (t Truth) String() string {
	switch t {
	case False:
		return "false"
	case True:
		return "true"
	}
	return "unknown"
}

// not returns the negation under three-valued logic.
func (t Truth) not() Truth {
	switch t {
	case False:
		return True
	case True:
		return False
	}
	return Unknown
}

// Role says where a declared name's value comes from. The zero value is
// [RoleFact].
type Role uint8

const (
	// RoleFact is a project fact (事实), such as investment or industry.
	RoleFact Role = iota
	// RoleEvent is a milestone event (事件) with a date, such as signed or
	// review_passed. Events are read with happened(e) and date(e).
	RoleEvent
	// RoleParam is a rule-set parameter (参数), such as
	// major_project_threshold, whose value may change over time.
	RoleParam
	// RoleCondition is a named condition (条件), such as major_project:
	// a value the caller works out from other names and stores like a
	// fact. When it is unknown, an explanation says it cannot be decided
	// (the caller knows which facts it lacks), not that it is missing.
	RoleCondition
)

// String returns "fact", "event", "param" or "condition".
func (r Role) String() string {
	switch r {
	case RoleEvent:
		return "event"
	case RoleParam:
		return "param"
	case RoleCondition:
		return "condition"
	}
	return "fact"
}

func (r Role) label() string {
	switch r {
	case RoleEvent:
		return "事件"
	case RoleParam:
		return "参数"
	case RoleCondition:
		return "条件"
	}
	return "事实"
}
