package rules

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestReferenceDoc keeps docs/reference.md complete and current:
//
//   - every diagnostic code the module can report is listed, and every code
//     the page lists exists. The codes are found in the module's Go sources
//     (see moduleCodes), so a code added anywhere — a constant in rules or
//     rules/expr, a calendar-file check, a land.New problem, a lifecycle
//     finding — fails this test until the page lists it;
//   - every key the rule-file parser accepts is in the table of its mapping,
//     every table row is a key the parser accepts, and the keys the parser
//     requires are marked required.
func TestReferenceDoc(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "docs", "reference.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)

	t.Run("codes", func(t *testing.T) {
		codes := moduleCodes(t, "..")
		for _, c := range sortedKeys(codes) {
			if !strings.Contains(doc, "`"+c+"`") {
				t.Errorf("docs/reference.md does not list the diagnostic code %s (%s)", c, codes[c])
			}
		}
		// Every code in the tables of "## Diagnostic codes" is one the module has.
		_, part, ok := strings.Cut(doc, "\n## Diagnostic codes\n")
		if !ok {
			t.Fatal(`docs/reference.md has no "## Diagnostic codes" section`)
		}
		listed := 0
		for _, line := range strings.Split(part, "\n") {
			cells := tableRow(line)
			if len(cells) == 0 || !strings.HasPrefix(cells[0], "`") {
				continue
			}
			listed++
			c := strings.Trim(cells[0], "`")
			if _, ok := codes[c]; !ok {
				t.Errorf("docs/reference.md lists the code %s, which the module does not define", c)
			}
		}
		if listed < len(codes) {
			t.Errorf("docs/reference.md has %d rows of codes for the module's %d codes", listed, len(codes))
		}
	})

	t.Run("keys", func(t *testing.T) {
		for _, m := range []struct {
			heading        string // the ### heading of the mapping's table
			keys, required []string
		}{
			{"Top level", topLevelKeys(), topLevelRequired()},
			{"`parameters.<name>`", paramKeys(), paramRequired()},
			{"`facts.<name>`", factKeys(), factRequired()},
			{"`facts.<name>.values[]`", enumValueKeys(), enumValueRequired()},
			{"`events.<name>`", eventKeys(), eventRequired()},
			{"`conditions.<name>`", conditionKeys(), conditionRequired()},
			{"`lifecycle`", lifecycleKeys(), nil},
			{"`lifecycle.stages[]`", lifecycleStageKeys(), lifecycleStageRequired()},
			{"`lifecycle.stages[].entry[]`", lifecycleEntryKeys(), lifecycleEntryRequired()},
			{"`lifecycle.transitions[]`", lifecycleTransitionKeys(), lifecycleTransitionRequired()},
			{"`lifecycle.transitions[].requires[]`", lifecycleCriterionKeys(), lifecycleCriterionRequired()},
			{"`lifecycle.transitions[].meeting`", lifecycleMeetingKeys(), lifecycleMeetingRequired()},
			{"`lifecycle.deadlines[]`", lifecycleDeadlineKeys(), lifecycleDeadlineRequired()},
			{"`lifecycle.escalation[]`", lifecycleStepKeys(), lifecycleStepRequired()},
			{"`lifecycle.pause`", lifecyclePauseKeys(), lifecyclePauseRequired()},
			{"`land`", landKeys(), nil},
			{"`land.indicators[]`", landIndicatorKeys(), landIndicatorRequired()},
			{"`land.standards[]`", landStandardKeys(), landStandardRequired()},
			{"`land.assessments[]`, `land.infrastructure[]`", landItemKeys(), landItemRequired()},
			{"`land.parcels[]`", landParcelKeys(), landParcelRequired()},
			{"`land.regional[]`", landRegionalKeys(), landRegionalRequired()},
			{"`land.acceptance`", landAcceptanceKeys(), landAcceptanceRequired()},
			{"`land.acceptance.damages[]`", landDamagesKeys(), landDamagesRequired()},
			{"`budgets[]`", budgetKeys(), budgetRequired()},
			{"`budgets[].earmarks[]`", earmarkKeys(), earmarkRequired()},
			{"`incentives[]`", programmeKeys(), programmeRequired()},
			{"`incentives[].benefit`", benefitKeys(), nil},
			{"`incentives[].benefit.bands[]`", bandKeys(), bandRequired()},
			{"`incentives[].rounding`", roundingKeys(), roundingRequired()},
			{"`zone`", zoneKeys(), nil},
			{"`zone.parks[]`", zoneParkKeys(), zoneParkRequired()},
			{"`zone.industries`", zoneIndustryKeys(), nil},
			{"`zone.chains[]`", zoneChainKeys(), zoneChainRequired()},
			{"`zone.metrics[]`", zoneMetricKeys(), zoneMetricRequired()},
		} {
			rows, ok := keyTable(doc, m.heading)
			if !ok {
				t.Errorf("docs/reference.md has no section ### %s", m.heading)
				continue
			}
			for _, k := range m.keys {
				row, ok := rows[k]
				switch {
				case !ok:
					t.Errorf("docs/reference.md, ### %s: the key %s is not listed", m.heading, k)
				case slices.Contains(m.required, k) && !strings.HasPrefix(row[2], "yes"):
					t.Errorf("docs/reference.md, ### %s: the key %s is required, but its row says %q", m.heading, k, row[2])
				}
			}
			for k := range rows {
				if !slices.Contains(m.keys, k) {
					t.Errorf("docs/reference.md, ### %s: %s is not a key the parser accepts there", m.heading, k)
				}
			}
		}
	})
}

