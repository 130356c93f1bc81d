package land

import (
	"strings"

	"github.com/devzone-go/devzone/zone"
)

// Explain returns the row's verdict with a one-line account for people,
// such as
//
//	固定资产投资强度: 承诺 350万元/亩, 标准 不低于 300万元/亩 (shanxi-national, 自 2020-06-01) → 满足, 余量 50万元/亩 (16.6667%)
//
// and the missing fact, if any. It allocates; call it when showing a
// result, not on a hot path.
func (r CommitmentRow) Explain() zone.Explanation {
	var b strings.Builder
	ind := r.Indicator
	if ind == nil {
		ind = &Indicator{}
	}
	b.WriteString(label(ind.Ref))
	b.WriteString(": ")
	if r.Reason != ReasonNone {
		writeUnknown(&b, r.Reason, r.Missing, r.Err)
		return explanation(r.Verdict, &b, r.Missing)
	}
	b.WriteString("承诺 ")
	b.WriteString(ind.Format(r.Committed))
	b.WriteString(", 标准 ")
	b.WriteString(ind.Direction.Label())
	b.WriteString(" ")
	b.WriteString(ind.Format(r.Required.Value))
	b.WriteString(" (")
	b.WriteString(r.Required.Standard.ID)
	if r.Required.Since != 0 {
		b.WriteString(", 自 ")
		b.WriteString(r.Required.Since.String())
	}
	b.WriteString(") → ")
	b.WriteString(r.Verdict.Label())
	if ind.Unit.numeric() {
		b.WriteString(", 余量 ")
		b.WriteString(ind.Format(Value{Amount: r.Margin()}))
		if !r.Required.Amount.IsZero() {
			b.WriteString(" (")
			b.WriteString(FormatPercent(r.MarginRatio()))
			b.WriteString(")")
		}
	}
	return explanation(r.Verdict, &b, "")
}

// Explain returns the row's verdict with a one-line account for people,
// such as
//
//	固定资产投资强度: 承诺 350万元/亩, 实际 280万元/亩 → 不满足, 差额 70万元/亩 (20%); 违约金 257万元 (按差额比例 514万元, 封顶)
//
// and the missing fact, if any. It allocates.
func (r AcceptanceRow) Explain() zone.Explanation {
	var b strings.Builder
	ind := r.Indicator
	if ind == nil {
		ind = &Indicator{}
	}
	b.WriteString(label(ind.Ref))
	b.WriteString(": ")
	if r.Verdict == zone.Unknown {
		writeUnknown(&b, r.Reason, r.Missing, r.Err)
		return explanation(r.Verdict, &b, r.Missing)
	}
	b.WriteString("承诺 ")
	b.WriteString(ind.Format(r.Committed))
	b.WriteString(", 实际 ")
	b.WriteString(ind.Format(r.Actual))
	b.WriteString(" → ")
	b.WriteString(r.Verdict.Label())
	if r.Verdict == zone.False && ind.Unit.numeric() {
		b.WriteString(", 差额 ")
		b.WriteString(ind.Format(Value{Amount: r.Shortfall()}))
		if !r.Committed.Amount.IsZero() {
			b.WriteString(" (")
			b.WriteString(FormatPercent(r.ShortfallRatio()))
			b.WriteString(")")
		}
	}
	switch r.Owes {
	case zone.True:
		if ch, ok := r.Charge(); ok {
			b.WriteString("; 违约金 ")
			b.WriteString(FormatMoney(ch.Amount))
			b.WriteString(" (")
			b.WriteString(r.Damages.Kind.Label())
			if ch.Capped {
				b.WriteString(" ")
				b.WriteString(FormatMoney(ch.Uncapped))
				b.WriteString(", 封顶")
			}
			b.WriteString(")")
		}
	case zone.Unknown:
		b.WriteString("; 违约金无法计算: ")
		writeUnknown(&b, r.Reason, r.Missing, r.Err)
		return explanation(r.Verdict, &b, r.Missing)
	}
	return explanation(r.Verdict, &b, "")
}

func label(r zone.Ref) string {
	if r.Label != "" {
		return r.Label
	}
	return r.ID
}

func writeUnknown(b *strings.Builder, reason Reason, missing string, err error) {
	b.WriteString(reason.Label())
	if missing != "" {
		b.WriteString(" (")
		b.WriteString(missing)
		b.WriteString(")")
	}
	if err != nil {
		b.WriteString(": ")
		b.WriteString(err.Error())
	}
}

func explanation(t zone.Truth, b *strings.Builder, missing string) zone.Explanation {
	ex := zone.Explanation{Truth: t, Detail: b.String()}
	if missing != "" {
		ex.Missing = []string{missing}
	}
	return ex
}
