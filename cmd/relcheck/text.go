package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// writeTextFile prints one file's findings for a person at a terminal.
func writeTextFile(w io.Writer, fr fileResult) {
	if fr.file.Error != "" {
		fmt.Fprintf(w, "%s: error: %s\n\n", fr.file.Path, fr.file.Error)
		return
	}
	if len(fr.claims) == 0 {
		return
	}
	fmt.Fprintf(w, "%s\n", fr.file.Path)
	for _, cl := range fr.claims {
		fmt.Fprintf(w, "  %d:%d  %-12s  %s: %s\n", cl.Start.Line, cl.Start.Column, cl.Verdict, cl.Kind, claimLine(cl))
		fmt.Fprintf(w, "        %q\n", cl.Text)
		if cl.Explanation != "" {
			fmt.Fprintf(w, "        %s\n", cl.Explanation)
		}
		if cl.Correction != "" {
			fmt.Fprintf(w, "        correction: %s\n", cl.Correction)
		}
		for _, n := range cl.Notes {
			fmt.Fprintf(w, "        note: %s\n", n)
		}
		if len(cl.Evidence) > 0 && len(cl.Evidence[0].Sources) > 0 {
			fmt.Fprintf(w, "        source: %s\n", cl.Evidence[0].Sources[0])
		}
	}
	fmt.Fprintln(w)
}

// claimLine says in a few words what the claim asserts.
func claimLine(cl *checker.Claim) string {
	var parts []string
	if len(cl.Subjects) > 0 {
		parts = append(parts, strings.Join(cl.Subjects, ", "))
	}
	if cl.Negated {
		parts = append(parts, "not")
	}
	if cl.Phrase != "" {
		parts = append(parts, cl.Phrase)
	}
	if len(cl.Places) > 0 {
		parts = append(parts, strings.Join(cl.Places, ", "))
	}
	if cl.Time.Text != "" {
		parts = append(parts, cl.Time.Text)
	} else if !cl.Time.When.Start.IsZero() {
		parts = append(parts, cl.Time.When.String())
	}
	if cl.Count > 0 {
		parts = append(parts, fmt.Sprintf("×%d", cl.Count))
	}
	if cl.Duration > 0 {
		parts = append(parts, fmt.Sprintf("%d years", cl.Duration))
	}
	return strings.Join(parts, " ")
}

func writeTextSummary(w io.Writer, s summary) {
	fmt.Fprintf(w, "%d claims in %d files: %d supported, %d contradicted, %d unknown", s.Claims, s.Files, s.Supported, s.Contradicted, s.Unknown)
	if s.Errors > 0 {
		fmt.Fprintf(w, "; %d errors", s.Errors)
	}
	fmt.Fprintln(w)
}
