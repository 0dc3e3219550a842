package facts

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// table is one parsed TSV file: a header and rows of cells, each cell with
// its column so that errors can point at it.
type table struct {
	file string
	cols map[string]int
	rows []row
}

type row struct {
	t     *table
	line  int
	cells []string
	at    []int // 1-based column (in characters) where each cell starts
}

// readTable splits a TSV file into rows. allowed lists the column names the
// table knows; required those it must have. Every problem goes to errs.
func readTable(file string, data []byte, allowed, required []string, errs *ErrorList) *table {
	t := &table{file: file, cols: map[string]int{}}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		errs.add(file, line, 0, "invalid UTF-8: save the file as UTF-8")
		return t
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	header := false
	for n, line := range strings.Split(text, "\n") {
		lineNo := n + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		at := make([]int, len(cells))
		col := 1
		for i, c := range cells {
			at[i] = col
			col += utf8.RuneCountInString(c) + 1
			cells[i] = strings.TrimSpace(c)
		}
		if !header {
			header = true
			for i, c := range cells {
				switch {
				case !contains(allowed, c):
					errs.add(file, lineNo, at[i], "unknown column %q (columns are: %s)", c, strings.Join(allowed, ", "))
				case t.cols[c] != 0:
					errs.add(file, lineNo, at[i], "column %q appears twice", c)
				default:
					t.cols[c] = i + 1
				}
			}
			for _, c := range required {
				if t.cols[c] == 0 {
					errs.add(file, lineNo, 1, "missing column %q", c)
				}
			}
			continue
		}
		if len(cells) > len(t.cols) && !onlyEmpty(cells[len(t.cols):]) {
			errs.add(file, lineNo, at[len(t.cols)], "%d cells, but the header has %d columns: is there a stray tab?", len(cells), len(t.cols))
		}
		t.rows = append(t.rows, row{t: t, line: lineNo, cells: cells, at: at})
	}
	if !header {
		errs.add(file, 0, 0, "no header line: the first line that is not a comment must name the columns")
	}
	return t
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func onlyEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns the trimmed cell of a column, or "" when the row is short or
// the table has no such column.
func (r row) get(col string) string {
	i := r.t.cols[col] - 1
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// col returns the 1-based character column of a cell, for errors.
func (r row) col(col string) int {
	i := r.t.cols[col] - 1
	if i < 0 {
		return 0
	}
	if i >= len(r.at) {
		return r.at[len(r.at)-1]
	}
	return r.at[i]
}

// list splits a ;-separated cell.
func (r row) list(col string) []string {
	return splitList(r.get(col))
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
