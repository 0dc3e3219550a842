//go:build race

package checker

// raceEnabled: the race detector slows code unevenly, so timing ratios mean
// nothing under it; the plain test run checks them.
const raceEnabled = true
