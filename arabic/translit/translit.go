package translit

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/names.txt
var namesData string

// lexicon maps a folded Arabic word (see fold) to its usual Latin spelling.
var lexicon = mustLexicon(namesData)

// mustLexicon parses the embedded lexicon; the data is fixed at build
// time and checked by the tests, so an error is a programming error.
func mustLexicon(data string) map[string]string {
	m, err := parseLexicon(data)
	if err != nil {
		panic(fmt.Errorf("translit: embedded data/names.txt: %w", err))
	}
	return m
}

// parseLexicon reads lines of the form ARABIC<TAB>LATIN, where ARABIC may
// list several spellings separated by "|". Comments (#) and blank lines
// are skipped. A spelling listed twice is an error, even with the same
// Latin form, so that the file stays free of duplicates.
func parseLexicon(data string) (map[string]string, error) {
	m := make(map[string]string)
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ar, latin, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(latin) == "" || strings.Contains(latin, "\t") {
			return nil, fmt.Errorf("line %d: want ARABIC<TAB>LATIN, got %q", n+1, line)
		}
		for _, a := range strings.Split(ar, "|") {
			k := fold(a)
			if k == "" {
				return nil, fmt.Errorf("line %d: empty Arabic spelling in %q", n+1, line)
			}
			if prev, dup := m[k]; dup {
				return nil, fmt.Errorf("line %d: %s already listed (as %s)", n+1, a, prev)
			}
			m[k] = latin
		}
	}
	return m, nil
}

// LexiconSize returns the number of Arabic spellings in the embedded table of
// common name words, for reports and tests.
func LexiconSize() int { return len(lexicon) }

// isMark reports whether r is an Arabic harakah (short vowel, tanween,
// shadda, sukun), the superscript alef or a Quranic mark.
func isMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED
}

// clean applies NFKC (presentation forms), drops tatweel, format
// characters (zero-width and bidi marks) and maps the Persian letters ی
// and ک that share a sound with Arabic ي and ك.
func clean(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'ـ' || unicode.Is(unicode.Cf, r):
			return -1
		case r == 'ی' || r == 'ې' || r == 'ۍ':
			return 'ي'
		case r == 'ک':
			return 'ك'
		case r == 'ە' || r == 'ہ' || r == 'ھ':
			return 'ه'
		case r == 'ۀ':
			return 'ة'
		}
		return r
	}, s)
}

// fold gives the lexicon key of an Arabic word: harakat removed, hamza
// forms, ى and ة folded.
func fold(s string) string {
	s = clean(s)
	return strings.Map(func(r rune) rune {
		switch {
		case isMark(r):
			return -1
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			return 'ا'
		case r == 'ى' || r == 'ئ':
			return 'ي'
		case r == 'ؤ':
			return 'و'
		case r == 'ة':
			return 'ه'
		}
		return r
	}, s)
}

// dropMarks removes harakat from s.
func dropMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// isArabicLetter reports whether r is a letter of the Arabic script.
func isArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// Name transliterates an Arabic-script name of one or more words into the
// usual English-news Latin spelling, each word capitalized: محمد بن سلمان
// → "Mohammed bin Salman", عبد الله → "Abdullah", الكاظمي → "al-Kadhimi".
// Very common name words and places come from an embedded table; other
// words are spelt by rule (see the package documentation), which gives a
// readable form but not always the established one. ASCII letters and
// digits in the input are kept; other characters separate words.
func Name(ar string) string {
	words := splitWords(clean(ar))
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		k := fold(w)
		var next string
		if i+1 < len(words) {
			next = fold(words[i+1])
		}
		switch {
		case k == "عبد" && next == "الله":
			out = append(out, "Abdullah")
			i++
		case k == "عبد" && strings.HasPrefix(next, "ال") && len([]rune(next)) > 3:
			out = append(out, "Abdul", word(stripAl(words[i+1]), false))
			i++
		case next == "الله" && k != "حزب":
			// نصر الله, فتح الله, عطا الله: one name, Nasrallah
			out = append(out, strings.TrimSuffix(word(w, true), "a")+"allah")
			i++
		case k == "حزب" && next == "الله":
			out = append(out, "Hezbollah")
			i++
		case k == "عبدالله":
			out = append(out, "Abdullah")
		case strings.HasPrefix(k, "عبدال") && len([]rune(k)) > 6:
			out = append(out, "Abdul", word(stripAl(string([]rune(dropMarks(w))[3:])), false))
		case k == "ابو" || k == "ابي" || k == "ابا":
			out = append(out, "Abu")
		case k == "بن" && len(out) > 0:
			out = append(out, "bin")
		case k == "بنت" && len(out) > 0:
			out = append(out, "bint")
		case k == "ابن":
			out = append(out, "Ibn")
		case k == "ال" && i+1 < len(words):
			out = append(out, "Al")
		case k == "ابوظبي":
			out = append(out, "Abu", "Dhabi")
		default:
			out = append(out, word(w, true))
		}
	}
	kept := out[:0]
	for _, o := range out {
		if o != "" && o != "al-" && o != "Al-" {
			kept = append(kept, o)
		}
	}
	return strings.Join(kept, " ")
}

// splitWords splits s into words: runs of Arabic letters with their
// marks, or of ASCII letters, digits, hyphens and apostrophes.
func splitWords(s string) []string {
	var words []string
	var b strings.Builder
	arabic := false
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case isArabicLetter(r) || isMark(r) && arabic:
			if !arabic {
				flush()
			}
			arabic = true
			b.WriteRune(r)
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''):
			if arabic {
				flush()
			}
			arabic = false
			b.WriteRune(r)
		default:
			flush()
			arabic = false
		}
	}
	flush()
	return words
}

// isArticle reports whether w starts with the article ال (a bare alef or
// alef wasla, not أل as in ألفريد) and has at least two letters after it.
func isArticle(w string) bool {
	rs := []rune(dropMarks(w))
	return len(rs) > 3 && (rs[0] == 'ا' || rs[0] == 'ٱ') && rs[1] == 'ل'
}

// stripAl removes a leading ال (with any marks on it) from w.
func stripAl(w string) string {
	rs := []rune(w)
	if len(rs) > 2 && (rs[0] == 'ا' || rs[0] == 'ٱ') && rs[1] == 'ل' {
		rs = rs[2:]
		for len(rs) > 0 && isMark(rs[0]) {
			rs = rs[1:]
		}
		return string(rs)
	}
	return w
}

// word transliterates one word and capitalizes it; with article set, a
// leading ال is written "al-".
func word(w string, article bool) string {
	if !hasArabic(w) {
		return capitalize(w)
	}
	k := fold(w)
	if l, ok := lexicon[k]; ok {
		return l
	}
	if article && isArticle(w) {
		stem := stripAl(w)
		if sk := fold(stem); len([]rune(sk)) >= 2 {
			if l, ok := lexicon[sk]; ok {
				return "al-" + l
			}
			return "al-" + capitalize(spellAs(stem, true))
		}
	}
	return capitalize(spell(w))
}

// hasArabic reports whether s holds an Arabic letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if isArabicLetter(r) {
			return true
		}
	}
	return false
}

// capitalize upper-cases the first letter of s and the first letter after
// each hyphen.
func capitalize(s string) string {
	b := []byte(s)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '-' || up && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}
	return string(b)
}
