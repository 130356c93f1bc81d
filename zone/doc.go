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
// # Zones and portfolio reports
//
// A [Zone], built with [New], is a zone's category (工业类, 现代农业类,
// 生态文旅类), level (国家级, 省级), parks ([Park], 园中园 included), leading
// and potential industries and industrial chains ([Chain], with 链长 and
// 链主). A [Portfolio], built with [NewPortfolio], adds the [Metric] rates
// the province reports (开工率, 投产率, 达效率); [Portfolio.Report] turns a
// list of projects into a [Report] as of a date: the 三个一批 figures by
// period, park and industry, the rates with their numerators and
// denominators, deadlines overdue and supervision steps due, design
// capacity reached and behind, and the incentives granted. The lifecycle
// facts come from the caller as plain data ([Status]): this package does not
// import package stage. docs/zone.md defines every figure.
//
// Zones, portfolios and reports are immutable values, safe for concurrent
// use; a [Context] belongs to one evaluation at a time.
//
// The package has no YAML: rule sets and project files are read by package
// rules, which builds these values.
package zone
