package arabic

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Peer suites: the normalizer, stemmer and analyzer test pairs of Lucene
// and bleve, read from ../shared/peer. Where Marsad deliberately differs,
// the case is listed in testdata/peer-differences.tsv with our output and
// the reason; any other disagreement fails, and so does a listed
// difference that no longer occurs.

// peerDiff is one listed disagreement.
type peerDiff struct {
	ours   string
	reason string
	used   bool
}

func loadPeerDiffs(t *testing.T) map[string]*peerDiff {
	t.Helper()
	m := make(map[string]*peerDiff)
	for _, row := range readTSV(t, "testdata/peer-differences.tsv", 6) {
		k := diffKey(row.fields[0], row.fields[1], row.fields[2])
		if _, dup := m[k]; dup {
			t.Fatalf("peer-differences.tsv:%d: duplicate case %s", row.line, k)
		}
		if strings.TrimSpace(row.fields[5]) == "" {
			t.Fatalf("peer-differences.tsv:%d: no reason given", row.line)
		}
		m[k] = &peerDiff{ours: row.fields[4], reason: row.fields[5]}
	}
	return m
}

func diffKey(suite, file, input string) string { return suite + "/" + file + "\t" + input }

// caseName names a peer case by its input and its label in the peer file
// (some inputs occur twice with different configurations).
func caseName(input, label string) string {
	if label == "" {
		return input
	}
	return input + " [" + label + "]"
}

// peerCase compares ours with the peer's expected output.
func peerCase(t *testing.T, diffs map[string]*peerDiff, suite, file, input, expected, ours string) bool {
	t.Helper()
	k := diffKey(suite, file, input)
	d, listed := diffs[k]
	switch {
	case ours == expected && listed:
		t.Errorf("%s/%s %q: agrees now (%q) but is listed as a difference", suite, file, input, ours)
		d.used = true
		return true
	case ours == expected:
		return true
	case !listed:
		t.Errorf("%s/%s %q: peer %q, ours %q (unlisted difference)", suite, file, input, expected, ours)
		return false
	case d.ours != ours:
		t.Errorf("%s/%s %q: peer %q, ours %q, listed ours %q", suite, file, input, expected, ours, d.ours)
	}
	d.used = true
	return false
}

// mapWords applies f to each whitespace-separated word of s.
func mapWords(s string, f func(string) string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = f(w)
	}
	return strings.Join(words, " ")
}

// stopSet reads a peer stop list (one word per line).
func stopSet(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	m := make(map[string]bool)
	for _, w := range strings.Fields(string(b)) {
		m[w] = true
	}
	return m
}

// analyzeWithStops is our analysis chain with a peer's stop filter in
// front (the stop list is the peer's configuration, not ours): the terms
// of the word and number tokens, with their 1-based positions and byte
// offsets.
func analyzeWithStops(s string, stops map[string]bool) (terms []string, positions []int, offsets [][2]int) {
	pos := 0
	for _, a := range Analyze(s) {
		if a.Stem == "" {
			continue
		}
		pos++
		if stops[strings.ToLower(NormalizeString(a.Text, Options{NFKC: true}))] {
			continue
		}
		terms = append(terms, a.Stem)
		positions = append(positions, pos)
		offsets = append(offsets, [2]int{a.Start, a.End})
	}
	return terms, positions, offsets
}

