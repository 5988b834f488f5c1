package arabic

import "testing"

func TestAppendTokens(t *testing.T) {
	a, b := "قال الرئيس إن 2,500 جندي", "وصل الوفد إلى #بغداد_اليوم."
	got := AppendTokens(AppendTokens(nil, a), b)
	want := append(Tokenize(a), Tokenize(b)...)
	if len(got) != len(want) {
		t.Fatalf("%d tokens, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// A reused buffer gives the tokens of the new text only.
	buf := AppendTokens(nil, a)
	if again := AppendTokens(buf[:0], b); len(again) != len(Tokenize(b)) {
		t.Errorf("reused buffer: %d tokens, want %d", len(again), len(Tokenize(b)))
	}
}
