package markup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHTML(t *testing.T) {
	runReadTests(t, HTML, []readTest{
		{
			name: "document",
			in: "<!DOCTYPE html>\n<html>\n<head>\n<title>Not text</title>\n" +
				"<meta property=\"article:published_time\" content=\"2025-12-04T10:00:00+01:00\">\n" +
				"<style>p { color: red. }</style>\n</head>\n<body>\n<h1>Ferry &amp; port</h1>\n" +
				"<p>The ferry sailed at\n  noon. It carried 300 people.</p>\n</body>\n</html>\n",
			want: []block{
				{Heading, "Ferry & port", nil},
				{Paragraph, "The ferry sailed at noon. It carried 300 people.", []string{"The ferry sailed at noon.", "It carried 300 people."}},
			},
			date:   "2025-12-04",
			reason: "head, title and style are skipped; the date comes from the meta tag",
		},
		{
			name:   "meta name date",
			in:     `<meta name="date" content="2024-07"><p>Text.</p>`,
			want:   []block{{Paragraph, "Text.", nil}},
			date:   "2024-07",
			reason: "<meta name=date> gives a date",
		},
		{
			name:   "time",
			in:     `<p>Posted <time datetime="2023-02-01T08:00">Feb 1</time>.</p><time datetime="2020-01-01">x</time>`,
			want:   []block{{Paragraph, "Posted Feb 1.", nil}, {Paragraph, "x", nil}},
			date:   "2023-02-01",
			reason: "the first <time datetime> gives the date",
		},
		{
			name:   "entities",
			in:     "<p>Fish &amp; chips &mdash; &#8212;&#x2014; &copy 2025 &notit; &nbsp;end &bogus; AT&T</p>",
			want:   []block{{Paragraph, "Fish & chips — —— © 2025 ¬it; \u00a0end &bogus; AT&T", nil}},
			reason: "named, numeric and legacy references decode as a browser does; unknown ones stay",
		},
		{
			name:   "script and style skipped",
			in:     "<p>Before <script>if (a < b) { x = \"</p>\"; }</script>after.</p><style>.a{}</style><noscript>Enable JS.</noscript>",
			want:   []block{{Paragraph, "Before after.", nil}},
			reason: "raw text elements are skipped",
		},
		{
			name:   "skipped elements",
			in:     "<p>Run <code>go test</code> now.</p><pre>\nskipped. Text.\n</pre><svg><text>No.</text></svg><template><p>Hidden.</p></template><p>End.</p>",
			want:   []block{{Paragraph, "Run now.", nil}, {Paragraph, "End.", nil}},
			reason: "code, pre, svg and template contents are skipped",
		},
		{
			name: "blocks and kinds",
			in: "<div>Div text<p>Para</p>tail</div><ul><li>One<li>Two<ul><li>Nested</ul></ul>" +
				"<blockquote><p>Quoted.</p></blockquote><table><tr><th>Name<td>Votes<tr><td>Ruiz<td>41</table>" +
				"<h2>Sub<em>head</em></h2><p>A<br>B<br><br>C</p>",
			want: []block{
				{Paragraph, "Div text", nil},
				{Paragraph, "Para", nil},
				{Paragraph, "tail", nil},
				{ListItem, "One", nil},
				{ListItem, "Two", nil},
				{ListItem, "Nested", nil},
				{Quote, "Quoted.", nil},
				{TableCell, "Name", nil},
				{TableCell, "Votes", nil},
				{TableCell, "Ruiz", nil},
				{TableCell, "41", nil},
				{Heading, "Subhead", nil},
				{Paragraph, "A B", nil},
				{Paragraph, "C", nil},
			},
			reason: "block-level tags end blocks; inline tags do not; two <br>s end a block",
		},
		{
			name: "comments and directives",
			in:   "<p>Text <!-- note --> more.</p><!-- relcheck-disable-next-line --><p>Next.</p><!--relcheck:ignore-->",
			want: []block{
				{Paragraph, "Text more.", nil},
				{Directive, "relcheck-disable-next-line", nil},
				{Paragraph, "Next.", nil},
				{Directive, "relcheck:ignore", nil},
			},
			reason: "comments are skipped; relcheck comments become Directive blocks",
		},
		{
			name:   "unclosed",
			in:     "<div><p>Open paragraph<div><span>Unclosed span. More<li>Stray item",
			want:   []block{{Paragraph, "Open paragraph", nil}, {Paragraph, "Unclosed span. More", []string{"Unclosed span.", "More"}}, {ListItem, "Stray item", nil}},
			reason: "unclosed tags are fine",
		},
		{
			name:   "crlf bom invalid",
			in:     "\ufeff<p>Line\r\none \xff\x00 two</p>\r<p>Caf\xc3\xa9</p>",
			want:   []block{{Paragraph, "Line one \ufffd two", nil}, {Paragraph, "Café", nil}},
			reason: "CRLF and CR count as line breaks; invalid bytes become U+FFFD; NUL a space",
		},
		{
			name:   "truncated tag",
			in:     "<p>Text.</p><div cla",
			want:   []block{{Paragraph, "Text.", nil}},
			reason: "a tag cut off by the end of input is dropped",
		},
		{
			name:   "definition lists and figures",
			in:     "<dl><dt>Term<dd>Definition.</dl><figure><img src=x alt=\"Alt.\"><figcaption>Caption here.</figcaption></figure><p>a<wbr>b</p>",
			want:   []block{{Paragraph, "Term", nil}, {Paragraph, "Definition.", nil}, {Paragraph, "Caption here.", nil}, {Paragraph, "ab", nil}},
			reason: "dt, dd and figcaption are blocks; alt text and <wbr> add nothing",
		},
		{
			name:   "text in head",
			in:     "<head><title>x</title>Stray text.</head><p>Body.</p>",
			want:   []block{{Paragraph, "Stray text.", nil}, {Paragraph, "Body.", nil}},
			reason: "text ends the head, as in a browser",
		},
		{
			name:   "lt in text",
			in:     "<p>3 < 5 and 5 > 3</p>",
			want:   []block{{Paragraph, "3 < 5 and 5 > 3", nil}},
			reason: "a < that starts no tag is text",
		},
	})
}

