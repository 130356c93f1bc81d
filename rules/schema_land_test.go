package rules

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/land"
)

// TestSchemaLand checks the land: section of the JSON Schema for editors
// against the loader: the same keys at every level, the same required keys,
// unknown keys rejected, and only values the loader reads offered for
// direction: and kind:.
func TestSchemaLand(t *testing.T) {
	s := loadSchema(t)
	at := func(rest ...string) []string { return append([]string{"properties", "land"}, rest...) }
	tests := []struct {
		name     string
		path     []string
		allowed  []string
		required []string
	}{
		{"land", at(), landKeys(), nil},
		{"indicator", at("properties", "indicators", "items"), landIndicatorKeys(), landIndicatorRequired()},
		{"standard", at("properties", "standards", "items"), landStandardKeys(), landStandardRequired()},
		{"assessment", at("properties", "assessments", "items"), landItemKeys(), landItemRequired()},
		{"infrastructure item", at("properties", "infrastructure", "items"), landItemKeys(), landItemRequired()},
		{"parcel", at("properties", "parcels", "items"), landParcelKeys(), landParcelRequired()},
		{"regional record", at("properties", "regional", "items"), landRegionalKeys(), landRegionalRequired()},
		{"acceptance", at("properties", "acceptance"), landAcceptanceKeys(), landAcceptanceRequired()},
		{"damages rule", at("properties", "acceptance", "properties", "damages", "items"), landDamagesKeys(), landDamagesRequired()},
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
	enums := []struct {
		name  string
		path  []string
		parse func(string) error
		ids   []string // the identifiers, which the schema must offer
	}{
		{"direction", at("properties", "indicators", "items", "properties", "direction"),
			func(v string) error { _, err := land.ParseDirection(v); return err },
			[]string{land.AtLeast.String(), land.AtMost.String(), land.Meets.String()}},
		{"damages kind", at("properties", "acceptance", "properties", "damages", "items", "properties", "kind"),
			func(v string) error { _, err := land.ParseDamagesKind(v); return err },
			[]string{land.NoDamages.String(), land.Proportional.String(), land.ShareOfPrice.String()}},
	}
	for _, e := range enums {
		offered := stringList(s.at(e.path...), "enum")
		for _, v := range offered {
			if err := e.parse(v); err != nil {
				t.Errorf("%s: the schema offers %q, which the loader rejects: %v", e.name, v, err)
			}
		}
		for _, id := range e.ids {
			if !slices.Contains(offered, id) {
				t.Errorf("%s: the schema does not offer %q", e.name, id)
			}
		}
	}
}
