package timex

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZDebug(t *testing.T) {
	in := os.Getenv("ZZ")
	if in == "" {
		t.Skip()
	}
	for _, s := range strings.Split(in, "|") {
		for _, e := range Extract(s, time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC)) {
			t.Logf("E %q %s %s %s %s", e.Text, e.Type, e.Value, e.Mod, e.Relative)
		}
		for _, ph := range Phrases(s, time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC)) {
			t.Logf("P %q %s", ph.Text, ph.Kind)
		}
	}
}
