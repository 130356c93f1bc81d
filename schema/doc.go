// Package schema holds the JSON Schema of devzone rule-set files
// (ruleset.schema.json, draft-07), for editors and tools.
//
// Editors that understand JSON Schema for YAML — for example VS Code with
// the YAML extension, which uses yaml-language-server — complete keys, show
// the Chinese and English description of each key, and mark unknown keys as
// the rule file is typed. Add this line at the top of a rule file:
//
//	# yaml-language-server: $schema=https://raw.githubusercontent.com/devzone-go/devzone/main/schema/ruleset.schema.json
//
// The schema describes the shape of a file only. It is a help while typing,
// not a substitute for loading the file with package rules, which also
// checks amounts, dates, types, names and expressions. Package rules tests
// that the schema and its loader accept the same keys at every level.
package schema
