package arabic

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs shared by the fuzz targets: the seed article's hard
// cases, presentation forms, marks in odd places and invalid UTF-8.
var fuzzSeeds = []string{
	`بـ"انسحاب القوات المتّحدة للولايات وبغداد 2,500 ٢٠٢١`,
	"السورية-العراقية. قال: «نص» و\"آخر\"؟ 2.5 د. أحمد ق.م",
	"ﺍﻟﺴﻼﻢ ﻷ ا\u0654\u064e ی ک \u200d\u200f\ufeff",
	"\xff\xfe\xc0\x80 ا\xd8",
	"\u0654\u0654 ـــ \u0651",
	"https://example.com/x info@example.org #وسم_1",
	"",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, search bool) {
		opt := DisplayOptions()
		if search {
			opt = SearchOptions()
		}
		out, m := Normalize(s, opt)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
		if NormalizeString(s, opt) != out {
			t.Fatalf("NormalizeString and Normalize differ on %q", s)
		}
		if again := NormalizeString(out, opt); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
		prev := 0
		for i := 0; i <= len(out); i++ {
			o := m.Orig(i)
			if o < prev || o > len(s) {
				t.Fatalf("%q: Orig(%d) = %d after %d (len %d)", s, i, o, prev, len(s))
			}
			prev = o
		}
		if m.Orig(len(out)) != len(s) {
			t.Fatalf("%q: Orig(end) = %d, want %d", s, m.Orig(len(out)), len(s))
		}
		bound := runeBoundaries(s)
		for i := 0; i < len(out); {
			o := m.Orig(i)
			if !bound[o] || o < len(s) && !utf8.RuneStart(s[o]) {
				t.Fatalf("%q: Orig(%d) = %d is not a rune start", s, i, o)
			}
			_, size := utf8.DecodeRuneInString(out[i:])
			i += size
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		bound := runeBoundaries(s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("%q: bad offsets %d-%d after %d", s, tk.Start, tk.End, prev)
			}
			if !utf8.RuneStart(s[tk.Start]) || !bound[tk.Start] || !bound[tk.End] {
				t.Fatalf("%q: token %d-%d not on rune boundaries", s, tk.Start, tk.End)
			}
			if tk.Text != s[tk.Start:tk.End] {
				t.Fatalf("%q: text mismatch", s)
			}
			prev = tk.End
		}
		// The rest of the analysis must not panic either.
		NumberWords(toks)
		for _, tk := range toks {
			if tk.Kind == KindArabic {
				at := 0
				for _, sg := range Segment(tk.Text) {
					if sg.Start != at || sg.End <= sg.Start {
						t.Fatalf("%q: segments of %q do not tile", s, tk.Text)
					}
					at = sg.End
				}
				if at != len(tk.Text) {
					t.Fatalf("%q: segments of %q end at %d", s, tk.Text, at)
				}
				Stem(tk.Text)
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		bound := runeBoundaries(s)
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("%q: bad span %d-%d after %d", s, sp.Start, sp.End, prev)
			}
			if !utf8.RuneStart(s[sp.Start]) || !bound[sp.Start] || !bound[sp.End] {
				t.Fatalf("%q: span %d-%d not on rune boundaries", s, sp.Start, sp.End)
			}
			prev = sp.End
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2,500", "٢٫٥", "1.234.567", "1,234.5", ",", "9e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseNumber(s)
	})
}

// runeBoundaries marks the offsets of s where decoding from the start
// begins a rune (an invalid byte counts as a one-byte rune), and len(s).
func runeBoundaries(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		b[i] = true
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	b[len(s)] = true
	return b
}
