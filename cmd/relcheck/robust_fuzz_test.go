package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzJSONLine feeds arbitrary bytes to the archive reader: every line gives
// a document or an error entry, never a panic, and never more entries than
// lines.
func FuzzJSONLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"Brezhnev visited India in 1964."}`,
		`{"id":"a","text":"x","format":"html","date":"2025-12-04T10:00:00Z","url":"https://example.org"}`,
		`{"id":"","text":"no id"}`, `[1,2]`, `42`, `"text"`, `{"id":"a"} {"id":"b"}`, `{"id":"a","text":"\u0000\ud800"}`,
		"{\"id\":\"a\",\"text\":\"cut", "\xff\xfe{", "\r\n\r\n", `{"id":1}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		lines := bytes.Count(data, []byte("\n")) + 1
		entries := 0
		for n := 1; ; n++ {
			line, err := readLine(br, 64)
			if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, errLineTooLong) {
				in := parseDoc(line, "fuzz.jsonl", n, err)
				entries++
				if (in.err == nil) == (in.doc == nil) {
					t.Fatalf("line %d: want a document or an error, got %+v", n, in)
				}
				if in.doc != nil && (in.doc.ID == "" || in.path != in.doc.ID) {
					t.Fatalf("line %d: document without its id: %+v", n, in.doc)
				}
				if in.err != nil && !strings.HasPrefix(in.path, "fuzz.jsonl:") {
					t.Fatalf("line %d: error entry without its place: %q", n, in.path)
				}
			}
			if err != nil && !errors.Is(err, errLineTooLong) {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("unexpected read error %v", err)
				}
				break
			}
			if n > lines {
				t.Fatalf("read %d lines from %d", n, lines)
			}
		}
		if entries > lines {
			t.Fatalf("%d entries from %d lines", entries, lines)
		}
	})
}

// FuzzSniff: the binary sniffer and the byte counter take any bytes, and the
// counter agrees however the bytes are split between reads.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("Brezhnev visited \xff\xfe India.\x00"), 3)
	f.Add([]byte(pngHeader), 1)
	f.Add([]byte("é€𐍈\xe2\x82"), 2)
	f.Fuzz(func(t *testing.T, data []byte, step int) {
		sniffBoth(t, data) // and it agrees with the byte-by-byte reference
		whole := newDocReader(t.Context(), bytes.NewReader(data), 0)
		io.ReadAll(whole)
		step = max(1, step%8+1)
		split := newDocReader(t.Context(), &chunked{data, step}, 0)
		io.ReadAll(split)
		if whole.note() != split.note() {
			t.Fatalf("read whole: %q; in reads of %d bytes: %q", whole.note(), step, split.note())
		}
		want := 0
		for b := data; len(b) > 0; {
			r, n := decodeRune(b)
			if r < 0 {
				want++
			}
			b = b[n:]
		}
		if whole.invalid != want {
			t.Fatalf("%d invalid bytes counted, want %d", whole.invalid, want)
		}
	})
}

// chunked reads at most n bytes at a time.
type chunked struct {
	b []byte
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.b)
	c.b = c.b[k:]
	return k, nil
}

// decodeRune is utf8.DecodeRune with -1 for an invalid byte.
func decodeRune(b []byte) (rune, int) {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 {
		return -1, 1
	}
	return r, n
}
