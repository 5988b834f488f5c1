package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// BenchmarkPhrases runs Extract and Phrases on 1, 10 and 100 copies of the
// seed article: MB/s stays flat when the cost is linear in the input.
func BenchmarkPhrases(b *testing.B) {
	seed := sharedtest.ReadFile(b, sharedtest.SeedArticle)
	anchor := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{1, 10, 100} {
		text := strings.Repeat(string(seed)+"\n\n", n)
		b.Run(map[int]string{1: "1x", 10: "10x", 100: "100x"}[n], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				Phrases(text, anchor)
			}
		})
	}
}
