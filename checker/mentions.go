package checker

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relcheck/relcheck/internal/edit"
)

// ment is a mention found in a sentence, by token indexes.
type ment struct {
	start, end int // token indexes, end exclusive
	kind       string
	ids        []string
	how        Resolution
	conf       float64
	// offices: the qualifiers written with the title
	country string // "Soviet", "India's", "of the USSR" → place id
	ordinal int
	// persons: an attached title (index into the mentions), -1 if none
	title int
	// the title is predicated: "X became Premier" (became), "X was Premier"
	// (predicate): a statement about the office, never read as a current title
	became, predicate bool
}

// confidence is how sure a resolution is.
func confidence(how Resolution) float64 {
	switch how {
	case ByName:
		return 1
	case ByAlias:
		return 0.95
	case BySurname:
		return 0.9
	case ByTitle, ByPronoun:
		return 0.85
	case ByContext:
		return 0.8
	case ByFuzzy:
		return 0.7
	}
	return 0
}

// findMentions matches the lexicon's phrases, longest first, and tries
// capitalised unknown words against names within a small edit distance.
//
// The mentions go into the document's reusable buffer: they are valid until
// the next sentence (no claim keeps one).
func (c *Checker) findMentions(toks []token, times []timeExpr, st *docState) []ment {
	var inTime []bool // nil: no time in the sentence
	if len(times) > 0 {
		inTime = slices.Grow(st.inTime[:0], len(toks))[:len(toks)]
		clear(inTime)
		st.inTime = inTime
	}
	for _, t := range times {
		for k := t.start; k < t.end && k < len(toks); k++ {
			inTime[k] = true
		}
	}
	out := st.ments[:0]
	lx := c.lex
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		// a mention begins at a word that begins a phrase, a capitalised
		// word long enough to be a misspelt name (see fuzzyPerson), or a
		// pronoun; most words are none of them (and no punctuation is)
		if !t.is(clsPhrase|clsPronoun) && !(t.cap && len(t.norm) >= fuzzyMinLen) || inTime != nil && inTime[i] {
			continue
		}
		if t.is(clsPhrase) {
			var n int
			if out, n = c.phraseAt(out, toks, i, st); n > 0 {
				i += n - 1
				continue
			}
		}
		if t.cap && len(t.norm) >= fuzzyMinLen {
			if id := c.fuzzyPerson(*t); id != "" {
				out = append(out, ment{start: i, end: i + 1, kind: "person", ids: lx.only[id], how: ByFuzzy, conf: confidence(ByFuzzy), title: -1})
				continue
			}
		}
		if t.is(clsPronoun) {
			if id := st.lastOf(pronouns[t.norm]); id != "" {
				out = append(out, ment{start: i, end: i + 1, kind: "person", ids: lx.only[id], how: ByPronoun, conf: confidence(ByPronoun), title: -1})
			}
		}
	}
	st.ments = out[:0]
	return out
}

// phraseAt matches the lexicon's phrases that begin at toks[i], longest
// first, and appends the mention of the first that holds to out; n is how
// many tokens it covers, 0 when none holds (out is then unchanged).
func (c *Checker) phraseAt(out []ment, toks []token, i int, st *docState) ([]ment, int) {
	first := &toks[i]
	phrases := first.info.phrases
	for k := range phrases {
		ph := &phrases[k]
		n := ph.match(toks[i:])
		if n == 0 {
			continue
		}
		for x := range ph.entries {
			e := &ph.entries[x]
			ids, how, conf := e.ids, e.how, e.conf
			switch e.kind {
			case "person":
				if !first.cap {
					continue // names are written with capitals
				}
				if len(ids) > 1 {
					id := st.recentOf(ids)
					if id == "" {
						continue // an ambiguous surname nobody was named by yet
					}
					ids, how, conf = c.lex.only[id], ByContext, confidence(ByContext)
				}
			case "office":
				if n == 1 && !first.cap && !titleWordLower[first.norm] {
					continue // a title word in lower case, not one of those that count
				}
			}
			return append(out, ment{start: i, end: i + n, kind: e.kind, ids: ids, how: how, conf: conf, title: -1}), n
		}
	}
	return out, 0
}

// Title words that count as titles in lower case too ("the Soviet premier").
var titleWordLower = map[string]bool{"premier": true, "leader": true, "president": true, "chairman": true}

// fuzzyPerson takes a capitalised word the lexicon does not know for a
// misspelt single-word name ("Krushchev", "Brezhnyev"), within one edit (two
// for long names), never for a common word or a word the record uses.
//
// The answer depends on the word alone, and the same capitalised words come
// back sentence after sentence ("Officials", "Historians"), so answers are
// remembered, up to fuzzyMemoMax words.
func (c *Checker) fuzzyPerson(t token) string {
	if t.punct || !t.cap || len(t.norm) < fuzzyMinLen {
		return "" // fewer bytes: fewer runes
	}
	if !c.lex.fuzzyMay(t.norm) {
		return ""
	}
	if id, ok := c.fuzzyMemo.Load(t.norm); ok {
		return id.(string)
	}
	id := c.fuzzyLookup(t.norm)
	if c.fuzzyN.Add(1) <= fuzzyMemoMax {
		c.fuzzyMemo.Store(strings.Clone(t.norm), id) // the norm shares its sentence's memory
	}
	return id
}

// fuzzyMinLen: a word of fewer runes is never taken for a misspelt name,
// and a word of fewer bytes has fewer runes.
const fuzzyMinLen = 6

// fuzzyMemoMax bounds the words fuzzyPerson remembers.
const fuzzyMemoMax = 1 << 16

// fuzzyMay is false when no name is within fuzzyLookup's distance of an
// ASCII word by length alone: an edit distance is at least the difference
// in length. It answers most capitalised words without the memo.
func (lx *lexicon) fuzzyMay(norm string) bool {
	for k := 0; k < len(norm); k++ {
		if norm[k] >= utf8.RuneSelf {
			return true // its length in runes is not its length in bytes
		}
	}
	return lx.fuzzyLens[norm[0]]&lengthBit(len(norm)) != 0
}

// lengthBit is a length as a bit of a mask (bit 63 stands for 63 and longer).
func lengthBit(n int) uint64 { return 1 << min(n, 63) }

// fuzzyMaxDistance is how far fuzzyLookup looks from a word of n runes.
func fuzzyMaxDistance(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

func (c *Checker) fuzzyLookup(norm string) string {
	n := utf8.RuneCountInString(norm)
	if n < fuzzyMinLen || c.lex.vocab[norm] || strings.ContainsAny(norm, "0123456789") {
		return ""
	}
	maxD := fuzzyMaxDistance(n)
	best, bestD, ties := "", maxD+1, 0
	for _, name := range c.lex.byLetter[norm[0]] {
		ids := c.lex.fuzzy[name]
		if !fuzzyCandidate(name, ids) || strings.HasPrefix(name, norm) || strings.HasPrefix(norm, name) {
			continue // "Kelly" is not a misspelt "Kell": a longer or shorter name is another name
		}
		d := edit.Distance(norm, name, maxD)
		switch {
		case d < bestD:
			best, bestD, ties = ids[0], d, 1
		case d == bestD && ids[0] != best:
			ties++
		}
	}
	if bestD > maxD || ties != 1 {
		return ""
	}
	return best
}

// fuzzyCandidate: may a misspelt word be taken for this name? Only a name
// of one person, of six bytes or more.
func fuzzyCandidate(name string, ids []string) bool { return len(ids) == 1 && len(name) >= 6 }
