package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
	"github.com/devzone-go/devzone/zone"
)

// zoneSection is the row of the zone: section, compiled into a zone.Zone
// and the portfolio metrics (docs/zone.md).
func zoneSection() sectionKind {
	return sectionKind{name: "zone", label: "开发区", shape: yamlnode.ShapeMapping, parse: zoneParse, compile: zoneCompile}
}

// Diagnostic codes of the zone: section (docs/zone.md lists them).
const (
	CodeZoneMissing         = "zone.missing"          // a zone without id, label, category or level after merging
	CodeZoneInvalidID       = "zone.invalid-id"       // an id of the zone, a park, a chain or a metric is not valid
	CodeZoneCategory        = "zone.category"         // category: is not industrial, agriculture or eco_tourism
	CodeZoneLevel           = "zone.level"            // level: is not national or provincial
	CodeZonePeriod          = "zone.period"           // period: is not month, quarter or year
	CodeZoneDuplicate       = "zone.duplicate"        // a park name or an industry given twice
	CodeZoneUnknownPark     = "zone.unknown-park"     // within: names no park of the zone
	CodeZoneParkCycle       = "zone.park-cycle"       // parks lie within each other in a circle
	CodeZoneUnknownIndustry = "zone.unknown-industry" // a chain's industry is not a leading or potential industry
	CodeZoneUnknownEvent    = "zone.unknown-event"    // batch: names no event
	CodeZoneSumType         = "zone.sum-type"         // a sum is not an amount or a number
	CodeZoneSumMismatch     = "zone.sum-mismatch"     // one sum without the other, or sums of different kinds
	CodeZonePlaces          = "zone.places"           // places: is not a whole number from 0 to 6
	CodeZoneNoZone          = "zone.no-zone"          // parks, industries or chains in a section that names no zone
)

// zoneKeys lists the keys of the zone: section.
func zoneKeys() []string {
	return []string{"id", "label", "category", "level", "cite", "period", "parks", "industries", "chains", "metrics"}
}

// zoneParkKeys lists the keys of one park, and zoneParkRequired those it
// must have.
func zoneParkKeys() []string     { return []string{"id", "label", "operator", "within", "cite"} }
func zoneParkRequired() []string { return []string{"id", "label"} }

// zoneIndustryKeys lists the keys of zone.industries.
func zoneIndustryKeys() []string { return []string{"leading", "potential"} }

// zoneChainKeys lists the keys of one chain, and zoneChainRequired those it
// must have.
func zoneChainKeys() []string {
	return []string{"id", "label", "chain_leader", "leaders", "industries", "cite"}
}
func zoneChainRequired() []string { return []string{"id", "label"} }

// zoneMetricKeys lists the keys of one metric, and zoneMetricRequired those
// it must have.
func zoneMetricKeys() []string {
	return []string{"id", "label", "batch", "numerator", "denominator", "numerator_sum", "denominator_sum", "places", "cite"}
}
func zoneMetricRequired() []string { return []string{"id", "label", "numerator", "denominator"} }

// zoneSyntax is what zoneParse records of one file's zone: section.
type zoneSyntax struct {
	key                                      Scalar // the zone: key itself
	id, label, category, level, cite, period Scalar
	leading, potential                       *zoneNames // nil when absent
	parks                                    []*zonePark
	chains                                   []*zoneChain
	metrics                                  []*zoneMetric
}

// zoneNames is a list of names, such as industries.leading.
type zoneNames struct {
	path  string
	items []Scalar
}

type zonePark struct {
	path                              string
	id, label, operator, within, cite Scalar
}

type zoneChain struct {
	path                         string
	id, label, chainLeader, cite Scalar
	leaders, industries          []Scalar
	leadersPath, industriesPath  string
}

type zoneMetric struct {
	path                                 string
	id, label, batch, numerator, denom   Scalar
	numeratorSum, denomSum, places, cite Scalar
}

