package incentive_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/devzone-go/devzone/incentive"
)

// FuzzImport checks that the JSON-lines importer never panics, that every
// error names a line of the input, that a refused file records nothing, and
// that whatever it accepts exports and re-imports to the same bytes.
func FuzzImport(f *testing.F) {
	f.Add([]byte(ledgerFile))
	f.Add([]byte(`{"id":"a1","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"relics","project":"P","amount":"500万元"}`))
	f.Add([]byte(`{"id":"a1","kind":"adjustment","date":"2025-06-12","budget":"prephase-2025","earmark":"relics","amount":"1e3","reason":"x"}`))
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte(`{"id":"r","kind":"release","allocation":"a1","date":"2025-13-01","amount":"-0.5"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := newLedger(t)
		err := l.Import(bytes.NewReader(data))
		if err != nil {
			var le *incentive.LineError
			if !errors.As(err, &le) {
				t.Fatalf("error without a line: %v", err)
			}
			if le.Line < 1 || le.Line > bytes.Count(data, []byte("\n"))+1 {
				t.Fatalf("line %d is outside the input: %v", le.Line, err)
			}
			if l.Len() != 0 {
				t.Fatalf("a refused import recorded %d entries", l.Len())
			}
			return
		}
		var first, second bytes.Buffer
		if err := l.Export(&first); err != nil {
			t.Fatal(err)
		}
		l2 := newLedger(t)
		if err := l2.Import(bytes.NewReader(first.Bytes())); err != nil {
			t.Fatalf("re-import of an export failed: %v\n%s", err, first.Bytes())
		}
		if err := l2.Export(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("round trip differs:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}
