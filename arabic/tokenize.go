package arabic

import (
	"unicode"
	"unicode/utf8"
)

// String returns the lower-case name of the kind ("arabic", "number", …).
func (k Kind) String() string {
	switch k {
	case KindArabic:
		return "arabic"
	case KindLatin:
		return "latin"
	case KindNumber:
		return "number"
	case KindPunct:
		return "punct"
	case KindQuote:
		return "quote"
	case KindURL:
		return "url"
	case KindEmail:
		return "email"
	case KindHashtag:
		return "hashtag"
	case KindSymbol:
		return "symbol"
	}
	return "unknown"
}

// IsWord reports whether tokens of kind k are words (Arabic or Latin).
func (k Kind) IsWord() bool { return k == KindArabic || k == KindLatin }

// class is the tokenizer's character class.
type class uint8

const (
	cSpace   class = iota // white space and unknown controls: separates tokens
	cArabic               // Arabic letter
	cMark                 // combining mark, tatweel, ZWJ/ZWNJ: continues the current word
	cLatin                // other letter
	cDigit                // ASCII or Arabic-Indic digit
	cQuote                // quote mark
	cPunct                // punctuation
	cSymbol               // symbol
	cInvalid              // invalid UTF-8 byte
)

func isArabicLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x063F, r >= 0x0641 && r <= 0x064A,
		r >= 0x066E && r <= 0x066F, r >= 0x0671 && r <= 0x06D3, r == 0x06D5,
		r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF,
		r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08C9:
		return true
	case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
		return unicode.IsLetter(r)
	}
	return false
}

// isQuoteRune reports whether r is a quotation mark.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '«', '»', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '‹', '›', '〝', '〞', '＂', '`':
		return true
	}
	return false
}

// arabicClass is the class of each character of U+0600–U+06FF.
var arabicClass = func() (t [256]class) {
	for i := range t {
		t[i] = classifySlow(rune(0x0600 + i))
	}
	return t
}()

// arabicPairClass is arabicClass indexed by [pairIndex] of a two-byte
// sequence whose lead byte is D8–DB: cSpace (0) when the second byte does
// not continue the character.
var arabicPairClass = func() (t [4 << 8]class) {
	for c := byte(0xD8); c <= 0xDB; c++ {
		for c2 := byte(0x80); c2 <= 0xBF; c2++ {
			t[pairIndex(c, c2)] = arabicClass[blockIndex(c, c2)]
		}
	}
	return t
}()

func classify(r rune) class {
	if r >= 0x0600 && r <= 0x06FF {
		return arabicClass[r-0x0600]
	}
	return classifySlow(r)
}

func classifySlow(r rune) class {
	if r < 0x80 {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return cLatin
		case r >= '0' && r <= '9':
			return cDigit
		case r == '"' || r == '\'' || r == '`':
			return cQuote
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\f', r == '\v', r < 0x20, r == 0x7F:
			return cSpace
		case r == '$' || r == '%' || r == '+' || r == '<' || r == '=' || r == '>' || r == '^' || r == '|' || r == '~':
			return cSymbol
		}
		return cPunct
	}
	switch {
	case isArabicLetter(r):
		return cArabic
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return cDigit
	case r == 0x0640, isHaraka(r), r == 0x200C, r == 0x200D:
		return cMark
	case isQuoteRune(r):
		return cQuote
	case r == 0x066A:
		return cSymbol
	case unicode.IsLetter(r):
		return cLatin
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r), unicode.Is(unicode.Me, r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.IsControl(r):
		return cSpace
	case unicode.IsPunct(r):
		return cPunct
	case unicode.IsSymbol(r):
		return cSymbol
	case unicode.IsNumber(r):
		return cDigit
	}
	return cSpace
}

// scanner walks a string rune by rune.
type scanner struct {
	s string
}

func (sc scanner) at(i int) (rune, int, class) {
	if i >= len(sc.s) {
		return 0, 0, cSpace
	}
	c := sc.s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1, asciiClass[c]
	}
	r, size := decodeRune(sc.s, i)
	if r == utf8.RuneError && size <= 1 {
		return r, 1, cInvalid
	}
	return r, size, classify(r)
}

// asciiClass is the class of each ASCII byte, computed at init.
var asciiClass = func() (t [utf8.RuneSelf]class) {
	for c := range t {
		t[c] = classify(rune(c))
	}
	return t
}()

