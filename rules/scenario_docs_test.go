package rules

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestScenarioDocs keeps docs/scenarios.md complete: it must name every
// diagnostic code of projects and scenario files and every key they use.
func TestScenarioDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	codes := []string{
		CodeJSONSyntax, CodeProjectsDuplicateID, CodeProjectsUnknownFact, CodeProjectsUnknownEvt, CodeProjectsMoney,
		CodeProjectsDate, CodeProjectsEnum, CodeProjectsValue, CodeProjectsMarshal, CodeScenariosRules,
		CodeScenariosDuplicate, CodeScenariosUnknownID, CodeScenariosAmbiguous, CodeScenariosValue,
		CodeScenariosLedger, CodeScenariosEvaluate,
	}
	// Every code constant declared in scenario_codes.go is in the list.
	f, err := goparser.ParseFile(token.NewFileSet(), "scenario_codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			for _, name := range vs.Names {
				if strings.HasPrefix(name.Name, "Code") {
					declared++
				}
			}
		}
		return true
	})
	if declared != len(codes) {
		t.Errorf("scenario_codes.go declares %d codes, the test lists %d", declared, len(codes))
	}
	for _, c := range codes {
		if !strings.Contains(string(doc), "`"+c+"`") {
			t.Errorf("docs/scenarios.md does not list the code %s", c)
		}
	}
	keys := slices.Concat(projectsTopKeys(), projectBuiltinKeys(), scenariosTopKeys(), caseKeys(), expectKeys(),
		deadlineExpectKeys(), incentiveExpectKeys(), landExpectKeys(), acceptanceExpectKeys(), budgetsExpectKeys(),
		balanceKeys(), ledgerEntryKeys())
	for _, k := range keys {
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("docs/scenarios.md does not describe the key %s", k)
		}
	}
}
