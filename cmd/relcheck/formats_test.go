package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/checker/markup"
)

// newFormats are the formats added beside text and json.
var newFormats = []string{"line", "jsonl", "sarif", "github", "claimreview"}

func TestFormatsGolden(t *testing.T) {
	for _, f := range newFormats {
		t.Run(f, func(t *testing.T) {
			code, out, errOut := runCLI(t, "Brezhnev visited India in 1964 and 1973.\n", "--format", f)
			if code != exitFindings {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitFindings, errOut)
			}
			golden(t, "format-"+f, out)
		})
	}
}

func TestFormatsAreRegistered(t *testing.T) {
	for _, f := range newFormats {
		if _, ok := formats[f]; !ok {
			t.Errorf("format %q is not registered", f)
		}
		if !strings.Contains(formatNames(), f) {
			t.Errorf("formatNames() %q lacks %q", formatNames(), f)
		}
	}
}

// hostileName and hostileText try to break out of a line, a property or a
// terminal: a comma and a colon (property separators), a percent sign, an
// ANSI escape, a carriage return, a workflow command and an encoded newline.
const (
	hostileName = "draft,v2:50%\x1b[31m.txt"
	hostileText = "Putin visited India in 2003 \x1b[31m\r::set-output name=x::y %0A.\n"
)

