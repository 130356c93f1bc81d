package expr

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EnumValue is one value of an enum: a name used in rule files and data
// (transfer) and an optional Chinese label (出让). Both may be written in an
// expression.
type EnumValue struct {
	Name  string
	Label string
}

// Decl declares a name an expression may read: a project fact, a milestone
// event or a rule-set parameter.
type Decl struct {
	// Name is the snake_case identifier: investment, land_mode, signed.
	Name string
	// Label is an optional Chinese alias that may be written instead of
	// Name: 投资额, 供地方式, 签约.
	Label string
	// Type is the value's type. An event's type is always a date; leave it
	// zero or set KindDate.
	Type Type
	// Role says whether the name is a fact, an event, a parameter or a
	// named condition.
	Role Role
	// EnumValues defines the value set named Type.Enum (or Name, when
	// Type.Enum is empty) for an enum or a list of enums. Several
	// declarations may share one set: the first that lists values defines
	// it, the others may leave EnumValues empty or must list the same values.
	EnumValues []EnumValue
}

// Env is the set of names expressions are compiled against. Build one with
// [NewEnv]. An Env is immutable and safe for concurrent use: one Env may
// compile many expressions from many goroutines, and all their Programs
// share its activations.
type Env struct {
	decls []Decl
	names map[string]int // name and label → slot
	enums map[string]*enumSet
	sets  []*enumSet // per slot: the value set of an enum or list-of-enum declaration
}

// enumSet is one declared enum value set.
type enumSet struct {
	name   string
	values []EnumValue
	texts  []string // per value: "name\x00label", the text of bound Values
}

// lookup returns the index of the value named or labelled s.
func (s *enumSet) lookup(v string) (int, bool) {
	for i, ev := range s.values {
		if ev.Name == v || (ev.Label != "" && ev.Label == v) {
			return i, true
		}
	}
	return -1, false
}

// value returns the bound Value of the i-th enum value.
func (s *enumSet) value(i int) Value {
	v := mk(KindEnum, int64(i))
	v.s = s.texts[i]
	return v
}

// allowed lists the values as "transfer（出让）、lease（租赁厂房）".
func (s *enumSet) allowed() string {
	parts := make([]string, len(s.values))
	for i, v := range s.values {
		parts[i] = v.Name
		if v.Label != "" {
			parts[i] += "（" + v.Label + "）"
		}
	}
	return strings.Join(parts, "、")
}

