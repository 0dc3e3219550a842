package checker

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// TestEveryVerdictExplains: over both labelled sets, every contradicted claim
// carries a correction and a sourced fact, and every claim says why.
func TestEveryVerdictExplains(t *testing.T) {
	c := newDefaultChecker(t)
	n := 0
	for _, set := range []string{"../testdata/eval/labelled.jsonl", "../testdata/eval/heldout.jsonl"} {
		f, err := os.Open(set)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var it Labelled
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				t.Fatal(err)
			}
			for _, cl := range c.CheckString(it.Text, Input{}) {
				n++
				if cl.Explanation == "" {
					t.Errorf("%s: %s %s claim without an explanation", it.ID, cl.Verdict, cl.Kind)
				}
				if cl.Verdict != Contradicted {
					continue
				}
				if cl.Correction == "" {
					t.Errorf("%s: contradicted %s claim without a correction: %s", it.ID, cl.Kind, cl.Explanation)
				}
				sourced := false
				for _, e := range cl.Evidence {
					if len(e.Sources) > 0 {
						sourced = true
					}
				}
				if !sourced {
					t.Errorf("%s: contradicted %s claim without a sourced fact: %s", it.ID, cl.Kind, cl.Explanation)
				}
			}
		}
		f.Close()
	}
	if n < 600 {
		t.Errorf("only %d claims checked", n)
	}
}
