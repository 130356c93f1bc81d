package incentive

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
	"github.com/devzone-go/devzone/zone"
)

// compute works out the programme's amount for c into v. Decimal
// multiplication is exact; the only rounding is the programme's own.
func (p *programme) compute(c *zone.Context, v *Verdict) {
	b := &p.Benefit
	calc := &v.Calc
	calc.Form = b.Form
	switch b.Form {
	case FormService:
		v.Entitlement = b.Entitlement
		return
	case FormFixed:
		p.finish(v, b.Amount)
		return
	}
	calc.BaseName = p.baseName
	base, ok := b.Base.Value(c)
	if !ok {
		calc.Missing = b.Base.Missing(c)
		if b.Form == FormBands {
			calc.BandFrom = b.Bands[0].From
		}
		return
	}
	calc.Base, calc.BaseKnown = base, true
	if b.Form == FormRate {
		calc.Rate = b.Rate
		p.finish(v, base.Mul(b.Rate))
		return
	}
	calc.Banding = b.Banding
	if cmpDec(base, b.Bands[0].From) < 0 {
		calc.Below, calc.BandFrom = true, b.Bands[0].From
		return
	}
	if b.Banding == Progressive {
		p.progressive(v, base)
		return
	}
	k := 0
	for k+1 < len(b.Bands) && cmpDec(base, b.Bands[k+1].From) >= 0 {
		k++
	}
	band := &b.Bands[k]
	calc.Band, calc.BandFrom, calc.Rate = k, band.From, band.Rate
	applied := base
	if b.Of != nil {
		calc.OfName = p.ofName
		of, ok := b.Of.Value(c)
		if !ok {
			calc.Missing = b.Of.Missing(c)
			return
		}
		calc.Of, applied = of, of
	}
	raw := applied.Mul(band.Rate)
	if band.Cap != nil && cmpDec(raw, *band.Cap) > 0 {
		raw, calc.BandCapped = *band.Cap, true
	}
	p.finish(v, raw)
}

// progressive sums each band's rate times the part of base inside it. The
// caller has checked that base reaches the first band.
func (p *programme) progressive(v *Verdict, base decimal.Decimal) {
	bands := p.Benefit.Bands
	var sum decimal.Decimal
	parts := make([]Part, 0, len(bands))
	for k := range bands {
		lo := bands[k].From
		if cmpDec(base, lo) <= 0 {
			break
		}
		hi := base
		if k+1 < len(bands) && cmpDec(bands[k+1].From, base) < 0 {
			hi = bands[k+1].From
		}
		part := Part{From: lo, To: hi, Rate: bands[k].Rate, Amount: hi.Sub(lo).Mul(bands[k].Rate)}
		if c := bands[k].Cap; c != nil && cmpDec(part.Amount, *c) > 0 {
			part.Amount, part.Capped = *c, true
		}
		parts = append(parts, part)
		sum = sum.Add(part.Amount)
	}
	v.Calc.Parts = parts
	p.finish(v, sum)
}

// finish rounds raw, applies the programme's cap and floor and records the
// amount.
func (p *programme) finish(v *Verdict, raw decimal.Decimal) {
	calc := &v.Calc
	calc.Raw, calc.Rounding = raw, p.Rounding
	amt := p.Rounding.Round(raw)
	if c := p.Benefit.Cap; c != nil && cmpDec(amt, *c) > 0 {
		amt, calc.Limit, calc.LimitValue = *c, Capped, *c
	}
	if f := p.Benefit.Floor; f != nil && cmpDec(amt, *f) < 0 {
		amt, calc.Limit, calc.LimitValue = *f, Floored, *f
	}
	v.Amount, v.AmountKnown = amt, true
}

// cmpDec compares a and b like [decimal.Decimal.Cmp], without allocating
// when both coefficients fit in 64 bits (decimal's Cmp allocates whenever
// the exponents differ).
func cmpDec(a, b decimal.Decimal) int {
	ea, eb := a.Exponent(), b.Exponent()
	if ea == eb || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	x, y := a.CoefficientInt64(), b.CoefficientInt64()
	var ok bool
	if ea > eb {
		x, ok = scale10(x, ea-eb)
	} else {
		y, ok = scale10(y, eb-ea)
	}
	if !ok {
		return a.Cmp(b)
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// scale10 returns x × 10^n and whether it fits in an int64.
func scale10(x int64, n int32) (int64, bool) {
	if x == 0 {
		return 0, true
	}
	if n > 18 {
		return 0, false
	}
	for ; n > 0; n-- {
		if x > math.MaxInt64/10 || x < math.MinInt64/10 {
			return 0, false
		}
		x *= 10
	}
	return x, true
}

// fmtMoney formats yuan for messages and reasons: 2000万元, 1.2亿元, 3500元.
func fmtMoney(d decimal.Decimal) string { return quantity.FormatMoney(d) }

// fmtRate formats a fraction as a percentage: 0.1 → 10%.
func fmtRate(d decimal.Decimal) string { return quantity.FormatPercent(d) }
