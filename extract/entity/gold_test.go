package entity

import (
	"context"
	"testing"
)

// TestGold scores the recognizer on the gold set of our own news
// paragraphs (testdata/gold). The target is mention F1 ≥ 0.90;
// the floors below are what the recognizer reaches today, so that a
// regression fails.
func TestGold(t *testing.T) {
	docs, err := ReadGoldDir("testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 40 {
		t.Fatalf("gold set has %d paragraphs, want ≥ 40", len(docs))
	}
	r := testRecognizer(t)
	rep, err := r.EvalGold(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gold set, %d paragraphs:\n%s", len(docs), rep)
	for _, e := range rep.Errors {
		t.Log(e)
	}
	const (
		mentionFloor = 0.99 // measured 0.9933
		linkFloor    = 0.98 // measured 1.0000
	)
	if f1 := rep.Mentions.Micro.F1(); f1 < mentionFloor {
		t.Errorf("mention F1 %.4f below floor %.2f (target 0.90)", f1, mentionFloor)
	}
	if acc := rep.LinkAccuracy(); acc < linkFloor {
		t.Errorf("linking accuracy %.4f below floor %.2f", acc, linkFloor)
	}
}
