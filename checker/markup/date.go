package markup

import (
	"strings"
	"time"
)

// normalizeDate reads an ISO 8601 date at the start of s — "2025-12-04",
// "2025-12", "2025", or a timestamp such as "2025-12-04T10:00:00Z", whose
// day it keeps as written — and returns it as "2025-12-04", "2025-12" or
// "2025". Quotes and white space around s are ignored. It returns "" if s
// does not start with a valid date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"'`)
	s = strings.TrimSpace(s)
	digits := func(s string, n int) bool {
		if len(s) < n {
			return false
		}
		for i := 0; i < n; i++ {
			if !isDigit(s[i]) {
				return false
			}
		}
		return len(s) == n || !isDigit(s[n])
	}
	if !digits(s, 4) {
		return ""
	}
	year := s[:4]
	if len(s) == 4 || s[4] != '-' && s[4] != '/' {
		if len(s) > 4 && isAlnum(s[4]) {
			return ""
		}
		return year
	}
	sep := s[4]
	rest := s[5:]
	if !digits(rest, 2) {
		return ""
	}
	month := rest[:2]
	if month < "01" || month > "12" {
		return ""
	}
	rest = rest[2:]
	if rest == "" || rest[0] != sep {
		if rest != "" && isAlnum(rest[0]) {
			return ""
		}
		return year + "-" + month
	}
	rest = rest[1:]
	if !digits(rest, 2) {
		return ""
	}
	day := rest[:2]
	if len(rest) > 2 {
		switch rest[2] {
		case 'T', 't', ' ', '_', '.', 'Z', 'z', '+', '-':
		default:
			return ""
		}
	}
	d := year + "-" + month + "-" + day
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	return d
}
