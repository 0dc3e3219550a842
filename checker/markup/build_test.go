package markup

import (
	"math/rand"
	"testing"
	"unicode/utf8"
)

// stretchByBytes is stretch one byte at a time, as its comment defines it.
func stretchByBytes(p []byte, i int, ent entMode) (j, extra int) {
	for j = i; j < len(p); {
		c := p[j]
		if c < utf8.RuneSelf {
			if plain(c, ent) {
				j++
				continue
			}
			if c == ' ' && j > i && j+1 < len(p) && plain(p[j+1], ent) {
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

// TestStretch checks stretch, which reads eight bytes at a time, against
// stretchByBytes on random text made of the bytes that matter to it.
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
				j, extra := stretch(p, i, ent)
				wj, wextra := stretchByBytes(p, i, ent)
				if j != wj || extra != wextra {
					t.Fatalf("stretch(%q, %d, %d) = %d, %d; byte by byte %d, %d", p, i, ent, j, extra, wj, wextra)
				}
			}
		}
	}
}
