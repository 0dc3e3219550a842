package checker

import (
	"strconv"
	"strings"

	"github.com/relcheck/relcheck/facts"
)

// timeExpr is a time written in a sentence: a date, a list item, a range, a
// decade, a relative time; or a duration.
type timeExpr struct {
	start, end int // token indexes, end exclusive
	when       facts.Interval
	relative   bool
	isRange    bool
	duration   int // years, for "for 20 years" / "a 20-year treaty"
	recent     bool
}

var months = map[string]int{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9,
	"october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty-two": 22, "twenty-three": 23,
	"twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "last": -1, "latest": -1, "final": -1,
}

// ordinalOf reads "first", "15th", "23rd"; 0 if the word is no ordinal.
func ordinalOf(w string) int {
	if n, ok := ordinalWords[w]; ok {
		return n
	}
	if w == "" || 'a' <= w[0] && w[0] <= 'z' {
		return 0 // strconv.Atoi below would fail, and allocate its error
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(w, suf)); err == nil && n > 0 && n < 1000 {
				return n
			}
		}
	}
	return 0
}

// yearOf reads a year of four digits, 1800 to 2099; y is the number read
// even when it is out of range. The digits are read here, not by
// strconv.Atoi: every word with a digit is asked, several times.
func yearOf(w string) (y int, ok bool) {
	if len(w) != 4 {
		return 0, false
	}
	for i := 0; i < 4; i++ {
		d := w[i] - '0'
		if d > 9 {
			return 0, false
		}
		y = 10*y + int(d)
	}
	return y, y >= 1800 && y <= 2099
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func dayOf(w string) (int, bool) {
	for len(w) > 0 && strings.IndexByte("stndrh", w[len(w)-1]) >= 0 {
		w = w[:len(w)-1] // strings.TrimRight(w, "stndrh"), without building its set
	}
	if len(w) == 0 || len(w) > 2 || !allDigits(w) {
		return 0, false
	}
	d, _ := strconv.Atoi(w)
	return d, d >= 1 && d <= 31
}

func yearIv(y int) facts.Interval {
	d := facts.Date{Y: y, Prec: facts.Year}
	return facts.Interval{Start: d, End: d}
}

func monthIv(y, m int) facts.Interval {
	d := facts.Date{Y: y, M: m, Prec: facts.Month}
	return facts.Interval{Start: d, End: d}
}

func dayIv(y, m, d int) (facts.Interval, bool) {
	if !facts.ValidDay(y, m, d) {
		return facts.Interval{}, false
	}
	s := facts.Date{Y: y, M: m, D: d, Prec: facts.Day}
	return facts.Interval{Start: s, End: s}, true
}

// timeContext resolves relative times.
type timeContext struct {
	last    facts.Interval // the last time mentioned before
	docDate facts.Date     // the document's date, if known
}

// appendTimes reads every time expression of a sentence, left to right, and
// appends them to out, so that a document reuses one buffer from sentence to
// sentence. The tokens must be classified.
func appendTimes(out []timeExpr, toks []token, ctx timeContext) []timeExpr {
	first := len(out)
	w := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].norm
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		n := t.norm
		// Each reading below needs a digit, or a word of a class (a number,
		// month or season word, "the", "that", "from", "between"), or a
		// number word joined to "-year" (clsDuration: without a digit, no
		// other word ending in "-year" makes a time): a word with none of
		// them is passed over, and the readings are tried only where they
		// can hold.
		digit := t.digit
		if !digit && !t.is(clsMonth|clsTime|clsDuration) {
			continue // most words: the test below, without its calls
		}
		if !digit && !t.is(clsMonth|clsDuration) {
			// what is left needs a word of timeWords followed by "year" or
			// "years" ("the following year", "two years later", "for two
			// years") or by a number ("from 1966", "summer of 1987")
			if !t.is(clsTime) || !yearOrNumberAt(toks, i+1) && !yearOrNumberAt(toks, i+2) {
				continue
			}
		}
		number := digit || t.is(clsNumber)
		// durations: "for 20 years", "a 20-year treaty", "twenty-year"
		if strings.HasSuffix(n, "-year") {
			if k, ok := countOf(strings.TrimSuffix(n, "-year")); ok {
				out = append(out, timeExpr{start: i, end: i + 1, duration: k})
				continue
			}
		}
		if number && (w(i+1) == "years" || w(i+1) == "year") && (w(i-1) == "for" || w(i-1) == "of" && (w(i-2) == "term" || w(i-2) == "period" || w(i-2) == "duration")) {
			if k, ok := countOf(n); ok {
				out = append(out, timeExpr{start: i - 1, end: i + 2, duration: k})
				i++
				continue
			}
		}
		// ranges: "from 1966 to 1977", "between 1985 and 1991"
		if (n == "from" || n == "between") && i+3 < len(toks) {
			if a, ok := yearOf(w(i + 1)); ok {
				if b, ok := yearOf(w(i + 3)); ok && b >= a && ((n == "from" && (w(i+2) == "to" || w(i+2) == "until" || w(i+2) == "till")) || (n == "between" && w(i+2) == "and")) {
					out = append(out, timeExpr{start: i, end: i + 4, isRange: true, when: facts.Interval{Start: yearIv(a).Start, End: yearIv(b).End}})
					i += 3
					continue
				}
			}
		}
		if digit { // the readings up to the months need a digit
			// ISO dates and year ranges written in one token: 2025-12-04, 1966-77, 1966–1977
			hyphen := strings.IndexByte(n, '-') >= 0
			if hyphen && strings.Count(n, "-") == 2 {
				p := strings.Split(n, "-")
				if y, ok := yearOf(p[0]); ok && len(p[1]) == 2 && len(p[2]) == 2 && allDigits(p[1]) && allDigits(p[2]) {
					m, _ := strconv.Atoi(p[1])
					d, _ := strconv.Atoi(p[2])
					if iv, ok := dayIv(y, m, d); ok {
						out = append(out, timeExpr{start: i, end: i + 1, when: iv})
						continue
					}
				}
			}
			if a, b, ok := strings.Cut(n, "-"); hyphen && ok && !strings.Contains(b, "-") {
				if ya, ok := yearOf(a); ok && allDigits(b) && (len(b) == 2 || len(b) == 4) {
					yb, _ := strconv.Atoi(b)
					if len(b) == 2 {
						yb += ya / 100 * 100
					}
					if yb > ya {
						out = append(out, timeExpr{start: i, end: i + 1, isRange: true, when: facts.Interval{Start: yearIv(ya).Start, End: yearIv(yb).End}})
						continue
					}
				}
			}
			if ya, ok := yearOf(n); ok && (w(i+1) == "–" || w(i+1) == "—") {
				if yb, ok := yearOf(w(i + 2)); ok && yb > ya {
					out = append(out, timeExpr{start: i, end: i + 3, isRange: true, when: facts.Interval{Start: yearIv(ya).Start, End: yearIv(yb).End}})
					i += 2
					continue
				}
			}
			// decades: "the 1950s", "the late 1950s", "mid-1980s", "early 2000s"
			if part, dec, ok := decadeOf(n); ok {
				start := i
				if part == "" {
					if p := w(i - 1); p == "early" || p == "mid" || p == "late" || p == "middle" {
						part = p
						start = i - 1
					}
				}
				out = append(out, timeExpr{start: start, end: i + 1, isRange: true, when: decadePart(dec, part)})
				continue
			}
			// day month year: "18 November 1955"; month day, year: "December 4, 2025";
			// "the 25th of November 1986"; "20 November" (the year of the last time)
			if d, ok := dayOf(n); ok {
				j := i + 1
				if w(j) == "of" {
					j++
				}
				if m, ok := months[w(j)]; ok && toks[j].cap {
					if y, ok := yearOf(w(j + 1)); ok {
						if iv, ok := dayIv(y, m, d); ok {
							out = append(out, timeExpr{start: i, end: j + 2, when: iv})
							i = j + 1
							continue
						}
					} else if !ctx.last.Start.IsZero() {
						if iv, ok := dayIv(ctx.last.Start.Y, m, d); ok {
							out = append(out, timeExpr{start: i, end: j + 1, when: iv, relative: true})
							i = j
							continue
						}
					}
				}
			}
		}
		m, ok := 0, false
		if t.is(clsMonth) {
			m, ok = months[n]
		}
		if ok && (toks[i].cap || len(n) > 3) && n != "may" || (n == "may" && toks[i].cap && i > 0) {
			if m == 0 {
				m = months[n]
			}
			if w(i+1) == "." && len(n) <= 4 {
				i++ // "Dec. 8, 1980": the abbreviation's dot
			}
			if d, ok := dayOf(w(i + 1)); ok {
				j := i + 2
				if w(j) == "," {
					j++
				}
				if y, ok := yearOf(w(j)); ok {
					if iv, ok := dayIv(y, m, d); ok {
						out = append(out, timeExpr{start: i, end: j + 1, when: iv})
						i = j
						continue
					}
				}
			}
			j := i + 1
			if w(j) == "of" || w(j) == "," {
				j++
			}
			if y, ok := yearOf(w(j)); ok {
				out = append(out, timeExpr{start: i, end: j + 1, when: monthIv(y, m)})
				i = j
				continue
			}
			// a month alone: "that December", "in December" → the year of the last time
			if !ctx.last.Start.IsZero() && (w(i-1) == "that" || w(i-1) == "in" || w(i-1) == "by" || w(i-1) == "following") {
				y := ctx.last.Start.Y
				if w(i-1) == "following" || (w(i-1) != "that" && ctx.last.Start.Prec >= facts.Month && m < ctx.last.Start.M) {
					if w(i-1) == "following" {
						y++
					}
				}
				start := i
				if w(i-1) == "that" || w(i-1) == "following" {
					start = i - 1
				}
				out = append(out, timeExpr{start: start, end: i + 1, when: monthIv(y, m), relative: true})
				continue
			}
		}
		// seasons: "the summer of 1987", "winter 1971"
		sm, ok := [2]int{}, false
		if t.is(clsSeason) {
			sm, ok = seasons[n]
		}
		if ok {
			j := i + 1
			if w(j) == "of" {
				j++
			}
			if y, ok := yearOf(w(j)); ok {
				iv := facts.Interval{Start: facts.Date{Y: y, M: sm[0], Prec: facts.Month}, End: facts.Date{Y: y, M: sm[1], Prec: facts.Month}}
				out = append(out, timeExpr{start: i, end: j + 1, when: iv, isRange: true})
				i = j
				continue
			}
		}
		if y, ok := yearOf(n); digit && ok {
			if p := w(i - 1); p == "$" || p == "us$" || p == "rs" || p == "no." || p == "number" {
				continue
			}
			// "after 1993", "since 2000", "before 1990": open spans, closed at the document date if known
			switch p := w(i - 1); p {
			case "after", "since":
				start := y
				if p == "after" {
					start++
				}
				iv := facts.Interval{Start: yearIv(start).Start}
				if !ctx.docDate.IsZero() {
					iv.End = ctx.docDate
				}
				out = append(out, timeExpr{start: i - 1, end: i + 1, when: iv, isRange: true})
				continue
			case "before", "until", "till":
				if w(i-2) != "from" && w(i-2) != "between" {
					out = append(out, timeExpr{start: i - 1, end: i + 1, when: facts.Interval{End: yearIv(y - 1).End}, isRange: true})
					continue
				}
			}
			out = append(out, timeExpr{start: i, end: i + 1, when: yearIv(y)})
			continue
		}
		// relative: "the following year", "two years later", "that year", "the same year"
		if rel, width, ok := relativeYear(toks, i, ctx); ok {
			out = append(out, timeExpr{start: i, end: i + width, when: rel, relative: true})
			i += width - 1
			continue
		}
	}
	// "most recently in 2025", "most recent … 2025", "last visited … in 2025"
	for k := first; k < len(out); k++ {
		for j := out[k].start - 1; j >= 0 && j >= out[k].start-4; j-- {
			if (w(j) == "recently" || w(j) == "recent" || w(j) == "latest") && w(j-1) == "most" || w(j) == "latest" {
				out[k].recent = true
			}
		}
	}
	return out
}

