package checker

import (
	"bufio"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/relcheck/relcheck/checker/markup"
	"github.com/relcheck/relcheck/facts"
)

// primedState is a document state in which everything that can resolve
// does: a man and a woman named, a time said, an event of each kind just
// matched, every person named recently, a document date. A sentence that
// leaves such a state without a time, a mention or a claim holds none
// anywhere.
func primedState(c *Checker) *docState {
	st := newDocState(facts.Date{Y: 2020, M: 6, D: 1, Prec: facts.Day})
	for _, p := range c.rec.People {
		st.seq++
		st.named(c.lex.people[p.ID])
	}
	for _, e := range c.rec.Events {
		st.noteEvent(string(e.Kind), e.ID)
	}
	st.lastTime = yearIv(1990)
	st.timeSeq = st.seq
	return st
}

// checkGate fails if the gate turns away a sentence that matters, in a
// primed state: one that holds a time, makes a claim, leaves anything for
// the next sentence, or mentions anything but places other than countries
// (which matter only with a claim). It reports whether the gate let the
// sentence through.
func checkGate(t *testing.T, c *Checker, s string) bool {
	t.Helper()
	through := c.mayMatter(s)
	if through {
		return true
	}
	toks := tokenize(s)
	c.lex.words.classify(toks)
	st := primedState(c)
	times := appendTimes(nil, toks, st.timeContext())
	var kept []string
	for _, m := range c.findMentions(toks, times, st) {
		if m.kind != "place" || m.isCountry {
			kept = append(kept, m.kind+" "+strings.Join(m.ids, "|"))
		}
	}
	before := leftBy(primedState(c))
	after := primedState(c)
	claims := c.parseTokens(s, toks, after)
	after.seq-- // the sentence is counted either way
	if len(times) > 0 || len(kept) > 0 || len(claims) > 0 {
		t.Errorf("the gate turned away %q, which holds %d times, %d claims and mentions %v", s, len(times), len(claims), kept)
	}
	if diff := cmp.Diff(before, leftBy(after)); diff != "" {
		t.Errorf("the gate turned away %q, which leaves this for the next sentence (-primed +after):\n%s", s, diff)
	}
	return false
}

// left is what a document state holds for the sentences to come.
type left struct {
	Named     []string // gender and id of the last person named of each gender
	Recent    []int
	Countries []string
	LastTime  facts.Interval
	TimeSeq   int
	Seq       int
	LastEvent map[string]string
	EventSeq  map[string]int
}

func leftBy(st *docState) left {
	l := left{Recent: slices.Clone(st.recent), Countries: slices.Clone(st.countries), LastTime: st.lastTime, TimeSeq: st.timeSeq,
		Seq: st.seq, LastEvent: maps.Clone(st.lastEvent), EventSeq: maps.Clone(st.eventSeq)}
	for _, n := range st.last {
		l.Named = append(l.Named, string(n.gender)+" "+n.who.ids[0])
	}
	return l
}

// repoSentences are the sentences of every text the repository holds: the
// articles, the evaluation sets, the false-positive lists.
func repoSentences(t *testing.T) []string {
	t.Helper()
	var out []string
	read := func(text string, f markup.Format) {
		rd := markup.NewReader(strings.NewReader(text), f)
		for {
			b, err := rd.Next()
			if err != nil {
				return
			}
			for _, seg := range b.Segments {
				out = append(out, b.Text[seg.Start:seg.End])
			}
		}
	}
	files, _ := filepath.Glob("../testdata/*/*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // a folder
		}
		switch {
		case strings.HasSuffix(name, ".jsonl"):
			sc := bufio.NewScanner(strings.NewReader(string(data)))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var l Labelled
				if json.Unmarshal(sc.Bytes(), &l) == nil {
					read(l.Text, markup.Text)
				}
			}
		case strings.HasSuffix(name, ".golden"):
		default:
			f, _ := markup.FormatFor(name)
			read(string(data), f)
		}
	}
	if len(out) < 500 {
		t.Fatalf("only %d sentences in testdata", len(out))
	}
	return out
}

