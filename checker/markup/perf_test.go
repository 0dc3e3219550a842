package markup

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"github.com/relcheck/relcheck/internal/doubling"
)

// drain reads every block of r and returns how many segments it had and
// the longest block text.
func drain(t testing.TB, r *Reader) (segments, longest int) {
	for {
		b, err := r.Next()
		if errors.Is(err, io.EOF) {
			return segments, longest
		}
		if err != nil {
			t.Fatal(err)
		}
		segments += len(b.Segments)
		longest = max(longest, len(b.Text))
	}
}

// TestLinear checks that reading time grows linearly: doubling the input
// of each shape at most about doubles the time (see doubling.Check).
func TestLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing ratios are measured without -short and without -race")
	}
	rep := func(s string) func(int) string {
		return func(n int) string { return strings.Repeat(s, n/len(s)+1)[:n] }
	}
	wrap := func(open, close string, inner func(int) string) func(int) string {
		return func(n int) string { return open + inner(n) + close }
	}
	nested := func(open, text, close string) func(int) string {
		return func(n int) string {
			k := n / (len(open) + len(close))
			return strings.Repeat(open, k) + text + strings.Repeat(close, k)
		}
	}
	shapes := []struct {
		name string
		f    Format
		gen  func(n int) string
	}{
		{"text long line", Text, rep("word ")},
		{"text one long word", Text, rep("x")},
		{"text short sentences", Text, rep("It rained. ")},
		{"text short lines", Text, rep("It rained.\n")},
		{"text abbreviations", Text, rep("Mr. Dr. U.S. e.g. A. B. Jan. 5 No. ")},
		{"text blank lines", Text, rep("\n\n\r\n")},
		{"markdown long line", Markdown, rep("word ")},
		{"markdown short sentences", Markdown, rep("It rained. ")},
		{"markdown abbreviations", Markdown, rep("Mr. Dr. U.S. e.g. A. B. Jan. 5 No. ")},
		{"markdown brackets", Markdown, rep("[")},
		{"markdown links", Markdown, rep("[a](b) ")},
		{"markdown open links", Markdown, rep("[a](b ")},
		{"markdown backticks", Markdown, rep("` `` ")},
		{"markdown angles", Markdown, rep("<a ")},
		{"markdown emphasis", Markdown, rep("*_")},
		{"markdown entities", Markdown, rep("&amp")},
		{"markdown quotes", Markdown, rep("> ")},
		{"markdown list items", Markdown, rep("- a\n")},
		{"markdown comments", Markdown, rep("<!-- a --")},
		{"markdown table", Markdown, wrap("| a | b |\n|---|---|\n", "", rep("| c | d |\n"))},
		{"html long text", HTML, wrap("<p>", "", rep("word "))},
		{"html short sentences", HTML, wrap("<p>", "", rep("It rained. "))},
		{"html abbreviations", HTML, wrap("<p>", "", rep("Mr. Dr. U.S. e.g. A. B. Jan. 5 No. "))},
		{"html nested divs", HTML, nested("<div>", "Deep.", "</div>")},
		{"html unclosed", HTML, rep("<div><li><td><blockquote><b>x")},
		{"html entities", HTML, wrap("<p>", "", rep("&amp;&#8212;&notin"))},
		{"html long comment", HTML, wrap("<!--", "-->", rep("x"))},
		{"html long script", HTML, wrap("<script>", "</script>", rep("a<b "))},
		{"html long attribute", HTML, wrap("<p title=\"", "\">", rep("x"))},
		{"html lt", HTML, rep("<")},
	}
	const n = 1 << 20
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			small, large := sh.gen(n), sh.gen(2*n)
			read := func(in string) func() {
				return func() { drain(t, NewReader(strings.NewReader(in), sh.f)) }
			}
			doubling.Check(t, read(small), read(large))
		})
	}
}

// genReader generates size bytes: head, then body repeated, then tail.
type genReader struct {
	head, body, tail string
	size, done       int
}

func (g *genReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		var src string
		switch {
		case g.done < len(g.head):
			src = g.head[g.done:]
		case g.done < g.size-len(g.tail):
			i := (g.done - len(g.head)) % len(g.body)
			src = g.body[i:min(len(g.body), i+g.size-len(g.tail)-g.done)]
		case g.done < g.size:
			src = g.tail[g.done-(g.size-len(g.tail)):]
		default:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		k := copy(p[n:], src)
		n += k
		g.done += k
	}
	return n, nil
}

