package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/facts"
)

const (
	claimContradicted = "Brezhnev visited India in 1964.\n"
	claimSupported    = "Gorbachev visited India in 1986.\n"
	pngHeader         = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
)

// writeFiles makes files under dir from a map of relative path → content.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipped(s string) string {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	z.Close()
	return b.String()
}

// jsonReport runs relcheck --format json and decodes the report.
func jsonReport(t *testing.T, stdin string, args ...string) (int, report, string) {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, append([]string{"--format", "json"}, args...)...)
	var rep report
	if out != "" {
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("output is not a JSON report: %v\n%s", err, out)
		}
	}
	return code, rep, errOut
}

// fileOf finds a path's entry in a report.
func fileOf(t *testing.T, rep report, path string) fileReport {
	t.Helper()
	for _, f := range rep.Files {
		if f.Path == path {
			return f
		}
	}
	t.Fatalf("no entry for %q in %+v", path, rep.Files)
	return fileReport{}
}

// TestHostileInputs drives the command line with each kind of input that
// could crash, hang, mislead or be dropped, and checks what the user sees.
func TestHostileInputs(t *testing.T) {
	type check func(t *testing.T, dir string, rep report, stderr string)
	entry := func(name, errPart, notePart string, claims int) check {
		return func(t *testing.T, dir string, rep report, _ string) {
			t.Helper()
			f := fileOf(t, rep, filepath.Join(dir, name))
			if (errPart == "") != (f.Error == "") || !strings.Contains(f.Error, errPart) {
				t.Errorf("%s: error %q, want one with %q", name, f.Error, errPart)
			}
			if (notePart == "") != (f.Note == "") || !strings.Contains(f.Note, notePart) {
				t.Errorf("%s: note %q, want one with %q", name, f.Note, notePart)
			}
			if len(f.Claims) != claims {
				t.Errorf("%s: %d claims, want %d", name, len(f.Claims), claims)
			}
		}
	}
	tests := []struct {
		name   string
		files  map[string]string
		setup  func(t *testing.T, dir string) // for what writeFiles cannot make
		args   []string                       // paths relative to dir, flags as they are
		code   int
		checks []check
	}{
		{
			name:   "empty and whitespace-only files",
			files:  map[string]string{"empty.txt": "", "blank.md": " \n\t\r\n  \n"},
			args:   []string{"empty.txt", "blank.md"},
			code:   exitOK,
			checks: []check{entry("empty.txt", "", "", 0), entry("blank.md", "", "", 0)},
		},
		{
			name:  "invalid UTF-8 and NUL bytes are counted, positions kept",
			files: map[string]string{"bad.txt": "Brezhnev visited \xff\xfe India in 1964.\x00 Gorbachev visited India in 1986.\n"},
			args:  []string{"bad.txt"},
			code:  exitFindings,
			checks: []check{entry("bad.txt", "", "2 invalid UTF-8 bytes replaced with U+FFFD in the output; 1 NUL byte escaped", 2),
				func(t *testing.T, dir string, rep report, _ string) {
					f := fileOf(t, rep, filepath.Join(dir, "bad.txt"))
					if len(f.Claims) != 2 {
						t.Fatalf("%d claims, want 2", len(f.Claims))
					}
					if c := f.Claims[1]; c.Line != 1 || c.Column != 37 {
						t.Errorf("second claim at %d:%d, want 1:37 (each invalid byte one column)", c.Line, c.Column)
					}
					if !strings.Contains(f.Claims[0].Text, "\ufffd") {
						t.Errorf("invalid bytes not replaced in %q", f.Claims[0].Text)
					}
				}},
		},
		{
			name: "binary files are skipped with a note",
			files: map[string]string{"photo.png": pngHeader + strings.Repeat("\x00\x01", 100), "data.txt": "\x01\x02\x03\x00\x00\x00\x10\x11binary\xff\xfe\x00\x00",
				"archive.md": "PK\x03\x04" + claimContradicted, "ok.txt": claimSupported},
			args: []string{"photo.png", "data.txt", "archive.md", "ok.txt"},
			code: exitOK,
			checks: []check{entry("photo.png", "", "skipped: binary file (PNG image)", 0), entry("data.txt", "", "skipped: binary file (binary data)", 0),
				entry("archive.md", "", "skipped: binary file (zip archive)", 0), entry("ok.txt", "", "", 1)},
		},
		{
			name:  "a 50 KiB single line is read whole",
			files: map[string]string{"line.txt": strings.Repeat("word ", 10000) + "Brezhnev visited India in 1964."},
			args:  []string{"line.txt"},
			code:  exitFindings,
			checks: []check{entry("line.txt", "", "", 1), func(t *testing.T, dir string, rep report, _ string) {
				if cs := fileOf(t, rep, filepath.Join(dir, "line.txt")).Claims; len(cs) != 1 || cs[0].Line != 1 || cs[0].EndColumn != 50032 {
					t.Errorf("%d claims, want one ending at 1:50032", len(cs))
				}
			}},
		},
		{
			name:   "a corrupt .gz is an error, the rest go on",
			files:  map[string]string{"bad.txt.gz": "\x1f\x8bnot really gzip", "cut.txt.gz": gzipped(claimSupported + claimSupported)[:30], "ok.txt.gz": gzipped(claimSupported)},
			args:   []string{"bad.txt.gz", "cut.txt.gz", "ok.txt.gz"},
			code:   exitError,
			checks: []check{entry("bad.txt.gz", "not a readable gzip file", "", 0), entry("cut.txt.gz", "cannot read", "", 0), entry("ok.txt.gz", "", "", 1)},
		},
		{
			name:  "broken JSONL lines are errors in their place",
			files: map[string]string{"a.jsonl": `{"id":"d1","text":"Gorbachev visited India in 1986."}` + "\n[1,2]\n42\n\"text\"\n{\"id\":\"d2\",\"text\":\"Brezh\n{\"text\":\"no id\"}\n{\"id\":\"d3\",\"text\":\"\"}\n{\"id\":\"d4\",\"text\":\"Brezhnev visited India in 1964.\"}"},
			args:  []string{"--input", "jsonl", "a.jsonl"},
			code:  exitError,
			checks: []check{func(t *testing.T, dir string, rep report, _ string) {
				var got []string
				for _, f := range rep.Files {
					got = append(got, fmt.Sprintf("%s|%v|%d", strings.TrimPrefix(f.Path, dir+"/"), f.Error != "", len(f.Claims)))
				}
				want := []string{"d1|false|1", "a.jsonl:2|true|0", "a.jsonl:3|true|0", "a.jsonl:4|true|0", "a.jsonl:5|true|0", "a.jsonl:6|true|0", "d3|false|0", "d4|false|1"}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("entries\n got %v\nwant %v", got, want)
				}
			}},
		},
		{
			name:  "missing paths, FIFOs, sockets and symlink loops are errors; the rest are checked",
			files: map[string]string{"ok.txt": claimSupported, "dir/a.md": claimSupported, "target.md": claimSupported},
			setup: func(t *testing.T, dir string) {
				for _, p := range []string{"fifo.txt", "dir/fifo.md"} {
					if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
						t.Skipf("no FIFOs here: %v", err)
					}
				}
				os.Symlink("loop2.md", filepath.Join(dir, "dir", "loop1.md"))
				os.Symlink("loop1.md", filepath.Join(dir, "dir", "loop2.md"))
				os.Symlink("nowhere.md", filepath.Join(dir, "dir", "dangling.md"))
				os.Symlink("../target.md", filepath.Join(dir, "dir", "link.md"))
				os.Symlink("..", filepath.Join(dir, "dir", "up"))
			},
			args: []string{"missing.txt", "fifo.txt", "dir", "ok.txt"},
			code: exitError,
			checks: []check{entry("missing.txt", "no such file", "", 0), entry("fifo.txt", "not a regular file", "", 0),
				entry("dir/fifo.md", "not a regular file", "", 0), entry("dir/loop1.md", "too many levels of symbolic links", "", 0),
				entry("dir/loop2.md", "too many levels of symbolic links", "", 0), entry("dir/dangling.md", "no such file", "", 0),
				entry("dir/link.md", "", "", 1), entry("dir/a.md", "", "", 1), entry("dir/up", "", "not followed", 0), entry("ok.txt", "", "", 1)},
		},
		{
			name:  "a FIFO as a JSONL archive is refused, not waited on",
			files: map[string]string{"ok.jsonl": `{"id":"d1","text":"Gorbachev visited India in 1986."}`},
			setup: func(t *testing.T, dir string) {
				if err := syscall.Mkfifo(filepath.Join(dir, "fifo.jsonl"), 0o644); err != nil {
					t.Skipf("no FIFOs here: %v", err)
				}
			},
			args:   []string{"--input", "jsonl", "fifo.jsonl", "ok.jsonl"},
			code:   exitError,
			checks: []check{entry("fifo.jsonl", "not a regular file", "", 0)},
		},
		{
			name:  "a folder without read permission is an error",
			files: map[string]string{"ok.txt": claimSupported, "locked/a.md": claimSupported},
			setup: func(t *testing.T, dir string) {
				if os.Geteuid() == 0 {
					t.Skip("root reads every folder")
				}
				os.Chmod(filepath.Join(dir, "locked"), 0)
				t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
			},
			args:   []string{"locked", "ok.txt"},
			code:   exitError,
			checks: []check{entry("locked", "permission denied", "", 0), entry("ok.txt", "", "", 1)},
		},
		{
			name:  "--max-doc-bytes: an error entry, not a truncation",
			files: map[string]string{"big.txt": claimSupported + strings.Repeat("filler words here. ", 100) + claimContradicted, "small.txt": claimSupported, "big.txt.gz": gzipped(strings.Repeat(claimSupported, 100))},
			args:  []string{"--max-doc-bytes", "1000", "big.txt", "small.txt", "big.txt.gz"},
			code:  exitError,
			checks: []check{entry("big.txt", "larger than --max-doc-bytes 1000 (1000 bytes): raise the limit or split it", "", 0),
				entry("small.txt", "", "", 1), entry("big.txt.gz", "larger than --max-doc-bytes", "", 0),
				func(t *testing.T, _ string, rep report, _ string) {
					if rep.Summary.Claims != 1 {
						t.Errorf("summary counts %d claims, want only the small file's", rep.Summary.Claims)
					}
				}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			args := []string{"--fail-on", "contradicted"}
			for _, a := range tc.args {
				if _, err := os.Lstat(filepath.Join(dir, a)); err == nil || a == "missing.txt" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			done := make(chan struct{})
			var code int
			var rep report
			var errOut string
			go func() {
				defer close(done)
				code, rep, errOut = jsonReport(t, "", args...)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("relcheck did not finish in 30 s (blocked on an input?)")
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, errOut)
			}
			for _, c := range tc.checks {
				c(t, dir, rep, errOut)
			}
		})
	}
}

