package markup

import (
	"errors"
	"io"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// fuzzSeeds are inputs every fuzz target starts from.
func fuzzSeeds() []string {
	return []string{
		"",
		"The council met. Mr. Okafor spoke.\nThe U.S. delegation left.\n\n- item one\n- item two",
		"\ufeff# Title\r\n\r\nText &amp; more\rline\xff\x00 end.",
		"---\ndate: 2025-12-04\n---\n# H\n\n> quote\n\n```\ncode\n",
		"| a | b |\n|---|---|\n| c | d |\n\n<!-- relcheck-ignore -->\n[link](u) ![img](i) `code` **b** _i_",
		"<!doctype html><head><meta name=date content=2025-01-02></head><h1>T</h1><p>A &mdash; b.<br>C</p><ul><li>x<li>y</ul>",
		"<script>if (a<b) {}</script><!-- relcheck-disable-next-line --><p>Text</p><pre>x</pre><div><div><p>deep",
		"    indented\n\ttab\n* star\n1. one\n2) two\n+ plus\n•  bullet",
		"“Quoted.” He said. A. B. Name. U.S.S.R. fell. etc. and e.g. this… That...",
		"<p>&#8212;&#x2014;&copy&notit;&#;&#x;&#99999999999999999999;&amp</p>",
		"See [the annual\nreport](u) and [a\n[b\nc](d)\ne](f) [x [y\nz] w](v)",
	}
}

// fuzzRead reads input in format f and checks every invariant, then checks
// that reading it one byte at a time gives the same blocks.
func fuzzRead(t *testing.T, f Format, input string) {
	blocks, _, err := read(input, f)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	checkBlocks(t, input, blocks)
	if len(input) > 4096 {
		return
	}
	r := NewReader(iotest.OneByteReader(strings.NewReader(input)), f)
	var slow []*Block
	for {
		b, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read one byte at a time: %v", err)
		}
		slow = append(slow, b)
	}
	if diff := cmp.Diff(golden(blocks), golden(slow)); diff != "" {
		t.Fatalf("reading one byte at a time differs (-whole +bytewise):\n%s\ninput: %q", diff, input)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) { fuzzRead(t, Text, input) })
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) { fuzzRead(t, Markdown, input) })
}

func FuzzHTML(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		fuzzRead(t, HTML, input)
		// Again with tokens cut at 32 bytes, to exercise the pause path.
		blocks, err := readHTMLLimit(input, 32)
		if err != nil {
			t.Fatalf("read with a small token limit: %v", err)
		}
		checkBlocks(t, input, blocks)
		// Again with all text read by the tokenizer, which the parser
		// otherwise reads itself between tags.
		whole, _, err := read(input, HTML)
		if err != nil {
			t.Fatal(err)
		}
		rd := NewReader(strings.NewReader(input), HTML)
		rd.p.(*htmlParser).tokenizeText = true
		var ref []*Block
		for {
			b, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("read with the tokenizer's text: %v", err)
			}
			ref = append(ref, b)
		}
		sameBlocks(t, input, whole, ref)
	})
}

// sameBlocks checks that got and want have the same texts, kinds,
// segments, and positions at every offset.
func sameBlocks(t *testing.T, input string, got, want []*Block) {
	t.Helper()
	if diff := cmp.Diff(simplify(want), simplify(got)); diff != "" {
		t.Fatalf("blocks differ (-want +got):\n%s\ninput: %q", diff, input)
	}
	for k, b := range got {
		w := want[k]
		if !slices.Equal(b.Segments, w.Segments) {
			t.Fatalf("block %d: segments %v, want %v; input %q", k, b.Segments, w.Segments, input)
		}
		for i := 0; i <= len(b.Text); i++ {
			if b.Position(i) != w.Position(i) || b.EndPosition(i) != w.EndPosition(i) {
				t.Fatalf("block %d (%q), offset %d: positions %v %v, want %v %v; input %q", k, b.Text, i,
					b.Position(i), b.EndPosition(i), w.Position(i), w.EndPosition(i), input)
			}
		}
	}
}

// readHTMLLimit reads HTML with tokens cut at limit bytes.
func readHTMLLimit(input string, limit int) ([]*Block, error) {
	rd := NewReader(strings.NewReader(input), HTML)
	rd.p.(*htmlParser).src.limit = limit
	var blocks []*Block
	for {
		b, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return blocks, nil
		}
		if err != nil {
			return blocks, err
		}
		blocks = append(blocks, b)
	}
}

// chunkReader returns its input in pieces of pseudo-random sizes.
type chunkReader struct {
	s   string
	rng *rand.Rand
	max int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(c.s), 1+c.rng.Intn(c.max))
	copy(p, c.s[:n])
	c.s = c.s[n:]
	return n, nil
}

// TestChunkedReads checks that the blocks do not depend on how the input
// arrives: large inputs (past every internal buffer) read in pieces of
// random sizes give the same blocks as when read whole.
func TestChunkedReads(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	toks := []string{"<p>", "</p>", "<!-- c -->", "<!-- relcheck-x -->", "&amp;", "\n", "\r\n", "\r", "\n\n", " ", "|", "|---|\n",
		"`", "[a\n", "](u)", "# ", "- ", "> ", "```\n", "word", "Mr.", ". ", "U.S. ", "é", "\xff", "<div>", "<li>", "<script>x</script>"}
	for _, f := range []Format{Text, Markdown, HTML} {
		for i := range 6 {
			var sb strings.Builder
			for sb.Len() < 150_000+i*40_000 {
				tok := toks[rng.Intn(len(toks))]
				if i%2 == 1 && strings.ContainsAny(tok, "\r\n") {
					continue // long lines, cut into chunks
				}
				sb.WriteString(tok)
			}
			in := sb.String()
			whole := golden(readAll(t, in, f))
			for _, max := range []int{1 << 3, 1 << 10, 1 << 16} {
				r := NewReader(&chunkReader{s: in, rng: rng, max: max}, f)
				var blocks []*Block
				for {
					b, err := r.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
					blocks = append(blocks, b)
				}
				if got := golden(blocks); got != whole {
					t.Fatalf("%v input %d, pieces up to %d bytes: blocks differ from a whole read:\n%s", f, i, max, cmp.Diff(whole, got))
				}
			}
		}
	}
}
