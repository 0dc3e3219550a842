//go:build race

package markup

// raceEnabled: the race detector slows code unevenly, so timing ratios mean
// nothing under it; the plain test run checks them.
const raceEnabled = true
