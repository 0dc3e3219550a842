package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// jsonlFormatter writes one JSON object per line for each claim (the fields
// of the JSON report's claims, plus the path) and one {"path","error"} object
// for each input that could not be checked. It writes nothing at the end.
type jsonlFormatter struct {
	out jsonLines
	o   outputOptions
}

func newJSONLFormatter(w io.Writer, o outputOptions) formatter {
	return &jsonlFormatter{out: jsonLines{w}, o: o}
}

// jsonlClaim is a claim of the JSON report with the path it was found in.
type jsonlClaim struct {
	Path string `json:"path"`
	claimReport
}

// jsonlError is an input that could not be checked.
type jsonlError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// jsonlNote is an input skipped on purpose, or with bytes replaced.
type jsonlNote struct {
	Path string `json:"path"`
	Note string `json:"note"`
}

func (f *jsonlFormatter) begin(recordInfo) error { return nil }

func (f *jsonlFormatter) result(r *result) error { return f.render(f.out.w, r) }

func (f *jsonlFormatter) render(w io.Writer, r *result) error {
	out := jsonLines{w}
	for _, cl := range r.Claims {
		if err := out.write(jsonlClaim{Path: r.Path, claimReport: claimOf(cl, f.o.mentions)}); err != nil {
			return err
		}
	}
	if r.Note != "" {
		if err := out.write(jsonlNote{Path: r.Path, Note: r.Note}); err != nil {
			return err
		}
	}
	if r.Error != "" {
		return out.write(jsonlError{Path: r.Path, Error: r.Error})
	}
	return nil
}

func (f *jsonlFormatter) end(summary, []topClaim) error { return nil }

// jsonlDocFormatter writes one JSON object per line for each input document
// (as --input jsonl reads them): its id, path, URL, error, claims and counts.
type jsonlDocFormatter struct {
	out    jsonLines
	o      outputOptions
	claims []claimReport // the current document's, until its last part
	counts docCounts
}

func newJSONLDocFormatter(w io.Writer, o outputOptions) formatter {
	return &jsonlDocFormatter{out: jsonLines{w}, o: o}
}

// docLine is one document checked, as written by --format jsonl with --input jsonl.
type docLine struct {
	ID      string        `json:"id,omitempty"`
	Path    string        `json:"path"`
	URL     string        `json:"url,omitempty"`
	Error   string        `json:"error,omitempty"`
	Note    string        `json:"note,omitempty"`
	Claims  []claimReport `json:"claims"`
	Summary docCounts     `json:"summary"`
}

// docCounts are one document's claims by verdict, whatever --show lists.
type docCounts struct {
	Claims       int `json:"claims"`
	Supported    int `json:"supported"`
	Contradicted int `json:"contradicted"`
	Unknown      int `json:"unknown"`
}

func (f *jsonlDocFormatter) begin(recordInfo) error { return nil }

func (f *jsonlDocFormatter) result(r *result) error {
	// one line per document: its parts are gathered until the last
	for _, cl := range r.Claims {
		f.claims = append(f.claims, claimOf(cl, f.o.mentions))
	}
	f.counts.Claims += r.Counts.Claims
	f.counts.Supported += r.Counts.Supported
	f.counts.Contradicted += r.Counts.Contradicted
	f.counts.Unknown += r.Counts.Unknown
	if r.More {
		return nil
	}
	d := docLine{ID: r.ID, Path: r.Path, URL: r.URL, Error: r.Error, Note: r.Note, Claims: f.claims, Summary: f.counts}
	if d.Claims == nil {
		d.Claims = []claimReport{}
	}
	f.claims, f.counts = nil, docCounts{}
	return f.out.write(d)
}

func (f *jsonlDocFormatter) end(summary, []topClaim) error { return nil }

// jsonLines writes one compact JSON value per line. Control characters and
// U+2028 and U+2029 come out escaped, so a line is always one value.
type jsonLines struct {
	w io.Writer
}

func (j jsonLines) write(v any) error {
	if buf, ok := j.w.(*bytes.Buffer); ok {
		// rendering into a buffer: encode in place, escape the new line if need be
		start := buf.Len()
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			buf.Truncate(start)
			return err
		}
		if line := buf.Bytes()[start:]; hasC1(line) {
			line = bytes.Clone(line)
			buf.Truncate(start)
			buf.Write(escapeC1(line))
		}
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := j.w.Write(escapeC1(b.Bytes()))
	return err
}

// escapeC1 escapes in encoded JSON what encoding/json leaves raw and a
// terminal may still obey: DEL and the C1 controls U+0080 to U+009F (CSI
// among them). They can only be inside strings, where a \u escape means the
// same character.
func escapeC1(b []byte) []byte {
	if !hasC1(b) {
		return b
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if isC1(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:n])
		}
		b = b[n:]
	}
	return out.Bytes()
}

// hasC1 is bytes.ContainsFunc(b, isC1) for valid UTF-8, as encoding/json
// writes it, without decoding every rune: DEL is the byte 0x7f, and U+0080
// to U+009F are 0xc2 followed by 0x80 to 0x9f.
func hasC1(b []byte) bool {
	if bytes.IndexByte(b, 0x7f) >= 0 {
		return true
	}
	for {
		i := bytes.IndexByte(b, 0xc2)
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if c := b[i+1]; c >= 0x80 && c <= 0x9f {
			return true
		}
		b = b[i+1:]
	}
}

func isC1(r rune) bool { return r == 0x7f || (r >= 0x80 && r < 0xa0) }
