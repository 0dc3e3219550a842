package main

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// sniffBinaryRef is sniffBinary as it was before it skipped ASCII a word at a
// time: a plain byte-by-byte loop, easy to check by eye. The fast version
// must agree with it on every input.
func sniffBinaryRef(head []byte) string {
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
		c := head[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				nul++
				odd++
			case c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b && c != '\v':
				odd++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
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

// sniffBoth fails the test when the two sniffers disagree on b, and on b
// moved to end exactly at sniffLen (where a rune cut by the end is forgiven).
func sniffBoth(t *testing.T, b []byte) {
	t.Helper()
	if got, want := sniffBinary(b), sniffBinaryRef(b); got != want {
		t.Fatalf("sniffBinary(%q) = %q, the byte-by-byte reference says %q", b, got, want)
	}
	if len(b) < sniffLen {
		padded := append(bytes.Repeat([]byte{'a'}, sniffLen-len(b)), b...)
		if got, want := sniffBinary(padded), sniffBinaryRef(padded); got != want {
			t.Fatalf("sniffBinary(%q padded in front to %d bytes) = %q, the reference says %q", b, sniffLen, got, want)
		}
	}
}

// TestNotPlainBits checks the word test against its definition: the lowest
// flagged byte is the first that is not printable ASCII or DEL (0x20 to
// 0x7f), whatever follows it, on a background of each boundary value.
func TestNotPlainBits(t *testing.T) {
	checkFirstFlagged(t, "notPlainBits", []byte{0x20, 0x41, 0x7f},
		func(c byte) bool { return c < 0x20 || c >= 0x80 },
		func(w []byte) int { return bits.TrailingZeros64(notPlainBits(le64(w))&highBits) / 8 })
}

// TestSniffMatchesReference compares the word-at-a-time sniffer with the
// byte-by-byte one on text, binary-looking and random inputs of every length
// around a word, and at the sniffed length.
func TestSniffMatchesReference(t *testing.T) {
	seeds := []string{
		"", "a", "Brezhnev visited India in 1964.\n", "tab\there\r\n", "é€𐍈", "\xe2\x82", "\xff\xfe", "\x00\x00\x00",
		"\x01\x02\x03\x04\x05\x06\x07\x08", "\x1b[31mred\x1b[0m", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f",
		pngHeader, "RIFF\x00\x00\x00\x00WAVEfmt ", "\x00\x00\x00\x18ftypmp42",
		"\u00c0\u07ff\u0800\u0fff\u1000\ud7ff\ue000\uffff", "\xed\xa0\x80\xe0\x80\x80\xc0\xaf\xc1\xbf\xe2\x80\xc0\xf4\x90\x80\x80",
	}
	for _, s := range seeds {
		for n := range 24 {
			sniffBoth(t, []byte(strings.Repeat("x", n)+s))
			sniffBoth(t, []byte(s+strings.Repeat("y", n)))
		}
	}
	// runes of every length cut at every byte by the end of the sniffed bytes
	for _, r := range []string{"é", "€", "𐍈"} {
		for cut := 1; cut <= len(r); cut++ {
			for pad := range 9 {
				sniffBoth(t, []byte(r[:cut]+strings.Repeat("z", pad)))
				sniffBoth(t, []byte(strings.Repeat("z", pad)+r[:cut]))
			}
		}
	}
	// random bytes drawn mostly from the boundaries of the word test
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{0, 1, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x20, 'a', 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
		0xe0, 0xe1, 0xe2, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for range 20000 {
		b := make([]byte, rng.IntN(100))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = 'a' + byte(rng.IntN(26))
			}
		}
		sniffBoth(t, b)
	}
	// long documents, over the sniffed length, of text with a few odd bytes
	for k := range 200 {
		b := []byte(strings.Repeat("Khrushchev toured India in 1955. Путин — 2000.\n", 200))
		for range k {
			b[rng.IntN(len(b))] = alphabet[rng.IntN(len(alphabet))]
		}
		sniffBoth(t, b)
	}
}

// FuzzSniffReference: the word-at-a-time sniffer says what the byte-by-byte
// reference says, on any bytes.
func FuzzSniffReference(f *testing.F) {
	f.Add([]byte("Brezhnev visited \xff\xfe India.\x00"))
	f.Add([]byte(pngHeader))
	f.Add([]byte("é€𐍈\xe2\x82"))
	f.Add([]byte("plain ascii text, long enough for words\n\x01\x02\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sniffBoth(t, data)
	})
}

// BenchmarkSniff times the sniffer on the first 8 KiB of an article, against
// the byte-by-byte reference.
func BenchmarkSniff(b *testing.B) {
	text := []byte(strings.Repeat("Brezhnev visited India in 1961, 1973 and 1980. Khrushchev and Bulganin toured India in 1955.\n"+
		"Putin came to New Delhi in 2000 for the first annual summit — the treaty was signed in 1971.\n\n", 60))[:sniffLen]
	for _, s := range []struct {
		name  string
		sniff func([]byte) string
	}{{"words", sniffBinary}, {"bytes", sniffBinaryRef}} {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if s.sniff(text) != "" {
					b.Fatal("text taken for binary")
				}
			}
		})
	}
}
