package arabic

import "strings"

// The affixes removed by [Stem] (written out in stripPrefix and
// stripSuffixes):
//   - stemPrefixes, the definite-article prefixes, longest first
//     (Lucene's light10 list): وال بال كال فال لل ال;
//   - pronounSuffixes, removed before the light10 suffixes: هما هم كم نا;
//   - lightSuffixes, light10's suffixes after normalization (ة and ية
//     have become ه and يه), in light10's order: ها ان ات ون ين يه ه.

// The pronoun suffixes a particle or a protected word can carry, by their
// last letter.
var (
	pronounsH = []string{"ه"}
	pronounsM = []string{"هم", "كم"}
	pronounsA = []string{"هما", "ها", "نا"}
)

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
func stemNormalized(w string) string { return stemWith(w, nil) }

// stemWith is stemNormalized with, when keys is not nil, the letters of
// w as split by segmentation (keys.key(0, keys.n) == w): the protected
// lookups of w and of its tails are then answered from, and kept in,
// their memo.
func stemWith(w string, keys *wordLetters) string {
	orig := w
	if len(w) < 2 {
		return w
	}
	// Quick exit: every rule below needs a first letter that can begin a
	// prefix (و ف ب ل ك ا) or a last letter that can end a suffix (ا ن ت ه
	// م); otherwise the word is its own stem, protected or not.
	if !mayBeginPrefix(w[:2]) && !mayEndSuffix(w[len(w)-2:]) {
		return w
	}
	// (The keys of letters of U+0600–U+06FF are such letters.)
	if (keys == nil || keys.outside) && !allArabicLetters(w) {
		return w // not an Arabic word, or letters outside U+0600–U+06FF
	}
	if protectedTail(orig, 0, keys) {
		return w
	}
	n := len(w) / 2
	// A particle with a pronoun (عليه → علي, اليها → الي, منهم → من) or a
	// protected word with a pronoun (وقتها → وقت, بلاده → بلاد).
	if n >= 3 {
		var cands []string
		switch w[len(w)-2:] {
		case "ه":
			cands = pronounsH
		case "م":
			cands = pronounsM
		case "ا":
			cands = pronounsA
		}
		for _, s := range cands {
			if len(w) <= len(s)+2 || !endsWith(w, s) {
				continue
			}
			base := w[:len(w)-len(s)]
			if particles.has(base) || !startsWith(base, "ال") && isProtectedKey(base) {
				return base
			}
		}
	}
	first := w[:2]
	switch first {
	case "و", "ف", "ب", "ل", "ك":
		// A conjunction or preposition before a protected word (والتي, وبغداد).
		if protectedTail(orig, 2, keys) {
			return w[2:]
		}
	case "ا":
	default:
		goto suffixes // no prefix can match
	}
	{
		w, n = stripPrefix(w, n)
		if protectedTail(orig, len(orig)-len(w), keys) {
			return w
		}
	}
suffixes:
	switch w[len(w)-2:] {
	case "ا", "ن", "ت", "ه", "م":
	default:
		return w // no suffix can match
	}
	return stripSuffixes(w, n)
}

// protectedTail reports whether w[off:] is a protected word, asking keys
// (w's letters, see stemWith) when it is not nil.
func protectedTail(w string, off int, keys *wordLetters) bool {
	if keys != nil {
		return keys.protected(off/2, keys.n)
	}
	return isProtectedKey(w[off:])
}

// mayBeginPrefix reports whether the letter c (two bytes) begins one of
// the prefixes Stem removes, or a conjunction or preposition before a
// protected word.
func mayBeginPrefix(c string) bool {
	switch c {
	case "و", "ف", "ب", "ل", "ك", "ا":
		return true
	}
	return false
}

// mayEndSuffix reports whether the letter c (two bytes) ends one of the
// suffixes Stem removes.
func mayEndSuffix(c string) bool {
	switch c {
	case "ا", "ن", "ت", "ه", "م":
		return true
	}
	return false
}

