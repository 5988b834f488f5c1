package arabic

import (
	"github.com/marsad-project/marsad/internal/cputime"
	"path/filepath"
	"runtime"
	"testing"
)

// Benchmarks over the three news corpora in ../shared/corpora (skipped
// when absent). Each reads the first benchArticles articles of a corpus
// (title + "\n\n" + text) and reports MB/s of input and allocations per
// article.

const benchArticles = 2000

var benchCorpora = []string{"ant-multisource", "ant-jawharafm", "saudinewsnet"}

func loadBenchCorpus(b *testing.B, name string) ([]string, int64) {
	b.Helper()
	dir := sharedDir(b, "corpora", name)
	arts, err := readCorpus(filepath.Join(dir, "articles.jsonl.gz"), benchArticles)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a))
	}
	return arts, n
}

// runCorpus runs f over every article of every corpus as one sub-benchmark
// per corpus; one iteration processes the whole sample. Besides ns/op and
// B/op it reports MB/s and allocs/article.
func runCorpus(b *testing.B, f func(string)) {
	for _, name := range benchCorpora {
		b.Run(name, func(b *testing.B) {
			arts, size := loadBenchCorpus(b, name)
			// First use builds some tables lazily (the normalizer's flags
			// of U+0800–U+2FFF and U+FB00–U+FFFF): not a cost per article.
			f("\u2013 \u201cا\u201d \ufefb \u2122")
			b.SetBytes(size)
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu0 := cputime.Process()
			b.ResetTimer()
			for b.Loop() {
				for _, a := range arts {
					f(a)
				}
			}
			b.StopTimer()
			if cpu := cputime.Process() - cpu0; cpu > 0 {
				// Throughput per CPU second of this process: meaningful
				// even when other jobs share the machine.
				b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N)/float64(len(arts)), "allocs/article")
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	opt := SearchOptions()
	runCorpus(b, func(s string) { Normalize(s, opt) })
}

func BenchmarkTokenize(b *testing.B) {
	runCorpus(b, func(s string) { Tokenize(s) })
}

// BenchmarkNormalizeTokenize is the text core's front end: the search
// normalization of the article with its offset map, and its tokens (each
// with its normalized form).
func BenchmarkNormalizeTokenize(b *testing.B) {
	opt := SearchOptions()
	runCorpus(b, func(s string) {
		Normalize(s, opt)
		Tokenize(s)
	})
}

// BenchmarkAnalyze is the full analysis: tokens, clitic segmentation and
// stems.
func BenchmarkAnalyze(b *testing.B) {
	runCorpus(b, func(s string) { Analyze(s) })
}

func BenchmarkSearchTerms(b *testing.B) {
	runCorpus(b, func(s string) { SearchTerms(s) })
}

func BenchmarkSentences(b *testing.B) {
	runCorpus(b, func(s string) { Sentences(s) })
}

func BenchmarkNumberWords(b *testing.B) {
	runCorpus(b, func(s string) { NumberWords(Tokenize(s)) })
}
