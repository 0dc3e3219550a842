package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/checker"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/cli")

// runCLI runs the command line in-process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"relcheck"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

var shaRE = regexp.MustCompile(`[0-9a-f]{64}`)

// golden compares output with testdata/cli/NAME.golden (the record's hash
// masked, so that editing the record does not churn every golden file).
func golden(t *testing.T, name, got string) {
	t.Helper()
	got = shaRE.ReplaceAllString(got, "<sha256>")
	path := filepath.Join("..", "..", "testdata", "cli", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/relcheck -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func TestCheckCommand(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		code        int
	}{
		{"readme-example", "Brezhnev visited India in 1964.\n", nil, exitFindings},
		{"readme-example-json", "Brezhnev visited India in 1964.\n", []string{"check", "--format", "json"}, exitFindings},
		{"supported-exit-0", "Gorbachev visited India in 1986.\n", []string{"check"}, exitOK},
		{"fail-on-never", "Brezhnev visited India in 1964.\n", []string{"--fail-on", "never"}, exitOK},
		{"fail-on-unknown", "Indira Gandhi visited the Soviet Union in 1984.\n", []string{"--fail-on", "unknown"}, exitFindings},
		{"stdin-filename", "Putin visited India in 2003.\n", []string{"--stdin-filename", "draft.txt"}, exitFindings},
		{"made-up-record", "Bruno Kell visited Norland in 1999.\n", []string{"--no-default-facts", "--facts", "../../testdata/records/norland"}, exitFindings},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, errOut)
			}
			golden(t, tc.name, out)
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"bad format", []string{"--format", "xml"}, `--format "xml": use text,`},
		{"bad fail-on", []string{"--fail-on", "sometimes"}, `--fail-on "sometimes"`},
		{"bad date", []string{"--date", "2025-13-01"}, "--date:"},
		{"missing file", []string{"no-such-file.md"}, ""},
		{"broken record", []string{"--facts", "../../testdata/records/broken-dates"}, "the record cannot be used"},
		{"unknown flag", []string{"--frobnicate"}, "frobnicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tc.args...)
			if code != exitError {
				t.Errorf("exit %d, want %d; stdout %q stderr %q", code, exitError, out, errOut)
			}
			if !strings.Contains(errOut+out, tc.want) {
				t.Errorf("output lacks %q:\nstdout: %s\nstderr: %s", tc.want, out, errOut)
			}
		})
	}
}

func TestMissingFileIsReportedAndOthersChecked(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, []byte("Gorbachev visited India in 1986.\n"), 0o644)
	code, out, _ := runCLI(t, "", "--format", "json", good, filepath.Join(dir, "missing.txt"))
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	var rep report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 || rep.Files[0].Error != "" || len(rep.Files[0].Claims) != 1 || !strings.Contains(rep.Files[1].Error, "no such file") {
		t.Errorf("want the good file checked and the missing one reported: %+v", rep.Files)
	}
	if rep.Summary.Errors != 1 || rep.Summary.Supported != 1 {
		t.Errorf("summary %+v", rep.Summary)
	}
}

// --mentions lists each claim's mentions in json and jsonl; without it,
// none are listed (and the checker is asked to leave them out).
func TestMentionsFlag(t *testing.T) {
	const doc = "Gorbachev visited India in 1986.\n"
	for _, format := range []string{"json", "jsonl"} {
		for _, with := range []bool{false, true} {
			args := []string{"--format", format}
			if with {
				args = append(args, "--mentions")
			}
			code, out, errOut := runCLI(t, doc, append(args, "-")...)
			if code != exitOK {
				t.Fatalf("%v: exit %d: %s", args, code, errOut)
			}
			var kinds []string
			docs := strings.Split(out, "\n") // jsonl: a record a line
			if format == "json" {
				docs = []string{out}
			}
			for _, line := range docs {
				var v struct {
					Mentions []checker.Mention `json:"mentions"`
					Files    []struct {
						Claims []struct {
							Mentions []checker.Mention `json:"mentions"`
						} `json:"claims"`
					} `json:"files"`
				}
				if err := json.Unmarshal([]byte(line), &v); err != nil {
					if line == "" {
						continue
					}
					t.Fatalf("%v: %v in %q", args, err, line)
				}
				ms := v.Mentions
				for _, f := range v.Files {
					for _, cl := range f.Claims {
						ms = append(ms, cl.Mentions...)
					}
				}
				for _, m := range ms {
					kinds = append(kinds, m.Kind+" "+m.Text)
				}
			}
			want := []string(nil)
			if with {
				want = []string{"person Gorbachev", "place India", "time 1986"}
			}
			if diff := cmp.Diff(want, kinds); diff != "" {
				t.Errorf("%v: mentions (-want +got):\n%s", args, diff)
			}
		}
	}
}

