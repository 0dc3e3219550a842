package markup

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarkdown(t *testing.T) {
	runReadTests(t, Markdown, []readTest{
		{
			name: "front matter",
			in:   "---\ntitle: \"Bridge opens\"\ndate: 2025-12-04\ntags: [a, b]\n---\n# Bridge opens\n\nThe bridge opened.\n",
			want: []block{
				{Heading, "Bridge opens", nil},
				{Paragraph, "The bridge opened.", nil},
			},
			date:   "2025-12-04",
			reason: "YAML front matter is skipped and read for its date",
		},
		{
			name:   "front matter timestamp",
			in:     "---\ndate: '2025-12-04T10:00:00Z'\n---\nText.",
			want:   []block{{Paragraph, "Text.", nil}},
			date:   "2025-12-04",
			reason: "a quoted timestamp gives its day",
		},
		{
			name:   "toml front matter",
			in:     "+++\ndate = 2024-03\n+++\nText.",
			want:   []block{{Paragraph, "Text.", nil}},
			date:   "2024-03",
			reason: "TOML front matter between +++ lines, month precision",
		},
		{
			name:   "thematic break first",
			in:     "---\n\nNot front matter.",
			want:   []block{{Paragraph, "Not front matter.", nil}},
			reason: "a leading --- not followed by a key is a thematic break",
		},
		{
			name: "headings",
			in:   "# One #\n## Two: the *second* ##\nPara line\n\nSetext one\n==========\n\nSetext\ntwo\n---\n####### not a heading\n#hashtag",
			want: []block{
				{Heading, "One", nil},
				{Heading, "Two: the second", nil},
				{Paragraph, "Para line", nil},
				{Heading, "Setext one", nil},
				{Heading, "Setext two", nil},
				{Paragraph, "####### not a heading #hashtag", nil},
			},
			reason: "ATX headings lose their #s; setext underlines make the paragraph above a heading",
		},
		{
			name:   "heading sentences",
			in:     "# Dr. Ruiz wins. Rivals concede!",
			want:   []block{{Heading, "Dr. Ruiz wins. Rivals concede!", nil}},
			reason: "a heading is one segment",
		},
		{
			name: "lists",
			in:   "- First item\n  continues here.\n- Second. Two sentences.\n\n1. Ordered\n2. [ ] Task\n   * Nested item\n\nAfter the list.",
			want: []block{
				{ListItem, "First item continues here.", nil},
				{ListItem, "Second. Two sentences.", []string{"Second.", "Two sentences."}},
				{ListItem, "Ordered", nil},
				{ListItem, "Task", nil},
				{ListItem, "Nested item", nil},
				{Paragraph, "After the list.", nil},
			},
			reason: "each list item is a block; task boxes go",
		},
		{
			name:   "ordered list cannot interrupt",
			in:     "The year was\n1984. It rained.",
			want:   []block{{Paragraph, "The year was 1984. It rained.", []string{"The year was 1984.", "It rained."}}},
			reason: "an ordered list not starting at 1 cannot interrupt a paragraph",
		},
		{
			name: "blockquote",
			in:   "> The minister said the\n> plan was ready.\nlazy line.\n>\n> > Nested quote.\n\nOutside.",
			want: []block{
				{Quote, "The minister said the plan was ready. lazy line.", nil},
				{Quote, "Nested quote.", nil},
				{Paragraph, "Outside.", nil},
			},
			reason: "> markers are stripped; a lazy line continues the quote",
		},
		{
			name: "fenced code",
			in:   "Before.\n```go\nfmt.Println(\"x. Y.\")\n```\nAfter.\n~~~~\n~~~\nstill code\n~~~~\nEnd.",
			want: []block{
				{Paragraph, "Before.", nil},
				{Paragraph, "After.", nil},
				{Paragraph, "End.", nil},
			},
			reason: "fenced code is skipped; a fence closes only with at least as many markers",
		},
		{
			name:   "unterminated fence",
			in:     "Before.\n\n```\nnever closed\n\nStill code.",
			want:   []block{{Paragraph, "Before.", nil}},
			reason: "an unterminated fence runs to the end",
		},
		{
			name: "indented code",
			in:   "Text.\n\n    code line one\n\tcode line two\n\nMore text.\n    continued lazily.",
			want: []block{
				{Paragraph, "Text.", nil},
				{Paragraph, "More text. continued lazily.", nil},
			},
			reason: "indented code after a blank line is skipped; inside a paragraph an indented line continues it",
		},
		{
			name:   "inline code",
			in:     "Call `os.Exit(1)` or ``a ` b`` now.",
			want:   []block{{Paragraph, "Call or now.", nil}},
			reason: "code spans are removed",
		},
		{
			name:   "emphasis",
			in:     "A **bold** and *italic* and _under_ and ~~gone~~ word, snake_case_name, 5 * 3.",
			want:   []block{{Paragraph, "A bold and italic and under and gone word, snake_case_name, 5 * 3.", nil}},
			reason: "emphasis markers go; intraword underscores and a lone * stay",
		},
		{
			name:   "links and images",
			in:     "See [the report](https://example.org/r_(1).pdf \"title\") and [ref link][r1] and ![a chart](c.png) and <https://example.org>.\n\n[r1]: https://example.org/ref",
			want:   []block{{Paragraph, "See the report and ref link and and .", nil}},
			reason: "links keep their text, images and autolinks go, reference definitions are skipped",
		},
		{
			name:   "nested link text",
			in:     "A [**bold** link](u) and [not a link] and [^1].",
			want:   []block{{Paragraph, "A bold link and [not a link] and .", nil}},
			reason: "link text keeps inline processing; plain brackets stay; footnote references go",
		},
		{
			name: "list structure",
			in:   "Intro text\n- item after para\n- second\n\n1) one\n   continuation\n\n   Para in item\n\nOut\n",
			want: []block{
				{Paragraph, "Intro text", nil},
				{ListItem, "item after para", nil},
				{ListItem, "second", nil},
				{ListItem, "one continuation", nil},
				{Paragraph, "Para in item", nil},
				{Paragraph, "Out", nil},
			},
			reason: "a bullet list may interrupt a paragraph; a later paragraph of an item is a paragraph",
		},
		{
			name: "blocks inside quotes",
			in:   "> # Quoted heading\n> - quoted item\n> text\n\n> ```\n> code\nafter fence quote\n",
			want: []block{
				{Heading, "Quoted heading", nil},
				{ListItem, "quoted item text", nil},
				{Paragraph, "after fence quote", nil},
			},
			reason: "headings and list items inside quotes keep their kind; a fence ends with its quote",
		},
		{
			name:   "badge link",
			in:     "[![badge](b.svg)](https://ci.example.org) Build passing.",
			want:   []block{{Paragraph, "Build passing.", nil}},
			reason: "an image inside a link's text goes",
		},
		{
			name:   "emphasis variants",
			in:     "***bold italic*** and __strong__ and *nested _mixed_ emph*.\n\n\\# not heading",
			want:   []block{{Paragraph, "bold italic and strong and nested mixed emph.", nil}, {Paragraph, "# not heading", nil}},
			reason: "all emphasis markers go; an escaped # is text",
		},
		{
			name:   "directive in html block",
			in:     "<div>\n<!-- relcheck-disable-next-line -->\nHidden?\n</div>",
			want:   []block{{Directive, "relcheck-disable-next-line", nil}, {Paragraph, "Hidden?", nil}},
			reason: "a directive inside an HTML block still counts",
		},
		{
			name:   "link text over two lines",
			in:     "See [the annual\nreport](https://example.org/r) and [a ref\nlink][r] and [\nbare](u) but [not\nclosed.",
			want:   []block{{Paragraph, "See the annual report and a ref link and bare but [not closed.", nil}},
			reason: "a link's text may wrap; its '[' goes when the destination is found on a later line",
		},
		{
			name:   "entities and escapes",
			in:     "Fish &amp; chips &mdash; &#8212; &#x2014; \\*not emphasis\\* AT&T &copy",
			want:   []block{{Paragraph, "Fish & chips — — — *not emphasis* AT&T &copy", nil}},
			reason: "Markdown decodes references closed by ';' and backslash escapes",
		},
		{
			name: "html comments and directives",
			in:   "<!-- an ordinary comment -->\n<!-- relcheck-disable-next-line -->\nThe governor resigned.\n\n<!--\n  relcheck:ignore\n-->\nText <!-- inline --> here.\n\n<!-- multi\nline comment -->After.",
			want: []block{
				{Directive, "relcheck-disable-next-line", nil},
				{Paragraph, "The governor resigned.", nil},
				{Directive, "relcheck:ignore", nil},
				{Paragraph, "Text here.", nil},
				{Paragraph, "After.", nil},
			},
			reason: "comments are skipped; relcheck comments become Directive blocks at the comment",
		},
		{
			name:   "inline html",
			in:     "Line one<br>line two <span class=\"x\">inside</span> a<b",
			want:   []block{{Paragraph, "Line one line two inside a<b", nil}},
			reason: "inline tags go, <br> is a space, a lone < stays",
		},
		{
			name:   "html block",
			in:     "<script>\nvar a = \"Not text.\";\n</script>\n<pre>\nskipped\n</pre>\n<div>\nKept text.\n</div>",
			want:   []block{{Paragraph, "Kept text.", nil}},
			reason: "script, style and pre blocks are skipped; other HTML blocks lose their tags",
		},
		{
			name: "table",
			in:   "| Name | Votes |\n|:-----|------:|\n| Ruiz | 4,120 |\n| Okafor \\| Lind | *3,980* |\n\nAfter.",
			want: []block{
				{TableCell, "Name", nil},
				{TableCell, "Votes", nil},
				{TableCell, "Ruiz", nil},
				{TableCell, "4,120", nil},
				{TableCell, "Okafor | Lind", nil},
				{TableCell, "3,980", nil},
				{Paragraph, "After.", nil},
			},
			reason: "table rows become cells; the delimiter row is skipped",
		},
		{
			name:   "pipe without table",
			in:     "a | b\nplain line",
			want:   []block{{Paragraph, "a | b plain line", nil}},
			reason: "a pipe without a delimiter row below is text",
		},
		{
			name:   "crlf",
			in:     "# Title\r\n\r\nLine one\r\nline two.\r\n",
			want:   []block{{Heading, "Title", nil}, {Paragraph, "Line one line two.", nil}},
			reason: "CRLF line endings",
		},
		{
			name:   "bom and invalid",
			in:     "\ufeff# Caf\xe9 news\n\nBad \xc3 byte.",
			want:   []block{{Heading, "Caf\ufffd news", nil}, {Paragraph, "Bad \ufffd byte.", nil}},
			reason: "a byte order mark is skipped; invalid bytes become U+FFFD",
		},
		{
			name:   "thematic breaks",
			in:     "One.\n\n***\n- - -\nTwo.",
			want:   []block{{Paragraph, "One.", nil}, {Paragraph, "Two.", nil}},
			reason: "thematic breaks end blocks",
		},
	})
}

