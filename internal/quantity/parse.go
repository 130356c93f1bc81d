package quantity

import (
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// MaxInputLen is the longest text, in bytes, that the Parse functions accept.
// A Chinese character takes three bytes, so 64 bytes leave room for any
// realistic literal (2133.4亿元 is 12 bytes) while keeping a mistyped or
// hostile value from turning into a huge number.
const MaxInputLen = 64

// Limits on a parsed value, counted in the base unit of its kind (元, 亩,
// 元/亩, or the fraction for percentages). Every formatted value within them
// is at most 48 bytes, so Parse accepts everything Format prints for a value
// Parse returned.
const (
	maxIntDigits = 20 // digits before the decimal point: below 10^20
	maxPlaces    = 16 // digits after the decimal point, trailing zeros ignored
)

// parse parses s as a literal of kind want. See the Parse functions for the
// grammar.
func parse(s string, want Kind) (decimal.Decimal, error) {
	d, off, expected := parseAt(s, want)
	if expected != "" {
		return decimal.Decimal{}, &SyntaxError{Kind: want, Input: s, Offset: off, Expected: expected}
	}
	return d, nil
}

// parseAt does the work of parse. On failure it returns the offset and the
// "expected" text of the error; on success expected is "".
func parseAt(s string, want Kind) (d decimal.Decimal, off int, expected string) {
	if len(s) > MaxInputLen {
		return d, MaxInputLen, "at most " + strconv.Itoa(MaxInputLen) + " bytes of text: a number and its unit only (例如 " + want.example() + ")"
	}
	i, end := trimSpaces(s)
	if i == end {
		return d, i, want.usage()
	}
	s = s[:end]
	neg := false
	if s[i] == '-' {
		if want != Money && want != Percent {
			return d, i, "a number that is not negative (例如 " + want.example() + ")"
		}
		neg = true
		i++
	}
	num := i
	var buf [MaxInputLen]byte
	nd, frac, j, expected := scanNumber(s, i, want, &buf)
	if expected != "" {
		return d, j, expected
	}

	k := j
	if want != Percent {
		k = skipSpaces(s, j)
	}
	if k == end {
		if want == Money || want == Percent {
			return build(buf[:nd], frac, unit{kind: want}, neg, num)
		}
		return d, k, "a unit after the number: " + want.units() + " (例如 " + want.example() + ")"
	}
	u, n := matchUnit(s[k:], false)
	if n == 0 {
		if want == Percent {
			if p, m := matchUnit(s[skipSpaces(s, k):], false); m > 0 && p.kind == Percent {
				return d, k, "% straight after the number, without a space (例如 3%)"
			}
		}
		if e := periodEnd(s, j); e > 0 {
			return d, k, want.units() + " after the number, not " + s[skipSpaces(s, k):e] + " (that makes a period)"
		}
		return d, k, want.usage()
	}
	switch {
	case u.kind == want:
	case want == Intensity && u.kind == Money:
		return d, k + n, "/亩 after " + u.text + " (例如 300万元/亩)"
	default:
		return d, k, want.units() + " after the number, not " + u.text + " (that makes " + u.kind.noun() + ")"
	}
	if want == Intensity && !u.perMu {
		slash := k
		for s[slash] != '/' {
			slash++
		}
		return d, slash + 1, "亩 after the slash: an amount per ㎡, 公顷 or 平方公里 has no exact value per 亩, so convert it first (例如 300万元/亩)"
	}
	if r := k + n; r < end {
		if _, m := matchUnit(s[skipSpaces(s, r):], false); m > 0 {
			return d, r, "a single unit after the number (例如 " + want.example() + ")"
		}
		return d, r, "nothing after " + u.text + " (例如 " + want.example() + ")"
	}
	return build(buf[:nd], frac, u, neg, num)
}

// scanNumber scans the number at s[i:]: ASCII digits, optionally grouped by
// commas into threes (1,000), and an optional fraction (12.5). It copies the
// digits without commas into buf and returns how many there are, how many of
// them follow the decimal point, and the offset just past the number. On
// failure expected is non-empty and end is the offset of the problem.
func scanNumber(s string, i int, want Kind, buf *[MaxInputLen]byte) (nd, frac, end int, expected string) {
	const comma = "commas only between groups of three digits (例如 1,000,000)"
	if i >= len(s) || !isDigit(s[i]) {
		if i < len(s) && s[i] == '.' {
			return 0, 0, i, "a digit before the decimal point (例如 0.5)"
		}
		return 0, 0, i, want.usage()
	}
	start, group, commas, lastComma := i, 0, 0, 0
	for ; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			buf[nd] = c
			nd++
			group++
			continue
		}
		if c != ',' {
			break
		}
		bad := commas == 0 && (group > 3 || s[start] == '0') ||
			commas > 0 && group != 3 ||
			i+1 >= len(s) || !isDigit(s[i+1])
		if bad {
			return 0, 0, i, comma
		}
		commas, lastComma, group = commas+1, i, 0
	}
	if commas > 0 && group != 3 {
		return 0, 0, lastComma, comma
	}
	if i < len(s) && s[i] == '.' {
		if i+1 >= len(s) || !isDigit(s[i+1]) {
			return 0, 0, i + 1, "a digit after the decimal point (例如 " + want.example() + ")"
		}
		for i++; i < len(s) && isDigit(s[i]); i++ {
			buf[nd] = s[i]
			nd++
			frac++
		}
		if i < len(s) && s[i] == ',' {
			return 0, 0, i, comma
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		return 0, 0, i, "the digits written out in full, without exponent notation such as 1e9 (例如 " + want.example() + ")"
	}
	return nd, frac, i, ""
}

