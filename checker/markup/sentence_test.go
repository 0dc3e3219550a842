package markup

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []string
		reason string
	}{
		{"plain", "The council met. It voted twice! Why? Nobody knows…", []string{"The council met.", "It voted twice!", "Why?", "Nobody knows…"},
			"'.', '!', '?' and '…' followed by space or the end end a sentence"},
		{"titles", "Mr. Okafor met Dr. Lind and Gen. Ruiz at St. Mary's.", []string{"Mr. Okafor met Dr. Lind and Gen. Ruiz at St. Mary's."},
			"titles before names never end a sentence"},
		{"initials", "A. B. Varga and V. P. Tamm spoke. P.V. Rao did not.", []string{"A. B. Varga and V. P. Tamm spoke.", "P.V. Rao did not."},
			"single-letter initials, dotted or spaced, never end a sentence"},
		{"acronym before name", "The U.S. President arrived in the U.K. Parliament building.", []string{"The U.S. President arrived in the U.K. Parliament building."},
			"a dotted acronym before a capitalised word that is not a sentence starter does not end a sentence"},
		{"acronym at end", "She moved to the U.S. The move was quick.", []string{"She moved to the U.S.", "The move was quick."},
			"a dotted acronym before 'The' ends a sentence"},
		{"ussr", "The U.S.S.R. collapsed in 1991. Its successor states followed.", []string{"The U.S.S.R. collapsed in 1991.", "Its successor states followed."},
			"a long dotted acronym followed by a lower-case word stays inside"},
		{"months and numbers", "It opened on Jan. 5 at No. 10 Market St. and closed in Sept. Nobody came.", []string{"It opened on Jan. 5 at No. 10 Market St. and closed in Sept.", "Nobody came."},
			"month and number abbreviations hold before a digit but end a sentence before a capitalised word"},
		{"etc lower", "They sold apples, pears, etc. and then left.", []string{"They sold apples, pears, etc. and then left."},
			"a lower-case word never starts a sentence"},
		{"etc upper", "They sold apples, pears, etc. Then they left.", []string{"They sold apples, pears, etc.", "Then they left."},
			"etc. before a capitalised word ends a sentence"},
		{"e.g.", "Some towns, e.g. Harlow, grew. Others, i.e. the rest, did not.", []string{"Some towns, e.g. Harlow, grew.", "Others, i.e. the rest, did not."},
			"e.g. and i.e. never end a sentence"},
		{"company", "Acme Co. Ltd. reported a loss. Brill Inc. said nothing.", []string{"Acme Co. Ltd. reported a loss.", "Brill Inc. said nothing."},
			"Co. before Ltd. holds; Inc. before a lower-case verb holds"},
		{"decimal", "Growth was 3.5 per cent. Inflation was 2.1.", []string{"Growth was 3.5 per cent.", "Inflation was 2.1."},
			"a period inside a number is not followed by space"},
		{"quotes", `He said, “We won the vote.” Then he left. "Really?" she asked.`, []string{`He said, “We won the vote.”`, "Then he left.", `"Really?" she asked.`},
			"closing quotes belong to the sentence; a lower-case word after a quoted question continues it"},
		{"said after quote", "“Will it pass?” Moreau asked. Nobody answered.", []string{"“Will it pass?” Moreau asked.", "Nobody answered."},
			"a name and a verb of saying after a quoted question continue the sentence"},
		{"ellipsis in quotes", "“I don’t know…” he said. Then silence...", []string{"“I don’t know…” he said.", "Then silence..."},
			"an ellipsis before a lower-case word continues the sentence"},
		{"ellipsis mid", "Wait... What happened? Nothing... at all.", []string{"Wait...", "What happened?", "Nothing... at all."},
			"three dots end a sentence before a capital, not before a lower-case word"},
		{"brackets", "The vote passed (by two votes.) A recount followed.", []string{"The vote passed (by two votes.)", "A recount followed."},
			"a closing bracket after the period belongs to the sentence"},
		{"no space after", "See example.com.au for details.Then nothing.", []string{"See example.com.au for details.Then nothing."},
			"a period not followed by space is not a boundary"},
		{"url at end", "Read more at example.com. The site is new.", []string{"Read more at example.com.", "The site is new."},
			"a dotted word whose parts are not single letters ends a sentence"},
		{"a.m.", "The polls close at 8 p.m. Officials expect a record.", []string{"The polls close at 8 p.m.", "Officials expect a record."},
			"a.m./p.m. end a sentence before a sentence starter"},
		{"trailing space", "  One.   Two.  ", []string{"One.", "Two."},
			"segments never include white space"},
		{"only punctuation", "...", []string{"..."},
			"a text of punctuation is one segment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(tc.text)
			var got []string
			for _, s := range segment(text, Paragraph, nil) {
				got = append(got, tc.text[s.Start:s.End])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("segments of %q (-want +got):\n%s\nreason: %s", tc.text, diff, tc.reason)
			}
		})
	}
}

func TestSegmentHeading(t *testing.T) {
	text := []byte("Mr. Smith Goes To Washington. Again!")
	got := segment(text, Heading, nil)
	if want := []Segment{{0, len(text)}}; !cmp.Equal(want, got) {
		t.Errorf("heading segments = %v, want %v", got, want)
	}
}

// TestByteScan checks byteScan and enderScan, which look for each byte (or
// character) apart, against a loop over the bytes, at offsets that grow by
// steps of any size (for enderScan, those at a character boundary).
func TestByteScan(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"word", " ", "a", ".", "!", "?", "…", "“", "é", "\xe2", "\xff", ",", "\x00", ".\"", "x"}
	for n := 0; n < 5000; n++ {
		var text []byte
		for k := rng.Intn(30); k > 0; k-- {
			text = append(text, pieces[rng.Intn(len(pieces))]...)
		}
		e := newByteScan(".!?\xe2")
		es := enderScan{-1, -1, -1, -1}
		for i := 0; i <= len(text); i += rng.Intn(4) {
			want := i
			for want < len(text) && strings.IndexByte(".!?\xe2", text[want]) < 0 {
				want++
			}
			if got := e.find(text, i); got != want {
				t.Fatalf("find(%q, %d) = %d, want %d", text, i, got, want)
			}
			if i == len(text) || utf8.RuneStart(text[i]) {
				want := i
				for want < len(text) && strings.IndexByte(".!?", text[want]) < 0 && !strings.HasPrefix(string(text[want:]), "…") {
					want++
				}
				if got := es.find(text, i); got != want {
					t.Fatalf("enderScan.find(%q, %d) = %d, want %d", text, i, got, want)
				}
			}
			if i == len(text) {
				break
			}
		}
	}
}
