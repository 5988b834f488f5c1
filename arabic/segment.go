package arabic

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Role is the part a segment plays in a word.
type Role uint8

// Segment roles.
const (
	RolePrefix Role = iota + 1 // proclitic: و ف ب ك ل س or the article ال (لل = ل + ال)
	RoleStem                   // the word itself
	RoleSuffix                 // enclitic pronoun: ه ها هم هن هما كم كن كما نا ي
)

// String returns "prefix", "stem" or "suffix".
func (r Role) String() string {
	switch r {
	case RolePrefix:
		return "prefix"
	case RoleStem:
		return "stem"
	case RoleSuffix:
		return "suffix"
	}
	return "unknown"
}

// Morpheme is one segment of a word: a clitic or the stem. ([Segment]
// returns them; the type cannot share the function's name.)
type Morpheme struct {
	Start, End int    // byte offsets within the word, end exclusive
	Text       string // word[Start:End], with its harakat and tatweel
	Role       Role
}

//go:embed data/protected.txt
var protectedData string

// protectedWords is the set of search-normalized words that segmentation
// and stemming leave whole (see data/protected.txt).
var protectedWords = sync.OnceValue(func() *wordSet {
	var words []string
	for line := range strings.Lines(protectedData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words = append(words, NormalizeString(line, SearchOptions()))
	}
	return newWordSet(words)
})

// IsProtected reports whether word (in any spelling) is on the protected
// list: a word whose first or last letters look like clitics but are not
// (بغداد, لبنان, الله, الذين, وزير …).
func IsProtected(word string) bool {
	return protectedWords().has(NormalizeString(word, SearchOptions()))
}

// particles take pronoun suffixes although they are shorter than three
// letters or would otherwise look like clitic-bearing words
// (search-normalized).
var particles = newWordSet([]string{
	"من", "عن", "في", "علي", "الي", "لدي", "مع", "بين", "عند", "ان", "لكن",
	"منذ", "كل", "بعض", "نفس", "غير", "ضد", "حول", "دون", "تحت", "فوق", "امام",
	"خلال", "بعد", "قبل", "لعل", "ليت", "عبر", "لدى", "مثل",
})

// letter is one letter of a word: its folded form and its byte range,
// including the marks that follow it.
type letter struct {
	r          rune // folded: أإآٱ→ا, ى→ي, ی→ي, ک→ك; ة, ؤ, ئ kept
	start, end int
}

// foldLetter folds a letter for clitic matching; ة is kept distinct from ه.
func foldLetter(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی':
		return 'ي'
	case 'ک':
		return 'ك'
	}
	return r
}

// keyRune is the search-normalized form of a folded letter.
func keyRune(r rune) rune {
	switch r {
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ئ':
		return 'ي'
	}
	return r
}

// maxLetters is the longest word that is segmented; longer "words" (rare
// run-ons) are left whole.
const maxLetters = 24

// wordLetters is a word split into letters, with the search-normalized
// key of every letter range available without allocating. It lives on
// the stack: fixed arrays, no appends.
type wordLetters struct {
	ls [maxLetters]letter
	n  int                   // number of letters
	kb [maxLetters * 2]byte  // keys of all letters, concatenated (all two-byte letters)
	ko [maxLetters + 1]uint8 // ko[i] is where letter i's key starts in kb
}

