package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

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
skipping hidden files and what .gitignore ignores. The format (text,
Markdown, HTML) comes from the file extension (also under .gz) or, for
standard input, from its content. Defaults for every flag can be kept in a
.relcheck.json found by searching upward from the current folder.

Examples:
   an editor:     relcheck < draft.md
   CI:            relcheck --format github --fail-on contradicted articles/
                  relcheck --format sarif articles/ > relcheck.sarif
   an archivist:  relcheck --input jsonl --format jsonl --jobs 8 archive.jsonl.gz > verdicts.jsonl
                  relcheck --input jsonl --shard 3/16 archive.jsonl   (as a mapper)

Exit status: 0 when no claim is at or above --fail-on, 1 when one is, 2 for
usage, input or record errors (the other inputs are still checked).`),
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + formatNames()},
			&cli.StringFlag{Name: "fail-on", Value: "contradicted", Usage: "exit 1 when a claim is at or above `VERDICT`: contradicted, unknown or never"},
			&cli.StringFlag{Name: "show", Value: "supported,contradicted,unknown", Usage: "list only these `VERDICTS` (the summary counts all)"},
			&cli.Float64Flag{Name: "min-confidence", Value: 0.6, Usage: "below this `CONFIDENCE` (0–1) in how names were resolved, a decisive verdict becomes unknown"},
			&cli.StringFlag{Name: "date", Usage: "the document `DATE` (YYYY-MM-DD) for relative times, over what the document says"},
			&cli.StringFlag{Name: "input-format", Usage: "read inputs as `FORMAT`: text, markdown or html (default: by extension or content)"},
			&cli.StringFlag{Name: "input", Value: "files", Usage: "`KIND` of input: files, or jsonl (one document per line: {\"id\", \"text\", \"format\"?, \"date\"?, \"url\"?})"},
			&cli.StringFlag{Name: "shard", Usage: "with --input jsonl, keep the documents whose id hashes to shard `I/N` (0 ≤ I < N)"},
			&cli.StringSliceFlag{Name: "include", Usage: "only files matching `GLOB` (repeatable; ** crosses folders)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "skip files matching `GLOB` (repeatable)"},
			&cli.StringFlag{Name: "file-list", Usage: "read the paths to check from `FILE` (- for standard input), one per line"},
			&cli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the `NAME` standard input has in reports"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "check `N` inputs at once (default: one more than the CPUs); output is the same for any N"},
			&cli.Int64Flag{Name: "max-doc-bytes", Value: defaultMaxDocBytes, Usage: "refuse a document over `N` bytes (after decompression) with an error entry; 0 for no limit"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour text output: auto (on a terminal, unless NO_COLOR is set), always or never"},
			&cli.StringFlag{Name: "baseline", Usage: "report as usual, but fail only on findings not in the baseline `FILE`"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record today's findings in `FILE`, to adopt relcheck on an old archive"},
			&cli.StringFlag{Name: "config", Usage: "read defaults from `FILE` instead of the .relcheck.json found upward"},
			&cli.StringFlag{Name: "publisher-url", Usage: "claimreview: the `URL` of the page that publishes the reviews"},
			&cli.BoolFlag{Name: "mentions", Usage: "json: include how each mention was resolved"},
			&cli.BoolFlag{Name: "progress", Usage: "show progress on standard error even for short runs (only ever on a terminal)"},
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile of the run to `FILE` (for go tool pprof)"},
			&cli.StringFlag{Name: "memprofile", Hidden: true, Usage: "write a profile of the run's allocations to `FILE` (for go tool pprof)"},
		}, recordFlags...),
		Action: func(c *cli.Context) error {
			return runCheck(c, stdin)
		},
	}
}

type checkOptions struct {
	format      string
	failOn      string
	show        verdictSet
	date        facts.Date
	inputFormat markup.Format
	forceFormat bool
	stdinName   string
	mentions    bool
	ignore      func(sentence string) bool
	maxDocBytes int64 // 0: no limit
	keys        bool  // collect baseline keys
	top         bool  // count contradicted claims for the summary's most frequent (a topLister)
}

func runCheck(c *cli.Context, stdin io.Reader) error {
	if p := c.String("cpuprofile"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			return fail(exitError, "--cpuprofile: %v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(exitError, "--cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	if p := c.String("memprofile"); p != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(p)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				fmt.Fprintf(c.App.ErrWriter, "relcheck: --memprofile: %v\n", err)
			}
		}()
	}
	cfg, err := loadConfig(c)
	if err != nil {
		return err
	}
	opts := checkOptions{format: cfg.str(c, "format"), failOn: cfg.str(c, "fail-on"), stdinName: c.String("stdin-filename"), mentions: c.Bool("mentions")}
	if len(cfg.Ignore) > 0 {
		opts.ignore = cfg.ignored // else no call per claim
	}
	newFormatter, ok := formats[opts.format]
	if !ok {
		return fail(exitError, "--format %q: use %s", opts.format, formatNames())
	}
	switch opts.failOn {
	case "contradicted", "unknown", "never":
	default:
		return fail(exitError, "--fail-on %q: use contradicted, unknown or never", opts.failOn)
	}
	if opts.show, err = parseShow(cfg.str(c, "show")); err != nil {
		return err
	}
	if s := c.String("date"); s != "" {
		if opts.date, err = parseDateFlag(s); err != nil {
			return err
		}
	}
	if s := c.String("input-format"); s != "" {
		f, err := markup.ParseFormat(s)
		if err != nil {
			return fail(exitError, "--input-format: %v", err)
		}
		opts.inputFormat, opts.forceFormat = f, true
	}
	if opts.maxDocBytes = c.Int64("max-doc-bytes"); opts.maxDocBytes < 0 {
		return fail(exitError, "--max-doc-bytes %d: give a number of bytes, or 0 for no limit", opts.maxDocBytes)
	}
	mc := cfg.float(c, "min-confidence")
	if mc < 0 || mc > 1 {
		return fail(exitError, "--min-confidence %v: give a number from 0 to 1", mc)
	}
	in := inputOptions{include: cfg.list(c, "include"), exclude: cfg.list(c, "exclude"), fileList: c.String("file-list"), stdin: stdin}
	switch c.String("input") {
	case "files":
	case "jsonl":
		in.jsonl = true
	default:
		return fail(exitError, "--input %q: use files or jsonl", c.String("input"))
	}
	if s := c.String("shard"); s != "" {
		if _, err := fmt.Sscanf(s, "%d/%d", &in.shard, &in.shards); err != nil || in.shards < 1 || in.shard < 0 || in.shard >= in.shards {
			return fail(exitError, "--shard %q: write I/N with 0 ≤ I < N, such as 0/4", s)
		}
		if !in.jsonl {
			return fail(exitError, "--shard splits JSONL archives: add --input jsonl")
		}
	}
	defer tuneGC(opts.format)()
	if opts.format == "jsonl" && in.jsonl {
		newFormatter = newJSONLDocFormatter // one line out per document in
	}
	jobs := c.Int("jobs")
	if jobs < 1 {
		// one more than the CPUs: while a worker waits for a file to be
		// opened and read, another checks (7% faster on 20,000 files, 2 CPUs)
		jobs = runtime.GOMAXPROCS(0) + 1
	}
	base, err := readBaseline(c.String("baseline"))
	if err != nil {
		return err
	}
	rec, err := loadRecordWith(c, cfg)
	if err != nil {
		return err
	}
	chk := checker.New(rec, checker.Options{MinConfidence: mc, OmitMentions: !opts.mentions})
	oo := outputOptions{mentions: opts.mentions, version: version, publisherURL: c.String("publisher-url")}
	oo.color = useColor(c.String("color"), c.App.Writer)
	// Output goes out whole results at a time: whole lines in few writes,
	// and a reader of the pipe sees each document's findings as soon as they
	// are made (runBatch flushes whenever it waits for the next result).
	bw := bufio.NewWriterSize(c.App.Writer, 64<<10)
	out := newFormatter(bw, oo)
	rend, _ := out.(renderer)
	_, opts.top = out.(topLister)
	if err := out.begin(recordOf(rec)); err != nil {
		return fail(exitError, "write: %v", err)
	}
	prog := newProgress(c.App.ErrWriter, c.Bool("progress"))
	if prog.on && !in.jsonl && in.fileList == "" && c.Args().Len() > 0 {
		// on a terminal, count the inputs first (a quick walk) for an ETA
		go func() {
			n := 0
			for range inputsOf(c.Args().Slice(), in) {
				n++
			}
			prog.expect(n)
		}()
	}
	var sum summary
	var failing int
	var written baseline
	writeBase := c.String("write-baseline") != ""
	var contradicted map[string]int // with opts.top
	if opts.top {
		contradicted = map[string]int{}
	}
	opts.keys = base != nil || writeBase
	ctx := c.Context
	if ctx == nil {
		ctx = context.Background()
	}
	tasks := func(yield func(work) bool) {
		for inp := range inputsOf(c.Args().Slice(), in) {
			if !yield(func(send func(*result)) {
				if rend != nil {
					send = renderThen(rend, send)
				}
				inp := inp.parsed()
				safeCheck(inp, opts, send, func(send func(*result)) { checkInput(ctx, chk, inp, stdin, opts, send) })
			}) {
				return
			}
		}
	}
	err = runBatch(ctx, jobs, tasks, func(r *result) error {
		sum.addResult(r)
		for k, n := range r.contradicted {
			contradicted[k] += n
		}
		if !opts.keys {
			failing += r.failing
		}
		for fp := range r.failKeys {
			written.add(fp)
			if !base.has(fp) {
				failing++
			}
		}
		prog.add(r.Counts.Claims)
		r.contradicted, r.failKeys = nil, nil
		if r.rendered != nil {
			_, err = bw.Write(r.rendered.Bytes())
			putRenderBuf(r.rendered)
			r.rendered = nil
		} else {
			err = out.result(r)
		}
		return err
	}, bw.Flush) // when the next result is not ready: the results of small files that come together go out in one write
	prog.done()
	if errors.Is(err, context.Canceled) || (err == nil && ctx.Err() != nil) {
		bw.Flush() // what was emitted before the interruption stays
		return interrupted(sum)
	}
	if err != nil {
		return fail(exitError, "write: %v", err)
	}
	err = out.end(sum, topContradicted(contradicted, 10))
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fail(exitError, "write: %v", err)
	}
	if p := c.String("write-baseline"); p != "" {
		if err := written.write(p); err != nil {
			return fail(exitError, "%v", err)
		}
	}
	if sum.Errors > 0 {
		return &exitErr{code: exitError}
	}
	if failing > 0 {
		return &exitErr{code: exitFindings}
	}
	return nil
}

// tuneGC trades memory the run does not need for time. Every format but
// json streams: the live heap is the documents in flight and the record's
// indexes, 2 to 6 MiB on the benchmark corpus (20,000 articles, or one 211 MB
// file), so the collector may wait for the heap to grow ninefold (GOGC=800)
// instead of twofold, within a soft limit of 40 MiB that keeps peak memory
// bounded when more is live. On the articles that halves the collections
// of GOGC=400 (119 to 57) for the same peak memory as when more was live
// (41 MiB). A GOGC or GOMEMLIMIT in the environment wins. The returned
// function restores the settings.
func tuneGC(format string) (restore func()) {
	if format == "json" {
		return func() {} // holds the whole report: the default suits it
	}
	gogc, limit := -1, int64(-1) // -1: leave as it is
	if os.Getenv("GOGC") == "" {
		gogc = debug.SetGCPercent(800)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(40 << 20)
	}
	return func() {
		if gogc != -1 {
			debug.SetGCPercent(gogc)
		}
		if limit != -1 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// renderThen renders each result in the worker that made it, before it
// goes on through send: formatting runs in parallel, and the output only
// copies bytes in input order.
func renderThen(rend renderer, send func(*result)) func(*result) {
	return func(r *result) {
		if r.pipelined {
			send(r) // its worker is busy enough: the output renders it
			return
		}
		b := renderBufs.Get().(*bytes.Buffer)
		b.Reset()
		if rend.render(b, r) == nil { // a bytes.Buffer takes every write
			r.rendered, r.Claims = b, nil
		}
		send(r)
	}
}

// renderBufs holds the buffers results are rendered into: the output puts
// each back once it has written it.
var renderBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putRenderBuf(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // an unusually long part's buffer goes to the collector
		renderBufs.Put(b)
	}
}

// atOrAbove reports whether a verdict fails the run under --fail-on.
func atOrAbove(v checker.Verdict, failOn string) bool {
	switch failOn {
	case "contradicted":
		return v == checker.Contradicted
	case "unknown":
		return v == checker.Contradicted || v == checker.Unknown
	}
	return false
}

// verdictSet is a set of verdicts: a claim's membership is a test of three
// words, where a map would hash the verdict for every claim.
type verdictSet struct {
	supported, contradicted, unknown bool
}

func (s verdictSet) has(v checker.Verdict) bool {
	switch v {
	case checker.Supported:
		return s.supported
	case checker.Contradicted:
		return s.contradicted
	case checker.Unknown:
		return s.unknown
	}
	return false
}

func parseShow(s string) (verdictSet, error) {
	var show verdictSet
	for _, v := range strings.Split(s, ",") {
		switch v := checker.Verdict(strings.TrimSpace(v)); v {
		case checker.Supported:
			show.supported = true
		case checker.Contradicted:
			show.contradicted = true
		case checker.Unknown:
			show.unknown = true
		case "all":
			show = verdictSet{true, true, true}
		default:
			return show, fail(exitError, "--show %q: list verdicts from supported, contradicted, unknown (or all)", s)
		}
	}
	return show, nil
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

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkInput checks one input. It never fails silently: a document that
// cannot be read gets an error in its result, one skipped a note.
func checkInput(ctx context.Context, chk *checker.Checker, in input, stdin io.Reader, opts checkOptions, send func(*result)) {
	r := &result{Path: in.path}
	defer func() { send(r) }() // the last part
	if in.err != nil {
		r.Error = in.err.Error()
		return
	}
	if in.note != "" {
		r.Note = in.note
		return
	}
	var src io.Reader
	var size int64 // the document's size in bytes, when known before reading
	format := opts.inputFormat
	date := opts.date
	sniff := !opts.forceFormat
	switch {
	case in.doc != nil:
		r.ID, r.URL = in.doc.ID, in.doc.URL
		if opts.maxDocBytes > 0 && int64(len(in.doc.Text)) > opts.maxDocBytes {
			r.Error = tooLargeError(opts.maxDocBytes)
			return
		}
		src = strings.NewReader(in.doc.Text)
		size = int64(len(in.doc.Text))
		if in.doc.Format != "" && !opts.forceFormat {
			f, err := markup.ParseFormat(in.doc.Format)
			if err != nil {
				r.Error = fmt.Sprintf("format %q: use text, markdown or html", in.doc.Format)
				return
			}
			format, sniff = f, false
		}
		if in.doc.Date != "" && date.IsZero() {
			d, err := facts.ParseDate(firstDate(in.doc.Date))
			if err != nil {
				r.Error = fmt.Sprintf("date %q: %v", in.doc.Date, err)
				return
			}
			date = d
		}
	case in.path == "-":
		r.Path = opts.stdinName
		src = stdin
	default:
		f, fsize, err := openInputSize(in.path)
		if err != nil {
			r.Error = err.Error()
			return
		}
		defer f.Close()
		if opts.maxDocBytes > 0 && !strings.HasSuffix(in.path, ".gz") && fsize > opts.maxDocBytes {
			r.Error = tooLargeError(opts.maxDocBytes) // refused before reading: nothing listed in part
			return
		}
		size = fsize
		if ff, ok := formatOf(in.path); ok && !opts.forceFormat {
			format, sniff = ff, false
		}
		src = f
	}
	br := readBufs.Get().(*bufio.Reader)
	br.Reset(src)
	defer func() {
		br.Reset(nil) // keep no reference to the input
		readBufs.Put(br)
	}()
	head, _ := br.Peek(sniffLen)
	if what := sniffBinary(head); what != "" {
		r.Note = "skipped: binary file (" + what + ")"
		return
	}
	if sniff {
		format = markup.Sniff(head[:min(len(head), 4096)])
	}
	dr := newDocReader(ctx, br, opts.maxDocBytes)
	sent := false
	// a long document reads ahead in a goroutine of its own: one big file
	// keeps two cores busy
	pipelined := size >= pipelineBytes
	r.pipelined = pipelined
	err := chk.Check(dr, checker.Input{Format: format, Date: date, Pipelined: pipelined}, func(cl *checker.Claim) error {
		if opts.ignore != nil && opts.ignore(cl.Text) {
			return nil
		}
		r.Counts.add(cl)
		if cl.Verdict == checker.Contradicted && opts.top {
			if r.contradicted == nil {
				r.contradicted = map[string]int{}
			}
			r.contradicted[claimLine(cl)]++
		}
		if atOrAbove(cl.Verdict, opts.failOn) {
			r.failing++
			if opts.keys {
				if r.failKeys == nil {
					r.failKeys = map[string]bool{}
				}
				r.failKeys[baselineKey(r.Path, cl)] = true
			}
		}
		if opts.show.has(cl.Verdict) {
			if r.Claims == nil {
				// an article lists a few dozen: one allocation, not one per doubling
				r.Claims = make([]*checker.Claim, 0, 32)
			}
			r.Claims = append(r.Claims, cl)
			if len(r.Claims) == partClaims {
				// a long document streams: this part goes out now
				r.More = true
				send(r)
				sent = true
				r = &result{Path: r.Path, ID: r.ID, URL: r.URL, pipelined: pipelined}
			}
		}
		return nil
	})
	switch {
	case dr.over && sent:
		// parts already went out: say so, never truncate silently
		*r = result{Path: r.Path, ID: r.ID, URL: r.URL, Error: tooLargeError(opts.maxDocBytes) + " (the claims listed above come from before the limit)"}
	case dr.over:
		// no silent truncation: the claims read so far are dropped with the document
		*r = result{Path: r.Path, ID: r.ID, URL: r.URL, Error: tooLargeError(opts.maxDocBytes)}
	case err != nil && ctx.Err() != nil:
		*r = result{Path: r.Path, ID: r.ID, URL: r.URL, Error: "interrupted"}
	case err != nil:
		r.Error = fmt.Sprintf("cannot read: %v", err)
	default:
		r.Note = dr.note()
	}
	return
}

// pipelineBytes is the size from which a document is read ahead while it is
// checked (checker.Input.Pipelined). Below it, the inputs running side by
// side keep the cores busy and the extra goroutine would only cost.
const pipelineBytes = 1 << 20

// readBufs holds the 64 KiB read buffers of the documents being checked:
// an archive of small files would otherwise allocate one per file.
var readBufs = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// partClaims is how many listed claims a document holds before it sends them
// on as a part: memory stays bounded however many claims one document has.
const partClaims = 256

// firstDate takes the date part of a timestamp: 2025-12-04T10:00:00Z → 2025-12-04.
func firstDate(s string) string {
	if len(s) > 10 && s[10] == 'T' {
		return s[:10]
	}
	return s
}

func parseDateFlag(s string) (facts.Date, error) {
	d, err := facts.ParseDate(firstDate(s))
	if err != nil {
		return d, fail(exitError, "--date: %v", err)
	}
	return d, nil
}
