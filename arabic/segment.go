package arabic

import (
	_ "embed"
	"strings"
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
// and stemming leave whole (see data/protected.txt), built at init.
var protectedWords = func() *wordSet {
	var words []string
	for line := range strings.Lines(protectedData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words = append(words, NormalizeString(line, SearchOptions()))
	}
	return newWordSet(words)
}()

// IsProtected reports whether word (in any spelling) is on the protected
// list: a word whose first or last letters look like clitics but are not
// (بغداد, لبنان, الله, الذين, وزير …).
func IsProtected(word string) bool {
	return protectedWords.has(NormalizeString(word, SearchOptions()))
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
	r    rune // folded: أإآٱ→ا, ى→ي, ی→ي, ک→ك; ة, ؤ, ئ kept
	bare bool // the letter is written as bare alef ا or wasla ٱ (the article's alef)
	end  int  // the end of the letter and its marks (it starts where the letter before ends)
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

// blockLetter is what split needs of a letter of U+0600–U+06FF.
type blockLetter struct {
	f    rune    // foldLetter of the letter
	key  [2]byte // UTF-8 of keyRune(f), which stays in the block
	bare bool    // the letter is ا or ٱ
}

// blockLetters holds a blockLetter for each letter of U+0600–U+06FF
// (arabicClass cArabic), built at init.
var blockLetters = func() (t [256]blockLetter) {
	for k := range t {
		if arabicClass[k] != cArabic {
			continue
		}
		r := rune(0x0600 + k)
		f := foldLetter(r)
		kr := keyRune(f)
		t[k] = blockLetter{f: f, key: [2]byte{byte(0xC0 | kr>>6), byte(0x80 | kr&0x3F)}, bare: r == 'ا' || r == 'ٱ'}
	}
	return t
}()

// maxLetters is the longest word that is segmented; longer "words" (rare
// run-ons) are left whole.
const maxLetters = 24

// wordLetters is a word split into letters, with the search-normalized
// key of every letter range available without allocating. It lives on
// the stack: fixed arrays, no appends.
type wordLetters struct {
	tail [maxLetters + 1]int8 // memo of protected(i, n): 0 unknown, 1 yes, -1 no
	ls   [maxLetters]letter
	n    int                   // number of letters
	kb   [maxLetters * 2]byte  // keys of all letters, concatenated (all two-byte letters)
	ko   [maxLetters + 1]uint8 // ko[i] is where letter i's key starts in kb
	// valid is set when split succeeded: the fields describe the word.
	valid bool
	// outside is set when a letter is not of U+0600–U+06FF.
	outside bool
}

// split fills w with the letters of word; marks (harakat, tatweel, ZWJ,
// ZWNJ) attach to the letter before them. It reports false when the word
// has a character that is neither an Arabic letter nor a mark, or is too
// long.
func (w *wordLetters) split(word string) bool {
	w.n, w.outside = 0, false
	nk := 0
	for i := 0; i < len(word); {
		// Fast path: a two-byte character of the Arabic block.
		if c := word[i]; c-0xD8 <= 3 && i+1 < len(word) {
			c2 := word[i+1]
			switch arabicPairClass[pairIndex(c, c2)] {
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
				bl := &blockLetters[blockIndex(c, c2)]
				w.ls[w.n] = letter{r: bl.f, bare: bl.bare, end: i + 2}
				w.ko[w.n] = uint8(nk)
				w.kb[nk] = bl.key[0]
				w.kb[nk+1] = bl.key[1]
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
		w.ls[w.n] = letter{r: f, bare: r == 'ا' || r == 'ٱ', end: i + size}
		w.outside = w.outside || r < 0x0600 || r > 0x06FF
		w.ko[w.n] = uint8(nk)
		w.kb[nk] = byte(0xC0 | k>>6)
		w.kb[nk+1] = byte(0x80 | k&0x3F)
		nk += 2
		w.n++
		i += size
	}
	w.ko[w.n] = uint8(nk)
	clear(w.tail[:w.n+1])
	w.valid = true
	return true
}

// keysOf returns w when, after appendSegments, it holds the letters of
// a word whose search key is key, or nil.
func (w *wordLetters) keysOf(key string) *wordLetters {
	if !w.valid || string(w.key(0, w.n)) != key {
		return nil
	}
	return w
}

// letters returns the letters of the word.
func (w *wordLetters) letters() []letter { return w.ls[:w.n] }

// key returns the search-normalized key of letters [i, j).
func (w *wordLetters) key(i, j int) []byte { return w.kb[w.ko[i]:w.ko[j]] }

// protected reports whether letters [i, j) form a protected word.
func (w *wordLetters) protected(i, j int) bool {
	if j != w.n {
		return protectedWords.hasBytes(w.key(i, j))
	}
	switch w.tail[i] {
	case 1:
		return true
	case -1:
		return false
	}
	ok := protectedWords.hasBytes(w.key(i, j))
	w.tail[i] = -1
	if ok {
		w.tail[i] = 1
	}
	return ok
}

// particle reports whether letters [i, j) form a particle that takes
// pronoun suffixes.
func (w *wordLetters) particle(i, j int) bool { return particles.hasBytes(w.key(i, j)) }

func isProtectedKey(k string) bool {
	return protectedWords.has(k)
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

// suffixesEnding returns the pronoun enclitics that end with the letter
// r, longest first (a filter of suffixes by last letter).
func suffixesEnding(r rune) []suffix {
	if r >= 0x0600 && r <= 0x06FF {
		return suffixesByLast[r-0x0600]
	}
	return nil
}

// suffixesByLast holds, for each letter of U+0600–U+06FF, the pronoun
// enclitics that end with it, in the order of suffixes.
var suffixesByLast = func() (t [256][]suffix) {
	for _, suf := range suffixes {
		k := suf.r[len(suf.r)-1] - 0x0600
		t[k] = append(t[k], suf)
	}
	return t
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
	var w wordLetters
	return appendSegments(nil, word, &w)
}

// appendSegments appends the segments of word to dst, using w as scratch
// space.
func appendSegments(dst []Morpheme, word string, w *wordLetters) []Morpheme {
	// Nothing of an earlier word may be read back from w (see keysOf).
	w.valid = false
	if !mayHaveClitic(word) {
		return appendMorpheme(dst, word, 0, len(word), RoleStem)
	}
	if !w.split(word) || w.n == 0 {
		return appendMorpheme(dst, word, 0, len(word), RoleStem)
	}
	ls := w.letters()
	if len(ls) == 1 {
		role := RoleStem
		switch ls[0].r {
		case 'و', 'ف', 'ب', 'ك', 'ل', 'س':
			if strings.ContainsRune(word, 0x0640) {
				role = RolePrefix
			}
		}
		return appendMorpheme(dst, word, 0, len(word), role)
	}
	pr := w.parse()
	if pr.n == 0 && pr.suffix == len(ls) {
		return appendMorpheme(dst, word, 0, len(word), RoleStem)
	}
	start := 0
	for _, e := range pr.ends[:pr.n] {
		end := ls[e-1].end
		dst = appendMorpheme(dst, word, start, end, RolePrefix)
		start = end
	}
	stemEnd := len(word)
	if pr.suffix < len(ls) {
		stemEnd = ls[pr.suffix-1].end
	}
	dst = appendMorpheme(dst, word, start, stemEnd, RoleStem)
	if stemEnd < len(word) {
		dst = appendMorpheme(dst, word, stemEnd, len(word), RoleSuffix)
	}
	return dst
}

// appendMorpheme appends the segment word[start:end] with role to dst,
// writing its fields one by one (cheaper than copying a whole Morpheme
// while the garbage collector is marking).
func appendMorpheme(dst []Morpheme, word string, start, end int, role Role) []Morpheme {
	if len(dst) == cap(dst) {
		dst = append(dst, Morpheme{})[:len(dst)]
	}
	dst = dst[:len(dst)+1]
	m := &dst[len(dst)-1]
	m.Start, m.End, m.Role = start, end, role
	m.Text = word[start:end]
	return dst
}

// mayHaveClitic is a quick test on the first and last letters of word: a
// word whose first letter cannot begin a proclitic (و ف ب ك ل س or the
// article's bare alef) and whose last letter cannot end a pronoun (ه ا م
// ن ي) has no clitics, and needs no further analysis.
func mayHaveClitic(word string) bool {
	if len(word) < 2 {
		return false
	}
	k := arabicIndex(word, 0)
	if k < 0 {
		return true // let the full analysis decide
	}
	switch rune(0x0600 + k) {
	case 'و', 'ف', 'ب', 'ك', 'ل', 'س':
		return true
	case 'ا', 'ٱ':
		// only the article: انسحاب, استمرار have no proclitic
		if len(word) < 4 {
			return true
		}
		if k2 := arabicIndex(word, 2); k2 < 0 || rune(0x0600+k2) == 'ل' || arabicClass[k2] == cMark {
			return true
		}
	}
	// The last letter, skipping marks and tatweel.
	j := len(word)
	for j >= 2 {
		k := arabicIndex(word, j-2)
		if k < 0 {
			return true
		}
		if arabicClass[k] == cMark {
			j -= 2
			continue
		}
		switch rune(0x0600 + k) {
		case 'ه', 'ا', 'م', 'ن', 'ي':
			return true
		}
		return false
	}
	return true
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
	if n <= 2 {
		return pr // no clitic leaves a stem of two letters
	}
	if n == 3 {
		// A conjunction with a two-letter function word (فإن, ولا, وقد).
		if c := ls[0].r; (c == 'و' || c == 'ف') && faWords.hasBytes(w.key(1, 3)) {
			pr.add(1)
			return pr
		}
		// A particle with a one-letter pronoun (منه, فيه, عنه).
		if ls[2].r == 'ه' || ls[2].r == 'ي' {
			if w.particle(0, 2) && !w.protected(0, n) {
				pr.suffix = 2
			}
		}
		return pr
	}
	if w.protected(0, n) {
		return pr
	}
	if q := w.protectedBase(0); q > 0 {
		pr.suffix = q // a protected word with a pronoun: بلاده
		return pr
	}
	p := 0
	hasArticle := false
	// conjunction
	if c := ls[0].r; (c == 'و' || c == 'ف' && w.faLikely()) && n-1 >= 3 {
		if !w.particleSuffix(0) {
			pr.add(1)
			p = 1
		}
	}
	if p > 0 {
		if w.protected(p, n) {
			return pr
		}
		if q := w.protectedBase(p); q > 0 {
			pr.suffix = q // وبلاده
			return pr
		}
	}
	// preposition, future or لل
	if p < n {
		c := ls[p].r
		rest := n - p - 1
		articleNext := rest >= 3 && ls[p+1].bare && ls[p+2].r == 'ل'
		switch {
		case c == 'ل' && rest >= 3 && ls[p+1].r == 'ل' && !w.protected(p, n):
			// لل: ل + ال with the alef dropped
			pr.add(p + 2)
			p += 2
			hasArticle = true
		case (c == 'ب' || c == 'ل' || c == 'ك') && articleNext && !w.protected(p, n):
			pr.add(p + 1)
			p++
		case (c == 'ب' || c == 'ل') && rest >= 3 && (rest >= 5 || !ls[p+1].bare) && !w.protected(p, n) && !w.particleSuffix(p):
			// (before a bare alef only long words: لانسحاب, not لافت, باتت)
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
	if p > 0 {
		if w.protected(p, n) {
			return pr
		}
		if q := w.protectedBase(p); q > 0 {
			pr.suffix = q // ببلاده
			return pr
		}
	}
	// article
	if !hasArticle && n-p >= 4 && ls[p].bare && ls[p+1].r == 'ل' && !w.protected(p, n) {
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

// faWords are the function words that take the conjunctions ف and و
// while shorter than three letters or without another clitic (فإن, فقد,
// ولا).
var faWords = newWordSet([]string{
	"ان", "قد", "لا", "لم", "لن", "ما", "هو", "هي", "هم", "هذا", "هذه", "كان",
	"كانت", "اذا", "انه", "انها", "انهم", "ليس", "مثلا",
})

// faLikely reports whether an initial ف is likely the conjunction: the
// letter begins many words (فريق, فنان, فلسطيني, فعاليات), so it is only
// taken before the article or a preposition with the article, the future
// or an imperfect prefix in a word of four letters or more, or a function
// word.
func (w *wordLetters) faLikely() bool {
	ls := w.letters()
	rest := len(ls) - 1
	if rest < 2 {
		return false
	}
	if faWords.hasBytes(w.key(1, len(ls))) {
		return true
	}
	a, b := ls[1], ls[2]
	switch {
	case a.bare && b.r == 'ل', a.r == 'ل' && b.r == 'ل':
		return true // فالعراق, فللولايات
	case (a.r == 'ب' || a.r == 'ل' || a.r == 'ك') && rest >= 4 && ls[2].bare && ls[3].r == 'ل':
		return true // فبالتالي
	case a.r == 'س' && (b.r == 'ي' || b.r == 'ت' || b.r == 'ن') && rest >= 4:
		return true // فسيتم
	case (a.r == 'ي' || a.r == 'ت' || a.r == 'ن') && rest >= 4:
		return true // فيقول, فتقول
	}
	return false
}

// suffixOK applies the guards against endings that look like a pronoun
// suffix but belong to the word, for base [p, q) and suffix suf.
func (w *wordLetters) suffixOK(p, q int, suf suffix) bool {
	last := w.ls[q-1].r
	switch suf.s {
	case "ه", "ها", "نا":
		if last == 'ا' {
			return false // اتجاه, أحيانا, اتجاها: the ending belongs to the word
		}
		if suf.s == "ه" && last == 'ي' && w.ls[p].r == 'ت' {
			return false // توجيه, تنبيه: taf'il nouns of weak verbs
		}
	case "كن":
		if last == 'م' {
			return false // يمكن, تتمكن, أمكن
		}
	case "ي":
		if last != 'ت' || q-p < 4 {
			return false // a final ي is far more often a nisba (اليمني) or the verb's own letter (يأتي)
		}
	}
	return true
}

// protectedBase returns where a pronoun suffix starts when letters
// [p, n) are a protected word followed by that suffix, or 0.
func (w *wordLetters) protectedBase(p int) int {
	n := w.n
	if n-p >= 2 && w.ls[p].bare && w.ls[p+1].r == 'ل' {
		return 0 // a word with the article takes no pronoun (الأهم is not الا + هم)
	}
	for _, suf := range suffixesEnding(w.ls[n-1].r) {
		q := n - len(suf.r)
		if q-p < 2 || !w.matchTail(suf.r) || !w.suffixOK(p, q, suf) {
			continue
		}
		if w.protected(p, q) {
			return q
		}
		if w.ls[q-1].r == 'ت' && q-p <= maxLetters {
			// teh marbuta becomes ت before a pronoun: وفاته → وفاة + ه
			var buf [maxLetters * 2]byte
			k := copy(buf[:], w.key(p, q))
			buf[k-2], buf[k-1] = 0xD9, 0x87 // ه
			if protectedWords.hasBytes(buf[:k]) {
				return q
			}
		}
	}
	return 0
}

// particleSuffix reports whether letters [p, n) are a particle with a
// pronoun suffix (فيها, بينهم, لديه).
func (w *wordLetters) particleSuffix(p int) bool {
	n := w.n
	for _, suf := range suffixesEnding(w.ls[n-1].r) {
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
	for _, suf := range suffixesEnding(ls[n-1].r) {
		m := len(suf.r)
		if n-p <= m || !w.matchTail(suf.r) {
			continue
		}
		q := n - m // suffix start; the base is [p, q)
		if !w.particle(p, q) {
			if q-p < 3 || w.protected(p, q) || !w.suffixOK(p, q, suf) {
				continue
			}
		}
		return q
	}
	return n
}
