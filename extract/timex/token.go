package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies the tokens of the time grammar.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters (Arabic or Latin), harakat and tatweel included
	tNum                      // a run of digits (ASCII, Arabic-Indic or Persian)
	tPunct                    // any other single rune that is not a space
)

// tok is one token of the grammar's view of a text. Start and End are byte
// offsets into the original text; norm is the folded form used for matching.
type tok struct {
	start, end int
	kind       tokKind
	norm       string // harakat and tatweel removed, hamza-alef and alef maqsura folded, ة→ه, digits ASCII
	space      bool   // whitespace precedes the token
}

// foldRune folds one rune for matching; it returns -1 for runes to drop.
func foldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
		return -1
	case r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F || r == 0xFEFF || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
		return -1
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى' || r == 'ی':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == 'ک':
		return 'ك'
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	}
	if r < 0x0600 || r > 0x06FF {
		return unicode.ToLower(r)
	}
	return r
}

// fold returns the matching form of s (see foldRune).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
}

func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x0621 && r <= 0x065F, r >= 0x066E && r <= 0x06D3, r == 0x06D5:
		return true // Arabic letters, and the marks that belong to the word they sit in
	}
	return unicode.IsLetter(r)
}

func isIgnorable(r rune) bool {
	return r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F || r == 0xFEFF || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// tokenize splits s into words, digit runs and punctuation, with byte
// offsets. It never allocates per rune and is linear in len(s).
func tokenize(s string) []tok {
	toks := make([]tok, 0, len(s)/5+4)
	space := true
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || isIgnorable(r):
			space = true
			i += n
		case isLetter(r):
			j := i
			clean := true // no rune changes under folding: norm is a slice of s
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isLetter(r2) && !isIgnorable(r2) {
					break
				}
				if clean && foldRune(r2) != r2 {
					clean = false
				}
				j += n2
			}
			norm := s[i:j]
			if !clean {
				b.Reset()
				for _, r2 := range s[i:j] {
					if f := foldRune(r2); f >= 0 {
						b.WriteRune(f)
					}
				}
				norm = b.String()
			}
			toks = append(toks, tok{start: i, end: j, kind: tWord, norm: norm, space: space})
			space = false
			i = j
		case isDigit(r):
			j := i
			ascii := true
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isDigit(r2) {
					break
				}
				if r2 > '9' {
					ascii = false
				}
				j += n2
			}
			norm := s[i:j]
			if !ascii {
				b.Reset()
				for _, r2 := range s[i:j] {
					b.WriteRune(foldRune(r2))
				}
				norm = b.String()
			}
			toks = append(toks, tok{start: i, end: j, kind: tNum, norm: norm, space: space})
			space = false
			i = j
		default:
			toks = append(toks, tok{start: i, end: i + n, kind: tPunct, norm: s[i : i+n], space: space})
			space = false
			i += n
		}
	}
	return toks
}

// clitics are the proclitic strings that may be glued to the first word of
// an expression (و ف ب ل ك and their combinations); لل is handled apart.
var clitics = [...]string{"وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// bases returns the forms a word may take once a proclitic is removed,
// each with the byte length of the removed prefix in the original token
// text. The bare form always comes first.
func bases(text string, t tok) []base {
	out := []base{{t.norm, 0}}
	if t.kind != tWord {
		return out
	}
	for _, c := range clitics {
		if len(t.norm) > len(c)+2 && strings.HasPrefix(t.norm, c) {
			rest := t.norm[len(c):]
			out = append(out, base{rest, origPrefixLen(text[t.start:t.end], utf8.RuneCountInString(c))})
			if strings.HasPrefix(rest, "ل") && (c == "ل" || c == "ول" || c == "فل") {
				// لل + noun = ل + ال + noun: the article is swallowed.
				out = append(out, base{"ا" + rest, origPrefixLen(text[t.start:t.end], utf8.RuneCountInString(c))})
			}
		}
	}
	return out
}

// base is a candidate form of a word and the length of the clitic removed.
type base struct {
	norm   string
	prefix int // bytes of the original token text before the base
}

// origPrefixLen returns the byte length of the first n letters of s,
// skipping marks that fold away.
func origPrefixLen(s string, n int) int {
	i := 0
	for n > 0 && i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if foldRune(r) >= 0 {
			n--
		}
	}
	// swallow marks (harakat, tatweel) that sit on the last prefix letter
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) >= 0 {
			break
		}
		i += w
	}
	return i
}

// hasTrigger reports whether the word, bare or without a proclitic, is in
// set. It does not allocate.
func hasTrigger(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	for _, c := range clitics {
		if len(w) > len(c)+2 && strings.HasPrefix(w, c) {
			rest := w[len(c):]
			if set[rest] {
				return true
			}
			if strings.HasPrefix(rest, "ل") && (c == "ل" || c == "ول" || c == "فل") && set["ا"+rest] {
				return true
			}
		}
	}
	return false
}