func TestFactsValidate(t *testing.T) {
	code, out, _ := runCLI(t, "", "facts", "validate")
	if code != exitOK || !strings.HasPrefix(out, "ok: india-ussr-russia") {
		t.Errorf("default record: exit %d: %s", code, out)
	}
	code, out, _ = runCLI(t, "", "facts", "validate", "../../testdata/records/broken-references")
	if code != exitFindings {
		t.Errorf("broken record: exit %d, want 1", code)
	}
	for _, want := range []string{`events.tsv:11:47: who: no person with id "ivo-tam"`, `places.tsv:3:24: in: no country with id "nordland"`} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
}

// TestFactsListJSON pins the record's size and shape: every visit row of both
// tables, the 23 summits, the milestones and every term of office.
func TestFactsListJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "facts", "list", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range list {
		kinds[f["kind"].(string)]++
		for _, k := range []string{"id", "kind", "from", "to", "confidence", "sources"} {
			if _, ok := f[k]; !ok {
				t.Errorf("fact %v lacks %q", f["id"], k)
			}
		}
		if srcs, _ := f["sources"].([]any); len(srcs) == 0 {
			t.Errorf("fact %v has no source", f["id"])
		}
	}
	want := map[string]int{"visit": 79, "summit": 23, "agreement": 18, "relations": 1, "office": 90}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("facts by kind (-want +got):\n%s", diff)
	}
	_, out, _ = runCLI(t, "", "facts", "list", "--kind", "visit", "--person", "putin", "--format", "json")
	var putin []map[string]any
	json.Unmarshal([]byte(out), &putin)
	india := 0
	for _, f := range putin {
		if f["to_country"] == "india" {
			india++
		}
	}
	if india != 11 {
		t.Errorf("Putin's visits to India: %d, want 11", india)
	}
}

func TestFactsSearch(t *testing.T) {
	tests := []struct{ query, wantTop string }{
		{"gorbachov", "mikhail-gorbachev"},
		{"krushchev", "nikita-khrushchev"},
		{"rajiv", "rajiv-gandhi"},
		{"putin 2010", "putin-2010-pm-india"},
	}
	for _, tc := range tests {
		_, out, _ := runCLI(t, "", "facts", "search", tc.query)
		first := strings.Fields(out)
		if len(first) < 2 || first[1] != tc.wantTop {
			t.Errorf("search %q: top hit %v, want %s\n%s", tc.query, first[:min(2, len(first))], tc.wantTop, out)
		}
	}
}

func TestFactsShow(t *testing.T) {
	code, out, _ := runCLI(t, "", "facts", "show", "treaty-1971")
	if code != exitOK || !strings.Contains(out, "1971-08-09") || !strings.Contains(out, "source:") {
		t.Errorf("show treaty-1971: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "", "facts", "show", "no-such-fact"); code != exitError || !strings.Contains(errOut, "relcheck facts search") {
		t.Errorf("show of a missing id: exit %d, %s", code, errOut)
	}
}

// TestTopContradicted: the text and json summaries list the contradicted
// claims seen more than once across inputs; only they count them.
func TestTopContradicted(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Brezhnev visited India in 1964.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, _ := runCLI(t, "", "check", "--format", "text", dir)
	if !strings.Contains(out, "most frequent contradicted claims:\n     2× ") {
		t.Errorf("text lists no claim seen twice:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "check", "--format", "json", dir)
	var rep report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Summary.Top) != 1 || rep.Summary.Top[0].Count != 2 {
		t.Errorf("json top_contradicted = %+v, want one claim seen twice", rep.Summary.Top)
	}
	for name, f := range formats {
		_, lists := f(io.Discard, outputOptions{}).(topLister)
		if want := name == "text" || name == "json"; lists != want {
			t.Errorf("%s: lists the top contradicted claims: %v, want %v", name, lists, want)
		}
	}
}

func TestParseShow(t *testing.T) {
	for s, want := range map[string]verdictSet{
		"supported,contradicted,unknown": {true, true, true},
		"all":                            {true, true, true},
		"contradicted":                   {contradicted: true},
		" unknown , supported":           {supported: true, unknown: true},
	} {
		got, err := parseShow(s)
		if err != nil || got != want {
			t.Errorf("parseShow(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	only := verdictSet{contradicted: true}
	if only.has(checker.Supported) || !only.has(checker.Contradicted) || only.has(checker.Unknown) || only.has("") {
		t.Errorf("%+v.has is wrong", only)
	}
	for _, s := range []string{"", "maybe", "supported,"} {
		if _, err := parseShow(s); err == nil {
			t.Errorf("parseShow(%q) accepted", s)
		}
	}
}
