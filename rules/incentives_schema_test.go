package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/incentive"
)

// TestSchemaIncentiveEnums checks the fixed values the schema offers for
// benefits against the loader's.
func TestSchemaIncentiveEnums(t *testing.T) {
	s := loadSchema(t)
	var entitlements []string
	for _, e := range incentive.BuiltinEntitlements() {
		entitlements = append(entitlements, e.ID, e.Label)
	}
	benefit := []string{"properties", "incentives", "items", "properties", "benefit", "properties"}
	tests := []struct {
		name string
		path []string
		want []string
	}{
		{"entitlement", append(benefit, "entitlement"), sorted(entitlements)},
		{"banding", append(benefit, "banding"), sorted(bandingNames())},
		{"rounding mode", []string{"properties", "incentives", "items", "properties", "rounding", "properties", "mode"}, sorted(roundModeNames())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, stringList(s.at(tt.path...), "enum")); diff != "" {
				t.Errorf("values of %s: loader and schema differ (-loader +schema):\n%s", tt.name, diff)
			}
		})
	}
	for _, m := range roundModeNames() {
		if _, err := incentive.ParseRoundMode(m); err != nil {
			t.Errorf("rounding mode %q: %v", m, err)
		}
	}
	for _, b := range bandingNames() {
		if _, ok := parseBandingName(b); !ok {
			t.Errorf("banding %q is not read", b)
		}
	}
}
