package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// lineFormatter writes one line per finding, path:line:col: verdict kind:
// message, for grep, editors and compilers' error parsers. It prints no
// summary: every line is a finding or an input error.
type lineFormatter struct {
	w io.Writer
}

func newLineFormatter(w io.Writer, _ outputOptions) formatter { return &lineFormatter{w: w} }

func (f *lineFormatter) begin(recordInfo) error { return nil }

func (f *lineFormatter) result(r *result) error { return f.render(f.w, r) }

func (f *lineFormatter) render(w io.Writer, r *result) error {
	path := lineClean(r.Path)
	for _, cl := range r.Claims {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", path, cl.Start.Line, cl.Start.Column,
			cl.Verdict, lineClean(cl.Kind), lineClean(findingMessage(cl))); err != nil {
			return err
		}
	}
	if r.Note != "" {
		if _, err := fmt.Fprintf(w, "%s: note: %s\n", path, lineClean(r.Note)); err != nil {
			return err
		}
	}
	if r.Error != "" {
		_, err := fmt.Fprintf(w, "%s: error: %s\n", path, lineClean(r.Error))
		return err
	}
	return nil
}

func (f *lineFormatter) end(summary, []topClaim) error { return nil }

// lineClean is sanitize for text that may not be valid UTF-8: an invalid
// byte (a lone 0x9b is CSI to some terminals) becomes U+FFFD.
func lineClean(s string) string { return sanitize(strings.ToValidUTF8(s, "\ufffd")) }

// findingMessage is a claim's finding in one line of plain text: what the
// claim asserts, the explanation, and the correction if there is one. It is
// not sanitized: each format escapes it in its own way.
func findingMessage(cl *checker.Claim) string {
	msg := claimLine(cl)
	if cl.Explanation != "" {
		msg += " — " + cl.Explanation
	}
	if cl.Correction != "" {
		msg += " (correction: " + cl.Correction + ")"
	}
	return msg
}
