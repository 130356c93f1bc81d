// Package land models standard land (标准地): industrial land a zone sells
// only after it has finished the regional assessments (区域评估), set the
// control indicators (控制性指标) and prepared the site (九通一平), to a
// buyer who commits to those indicators in an investment agreement and is
// checked against them at acceptance. The slogan is "事前定标准、事中作承诺、
// 事后强监管": standards before, commitment during, supervision after.
//
// # Where to start
//
// Build a [Policy] with [New] from a [Spec], in Go or (usually) by compiling
// the land section of a rule file with package rules. [Policy.Evaluate]
// takes a [zone.Context] — the project, the as-of date and the calendar —
// and returns a [Result]:
//
//   - the commitment check (承诺): for each [Indicator] a [Standard] limits,
//     the project's committed value against the limit, with the margin;
//   - the acceptance check (对标验收, 达产复核), once its review event has
//     happened: the actual value against the committed one, the shortfall,
//     the liquidated damages ([Damages]) and the deadline to rectify;
//   - the readiness of the [Parcel] the project names: exactly which
//     regional assessments and infrastructure items are still missing.
//
// Every verdict carries the [zone.Ref] of the indicator and of the standard
// or rule that decided it, with its citation, so it joins the project's
// trace. A verdict that needs a missing fact is Unknown with a [Reason]
// naming the fact, never false.
//
// # Units
//
// Amounts are exact [decimal.Decimal] values in the base unit of the
// indicator's [Unit]: intensities such as investment intensity
// (固定资产投资强度) and tax per 亩 (亩均税收) in 元 per 亩 (300万元/亩 is
// 3000000), money in 元, percentages as fractions, energy use in
// 吨标煤/万元. Areas are in 亩, the base unit of area in devzone: 1亩 =
// 10000/15 ㎡ is not a finite decimal, while ㎡, 公顷 and 平方公里 are exact
// in 亩 (0.0015, 15, 1500). [Indicator.Parse] and [Indicator.Format] read
// and write values as policy documents do (300万元/亩, 1.2, 0.5吨标煤/万元);
// [FormatIntensity] shows an intensity in 万元/亩.
//
// Comparisons are exact: a committed 300万元/亩 meets a minimum of
// 300万元/亩, and 299.99万元/亩 does not. Ratios (a margin or shortfall as a
// share) are rounded to [RatioPlaces] places half away from zero, and
// damages to the places their rule states; nothing else is rounded.
//
// # Standards over time
//
// A limit's values are dated like rule-set parameters: the value in force on
// a date is the latest on or before it, and before the first there is no
// value (an Unknown verdict, never zero). The standards that apply to a
// project are those in force on the date of its land transfer (the contract
// fixes them; see Spec.FixedBy), or on the as-of date before the transfer.
// [Policy.Lookup] documents how a standard is chosen by industry and park,
// with a fallback to a standard for all industries.
//
// # Facts
//
// Committed and actual values, the land price and the parcel are read
// through a [Source]. Package rules implements it from a rule set's facts;
// [NewAttributeSource] reads zone.Project.Attributes, e.g.
//
//	committed_investment_intensity: 350万元/亩
//	actual_investment_intensity:    280万元/亩
//	land_price:                     2570万元
//	parcel:                         YC-2022-03
//
// # Example: Yuncheng and Lüliang
//
// The Yuncheng economic-technological development zone (运城经开区) supplies
// standard land "九通一平" after the regional assessments — 压覆矿床,
// 地质灾害危险性评估 and 环境影响评价, and a 地震安全性评价 over 41.1 平方公里
// (61650亩) — and has supplied seven parcels totalling 283.69亩. In Go:
//
//	p, err := land.New(land.Spec{
//		Ref:        zone.Ref{ID: "land", Label: "标准地", Cite: "004_04ac7e2079fd0c7b.txt 全力供应标准地"},
//		Indicators: land.StandardIndicators(),
//		Standards: []land.Standard{{
//			Ref:    zone.Ref{ID: "shanxi-national", Label: "国家级开发区工业用地投资强度"},
//			Limits: []land.Limit{{Indicator: land.InvestmentIntensity, Values: []land.Step{
//				// 300万元/亩; the effective date is an example value.
//				{From: date.New(2018, 1, 1), Value: land.Value{Amount: decimal.NewFromInt(3_000_000)}},
//			}}},
//		}},
//		Assessments: []land.Prerequisite{
//			{Ref: zone.Ref{ID: "mineral_overlay", Label: "压覆矿床"}},
//			{Ref: zone.Ref{ID: "geohazard", Label: "地质灾害危险性评估"}},
//			{Ref: zone.Ref{ID: "environment", Label: "环境影响评价"}},
//			{Ref: zone.Ref{ID: "seismic", Label: "地震安全性评价"}},
//		},
//		Infrastructure: nineAndOne, // 道路、供水、排水、供电、供暖、燃气、通讯、宽带、有线电视 + 土地平整
//		Regional: []land.Regional{{Completion: land.Completion{ID: "seismic"}, Area: decimal.NewFromInt(61650)}},
//		Parcels:  parcels, // seven parcels, 283.69亩 in all (single areas: example values)
//	})
//
// Shanxi requires an investment intensity of at least 300万元/亩 in
// national-level zones and 200万元/亩 in provincial ones; Lüliang's reform
// (承诺制+标准地+全代办) writes planning, energy use, environment and
// investment intensity into the transfer conditions, so a project "starts
// building as soon as it gets the land" (拿地即开工). The sources do not
// give per-parcel areas, per-industry limits, acceptance timing or damages
// rates: wherever the examples and tests use such numbers they are example
// values, and say so.
//
// # Concurrency
//
// A Policy is immutable and safe for concurrent use: evaluate one Policy for
// many projects from many goroutines, each with its own [zone.Context].
// Evaluation is a pure function of the policy, the project, the as-of date
// and the calendar; it never reads the clock.
package land
