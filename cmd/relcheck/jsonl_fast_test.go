package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// decodeDocRef is how every archive line was decoded before decodeDocFast:
// encoding/json, with nothing allowed after the value.
func decodeDocRef(line []byte) (jsonlDoc, bool) {
	var d jsonlDoc
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&d); err != nil || dec.More() {
		return d, false
	}
	return d, true
}

var jsonlSamples = []string{
	`{"id":"a","text":"Brezhnev visited India in 1964."}`,
	`{"id":"a","text":"x","format":"html","date":"2025-12-04T10:00:00Z","url":"https://example.org"}`,
	` { "id" : "a" , "text" : "two\nlines \"quoted\" \\ \/ \b\f\r\t tab" } `,
	`{"text":"\u0041\u00e9\u20ac\u0000 \uD83D\uDE00 \ud800 \udc00x","id":"é"}`,
	`{"id":"a","text":"Наталья — “quoted”"}`, `{"id":"\u0041\u00e9\u20AC\u0000\uFFFF\uE000\uD7FF","text":""}`,
	`{}`, `{"id":""}`, `{"id":"a"} {"id":"b"}`, `{"id":"a"}x`, `{"id":"a",}`, `{"id":"a" "text":"b"}`,
	`{"ID":"a"}`, `{"Text":"a","id":"b"}`, `{"i\u0064":"a"}`, `{"id":"a","id":"b"}`, `{"id":"a","extra":1}`,
	`{"id":1}`, `{"id":null}`, `{"id":"a","text":null}`, `[1,2]`, `42`, `"text"`, `null`, ``, `{`, `{"id`, `{"id":"a`,
	"{\"id\":\"a\",\"text\":\"tab\there\"}", "{\"id\":\"a\xff\"}", "{\"id\":\"a\",\"text\":\"cut \xe2\x80\"}",
	`{"id":"a","text":"\x"}`, `{"id":"a","text":"\u12"}`, `{"id":"a","text":"\u12g4"}`, `{"id":"a","text":"end\\"}`,
	"\xef\xbb\xbf{\"id\":\"a\"}", "{\"id\":\"a\"}\r", "\t{\"id\":\"a\"}\n",
}

// TestDecodeDocFastAgrees: on every sample, whenever the fast decoder
// answers, encoding/json decodes the same document.
func TestDecodeDocFastAgrees(t *testing.T) {
	fast := 0
	for _, s := range jsonlSamples {
		d, ok := decodeDocFast([]byte(s))
		if !ok {
			continue
		}
		fast++
		want, wok := decodeDocRef([]byte(s))
		if !wok || d != want {
			t.Errorf("%q: fast %+v, encoding/json %+v (ok %v)", s, d, want, wok)
		}
	}
	if fast < 8 {
		t.Errorf("only %d samples took the fast way", fast)
	}
}

// FuzzDecodeDocFast: on any bytes, whenever the fast decoder answers,
// encoding/json decodes the same document.
func FuzzDecodeDocFast(f *testing.F) {
	for _, s := range jsonlSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		d, ok := decodeDocFast(line)
		if !ok {
			return
		}
		if want, wok := decodeDocRef(line); !wok || d != want {
			t.Fatalf("%q: fast %+v, encoding/json %+v (ok %v)", line, d, want, wok)
		}
	})
}
