package edit

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"gorbachev", "gorbachov", 2, 1},
		{"khrushchev", "krushchev", 2, 1},
		{"brezhnev", "brezhnyev", 2, 1},
		{"putin", "putin", 2, 0},
		{"kosygin", "cousin", 2, 3}, // capped at max+1
		{"", "abc", 5, 3},
		{"ĉu", "cu", 2, 1}, // runes, not bytes
	}
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}
