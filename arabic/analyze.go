package arabic

import "strings"

// Analyzed is one token with its clitic segmentation and search stem.
type Analyzed struct {
	Token
	// Segments is the clitic segmentation of an Arabic word (see
	// [Segment]); offsets are relative to Token.Start. Nil for other kinds.
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
	segs := make([]Morpheme, 0, len(toks)*3/2+4)
	for i, t := range toks {
		out[i] = Analyzed{Token: t, Stem: term(t)}
		if t.Kind == KindArabic {
			k := len(segs)
			segs = appendSegments(segs, t.Text)
			out[i].Segments = segs[k:len(segs):len(segs)]
		}
	}
	return out
}

// term returns the index term of one token, or "" for none.
func term(t Token) string {
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
	for _, t := range toks {
		if w := term(t); w != "" {
			out = append(out, w)
		}
	}
	return out
}
