package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + formatNames()},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "check `N` inputs at once (default: the number of CPUs); output is the same for any N"},
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
	newFormatter, ok := formats[opts.format]
	if !ok {
		return fail(exitError, "--format %q: use %s", opts.format, formatNames())
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
	jobs := c.Int("jobs")
	if jobs < 1 {
		jobs = runtime.NumCPU()
	}
	rec, err := loadRecord(c)
	if err != nil {
		return err
	}
	chk := checker.New(rec, checker.Options{MinConfidence: mc})
	inputs := expandInputs(c.Args().Slice())
	out := newFormatter(c.App.Writer, outputOptions{mentions: opts.mentions, version: version})
	if err := out.begin(recordOf(rec)); err != nil {
		return fail(exitError, "write: %v", err)
	}
	var sum summary
	contradicted := map[string]int{}
	err = runBatch(len(inputs), jobs, func(i int) *result {
		return checkInput(chk, inputs[i], stdin, opts)
	}, func(r *result) error {
		sum.Files++
		if r.Error != "" {
			sum.Errors++
		}
		sum.Claims += r.Counts.Claims
		sum.Supported += r.Counts.Supported
		sum.Contradicted += r.Counts.Contradicted
		sum.Unknown += r.Counts.Unknown
		for _, cl := range r.Claims {
			if cl.Verdict == checker.Contradicted {
				contradicted[claimLine(cl)]++
			}
		}
		return out.result(r)
	})
	if err != nil {
		return fail(exitError, "write: %v", err)
	}
	if err := out.end(sum, topContradicted(contradicted, 10)); err != nil {
		return fail(exitError, "write: %v", err)
	}
	if sum.Errors > 0 {
		return &exitErr{code: exitError}
	}
	switch {
	case opts.failOn == "contradicted" && sum.Contradicted > 0,
		opts.failOn == "unknown" && sum.Contradicted+sum.Unknown > 0:
		return &exitErr{code: exitFindings}
	}
	return nil
}

// topContradicted lists the contradicted claims seen more than once, most
// frequent first.
func topContradicted(counts map[string]int, n int) []topClaim {
	var top []topClaim
	for k, v := range counts {
		if v > 1 {
			top = append(top, topClaim{Claim: k, Count: v})
		}
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].Count != top[j].Count {
			return top[i].Count > top[j].Count
		}
		return top[i].Claim < top[j].Claim
	})
	if len(top) > n {
		top = top[:n]
	}
	return top
}

// input is one document to check: a file, standard input, or an error found
// while listing inputs (reported in its place).
type input struct {
	path string // "-" for standard input
	err  error
}

// expandInputs turns arguments into files: folders are walked (hidden
// entries skipped), "-" or nothing is standard input.
func expandInputs(args []string) []input {
	if len(args) == 0 {
		return []input{{path: "-"}}
	}
	var ins []input
	for _, a := range args {
		if a == "-" {
			ins = append(ins, input{path: "-"})
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			ins = append(ins, input{path: a, err: fmt.Errorf("cannot read: %w", unwrapPath(err))})
			continue
		}
		if !info.IsDir() {
			ins = append(ins, input{path: a})
			continue
		}
		var found []input
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, input{path: p, err: fmt.Errorf("cannot read: %w", unwrapPath(err))})
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
					found = append(found, input{path: p})
				}
			}
			return nil
		})
		if err != nil {
			found = append(found, input{path: a, err: err})
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].path < found[j].path })
		ins = append(ins, found...)
	}
	return ins
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

func checkInput(chk *checker.Checker, in input, stdin io.Reader, opts checkOptions) *result {
	r := &result{Path: in.path}
	if in.err != nil {
		r.Error = in.err.Error()
		return r
	}
	var src io.Reader
	format := opts.inputFormat
	if in.path == "-" {
		r.Path = opts.stdinName
		br := newSniffReader(stdin)
		if !opts.forceFormat {
			format = markup.Sniff(br.head)
		}
		src = br
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			r.Error = fmt.Sprintf("cannot read: %v", unwrapPath(err))
			return r
		}
		defer f.Close()
		if !opts.forceFormat {
			if ff, ok := markup.FormatFor(in.path); ok {
				format = ff
			}
		}
		src = f
	}
	err := chk.Check(src, checker.Input{Format: format, Date: opts.date}, func(cl *checker.Claim) error {
		r.Counts.add(cl)
		r.Claims = append(r.Claims, cl)
		return nil
	})
	if err != nil {
		r.Error = fmt.Sprintf("cannot read: %v", err)
	}
	return r
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
