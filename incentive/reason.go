package incentive

import (
	"strings"

	"github.com/devzone-go/devzone/zone"
)

// Reason explains the verdict in one line for an officer: the eligibility
// (the condition's explanation, or the condition and its verdict), the
// arithmetic, and what stacking did, e.g.
//
//	eligible: investment >= 10亿元; investment 30亿元 × 10% = 3亿元, capped at 2亿元
//
// It is rendered on demand, so evaluation does not pay for it.
func (v *Verdict) Reason() string {
	parts := make([]string, 0, 3)
	parts = append(parts, v.eligibility())
	if a := v.Arithmetic(); a != "" {
		parts = append(parts, a)
	}
	by := v.By.Label
	if by == "" {
		by = v.By.ID
	}
	switch {
	case v.Status == Suppressed && v.ByGroup:
		parts = append(parts, by+" applies instead: only the largest amount in stacking group "+v.Group+" is paid (就高不重复)")
	case v.Status == Suppressed:
		parts = append(parts, "excluded by "+by+", which is awarded")
	case v.Status == Undecided && v.ByGroup:
		parts = append(parts, "which programme of stacking group "+v.Group+" applies cannot be told until the amount or eligibility of "+by+" is known")
	case v.Status == Undecided && v.By.ID != "":
		parts = append(parts, "depends on whether "+by+", which excludes it, is awarded")
	}
	return strings.Join(parts, "; ")
}

func (v *Verdict) eligibility() string {
	var b strings.Builder
	switch v.Eligibility.Truth {
	case zone.True:
		if v.Condition == "" {
			return "open to every project"
		}
		b.WriteString("eligible: ")
	case zone.False:
		b.WriteString("not eligible: ")
	default:
		b.WriteString("eligibility unknown: ")
	}
	if v.Eligibility.Detail != "" {
		b.WriteString(v.Eligibility.Detail)
	} else {
		b.WriteString(v.Condition)
	}
	if len(v.Eligibility.Missing) > 0 {
		b.WriteString(" (missing: " + strings.Join(v.Eligibility.Missing, ", ") + ")")
	}
	return b.String()
}

// Arithmetic renders the calculation behind the amount, e.g.
// "investment 30亿元 × 10% = 3亿元, capped at 2亿元", "amount unknown:
// missing investment", or the service granted. It is "" for a money
// programme whose eligibility is false, since nothing was computed.
func (v *Verdict) Arithmetic() string {
	c := &v.Calc
	switch {
	case c.Form == FormService:
		return "grants " + v.Entitlement.String()
	case v.Eligibility.Truth == zone.False && !v.AmountKnown:
		return ""
	case c.Below:
		return c.BaseName + " " + fmtMoney(c.Base) + " is below the lowest band (from " + fmtMoney(c.BandFrom) + "): nothing is due"
	case !v.AmountKnown:
		if len(c.Missing) == 0 {
			return "amount unknown"
		}
		s := "amount unknown: missing " + strings.Join(c.Missing, ", ")
		if c.Form == FormBands && !c.BaseKnown && c.BandFrom.Sign() > 0 {
			s += ", which decides whether the lowest band (from " + fmtMoney(c.BandFrom) + ") is reached"
		}
		return s
	}
	var b strings.Builder
	switch c.Form {
	case FormFixed:
		b.WriteString("fixed amount " + fmtMoney(c.Raw))
	case FormRate:
		b.WriteString(c.BaseName + " " + fmtMoney(c.Base) + " × " + fmtRate(c.Rate) + " = " + fmtMoney(c.Raw))
	case FormBands:
		if c.Banding == Progressive {
			b.WriteString(c.BaseName + " " + fmtMoney(c.Base) + " in progressive bands: ")
			for i, p := range c.Parts {
				if i > 0 {
					b.WriteString(" + ")
				}
				b.WriteString(fmtMoney(p.To.Sub(p.From)) + " × " + fmtRate(p.Rate))
				if p.Capped {
					b.WriteString(" capped at " + fmtMoney(p.Amount))
				}
			}
			if len(c.Parts) == 0 {
				b.WriteString("0元")
			}
			b.WriteString(" = " + fmtMoney(c.Raw))
			break
		}
		b.WriteString(c.BaseName + " " + fmtMoney(c.Base) + " is in the band from " + fmtMoney(c.BandFrom) + "; ")
		applied := c.Base
		if c.OfName != "" {
			applied = c.Of
			b.WriteString(c.OfName + " ")
		}
		product := applied.Mul(c.Rate)
		b.WriteString(fmtMoney(applied) + " × " + fmtRate(c.Rate) + " = " + fmtMoney(product))
		if c.BandCapped {
			b.WriteString(", capped at the band's " + fmtMoney(c.Raw))
		}
	}
	if r := c.Rounding.Round(c.Raw); !r.Equal(c.Raw) {
		b.WriteString(", rounded " + c.Rounding.Mode.Label() + " to " + fmtMoney(r))
	}
	switch c.Limit {
	case Capped:
		b.WriteString(", capped at " + fmtMoney(c.LimitValue))
	case Floored:
		b.WriteString(", raised to the floor of " + fmtMoney(c.LimitValue))
	}
	return b.String()
}
