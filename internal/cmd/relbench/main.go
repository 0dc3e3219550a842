// Command relbench measures relcheck against the cost of reading the text:
// it runs relcheck and `wc -w` in alternation on the same corpus and prints
// medians, MB/s, the time ratio and relcheck's peak memory.
//
//	go run ./internal/cmd/relbench                      # generate a corpus (fixed seed) and measure
//	go run ./internal/cmd/relbench -corpus DIR -runs 5  # measure an existing corpus (files/ and big/all.txt)
//
// The generated corpus is news-like text built from the record's own names
// (people, places, years) mixed with filler, in Markdown, HTML and plain
// text, 2–30 KB per file; no network is used.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/relcheck/relcheck/facts"
)

func main() {
	corpus := flag.String("corpus", "", "an existing corpus folder with files/ and big/all.txt (default: generate one)")
	nfiles := flag.Int("files", 20000, "files to generate")
	seed := flag.Uint64("seed", 1947, "generator seed")
	runs := flag.Int("runs", 5, "paired runs per measurement")
	bin := flag.String("relcheck", "", "the relcheck binary (default: build ./cmd/relcheck)")
	skipBig := flag.Bool("skip-big", false, "skip the single-file measurement")
	flag.Parse()
	if err := run(*corpus, *nfiles, *seed, *runs, *bin, *skipBig); err != nil {
		fmt.Fprintln(os.Stderr, "relbench:", err)
		os.Exit(1)
	}
}

func run(corpus string, nfiles int, seed uint64, runs int, bin string, skipBig bool) error {
	tmp, err := os.MkdirTemp("", "relbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "relcheck")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/relcheck").CombinedOutput(); err != nil {
			return fmt.Errorf("build relcheck: %v\n%s", err, out)
		}
	}
	if corpus == "" {
		corpus = filepath.Join(tmp, "corpus")
		start := time.Now()
		if err := generate(corpus, nfiles, seed); err != nil {
			return err
		}
		fmt.Printf("generated %d files in %s (seed %d)\n", nfiles, time.Since(start).Round(time.Millisecond), seed)
	}
	files := filepath.Join(corpus, "files")
	big := filepath.Join(corpus, "big", "all.txt")
	size, n, err := treeSize(files)
	if err != nil {
		return err
	}
	fmt.Printf("corpus: %d files, %.1f MB\n\n", n, float64(size)/1e6)
	fmt.Println("| measurement | relcheck median | wc -w median | ratio (median of pairs) | relcheck MB/s | relcheck peak RSS |")
	fmt.Println("|---|---|---|---|---|---|")
	wcDir := []string{"sh", "-c", "find \"$0\" -type f -print0 | xargs -0 wc -w > /dev/null", files}
	measure("folder, default jobs", runs, size, []string{bin, "check", "--format", "line", files}, wcDir)
	measure("folder, --jobs 1", runs, size, []string{bin, "check", "--format", "line", "--jobs", "1", files}, wcDir)
	measure("folder, --jobs 2", runs, size, []string{bin, "check", "--format", "line", "--jobs", "2", files}, wcDir)
	if !skipBig {
		if st, err := os.Stat(big); err == nil {
			measure("one file (big/all.txt)", runs, st.Size(), []string{bin, "check", "--format", "line", big}, []string{"wc", "-w", big})
		}
	}
	return nil
}

type sample struct {
	wall   time.Duration
	maxRSS int64 // KiB
}

// measure runs the two commands in alternation and prints the medians.
func measure(name string, runs int, size int64, relcheck, wc []string) {
	var rs, ws []sample
	var ratios []float64
	for i := 0; i < runs; i++ {
		w := timeIt(wc)
		r := timeIt(relcheck)
		rs, ws = append(rs, r), append(ws, w)
		ratios = append(ratios, r.wall.Seconds()/w.wall.Seconds())
	}
	rm, wm := median(rs), median(ws)
	var peak int64
	for _, r := range rs {
		peak = max(peak, r.maxRSS)
	}
	sort.Float64s(ratios)
	fmt.Printf("| %s | %.2f s | %.2f s | %.2f× | %.0f | %.1f MiB |\n", name, rm.Seconds(), wm.Seconds(), ratios[len(ratios)/2],
		float64(size)/1e6/rm.Seconds(), float64(peak)/1024)
}

