package main

import (
	"bytes"
	"io"
	"strconv"
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
	var b []byte
	if bb, ok := w.(*bytes.Buffer); ok {
		b = bb.AvailableBuffer() // append in place
	}
	var kind, cleanKind string // the last claim's kind, cleaned: runs of claims share one
	for _, cl := range r.Claims {
		if cl.Kind != kind {
			kind, cleanKind = cl.Kind, lineClean(cl.Kind)
		}
		b = append(b, path...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(cl.Start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(cl.Start.Column), 10)
		b = append(b, ": "...)
		b = append(b, cl.Verdict...)
		b = append(b, ' ')
		b = append(b, cleanKind...)
		b = append(b, ": "...)
		b = appendLineClean(b, appendFinding, cl)
		b = append(b, '\n')
	}
	if r.Note != "" {
		b = append(b, path+": note: "+lineClean(r.Note)+"\n"...)
	}
	if r.Error != "" {
		b = append(b, path+": error: "+lineClean(r.Error)+"\n"...)
	}
	_, err := w.Write(b)
	return err
}

func (f *lineFormatter) end(summary, []topClaim) error { return nil }

// lineClean is sanitize for text that may not be valid UTF-8: an invalid
// byte (a lone 0x9b is CSI to some terminals) becomes U+FFFD.
func lineClean(s string) string {
	if alreadyClean(s) {
		return s
	}
	return sanitize(strings.ToValidUTF8(s, "\ufffd"))
}

// appendLineClean appends what add writes for cl, as lineClean would give
// it. The text is built in place and checked there: a finding that needs no
// escaping, nearly every one, costs no string of its own.
func appendLineClean(b []byte, add func([]byte, *checker.Claim) []byte, cl *checker.Claim) []byte {
	start := len(b)
	b = add(b, cl)
	if alreadyCleanBytes(b[start:]) {
		return b
	}
	return append(b[:start], lineClean(string(b[start:]))...)
}

// findingMessage is a claim's finding in one line of plain text: what the
// claim asserts, the explanation, and the correction if there is one. It is
// not sanitized: each format escapes it in its own way.
func findingMessage(cl *checker.Claim) string {
	var buf [256]byte // on the stack: the string is the only allocation
	return string(appendFinding(buf[:0], cl))
}

// appendFinding appends findingMessage(cl) to b.
func appendFinding(b []byte, cl *checker.Claim) []byte {
	b = appendClaimLine(b, cl)
	if cl.Explanation != "" {
		b = append(b, " — "...)
		b = append(b, cl.Explanation...)
	}
	if cl.Correction != "" {
		b = append(b, " (correction: "...)
		b = append(b, cl.Correction...)
		b = append(b, ')')
	}
	return b
}