func zoneParse(p *parser, d *SectionDecl) {
	base := yamlnode.Path(d.Path)
	m, ok := p.w.Mapping(d.node, base)
	if !ok {
		return
	}
	p.uniqueIDs(d.node, base)
	fs := p.fields(m, zoneKeys(), nil)
	s := &zoneSyntax{
		key:      d.Name,
		id:       p.scalarField(fs, base, "id"),
		label:    p.scalarField(fs, base, "label"),
		category: p.scalarField(fs, base, "category"),
		level:    p.scalarField(fs, base, "level"),
		cite:     p.scalarField(fs, base, "cite"),
		period:   p.scalarField(fs, base, "period"),
	}
	zoneItems(p, fs, base, "parks", zoneParkKeys(), zoneParkRequired(), func(ifs map[string]yamlnode.Entry, ip yamlnode.Path) {
		s.parks = append(s.parks, &zonePark{
			path: string(ip), id: p.scalarField(ifs, ip, "id"), label: p.scalarField(ifs, ip, "label"),
			operator: p.scalarField(ifs, ip, "operator"), within: p.scalarField(ifs, ip, "within"), cite: p.scalarField(ifs, ip, "cite"),
		})
	})
	if e, ok := fs["industries"]; ok {
		ip := base.Key("industries")
		if im, ok := p.w.Mapping(e.Value, ip); ok {
			ifs := p.fields(im, zoneIndustryKeys(), nil)
			s.leading = zoneNameList(p, ifs, ip, "leading")
			s.potential = zoneNameList(p, ifs, ip, "potential")
		}
	}
	zoneItems(p, fs, base, "chains", zoneChainKeys(), zoneChainRequired(), func(ifs map[string]yamlnode.Entry, ip yamlnode.Path) {
		c := &zoneChain{
			path: string(ip), id: p.scalarField(ifs, ip, "id"), label: p.scalarField(ifs, ip, "label"),
			chainLeader: p.scalarField(ifs, ip, "chain_leader"), cite: p.scalarField(ifs, ip, "cite"),
		}
		if l := zoneNameList(p, ifs, ip, "leaders"); l != nil {
			c.leaders, c.leadersPath = l.items, l.path
		}
		if l := zoneNameList(p, ifs, ip, "industries"); l != nil {
			c.industries, c.industriesPath = l.items, l.path
		}
		s.chains = append(s.chains, c)
	})
	zoneItems(p, fs, base, "metrics", zoneMetricKeys(), zoneMetricRequired(), func(ifs map[string]yamlnode.Entry, ip yamlnode.Path) {
		s.metrics = append(s.metrics, &zoneMetric{
			path: string(ip), id: p.scalarField(ifs, ip, "id"), label: p.scalarField(ifs, ip, "label"),
			batch: p.scalarField(ifs, ip, "batch"), numerator: p.scalarField(ifs, ip, "numerator"),
			denom: p.scalarField(ifs, ip, "denominator"), numeratorSum: p.scalarField(ifs, ip, "numerator_sum"),
			denomSum: p.scalarField(ifs, ip, "denominator_sum"), places: p.scalarField(ifs, ip, "places"),
			cite: p.scalarField(ifs, ip, "cite"),
		})
	})
	d.syntax = s
}

// zoneItems walks the list under key name: each item must be a mapping
// with the given keys; fn records the items that have the required ones.
func zoneItems(p *parser, fs map[string]yamlnode.Entry, base yamlnode.Path, name string, keys, required []string, fn func(map[string]yamlnode.Entry, yamlnode.Path)) {
	e, ok := fs[name]
	if !ok {
		return
	}
	lp := base.Key(name)
	items, _ := p.w.List(e.Value, lp)
	for i, item := range items {
		ip := lp.Index(i)
		m, ok := p.w.Mapping(item, ip)
		if !ok {
			continue
		}
		ifs := p.fields(m, keys, required)
		complete := true
		for _, k := range required {
			_, has := ifs[k]
			complete = complete && has
		}
		if complete { // else Parse reported the missing key
			fn(ifs, ip)
		}
	}
}

