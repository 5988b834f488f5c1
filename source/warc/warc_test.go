package warc_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/warc"
)

// record builds one WARC/1.1 record.
func record(typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\nWARC-Date: 2021-07-27T10:00:00Z\r\n", typ, len(block)+len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func response(status, contentType string, body []byte) []byte {
	h := fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, contentType, len(body))
	return append([]byte(h), body...)
}

func archive(t *testing.T) [][]byte {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	return [][]byte{
		record("warcinfo", "", "application/warc-fields", []byte("software: marsad-test\r\n")),
		record("request", "https://example.org/a", "application/http;msgtype=request", []byte("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n")),
		record("response", "https://example.org/a", "application/http;msgtype=response", response("200 OK", "text/html; charset=utf-8", page)),
		record("response", "https://example.org/logo.png", "application/http;msgtype=response", response("200 OK", "image/png", []byte("\x89PNG\r\n\x1a\n"))),
		record("response", "https://example.org/gone", "application/http;msgtype=response", response("404 Not Found", "text/html", []byte("<html>gone</html>"))),
		record("response", "https://example.org/empty", "application/http;msgtype=response", response("200 OK", "text/html", []byte("<html><body></body></html>"))),
	}
}

func read(t *testing.T, data []byte, name string) ([]marsad.Article, []error) {
	t.Helper()
	opts := source.Options{Openers: []source.Opener{warc.Opener{}}}
	r, err := source.OpenReader(context.Background(), bytes.NewReader(data), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var arts []marsad.Article
	var errs []error
	for i := 0; i < 1000; i++ {
		a, err := r.Next(context.Background())
		if errors.Is(err, io.EOF) {
			return arts, errs
		}
		if err != nil {
			errs = append(errs, err)
			if !source.IsRecordError(err) {
				return arts, errs
			}
			continue
		}
		arts = append(arts, a)
	}
	t.Fatal("reader does not end")
	return nil, nil
}

func TestWARC(t *testing.T) {
	recs := archive(t)
	plain := bytes.Join(recs, nil)
	var gz bytes.Buffer
	for _, rec := range recs { // one gzip member per record
		zw := gzip.NewWriter(&gz)
		zw.Write(rec)
		zw.Close()
	}
	for name, data := range map[string][]byte{"crawl.warc": plain, "crawl.warc.gz": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			arts, errs := read(t, data, name)
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1 (errors %v)", len(arts), errs)
			}
			a := arts[0]
			if a.Title != "تدشين محطة لتحلية المياه على الساحل" || a.URL != "https://example.org/a" || !strings.Contains(a.Body, "مئة ألف متر مكعب") {
				t.Errorf("article: title %q url %q body %.50q", a.Title, a.URL, a.Body)
			}
			if !strings.HasPrefix(a.Origin, name+"@") || a.Published.IsZero() {
				t.Errorf("origin %q published %v", a.Origin, a.Published)
			}
			// The empty page is a record error naming its offset.
			if len(errs) != 1 || !source.IsRecordError(errs[0]) || !strings.Contains(errs[0].Error(), name+"@") {
				t.Errorf("errors %v, want one record error for the empty page", errs)
			}
		})
	}
}

func TestTruncatedWARC(t *testing.T) {
	recs := archive(t)
	data := bytes.Join(recs[:3], nil)
	cut := data[:len(data)-len(recs[2])/2] // the response record loses half its block
	arts, errs := read(t, cut, "cut.warc")
	if len(arts) != 0 {
		t.Errorf("%d articles from a truncated response", len(arts))
	}
	if len(errs) == 0 {
		t.Fatal("no error for a truncated record")
	}
	last := errs[len(errs)-1]
	off := len(recs[0]) + len(recs[1])
	if !strings.Contains(last.Error(), fmt.Sprintf("cut.warc@%d", off)) {
		t.Errorf("error %v does not name cut.warc@%d", last, off)
	}
}

func FuzzWARC(f *testing.F) {
	page := []byte("<html><head><title>ع</title></head><body><p>نص</p></body></html>")
	f.Add(record("response", "http://x.test/", "application/http;msgtype=response", response("200 OK", "text/html", page)))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := warc.NewReader(bytes.NewReader(b), "fuzz", 1<<16)
		if err != nil {
			return
		}
		for i := 0; i < 100; i++ {
			a, err := r.Next(context.Background())
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !source.IsRecordError(err) {
					return
				}
				continue
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Fatal("invalid UTF-8")
			}
		}
	})
}