// NewEnv returns an Env declaring decls. Slot i of the Env's activations
// holds decls[i] (see [Env.Slot]).
//
// It reports every declaration it cannot accept; the error wraps one
// [*DeclError] per problem (reach them with errors.As, or with
// interface{ Unwrap() []error }). Names must be snake_case (a lower-case
// letter, then lower-case letters, digits and underscores) and must not be
// a keyword (and, or, not, in, true, false) or as_of; labels must be
// identifiers (letters, digits and underscores, not starting with a
// digit); no name or label may be used twice.
func NewEnv(decls ...Decl) (*Env, error) {
	e := &Env{
		decls: make([]Decl, len(decls)),
		names: make(map[string]int, 2*len(decls)),
		enums: make(map[string]*enumSet),
		sets:  make([]*enumSet, len(decls)),
	}
	var errs []error
	fail := func(i int, code, format string, args ...any) {
		errs = append(errs, &DeclError{Index: i, Name: decls[i].Name, Code: code, Summary: fmt.Sprintf(format, args...)})
	}
	for i, d := range decls {
		d.EnumValues = append([]EnumValue(nil), d.EnumValues...)
		if d.Role > RoleCondition {
			fail(i, CodeDeclType, "role %d is not fact, event, param or condition", d.Role)
		}
		if d.Role == RoleEvent {
			if d.Type != (Type{}) && d.Type != (Type{Kind: KindDate}) {
				fail(i, CodeDeclType, "event %s must have type date, not %s", d.Name, d.Type)
			}
			d.Type = Type{Kind: KindDate}
		}
		switch {
		case !isSnakeName(d.Name):
			fail(i, CodeDeclName, "name %q must be snake_case: a lower-case letter, then lower-case letters, digits or _", d.Name)
		case isReserved(d.Name):
			fail(i, CodeDeclName, "name %q is reserved by the expression language", d.Name)
		}
		if d.Label != "" && (!isIdentifier(d.Label) || isReserved(d.Label)) {
			fail(i, CodeDeclName, "label %q cannot be written in an expression: use letters, digits and _ only, not starting with a digit", d.Label)
		}
		for _, n := range []string{d.Name, d.Label} {
			if n == "" {
				continue
			}
			if j, dup := e.names[n]; dup {
				fail(i, CodeDeclDuplicate, "%q is already declared by %s", n, decls[j].Name)
				continue
			}
			e.names[n] = i
		}
		t := d.Type
		elem := t.Kind
		if t.Kind == KindList {
			elem = t.Elem
			if elem == KindInvalid || elem == KindList || elem > KindList {
				fail(i, CodeDeclType, "list %s needs an element type other than list", d.Name)
			}
		} else if t.Elem != KindInvalid {
			fail(i, CodeDeclType, "%s: only a list has an element type", d.Name)
		}
		if t.Kind == KindInvalid || t.Kind > KindList {
			fail(i, CodeDeclType, "%s has no valid type", d.Name)
		}
		if elem == KindEnum {
			if t.Enum == "" {
				t.Enum = d.Name
				d.Type = t
			}
			if s := e.defineEnum(i, d, fail); s != nil {
				e.sets[i] = s
			}
		} else if len(d.EnumValues) > 0 || t.Enum != "" {
			fail(i, CodeDeclType, "%s is not an enum but lists enum values", d.Name)
		}
		e.decls[i] = d
	}
	// Enum types referenced before (or without) being defined.
	for i, d := range e.decls {
		if e.sets[i] != nil {
			continue
		}
		if k := d.Type.Kind; k == KindEnum || (k == KindList && d.Type.Elem == KindEnum) {
			if s, ok := e.enums[d.Type.Enum]; ok && len(s.values) > 0 {
				e.sets[i] = s
			} else {
				fail(i, CodeDeclEnum, "enum %s has no values: list them in enum_values", d.Type.Enum)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return e, nil
}

func (e *Env) defineEnum(i int, d Decl, fail func(int, string, string, ...any)) *enumSet {
	if len(d.EnumValues) == 0 {
		if s, ok := e.enums[d.Type.Enum]; ok {
			return s
		}
		return nil // resolved (or reported) after all declarations are read
	}
	seen := make(map[string]bool)
	for _, v := range d.EnumValues {
		if strings.TrimSpace(v.Name) == "" || v.Name != strings.TrimSpace(v.Name) || strings.TrimSpace(v.Label) != v.Label {
			fail(i, CodeDeclEnum, "enum %s: value %q has an empty name or surrounding spaces", d.Type.Enum, v.Name)
			return &enumSet{}
		}
		for _, n := range []string{v.Name, v.Label} {
			if n == "" {
				continue
			}
			if seen[n] {
				fail(i, CodeDeclEnum, "enum %s: %q is listed twice", d.Type.Enum, n)
				return &enumSet{}
			}
			seen[n] = true
		}
	}
	if s, ok := e.enums[d.Type.Enum]; ok {
		if !sameValues(s.values, d.EnumValues) {
			fail(i, CodeDeclEnum, "enum %s is declared twice with different values", d.Type.Enum)
			return &enumSet{}
		}
		return s
	}
	s := &enumSet{name: d.Type.Enum, values: d.EnumValues, texts: make([]string, len(d.EnumValues))}
	for j, v := range d.EnumValues {
		s.texts[j] = v.Name + "\x00" + v.Label
	}
	e.enums[d.Type.Enum] = s
	return s
}

func sameValues(a, b []EnumValue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Slot returns the activation slot of the declaration with the given name
// or label.
func (e *Env) Slot(name string) (int, bool) {
	i, ok := e.names[name]
	return i, ok
}

// Decls returns a copy of the declarations; slot i holds Decls()[i].
func (e *Env) Decls() []Decl {
	out := make([]Decl, len(e.decls))
	copy(out, e.decls)
	for i := range out {
		out[i].EnumValues = append([]EnumValue(nil), out[i].EnumValues...)
	}
	return out
}

// isSnakeName reports whether s is a snake_case name.
func isSnakeName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// isIdentifier reports whether s lexes as one identifier.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError {
			return false
		}
		if i == 0 && !isIdentStart(r) || !isIdentPart(r) {
			return false
		}
	}
	return true
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }

func isIdentPart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isReserved reports whether s is a keyword (in any case) or a built-in
// name.
func isReserved(s string) bool {
	if _, ok := keyword(s); ok {
		return true
	}
	return s == asOfName
}

// asOfName is the identifier of the evaluation date.
const asOfName = "as_of"
