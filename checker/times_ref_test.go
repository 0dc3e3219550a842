package checker

import (
	"fmt"
	"strconv"
	"testing"
)

// yearOfRef is yearOf as it was, with strconv.Atoi: the reference the
// digit-by-digit one must agree with.
func yearOfRef(w string) (int, bool) {
	if len(w) != 4 || !allDigits(w) {
		return 0, false
	}
	y, _ := strconv.Atoi(w)
	return y, y >= 1800 && y <= 2099
}

func TestYearOfAgreesWithReference(t *testing.T) {
	words := []string{"", "1", "199", "19999", "199a", "a199", "19 9", "-199", "+199", "1/99", "19:9", "١٩٩٠"}
	for n := range 10000 {
		words = append(words, fmt.Sprintf("%04d", n))
	}
	for _, w := range words {
		y, ok := yearOf(w)
		wy, wok := yearOfRef(w)
		if y != wy || ok != wok {
			t.Errorf("yearOf(%q) = %d, %v; the reference says %d, %v", w, y, ok, wy, wok)
		}
	}
}

func FuzzYearOf(f *testing.F) {
	f.Add("1955")
	f.Add("19a5")
	f.Fuzz(func(t *testing.T, w string) {
		y, ok := yearOf(w)
		if wy, wok := yearOfRef(w); y != wy || ok != wok {
			t.Errorf("yearOf(%q) = %d, %v; the reference says %d, %v", w, y, ok, wy, wok)
		}
	})
}