// TestBrokenRecordChecksNothing: a record with errors is reported, every
// problem with its position, and not one claim is checked against it.
func TestBrokenRecordChecksNothing(t *testing.T) {
	for _, name := range []string{"broken-syntax", "broken-references", "broken-overlap"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "records", name)
			for _, format := range []string{"text", "jsonl", "line", "json"} {
				code, out, errOut := runCLI(t, claimContradicted, "--format", format, "--facts", dir)
				if code != exitError {
					t.Errorf("%s: exit %d, want %d", format, code, exitError)
				}
				if out != "" {
					t.Errorf("%s: something was printed, want nothing: %q", format, out)
				}
				want, _ := os.ReadFile(filepath.Join(dir, "want.txt"))
				for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
					_, msg, _ := strings.Cut(line, ": ")
					if !strings.Contains(errOut, msg) {
						t.Errorf("%s: stderr lacks %q:\n%s", format, msg, errOut)
					}
				}
				if !strings.Contains(errOut, ".tsv:") {
					t.Errorf("%s: no file:line in %s", format, errOut)
				}
			}
		})
	}
}

// hostileMix is a folder of good, broken, binary and odd inputs, and the
// arguments naming them (with a missing path), for the run-wide guarantees.
func hostileMix(t *testing.T) (dir string, args []string, want []string) {
	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/good.md":                 claimSupported + claimContradicted,
		"a/empty.txt":               "",
		"a/bad-utf8.txt":            "Brezhnev visited \xff India in 1964.\n",
		"a/photo.png":               pngHeader, // not walked: .png is not an article
		"a/photo.txt":               pngHeader + "\x00\x00",
		"a/corrupt.txt.gz":          "\x1f\x8bxx",
		"a/ok.html":                 "<p>" + claimSupported + "</p>",
		"a/name\nwith, newline.txt": claimContradicted,
		"b.txt":                     claimContradicted,
		"c.jsonl":                   "{\"id\":\"j1\",\"text\":\"Gorbachev visited India in 1986.\"}\nnot json\n{\"id\":\"j2\",\"text\":\"\\u0000\"}\n",
	})
	os.Symlink("loop", filepath.Join(dir, "a", "loop.md"))
	os.Symlink("good.md", filepath.Join(dir, "a", "alias.md"))
	syscall.Mkfifo(filepath.Join(dir, "a", "pipe.md"), 0o644)
	args = []string{filepath.Join(dir, "a"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "missing.md"), filepath.Join(dir, "c.jsonl")}
	for _, p := range []string{"a/alias.md", "a/bad-utf8.txt", "a/corrupt.txt.gz", "a/empty.txt", "a/good.md", "a/loop.md", "a/name\nwith, newline.txt", "a/ok.html", "a/photo.txt", "a/pipe.md", "b.txt", "missing.md", "c.jsonl"} {
		want = append(want, filepath.Join(dir, p))
	}
	return dir, args, want
}