// durationWords are the words without a digit that make a duration on
// their own ("a twenty-year treaty"): a number word joined to "-year"
// (see countOf).
var durationWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range numberWords {
		m[w+"-year"] = true
	}
	return m
}()

// mayHoldTime is false for the words of a sentence that holds no time: a
// time needs a digit, a month, "year" or "years", or a duration word (see
// appendTimes). cls is the words' classes together, digit whether any of
// them holds a digit.
func mayHoldTime(cls wordClass, digit bool) bool {
	return digit || cls&(clsMonth|clsYear|clsDuration) != 0
}

// yearWords make relative times and durations without a digit: "that
// year", "two years later", "a twenty-year treaty".
var yearWords = set("year years")

// yearOrNumberAt: is toks[i] "year", "years" or a word with a digit?
func yearOrNumberAt(toks []token, i int) bool {
	return i < len(toks) && (toks[i].digit || toks[i].is(clsYear))
}

// timeWords are the words without digits that may begin a time.
var timeWords = func() map[string]bool {
	m := set("the that from between")
	for w := range months {
		m[w] = true
	}
	for w := range seasons {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	return m
}()

var seasons = map[string][2]int{"spring": {3, 5}, "summer": {6, 8}, "autumn": {9, 11}, "fall": {9, 11}, "winter": {1, 2}}

func countOf(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if allDigits(w) && len(w) <= 3 {
		n, _ := strconv.Atoi(w)
		return n, n > 0
	}
	return 0, false
}

// decadeOf reads "1950s", "mid-1980s", "late-1950s".
func decadeOf(w string) (part string, decade int, ok bool) {
	if p, rest, found := strings.Cut(w, "-"); found {
		switch p {
		case "early", "mid", "late", "middle":
			part, w = p, rest
		default:
			return "", 0, false
		}
	}
	if !strings.HasSuffix(w, "s") {
		return "", 0, false
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "s"), "'")
	if y, ok := yearOf(w); ok && y%10 == 0 {
		return part, y, true
	}
	return "", 0, false
}

