package checker

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/relcheck/relcheck/checker/markup"
)

// checkAll checks src and returns its claims.
func checkAll(t *testing.T, c *Checker, src []byte, in Input) []*Claim {
	t.Helper()
	var out []*Claim
	if err := c.Check(bytes.NewReader(src), in, func(cl *Claim) error {
		out = append(out, cl)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// A pipelined check reads ahead in a goroutine of its own; what it finds
// must be exactly what the serial check finds: the same claims, verdicts,
// positions and explanations, in the same order.
func TestPipelinedSameAsSerial(t *testing.T) {
	c := newDefaultChecker(t)
	for name, src := range testDocs(t, c) {
		format, _ := markup.FormatFor(name)
		serial := checkAll(t, c, src, Input{Format: format})
		piped := checkAll(t, c, src, Input{Format: format, Pipelined: true})
		if len(serial) == 0 {
			t.Errorf("%s: no claims", name)
		}
		if diff := cmp.Diff(serial, piped, cmp.AllowUnexported(Claim{})); diff != "" {
			t.Errorf("%s: pipelined differs (-serial +pipelined):\n%s", name, diff)
		}
	}
}

// testDocs are the test articles and the benchmark text, by name.
func testDocs(t *testing.T, c *Checker) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{"bench": []byte(benchText(t, c))}
	files, _ := filepath.Glob("../testdata/articles/*")
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden") {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs[f] = src
		}
	}
	return docs
}

// Options.OmitMentions leaves out the claims' mentions and changes nothing
// else.
func TestOmitMentions(t *testing.T) {
	c := newDefaultChecker(t)
	omit := New(c.rec, Options{OmitMentions: true})
	for name, src := range testDocs(t, c) {
		format, _ := markup.FormatFor(name)
		with := checkAll(t, c, src, Input{Format: format})
		without := checkAll(t, omit, src, Input{Format: format})
		mentioned := 0
		for _, cl := range with {
			mentioned += len(cl.Mentions)
			cl.Mentions = nil
		}
		if mentioned == 0 {
			t.Errorf("%s: no mentions to leave out", name)
		}
		if diff := cmp.Diff(with, without, cmp.AllowUnexported(Claim{})); diff != "" {
			t.Errorf("%s: claims without mentions differ (-with, mentions removed +without):\n%s", name, diff)
		}
	}
}

// countingReader counts the reads made after closed is set.
type countingReader struct {
	r      *bytes.Reader
	closed atomic.Bool
	late   atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.closed.Load() {
		c.late.Add(1)
	}
	return c.r.Read(p)
}

// When emit stops the check, the reading goroutine stops too, before Check
// returns: the caller may close or reuse the reader at once.
func TestPipelinedStopsWithEmit(t *testing.T) {
	c := newDefaultChecker(t)
	src := []byte(strings.Repeat(benchText(t, c), 3))
	cr := &countingReader{r: bytes.NewReader(src)}
	stopErr := errors.New("enough")
	n := 0
	err := c.Check(cr, Input{Pipelined: true}, func(*Claim) error {
		if n++; n == 10 {
			return stopErr
		}
		return nil
	})
	cr.closed.Store(true)
	if !errors.Is(err, stopErr) || n != 10 {
		t.Fatalf("Check = %v after %d claims, want the emit error after 10", err, n)
	}
	if cr.r.Len() == 0 {
		t.Errorf("the whole input was read although the check stopped early")
	}
	checkAll(t, c, []byte("Brezhnev visited India in 1964."), Input{Pipelined: true}) // time for a stray read
	if n := cr.late.Load(); n != 0 {
		t.Errorf("%d reads after Check returned", n)
	}
}

// panicReader panics on its first read.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }

// A panic in the reading goroutine reaches the caller's goroutine, where
// the command's recovery turns it into the document's error.
func TestPipelinedPanicReachesCaller(t *testing.T) {
	c := newDefaultChecker(t)
	defer func() {
		v := recover()
		if s, ok := v.(string); !ok || !strings.Contains(s, "boom") || !strings.Contains(s, "reading the document") {
			t.Errorf("recovered %v, want the reader's panic", v)
		}
	}()
	c.Check(panicReader{}, Input{Pipelined: true}, func(*Claim) error { return nil })
	t.Error("Check returned normally")
}
