package rules

import (
	"bytes"
	"encoding/json"

	"gopkg.in/yaml.v3"
)

// keyTree is the keyed values of an Observation nested by their paths, in
// the order they were first seen.
type keyTree struct {
	key  string
	leaf *Observed
	kids []*keyTree
}

func (t *keyTree) child(key string) *keyTree {
	for _, k := range t.kids {
		if k.key == key {
			return k
		}
	}
	k := &keyTree{key: key}
	t.kids = append(t.kids, k)
	return k
}

// tree nests the values that are not defaults.
func (o *Observation) tree() *keyTree {
	root := &keyTree{}
	for i := range o.Values {
		v := &o.Values[i]
		if v.Default || len(v.Path) == 0 {
			continue
		}
		t := root
		for _, k := range v.Path {
			t = t.child(k)
		}
		t.leaf = v
	}
	return root
}

// MarshalYAML writes the observation as the expect: mapping of a scenario
// case (values that only say "nothing here" left out), implementing
// yaml.Marshaler: pasted under expect:, it passes.
func (o *Observation) MarshalYAML() (any, error) { return o.tree().yamlNode(0), nil }

func (t *keyTree) yamlNode(depth int) *yaml.Node {
	if t.leaf != nil {
		if t.leaf.List != nil {
			n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, it := range t.leaf.List {
				n.Content = append(n.Content, yamlScalar(it))
			}
			return n
		}
		return yamlScalar(t.leaf.Text)
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	flow := depth >= 2
	for _, k := range t.kids {
		n.Content = append(n.Content, yamlScalar(k.key), k.yamlNode(depth+1))
		if k.leaf == nil {
			flow = false
		}
	}
	if flow && len(t.kids) > 0 {
		n.Style = yaml.FlowStyle
	}
	return n
}

func yamlScalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	if !plainSafe(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// MarshalJSON writes the observation as the expect: mapping of a scenario
// case in JSON, keys in the order of MarshalYAML, every value a string
// (lists as arrays of strings).
func (o *Observation) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := o.tree().writeJSON(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (t *keyTree) writeJSON(b *bytes.Buffer) error {
	if t.leaf != nil {
		var v any = t.leaf.Text
		if t.leaf.List != nil {
			v = t.leaf.List
		}
		s, err := json.Marshal(v)
		b.Write(s)
		return err
	}
	b.WriteByte('{')
	for i, k := range t.kids {
		if i > 0 {
			b.WriteByte(',')
		}
		s, err := json.Marshal(k.key)
		if err != nil {
			return err
		}
		b.Write(s)
		b.WriteByte(':')
		if err := k.writeJSON(b); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	return nil
}
