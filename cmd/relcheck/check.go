package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/checker"
	"github.com/relcheck/relcheck/checker/markup"
	"github.com/relcheck/relcheck/facts"
)

func checkCommand(stdin io.Reader) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check files, folders or standard input (the default command)",
		ArgsUsage: "[PATH...]",
		Description: strings.TrimSpace(`
With no PATH, or with -, reads standard input. Folders are read recursively,
skipping hidden files. The format (text, Markdown, HTML) comes from the file
extension or, for standard input, from its content.

Examples:
   echo "Brezhnev visited India in 1964." | relcheck
   relcheck --format json drafts/
   relcheck --fail-on unknown article.md`),
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text or json"},
			&cli.StringFlag{Name: "fail-on", Value: "contradicted", Usage: "exit 1 when a claim is at or above `VERDICT`: contradicted, unknown or never"},
			&cli.Float64Flag{Name: "min-confidence", Value: 0.6, Usage: "below this `CONFIDENCE` (0–1) in how names were resolved, a decisive verdict becomes unknown"},
			&cli.StringFlag{Name: "date", Usage: "the document `DATE` (YYYY-MM-DD) for relative times, over what the document says"},
			&cli.StringFlag{Name: "input-format", Usage: "read inputs as `FORMAT`: text, markdown or html (default: by extension or content)"},
			&cli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the `NAME` standard input has in reports"},
			&cli.BoolFlag{Name: "mentions", Usage: "json: include how each mention was resolved"},
		}, recordFlags...),
		Action: func(c *cli.Context) error {
			return runCheck(c, stdin)
		},
	}
}

type checkOptions struct {
	format      string
	failOn      string
	date        facts.Date
	inputFormat markup.Format
	forceFormat bool
	stdinName   string
	mentions    bool
}

func runCheck(c *cli.Context, stdin io.Reader) error {
	opts := checkOptions{format: c.String("format"), failOn: c.String("fail-on"), stdinName: c.String("stdin-filename"), mentions: c.Bool("mentions")}
	switch opts.format {
	case "text", "json":
	default:
		return fail(exitError, "--format %q: use text or json", opts.format)
	}
	switch opts.failOn {
	case "contradicted", "unknown", "never":
	default:
		return fail(exitError, "--fail-on %q: use contradicted, unknown or never", opts.failOn)
	}
	if s := c.String("date"); s != "" {
		d, err := facts.ParseDate(s)
		if err != nil {
			return fail(exitError, "--date: %v", err)
		}
		opts.date = d
	}
	if s := c.String("input-format"); s != "" {
		f, err := markup.ParseFormat(s)
		if err != nil {
			return fail(exitError, "--input-format: %v", err)
		}
		opts.inputFormat, opts.forceFormat = f, true
	}
	mc := c.Float64("min-confidence")
	if mc < 0 || mc > 1 {
		return fail(exitError, "--min-confidence %v: give a number from 0 to 1", mc)
	}
	rec, err := loadRecord(c)
	if err != nil {
		return err
	}
	chk := checker.New(rec, checker.Options{MinConfidence: mc})
	inputs, errs := expandInputs(c.Args().Slice())
	rep := report{Version: 1, Record: recordOf(rec)}
	for _, in := range inputs {
		fr := checkInput(chk, in, stdin, opts)
		rep.Files = append(rep.Files, fr.file)
		for _, cl := range fr.claims {
			rep.Summary.add(cl)
		}
		if fr.file.Error != "" {
			rep.Summary.Errors++
		}
		if opts.format == "text" {
			writeTextFile(c.App.Writer, fr)
		}
	}
	for _, e := range errs {
		rep.Files = append(rep.Files, fileReport{Path: e.path, Error: e.err.Error(), Claims: []claimReport{}})
		rep.Summary.Errors++
	}
	rep.Summary.Files = len(rep.Files)
	switch opts.format {
	case "json":
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return fail(exitError, "write report: %v", err)
		}
	case "text":
		for _, e := range errs {
			fmt.Fprintf(c.App.Writer, "%s: error: %v\n", e.path, e.err)
		}
		writeTextSummary(c.App.Writer, rep.Summary)
	}
	if rep.Summary.Errors > 0 {
		return &exitErr{code: exitError}
	}
	switch {
	case opts.failOn == "contradicted" && rep.Summary.Contradicted > 0,
		opts.failOn == "unknown" && rep.Summary.Contradicted+rep.Summary.Unknown > 0:
		return &exitErr{code: exitFindings}
	}
	return nil
}

type input struct {
	path  string // "-" for standard input
	label string
}

type inputError struct {
	path string
	err  error
}

// expandInputs turns arguments into files: folders are walked (hidden
// entries skipped), "-" or nothing is standard input.
func expandInputs(args []string) ([]input, []inputError) {
	if len(args) == 0 {
		return []input{{path: "-"}}, nil
	}
	var ins []input
	var errs []inputError
	for _, a := range args {
		if a == "-" {
			ins = append(ins, input{path: "-"})
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			errs = append(errs, inputError{a, fmt.Errorf("cannot read: %w", unwrapPath(err))})
			continue
		}
		if !info.IsDir() {
			ins = append(ins, input{path: a})
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, inputError{p, fmt.Errorf("cannot read: %w", unwrapPath(err))})
				return nil
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if _, ok := markup.FormatFor(p); ok {
					found = append(found, p)
				}
			}
			return nil
		})
		if err != nil {
			errs = append(errs, inputError{a, err})
		}
		sort.Strings(found)
		for _, p := range found {
			ins = append(ins, input{path: p})
		}
	}
	return ins, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if ok := asPathError(err, &pe); ok {
		return pe.Err
	}
	return err
}

func asPathError(err error, pe **fs.PathError) bool {
	e, ok := err.(*fs.PathError)
	if ok {
		*pe = e
	}
	return ok
}

type fileResult struct {
	file   fileReport
	claims []*checker.Claim
	opts   checkOptions
}

func checkInput(chk *checker.Checker, in input, stdin io.Reader, opts checkOptions) fileResult {
	fr := fileResult{opts: opts, file: fileReport{Path: in.path, Claims: []claimReport{}}}
	var r io.Reader
	format := opts.inputFormat
	if in.path == "-" {
		fr.file.Path = opts.stdinName
		br := newSniffReader(stdin)
		if !opts.forceFormat {
			format = markup.Sniff(br.head)
		}
		r = br
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			fr.file.Error = fmt.Sprintf("cannot read: %v", unwrapPath(err))
			return fr
		}
		defer f.Close()
		if !opts.forceFormat {
			if ff, ok := markup.FormatFor(in.path); ok {
				format = ff
			}
		}
		r = f
	}
	err := chk.Check(r, checker.Input{Format: format, Date: opts.date}, func(cl *checker.Claim) error {
		fr.claims = append(fr.claims, cl)
		fr.file.Claims = append(fr.file.Claims, claimOf(cl, opts.mentions))
		return nil
	})
	if err != nil {
		fr.file.Error = fmt.Sprintf("cannot read: %v", err)
	}
	return fr
}

// sniffReader keeps the first bytes of standard input to guess its format.
type sniffReader struct {
	head []byte
	r    io.Reader
}

func newSniffReader(r io.Reader) *sniffReader {
	head := make([]byte, 4096)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	return &sniffReader{head: head, r: io.MultiReader(strings.NewReader(string(head)), r)}
}

func (s *sniffReader) Read(p []byte) (int, error) { return s.r.Read(p) }
