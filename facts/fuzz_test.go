package facts

import (
	"errors"
	"path/filepath"
	"testing"
)

// FuzzRecord parses fuzzed bytes as each table of a record, alone and in
// place of that table of a small valid record: never a panic, and either a
// Record or an ErrorList whose every error names its file.
func FuzzRecord(f *testing.F) {
	base, err := ReadFiles("../testdata/records/norland")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range base {
		f.Add(file.Data)
	}
	for _, file := range DefaultFiles() {
		if len(file.Data) > 4096 {
			file.Data = file.Data[:4096]
		}
		f.Add(file.Data)
	}
	f.Add([]byte("id\tname\n\"unclosed\tx\n"))
	f.Add([]byte("\xff\xfe\x00\t\t\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, table := range tableOrder {
			name := "fuzz/" + table + ".tsv"
			rec, err := Parse([]File{{Name: name, Data: data}})
			checkParsed(t, table, rec, err)
			var files []File
			for _, file := range base {
				if tableName(filepath.ToSlash(file.Name)) != table {
					files = append(files, file)
				}
			}
			rec, err = Parse(append(files, File{Name: name, Data: data}))
			checkParsed(t, table, rec, err)
		}
	})
}

func checkParsed(t *testing.T, table string, rec *Record, err error) {
	t.Helper()
	if err == nil {
		if rec == nil {
			t.Fatalf("%s: neither a record nor an error", table)
		}
		return
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("%s: error %v is not an ErrorList", table, err)
	}
	if rec != nil {
		t.Fatalf("%s: a record and errors", table)
	}
	for _, e := range list {
		if e.File == "" {
			t.Fatalf("%s: error without a file: %v", table, e)
		}
	}
}
