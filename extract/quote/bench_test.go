package quote

import (
	"github.com/marsad-project/marsad/internal/cputime"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

// corpusDocs reads up to limit bytes of articles from each corpus under
// ../shared/corpora, skipping when absent.
func corpusDocs(b testing.TB, limit int) ([]*marsad.Doc, int) {
	b.Helper()
	var docs []*marsad.Doc
	total := 0
	for _, name := range sharedtest.Corpora(b) {
		n := 0
		sharedtest.Corpus(b, name, func(title, body string) bool {
			text := body
			bodyStart := 0
			if title != "" {
				text = title + "\n\n" + body
				bodyStart = len(title) + 2
			}
			docs = append(docs, &marsad.Doc{Title: title, Text: text, BodyStart: bodyStart})
			n += len(text)
			return n < limit
		})
		total += n
	}
	return docs, total
}

// BenchmarkCorpora measures extraction speed on one core over the first
// 8 MB of each corpus.
func BenchmarkCorpora(b *testing.B) {
	docs, total := corpusDocs(b, 8<<20)
	x := New(Options{})
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu0 := cputime.Process()
	quotes := 0
	for b.Loop() {
		quotes = 0
		for _, d := range docs {
			res, err := x.Analyze(d)
			if err != nil {
				b.Fatal(err)
			}
			quotes += len(res.Quotes)
		}
	}
	cpu := cputime.Process() - cpu0
	b.ReportMetric(float64(quotes)/float64(total)*1e6, "quotes/MB")
	// On a shared machine wall time includes waiting for a core; the CPU
	// time this process used gives the one-core throughput.
	if cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}
