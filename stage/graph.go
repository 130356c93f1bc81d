package stage

import (
	"fmt"
	"strings"
)

// GraphFormat selects the diagram language of [Lifecycle.Graph].
type GraphFormat uint8

const (
	// Mermaid is a Mermaid flowchart (renders in GitHub, GitLab and most
	// Markdown viewers).
	Mermaid GraphFormat = iota
	// DOT is a Graphviz digraph.
	DOT
)

// Graph draws the lifecycle: each stage with its entry events, each
// transition labelled with its criteria and meeting, and the supervision
// ladder as a separate chain.
func (l *Lifecycle) Graph(f GraphFormat) string {
	var b strings.Builder
	if f == DOT {
		l.dot(&b)
	} else {
		l.mermaid(&b)
	}
	return b.String()
}

func (l *Lifecycle) stageText(st Stage) string {
	var entries []string
	for _, e := range st.Entry {
		s := string(e.Event)
		if e.When != nil {
			s += " [" + e.When.String() + "]"
		}
		entries = append(entries, s)
	}
	label := st.Ref.Label
	if label == "" {
		label = st.Ref.ID
	}
	return label + "\\n" + strings.Join(entries, " | ")
}

func (l *Lifecycle) transitionText(t Transition) string {
	var parts []string
	for _, c := range t.Criteria {
		name := c.Ref.Label
		if name == "" {
			name = c.Ref.ID
		}
		parts = append(parts, name)
	}
	if t.Meeting != nil {
		name := t.Meeting.Ref.Label
		if name == "" {
			name = string(t.Meeting.Event)
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, "、")
}

// mermaidSafe removes characters Mermaid treats as syntax inside labels.
func mermaidSafe(s string) string {
	return strings.NewReplacer(`"`, "'", "[", "(", "]", ")", "|", "/", "\\n", "<br/>").Replace(s)
}

func (l *Lifecycle) mermaid(b *strings.Builder) {
	b.WriteString("flowchart LR\n")
	for i, st := range l.stages {
		fmt.Fprintf(b, "  s%d[\"%s\"]\n", i, mermaidSafe(l.stageText(st)))
	}
	linked := map[int]bool{}
	for _, t := range l.transitions {
		from, to := l.index[t.From], l.index[t.To]
		linked[from] = true
		if text := l.transitionText(t); text != "" {
			fmt.Fprintf(b, "  s%d -->|\"%s\"| s%d\n", from, mermaidSafe(text), to)
		} else {
			fmt.Fprintf(b, "  s%d --> s%d\n", from, to)
		}
	}
	for i := 0; i+1 < len(l.stages); i++ {
		if !linked[i] {
			fmt.Fprintf(b, "  s%d --> s%d\n", i, i+1)
		}
	}
	for i, d := range l.deadlines {
		label := d.Ref.Label
		if label == "" {
			label = d.Ref.ID
		}
		fmt.Fprintf(b, "  d%d([\"%s: %s 起 %s 内 %s\"])\n", i, mermaidSafe(label), mermaidSafe(d.From.String()), d.Within, mermaidSafe(string(d.Done)))
	}
	if len(l.steps) > 0 {
		b.WriteString("  subgraph 督办\n")
		for i, st := range l.steps {
			fmt.Fprintf(b, "    e%d[\"%s\"]\n", i, mermaidSafe(stepText(st)))
			if i > 0 {
				fmt.Fprintf(b, "    e%d --> e%d\n", i-1, i)
			}
		}
		b.WriteString("  end\n")
	}
}

func stepText(st Step) string {
	label := st.Ref.Label
	if label == "" {
		label = st.Ref.ID
	}
	var when []string
	if st.OverdueWorkdays > 0 {
		when = append(when, fmt.Sprintf("逾期%d个工作日", st.OverdueWorkdays))
	}
	if st.Stalled.IsValid() {
		when = append(when, "停滞"+st.Stalled.String())
	}
	return label + "\\n" + strings.Join(when, " 或 ")
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(strings.ReplaceAll(s, "\\n", "\n")) + `"`
}

func (l *Lifecycle) dot(b *strings.Builder) {
	b.WriteString("digraph lifecycle {\n  rankdir=LR;\n  node [shape=box];\n")
	for i, st := range l.stages {
		fmt.Fprintf(b, "  s%d [label=%s];\n", i, strings.ReplaceAll(dotQuote(l.stageText(st)), "\n", `\n`))
	}
	linked := map[int]bool{}
	for _, t := range l.transitions {
		from, to := l.index[t.From], l.index[t.To]
		linked[from] = true
		fmt.Fprintf(b, "  s%d -> s%d [label=%s];\n", from, to, dotQuote(l.transitionText(t)))
	}
	for i := 0; i+1 < len(l.stages); i++ {
		if !linked[i] {
			fmt.Fprintf(b, "  s%d -> s%d;\n", i, i+1)
		}
	}
	for i, st := range l.steps {
		fmt.Fprintf(b, "  e%d [shape=octagon, label=%s];\n", i, strings.ReplaceAll(dotQuote(stepText(st)), "\n", `\n`))
		if i > 0 {
			fmt.Fprintf(b, "  e%d -> e%d;\n", i-1, i)
		}
	}
	b.WriteString("}\n")
}