// codeRe is the form of a diagnostic code: lower-case words joined by dots,
// each word possibly hyphenated (yaml.unknown-key, land.indicator.id).
var codeRe = regexp.MustCompile(`^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$`)

// moduleCodes returns every diagnostic code defined in the non-test Go
// sources of the module rooted at root, each with where it is defined. A code
// is a string literal that is
//
//   - the value of a constant whose name starts with Code (rules.Code…,
//     expr.Code…, yamlnode.Code…);
//   - the value of a field named Code in a composite literal
//     (stage.Finding{Code: "events.out-of-order"});
//   - the argument, at the position of a string parameter named code, of a
//     call to a function or method of the same package that has one
//     (calendar's loader.at, land's validator.add).
//
// Constants defined as other constants (rules.CodeYAMLSyntax =
// yamlnode.CodeSyntax) are found where the literal is. moduleCodes fails the
// test when it finds no code of a family the module is known to have, so
// that a change in how codes are written cannot make it miss them silently.
func moduleCodes(t *testing.T, root string) map[string]string {
	t.Helper()
	byDir := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	codes := map[string]string{}
	fset := token.NewFileSet()
	add := func(lit ast.Expr, what string) {
		bl, ok := lit.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(bl.Value)
		if err != nil {
			return
		}
		if !codeRe.MatchString(s) {
			t.Errorf("%s: %s is %q, which is not of the form of a diagnostic code", fset.Position(bl.Pos()), what, s)
			return
		}
		if _, seen := codes[s]; !seen {
			codes[s] = fset.Position(bl.Pos()).String()
		}
	}
	for _, dir := range sortedKeys(byDir) {
		var files []*ast.File
		for _, path := range byDir[dir] {
			f, err := goparser.ParseFile(fset, path, nil, goparser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		// The functions and methods of the package with a string parameter
		// named code, and its position among the parameters: functions by
		// name, methods by "Type.name".
		codeParam := map[string]int{}
		for _, f := range files {
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				i := 0
				for _, field := range fd.Type.Params.List {
					id, isString := field.Type.(*ast.Ident)
					isString = isString && id.Name == "string"
					if len(field.Names) == 0 {
						i++
					}
					for _, n := range field.Names {
						if isString && n.Name == "code" {
							_, typ := receiver(fd)
							codeParam[typ+fd.Name.Name] = i
						}
						i++
					}
				}
			}
		}
		// codeArg returns the position of the code argument of a call made
		// in fd, when the callee is known: a function of the package, or a
		// method called on fd's own receiver, or a method whose name no
		// other type of the package has.
		codeArg := func(fd *ast.FuncDecl, call *ast.CallExpr) (int, bool) {
			switch fun := call.Fun.(type) {
			case *ast.Ident:
				i, ok := codeParam[fun.Name]
				return i, ok
			case *ast.SelectorExpr:
				if x, ok := fun.X.(*ast.Ident); ok {
					if name, typ := receiver(fd); name != "" && x.Name == name {
						i, ok := codeParam[typ+fun.Sel.Name]
						return i, ok
					}
				}
				found, at := 0, 0
				for k, i := range codeParam {
					if strings.HasSuffix(k, "."+fun.Sel.Name) {
						found, at = found+1, i
					}
				}
				return at, found == 1
			}
			return 0, false
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GenDecl:
					if n.Tok != token.CONST {
						return true
					}
					for _, spec := range n.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, name := range vs.Names {
							if strings.HasPrefix(name.Name, "Code") && i < len(vs.Values) {
								add(vs.Values[i], "the constant "+name.Name)
							}
						}
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Code" {
						add(n.Value, "the field Code")
					}
				case *ast.FuncDecl:
					if n.Body == nil {
						return false
					}
					fd := n
					ast.Inspect(fd.Body, func(m ast.Node) bool {
						call, ok := m.(*ast.CallExpr)
						if !ok {
							return true
						}
						if i, ok := codeArg(fd, call); ok && i < len(call.Args) {
							add(call.Args[i], "the code argument of this call")
						}
						return true
					})
				}
				return true
			})
		}
	}

	// The families of codes the module has: finding none of one means the
	// search above has stopped seeing how its codes are written.
	for _, family := range []string{
		"yaml", "json", "file", "extends", "value", "type", "name", "id", "param", "fact", "event",
		"condition", "section", "diag", "expr", "lifecycle", "land", "budgets", "incentives", "zone",
		"projects", "scenarios", "calendar", "events", "stage", "escalation",
	} {
		found := false
		for c := range codes {
			if strings.HasPrefix(c, family+".") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("found no diagnostic code %s.* in the module's sources", family)
		}
	}
	if n := countPrefix(codes, "land.indicator."); n == 0 {
		t.Error("found no land.New problem code (land.indicator.*) in the module's sources")
	}
	return codes
}

