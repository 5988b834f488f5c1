package html_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/html"
	"golang.org/x/text/encoding/charmap"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseArticle(t *testing.T) {
	a, err := html.Parse(bytes.NewReader(read(t, "article.html")), html.Options{URL: "https://news.example.org/x?utm=1"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "وصول قافلة مساعدات إلى المدينة" {
		t.Errorf("title %q", a.Title)
	}
	if a.URL != "https://news.example.org/ar/world/2021/07/26/aid-convoy" {
		t.Errorf("url %q: want the canonical link resolved against the page URL", a.URL)
	}
	want := time.Date(2021, 7, 26, 6, 30, 0, 0, time.UTC)
	if !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	if a.Source != "موقع الأخبار" || a.Lang != "ar" {
		t.Errorf("source %q lang %q", a.Source, a.Lang)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) < 3 || !strings.HasPrefix(paras[len(paras)-3], "وصلت صباح اليوم") || !strings.HasPrefix(paras[len(paras)-1], "وكانت الطرق") {
		t.Errorf("body paragraphs %q", paras)
	}
	for _, junk := range []string{"الرئيسية", "جميع الحقوق"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body keeps boilerplate %q", junk)
		}
	}
}

func TestParseLegacyCharset(t *testing.T) {
	page := read(t, "jsonld.html")
	enc, err := charmap.Windows1256.NewEncoder().Bytes(page)
	if err != nil {
		t.Fatal(err)
	}
	noMeta := bytes.Replace(enc, []byte(`charset=windows-1256`), []byte(`charset=`), 1)
	for name, c := range map[string]struct {
		data []byte
		ct   string
	}{
		"meta":     {enc, ""},
		"header":   {noMeta, "text/html; charset=windows-1256"},
		"detected": {noMeta, ""},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := html.Parse(bytes.NewReader(c.data), html.Options{ContentType: c.ct})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "افتتاح جسر جديد فوق النهر" || !strings.Contains(a.Body, "ثمانمئة متر") {
				t.Errorf("title %q body %.80q", a.Title, a.Body)
			}
			if !a.Published.Equal(time.Date(2020, 8, 3, 14, 0, 0, 0, time.UTC)) || a.Author != "عمر خليل" {
				t.Errorf("JSON-LD: published %v author %q", a.Published, a.Author)
			}
		})
	}
}

func TestOpenerThroughSource(t *testing.T) {
	opts := source.Options{Openers: []source.Opener{html.Opener{}}}
	r, err := source.OpenReader(context.Background(), bytes.NewReader(read(t, "article.html")), "page.dat", opts)
	if err != nil {
		t.Fatal(err)
	}
	a, err := r.Next(context.Background())
	if err != nil || a.Origin != "page.dat" || a.Title == "" {
		t.Fatalf("article %+v, err %v", a, err)
	}
	if _, err := r.Next(context.Background()); !errors.Is(err, io.EOF) {
		t.Errorf("second Next: %v", err)
	}
	// Without the opener, the page would be plain text.
	if (html.Opener{}).Sniff([]byte("  <!-- x --> <!DOCTYPE html><html>"), "a") != true {
		t.Error("doctype after a comment not sniffed")
	}
	if (html.Opener{}).Sniff([]byte("عنوان\nنص"), "a.txt") {
		t.Error("plain text sniffed as HTML")
	}
}

func TestParseEmpty(t *testing.T) {
	_, err := html.Parse(strings.NewReader("<html><body></body></html>"), html.Options{})
	if !errors.Is(err, html.ErrNoContent) {
		t.Errorf("err = %v, want ErrNoContent", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("<html><head><title>ع</title></head><body><p>نص</p></body></html>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"author":[{"name":1}]}]}</script>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := html.Parse(bytes.NewReader(b), html.Options{URL: "http://x.test/a", MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Author) || !utf8.ValidString(a.URL) {
			t.Fatal("invalid UTF-8 in article")
		}
	})
}

func TestText(t *testing.T) {
	for _, c := range [][2]string{
		{"<p>فقرة أولى</p><p>فقرة <b>ثانية</b> &amp; أخيرة</p>", "فقرة أولى\n\nفقرة ثانية & أخيرة"},
		{"سطر<br>سطر آخر<script>var x=1</script>", "سطر\n\nسطر آخر"},
		{"نص   بلا\n وسوم", "نص بلا وسوم"},
		{"", ""},
	} {
		if got := html.Text(c[0]); got != c[1] {
			t.Errorf("Text(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestParseMicrodata(t *testing.T) {
	a, err := html.Parse(bytes.NewReader(read(t, "microdata.html")), html.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.Equal(time.Date(2019, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v: want the <time itemprop=datePublished> value", a.Published)
	}
	if a.Author != "نادية فؤاد" || a.URL != "https://arts.example.org/festival" || a.Lang != "ar" {
		t.Errorf("author %q url %q lang %q", a.Author, a.URL, a.Lang)
	}
	if !strings.Contains(a.Body, "اثنتي عشرة دولة") || !strings.Contains(a.Body, "\n\n") {
		t.Errorf("body %q", a.Body)
	}
}
