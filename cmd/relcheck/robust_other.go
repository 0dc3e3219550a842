//go:build !unix

package main

import (
	"fmt"
	"io"
	"os"
)

// openRegular opens a file for reading and refuses anything but a regular
// file, returning its size.
func openRegular(p string) (io.ReadCloser, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, errNotRegular
	}
	return f, info.Size(), nil
}
