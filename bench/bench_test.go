package bench

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers the "ar" analyzer

	"github.com/marsad-project/marsad/arabic"
)

// articlesPerCorpus is how many articles of each corpus are analyzed per
// iteration.
const articlesPerCorpus = 1000

var corpora = []string{"ant-multisource", "ant-jawharafm", "saudinewsnet"}

// sharedDir finds ../shared beside the repository root (the nearest
// ancestor directory holding a go.mod with ../shared next to it), or skips.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("../shared not present")
		}
		dir = parent
	}
}

// readCorpus reads up to limit articles (title + "\n\n" + text) from a
// gzipped JSON-lines corpus.
func readCorpus(path string, limit int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	defer zr.Close()
	dec := json.NewDecoder(zr)
	var out []string
	for len(out) < limit {
		var a struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := dec.Decode(&a); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return out, fmt.Errorf("decode %s: %w", path, err)
		}
		out = append(out, a.Title+"\n\n"+a.Text)
	}
	return out, nil
}

// cpuTime returns the user+system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAnalyzeVsBleve runs, in each iteration and on the same texts,
// bleve's registered "ar" analyzer (unicode tokenizer, lower-casing, NFKC,
// Arabic stop words, Arabic normalization, light stemmer) and Marsad's
// full analysis (arabic.Analyze: tokens with offsets and kinds, search
// normalization, clitic segmentation and stems). It reports both
// throughputs in MB/s of input and ours/bleve as x_vs_bleve, from wall
// time and from process CPU time (cpu_x_vs_bleve), which stays meaningful
// when other jobs share the machine, and Marsad's allocations per article.
// The heap is collected (untimed) before each phase.
func BenchmarkAnalyzeVsBleve(b *testing.B) {
	dir := sharedDir(b)
	ar := bleve.NewIndexMapping().AnalyzerNamed("ar")
	if ar == nil {
		b.Fatal(`bleve analyzer "ar" not registered`)
	}
	// First use builds some tables lazily: not a cost per article.
	arabic.Analyze("\u2013 \u201cا\u201d \ufefb \u2122")
	for _, name := range corpora {
		b.Run(name, func(b *testing.B) {
			texts, err := readCorpus(filepath.Join(dir, "corpora", name, "articles.jsonl.gz"), articlesPerCorpus)
			if err != nil {
				b.Fatal(err)
			}
			bufs := make([][]byte, len(texts))
			var size int64
			for i, t := range texts {
				bufs[i] = []byte(t)
				size += int64(len(t))
			}
			var wallBleve, wallOurs, cpuBleve, cpuOurs time.Duration
			var termsBleve, termsOurs int
			var mallocsOurs uint64
			var ms runtime.MemStats
			b.ResetTimer()
			for b.Loop() {
				// Each phase starts on a collected heap, so that one
				// analyzer's garbage is not collected on the other's time.
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				c0, t0 := cpuTime(), time.Now()
				for _, buf := range bufs {
					termsBleve += len(analyze(ar, buf))
				}
				c1, t1 := cpuTime(), time.Now()
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&ms)
				m0 := ms.Mallocs
				b.StartTimer()
				c2, t2 := cpuTime(), time.Now()
				for _, t := range texts {
					termsOurs += len(arabic.Analyze(t))
				}
				c3, t3 := cpuTime(), time.Now()
				b.StopTimer()
				runtime.ReadMemStats(&ms)
				mallocsOurs += ms.Mallocs - m0
				b.StartTimer()
				wallBleve += t1.Sub(t0)
				wallOurs += t3.Sub(t2)
				cpuBleve += c1 - c0
				cpuOurs += c3 - c2
			}
			mb := float64(size) * float64(b.N) / 1e6
			b.ReportMetric(mb/wallBleve.Seconds(), "bleve_MB/s")
			b.ReportMetric(mb/wallOurs.Seconds(), "ours_MB/s")
			b.ReportMetric(wallBleve.Seconds()/wallOurs.Seconds(), "x_vs_bleve")
			if cpuBleve > 0 && cpuOurs > 0 {
				b.ReportMetric(cpuBleve.Seconds()/cpuOurs.Seconds(), "cpu_x_vs_bleve")
			}
			b.ReportMetric(float64(termsBleve)/float64(b.N)/float64(len(texts)), "bleve_terms/article")
			b.ReportMetric(float64(termsOurs)/float64(b.N)/float64(len(texts)), "ours_tokens/article")
			b.ReportMetric(float64(mallocsOurs)/float64(b.N)/float64(len(texts)), "ours_allocs/article")
		})
	}
}

// analyze runs a bleve analyzer and returns its token stream.
func analyze(a analysis.Analyzer, text []byte) analysis.TokenStream {
	return a.Analyze(text)
}
