package entity

import (
	"context"
	"os"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// TestANERcorpDev scores the recognizer on the ANERcorp dev split (research
// only; read from ../shared at test time, never copied), in Marsad's own
// span convention and in ANERcorp's (proper names only, see Convention).
// The target is micro-F1 ≥ 0.75 with rules and lexicons alone; the
// floors asserted here are that target and what the recognizer reaches in
// its own convention, so a regression fails.
func TestANERcorpDev(t *testing.T) {
	p := sharedtest.Path(t, "ner/anercorp/dev.txt")
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		conv  Convention
		floor float64
	}{
		{ConventionMarsad, floorMarsad},
		{ConventionANERcorp, floorANERcorp},
	} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := r.EvalCoNLL(context.Background(), f, tc.conv)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("ANERcorp dev, %s convention:\n%s", tc.conv, rep)
		if f1 := rep.Micro.F1(); f1 < tc.floor {
			t.Errorf("%s convention: micro-F1 %.4f below floor %.3f (target 0.75)", tc.conv, f1, tc.floor)
		}
	}
}

// Floors: the target (0.75) in ANERcorp's convention, which the
// recognizer reaches (0.7541 when set), and just under the figure measured
// in Marsad's convention (0.6918).
const (
	floorMarsad   = 0.69
	floorANERcorp = 0.75
)
