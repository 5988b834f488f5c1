package entity

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"github.com/marsad-project/marsad"
)

// loadCorpus reads up to max articles (title + text) from a JSONL.gz corpus
// under ../shared/corpora, skipping the benchmark when it is absent.
func loadCorpus(b *testing.B, rel string, max int) []string {
	b.Helper()
	p := sharedDir(b, rel)
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []string
	for sc.Scan() && len(out) < max {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		out = append(out, a.Title+"\n\n"+a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkAnnotate measures recognition throughput (MB/s of article
// text, one goroutine) over the first 2,000 articles of each corpus.
func BenchmarkAnnotate(b *testing.B) {
	for _, c := range []string{
		"corpora/ant-multisource/articles.jsonl.gz",
		"corpora/ant-jawharafm/articles.jsonl.gz",
		"corpora/saudinewsnet/articles.jsonl.gz",
	} {
		b.Run(c[len("corpora/"):len(c)-len("/articles.jsonl.gz")], func(b *testing.B) {
			texts := loadCorpus(b, c, 2000)
			total := 0
			for _, t := range texts {
				total += len(t)
			}
			r := testRecognizer(b)
			ctx := context.Background()
			b.SetBytes(int64(total))
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