// zoneNameList reads the list of names under key name: a list of single
// values, or one value.
func zoneNameList(p *parser, fs map[string]yamlnode.Entry, base yamlnode.Path, name string) *zoneNames {
	e, ok := fs[name]
	if !ok {
		return nil
	}
	lp := base.Key(name)
	lit, ok := p.literal(e.Value, lp)
	if !ok {
		return &zoneNames{path: string(lp)}
	}
	if !lit.IsList {
		return &zoneNames{path: string(lp), items: []Scalar{lit.Scalar}}
	}
	return &zoneNames{path: string(lp), items: lit.List}
}

// zoneCompiled is the compiled zone: section of a Set.
type zoneCompiled struct {
	zone      *zone.Zone // nil when the section names no zone
	portfolio *zone.Portfolio
}

// zoneMerge merges the zone: sections of all layers, base first: single
// values of the latest layer that writes them, lists of rules by id. The
// result's key is the zone: key of the last layer.
func zoneMerge(layers []*SectionDecl) *zoneSyntax {
	m := &zoneSyntax{}
	for _, d := range layers {
		s, ok := d.syntax.(*zoneSyntax)
		if !ok {
			continue
		}
		m.key = s.key
		for _, f := range []struct{ dst, src *Scalar }{
			{&m.id, &s.id}, {&m.label, &s.label}, {&m.category, &s.category},
			{&m.level, &s.level}, {&m.cite, &s.cite}, {&m.period, &s.period},
		} {
			if f.src.IsSet() {
				*f.dst = *f.src
			}
		}
		if s.leading != nil {
			m.leading = s.leading
		}
		if s.potential != nil {
			m.potential = s.potential
		}
		m.parks = zoneByID(m.parks, s.parks, func(p *zonePark) string { return p.id.Value })
		m.chains = zoneByID(m.chains, s.chains, func(c *zoneChain) string { return c.id.Value })
		m.metrics = zoneByID(m.metrics, s.metrics, func(x *zoneMetric) string { return x.id.Value })
	}
	return m
}

// zoneByID merges a layer's list of rules into the baseline's: an item
// whose id matches a baseline item replaces it in place; new ids are
// appended. An id used twice in the layer itself (reported by Parse) keeps
// its first item.
func zoneByID[T any](base, layer []T, id func(T) string) []T {
	n := len(base)
	out := base
	seen := make(map[string]bool, len(layer))
	for _, item := range layer {
		k := id(item)
		if seen[k] {
			continue
		}
		seen[k] = true
		if i := slices.IndexFunc(out[:n], func(b T) bool { return id(b) == k }); i >= 0 {
			out[i] = item
		} else {
			out = append(out, item)
		}
	}
	return out
}

// zoneCompiler compiles the merged zone: section.
type zoneCompiler struct {
	c *compiler
	m *zoneSyntax
	// where maps a zone.SpecError's Path and Field to the value in the file.
	where map[string]zonePlace
	// reported lists the values already reported, by the same key.
	reported map[string]bool
}

// zonePlace is a value in a file: where it is and its key path there.
type zonePlace struct {
	s    Scalar
	path string
}

func zoneCompile(c *compiler, layers []*SectionDecl) {
	zc := &zoneCompiler{c: c, m: zoneMerge(layers), where: map[string]zonePlace{}, reported: map[string]bool{}}
	before := len(c.diags.Errors())
	z := zc.zone()
	g := zc.granularity()
	metrics, ok := zc.metrics()
	if !ok || len(c.diags.Errors()) > before {
		return
	}
	pf, err := zone.NewPortfolio(z, g, metrics...)
	if err != nil {
		zc.specErrors(err)
		return
	}
	c.set.zoneSec = &zoneCompiled{zone: z, portfolio: pf}
}

