package checker

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/relcheck/relcheck/facts"
)

// benchText is about 1 MB of prose in the style of a news archive: claim
// sentences built from the record's own people, places and years, mixed with
// filler that holds no claim.
func benchText(tb testing.TB, c *Checker) string {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1947, 1))
	rec := c.rec
	var people, places []string
	for _, p := range rec.People {
		people = append(people, p.Name)
	}
	for _, p := range rec.Places {
		places = append(places, p.Name)
	}
	months := []string{"January", "March", "June", "September", "November", "December"}
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	year := func() int { return 1947 + rng.IntN(78) }
	claims := []func() string{
		func() string { return fmt.Sprintf("%s visited %s in %d.", pick(people), pick(places), year()) },
		func() string { return fmt.Sprintf("In %d, %s flew to %s.", year(), pick(people), pick(places)) },
		func() string {
			return fmt.Sprintf("%s met %s in %s in %s %d.", pick(people), pick(people), pick(places), pick(months), year())
		},
		func() string {
			return fmt.Sprintf("%s signed the treaty with %s in %s on %d %s %d.", pick(people), pick(people), pick(places), 1+rng.IntN(28), pick(months), year())
		},
		func() string { return fmt.Sprintf("%s became Prime Minister in %d.", pick(people), year()) },
		func() string { return fmt.Sprintf("He returned to %s the following year.", pick(places)) },
		func() string { return fmt.Sprintf("Relations between the two countries began in %d.", year()) },
		func() string {
			return fmt.Sprintf("The annual summit was held in %s in %d, with %s as host.", pick(places), year(), pick(people))
		},
	}
	filler := []string{
		"The weather in the capital was unusually mild for the season.",
		"A reception was held in the evening, with folk dancers and a military band.",
		"Historians still disagree about what was said behind closed doors.",
		"Crowds gathered along the road from the airport, many of them waving small flags.",
		"Analysts noted that the tea harvest remained a sensitive question for both governments.",
		"Later that week, the parliament debated the budget for more than six hours, and several members complained that the government had not published the full text.",
		"Rain delayed the motorcade by almost an hour.",
		"It was, one observer wrote, “a meeting of old friends who no longer agree on very much.”",
	}
	var b strings.Builder
	for b.Len() < 1<<20 {
		for k := 0; k < 4; k++ {
			if rng.IntN(5) < 2 {
				b.WriteString(claims[rng.IntN(len(claims))]())
			} else {
				b.WriteString(pick(filler))
			}
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func benchSentences(tb testing.TB, c *Checker, text string) []string {
	tb.Helper()
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		for _, s := range strings.SplitAfter(para, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func BenchmarkCheck(b *testing.B) {
	c := newDefaultChecker(b)
	text := benchText(b, c)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := c.Check(strings.NewReader(text), Input{Date: facts.Date{}}, func(*Claim) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("no claims")
		}
	}
}

// stageBench runs f on every sentence of the bench text.
func stageBench(b *testing.B, f func(c *Checker, st *docState, w *words, s string)) {
	c := newDefaultChecker(b)
	text := benchText(b, c)
	sents := benchSentences(b, c, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		st, w := newDocState(facts.Date{}), new(words)
		for _, s := range sents {
			f(c, st, w, s)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	stageBench(b, func(c *Checker, st *docState, w *words, s string) {
		w.toks, w.lower = appendTokens(w.toks[:0], w.lower, s)
		c.lex.words.classify(w.toks)
	})
}

// BenchmarkGate: the one scan that turns away sentences that cannot matter
// (about half of the bench text's).
func BenchmarkGate(b *testing.B) {
	stageBench(b, func(c *Checker, st *docState, w *words, s string) {
		c.mayMatter(s)
	})
}

func BenchmarkFindTimes(b *testing.B) {
	c := newDefaultChecker(b)
	sents := benchSentences(b, c, benchText(b, c))
	toks := make([][]token, len(sents))
	var n int
	for i, s := range sents {
		toks[i] = tokenize(s)
		c.lex.words.classify(toks[i])
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var buf []timeExpr
	for b.Loop() {
		for _, t := range toks {
			buf = appendTimes(buf[:0], t, timeContext{})
		}
	}
}

func BenchmarkFindMentions(b *testing.B) {
	c := newDefaultChecker(b)
	sents := benchSentences(b, c, benchText(b, c))
	toks := make([][]token, len(sents))
	times := make([][]timeExpr, len(sents))
	var n int
	for i, s := range sents {
		toks[i] = tokenize(s)
		c.lex.words.classify(toks[i])
		times[i] = findTimes(toks[i], timeContext{})
		n += len(s)
	}
	st := newDocState(facts.Date{})
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for i := range toks {
			c.findMentions(toks[i], times[i], st)
		}
	}
}

func BenchmarkParseSentence(b *testing.B) {
	stageBench(b, func(c *Checker, st *docState, w *words, s string) { c.parseSentence(s, st, w) })
}

func BenchmarkJudge(b *testing.B) {
	c := newDefaultChecker(b)
	sents := benchSentences(b, c, benchText(b, c))
	st, w := newDocState(facts.Date{}), new(words)
	var claims []*Claim
	for _, s := range sents {
		claims = append(claims, c.parseSentence(s, st, w)...)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(claims)), "claims/op")
	for b.Loop() {
		for _, cl := range claims {
			cp := *cl
			c.judge(&cp, st)
		}
	}
}
