package checker

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/relcheck/relcheck/facts"
)

// BenchmarkJudgeKind judges the bench text's claims of each kind on their
// own, to see which verdicts cost what.
func BenchmarkJudgeKind(b *testing.B) {
	c := newDefaultChecker(b)
	st, w := newDocState(facts.Date{}), new(words)
	byKind := map[string][]*Claim{}
	for _, s := range benchSentences(b, c, benchText(b, c)) {
		for _, cl := range c.parseSentence(s, st, w) {
			byKind[cl.Kind] = append(byKind[cl.Kind], cl)
		}
	}
	for _, kind := range []string{KindVisit, KindSummit, KindAgreement, KindRelations, KindOffice} {
		claims := byKind[kind]
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			b.ReportMetric(float64(len(claims)), "claims/op")
			for b.Loop() {
				for _, cl := range claims {
					cp := *cl
					c.judge(&cp, st)
				}
			}
		})
	}
}

// The words of explanations were once written with fmt; these are those
// versions, kept to show that the appends write the same bytes.

func fmtDateRef(d facts.Date) string {
	switch d.Prec {
	case facts.Year:
		return fmt.Sprint(d.Y)
	case facts.Month:
		return fmt.Sprintf("%s %d", monthNames[d.M], d.Y)
	case facts.Day:
		return fmt.Sprintf("%d %s %d", d.D, monthNames[d.M], d.Y)
	}
	return "an unknown date"
}

func fmtIntervalRef(iv facts.Interval) string {
	a, b := iv.Start, iv.End
	switch {
	case a.IsZero() && b.IsZero():
		return "an unknown date"
	case b.IsZero():
		return "from " + fmtDateRef(a)
	case a.IsZero():
		return "until " + fmtDateRef(b)
	case a == b:
		return fmtDateRef(a)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("%d–%d %s %d", a.D, b.D, monthNames[a.M], a.Y)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y:
		return fmt.Sprintf("%d %s – %d %s %d", a.D, monthNames[a.M], b.D, monthNames[b.M], a.Y)
	case a.Prec == facts.Year && b.Prec == facts.Year:
		return fmt.Sprintf("%d–%d", a.Y, b.Y)
	case a.Prec == facts.Day && b.Prec == facts.Month && a.Y == b.Y && a.M == b.M:
		return fmtDateRef(a) + " (end not recorded)"
	}
	return fmtDateRef(a) + " – " + fmtDateRef(b)
}

func duringRef(iv facts.Interval) string {
	a, b := iv.Start, iv.End
	switch {
	case a == b && a.Prec == facts.Day:
		return "on " + fmtDateRef(a)
	case a == b:
		return "in " + fmtDateRef(a)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("from %d to %d %s %d", a.D, b.D, monthNames[a.M], a.Y)
	case a.Prec == facts.Day && b.Prec == facts.Day && a.Y == b.Y:
		return fmt.Sprintf("from %d %s to %d %s %d", a.D, monthNames[a.M], b.D, monthNames[b.M], a.Y)
	case a.Prec == facts.Year && b.Prec == facts.Year:
		return fmt.Sprintf("in %d–%d", a.Y, b.Y)
	}
	return "from " + fmtDateRef(a) + " to " + fmtDateRef(b)
}

func TestWordsMatchFmt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1955, 6))
	// few years and months, so that equal years and months come up often
	date := func() facts.Date {
		d := facts.Date{Y: 1954 + rng.IntN(3), M: 1 + rng.IntN(3), D: 1 + rng.IntN(31), Prec: facts.Precision(rng.IntN(4))}
		if rng.IntN(50) == 0 {
			d.Y = -d.Y // not a year the record holds, but the words must still agree
		}
		return d
	}
	for range 100000 {
		a, b := date(), date()
		if rng.IntN(4) == 0 {
			b = a
		}
		if got, want := fmtDate(a), fmtDateRef(a); got != want {
			t.Fatalf("fmtDate(%+v) = %q, want %q", a, got, want)
		}
		m := a
		if m.Prec == facts.Day {
			m.Prec = facts.Month
		}
		if got, want := fmtMonth(a), fmtDateRef(m); got != want {
			t.Fatalf("fmtMonth(%+v) = %q, want %q", a, got, want)
		}
		iv := facts.Interval{Start: a, End: b}
		if got, want := fmtInterval(iv), fmtIntervalRef(iv); got != want {
			t.Fatalf("fmtInterval(%+v) = %q, want %q", iv, got, want)
		}
		if got, want := during(iv), duringRef(iv); got != want {
			t.Fatalf("during(%+v) = %q, want %q", iv, got, want)
		}
	}
	for n := -3; n < 130; n++ {
		if got, want := ordinalWord(n), ordinalWordRef(n); got != want {
			t.Fatalf("ordinalWord(%d) = %q, want %q", n, got, want)
		}
	}
	for _, items := range [][]string{nil, {"a"}, {"a", "b"}, {"a", "b", "c"}, {"a", "", "c", "d"}} {
		if got, want := listAnd(items), listAndRef(items); got != want {
			t.Fatalf("listAnd(%q) = %q, want %q", items, got, want)
		}
	}
	for _, s := range []string{"", "in 1955", "on 7 June 1955", "Already", "1955", "éclair", "\xff"} {
		want := s
		if s != "" {
			want = strings.ToUpper(s[:1]) + s[1:]
		}
		if got := capitalize(s); got != want {
			t.Fatalf("capitalize(%q) = %q, want %q", s, got, want)
		}
	}
}

func ordinalWordRef(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return fmt.Sprintf("%d%s", n, suf)
}

func listAndRef(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// TestJudgeConcurrent: checkers of two records, each checking texts in
// several goroutines at once, from cold caches, write what one checker writes
// checking them one at a time. (With -race: the cached texts are shared.)
func TestJudgeConcurrent(t *testing.T) {
	render := func(c *Checker, text string) string {
		var b strings.Builder
		for _, cl := range c.CheckString(text, Input{}) {
			fmt.Fprintf(&b, "%s|%s|%s|%q|%v\n", cl.Verdict, cl.Explanation, cl.Correction, cl.Notes, cl.Evidence)
		}
		return b.String()
	}
	checkers := func() []*Checker { return []*Checker{newDefaultChecker(t), newTestChecker(t, "norland")} }
	var texts, want []string
	for _, c := range checkers() {
		text := benchText(t, c)[:1<<15]
		texts = append(texts, text)
		want = append(want, render(c, text))
	}
	const workers = 4
	var wg sync.WaitGroup
	got := make([][workers]string, len(texts))
	for i, c := range checkers() { // new records: their texts are not cached yet
		for w := range workers {
			wg.Go(func() { got[i][w] = render(c, texts[i]) })
		}
	}
	wg.Wait()
	for i := range texts {
		for w := range workers {
			if got[i][w] != want[i] {
				t.Errorf("record %d, goroutine %d: the claims differ from a serial check", i, w)
			}
		}
	}
}