// Tokenize splits s into tokens in one pass. Offsets are byte offsets into
// s; tokens never overlap and always start and end on rune boundaries.
// White space separates tokens and is not returned; invalid UTF-8 bytes
// are skipped.
//
// Choices:
//   - An Arabic word is a run of Arabic letters with any harakat, tatweel
//     and ZWJ/ZWNJ inside or after it: "المتّحدة" and "بـ" are single
//     tokens. A word breaks where the script changes, so "بـ\"انسحاب" is
//     word "بـ", quote, word "انسحاب", and "2021م" is number, word.
//   - A hyphen is punctuation: "السورية-العراقية" is word, punct, word, so
//     each part can be matched and segmented on its own.
//   - A number is a run of digits (ASCII, Arabic-Indic or Persian) with
//     single separators , . ٫ ٬ between digits: 2500, 2,500, 2.5, ٢٥٠٠;
//     a decimal point may lead when nothing word-like precedes it (.77).
//   - A Latin word may contain an apostrophe or a hyphen between letters
//     and digits after letters (don't, COVID-19 is "COVID", "-", "19").
//   - URLs start with a scheme (http:, https:, ftp:) or "www." and run to
//     white space; trailing punctuation and closing brackets are left out.
//     An e-mail is letters/digits/._%+- then @ then a dotted host.
//   - A hashtag is # followed by letters, digits, marks or _ .
//   - Quote marks (" ' « » “ ” „ ‘ ’ ‹ ›) are KindQuote, one per token.
//     Other punctuation is one token per character, except runs of the
//     same character (..., !!, --) which form one token.
//
// Norm is the token text normalized with [SearchOptions] (punctuation and
// quote marks keep their text); it shares memory with s when normalization
// changes nothing, and otherwise with a buffer of the call (shared by the
// tokens it normalizes).
func Tokenize(s string) []Token {
	// News text has a token every 9.5 bytes on average, and more than one
	// every 8 bytes in under 1% of articles.
	return AppendTokens(make([]Token, 0, len(s)/8+8), s)
}

// AppendTokens appends the tokens of s (see [Tokenize]) to dst and returns
// the extended slice, so that a caller tokenizing many texts can reuse one
// buffer.
func AppendTokens(dst []Token, s string) []Token {
	tz := tokenizer{s: s, toks: dst}
	tz.run()
	return tz.toks
}

// tokenizer holds the state of one Tokenize call.
type tokenizer struct {
	s    string
	toks []Token
	// nz writes the normalized forms that differ from the token text into
	// one buffer, nz.b; Norm fields view it (see bytesString): it is only
	// ever appended to, or truncated back to where the current token's
	// form began.
	nz normalizer
}

// add appends a token whose Norm is norm.
func (tz *tokenizer) add(start, end int, k Kind, norm string) {
	if len(tz.toks) == cap(tz.toks) {
		tz.toks = append(tz.toks, Token{})[:len(tz.toks)]
	}
	tz.toks = tz.toks[:len(tz.toks)+1]
	t := &tz.toks[len(tz.toks)-1]
	// Field by field: cheaper than copying a whole Token while the
	// garbage collector is marking.
	t.Start, t.End, t.Kind = start, end, k
	t.Text = tz.s[start:end]
	t.Norm = norm
}

// addNorm appends a token and computes its normalized form.
func (tz *tokenizer) addNorm(start, end int, k Kind) {
	text := tz.s[start:end]
	norm := text
	if k != KindPunct && k != KindQuote {
		nz := &tz.nz
		if i := scanNormalPlan(text, &nz.opt, nz.plan); i < len(text) {
			b0 := len(nz.b)
			nz.run(text, i)
			if nz.risky {
				nz.b = nz.b[:b0]
				norm = NormalizeString(text, nz.opt)
			} else {
				norm = bytesString(nz.b[b0:])
			}
		}
	}
	tz.add(start, end, k, norm)
}

