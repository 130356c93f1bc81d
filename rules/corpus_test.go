package rules_test

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/internal/yamlnode"
	"github.com/devzone-go/devzone/rules"
)

var update = flag.Bool("update", false, "rewrite the golden want.txt files of testdata")

// got is what the tests assert about a diagnostic: its code, position and
// path. The wording is checked only through the golden files, which are
// reviewed as the policy officer's experience.
type got struct {
	Code string
	Pos  string
	Path string
}

func summarize(ds rules.Diagnostics) []got {
	var out []got
	for _, d := range ds {
		out = append(out, got{d.Code, filepath.ToSlash(d.Pos.String()), d.Path})
	}
	return out
}

// corpus lists, for each broken rule set under testdata/<case>/rules.yaml,
// the diagnostics it must produce. Positions are in the file system rooted
// at testdata.
var corpus = map[string][]got{
	"unknown-key": {
		{rules.CodeYAMLUnknownKey, "unknown-key/rules.yaml:3:1", "tilte"},
		{rules.CodeYAMLUnknownKey, "unknown-key/rules.yaml:7:5", "parameters.major_project_threshold.vaule"},
	},
	"duplicate-key": {
		{rules.CodeYAMLDuplicateKey, "duplicate-key/rules.yaml:7:3", "parameters.land_budget"},
		{rules.CodeYAMLDuplicateKey, "duplicate-key/rules.yaml:11:37", "events.transition_meeting.label"},
	},
	"wrong-kind": {
		{rules.CodeYAMLWrongKind, "wrong-kind/rules.yaml:4:3", "parameters"},
		{rules.CodeYAMLWrongKind, "wrong-kind/rules.yaml:6:15", "facts.tech_level"},
		{rules.CodeYAMLWrongKind, "wrong-kind/rules.yaml:9:12", "events.transition_meeting.label"},
	},
	"missing-key": {
		{rules.CodeYAMLMissingKey, "missing-key/rules.yaml:1:1", "id"},
		{rules.CodeYAMLMissingKey, "missing-key/rules.yaml:4:3", "parameters.major_project_threshold.label"},
		{rules.CodeYAMLMissingKey, "missing-key/rules.yaml:7:3", "facts.tech_level.type"},
		{rules.CodeYAMLMissingKey, "missing-key/rules.yaml:9:3", "conditions.major_project.when"},
	},
	"duplicate-id": {
		{rules.CodeIDDuplicate, "duplicate-id/rules.yaml:9:16", "facts.chain_relevance.values[1].name"},
		{rules.CodeIDDuplicate, "duplicate-id/rules.yaml:14:12", "lifecycle.stages[2].id"},
	},
	"bad-money": {
		{rules.CodeValueSyntax, "bad-money/rules.yaml:7:17", "parameters.pre_phase_budget.value"},
		{rules.CodeValueSyntax, "bad-money/rules.yaml:12:22", "parameters.relic_survey.values[2025-07-01]"},
		{rules.CodeValueSyntax, "bad-money/rules.yaml:15:15", "parameters.land_checklist.value"},
	},
	"param-before-first": {
		{rules.CodeParamBeforeFirst, "param-before-first/rules.yaml:9:7", "parameters.major_project_threshold.values"},
	},
	"type-changed": {
		{rules.CodeParamTypeChanged, "type-changed/rules.yaml:7:12", "parameters.major_project_threshold"},
		{rules.CodeParamTypeChanged, "type-changed/rules.yaml:10:11", "parameters.land_transfer_limit"},
		{rules.CodeFactTypeChanged, "type-changed/rules.yaml:13:22", "facts.tech_level.type"},
	},
	"extends-cycle": {
		{rules.CodeExtendsCycle, "extends-cycle/province.yaml:3:10", "extends"},
	},
	"extends-missing": {
		{rules.CodeExtendsMissing, "extends-missing/rules.yaml:3:10", "extends"},
	},
	"billion-laughs": {
		{rules.CodeYAMLAnchor, "billion-laughs/rules.yaml:4:6", "parameters.a"},
		{rules.CodeYAMLAnchor, "billion-laughs/rules.yaml:5:6", "parameters.b"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:10", "parameters.b[0]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:13", "parameters.b[1]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:16", "parameters.b[2]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:19", "parameters.b[3]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:22", "parameters.b[4]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:25", "parameters.b[5]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:28", "parameters.b[6]"},
		{rules.CodeYAMLAlias, "billion-laughs/rules.yaml:5:31", "parameters.b[7]"},
	},
	"too-deep": {
		{rules.CodeYAMLTooDeep, "too-deep/rules.yaml:67:129", "lifecycle" + strings.Repeat(".k", 63)},
	},
	"folded-expr": {
		// 行业 on the second line of a folded (>) value, after Chinese text.
		{rules.CodeExprUnknownName, "folded-expr/rules.yaml:12:7", "conditions.major_project.when"},
		// The second line of a double-quoted value with escaped quotes.
		{rules.CodeExprType, "folded-expr/rules.yaml:16:7", "conditions.chain_project.when"},
		// The second line of a literal (|) value.
		{rules.CodeExprLiteral, "folded-expr/rules.yaml:21:23", "conditions.signed_late.when"},
	},
	"names": {
		{rules.CodeYAMLUnknownKey, "names/rules.yaml:3:1", "version"},
		{rules.CodeFileCalendar, "names/rules.yaml:4:11", "calendar"},
		{rules.CodeNameInvalid, "names/rules.yaml:6:3", "parameters.Investment_Threshold"},
		{rules.CodeNameDuplicate, "names/rules.yaml:9:3", "parameters.investment"},
		{rules.CodeNameDuplicate, "names/rules.yaml:13:12", "parameters.threshold.label"},
		{rules.CodeFactBuiltin, "names/rules.yaml:16:3", "facts.kind"},
		{rules.CodeTypeUnknown, "names/rules.yaml:18:17", "facts.scale.type"},
		{rules.CodeEventBuiltin, "names/rules.yaml:20:3", "events.signed"},
		{rules.CodeConditionCycle, "names/rules.yaml:22:25", "conditions.a.when"},
	},
	"version": {
		{rules.CodeFileVersion, "version/rules.yaml:1:10", "devzone"},
	},
	// The lifecycle: section: every lifecycle.* code (lifecycle.invalid
	// cannot be caused by a file; FuzzLoad checks that it never is).
	"lifecycle-deadlines": {
		{rules.CodeLifecycleDeadlineAnchor, "lifecycle-deadlines/rules.yaml:13:57", "lifecycle.deadlines[0].from_stage"},
		{rules.CodeLifecycleDeadlineAnchor, "lifecycle-deadlines/rules.yaml:14:12", "lifecycle.deadlines[1]"},
		{rules.CodeLifecycleUnknownParameter, "lifecycle-deadlines/rules.yaml:15:60", "lifecycle.deadlines[2].within"},
		{rules.CodeLifecyclePeriodType, "lifecycle-deadlines/rules.yaml:16:54", "lifecycle.deadlines[3].within"},
		{rules.CodeLifecycleDatedPeriod, "lifecycle-deadlines/rules.yaml:17:54", "lifecycle.deadlines[4].within"},
		{rules.CodeValueSyntax, "lifecycle-deadlines/rules.yaml:18:55", "lifecycle.deadlines[5].within"},
	},
	"lifecycle-escalation": {
		{rules.CodeLifecycleOverdueUnit, "lifecycle-escalation/rules.yaml:7:43", "lifecycle.escalation[0].overdue"},
		{rules.CodeLifecycleStepThreshold, "lifecycle-escalation/rules.yaml:9:12", "lifecycle.escalation[2]"},
		{rules.CodeLifecycleStepOrder, "lifecycle-escalation/rules.yaml:10:52", "lifecycle.escalation[3].overdue"},
		{rules.CodeLifecycleStepOrder, "lifecycle-escalation/rules.yaml:10:69", "lifecycle.escalation[3].stalled"},
		{rules.CodeValueSyntax, "lifecycle-escalation/rules.yaml:11:42", "lifecycle.escalation[4].stalled"},
	},
	"lifecycle-events": {
		{rules.CodeLifecycleUnknownEvent, "lifecycle-events/rules.yaml:8:41", "lifecycle.stages[0].entry"},
		{rules.CodeLifecycleUnknownEvent, "lifecycle-events/rules.yaml:12:73", "lifecycle.stages[1].entry[0].event"},
		{rules.CodeLifecycleUnknownEvent, "lifecycle-events/rules.yaml:19:58", "lifecycle.transitions[0].meeting.event"},
		{rules.CodeLifecycleUnknownEvent, "lifecycle-events/rules.yaml:21:48", "lifecycle.deadlines[0].from"},
		{rules.CodeLifecycleUnknownEvent, "lifecycle-events/rules.yaml:21:78", "lifecycle.deadlines[0].done"},
		{rules.CodeLifecyclePauseEvents, "lifecycle-events/rules.yaml:22:74", "lifecycle.pause.end"},
	},
	"lifecycle-layers": {
		{rules.CodeLifecycleDuplicateTransition, "lifecycle-layers/rules.yaml:6:56", "lifecycle.transitions[0].from"},
		{rules.CodeLifecycleUnknownEvent, "lifecycle-layers/rules.yaml:9:85", "lifecycle.deadlines[0].done"},
		{rules.CodeLifecycleUnknownStage, "lifecycle-layers/rules.yaml:10:44", "lifecycle.deadlines[1].from_stage"},
	},
	"lifecycle-no-stages": {
		{rules.CodeLifecycleNoStages, "lifecycle-no-stages/rules.yaml:4:3", "lifecycle.stages"},
	},
	"lifecycle-shape": {
		{rules.CodeYAMLMissingKey, "lifecycle-shape/rules.yaml:5:7", "lifecycle.stages[0].label"},
		{rules.CodeYAMLUnknownKey, "lifecycle-shape/rules.yaml:5:21", "lifecycle.stages[0].name"},
		{rules.CodeYAMLWrongKind, "lifecycle-shape/rules.yaml:6:41", "lifecycle.stages[1].entry"},
		{rules.CodeYAMLMissingKey, "lifecycle-shape/rules.yaml:7:7", "lifecycle.stages[2].id"},
		{rules.CodeYAMLWrongKind, "lifecycle-shape/rules.yaml:8:16", "lifecycle.transitions"},
		{"expr.enum-value", "lifecycle-shape/rules.yaml:10:126", "lifecycle.deadlines[0].applies"},
		{rules.CodeIDDuplicate, "lifecycle-shape/rules.yaml:11:12", "lifecycle.deadlines[1].id"},
		{rules.CodeYAMLEmptyValue, "lifecycle-shape/rules.yaml:13:58", "lifecycle.escalation[0].stalled"},
		{rules.CodeYAMLWrongKind, "lifecycle-shape/rules.yaml:14:10", "lifecycle.pause"},
		{rules.CodeYAMLUnknownKey, "lifecycle-shape/rules.yaml:15:3", "lifecycle.milestones"},
	},
	"lifecycle-stages": {
		{rules.CodeLifecycleNoEntry, "lifecycle-stages/rules.yaml:6:41", "lifecycle.stages[1].entry"},
		{rules.CodeLifecycleUnreachableEntry, "lifecycle-stages/rules.yaml:11:16", "lifecycle.stages[2].entry[1]"},
		{rules.CodeLifecycleDuplicateTransition, "lifecycle-stages/rules.yaml:15:39", "lifecycle.transitions[1].from"},
		{rules.CodeLifecycleUnknownStage, "lifecycle-stages/rules.yaml:16:63", "lifecycle.transitions[2].to"},
		{rules.CodeLifecycleTransitionOrder, "lifecycle-stages/rules.yaml:17:54", "lifecycle.transitions[3].to"},
		{rules.CodeLifecycleUnknownStage, "lifecycle-stages/rules.yaml:18:35", "lifecycle.transitions[4].from"},
		{rules.CodeLifecycleUnknownStage, "lifecycle-stages/rules.yaml:20:49", "lifecycle.deadlines[0].from_stage"},
	},
}

// TestCorpus loads every rule set under testdata/<case>/rules.yaml and
// compares the diagnostics with the table above (code, position, path) and
// the rendered text with testdata/<case>/want.txt. Run with -update to
// rewrite the golden files after a deliberate change of wording, and review
// the diff.
func TestCorpus(t *testing.T) {
	fsys := os.DirFS("testdata")
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if _, err := fs.Stat(fsys, name+"/rules.yaml"); err != nil {
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			set, err := rules.LoadFS(fsys, name+"/rules.yaml")
			var ds rules.Diagnostics
			switch {
			case err == nil:
				ds = set.Warnings()
			case errors.As(err, &ds):
				if set != nil {
					t.Error("a Set came with errors")
				}
			default:
				t.Fatalf("error of type %T, want rules.Diagnostics", err)
			}
			want, ok := corpus[name]
			if !ok {
				t.Errorf("testdata/%s has no expectations in the corpus table; got:\n%#v", name, summarize(ds))
			}
			if diff := cmp.Diff(want, summarize(ds)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			checkInside(t, ds, func(n string) ([]byte, error) { return fs.ReadFile(fsys, n) })

			var buf bytes.Buffer
			if err := ds.WriteText(&buf, func(n string) ([]byte, error) { return fs.ReadFile(fsys, n) }); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", name, "want.txt"), buf.Bytes())

			// The operating-system loader finds the same problems at the
			// same places; its file names start with testdata/.
			_, ferr := rules.LoadFile(filepath.Join("testdata", name, "rules.yaml"))
			var fds rules.Diagnostics
			if ferr != nil && !errors.As(ferr, &fds) {
				t.Fatalf("LoadFile error of type %T", ferr)
			}
			if ferr == nil {
				fds = set.Warnings()
			}
			fromFile := summarize(fds)
			for i := range fromFile {
				fromFile[i].Pos = strings.TrimPrefix(fromFile[i].Pos, "testdata/")
			}
			if diff := cmp.Diff(summarize(ds), fromFile); diff != "" {
				t.Errorf("LoadFile and LoadFS disagree (-LoadFS +LoadFile):\n%s", diff)
			}
		})
	}
	if seen < len(corpus) {
		t.Errorf("found %d cases under testdata, the table has %d", seen, len(corpus))
	}
}

// checkInside checks that every diagnostic position lies inside its file.
func checkInside(t *testing.T, ds rules.Diagnostics, read func(string) ([]byte, error)) {
	t.Helper()
	for _, d := range ds {
		if !d.Pos.IsValid() {
			continue
		}
		src, err := read(d.Pos.File)
		if err != nil {
			t.Errorf("%s: cannot read %s: %v", d.Code, d.Pos.File, err)
			continue
		}
		if !yamlnode.NewSource(src).Contains(yamlnode.Position{Line: d.Pos.Line, Col: d.Pos.Col}) {
			t.Errorf("%s at %s lies outside the file", d.Code, d.Pos)
		}
	}
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}
