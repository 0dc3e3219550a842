package markup

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// Format is the markup of an input.
type Format int

// The formats a Reader understands. The zero Format is Text.
const (
	Text Format = iota
	Markdown
	HTML
)

// String returns the name ParseFormat accepts: "text", "markdown" or "html".
func (f Format) String() string {
	switch f {
	case Text:
		return "text"
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat parses a format name: "text" (or "txt", "plain"), "markdown"
// (or "md") or "html", in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return Text, fmt.Errorf("unknown format %q (want text, markdown or html)", s)
}

// FormatFor returns the format of a file by its extension, in any case:
// .txt and .text are Text; .md, .markdown and .mdx are Markdown; .html,
// .htm and .xhtml are HTML. It reports false for any other extension.
func FormatFor(name string) (Format, bool) {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".txt", ".text":
		return Text, true
	case ".md", ".markdown", ".mdx":
		return Markdown, true
	case ".html", ".htm", ".xhtml":
		return HTML, true
	}
	return Text, false
}

// Sniff guesses the format of an input from its first bytes, for input
// without a name such as stdin. It returns HTML if the input starts, after a
// byte order mark and white space, with <!doctype, <html, <head, <body, <p,
// <div or <article; Markdown if it starts with front matter or has an ATX
// heading, a code fence or a list marker at the start of a line; and Text
// otherwise. A few kilobytes of head are plenty.
func Sniff(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte(bom))
	s := bytes.TrimLeft(head, " \t\r\n\f")
	if len(s) > 0 && s[0] == '<' {
		if hasPrefixFold(s, "<!doctype") {
			return HTML
		}
		for _, tag := range [...]string{"html", "head", "body", "p", "div", "article"} {
			if len(s) > len(tag)+1 && hasPrefixFold(s[1:], tag) {
				switch s[len(tag)+1] {
				case '>', ' ', '\t', '\r', '\n', '\f', '/':
					return HTML
				}
			}
		}
	}
	if isFence(head, '-') || isFence(head, '+') {
		return Markdown
	}
	for line := range bytes.Lines(head) {
		line = bytes.TrimRight(line, "\r\n")
		t := bytes.TrimLeft(line, " ")
		if len(line)-len(t) > 3 {
			continue
		}
		if _, ok := atxLevel(t); ok {
			return Markdown
		}
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			return Markdown
		}
		if m := listMarker(t, 9); m.ok && !m.empty {
			return Markdown
		}
	}
	return Text
}

// isFence reports whether s starts with a front-matter fence line of c: three
// of them and nothing else but trailing white space.
func isFence(s []byte, c byte) bool {
	if len(s) < 3 || s[0] != c || s[1] != c || s[2] != c {
		return false
	}
	for _, b := range s[3:] {
		switch b {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
