//go:build !unix

package rules_test

// processCPU is not measured on this platform: it returns 0.
func processCPU() int64 { return 0 }
