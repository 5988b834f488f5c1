package pipeline

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store/sqlite"
)

// corpusPaths returns the articles.jsonl.gz of each shared corpus
// (../shared/corpora next to the module root) or skips.
func corpusPaths(b *testing.B) []string {
	b.Helper()
	var out []string
	for _, name := range sharedtest.Corpora(b) {
		out = append(out, sharedtest.CorpusPath(b, name))
	}
	return out
}

// limitReader stops after n articles (n <= 0: no limit).
type limitReader struct {
	Reader
	n, seen int
}

func (l *limitReader) Next(ctx context.Context) (marsad.Article, error) {
	if l.n > 0 && l.seen >= l.n {
		return marsad.Article{}, io.EOF
	}
	l.seen++
	return l.Reader.Next(ctx)
}

// BenchmarkIngestCorpus ingests the shared corpora (limit with
// MARSAD_BENCH_LIMIT=N articles) into a fresh archive (kept in the
// directory MARSAD_BENCH_KEEP when set) without extraction
// and reports articles/s and the file size against the raw text size.
func BenchmarkIngestCorpus(b *testing.B) {
	paths := corpusPaths(b)
	limit, _ := strconv.Atoi(os.Getenv("MARSAD_BENCH_LIMIT"))
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if keep := os.Getenv("MARSAD_BENCH_KEEP"); keep != "" {
			dir = keep // leave the archive there for inspection
		}
		db, err := sqlite.Open(context.Background(), filepath.Join(dir, "a.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		ctx := context.Background()
		sum, err := Run(ctx, Config{Store: db, Reader: &limitReader{Reader: source.Walk(ctx, paths, source.Options{}), n: limit},
			Logger: quiet()})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var raw int64
		if err := db.SQL().QueryRow("SELECT coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0) FROM articles").Scan(&raw); err != nil {
			b.Fatal(err)
		}
		db.Close()
		size := fileSize(filepath.Join(dir, "a.db")) + fileSize(filepath.Join(dir, "a.db-wal"))
		b.ReportMetric(float64(sum.Read)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric(float64(size)/float64(raw), "disk/raw")
		b.Logf("%s; raw text %d MB, file %d MB", sum, raw>>20, size>>20)
		b.StartTimer()
	}
}

func fileSize(p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return st.Size()
}
