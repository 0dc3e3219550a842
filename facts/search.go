package facts

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"

	"github.com/relcheck/relcheck/internal/edit"
)

// Hit is one search result.
type Hit struct {
	Kind  string // "person", "place", "office" or an event kind
	ID    string
	Label string
	Score int
}

// Search ranks people, places, offices and events against a free query such
// as "gorbachov", "krushchev", "rajiv" or "putin 2010". Words are matched as
// subsequences (sahilm/fuzzy) and, for misspellings, within a small edit
// distance; a year narrows events to those that overlap it.
func (r *Record) Search(query string) []Hit {
	var words []string
	var years []int
	for _, w := range strings.FieldsFunc(strings.ToLower(query), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' }) {
		if n, err := strconv.Atoi(w); err == nil && len(w) == 4 {
			years = append(years, n)
			continue
		}
		words = append(words, w)
	}
	type cand struct {
		hit   Hit
		names []string
	}
	var cands []cand
	for _, p := range r.People {
		cands = append(cands, cand{Hit{Kind: "person", ID: p.ID, Label: p.Name}, append([]string{p.Name}, p.Aliases...)})
	}
	for _, p := range r.Places {
		cands = append(cands, cand{Hit{Kind: "place", ID: p.ID, Label: p.Name}, append(append([]string{p.Name}, p.Aliases...), p.Adjectives...)})
	}
	for _, o := range r.Offices {
		cands = append(cands, cand{Hit{Kind: "office", ID: o.ID, Label: o.Name}, append([]string{o.Name}, o.Titles...)})
	}
	personScore := map[string]int{}
	var hits []Hit
	for _, c := range cands {
		s := matchWords(words, c.names)
		if s > 0 && len(words) > 0 {
			c.hit.Score = s
			hits = append(hits, c.hit)
			if c.hit.Kind == "person" {
				personScore[c.hit.ID] = s
			}
		}
	}
	for _, e := range r.Events {
		if len(years) > 0 && !overlapsAnyYear(e.When, years) {
			continue
		}
		s := 0
		for _, w := range e.Who {
			s = max(s, personScore[w]-1) // below the person, for a query that names only them
		}
		names := append([]string{e.Title, e.ID}, e.Names...)
		for _, pl := range e.Places {
			if p := r.places[pl]; p != nil {
				names = append(names, p.Name)
			}
		}
		s = max(s, matchWords(words, names))
		if len(words) == 0 && len(years) > 0 {
			s = 1
		}
		if s > 0 || (len(words) > 0 && s == 0 && anyPersonIn(e.Who, personScore)) {
			s = max(s, 1)
			label := e.When.String() + " " + e.Title
			hits = append(hits, Hit{Kind: e.Kind, ID: e.ID, Label: label, Score: s + 10*len(years)})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		if ri, rj := kindRank(hits[i].Kind), kindRank(hits[j].Kind); ri != rj {
			return ri < rj
		}
		return hits[i].ID < hits[j].ID
	})
	return hits
}

// matchWords scores how well every query word matches some word of the
// names: 3 exact, 2 prefix or subsequence, 1 within edit distance; 0 if any
// query word matches nothing.
func matchWords(words []string, names []string) int {
	if len(words) == 0 {
		return 0
	}
	var nameWords []string
	for _, n := range names {
		nameWords = append(nameWords, strings.FieldsFunc(strings.ToLower(n), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })...)
	}
	total := 0
	for _, w := range words {
		best := 0
		for _, m := range fuzzy.Find(w, nameWords) {
			nw := nameWords[m.Index]
			switch {
			case nw == w:
				best = max(best, 3)
			case strings.HasPrefix(nw, w) || len(w) >= 4:
				best = max(best, 2)
			}
		}
		if best == 0 && len(w) >= 5 {
			for _, nw := range nameWords {
				if edit.Distance(w, nw, len(w)/4) <= len(w)/4 {
					best = 1
					break
				}
			}
		}
		if best == 0 {
			return 0
		}
		total += best
	}
	return total
}

func overlapsAnyYear(iv Interval, years []int) bool {
	for _, y := range years {
		if iv.Overlaps(Interval{Date{Y: y, Prec: Year}, Date{Y: y, Prec: Year}}) {
			return true
		}
	}
	return false
}

func anyPersonIn(who []string, score map[string]int) bool {
	for _, w := range who {
		if score[w] > 0 {
			return true
		}
	}
	return false
}

// kindRank orders equal scores: people, then places, offices, events.
func kindRank(kind string) int {
	switch kind {
	case "person":
		return 0
	case "place":
		return 1
	case "office":
		return 2
	}
	return 3
}
