package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"runtime/debug"
	"unicode/utf8"
)

// What relcheck refuses or reports about an input before and while it reads
// it: binary files, non-regular files, documents over --max-doc-bytes,
// invalid UTF-8, and an interrupted run.

// defaultMaxDocBytes bounds one document (counted after decompression).
const defaultMaxDocBytes = 0 // no limit: documents stream in bounded memory

// sniffLen is how much of a document is looked at to tell text from binary.
const sniffLen = 8 << 10

// binaryMagic are the opening bytes of common binary formats.
var binaryMagic = []struct {
	magic, what string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "zip archive"},
	{"PK\x05\x06", "zip archive"},
	{"\x1f\x8b", "gzip archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"\x28\xb5\x2f\xfd", "zstd archive"},
	{"Rar!\x1a\x07", "rar archive"},
	{"\x7fELF", "ELF executable"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"},
	{"OggS", "Ogg media"},
	{"fLaC", "FLAC audio"},
	{"\x00\x00\x01\x00", "icon"},
	{"SQLite format 3\x00", "SQLite database"},
	{"wOFF", "web font"},
	{"wOF2", "web font"},
}

// sniffBinary tells a binary document from text by its first bytes: a known
// magic number, a NUL byte in every hundred (of 512 bytes or more), or more than one byte in ten that
// no text holds (control characters other than tab, newline, form feed,
// carriage return and escape, or invalid UTF-8). It returns what the document
// looks like, or "" for text.
func sniffBinary(head []byte) string {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, []byte(m.magic)) {
			return m.what
		}
	}
	if len(head) >= 12 && string(head[:4]) == "RIFF" {
		return "RIFF media (WAV, AVI or WebP)"
	}
	if len(head) >= 12 && string(head[4:8]) == "ftyp" {
		return "MP4 or QuickTime media"
	}
	nul, odd := 0, 0
	for i := 0; i < len(head); {
		// Text is mostly printable ASCII, which counts for nothing here:
		// skip it 32 bytes at a time, find the first other byte a word at a
		// time, and look byte by byte only at that one.
		for ; i+32 <= len(head); i += 32 {
			w := head[i : i+32]
			if (notPlainBits(le64(w[0:]))|notPlainBits(le64(w[8:]))|notPlainBits(le64(w[16:]))|notPlainBits(le64(w[24:])))&highBits != 0 {
				break
			}
		}
		for ; i+8 <= len(head); i += 8 {
			if m := notPlainBits(le64(head[i:])) & highBits; m != 0 {
				i += bits.TrailingZeros64(m) / 8 // the lowest flagged byte: the first not plain
				break
			}
		}
		if i == len(head) {
			break
		}
		c := head[i]
		switch {
		case c < utf8.RuneSelf:
			switch {
			case c == 0:
				nul++
				odd++
			case c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b && c != '\v':
				odd++
			}
			i++
			continue
		case c >= 0xc2 && c <= 0xdf && i+1 < len(head) && head[i+1]&0xc0 == 0x80:
			i += 2 // a valid two-byte rune (accented letters, Cyrillic...)
			continue
		case c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(head) && head[i+1]&0xc0 == 0x80 && head[i+2]&0xc0 == 0x80:
			i += 3 // a valid three-byte rune from U+1000 that is no surrogate (dashes, quotes...)
			continue
		}
		r, n := utf8.DecodeRune(head[i:]) // any other rune, or invalid UTF-8
		if r == utf8.RuneError && n == 1 {
			if len(head)-i < utf8.UTFMax && len(head) == sniffLen {
				break // a rune cut by the end of the sniffed bytes
			}
			odd++
		}
		i += n
	}
	if len(head) == 0 {
		return ""
	}
	if (len(head) >= 512 && nul*100 >= len(head)) || odd*10 > len(head) {
		return "binary data"
	}
	return ""
}

// notPlainBits sets, among the highBits, at least the bit of the lowest
// byte of w that is not printable ASCII or DEL (0x20 to 0x7f), and none if
// every byte is. Subtracting 0x20 from every byte sets a byte's top bit
// exactly when that byte is below 0x20 (the first such byte borrows, and
// any later borrow only follows it); or-ing w sets it for bytes from 0x80.
// The bits of several words can be or-ed before one test.
func notPlainBits(w uint64) uint64 {
	const lo = 0x2020202020202020
	return (w - lo) | w
}

