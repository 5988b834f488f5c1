package entity

import (
	"context"
	"testing"
)

// TestUnseen scores the recognizer on the held-out set in testdata/unseen,
// written apart from the lexicons and never used to tune them. The floors
// sit slightly below the measured figures so that a regression shows.
func TestUnseen(t *testing.T) {
	docs, err := ReadGoldDir("testdata/unseen")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 15 {
		t.Fatalf("unseen set has %d paragraphs, want at least 15", len(docs))
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.EvalGold(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.String())
	for _, e := range rep.Errors {
		t.Log(e)
	}
	// unseen set, measured 2026-11-29: 20 paragraphs, 121 mentions:
	// micro-F1 0.895 (P 0.914, R 0.876), linking 1.000 (262 pairs), keys
	// stable 1.000 (87 identities).
	const minF1, minLink, minKeys = 0.87, 0.97, 0.95
	if f := rep.Mentions.Micro.F1(); f < minF1 {
		t.Errorf("mention micro-F1 %.4f, floor %.2f", f, minF1)
	}
	if a := rep.LinkAccuracy(); a < minLink {
		t.Errorf("linking accuracy %.4f, floor %.2f", a, minLink)
	}
	if a := rep.KeyAccuracy(); a < minKeys {
		t.Errorf("key accuracy %.4f, floor %.2f", a, minKeys)
	}
}
