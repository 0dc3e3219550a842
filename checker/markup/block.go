package markup

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// MaxText is the most bytes of text a Block holds. A longer paragraph is cut
// at its last sentence boundary before the cap (or at white space, or at any
// character) and continues in the next Block.
const MaxText = 64 << 10

// Position is a place in the original input.
type Position struct {
	Offset int // byte offset, 0-based
	Line   int // 1-based; "\n", "\r\n" and a lone "\r" end a line
	Column int // 1-based, in code points: each byte of invalid UTF-8 counts as one; a leading byte order mark does not count
}

// String formats a position as "line:column".
func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Kind is the kind of a block.
type Kind int

// The kinds of block.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	Quote     // a paragraph inside a blockquote
	TableCell // one cell of a table
	Directive // a relcheck comment; Text is its trimmed content
)

// String returns the kind's name in lower case, as used in golden files:
// "paragraph", "heading", "list-item", "quote", "table-cell", "directive".
func (k Kind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case Quote:
		return "quote"
	case TableCell:
		return "table-cell"
	case Directive:
		return "directive"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Segment is one sentence of a block, as byte offsets into Block.Text. A
// heading or a directive is a single segment. Segments never start or end
// with white space and never overlap.
type Segment struct{ Start, End int }

// Block is a run of readable text: a paragraph, a heading, a list item, a
// table cell or a directive. Next returns a new Block each time; a Block is
// never changed after it is returned, so callers may keep it.
type Block struct {
	Text     string // markup removed, entities decoded, white space collapsed to single spaces, never longer than MaxText
	Kind     Kind
	Segments []Segment

	runs []run // the offset map, ordered by text offset; runs[0].text == 0
}

// run maps a stretch of Block.Text to the original input. A verbatim run's
// text is a copy of the original bytes, all on one line, so any offset inside
// it maps by arithmetic. A replacement run's text stands for a span of the
// original as a whole: a decoded entity, a U+FFFD for an invalid byte, or a
// space for a line break.
type run struct {
	text  int      // offset in Text of the run's first byte
	start Position // original position of the run's first byte
	end   Position // original position just after the run; replacement runs only
	verb  bool
	ascii bool // a verbatim run of ASCII only: a column is a byte
}

// maxRun bounds the length of a verbatim run that is not ASCII only, so that
// Position, which counts the code points of such a run, stays cheap. An
// ASCII run maps by arithmetic alone and may be of any length.
const maxRun = 256

// Position returns the original position of the text byte at textOffset. An
// offset inside a replacement (a decoded entity, say) gives the start of what
// it replaced. textOffset == len(Text) gives the position just after the
// last mapped byte; offsets outside [0, len(Text)] are clamped.
func (b *Block) Position(textOffset int) Position {
	if len(b.runs) == 0 {
		return Position{}
	}
	if textOffset >= len(b.Text) {
		return b.EndPosition(len(b.Text))
	}
	textOffset = max(textOffset, 0)
	i := b.runAt(textOffset)
	r := &b.runs[i]
	if !r.verb || textOffset == r.text {
		return r.start
	}
	return r.at(b.Text, textOffset)
}

// EndPosition returns the original position just after the text byte at
// textOffset-1: for a segment, EndPosition(seg.End) is just after its last
// character even when markup follows it. EndPosition(0) is the position of
// the first byte.
func (b *Block) EndPosition(textOffset int) Position {
	if len(b.runs) == 0 {
		return Position{}
	}
	if textOffset <= 0 {
		return b.runs[0].start
	}
	textOffset = min(textOffset, len(b.Text))
	i := b.runAt(textOffset - 1)
	r := &b.runs[i]
	if r.verb {
		return r.at(b.Text, textOffset)
	}
	if textOffset == b.runEnd(i) {
		return r.end
	}
	return r.start
}

// Span returns the original positions of the start of a segment and of the
// place just after its end.
func (b *Block) Span(s Segment) (start, end Position) {
	return b.Position(s.Start), b.EndPosition(s.End)
}

// runAt returns the index of the run holding text byte t.
func (b *Block) runAt(t int) int {
	return sort.Search(len(b.runs), func(i int) bool { return b.runs[i].text > t }) - 1
}

// runEnd returns the text offset just after run i.
func (b *Block) runEnd(i int) int {
	if i+1 < len(b.runs) {
		return b.runs[i+1].text
	}
	return len(b.Text)
}

// at returns the position of text offset t inside (or just after) the
// verbatim run r.
func (r *run) at(text string, t int) Position {
	n := t - r.text
	switch {
	case r.ascii:
	case t < len(text) && !utf8.RuneStart(text[t]):
		// Inside a character, whose bytes before t each count as one, as
		// with any invalid UTF-8.
		n = utf8.RuneCountInString(text[r.text:t])
	default:
		n = runeCountString(text[r.text:t])
	}
	return Position{
		Offset: r.start.Offset + t - r.text,
		Line:   r.start.Line,
		Column: r.start.Column + n,
	}
}
