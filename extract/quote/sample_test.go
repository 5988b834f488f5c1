package quote

import (
	"math/rand/v2"
	"os"
	"testing"
)

// TestCorpusSample logs 60 random quotations found in the corpora with the
// text before them, for reading precision by eye (QUOTE_SAMPLE=1).
func TestCorpusSample(b *testing.T) {
	if os.Getenv("QUOTE_SAMPLE") == "" {
		b.Skip("set QUOTE_SAMPLE=1")
	}
	docs, _ := corpusDocs(b, 1<<20)
	x := New(Options{})
	r := rand.New(rand.NewPCG(7, 9))
	n := 0
	for n < 60 {
		d := docs[r.IntN(len(docs))]
		res, _ := x.Analyze(d)
		if len(res.Quotes) == 0 {
			continue
		}
		q := res.Quotes[r.IntN(len(res.Quotes))]
		lo := max(0, q.Start-150)
		for lo > 0 && d.Text[lo]&0xC0 == 0x80 {
			lo--
		}
		b.Logf("\n[%v] speaker=%q cue=%q\nTEXT=%q\nCTX=%q", q.Direct, q.SpeakerText, q.Cue, q.Text, d.Text[lo:q.Start])
		n++
	}
}