// TestEveryInputOnce: every path named or walked appears in the output
// exactly once, with findings, a note or an error; and the output is the
// same for any --jobs.
func TestEveryInputOnce(t *testing.T) {
	_, args, want := hostileMix(t)
	code, rep, errOut := jsonReport(t, "", args...)
	if code != exitError {
		t.Errorf("exit %d, want %d; stderr %s", code, exitError, errOut)
	}
	seen := map[string]int{}
	for _, f := range rep.Files {
		seen[f.Path]++
	}
	for _, p := range want {
		if seen[p] != 1 {
			t.Errorf("%q appears %d times, want once", p, seen[p])
		}
		delete(seen, p)
	}
	for p, n := range seen {
		t.Errorf("unexpected entry %q (%d times)", p, n)
	}
	if rep.Summary.Files != len(want) {
		t.Errorf("summary counts %d inputs, want %d", rep.Summary.Files, len(want))
	}

	// JSONL archives: one line out per line in, under --jobs 1 and 4.
	_, args, _ = hostileMix(t)
	for _, format := range formatsUnderTest {
		var first string
		for _, jobs := range []string{"1", "4", "3", "1"} {
			_, out, _ := runCLI(t, "", append([]string{"--format", format, "--jobs", jobs, "--color", "never"}, args...)...)
			out = strings.ReplaceAll(out, filepath.Dir(args[0]), "<dir>")
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("--format %s --jobs %s: output differs from --jobs 1:\n%s\n----\n%s", format, jobs, first, out)
			}
		}
	}
}

