//go:build unix

package main

import (
	"fmt"
	"io"
	"syscall"
)

// openRegular opens a file for reading without blocking on a FIFO or a
// device (O_NONBLOCK, which does nothing to a regular file's reads), and
// refuses anything but a regular file, returning its size.
//
// An archive is thousands of small files, and each costs its system calls:
// the file is read through its descriptor (regularFile) rather than an
// os.File, which would also try to add it to the runtime's poller (one
// failing epoll_ctl per file on Linux), and the read that would only learn
// of the end is spared where the size tells it.
func openRegular(p string) (io.ReadCloser, int64, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("cannot read: %w", err)
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, 0, fmt.Errorf("cannot read: %w", err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return nil, 0, errNotRegular
	}
	return &regularFile{fd: fd, size: st.Size}, st.Size, nil
}

// regularFile reads an open regular file by its descriptor.
type regularFile struct {
	fd   int   // -1 once closed
	size int64 // as fstat gave it when the file was opened
	read int64 // bytes read so far
	eof  bool
}

// Read reads as read(2) does, retrying when interrupted. A read that fills
// less than p and reaches the file's size is the end of the file: the next
// Read returns io.EOF without asking the system. A file that reports no
// size (those of /proc) is read until read(2) returns nothing.
func (f *regularFile) Read(p []byte) (int, error) {
	if f.eof {
		return 0, io.EOF
	}
	if f.fd < 0 {
		return 0, syscall.EBADF
	}
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0:
			f.eof = true
			return 0, io.EOF
		}
		f.read += int64(n)
		if n < len(p) && f.read == f.size {
			f.eof = true
		}
		return n, nil
	}
}

// Close closes the descriptor; a second Close does nothing.
func (f *regularFile) Close() error {
	if f.fd < 0 {
		return nil
	}
	err := syscall.Close(f.fd)
	f.fd = -1
	return err
}