func TestPeerSuites(t *testing.T) {
	peer := sharedDir(t, "peer")
	diffs := loadPeerDiffs(t)
	total, agree := 0, 0
	count := func(ok bool) {
		total++
		if ok {
			agree++
		}
	}
	savoy := stopSet(t, filepath.Join(peer, "bleve-ar", "stopwords.txt"))
	norm := func(w string) string { return NormalizeString(w, SearchOptions()) }

	for _, tc := range []struct{ suite, file string }{
		{"lucene-arabic", "normalization.tsv"},
		{"bleve-ar", "normalizer.tsv"},
	} {
		for _, row := range readTSV(t, filepath.Join(peer, tc.suite, tc.file), 0)[1:] {
			count(peerCase(t, diffs, tc.suite, tc.file, caseName(row.fields[0], row.fields[2]), row.fields[1], mapWords(row.fields[0], norm)))
		}
	}
	for _, tc := range []struct{ suite, file string }{
		{"lucene-arabic", "stem.tsv"},
		{"bleve-ar", "stemmer.tsv"},
	} {
		for _, row := range readTSV(t, filepath.Join(peer, tc.suite, tc.file), 0)[1:] {
			count(peerCase(t, diffs, tc.suite, tc.file, caseName(row.fields[0], row.fields[2]), row.fields[1], mapWords(row.fields[0], Stem)))
		}
	}
	// Lucene's whole analyzer, with its configured stop set.
	for _, row := range readTSV(t, filepath.Join(peer, "lucene-arabic", "analyzer.tsv"), 0)[1:] {
		stops := savoy
		switch cfg := row.fields[2]; {
		case cfg == "default":
		case strings.HasPrefix(cfg, "stopwords=(empty)"):
			stops = nil
		case strings.HasPrefix(cfg, "stopwords="):
			stops = map[string]bool{}
			for _, w := range strings.Split(strings.TrimPrefix(cfg, "stopwords="), ",") {
				stops[w] = true
			}
		}
		terms, _, _ := analyzeWithStops(row.fields[0], stops)
		count(peerCase(t, diffs, "lucene-arabic", "analyzer.tsv", caseName(row.fields[0], row.fields[2]+"; "+row.fields[3]), row.fields[1], strings.Join(terms, " ")))
	}
	// bleve's analyzer: terms, positions and byte offsets.
	for _, row := range readTSV(t, filepath.Join(peer, "bleve-ar", "analyzer.tsv"), 0)[1:] {
		terms, positions, offsets := analyzeWithStops(row.fields[0], savoy)
		var ps, os []string
		for i := range terms {
			ps = append(ps, itoa(positions[i]))
			os = append(os, itoa(offsets[i][0])+"-"+itoa(offsets[i][1]))
		}
		ours := strings.Join(terms, " ") + " | " + strings.Join(ps, " ") + " | " + strings.Join(os, " ")
		want := row.fields[1] + " | " + row.fields[2] + " | " + row.fields[3]
		count(peerCase(t, diffs, "bleve-ar", "analyzer.tsv", caseName(row.fields[0], row.fields[4]), want, ours))
	}
	for k, d := range diffs {
		if !d.used {
			t.Errorf("peer-differences.tsv: case %q not found in the peer suites", k)
		}
	}
	t.Logf("peer agreement: %d/%d cases (%.1f%%); every difference is listed in testdata/peer-differences.tsv", agree, total, 100*float64(agree)/float64(total))
}

func itoa(i int) string { return strconv.Itoa(i) }

// light10 is Larkey's light10 stemmer as Lucene implements it, after
// search normalization: the reference for the golden-corpus comparison.
func light10(w string) string {
	r := []rune(NormalizeString(w, SearchOptions()))
	has := func(p string, suffix bool) bool {
		pr := []rune(p)
		if len(r) < len(pr) {
			return false
		}
		if suffix {
			return string(r[len(r)-len(pr):]) == p
		}
		return string(r[:len(pr)]) == p
	}
	for _, p := range []string{"ال", "وال", "بال", "كال", "فال", "لل", "و"} {
		n := len([]rune(p))
		if has(p, false) && (n == 1 && len(r) > 3 || n > 1 && len(r) >= n+2) {
			r = r[n:]
			break
		}
	}
	for _, s := range []string{"ها", "ان", "ات", "ون", "ين", "يه", "يه", "ه", "ه", "ي"} {
		n := len([]rune(s))
		if has(s, true) && len(r) >= n+2 {
			r = r[:len(r)-n]
		}
	}
	return string(r)
}

// TestGoldenCorpusAgreement reports how often Stem gives the golden
// corpus's stem. The corpus is mostly Quranic vocabulary with stems that
// are closer to lemmas than to light stems, so this is a soft score, not
// a pass/fail test: both sides are search-normalized and the bare hamza ء
// (which the corpus writes without a seat) is removed before comparing.
// Light10 is scored the same way for reference.
func TestGoldenCorpusAgreement(t *testing.T) {
	path := filepath.Join(sharedDir(t, "peer", "golden-corpus-arabic"), "word_stem_root.tsv")
	rows := readTSV(t, path, 3)[1:]
	canon := func(s string) string {
		return strings.ReplaceAll(NormalizeString(s, SearchOptions()), "ء", "")
	}
	ours, ref := 0, 0
	for _, row := range rows {
		want := canon(row.fields[1])
		if canon(Stem(row.fields[0])) == want {
			ours++
		}
		if canon(light10(row.fields[0])) == want {
			ref++
		}
	}
	n := float64(len(rows))
	t.Logf("golden corpus: Stem agrees on %d/%d words (%.1f%%); light10 %d/%d (%.1f%%)", ours, len(rows), 100*float64(ours)/n, ref, len(rows), 100*float64(ref)/n)
	if ours < ref {
		t.Errorf("Stem agrees less often than light10 (%d < %d)", ours, ref)
	}
}