var formatsUnderTest = []string{"text", "line", "json", "jsonl", "sarif", "github", "claimreview"}

// TestFileNameWithNewlineEveryFormat: a newline (or a comma, a CR, an ESC)
// in a file name never reaches the output raw, in any format.
func TestFileNameWithNewlineEveryFormat(t *testing.T) {
	dir := t.TempDir()
	name := "bad\nname,\r\x1b[31m::error file=x::hi.txt"
	writeFiles(t, dir, map[string]string{name: claimContradicted, "broken\nname.txt.gz": "\x1f\x8bxx"})
	for _, format := range formatsUnderTest {
		_, out, _ := runCLI(t, "", "--format", format, dir)
		for _, bad := range []string{"bad\nname", "\r", "\x1b", "broken\nname", "\n::error file=x"} {
			if strings.Contains(out, bad) {
				t.Errorf("--format %s: output holds %q raw:\n%s", format, bad, out)
			}
		}
		if format == "jsonl" || format == "line" || format == "github" {
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if format == "jsonl" && !json.Valid([]byte(line)) {
					t.Errorf("jsonl: a line is not JSON: %q", line)
				}
				if format != "jsonl" && !strings.Contains(line, "name") && !strings.HasPrefix(line, "::notice::") {
					t.Errorf("%s: a line without the file name, so a name was split: %q", format, line)
				}
			}
		}
	}
}

