package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sentences of our own, cycled through generated files
var sampleSentences = []string{
	"Brezhnev visited India in 1964 and 1973.",
	"Gorbachev visited India in 1986.",
	"Putin did not visit India in 2003.",
	"Indira Gandhi visited the Soviet Union in 1984.",
	"The weather in Moscow was cold that week.",
	"Yeltsin came to New Delhi in January 1993.",
	"Modi travelled to Kazan in October 2024.",
}

func writeTree(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%7))
		os.MkdirAll(sub, 0o755)
		ext := []string{"md", "txt", "html"}[i%3]
		text := sampleSentences[i%len(sampleSentences)] + " " + sampleSentences[(i*3+1)%len(sampleSentences)]
		if ext == "html" {
			text = "<p>" + text + "</p>"
		}
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%03d.%s", i, ext)), []byte(text+"\n"), 0o644)
	}
	return dir
}

func TestJobsGiveIdenticalOutput(t *testing.T) {
	dir := writeTree(t, 200)
	for _, format := range []string{"line", "json", "sarif"} {
		_, one, _ := runCLI(t, "", "--format", format, "--jobs", "1", dir)
		_, eight, _ := runCLI(t, "", "--format", format, "--jobs", "8", dir)
		if one != eight {
			t.Errorf("%s: --jobs 1 and --jobs 8 differ", format)
		}
		if len(one) < 1000 {
			t.Errorf("%s: suspiciously short output (%d bytes)", format, len(one))
		}
	}
}

func writeArchive(t *testing.T, n int, gz bool) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "archive.jsonl")
	if gz {
		p += ".gz"
	}
	f, _ := os.Create(p)
	defer f.Close()
	var w *bufio.Writer
	var z *gzip.Writer
	if gz {
		z = gzip.NewWriter(f)
		w = bufio.NewWriter(z)
	} else {
		w = bufio.NewWriter(f)
	}
	for i := 0; i < n; i++ {
		switch {
		case i == 5:
			w.WriteString("{not json\n")
		case i == 9:
			w.WriteString("[1, 2, 3]\n")
		default:
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc-%d", i), "text": sampleSentences[i%len(sampleSentences)], "url": fmt.Sprintf("https://example.org/%d", i)})
			w.Write(line)
			w.WriteString("\n")
		}
	}
	w.Flush()
	if z != nil {
		z.Close()
	}
	return p
}

func docLines(t *testing.T, out string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("not a JSON line: %q", l)
		}
	}
	return lines
}

// TestJSONLArchiveOneLinePerDocument: every input line gives exactly one
// output line, malformed ones an error line.
func TestJSONLArchiveOneLinePerDocument(t *testing.T) {
	for _, gz := range []bool{false, true} {
		p := writeArchive(t, 40, gz)
		code, out, errOut := runCLI(t, "", "--input", "jsonl", "--format", "jsonl", p)
		lines := docLines(t, out)
		if len(lines) != 40 {
			t.Fatalf("gz=%v: %d lines out for 40 in (stderr %s)", gz, len(lines), errOut)
		}
		if code != exitError {
			t.Errorf("gz=%v: exit %d, want 2 for the malformed lines", gz, code)
		}
		if !strings.Contains(lines[5], `"error"`) || !strings.Contains(lines[9], `"error"`) || !strings.Contains(lines[0], `"doc-0"`) {
			t.Errorf("gz=%v: error lines not in place:\n%s\n%s", gz, lines[5], lines[9])
		}
	}
}

// TestShardsUnionEqualsSingleRun: for N = 1, 2, 3 the shards' outputs
// together are exactly the single run's.
func TestShardsUnionEqualsSingleRun(t *testing.T) {
	p := writeArchive(t, 60, false)
	_, single, _ := runCLI(t, "", "--input", "jsonl", "--format", "jsonl", p)
	want := docLines(t, single)
	sort.Strings(want)
	for n := 1; n <= 3; n++ {
		var got []string
		for i := 0; i < n; i++ {
			_, out, _ := runCLI(t, "", "--input", "jsonl", "--format", "jsonl", "--shard", fmt.Sprintf("%d/%d", i, n), p)
			if strings.TrimSpace(out) != "" {
				got = append(got, docLines(t, out)...)
			}
		}
		sort.Strings(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("N=%d: union of shards differs from the single run (-want +got):\n%s", n, diff)
		}
	}
	if code, _, errOut := runCLI(t, "", "--input", "jsonl", "--shard", "3/3", p); code != exitError || !strings.Contains(errOut, "--shard") {
		t.Errorf("--shard 3/3: exit %d, %s", code, errOut)
	}
}

func TestSelectingFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	write("a.md", "Gorbachev visited India in 1986.\n")
	write("drafts/b.md", "Gorbachev visited India in 1988.\n")
	write("drafts/old/c.txt", "Putin visited India in 2000.\n")
	write("vendor/d.md", "Putin visited India in 2002.\n")
	write(".hidden/e.md", "Putin visited India in 2004.\n")
	write("notes.bin", "Putin visited India in 2007.\n")
	write(".gitignore", "vendor/\n*.tmp.md\n")
	write("x.tmp.md", "Putin visited India in 2012.\n")
	files := func(args ...string) []string {
		_, out, _ := runCLI(t, "", append([]string{"--format", "line"}, args...)...)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l != "" {
				rel, _ := filepath.Rel(dir, strings.SplitN(l, ":", 2)[0])
				got = append(got, filepath.ToSlash(rel))
			}
		}
		return got
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"walk skips hidden, ignored and unknown extensions", []string{dir}, []string{"a.md", "drafts/b.md", "drafts/old/c.txt"}},
		{"include", []string{"--include", "*.md", dir}, []string{"a.md", "drafts/b.md"}},
		{"exclude with **", []string{"--exclude", "drafts/**", dir}, []string{"a.md"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, files(tc.args...)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	list := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(list, []byte(filepath.Join(dir, "a.md")+"\n# a comment\n"+filepath.Join(dir, "vendor/d.md")+"\n"), 0o644)
	if diff := cmp.Diff([]string{"a.md", "vendor/d.md"}, files("--file-list", list)); diff != "" {
		t.Errorf("--file-list (-want +got):\n%s", diff)
	}
}

func TestGzipFileAndCorruptGzip(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.md.gz")
	f, _ := os.Create(good)
	z := gzip.NewWriter(f)
	z.Write([]byte("# Notes\n\nGorbachev visited India in 1986.\n"))
	z.Close()
	f.Close()
	bad := filepath.Join(dir, "b.md.gz")
	os.WriteFile(bad, []byte("this is not gzip"), 0o644)
	code, out, _ := runCLI(t, "", "--format", "line", good, bad)
	if code != exitError || !strings.Contains(out, "a.md.gz:3:1: supported visit") || !strings.Contains(out, "b.md.gz: error: not a readable gzip file") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".relcheck.json"), []byte(`{"format": "line", "fail_on": "never", "ignore": ["Brezhnev visited India in 1964"]}`), 0o644)
	draft := filepath.Join(dir, "draft.md")
	os.WriteFile(draft, []byte("Brezhnev visited India in 1964.\n\nPutin visited India in 2003.\n"), 0o644)
	code, out, errOut := runCLI(t, "", "--config", filepath.Join(dir, ".relcheck.json"), draft)
	if code != exitOK || strings.Contains(out, "1964") || !strings.Contains(out, "draft.md:3:1: contradicted visit") {
		t.Errorf("config: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "", "--config", filepath.Join(dir, ".relcheck.json"), "--fail-on", "contradicted", draft); code != exitFindings {
		t.Errorf("a flag must win over the config: exit %d", code)
	}
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{\n  \"format\": 3\n}"), 0o644)
	if code, _, errOut := runCLI(t, "", "--config", filepath.Join(dir, "bad.json"), draft); code != exitError || !strings.Contains(errOut, "bad.json: 2:") {
		t.Errorf("bad config: exit %d, %s", code, errOut)
	}
	_, out, _ = runCLI(t, "", "config", "--config", filepath.Join(dir, ".relcheck.json"))
	if !strings.Contains(out, `"fail_on": "never"`) || !strings.Contains(out, `"min_confidence": 0.6`) {
		t.Errorf("relcheck config:\n%s", out)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	os.WriteFile(draft, []byte("Brezhnev visited India in 1964.\n"), 0o644)
	base := filepath.Join(dir, "baseline.json")
	if code, _, _ := runCLI(t, "", "--write-baseline", base, draft); code != exitFindings {
		t.Errorf("writing a baseline still reports: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "--baseline", base, draft); code != exitOK {
		t.Errorf("a known finding must not fail: exit %d", code)
	}
	os.WriteFile(draft, []byte("An added line.\n\nBrezhnev visited India in 1964.\n\nPutin visited India in 2003.\n"), 0o644)
	if code, _, _ := runCLI(t, "", "--baseline", base, draft); code != exitFindings {
		t.Errorf("a new finding must fail: exit %d", code)
	}
}

func TestShowAndSuppression(t *testing.T) {
	text := "Gorbachev visited India in 1986.\n\n<!-- relcheck-disable-next-line -->\nBrezhnev visited India in 1964.\n\n<!-- relcheck-disable -->\nPutin visited India in 2003.\n<!-- relcheck-enable -->\n\nYeltsin visited India in 1995. relcheck:ignore\n\nKhrushchev visited India in 1957.\n"
	code, out, _ := runCLI(t, text, "--format", "line", "--input-format", "markdown", "--show", "contradicted")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFindings || len(lines) != 1 || !strings.Contains(lines[0], "1957") {
		t.Errorf("want only the 1957 contradiction listed: exit %d\n%s", code, out)
	}
	_, out, _ = runCLI(t, "", "--show", "maybe")
	if code, _, errOut := runCLI(t, "", "--show", "maybe"); code != exitError || !strings.Contains(errOut, "--show") {
		t.Errorf("--show maybe: exit %d %s %s", code, out, errOut)
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := runCLI(t, "", "explain", "Soviet Prime Minister Nikita Khrushchev visited India in 1955.")
	for _, want := range []string{"claim 1: visit", "claim 2: office", `"Nikita Khrushchev" → nikita-khrushchev (exact`, "verdict     contradicted", "fact        ussr-premier-nikolai-bulganin"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if code != exitOK {
		t.Errorf("exit %d", code)
	}
}

// TestLongDocumentStreamsInParts: a document with more claims than one part
// holds still reads as one document in every format that groups by document.
func TestLongDocumentStreamsInParts(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 3*partClaims+17; i++ {
		b.WriteString("Brezhnev visited India in 1964.\n\n")
	}
	want := 3*partClaims + 17
	p := filepath.Join(t.TempDir(), "long.md")
	os.WriteFile(p, []byte(b.String()), 0o644)

	_, out, _ := runCLI(t, "", "--format", "text", p)
	if n := strings.Count(out, "long.md\n"); n != 1 {
		t.Errorf("text: the file's heading appears %d times, want once", n)
	}
	if n := strings.Count(out, "contradicted  visit"); n != want {
		t.Errorf("text: %d findings, want %d", n, want)
	}
	var rep report
	_, out, _ = runCLI(t, "", "--format", "json", p)
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || len(rep.Files[0].Claims) != want || rep.Summary.Files != 1 || rep.Summary.Claims != want {
		t.Errorf("json: %d files, %d claims, summary %+v", len(rep.Files), len(rep.Files[0].Claims), rep.Summary)
	}
	_, out, _ = runCLI(t, "", "--format", "line", "--jobs", "1", p, p)
	_, out4, _ := runCLI(t, "", "--format", "line", "--jobs", "4", p, p)
	if out != out4 || strings.Count(out, "\n") != 2*want {
		t.Errorf("line: %d lines with --jobs 1, identical to --jobs 4: %v", strings.Count(out, "\n"), out == out4)
	}
	doc, _ := json.Marshal(map[string]string{"id": "long", "text": b.String()})
	_, out, _ = runCLI(t, string(doc)+"\n", "--input", "jsonl", "--format", "jsonl", "-")
	lines := docLines(t, out)
	var d docLine
	json.Unmarshal([]byte(lines[0]), &d)
	if len(lines) != 1 || len(d.Claims) != want || d.Summary.Claims != want {
		t.Errorf("jsonl per document: %d lines, %d claims, summary %+v", len(lines), len(d.Claims), d.Summary)
	}
}
