package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// githubFormatter writes GitHub Actions workflow commands: one annotation per
// finding (contradicted: error; unknown and supported: notice), one error per
// input that could not be checked, and a notice with the counts at the end.
//
// Every value is escaped as the runner expects (%, CR and LF in the message;
// also : and , in properties), and every other control character is
// percent-encoded byte by byte (ESC is %1B), so that no text from a document
// or a file name can end the line, start another workflow command or reach
// the log raw.
type githubFormatter struct {
	w io.Writer
}

func newGitHubFormatter(w io.Writer, _ outputOptions) formatter { return &githubFormatter{w: w} }

func (f *githubFormatter) begin(recordInfo) error { return nil }

func (f *githubFormatter) result(r *result) error { return f.render(f.w, r) }

func (f *githubFormatter) render(w io.Writer, r *result) error {
	file := githubProperty(filepath.ToSlash(r.Path))
	for _, cl := range r.Claims {
		level := "notice"
		if cl.Verdict == checker.Contradicted {
			level = "error"
		}
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, file, cl.Start.Line, cl.Start.Column, cl.End.Line, cl.End.Column,
			githubProperty("relcheck "+cl.Kind+" "+string(cl.Verdict)), githubData(findingMessage(cl)))
		if err != nil {
			return err
		}
	}
	if r.Note != "" {
		if _, err := fmt.Fprintf(w, "::notice file=%s::%s\n", file, githubData(r.Note)); err != nil {
			return err
		}
	}
	if r.Error != "" {
		_, err := fmt.Fprintf(w, "::error file=%s::%s\n", file, githubData(r.Error))
		return err
	}
	return nil
}

func (f *githubFormatter) end(s summary, _ []topClaim) error {
	msg := fmt.Sprintf("relcheck: %s in %s: %d supported, %d contradicted, %d unknown",
		plural(s.Claims, "claim"), plural(s.Files, "input"), s.Supported, s.Contradicted, s.Unknown)
	if s.Errors > 0 {
		msg += "; " + plural(s.Errors, "error")
	}
	_, err := fmt.Fprintf(f.w, "::notice::%s\n", githubData(msg))
	return err
}

// githubData escapes a workflow command's message.
func githubData(s string) string { return githubEscape(s, false) }

// githubProperty escapes a workflow command's property value.
func githubProperty(s string) string { return githubEscape(s, true) }

func githubEscape(s string, property bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case property && r == ':':
			b.WriteString("%3A")
		case property && r == ',':
			b.WriteString("%2C")
		case isControl(r):
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl reports the characters sanitize escapes: C0 and C1 controls,
// DEL, and the Unicode line and paragraph separators.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029'
}