func TestHTMLDeepNesting(t *testing.T) {
	in := strings.Repeat("<div>", 10000) + "Deep text. Second sentence." + strings.Repeat("</div>", 10000) +
		strings.Repeat("<li><blockquote><td><b>", 5000) + "Deeper." + strings.Repeat("<span>", 10000) + "<p>End."
	blocks := readAll(t, in, HTML)
	checkBlocks(t, in, blocks)
	want := []block{
		{Paragraph, "Deep text. Second sentence.", []string{"Deep text.", "Second sentence."}},
		{TableCell, "Deeper.", nil},
		{TableCell, "End.", nil},
	}
	if diff := cmp.Diff(want, simplify(blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

// TestHTMLRawPartition checks that the tokens the parser reads partition the
// input exactly, including tokens longer than the tokenizer may hold: the
// position after the last token is the end of the input.
func TestHTMLRawPartition(t *testing.T) {
	big := strings.Repeat("x", 3*pauseLimit)
	tests := []struct {
		name string
		in   string
		want string // the last block's text
	}{
		{"long text", "<p>" + big + "</p><p>End.</p>", "End."},
		{"long comment", "<!--" + big + "--><p>End.</p>", "End."},
		{"long attribute", "<p title=\"" + big + "\">Kept.</p><p>End.</p>", "End."},
		{"long script", "<script>" + big + "</script><p>End.</p>", "End."},
		{"long script with lt", "<script>" + strings.Repeat("a<b ", pauseLimit) + "</script><p>End.</p>", "End."},
		{"long doctype", "<!DOCTYPE " + big + "><p>End.</p>", "End."},
		{"long bogus comment", "<!" + big + "><p>End.</p>", "End."},
		{"long text with crlf", "<p>" + strings.Repeat("ab\r\n", pauseLimit) + "</p><p>End.</p>", "End."},
		{"long text with lt", "<p>" + strings.Repeat("1 < 2 ", pauseLimit) + "</p><p>End.</p>", "End."},
		{"long multibyte", "<p>" + strings.Repeat("é—", pauseLimit) + "</p><p>End.</p>", "End."},
		{"long plaintext", "<p>Start.</p><plaintext>" + big, "Start."},
	}
	// After a long token the tokenizer's buffer is large; the tokens after
	// it must still come through whole.
	after := strings.Repeat("<p title=\"t\">Para <b>one</b>.</p><!-- relcheck-x -->\n", 20000)
	tests = append(tests, struct {
		name string
		in   string
		want string
	}{"long text then many tags", "<p>" + big + "</p>" + after + "<p>End.</p>", "End."},
		struct {
			name string
			in   string
			want string
		}{"fairly long text then many tags", "<p>" + big[:pauseLimit*2/3] + "</p>" + after + "<p>End.</p>", "End."})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks := readAll(t, tc.in, HTML)
			checkBlocks(t, tc.in, blocks)
			if strings.Contains(tc.in, after) {
				paras, dirs := 0, 0
				for _, b := range blocks {
					switch {
					case b.Text == "Para one.":
						paras++
					case b.Kind == Directive && b.Text == "relcheck-x":
						dirs++
					}
				}
				if paras != 20000 || dirs != 20000 {
					t.Errorf("%d paragraphs and %d directives after the long token, want 20000 each", paras, dirs)
				}
			}
			if len(blocks) == 0 || blocks[len(blocks)-1].Text != tc.want {
				t.Fatalf("last block is not %q", tc.want)
			}
			for _, b := range blocks {
				if len(b.Text) > MaxText {
					t.Errorf("block of %d bytes", len(b.Text))
				}
			}
		})
	}
}

