package facts

import "testing"

// TestValidDayAgreesWithParseDate: ValidDay answers as ParseDate does for
// the same day written out, around every edge (years of 3 to 5 digits, month
// and day 0 and past the end, leap years).
func TestValidDayAgreesWithParseDate(t *testing.T) {
	for _, y := range []int{-1, 0, 999, 1000, 1800, 1900, 1996, 2000, 2023, 2024, 2100, 9999, 10000} {
		for m := -1; m <= 13; m++ {
			for d := -1; d <= 32; d++ {
				_, err := ParseDate(Date{Y: y, M: m, D: d, Prec: Day}.String())
				if got, want := ValidDay(y, m, d), err == nil; got != want {
					t.Errorf("ValidDay(%d, %d, %d) = %v, ParseDate says %v", y, m, d, got, want)
				}
			}
		}
	}
}
