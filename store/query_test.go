package store

import (
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

func TestParseQuery(t *testing.T) {
	for _, c := range sharedtest.TSV(t, "testdata/parse.tsv", 2) {
		in, want := c[0], c[1]
		q, err := ParseQuery(in)
		if want == "error" {
			if err == nil {
				t.Errorf("ParseQuery(%q) = %q, want error", in, q.String())
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", in, err)
			continue
		}
		if got := q.String(); got != want {
			t.Errorf("ParseQuery(%q) = %q, want %q", in, got, want)
		}
		// Rendering is a fixed point: parsing the rendering gives it back.
		q2, err := ParseQuery(q.String())
		if err != nil || q2.String() != q.String() {
			t.Errorf("reparse %q = %q, %v", q.String(), q2.String(), err)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`بايدن "الانسحاب الأميركي" -ترامب OR ترمب امريك*`, `«a» “b” OR c`, `-"`, `OR`, `a OR`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		if len(q.Groups) == 0 {
			t.Fatalf("ParseQuery(%q): no groups and no error", s)
		}
		for _, g := range q.Groups {
			for _, c := range g {
				if c.Text == "" {
					t.Fatalf("ParseQuery(%q): empty clause", s)
				}
			}
		}
		// Analysis of any parsed query must not panic.
		_, _ = Compile(q)
	})
}
