package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// landSection is the row of the land: section, compiled into a
// land.Policy.
func landSection() sectionKind {
	return sectionKind{name: "land", label: "标准地与要素保障", shape: yamlnode.ShapeMapping}
}
