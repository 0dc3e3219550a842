// Package markup turns article text — plain text, Markdown or HTML — into
// blocks of readable text, each split into sentences, and maps every byte of
// that text back to its byte offset, line and column in the original input.
//
// A Reader streams: it reads from an io.Reader and holds only the block in
// progress, the blocks finished from the last line (or HTML token) read and
// a bounded buffer, so memory stays bounded on any input — a block's text
// never exceeds MaxText bytes, a longer paragraph continues in the next
// block — and time grows linearly with the input. Markup is removed, entities
// are decoded, invalid UTF-8 becomes U+FFFD and runs of white space become
// one space; each change is recorded so that Block.Position still lands on
// the right character of the original. Comments that start with "relcheck-"
// or "relcheck:" come back as Directive blocks.
//
// The package does no I/O beyond the io.Reader it is handed and knows
// nothing about claims or facts: it only reads.
package markup
