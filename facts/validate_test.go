package facts

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the want.txt files of testdata/records")

// TestBrokenRecords loads each folder of ../testdata/records/broken-*: a
// small record with one kind of error, and want.txt with the exact messages.
func TestBrokenRecords(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/records/broken-*")
	if len(dirs) < 8 {
		t.Fatalf("found %d broken records, want one per kind of error (at least 8)", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files, err := ReadFiles(dir)
			if err != nil {
				t.Fatal(err)
			}
			var tables []File
			for _, f := range files {
				f.Name = filepath.ToSlash(f.Name)
				f.Name = strings.TrimPrefix(f.Name, "../")
				tables = append(tables, f)
			}
			_, err = Parse(tables)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse returned %v, want an ErrorList", err)
			}
			got := list.Error() + "\n"
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				os.WriteFile(wantFile, []byte(got), 0o644)
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMadeUpRecordLoads(t *testing.T) {
	files, err := ReadFiles("../testdata/records/norland")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(files)
	if err != nil {
		t.Fatalf("made-up record: %v", err)
	}
	if r.Name != "norland-sudmark" || len(r.Events) != 9 || r.AsOf.String() != "2020-12-31" {
		t.Errorf("made-up record: name %q, %d events, as of %s", r.Name, len(r.Events), r.AsOf)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		prec    Precision
		wantErr bool
	}{
		{"1955", "1955", Year, false},
		{"1955-06", "1955-06", Month, false},
		{"1955-06-07", "1955-06-07", Day, false},
		{"1955-13", "", None, true},
		{"1955-02-30", "", None, true},
		{"2024-02-29", "2024-02-29", Day, false},
		{"1900-02-29", "", None, true},
		{"55", "", None, true},
		{"1955-6-7", "", None, true},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if (err != nil) != tc.wantErr || (err == nil && (d.String() != tc.want || d.Prec != tc.prec)) {
			t.Errorf("ParseDate(%q) = %v (%v), %v", tc.in, d, d.Prec, err)
		}
	}
}

func TestIntervals(t *testing.T) {
	iv := func(s string) Interval {
		x, err := ParseInterval(s)
		if err != nil {
			t.Fatalf("ParseInterval(%q): %v", s, err)
		}
		return x
	}
	tests := []struct {
		a, b    string
		overlap bool
		reason  string
	}{
		{"1955", "1955-06-07/1955-06-23", true, "a year overlaps a visit inside it"},
		{"1955-03", "1955-06-07/1955-06-23", false, "March does not overlap June"},
		{"1955-11-18/1955-12-14", "1955-12", true, "a tour overlaps its last month"},
		{"1961-12-15/1961-12", "1961-12-31", true, "a month-precision end reaches the month's last day"},
		{"1991-12-25/", "2025", true, "an open end runs on"},
	}
	for _, tc := range tests {
		if got := iv(tc.a).Overlaps(iv(tc.b)); got != tc.overlap {
			t.Errorf("%s overlaps %s = %v: %s", tc.a, tc.b, got, tc.reason)
		}
	}
	if _, err := ParseInterval("1960/1955"); err == nil {
		t.Error("an interval ending before it starts parsed")
	}
	for _, n := range []DayNum{civil(1947, 4, 13), civil(2000, 2, 29), civil(1900, 3, 1)} {
		d := DateOf(n)
		if civil(d.Y, d.M, d.D) != n {
			t.Errorf("DateOf(%d) = %v does not round-trip", n, d)
		}
	}
}
