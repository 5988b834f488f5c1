package entity

import (
	"context"
	"os"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// TestANERcorpDev scores the recognizer on the ANERcorp dev split (research
// only; read from ../shared at test time, never copied). The target
// is micro-F1 ≥ 0.75 with rules and lexicons alone; the floor asserted here
// is what the recognizer honestly reaches today, so a regression fails.
func TestANERcorpDev(t *testing.T) {
	p := sharedtest.Path(t, "ner/anercorp/dev.txt")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.EvalCoNLL(context.Background(), f, ConventionMarsad)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ANERcorp dev:\n%s", rep)
	// Measured 0.6520 (P 0.743, R 0.581): LOC 0.82, ORG 0.48, PER 0.63,
	// MISC 0.08 (mostly out of scope). Most remaining errors are names in
	// no lexicon and annotation conventions that differ from ours (ANERcorp
	// leaves out facility words and generic organization constructs).
	const floor = 0.645
	if f1 := rep.Micro.F1(); f1 < floor {
		t.Errorf("micro-F1 %.4f below floor %.2f (target 0.75)", f1, floor)
	}
}
