package timex

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Targets of the issue on news text.
const (
	goldF1Target    = 0.95
	goldValueTarget = 0.93
)

// TestGold evaluates the annotator on our own news paragraphs and checks
// the targets: detection F1 (exact spans) and value accuracy.
func TestGold(t *testing.T) {
	rep, err := Evaluate(context.Background(), filepath.Join("testdata", "gold", "news.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if rep.Paragraphs < 40 {
		t.Errorf("gold set has %d paragraphs, want at least 40", rep.Paragraphs)
	}
	if rep.F1() < goldF1Target {
		t.Errorf("detection F1 %.3f below %.2f", rep.F1(), goldF1Target)
	}
	if rep.ValueAccuracy() < goldValueTarget {
		t.Errorf("value accuracy %.3f below %.2f", rep.ValueAccuracy(), goldValueTarget)
	}
}
