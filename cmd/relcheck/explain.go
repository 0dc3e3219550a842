package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/checker"
)

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "show the claims found in a sentence, how each mention was resolved and which facts decided",
		ArgsUsage: `"SENTENCE..."`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "the document `DATE` for relative times"},
			&cli.Float64Flag{Name: "min-confidence", Value: 0.6, Usage: "as for check"},
		}, recordFlags...),
		Action: func(c *cli.Context) error {
			text := strings.Join(c.Args().Slice(), " ")
			if strings.TrimSpace(text) == "" {
				return fail(exitError, `explain: give a sentence, such as: relcheck explain "Brezhnev visited India in 1964."`)
			}
			rec, err := loadRecord(c)
			if err != nil {
				return err
			}
			in := checker.Input{}
			if s := c.String("date"); s != "" {
				if in.Date, err = parseDateFlag(s); err != nil {
					return err
				}
			}
			chk := checker.New(rec, checker.Options{MinConfidence: c.Float64("min-confidence")})
			claims := chk.CheckString(text, in)
			w := c.App.Writer
			if len(claims) == 0 {
				fmt.Fprintln(w, "no claim found: relcheck checks visits, summits, agreements, the start of relations and who held which office when, for the people and places in its record")
				return nil
			}
			for i, cl := range claims {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "claim %d: %s %s\n", i+1, cl.Kind, sanitize(claimLine(cl)))
				fmt.Fprintf(w, "  sentence    %s\n", sanitize(cl.Text))
				fmt.Fprintf(w, "  asserted    %s", cl.Mode)
				if cl.Quoted {
					fmt.Fprint(w, " (quoted)")
				}
				fmt.Fprintln(w)
				if !cl.Time.When.Start.IsZero() {
					rel := ""
					if cl.Time.Relative {
						rel = " (resolved from context)"
					}
					fmt.Fprintf(w, "  time        %q → %s%s\n", cl.Time.Text, cl.Time.When, rel)
				}
				for _, m := range cl.Mentions {
					if m.Kind == "time" {
						continue
					}
					fmt.Fprintf(w, "  %-11s %q → %s (%s, %.2f)\n", m.Kind, sanitize(m.Text), m.ID, m.How, m.Confidence)
				}
				fmt.Fprintf(w, "  verdict     %s (confidence %.2f)\n", cl.Verdict, cl.Confidence)
				fmt.Fprintf(w, "  because     %s\n", sanitize(cl.Explanation))
				if cl.Correction != "" {
					fmt.Fprintf(w, "  correction  %s\n", sanitize(cl.Correction))
				}
				for _, n := range cl.Notes {
					fmt.Fprintf(w, "  note        %s\n", sanitize(n))
				}
				for _, e := range cl.Evidence {
					fmt.Fprintf(w, "  fact        %s: %s\n", e.Fact, sanitize(e.Summary))
					for _, s := range e.Sources {
						fmt.Fprintf(w, "              %s\n", sanitize(s))
					}
				}
			}
			return nil
		},
	}
}
