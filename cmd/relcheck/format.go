package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/relcheck/relcheck/checker"
)

// result is one input checked: its claims (in text order) or its error.
type result struct {
	Path   string // as given, or the --stdin-filename, or a JSONL document id
	ID     string // --input jsonl: the document id
	URL    string // --input jsonl: the document URL, if any
	Error  string
	Note   string           // skipped on purpose (a binary file), or what was replaced in the output
	Claims []*checker.Claim // only the verdicts --show lists
	Counts summary          // all verdicts, whatever --show lists

	// More: this is a part of the document's findings and more parts follow.
	// A long document streams its claims in parts; only the last part (More
	// false) carries the error, the note and the last counts.
	More bool

	// rendered: the result as its renderer writes it (the claims are then
	// dropped); nil when the formatter writes it
	rendered *bytes.Buffer
	// pipelined: the document is read ahead in a goroutine of its own (a
	// long one), so its parts are rendered by the output, not its worker
	pipelined bool

	// For the run's totals and baseline, without holding every claim:
	contradicted map[string]int  // claimLine of each contradicted claim, counted, for a topLister
	failing      int             // claims at or above --fail-on
	failKeys     map[string]bool // their baseline keys, when a baseline is read or written
}

// topClaim is a contradicted claim that recurs across a run.
type topClaim struct {
	Claim string `json:"claim"`
	Count int    `json:"count"`
}

// formatter writes results as they come, in input order. Formats that must
// see everything before writing (json) buffer; the others stream.
type formatter interface {
	begin(rec recordInfo) error
	result(r *result) error
	end(sum summary, top []topClaim) error
}

// A topLister is a formatter whose summary lists the run's most frequent
// contradicted claims (text and json). Only for one does the run count the
// contradicted claims by what they assert: the count holds every distinct
// claim, memory the streaming formats need not spend.
type topLister interface {
	listsTop()
}

// A renderer is a formatter whose output for one result depends on that
// result alone. The workers render each result as it is made, in parallel,
// and the output only copies the bytes in order.
type renderer interface {
	render(w io.Writer, r *result) error
}

// formats lists the output formats and whether each buffers the run.
var formats = map[string]func(w io.Writer, o outputOptions) formatter{
	"text":        newTextFormatter,
	"line":        newLineFormatter,
	"json":        newJSONFormatter,
	"jsonl":       newJSONLFormatter,
	"sarif":       newSARIFFormatter,
	"github":      newGitHubFormatter,
	"claimreview": newClaimReviewFormatter,
}

// outputOptions are what formatters need beyond the results.
type outputOptions struct {
	color        bool
	publisherURL string // claimreview: the page that publishes the reviews
	mentions     bool
	version      string
}

