// Package yamlnode is a strict walker over gopkg.in/yaml.v3 nodes.
//
// Rule files are decoded into a [yaml.Node] tree rather than into Go structs, so
// that every value keeps its line and column and every problem in the file can be
// reported at once. This package supplies the pieces that yaml.v3 leaves out
// when decoding into a node:
//
//   - [Decode] reads bytes with limits against hostile input (size, nesting
//     depth) and refuses anchors, aliases, merge keys and explicit tags, so a
//     "billion laughs" file is rejected before anything expands it. It also
//     reports duplicate keys, which yaml.v3 only detects when decoding into
//     Go structs.
//   - [Walker] checks the shape of a node (mapping, list or single value),
//     unknown keys with a "did you mean" suggestion ([Suggest]), and required
//     keys, collecting [Problem] values positioned by line and column.
//   - [Source] maps a byte offset inside a scalar's decoded value back to the
//     line and column in the file, for plain, single-quoted, double-quoted,
//     literal (|) and folded (>) scalars, so that an error found by the
//     expression compiler points at the exact character the author wrote.
//
// Lines and columns are 1-based. Columns count characters (Unicode code
// points), as yaml.v3 does: in "中文: 值" the value starts at column 5. A
// byte-order mark at the start of the file is not counted.
//
// The package is internal: the rules package turns a [Problem] into a
// positioned diagnostic with a file name.
package yamlnode
