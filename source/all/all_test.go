package all_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/all"
)

// TestDispatch puts one input of every format in a directory (some inside
// a tar.gz) and checks Walk reads each with the right reader.
func TestDispatch(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":   "عنوان نصي\n\nنص المقال.",
		"b.jsonl": `{"id":"j1","title":"عنوان","text":"نص."}` + "\n",
		"c.sgml":  "<DOC>\n<DOCNO>S1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\nنص.\n</TEXT>\n</DOC>\n",
		"d.xml":   `<?xml version="1.0"?><rss version="2.0"><channel><title>قناة</title><item><title>خبر الخلاصة</title><description>نص الخلاصة.</description><guid>f1</guid></item></channel></rss>`,
		"e.html":  `<!DOCTYPE html><html><head><title>صفحة</title></head><body><article><p>` + longPara + `</p><p>` + longPara + `</p></article></body></html>`,
		"f.warc":  "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2021-07-27T10:00:00Z\r\nContent-Type: application/warc-fields\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
	}
	var tarBuf bytes.Buffer
	zw := gzip.NewWriter(&tarBuf)
	tw := tar.NewWriter(zw)
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		tw.WriteHeader(&tar.Header{Name: "in/" + name, Mode: 0o644, Size: int64(len(content)), Typeflag: tar.TypeReg})
		tw.Write([]byte(content))
	}
	tw.Close()
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "z.tar.gz"), tarBuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	w := all.Walk(context.Background(), []string{dir}, source.Options{})
	defer w.Close()
	var titles []string
	for {
		a, err := w.Next(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		titles = append(titles, a.Title)
	}
	sort.Strings(titles)
	// Five articles (the WARC has only a warcinfo record), twice.
	want := []string{"خبر الخلاصة", "خبر الخلاصة", "صفحة", "صفحة", "عنوان", "عنوان", "عنوان", "عنوان", "عنوان نصي", "عنوان نصي"}
	if len(titles) != len(want) {
		t.Fatalf("titles %q, want %q", titles, want)
	}
	for i := range want {
		if titles[i] != want[i] {
			t.Errorf("titles %q, want %q", titles, want)
			break
		}
	}
}

const longPara = "تواصل فرق الإنقاذ البحث عن المفقودين في المنطقة الجبلية بعد السيول التي اجتاحت القرى المجاورة مساء أمس، وسط توقعات بهطول مزيد من الأمطار خلال الأيام المقبلة."
