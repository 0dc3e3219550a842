package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/relcheck/relcheck/checker/markup"
)

// input is one document to check: a file, standard input, a document of a
// JSONL archive, or an error met while listing inputs (reported in its place,
// so that every input yields findings or an error).
type input struct {
	path string // "-" for standard input
	err  error
	note string     // an input skipped on purpose, and why
	doc  *jsonlDoc  // --input jsonl
	line *jsonlLine // --input jsonl, not parsed yet: see parsed
}

// jsonlLine is a line of a JSONL archive as read: the worker that checks it
// parses it, so that the reading of the archive, which runs on one worker
// at a time to keep input order, is not also the decoding of every document.
type jsonlLine struct {
	text   []byte
	n      int    // the line number
	source string // the archive's name
}

// parsed is in with its JSONL line, if any, parsed into a document or an
// error entry.
func (in input) parsed() input {
	if in.line == nil {
		return in
	}
	return parseDoc(in.line.text, in.line.source, in.line.n, nil)
}

// yieldOr yields an entry from inside a walk, stopping the walk when the
// consumer is done.
func yieldOr(yield func(input) bool, in input, ok *bool) error {
	if !yield(in) {
		*ok = false
		return filepath.SkipAll
	}
	return nil
}

// inputOptions select and name inputs.
type inputOptions struct {
	include, exclude []string // globs
	fileList         string   // a file of paths, or "-"
	jsonl            bool     // --input jsonl
	shard, shards    int      // --shard i/N
	stdin            io.Reader
}

// inputsOf lists the inputs the arguments name, lazily: folders are walked as
// the checks run, JSONL archives read line by line.
func inputsOf(args []string, o inputOptions) iter.Seq[input] {
	return func(yield func(input) bool) {
		if o.fileList != "" {
			if !yieldFileList(o, yield) {
				return
			}
		} else if len(args) == 0 {
			args = []string{"-"}
		}
		for _, a := range args {
			if !yieldArg(a, o, yield) {
				return
			}
		}
	}
}

func yieldFileList(o inputOptions, yield func(input) bool) bool {
	var r io.Reader
	if o.fileList == "-" {
		r = o.stdin
	} else {
		f, err := os.Open(o.fileList)
		if err != nil {
			return yield(input{path: o.fileList, err: fmt.Errorf("cannot read the file list: %w", unwrapPath(err))})
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		p := strings.TrimSpace(sc.Text())
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		if !yieldArg(p, o, yield) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return yield(input{path: o.fileList, err: fmt.Errorf("cannot read the file list: %w", err)})
	}
	return true
}

func yieldArg(a string, o inputOptions, yield func(input) bool) bool {
	if a == "-" {
		if o.jsonl {
			return yieldJSONL("-", o, yield)
		}
		return yield(input{path: "-"})
	}
	info, err := os.Stat(a)
	if err != nil {
		return yield(input{path: a, err: fmt.Errorf("cannot read: %w", unwrapPath(err))})
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return yield(input{path: a, err: errNotRegular})
		}
		if o.jsonl {
			return yieldJSONL(a, o, yield)
		}
		return yield(input{path: a})
	}
	ign := &ignorer{}
	ok := true
	walkErr := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(input{path: p, err: fmt.Errorf("cannot read: %w", unwrapPath(err))}) {
				ok = false
				return filepath.SkipAll
			}
			return nil
		}
		rel, _ := filepath.Rel(a, p)
		rel = filepath.ToSlash(rel)
		if p != a && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != a && ign.ignored(rel, true) {
				return filepath.SkipDir
			}
			ign.load(p, rel)
			return nil
		}
		if ign.ignored(rel, false) || !selected(rel, o) {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link to a file is followed once; a link to a
			// folder is not walked (no cycles); a link that cannot be
			// resolved (a loop, a dangling link) and a FIFO, socket or
			// device are reported, never skipped in silence.
			info, err := os.Stat(p)
			switch {
			case err != nil:
				return yieldOr(yield, input{path: p, err: fmt.Errorf("cannot read: %w", unwrapPath(err))}, &ok)
			case info.IsDir():
				return yieldOr(yield, input{path: p, note: "skipped: a symbolic link to a folder (not followed: give the folder itself)"}, &ok)
			case !info.Mode().IsRegular():
				return yieldOr(yield, input{path: p, err: errNotRegular}, &ok)
			}
		}
		if o.jsonl {
			if strings.HasSuffix(rel, ".jsonl") || strings.HasSuffix(rel, ".jsonl.gz") {
				if !yieldJSONL(p, o, yield) {
					ok = false
					return filepath.SkipAll
				}
			}
			return nil
		}
		if _, known := formatOf(p); !known {
			return nil
		}
		if !yield(input{path: p}) {
			ok = false
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && ok {
		return yield(input{path: a, err: walkErr})
	}
	return ok
}

// selected applies --include and --exclude to a path relative to the folder
// walked: a glob matches the whole path or the file name; ** crosses folders.
func selected(rel string, o inputOptions) bool {
	for _, g := range o.exclude {
		if globMatch(g, rel) {
			return false
		}
	}
	if len(o.include) == 0 {
		return true
	}
	for _, g := range o.include {
		if globMatch(g, rel) {
			return true
		}
	}
	return false
}

func globMatch(glob, rel string) bool {
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(rel))
		return ok
	}
	return matchDoubleStar(strings.TrimPrefix(glob, "/"), rel)
}

// matchDoubleStar matches a slash-separated glob where ** stands for any
// number of folders.
func matchDoubleStar(glob, name string) bool {
	gp, np := strings.Split(glob, "/"), strings.Split(name, "/")
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(gp) {
			if gp[i] == "**" {
				for k := j; k <= len(np); k++ {
					if match(i+1, k) {
						return true
					}
				}
				return false
			}
			if j >= len(np) {
				return false
			}
			if ok, _ := path.Match(gp[i], np[j]); !ok {
				return false
			}
			i, j = i+1, j+1
		}
		return j == len(np)
	}
	return match(0, 0)
}