// zone builds the zone.Zone, or nil when the section names no zone.
func (zc *zoneCompiler) zone() *zone.Zone {
	m, c := zc.m, zc.c
	names := m.id.IsSet() || m.label.IsSet() || m.category.IsSet() || m.level.IsSet()
	parts := len(m.parks) > 0 || len(m.chains) > 0 || m.leading != nil || m.potential != nil
	if !names && !parts {
		return nil
	}
	var missing []string
	for _, k := range []struct {
		name string
		s    Scalar
	}{{"id", m.id}, {"label", m.label}, {"category", m.category}, {"level", m.level}} {
		if !k.s.IsSet() {
			missing = append(missing, k.name+":")
		}
	}
	if len(missing) > 0 {
		code, summary := CodeZoneMissing, fmt.Sprintf("the zone has no %s", strings.Join(missing, ", "))
		if !names {
			code, summary = CodeZoneNoZone, "the zone section lists parks, industries or chains but names no zone"
		}
		c.errorf(code, m.key.Pos, "zone",
			"A zone section that describes a zone needs id:, label:, category: (industrial 工业类, agriculture 现代农业类, eco_tourism 生态文旅类) and level: (national 国家级, provincial 省级); a zone file may take some of them from its baseline. A baseline that only defines metrics: and period: names no zone and lists no parks, industries or chains.",
			"%s", summary)
		return nil
	}
	spec := zone.Spec{Ref: zc.ref(m.id, m.label, m.cite, "", "zone")}
	spec.Category = zoneEnum(zc, m.category, "zone.category", CodeZoneCategory, "category", zone.ParseCategory, zoneCategoryValues())
	spec.Level = zoneEnum(zc, m.level, "zone.level", CodeZoneLevel, "level", zone.ParseLevel, zoneLevelValues())
	for i, p := range m.parks {
		key := fmt.Sprintf("parks[%d]", i)
		spec.Parks = append(spec.Parks, zone.Park{Ref: zc.ref(p.id, p.label, p.cite, key, p.path), Operator: p.operator.Value, Within: p.within.Value})
		zc.place(key+".within", p.within, p.path+".within")
	}
	spec.Leading = zc.names(m.leading, "industries.leading")
	spec.Potential = zc.names(m.potential, "industries.potential")
	for i, ch := range m.chains {
		key := fmt.Sprintf("chains[%d]", i)
		spec.Chains = append(spec.Chains, zone.Chain{
			Ref:         zc.ref(ch.id, ch.label, ch.cite, key, ch.path),
			ChainLeader: ch.chainLeader.Value,
			Leaders:     zc.names(&zoneNames{path: ch.leadersPath, items: ch.leaders}, key+".leaders"),
			Industries:  zc.names(&zoneNames{path: ch.industriesPath, items: ch.industries}, key+".industries"),
		})
	}
	z, err := zone.New(spec)
	if err != nil {
		zc.specErrors(err)
		return nil
	}
	return z
}

// ref makes the zone.Ref of a rule at key (the zone.SpecError path of the
// rule in the merged section) written at path in its file, and records
// where its id and label are.
func (zc *zoneCompiler) ref(id, label, cite Scalar, key, path string) zone.Ref {
	dot := "."
	if key == "" {
		dot = ""
	}
	zc.place(key+dot+"id", id, path+".id")
	zc.place(key+dot+"label", label, path+".label")
	return zone.Ref{ID: id.Value, Label: label.Value, Cite: cite.Value, Pos: zonePos(id.Pos)}
}

func (zc *zoneCompiler) place(key string, s Scalar, path string) {
	zc.where[key] = zonePlace{s, path}
}

// names returns the values of a list of names, recording where each is.
func (zc *zoneCompiler) names(l *zoneNames, key string) []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l.items))
	for i, s := range l.items {
		out[i] = s.Value
		zc.place(fmt.Sprintf("%s[%d]", key, i), s, fmt.Sprintf("%s[%d]", l.path, i))
	}
	return out
}

func zonePos(p Pos) zone.Pos { return zone.Pos{File: p.File, Line: p.Line, Col: p.Col} }

