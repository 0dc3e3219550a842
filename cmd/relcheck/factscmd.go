package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/facts"
)

func factsCommand() *cli.Command {
	return &cli.Command{
		Name:  "facts",
		Usage: "validate, list, show and search the record",
		Subcommands: []*cli.Command{
			{
				Name:      "validate",
				Usage:     "check a record's tables and list every problem as file:line:col",
				ArgsUsage: "[DIR|FILE.tsv...]",
				Description: "With no argument, validates the record the other flags select (the embedded one by default).\n" +
					"With arguments, validates those tables alone (add --with-default to layer them over the default).",
				Flags: append([]cli.Flag{&cli.BoolFlag{Name: "with-default", Usage: "validate the given tables over the default record"}}, recordFlags...),
				Action: func(c *cli.Context) error {
					var files []facts.File
					if c.Args().Len() == 0 || c.Bool("with-default") {
						if !c.Bool("no-default-facts") {
							files = facts.DefaultFiles()
						}
					}
					extra, err := facts.ReadFiles(append(c.StringSlice("facts"), c.Args().Slice()...)...)
					if err != nil {
						return fail(exitError, "%v", err)
					}
					files = append(files, extra...)
					rec, err := facts.Parse(files)
					var list facts.ErrorList
					if errors.As(err, &list) {
						for _, e := range list {
							fmt.Fprintln(c.App.Writer, e)
						}
						return fail(exitFindings, "%d problems in the record", len(list))
					}
					if err != nil {
						return fail(exitError, "%v", err)
					}
					fmt.Fprintf(c.App.Writer, "ok: %s as of %s: %d people, %d places, %d offices, %d terms, %d events, %d coverage rows\n",
						rec.Name, rec.AsOf, len(rec.People), len(rec.Places), len(rec.Offices), len(rec.Terms), len(rec.Events), len(rec.Coverage))
					return nil
				},
			},
			{
				Name:  "list",
				Usage: "list facts: events and terms of office",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "kind", Usage: "only this `KIND`: visit, summit, agreement, relations or office"},
					&cli.StringFlag{Name: "person", Usage: "only facts about this person (`ID` or name)"},
					&cli.IntFlag{Name: "year", Usage: "only facts overlapping this `YEAR`"},
					&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
				}, recordFlags...),
				Action: listFacts,
			},
			{
				Name:      "show",
				Usage:     "everything about one fact, person, place or office, with sources",
				ArgsUsage: "ID",
				Flags:     recordFlags,
				Action:    showFact,
			},
			{
				Name:      "search",
				Usage:     "find people, places, offices and events by name, misspelt or not (\"gorbachov\", \"putin 2010\")",
				ArgsUsage: "QUERY",
				Flags:     append([]cli.Flag{&cli.IntFlag{Name: "limit", Value: 20, Usage: "at most `N` results"}}, recordFlags...),
				Action: func(c *cli.Context) error {
					if c.Args().Len() == 0 {
						return fail(exitError, "facts search: give a query, such as: relcheck facts search gorbachov")
					}
					rec, err := loadRecord(c)
					if err != nil {
						return err
					}
					hits := rec.Search(strings.Join(c.Args().Slice(), " "))
					if len(hits) == 0 {
						fmt.Fprintln(c.App.Writer, "no match")
						return &exitErr{code: exitFindings}
					}
					for i, h := range hits {
						if i == c.Int("limit") {
							break
						}
						fmt.Fprintf(c.App.Writer, "%-10s %-36s %s\n", h.Kind, h.ID, h.Label)
					}
					return nil
				},
			},
		},
	}
}

