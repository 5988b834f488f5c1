package tagger

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/eval/conll"
)

// readTestdata reads one of the package's own hand-written CoNLL files.
func readTestdata(t *testing.T, name string) []conll.Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conll.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sents
}

// validBIO reports whether every I-X of tags continues a B-X or I-X.
func validBIO(tags []string) bool {
	prev := ""
	for _, tag := range tags {
		if !allowed(prev, tag) {
			return false
		}
		prev = tag
	}
	return true
}

func TestTrainLearnsNamesInNewContexts(t *testing.T) {
	train := readTestdata(t, "train.conll")
	test := readTestdata(t, "test.conll")
	m, err := Train(train, nil, DefaultFeatures, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"B-LOC", "B-ORG", "B-PER", "I-ORG", "I-PER", "O"}; !slices.Equal(m.Labels(), want) {
		t.Errorf("Labels = %q, want %q", m.Labels(), want)
	}
	for _, s := range append(slices.Clone(train), test...) {
		if got, want := m.Tag(s.Words(), nil), s.Tags(); !slices.Equal(got, want) {
			t.Errorf("Tag(%q) = %q, want %q", s.Words(), got, want)
		}
	}
	rep, err := m.Evaluate(test, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Micro.TP != 4 || rep.Micro.FP != 0 || rep.Micro.FN != 0 {
		t.Errorf("Evaluate on test.conll = %+v, want 4 found, none wrong or missed:\n%s", rep.Micro, rep)
	}
}

func TestTagUnknownWordsAndEmpty(t *testing.T) {
	m, err := Train(readTestdata(t, "train.conll"), nil, DefaultFeatures, 5)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(nil, nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %q, want no tags", got)
	}
	words := strings.Fields("ذهب الطلاب إلى المكتبة صباحا .")
	got := m.Tag(words, nil)
	if len(got) != len(words) || !validBIO(got) {
		t.Errorf("Tag(%q) = %q: want one valid BIO tag per word", words, got)
	}
}

// synthetic returns n sentences of words never repeated (the words say
// nothing about the tags) with one B-LOC at a pseudo-random position;
// the extra column carries the tags themselves.
func synthetic(rng *rand.Rand, n int, stem string) ([]conll.Sentence, [][]string) {
	var sents []conll.Sentence
	var extra [][]string
	for k := range n {
		length := 3 + rng.IntN(5)
		loc := rng.IntN(length)
		var s conll.Sentence
		var x []string
		for i := range length {
			tag := "O"
			if i == loc {
				tag = "B-LOC"
			}
			s = append(s, conll.Token{Text: fmt.Sprintf("%s%d%s%d", stem, k, "ك", i), Tag: tag})
			x = append(x, tag)
		}
		sents = append(sents, s)
		extra = append(extra, x)
	}
	return sents, extra
}

func TestExtraColumnIsAFeature(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	train, trainX := synthetic(rng, 60, "تدريب")
	test, testX := synthetic(rng, 20, "اختبار")

	stacked, err := Train(train, trainX, DefaultFeatures, 3)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := stacked.Evaluate(test, testX)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Micro.F1() != 1 {
		t.Errorf("with the extra column: micro-F1 %.4f, want 1 (the column is the answer):\n%s", rep.Micro.F1(), rep)
	}

	plain, err := Train(train, nil, DefaultFeatures, 3)
	if err != nil {
		t.Fatal(err)
	}
	rep, err = plain.Evaluate(test, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("without the extra column: micro-F1 %.4f", rep.Micro.F1())
	if rep.Micro.F1() > 0.5 {
		t.Errorf("without the extra column: micro-F1 %.4f on words that say nothing; the column leaked in:\n%s", rep.Micro.F1(), rep)
	}
}

func TestDecodingKeepsBIO(t *testing.T) {
	for _, c := range []struct {
		prev, cur string
		want      bool
	}{
		{"", "I-PER", false},
		{"O", "I-PER", false},
		{"B-LOC", "I-PER", false},
		{"B-PER", "I-PER", true},
		{"I-PER", "I-PER", true},
		{"O", "B-PER", true},
		{"", "O", true},
		{"I-ORG", "B-ORG", true},
	} {
		if got := allowed(c.prev, c.cur); got != c.want {
			t.Errorf("allowed(%q, %q) = %v, want %v", c.prev, c.cur, got, c.want)
		}
	}

	// Training data with an I- tag that continues nothing (as annotation
	// slips in real corpora): the tagger must still not output one.
	var train []conll.Sentence
	for range 5 {
		train = append(train,
			conll.Sentence{{Text: "قال", Tag: "O"}, {Text: "حداد", Tag: "I-PER"}, {Text: ".", Tag: "O"}},
			conll.Sentence{{Text: "ليلى", Tag: "B-PER"}, {Text: "حداد", Tag: "I-PER"}, {Text: "قالت", Tag: "O"}},
		)
	}
	m, err := Train(train, nil, DefaultFeatures, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range [][]string{{"قال", "حداد", "."}, {"حداد"}, {"ليلى", "حداد", "قالت"}} {
		if got := m.Tag(words, nil); !validBIO(got) {
			t.Errorf("Tag(%q) = %q: an I- tag continues nothing", words, got)
		}
	}
	if got, want := m.Tag([]string{"ليلى", "حداد", "قالت"}, nil), []string{"B-PER", "I-PER", "O"}; !slices.Equal(got, want) {
		t.Errorf("Tag of a training sentence = %q, want %q", got, want)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	train := readTestdata(t, "train.conll")
	a, err := Train(train, nil, DefaultFeatures, 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(train, nil, DefaultFeatures, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.w, b.w) || !reflect.DeepEqual(a.trans, b.trans) || !reflect.DeepEqual(a.index, b.index) {
		t.Error("two trainings on the same data gave different weights")
	}
	if a.NumFeatures() == 0 || len(a.w) != a.NumFeatures()*len(a.labels) {
		t.Errorf("%d features, %d weights for %d labels", a.NumFeatures(), len(a.w), len(a.labels))
	}
}

func TestTrainAndEvaluateErrors(t *testing.T) {
	train := readTestdata(t, "train.conll")
	if _, err := Train(nil, nil, DefaultFeatures, 3); err == nil {
		t.Error("Train with no sentences: no error")
	}
	if _, err := Train(train, nil, DefaultFeatures, 0); err == nil {
		t.Error("Train with 0 epochs: no error")
	}
	if _, err := Train(train, make([][]string, 2), DefaultFeatures, 1); err == nil {
		t.Error("Train with too few extra columns: no error")
	}
	extra := make([][]string, len(train))
	for k, s := range train {
		extra[k] = make([]string, len(s))
	}
	extra[3] = extra[3][1:]
	if _, err := Train(train, extra, DefaultFeatures, 1); err == nil || !strings.Contains(err.Error(), "sentence 3") {
		t.Errorf("Train with a short extra column: error %v, want one naming sentence 3", err)
	}
	m, err := Train(train, nil, DefaultFeatures, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Evaluate(train, extra[:1]); err == nil {
		t.Error("Evaluate with too few extra columns: no error")
	}
	defer func() {
		if recover() == nil {
			t.Error("Tag with a short extra column did not panic")
		}
	}()
	m.Tag([]string{"أ", "ب"}, []string{"O"})
}

// features returns the features DefaultFeatures gives each token, as
// "name=value".
func features(words, extra []string) [][]string {
	out := make([][]string, len(words))
	DefaultFeatures(words, extra, func(i int, name, value string) {
		out[i] = append(out[i], name+"="+value)
	})
	return out
}

func TestDefaultFeatures(t *testing.T) {
	words := []string{"وبغداد", "عاصمةُ", "العراق"}
	f := features(words, nil)
	for _, want := range []string{
		"w=وبغداد", "n=وبغداد", "p1=و", "p3=وبغ", "s1=د", "s3=داد", "st=بغداد", "pc=و",
		"sh=a", "n-1=<s>", "n-2=<s>", "n+1=عاصمه", "n+2=العراق", "st+1=عاصمه", "n|n+1=وبغداد|عاصمه",
	} {
		if !slices.Contains(f[0], want) {
			t.Errorf("features of %s lack %s: %q", words[0], want, f[0])
		}
	}
	for _, want := range []string{"w=العراق", "st=عراق", "pc=ال", "n+1=</s>", "n-2=وبغداد", "n-1|n=عاصمه|العراق"} {
		if !slices.Contains(f[2], want) {
			t.Errorf("features of %s lack %s: %q", words[2], want, f[2])
		}
	}
	for _, fs := range f {
		for _, s := range fs {
			if strings.HasPrefix(s, "x") {
				t.Errorf("feature %s without an extra column", s)
			}
		}
	}
	f = features(words, []string{"B-LOC", "O", "B-LOC"})
	for _, want := range []string{"x=B-LOC", "x-1=<s>", "x+1=O", "x-1|x=<s>|B-LOC", "x|sh=B-LOC|a"} {
		if !slices.Contains(f[0], want) {
			t.Errorf("features with extra lack %s: %q", want, f[0])
		}
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{
		"بغداد":  "a",
		"مُحمّد": "a",
		"G20":    "Xd",
		"iPhone": "xXx",
		"12/7":   "dpd",
		"٢٠٢١":   "d",
		"«":      "p",
		"":       "",
	} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAveragedWeights follows one epoch on one sentence by hand. The
// labels are B-LOC, O; with all weights zero Viterbi breaks ties to the
// first label, so it predicts B-LOC B-LOC for gold B-LOC O. The update
// at example 1 moves the second token's features and the B-LOC→O
// transition by ±1; the average over examples 1 and 2 (w − u/c with
// c = 2) halves it. Untouched features stay at zero.
func TestAveragedWeights(t *testing.T) {
	m, err := Train([]conll.Sentence{{{Text: "أ", Tag: "B-LOC"}, {Text: "ب", Tag: "O"}}}, nil, DefaultFeatures, 1)
	if err != nil {
		t.Fatal(err)
	}
	nl := len(m.labels)
	weight := func(name, value string, label int) float64 {
		row, ok := m.index[featureKey(name, value)]
		if !ok {
			t.Fatalf("no feature %s=%s", name, value)
		}
		return m.w[int(row)*nl+label]
	}
	const bloc, o = 0, 1
	for _, c := range []struct {
		name, value string
		label       int
		want        float64
	}{
		{"w", "ب", o, 0.5},
		{"w", "ب", bloc, -0.5},
		{"bias", "", o, 0.5},
		{"n-1", "ا", o, 0.5},
		{"w", "أ", o, 0},
		{"w", "أ", bloc, 0},
	} {
		if got := weight(c.name, c.value, c.label); got != c.want {
			t.Errorf("weight of %s=%s for %s = %v, want %v", c.name, c.value, m.labels[c.label], got, c.want)
		}
	}
	if got := m.trans[(bloc+1)*nl+o]; got != 0.5 {
		t.Errorf("transition B-LOC→O = %v, want 0.5", got)
	}
	if got := m.trans[(bloc+1)*nl+bloc]; got != -0.5 {
		t.Errorf("transition B-LOC→B-LOC = %v, want -0.5", got)
	}
	if got := m.trans[0*nl+bloc]; got != 0 {
		t.Errorf("transition start→B-LOC = %v, want 0", got)
	}
}