// TestHTMLSmallLimit reads the HTML test inputs with tokens cut at a few
// bytes, which exercises the resumption after a cut token everywhere.
func TestHTMLSmallLimit(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	whole := golden(readAll(t, string(in), HTML))
	for _, limit := range []int{16, 17, 23, 40, 64, 100, 1000} {
		blocks, err := readHTMLLimit(string(in), limit)
		if err != nil {
			t.Fatalf("limit %d: %v", limit, err)
		}
		checkBlocks(t, string(in), blocks)
		if len(blocks) < 20 {
			t.Errorf("limit %d: only %d blocks", limit, len(blocks))
		}
		// From 64 bytes on only text tokens are cut, and that loses nothing.
		if got := golden(blocks); limit >= 64 && got != whole {
			t.Errorf("limit %d: blocks differ from an uncut read (-whole +cut):\n%s", limit, cmp.Diff(whole, got))
		}
	}
}

// TestTagAtom checks that tagAtom reads a tag's name from its raw token as
// the tokenizer's TagName does.
func TestTagAtom(t *testing.T) {
	inputs := append(fuzzSeeds(),
		"<P><DIV class=x><br/><Br\n><h1\t><td\f></td ><tD/x><SCRIPT>x</SCRIPT><a\x00b><A\x00>"+
			"<meta name=date><abcdefghijklmnopqrstuvwxyzabcdefghij></p/><Time><ONBEFOREUNLOAD></\x00>"+
			"<h\u00e9><li\xff><\n><x-y></x-y\r\n>")
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, string(page))
	tags := 0
	for _, in := range inputs {
		z := html.NewTokenizer(strings.NewReader(in))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			raw := string(z.Raw())
			name, _ := z.TagName()
			if got, want := tagAtom([]byte(raw)), atom.Lookup(name); got != want {
				t.Errorf("tagAtom(%q) = %v, want %v (TagName %q)", raw, got, want, name)
			}
			tags++
		}
	}
	if tags < 50 {
		t.Errorf("only %d tags read", tags)
	}
}
