package entity

import (
	"context"
	"testing"
)

// TestHeldout scores the held-out paragraphs (testdata/heldout), written
// after the rules and never used to tune them.
func TestHeldout(t *testing.T) {
	docs, err := ReadGoldDir("testdata/heldout")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := testRecognizer(t).EvalGold(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out set, %d paragraphs:\n%s", len(docs), rep)
	for _, e := range rep.Errors {
		t.Log(e)
	}
	const floor = 0.925 // measured 0.9293
	if f1 := rep.Mentions.Micro.F1(); f1 < floor {
		t.Errorf("held-out mention F1 %.4f below floor %.2f (target 0.90)", f1, floor)
	}
}
