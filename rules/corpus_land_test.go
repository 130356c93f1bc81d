package rules_test

import "github.com/devzone-go/devzone/rules"

// The broken rule sets of the land: section, checked by TestCorpus like the
// cases of corpus_test.go: one folder per case under testdata, with its
// golden want.txt.
func init() {
	for name, want := range landCorpus {
		corpus[name] = want
	}
}

var landCorpus = map[string][]got{
	"land-indicators": {
		{rules.CodeLandIndicatorID, "land-indicators/rules.yaml:8:12", "land.indicators[0].id"},
		{rules.CodeLandIndicatorBuiltin, "land-indicators/rules.yaml:9:12", "land.indicators[1].id"},
		// A named standard with at_most; a number with meets.
		{rules.CodeLandDirection, "land-indicators/rules.yaml:10:57", "land.indicators[2].direction"},
		{rules.CodeLandDirection, "land-indicators/rules.yaml:11:57", "land.indicators[3].direction"},
		// An unknown direction.
		{rules.CodeLandDirection, "land-indicators/rules.yaml:12:57", "land.indicators[4].direction"},
		// No direction for a number.
		{rules.CodeLandDirection, "land-indicators/rules.yaml:13:12", "land.indicators[5]"},
		{rules.CodeYAMLUnknownKey, "land-indicators/rules.yaml:14:43", "land.indicators[6].unti"},
		{rules.CodeIDDuplicate, "land-indicators/rules.yaml:15:12", "land.indicators[7].id"},
		{rules.CodeLandIndustry, "land-indicators/rules.yaml:19:33", "land.standards[0].industries[2]"},
		// 300万元 is money, not an intensity; 1.2x is not a ratio.
		{rules.CodeLandValue, "land-indicators/rules.yaml:21:36", "land.standards[0].limits.investment_intensity"},
		{rules.CodeLandValue, "land-indicators/rules.yaml:22:54", "land.standards[0].limits.plot_ratio[2025-01-01]"},
		{rules.CodeLandUnknownIndicator, "land-indicators/rules.yaml:23:9", "land.standards[0].limits.investmnt_intensity"},
		{rules.CodeLandOverlap, "land-indicators/rules.yaml:28:9", "land.standards[1].limits.investment_intensity"},
		{rules.CodeLandOverlap, "land-indicators/rules.yaml:29:9", "land.standards[1].limits.plot_ratio"},
		{rules.CodeLandValue, "land-indicators/rules.yaml:32:15", "land.standards[2].limits"},
	},
	"land-parcels": {
		{rules.CodeLandUnknownEvent, "land-parcels/rules.yaml:6:13", "land.fixed_by"},
		// seismic is both an assessment and an infrastructure item.
		{rules.CodeIDDuplicate, "land-parcels/rules.yaml:12:12", "land.infrastructure[1].id"},
		{rules.CodeValueSyntax, "land-parcels/rules.yaml:14:27", "land.regional[0].on"},
		{rules.CodeLandUnknownItem, "land-parcels/rules.yaml:15:14", "land.regional[1].item"},
		// mineral recorded twice for the whole zone.
		{rules.CodeIDDuplicate, "land-parcels/rules.yaml:17:14", "land.regional[3].item"},
		{rules.CodeValueSyntax, "land-parcels/rules.yaml:22:23", "land.parcels[0].done.mineral"},
		{rules.CodeLandDone, "land-parcels/rules.yaml:22:41", "land.parcels[0].done.road"},
		{rules.CodeLandUnknownItem, "land-parcels/rules.yaml:22:48", "land.parcels[0].done.water"},
		{rules.CodeLandDone, "land-parcels/rules.yaml:22:70", "land.parcels[0].done.seismic"},
		{rules.CodeValueSyntax, "land-parcels/rules.yaml:25:13", "land.parcels[1].area"},
	},
	"land-acceptance": {
		{"expr.enum-value", "land-acceptance/rules.yaml:10:25", "land.applies"},
		{rules.CodeLandUnknownEvent, "land-acceptance/rules.yaml:16:12", "land.acceptance.event"},
		{rules.CodeValueSyntax, "land-acceptance/rules.yaml:17:14", "land.acceptance.rectify"},
		// An unknown kind; proportional damages for a named standard.
		{rules.CodeLandDamagesKind, "land-acceptance/rules.yaml:19:72", "land.acceptance.damages[0].kind"},
		{rules.CodeLandDamagesKind, "land-acceptance/rules.yaml:20:61", "land.acceptance.damages[1].kind"},
		// share_of_price without a share; a share for a proportional rule; a
		// share above 100%.
		{rules.CodeLandDamagesShare, "land-acceptance/rules.yaml:21:35", "land.acceptance.damages[2]"},
		{rules.CodeLandDamagesShare, "land-acceptance/rules.yaml:22:57", "land.acceptance.damages[3].share"},
		{rules.CodeLandDamagesShare, "land-acceptance/rules.yaml:23:83", "land.acceptance.damages[4].share"},
		{rules.CodeLandUnknownIndicator, "land-acceptance/rules.yaml:24:42", "land.acceptance.damages[5].indicator"},
		// A cap of 0%; two percentages; three limits.
		{rules.CodeLandDamagesCap, "land-acceptance/rules.yaml:25:92", "land.acceptance.damages[6].cap"},
		{rules.CodeLandDamagesCap, "land-acceptance/rules.yaml:26:97", "land.acceptance.damages[7].cap[1]"},
		{rules.CodeLandDamagesCap, "land-acceptance/rules.yaml:27:80", "land.acceptance.damages[8].cap"},
		{rules.CodeLandDamagesCap, "land-acceptance/rules.yaml:27:93", "land.acceptance.damages[8].cap[2]"},
		{rules.CodeLandDamagesPlaces, "land-acceptance/rules.yaml:27:107", "land.acceptance.damages[8].places"},
		{rules.CodeValueSyntax, "land-acceptance/rules.yaml:28:96", "land.acceptance.damages[9].cap"},
		// Two rules for plot_ratio; two rules for every indicator.
		{rules.CodeLandDamagesDuplicate, "land-acceptance/rules.yaml:30:44", "land.acceptance.damages[11].indicator"},
		{rules.CodeLandDamagesDuplicate, "land-acceptance/rules.yaml:32:14", "land.acceptance.damages[13]"},
	},
	"land-facts": {
		{rules.CodeLandFactType, "land-facts/rules.yaml:4:42", "facts.committed_investment_intensity.type"},
		{rules.CodeLandFactType, "land-facts/rules.yaml:6:18", "facts.parcel.type"},
		{rules.CodeLandFactMissing, "land-facts/rules.yaml:14:9", "land.standards[0].limits.tax_per_mu"},
		// actual_investment_intensity, actual_plot_ratio, actual_tax_per_mu.
		{rules.CodeLandFactMissing, "land-facts/rules.yaml:20:12", "land.acceptance.event"},
		{rules.CodeLandFactMissing, "land-facts/rules.yaml:20:12", "land.acceptance.event"},
		{rules.CodeLandFactMissing, "land-facts/rules.yaml:20:12", "land.acceptance.event"},
		// land_price.
		{rules.CodeLandFactMissing, "land-facts/rules.yaml:22:41", "land.acceptance.damages[0].kind"},
	},
	"land-layering": {
		// The zone file's infrastructure item reuses the baseline's
		// assessment id; its standard overlaps the baseline's.
		{rules.CodeIDDuplicate, "land-layering/rules.yaml:6:12", "land.infrastructure[0].id"},
		{rules.CodeLandOverlap, "land-layering/rules.yaml:8:50", "land.standards[0].limits.investment_intensity"},
	},
}
