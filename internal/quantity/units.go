package quantity

import "unicode/utf8"

// unit describes one unit spelling: what kind of quantity it makes and how a
// number written in it converts to the kind's base unit. The conversion is
// always "multiply by 15 if mul15, then move the decimal point by shift", so
// every conversion is exact.
type unit struct {
	kind  Kind
	text  string // the spelling matched, e.g. "万元/亩"
	shift int32  // power of ten applied to the number
	mul15 bool   // also multiply by 15 (㎡, 公顷, 平方公里 → 亩)
	perMu bool   // Intensity only: the unit after the slash is exactly 亩
}

// maxUnitLen is the length in bytes of the longest single unit spelling
// (平方公里, 平方千米, 万平方米 are 12 bytes).
const maxUnitLen = 12

// lookupUnit returns the unit spelt exactly text. It knows money, area and
// percent units; periods belong to the calendar package and intensities are
// composed by matchUnit.
func lookupUnit(text string) (unit, bool) {
	u := unit{text: text}
	switch text {
	case "元":
		u.kind = Money
	case "万元", "万":
		u.kind, u.shift = Money, 4
	case "亿元", "亿":
		u.kind, u.shift = Money, 8
	case "亩":
		u.kind = Area
	case "万亩":
		u.kind, u.shift = Area, 4
	case "平方米", "平米", "㎡", "m2", "m²":
		// 1㎡ = 15/10000 亩 = 0.0015亩.
		u.kind, u.shift, u.mul15 = Area, -4, true
	case "万平方米", "公顷":
		// 1公顷 = 10000㎡ = 15亩.
		u.kind, u.mul15 = Area, true
	case "平方公里", "平方千米", "km2", "km²":
		// 1平方公里 = 100公顷 = 1500亩.
		u.kind, u.shift, u.mul15 = Area, 2, true
	case "%", "％":
		u.kind, u.shift = Percent, -2
	default:
		return unit{}, false
	}
	return u, true
}

// isWordByte reports whether b is an ASCII letter, digit or underscore: a
// byte that would continue an identifier or an English word.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// boundaryOK reports whether a unit spelt text may end at s[n:]. A unit whose
// last byte is ASCII (m2, km2, %) must not run straight into an ASCII letter,
// digit or underscore, so that "5000m2x" is not an area followed by "x" and
// "10%3" is not a percentage followed by "3". Chinese units need no such
// check: Chinese text has no spaces between words.
func boundaryOK(s string, n int) bool {
	if n == 0 || n >= len(s) || s[n-1] >= utf8.RuneSelf {
		return true
	}
	return !isWordByte(s[n])
}

// matchUnit returns the longest money, area, percent or intensity unit at the
// start of s and its length in bytes, or n == 0 if there is none. An intensity
// is a money unit, a slash and an area unit with nothing between them
// (300万元/亩). If boundary is set, a candidate that fails [boundaryOK] is
// skipped in favour of a shorter one.
func matchUnit(s string, boundary bool) (unit, int) {
	for n := min(len(s), maxUnitLen); n > 0; n-- {
		u, ok := lookupUnit(s[:n])
		if !ok {
			continue
		}
		if u.kind == Money && n < len(s) && s[n] == '/' {
			if a, an := matchArea(s[n+1:], boundary); an > 0 {
				total := n + 1 + an
				return unit{
					kind:  Intensity,
					text:  s[:total],
					shift: u.shift,
					perMu: !a.mul15 && a.shift == 0,
				}, total
			}
		}
		if !boundary || boundaryOK(s, n) {
			return u, n
		}
	}
	return unit{}, 0
}

// matchArea is matchUnit restricted to area units.
func matchArea(s string, boundary bool) (unit, int) {
	for n := min(len(s), maxUnitLen); n > 0; n-- {
		if u, ok := lookupUnit(s[:n]); ok && u.kind == Area && (!boundary || boundaryOK(s, n)) {
			return u, n
		}
	}
	return unit{}, 0
}
