package entity

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

func TestImportGeoNames(t *testing.T) {
	tests := []struct {
		file string
		want []string // lines that must appear
		not  []string // substrings that must not appear
	}{
		{"cities.txt", []string{"LOC\tالنجف\tNajaf\tنجف|نجف اشرف\tgeonames:99000001", "LOC\tزاخو\tZakho\t\tgeonames:99000002"}, []string{"Springfield", "زاخۆ"}},
		{"alternate.txt", []string{"LOC\tزاخو\t\t\tgeonames:99000002", "LOC\tرمثا\t\tالرمثا\tgeonames:99000004"}, nil},
		{"header.tsv", []string{"LOC\tالرمثا\tRamtha\tرمثا\tgeonames:99000005", "LOC\tتبريز\tTabriz\t\tgeonames:99000006"}, []string{"تبریز"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata/geonames", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := ImportGeoNames(bytes.NewReader(in), &out); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out.String(), "\n")
			for _, w := range tc.want {
				found := false
				for _, l := range lines {
					if l == w {
						found = true
					}
				}
				if !found {
					t.Errorf("missing line %q in\n%s", w, out.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out.String(), n) {
					t.Errorf("output contains %q:\n%s", n, out.String())
				}
			}
			if !strings.Contains(out.String(), "GeoNames") {
				t.Error("no GeoNames attribution")
			}
		})
	}
}

func TestImportGeoNamesErrors(t *testing.T) {
	for _, in := range []string{"a\tb\n", "geonameid\tname\n1\tx\n", "1\tx\tar\tبغداد\n", strings.Repeat("x\t", 18) + "x\n"} {
		if err := ImportGeoNames(strings.NewReader(in), &bytes.Buffer{}); err == nil {
			t.Errorf("ImportGeoNames(%q): no error", in)
		}
	}
}

// TestImportGeoNamesShared imports ../shared/geo/cities15000-arabic.tsv
// (CC BY 4.0, GeoNames; read at test time only) and loads the result as an
// extra lexicon.
func TestImportGeoNamesShared(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	p := sharedtest.Path(t, "geo/cities15000-arabic.tsv")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "geonames.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ImportGeoNames(f, out); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{LexiconDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := r.Lexicon().Stats()
	t.Logf("with GeoNames: %+v", st)
	if st.Entities < 8000 {
		t.Errorf("only %d entities after import", st.Entities)
	}
	doc := &marsad.Doc{Text: "وصل الوفد إلى مدينة الناصرية قادما من السماوة."}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Entities) != 2 {
		t.Errorf("entities %+v, want الناصرية and السماوة", doc.Entities)
	}
}
