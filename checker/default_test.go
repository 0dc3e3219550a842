package checker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/facts"
)

func newDefaultChecker(t testing.TB) *Checker {
	t.Helper()
	rec, err := facts.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(rec, Options{MinConfidence: 0.6})
}

// parsed is what the claim parser pins: who, where to, when, and how.
type parsed struct {
	Kind     string
	Subjects []string
	To       string // country of the first place named, at the claim's date
	Time     string
	Negated  bool
	Count    int
	Mode     Mode
}

func parseSummary(c *Checker, claims []*Claim) []parsed {
	var out []parsed
	for _, cl := range claims {
		p := parsed{Kind: cl.Kind, Subjects: cl.Subjects, Time: cl.Time.When.String(), Negated: cl.Negated, Count: cl.Count, Mode: cl.Mode}
		if len(cl.Places) > 0 {
			p.To = c.rec.CountryAt(cl.Places[0], cl.Time.When.Lo())
		}
		out = append(out, p)
	}
	return out
}

// TestConstructions: the claim parser on the constructions journalists use.
func TestConstructions(t *testing.T) {
	c := newDefaultChecker(t)
	tests := []struct {
		name, text string
		want       []parsed
	}{
		{"flew to a city, treaty in passing", "Indira Gandhi flew to Moscow in September 1971, weeks after the treaty was signed.",
			[]parsed{{KindVisit, []string{"indira-gandhi"}, "ussr", "1971-09", false, 0, Asserted}}},
		{"has been to, list", "Putin has been to India in 2000, 2002 and 2004.",
			[]parsed{{KindVisit, []string{"vladimir-putin"}, "india", "2000", false, 0, Asserted}, {KindVisit, []string{"vladimir-putin"}, "india", "2002", false, 0, Asserted}, {KindVisit, []string{"vladimir-putin"}, "india", "2004", false, 0, Asserted}}},
		{"two visitors, full date", "Bulganin and Khrushchev arrived in New Delhi on 18 November 1955.",
			[]parsed{{KindVisit, []string{"nikolai-bulganin", "nikita-khrushchev"}, "india", "1955-11-18", false, 0, Asserted}}},
		{"pronoun and carried time", "Kosygin mediated at Tashkent in 1966. He then flew to Delhi for the funeral.",
			[]parsed{{KindVisit, []string{"alexei-kosygin"}, "india", "1966", false, 0, Asserted}}},
		{"decade part and count", "In the mid-1980s Rajiv Gandhi travelled to Moscow twice.",
			[]parsed{{KindVisit, []string{"rajiv-gandhi"}, "ussr", "1983/1986", false, 2, Asserted}}},
		{"negation", "Modi did not go to Russia in 2016.",
			[]parsed{{KindVisit, []string{"narendra-modi"}, "russia", "2016", true, 0, Asserted}}},
		{"question", "Did Putin visit India in 2019?",
			[]parsed{{KindVisit, []string{"vladimir-putin"}, "india", "2019", false, 0, Question}}},
		{"possessive and year before noun", "Brezhnev's 1973 visit to India was a success.",
			[]parsed{{KindVisit, []string{"leonid-brezhnev"}, "india", "1973", false, 0, Asserted}}},
		{"passive", "India was visited by Yeltsin in 1993.",
			[]parsed{{KindVisit, []string{"boris-yeltsin"}, "india", "1993", false, 0, Asserted}}},
		{"hosted", "New Delhi hosted Gorbachev in November 1986.",
			[]parsed{{KindVisit, []string{"mikhail-gorbachev"}, "india", "1986-11", false, 0, Asserted}}},
		{"misspellings", "Krushchev and Gorbachov both came to India, in 1960 and 1986.",
			[]parsed{{KindVisit, []string{"nikita-khrushchev", "mikhail-gorbachev"}, "india", "1960", false, 0, Asserted}, {KindVisit, []string{"nikita-khrushchev", "mikhail-gorbachev"}, "india", "1986", false, 0, Asserted}}},
		{"range", "Between 1985 and 1991 Gorbachev was in India twice.",
			[]parsed{{KindVisit, []string{"mikhail-gorbachev"}, "india", "1985/1991", false, 2, Asserted}}},
		{"relative year", "Putin came to India in 2004. He returned to New Delhi two years later.",
			[]parsed{{KindVisit, []string{"vladimir-putin"}, "india", "2004", false, 0, Asserted}, {KindVisit, []string{"vladimir-putin"}, "india", "2006", false, 0, Asserted}}},
		{"abbreviated place name", "Vajpayee arrived in St. Petersburg in 2001.",
			[]parsed{{KindVisit, []string{"atal-bihari-vajpayee"}, "russia", "2001", false, 0, Asserted}}},
		{"future", "Putin will travel to India next month.",
			[]parsed{{KindVisit, []string{"vladimir-putin"}, "india", "", false, 0, Future}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			claims := c.CheckString(tc.text, Input{})
			if diff := cmp.Diff(tc.want, parseSummary(c, claims)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestFalsePositives: questions, conditions, plans, opinions, quotations and
// sentences with no claim must never be contradicted.
func TestFalsePositives(t *testing.T) {
	c := newDefaultChecker(t)
	files, _ := filepath.Glob("../testdata/falsepositives/*.txt")
	if len(files) == 0 {
		t.Fatal("no false-positive files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			for _, cl := range c.CheckString(line, Input{}) {
				if cl.Verdict == Contradicted {
					t.Errorf("%s:%d: %q contradicted: %s", f, n+1, line, cl.Explanation)
				}
				if strings.HasPrefix(filepath.Base(f), "no-claims") {
					t.Errorf("%s:%d: %q gave a %s claim", f, n+1, line, cl.Kind)
				}
			}
		}
	}
}

// TestPinnedFacts: well-known facts, so that lost data fails loudly.
func TestPinnedFacts(t *testing.T) {
	c := newDefaultChecker(t)
	tests := []struct {
		text string
		want []Verdict
	}{
		{"Putin visited India eleven times.", []Verdict{Supported}},
		{"Putin visited India ten times.", []Verdict{Contradicted}},
		{"Khrushchev became First Secretary in 1953.", []Verdict{Supported}},
		{"Khrushchev became Premier in 1955.", []Verdict{Contradicted}},
		{"Diplomatic relations between India and the Soviet Union were established on 13 April 1947.", []Verdict{Supported}},
		{"Relations between India and the Soviet Union began in the late 1950s.", []Verdict{Contradicted}},
		{"Brezhnev visited India in 1964 and 1973.", []Verdict{Contradicted, Supported}},
		{"Soviet Prime Minister Nikita Khrushchev visited India in 1955.", []Verdict{Supported, Contradicted}},
		{"Soviet Premier Nikita Khrushchev visited India in 1960.", []Verdict{Supported, Supported}},
		{"Russian President Vladimir Putin visited India in 2010.", []Verdict{Supported, Supported}},
		{"Putin did not visit India in 2003.", []Verdict{Supported}},
		{"The 15th annual summit was held in New Delhi in 2014.", []Verdict{Supported}},
		{"The 15th annual summit was held in Moscow in 2014.", []Verdict{Contradicted}},
		{"The first annual India-Russia summit was held in New Delhi in October 2000.", []Verdict{Supported}},
		{"The 2nd Indo-Russian annual summit was held in 2003.", []Verdict{Contradicted}},
		{"India signed the treaty of friendship with the Soviet Union in 1971.", []Verdict{Supported}},
		{"Indira Gandhi visited the Soviet Union in 1967 and 1984.", []Verdict{Unknown, Unknown}},
		{"The last leader of the Soviet Union, Mikhail Gorbachev, visited India in 1986.", []Verdict{Supported, Supported}},
		{"India's first Prime Minister, Jawaharlal Nehru, visited the Soviet Union in 1955.", []Verdict{Supported, Supported}},
		// a first or last visit to a city: the record orders visits by country
		{"Modi first visited Russia in 2015.", []Verdict{Supported}},
		{"Modi first visited St Petersburg in 2015.", []Verdict{Unknown}}, // Ufa in July, Moscow in December; St Petersburg in 2017
		{"Modi first visited Moscow in 2010.", []Verdict{Contradicted}},   // before any visit to Russia
		{"Modi last visited Moscow in 2019.", []Verdict{Unknown}},         // the last visit to Russia, to Kazan, does not tell
		// "returned" starts a visit of its own: no first visit
		{"Modi first visited Russia in 2010 and returned in 2015.", []Verdict{Contradicted, Supported}},
		{"Modi, who first visited St Petersburg in 2012, returned there in 2015.", []Verdict{Contradicted, Unknown}},
		{"Putin's third visit to India came in 2007.", []Verdict{Contradicted}}, // "came" is the noun's verb
		// an agreement's keyword after a visit verb names a place the record does not hold
		{"Indira Gandhi visited Kudankulam in 1966.", []Verdict{Unknown}},
		// … and names no agreement: the one visit claim, no agreement "of 2018"
		{"Narendra Modi visited Kudankulam in 2018 to sign several agreements.", []Verdict{Unknown}},
		{"Modi went to Kudankulam in 2018 and signed the Kudankulam agreement.", []Verdict{Unknown, Contradicted}},
		// a keyword names its agreement only with a capital: "exchange" is the
		// keyword of the Reciprocal Exchange of Logistic Support agreement
		{"India and the Soviet Union signed an exchange agreement on rupee trade in 1978.", []Verdict{Unknown}},
		{"Gromyko signed the cultural exchange programme with Bulganin on 18 February 2025.", nil},
		{"The Reciprocal Exchange of Logistic Support agreement was signed in 2025.", []Verdict{Supported}},
		// … and after "in", it is the place it is named after
		{"Andropov signed the Tashkent Declaration in Kudankulam on 6 April 2013.", []Verdict{Contradicted}},
		{"Mikoyan signed the protocol on space research in Kudankulam in 2014.", []Verdict{Unknown}},
		// an agreement the claim does not name is one its signers signed
		{"Gorbachev signed an agreement on fertiliser supplies on 3 October 2000.", []Verdict{Unknown}},
		// … and one it describes after its noun is one the record lists
		{"Putin signed the agreement on fertiliser supplies on 3 October 2000.", []Verdict{Unknown}},
		{"Putin signed an agreement on strategic partnership on 3 October 2000.", []Verdict{Supported}},
		{"Putin and Vajpayee signed an agreement in New Delhi on 3 October 2000.", []Verdict{Supported}},
		{"India and Russia signed an agreement on 3 October 2000.", []Verdict{Supported}},
	}
	for _, tc := range tests {
		var got []Verdict
		claims := c.CheckString(tc.text, Input{})
		for _, cl := range claims {
			got = append(got, cl.Verdict)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			for _, cl := range claims {
				t.Logf("  %s %s: %s | %s", cl.Kind, cl.Verdict, cl.Explanation, cl.Correction)
			}
		}
	}
}

// TestUnlistedAgreements: an agreement described by a word before its noun
// or a subject after it, which the record's agreements do not name, is one
// the record does not list; a time, a term or a pronoun after the noun is no
// subject, and a subject an agreement's name holds names that agreement.
func TestUnlistedAgreements(t *testing.T) {
	c := newDefaultChecker(t)
	tests := []struct{ text, unlisted string }{
		{"Putin signed a fisheries agreement on 3 October 2000.", "fisheries agreement"},
		{"Putin signed the agreement on fertiliser supplies on 3 October 2000.", "agreement on fertiliser supplies"},
		{"Putin signed a protocol for space research with Vajpayee in 2000.", "protocol for space research"},
		{"Putin signed an agreement regarding the price of grain in 2000.", "agreement regarding the price of grain"},
		{"Putin signed an agreement on strategic partnership on 3 October 2000.", ""},
		{"Putin signed an agreement on 3 October 2000.", ""},
		{"Putin signed an agreement on the 3rd of October 2000.", ""},
		{"Putin signed an agreement about it on 3 October 2000.", ""},
		{"Putin signed an agreement on the 3 October 2000 visit.", ""},
	}
	for _, tc := range tests {
		claims := c.CheckString(tc.text, Input{})
		if len(claims) == 0 {
			t.Errorf("%q: no claim", tc.text)
			continue
		}
		cl := claims[0]
		if cl.Kind != KindAgreement || cl.Unlisted != tc.unlisted {
			t.Errorf("%q: %s claim, unlisted %q; want an agreement, unlisted %q", tc.text, cl.Kind, cl.Unlisted, tc.unlisted)
			continue
		}
		if tc.unlisted != "" && (cl.Verdict != Unknown || !strings.Contains(cl.Explanation, `"`+tc.unlisted+`"`)) {
			t.Errorf("%q: %s, %q; want unknown, naming %q", tc.text, cl.Verdict, cl.Explanation, tc.unlisted)
		}
	}
}