// TestFormatsHostileFile checks a file whose name and text carry control
// characters and workflow-command syntax, through the whole command line.
func TestFormatsHostileFile(t *testing.T) {
	outs := map[string]string{}
	t.Run("run", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if err := os.WriteFile(hostileName, []byte(hostileText), 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
		for _, f := range newFormats {
			code, out, errOut := runCLI(t, "", "--format", f, hostileName)
			if code != exitFindings {
				t.Errorf("%s: exit %d, want %d; stderr: %s", f, code, exitFindings, errOut)
			}
			outs[f] = out
		}
	})
	for _, f := range newFormats {
		out := outs[f]
		if strings.ContainsAny(out, "\x1b\r") {
			t.Errorf("%s: a raw ESC or CR reaches the output:\n%q", f, out)
		}
		checkNoControls(t, out)
	}

	lines := strings.Split(strings.TrimSuffix(outs["line"], "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], sanitize(hostileName)+":1:1: contradicted visit: vladimir-putin") {
		t.Errorf("line: want one finding for %q:\n%s", sanitize(hostileName), outs["line"])
	}

	gh := strings.Split(strings.TrimSuffix(outs["github"], "\n"), "\n")
	if len(gh) != 2 || !strings.HasPrefix(gh[1], "::notice::relcheck: 1 claim in 1 input") {
		t.Fatalf("github: want one line for the finding and the summary:\n%s", outs["github"])
	}
	wantFile := "::error file=draft%2Cv2%3A50%25%1B[31m.txt,line=1,col=1,"
	if !strings.HasPrefix(gh[0], wantFile) {
		t.Errorf("github: finding %q does not start with %q", gh[0], wantFile)
	}
	props, _, _ := strings.Cut(strings.TrimPrefix(gh[0], "::error "), "::")
	if n := len(strings.Split(props, ",")); n != 6 {
		t.Errorf("github: %d properties, want 6 (file, line, col, endLine, endColumn, title): %s", n, props)
	}

	var jl map[string]any
	if err := json.Unmarshal([]byte(outs["jsonl"]), &jl); err != nil {
		t.Fatalf("jsonl: %v\n%s", err, outs["jsonl"])
	}
	// The path comes back as it was; the reader has already turned the text's
	// control characters into spaces, so no escape survives into the sentence.
	if jl["path"] != hostileName || !strings.Contains(jl["text"].(string), "::set-output") || strings.ContainsAny(jl["text"].(string), "\x1b\r") {
		t.Errorf("jsonl: path must come back as it was, text without control characters: %q %q", jl["path"], jl["text"])
	}

	log := decodeSARIF(t, outs["sarif"])
	uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
	// The name has a colon in its first segment, hence ./ to keep it a path.
	if p, err := url.PathUnescape(uri); err != nil || p != "./"+hostileName {
		t.Errorf("sarif: uri %q does not decode to the file name (%q, %v)", uri, p, err)
	}

	var reviews []map[string]any
	if err := json.Unmarshal([]byte(outs["claimreview"]), &reviews); err != nil || len(reviews) != 1 {
		t.Fatalf("claimreview: %v\n%s", err, outs["claimreview"])
	}
	if s := reviews[0]["claimReviewed"].(string); !strings.Contains(s, "::set-output name=x::y %0A") {
		t.Errorf("claimreview: claimReviewed %q", s)
	}
}

// hostileClaim has control characters, separators and workflow commands in
// every field a document or a record can fill.
func hostileClaim(v checker.Verdict) *checker.Claim {
	const bad = "a,b:c%d\x1b[31m\r\n::set-output name=x::y %0A\u2028\u0085\x7f\u009b2J\x9b2J"
	return &checker.Claim{
		Start: markup.Position{Line: 2, Column: 3}, End: markup.Position{Line: 2, Column: 40},
		Text: "Putin visited India " + bad, Kind: checker.KindVisit, Subjects: []string{"vladimir-putin"},
		Phrase: "visited" + bad, Places: []string{"india"}, Time: checker.Time{Text: "2003" + bad},
		Verdict: v, Confidence: 0.9, Explanation: "explained " + bad, Correction: "corrected " + bad,
		Notes: []string{"note " + bad}, Mode: checker.Asserted,
		Evidence: []checker.Evidence{{Fact: "putin-2002-india", Summary: "summary " + bad, Sources: []string{"https://example.org/a?b=1&c=<2>"}}},
	}
}

func hostileResults() []*result {
	cls := []*checker.Claim{hostileClaim(checker.Contradicted), hostileClaim(checker.Unknown), hostileClaim(checker.Supported)}
	var counts summary
	for _, cl := range cls {
		counts.add(cl)
	}
	return []*result{
		{Path: "dir/a,b:c%d\x1b[31m\r\n.md", URL: "https://example.org/story", Claims: cls, Counts: counts},
		{Path: "missing\x1b[2J\r\n.txt", Error: "cannot read: \x1b[31mno such file\r\n::set-output name=x::y"},
	}
}

// runFormatter writes results with the named format, as runCheck does.
func runFormatter(t *testing.T, newFormatter func(w *bytes.Buffer) formatter, results []*result) (string, error) {
	t.Helper()
	var b bytes.Buffer
	f := newFormatter(&b)
	if err := f.begin(recordInfo{Name: "test", AsOf: "2025-12-31", SHA256: "0"}); err != nil {
		t.Fatal(err)
	}
	var sum summary
	for _, r := range results {
		sum.addResult(r)
		if err := f.result(r); err != nil {
			t.Fatal(err)
		}
	}
	err := f.end(sum, nil)
	return b.String(), err
}

func formatterNamed(name string) func(w *bytes.Buffer) formatter {
	return func(w *bytes.Buffer) formatter { return formats[name](w, outputOptions{version: "test"}) }
}

// TestFormatsEscapeEverything feeds every format claims whose every field is
// hostile, and an input error whose path and message are.
func TestFormatsEscapeEverything(t *testing.T) {
	for _, name := range newFormats {
		t.Run(name, func(t *testing.T) {
			out, err := runFormatter(t, formatterNamed(name), hostileResults())
			if err != nil && name != "claimreview" {
				t.Fatal(err)
			}
			checkNoControls(t, out)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			switch name {
			case "line":
				if len(lines) != 4 { // three findings, one error
					t.Errorf("%d lines, want 4:\n%s", len(lines), out)
				}
			case "github":
				if len(lines) != 5 { // three findings, one error, the summary
					t.Errorf("%d lines, want 5:\n%s", len(lines), out)
				}
				for _, l := range lines {
					if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::notice ") && !strings.HasPrefix(l, "::notice::") {
						t.Errorf("not a workflow command: %q", l)
					}
				}
				for i, want := range []string{"::error ", "::notice ", "::notice ", "::error file=missing%1B[2J%0D%0A.txt::cannot read: %1B[31mno such file%0D%0A::set-output name=x::y"} {
					if !strings.HasPrefix(lines[i], want) {
						t.Errorf("line %d: %q does not start with %q", i+1, lines[i], want)
					}
				}
				if !strings.Contains(lines[0], "file=dir/a%2Cb%3Ac%25d%1B[31m%0D%0A.md,line=2,col=3,endLine=2,endColumn=40,title=relcheck visit contradicted::") ||
					!strings.Contains(lines[0], "a,b:c%25d%1B[31m%0D%0A::set-output name=x::y %250A%E2%80%A8%C2%85%7F%C2%9B2J\ufffd2J") {
					t.Errorf("github escaping:\n%s", lines[0])
				}
			case "jsonl":
				if len(lines) != 4 {
					t.Errorf("%d lines, want 4:\n%s", len(lines), out)
				}
				for _, l := range lines {
					var v map[string]any
					if err := json.Unmarshal([]byte(l), &v); err != nil {
						t.Errorf("%v: %s", err, l)
					}
				}
			case "sarif":
				log := decodeSARIF(t, out)
				checkSARIF(t, log)
				if got := len(log.Runs[0].Results); got != 3 {
					t.Errorf("%d results, want 3", got)
				}
			case "claimreview":
				if err == nil || !strings.Contains(err.Error(), `missing\u001b[2J\u000d\n.txt: cannot read`) {
					t.Errorf("end: %v, want the input error, sanitized", err)
				}
				var v []map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil || len(v) != 3 {
					t.Errorf("%v, %d reviews:\n%s", err, len(v), out)
				}
				if strings.Contains(out, "<") {
					t.Errorf("a raw < could close a <script> element:\n%s", out)
				}
			}
		})
	}
}

