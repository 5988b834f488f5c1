package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinAbbrevs are Latin abbreviations that end with a period without
// ending a sentence. Arabic abbreviations (د. م. أ. ق.م هـ. ص. ج.) are
// single letters and are recognised by rule.
var latinAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "vs": true, "etc": true, "no": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// arabicAbbrevs are multi-letter Arabic abbreviations written with a
// period (search-normalized).
var arabicAbbrevs = map[string]bool{
	"الخ": false, // إلخ usually ends a sentence: listed to document the choice
	"ص.ب": true,
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '?', '!', '؟', '؛', '۔', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isOpenQuote and isCloseQuote classify the paired quotation marks.
func isOpenQuote(r rune) bool {
	return r == '«' || r == '“' || r == '„' || r == '‹' || r == '‚'
}
func isCloseQuote(r rune) bool { return r == '»' || r == '”' || r == '›' }

func isCloser(r rune) bool {
	return r == ')' || r == ']' || r == '}' || r == '"' || r == '\'' || isCloseQuote(r) || r == '’'
}

// Sentences splits s into sentences and returns their byte spans, trimmed
// of white space; empty sentences are dropped.
//
// A sentence ends after . ? ! ؟ ؛ (with any following terminators and
// closing quotes or brackets) and at every line break (a paragraph break in
// news text). An ellipsis (.. ... …) does not end a sentence inside a
// line: Arabic headlines use it as a separator ("مصر.. مهرجان سينما"). A period does not end a sentence between digits (2.5), after
// a single letter (the Arabic abbreviations د. م. أ. ق.م هـ. and Latin
// initials), after a known Latin abbreviation (Dr. Mr. etc.), or when it is
// directly followed by a letter or digit (U.S.A, example.com). No
// terminator ends a sentence inside an open quotation: a quote opened with
// « “ „ or " and not yet closed keeps the sentence going up to the end of
// the paragraph.
func Sentences(s string) []Span {
	var out []Span
	emit := func(a, b int) {
		a, b = trimSpace(s, a, b)
		if a < b {
			out = append(out, Span{Start: a, End: b})
		}
	}
	start := 0
	depth := 0        // open paired quotes
	straight := false // inside "…"
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		switch {
		case r == '\n' || r == '\r' || r == 0x2029 || r == 0x2028:
			emit(start, i)
			start = i + size
			depth, straight = 0, false
			i += size
			continue
		case isOpenQuote(r):
			depth++
		case isCloseQuote(r):
			if depth > 0 {
				depth--
			}
		case r == '"' || r == '＂':
			straight = !straight
		}
		if !isTerminator(r) || depth > 0 || straight {
			i += size
			continue
		}
		if r == '.' && i+1 < len(s) && s[i+1] == '.' || r == '…' {
			// An ellipsis (.. ... …) inside a line is a pause or, in
			// headlines, a separator ("مصر.. مهرجان"): it does not end
			// the sentence; a line break after it does.
			for i < len(s) && (s[i] == '.' || strings.HasPrefix(s[i:], "…")) {
				if s[i] == '.' {
					i++
				} else {
					i += len("…")
				}
			}
			continue
		}
		if r == '.' && !periodEnds(s, i) {
			i += size
			continue
		}
		// Extend over following terminators and closers.
		j := i + size
		for j < len(s) {
			r2, sz2 := utf8.DecodeRuneInString(s[j:])
			if isTerminator(r2) {
				j += sz2
				continue
			}
			if isCloser(r2) {
				if r2 == '"' {
					if !straight {
						break
					}
					straight = false
				}
				if isCloseQuote(r2) && depth > 0 {
					depth--
				}
				j += sz2
				continue
			}
			break
		}
		emit(start, j)
		start = j
		i = j
	}
	emit(start, len(s))
	return out
}

// periodEnds decides whether the period at s[i] ends a sentence.
func periodEnds(s string, i int) bool {
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	if i+1 < len(s) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
		return false // 2.5, U.S, example.com, ق.م
	}
	// The word before the period, skipping marks and tatweel.
	j := i
	letters := 0
	var first rune
	wordStart := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r == 0x0640 || isHaraka(r) || unicode.Is(unicode.Mn, r) {
			j -= size
			continue
		}
		if !unicode.IsLetter(r) {
			break
		}
		letters++
		first = r
		j -= size
		wordStart = j
	}
	if letters == 0 {
		return true
	}
	if letters == 1 {
		// A single letter right after a digit is a unit (2021م.): it ends.
		if wordStart > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:wordStart])
			if unicode.IsDigit(prev) {
				return true
			}
		}
		if first < 0x80 && unicode.IsLower(first) {
			return true // "a." at the end of an English sentence
		}
		return false
	}
	w := s[wordStart:i]
	if first < 0x80 {
		lw := make([]byte, 0, len(w))
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lw = append(lw, c)
		}
		return !latinAbbrevs[string(lw)]
	}
	return !arabicAbbrevs[NormalizeString(w, SearchOptions())]
}

// trimSpace narrows [a, b) of s to exclude leading and trailing white space
// and invisible format characters.
func trimSpace(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if r == utf8.RuneError && size <= 1 {
			a++
			continue
		}
		if !unicode.IsSpace(r) && !isInvisible(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if r == utf8.RuneError && size <= 1 {
			b--
			continue
		}
		if !unicode.IsSpace(r) && !isInvisible(r) {
			break
		}
		b -= size
	}
	return a, b
}
