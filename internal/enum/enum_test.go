package enum_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/internal/enum"
)

var modes = [][2]string{{"", "未知"}, {"transfer", "出让"}, {"lease", "租赁厂房"}}

// damages has a zero value with an identifier of its own.
var damages = [][2]string{{"none", "无"}, {"proportional", "按差额比例"}}

func TestEnum(t *testing.T) {
	type look struct {
		I  int
		OK bool
	}
	got := map[string]any{
		"name 1":      enum.Name(modes, 1),
		"name 9":      enum.Name(modes, 9),
		"label 2":     enum.Label(modes, 2),
		"label -1":    enum.Label(modes, -1),
		"lookup id":   func() look { i, ok := enum.Lookup(modes, "lease"); return look{i, ok} }(),
		"lookup 出让":   func() look { i, ok := enum.Lookup(modes, "出让"); return look{i, ok} }(),
		"lookup \"\"": func() look { i, ok := enum.Lookup(modes, ""); return look{i, ok} }(),
		"lookup 未知":   func() look { i, ok := enum.Lookup(modes, "未知"); return look{i, ok} }(),
		"allowed":     enum.Allowed(modes),
		"named zero":  func() look { i, ok := enum.Lookup(damages, "none"); return look{i, ok} }(),
		"named 无":     func() look { i, ok := enum.Lookup(damages, "无"); return look{i, ok} }(),
		"named other": func() look { i, ok := enum.Lookup(damages, "按差额比例"); return look{i, ok} }(),
	}
	want := map[string]any{
		"name 1":      "transfer",
		"name 9":      "",
		"label 2":     "租赁厂房",
		"label -1":    "未知",
		"lookup id":   look{2, true},
		"lookup 出让":   look{1, true},
		"lookup \"\"": look{0, true},
		"lookup 未知":   look{0, false},
		"allowed":     "transfer (出让), lease (租赁厂房)",
		"named zero":  look{0, true},
		"named 无":     look{0, true},
		"named other": look{1, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
