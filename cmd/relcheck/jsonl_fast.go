package main

import (
	"unicode/utf8"
)

// decodeDocFast decodes the common shape of an archive line, one object of
// string fields, each of id, text, format, date and url at most once, with
// nothing after it:
//
//	{"id": "a-1", "text": "Brezhnev visited India.\nIn 1961.", "url": "https://example.org/a-1"}
//
// in one pass, where encoding/json scans the line twice and calls a
// function per byte: decoding was a fifth of the CPU of --input jsonl. It
// reports false for anything else (another key, a value that is not a
// string, a key written in another case or with an escape, a \u escape of a
// surrogate, invalid UTF-8, an error), which encoding/json then decodes, or
// reports, as before: whenever it reports true, d is what encoding/json
// decodes.
func decodeDocFast(line []byte) (d jsonlDoc, ok bool) {
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return d, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return d, skipSpace(line, i+1) == len(line)
	}
	var seen [5]bool // which keys were given: a repeated key goes the slow way
	var buf []byte   // a value's unescaped bytes, reused
	for {
		// a key, as written: exactly one of the five fields
		if i == len(line) || line[i] != '"' {
			return d, false
		}
		end := i + 1
		for end < len(line) && line[end] >= 'a' && line[end] <= 'z' {
			end++
		}
		if end == len(line) || line[end] != '"' {
			return d, false
		}
		var field *string
		var k int
		switch string(line[i+1 : end]) {
		case "id":
			field, k = &d.ID, 0
		case "text":
			field, k = &d.Text, 1
		case "format":
			field, k = &d.Format, 2
		case "date":
			field, k = &d.Date, 3
		case "url":
			field, k = &d.URL, 4
		default:
			return d, false
		}
		if seen[k] {
			return d, false
		}
		seen[k] = true
		i = skipSpace(line, end+1)
		if i == len(line) || line[i] != ':' {
			return d, false
		}
		i = skipSpace(line, i+1)
		if i == len(line) || line[i] != '"' {
			return d, false
		}
		var s string
		if s, buf, i, ok = unquoteFast(line, i+1, buf[:0]); !ok {
			return d, false
		}
		*field = s
		i = skipSpace(line, i)
		if i == len(line) {
			return d, false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return d, skipSpace(line, i+1) == len(line)
		default:
			return d, false
		}
	}
}

// skipSpace returns the index of the first byte from i that is not JSON
// white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainInString marks the bytes a JSON string holds as they are: not the
// quote, the backslash, a control character or the start of a multibyte rune.
var plainInString = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// unquoteFast decodes the JSON string whose contents start at b[i], up to
// its closing quote, as encoding/json does, using buf for the bytes of one
// with escapes. It returns the string, buf, the index after the closing
// quote, and false for what it leaves to encoding/json: invalid UTF-8, a \u
// escape of a surrogate (paired or not), or an error.
func unquoteFast(b []byte, i int, buf []byte) (s string, _ []byte, next int, ok bool) {
	start := i
	escaped := false
	for i < len(b) {
		c := b[i]
		if plainInString[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			if !escaped {
				return string(b[start:i]), buf, i + 1, true
			}
			buf = append(buf, b[start:i]...)
			return string(buf), buf, i + 1, true
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				return "", buf, 0, false
			}
			i += n
		case c == '\\':
			escaped = true
			buf = append(buf, b[start:i]...)
			if i+1 == len(b) {
				return "", buf, 0, false
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := hex4(b, i+2)
				if !ok || r >= 0xd800 && r < 0xe000 {
					return "", buf, 0, false
				}
				buf = utf8.AppendRune(buf, r)
				i += 4
			default:
				return "", buf, 0, false
			}
			i += 2
			start = i
		default: // a control character: invalid JSON
			return "", buf, 0, false
		}
	}
	return "", buf, 0, false // no closing quote
}

// hex4 reads the four hexadecimal digits of a \u escape at b[i].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
