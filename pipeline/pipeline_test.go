package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store/sqlite"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sqlite.DB, table string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// countingAnnotator counts the documents it sees and fails on any whose
// text contains fail.
type countingAnnotator struct {
	n    atomic.Int64
	fail string
}

func (c *countingAnnotator) Annotate(ctx context.Context, d *marsad.Doc) error {
	c.n.Add(1)
	if c.fail != "" && strings.Contains(d.Text, c.fail) {
		return errors.New("cannot annotate this")
	}
	return nil
}

func TestRunAndRerun(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "a.db"))
	ann := &countingAnnotator{}
	run := func() Summary {
		sum, err := Run(context.Background(), Config{
			Store: db, Reader: source.Walk(context.Background(), []string{"testdata/in/good.jsonl"}, source.Options{}),
			Annotators: []marsad.Annotator{ann}, Workers: 2, BatchSize: 2, Logger: quiet(),
		})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	sum := run()
	if sum.Read != 4 || sum.New != 3 || sum.Duplicate != 1 || sum.Failed != 0 || !sum.OK() {
		t.Errorf("first run: %s", sum)
	}
	// The English article is stored but not annotated.
	if sum.Languages["en"] != 1 || sum.Languages["ar"] != 3 || sum.Extracted != 3 || ann.n.Load() != 3 {
		t.Errorf("languages %v, extracted %d, annotator saw %d", sum.Languages, sum.Extracted, ann.n.Load())
	}
	sum = run()
	if sum.Read != 4 || sum.New != 0 || sum.Duplicate != 4 {
		t.Errorf("second run: %s", sum)
	}
	if n := count(t, db, "articles"); n != 3 {
		t.Errorf("%d articles after two runs, want 3", n)
	}
	if n := count(t, db, "sightings"); n != 4 {
		t.Errorf("%d sightings after two runs, want 4", n)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("testdata/in/good.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	// A gzip stream cut in the middle.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(good)
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "cut.jsonl.gz"), buf.Bytes()[:buf.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	db := openDB(t, filepath.Join(dir, "a.db"))
	ann := &countingAnnotator{fail: "الشواطئ"}
	inputs := []string{"testdata/in/bad.jsonl", filepath.Join(dir, "missing.jsonl"), filepath.Join(dir, "cut.jsonl.gz"), "testdata/in/good.jsonl"}
	sum, err := Run(context.Background(), Config{
		Store: db, Reader: source.Walk(context.Background(), inputs, source.Options{}),
		Annotators: []marsad.Annotator{ann}, Workers: 2, Logger: quiet(),
	})
	if err != nil {
		t.Fatal(err)
	}
	// bad.jsonl: one broken line; missing.jsonl: cannot open; cut.jsonl.gz:
	// truncated (whatever it yielded before the cut is counted as read).
	if sum.OK() || sum.Failed < 3 {
		t.Errorf("summary %s: want at least 3 failures", sum)
	}
	origins := map[string]bool{}
	for _, f := range sum.Failures {
		for _, in := range []string{"bad.jsonl:2", "missing.jsonl", "cut.jsonl.gz"} {
			if strings.Contains(f.Origin, in) || strings.Contains(f.Err, in) {
				origins[in] = true
			}
		}
	}
	if len(origins) != 3 {
		t.Errorf("failures %+v do not name all three bad inputs", sum.Failures)
	}
	// The annotator failure keeps the article, without facts.
	if sum.ExtractFailed != 1 {
		t.Errorf("extract failed on %d, want 1", sum.ExtractFailed)
	}
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM articles WHERE ext_id IN ('b1', 'b3', 'g1', 'g2', 'g3')").Scan(&n); err != nil || n != 5 {
		t.Errorf("%d of the 5 good articles stored (%v)", n, err)
	}
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestCancel(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "a.db"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, Config{Store: db, Reader: source.Walk(ctx, []string{"testdata/in/good.jsonl"}, source.Options{}), Logger: quiet()})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context: %v", err)
	}
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestDetectLanguage(t *testing.T) {
	for text, want := range map[string]string{
		"افتتحت البلدية صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من الأشغال":     "ar",
		"The local football team won the regional cup on Sunday":                        "en",
		"Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs": "fr",
		"قال الوزير": "ar",
		"":           "",
		"123 456":    "",
	} {
		if got := DetectLanguage(text); got != want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", text, got, want)
		}
	}
}
