package arabic

import "testing"

func TestWordSet(t *testing.T) {
	words := []string{"الله", "الذين", "بغداد", "في", "من", "a", "ab", "abc"}
	ws := newWordSet(append(words, ""))
	for _, w := range words {
		if !ws.has(w) || !ws.hasBytes([]byte(w)) {
			t.Errorf("%q not found", w)
		}
	}
	for _, w := range []string{"", "لله", "بغدا", "abcd", "b", "فيه"} {
		if ws.has(w) || ws.hasBytes([]byte(w)) {
			t.Errorf("%q found but not in the set", w)
		}
	}
	if n := testing.AllocsPerRun(100, func() { ws.hasBytes([]byte{0xd9, 0x81}) }); n != 0 {
		t.Errorf("hasBytes allocates %v times", n)
	}
}
