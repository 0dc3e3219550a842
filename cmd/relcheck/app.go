package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/facts"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
	exitSignal   = 130 // interrupted: 128 + SIGINT
)

// exitError carries an exit code out of an action.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func (e *exitErr) Unwrap() error { return e.err }

func fail(code int, format string, args ...any) error {
	return &exitErr{code: code, err: fmt.Errorf(format, args...)}
}

// run is the whole command line, testable in-process.
//
// The first Ctrl-C (or SIGTERM) stops the run cleanly: no new input is
// started, output already written stays whole lines, and the exit status is
// 130. A second one ends the process at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop) // restore the default: a second signal kills
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return exitOK
	}
	var ee *exitErr
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "relcheck:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "relcheck:", err)
	return exitError
}

var recordFlags = []cli.Flag{
	&cli.StringSliceFlag{Name: "facts", Usage: "load a further record `DIR|FILE.tsv` over the default (repeatable)"},
	&cli.BoolFlag{Name: "no-default-facts", Usage: "use only the records given with --facts"},
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	check := checkCommand(stdin)
	app := &cli.App{
		Name:                   "relcheck",
		Usage:                  "check the factual claims of article text against a sourced record",
		UsageText:              "relcheck [check] [flags] [PATH...]\n   echo \"Brezhnev visited India in 1964.\" | relcheck",
		Reader:                 stdin,
		Writer:                 stdout,
		ErrWriter:              stderr,
		ExitErrHandler:         func(*cli.Context, error) {},
		HideHelpCommand:        true,
		EnableBashCompletion:   true,
		UseShortOptionHandling: true,
		Flags:                  check.Flags,
		Action:                 check.Action,
		Commands: []*cli.Command{
			check,
			factsCommand(),
			evalCommand(),
			configCommand(),
			completionCommand(),
			explainCommand(),
			versionCommand(),
		},
		Description: strings.TrimSpace(`
Every claim gets a verdict: supported, contradicted or unknown, with the
evidence and its sources, and for a contradiction the correction.

Examples:
   an editor:     relcheck < draft.md
                  relcheck explain "Brezhnev visited India in 1964."
   CI:            relcheck --format github articles/
                  relcheck --format sarif --fail-on never articles/ > relcheck.sarif
                  relcheck --baseline .relcheck-baseline.json articles/
   an archivist:  relcheck --input jsonl --format jsonl archive.jsonl.gz > verdicts.jsonl
                  relcheck --input jsonl --shard 3/16 --format jsonl - < part.jsonl
   the record:    relcheck facts search gorbachov; relcheck facts validate my-record/

Exit status: 0 when no finding is at or above --fail-on (default:
contradicted), 1 when one is, 2 for usage, input or record errors (every
other input is still checked and reported).`),
	}
	return app
}

// loadRecord loads the record the flags ask for, reporting every problem.
func loadRecord(c *cli.Context) (*facts.Record, error) {
	rec, err := facts.Load(c.Bool("no-default-facts"), c.StringSlice("facts")...)
	if err != nil {
		return nil, &exitErr{code: exitError, err: fmt.Errorf("the record cannot be used:\n%w", err)}
	}
	return rec, nil
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version and the record's name, as-of date and hash",
		Flags: recordFlags,
		Action: func(c *cli.Context) error {
			rec, err := loadRecord(c)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "relcheck %s\nrecord %s, as of %s, sha256 %s\n", version, rec.Name, rec.AsOf, rec.SHA256)
			return nil
		},
	}
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"
