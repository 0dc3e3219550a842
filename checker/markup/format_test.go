package markup

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

func TestFormatFor(t *testing.T) {
	tests := []struct {
		name string
		want Format
		ok   bool
	}{
		{"a.txt", Text, true},
		{"dir/b.TEXT", Text, true},
		{"c.md", Markdown, true},
		{"c.markdown", Markdown, true},
		{"C.MDX", Markdown, true},
		{"d.html", HTML, true},
		{"d.htm", HTML, true},
		{`win\path\d.xhtml`, HTML, true},
		{"e.pdf", Text, false},
		{"noext", Text, false},
		{"dir.md/file", Text, false},
	}
	for _, tc := range tests {
		got, ok := FormatFor(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("FormatFor(%q) = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{Text, Markdown, HTML} {
		got, err := ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	for in, want := range map[string]Format{"MD": Markdown, " html ": HTML, "txt": Text} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) succeeded")
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name   string
		head   string
		want   Format
		reason string
	}{
		{"doctype", "\ufeff  <!DOCTYPE html><html>", HTML, "a doctype after BOM and space"},
		{"html", "<html lang=en>", HTML, "an html tag"},
		{"p", "\n<p>Text</p>", HTML, "a p tag"},
		{"article", "<ARTICLE>", HTML, "tags in any case"},
		{"pre is not p", "<pre>x</pre>", Text, "only whole tag names count"},
		{"front matter", "---\ntitle: x\n---\n", Markdown, "front matter"},
		{"toml", "+++\ndate = 2024\n+++\n", Markdown, "TOML front matter"},
		{"heading", "Intro\n\n## Section\n", Markdown, "an ATX heading at a line start"},
		{"fence", "Text\n```\ncode\n```", Markdown, "a code fence"},
		{"list", "Items:\n- one\n", Markdown, "a list marker at a line start"},
		{"hashtag", "#hashtag is not a heading", Text, "# needs a space after it"},
		{"plain", "The council met on Tuesday. It voted.", Text, "plain text"},
	}
	for _, tc := range tests {
		if got := Sniff([]byte(tc.head)); got != tc.want {
			t.Errorf("%s: Sniff(%q) = %v, want %v (%s)", tc.name, tc.head, got, tc.want, tc.reason)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"2025-12-04":                  "2025-12-04",
		` "2025-12-04T10:00:00Z" `:    "2025-12-04",
		"'2025-12-04 10:00:00 +0000'": "2025-12-04",
		"2024-11-06T23:15:00+01:00":   "2024-11-06",
		"2025-12":                     "2025-12",
		"2025":                        "2025",
		"2025/03/01":                  "2025-03-01",
		"2025-02-30":                  "",
		"2025-13":                     "",
		"20251204":                    "",
		"December 4, 2025":            "",
		"":                            "",
		"2025-12-04x":                 "",
	}
	for in, want := range tests {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKindString(t *testing.T) {
	got := []string{Paragraph.String(), Heading.String(), ListItem.String(), Quote.String(), TableCell.String(), Directive.String(), Kind(99).String()}
	want := []string{"paragraph", "heading", "list-item", "quote", "table-cell", "directive", "Kind(99)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kind.String (-want +got):\n%s", diff)
	}
}

// TestPositionEnd pins the difference between Position and EndPosition at
// the end of a segment that markup follows.
func TestPositionEnd(t *testing.T) {
	in := "**Bold.** Next &amp; more"
	blocks := readAll(t, in, Markdown)
	if len(blocks) != 1 || blocks[0].Text != "Bold. Next & more" {
		t.Fatalf("blocks = %v", simplify(blocks))
	}
	b := blocks[0]
	seg := b.Segments[0]
	if got := b.Text[seg.Start:seg.End]; got != "Bold." {
		t.Fatalf("first segment %q", got)
	}
	start, end := b.Span(seg)
	if start != (Position{Offset: 2, Line: 1, Column: 3}) {
		t.Errorf("start = %+v, want offset 2 (after **)", start)
	}
	if end != (Position{Offset: 7, Line: 1, Column: 8}) {
		t.Errorf("EndPosition = %+v, want offset 7 (just after the period)", end)
	}
	if got := b.Position(seg.End); got.Offset != 9 {
		t.Errorf("Position(End) = %+v, want offset 9 (the space after the closing **)", got)
	}
	amp := strings.Index(b.Text, "&")
	if got := b.Position(amp); got.Offset != strings.Index(in, "&amp;") {
		t.Errorf("Position of a decoded entity = %+v, want the entity's start", got)
	}
	if got := b.EndPosition(amp + 1); got.Offset != strings.Index(in, "&amp;")+5 {
		t.Errorf("EndPosition after a decoded entity = %+v, want just after it", got)
	}
	if got := b.Position(len(b.Text)); got.Offset != len(in) {
		t.Errorf("Position(len(Text)) = %+v, want the end of the input", got)
	}
	if got := b.Position(-5); got != start {
		t.Errorf("Position(-5) = %+v, want %+v", got, start)
	}
}

// TestReadError checks that blocks read before an error come first and the
// error is returned, wrapped, after them.
func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	for _, f := range []Format{Text, Markdown, HTML} {
		in := "<p>First block.</p>\n\nSecond\n"
		r := NewReader(io.MultiReader(strings.NewReader(in), iotest.ErrReader(boom)), f)
		var texts []string
		var err error
		for {
			var b *Block
			if b, err = r.Next(); err != nil {
				break
			}
			texts = append(texts, b.Text)
		}
		if !errors.Is(err, boom) {
			t.Errorf("%v: error %v, want %v", f, err, boom)
		}
		if len(texts) == 0 {
			t.Errorf("%v: no blocks before the error", f)
		}
		if _, err2 := r.Next(); !errors.Is(err2, boom) {
			t.Errorf("%v: second Next after error = %v", f, err2)
		}
	}
}

// TestBlocksKept checks that a Block stays valid after later calls to Next.
func TestBlocksKept(t *testing.T) {
	in := strings.Repeat("A sentence here. ", 10) + "\n\n" + strings.Repeat("Another one. ", 10)
	r := NewReader(strings.NewReader(in), Text)
	first, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	text, segs := strings.Clone(first.Text), append([]Segment(nil), first.Segments...)
	pos := first.Position(5)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if first.Text != text || !cmp.Equal(first.Segments, segs) || first.Position(5) != pos {
		t.Error("a block changed after the next call to Next")
	}
}

// TestBlocksKeptAcrossReaders: the blocks of documents read one after
// another, whose Readers hand their slabs and text chunks on to the next,
// stay as they were handed out, texts, segments and positions, however many
// blocks are read after them. Texts are compared with copies made when each
// block was read: a text shares its chunk's memory.
func TestBlocksKeptAcrossReaders(t *testing.T) {
	type kept struct {
		b    *Block
		text string
		segs []Segment
		pos  Position
	}
	var all []kept
	for doc := range 60 {
		in := ""
		for k := range 12 + doc%7 {
			in += fmt.Sprintf("Paragraph %d of document %d says little. It says it twice, with *emphasis*. ", k, doc)
			in += strings.Repeat("More words follow it. ", k%5) + "\n\n"
		}
		f := []Format{Text, Markdown, HTML}[doc%3]
		if f == HTML {
			in = "<p>" + strings.ReplaceAll(in, "\n\n", "</p><p>") + "</p>"
		}
		r := NewReader(strings.NewReader(in), f)
		for {
			b, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, kept{b, strings.Clone(b.Text), slices.Clone(b.Segments), b.Position(len(b.Text) / 2)})
		}
	}
	if len(all) < 500 {
		t.Fatalf("only %d blocks: the test hardly fills a chunk", len(all))
	}
	for i, k := range all {
		if k.b.Text != k.text || !cmp.Equal(k.b.Segments, k.segs) || k.b.Position(len(k.b.Text)/2) != k.pos {
			t.Fatalf("block %d changed after it was handed out: %q, was %q", i, k.b.Text, k.text)
		}
	}
}

// TestLongParagraph checks the cut of paragraphs longer than MaxText: at a
// sentence boundary, every block within the cap, nothing lost.
func TestLongParagraph(t *testing.T) {
	sentence := "The council met again on Tuesday. "
	in := strings.Repeat(sentence, 3*MaxText/len(sentence))
	for _, f := range []Format{Text, Markdown, HTML} {
		blocks := readAll(t, in, f)
		checkBlocks(t, in, blocks)
		if len(blocks) < 3 {
			t.Errorf("%v: %d blocks, want at least 3", f, len(blocks))
		}
		var all []string
		for _, b := range blocks {
			if !strings.HasSuffix(b.Text, "Tuesday.") {
				t.Errorf("%v: block not cut at a sentence boundary: ...%q", f, b.Text[len(b.Text)-20:])
			}
			all = append(all, b.Text)
		}
		if got := strings.Join(all, " ") + " "; got != in {
			t.Errorf("%v: text lost in the cut", f)
		}
	}
	word := strings.Repeat("x", 3*MaxText)
	blocks := readAll(t, word, Text)
	checkBlocks(t, word, blocks)
	if n := len(blocks); n != 3 {
		t.Errorf("a %d-byte word gave %d blocks, want 3", len(word), n)
	}
}

// TestDateBeforeFirstBlock checks that a date in front matter or in <head>
// is known as soon as the first block is returned.
func TestDateBeforeFirstBlock(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		in   string
		want string
	}{
		{"front matter", Markdown, "---\ndate: \"2025-12-04\"\n---\nFirst.\n\nSecond.", "2025-12-04"},
		{"meta", HTML, "<head><meta name=\"date\" content=\"2025-12\"></head><body><p>First.<p>Second.", "2025-12"},
		{"published time wins", HTML, "<meta name=date content=2020-01-01><meta property=article:published_time content=2025-12-04T10:00:00Z><p>First.", "2025-12-04"},
		{"none", Text, "First.\n\nSecond.", ""},
	}
	for _, tc := range tests {
		r := NewReader(strings.NewReader(tc.in), tc.f)
		if _, err := r.Next(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := r.Date(); got != tc.want {
			t.Errorf("%s: Date() after the first block = %q, want %q", tc.name, got, tc.want)
		}
	}
}
