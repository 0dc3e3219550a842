package main

import (
	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/facts"
)

// The JSON report. This shape is a contract: fields may be added, never
// renamed or removed.
type report struct {
	Version int          `json:"version"`
	Record  recordInfo   `json:"record"`
	Files   []fileReport `json:"files"`
	Summary summary      `json:"summary"`
}

type recordInfo struct {
	Name   string `json:"name"`
	AsOf   string `json:"as_of"`
	SHA256 string `json:"sha256"`
}

type fileReport struct {
	Path   string        `json:"path"`
	Error  string        `json:"error,omitempty"`
	Note   string        `json:"note,omitempty"` // skipped (a binary file), or bytes replaced in the output
	Claims []claimReport `json:"claims"`
}

type claimReport struct {
	Line        int               `json:"line"`
	Column      int               `json:"column"`
	EndLine     int               `json:"end_line"`
	EndColumn   int               `json:"end_column"`
	Text        string            `json:"text"`
	Kind        string            `json:"kind"`
	Subjects    []string          `json:"subjects"`
	Time        timeReport        `json:"time"`
	Negated     bool              `json:"negated"`
	Verdict     string            `json:"verdict"`
	Confidence  float64           `json:"confidence"`
	Explanation string            `json:"explanation"`
	Correction  string            `json:"correction,omitempty"`
	Evidence    []evidenceReport  `json:"evidence"`
	Notes       []string          `json:"notes,omitempty"`
	Mode        string            `json:"mode"`
	Quoted      bool              `json:"quoted,omitempty"`
	Speaker     string            `json:"speaker,omitempty"`
	Places      []string          `json:"places,omitempty"`
	Offices     []string          `json:"offices,omitempty"`
	Ordinal     int               `json:"ordinal,omitempty"`
	Number      int               `json:"number,omitempty"`
	Count       int               `json:"count,omitempty"`
	Recent      bool              `json:"most_recent,omitempty"`
	Duration    int               `json:"duration_years,omitempty"`
	Phrase      string            `json:"phrase,omitempty"`
	Mentions    []checker.Mention `json:"mentions,omitempty"`
}

type timeReport struct {
	Text string `json:"text"`
	From string `json:"from"`
	To   string `json:"to"`
}

type evidenceReport struct {
	Fact    string   `json:"fact"`
	Summary string   `json:"summary"`
	Sources []string `json:"sources"`
}

type summary struct {
	Files        int `json:"files"`
	Claims       int `json:"claims"`
	Supported    int `json:"supported"`
	Contradicted int `json:"contradicted"`
	Unknown      int `json:"unknown"`
	Errors       int `json:"errors"`
	// the most frequent contradicted claims of the run
	Top []topClaim `json:"top_contradicted,omitempty"`
}

func (s *summary) add(cl *checker.Claim) {
	s.Claims++
	switch cl.Verdict {
	case checker.Supported:
		s.Supported++
	case checker.Contradicted:
		s.Contradicted++
	default:
		s.Unknown++
	}
}

func recordOf(r *facts.Record) recordInfo {
	return recordInfo{Name: r.Name, AsOf: r.AsOf.String(), SHA256: r.SHA256}
}

func claimOf(cl *checker.Claim, withMentions bool) claimReport {
	subjects := cl.Subjects
	if subjects == nil {
		subjects = []string{}
	}
	cr := claimReport{
		Line: cl.Start.Line, Column: cl.Start.Column, EndLine: cl.End.Line, EndColumn: cl.End.Column,
		Text: cl.Text, Kind: cl.Kind, Subjects: subjects, Negated: cl.Negated,
		Time:    timeReport{Text: cl.Time.Text, From: cl.Time.When.Start.String(), To: cl.Time.When.End.String()},
		Verdict: string(cl.Verdict), Confidence: round2(cl.Confidence), Explanation: cl.Explanation, Correction: cl.Correction,
		Evidence: []evidenceReport{}, Notes: cl.Notes, Mode: string(cl.Mode), Quoted: cl.Quoted, Speaker: cl.Speaker,
		Places: cl.Places, Offices: cl.Office, Ordinal: cl.Ordinal, Number: cl.Number, Count: cl.Count, Recent: cl.Recent,
		Duration: cl.Duration, Phrase: cl.Phrase,
	}
	for _, e := range cl.Evidence {
		cr.Evidence = append(cr.Evidence, evidenceReport{Fact: e.Fact, Summary: e.Summary, Sources: e.Sources})
	}
	if withMentions {
		cr.Mentions = cl.Mentions
	}
	return cr
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// addResult counts one input's claims and error into the run's summary.
func (s *summary) addResult(r *result) {
	if !r.More {
		s.Files++ // an input counts once, at its last part
	}
	if r.Error != "" {
		s.Errors++
	}
	s.Claims += r.Counts.Claims
	s.Supported += r.Counts.Supported
	s.Contradicted += r.Counts.Contradicted
	s.Unknown += r.Counts.Unknown
}