// receiver returns the receiver's name and its type's name followed by a dot
// ("c", "compiler.") for a method, and "", "" for a function.
func receiver(fd *ast.FuncDecl) (name, typ string) {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return "", ""
	}
	r := fd.Recv.List[0]
	if len(r.Names) > 0 {
		name = r.Names[0].Name
	}
	t := r.Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch tt := t.(type) {
	case *ast.IndexExpr:
		t = tt.X
	case *ast.IndexListExpr:
		t = tt.X
	}
	if id, ok := t.(*ast.Ident); ok {
		typ = id.Name + "."
	}
	return name, typ
}

// countPrefix counts the codes that start with prefix.
func countPrefix(codes map[string]string, prefix string) int {
	n := 0
	for c := range codes {
		if strings.HasPrefix(c, prefix) {
			n++
		}
	}
	return n
}

// keyTable returns the rows of the key table under the heading "### "+heading
// of doc, by key, each row as its cells; false when there is no such heading.
func keyTable(doc, heading string) (map[string][]string, bool) {
	_, rest, ok := strings.Cut(doc, "\n### "+heading+"\n")
	if !ok {
		return nil, false
	}
	if i := strings.Index(rest, "\n#"); i >= 0 {
		rest = rest[:i]
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(rest, "\n") {
		cells := tableRow(line)
		if len(cells) < 3 || !strings.HasPrefix(cells[0], "`") {
			continue
		}
		rows[strings.Trim(cells[0], "`")] = cells
	}
	return rows, true
}

// tableRow splits a Markdown table row into its trimmed cells; nil for a
// line that is not a table row.
func tableRow(line string) []string {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || strings.HasPrefix(line, "|---") {
		return nil
	}
	cells := strings.Split(strings.Trim(line, "|"), "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