// checkNoControls fails if out is not valid UTF-8 or holds a control
// character other than a newline ending a line.
func checkNoControls(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8: %q", out)
	}
	for i, r := range out {
		if r != '\n' && isControl(r) {
			t.Errorf("raw %U at byte %d: %q", r, i, out[max(0, i-40):min(len(out), i+40)])
			return
		}
	}
}

func TestGitHubEscape(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"%0A", "%250A", "%250A"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a,b:c", "a,b:c", "a%2Cb%3Ac"},
		{"::set-output name=x::y", "::set-output name=x::y", "%3A%3Aset-output name=x%3A%3Ay"},
		{"\x1b[31mred\x1b[0m", "%1B[31mred%1B[0m", "%1B[31mred%1B[0m"},
		{"tab\there\x00\x7f", "tab%09here%00%7F", "tab%09here%00%7F"},
		{"line\u2028sep\u0085", "line%E2%80%A8sep%C2%85", "line%E2%80%A8sep%C2%85"},
		{"Brezhnev — 1973, Дели", "Brezhnev — 1973, Дели", "Brezhnev — 1973%2C Дели"},
	}
	for _, tc := range tests {
		if got := githubData(tc.in); got != tc.data {
			t.Errorf("githubData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := githubProperty(tc.in); got != tc.prop {
			t.Errorf("githubProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// sarifLog is what a consumer reads of relcheck's SARIF.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Version        string `json:"version"`
				Rules          []struct {
					ID                   string    `json:"id"`
					Name                 string    `json:"name"`
					ShortDescription     sarifText `json:"shortDescription"`
					FullDescription      sarifText `json:"fullDescription"`
					Help                 sarifText `json:"help"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind string `json:"columnKind"`
		Results    []struct {
			RuleID    string    `json:"ruleId"`
			RuleIndex *int      `json:"ruleIndex"`
			Kind      string    `json:"kind"`
			Level     string    `json:"level"`
			Message   sarifText `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
					Region           *sarifRegion          `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Properties          struct {
				Confidence *float64 `json:"confidence"`
				Facts      []string `json:"facts"`
				Sources    []string `json:"sources"`
			} `json:"properties"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        *bool               `json:"executionSuccessful"`
			ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, out string) sarifLog {
	t.Helper()
	var log sarifLog
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value:\n%s", out)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

// checkSARIF checks what SARIF 2.1.0 and GitHub code scanning require.
func checkSARIF(t *testing.T, log sarifLog) {
	t.Helper()
	if log.Version != "2.1.0" || log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "relcheck" || d.InformationURI != "https://github.com/relcheck/relcheck" || d.Version == "" {
		t.Errorf("driver: %q %q %q", d.Name, d.InformationURI, d.Version)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if len(d.Rules) != len(sarifKinds)*len(sarifVerdicts) {
		t.Errorf("%d rules, want one per kind and verdict", len(d.Rules))
	}
	ids := map[string]bool{}
	for _, r := range d.Rules {
		if ids[r.ID] {
			t.Errorf("rule %s twice", r.ID)
		}
		ids[r.ID] = true
		if r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %s lacks a name, a description or help: %+v", r.ID, r)
		}
		if len(r.ShortDescription.Text) > 1024 || len(r.FullDescription.Text) > 1024 || len(r.Name) > 255 {
			t.Errorf("rule %s: texts over GitHub's limits", r.ID)
		}
		if !slices.Contains([]string{"note", "warning", "error"}, r.DefaultConfiguration.Level) {
			t.Errorf("rule %s: default level %q is not one GitHub takes", r.ID, r.DefaultConfiguration.Level)
		}
	}
	for i, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != res.RuleID {
			idx := "none"
			if res.RuleIndex != nil {
				idx = strconv.Itoa(*res.RuleIndex)
			}
			t.Errorf("result %d: ruleId %q is not the rule at ruleIndex %s", i, res.RuleID, idx)
		}
		if !slices.Contains([]string{"error", "warning", "note", "none"}, res.Level) {
			t.Errorf("result %d: level %q", i, res.Level)
		}
		if res.Kind != "" && res.Kind != "fail" && res.Level != "none" {
			t.Errorf("result %d: kind %q must have level none, not %q", i, res.Kind, res.Level)
		}
		if res.Message.Text == "" {
			t.Errorf("result %d: no message", i)
		}
		if len(res.Locations) == 0 {
			t.Errorf("result %d: no location", i)
			continue
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI == "" || strings.Contains(pl.ArtifactLocation.URI, `\`) {
			t.Errorf("result %d: uri %q", i, pl.ArtifactLocation.URI)
		}
		if rg := pl.Region; rg == nil || rg.StartLine < 1 || rg.StartColumn < 1 || rg.EndLine < rg.StartLine || rg.EndColumn < 1 {
			t.Errorf("result %d: region %+v", i, rg)
		}
		if res.PartialFingerprints[sarifFingerprintKey] == "" {
			t.Errorf("result %d: no %s fingerprint", i, sarifFingerprintKey)
		}
		if res.Properties.Confidence == nil || res.Properties.Facts == nil || res.Properties.Sources == nil {
			t.Errorf("result %d: properties lack confidence, facts or sources", i)
		}
	}
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful == nil {
		t.Errorf("want one invocation that says whether it succeeded: %+v", run.Invocations)
	}
}

// TestSARIFStructure runs two files that hold the same claims in different
// places, and a file that is missing.
func TestSARIFStructure(t *testing.T) {
	dir := t.TempDir()
	claims := "Putin visited India in 2003.\nPutin visited India in 2003.\nBrezhnev visited India in 1964 and 1973.\n"
	a, b := filepath.Join(dir, "a", "one.txt"), filepath.Join(dir, "b", "two.txt")
	os.MkdirAll(filepath.Dir(a), 0o755)
	os.MkdirAll(filepath.Dir(b), 0o755)
	os.WriteFile(a, []byte(claims), 0o644)
	os.WriteFile(b, []byte("No claim here.\n\n"+claims), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	code, out, errOut := runCLI(t, "", "--format", "sarif", a, b, missing)
	if code != exitError {
		t.Errorf("exit %d, want %d; stderr: %s", code, exitError, errOut)
	}
	log := decodeSARIF(t, out)
	checkSARIF(t, log)
	run := log.Runs[0]

	byFile := map[string][]string{}
	for _, res := range run.Results {
		u := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		byFile[u] = append(byFile[u], res.PartialFingerprints[sarifFingerprintKey])
	}
	fa, fb := byFile[sarifURI(a)], byFile[sarifURI(b)]
	if len(fa) != 4 || len(byFile) != 2 {
		t.Fatalf("want 4 results in each file: %v", byFile)
	}
	if diff := cmp.Diff(fa, fb); diff != "" {
		t.Errorf("the same claims in two files have different fingerprints (-a +b):\n%s", diff)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(fa)))) != len(fa) {
		t.Errorf("two results in one file share a fingerprint: %v", fa)
	}
	if !strings.HasPrefix(sarifURI(a), "file:///") || !strings.HasSuffix(sarifURI(a), "/a/one.txt") {
		t.Errorf("absolute path as %q, want a file URI", sarifURI(a))
	}

	inv := run.Invocations[0]
	if *inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Fatalf("want an unsuccessful invocation with one notification: %+v", inv)
	}
	n := inv.ToolExecutionNotifications[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "no such file") || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != sarifURI(missing) {
		t.Errorf("notification %+v", n)
	}
}

func TestSARIFEmptyAndErrorOnly(t *testing.T) {
	code, out, _ := runCLI(t, "Nothing to check here.\n", "--format", "sarif")
	if code != exitOK {
		t.Errorf("exit %d", code)
	}
	log := decodeSARIF(t, out)
	checkSARIF(t, log)
	if log.Runs[0].Results == nil || len(log.Runs[0].Results) != 0 || !*log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("want an empty results array and a successful invocation:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--format", "sarif", filepath.Join(t.TempDir(), "missing.txt"))
	log = decodeSARIF(t, out)
	if len(log.Runs[0].Results) != 0 || *log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("want no results and an unsuccessful invocation:\n%s", out)
	}
}

func TestSARIFRulesCoverEveryKind(t *testing.T) {
	for _, k := range []string{checker.KindVisit, checker.KindSummit, checker.KindAgreement, checker.KindRelations, checker.KindOffice} {
		for _, v := range []checker.Verdict{checker.Supported, checker.Contradicted, checker.Unknown} {
			i, ok := sarifRuleIndex(k, v)
			if !ok || sarifRules()[i].ID != "relcheck/"+k+"/"+string(v) {
				t.Errorf("no rule for %s %s", k, v)
			}
		}
	}
}

func TestSARIFURI(t *testing.T) {
	tests := []struct{ path, want string }{
		{"<stdin>", "<stdin>"},
		{"drafts/a.md", "drafts/a.md"},
		{"a b,c%.md", "a%20b,c%25.md"},
		{"a:b.md", "./a:b.md"},
		{"../x/é.txt", "../x/%C3%A9.txt"},
		{"/srv/news/a.md", "file:///srv/news/a.md"},
	}
	for _, tc := range tests {
		if got := sarifURI(tc.path); got != tc.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestClaimReviewStructure(t *testing.T) {
	rs := hostileResults()[:1]
	out, err := runFormatter(t, formatterNamed("claimreview"), rs)
	if err != nil {
		t.Fatal(err)
	}
	var reviews []struct {
		Context       string `json:"@context"`
		Type          string `json:"@type"`
		ClaimReviewed string `json:"claimReviewed"`
		ReviewRating  struct {
			Type          string `json:"@type"`
			RatingValue   int    `json:"ratingValue"`
			BestRating    int    `json:"bestRating"`
			WorstRating   int    `json:"worstRating"`
			AlternateName string `json:"alternateName"`
		} `json:"reviewRating"`
		ItemReviewed struct {
			Type       string `json:"@type"`
			Appearance struct {
				Type string `json:"@type"`
				URL  string `json:"url"`
			} `json:"appearance"`
		} `json:"itemReviewed"`
		Author struct {
			Type string `json:"@type"`
			Name string `json:"name"`
		} `json:"author"`
		ReviewBody string   `json:"reviewBody"`
		Citation   []string `json:"citation"`
	}
	if err := json.Unmarshal([]byte(out), &reviews); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := []struct {
		value int
		name  string
	}{{1, "Contradicted"}, {2, "Unknown"}, {3, "Supported"}}
	if len(reviews) != len(want) {
		t.Fatalf("%d reviews, want %d", len(reviews), len(want))
	}
	for i, r := range reviews {
		// Google's required properties: claimReviewed, reviewRating with
		// alternateName (url cannot be known here); recommended: author,
		// itemReviewed, and a numeric rating with its scale.
		if r.Context != "https://schema.org" || r.Type != "ClaimReview" || r.ClaimReviewed == "" {
			t.Errorf("review %d: %q %q %q", i, r.Context, r.Type, r.ClaimReviewed)
		}
		rr := r.ReviewRating
		if rr.Type != "Rating" || rr.RatingValue != want[i].value || rr.AlternateName != want[i].name || rr.BestRating != 3 || rr.WorstRating != 1 {
			t.Errorf("review %d: rating %+v, want %d %s on 1–3", i, rr, want[i].value, want[i].name)
		}
		if r.ItemReviewed.Type != "Claim" || r.ItemReviewed.Appearance.Type != "CreativeWork" || r.ItemReviewed.Appearance.URL != "https://example.org/story" {
			t.Errorf("review %d: itemReviewed %+v", i, r.ItemReviewed)
		}
		if r.Author.Type != "Organization" || r.Author.Name != "relcheck" {
			t.Errorf("review %d: author %+v", i, r.Author)
		}
		if !strings.HasPrefix(r.ReviewBody, "explained ") || !strings.Contains(r.ReviewBody, " Correction: corrected ") {
			t.Errorf("review %d: reviewBody %q", i, r.ReviewBody)
		}
		if diff := cmp.Diff([]string{"https://example.org/a?b=1&c=<2>"}, r.Citation); diff != "" {
			t.Errorf("review %d: citation (-want +got):\n%s", i, diff)
		}
	}

	out, err = runFormatter(t, formatterNamed("claimreview"), nil)
	if err != nil || out != "[]\n" {
		t.Errorf("no claims: %q, %v", out, err)
	}
}

func TestClaimReviewReportsInputErrors(t *testing.T) {
	code, out, errOut := runCLI(t, "", "--format", "claimreview", filepath.Join(t.TempDir(), "missing.txt"))
	if code != exitError || out != "[]\n" || !strings.Contains(errOut, "missing.txt: cannot read") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestJSONLDocFormatter(t *testing.T) {
	rs := hostileResults()
	rs[0].ID = "doc-1"
	out, err := runFormatter(t, func(w *bytes.Buffer) formatter { return newJSONLDocFormatter(w, outputOptions{}) }, rs)
	if err != nil {
		t.Fatal(err)
	}
	var docs []docLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d docLine
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		docs = append(docs, d)
	}
	if len(docs) != 2 {
		t.Fatalf("%d lines, want one per document:\n%s", len(docs), out)
	}
	d := docs[0]
	if d.ID != "doc-1" || d.Path != rs[0].Path || d.URL != "https://example.org/story" || d.Error != "" || len(d.Claims) != 3 {
		t.Errorf("document 1: %+v", d)
	}
	if diff := cmp.Diff(docCounts{Claims: 3, Supported: 1, Contradicted: 1, Unknown: 1}, d.Summary); diff != "" {
		t.Errorf("document 1 counts (-want +got):\n%s", diff)
	}
	if d.Claims[0].Text != strings.ToValidUTF8(rs[0].Claims[0].Text, "\ufffd") {
		t.Errorf("claim text %q, want it as written", d.Claims[0].Text)
	}
	if e := docs[1]; e.Path != rs[1].Path || e.Error != rs[1].Error || e.Claims == nil || len(e.Claims) != 0 {
		t.Errorf("document 2: %+v", e)
	}
	if !strings.Contains(out, `"claims":[]`) {
		t.Errorf("a document without claims must have an empty claims array:\n%s", out)
	}
}

func TestJSONLClaimFields(t *testing.T) {
	_, out, _ := runCLI(t, "Brezhnev visited India in 1964 and 1973.\n", "--format", "jsonl")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	var rep report
	_, jout, _ := runCLI(t, "Brezhnev visited India in 1964 and 1973.\n", "--format", "json")
	if err := json.Unmarshal([]byte(jout), &rep); err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		var got jsonlClaim
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if got.Path != "<stdin>" {
			t.Errorf("line %d: path %q", i+1, got.Path)
		}
		if diff := cmp.Diff(rep.Files[0].Claims[i], got.claimReport); diff != "" {
			t.Errorf("line %d differs from the JSON report's claim (-json +jsonl):\n%s", i+1, diff)
		}
	}
}

// TestFormatsStream checks that each format writes a result before the next
// one arrives.
func TestFormatsStream(t *testing.T) {
	mk := func(marker string) *result {
		cl := hostileClaim(checker.Contradicted)
		cl.Explanation = marker
		cl.Text = marker
		var c summary
		c.add(cl)
		return &result{Path: "a.md", Claims: []*checker.Claim{cl}, Counts: c}
	}
	all := append(slices.Clone(newFormats), "jsonl-doc")
	for _, name := range all {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			var f formatter
			if name == "jsonl-doc" {
				f = newJSONLDocFormatter(&b, outputOptions{})
			} else {
				f = formats[name](&b, outputOptions{version: "test"})
			}
			if err := f.begin(recordInfo{}); err != nil {
				t.Fatal(err)
			}
			for _, m := range []string{"FIRST-MARKER", "SECOND-MARKER"} {
				if err := f.result(mk(m)); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(b.String(), m) {
					t.Errorf("%s not written when its result came", m)
				}
			}
		})
	}
}

// alreadyClean is the fast path of sanitize and lineClean: whenever it says
// a string is clean, the full escaping must leave the string as it is, and
// for every string the answer must match what the escaping does.
func TestAlreadyCleanAgrees(t *testing.T) {
	samples := []string{"", "plain", "em — dash", "tab\there", "nl\n", "esc\x1b[31m", "del\x7f", "c1 \u0085 \u009b",
		"nbsp\u00a0ok", "line\u2028sep", "para\u2029sep", "bad \xff byte", "cut \xe2\x80", "Наталья", "🙂"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "—", "\x00", "\x1f", "\x7f", "\u0080", "\u009f", "\u00a0", "\u2028", "\xff", "\xe2", "Я"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		samples = append(samples, b.String())
	}
	for _, s := range samples {
		unchanged := utf8.ValidString(s) && sanitizeSlow(s) == s
		if got := alreadyClean(s); got != unchanged {
			t.Errorf("alreadyClean(%q) = %v, but the escaping changes it: %v", s, got, !unchanged)
		}
	}
}

// hasC1 is the fast test in front of escapeC1: it must agree with testing
// every rune, on any valid UTF-8.
func TestHasC1Agrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "\"", "\x7f", "\u0080", "\u009b", "\u009f", "\u00a0", "\u00c2", "\u0100", "é", "—", "Ā"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := []byte(b.String())
		if got, want := hasC1(s), bytes.ContainsFunc(s, isC1); got != want {
			t.Errorf("hasC1(%q) = %v, want %v", s, got, want)
		}
	}
}
