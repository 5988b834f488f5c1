package entity

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
)

// TestEmbeddedSources checks that every embedded lexicon names its source.
func TestEmbeddedSources(t *testing.T) {
	names, err := fs.Glob(builtin, "lexicon/*.tsv")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded lexicons: %v", err)
	}
	for _, n := range names {
		b, err := builtin.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "# source:") {
			t.Errorf("%s has no '# source:' comment", n)
		}
	}
}

func TestLexiconStats(t *testing.T) {
	st := testRecognizer(t).Lexicon().Stats()
	t.Logf("%+v", st)
	if st.Entities < 800 || st.GivenNames < 500 || st.Demonyms < 1000 || st.Titles < 100 {
		t.Errorf("lexicon too small: %+v", st)
	}
}

func TestExtraLexiconDir(t *testing.T) {
	r, err := New(Options{LexiconDir: "testdata/extra"})
	if err != nil {
		t.Fatal(err)
	}
	doc := &marsad.Doc{Text: "نشر المرصد العربي تقريرا عن مقبرة وادي السلام، وقال الشيخ زرياب الموسوي إن العمل مستمر."}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"مرصد الأخبار العربية": "org:arab-news-observatory", "وادي السلام": "LOC:وادي السلام", "زرياب الموسوي": "PER:زرياب الموسوي"}
	for _, e := range doc.Entities {
		if k, ok := want[e.Name]; ok {
			if e.Key != k {
				t.Errorf("%s: key %q, want %q", e.Name, e.Key, k)
			}
			delete(want, e.Name)
		}
	}
	for n := range want {
		t.Errorf("extra lexicon entity %s not found in %+v", n, doc.Entities)
	}
}

func TestBadLexicon(t *testing.T) {
	if _, err := New(Options{LexiconDir: "testdata/badlex"}); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
		t.Errorf("bad lexicon: err = %v, want an error naming bad.tsv", err)
	}
	if _, err := New(Options{LexiconDir: "testdata/no-such-dir"}); err == nil {
		t.Error("missing lexicon dir: no error")
	}
}

// TestGivenNamesNotStopWords checks that no given name folds to a stop
// word (آن and إن both normalize to ان).
func TestGivenNamesNotStopWords(t *testing.T) {
	lx := testRecognizer(t).Lexicon()
	for g := range lx.given {
		if lx.stop[g] {
			t.Errorf("given name %q is also a stop word", g)
		}
	}
}
