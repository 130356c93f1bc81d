// Package zone models development zones (开发区) and the projects they
// attract, in terms every other devzone package shares.
//
// A [Project] carries the typed core facts the rules read — investment,
// industry, kind (产业项目 / 科技项目), land mode (出让 / 租赁厂房), whether a
// chain leader brought it in — its milestone [Event] dates (签约, 审议通过,
// 土地出让, 开工, 投产, …) and extra attributes typed by the rule set that
// evaluates it. Missing facts are modelled as missing, never as zero: a rule
// that needs one reports "unknown", not "false".
//
// [Truth] is the three-valued verdict (true, false, unknown) every condition
// in devzone produces.
//
// The package has no YAML: rule sets and project files are read by package
// rules, which builds these values.
package zone
