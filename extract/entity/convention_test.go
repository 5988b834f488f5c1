package entity

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// bracketed matches one expected mention, [words](TYPE).
var bracketed = regexp.MustCompile(`\[([^\]]+)\]\((PER|ORG|LOC|MISC)\)`)

// expectTags turns a sentence with bracketed mentions into its words and
// their BIO tags.
func expectTags(sentence string) (words, tags []string) {
	rest := sentence
	for {
		loc := bracketed.FindStringSubmatchIndex(rest)
		if loc == nil {
			for _, w := range strings.Fields(rest) {
				words, tags = append(words, w), append(tags, "O")
			}
			return words, tags
		}
		for _, w := range strings.Fields(rest[:loc[0]]) {
			words, tags = append(words, w), append(tags, "O")
		}
		typ := rest[loc[4]:loc[5]]
		for i, w := range strings.Fields(rest[loc[2]:loc[3]]) {
			tag := "I-" + typ
			if i == 0 {
				tag = "B-" + typ
			}
			words, tags = append(words, w), append(tags, tag)
		}
		rest = rest[loc[1]:]
	}
}

func TestConventions(t *testing.T) {
	r := testRecognizer(t)
	for _, row := range testdataRows(t, "convention.tsv") {
		if len(row) != 2 {
			t.Fatalf("convention.tsv: want CONVENTION<TAB>SENTENCE, got %q", row)
		}
		conv, err := ParseConvention(row[0])
		if err != nil {
			t.Fatal(err)
		}
		words, want := expectTags(row[1])
		got, err := r.TagWords(context.Background(), words, conv)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: %s\n got  %s\n want %s", conv, strings.Join(words, " "), strings.Join(got, " "), strings.Join(want, " "))
		}
	}
}

func TestParseConvention(t *testing.T) {
	for in, want := range map[string]Convention{"": ConventionMarsad, "marsad": ConventionMarsad, "anercorp": ConventionANERcorp} {
		if got, err := ParseConvention(in); err != nil || got != want {
			t.Errorf("ParseConvention(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseConvention("conll2003"); err == nil || !strings.Contains(err.Error(), "conll2003") {
		t.Errorf("unknown convention: err %v, want one naming it", err)
	}
}
