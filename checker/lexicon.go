package checker

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/relcheck/relcheck/facts"
)

// entry is what a phrase of the lexicon stands for.
type entry struct {
	kind string   // "person", "place", "adjective", "office", "event"
	ids  []string // more than one when the phrase is ambiguous
	how  Resolution
	conf float64 // confidence(how), set once the lexicon is built
	// persons: who each id is (the same order as ids); places and
	// adjectives: whether ids[0] is a country
	who       []*person
	isCountry bool
	// a proper noun that stands for an agreement (addKeywords): it names
	// the agreement only where it is written with a capital
	keyword bool
}

// person is what the lexicon knows of one person of the record. A
// mention's person is a pointer to it, so that what a document remembers of
// people (docState.named) needs no lookup by id.
type person struct {
	ids    []string // the person's id as a list of one, shared by every mention
	n      int      // the person's index in the record: docState.recent's slot
	gender byte
}

// lexicon holds every phrase the record teaches the checker to recognise.
type lexicon struct {
	phrases map[string][]entry
	maxLen  int
	// every word the checker asks about: the grammar's word sets, and the
	// phrases by their first word, longest first, so that a sentence is
	// matched with one lookup per word
	words *wordTable
	// which sentences may matter (see gate)
	gate *gate
	// single-word person names (surnames, one-word aliases) for misspellings,
	// by first letter
	fuzzy    map[string][]string
	byLetter map[byte][]string
	// by first byte, the lengths in runes (as lengthBit) of the words that
	// are within fuzzyLookup's distance of a candidate name (see fuzzyMay)
	fuzzyLens [256]uint64
	// words that are never taken for a misspelt name
	vocab map[string]bool
	// the record's people by id
	people map[string]*person
}

func newLexicon(r *facts.Record) *lexicon {
	lx := &lexicon{phrases: map[string][]entry{}, fuzzy: map[string][]string{}, vocab: map[string]bool{}, people: map[string]*person{}}
	surnames := map[string][]string{}
	for n, p := range r.People {
		lx.people[p.ID] = &person{ids: []string{p.ID}, n: n, gender: p.Gender}
		lx.add(p.Name, entry{kind: "person", ids: []string{p.ID}, how: ByName})
		for _, a := range p.Aliases {
			lx.add(a, entry{kind: "person", ids: []string{p.ID}, how: ByAlias})
			if k := phraseKey(a); !strings.Contains(k, " ") {
				lx.fuzzy[k] = appendNew(lx.fuzzy[k], p.ID)
			}
		}
		words := strings.Fields(phraseKey(p.Name))
		if len(words) > 1 {
			last := words[len(words)-1]
			surnames[last] = appendNew(surnames[last], p.ID)
		}
	}
	for s, ids := range surnames {
		if len(lx.phrases[s]) == 0 {
			lx.phrases[s] = append(lx.phrases[s], entry{kind: "person", ids: ids, how: BySurname})
		}
		lx.fuzzy[s] = append(lx.fuzzy[s], ids...)
	}
	for _, pl := range r.Places {
		lx.add(pl.Name, entry{kind: "place", ids: []string{pl.ID}, how: ByName})
		for _, a := range pl.Aliases {
			lx.add(a, entry{kind: "place", ids: []string{pl.ID}, how: ByAlias})
		}
		for _, a := range pl.Adjectives {
			lx.add(a, entry{kind: "adjective", ids: []string{pl.ID}, how: ByName})
		}
	}
	for _, o := range r.Offices {
		for _, t := range o.Titles {
			lx.add(t, entry{kind: "office", ids: []string{o.ID}, how: ByTitle})
		}
	}
	for _, e := range r.Events {
		for _, n := range e.Names {
			lx.add(n, entry{kind: "event", ids: []string{e.ID}, how: ByName})
		}
	}
	lx.addKeywords(r)
	for k := range lx.phrases {
		for _, w := range strings.Fields(k) {
			lx.vocab[w] = true
		}
	}
	for _, w := range commonWords {
		lx.vocab[w] = true
	}
	first := map[string][]phrase{}
	for k, es := range lx.phrases {
		for i := range es {
			e := &es[i]
			e.conf = confidence(e.how)
			switch e.kind {
			case "person":
				for _, id := range e.ids {
					e.who = append(e.who, lx.people[id])
				}
			case "place", "adjective":
				pl := r.Place(e.ids[0])
				e.isCountry = pl != nil && pl.Kind == "country"
			}
		}
		words := strings.Fields(k)
		first[words[0]] = append(first[words[0]], phrase{words: words, entries: es})
	}
	lx.words = newWordTable()
	for w, list := range first {
		sort.Slice(list, func(i, j int) bool {
			if len(list[i].words) != len(list[j].words) {
				return len(list[i].words) > len(list[j].words)
			}
			return strings.Join(list[i].words, " ") < strings.Join(list[j].words, " ")
		})
		info := lx.words.add(w)
		info.phrases = list
		info.cls |= clsPhrase
	}
	lx.gate = newGate(lx.phrases, lx.vocab)
	lx.byLetter = map[byte][]string{}
	for name := range lx.fuzzy {
		lx.byLetter[name[0]] = append(lx.byLetter[name[0]], name)
	}
	for _, names := range lx.byLetter {
		sort.Strings(names)
	}
	for name, ids := range lx.fuzzy {
		if !fuzzyCandidate(name, ids) {
			continue
		}
		l := utf8.RuneCountInString(name)
		for n := max(1, l-2); n <= l+2; n++ {
			if d := n - l; d <= fuzzyMaxDistance(n) && -d <= fuzzyMaxDistance(n) {
				lx.fuzzyLens[name[0]] |= lengthBit(n)
			}
		}
	}
	return lx
}

