package store

import (
	"strings"
	"unicode/utf8"
)

// Snippet picks the passage of text (about width code points) that holds
// the most matched terms and returns it with its code point offset in
// text and the code point ranges of every matched term in text. matched
// must be in text order (as [Matcher.Matches] returns them); terms are all
// the text's terms and give the word boundaries.
func Snippet(text string, terms, matched []Term, width int) (snippet string, at int, hl []Interval) {
	if width <= 0 {
		width = 200
	}
	budget := 2 * width // bytes: Arabic letters take two
	start, end := 0, len(text)
	if len(matched) > 0 {
		best, bestN := 0, 0
		for i := range matched {
			n := 0
			for j := i; j < len(matched) && matched[j].End-matched[i].Start <= budget; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		start = matched[best].Start
	}
	// Step back a little for context, to a word boundary.
	lead := budget / 6
	for _, t := range terms {
		if t.Start >= start-lead {
			if t.Start < start {
				start = t.Start
			}
			break
		}
	}
	// Prefer starting at the sentence or line start when it is close.
	if k := strings.LastIndexAny(text[:start], "\n.!?؟"); k >= 0 && start-k <= lead {
		start = k + 1
	}
	for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
		start++
	}
	end = min(len(text), start+budget)
	// End at a word end.
	for i := len(terms) - 1; i >= 0; i-- {
		if terms[i].End <= end && terms[i].End > start {
			if end < len(text) {
				end = terms[i].End
			}
			break
		}
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	// Line breaks become spaces one for one, so code point offsets in the
	// snippet stay aligned with the text.
	snippet = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text[start:end])
	// Code point offsets: one forward walk over sorted byte offsets.
	cp, pos := 0, 0
	toCP := func(b int) int {
		if b < pos {
			return utf8.RuneCountInString(text[:b])
		}
		cp += utf8.RuneCountInString(text[pos:b])
		pos = b
		return cp
	}
	at = -1
	for _, m := range matched {
		if at < 0 && m.Start >= start {
			at = toCP(start)
		}
		s := toCP(m.Start)
		e := toCP(m.End)
		if n := len(hl); n > 0 && hl[n-1].End >= s-1 && between(text, m.Start) {
			hl[n-1].End = e
			continue
		}
		hl = append(hl, Interval{Start: s, End: e})
	}
	if at < 0 {
		at = utf8.RuneCountInString(text[:start])
	}
	return snippet, at, hl
}

// between reports whether the byte before offset b is a single space, i.e.
// two highlighted words are adjacent and can be shown as one range.
func between(text string, b int) bool {
	return b > 0 && text[b-1] == ' '
}
