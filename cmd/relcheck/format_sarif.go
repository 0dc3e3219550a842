package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// sarifFormatter writes a SARIF 2.1.0 log with one run, in the subset GitHub
// code scanning reads. It streams: the fixed rule set goes out first, then
// each result as it comes. Only input errors are held, as they belong in the
// run's invocation, which follows the results.
type sarifFormatter struct {
	w      io.Writer
	o      outputOptions
	n      int                 // results written
	errors []sarifNotification // input errors, for the invocation
	notes  []sarifNotification // inputs skipped, or with bytes replaced
	seen   map[string]int      // fingerprints of the current file, to number repeats
}

func newSARIFFormatter(w io.Writer, o outputOptions) formatter { return &sarifFormatter{w: w, o: o} }

// The kinds and verdicts the rules are made of, in rule order: the rule of
// kind k and verdict v is at index k*len(sarifVerdicts)+v.
var (
	sarifKinds    = []string{checker.KindVisit, checker.KindSummit, checker.KindAgreement, checker.KindRelations, checker.KindOffice}
	sarifVerdicts = []checker.Verdict{checker.Contradicted, checker.Unknown, checker.Supported}
)

// What each kind of claim is about, for the rules' descriptions.
var sarifKindAbout = map[string]string{
	checker.KindVisit:     "a leader's visit to a country",
	checker.KindSummit:    "a summit (its number in the series, its date or its place)",
	checker.KindAgreement: "an agreement or treaty (its signing, date or duration)",
	checker.KindRelations: "the establishment of diplomatic relations",
	checker.KindOffice:    "who held an office when",
}

// The SARIF log, as much of it as relcheck writes. Field order is output order.
type (
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 sarifText       `json:"help"`
		DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
		Properties           sarifRuleProps  `json:"properties"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags []string `json:"tags"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           *int              `json:"ruleIndex,omitempty"`
		Kind                string            `json:"kind,omitempty"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          sarifResultProps  `json:"properties"`
	}
	sarifResultProps struct {
		Confidence float64  `json:"confidence"`
		Facts      []string `json:"facts"`
		Sources    []string `json:"sources"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
)

// sarifFingerprintKey names relcheck's partial fingerprint. GitHub's upload
// action adds its own primaryLocationLineHash beside it.
const sarifFingerprintKey = "relcheckClaim/v1"