func TestMarkdownDeepNesting(t *testing.T) {
	in := strings.Repeat("> ", 5000) + "Deep quote.\n\n" +
		strings.Repeat("[", 5000) + "x" + strings.Repeat("](u)", 5000) + "\n\n" +
		strings.Repeat("*_", 10000) + "word\n\n" +
		"x" + strings.Repeat("` ", 5000) + "y\n\n" +
		strings.Repeat("<a ", 5000) + "\n"
	blocks := readAll(t, in, Markdown)
	checkBlocks(t, in, blocks)
	want := []block{
		{Quote, "Deep quote.", nil},
		{Paragraph, "x", nil},
		{Paragraph, "word", nil},
		{Paragraph, "x y", nil},
		{Paragraph, strings.TrimSpace(strings.Repeat("<a ", 5000)), nil},
	}
	if diff := cmp.Diff(want, simplify(blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%.2000s", diff)
	}
}

// TestMarkdownLongComment checks a comment on a line longer than a chunk,
// whose "-->" falls across the boundary between two chunks.
func TestMarkdownLongComment(t *testing.T) {
	for _, shift := range []int{-3, -2, -1, 0, 1} {
		pad := strings.Repeat("x", maxChunk-len("Before <!-- ")+shift)
		in := "Before <!-- " + pad + " --> after.\n\nNext."
		blocks := readAll(t, in, Markdown)
		checkBlocks(t, in, blocks)
		want := []block{{Paragraph, "Before after.", nil}, {Paragraph, "Next.", nil}}
		if diff := cmp.Diff(want, simplify(blocks)); diff != "" {
			t.Errorf("shift %d (-want +got):\n%s", shift, diff)
		}
	}
}

// TestNextMarkup checks nextMarkup, which reads eight bytes at a time,
// against a loop over the bytes.
func TestNextMarkup(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"word", " ", "a", "^", "[", "]", "\\", "`", "*", "_", "~", "!", "<", ">", "{", "@", "Z", "é", "\xdb", "\xfc", "\xa1", "\x00"}
	for n := 0; n < 5000; n++ {
		var p []byte
		for k := rng.Intn(30); k > 0; k-- {
			p = append(p, pieces[rng.Intn(len(pieces))]...)
		}
		for i := 0; i <= len(p); i++ {
			want := i
			for want < len(p) && !inlineMarkup[p[want]] {
				want++
			}
			if got := nextMarkup(p, i); got != want {
				t.Fatalf("nextMarkup(%q, %d) = %d, want %d", p, i, got, want)
			}
		}
	}
}
