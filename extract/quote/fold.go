package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns the matching key of an Arabic word: harakat, tatweel and
// invisible marks removed, أ إ آ ٱ → ا, ى → ي, ة → ه.
func fold(s string) string {
	clean := true
	for _, r := range s {
		if foldRune(r) != r {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldRune maps one rune for fold; -1 drops it.
func foldRune(r rune) rune {
	if r < 0x0622 || r > 0x0671 && r < 0x200B {
		return r
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		return -1
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF:
		return -1
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	}
	return r
}

// isWordRune reports whether r belongs inside a word: letters, digits,
// combining marks and tatweel.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if r >= 0x0621 && r <= 0x0669 || r >= 0x0670 && r <= 0x06D3 {
		// Arabic letters, tatweel, harakat, Arabic-Indic digits.
		return r != 0x060C && r != 0x061B && r != 0x061F
	}
	if r >= 0x0600 && r <= 0x06FF {
		return r >= 0x06F0 && r <= 0x06F9 || r >= 0x06FA && r <= 0x06FF || r >= 0x06D5 && r <= 0x06ED
	}
	if r == 0x200C || r == 0x200D {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isQuoteMark reports whether r is a double quotation mark we pair.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟', '″':
		return true
	}
	return false
}

// stripConj removes a leading conjunction و or ف from a folded word when
// the word has at least three letters.
func stripConj(w string) string {
	if len(w) >= 6 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		return w[len("و"):]
	}
	return w
}

// words splits s into folded words (letters and digits only).
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := fold(s[start:i]); w != "" {
				out = append(out, w)
			}
			start = -1
		}
	}
	if start >= 0 {
		if w := fold(s[start:]); w != "" {
			out = append(out, w)
		}
	}
	return out
}
