package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/checker"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score relcheck against labelled claims (JSONL: id, text, verdicts)",
		ArgsUsage: "FILE.jsonl",
		Description: strings.TrimSpace(`
Each line is {"id": "...", "text": "...", "verdicts": ["supported", ...]}: a
text of one or more sentences and the expected verdict of each claim in it, in
order. Prints label accuracy, a confusion matrix (expected × got; "missing" is
a claim not found, "extra" one found beyond the labels) and the count of false
"supported" verdicts, the worst error. Exit 1 if any text is scored wrong.`),
		Flags: append([]cli.Flag{
			&cli.Float64Flag{Name: "min-confidence", Value: 0.6, Usage: "as for check"},
			&cli.BoolFlag{Name: "misses", Usage: "list every text scored wrong"},
		}, recordFlags...),
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 1 {
				return fail(exitError, "eval: give one labelled JSONL file")
			}
			items, err := readLabelled(c.Args().First())
			if err != nil {
				return fail(exitError, "%v", err)
			}
			rec, err := loadRecord(c)
			if err != nil {
				return err
			}
			res := checker.New(rec, checker.Options{MinConfidence: c.Float64("min-confidence")}).Evaluate(items)
			writeEval(c, res, len(items))
			if len(res.Misses) > 0 {
				return &exitErr{code: exitFindings}
			}
			return nil
		},
	}
}

func readLabelled(path string) ([]checker.Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var items []checker.Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it checker.Labelled
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: not a labelled claim (%v): each line is {\"id\", \"text\", \"verdicts\"}", path, n, err)
		}
		for _, v := range it.Verdicts {
			switch checker.Verdict(v) {
			case checker.Supported, checker.Contradicted, checker.Unknown:
			default:
				return nil, fmt.Errorf("%s:%d: verdict %q: use supported, contradicted or unknown", path, n, v)
			}
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval %s: %w", path, err)
	}
	return items, nil
}

func writeEval(c *cli.Context, res checker.EvalResult, texts int) {
	w := c.App.Writer
	fmt.Fprintf(w, "texts %d, labelled claims %d\n", texts, res.Claims)
	fmt.Fprintf(w, "label accuracy %.1f%% (%d/%d)\n", 100*res.Accuracy(), res.Correct, res.Claims)
	fmt.Fprintf(w, "false supported %d\n\n", res.FalseSupported)
	cols := []string{"supported", "contradicted", "unknown", checker.Missing}
	rows := []string{"supported", "contradicted", "unknown", checker.Extra}
	fmt.Fprintf(w, "%-14s", "expected\\got")
	for _, col := range cols {
		fmt.Fprintf(w, "%14s", col)
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprintf(w, "%-14s", r)
		for _, col := range cols {
			fmt.Fprintf(w, "%14d", res.Confusion[r][col])
		}
		fmt.Fprintln(w)
	}
	if c.Bool("misses") && len(res.Misses) > 0 {
		fmt.Fprintln(w)
		sort.SliceStable(res.Misses, func(i, j int) bool { return res.Misses[i].ID < res.Misses[j].ID })
		for _, m := range res.Misses {
			fmt.Fprintln(w, m)
		}
	}
}
