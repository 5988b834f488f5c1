package source_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
)

// addCaseSeeds adds the inputs of the case files to a fuzz corpus.
func addCaseSeeds(f *testing.F, add func(data []byte)) {
	paths, _ := filepath.Glob("testdata/cases/*.txtar")
	for _, p := range paths {
		tc := parseCase(f, p)
		add(encode(f, tc))
	}
}

func checkArticle(t *testing.T, a marsad.Article) {
	for name, s := range map[string]string{"id": a.ID, "title": a.Title, "body": a.Body, "url": a.URL, "source": a.Source, "author": a.Author, "origin": a.Origin} {
		if !utf8.ValidString(s) {
			t.Fatalf("article %s is not valid UTF-8: %q", name, s)
		}
	}
	if a.ID == "" {
		t.Fatal("article without ID")
	}
}

func FuzzDecode(f *testing.F) {
	addCaseSeeds(f, func(b []byte) { f.Add(b) })
	f.Add([]byte{0xC7, 0xE1, 0xDA, 0xD1, 0xC7, 0xE2})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, cs, err := source.Decode(data)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("Decode gave invalid UTF-8 as %s", cs)
		}
	})
}

var fuzzFormats = []source.Format{source.FormatAuto, source.FormatText, source.FormatJSON, source.FormatJSONL, source.FormatSGML, source.FormatTar}

func FuzzOpenReader(f *testing.F) {
	addCaseSeeds(f, func(b []byte) {
		for i := range fuzzFormats {
			f.Add(b, uint8(i))
		}
	})
	f.Add(gzipBytes([]byte(`{"title":"ع","text":"ن"}`)), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		opts := source.Options{Format: fuzzFormats[int(format)%len(fuzzFormats)], MaxRecord: 1 << 16}
		ctx := context.Background()
		r, err := source.OpenReader(ctx, bytes.NewReader(data), "fuzz", opts)
		if err != nil {
			return
		}
		defer r.Close()
		for i := 0; i < 10000; i++ {
			a, err := r.Next(ctx)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !source.IsRecordError(err) {
					if _, err2 := r.Next(ctx); err2 == nil {
						t.Fatal("article after a terminal error")
					}
					return
				}
				continue
			}
			checkArticle(t, a)
		}
		t.Fatal("reader does not end")
	})
}

func FuzzParseText(f *testing.F) {
	f.Add("عنوان\n\nعنوان\nنص")
	f.Fuzz(func(t *testing.T, s string) {
		title, body := source.ParseText(s)
		if utf8.ValidString(s) && (!utf8.ValidString(title) || !utf8.ValidString(body)) {
			t.Fatal("invalid UTF-8 from valid input")
		}
		if title == "" && body != "" {
			t.Fatal("body without title")
		}
	})
}

func FuzzParseSGMLDoc(f *testing.F) {
	f.Add("<DOC><DOCNO>1</DOCNO><TITLE>ع</TITLE><TEXT><P>ن</P></TEXT></DOC>")
	f.Add("<DOC>\n<TEXT a=1>x</TEXT>\n<TITLE>")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := source.ParseSGMLDoc(s, "fuzz")
		if err == nil && utf8.ValidString(s) {
			checkArticle(t, a)
		}
	})
}

func FuzzParseJSONArticle(f *testing.F) {
	f.Add([]byte(`{"id":1,"title":"ع","body":"ن","published":"2021-07-27"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := source.ParseJSONArticle(b, "fuzz")
		if err == nil && utf8.Valid(b) {
			checkArticle(t, a)
		}
	})
}
