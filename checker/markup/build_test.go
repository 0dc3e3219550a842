package markup

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"testing"
	"unicode/utf8"
)

// stretchByBytes is stretch one byte at a time, as its comment defines it,
// where, with ent, '&' is not plain either.
func stretchByBytes(p []byte, i int, ent entMode) (j, extra int) {
	plain := func(c byte) bool { return plain(c) && (c != '&' || ent == entNone) }
	for j = i; j < len(p); {
		c := p[j]
		if c < utf8.RuneSelf {
			if plain(c) {
				j++
				continue
			}
			if c == ' ' && j > i && j+1 < len(p) && plain(p[j+1]) {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRune(p[j:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		j += n
		extra += n - 1
	}
	return j, extra
}

// TestStretch checks stretch, which reads sixteen bytes at a time, against
// stretchByBytes on random text made of the bytes that matter to it; with
// ent, add hands stretch the text before the next '&'.
func TestStretch(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	common := []string{"a", "b", "Z", "0", ".", ",", "~", "!", "word", "Mr. ", " "}
	rare := []string{" ", "  ", "&", "&amp;", "\t", "\n", "\r", "\x00", "\x1f", "\x7f",
		"é", "—", "“", "\U0001F600", "\xff", "\xe2\x80", "\xc3"}
	for n := 0; n < 20000; n++ {
		var p []byte
		for k := rng.Intn(40); k > 0; k-- {
			if rng.Intn(4) == 0 {
				p = append(p, rare[rng.Intn(len(rare))]...)
			} else {
				p = append(p, common[rng.Intn(len(common))]...)
			}
		}
		for i := 0; i <= len(p); i++ {
			for _, ent := range []entMode{entNone, entStrict, entHTML} {
				end := len(p)
				if k := bytes.IndexByte(p[i:], '&'); ent != entNone && k >= 0 {
					end = i + k
				}
				j, extra := stretch(p[:end], i)
				wj, wextra := stretchByBytes(p, i, ent)
				if j != wj || extra != wextra {
					t.Fatalf("stretch(%q, %d, %d) = %d, %d; byte by byte %d, %d", p, i, ent, j, extra, wj, wextra)
				}
			}
		}
	}
}

// TestNonPlain checks nonPlain, which reads eight bytes at once, against
// plain, byte by byte: every byte value at every place among random bytes.
func TestNonPlain(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for c := range 256 {
		for k := range 8 {
			var b [8]byte
			for i := range b {
				b[i] = byte(rng.Intn(256))
			}
			b[k] = byte(c)
			n, space := nonPlain(binary.LittleEndian.Uint64(b[:]))
			for i, c := range b {
				wantSpace, wantN := c == ' ', c >= utf8.RuneSelf || !plain(c)
				if gotSpace, gotN := space>>(8*i+7)&1 == 1, n>>(8*i+7)&1 == 1; gotSpace != wantSpace || gotN != wantN {
					t.Fatalf("nonPlain(%q): byte %d is space %v, not plain %v; want %v, %v", b, i, gotSpace, gotN, wantSpace, wantN)
				}
			}
			if space&^highBits != 0 || n&^highBits != 0 {
				t.Fatalf("nonPlain(%q) sets bits other than the high ones", b)
			}
		}
	}
}

// TestRuneCount checks runeCount and runeCountString, which read eight
// bytes at a time, against utf8.RuneCount on valid UTF-8.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", " ", "é", "—", "“", "𝄞", "\u00a0", "\x7f"}
	for n := 0; n < 5000; n++ {
		var p []byte
		for k := rng.Intn(40); k > 0; k-- {
			p = append(p, pieces[rng.Intn(len(pieces))]...)
		}
		want := utf8.RuneCount(p)
		if got := runeCount(p); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", p, got, want)
		}
		if got := runeCountString(string(p)); got != want {
			t.Fatalf("runeCountString(%q) = %d, want %d", p, got, want)
		}
	}
}