// zoneEnum reads an enumerated value, reporting a value that is none of
// allowed at its position.
func zoneEnum[T any](zc *zoneCompiler, s Scalar, path, code, key string, parse func(string) (T, error), allowed []string) T {
	v, err := parse(s.Value)
	if err == nil || !s.IsSet() {
		return v
	}
	zc.reported[key] = true
	d := zc.c.errorf(code, s.Pos, path, "The values allowed are: "+strings.Join(allowed, ", ")+".", "%q is not a valid %s", s.Value, key)
	if sug := yamlnode.Suggest(s.Value, allowed); sug != "" {
		d.Detail = fmt.Sprintf("Did you mean %q? %s", sug, d.Detail)
	}
	return v
}

// granularity reads period:, by default month.
func (zc *zoneCompiler) granularity() zone.Granularity {
	return zoneEnum(zc, zc.m.period, "zone.period", CodeZonePeriod, "period", zone.ParseGranularity, zonePeriodValues())
}

// zoneCategoryValues, zoneLevelValues and zonePeriodValues list the values
// category:, level: and period: accept: identifiers, then Chinese labels.
func zoneCategoryValues() []string {
	return zoneValues(zone.CategoryIndustrial, zone.CategoryAgriculture, zone.CategoryEcoTourism)
}
func zoneLevelValues() []string  { return zoneValues(zone.LevelNational, zone.LevelProvincial) }
func zonePeriodValues() []string { return zoneValues(zone.Monthly, zone.Quarterly, zone.Yearly) }

func zoneValues[T interface {
	String() string
	Label() string
}](vs ...T) []string {
	out := make([]string, 0, 2*len(vs))
	for _, v := range vs {
		out = append(out, v.String())
	}
	for _, v := range vs {
		out = append(out, v.Label())
	}
	return out
}

// metrics compiles the metrics. ok is false when an expression could not
// be compiled (it was reported) or the expression environment is missing.
func (zc *zoneCompiler) metrics() ([]zone.Metric, bool) {
	c := zc.c
	ok := c.env != nil
	var out []zone.Metric
	for i, x := range zc.m.metrics {
		key := fmt.Sprintf("metrics[%d]", i)
		m := zone.Metric{Ref: zc.ref(x.id, x.label, x.cite, key, x.path), Places: zone.DefaultPlaces}
		if !zone.ValidID(x.id.Value) {
			zc.reported[key+".id"] = true
			zoneInvalidID(c, x.id, x.path+".id")
		}
		if x.batch.IsSet() {
			if _, known := c.eventIdx[x.batch.Value]; known {
				m.Batch = zone.Event(x.batch.Value)
			} else {
				zoneUnknownEvent(c, x.batch, x.path+".batch")
			}
		}
		if x.places.IsSet() {
			n, err := strconv.Atoi(x.places.Value)
			if err != nil || n < 0 || n > zone.MaxPlaces {
				c.errorf(CodeZonePlaces, x.places.Pos, x.path+".places",
					fmt.Sprintf("places: is the number of decimal places of the percentage, a whole number from 0 to %d: 2 gives 58.82%%.", zone.MaxPlaces),
					"places: %q is not a whole number from 0 to %d", x.places.Value, zone.MaxPlaces)
			} else {
				m.Places = int32(n)
			}
		}
		if c.env == nil {
			continue
		}
		num := zc.condition(x.numerator, x.path+".numerator")
		den := zc.condition(x.denom, x.path+".denominator")
		nsum, dsum, sumsOK := zc.sums(x)
		if num == nil || den == nil || !sumsOK {
			ok = false
			continue
		}
		m.Numerator, m.Denominator = num, den
		if nsum != nil {
			m.NumeratorSum, m.DenominatorSum = nsum, dsum
			switch nsum.prog.Type().Kind {
			case expr.KindMoney:
				m.Unit = "元"
			case expr.KindArea:
				m.Unit = "亩"
			}
		}
		out = append(out, m)
	}
	return out, ok
}