func formatNames() string {
	var names []string
	for _, n := range []string{"text", "line", "json", "jsonl", "sarif", "github", "claimreview"} {
		if _, ok := formats[n]; ok {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// jsonFormatter writes the versioned JSON report. It holds the whole report
// (reduced to its JSON form) until the end.
type jsonFormatter struct {
	w    io.Writer
	o    outputOptions
	rep  report
	open bool // the last file report takes more parts
}

func newJSONFormatter(w io.Writer, o outputOptions) formatter { return &jsonFormatter{w: w, o: o} }

func (f *jsonFormatter) begin(rec recordInfo) error {
	f.rep = report{Version: 1, Record: rec, Files: []fileReport{}}
	return nil
}

func (f *jsonFormatter) result(r *result) error {
	if !f.open {
		f.rep.Files = append(f.rep.Files, fileReport{Path: r.Path, Claims: []claimReport{}})
		f.open = true
	}
	fr := &f.rep.Files[len(f.rep.Files)-1]
	for _, cl := range r.Claims {
		fr.Claims = append(fr.Claims, claimOf(cl, f.o.mentions))
	}
	if !r.More {
		fr.Error, fr.Note = r.Error, r.Note
		f.open = false
	}
	return nil
}

func (f *jsonFormatter) listsTop() {}

func (f *jsonFormatter) end(sum summary, top []topClaim) error {
	f.rep.Summary = sum
	f.rep.Summary.Top = top
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f.rep); err != nil {
		return err
	}
	_, err := f.w.Write(escapeC1(buf.Bytes()))
	return err
}

// textFormatter writes findings for a person at a terminal, grouped by file.
type textFormatter struct {
	w    io.Writer
	o    outputOptions
	open bool // the current document's heading is written
}

func newTextFormatter(w io.Writer, o outputOptions) formatter { return &textFormatter{w: w, o: o} }

func (f *textFormatter) begin(recordInfo) error { return nil }

func (f *textFormatter) result(r *result) error {
	w := f.w
	if len(r.Claims) > 0 && !f.open {
		fmt.Fprintf(w, "%s\n", f.paint(bold, sanitize(r.Path)))
		f.open = true
	}
	for _, cl := range r.Claims {
		fmt.Fprintf(w, "  %d:%d  %s  %s: %s\n", cl.Start.Line, cl.Start.Column, f.verdict(cl.Verdict), cl.Kind, sanitize(claimLine(cl)))
		fmt.Fprintf(w, "        %s\n", f.underlined(cl))
		if cl.Explanation != "" {
			fmt.Fprintf(w, "        %s\n", sanitize(cl.Explanation))
		}
		if cl.Correction != "" {
			fmt.Fprintf(w, "        %s %s\n", f.paint(bold, "correction:"), sanitize(cl.Correction))
		}
		for _, n := range cl.Notes {
			fmt.Fprintf(w, "        note: %s\n", sanitize(n))
		}
		if len(cl.Evidence) > 0 && len(cl.Evidence[0].Sources) > 0 {
			fmt.Fprintf(w, "        source: %s\n", sanitize(cl.Evidence[0].Sources[0]))
		}
	}
	if r.More {
		return nil
	}
	// the document's last part: its note and error, under its findings
	var err error
	switch {
	case f.open:
		if r.Note != "" {
			fmt.Fprintf(w, "  note: %s\n", sanitize(r.Note))
		}
		if r.Error != "" {
			fmt.Fprintf(w, "  error: %s\n", sanitize(r.Error))
		}
		_, err = fmt.Fprintln(w)
	case r.Error != "":
		_, err = fmt.Fprintf(w, "%s: error: %s\n\n", sanitize(r.Path), sanitize(r.Error))
	case r.Note != "":
		_, err = fmt.Fprintf(w, "%s: note: %s\n\n", sanitize(r.Path), sanitize(r.Note))
	}
	f.open = false
	return err
}

func (f *textFormatter) listsTop() {}

func (f *textFormatter) end(s summary, top []topClaim) error {
	w := f.w
	if len(top) > 0 {
		fmt.Fprintln(w, "most frequent contradicted claims:")
		for _, t := range top {
			fmt.Fprintf(w, "  %4d× %s\n", t.Count, sanitize(t.Claim))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s in %s: %s supported, %s contradicted, %s unknown", plural(s.Claims, "claim"), plural(s.Files, "input"),
		f.paint(green, fmt.Sprint(s.Supported)), f.paint(red, fmt.Sprint(s.Contradicted)), f.paint(yellow, fmt.Sprint(s.Unknown)))
	if s.Errors > 0 {
		fmt.Fprintf(w, "; %s", plural(s.Errors, "error"))
	}
	_, err := fmt.Fprintln(w)
	return err
}

// plural writes "1 claim", "2 claims".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ANSI styles, used only when writing to a terminal without NO_COLOR.
const (
	bold      = "\x1b[1m"
	red       = "\x1b[31m"
	green     = "\x1b[32m"
	yellow    = "\x1b[33m"
	underline = "\x1b[4m"
	reset     = "\x1b[0m"
)

func (f *textFormatter) paint(style, s string) string {
	if !f.o.color {
		return s
	}
	return style + s + reset
}

func (f *textFormatter) verdict(v checker.Verdict) string {
	s := fmt.Sprintf("%-12s", v)
	switch v {
	case checker.Supported:
		return f.paint(green, s)
	case checker.Contradicted:
		return f.paint(red, s)
	}
	return f.paint(yellow, s)
}

// underlined shows the sentence with the words that made the claim
// underlined (on a terminal) or marked with brackets.
func (f *textFormatter) underlined(cl *checker.Claim) string {
	text := cl.Text
	if cl.Phrase != "" {
		if i := strings.Index(text, cl.Phrase); i >= 0 {
			a, b := sanitize(text[:i]), sanitize(text[i+len(cl.Phrase):])
			p := sanitize(cl.Phrase)
			if f.o.color {
				return a + underline + p + reset + b
			}
			return a + "[" + p + "]" + b
		}
	}
	return sanitize(text)
}

// alreadyClean reports, in one pass, whether s is valid UTF-8 without a
// character sanitize would escape: then s is its own sanitized form. It takes
// bytes too, so that a line can be checked where it is built.
func alreadyClean[T string | []byte](s T) bool {
	i := 0
	for {
		// Findings are mostly printable ASCII: pass over it 32 bytes at a
		// time, then find the first other byte a word at a time.
		for ; i+32 <= len(s); i += 32 {
			w := s[i : i+32]
			if (oddBits(load64(w[0:]))|oddBits(load64(w[8:]))|oddBits(load64(w[16:]))|oddBits(load64(w[24:])))&highBits != 0 {
				break
			}
		}
		for ; i+8 <= len(s); i += 8 {
			if m := oddBits(load64(s[i:])) & highBits; m != 0 {
				i += bits.TrailingZeros64(m) / 8 // the lowest flagged byte: the first not printable
				break
			}
		}
		if i == len(s) {
			return true
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		case c >= 0xc3 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			// two bytes: a valid rune from U+00C0 (accented letters,
			// Cyrillic...), never escaped
			i += 2
			continue
		case c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// three bytes: a valid rune from U+1000 that is no surrogate
			// (dashes, quotes...); only U+2028 and U+2029 are escaped
			if c == 0xe2 && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false
			}
			i += 3
			continue
		}
		r, n := firstRune(s[i:]) // any other rune, or invalid UTF-8
		if r == utf8.RuneError && n == 1 || r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
}

// alreadyCleanBytes is alreadyClean of bytes, named for the callers that
// pass them.
func alreadyCleanBytes(b []byte) bool { return alreadyClean(b) }

// highBits is the top bit of every byte of a word.
const highBits = 0x8080808080808080

// oddBits sets, among the highBits, at least the bit of the lowest byte of w
// that is not printable ASCII, and none if every byte is. Per byte, with no
// byte at or above 0x80 (the w term catches those): w-0x20 sets the top bit
// exactly for a byte below 0x20 (the lowest such byte shows even when it
// borrows from the next), and w+1 sets it exactly for 0x7f (DEL). The bits
// of several words can be or-ed before one test.
func oddBits(w uint64) uint64 {
	const lo, one = 0x2020202020202020, 0x0101010101010101
	return (w - lo) | w | (w + one)
}

// load64 reads the first eight bytes of s, little-endian; the compiler makes
// it one load.
func load64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// firstRune is utf8.DecodeRune of a string or bytes, without converting
// either into the other.
func firstRune[T string | []byte](s T) (rune, int) {
	var buf [utf8.UTFMax]byte
	return utf8.DecodeRune(buf[:copy(buf[:], s)])
}

// sanitize makes text safe for a terminal or a CI log: control characters
// (ANSI escapes, carriage returns, NUL) are shown escaped, never raw.
func sanitize(s string) string {
	if alreadyClean(s) {
		return s // nearly every finding: nothing to change
	}
	return sanitizeSlow(s)
}

func sanitizeSlow(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd") // a stray 0x9b is CSI to some terminals
	}
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// claimLine says in a few words what the claim asserts.
func claimLine(cl *checker.Claim) string {
	var buf [128]byte // on the stack: the string is the only allocation
	return string(appendClaimLine(buf[:0], cl))
}

// appendClaimLine appends claimLine(cl) to b: its parts, each present one
// after a space, without building a list of parts and joining it.
func appendClaimLine(b []byte, cl *checker.Claim) []byte {
	// A part may be empty (a subject with no id): it still takes its space,
	// as it did when the parts were joined, so first counts parts, not bytes.
	first := true
	part := func(b []byte) []byte {
		if first {
			first = false
			return b
		}
		return append(b, ' ')
	}
	if len(cl.Subjects) > 0 {
		b = part(b)
		b = appendJoined(b, cl.Subjects)
	}
	if cl.Negated {
		b = part(b)
		b = append(b, "not"...)
	}
	if cl.Phrase != "" {
		b = part(b)
		b = append(b, cl.Phrase...)
	}
	if len(cl.Places) > 0 {
		b = part(b)
		b = appendJoined(b, cl.Places)
	}
	if cl.Time.Text != "" {
		b = part(b)
		b = append(b, cl.Time.Text...)
	} else if !cl.Time.When.Start.IsZero() {
		b = part(b)
		b = append(b, cl.Time.When.String()...)
	}
	if cl.Count > 0 {
		b = part(b)
		b = append(b, "×"...)
		b = strconv.AppendInt(b, int64(cl.Count), 10)
	}
	if cl.Duration > 0 {
		b = part(b)
		b = strconv.AppendInt(b, int64(cl.Duration), 10)
		b = append(b, " years"...)
	}
	return b
}

// appendJoined appends strings.Join(list, ", ") to b.
func appendJoined(b []byte, list []string) []byte {
	for i, s := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, s...)
	}
	return b
}

// writeElement writes the next element of a JSON array streamed by hand: a
// comma before every element but the first, each on its own indented line.
func writeElement(w io.Writer, n *int, indent string, b []byte) error {
	sep := ","
	if *n == 0 {
		sep = ""
	}
	*n++
	_, err := fmt.Fprintf(w, "%s\n%s%s", sep, indent, b)
	return err
}