// TestGateIsSound: no sentence of the repository's texts, nor of the
// benchmarks' generated prose, is turned away while it matters, with the
// default record or a made-up one.
func TestGateIsSound(t *testing.T) {
	sentences := repoSentences(t)
	for _, c := range []*Checker{newDefaultChecker(t), newTestChecker(t, "norland")} {
		all := slices.Concat(sentences, benchSentences(t, c, benchText(t, c)))
		through := 0
		for _, s := range all {
			if checkGate(t, c, s) {
				through++
			}
		}
		t.Logf("%d of %d sentences let through", through, len(all))
	}
}

// TestGateTurnsAway: what the gate is for. Sentences without a time, a name
// or a claim cost one scan; each kind of word that may matter lets its
// sentence through.
func TestGateTurnsAway(t *testing.T) {
	c := newDefaultChecker(t)
	for _, s := range []string{
		"A reception was held in the evening, with folk dancers and a military band.",
		"Historians still disagree about what was said behind closed doors.",
		"It was, one observer wrote, “a meeting of old friends who no longer agree on very much.”",
		"Officials said the talks had been cordial but declined to give details.",
		"Later that week, the parliament debated the budget for more than six hours.",
		"The delegation's co-ordinator, a well-known film-maker, was absent.",
		// places other than countries, without a claim word
		"Newspapers in Minsk carried the story on their front pages the next morning.",
		"The talks in Tashkent were productive.",
		"The treaty was signed.",                                                                                     // a claim word, with no name, no place and no time
		"Analysts noted that the rouble exchange rate remained a sensitive question.",                                // an agreement\'s keyword in lower case
		"The correspondent’s notes describe the mood as tense, though the official communiqué used warmer language.", // a letter beyond ASCII, in lower case
		"Later that week, the government debated the space programme.",                                               // one word of "head of government", of "MTC programme"
		"Economists have long argued that the tea harvest is tied to the wider relationship.",                        // a relations noun, no start word
		"The weather in St. Petersburg was unusually warm for the season.",
		"Students at the university in Kazan staged a small protest.",
	} {
		if through := c.mayMatter(s); through {
			t.Errorf("let through %q", s)
		}
	}
	for _, s := range []string{
		"The talks ended in 1971.",             // a digit
		"The talks ended that December.",       // a month
		"The talks resumed two years later.",   // "years"
		"Officials welcomed Brezhnev warmly.",  // a name
		"Officials welcomed Krushchev warmly.", // a misspelt name
		"Officials welcomed him warmly.",       // a pronoun
		"The last summit was a quiet one.",     // a claim without a name or a time
		"This visit is seen as the beginning of relations.",
		"The Soviet delegation left early.",         // an adjective of the record
		"The prime minister left early.",            // a title
		"Officials welcomed Jean-Baptiste warmly.",  // a long capitalised word joined to more
		"Officials welcomed Gorbachëv warmly.",      // a letter beyond ASCII
		"Officials welcomed Gorbachov’s envoy.",     // a possessive with a typographic apostrophe
		"Officials welcomed Černenko warmly.",       // a name of the record beyond ASCII
		"Officials discussed Kudankulam.",           // an agreement\'s keyword
		"Officials welcomed Brežněv warmly.",        // a misspelt one
		"Officials welcomed the Élysée delegation.", // a capital beyond ASCII
		"Newspapers in India carried the story.",    // a country
		"The delegation toured Minsk.",              // a place and a claim word
		"The delegation was in Minsk.",              // a place and a visit trigger
		"The delegation was back in Minsk.",
		"The deal was signed in Minsk.",
	} {
		if through := checkGate(t, c, s); !through {
			t.Errorf("turned away %q", s)
		}
	}
}

// TestGateLowerOK: a record with a phrase written without ASCII has every
// letter beyond ASCII let through, in either case.
func TestGateLowerOK(t *testing.T) {
	if !newDefaultChecker(t).lex.gate.lowerOK {
		t.Error("the default record has a phrase without ASCII letters or digits")
	}
	if newGate(map[string][]entry{"москва": {{kind: "place", ids: []string{"msk"}}}}, nil).lowerOK {
		t.Error("a phrase written in Cyrillic alone leaves lower-case letters beyond ASCII to be passed over")
	}
}

