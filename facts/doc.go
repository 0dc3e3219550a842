// Package facts owns the record: the curated, sourced fact base that relcheck
// checks claims against. It parses the record's tab-separated tables (see
// README.md in this folder for the format), validates them, reporting every
// problem with its file, line and column, and indexes people, places, offices,
// terms of office, events and coverage for the checker. The default record is
// embedded in the binary; further records can be loaded over it.
//
// Nothing in this package names a person, place or event: all of that is data.
package facts