func (f *sarifFormatter) begin(rec recordInfo) error {
	tool := sarifTool{Driver: sarifDriver{Name: "relcheck", InformationURI: "https://github.com/relcheck/relcheck",
		Version: f.o.version, Rules: sarifRules()}}
	toolJSON, err := sarifMarshal(tool, "      ")
	if err != nil {
		return err
	}
	recJSON, err := sarifMarshal(rec, "        ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f.w, `{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": %s,
      "columnKind": "unicodeCodePoints",
      "properties": {
        "record": %s
      },
      "results": [`, toolJSON, recJSON)
	return err
}

func (f *sarifFormatter) result(r *result) error {
	uri := sarifURI(r.Path)
	if r.Error != "" {
		f.errors = append(f.errors, sarifNotification{Level: "error", Message: sarifText{Text: sanitize(r.Error)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}}}}})
	}
	if r.Note != "" {
		f.notes = append(f.notes, sarifNotification{Level: "note", Message: sarifText{Text: sanitize(r.Note)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}}}}})
	}
	if f.seen == nil {
		f.seen = map[string]int{} // fingerprints in this file, to number repeats
	}
	seen := f.seen
	if !r.More {
		defer func() { f.seen = nil }() // the next result is another file
	}
	for _, cl := range r.Claims {
		fp := claimFingerprint(cl)
		seen[fp]++
		res := sarifResult{
			RuleID:  "relcheck/" + cl.Kind + "/" + string(cl.Verdict),
			Level:   sarifLevel(cl.Verdict),
			Message: sarifText{Text: sanitize(findingMessage(cl))},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
				Region:           &sarifRegion{StartLine: cl.Start.Line, StartColumn: cl.Start.Column, EndLine: cl.End.Line, EndColumn: cl.End.Column},
			}}},
			PartialFingerprints: map[string]string{sarifFingerprintKey: fmt.Sprintf("%s:%d", fp, seen[fp])},
			Properties:          sarifResultProps{Confidence: round2(cl.Confidence), Facts: []string{}, Sources: []string{}},
		}
		if i, ok := sarifRuleIndex(cl.Kind, cl.Verdict); ok {
			res.RuleIndex = &i
		}
		if cl.Verdict == checker.Supported {
			res.Kind = "pass" // SARIF: a result that is not a failure has level none
		}
		for _, e := range cl.Evidence {
			res.Properties.Facts = append(res.Properties.Facts, e.Fact)
			for _, s := range e.Sources {
				if !slices.Contains(res.Properties.Sources, s) {
					res.Properties.Sources = append(res.Properties.Sources, s)
				}
			}
		}
		b, err := sarifMarshal(res, "        ")
		if err != nil {
			return err
		}
		if err := writeElement(f.w, &f.n, "        ", b); err != nil {
			return err
		}
	}
	return nil
}

func (f *sarifFormatter) end(summary, []topClaim) error {
	inv, err := sarifMarshal([]sarifInvocation{{ExecutionSuccessful: len(f.errors) == 0, ToolExecutionNotifications: append(f.errors, f.notes...)}}, "      ")
	if err != nil {
		return err
	}
	closing := "\n      ]"
	if f.n == 0 {
		closing = "]"
	}
	_, err = fmt.Fprintf(f.w, "%s,\n      \"invocations\": %s\n    }\n  ]\n}\n", closing, inv)
	return err
}

// sarifRules is the fixed rule set: every kind with every verdict.
func sarifRules() []sarifRule {
	var rules []sarifRule
	for _, k := range sarifKinds {
		about := sarifKindAbout[k]
		for _, v := range sarifVerdicts {
			r := sarifRule{
				ID:                   "relcheck/" + k + "/" + string(v),
				Name:                 title(string(v)) + title(k) + "Claim",
				DefaultConfiguration: sarifRuleConfig{Level: sarifDefaultLevel(v)},
				Properties:           sarifRuleProps{Tags: []string{"fact-check", k, string(v)}},
			}
			switch v {
			case checker.Contradicted:
				r.ShortDescription.Text = title(k) + " claim contradicted by the record"
				r.FullDescription.Text = "A sentence makes a claim about " + about + ", and relcheck's curated, sourced record contradicts it. The result's message gives the record's explanation and, where it can, a correction."
				r.Help.Text = "Check the sentence against the sources in the result's properties and correct it. If the record is wrong, fix the record. `relcheck facts show ID` shows a fact."
			case checker.Unknown:
				r.ShortDescription.Text = title(k) + " claim the record cannot decide"
				r.FullDescription.Text = "A sentence makes a claim about " + about + " that relcheck cannot decide: the record does not cover it, or the names in it could not be resolved with enough confidence."
				r.Help.Text = "Verify the claim by hand. If it is true and within the record's scope, consider adding the fact, with its source, to the record."
			default:
				r.ShortDescription.Text = title(k) + " claim supported by the record"
				r.FullDescription.Text = "A sentence makes a claim about " + about + ", and relcheck's curated, sourced record supports it."
				r.Help.Text = "Nothing to do. The evidence facts and their sources are in the result's properties."
			}
			rules = append(rules, r)
		}
	}
	return rules
}

// sarifRuleIndex is the index of a claim's rule in sarifRules, if it has one.
func sarifRuleIndex(kind string, v checker.Verdict) (int, bool) {
	for k, kk := range sarifKinds {
		for i, vv := range sarifVerdicts {
			if kk == kind && vv == v {
				return k*len(sarifVerdicts) + i, true
			}
		}
	}
	return 0, false
}

// sarifLevel is a result's level. A supported claim is a pass, and SARIF
// gives a pass the level none.
func sarifLevel(v checker.Verdict) string {
	switch v {
	case checker.Contradicted:
		return "error"
	case checker.Supported:
		return "none"
	}
	return "note"
}

// sarifDefaultLevel is a rule's default level. GitHub takes only note,
// warning and error there, so a supported rule's default is note; each of
// its results says none.
func sarifDefaultLevel(v checker.Verdict) string {
	if v == checker.Supported {
		return "note"
	}
	return sarifLevel(v)
}

// sarifURI is a path as a relative URI reference with forward slashes,
// percent-encoded where a URI needs it. The standard input's name is kept.
func sarifURI(path string) string {
	if path == "<stdin>" || path == "" {
		return path
	}
	u := url.URL{Path: filepath.ToSlash(path)}
	if filepath.IsAbs(path) {
		u.Scheme = "file" // code scanning makes it relative to the checkout
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // C:/x
		}
	}
	return u.String()
}

// claimFingerprint identifies a claim by what it says, whatever the file and
// wherever in the file: kind, verdict, the sentence with its spacing and case
// normalised, and what the claim asserts.
func claimFingerprint(cl *checker.Claim) string {
	text := strings.ToLower(strings.Join(strings.Fields(cl.Text), " "))
	h := sha256.Sum256([]byte(strings.Join([]string{cl.Kind, string(cl.Verdict), text, claimLine(cl)}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// sarifMarshal indents v as JSON that starts at column len(prefix), with
// every control character escaped.
func sarifMarshal(v any, prefix string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return escapeC1([]byte(strings.TrimSuffix(b.String(), "\n"))), nil
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
