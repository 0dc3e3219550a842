package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/facts"
)

// benchResults checks a text of our own, repeated, and returns its claims as
// results of 256 claims each, the parts a long document is sent in.
func benchResults(b *testing.B) ([]*result, int) {
	b.Helper()
	rec, err := facts.Default()
	if err != nil {
		b.Fatal(err)
	}
	chk := checker.New(rec, checker.Options{})
	text := strings.Repeat("Brezhnev visited India in 1961, 1973 and 1980. Khrushchev and Bulganin toured India in 1955. "+
		"Putin came to New Delhi in 2000 for the first annual summit. The treaty was signed in 1971. "+
		"Rain delayed the motorcade by almost an hour. ", 400)
	var rs []*result
	r := &result{Path: "archive/2024/article.md", More: true}
	n := 0
	for _, cl := range chk.CheckString(text, checker.Input{}) {
		r.Claims = append(r.Claims, cl)
		n++
		if len(r.Claims) == partClaims {
			rs = append(rs, r)
			r = &result{Path: r.Path, More: true}
		}
	}
	r.More = false
	return append(rs, r), n
}

// benchmarkFormat renders results as the workers do (renderer formats) or
// as the output does (the others), and reports claims per second.
func benchmarkFormat(b *testing.B, name string) {
	rs, n := benchResults(b)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		f := formats[name](&buf, outputOptions{version: "bench"})
		if err := f.begin(recordInfo{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			var err error
			if rend, ok := f.(renderer); ok {
				err = rend.render(&buf, r)
			} else {
				err = f.result(r)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		if err := f.end(summary{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	if buf.Len() == 0 {
		b.Fatal("nothing written")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

func BenchmarkFormatLine(b *testing.B)   { benchmarkFormat(b, "line") }
func BenchmarkFormatJSONL(b *testing.B)  { benchmarkFormat(b, "jsonl") }
func BenchmarkFormatGitHub(b *testing.B) { benchmarkFormat(b, "github") }
func BenchmarkFormatSARIF(b *testing.B)  { benchmarkFormat(b, "sarif") }
func BenchmarkFormatText(b *testing.B)   { benchmarkFormat(b, "text") }

// BenchmarkOneSentence is an editor's single sentence through the pipe, as
// the command runs it: parse and index the embedded record, learn its names,
// check the sentence and write the finding. It should stay well under 20 ms.
func BenchmarkOneSentence(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		code := run([]string{"relcheck", "--color", "never"}, strings.NewReader("Brezhnev visited India in 1964.\n"), &out, &out)
		if code != exitFindings || !strings.Contains(out.String(), "contradicted") {
			b.Fatalf("exit %d: %s", code, out.String())
		}
	}
}
