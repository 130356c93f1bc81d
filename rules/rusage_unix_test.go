//go:build unix

package rules_test

import "syscall"

// processCPU returns the CPU time, user and system, the test process has
// used so far, in nanoseconds. A busy machine inflates wall-clock ns/op;
// benchmarks report CPU time beside it.
func processCPU() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
