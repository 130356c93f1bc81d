package expr

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// randomDecimal returns a decimal of varied size and precision, often
// beyond the fixed-point range, to exercise both arithmetic paths.
func randomDecimal(r *rand.Rand) decimal.Decimal {
	switch r.IntN(6) {
	case 0:
		return decimal.New(r.Int64N(2000)-1000, 0)
	case 1:
		return decimal.New(r.Int64()-math.MaxInt64/2, -int32(r.IntN(9)))
	case 2:
		return decimal.New(r.Int64N(1e12)-5e11, -int32(r.IntN(13)))
	case 3:
		return decimal.New(math.MaxInt64-r.Int64N(1000), -6)
	case 4:
		return decimal.New(r.Int64N(1e9), int32(r.IntN(10)))
	}
	return decimal.New(r.Int64N(10), -int32(r.IntN(3)))
}

// TestArith_matchesExact checks that the fixed-point path and the exact
// path compute the same numbers: the exact result rounded half away from
// zero to six places.
func TestArith_matchesExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ops := []op{opAdd, opSub, opMul, opDiv}
	for i := 0; i < 20000; i++ {
		dx, dy := randomDecimal(r), randomDecimal(r)
		o := ops[r.IntN(len(ops))]
		x, y := Money(dx), Decimal(dy)
		got, err := arith(o, KindMoney, x, y)
		var want decimal.Decimal
		switch o {
		case opAdd:
			want = dx.Add(dy)
		case opSub:
			want = dx.Sub(dy)
		case opMul:
			want = dx.Mul(dy)
		case opDiv:
			if dy.IsZero() {
				if err != errDivisionByZero {
					t.Fatalf("%v / 0: err %v", dx, err)
				}
				continue
			}
			want = dx.DivRound(dy, scale)
		}
		want = want.Round(scale)
		if err != nil {
			if err == errOverflow && want.NumDigits()+int(want.Exponent()) > 40 {
				continue
			}
			t.Fatalf("%v %s %v: %v", dx, o.symbol(), dy, err)
		}
		if !got.Decimal().Equal(want) {
			t.Fatalf("%v %s %v = %v, want %v", dx, o.symbol(), dy, got.Decimal(), want)
		}
		if n, ok := toFixed(want); ok && (got.st != stFixed || got.n != n) {
			t.Fatalf("%v %s %v: result %v not in fixed form", dx, o.symbol(), dy, want)
		}
	}
}

