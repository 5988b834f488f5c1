package quote

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad"
)

// corpusDocs reads up to limit bytes of articles from each corpus under
// ../shared/corpora, skipping when absent.
func corpusDocs(b testing.TB, limit int) ([]*marsad.Doc, int) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedDir(b), "corpora", "*", "articles.jsonl.gz"))
	if len(files) == 0 {
		b.Skip("no corpora under ../shared/corpora")
	}
	var docs []*marsad.Doc
	total := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			b.Fatalf("open %s: %v", name, err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatalf("gunzip %s: %v", name, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		n := 0
		for sc.Scan() && n < limit {
			var a struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				continue
			}
			text := a.Text
			bodyStart := 0
			if a.Title != "" {
				text = a.Title + "\n\n" + a.Text
				bodyStart = len(a.Title) + 2
			}
			docs = append(docs, &marsad.Doc{Title: a.Title, Text: text, BodyStart: bodyStart})
			n += len(text)
		}
		total += n
		zr.Close()
		f.Close()
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
	cpu0 := cpuTime()
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
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(quotes)/float64(total)*1e6, "quotes/MB")
	// On a shared machine wall time includes waiting for a core; the CPU
	// time this process used gives the one-core throughput.
	if cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}