// TestGateLetsThroughEveryPhrase: a sentence that writes a phrase of the
// lexicon is let through, whether its words are read eight bytes at a time
// or, near the end of the sentence, one at a time, and in any case (an
// agreement's keyword, with a capital); a place other than a country, when
// a claim word or visit trigger is near.
func TestGateLetsThroughEveryPhrase(t *testing.T) {
	for _, c := range []*Checker{newDefaultChecker(t), newTestChecker(t, "norland")} {
		for k, es := range c.lex.phrases {
			city := !slices.ContainsFunc(es, func(e entry) bool { return e.kind != "place" || e.isCountry })
			written := []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]}
			if slices.ContainsFunc(es, func(e entry) bool { return e.keyword }) &&
				!slices.ContainsFunc(es, func(e entry) bool { return !e.keyword && (e.kind != "place" || e.isCountry) }) {
				// an agreement's keyword names it only with a capital
				city, written = false, written[1:]
			}
			for _, p := range written {
				sentences := []string{p, p + ".", "Officials said that " + p + " was mentioned in the evening papers."}
				if city {
					sentences = []string{"visited " + p, "The delegation was in " + p + ".", p + " hosted the delegation.",
						"The delegation toured " + p + " in the evening and left."}
				}
				for _, s := range sentences {
					if through := c.mayMatter(s); !through {
						t.Errorf("turned away %q", s)
					}
				}
			}
		}
	}
}

// TestVisitNearNext: visitNearNext holds every word that makes a visit
// trigger after one of visitNearWords, of every word the repository's
// texts and the lexicon use, so that the gate, which knows the trigger
// only by these lists, lets through every sentence of places that has one.
func TestVisitNearNext(t *testing.T) {
	c := newDefaultChecker(t)
	vocab := map[string]bool{}
	for _, s := range repoSentences(t) {
		for _, tok := range tokenize(s) {
			vocab[tok.norm] = true
		}
	}
	for k := range c.lex.phrases {
		for _, w := range strings.Fields(k) {
			vocab[w] = true
		}
	}
	found := 0
	for near := range visitNearWords {
		for w := range vocab {
			for _, rest := range []string{"", " Moscow", " in Moscow", " to Moscow", " down", " foot"} {
				text := "Brezhnev " + near + " " + w + rest
				toks := tokenize(text)
				c.lex.words.classify(toks)
				s := &sentence{text: text, toks: toks}
				s.ments = c.findMentions(toks, nil, newDocState(facts.Date{}))
				if len(toks) < 3 || toks[1].norm != near || !s.isVisitTrigger(1) {
					continue
				}
				found++
				if !visitNearNext[toks[2].norm] {
					t.Errorf("%q: %q makes a trigger after %q, and visitNearNext lacks it", text, toks[2].norm, near)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no trigger found: the test tests nothing")
	}
}

// FuzzGate: the gate never turns away a sentence that matters.
func FuzzGate(f *testing.F) {
	for _, s := range []string{
		"Brezhnev visited India in 1964 and 1973.",
		"The talks resumed two years later.",
		"Officials welcomed Krushchev’s envoy.",
		"A reception was held in the evening.",
		"St. Petersburg hosted the 18th summit.",
		"She left that March, the following year.",
		"a twenty-year treaty",
	} {
		f.Add(s)
	}
	c := newDefaultChecker(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkGate(t, c, s)
	})
}

// TestFuzzyMayKeepsEveryMatch: the length test before the misspelt-name
// memo never turns away a word that fuzzyLookup takes for a name. Every
// name is misspelt by one and two deletions, doublings and substitutions.
func TestFuzzyMayKeepsEveryMatch(t *testing.T) {
	for _, c := range []*Checker{newDefaultChecker(t), newTestChecker(t, "norland")} {
		var variants []string
		for name := range c.lex.fuzzy {
			for i := range len(name) {
				del := name[:i] + name[i+1:]
				variants = append(variants, del, name[:i]+name[i:i+1]+name[i:], name[:i]+"x"+name[i+1:])
				for j := range len(del) {
					variants = append(variants, del[:j]+del[j+1:], del[:j]+"q"+del[j:])
				}
			}
		}
		found := 0
		for _, v := range variants {
			if v == "" || c.fuzzyLookup(v) == "" {
				continue
			}
			found++
			if !c.lex.fuzzyMay(v) {
				t.Errorf("fuzzyMay turned away %q, which fuzzyLookup takes for %s", v, c.fuzzyLookup(v))
			}
		}
		if found == 0 {
			t.Error("no misspelling matched a name: the test tests nothing")
		}
	}
}
