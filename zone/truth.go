package zone

// Truth is a three-valued verdict: a condition holds, does not hold, or
// cannot be decided because a fact is missing. The zero value is [Unknown].
type Truth uint8

const (
	// Unknown means the facts do not decide the condition.
	Unknown Truth = iota
	// False means the condition does not hold.
	False
	// True means the condition holds.
	True
)

// TruthOf converts a bool.
func TruthOf(b bool) Truth {
	if b {
		return True
	}
	return False
}

// String returns true, false or unknown.
func (t Truth) String() string {
	switch t {
	case True:
		return "true"
	case False:
		return "false"
	}
	return "unknown"
}

// Label returns the verdict in Chinese: 满足, 不满足 or 无法判定.
func (t Truth) Label() string {
	switch t {
	case True:
		return "满足"
	case False:
		return "不满足"
	}
	return "无法判定"
}

// And is three-valued conjunction: False wins, then Unknown.
func (t Truth) And(u Truth) Truth {
	if t == False || u == False {
		return False
	}
	if t == Unknown || u == Unknown {
		return Unknown
	}
	return True
}

// Or is three-valued disjunction: True wins, then Unknown.
func (t Truth) Or(u Truth) Truth {
	if t == True || u == True {
		return True
	}
	if t == Unknown || u == Unknown {
		return Unknown
	}
	return False
}

// Not negates; Unknown stays Unknown.
func (t Truth) Not() Truth {
	switch t {
	case True:
		return False
	case False:
		return True
	}
	return Unknown
}

// MarshalText implements encoding.TextMarshaler.
func (t Truth) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for true, false and
// unknown.
func (t *Truth) UnmarshalText(b []byte) error {
	switch string(b) {
	case "true":
		*t = True
	case "false":
		*t = False
	case "unknown", "":
		*t = Unknown
	default:
		return &ValueError{Fact: "verdict", Value: string(b), Allowed: "true, false, unknown"}
	}
	return nil
}
