package checker

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/facts"
)

// newTestChecker loads a record folder under ../testdata/records.
func newTestChecker(t testing.TB, dir string) *Checker {
	t.Helper()
	files, err := facts.ReadFiles("../testdata/records/" + dir)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := facts.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	return New(rec, Options{MinConfidence: 0.6})
}

// got is a claim reduced to what a test pins.
type got struct {
	Kind     string
	Subjects []string
	Time     string
	Verdict  Verdict
	Negated  bool
}

func summarize(claims []*Claim) []got {
	var out []got
	for _, cl := range claims {
		out = append(out, got{Kind: cl.Kind, Subjects: cl.Subjects, Time: cl.Time.When.String(), Verdict: cl.Verdict, Negated: cl.Negated})
	}
	return out
}

// TestMadeUpRecord drives every rule with a record of invented countries:
// nothing in the engine may know a name.
func TestMadeUpRecord(t *testing.T) {
	c := newTestChecker(t, "norland")
	tests := []struct {
		name, text, reason string
		want               []got
	}{
		{"visit supported", "Ada Varga visited Sudmark in 1995.", "a recorded visit", []got{{KindVisit, []string{"ada-varga"}, "1995", Supported, false}}},
		{"visit list", "Bruno Kell visited Norland in 1996 and 1999.", "a list makes one claim per year; 1999 is absent from complete coverage",
			[]got{{KindVisit, []string{"bruno-kell"}, "1996", Supported, false}, {KindVisit, []string{"bruno-kell"}, "1999", Contradicted, false}}},
		{"partial coverage", "Ada Varga visited Sudmark in 1999.", "chancellors' visits are only partly recorded", []got{{KindVisit, []string{"ada-varga"}, "1999", Unknown, false}}},
		{"negation supported", "Bruno Kell did not visit Norland in 2003.", "complete coverage, no visit", []got{{KindVisit, []string{"bruno-kell"}, "2003", Supported, true}}},
		{"negation contradicted", "Bruno Kell never visited Norland in 2001.", "he did, in May 2001", []got{{KindVisit, []string{"bruno-kell"}, "2001", Contradicted, true}}},
		{"unverified", "Ivo Tamm went to Aldport in October 2007.", "only an unverified row", []got{{KindVisit, []string{"ivo-tamm"}, "2007-10", Unknown, false}}},
		{"precision", "Ivo Tamm visited Norland in June 2012.", "the 2012 visit was in March: a month is checked at its precision", []got{{KindVisit, []string{"ivo-tamm"}, "2012-06", Contradicted, false}}},
		{"city stands for country", "Ada Varga flew to Brenholm in April 1995.", "Brenholm is in Sudmark", []got{{KindVisit, []string{"ada-varga"}, "1995-04", Supported, false}}},
		{"predecessor name", "Ada Varga visited the Old Mark in 1995.", "Sudmark continues the Old Mark; the name is read loosely", []got{{KindVisit, []string{"ada-varga"}, "1995", Supported, false}}},
		{"question", "Did Kell visit Norland in 2004?", "not asserted", []got{{KindVisit, []string{"bruno-kell"}, "2004", Unknown, false}}},
		{"future", "Ivo Tamm will travel to Norland in 2019.", "not asserted", []got{{KindVisit, []string{"ivo-tamm"}, "2019", Unknown, false}}},
		{"relations", "Relations between Norland and Sudmark began in 1985.", "relations date from 1991", []got{{KindRelations, nil, "1985", Contradicted, false}}},
		{"relations start visit", "Ties between the two countries began in 1996.", "the 1996 visit is counted as a start", []got{{KindRelations, nil, "1996", Supported, false}}},
		{"agreement date", "The Aldport Accord was signed in 1997.", "signed in 1996", []got{{KindAgreement, nil, "1997", Contradicted, false}}},
		{"summit number", "The second annual summit was held in Brenholm in 2003.", "the second was in Aldport", []got{{KindSummit, nil, "2003", Contradicted, false}}},
		{"office at event time", "President Ivo Tamm visited Norland in 2001.", "in 2001 the president was Bruno Kell",
			[]got{{KindVisit, []string{"ivo-tamm"}, "2001", Contradicted, false}, {KindOffice, []string{"ivo-tamm"}, "2001", Supported, false}}},
		{"fuzzy name", "Bruno Kel visited Norland in 2001.", "an alias spelling", []got{{KindVisit, []string{"bruno-kell"}, "2001", Supported, false}}},
		{"misspelt surname", "Lindqvest visited Sudmark in 1992.", "one edit from Lindqvist; chancellors' visits are partial", []got{{KindVisit, []string{"oskar-lind"}, "1992", Unknown, false}}},
		{"after as-of", "Ivo Tamm visited Norland in 2023.", "after the record's date", []got{{KindVisit, []string{"ivo-tamm"}, "2023", Unknown, false}}},
		{"count", "Bruno Kell visited Norland twice.", "two recorded visits", []got{{KindVisit, []string{"bruno-kell"}, "", Supported, false}}},
		{"count wrong", "Bruno Kell visited Norland three times.", "two recorded visits", []got{{KindVisit, []string{"bruno-kell"}, "", Contradicted, false}}},
		{"first visit", "Bruno Kell's first visit to Norland was in 1996.", "the first recorded", []got{{KindVisit, []string{"bruno-kell"}, "1996", Supported, false}}},
		{"common word", "Kelly visited Norland in 2001.", "a name one edit away must not become Bruno Kell unless capitalised names are close: Kelly is a different name", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			claims := c.CheckString(tc.text, Input{})
			if diff := cmp.Diff(tc.want, summarize(claims)); diff != "" {
				t.Errorf("%s\n%q (-want +got):\n%s", tc.reason, tc.text, diff)
				for _, cl := range claims {
					t.Logf("%s %s: %s | %s", cl.Kind, cl.Verdict, cl.Explanation, cl.Correction)
				}
			}
		})
	}
}
