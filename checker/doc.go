// Package checker reads article text and checks each factual claim in it
// against a record (package facts). Data flows one way: blocks of readable
// text with offsets into the original input (package markup) → sentences →
// mentions of people, places, offices, events and times → atomic claims →
// verdicts with evidence. Everything the checker recognises — names, aliases,
// titles, places, agreement names — comes from the record, so another record
// makes it read another subject.
//
// The package does no I/O beyond the io.Reader it is handed, and no
// formatting: the command line, the tests and a batch pipeline all drive it.
package checker
