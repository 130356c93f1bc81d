package expr_test

import (
	"sync"
	"testing"

	"github.com/devzone-go/devzone/rules/expr"
)

// TestProgram_concurrent evaluates and explains one Program from many
// goroutines, each with its own Activation, while other goroutines compile
// against the same Env. Run with -race.
func TestProgram_concurrent(t *testing.T) {
	env := mustEnv(t, builtinDecls())
	prog := mustCompile(t, env, eligibilityRule, expr.KindBool)
	deadline := mustCompile(t, env, "date(signed) + 30个工作日", expr.KindDate)
	ps := benchProjects(256)
	want := make([]expr.Truth, len(ps))
	for i := range ps {
		want[i] = expr.False
		if handWritten(&ps[i]) {
			want[i] = expr.True
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	perGoroutine := make([][]*expr.Activation, 16)
	for g := range perGoroutine {
		perGoroutine[g] = benchActivations(t, env, ps)
	}
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			acts := perGoroutine[g]
			for round := 0; round < 20; round++ {
				for i, a := range acts {
					got := prog.Eval(a).Truth()
					if got == expr.Unknown {
						got = expr.False // unknown is not eligible, as in the hand-written check
					}
					if got != want[i] {
						errs <- "wrong result"
						return
					}
					if i%64 == g {
						_ = prog.Explain(a).String()
						_ = deadline.Eval(a)
					}
				}
			}
		}(g)
	}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, errs := env.Compile(eligibilityRule, expr.KindBool); errs != nil {
					t.Error(errs)
				}
				_, _ = env.Compile("investmnt >= 30个工作日", expr.KindBool)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
