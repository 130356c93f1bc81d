package zone

import "github.com/shopspring/decimal"

// amount is a decimal prepared for adding: in whole fen (0.01) when it has
// at most two decimal places and 18 digits, which covers every amount of
// money a project file writes, else kept as a decimal.
type amount struct {
	fen  int64
	fast bool
	d    decimal.Decimal
}

func amountOf(d decimal.Decimal) amount {
	scale := int(d.Exponent()) + 2 // the power of ten that turns the coefficient into fen
	if scale >= 0 && scale <= 18 && d.NumDigits()+scale <= 18 {
		fen := d.CoefficientInt64()
		for range scale {
			fen *= 10
		}
		return amount{fen: fen, fast: true}
	}
	return amount{d: d}
}

// sum adds amounts exactly. The zero sum is 0. Fen are added in an int64
// until it would overflow; the rest goes to a decimal, which allocates.
type sum struct {
	fen  int64
	rest decimal.Decimal
}

func (s *sum) add(a amount) {
	if !a.fast {
		s.rest = s.rest.Add(a.d)
		return
	}
	r := s.fen + a.fen
	if (a.fen > 0 && r < s.fen) || (a.fen < 0 && r > s.fen) {
		s.rest = s.rest.Add(decimal.New(s.fen, -2))
		r = a.fen
	}
	s.fen = r
}

func (s *sum) merge(o sum) {
	s.add(amount{fen: o.fen, fast: true})
	if !o.rest.IsZero() {
		s.rest = s.rest.Add(o.rest)
	}
}

// value returns the total.
func (s sum) value() decimal.Decimal {
	v := decimal.New(s.fen, -2)
	if !s.rest.IsZero() {
		v = v.Add(s.rest)
	}
	return v
}