// TestNeverWritesInputs: a run leaves every input as it was, byte for byte
// and in its modification time.
func TestNeverWritesInputs(t *testing.T) {
	dir, args, _ := hostileMix(t)
	type state struct {
		data string
		mod  time.Time
	}
	snapshot := func() map[string]state {
		m := map[string]state{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.Type()&(os.ModeNamedPipe|os.ModeSymlink) != 0 {
				return nil
			}
			info, _ := d.Info()
			data, _ := os.ReadFile(p)
			m[p] = state{string(data), info.ModTime()}
			return nil
		})
		return m
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			os.Chtimes(p, past, past)
		}
		return nil
	})
	before := snapshot()
	base := filepath.Join(t.TempDir(), "baseline.json")
	for _, format := range formatsUnderTest {
		runCLI(t, "", append([]string{"--format", format, "--write-baseline", base}, args...)...)
	}
	runCLI(t, "", append([]string{"--input", "jsonl", "--format", "jsonl"}, filepath.Join(dir, "c.jsonl"))...)
	after := snapshot()
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if a := after[p]; a != b {
			t.Errorf("%s changed: %q %v → %q %v", p, b.data, b.mod, a.data, a.mod)
		}
	}
}

// TestPanicInCheckBecomesDocumentError: a checker call that panics becomes
// that document's error, with its path, and the run goes on.
func TestPanicInCheckBecomesDocumentError(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": claimSupported})
	opts := checkOptions{show: verdictSet{supported: true}}
	var nilChecker *checker.Checker // Check on it panics: a stand-in for any bug in the checker
	in := input{path: filepath.Join(dir, "a.txt")}
	r := gather(func(send func(*result)) {
		safeCheck(in, opts, send, func(send func(*result)) { checkInput(context.Background(), nilChecker, in, nil, opts, send) })
	})
	if r.Path != in.path || !strings.Contains(r.Error, "internal error (please report it)") {
		t.Errorf("got path %q error %q, want the path and an internal error", r.Path, r.Error)
	}
	rec, err := facts.Default()
	if err != nil {
		t.Fatal(err)
	}
	good := gather(func(send func(*result)) {
		safeCheck(in, opts, send, func(send func(*result)) {
			checkInput(context.Background(), checker.New(rec, checker.Options{}), in, nil, opts, send)
		})
	})
	if good.Error != "" || len(good.Claims) != 1 {
		t.Errorf("a working checker gave %+v", good)
	}
}

// TestFiftyMegabyteLine checks one ~50 MB line through each streaming
// format and measures the heap: the reader bounds its blocks, and the command
// holds only the claims the format will print.
func TestFiftyMegabyteLine(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("slow: a 50 MB document (skipped under -short and -race)")
	}
	// the collector at its default pace: the bounds measure what the command
	// holds, not the garbage tuneGC lets accumulate within its own limit
	t.Setenv("GOGC", "100")
	p := filepath.Join(t.TempDir(), "line.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	chunk := strings.Repeat("The delegation discussed trade and culture at length. Officials reviewed the agenda. ", 100) + "Brezhnev visited India in 1964. "
	n := 0
	for n < 50<<20 {
		w.WriteString(chunk)
		n += len(chunk)
	}
	w.Flush()
	f.Close()
	// Every claim shown (~6,000, each with its evidence) is held until its
	// document's turn, so that output keeps input order; with none shown,
	// the heap is the reader's blocks and the checker's working set. A
	// document this long is read ahead (checker.Input.Pipelined): up to four
	// 64 KiB blocks with their words, about 1 MiB each, are in flight.
	for _, tc := range []struct {
		format, show string
		bound        uint64
	}{{"jsonl", "contradicted", 28 << 20}, {"line", "contradicted", 28 << 20}, {"github", "contradicted", 28 << 20}, {"sarif", "contradicted", 28 << 20},
		{"jsonl", "supported", 28 << 20}, {"sarif", "supported", 28 << 20}} {
		format, bound := tc.format, tc.bound
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		peak := sampleHeap(func() {
			code := run([]string{"relcheck", "--format", format, "--fail-on", "never", "--show", tc.show, p}, strings.NewReader(""), io.Discard, io.Discard)
			if code != exitOK {
				t.Errorf("%s: exit %d", format, code)
			}
		})
		t.Logf("--format %s --show %s: %d MB of input, peak heap %.1f MiB (%.1f MiB at start)", format, tc.show, n>>20, float64(peak)/(1<<20), float64(base.HeapInuse)/(1<<20))
		if peak > bound {
			t.Errorf("--format %s: peak heap %d MiB, want under %d MiB", format, peak>>20, bound>>20)
		}
	}
}

