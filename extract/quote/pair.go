package quote

import (
	"unicode"
	"unicode/utf8"
)

// qspan is a paired quotation: the mark tokens around it and its content.
type qspan struct {
	open, close int // token indices of the marks; close is -1 when the quote runs to a paragraph end
	start, end  int // byte range of the content, trimmed
}

// looksOpening reports whether the mark at [i, j) of text opens a quote:
// text follows it, and before it is a space, a line start, punctuation,
// tatweel or a one-letter clitic (و"…", بـ"…").
func looksOpening(text string, i, j int) bool {
	if j >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsSpace(next) || isQuoteMark(next) || next == '.' || next == '،' || next == ',' || next == ':' {
		return false
	}
	if i == 0 {
		return true
	}
	prev, n := utf8.DecodeLastRuneInString(text[:i])
	switch {
	case unicode.IsSpace(prev), prev == 0x0640, prev == '(', prev == ':', prev == '،', prev == ',', prev == '-', prev == '—', prev == '/':
		return true
	case prev == 'و' || prev == 'ب' || prev == 'ل' || prev == 'ف' || prev == 'ك':
		if i-n == 0 {
			return true
		}
		pp, _ := utf8.DecodeLastRuneInString(text[:i-n])
		return unicode.IsSpace(pp) || pp == '(' || isQuoteMark(pp)
	}
	return false
}

// looksClosing reports whether the mark at [i, j) closes a quote: it
// follows text, not a space.
func looksClosing(text string, i int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsSpace(prev)
}

// pairQuotes pairs quotation marks. A quote may cross one paragraph break
// when its closing mark is in the next paragraph; a quote left open at a
// paragraph end whose next paragraph opens with a mark (the newswire
// convention for quotations of several paragraphs) ends at the break. One
// level of nesting of a different mark («… "…" …») is skipped over.
func pairQuotes(text string, toks []tok) []qspan {
	var out []qspan
	open, nested, crossed := -1, false, -1
	openRune := rune(0)
	add := func(o, c, endByte int) {
		s, e := toks[o].end, endByte
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > s {
			out = append(out, qspan{open: o, close: c, start: s, end: e})
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tPara:
			if open < 0 {
				continue
			}
			if crossed >= 0 || paraOpensQuote(text, toks, i) {
				// Close at the first break; rescan after it.
				at := i
				if crossed >= 0 {
					at = crossed
				}
				add(open, -1, toks[at].start)
				open, nested, crossed = -1, false, -1
				i = at
				continue
			}
			crossed = i
		case tMark:
			r, _ := utf8.DecodeRuneInString(text[t.start:])
			o := looksOpening(text, t.start, t.end)
			c := looksClosing(text, t.start)
			if open < 0 {
				if o {
					open, openRune, nested, crossed = i, r, false, -1
				}
				continue
			}
			if nested {
				if c {
					nested = false
				}
				continue
			}
			if o && (!c || family(r) != family(openRune) && r != '»') {
				nested = true
				continue
			}
			if c {
				add(open, i, t.start)
				open, crossed = -1, -1
			}
		}
	}
	if open >= 0 {
		end := len(text)
		if crossed >= 0 {
			end = toks[crossed].start
		}
		add(open, -1, end)
	}
	return out
}

// paraOpensQuote reports whether the paragraph after the break token at i
// begins with an opening quotation mark.
func paraOpensQuote(text string, toks []tok, i int) bool {
	if i+1 >= len(toks) || toks[i+1].kind != tMark {
		return false
	}
	return looksOpening(text, toks[i+1].start, toks[i+1].end)
}

// family groups marks that pair with each other in usual typing.
func family(r rune) int {
	switch r {
	case '"', '″':
		return 1
	case '«', '»':
		return 2
	}
	return 3 // “ ” „ ‟
}
