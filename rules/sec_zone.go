package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// zoneSection is the row of the zone: section.
func zoneSection() sectionKind {
	return sectionKind{name: "zone", label: "开发区", shape: yamlnode.ShapeMapping}
}
