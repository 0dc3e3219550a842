package markup

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads every block of input.
func readAll(t testing.TB, input string, f Format) []*Block {
	t.Helper()
	blocks, _, err := read(input, f)
	if err != nil {
		t.Fatalf("read %s: %v", f, err)
	}
	return blocks
}

// read reads every block of input and the date.
func read(input string, f Format) ([]*Block, string, error) {
	r := NewReader(strings.NewReader(input), f)
	var blocks []*Block
	for {
		b, err := r.Next()
		if errors.Is(err, io.EOF) {
			return blocks, r.Date(), nil
		}
		if err != nil {
			return blocks, r.Date(), err
		}
		blocks = append(blocks, b)
	}
}

// block is a block as the table tests spell it.
type block struct {
	Kind Kind
	Text string
	Segs []string // nil: one segment, the whole text
}

// simplify turns blocks into their table form.
func simplify(blocks []*Block) []block {
	var out []block
	for _, b := range blocks {
		sb := block{Kind: b.Kind, Text: b.Text}
		if len(b.Segments) != 1 || b.Segments[0] != (Segment{0, len(b.Text)}) {
			sb.Segs = []string{}
			for _, s := range b.Segments {
				sb.Segs = append(sb.Segs, b.Text[s.Start:s.End])
			}
		}
		out = append(out, sb)
	}
	return out
}

// golden formats blocks one segment per line: "line:col kind: text".
func golden(blocks []*Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		for _, s := range b.Segments {
			p := b.Position(s.Start)
			fmt.Fprintf(&sb, "%d:%d %s: %s\n", p.Line, p.Column, b.Kind, b.Text[s.Start:s.End])
		}
	}
	return sb.String()
}

// naivePositions recomputes the position of every offset of input (and of
// len(input)) the slow, obvious way: one code point at a time from the
// start. Offsets inside a code point get the position of its first byte.
func naivePositions(input []byte) []Position {
	out := make([]Position, len(input)+1)
	p := Position{Line: 1, Column: 1}
	i := 0
	if bytes.HasPrefix(input, []byte(bom)) {
		for ; i < len(bom); i++ {
			out[i] = Position{Offset: i, Line: 1, Column: 1}
		}
	}
	for i < len(input) {
		r, n := utf8.DecodeRune(input[i:])
		for k := 0; k < n; k++ {
			out[i+k] = Position{Offset: i + k, Line: p.Line, Column: p.Column}
		}
		switch {
		case r == '\n':
			p.Line++
			p.Column = 1
		case r == '\r' && i+1 < len(input) && input[i+1] == '\n':
			p.Column++
		case r == '\r':
			p.Line++
			p.Column = 1
		default:
			p.Column++
		}
		i += n
	}
	out[len(input)] = Position{Offset: len(input), Line: p.Line, Column: p.Column}
	return out
}

// checkBlocks checks the invariants of blocks read from input: text within
// the cap and valid UTF-8, segments inside the text, trimmed and in order,
// and every position — of every text byte, and of each segment's start and
// end — inside the input, in order, and equal to the naive recomputation;
// where the text is a copy of the input, the input there holds the same
// bytes.
func checkBlocks(t testing.TB, input string, blocks []*Block) {
	t.Helper()
	in := []byte(input)
	naive := naivePositions(in)
	lastOff := 0
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format+"\ninput: %.300q", append(args, input)...)
	}
	for bi, b := range blocks {
		if len(b.Text) == 0 || len(b.Text) > MaxText {
			fail("block %d: text length %d", bi, len(b.Text))
		}
		if !utf8.ValidString(b.Text) {
			fail("block %d: invalid UTF-8 %q", bi, b.Text)
		}
		if len(b.runs) == 0 || b.runs[0].text != 0 {
			fail("block %d: bad runs %+v", bi, b.runs)
		}
		prevEnd := 0
		for _, s := range b.Segments {
			if s.Start < prevEnd || s.End <= s.Start || s.End > len(b.Text) {
				fail("block %d: segment %+v out of place in %q", bi, s, b.Text)
			}
			seg := b.Text[s.Start:s.End]
			if strings.TrimSpace(seg) != seg {
				fail("block %d: segment %q not trimmed", bi, seg)
			}
			prevEnd = s.End
		}
		for t0 := 0; t0 <= len(b.Text); t0++ {
			if t0 < len(b.Text) && !utf8.RuneStart(b.Text[t0]) {
				continue
			}
			p := b.Position(t0)
			if p.Offset < lastOff || p.Offset > len(in) {
				fail("block %d %q: Position(%d) = %+v, before %d or outside the input", bi, b.Text, t0, p, lastOff)
			}
			if want := naive[p.Offset]; want != p {
				fail("block %d %q: Position(%d) = %+v, naive %+v", bi, b.Text, t0, p, want)
			}
			e := b.EndPosition(t0)
			if e.Offset < 0 || e.Offset > len(in) || naive[e.Offset] != e {
				want := Position{}
				if e.Offset >= 0 && e.Offset <= len(in) {
					want = naive[e.Offset]
				}
				fail("block %d %q: EndPosition(%d) = %+v, naive %+v", bi, b.Text, t0, e, want)
			}
			if t0 < len(b.Text) {
				lastOff = p.Offset
				i := b.runAt(t0)
				if b.runs[i].verb {
					r, n := utf8.DecodeRuneInString(b.Text[t0:])
					if !bytes.HasPrefix(in[p.Offset:], []byte(b.Text[t0:t0+n])) {
						fail("block %d: text %q at %d maps to %+v, input has %.10q", bi, r, t0, p, in[p.Offset:])
					}
				}
			}
		}
	}
}

// checkSegmentStarts checks that the input at each segment's start holds
// the segment's first character, unless that character was decoded.
func checkSegmentStarts(t testing.TB, input string, blocks []*Block) {
	t.Helper()
	for _, b := range blocks {
		for _, s := range b.Segments {
			p := b.Position(s.Start)
			r, n := utf8.DecodeRuneInString(b.Text[s.Start:])
			if b.runs[b.runAt(s.Start)].verb && !strings.HasPrefix(input[p.Offset:], b.Text[s.Start:s.Start+n]) {
				t.Errorf("segment %q starts at %+v, input has %.10q, want %q", b.Text[s.Start:s.End], p, input[p.Offset:], r)
			}
		}
	}
}
