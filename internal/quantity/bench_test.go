package quantity_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

func BenchmarkParseMoney(b *testing.B) {
	for _, s := range []string{"2000万元", "2133.4亿元", "1,000,000.5元"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := quantity.ParseMoney(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFormatMoney(b *testing.B) {
	for _, s := range []string{"20000000", "213340000000", "1000000.5"} {
		d := decimal.RequireFromString(s)
		b.Run(quantity.FormatMoney(d), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = quantity.FormatMoney(d)
			}
		})
	}
}

func BenchmarkParseArea(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := quantity.ParseArea("5000㎡"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLex(b *testing.B) {
	for _, tc := range []struct{ name, src string }{
		{"money", "10亿元 and"},
		{"area", "5000㎡ and"},
		{"intensity", "300万元/亩 and"},
		{"period", "30个工作日 and"},
		{"period-english", "30 working days and"},
		{"date", "2025-07-22 and"},
		{"number", "42 and y"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if k, _ := quantity.Lex(tc.src, 0); k == quantity.Invalid {
					b.Fatal("no literal")
				}
			}
		})
	}
}