// run appends the tokens of tz.s to tz.toks.
func (tz *tokenizer) run() {
	s := tz.s
	sc := scanner{s}
	nz := &tz.nz
	nz.opt, nz.plan = SearchOptions(), searchPlan()
	// The fast path of Arabic words never lengthens them.
	nz.b = make([]byte, 0, len(s)/2+16)
	i := 0
	for i < len(s) {
		// The class of the character at i, with inline paths for ASCII and
		// the Arabic block.
		var (
			r    rune
			size = 1
			cl   class
		)
		if c := s[i]; c < utf8.RuneSelf {
			cl = asciiClass[c]
			if cl == cSpace {
				i++
				continue
			}
			r = rune(c)
		} else if c-0xD8 <= 3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			k := blockIndex(c, s[i+1])
			r, size, cl = 0x0600+rune(k), 2, arabicClass[k]
		} else {
			r, size, cl = sc.at(i)
		}
		switch cl {
		case cSpace, cInvalid:
			i += size
		case cArabic, cMark:
			// (A stray mark, e.g. a tatweel after a space, starts an Arabic token.)
			// Most words are unchanged by normalization and end at ASCII
			// (a space, a comma): the fast path.
			k := wordKeepRun(s, i, nz.plan)
			if k > i && (k == len(s) || s[k] < utf8.RuneSelf) {
				tz.add(i, k, KindArabic, s[i:k])
				i = k
				if i < len(s) && s[i] == ' ' {
					i++ // the space between words, without another turn of the loop
				}
				continue
			}
			b0 := len(nz.b)
			j, buf, norm, slow := scanArabic(sc, i, k, nz.plan, nz.b)
			if norm || slow {
				// (Otherwise buf is nz.b: not storing it saves a write
				// barrier while the garbage collector is marking.)
				nz.b = buf
			}
			switch {
			case slow:
				tz.addNorm(i, j, KindArabic)
			case norm:
				tz.add(i, j, KindArabic, bytesString(nz.b[b0:]))
			default:
				tz.add(i, j, KindArabic, s[i:j])
			}
			i = j
			if i < len(s) && s[i] == ' ' {
				i++ // the space between words, without another turn of the loop
			}
		case cDigit:
			if j, ok := scanEmail(s, i); ok {
				tz.addNorm(i, j, KindEmail)
				i = j
				continue
			}
			j := scanNumber(sc, i)
			tz.addNorm(i, j, KindNumber)
			i = j
		case cLatin:
			if j, ok := scanURL(s, i); ok {
				tz.addNorm(i, j, KindURL)
				i = j
				continue
			}
			if j, ok := scanEmail(s, i); ok {
				tz.addNorm(i, j, KindEmail)
				i = j
				continue
			}
			j := scanLatin(sc, i)
			tz.addNorm(i, j, KindLatin)
			i = j
		case cQuote:
			tz.add(i, i+size, KindQuote, s[i:i+size])
			i += size
		case cPunct:
			if (r == '.' || r == 0x066B) && startsNumber(sc, i, size) {
				// .77, ٫٧٧: a number with a leading decimal point
				j := scanNumber(sc, i)
				tz.addNorm(i, j, KindNumber)
				i = j
				continue
			}
			if r == '#' {
				if j := scanHashtag(sc, i+1); j > i+1 {
					tz.addNorm(i, j, KindHashtag)
					i = j
					continue
				}
			}
			if r < utf8.RuneSelf && isEmailLocal(byte(r)) && r != '@' {
				if j, ok := scanEmail(s, i); ok {
					tz.addNorm(i, j, KindEmail)
					i = j
					continue
				}
			}
			j := i + size
			for j < len(s) {
				r2, sz2, _ := sc.at(j)
				if r2 != r {
					break
				}
				j += sz2
			}
			tz.add(i, j, KindPunct, s[i:j])
			i = j
		case cSymbol:
			tz.addNorm(i, i+size, KindSymbol)
			i += size
		default:
			i += size
		}
	}
}

