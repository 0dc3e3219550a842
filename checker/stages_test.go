package checker

// Helpers for the tests and benchmarks of single stages: what Check does
// with one sentence, without the reader.

// parseSentence splits a sentence into classified words (kept in w, reused
// from one call to the next) and parses it into claims without verdicts.
func (c *Checker) parseSentence(text string, st *docState, w *words) []*Claim {
	w.toks, w.lower = appendTokens(w.toks[:0], w.lower, text)
	c.lex.words.classify(w.toks)
	return c.parseTokens(text, w.toks, st)
}

// findTimes reads the times of a sentence of classified words.
func findTimes(toks []token, ctx timeContext) []timeExpr { return appendTimes(nil, toks, ctx) }
