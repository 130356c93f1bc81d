package quantity_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/internal/quantity"
)

func ExampleParseMoney() {
	for _, s := range []string{"2000万元", "10亿元", "1.5亿", "500万", "20000000", "1,000万元", "-30万元"} {
		d, err := quantity.ParseMoney(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %s元\n", s, d.StringFixed(0))
	}
	_, err := quantity.ParseMoney("1,00万元")
	fmt.Println(err)
	// Output:
	// 2000万元 = 20000000元
	// 10亿元 = 1000000000元
	// 1.5亿 = 150000000元
	// 500万 = 5000000元
	// 20000000 = 20000000元
	// 1,000万元 = 10000000元
	// -30万元 = -300000元
	// "1,00万元" is not an amount of money: expected commas only between groups of three digits (例如 1,000,000)
}

func ExampleFormatMoney() {
	for _, s := range []string{"20000000", "1000000000", "150000000", "213340000000", "3500", "125000", "12345", "0.5"} {
		fmt.Println(quantity.FormatMoney(decimal.RequireFromString(s)))
	}
	// Output:
	// 2000万元
	// 10亿元
	// 1.5亿元
	// 2133.4亿元
	// 3500元
	// 12.5万元
	// 12345元
	// 0.5元
}

func ExampleParseArea() {
	for _, s := range []string{"283.69亩", "5000㎡", "41.1km2", "2公顷"} {
		d, _ := quantity.ParseArea(s)
		fmt.Printf("%s = %s\n", s, quantity.FormatArea(d))
	}
	// Output:
	// 283.69亩 = 283.69亩
	// 5000㎡ = 7.5亩
	// 41.1km2 = 61650亩
	// 2公顷 = 30亩
}

func ExampleFormatArea() {
	fmt.Println(quantity.FormatArea(decimal.RequireFromString("283.690")))
	// Output: 283.69亩
}

func ExampleFormatAreaIn() {
	area, _ := quantity.ParseArea("283.69亩")
	fmt.Println(quantity.FormatAreaIn(area, quantity.SquareMetre, 2))
	fmt.Println(quantity.FormatAreaIn(area, quantity.Hectare, 2))
	fmt.Println(quantity.FormatAreaIn(area, quantity.SquareKilometre, 4))
	// Output:
	// 189126.67㎡
	// 18.91公顷
	// 0.1891平方公里
}

func ExampleParseAreaUnit() {
	for _, s := range []string{"亩", "m2", "平方公里", "acre"} {
		u, err := quantity.ParseAreaUnit(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(u)
	}
	// Output:
	// 亩
	// ㎡
	// 平方公里
	// "acre" is not an area: expected a unit of area: 亩, ㎡, 公顷 or 平方公里
}

func ExampleAreaUnit_String() {
	fmt.Println(quantity.Mu, quantity.SquareMetre, quantity.Hectare, quantity.SquareKilometre)
	// Output: 亩 ㎡ 公顷 平方公里
}

func ExampleParsePercent() {
	for _, s := range []string{"3%", "12.5%", "0.5"} {
		d, _ := quantity.ParsePercent(s)
		fmt.Printf("%s = %s\n", s, d.StringFixed(3))
	}
	// Output:
	// 3% = 0.030
	// 12.5% = 0.125
	// 0.5 = 0.500
}

func ExampleFormatPercent() {
	fmt.Println(quantity.FormatPercent(decimal.RequireFromString("0.03")))
	fmt.Println(quantity.FormatPercent(decimal.RequireFromString("0.125")))
	// Output:
	// 3%
	// 12.5%
}

func ExampleParseIntensity() {
	d, _ := quantity.ParseIntensity("300万元/亩")
	fmt.Println(d.StringFixed(0), "元/亩")
	_, err := quantity.ParseIntensity("3000元/㎡")
	fmt.Println(err)
	// Output:
	// 3000000 元/亩
	// "3000元/㎡" is not an amount per 亩: expected 亩 after the slash: an amount per ㎡, 公顷 or 平方公里 has no exact value per 亩, so convert it first (例如 300万元/亩)
}

func ExampleFormatIntensity() {
	fmt.Println(quantity.FormatIntensity(decimal.NewFromInt(3000000)))
	fmt.Println(quantity.FormatIntensity(decimal.NewFromInt(80000)))
	// Output:
	// 300万元/亩
	// 8万元/亩
}

// The expression lexer calls Lex at each digit and hands the literal to the
// parser for its kind.
func ExampleLex() {
	src := "investment >= 10亿元 and area < 5000㎡ and review_passed + 30个工作日 >= 2025-07-22"
	for i := 0; i < len(src); i++ {
		if kind, end := quantity.Lex(src, i); kind != quantity.Invalid {
			fmt.Printf("%-7v %s\n", kind, src[i:end])
			i = end - 1
		}
	}
	// Output:
	// money   10亿元
	// area    5000㎡
	// period  30个工作日
	// date    2025-07-22
}

func ExampleKind_String() {
	kind, _ := quantity.Lex("300万元/亩", 0)
	fmt.Println(kind)
	// Output: intensity
}

func ExampleSyntaxError() {
	_, err := quantity.ParseMoney("12x万元")
	var se *quantity.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Offset)
		fmt.Println(se)
	}
	// Output:
	// money 2
	// "12x万元" is not an amount of money: expected a number followed by 元, 万元 or 亿元 (例如 2000万元)
}