// scanArabic returns the end of the Arabic word starting at i and
// normalizes it on the way with plan p: when the word changes, its
// normalized form is appended to buf and norm is true; when a character
// needs the general normalizer (a composing mark, a presentation form),
// slow is true and nothing is appended. It returns buf with what it
// appended. The caller has found that s[i:from] continues the word
// unchanged (from may be i).
func scanArabic(sc scanner, i, from int, p *plan, buf []byte) (end int, out []byte, norm, slow bool) {
	s := sc.s
	b0 := len(buf)
	writing := false
	run := i // start of the unchanged text not yet copied (when writing)
	i = from
	for {
		i = wordKeepRun(s, i, p)
		// A character of the block that changes or ends the word.
		if i+1 < len(s) && s[i]-0xD8 <= 3 && s[i+1]&0xC0 == 0x80 {
			k := blockIndex(s[i], s[i+1])
			switch p.word[k] {
			case wordDrop:
				buf = append(buf, s[run:i]...)
				writing, run = true, i+2
			case wordReplace:
				e := &p.arabic[k]
				buf = append(append(buf, s[run:i]...), e.out[:e.n]...)
				writing, run = true, i+2
			case wordSlow:
				slow = true
			default:
				goto done
			}
			i += 2
			continue
		}
		// A character outside the block that continues the word (a mark,
		// ZWNJ, a letter of the supplements) takes the general path. ASCII
		// (white space, most often) never does.
		if i >= len(s) || s[i] < utf8.RuneSelf {
			break
		}
		_, size, cl := sc.at(i)
		if cl != cArabic && cl != cMark {
			break
		}
		slow = true
		i += size
	}
done:
	if slow {
		return i, buf[:b0], false, true
	}
	if writing {
		buf = append(buf, s[run:i]...)
	}
	return i, buf, writing, false
}

// wordKeepRun returns the end of the run of characters from s[i] that
// continue an Arabic word unchanged under plan p.
func wordKeepRun(s string, i int, p *plan) int {
	for i+1 < len(s) {
		c := s[i]
		// c-0xD8 wraps around for lead bytes below 0xD8.
		if c-0xD8 > 3 || !p.wordKeepPair[pairIndex(c, s[i+1])] {
			break
		}
		i += 2
	}
	return i
}

// startsNumber reports whether the decimal point at s[i] begins a number:
// a digit follows, and, for ".", no digit, letter or mark comes right
// before it (a period after a word ends the sentence).
func startsNumber(sc scanner, i, size int) bool {
	if _, _, cl := sc.at(i + size); cl != cDigit {
		return false
	}
	if i == 0 || sc.s[i] != '.' {
		return true // ٫ is only ever a decimal separator
	}
	r, _ := utf8.DecodeLastRuneInString(sc.s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '.'
}

func isNumSep(r rune) bool { return r == ',' || r == '.' || r == 0x066B || r == 0x066C }

func scanNumber(sc scanner, i int) int {
	for i < len(sc.s) {
		r, size, cl := sc.at(i)
		if cl == cDigit {
			i += size
			continue
		}
		if isNumSep(r) {
			if _, _, cl2 := sc.at(i + size); cl2 == cDigit {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func scanLatin(sc scanner, i int) int {
	start := i
	for i < len(sc.s) {
		r, size, cl := sc.at(i)
		if cl == cLatin || cl == cMark && i > start {
			i += size
			continue
		}
		if cl == cDigit && i > start {
			// letters then digits stay together (mp3, G20)
			if r < 0x80 {
				i += size
				continue
			}
			break
		}
		if r == '\'' || r == '’' {
			if _, _, cl2 := sc.at(i + size); cl2 == cLatin && i > start {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func scanHashtag(sc scanner, i int) int {
	for i < len(sc.s) {
		r, size, cl := sc.at(i)
		if cl == cArabic || cl == cLatin || cl == cDigit || cl == cMark || r == '_' {
			i += size
			continue
		}
		break
	}
	return i
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// scanURL recognizes a URL starting at i.
func scanURL(s string, i int) (int, bool) {
	rest := s[i:]
	var n int
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "ftp://"):
		n = 6
	case hasPrefixFold(rest, "www."):
		n = 4
	default:
		return i, false
	}
	j := i + n
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' || r == '،' || isInvisible(r) {
			break
		}
		j += size
	}
	// Leave out trailing punctuation and unbalanced closing brackets.
	for j > i+n {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' || r == ')' || r == ']' || r == '\'' || r == '؛' || r == '؟' {
			j -= size
			continue
		}
		break
	}
	if j <= i+n {
		return i, false
	}
	return j, true
}

func isEmailLocal(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// scanEmail recognizes an e-mail address starting at i.
func scanEmail(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isEmailLocal(s[j]) {
		j++
	}
	if j == i || j >= len(s) || s[j] != '@' || s[i] == '.' {
		return i, false
	}
	j++
	labels := 0
	for {
		k := j
		for k < len(s) && isHostByte(s[k]) {
			k++
		}
		if k == j {
			break
		}
		labels++
		j = k
		if j+1 < len(s) && s[j] == '.' && isHostByte(s[j+1]) {
			j++
			continue
		}
		break
	}
	if labels < 2 {
		return i, false
	}
	return j, true
}
