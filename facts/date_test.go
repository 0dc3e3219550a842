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

// civilRef is civil without its fast path: Howard Hinnant's days_from_civil
// for any year.
func civilRef(y, m, d int) DayNum {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return DayNum(era*146097 + doe - 719468)
}

// TestCivilAgreesWithReference: civil's fast path for the common years
// numbers every day as the general formula does, across eras, leap days
// and the edge of year 0; and DateOf turns each number back.
func TestCivilAgreesWithReference(t *testing.T) {
	for y := -801; y <= 10001; y++ {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 15, 28, 29, 30, 31} {
				if d > daysIn(y, m) {
					continue
				}
				got, want := civil(y, m, d), civilRef(y, m, d)
				if got != want {
					t.Fatalf("civil(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
				if back := DateOf(got); y >= 0 && (back.Y != y || back.M != m || back.D != d) {
					t.Fatalf("DateOf(civil(%d, %d, %d)) = %v", y, m, d, back)
				}
			}
		}
	}
	if got := civil(1970, 1, 1); got != 0 {
		t.Errorf("civil(1970, 1, 1) = %d, want 0", got)
	}
}
