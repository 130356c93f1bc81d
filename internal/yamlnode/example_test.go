package yamlnode_test

import (
	"fmt"
	"strings"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// Decode a file, check its shape, and place an error found inside a folded
// value at the character it concerns.
func Example() {
	src := []byte(`id: jinzhong
tilte: 晋中
when: >
  投资额 >= 10亿元 and
  行业 == "装备制造"
`)
	root, problems := yamlnode.Decode(src, yamlnode.Limits{})
	var w yamlnode.Walker
	m, _ := w.Mapping(root, "")
	w.Allow(m, "id", "title", "when")
	for _, p := range append(problems, w.Problems()...) {
		fmt.Println(p.Pos, p.Code, p.Detail)
	}

	when, _ := m.Get("when")
	off := strings.Index(when.Value.Value, "行业") // as an expression compiler would report it
	pos, exact := yamlnode.NewSource(src).ValuePos(when.Value, off)
	fmt.Println(when.Value.Value)
	fmt.Println("行业 is at", pos, exact)
	// Output:
	// 2:1 yaml.unknown-key Did you mean "title"? The keys allowed here are: id, title, when.
	// 投资额 >= 10亿元 and 行业 == "装备制造"
	//
	// 行业 is at 5:3 true
}