// factJSON is one fact in `facts list --format json`.
type factJSON struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	From       string   `json:"from"`
	To         string   `json:"to"`
	Title      string   `json:"title,omitempty"`
	Who        []string `json:"who,omitempty"`
	Office     string   `json:"office,omitempty"`
	Acting     bool     `json:"acting,omitempty"`
	FromPlace  string   `json:"from_country,omitempty"`
	ToPlace    string   `json:"to_country,omitempty"`
	Places     []string `json:"places,omitempty"`
	Number     int      `json:"number,omitempty"`
	Term       int      `json:"term_years,omitempty"`
	Value      string   `json:"value,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	Confidence string   `json:"confidence"`
	Sources    []string `json:"sources"`
	Note       string   `json:"note,omitempty"`
}

func eventJSON(e *facts.Event) factJSON {
	return factJSON{ID: e.ID, Kind: e.Kind, From: e.When.Start.String(), To: e.When.End.String(), Title: e.Title, Who: e.Who,
		FromPlace: e.From, ToPlace: e.To, Places: e.Places, Number: e.Number, Term: e.Term, Value: e.Value, Tags: e.Tags,
		Confidence: e.Confidence.String(), Sources: e.Sources, Note: e.Note}
}

func termJSON(t *facts.Term) factJSON {
	return factJSON{ID: t.ID, Kind: facts.OfficeKind, From: t.When.Start.String(), To: t.When.End.String(), Who: []string{t.Person},
		Office: t.Office, Acting: t.Acting, Confidence: t.Confidence.String(), Sources: t.Sources, Note: t.Note}
}

func listFacts(c *cli.Context) error {
	rec, err := loadRecord(c)
	if err != nil {
		return err
	}
	kind, format := c.String("kind"), c.String("format")
	if format != "text" && format != "json" {
		return fail(exitError, "--format %q: use text or json", format)
	}
	switch kind {
	case "", facts.Visit, facts.Summit, facts.Agreement, facts.Relations, facts.OfficeKind:
	default:
		return fail(exitError, "--kind %q: use visit, summit, agreement, relations or office", kind)
	}
	person := c.String("person")
	if person != "" && rec.Person(person) == nil {
		id := ""
		for _, h := range rec.Search(person) {
			if h.Kind == "person" {
				id = h.ID
				break
			}
		}
		if id == "" {
			return fail(exitError, "--person %q: no such person in the record (try: relcheck facts search %s)", person, person)
		}
		person = id
	}
	var year facts.Interval
	if y := c.Int("year"); y != 0 {
		d := facts.Date{Y: y, Prec: facts.Year}
		year = facts.Interval{Start: d, End: d}
	}
	var out []factJSON
	for _, e := range rec.Events {
		if (kind == "" || kind == e.Kind) && (person == "" || e.Involves(person)) && (year.Start.IsZero() || e.When.Overlaps(year)) {
			out = append(out, eventJSON(e))
		}
	}
	for _, t := range rec.Terms {
		if (kind == "" || kind == facts.OfficeKind) && (person == "" || t.Person == person) && (year.Start.IsZero() || rec.Span(t).Overlaps(year)) {
			out = append(out, termJSON(t))
		}
	}
	if format == "json" {
		if out == nil {
			out = []factJSON{}
		}
		return writeJSON(c.App.Writer, out)
	}
	for _, f := range out {
		when := f.From
		if f.To != f.From {
			when += "/" + f.To
		}
		label := f.Title
		if f.Kind == facts.OfficeKind {
			label = strings.Join(f.Who, ", ") + " — " + f.Office
			if f.Acting {
				label += " (acting)"
			}
		}
		fmt.Fprintf(c.App.Writer, "%-23s %-10s %-34s %s\n", when, f.Kind, f.ID, label)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fail(exitError, "write: %v", err)
	}
	return nil
}

func showFact(c *cli.Context) error {
	if c.Args().Len() != 1 {
		return fail(exitError, "facts show: give one id, such as: relcheck facts show treaty-1971")
	}
	rec, err := loadRecord(c)
	if err != nil {
		return err
	}
	id := c.Args().First()
	w := c.App.Writer
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-12s %s\n", k+":", v)
		}
	}
	sources := func(list []string) {
		for _, s := range list {
			fmt.Fprintf(w, "%-12s %s\n", "source:", s)
		}
	}
	switch {
	case rec.Event(id) != nil:
		e := rec.Event(id)
		field("id", e.ID)
		field("kind", e.Kind)
		field("title", e.Title)
		field("date", e.When.String())
		field("who", strings.Join(e.Who, ", "))
		field("from", e.From)
		field("to", e.To)
		field("places", strings.Join(e.Places, ", "))
		field("names", strings.Join(e.Names, "; "))
		if e.Number > 0 {
			field("number", strconv.Itoa(e.Number))
		}
		if e.Term > 0 {
			field("term", strconv.Itoa(e.Term)+" years")
		}
		field("value", e.Value)
		field("tags", strings.Join(e.Tags, ", "))
		field("confidence", e.Confidence.String())
		field("note", e.Note)
		field("defined at", e.Pos.String())
		sources(e.Sources)
	case rec.Term(id) != nil:
		t := rec.Term(id)
		field("id", t.ID)
		field("office", t.Office)
		field("person", t.Person)
		field("from", t.When.Start.String())
		field("to", t.When.End.String())
		if t.Acting {
			field("acting", "yes")
		}
		field("confidence", t.Confidence.String())
		field("note", t.Note)
		field("defined at", t.Pos.String())
		sources(t.Sources)
	case rec.Person(id) != nil:
		p := rec.Person(id)
		field("id", p.ID)
		field("name", p.Name)
		field("aliases", strings.Join(p.Aliases, "; "))
		field("country", p.Country)
		field("note", p.Note)
		for _, t := range p.Terms {
			field("term", fmt.Sprintf("%s %s (%s)", t.Office, rec.Span(t), t.ID))
		}
		for _, e := range p.Events {
			field("event", fmt.Sprintf("%s %s (%s)", e.When, e.Title, e.ID))
		}
	case rec.Place(id) != nil:
		p := rec.Place(id)
		field("id", p.ID)
		field("kind", p.Kind)
		field("name", p.Name)
		field("aliases", strings.Join(p.Aliases, "; "))
		field("adjectives", strings.Join(p.Adjectives, "; "))
		for _, in := range p.In {
			field("in", in.Country+" "+in.When.String())
		}
		field("successor", p.Successor)
		field("note", p.Note)
	case rec.Office(id) != nil:
		o := rec.Office(id)
		field("id", o.ID)
		field("name", o.Name)
		field("country", o.Country)
		field("titles", strings.Join(o.Titles, "; "))
		field("includes", strings.Join(o.Includes, ", "))
		for _, t := range o.Terms {
			field("term", fmt.Sprintf("%s %s (%s)", t.Person, rec.Span(t), t.ID))
		}
	default:
		return fail(exitError, "facts show: no fact, person, place or office with id %q (try: relcheck facts search %s)", id, id)
	}
	return nil
}
