package rules

import (
	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules/expr"
)

// Diagnostic codes. They are stable identifiers: programs and tests match on
// them, while the wording of a diagnostic may improve. docs/rule-format.md
// explains each with an example message.
const (
	// Reading the YAML text (package internal/yamlnode does the work).
	CodeYAMLTooLarge     = yamlnode.CodeTooLarge     // yaml.too-large
	CodeYAMLSyntax       = yamlnode.CodeSyntax       // yaml.syntax
	CodeYAMLEncoding     = yamlnode.CodeEncoding     // yaml.encoding
	CodeYAMLEmpty        = yamlnode.CodeEmpty        // yaml.empty
	CodeYAMLMultiDoc     = yamlnode.CodeMultiDoc     // yaml.multiple-documents
	CodeYAMLTooDeep      = yamlnode.CodeTooDeep      // yaml.too-deep
	CodeYAMLAnchor       = yamlnode.CodeAnchor       // yaml.anchor
	CodeYAMLAlias        = yamlnode.CodeAlias        // yaml.alias
	CodeYAMLMergeKey     = yamlnode.CodeMergeKey     // yaml.merge-key
	CodeYAMLTag          = yamlnode.CodeTag          // yaml.tag
	CodeYAMLComplexKey   = yamlnode.CodeComplexKey   // yaml.complex-key
	CodeYAMLDuplicateKey = yamlnode.CodeDuplicateKey // yaml.duplicate-key
	CodeYAMLUnknownKey   = yamlnode.CodeUnknownKey   // yaml.unknown-key
	CodeYAMLMissingKey   = yamlnode.CodeMissingKey   // yaml.missing-key
	CodeYAMLWrongKind    = yamlnode.CodeWrongKind    // yaml.wrong-kind
	CodeYAMLEmptyValue   = yamlnode.CodeEmptyValue   // yaml.empty-value

	// The file as a whole.
	CodeFileRead     = "file.read"     // the file cannot be read
	CodeFileVersion  = "file.version"  // devzone: is not a format version this library reads
	CodeFileID       = "file.id"       // id: is not a valid rule-set id
	CodeFileCalendar = "file.calendar" // calendar: names no known calendar

	// Layering with extends.
	CodeExtendsMissing    = "extends.missing"    // the extended file does not exist
	CodeExtendsCycle      = "extends.cycle"      // files extend each other in a circle
	CodeExtendsPath       = "extends.path"       // the path is absolute, or leaves the file system
	CodeExtendsUnresolved = "extends.unresolved" // Compile was not given the file that extends names
	CodeExtendsDepth      = "extends.depth"      // more than MaxExtendsDepth files extend one another

	// Values written in the file.
	CodeValueSyntax = "value.syntax" // a money amount, date, period, number … is written wrongly
	CodeValueType   = "value.type"   // a value is of another type than required
	CodeTypeUnknown = "type.unknown" // type: names no known type

	// Names of parameters, facts, events and conditions.
	CodeNameInvalid   = "name.invalid"   // not a snake_case name
	CodeNameDuplicate = "name.duplicate" // the same name or label declared twice
	CodeIDDuplicate   = "id.duplicate"   // two items of one list share an id (or enum value name)

	// Parameters.
	CodeParamNoValue       = "param.no-value"           // neither value: nor values:
	CodeParamValueConflict = "param.value-conflict"     // both value: and values:
	CodeParamMixedTypes    = "param.mixed-types"        // the values of one parameter differ in type
	CodeParamBeforeFirst   = "param.before-first-value" // warning: the rule set takes effect before the parameter's first value
	CodeParamTypeChanged   = "param.type-changed"       // a zone file changes the type of a baseline parameter

	// Facts and events.
	CodeFactBuiltin     = "fact.builtin"      // a built-in fact redeclared
	CodeFactTypeChanged = "fact.type-changed" // a zone file redeclares a baseline fact with another type
	CodeFactNoValues    = "fact.enum-values"  // an enum fact without values, or values on a non-enum fact
	CodeEventBuiltin    = "event.builtin"     // a built-in event redeclared

	// Conditions.
	CodeConditionCycle = "condition.cycle" // conditions that use each other in a circle

	// Domain sections.
	CodeSectionUnchecked = "section.unchecked" // warning: this version accepts the section but does not check it yet

	// The diagnostic list itself.
	CodeTooMany = "diag.too-many" // more than MaxDiagnostics problems

	// Expressions: every expr.Code* passes through unchanged, for example
	// expr.unknown-name, expr.type-mismatch, expr.syntax.
	CodeExprSyntax      = expr.CodeSyntax       // expr.syntax
	CodeExprUnknownName = expr.CodeUnknownName  // expr.unknown-name
	CodeExprType        = expr.CodeTypeMismatch // expr.type-mismatch
	CodeExprLiteral     = expr.CodeLiteral      // expr.literal
)
