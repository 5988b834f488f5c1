package arabic

import (
	"strings"
	"unicode/utf8"
)

// stemPrefixes are the definite-article prefixes removed by [Stem], longest
// first (Lucene's light10 list).
var stemPrefixes = []string{"وال", "بال", "كال", "فال", "لل", "ال"}

// pronounSuffixes are removed before the light10 suffixes.
var pronounSuffixes = []string{"هما", "هم", "كم", "نا"}

// lightSuffixes are light10's suffixes after normalization (ة and ية have
// become ه and يه), in light10's order.
var lightSuffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه"}

// Stem returns the search stem of word: the word normalized with
// [SearchOptions], without the article and conjunction prefixes and the
// common suffixes. It is a light stemmer in the style of Larkey's light10
// (the one in Lucene and bleve) with these changes, each fixing a known
// light10 failure:
//
//   - Protected words (see [IsProtected]) are returned whole: الله stays
//     الله (light10: له), الذين stays الذين (light10: ذين), بغداد, لبنان,
//     وزير (light10: زير).
//   - The nisba ي is kept: أمريكي, أمريكية, أمريكيين and أمريكيون all stem
//     to امريكي (light10: امريك), and مستشفى and مستشفيات both to مستشفي
//     (light10: مستشف), so the stem is a word a reader recognises.
//     A final ي is never removed.
//   - The pronoun suffixes هما هم كم نا are removed when three letters
//     remain (أيمانكم → ايمان).
//   - The dual/plural ان needs three letters left (بيان, مكان stay whole).
//
// Words that are not entirely Arabic letters are returned normalized but
// unstemmed. The result shares memory with word when word is already
// normalized.
func Stem(word string) string {
	w := NormalizeString(word, SearchOptions())
	return stemNormalized(w)
}

// stemNormalized stems a search-normalized word.
func stemNormalized(w string) string {
	if w == "" {
		return w
	}
	if !allArabicLetters(w) {
		return w
	}
	if isProtectedKey(w) {
		return w
	}
	// A conjunction or preposition before a protected word (والتي, وبغداد).
	for _, c := range []string{"و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(w, c); ok && isProtectedKey(rest) {
			return rest
		}
	}
	n := utf8.RuneCountInString(w)
	// Prefixes (one of them).
	stripped := false
	for _, p := range stemPrefixes {
		if strings.HasPrefix(w, p) && n-utf8.RuneCountInString(p) >= 2 {
			w = w[len(p):]
			n -= utf8.RuneCountInString(p)
			stripped = true
			break
		}
	}
	if !stripped && n >= 4 && strings.HasPrefix(w, "و") {
		w = w[len("و"):]
		n--
	}
	if isProtectedKey(w) {
		return w
	}
	// Pronoun suffixes. Before a pronoun the ن of the dual and the sound
	// plurals is dropped, so ان ون ين are not suffixes after one.
	pronoun := false
	for _, s := range pronounSuffixes {
		m := utf8.RuneCountInString(s)
		if strings.HasSuffix(w, s) && n-m >= 3 {
			w = w[:len(w)-len(s)]
			n -= m
			pronoun = true
			break
		}
	}
	// light10 suffixes, each tried once in order.
	for _, s := range lightSuffixes {
		m := utf8.RuneCountInString(s)
		if !strings.HasSuffix(w, s) || n-m < 2 {
			continue
		}
		if s == "ان" && n-m < 3 {
			continue
		}
		if pronoun && (s == "ان" || s == "ون" || s == "ين") {
			continue
		}
		base := w[:len(w)-len(s)]
		switch s {
		case "ين", "ون", "ات":
			if strings.HasSuffix(base, "ي") && n-m >= 3 {
				// nisba plural: امريكيين → امريكي
				w, n = base, n-m
				continue
			}
		case "يه":
			if n-m >= 3 {
				// nisba feminine: امريكيه → امريكي (keep the ي)
				w, n = w[:len(w)-len("ه")], n-1
				continue
			}
		}
		w, n = base, n-m
	}
	return w
}

// allArabicLetters reports whether s consists only of Arabic letters.
func allArabicLetters(s string) bool {
	for i := 0; i < len(s); {
		if k := arabicIndex(s, i); k >= 0 {
			if arabicClass[k] != cArabic {
				return false
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isArabicLetter(r) {
			return false
		}
		i += size
	}
	return true
}
