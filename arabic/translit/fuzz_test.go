package translit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzName(f *testing.F) {
	for _, s := range []string{
		"محمد بن سلمان", "عبد", "عبد ال", "ال", "الـ", "آل", "أبو", "بن",
		"مُحَمَّدٌ", "ًا", "\u0651\u064e", "ﻣﺤﻤﺪ ﻷ", "پژمان گ چ ژ ک ی",
		"ءؤئ", "ةةة", "ىى", "اا", "وو", "يي", "تش", "x-'", "\xff\xfe\xd8",
		"Biden بايدن 2021", "عبدال", "نصر الله", "الله", "‏\u200c\u200e",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Name(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Name(%q) = %q: invalid UTF-8", s, out)
		}
		for i := 0; i < len(out); i++ {
			c := out[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '\'') {
				t.Fatalf("Name(%q) = %q: byte %q is not Latin letter, digit, space, hyphen or apostrophe", s, out, c)
			}
		}
		if out != strings.TrimSpace(out) || strings.Contains(out, "  ") {
			t.Fatalf("Name(%q) = %q: stray spaces", s, out)
		}
		k := Key(out)
		for i := 0; i < len(k); i++ {
			if k[i] < 'a' || k[i] > 'z' {
				t.Fatalf("Key(%q) = %q: not lower-case ASCII letters", out, k)
			}
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Mohammed", "al-Kadhimi", "Abdul Rahman", "Fátima", "ß ø ł", "\xff", "", "al-", "abdul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		for i := 0; i < len(k); i++ {
			if k[i] < 'a' || k[i] > 'z' {
				t.Fatalf("Key(%q) = %q: not lower-case ASCII letters", s, k)
			}
		}
		if Key(strings.ToUpper(s)) != k && utf8.ValidString(s) && !strings.ContainsAny(s, "ßıſ") {
			t.Fatalf("Key(%q) = %q but Key of its upper case = %q", s, k, Key(strings.ToUpper(s)))
		}
	})
}