// stripPrefix removes one article prefix (stemPrefixes, written out
// below so that every comparison is with a constant), or the conjunction
// و. The prefixes begin with different letters: at most one matches.
func stripPrefix(w string, n int) (string, int) {
	switch {
	case n-3 >= 2 && (strings.HasPrefix(w, "وال") || strings.HasPrefix(w, "بال") ||
		strings.HasPrefix(w, "كال") || strings.HasPrefix(w, "فال")):
		return w[len("وال"):], n - 3
	case n-2 >= 2 && (strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "ال")):
		return w[len("ال"):], n - 2
	case n >= 4 && strings.HasPrefix(w, "و"):
		return w[len("و"):], n - 1
	}
	return w, n
}

// stripSuffixes removes a pronoun suffix and then the light10 suffixes
// (pronounSuffixes and lightSuffixes, written out below so that every
// comparison is with a constant).
func stripSuffixes(w string, n int) string {
	// Pronoun suffixes, the first that leaves three letters. Before a
	// pronoun the ن of the dual and the sound plurals is dropped, so ان ون
	// ين are not suffixes after one.
	pronoun := true
	switch {
	case n-3 >= 3 && strings.HasSuffix(w, "هما"):
		w, n = w[:len(w)-len("هما")], n-3
	case n-2 >= 3 && (strings.HasSuffix(w, "هم") || strings.HasSuffix(w, "كم") || strings.HasSuffix(w, "نا")):
		w, n = w[:len(w)-len("هم")], n-2
	default:
		pronoun = false
	}
	// light10 suffixes, each tried once in order, each leaving two
	// letters at least.
	if n-2 >= 2 && strings.HasSuffix(w, "ها") {
		w, n = w[:len(w)-len("ها")], n-2
	}
	if n-2 >= 3 && !pronoun && strings.HasSuffix(w, "ان") {
		w, n = w[:len(w)-len("ان")], n-2 // the dual needs three letters left
	}
	// (After ين ون ات a nisba ي stays: امريكيين → امريكي.)
	if n-2 >= 2 && strings.HasSuffix(w, "ات") {
		w, n = w[:len(w)-len("ات")], n-2
	}
	if n-2 >= 2 && !pronoun && strings.HasSuffix(w, "ون") {
		w, n = w[:len(w)-len("ون")], n-2
	}
	if n-2 >= 2 && !pronoun && strings.HasSuffix(w, "ين") {
		w, n = w[:len(w)-len("ين")], n-2
	}
	if n-2 >= 2 && strings.HasSuffix(w, "يه") {
		if n-2 >= 3 {
			w, n = w[:len(w)-len("ه")], n-1 // nisba feminine: امريكيه → امريكي (keep the ي)
		} else {
			w, n = w[:len(w)-len("يه")], n-2
		}
	}
	if n-1 >= 2 && strings.HasSuffix(w, "ه") {
		w = w[:len(w)-len("ه")]
	}
	return w
}

// allArabicLetters reports whether s consists only of Arabic letters of
// U+0600–U+06FF (two bytes each, so that len(s)/2 counts them).
func allArabicLetters(s string) bool {
	if len(s)%2 != 0 {
		return false
	}
	for i := 0; i+1 < len(s); i += 2 {
		// c-0xD8 wraps around for lead bytes below 0xD8.
		if c := s[i]; c-0xD8 > 3 || arabicPairClass[pairIndex(c, s[i+1])] != cArabic {
			return false
		}
	}
	return true
}

// endsWith is strings.HasSuffix for the short affixes of this file, with
// the bytes compared inline from the end (where words differ).
func endsWith(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	w = w[len(w)-len(suffix):]
	for i := len(suffix) - 1; i >= 0; i-- {
		if w[i] != suffix[i] {
			return false
		}
	}
	return true
}

// startsWith is strings.HasPrefix for the short affixes of this file,
// with the bytes compared inline.
func startsWith(w, prefix string) bool {
	if len(w) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if w[i] != prefix[i] {
			return false
		}
	}
	return true
}
