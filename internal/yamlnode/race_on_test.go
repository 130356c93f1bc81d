//go:build race

package yamlnode

// raceEnabled reports whether the race detector is on; it slows the YAML
// parser about tenfold, so time bounds in tests are relaxed.
const raceEnabled = true
