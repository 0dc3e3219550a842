//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAllBy reads r to its end in reads of at most n bytes.
func readAllBy(t *testing.T, r io.Reader, n int) []byte {
	t.Helper()
	var out []byte
	buf := make([]byte, n)
	for {
		k, err := r.Read(buf)
		out = append(out, buf[:k]...)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestRegularFileReadsEveryByte(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 64<<10 + 3} {
		data := bytes.Repeat([]byte("Brezhnev visited India in 1973. "), size/32+1)[:size]
		p := filepath.Join(dir, "doc.txt")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, bufSize := range []int{1, 4096, 64 << 10, 128 << 10} {
			f, n, err := openRegular(p)
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(size) {
				t.Errorf("size %d: openRegular says %d", size, n)
			}
			if got := readAllBy(t, f, bufSize); !bytes.Equal(got, data) {
				t.Errorf("size %d, reads of %d: read %d bytes, want %d", size, bufSize, len(got), size)
			}
			if err := f.Close(); err != nil {
				t.Error(err)
			}
			if err := f.Close(); err != nil {
				t.Errorf("a second Close: %v", err)
			}
			if _, err := f.Read(make([]byte, 8)); err == nil {
				t.Error("a read after Close succeeded")
			}
		}
	}
}

// A short read that reaches the size the file had when opened ends it: the
// read that would only find the end is not made, so bytes written after
// that read are not seen. Bytes written before it are.
func TestRegularFileEndsAtItsSize(t *testing.T) {
	p := filepath.Join(t.TempDir(), "doc.txt")
	if err := os.WriteFile(p, []byte("first part. "), 0o644); err != nil {
		t.Fatal(err)
	}
	appendTo := func(s string) {
		w, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteString(s); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	// grown before the first read: read to the end as read(2) finds it
	f, _, err := openRegular(p)
	if err != nil {
		t.Fatal(err)
	}
	appendTo("second part. ")
	if got := string(readAllBy(t, f, 4096)); got != "first part. second part. " {
		t.Errorf("grown before reading: read %q", got)
	}
	f.Close()
	// grown after the read that reached the size: that read was the last
	f, size, err := openRegular(p)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	if n, err := f.Read(buf); err != nil || int64(n) != size {
		t.Fatalf("first read: %d, %v; want %d bytes", n, err, size)
	}
	appendTo("third part.")
	if n, err := f.Read(buf); n != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("after a short read to the size: %d bytes (%q), %v; want io.EOF without a read", n, buf[:n], err)
	}
	f.Close()
}

// Files that report no size, as those of /proc do, are read until read(2)
// finds their end.
func TestRegularFileWithoutSize(t *testing.T) {
	const p = "/proc/self/status"
	info, err := os.Stat(p)
	if err != nil || info.Size() != 0 || !info.Mode().IsRegular() {
		t.Skip("no /proc file that reports a size of 0 here")
	}
	f, _, err := openRegular(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := string(readAllBy(t, f, 64<<10)); !strings.Contains(got, "Name:") {
		t.Errorf("read %q from %s", got, p)
	}
}

func TestOpenRegularRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.txt"), "cannot read: no such file or directory"},
		{dir, errNotRegular.Error()},
	} {
		f, _, err := openRegular(tc.path)
		if err == nil {
			f.Close()
			t.Errorf("%s: opened", tc.path)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, err, tc.want)
		}
	}
}
