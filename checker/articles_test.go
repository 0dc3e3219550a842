package checker

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/checker/markup"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/articles")

// TestArticles runs whole articles of our own writing (Markdown, HTML, plain
// text) through the checker and compares the claims with golden files. Every
// claim's position is checked against the original bytes.
func TestArticles(t *testing.T) {
	c := newDefaultChecker(t)
	files, _ := filepath.Glob("../testdata/articles/*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			format, _ := markup.FormatFor(f)
			var b strings.Builder
			err = c.Check(bytes.NewReader(src), Input{Format: format}, func(cl *Claim) error {
				checkPosition(t, src, cl)
				fmt.Fprintf(&b, "%d:%d-%d:%d %s %s %s %s: %s\n", cl.Start.Line, cl.Start.Column, cl.End.Line, cl.End.Column,
					cl.Verdict, cl.Kind, strings.Join(cl.Subjects, ","), cl.Time.When, cl.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			golden := f + ".golden"
			if *update {
				os.WriteFile(golden, []byte(b.String()), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./checker -run TestArticles -update)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if n < 3 {
		t.Fatalf("found %d articles", n)
	}
}

// checkPosition: the claim's offset points at its sentence's first word in
// the original input, and line:column agree with the offset.
func checkPosition(t *testing.T, src []byte, cl *Claim) {
	t.Helper()
	off := cl.Start.Offset
	if off < 0 || off >= len(src) || cl.End.Offset > len(src) || cl.End.Offset < off {
		t.Errorf("claim %q: span %d–%d outside the input (%d bytes)", cl.Text, off, cl.End.Offset, len(src))
		return
	}
	first := strings.Fields(cl.Text)[0]
	r, _ := utf8.DecodeRuneInString(first)
	if got, _ := utf8.DecodeRune(src[off:]); got != r {
		t.Errorf("claim %q: byte %d holds %q, not the sentence's first letter %q", cl.Text, off, got, r)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off])
	if line != cl.Start.Line || col != cl.Start.Column {
		t.Errorf("claim %q: at %d:%d, but offset %d is %d:%d", cl.Text, cl.Start.Line, cl.Start.Column, off, line, col)
	}
}

// FuzzCheck: no input makes the checker panic, and every claim's span lies
// inside the input.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Brezhnev visited India in 1964 and 1973.",
		"Putin has been to India in 2000, 2002 and 2004, and most recently in 2025.",
		"<p>Soviet Prime Minister Nikita Khrushchev visited India in 1955.</p>",
		"# Title\n\n- The 15th annual summit was held in New Delhi in 2014.\n",
		"In the mid-1980s Rajiv Gandhi travelled to Moscow twice. He returned two years later.",
		"Relations began between 1940 and 1950. The treaty was for 20 years.",
		"Did Putin visit India in 2019?",
		"\x00\xff Gorbachov, the last leader, came to Delhi on December 4, 1986.",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	c := newDefaultChecker(f)
	f.Fuzz(func(t *testing.T, s string, format uint8) {
		fm := []markup.Format{markup.Text, markup.Markdown, markup.HTML}[format%3]
		_ = c.Check(strings.NewReader(s), Input{Format: fm}, func(cl *Claim) error {
			if cl.Start.Offset < 0 || cl.End.Offset > len(s) || cl.Start.Offset > cl.End.Offset {
				t.Errorf("span %d–%d outside an input of %d bytes", cl.Start.Offset, cl.End.Offset, len(s))
			}
			if cl.Verdict == "" {
				t.Errorf("claim without a verdict: %q", cl.Text)
			}
			return nil
		})
	})
}
