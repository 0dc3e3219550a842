package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// useColor decides on colour: always, never, or auto — a terminal without
// NO_COLOR (https://no-color.org).
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	return isTerminal(w)
}

// progress draws one status line on standard error while a long run goes on:
// inputs done, claims, rate and time so far. It draws only on a terminal,
// never on standard output, and only once a run has lasted a second (or at
// once with --progress).
type progress struct {
	w      io.Writer
	on     bool
	start  time.Time
	mu     sync.Mutex
	files  int
	claims int
	total  int // inputs expected, when known: for the ETA
	last   time.Time
	drawn  bool
	eager  bool
}

func newProgress(w io.Writer, eager bool) *progress {
	return &progress{w: w, on: isTerminal(w), start: time.Now(), eager: eager}
}

func (p *progress) add(claims int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.files++
	p.claims += claims
	now := time.Now()
	if (!p.eager && now.Sub(p.start) < time.Second) || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start)
	rate := float64(p.files) / el.Seconds()
	if p.total > 0 && p.files <= p.total {
		eta := time.Duration(float64(p.total-p.files) / rate * float64(time.Second))
		fmt.Fprintf(p.w, "\r\x1b[Kchecked %d/%d inputs, %d claims, %.0f inputs/s, %s, about %s left", p.files, p.total, p.claims, rate, el.Round(time.Second), eta.Round(time.Second))
	} else {
		fmt.Fprintf(p.w, "\r\x1b[Kchecked %d inputs, %d claims, %.0f inputs/s, %s", p.files, p.claims, rate, el.Round(time.Second))
	}
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// expect sets how many inputs the run will check, for the ETA.
func (p *progress) expect(n int) {
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
}
