package rules

import "github.com/devzone-go/devzone/internal/yamlnode"

// lifecycleSection is the row of the lifecycle: section, compiled into a
// stage.Lifecycle.
func lifecycleSection() sectionKind {
	return sectionKind{name: "lifecycle", label: "项目生命周期（阶段、转段标准、时限、督办）", shape: yamlnode.ShapeMapping}
}
