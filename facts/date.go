package facts

import (
	"fmt"
	"strconv"
	"strings"
)

// Precision says how much of a Date is known.
type Precision uint8

// Precisions, coarsest first. A zero Date has precision None.
const (
	None Precision = iota
	Year
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "none"
}

// Date is a calendar date known to a precision: 1955, 1955-06 or 1955-06-07.
type Date struct {
	Y    int
	M, D int
	Prec Precision
}

// DayNum counts days on the proleptic Gregorian calendar; only differences and
// order matter.
type DayNum int

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i], _ = strconv.Atoi(p)
	}
	d := Date{Y: n[0], M: n[1], D: n[2], Prec: Precision(len(parts))}
	if d.Prec >= Month && (d.M < 1 || d.M > 12) {
		return Date{}, fmt.Errorf("date %q has no month %d", s, d.M)
	}
	if d.Prec == Day && (d.D < 1 || d.D > daysIn(d.Y, d.M)) {
		return Date{}, fmt.Errorf("date %q has no day %d", s, d.D)
	}
	return d, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Prec == None }

// String formats the date at its precision; the zero Date is "".
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// First is the first day the date can mean; Last the last.
func (d Date) First() DayNum {
	switch d.Prec {
	case Year:
		return civil(d.Y, 1, 1)
	case Month:
		return civil(d.Y, d.M, 1)
	}
	return civil(d.Y, d.M, d.D)
}

// Last is the last day the date can mean.
func (d Date) Last() DayNum {
	switch d.Prec {
	case Year:
		return civil(d.Y, 12, 31)
	case Month:
		return civil(d.Y, d.M, daysIn(d.Y, d.M))
	}
	return civil(d.Y, d.M, d.D)
}

// DateOf turns a day number back into a day-precision Date.
func DateOf(n DayNum) Date {
	// Inverse of civil (Howard Hinnant's algorithm).
	z := int(n) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{Y: y, M: m, D: d, Prec: Day}
}

// civil numbers a day, 1970-01-01 being 0 (Howard Hinnant's algorithm,
// which counts years from March so that a leap day ends its year).
func civil(y, m, d int) DayNum {
	if m <= 2 {
		y--
	}
	if y >= 0 && 1 <= m && m <= 12 {
		// Every date of the record and the text: in unsigned arithmetic the
		// divisions by constants are cheaper, and a table gives the day of
		// the March year a month starts on. It is the formula below with the
		// eras summed: 400 years are 146097 days.
		u := uint(y)
		return DayNum(int(u*365+u/4-u/100+u/400) + marchYearDay[m] + d - 1 - 719468)
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

// marchYearDay[m] is the day of a year counted from 1 March (0) that month
// m starts on: (153*mp+2)/5 for mp = (m+9)%12, as civil computes it.
var marchYearDay = [13]int{1: 306, 2: 337, 3: 0, 4: 31, 5: 61, 6: 92, 7: 122, 8: 153, 9: 184, 10: 214, 11: 245, 12: 275}

// ValidDay reports whether y-m-d is a day ParseDate accepts: a year of four
// digits, a month of the year, a day of the month.
func ValidDay(y, m, d int) bool {
	return 0 <= y && y <= 9999 && 1 <= m && m <= 12 && 1 <= d && d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Interval is a span of time between two dates, each at its own precision.
// A zero Start or End is open on that side.
type Interval struct {
	Start, End Date
}

// ParseInterval reads "start/end" (either side may be empty: open) or a single
// date, which is both start and end.
func ParseInterval(s string) (Interval, error) {
	a, b, found := strings.Cut(s, "/")
	if !found {
		d, err := ParseDate(s)
		return Interval{d, d}, err
	}
	var iv Interval
	var err error
	if a != "" {
		if iv.Start, err = ParseDate(a); err != nil {
			return iv, err
		}
	}
	if b != "" {
		if iv.End, err = ParseDate(b); err != nil {
			return iv, err
		}
	}
	if a != "" && b != "" && iv.End.Last() < iv.Start.First() {
		return iv, fmt.Errorf("interval %q ends before it starts", s)
	}
	return iv, nil
}

// Days is an interval read as day numbers. A time compared with many others
// is read once: each comparison is then without calendar arithmetic.
type Days struct {
	Lo, Hi                DayNum // the interval's Lo and Hi
	StartFirst, StartLast DayNum // the days its start can mean: Start.First(), Start.Last()
	EndFirst, EndLast     DayNum // End.First(), End.Last()
}

// Days reads the interval as day numbers.
func (iv Interval) Days() Days {
	return Days{
		Lo: iv.Lo(), Hi: iv.Hi(),
		StartFirst: iv.Start.First(), StartLast: iv.Start.Last(),
		EndFirst: iv.End.First(), EndLast: iv.End.Last(),
	}
}

// Lo is the earliest day the interval can include; open starts are far past.
func (iv Interval) Lo() DayNum {
	if iv.Start.IsZero() {
		return minDay
	}
	return iv.Start.First()
}

// Hi is the latest day the interval can include; open ends are far future.
func (iv Interval) Hi() DayNum {
	if iv.End.IsZero() {
		return maxDay
	}
	return iv.End.Last()
}

const (
	minDay DayNum = -1 << 30
	maxDay DayNum = 1 << 30
)

// Overlaps reports whether the two intervals can share a day.
func (iv Interval) Overlaps(o Interval) bool { return iv.Lo() <= o.Hi() && o.Lo() <= iv.Hi() }

// Within reports whether iv lies wholly inside o.
func (iv Interval) Within(o Interval) bool { return o.Lo() <= iv.Lo() && iv.Hi() <= o.Hi() }

// String formats the interval as the record writes it.
func (iv Interval) String() string {
	if iv.Start == iv.End {
		return iv.Start.String()
	}
	return iv.Start.String() + "/" + iv.End.String()
}
