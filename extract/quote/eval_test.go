package quote

import (
	"bytes"
	"context"
	"testing"

	"github.com/marsad-project/marsad/extract/entity"
)

// TestGoldTargets measures the extractor on the development gold set and
// holds it to the targets: direct-quotation F1 ≥ 0.92 and speaker accuracy
// ≥ 0.90.
func TestGoldTargets(t *testing.T) {
	gold, err := ReadGold("testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	nq := 0
	for _, g := range gold {
		nq += len(g.Quotes)
	}
	if len(gold) < 40 || nq < 120 {
		t.Fatalf("gold set too small: %d documents, %d quotations; want ≥ 40 and ≥ 120", len(gold), nq)
	}
	r, err := Evaluate(context.Background(), "testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, "", r, 0.92, 0.90)
}

// TestGoldTargetsWithEntities runs the entity recognizer first, as the
// pipeline does, and holds the extractor to the same targets with speakers
// linked to entities.
func TestGoldTargetsWithEntities(t *testing.T) {
	rec, err := entity.New(entity.Options{})
	if err != nil {
		t.Fatalf("entity recognizer: %v", err)
	}
	r, err := EvaluateWith(context.Background(), "testdata/gold", New(Options{}), rec)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, "", r, 0.92, 0.90)
}

// TestHeldout scores the check set written after the development set (see
// its header). It asserts only a floor below the targets, so that a
// regression shows.
func TestHeldout(t *testing.T) {
	r, err := Evaluate(context.Background(), "testdata/heldout")
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, "held-out ", r, 0.80, 0.80)
}

// checkReport logs an evaluation report and holds it to floors for
// direct-quotation F1 and speaker accuracy.
func checkReport(t *testing.T, set string, r Report, minDirect, minSpeaker float64) {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
	if f := r.Direct.F1(); f < minDirect {
		t.Errorf("%sdirect-quotation F1 = %.3f, want ≥ %.2f", set, f, minDirect)
	}
	if acc := r.SpeakerAccuracy(); acc < minSpeaker {
		t.Errorf("%sspeaker accuracy = %.3f, want ≥ %.2f", set, acc, minSpeaker)
	}
}
