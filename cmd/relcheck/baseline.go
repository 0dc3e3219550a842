package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// baseline is a set of findings recorded earlier, so that an old archive can
// adopt relcheck and fail only on new findings. A finding is keyed by its
// file, kind, verdict and normalised sentence — not by its line, so edits
// elsewhere in a file do not make old findings new.
type baseline map[string]bool

type baselineFile struct {
	Version  int      `json:"version"`
	Findings []string `json:"findings"`
}

func baselineKey(path string, cl *checker.Claim) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s", path, cl.Kind, cl.Verdict, strings.Join(strings.Fields(strings.ToLower(cl.Text)), " "), claimLine(cl))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func (b *baseline) add(key string) {
	if *b == nil {
		*b = baseline{}
	}
	(*b)[key] = true
}

func (b baseline) has(key string) bool { return b[key] }

func readBaseline(path string) (baseline, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail(exitError, "--baseline: %v (make one with --write-baseline)", unwrapPath(err))
	}
	var f baselineFile
	if err := json.Unmarshal(data, &f); err != nil || f.Version != 1 {
		return nil, fail(exitError, "--baseline %s: not a relcheck baseline (make one with --write-baseline)", path)
	}
	b := baseline{}
	for _, k := range f.Findings {
		b[k] = true
	}
	return b, nil
}

func (b baseline) write(path string) error {
	f := baselineFile{Version: 1, Findings: []string{}}
	for k := range b {
		f.Findings = append(f.Findings, k)
	}
	sort.Strings(f.Findings)
	data, _ := json.MarshalIndent(f, "", "  ")
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("--write-baseline: %v", unwrapPath(err))
	}
	return nil
}
