package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// scoreOf returns the last decimal figure on the first line of out that
// starts with label.
func scoreOf(t *testing.T, out, label string) float64 {
	t.Helper()
	var m []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), label) {
			all := regexp.MustCompile(`[0-9]+\.[0-9]+`).FindAllString(line, -1)
			if len(all) > 0 {
				m = []string{"", all[len(all)-1]}
			}
			break
		}
	}
	if m == nil {
		t.Fatalf("no %q figure in:\n%s", label, out)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEvalCommandsOnGoldSets(t *testing.T) {
	tests := []struct {
		args  []string
		label string
		min   float64
	}{
		{[]string{"eval", "times", "../../extract/timex/testdata/gold/news.jsonl"}, "detection (exact span)", 0.9},
		{[]string{"eval", "quotes", "../../extract/quote/testdata/gold"}, "all", 0.9},
		{[]string{"eval", "entities", "../../extract/entity/testdata/gold"}, "micro", 0.85},
	}
	for _, tt := range tests {
		t.Run(tt.args[1], func(t *testing.T) {
			code, out, stderr := runCLI(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if f := scoreOf(t, out, tt.label); f < tt.min {
				t.Errorf("%s %s = %.3f, want ≥ %.2f\n%s", tt.args[1], tt.label, f, tt.min, out)
			}
		})
	}
}

func TestEvalNERCoNLL(t *testing.T) {
	dir := t.TempDir()
	// A two-sentence CoNLL file of our own: every entity kind, BIO tags.
	data := "قال O\nالرئيس O\nالأميركي O\nجو B-PER\nبايدن I-PER\nفي O\nواشنطن B-LOC\n. O\n\n" +
		"وأعلنت O\nوزارة B-ORG\nالخارجية I-ORG\nالعراقية I-ORG\nذلك O\n. O\n"
	path := filepath.Join(dir, "mini.conll")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "eval", "ner", "--conll", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		if !strings.Contains(out, typ) {
			t.Errorf("no %s row in:\n%s", typ, out)
		}
	}
	if code, _, _ := runCLI(t, "", "eval", "ner", "--conll", filepath.Join(dir, "missing.conll")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	// The ANERcorp convention leaves the ministry untagged: its ORG row
	// counts one missed entity and no found one.
	code, out, stderr = runCLI(t, "", "eval", "ner", "--convention", "anercorp", "--conll", path)
	if code != 0 {
		t.Fatalf("anercorp: exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^ORG\s+0\s+0\s+1\s`).MatchString(out) {
		t.Errorf("anercorp convention: want ORG tp 0 fp 0 fn 1 in:\n%s", out)
	}
	if code, _, _ := runCLI(t, "", "eval", "ner", "--convention", "muc", "--conll", path); code != 2 {
		t.Errorf("unknown convention: exit %d, want 2", code)
	}
}

func TestLexiconImportGeoNames(t *testing.T) {
	in := "geonameid\tname\tasciiname\tarabic_names\tcountry_code\tadmin1\tlat\tlon\tpopulation\tfeature_code\n" +
		"99\tTestabad\tTestabad\tتستاباد\tIQ\t01\t33.0\t44.0\t20000\tPPL\n"
	code, out, stderr := runCLI(t, in, "lexicon", "import-geonames", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "تستاباد") || !strings.Contains(out, "Testabad") {
		t.Errorf("imported lexicon lacks the city:\n%s", out)
	}
}
