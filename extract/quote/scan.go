package quote

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of the extractor's own light scanner.
type tokKind uint8

const (
	tWord  tokKind = iota // run of letters, digits and marks
	tMark                 // double quotation mark
	tComma                // ، , ؛ ;
	tColon                // :
	tEnd                  // . ! ? ؟ …
	tPara                 // line break(s): a paragraph boundary
	tOther                // any other punctuation or symbol
)

// tok is one token with byte offsets into the text; key is the folded word.
type tok struct {
	start, end int
	kind       tokKind
	key        string
}

// scan splits text into tokens. Spaces are dropped; runs of line breaks
// become one tPara token; a '.' or ',' between digits stays in the number.
func scan(text string) []tok {
	toks := make([]tok, 0, len(text)/6)
	// Folded keys that differ from the text are written to one arena and
	// sliced out of it at the end: one allocation instead of one per word.
	var arena []byte
	type keyRef struct{ tok, start, end int }
	var refs []keyRef
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != '\n' && r2 != '\r' && r2 != ' ' && r2 != '\t' && r2 != '\u2029' {
					break
				}
				j += n2
			}
			toks = append(toks, tok{start: i, end: j, kind: tPara})
			i = j
			continue
		case r == ' ' || r == '\t' || r == 0xA0 || unicode.IsSpace(r):
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '.' || r2 == ',' || r2 == '٫') && j+n2 < len(text) && isDigitByte(text, j-1) && isDigitAt(text, j+n2) {
					j += n2
					continue
				}
				break
			}
			w := text[i:j]
			if needsFold(w) {
				ks := len(arena)
				for _, r := range w {
					if f := foldRune(r); f >= 0 {
						arena = utf8.AppendRune(arena, f)
					}
				}
				refs = append(refs, keyRef{len(toks), ks, len(arena)})
				toks = append(toks, tok{start: i, end: j, kind: tWord})
			} else {
				toks = append(toks, tok{start: i, end: j, kind: tWord, key: w})
			}
			i = j
			continue
		case isQuoteMark(r):
			toks = append(toks, tok{start: i, end: i + n, kind: tMark})
		case r == '،' || r == ',' || r == '؛' || r == ';':
			toks = append(toks, tok{start: i, end: i + n, kind: tComma})
		case r == ':':
			toks = append(toks, tok{start: i, end: i + n, kind: tColon})
		case r == '.' || r == '!' || r == '?' || r == '؟' || r == '…':
			toks = append(toks, tok{start: i, end: i + n, kind: tEnd})
		default:
			toks = append(toks, tok{start: i, end: i + n, kind: tOther})
		}
		i += n
	}
	keys := string(arena)
	for _, r := range refs {
		toks[r.tok].key = keys[r.start:r.end]
	}
	return toks
}

// needsFold reports whether fold would change w.
func needsFold(w string) bool {
	for _, r := range w {
		if foldRune(r) != r {
			return true
		}
	}
	return false
}

// isDigitByte reports whether the rune ending at byte i is a digit.
func isDigitByte(s string, i int) bool {
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsDigit(r)
}

// isDigitAt reports whether the rune starting at byte i is a digit.
func isDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}
