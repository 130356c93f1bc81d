package schema

import (
	_ "embed"
	"slices"
)

// ruleSet is the content of ruleset.schema.json. It is never modified:
// [JSON] returns copies.
//
//go:embed ruleset.schema.json
var ruleSet []byte

// JSON returns the JSON Schema (draft-07) of a rule-set file, as UTF-8
// text ending in a newline. Each call returns a new copy, which the caller
// may change.
func JSON() []byte { return slices.Clone(ruleSet) }
