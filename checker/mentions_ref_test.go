package checker

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/relcheck/relcheck/facts"
)

// findMentions before it passed over the words that begin no phrase and
// compared a phrase's first word again, kept as the reference that the fast
// one must agree with mention for mention.

func (c *Checker) findMentionsRef(toks []token, times []timeExpr, st *docState) []ment {
	inTime := make([]bool, len(toks))
	for _, t := range times {
		for k := t.start; k < t.end && k < len(toks); k++ {
			inTime[k] = true
		}
	}
	var out []ment
	lx := c.lex
	for i := 0; i < len(toks); i++ {
		if toks[i].punct || inTime[i] {
			continue
		}
		matched := false
		var phrases []phrase
		if info := toks[i].info; info != nil {
			phrases = info.phrases
		}
		for _, ph := range phrases {
			n := matchRef(ph, toks[i:])
			if n == 0 {
				continue
			}
			for _, e := range ph.entries {
				m := ment{start: i, end: i + n, kind: e.kind, ids: e.ids, how: e.how, conf: confidence(e.how), title: -1}
				switch e.kind {
				case "person":
					m.who = lx.people[e.ids[0]]
				case "place", "adjective":
					pl := c.rec.Place(e.ids[0])
					m.isCountry = pl != nil && pl.Kind == "country"
				}
				if e.kind == "person" && len(e.ids) > 1 {
					p := st.recentOf(e.who)
					if p == nil {
						continue
					}
					m.ids = p.ids
					m.who = p
					m.how = ByContext
					m.conf = confidence(ByContext)
				}
				if e.kind == "office" && !hasCap(toks[i:i+n]) && n == 1 && !titleWordLower[toks[i].norm] {
					continue
				}
				if e.kind == "person" && !toks[i].cap || e.keyword && !toks[i].cap {
					continue
				}
				m.asPlace = e.keyword && i > 0 && placePrepositions[toks[i-1].norm]
				out = append(out, m)
				i += n - 1
				matched = true
				break
			}
			if matched {
				break
			}
		}
		if matched {
			continue
		}
		if id := c.fuzzyPerson(toks[i]); id != "" {
			out = append(out, ment{start: i, end: i + 1, kind: "person", ids: lx.people[id].ids, how: ByFuzzy, conf: confidence(ByFuzzy), who: lx.people[id], title: -1})
			continue
		}
		if toks[i].is(clsPronoun) {
			if p := st.lastOf(pronouns[toks[i].norm]); p != nil {
				out = append(out, ment{start: i, end: i + 1, kind: "person", ids: p.ids, how: ByPronoun, conf: confidence(ByPronoun), who: p, title: -1})
			}
		}
	}
	return out
}

// matchRef is phrase.match comparing every word, the first included.
func matchRef(p phrase, toks []token) int {
	k := 0
	for i, t := range toks {
		if t.punct {
			if k > 0 && (t.norm == "," || t.norm == "." && t.start == toks[i-1].end) {
				continue
			}
			return 0
		}
		if t.norm != p.words[k] {
			return 0
		}
		k++
		if k == len(p.words) {
			return i + 1
		}
	}
	return 0
}

var mentionSamples = []string{
	"Soviet Premier Nikolai Bulganin and Nikita Khrushchev visited India in November 1955.",
	"The Treaty of Peace, Friendship and Cooperation was signed in New Delhi on 9 August 1971.",
	"St. Petersburg hosted Modi; the Treaty of Peace, Friendship, and",
	"Krushchev and Brezhnyev met Gandhi. He said she would go to Moscow.",
	"Indira Gandhi visited the Soviet Union, then the USSR, in 1966; Rajiv Gandhi followed in 1985.",
	"the soviet premier Premier premier of the Soviet Union, India's first Prime Minister, Jawaharlal Nehru",
	"BrahMos, S-400, Su-30MKI and Kudankulam deals; Dr. Manmohan Singh and Dr Singh",
	"Gandhi Gandhi, Singh . Putin ,Putin Vladimir . Putin Vladimir Vladimirovich",
	"",
}

// TestFindMentionsAgreesWithReference runs both on sample sentences and on
// the record's own phrases, as written, with commas and dots inside them,
// and lower-cased, each after a sentence that names someone (for the
// pronouns and the shared surnames).
func TestFindMentionsAgreesWithReference(t *testing.T) {
	c := newDefaultChecker(t)
	samples := slices.Clone(mentionSamples)
	for k := range c.lex.phrases {
		samples = append(samples, "In 1971 "+k+" visited.", strings.ToUpper(k[:1])+k[1:]+", "+strings.ReplaceAll(k, " ", " , ")+" and "+strings.ReplaceAll(k, " ", ". "))
	}
	for _, p := range c.rec.People {
		samples = append(samples, p.Name+" arrived; he and she left.")
	}
	st := newDocState(facts.Date{})
	for _, s := range samples {
		checkMentionsAgree(t, c, st, s)
	}
}

func checkMentionsAgree(t *testing.T, c *Checker, st *docState, s string) {
	t.Helper()
	toks := tokenize(s)
	c.lex.words.classify(toks)
	times := findTimes(toks, timeContext{})
	want := c.findMentionsRef(toks, times, st)
	got := slices.Clone(c.findMentions(toks, times, st))
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(ment{}, person{}), cmpNilEmpty); diff != "" {
		t.Errorf("%q (-reference +fast):\n%s", s, diff)
	}
	// the next sentence's pronouns and surnames read what this one named
	for _, m := range got {
		if m.kind == "person" {
			st.seq++
			st.named(m.who)
		}
	}
}

// cmpNilEmpty: no mentions is no mentions, nil or empty.
var cmpNilEmpty = cmp.FilterValues(func(a, b []ment) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

func FuzzFindMentions(f *testing.F) {
	for _, s := range mentionSamples {
		f.Add(s)
	}
	c := newDefaultChecker(f)
	st := newDocState(facts.Date{})
	f.Fuzz(func(t *testing.T, s string) {
		checkMentionsAgree(t, c, st, s)
	})
}

func hasCap(toks []token) bool {
	for _, t := range toks {
		if t.cap {
			return true
		}
	}
	return false
}