// condition compiles a yes/no expression of a metric.
func (zc *zoneCompiler) condition(s Scalar, path string) *Condition {
	if !s.IsSet() {
		return nil
	}
	prog := zc.c.compileExpr(zc.c.env, s, path, expr.KindBool)
	if prog == nil {
		return nil
	}
	return &Condition{set: zc.c.set, prog: prog, pos: s.Pos, whenPos: s.Pos}
}

// sums compiles numerator_sum and denominator_sum. ok is false when one
// of them could not be compiled or they do not fit together.
func (zc *zoneCompiler) sums(x *zoneMetric) (num, den *zoneMeasure, ok bool) {
	c := zc.c
	if x.numeratorSum.IsSet() != x.denomSum.IsSet() {
		have, miss, at := "numerator_sum", "denominator_sum", x.numeratorSum
		if x.denomSum.IsSet() {
			have, miss, at = miss, have, x.denomSum
		}
		c.errorf(CodeZoneSumMismatch, at.Pos, x.path+"."+have,
			fmt.Sprintf("A ratio of sums adds up numerator_sum over the projects of the numerator and denominator_sum over those of the denominator, for example actual and expected annual output for 达效率. Add %s:, or remove %s: to count projects.", miss, have),
			"%s: is given without %s:", have, miss)
		return nil, nil, false
	}
	if !x.numeratorSum.IsSet() {
		return nil, nil, true
	}
	num = zc.measure(x.numeratorSum, x.path+".numerator_sum")
	den = zc.measure(x.denomSum, x.path+".denominator_sum")
	if num == nil || den == nil {
		return nil, nil, false
	}
	if nk, dk := num.prog.Type().Kind, den.prog.Type().Kind; nk != dk && !(zoneNumber(nk) && zoneNumber(dk)) {
		c.errorf(CodeZoneSumMismatch, x.denomSum.Pos, x.path+".denominator_sum",
			fmt.Sprintf("numerator_sum: gives %s (%s) and denominator_sum: gives %s (%s). The two sums of a rate must be of one kind, such as two amounts of money.", nk, nk.Label(), dk, dk.Label()),
			"the sums of metric %s are of different kinds", x.id.Value)
		return nil, nil, false
	}
	return num, den, true
}

func zoneNumber(k expr.Kind) bool { return k == expr.KindInt || k == expr.KindDecimal }

// measure compiles an expression that gives a project's number for a sum.
func (zc *zoneCompiler) measure(s Scalar, path string) *zoneMeasure {
	prog := zc.c.compileExpr(zc.c.env, s, path, expr.KindInvalid)
	if prog == nil {
		return nil
	}
	switch k := prog.Type().Kind; k {
	case expr.KindMoney, expr.KindInt, expr.KindDecimal, expr.KindArea:
		return &zoneMeasure{set: zc.c.set, prog: prog}
	default:
		zc.c.errorf(CodeZoneSumType, s.Pos, path,
			"A sum adds up an amount of money (actual_annual_output), an area or a number for each project.",
			"%s: gives %s (%s), which cannot be added up", path[strings.LastIndexByte(path, '.')+1:], k, k.Label())
		return nil
	}
}

// zoneMeasure is an expression-backed zone.Measure: a project's number for
// a metric's sum. It is immutable and safe for concurrent use.
type zoneMeasure struct {
	set  *Set
	prog *expr.Program
}

// Value evaluates the expression for the context's project; false when
// its value is unknown.
func (m *zoneMeasure) Value(ctx *zone.Context) (decimal.Decimal, bool) {
	b := m.set.binding(ctx)
	if b.notInForce != nil {
		return decimal.Decimal{}, false
	}
	v := m.prog.Eval(b.act)
	if !v.Known() {
		return decimal.Decimal{}, false
	}
	return v.Decimal(), true
}

// String returns the expression as written.
func (m *zoneMeasure) String() string { return m.prog.Source() }