// le64 reads the first eight bytes of b, little-endian, in one load.
func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// errTooLarge stops reading a document over --max-doc-bytes.
var errTooLarge = errors.New("document over --max-doc-bytes")

// docReader reads a document for the checker: it counts bytes as they
// stream and stops at the limit, counts invalid UTF-8 and NUL bytes for the
// result's note, and stops when the run is interrupted. It holds at most one
// partial rune between reads.
type docReader struct {
	r       io.Reader
	ctx     context.Context
	max     int64 // 0: no limit
	n       int64
	invalid int // invalid UTF-8 bytes
	nul     int
	carry   []byte // the start of a rune cut by the end of a read
	over    bool
}

func newDocReader(ctx context.Context, r io.Reader, max int64) *docReader {
	return &docReader{r: r, ctx: ctx, max: max, carry: make([]byte, 0, utf8.UTFMax)}
}

func (d *docReader) Read(p []byte) (int, error) {
	if err := d.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := d.r.Read(p)
	d.n += int64(n)
	if d.max > 0 && d.n > d.max {
		d.over = true
		return 0, errTooLarge
	}
	d.count(p[:n], errors.Is(err, io.EOF))
	return n, err
}

// count tallies invalid UTF-8 and NUL bytes, carrying a rune cut between
// two reads over to the next.
func (d *docReader) count(b []byte, last bool) {
	if len(d.carry) > 0 {
		for len(b) > 0 && len(d.carry) < utf8.UTFMax && !utf8.FullRune(d.carry) {
			d.carry = append(d.carry, b[0])
			b = b[1:]
		}
		if !utf8.FullRune(d.carry) && !last {
			return
		}
		r, n := utf8.DecodeRune(d.carry)
		if r == utf8.RuneError && n == 1 {
			d.invalid++
		}
		// bytes of the carry after the decoded rune are counted again
		rest := append([]byte(nil), d.carry[n:]...)
		d.carry = d.carry[:0]
		b = append(rest, b...)
	}
	if bytes.IndexByte(b, 0) < 0 && utf8.Valid(b) {
		return // nearly always: both tests run many bytes at a time
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				d.nul++
			}
			i++
			continue
		}
		if !last && !utf8.FullRune(b[i:]) {
			d.carry = append(d.carry[:0], b[i:]...)
			return
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			d.invalid++
		}
		i += n
	}
}

// finish counts a rune left cut at the end of the document.
func (d *docReader) finish() {
	if len(d.carry) > 0 {
		d.count(nil, true)
	}
}

// note says what was replaced or escaped in the output.
func (d *docReader) note() string {
	d.finish()
	var s string
	if d.invalid > 0 {
		s = plural(d.invalid, "invalid UTF-8 byte") + " replaced with U+FFFD in the output"
	}
	if d.nul > 0 {
		if s != "" {
			s += "; "
		}
		s += plural(d.nul, "NUL byte") + " escaped in the output"
	}
	return s
}

// tooLargeError is the error entry of a document over --max-doc-bytes.
func tooLargeError(max int64) string {
	return fmt.Sprintf("larger than --max-doc-bytes %d (%s): raise the limit or split it", max, sizeName(max))
}

func sizeName(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// errNotRegular refuses what cannot be read as a document and could block.
var errNotRegular = errors.New("not a regular file (a device, a pipe or a socket): give a file or a folder, or pipe it to standard input with -")

// interrupted ends a run stopped by a signal: what was written stays, and
// standard error says the output is incomplete.
func interrupted(sum summary) error {
	return &exitErr{code: exitSignal, err: fmt.Errorf("interrupted after %s: the output is incomplete", plural(sum.Files, "input"))}
}

// safeCheck runs the check of one input, turning a panic into that input's
// error entry; every part it sends carries the input's own path.
func safeCheck(in input, opts checkOptions, send func(*result), work func(send func(*result))) {
	path, id, url := in.path, "", ""
	switch {
	case in.doc != nil:
		path, id, url = in.doc.ID, in.doc.ID, in.doc.URL
	case in.path == "-":
		path = opts.stdinName
	}
	named := func(r *result) {
		if r.Path == "" {
			r.Path, r.ID, r.URL = path, id, url
		}
		send(r)
	}
	defer func() {
		if p := recover(); p != nil {
			named(&result{Error: fmt.Sprintf("internal error (please report it): %v\n%s", p, firstLines(string(debug.Stack()), 12))})
		}
	}()
	work(named)
}
