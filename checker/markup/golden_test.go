package markup

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// TestGolden reads each testdata input (*.txt, *.md, *.html) in the format
// of its extension and compares its segments, one per line as
// "line:col kind: text", with the .golden file beside it. With -update it
// rewrites the .golden files; it never writes an input.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range paths {
		f, ok := FormatFor(path)
		if !ok {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			blocks := readAll(t, string(in), f)
			checkBlocks(t, string(in), blocks)
			checkSegmentStarts(t, string(in), blocks)
			got := golden(blocks)
			goldenPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if goldenPath == path {
				t.Fatalf("golden path %s is the input", path)
			}
			if *update {
				if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", goldenPath, diff)
			}
		})
	}
	if n == 0 {
		t.Fatal("no testdata inputs")
	}
}
