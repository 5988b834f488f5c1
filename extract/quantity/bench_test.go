package quantity

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-project/marsad/extract/timex"
)

// corpusTexts reads up to limit bytes of article text from each corpus
// under ../shared/corpora.
func corpusTexts(b *testing.B, limit int) []string {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(b), "corpora", "*", "articles.jsonl.gz"))
	if err != nil || len(files) == 0 {
		b.Skip("no corpora")
	}
	var texts []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		n := 0
		for sc.Scan() && n < limit {
			var a struct {
				Title string `json:"title"`
				Text  string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				b.Fatal(err)
			}
			t := a.Title + "\n\n" + a.Text
			texts = append(texts, t)
			n += len(t)
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		zr.Close()
		f.Close()
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
	cpu0 := cpuTime()
	for range b.N {
		for _, t := range texts {
			times := timex.Extract(t, anchor)
			Extract(t, times)
		}
	}
	reportCPU(b, cpu0, total)
}

// cpuTime returns the process CPU time (user + system). On a shared
// machine the wall-clock MB/s understates the speed of one core; the
// cpu-MB/s metric divides by the CPU time actually spent.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, cpu0 time.Duration, bytes int) {
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkLinear runs times + quantities on 1, 10 and 100 copies of a
// long article: the MB/s figure stays flat when the cost is linear.
func BenchmarkLinear(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join(sharedDir(b), "seed", "000_8cc831d112bdeee4.txt"))
	if err != nil {
		b.Skip("seed not present")
	}
	anchor := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{1, 10, 100} {
		text := strings.Repeat(string(seed)+"\n\n", n)
		b.Run(map[int]string{1: "1x", 10: "10x", 100: "100x"}[n], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu0 := cpuTime()
			for range b.N {
				Extract(text, timex.Extract(text, anchor))
			}
			reportCPU(b, cpu0, len(text))
		})
	}
}
