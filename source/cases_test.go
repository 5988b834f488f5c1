package source_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"golang.org/x/text/encoding/charmap"
)

// A case file (testdata/cases/*.txtar) holds a comment, then sections
// introduced by "-- name --" lines:
//
//	options  "key: value" lines: encoding (utf-8-bom, windows-1256,
//	         iso-8859-6, utf-16le, utf-16be, latin1, binary), crlf (yes),
//	         gzip (yes), maxrecord (bytes), format
//	name     the file name the input is written under
//	input    the input text (UTF-8; encoded as options say)
//	want     one JSON object per expected result, in order: an article
//	         (only the fields given are compared; "id":"@content" means the
//	         content-derived ID) or {"error":"substring","origin":"…"}
type testCase struct {
	options map[string]string
	name    string
	input   string
	want    []map[string]string
}

func parseCase(t testing.TB, path string) testCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	var cur string
	var sb strings.Builder
	flush := func() {
		if cur != "" {
			sections[cur] = sb.String()
		}
		sb.Reset()
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			cur = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --")
			continue
		}
		if cur != "" {
			sb.WriteString(line)
			sb.WriteByte('\n')
		}
	}
	flush()
	tc := testCase{options: map[string]string{}, name: strings.TrimSpace(sections["name"]), input: sections["input"]}
	for _, l := range strings.Split(sections["options"], "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			tc.options[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	for _, l := range strings.Split(sections["want"], "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var m map[string]string
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%s: want line %q: %v", path, l, err)
		}
		tc.want = append(tc.want, m)
	}
	if tc.name == "" || len(tc.want) == 0 {
		t.Fatalf("%s: needs name and want sections", path)
	}
	return tc
}

// encode turns the UTF-8 input into the bytes the case asks for.
func encode(t testing.TB, tc testCase) []byte {
	t.Helper()
	s := tc.input
	if tc.options["crlf"] == "yes" {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	var b []byte
	switch enc := tc.options["encoding"]; enc {
	case "", "utf-8":
		b = []byte(s)
	case "utf-8-bom":
		b = append([]byte{0xEF, 0xBB, 0xBF}, s...)
	case "windows-1256", "iso-8859-6", "latin1":
		cm := map[string]*charmap.Charmap{"windows-1256": charmap.Windows1256, "iso-8859-6": charmap.ISO8859_6, "latin1": charmap.ISO8859_1}[enc]
		var err error
		if b, err = cm.NewEncoder().Bytes([]byte(s)); err != nil {
			t.Fatalf("encode %s: %v", enc, err)
		}
	case "utf-16le", "utf-16be":
		u := utf16.Encode([]rune(s))
		b = make([]byte, 0, 2+2*len(u))
		if enc == "utf-16le" {
			b = append(b, 0xFF, 0xFE)
			for _, c := range u {
				b = append(b, byte(c), byte(c>>8))
			}
		} else {
			b = append(b, 0xFE, 0xFF)
			for _, c := range u {
				b = append(b, byte(c>>8), byte(c))
			}
		}
	case "binary":
		b = append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, s...)
	default:
		t.Fatalf("unknown encoding %q", enc)
	}
	if tc.options["gzip"] == "yes" {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		b = buf.Bytes()
	}
	return b
}

// collect reads r to the end and returns its results in order.
func collect(t *testing.T, r source.Reader) (arts []marsad.Article, errs []error, seq []any) {
	t.Helper()
	ctx := context.Background()
	for i := 0; ; i++ {
		if i > 100000 {
			t.Fatal("reader does not end")
		}
		a, err := r.Next(ctx)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			errs = append(errs, err)
			seq = append(seq, err)
			if !source.IsRecordError(err) {
				return
			}
			continue
		}
		arts = append(arts, a)
		seq = append(seq, a)
	}
}

func articleFields(a marsad.Article) map[string]string {
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format(time.RFC3339)
	}
	return map[string]string{
		"id": a.ID, "title": a.Title, "body": a.Body, "published": pub, "url": a.URL,
		"source": a.Source, "author": a.Author, "lang": a.Lang, "origin": a.Origin,
		"warnings": strings.Join(a.Warnings, "; "),
	}
}

func TestCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			tc := parseCase(t, p)
			data := encode(t, tc)
			opts := source.Options{Format: source.Format(tc.options["format"])}
			if v := tc.options["maxrecord"]; v != "" {
				if err := json.Unmarshal([]byte(v), &opts.MaxRecord); err != nil {
					t.Fatal(err)
				}
			}
			// Through OpenReader, named as the case says.
			r, err := source.OpenReader(context.Background(), bytes.NewReader(data), tc.name, opts)
			if err != nil {
				checkSeq(t, []any{err}, tc.want)
				return
			}
			_, _, seq := collect(t, r)
			r.Close()
			checkSeq(t, seq, tc.want)

			// Through Open on a real file: same results, origins prefixed.
			dir := t.TempDir()
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			r, err = source.Open(context.Background(), path, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			_, _, seq2 := collect(t, r)
			if len(seq2) != len(seq) {
				t.Fatalf("Open gave %d results, OpenReader %d", len(seq2), len(seq))
			}
			for i := range seq {
				if a, ok := seq2[i].(marsad.Article); ok {
					if !strings.HasPrefix(a.Origin, dir) {
						t.Errorf("Open: origin %q does not start with the path", a.Origin)
					}
				}
			}
		})
	}
}

func checkSeq(t *testing.T, seq []any, want []map[string]string) {
	t.Helper()
	for i := 0; i < len(seq) || i < len(want); i++ {
		if i >= len(seq) {
			t.Errorf("result %d: missing, want %v", i, want[i])
			continue
		}
		if i >= len(want) {
			t.Errorf("result %d: unexpected %v", i, seq[i])
			continue
		}
		w := want[i]
		switch got := seq[i].(type) {
		case error:
			if w["error"] == "" {
				t.Errorf("result %d: error %v, want article %v", i, got, w)
				continue
			}
			if !strings.Contains(got.Error(), w["error"]) {
				t.Errorf("result %d: error %q does not mention %q", i, got, w["error"])
			}
			var re *source.RecordError
			if errors.As(got, &re) {
				if o := w["origin"]; o != "" && re.Origin != o {
					t.Errorf("result %d: error origin %q, want %q", i, re.Origin, o)
				}
			} else if o := w["origin"]; o != "" && !strings.Contains(got.Error(), o) {
				t.Errorf("result %d: error %q does not name %q", i, got, o)
			}
		case marsad.Article:
			if w["error"] != "" {
				t.Errorf("result %d: article %q, want error %q", i, got.Title, w["error"])
				continue
			}
			f := articleFields(got)
			for k, v := range w {
				if k == "id" && v == "@content" {
					v = source.ContentID(got.Title, got.Body)
				}
				if f[k] != v {
					t.Errorf("result %d: %s = %q, want %q", i, k, f[k], v)
				}
			}
		}
	}
}
