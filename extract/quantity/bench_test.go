package quantity

import (
	"github.com/marsad-project/marsad/internal/cputime"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/extract/timex"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

// corpusTexts reads up to limit bytes of article text (title and body)
// from each corpus under ../shared/corpora.
func corpusTexts(b *testing.B, limit int) []string {
	b.Helper()
	var texts []string
	for _, name := range sharedtest.Corpora(b) {
		n := 0
		sharedtest.Corpus(b, name, func(title, text string) bool {
			t := title + "\n\n" + text
			texts = append(texts, t)
			n += len(t)
			return n < limit
		})
	}
	return texts
}

// BenchmarkCorpora measures times + quantities over the first 4 MB of
// each corpus, one core.
func BenchmarkCorpora(b *testing.B) {
	texts := corpusTexts(b, 4<<20)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	anchor := time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu0 := cputime.Process()
	for range b.N {
		for _, t := range texts {
			times := timex.Extract(t, anchor)
			Extract(t, times)
		}
	}
	reportCPU(b, cpu0, total)
}

func reportCPU(b *testing.B, cpu0 time.Duration, bytes int) {
	if d := cputime.Process() - cpu0; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkLinear runs times + quantities on 1, 10 and 100 copies of a
// long article: the MB/s figure stays flat when the cost is linear.
func BenchmarkLinear(b *testing.B) {
	seed := sharedtest.ReadFile(b, sharedtest.SeedArticle)
	anchor := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{1, 10, 100} {
		text := strings.Repeat(string(seed)+"\n\n", n)
		b.Run(map[int]string{1: "1x", 10: "10x", 100: "100x"}[n], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu0 := cputime.Process()
			for range b.N {
				Extract(text, timex.Extract(text, anchor))
			}
			reportCPU(b, cpu0, len(text))
		})
	}
}
