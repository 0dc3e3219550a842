package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readTest is one case of the per-format table tests.
type readTest struct {
	name   string
	in     string
	want   []block
	date   string
	reason string
}

func runReadTests(t *testing.T, f Format, tests []readTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, date, err := read(tc.in, f)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if diff := cmp.Diff(tc.want, simplify(blocks)); diff != "" {
				t.Errorf("blocks of %q (-want +got):\n%s\nreason: %s", tc.in, diff, tc.reason)
			}
			if date != tc.date {
				t.Errorf("Date() = %q, want %q", date, tc.date)
			}
			checkBlocks(t, tc.in, blocks)
			checkSegmentStarts(t, tc.in, blocks)
		})
	}
}

func TestText(t *testing.T) {
	runReadTests(t, Text, []readTest{
		{name: "empty", in: "", want: nil, reason: "no input, no blocks"},
		{name: "blank", in: " \n\t\n  \r\n", want: nil, reason: "white space only, no blocks"},
		{
			name: "paragraphs",
			in:   "The port reopened on Monday after\na week of repairs.\n\nShipping resumed at noon.\n",
			want: []block{
				{Paragraph, "The port reopened on Monday after a week of repairs.", nil},
				{Paragraph, "Shipping resumed at noon.", nil},
			},
			reason: "a blank line separates paragraphs; a single line break is a soft wrap",
		},
		{
			name: "one paragraph per line",
			in:   "The mayor spoke first.\nThe council voted next!\nWas it fair?\n“It was,” said one.\nThe end:\nA list follows",
			want: []block{
				{Paragraph, "The mayor spoke first.", nil},
				{Paragraph, "The council voted next!", nil},
				{Paragraph, "Was it fair?", nil},
				{Paragraph, "“It was,” said one.", nil},
				{Paragraph, "The end:", nil},
				{Paragraph, "A list follows", nil},
			},
			reason: "a line ending a sentence (or with a colon) ends its block",
		},
		{
			name: "wrap after abbreviation",
			in:   "The talks were led by Mr.\nHalvorsen and by the U.S.\nSecretary of the Treasury.",
			want: []block{
				{Paragraph, "The talks were led by Mr. Halvorsen and by the U.S. Secretary of the Treasury.", nil},
			},
			reason: "a line ending in a title or a dotted acronym does not end a sentence",
		},
		{
			name: "wrap before lower case",
			in:   "Prices rose 3.\nfor the second month",
			want: []block{
				{Paragraph, "Prices rose 3. for the second month", nil},
			},
			reason: "a line break before a lower-case word is a soft wrap",
		},
		{
			name: "list items",
			in:   "Results:\n- Ward one: 412 votes\n* Ward two: 388\n  votes, a recount.\n1. First\n2) Second. With two sentences.\n",
			want: []block{
				{Paragraph, "Results:", nil},
				{ListItem, "Ward one: 412 votes", nil},
				{ListItem, "Ward two: 388 votes, a recount.", nil},
				{ListItem, "First", nil},
				{ListItem, "Second. With two sentences.", []string{"Second.", "With two sentences."}},
			},
			reason: "list markers start list items, which continue over soft wraps and split into sentences",
		},
		{
			name: "crlf and cr",
			in:   "First line\r\ncontinues.\r\n\r\nSecond\rparagraph.\r",
			want: []block{
				{Paragraph, "First line continues.", nil},
				{Paragraph, "Second paragraph.", nil},
			},
			reason: "CRLF and lone CR end lines",
		},
		{
			name: "invalid utf-8 and nul",
			in:   "Bad \xff byte and\x00nul \xe2\x80 cut.",
			want: []block{
				{Paragraph, "Bad \ufffd byte and nul \ufffd\ufffd cut.", nil},
			},
			reason: "invalid bytes become U+FFFD each; NUL becomes a space",
		},
		{
			name:   "bom",
			in:     "\ufeffThe river rose.\nIt flooded two streets.",
			want:   []block{{Paragraph, "The river rose.", nil}, {Paragraph, "It flooded two streets.", nil}},
			reason: "a byte order mark is skipped",
		},
		{
			name:   "white space",
			in:     "  Tabs\tand   spaces\t collapse.  ",
			want:   []block{{Paragraph, "Tabs and spaces collapse.", nil}},
			reason: "runs of white space become one space; leading and trailing go",
		},
		{
			name:   "no entities",
			in:     "AT&T &amp; R&D",
			want:   []block{{Paragraph, "AT&T &amp; R&D", nil}},
			reason: "plain text has no character references",
		},
		{
			name:   "curly quotes and dashes",
			in:     "“Yes” — he said.\nNext — line.",
			want:   []block{{Paragraph, "“Yes” — he said.", nil}, {Paragraph, "Next — line.", nil}},
			reason: "columns count code points, checked by checkBlocks",
		},
	})
}
