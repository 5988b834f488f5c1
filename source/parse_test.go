package source_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/source"
)

func TestParseTime(t *testing.T) {
	f, err := os.Open("testdata/times.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		n++
		got, err := source.ParseTime(in)
		switch {
		case want == "error":
			if err == nil {
				t.Errorf("ParseTime(%q) = %v, want error", in, got)
			}
		case err != nil:
			t.Errorf("ParseTime(%q): %v", in, err)
		case want == "":
			if !got.IsZero() {
				t.Errorf("ParseTime(%q) = %v, want zero", in, got)
			}
		default:
			w, err := time.Parse(time.RFC3339Nano, want)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(w) || got.Format(time.RFC3339Nano) != want {
				t.Errorf("ParseTime(%q) = %s, want %s", in, got.Format(time.RFC3339Nano), want)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d cases", n)
	}
}

func TestSameTitle(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"عنوان الخبر", "  عنوان الخبر ", true},
		{"الولايات المتّحدة تعلن", "الولايات المتحدة تعلن", true},
		{"إعلان نتائج ٢٠٢١", "اعلان نتائج 2021", true},
		{"مدرسة جديدة", "مدرسه جديده", true},
		{"عنوان الخبر", "عنوان خبر آخر", false},
		{"", "", false},
	} {
		if got := source.SameTitle(c.a, c.b); got != c.want {
			t.Errorf("SameTitle(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestDetectLang(t *testing.T) {
	if got := source.DetectLang("أعلنت الوزارة اليوم عن خطة جديدة for schools"); got != "ar" {
		t.Errorf("Arabic text: got %q", got)
	}
	if got := source.DetectLang("The ministry announced a new plan today"); got != "" {
		t.Errorf("English text: got %q", got)
	}
}