// TestCompare_exact checks comparisons of exactly held values (beyond the
// fixed-point range or with more than six places) against fixed constants,
// on the specialised closures and on the generic path.
func TestCompare_exact(t *testing.T) {
	env, err := NewEnv(Decl{Name: "x", Type: Type{Kind: KindMoney}}, Decl{Name: "b", Type: Type{Kind: KindBool}})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	consts := []string{"0", "1", "-1", "0.000001", "-0.000001", "9223372036854.775806", "-9223372036854.775807", "1234.5"}
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	a := env.NewActivation()
	for _, c := range consts {
		for _, o := range ops {
			p, errs := env.Compile("x "+o+" "+c+"元", KindBool)
			if errs != nil {
				t.Fatal(errs)
			}
			q, errs := env.Compile(c+"元 "+mirrorSym(o)+" x", KindBool)
			if errs != nil {
				t.Fatal(errs)
			}
			g, errs := env.Compile("b or x "+o+" "+c+"元", KindBool)
			if errs != nil {
				t.Fatal(errs)
			}
			k := decimal.RequireFromString(c)
			for i := 0; i < 300; i++ {
				v := randomDecimal(r)
				switch i {
				case 0:
					v = k
				case 1:
					v = k.Add(decimal.New(1, -7))
				case 2:
					v = k.Sub(decimal.New(1, -7))
				}
				a.Reset(0, nil)
				if err := a.Set(0, Money(v)); err != nil {
					continue
				}
				_ = a.Set(1, Bool(false))
				c := v.Cmp(k)
				want := map[string]bool{"==": c == 0, "!=": c != 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[o]
				for _, prog := range []*Program{p, q, g} {
					if got := prog.Eval(a).Bool(); got != want {
						t.Fatalf("%s with x = %v: %v, want %v", prog.Source(), v, got, want)
					}
				}
			}
		}
	}
}

func mirrorSym(o string) string {
	switch o {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return o
}

func TestToFixed(t *testing.T) {
	tests := []struct {
		in     string
		n      int64
		ok     bool
		reason string
	}{
		{"0", 0, true, ""},
		{"1", one, true, ""},
		{"10e8", 1e15, true, "10亿元"},
		{"1.5", 1500000, true, ""},
		{"0.000001", 1, true, "six places"},
		{"0.0000010", 1, true, "trailing zero beyond six places"},
		{"0.0000001", 0, false, "seven places"},
		{"-922337203685.477580", -922337203685477580, true, "18 digits"},
		{"-9223372036854.775808", 0, false, "19 digits are held exactly, though the value would fit"},
		{"9223372036854.775808", 0, false, "one beyond"},
		{"1e30", 0, false, ""},
	}
	for _, tc := range tests {
		n, ok := toFixed(decimal.RequireFromString(tc.in))
		if diff := cmp.Diff([]any{tc.n, tc.ok}, []any{n, ok}); diff != "" {
			t.Errorf("toFixed(%s) (%s) (-want +got):\n%s", tc.in, tc.reason, diff)
		}
	}
}

func TestFixedRound(t *testing.T) {
	tests := []struct {
		n      int64
		places int
		want   int64
		reason string
	}{
		{2500000, 0, 3000000, "half away from zero"},
		{-2500000, 0, -3000000, ""},
		{2499999, 0, 2000000, ""},
		{1234567, 2, 1230000, ""},
		{1235000, 2, 1240000, ""},
		{12345 * one, -4, 10000 * one, "to 万"},
		{15000 * one, -4, 20000 * one, ""},
		{123, 6, 123, "already six places"},
		{123, -20, 0, "beyond int64"},
	}
	for _, tc := range tests {
		got, ok := fixedRound(tc.n, tc.places)
		if !ok || got != tc.want {
			t.Errorf("fixedRound(%d, %d) = %d, %v; want %d (%s)", tc.n, tc.places, got, ok, tc.want, tc.reason)
		}
	}
}

func TestTri(t *testing.T) {
	all := []Truth{Unknown, False, True}
	and := func(a, b Truth) Truth {
		switch {
		case a == False || b == False:
			return False
		case a == Unknown || b == Unknown:
			return Unknown
		}
		return True
	}
	or := func(a, b Truth) Truth {
		switch {
		case a == True || b == True:
			return True
		case a == Unknown || b == Unknown:
			return Unknown
		}
		return False
	}
	for _, a := range all {
		if got := triOf(a).truth(); got != a {
			t.Errorf("round trip %v = %v", a, got)
		}
		if got := boolValue(triOf(a)).Truth(); got != a {
			t.Errorf("boolValue(%v).Truth() = %v", a, got)
		}
		if got := triOf(a).not().truth(); got != a.not() {
			t.Errorf("not %v = %v", a, got)
		}
		for _, b := range all {
			if got := and2(triOf(a), triOf(b)).truth(); got != and(a, b) {
				t.Errorf("%v and %v = %v", a, b, got)
			}
			if got := or2(triOf(a), triOf(b)).truth(); got != or(a, b) {
				t.Errorf("%v or %v = %v", a, b, got)
			}
		}
	}
}

func TestList_encoding(t *testing.T) {
	in := []Value{Text("装备制造"), {}, Money(decimal.RequireFromString("1e40")), Int(-5), Enum("x")}
	v := List(in...)
	got := v.List()
	if len(got) != len(in) {
		t.Fatalf("List() has %d elements, want %d", len(got), len(in))
	}
	for i := range in {
		if !got[i].Equal(in[i]) {
			t.Errorf("element %d = %v, want %v", i, got[i], in[i])
		}
	}
}
