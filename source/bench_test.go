package source_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/source"
	"golang.org/x/text/encoding/charmap"
)

// countingReader counts bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// BenchmarkCorpusJSONL reads each corpus's articles.jsonl.gz and reports
// compressed MB/s, text (title+body) MB/s and articles/s.
func BenchmarkCorpusJSONL(b *testing.B) {
	for _, dir := range []string{"corpora/ant-jawharafm", "corpora/ant-multisource", "corpora/saudinewsnet"} {
		b.Run(path.Base(dir), func(b *testing.B) {
			p := sharedtest.Path(b, dir+"/articles.jsonl.gz")
			var arts, text, raw int64
			for b.Loop() {
				f, err := os.Open(p)
				if err != nil {
					b.Fatal(err)
				}
				cr := &countingReader{r: f}
				r, err := source.OpenReader(context.Background(), cr, p, source.Options{})
				if err != nil {
					b.Fatal(err)
				}
				for {
					a, err := r.Next(context.Background())
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						continue
					}
					arts++
					text += int64(len(a.Title) + len(a.Body))
				}
				r.Close()
				f.Close()
				raw += cr.n
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(raw)/1e6/s, "gzMB/s")
			b.ReportMetric(float64(text)/1e6/s, "textMB/s")
			b.ReportMetric(float64(arts)/s, "articles/s")
		})
	}
}

// BenchmarkLargeJSONL streams a generated 100 MB JSONL file and reports the
// peak heap in use.
func BenchmarkLargeJSONL(b *testing.B) {
	p := filepath.Join(b.TempDir(), "large.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	chunk := jsonlLines(100, 4000)
	size := 0
	for size < 100<<20 {
		n, _ := f.Write(chunk)
		size += n
	}
	f.Close()
	var peak uint64
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		pk, _ := streamPeakHeap(b, p)
		peak = max(peak, pk)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peakHeapMB")
}

// BenchmarkDecodeLegacy measures windows-1256 detection and decoding.
func BenchmarkDecodeLegacy(b *testing.B) {
	text := []byte(string(jsonlLines(20, 2000)))
	enc, err := charmap.Windows1256.NewEncoder().Bytes(text)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	for b.Loop() {
		if _, cs, err := source.Decode(enc); err != nil || cs != source.Windows1256 {
			b.Fatal(cs, err)
		}
	}
}

// BenchmarkSGMLSample reads the multi-source SGML sample archive (300
// <DOC> files in a tar.gz) and reports documents/s.
func BenchmarkSGMLSample(b *testing.B) {
	p := sharedtest.Path(b, "corpora/ant-multisource/sgml-sample.tar.gz")
	docs := 0
	for b.Loop() {
		arts, errs := readAll(b, p)
		if len(errs) != 0 {
			b.Fatal(errs[0])
		}
		docs += len(arts)
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
