package tagger

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/marsad-project/marsad/arabic"
)

// Padding words for neighbours before the sentence start and after its
// end.
const (
	startWord = "<s>"
	endWord   = "</s>"
)

// wordInfo is what the features read of one word, computed once.
type wordInfo struct {
	word, norm, stem, proclitic, shape string
}

// analyze returns the feature view of word: its search-normalized form,
// its clitic-stripped stem and proclitics (from [arabic.Segment]), both
// search-normalized, and its shape class.
func analyze(word string) wordInfo {
	wi := wordInfo{word: word, norm: arabic.NormalizeString(word, arabic.SearchOptions()), shape: shape(word)}
	var stem, pre strings.Builder
	for _, m := range arabic.Segment(arabic.NormalizeString(word, arabic.DisplayOptions())) {
		switch m.Role {
		case arabic.RoleStem:
			stem.WriteString(m.Text)
		case arabic.RolePrefix:
			pre.WriteString(m.Text)
		}
	}
	wi.stem = arabic.NormalizeString(stem.String(), arabic.SearchOptions())
	wi.proclitic = arabic.NormalizeString(pre.String(), arabic.SearchOptions())
	return wi
}

// shape classifies the characters of word — Arabic letter a, Latin
// capital X, Latin small x, digit d, punctuation p, other o — and
// collapses runs, so "بغداد" is "a", "G20" is "Xd" and "12/7" is "dpd".
func shape(word string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range word {
		var c rune
		switch {
		case r >= 0x0600 && r <= 0x06FF && unicode.IsLetter(r):
			c = 'a'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			c = 'p'
		case r >= 0x0600 && r <= 0x06FF:
			continue // harakat and tatweel do not change the shape
		default:
			c = 'o'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// affixes emits the prefixes and suffixes of one to three letters of s
// that leave at least one letter over.
func affixes(s string, emit func(name, value string)) {
	r := []rune(s)
	for k := 1; k <= 3 && k < len(r); k++ {
		emit("p"+strconv.Itoa(k), string(r[:k]))
		emit("s"+strconv.Itoa(k), string(r[len(r)-k:]))
	}
}

// DefaultFeatures is the feature set of the ANERcorp measurement. For
// token i it emits: a bias; the word as written and search-normalized;
// the normalized word's prefixes and suffixes of one to three letters;
// the clitic-stripped stem and the proclitics taken off it; the
// normalized words at i−2, i−1, i+1, i+2 and the stems at i±1, with the
// bigrams of the word and each adjacent word; the shape class of the
// word and of its neighbours, and a short-word flag. When extra is not
// nil it also emits the extra value at i, at i±1 and the pair (i−1, i),
// and the value at i joined with the word's shape.
func DefaultFeatures(words, extra []string, emit func(i int, name, value string)) {
	info := make([]wordInfo, len(words))
	for i, w := range words {
		info[i] = analyze(w)
	}
	at := func(i int) wordInfo {
		switch {
		case i < 0:
			return wordInfo{word: startWord, norm: startWord, stem: startWord, shape: startWord}
		case i >= len(info):
			return wordInfo{word: endWord, norm: endWord, stem: endWord, shape: endWord}
		}
		return info[i]
	}
	xat := func(i int) string {
		switch {
		case i < 0:
			return startWord
		case i >= len(extra):
			return endWord
		}
		return extra[i]
	}
	for i, wi := range info {
		e := func(name, value string) { emit(i, name, value) }
		e("bias", "")
		e("w", wi.word)
		e("n", wi.norm)
		affixes(wi.norm, e)
		e("st", wi.stem)
		e("pc", wi.proclitic)
		e("sh", wi.shape)
		if len([]rune(wi.norm)) <= 2 {
			e("short", "")
		}
		p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
		e("n-1", p1.norm)
		e("n-2", p2.norm)
		e("n+1", n1.norm)
		e("n+2", n2.norm)
		e("st-1", p1.stem)
		e("st+1", n1.stem)
		e("n-1|n", p1.norm+"|"+wi.norm)
		e("n|n+1", wi.norm+"|"+n1.norm)
		e("sh-1|sh+1", p1.shape+"|"+n1.shape)
		if extra != nil {
			x := xat(i)
			e("x", x)
			e("x-1", xat(i-1))
			e("x+1", xat(i+1))
			e("x-1|x", xat(i-1)+"|"+x)
			e("x|sh", x+"|"+wi.shape)
		}
	}
}