func timeIt(argv []string) sample {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 1 {
		fmt.Fprintf(os.Stderr, "relbench: %s exited %d\n", argv[0], ee.ExitCode())
	}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			s.maxRSS = ru.Maxrss
		}
	}
	return s
}

func median(s []sample) time.Duration {
	d := make([]time.Duration, len(s))
	for i, x := range s {
		d[i] = x.wall
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func treeSize(dir string) (int64, int, error) {
	var size int64
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			size += info.Size()
			n++
		}
		return nil
	})
	return size, n, err
}

// generate writes files/dNNN/article-NNNNN.{md,html,txt} and big/all.txt.
func generate(root string, n int, seed uint64) error {
	rec, err := facts.Default()
	if err != nil {
		return err
	}
	var people, places []string
	for _, p := range rec.People {
		people = append(people, p.Name)
	}
	for _, p := range rec.Places {
		places = append(places, p.Name)
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), people: people, places: places}
	if err := os.MkdirAll(filepath.Join(root, "big"), 0o755); err != nil {
		return err
	}
	all, err := os.Create(filepath.Join(root, "big", "all.txt"))
	if err != nil {
		return err
	}
	defer all.Close()
	for i := 0; i < n; i++ {
		dir := filepath.Join(root, "files", fmt.Sprintf("d%03d", i/200))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		ext := []string{"md", "html", "txt"}[i%3]
		// log-uniform sizes from 2 to 30 KB
		target := int(2100 * math.Exp(g.r.Float64()*math.Log(28000.0/2100.0)))
		body := g.article(ext, target)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%05d.%s", i, ext)), body, 0o644); err != nil {
			return err
		}
		all.Write(body)
	}
	return nil
}

type gen struct {
	r              *rand.Rand
	people, places []string
}

var (
	verbs  = []string{"visited", "toured", "arrived in", "returned to", "flew to", "travelled to", "spent three days in"}
	filler = strings.Fields("the a of and in to was for on that with as by it is at from his her which this an were be has had have are not but also its after over more than new first two years government country people economic political development industrial plan cooperation trade talks delegation minister officials press conference agreement growth region region's markets")
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *gen) sentence() string {
	if g.r.IntN(100) < 41 {
		when := fmt.Sprint(1947 + g.r.IntN(79))
		if g.r.IntN(3) == 0 {
			when = g.pick(months) + " " + when
		}
		return fmt.Sprintf("%s %s %s in %s.", g.pick(g.people), g.pick(verbs), g.pick(g.places), when)
	}
	n := 8 + g.r.IntN(18)
	w := make([]string, n)
	for i := range w {
		w[i] = g.pick(filler)
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *gen) article(kind string, target int) []byte {
	var b bytes.Buffer
	switch kind {
	case "md":
		fmt.Fprintf(&b, "---\ntitle: Archive note\ndate: 20%02d-0%d-1%d\n---\n\n# Archive note\n\n", g.r.IntN(26), 1+g.r.IntN(9), g.r.IntN(10))
	case "html":
		b.WriteString("<!doctype html><html><head><title>Archive note</title></head><body><article>\n")
	}
	for b.Len() < target {
		para := make([]string, 3+g.r.IntN(5))
		for i := range para {
			para[i] = g.sentence()
		}
		switch kind {
		case "html":
			fmt.Fprintf(&b, "<p>%s</p>\n", strings.Join(para, " "))
		default:
			fmt.Fprintf(&b, "%s\n\n", strings.Join(para, " "))
		}
	}
	if kind == "html" {
		b.WriteString("</article></body></html>\n")
	}
	return b.Bytes()
}