// decadePart: early = years 0–3, mid = 3–6, late = 7–9 of the decade.
func decadePart(dec int, part string) facts.Interval {
	lo, hi := dec, dec+9
	switch part {
	case "early":
		hi = dec + 3
	case "mid", "middle":
		lo, hi = dec+3, dec+6
	case "late":
		lo = dec + 7
	}
	return facts.Interval{Start: yearIv(lo).Start, End: yearIv(hi).End}
}

func relativeYear(toks []token, i int, ctx timeContext) (facts.Interval, int, bool) {
	w := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].norm
	}
	base := ctx.last
	if base.Start.IsZero() {
		return facts.Interval{}, 0, false
	}
	y := base.Start.Y
	switch {
	case w(i) == "the" && (w(i+1) == "following" || w(i+1) == "next") && w(i+2) == "year":
		return yearIv(y + 1), 3, true
	case w(i) == "the" && w(i+1) == "previous" && w(i+2) == "year":
		return yearIv(y - 1), 3, true
	case (w(i) == "that" || w(i) == "the") && (w(i+1) == "year" || (w(i+1) == "same" && w(i+2) == "year")):
		if w(i+1) == "same" {
			return yearIv(y), 3, true
		}
		return yearIv(y), 2, true
	}
	if w(i+1) != "years" && w(i+1) != "year" {
		return facts.Interval{}, 0, false
	}
	if n, ok := countOf(w(i)); ok && (w(i+2) == "later" || w(i+2) == "afterwards" || w(i+2) == "after") {
		return yearIv(y + n), 3, true
	}
	return facts.Interval{}, 0, false
}
