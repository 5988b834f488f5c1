package arabic

import "strings"

// Analyzed is one token with its clitic segmentation and search stem.
type Analyzed struct {
	*Token // the token, in the slice returned by Tokenize(s)
	// Segments is the clitic segmentation of an Arabic word (see
	// [Segment]); offsets are relative to Token.Start. Nil for other
	// kinds. Tokens with the same text share one slice: do not modify it.
	Segments []Morpheme
	// Stem is the search term for the token: [Stem] of an Arabic word,
	// the lower-cased normalized form of a Latin word, hashtag, URL or
	// e-mail, the normalized digits of a number; empty for punctuation,
	// quote marks and symbols.
	Stem string
}

// Analyze tokenizes s and segments and stems every token. It is the
// analysis shown by `marsad analyze`.
func Analyze(s string) []Analyzed {
	toks := Tokenize(s)
	out := make([]Analyzed, len(toks))
	// The segments share backing arrays (a token's segments stay valid
	// when a later append moves to a new array).
	segs := make([]Morpheme, 0, len(toks)+8)
	var w wordLetters
	// Words repeat within a text: a small open-addressing table of the
	// first occurrence of each Arabic word (its hash in the high half,
	// token index + 1 in the low half; 0 is empty) lets repeats share its
	// segments and stem.
	size := 64
	for size < 2*len(toks) {
		size *= 2
	}
	seen := make([]uint64, size)
	mask := uint32(size - 1)
	for i := range toks {
		t := &toks[i]
		out[i].Token = t
		if t.Kind != KindArabic {
			if st := term(t); st != "" {
				out[i].Stem = st
			}
			continue
		}
		hv := wordHash(t.Text)
		h := hv & mask
		for {
			e := seen[h]
			if e == 0 {
				seen[h] = uint64(hv)<<32 | uint64(i+1)
				k := len(segs)
				segs = appendSegments(segs, t.Text, &w)
				out[i].Segments = segs[k:len(segs):len(segs)]
				// (Segmentation has split the word and looked some of
				// its tails up in the protected list: stemming reuses
				// them when the word's key is its normalized form.)
				out[i].Stem = stemWith(t.Norm, w.keysOf(t.Norm))
				break
			}
			if uint32(e>>32) == hv {
				if j := uint32(e); toks[j-1].Text == t.Text {
					out[i].Segments, out[i].Stem = out[j-1].Segments, out[j-1].Stem
					break
				}
			}
			h = (h + 1) & mask
		}
	}
	return out
}

// term returns the index term of one token, or "" for none.
func term(t *Token) string {
	switch t.Kind {
	case KindArabic:
		return stemNormalized(t.Norm)
	case KindLatin, KindHashtag, KindURL, KindEmail:
		return lowerASCII(t.Norm)
	case KindNumber:
		return t.Norm
	}
	return ""
}

// lowerASCII lower-cases s, returning s itself when it has no upper case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// SearchTerms returns the index terms of s, in text order: one per word,
// number, hashtag, URL or e-mail token (the term of [Analyzed].Stem);
// punctuation, quote marks and symbols give none. The same function must
// be used for documents and for queries so that they match.
func SearchTerms(s string) []string {
	toks := Tokenize(s)
	out := make([]string, 0, len(toks))
	for i := range toks {
		if w := term(&toks[i]); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// wordHash is a hash of s for Analyze's table of words: for words of 4 to
// 16 bytes (most Arabic words) two overlapping loads cover every byte;
// longer words are hashed on their first and last eight bytes and length
// (the table compares the words themselves, so this only costs a
// comparison when two long words share both ends); shorter ones go to
// hashString.
func wordHash(s string) uint32 {
	n := len(s)
	const k = 0x9E3779B97F4A7C15
	if n < 8 {
		if n < 4 {
			return hashString(s)
		}
		// Two overlapping four-byte loads (two- and three-letter words).
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[n-4])<<32 | uint64(s[n-3])<<40 | uint64(s[n-2])<<48 | uint64(s[n-1])<<56
		h := (x ^ uint64(n)) * k
		return uint32(h ^ h>>32)
	}
	a := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	t := s[n-8:]
	b := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	h := (a ^ uint64(n)) * k
	h = (h ^ h>>32 ^ b) * k
	return uint32(h ^ h>>32)
}