// split fills w with the letters of word; marks (harakat, tatweel, ZWJ,
// ZWNJ) attach to the letter before them. It reports false when the word
// has a character that is neither an Arabic letter nor a mark, or is too
// long.
func (w *wordLetters) split(word string) bool {
	w.n = 0
	nk := 0
	for i := 0; i < len(word); {
		// Fast path: a two-byte character of the Arabic block.
		if k := arabicIndex(word, i); k >= 0 {
			switch arabicClass[k] {
			case cMark:
				if w.n > 0 {
					w.ls[w.n-1].end = i + 2
				}
				i += 2
				continue
			case cArabic:
				if w.n == maxLetters {
					return false
				}
				f := foldLetter(rune(0x0600 + k))
				kr := keyRune(f)
				w.ls[w.n] = letter{r: f, start: i, end: i + 2}
				w.ko[w.n] = uint8(nk)
				w.kb[nk] = byte(0xC0 | kr>>6)
				w.kb[nk+1] = byte(0x80 | kr&0x3F)
				nk += 2
				w.n++
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		if r == utf8.RuneError && size <= 1 {
			return false
		}
		if r == 0x0640 || isHaraka(r) || r == 0x200C || r == 0x200D || !isArabicLetter(r) && flagsOf(r)&flagNonStarter != 0 {
			if w.n > 0 {
				w.ls[w.n-1].end = i + size
			}
			i += size
			continue
		}
		if !isArabicLetter(r) || w.n == maxLetters {
			return false
		}
		f := foldLetter(r)
		k := keyRune(f)
		if k < 0x80 || k >= 0x800 {
			return false // not a two-byte letter (presentation forms and the like)
		}
		w.ls[w.n] = letter{r: f, start: i, end: i + size}
		w.ko[w.n] = uint8(nk)
		w.kb[nk] = byte(0xC0 | k>>6)
		w.kb[nk+1] = byte(0x80 | k&0x3F)
		nk += 2
		w.n++
		i += size
	}
	w.ko[w.n] = uint8(nk)
	if w.n > 0 {
		w.ls[0].start = 0
	}
	return true
}

// letters returns the letters of the word.
func (w *wordLetters) letters() []letter { return w.ls[:w.n] }

// key returns the search-normalized key of letters [i, j).
func (w *wordLetters) key(i, j int) []byte { return w.kb[w.ko[i]:w.ko[j]] }

// protected reports whether letters [i, j) form a protected word.
func (w *wordLetters) protected(i, j int) bool {
	return protectedWords().hasBytes(w.key(i, j))
}

// particle reports whether letters [i, j) form a particle that takes
// pronoun suffixes.
func (w *wordLetters) particle(i, j int) bool { return particles.hasBytes(w.key(i, j)) }

func isProtectedKey(k string) bool {
	return protectedWords().has(k)
}

// suffix is a pronoun enclitic: its letters and its text.
type suffix struct {
	r []rune
	s string
}

// suffixes are the pronoun enclitics, longest first.
var suffixes = func() []suffix {
	var out []suffix
	for _, s := range []string{"هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ي"} {
		out = append(out, suffix{[]rune(s), s})
	}
	return out
}()

// Segment splits an Arabic word into clitics and stem:
// [و|ف] [ب|ك|ل|س] [ال] stem [pronoun]. Each segment carries its byte
// offsets in word; harakat and tatweel stay with the letter before them,
// so the segments tile the word exactly. A word that is not Arabic, or has
// no clitics, is one RoleStem segment; an empty word gives nil.
//
// Guards keep lexicalized words and names whole: the protected list
// (data/protected.txt: بغداد, بيروت, لبنان, كركوك, الله, الذين, وزير …) is
// consulted for the whole word and again after each prefix is removed;
// و and ف need at least three letters after them, ب and ل three (or the
// article), ك is only taken before the article (كالعادة), and س only
// before an imperfect verb prefix (سيتواصل). Pronoun suffixes are not
// taken after the article, and need a stem of three letters or a
// particle (منها, عليه, بيننا). The article of "لل" (للولايات) has lost
// its alef: the prefix segment is "لل" standing for ل + ال.
//
// A lone clitic letter written with tatweel (بـ in بـ"انسحاب) is one
// RolePrefix segment.
//
// Pass the word as written (or display-normalized): with teh marbuta
// folded to heh, ة endings would look like the pronoun ه.
func Segment(word string) []Morpheme {
	if word == "" {
		return nil
	}
	return appendSegments(nil, word)
}

// appendSegments appends the segments of word to dst.
func appendSegments(dst []Morpheme, word string) []Morpheme {
	var w wordLetters
	whole := Morpheme{Start: 0, End: len(word), Text: word, Role: RoleStem}
	if !w.split(word) || w.n == 0 {
		return append(dst, whole)
	}
	ls := w.letters()
	if len(ls) == 1 {
		switch ls[0].r {
		case 'و', 'ف', 'ب', 'ك', 'ل', 'س':
			if strings.ContainsRune(word, 0x0640) {
				whole.Role = RolePrefix
			}
		}
		return append(dst, whole)
	}
	pr := w.parse()
	if pr.n == 0 && pr.suffix == len(ls) {
		return append(dst, whole)
	}
	start := 0
	for _, e := range pr.ends[:pr.n] {
		end := ls[e-1].end
		dst = append(dst, Morpheme{Start: start, End: end, Text: word[start:end], Role: RolePrefix})
		start = end
	}
	stemEnd := len(word)
	if pr.suffix < len(ls) {
		stemEnd = ls[pr.suffix-1].end
	}
	dst = append(dst, Morpheme{Start: start, End: stemEnd, Text: word[start:stemEnd], Role: RoleStem})
	if stemEnd < len(word) {
		dst = append(dst, Morpheme{Start: stemEnd, End: len(word), Text: word[stemEnd:], Role: RoleSuffix})
	}
	return dst
}

// parsed is the clitic analysis of a word: the letter indexes where each
// prefix ends and where the suffix starts (len(letters) when none).
type parsed struct {
	ends   [4]int
	n      int
	suffix int
}

func (p *parsed) add(end int) {
	if p.n < len(p.ends) {
		p.ends[p.n] = end
		p.n++
	}
}

// parse finds the clitics of w.
func (w *wordLetters) parse() parsed {
	ls := w.letters()
	n := len(ls)
	pr := parsed{suffix: n}
	if w.protected(0, n) {
		return pr
	}
	p := 0
	hasArticle := false
	// conjunction
	if c := ls[0].r; (c == 'و' || c == 'ف') && n-1 >= 3 {
		if !w.particleSuffix(0) {
			pr.add(1)
			p = 1
		}
	}
	if p > 0 && w.protected(p, n) {
		return pr
	}
	// preposition, future or لل
	if p < n {
		c := ls[p].r
		rest := n - p - 1
		articleNext := rest >= 3 && ls[p+1].r == 'ا' && ls[p+2].r == 'ل'
		switch {
		case c == 'ل' && rest >= 3 && ls[p+1].r == 'ل' && !w.protected(p, n):
			// لل: ل + ال with the alef dropped
			pr.add(p + 2)
			p += 2
			hasArticle = true
		case (c == 'ب' || c == 'ل' || c == 'ك') && articleNext && !w.protected(p, n):
			pr.add(p + 1)
			p++
		case (c == 'ب' || c == 'ل') && rest >= 3 && !w.protected(p, n) && !w.particleSuffix(p):
			pr.add(p + 1)
			p++
		case c == 'س' && rest >= 3 && !w.protected(p, n):
			switch ls[p+1].r {
			case 'ي', 'ت', 'ن':
				pr.add(p + 1)
				p++
			}
		}
	}
	if p > 0 && w.protected(p, n) {
		return pr
	}
	// article
	if !hasArticle && n-p >= 4 && ls[p].r == 'ا' && ls[p+1].r == 'ل' && !w.protected(p, n) {
		pr.add(p + 2)
		p += 2
		hasArticle = true
	}
	if hasArticle {
		return pr
	}
	pr.suffix = w.suffixAt(p)
	return pr
}

// particleSuffix reports whether letters [p, n) are a particle with a
// pronoun suffix (فيها, بينهم, لديه).
func (w *wordLetters) particleSuffix(p int) bool {
	n := w.n
	for _, suf := range suffixes {
		m := len(suf.r)
		if n-p <= m {
			continue
		}
		if w.matchTail(suf.r) && w.particle(p, n-m) {
			return true
		}
	}
	return false
}

// matchTail reports whether the word ends with the letters suf.
func (w *wordLetters) matchTail(suf []rune) bool {
	off := w.n - len(suf)
	if off < 0 {
		return false
	}
	for i, r := range suf {
		if w.ls[off+i].r != r {
			return false
		}
	}
	return true
}

// suffixAt returns where a pronoun suffix starts in letters [p, n), or n.
func (w *wordLetters) suffixAt(p int) int {
	ls := w.letters()
	n := len(ls)
	if w.protected(p, n) {
		return n
	}
	for _, suf := range suffixes {
		m := len(suf.r)
		if n-p <= m || !w.matchTail(suf.r) {
			continue
		}
		q := n - m // suffix start; the base is [p, q)
		if !w.particle(p, q) {
			if q-p < 3 || w.protected(p, q) {
				continue
			}
			last := ls[q-1].r
			switch suf.s {
			case "ه", "ها", "نا":
				if last == 'ا' {
					continue // اتجاه, أحيانا, اتجاها: the ending belongs to the word
				}
				if suf.s == "ه" && last == 'ي' && ls[p].r == 'ت' {
					continue // توجيه, تنبيه: taf'il nouns of weak verbs
				}
			case "ي":
				if last != 'ت' {
					continue // a final ي is far more often a nisba or the verb's own letter
				}
			}
		}
		return q
	}
	return n
}
