//go:build !unix

package main

// openNonblock is not needed where files cannot be FIFOs.
const openNonblock = 0
