package facts

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed data/*.tsv
var defaultData embed.FS

// DefaultFiles returns the tables of the record embedded in the binary.
func DefaultFiles() []File {
	entries, _ := fs.ReadDir(defaultData, "data")
	var files []File
	for _, e := range entries {
		data, _ := fs.ReadFile(defaultData, "data/"+e.Name())
		files = append(files, File{Name: "facts/data/" + e.Name(), Data: data})
	}
	return files
}

// Default parses the embedded record.
func Default() (*Record, error) { return Parse(DefaultFiles()) }

// ReadFiles reads record tables from paths: a folder gives every .tsv file in
// it, a file gives itself.
func ReadFiles(paths ...string) ([]File, error) {
	var files []File
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read record: %w", err)
		}
		names := []string{p}
		if info.IsDir() {
			names, err = filepath.Glob(filepath.Join(p, "*.tsv"))
			if err != nil {
				return nil, fmt.Errorf("read record %s: %w", p, err)
			}
			if len(names) == 0 {
				return nil, fmt.Errorf("read record %s: no .tsv tables in the folder", p)
			}
			sort.Strings(names)
		} else if !strings.HasSuffix(p, ".tsv") {
			return nil, fmt.Errorf("read record %s: a record table is a .tsv file named after its table (people.tsv, events.tsv, …)", p)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				return nil, fmt.Errorf("read record: %w", err)
			}
			files = append(files, File{Name: n, Data: data})
		}
	}
	return files, nil
}

// Load parses the default record (unless noDefault) with further records
// from paths layered over it.
func Load(noDefault bool, paths ...string) (*Record, error) {
	var files []File
	if !noDefault {
		files = DefaultFiles()
	}
	extra, err := ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	files = append(files, extra...)
	if len(files) == 0 {
		return nil, fmt.Errorf("no record: give --facts or drop --no-default-facts")
	}
	return Parse(files)
}