func zoneInvalidID(c *compiler, s Scalar, path string) {
	c.errorf(CodeZoneInvalidID, s.Pos, path,
		"An id is written with ASCII letters, digits, - and _, starting with a letter or a digit, for example huitong-park or start-rate. Put the Chinese name in label:.",
		"%q is not a valid id", s.Value)
}

func zoneUnknownEvent(c *compiler, s Scalar, path string) {
	var names []string
	for _, e := range c.events {
		names = append(names, e.Name)
	}
	d := c.errorf(CodeZoneUnknownEvent, s.Pos, path,
		"batch: names the event that puts a project in a period's batch, for example signed for 开工率 (the projects signed in the period). The events are: "+strings.Join(names, ", ")+"; declare others under events:.",
		"batch: %q is not an event", s.Value)
	if sug := yamlnode.Suggest(s.Value, names); sug != "" {
		d.Detail = fmt.Sprintf("Did you mean %q? %s", sug, d.Detail)
	}
}

// specErrors reports the problems zone.New or zone.NewPortfolio found, at
// the values they concern.
func (zc *zoneCompiler) specErrors(err error) {
	var es zone.SpecErrors
	if !errors.As(err, &es) {
		zc.c.errorf(CodeFileRead, zc.m.key.Pos, "zone", "This is a fault in devzone, not in the rule file; please report it with the file.", "the zone section could not be compiled: %v", err)
		return
	}
	for _, e := range es {
		key := e.Path
		if e.Field != "" {
			if key != "" {
				key += "."
			}
			key += e.Field
		}
		if zc.reported[key] {
			continue
		}
		pl, ok := zc.where[key]
		if !ok || !pl.s.IsSet() {
			pl = zonePlace{zc.m.key, "zone"}
		}
		zc.specError(e, pl)
	}
}

func (zc *zoneCompiler) specError(e *zone.SpecError, pl zonePlace) {
	c := zc.c
	switch {
	case errors.Is(e.Err, zone.ErrInvalidID):
		zoneInvalidID(c, pl.s, pl.path)
	case errors.Is(e.Err, zone.ErrUnknownPark):
		var ids []string
		for _, p := range zc.m.parks {
			ids = append(ids, p.id.Value)
		}
		d := c.errorf(CodeZoneUnknownPark, pl.s.Pos, pl.path,
			"within: names the park a 园中园 lies in, by its id. The parks are: "+strings.Join(ids, ", ")+".",
			"within: %q is not a park of the zone", e.Value)
		if sug := yamlnode.Suggest(e.Value, ids); sug != "" {
			d.Detail = fmt.Sprintf("Did you mean %q? %s", sug, d.Detail)
		}
	case errors.Is(e.Err, zone.ErrParkCycle):
		c.errorf(CodeZoneParkCycle, pl.s.Pos, pl.path,
			fmt.Sprintf("Following within: from park to park comes back to %s. A 园中园 lies within another park, and in the end one park of the chain lies directly in the zone: it has no within:.", e.Ref.ID),
			"the park %s lies within itself through within:", e.Ref.ID)
	case errors.Is(e.Err, zone.ErrUnknownIndustry):
		c.errorf(CodeZoneUnknownIndustry, pl.s.Pos, pl.path,
			"A chain's industries are among the zone's industries: list it under industries: leading: or potential:, or correct the name.",
			"%q is not a leading or potential industry of the zone", e.Value)
	case errors.Is(e.Err, zone.ErrDuplicate):
		detail := "Projects name their park by its id or by its name, so no two parks may share either."
		if strings.HasPrefix(e.Path, "industries") {
			detail = "An industry is listed once: as a leading industry (主导产业) or as a potential one (潜力产业)."
		}
		c.errorf(CodeZoneDuplicate, pl.s.Pos, pl.path, detail, "%q is given twice", e.Value)
	default:
		c.errorf(CodeZoneMissing, pl.s.Pos, pl.path, "", "%s", e.Error())
	}
}