// ignorer holds the .gitignore rules of the folders walked so far.
type ignorer struct {
	rules []ignoreRule
}

type ignoreRule struct {
	base    string // folder of the .gitignore, relative, "" for the root
	pattern string
	negate  bool
	dirOnly bool
	rooted  bool
}

func (ig *ignorer) load(dir, rel string) {
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return
	}
	if rel == "." {
		rel = ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{base: rel}
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		}
		line = strings.TrimRight(line, " ")
		if strings.HasSuffix(line, "/") {
			r.dirOnly, line = true, strings.TrimSuffix(line, "/")
		}
		if strings.Contains(line, "/") {
			r.rooted, line = true, strings.TrimPrefix(line, "/")
		}
		r.pattern = line
		ig.rules = append(ig.rules, r)
	}
}

// ignored applies the rules in order: the last that matches decides.
func (ig *ignorer) ignored(rel string, isDir bool) bool {
	out := false
	for _, r := range ig.rules {
		if r.dirOnly && !isDir {
			continue
		}
		sub := rel
		if r.base != "" {
			if !strings.HasPrefix(rel, r.base+"/") {
				continue
			}
			sub = strings.TrimPrefix(rel, r.base+"/")
		}
		var m bool
		if r.rooted {
			m = matchDoubleStar(r.pattern, sub)
		} else {
			m, _ = path.Match(r.pattern, path.Base(sub))
		}
		if m {
			out = !r.negate
		}
	}
	return out
}

// formatOf picks a reader format by extension, looking through .gz.
func formatOf(p string) (markup.Format, bool) {
	return markup.FormatFor(strings.TrimSuffix(p, ".gz"))
}

// openInput opens a file, decompressing .gz files.
func openInput(p string) (io.ReadCloser, error) {
	rc, _, err := openInputSize(p)
	return rc, err
}

// openInputSize is openInput that also gives the file's size (compressed,
// for .gz), from the open file: no second lookup of the path.
func openInputSize(p string) (io.ReadCloser, int64, error) {
	f, size, err := openRegular(p)
	if err != nil {
		return nil, 0, err
	}
	if !strings.HasSuffix(p, ".gz") {
		return f, size, nil
	}
	z, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("not a readable gzip file (%v): decompress it or give the file without .gz", err)
	}
	return &gzipFile{z, f}, size, nil
}

type gzipFile struct {
	*gzip.Reader
	f io.Closer
}

func (g *gzipFile) Close() error {
	g.Reader.Close()
	return g.f.Close()
}

// jsonlDoc is one document of a JSONL archive.
type jsonlDoc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Format string `json:"format,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	line   int
	source string
}

// maxJSONLLine bounds one archive line (one document).
const maxJSONLLine = 64 << 20

// yieldJSONL reads an archive line by line: each line a document, or an
// error entry for a line that is not one. --shard keeps the documents whose
// id hashes to this shard.
func yieldJSONL(p string, o inputOptions, yield func(input) bool) bool {
	var r io.Reader
	name := p
	if p == "-" {
		r, name = o.stdin, "<stdin>"
	} else {
		rc, err := openInput(p)
		if err != nil {
			return yield(input{path: p, err: err})
		}
		defer rc.Close()
		r = rc
	}
	br := bufio.NewReaderSize(r, 256*1024)
	for n := 1; ; n++ {
		line, err := readLine(br, maxJSONLLine)
		if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, errLineTooLong) {
			in := input{line: &jsonlLine{line, n, name}}
			if o.shards > 1 || errors.Is(err, errLineTooLong) {
				in = parseDoc(line, name, n, err) // the shard is the id's
			}
			if o.shards > 1 && shardOf(in, n, o.shards) != o.shard {
				line = nil
			} else if !yield(in) {
				return false
			}
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			if !errors.Is(err, io.EOF) {
				return yield(input{path: fmt.Sprintf("%s:%d", name, n), err: fmt.Errorf("cannot read: %w", err)})
			}
			return true
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its newline, never holding more than max
// bytes: a longer line is skipped to its end and reported.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err == nil || errors.Is(err, io.EOF) {
				return nil, errLineTooLong
			}
			return nil, err
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return line, err
		}
		return bytes.TrimRight(line, "\r\n"), nil
	}
}

func parseDoc(line []byte, name string, n int, readErr error) input {
	where := func() string { return fmt.Sprintf("%s:%d", name, n) }
	if errors.Is(readErr, errLineTooLong) {
		return input{path: where(), err: fmt.Errorf("document longer than %d MiB: split it, or check it as a file", maxJSONLLine>>20)}
	}
	d, ok := decodeDocFast(line)
	if !ok {
		d = jsonlDoc{}
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&d); err != nil {
			return input{path: where(), err: fmt.Errorf("not a JSON object with \"id\" and \"text\" (%v)", err)}
		}
		if dec.More() {
			return input{path: where(), err: errors.New("more than one JSON value on the line: one document per line")}
		}
	}
	if d.ID == "" {
		return input{path: where(), err: errors.New(`no "id": every document needs one`)}
	}
	d.line, d.source = n, name
	return input{path: d.ID, doc: &d}
}

// shardOf hashes a document's id (or, for a line that is not a document, its
// position) to one of n shards.
func shardOf(in input, line, n int) int {
	h := fnv.New32a()
	if in.doc != nil {
		h.Write([]byte(in.doc.ID))
	} else {
		fmt.Fprintf(h, "line:%d", line)
	}
	return int(h.Sum32() % uint32(n))
}
