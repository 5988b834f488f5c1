package source

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/marsad-project/marsad/arabic"
)

// SameTitle reports whether line repeats title: equal after trimming, or
// equal after search normalization (arabic.SearchOptions: harakat,
// tatweel, alef forms, ى/ي, ة/ه, Arabic-Indic digits, invisible marks) and
// collapsing runs of white space.
func SameTitle(title, line string) bool {
	title, line = strings.TrimSpace(title), strings.TrimSpace(line)
	if title == "" || line == "" {
		return false
	}
	if title == line {
		return true
	}
	// Cheap rejection before normalizing: folding changes lengths little.
	if n, m := len(title), len(line); n > 2*m+8 || m > 2*n+8 {
		return false
	}
	return foldTitle(title) == foldTitle(line)
}

func foldTitle(s string) string {
	return strings.Join(strings.Fields(arabic.NormalizeString(s, arabic.SearchOptions())), " ")
}

// DetectLang returns "ar" when most letters in the first 1 KiB of s are
// Arabic script, "" otherwise. It is a script test, not a language model.
func DetectLang(s string) string {
	if len(s) > 1024 {
		s = s[:1024]
	}
	arabic, other := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				other++
			}
		case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
			if unicode.IsLetter(r) {
				arabic++
			}
		case unicode.IsLetter(r):
			other++
		}
	}
	if arabic > 0 && arabic >= other {
		return "ar"
	}
	return ""
}

// timeLayouts are the publication-time forms accepted by [ParseTime], most
// common first. Forms without a zone are read as UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T150405",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 MST",
	time.RFC850,
	time.ANSIC,
	"02/01/2006",
	"02/01/2006 15:04",
	"2006/01/02",
	"20060102",
}

// ParseTime parses a publication time in one of the forms news sources use:
// RFC 3339, "2021-07-27", "2021-07-27 10:00:00", RFC 1123 ("Sun, 18 Feb
// 2018 17:21:49 GMT"), compact "2017-01-22T185600", and day-first
// "17/05/2015". Forms without a zone are taken as UTC. An empty string or
// "null" gives the zero time and no error.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		return time.Time{}, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognized date %q", s)
}
