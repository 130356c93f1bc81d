package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSchemaLifecycleKeys checks the lifecycle: section of the JSON Schema
// against the loader's key lists, as TestSchemaKeys does for the rest of
// the file: the same keys at every level, the same required keys, unknown
// keys rejected.
func TestSchemaLifecycleKeys(t *testing.T) {
	s := loadSchema(t)
	lc := []string{"properties", "lifecycle", "properties"}
	at := func(path ...string) []string { return append(append([]string(nil), lc...), path...) }
	tests := []struct {
		name     string
		path     []string
		allowed  []string
		required []string
	}{
		{"lifecycle", []string{"properties", "lifecycle"}, lifecycleKeys(), nil},
		{"stage", at("stages", "items"), lifecycleStageKeys(), lifecycleStageRequired()},
		{"entry variant", []string{"definitions", "lifecycleEntry"}, lifecycleEntryKeys(), lifecycleEntryRequired()},
		{"transition", at("transitions", "items"), lifecycleTransitionKeys(), lifecycleTransitionRequired()},
		{"criterion", at("transitions", "items", "properties", "requires", "items"), lifecycleCriterionKeys(), lifecycleCriterionRequired()},
		{"meeting", at("transitions", "items", "properties", "meeting"), lifecycleMeetingKeys(), lifecycleMeetingRequired()},
		{"deadline", at("deadlines", "items"), lifecycleDeadlineKeys(), lifecycleDeadlineRequired()},
		{"escalation step", at("escalation", "items"), lifecycleStepKeys(), lifecycleStepRequired()},
		{"pause", at("pause"), lifecyclePauseKeys(), lifecyclePauseRequired()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := s.at(tt.path...)
			if diff := cmp.Diff(sorted(tt.allowed), keysOf(n)); diff != "" {
				t.Errorf("keys: loader and schema differ (-loader +schema):\n%s", diff)
			}
			if diff := cmp.Diff(sorted(tt.required), stringList(n, "required")); diff != "" {
				t.Errorf("required keys: loader and schema differ (-loader +schema):\n%s", diff)
			}
			if ap, ok := n["additionalProperties"].(bool); !ok || ap {
				t.Error("the loader rejects unknown keys, but the schema does not say additionalProperties: false")
			}
		})
	}
	// The entry variants the stage schema offers are the lifecycleEntry
	// definition checked above.
	entry := s.at(at("stages", "items", "properties", "entry")...)
	variants, _ := entry["anyOf"].([]any)
	found := false
	for _, v := range variants {
		if m, ok := v.(map[string]any); ok && m["type"] == "array" {
			items, _ := m["items"].(map[string]any)
			found = items["$ref"] == "#/definitions/lifecycleEntry"
		}
	}
	if !found {
		t.Error("stages[].entry does not offer a list of #/definitions/lifecycleEntry")
	}
	// A deadline needs exactly one of from: and from_stage:, an escalation
	// step at least one of overdue: and stalled:.
	for _, c := range []struct {
		path    []string
		keyword string
		keys    []string
	}{
		{at("deadlines", "items"), "oneOf", []string{"from", "from_stage"}},
		{at("escalation", "items"), "anyOf", []string{"overdue", "stalled"}},
	} {
		var got []string
		alts, _ := s.at(c.path...)[c.keyword].([]any)
		for _, a := range alts {
			got = append(got, stringList(a.(map[string]any), "required")...)
		}
		if diff := cmp.Diff(c.keys, got); diff != "" {
			t.Errorf("%v %s (-want +got):\n%s", c.path, c.keyword, diff)
		}
	}
}
