package checker

import "fmt"

// Labelled is one text of an evaluation set with the verdicts its claims
// should get, in order.
type Labelled struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Verdicts []string `json:"verdicts"`
	Rule     string   `json:"rule,omitempty"`
	Why      string   `json:"why,omitempty"`
}

// Missing and Extra label claims the checker did not find, or found beyond
// the labels, in an evaluation's confusion matrix.
const (
	Missing = "missing"
	Extra   = "extra"
)

// EvalResult scores a checker against labelled texts, FEVER-style: label
// accuracy over claims, a confusion matrix, and the count of the worst error,
// a wrong "supported".
type EvalResult struct {
	Claims         int                       // labelled claims
	Correct        int                       // labelled claims given the right verdict
	FalseSupported int                       // claims called supported that are not
	Confusion      map[string]map[string]int // expected → got → count
	Misses         []Miss                    // every text whose verdicts differ
}

// Miss is one text the checker got wrong.
type Miss struct {
	ID        string
	Text      string
	Want, Got []string
}

// Accuracy is the share of labelled claims given the right verdict.
func (r EvalResult) Accuracy() float64 {
	if r.Claims == 0 {
		return 0
	}
	return float64(r.Correct) / float64(r.Claims)
}

// Evaluate checks every labelled text on its own and compares verdicts in
// order of appearance.
func (c *Checker) Evaluate(items []Labelled) EvalResult {
	res := EvalResult{Confusion: map[string]map[string]int{}}
	count := func(want, got string) {
		if res.Confusion[want] == nil {
			res.Confusion[want] = map[string]int{}
		}
		res.Confusion[want][got]++
	}
	for _, it := range items {
		claims := c.CheckString(it.Text, Input{})
		var got []string
		for _, cl := range claims {
			got = append(got, string(cl.Verdict))
		}
		wrong := len(got) != len(it.Verdicts)
		for i := 0; i < max(len(got), len(it.Verdicts)); i++ {
			switch {
			case i >= len(got):
				count(it.Verdicts[i], Missing)
				res.Claims++
			case i >= len(it.Verdicts):
				count(Extra, got[i])
				if got[i] == string(Supported) {
					res.FalseSupported++
				}
			default:
				res.Claims++
				count(it.Verdicts[i], got[i])
				if got[i] == it.Verdicts[i] {
					res.Correct++
				} else {
					wrong = true
					if got[i] == string(Supported) {
						res.FalseSupported++
					}
				}
			}
		}
		if wrong {
			res.Misses = append(res.Misses, Miss{ID: it.ID, Text: it.Text, Want: it.Verdicts, Got: got})
		}
	}
	return res
}

func (m Miss) String() string {
	return fmt.Sprintf("%s: want %v, got %v: %s", m.ID, m.Want, m.Got, m.Text)
}
