package source_test

import (
	"context"
	"errors"
	"flag"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/source"
)

// corpusFlag turns on the slow checks that read whole corpora (72k
// articles, about 10 s on an idle laptop core).
var corpusFlag = flag.Bool("corpus", false, "read the whole ../shared corpora in tests")

func readAll(tb testing.TB, p string) (arts []marsad.Article, errs []error) {
	tb.Helper()
	r, err := source.Open(context.Background(), p, source.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	for {
		a, err := r.Next(context.Background())
		if errors.Is(err, io.EOF) {
			return arts, errs
		}
		if err != nil {
			if !source.IsRecordError(err) {
				tb.Fatal(err)
			}
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
}

func TestSeed(t *testing.T) {
	p := sharedtest.Path(t, "seed/000_8cc831d112bdeee4.txt")
	arts, errs := readAll(t, p)
	if len(arts) != 1 || len(errs) != 0 {
		t.Fatalf("%d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if !strings.HasPrefix(a.Title, "الفتح: الاتفاق على خروج القوات القتالية") {
		t.Errorf("title %q", a.Title)
	}
	if strings.HasPrefix(a.Body, "الفتح:") || !strings.HasPrefix(a.Body, "أعلن تحالف الفتح") {
		t.Errorf("repeated title not dropped: body starts %.60q", a.Body)
	}
	if !strings.Contains(a.Body, "\n\nوقال التحالف") || strings.HasSuffix(a.Body, "\n") {
		t.Errorf("paragraphs or trailing whitespace wrong")
	}
	if a.ID != source.ContentID(a.Title, a.Body) || a.Lang != "ar" || a.Origin != p {
		t.Errorf("id %q lang %q origin %q", a.ID, a.Lang, a.Origin)
	}
}

// TestSGMLSamples reads the SGML sample archives and checks counts and
// agreement with the JSONL conversion of the same corpus.
func TestSGMLSamples(t *testing.T) {
	for _, c := range []struct {
		dir   string
		count int
		full  bool // compare with the whole JSONL (slow for the big one)
	}{
		{"corpora/ant-jawharafm", 100, true},
		{"corpora/ant-multisource", 300, *corpusFlag},
	} {
		t.Run(path.Base(c.dir), func(t *testing.T) {
			arts, errs := readAll(t, sharedtest.Path(t, c.dir+"/sgml-sample.tar.gz"))
			if len(arts) != c.count || len(errs) != 0 {
				t.Fatalf("%d articles (want %d), errors %v", len(arts), c.count, errs)
			}
			if !c.full {
				return
			}
			byID := map[string]marsad.Article{}
			for _, a := range arts {
				// JSONL ids are file names; DOCNO differs for two files.
				// JA-politic-92 has no <SRC>: the JSONL filled it in.
				name := strings.TrimSuffix(path.Base(a.Origin[:strings.LastIndexByte(a.Origin, ':')]), ".txt")
				byID[name] = a
			}
			recs, errs := readAll(t, sharedtest.Path(t, c.dir+"/articles.jsonl.gz"))
			if len(errs) != 0 {
				t.Fatalf("jsonl errors: %v", errs[:min(len(errs), 5)])
			}
			matched := 0
			for _, j := range recs {
				s, ok := byID[j.ID]
				if !ok {
					continue
				}
				matched++
				if s.Title != j.Title || s.Body != j.Body || s.URL != j.URL || (s.Source != j.Source && j.ID != "JA-politic-92-20170201") {
					t.Errorf("%s: SGML and JSONL disagree:\n title %q / %q\n url %q / %q\n body %.80q / %.80q", j.ID, s.Title, j.Title, s.URL, j.URL, s.Body, j.Body)
				}
				if j.Published.IsZero() || s.Published.Format("2006-01-02") != j.Published.Format("2006-01-02") {
					t.Errorf("%s: published %v (SGML) vs %v (JSONL)", j.ID, s.Published, j.Published)
				}
			}
			if matched != c.count {
				t.Errorf("matched %d of %d SGML docs in the JSONL", matched, c.count)
			}
		})
	}
}

// TestCorpusCounts (with -corpus) reads every JSONL corpus in full: record counts are in
// the corpora's READMEs. Records with neither title nor text are errors.
func TestCorpusCounts(t *testing.T) {
	if !*corpusFlag {
		t.Skip("reads 72k articles; run with -corpus")
	}
	for _, c := range []struct {
		dir     string
		records int
	}{
		{"corpora/ant-jawharafm", 10161},
		{"corpora/ant-multisource", 31525},
		{"corpora/saudinewsnet", 31030},
	} {
		t.Run(path.Base(c.dir), func(t *testing.T) {
			arts, errs := readAll(t, sharedtest.Path(t, c.dir+"/articles.jsonl.gz"))
			if len(arts)+len(errs) != c.records {
				t.Errorf("%d articles + %d errors, want %d records", len(arts), len(errs), c.records)
			}
			for _, err := range errs {
				if !strings.Contains(err.Error(), "neither title nor text") {
					t.Errorf("unexpected error %v", err)
				}
			}
			ids := map[string]bool{}
			for _, a := range arts {
				if ids[a.ID] {
					t.Errorf("duplicate id %s", a.ID)
				}
				ids[a.ID] = true
			}
		})
	}
}
