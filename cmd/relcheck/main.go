// Command relcheck checks the factual claims of article text against a
// curated, sourced record of dated events, and says for each claim whether
// the record supports it, contradicts it, or cannot tell.
//
// Usage:
//
//	relcheck [check] [flags] [PATH...]   check files, folders or standard input
//	relcheck facts validate [FILE...]    check a record's tables
//	relcheck facts list|show|search      look into the record
//	relcheck version                     the binary's record
//
// Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2
// for usage, input or record errors.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
