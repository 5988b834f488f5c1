package translit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// latinFold spells letters that lose nothing useful as ASCII; accents are
// removed separately by decomposition.
var latinFold = strings.NewReplacer(
	"ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ł", "l",
	"ı", "i", "þ", "th", "ð", "d", "ħ", "h",
)

// keyFold merges spellings of the same Arabic sound (and a few Latin
// spelling habits) before the vowels are dropped. Order matters: the
// replacer tries earlier pairs first at each position.
var keyFold = strings.NewReplacer(
	"tch", "s", "dj", "j", "ch", "s", "ph", "f", "ck", "k", "q", "k",
	"c", "k", "x", "ks", "kh", "k", "gh", "g", "sh", "s", "th", "t",
	"dh", "d", "zh", "z", "ou", "u", "ee", "i", "p", "b", "v", "f", "j", "g",
)

// articles are the spellings of the Arabic article before a name; Key
// drops one at the start of a word (al-Kadhimi and Kadhimi compare equal).
var articles = []string{"al-", "el-", "al ", "el ", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-"}

// Key returns a loose comparison key for a Latin-script name, so that
// spellings of one Arabic name compare equal: Mohammed, Muhammad and
// Mohamed all give "mhmd"; al-Kadhimi and Kadhimi give the same key.
//
// The key is lower-case ASCII: accents are removed, the Arabic article is
// dropped from the start of each word, spellings of one sound are merged
// (q/k/c, kh/k, sh/s, th/t, dh/d, ph/f, dj/j), a word-initial vowel becomes
// "a", other vowels (and w, y after the first letter) are dropped, a final
// h after a vowel is dropped and doubled letters are written once. Word
// breaks are ignored, so Abdul Rahman and Abdulrahman compare equal. Key
// is meant for scoring and candidate matching, not for display: unrelated
// names can share a key (Hassan and Hussein both give "hsn").
func Key(latin string) string {
	s := strings.ToLower(latinFold.Replace(strings.ToLower(latin)))
	s = norm.NFD.String(s)
	var b strings.Builder
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	for i, w := range words {
		if (w == "al" || w == "el") && i+1 < len(words) {
			continue
		}
		for _, a := range articles {
			if strings.HasPrefix(w, a) && len(w) > len(a) {
				w = w[len(a):]
				break
			}
		}
		for _, a := range []string{"abdul", "abdel", "abdal", "abdol", "abdoul"} {
			if w == a || strings.HasPrefix(w, a) && len(w) > len(a)+1 {
				w = "abd" + w[len(a):] // Abdulrahman: the article inside
				break
			}
		}
		b.WriteString(skeleton(w))
	}
	return b.String()
}

// skeleton gives the key of one word (see Key).
func skeleton(w string) string {
	var letters []byte
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			letters = append(letters, byte(r))
		}
	}
	if len(letters) == 0 {
		return ""
	}
	s := keyFold.Replace(string(letters))
	if n := len(s); n >= 2 && s[n-1] == 'h' && isKeyVowel(s[n-2]) {
		s = s[:n-1]
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 0 && (isKeyVowel(c) && c != 'y' && c != 'w'):
			c = 'a'
		case i > 0 && isKeyVowel(c):
			continue
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// isKeyVowel reports whether c is a vowel for Key; w and y count as
// vowels except at the start of a word.
func isKeyVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}
