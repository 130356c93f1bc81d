package rules

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/schema"
)

// schemaDoc is the decoded JSON Schema of rule files, for walking.
type schemaDoc struct {
	t    *testing.T
	root map[string]any
}

func loadSchema(t *testing.T) *schemaDoc {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(schema.JSON(), &root); err != nil {
		t.Fatalf("schema/ruleset.schema.json is not valid JSON: %v", err)
	}
	return &schemaDoc{t: t, root: root}
}

// at returns the schema at path, a list of keywords and property names
// from the root, following "$ref" (and an allOf holding only a "$ref")
// at every step.
func (s *schemaDoc) at(path ...string) map[string]any {
	s.t.Helper()
	n := s.deref(s.root, "#")
	for i, k := range path {
		next, ok := n[k].(map[string]any)
		if !ok {
			s.t.Fatalf("schema: %s is not an object", strings.Join(path[:i+1], "."))
		}
		n = s.deref(next, strings.Join(path[:i+1], "."))
	}
	return n
}

func (s *schemaDoc) deref(n map[string]any, where string) map[string]any {
	s.t.Helper()
	for range 8 {
		if all, ok := n["allOf"].([]any); ok && len(all) == 1 && n["properties"] == nil {
			n = all[0].(map[string]any)
		}
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		defs, _ := s.root["definitions"].(map[string]any)
		def, found := defs[name].(map[string]any)
		if !ok || !found {
			s.t.Fatalf("schema: %s refers to %q, which is not in definitions", where, ref)
		}
		n = def
	}
	s.t.Fatalf("schema: %s: $ref chain too long", where)
	return nil
}

// keysOf returns the property names of n, sorted.
func keysOf(n map[string]any) []string {
	props, _ := n["properties"].(map[string]any)
	var keys []string
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// stringList returns the list n[kw] of strings, sorted.
func stringList(n map[string]any, kw string) []string {
	var out []string
	items, _ := n[kw].([]any)
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestSchemaKeys checks that the JSON Schema for editors and the loader
// accept the same keys at every level, require the same keys, and reject
// unknown keys at the same levels.
func TestSchemaKeys(t *testing.T) {
	s := loadSchema(t)
	tests := []struct {
		name     string
		path     []string // where the mapping's schema is
		allowed  []string // the loader's keys
		required []string
	}{
		{"top of the file", nil, topLevelKeys(), topLevelRequired()},
		{"parameter", []string{"properties", "parameters", "additionalProperties"}, paramKeys(), paramRequired()},
		{"fact", []string{"properties", "facts", "additionalProperties"}, factKeys(), factRequired()},
		{"enum value of a fact", []string{"properties", "facts", "additionalProperties", "properties", "values", "items"}, enumValueKeys(), enumValueRequired()},
		{"event", []string{"properties", "events", "additionalProperties"}, eventKeys(), eventRequired()},
		{"condition", []string{"properties", "conditions", "additionalProperties"}, conditionKeys(), conditionRequired()},
		{"budget", []string{"properties", "budgets", "items"}, budgetKeys(), budgetRequired()},
		{"earmark", []string{"properties", "budgets", "items", "properties", "earmarks", "items"}, earmarkKeys(), earmarkRequired()},
		{"programme", []string{"properties", "incentives", "items"}, programmeKeys(), programmeRequired()},
		{"benefit", []string{"properties", "incentives", "items", "properties", "benefit"}, benefitKeys(), nil},
		{"band", []string{"properties", "incentives", "items", "properties", "benefit", "properties", "bands", "items"}, bandKeys(), bandRequired()},
		{"rounding", []string{"properties", "incentives", "items", "properties", "rounding"}, roundingKeys(), roundingRequired()},
		{"zone", []string{"properties", "zone"}, zoneKeys(), nil},
		{"zone park", []string{"properties", "zone", "properties", "parks", "items"}, zoneParkKeys(), zoneParkRequired()},
		{"zone industries", []string{"properties", "zone", "properties", "industries"}, zoneIndustryKeys(), nil},
		{"zone chain", []string{"properties", "zone", "properties", "chains", "items"}, zoneChainKeys(), zoneChainRequired()},
		{"zone metric", []string{"properties", "zone", "properties", "metrics", "items"}, zoneMetricKeys(), zoneMetricRequired()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := s.at(tt.path...)
			if diff := cmp.Diff(sorted(tt.allowed), keysOf(n)); diff != "" {
				t.Errorf("keys of %s: loader and schema differ (-loader +schema):\n%s", tt.name, diff)
			}
			if diff := cmp.Diff(sorted(tt.required), stringList(n, "required")); diff != "" {
				t.Errorf("required keys of %s: loader and schema differ (-loader +schema):\n%s", tt.name, diff)
			}
			if ap, ok := n["additionalProperties"].(bool); !ok || ap {
				t.Errorf("%s: the loader rejects unknown keys, but the schema does not say additionalProperties: false", tt.name)
			}
		})
	}
}

// TestSchemaSections checks that the schema gives each domain section the
// shape the loader expects.
func TestSchemaSections(t *testing.T) {
	s := loadSchema(t)
	for _, k := range sectionKinds() {
		t.Run(k.name, func(t *testing.T) {
			want := map[yamlnode.Shape]string{yamlnode.ShapeMapping: "object", yamlnode.ShapeList: "array"}[k.shape]
			if got := s.at("properties", k.name)["type"]; got != want {
				t.Errorf("schema type of %s = %v, want %q", k.name, got, want)
			}
		})
	}
}

// TestSchemaEnums checks the fixed values the schema offers against the
// loader's: types of parameters and facts, and calendar names.
func TestSchemaEnums(t *testing.T) {
	s := loadSchema(t)
	types := func(withEnum bool) []string {
		var out []string
		for _, k := range valueKinds() {
			if k == expr.KindEnum && !withEnum {
				continue
			}
			out = append(out, k.String(), "list of "+k.String())
		}
		return sorted(out)
	}
	tests := []struct {
		name string
		path []string
		want []string
	}{
		{"calendar", []string{"properties", "calendar"}, sorted(calendarNames())},
		{"parameter type", []string{"properties", "parameters", "additionalProperties", "properties", "type"}, types(false)},
		{"fact type", []string{"properties", "facts", "additionalProperties", "properties", "type"}, types(true)},
		{"zone category", []string{"properties", "zone", "properties", "category"}, sorted(zoneCategoryValues())},
		{"zone level", []string{"properties", "zone", "properties", "level"}, sorted(zoneLevelValues())},
		{"zone period", []string{"properties", "zone", "properties", "period"}, sorted(zonePeriodValues())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, stringList(s.at(tt.path...), "enum")); diff != "" {
				t.Errorf("values of %s: loader and schema differ (-loader +schema):\n%s", tt.name, diff)
			}
		})
	}
	// Every type the schema offers is one the loader reads.
	for _, ty := range stringList(s.at("properties", "facts", "additionalProperties", "properties", "type"), "enum") {
		if _, ok := parseType(ty, true); !ok {
			t.Errorf("the schema offers fact type %q, which the loader rejects", ty)
		}
	}
	for _, ty := range stringList(s.at("properties", "parameters", "additionalProperties", "properties", "type"), "enum") {
		if _, ok := parseType(ty, false); !ok {
			t.Errorf("the schema offers parameter type %q, which the loader rejects", ty)
		}
	}
}