// phrase is a lexicon phrase split into words.
type phrase struct {
	words   []string
	entries []entry
}

// match reports how many tokens from toks[0] the phrase covers, or 0.
// Inside a phrase, commas are skipped ("Treaty of Peace, Friendship and
// Cooperation"), and so is the dot of an abbreviation, written against its
// word ("St. Petersburg"): a phrase's words are keyed without punctuation.
// toks[0] must be a word, the phrase's first: phrases are filed by their
// first word (see wordInfo), so only the words after it are compared.
func (p *phrase) match(toks []token) int {
	i := 1
	for k := 1; k < len(p.words); i++ {
		if i >= len(toks) {
			return 0
		}
		t := &toks[i]
		if t.punct {
			if t.norm == "," || t.norm == "." && t.start == toks[i-1].end {
				continue
			}
			return 0
		}
		if t.norm != p.words[k] {
			return 0
		}
		k++
	}
	return i
}

// add files a phrase, merging ids of the same kind and resolution.
func (lx *lexicon) add(phrase string, e entry) {
	k := phraseKey(phrase)
	if k == "" {
		return
	}
	if n := strings.Count(k, " ") + 1; n > lx.maxLen {
		lx.maxLen = n
	}
	list := lx.phrases[k]
	for i := range list {
		if list[i].kind == e.kind {
			if e.how == ByName || list[i].how == e.how {
				if e.how == ByName && list[i].how != ByName {
					list[i].how = ByName
					list[i].ids = nil
				}
				for _, id := range e.ids {
					list[i].ids = appendNew(list[i].ids, id)
				}
			}
			return
		}
	}
	lx.phrases[k] = append(list, e)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// commonWords are capitalised often enough at the start of a sentence, or in
// titles, that a misspelt-name match on them would be a false person. The
// record's own vocabulary is added to these.
var commonWords = strings.Fields(`the a an and or but in on at of to for from with by as is was were be been
has have had he she his her it its they them their this that these those there then than when where which who
whom whose what why how after before during since until while about above below between under over into onto
also only even just still yet both each every all any some many most more much such other another same new old
first last next later earlier former late early mid during prime minister president premier general secretary
chairman leader leaders party government state foreign defence defense affairs relations relationship ties
visit visits visited visiting treaty summit agreement deal declaration union
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday however although though because therefore moreover meanwhile
today yesterday tomorrow now here during against among across along around within without toward towards
people country countries nation nations world year years month months week weeks day days time times`)

// addKeywords lets a distinctive proper noun of one agreement's names stand
// for it ("Kudankulam", "BrahMos", "S-400"): a word written only with a
// capital anywhere in the record, found in exactly one agreement, and not
// already a name of something else. In a text, too, it stands for the
// agreement only written with a capital: "an exchange agreement" is not the
// Reciprocal Exchange of Logistic Support agreement.
func (lx *lexicon) addKeywords(r *facts.Record) {
	lower := map[string]bool{} // words the record also writes in lower case
	for _, e := range r.Events {
		for _, text := range append([]string{e.Title, e.Note}, e.Names...) {
			for _, t := range tokenize(text) {
				if !t.punct && !t.cap {
					lower[t.norm] = true
				}
			}
		}
	}
	owners := map[string][]string{}
	for _, e := range r.Events {
		if e.Kind != facts.Agreement {
			continue
		}
		for _, text := range append([]string{e.Title}, e.Names...) {
			for _, t := range tokenize(text) {
				if t.punct || !t.cap || len(t.norm) < 4 || lower[t.norm] || len(lx.phrases[t.norm]) > 0 {
					continue
				}
				owners[t.norm] = appendNew(owners[t.norm], e.ID)
			}
		}
	}
	for w, ids := range owners {
		if len(ids) == 1 {
			lx.phrases[w] = append(lx.phrases[w], entry{kind: "event", ids: ids, how: ByAlias, keyword: true})
		}
	}
}
