package arabic

import (
	"os"
	"strings"
	"testing"
)

func seedText(b *testing.B) string {
	data, err := os.ReadFile(sharedDir(b, "seed", "000_8cc831d112bdeee4.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkDbgSeedAnalyze(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Analyze(s)
	}
}
func BenchmarkDbgSeedTokenize(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Tokenize(s)
	}
}
func BenchmarkDbgSeedNormalize(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Normalize(s, SearchOptions())
	}
}
func BenchmarkDbgSeedLower(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		strings.ToUpper(s)
	}
}