// build converts the scanned digits to the base unit of u.kind and checks the
// value against the limits. num is the offset of the number, for errors.
func build(digits []byte, frac int, u unit, neg bool, num int) (decimal.Decimal, int, string) {
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	exp := int32(u.shift) - int32(frac)
	var d decimal.Decimal
	if len(digits) <= 17 {
		// 10^17 × 15 fits an int64.
		var c int64
		for _, b := range digits {
			c = c*10 + int64(b-'0')
		}
		if u.mul15 {
			c *= 15
		}
		if neg {
			c = -c
		}
		d = decimal.New(c, exp)
	} else {
		c, _ := new(big.Int).SetString(string(digits), 10) // digits are ASCII 0-9 only
		if u.mul15 {
			c.Mul(c, big.NewInt(15))
		}
		if neg {
			c.Neg(c)
		}
		d = decimal.NewFromBigInt(c, exp)
	}
	if d.IsZero() {
		return decimal.Decimal{}, 0, ""
	}
	// |d| < 10^(digits+exponent), whatever trailing zeros the coefficient has.
	if int64(d.NumDigits())+int64(d.Exponent()) > maxIntDigits {
		return decimal.Decimal{}, num, "a smaller number: at most " + strconv.Itoa(maxIntDigits) +
			" digits before the decimal point, counted in " + u.kind.base()
	}
	if d.Exponent() < -maxPlaces && d.Normalize().Exponent() < -maxPlaces {
		return decimal.Decimal{}, num, "fewer decimal places: at most " + strconv.Itoa(maxPlaces) +
			", counted in " + u.kind.base()
	}
	return d, 0, ""
}

// base names the base unit of kind k, for error messages.
func (k Kind) base() string {
	switch k {
	case Money:
		return "元"
	case Area:
		return "亩"
	case Percent:
		return "a fraction (100% = 1)"
	case Intensity:
		return "元/亩"
	}
	return "the base unit"
}

// example is a valid literal of kind k, for error messages.
func (k Kind) example() string {
	switch k {
	case Money:
		return "2000万元"
	case Area:
		return "283.69亩"
	case Percent:
		return "3%"
	case Intensity:
		return "300万元/亩"
	}
	return "42"
}

// ParseNumber reads a non-negative plain number — ASCII digits with an
// optional fraction — optionally followed (spaces allowed in between) by
// exactly the unit text unit, such as 吨标煤/万元 or an indicator's own unit;
// unit "" allows no unit. Leading and trailing ASCII white space is
// ignored. It is for amounts whose unit is only a label, with no
// conversion: ratios (容积率 1.2) and units a rule set names. Errors are
// *SyntaxError of Kind Number.
func ParseNumber(s, unit string) (decimal.Decimal, error) {
	fail := func(off int, expected string) (decimal.Decimal, error) {
		return decimal.Decimal{}, &SyntaxError{Kind: Number, Input: s, Offset: off, Expected: expected}
	}
	example := "1.2"
	if unit != "" {
		example = "0.5" + unit
	}
	if len(s) > MaxInputLen {
		return fail(MaxInputLen, "at most "+strconv.Itoa(MaxInputLen)+" bytes of text: a number only (例如 "+example+")")
	}
	i, end := trimSpaces(s)
	if i == end {
		return fail(i, "a number (例如 "+example+")")
	}
	start := i
	if s[i] == '-' {
		return fail(i, "a value that is not negative")
	}
	for i < end && isDigit(s[i]) {
		i++
	}
	intDigits := i - start
	if intDigits == 0 {
		return fail(i, "a number written with the digits 0-9 (例如 "+example+")")
	}
	fracDigits := 0
	if i < end && s[i] == '.' {
		i++
		f := i
		for i < end && isDigit(s[i]) {
			i++
		}
		fracDigits = i - f
		if fracDigits == 0 {
			return fail(i, "a digit after the decimal point (例如 "+example+")")
		}
	}
	num := s[start:i]
	j := i
	for j < end && isSpace(s[j]) {
		j++
	}
	switch {
	case j == end:
	case unit != "" && s[j:end] == unit:
	case unit != "":
		return fail(i, "nothing after the number but "+unit+" (例如 "+example+")")
	default:
		return fail(i, "a number without a unit (例如 "+example+")")
	}
	if intDigits > maxIntDigits {
		return fail(start, "a smaller number: at most "+strconv.Itoa(maxIntDigits)+" digits before the decimal point")
	}
	if fracDigits > maxPlaces {
		return fail(start, "fewer decimal places: at most "+strconv.Itoa(maxPlaces))
	}
	d, err := decimal.NewFromString(num) // only digits and at most one point
	if err != nil {
		return fail(start, "a number (例如 "+example+")")
	}
	return d, nil
}

// trimSpaces returns the bounds of s without leading and trailing ASCII
// white space.
func trimSpaces(s string) (start, end int) {
	end = len(s)
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return start, end
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
