package store

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// readCases reads TAB-separated cases from a testdata file, skipping
// comments and blank lines.
func readCases(t *testing.T, name string, fields int) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" && !strings.Contains(s, "\t") {
			continue
		}
		parts := strings.Split(s, "\t")
		if len(parts) != fields {
			t.Fatalf("%s:%d: want %d fields, got %d", name, line, fields, len(parts))
		}
		out = append(out, parts)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParseQuery(t *testing.T) {
	for _, c := range readCases(t, "testdata/parse.tsv", 2) {
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
