package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relcheck/relcheck/facts"
)

// configName is the file relcheck looks for, from the current folder up.
const configName = ".relcheck.json"

// config holds defaults from .relcheck.json. Flags given on the command line
// win over it.
type config struct {
	Format         string   `json:"format,omitempty"`
	FailOn         string   `json:"fail_on,omitempty"`
	Show           string   `json:"show,omitempty"`
	MinConfidence  *float64 `json:"min_confidence,omitempty"`
	Facts          []string `json:"facts,omitempty"`
	NoDefaultFacts bool     `json:"no_default_facts,omitempty"`
	Include        []string `json:"include,omitempty"`
	Exclude        []string `json:"exclude,omitempty"`
	// Ignore lists claims never to report: a claim is ignored when its
	// sentence contains one of these texts (case does not matter).
	Ignore []string `json:"ignore,omitempty"`

	path string // where it was read from, "" if none
}

// loadConfig reads --config, or the nearest .relcheck.json upward.
func loadConfig(c *cli.Context) (*config, error) {
	p := c.String("config")
	if p == "" {
		p = findConfig()
		if p == "" {
			return &config{}, nil
		}
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fail(exitError, "config: %v", err)
	}
	var cfg config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return nil, fail(exitError, "%s: %s: fix the file, or name another with --config", p, jsonErrorAt(data, err))
	}
	cfg.path = p
	dir := filepath.Dir(p)
	for i, f := range cfg.Facts {
		if !filepath.IsAbs(f) {
			cfg.Facts[i] = filepath.Join(dir, f)
		}
	}
	return &cfg, nil
}

// jsonErrorAt says where in the file a JSON error is, as line:column.
func jsonErrorAt(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return err.Error()
	}
	before := data[:min(int(off), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%d:%d: %v", line, col, err)
}

func findConfig() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, configName)
		if _, err := os.Stat(p); err == nil {
			return p
		} else if !errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// str returns a flag's value: the command line's if set, else the config's,
// else the flag's default.
func (cfg *config) str(c *cli.Context, name string) string {
	if c.IsSet(name) {
		return c.String(name)
	}
	var v string
	switch name {
	case "format":
		v = cfg.Format
	case "fail-on":
		v = cfg.FailOn
	case "show":
		v = cfg.Show
	}
	if v != "" {
		return v
	}
	return c.String(name)
}

func (cfg *config) float(c *cli.Context, name string) float64 {
	if !c.IsSet(name) && name == "min-confidence" && cfg.MinConfidence != nil {
		return *cfg.MinConfidence
	}
	return c.Float64(name)
}

func (cfg *config) list(c *cli.Context, name string) []string {
	if c.IsSet(name) {
		return c.StringSlice(name)
	}
	switch name {
	case "include":
		return cfg.Include
	case "exclude":
		return cfg.Exclude
	}
	return c.StringSlice(name)
}

// loadRecordWith loads the record from the flags, or else the config.
func loadRecordWith(c *cli.Context, cfg *config) (*facts.Record, error) {
	paths := c.StringSlice("facts")
	if !c.IsSet("facts") {
		paths = cfg.Facts
	}
	noDefault := c.Bool("no-default-facts") || (!c.IsSet("no-default-facts") && cfg.NoDefaultFacts)
	rec, err := facts.Load(noDefault, paths...)
	if err != nil {
		return nil, &exitErr{code: exitError, err: fmt.Errorf("the record cannot be used:\n%w", err)}
	}
	return rec, nil
}

// ignored reports whether the config asks to skip a claim's sentence.
func (cfg *config) ignored(sentence string) bool {
	if len(cfg.Ignore) == 0 {
		return false
	}
	low := strings.ToLower(sentence)
	for _, s := range cfg.Ignore {
		if s != "" && strings.Contains(low, strings.ToLower(s)) {
			return true
		}
	}
	return false
}

func configCommand() *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "print the effective configuration: the " + configName + " found (or --config) with the defaults filled in",
		Flags: []cli.Flag{&cli.StringFlag{Name: "config", Usage: "read `FILE` instead of the " + configName + " found upward"}},
		Action: func(c *cli.Context) error {
			cfg, err := loadConfig(c)
			if err != nil {
				return err
			}
			eff := *cfg
			if eff.Format == "" {
				eff.Format = "text"
			}
			if eff.FailOn == "" {
				eff.FailOn = "contradicted"
			}
			if eff.Show == "" {
				eff.Show = "supported,contradicted,unknown"
			}
			if eff.MinConfidence == nil {
				v := 0.6
				eff.MinConfidence = &v
			}
			from := cfg.path
			if from == "" {
				from = "(none found: built-in defaults)"
			}
			fmt.Fprintf(c.App.Writer, "# configuration from %s\n", from)
			return writeJSON(c.App.Writer, eff)
		},
	}
}
