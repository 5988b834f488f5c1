package entity

import (
	"context"
	"github.com/marsad-project/marsad/internal/cputime"
	"runtime"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

// loadCorpus reads up to max articles (title + text) from corpus name
// under ../shared/corpora, skipping the benchmark when it is absent.
func loadCorpus(b *testing.B, name string, max int) []string {
	b.Helper()
	var out []string
	sharedtest.Corpus(b, name, func(title, text string) bool {
		out = append(out, title+"\n\n"+text)
		return len(out) < max
	})
	return out
}

// BenchmarkAnnotate measures recognition throughput (MB/s of article
// text, one goroutine, and MB per CPU second of the process) over the
// first 2,000 articles of each corpus.
func BenchmarkAnnotate(b *testing.B) {
	for _, c := range []string{"ant-multisource", "ant-jawharafm", "saudinewsnet"} {
		b.Run(c, func(b *testing.B) {
			texts := loadCorpus(b, c, 2000)
			total := 0
			for _, t := range texts {
				total += len(t)
			}
			r := testRecognizer(b)
			ctx := context.Background()
			b.SetBytes(int64(total))
			cpu0 := cputime.Process()
			b.ResetTimer()
			ents := 0
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					doc := &marsad.Doc{Text: t}
					if err := r.Annotate(ctx, doc); err != nil {
						b.Fatal(err)
					}
					ents += len(doc.Entities)
				}
			}
			b.StopTimer()
			if cpu := cputime.Process() - cpu0; cpu > 0 {
				// Throughput per CPU second of this process: meaningful
				// even when other jobs share the machine.
				b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
			}
			b.ReportMetric(float64(ents)/float64(b.N*len(texts)), "entities/article")
		})
	}
}

// BenchmarkLoadLexicon measures building the built-in lexicons and the
// heap they keep.
func BenchmarkLoadLexicon(b *testing.B) {
	var lx *Lexicon
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		var err error
		if lx, err = LoadLexicon(""); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/(1<<20), "heap-MB")
	runtime.KeepAlive(lx)
}