// TestBoundedMemory reads a 20 MB single line in each format and checks
// that the memory the reader keeps stays far below the input size and no
// block exceeds MaxText. It samples the live heap after a collection every
// 2 MiB of input: the heap in use also holds garbage not yet collected, and
// how much depends on when the collector runs (under load in CI it once
// peaked at twice its usual size), which says nothing about the reader.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const size = 20 << 20
	tests := []struct {
		name             string
		f                Format
		head, body, tail string
	}{
		{"text words", Text, "", "word ", ""},
		{"text sentences", Text, "", "It rained in Harbourton. ", "\n"},
		{"text no space", Text, "", "x", ""},
		{"markdown words", Markdown, "# ", "word *em* [a](b) ", ""},
		{"html text", HTML, "<p>", "word &amp; ", "</p>"},
		{"html minified", HTML, "<body>", "<p>It <b>rained</b>.</p>", ""},
		{"html comment", HTML, "<!--", "x", "-->"},
	}
	live := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := live()
			peak := base
			g := &genReader{head: tc.head, body: tc.body, tail: tc.tail, size: size}
			r := NewReader(g, tc.f)
			longest, next := 0, 2<<20
			for {
				b, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				longest = max(longest, len(b.Text))
				if g.done >= next {
					peak = max(peak, live())
					next += 2 << 20
				}
			}
			grown := int64(peak) - int64(base)
			t.Logf("live heap grew by %d KiB at most; longest block %d bytes", grown>>10, longest)
			if grown > 4<<20 {
				t.Errorf("live heap grew by %d MiB reading a %d MiB line", grown>>20, size>>20)
			}
			if longest > MaxText {
				t.Errorf("a block of %d bytes exceeds MaxText", longest)
			}
		})
	}
}

// newsInput generates about size bytes of news-like text in format f.
func newsInput(f Format, size int) string {
	rng := rand.New(rand.NewSource(1))
	sentences := []string{
		"The council of Harbourton voted 7-2 on Tuesday to reopen the ferry terminal.",
		"Mayor Elin Okafor said the decision was “long overdue.”",
		"Dr. A. B. Lindqvist led the review for the U.S. Coast Guard.",
		"The work will cost approx. 14.5 million crowns, officials said.",
		"Traffic resumed at 6 a.m. on Jan. 5, according to the transport office.",
		"“Who pays for the dredging?” asked councillor P.V. Rao.",
		"Turnout was 71.2%, up from 64.0% in the last election.",
		"Critics were not convinced; the opposition called it a mistake.",
	}
	var sb strings.Builder
	para := func(open, close string) {
		sb.WriteString(open)
		for i, k := 0, 2+rng.Intn(5); i < k; i++ {
			if i > 0 {
				if f == Text || rng.Intn(3) > 0 {
					sb.WriteByte(' ')
				} else {
					sb.WriteByte('\n')
				}
			}
			s := sentences[rng.Intn(len(sentences))]
			if f == Markdown && rng.Intn(4) == 0 {
				s = strings.Replace(s, "council", "**council**", 1)
				s = strings.Replace(s, "review", "[review](https://example.org/r)", 1)
			}
			if f == HTML && rng.Intn(4) == 0 {
				s = strings.Replace(s, "council", "<b>council</b>", 1)
				s = strings.Replace(s, "crowns", "crowns&nbsp;&mdash;", 1)
			}
			sb.WriteString(s)
		}
		sb.WriteString(close)
	}
	if f == HTML {
		sb.WriteString("<!DOCTYPE html><html><head><title>News</title></head><body>\n")
	}
	for i := 0; sb.Len() < size; i++ {
		switch f {
		case Text:
			para("", "\n\n")
		case Markdown:
			if i%10 == 0 {
				fmt.Fprintf(&sb, "## Section %d\n\n", i/10)
			}
			if i%7 == 3 {
				para("- ", "\n\n")
			} else {
				para("", "\n\n")
			}
		case HTML:
			if i%10 == 0 {
				fmt.Fprintf(&sb, "<h2>Section %d</h2>\n", i/10)
			}
			para("<p>", "</p>\n")
		}
	}
	if f == HTML {
		sb.WriteString("</body></html>\n")
	}
	return sb.String()
}

func benchmarkRead(b *testing.B, f Format) {
	in := newsInput(f, 1<<20)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		drain(b, NewReader(strings.NewReader(in), f))
	}
}

func BenchmarkReadText(b *testing.B)     { benchmarkRead(b, Text) }
func BenchmarkReadMarkdown(b *testing.B) { benchmarkRead(b, Markdown) }
func BenchmarkReadHTML(b *testing.B)     { benchmarkRead(b, HTML) }

// benchmarkReadSmall reads a document of 8 KiB, about the size of a news
// article, with a new Reader each time: what a Reader costs to start and to
// finish matters there as it does not for one large input.
func benchmarkReadSmall(b *testing.B, f Format) {
	in := newsInput(f, 8<<10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		drain(b, NewReader(strings.NewReader(in), f))
	}
}

func BenchmarkReadSmallText(b *testing.B)     { benchmarkReadSmall(b, Text) }
func BenchmarkReadSmallMarkdown(b *testing.B) { benchmarkReadSmall(b, Markdown) }
func BenchmarkReadSmallHTML(b *testing.B)     { benchmarkReadSmall(b, HTML) }

// BenchmarkSentences splits the blocks of a news-like text into sentences,
// the reader's last step, on its own.
func BenchmarkSentences(b *testing.B) {
	rd := NewReader(strings.NewReader(newsInput(Text, 1<<20)), Text)
	var texts [][]byte
	n := 0
	for {
		blk, err := rd.Next()
		if err != nil {
			break
		}
		texts = append(texts, []byte(blk.Text))
		n += len(blk.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var segs []Segment
	for b.Loop() {
		for _, t := range texts {
			segs = segment(t, Paragraph, segs[:0])
		}
	}
	if len(segs) == 0 {
		b.Fatal("no sentences")
	}
}