// sampleHeap runs f and returns the highest heap in use seen meanwhile.
func sampleHeap(f func()) uint64 {
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak
}

// TestInterruptStopsCleanly sends SIGINT to a real relcheck process halfway
// through a large archive: it exits 130, and what it wrote is whole lines.
func TestInterruptStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "relcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	archive := filepath.Join(dir, "archive.jsonl")
	f, err := os.Create(archive)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	text := strings.Repeat("Brezhnev visited India in 1964. Gorbachev visited India in 1986. The talks went on. ", 20)
	for i := range 40000 {
		fmt.Fprintf(w, "{\"id\":\"doc-%d\",\"text\":%q}\n", i, text)
	}
	w.Flush()
	f.Close()

	cmd := exec.Command(bin, "--input", "jsonl", "--format", "jsonl", "--jobs", "2", archive)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(stdout)
	first, err := br.ReadString('\n') // it has started writing
	if err != nil {
		t.Fatalf("no output: %v; stderr %s", err, stderr.String())
	}
	cmd.Process.Signal(os.Interrupt)
	rest, _ := io.ReadAll(br)
	err = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != exitSignal {
		t.Errorf("exit %d (%v), want %d; stderr %s", code, err, exitSignal, stderr.String())
	}
	out := first + string(rest)
	lines := strings.Split(out, "\n")
	if lines[len(lines)-1] != "" {
		t.Errorf("output does not end with a newline: %q", lines[len(lines)-1])
	}
	lines = lines[:len(lines)-1]
	if len(lines) >= 40000 {
		t.Errorf("all %d documents written: the interrupt came too late to test anything", len(lines))
	}
	for i, l := range lines {
		var d docLine
		if err := json.Unmarshal([]byte(l), &d); err != nil || d.ID != fmt.Sprintf("doc-%d", i) {
			t.Fatalf("line %d is not document %d whole: %v: %.200q", i+1, i, err, l)
		}
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say the run was interrupted: %s", stderr.String())
	}
	t.Logf("interrupted after %d of 40000 documents", len(lines))
}

// gather joins the parts one input sends into one result.
func gather(w func(send func(*result))) *result {
	all := &result{}
	w(func(r *result) {
		all.Path, all.ID, all.URL = r.Path, r.ID, r.URL
		all.Claims = append(all.Claims, r.Claims...)
		if !r.More {
			all.Error, all.Note = r.Error, r.Note
		}
	})
	return all
}

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	beforeLimit := debug.SetMemoryLimit(-1)

	restore := tuneGC("line")
	if got := debug.SetGCPercent(-1); got != 800 {
		t.Errorf("streaming format: GOGC %d, want 800", got)
	}
	debug.SetGCPercent(800)
	if got := debug.SetMemoryLimit(-1); got != 40<<20 {
		t.Errorf("streaming format: memory limit %d, want 40 MiB", got)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != before {
		t.Errorf("restored GOGC %d, want %d", got, before)
	}
	debug.SetGCPercent(before)
	if got := debug.SetMemoryLimit(-1); got != beforeLimit {
		t.Errorf("restored memory limit %d, want %d", got, beforeLimit)
	}

	tuneGC("json")() // holds its whole report: left alone
	if got := debug.SetGCPercent(-1); got != before {
		t.Errorf("json: GOGC %d, want %d", got, before)
	}
	debug.SetGCPercent(before)

	t.Setenv("GOGC", "50") // the user's choice wins
	restore = tuneGC("line")
	if got := debug.SetGCPercent(-1); got != before {
		t.Errorf("GOGC set: GOGC %d, want it untouched (%d)", got, before)
	}
	debug.SetGCPercent(before)
	restore()
}
