package source_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/source"
)

// jsonlLines builds n JSONL article lines with bodies of about size bytes.
func jsonlLines(n, size int) []byte {
	var b bytes.Buffer
	para := "أعلنت اللجنة المحلية اليوم عن برنامج لتنظيف الشواطئ بمشاركة المتطوعين. "
	body := strings.Repeat(para, size/len(para)+1)[:size/len(para)*len(para)]
	for i := range n {
		fmt.Fprintf(&b, `{"id":"gen-%d","title":"خبر رقم %d","text":%q,"published":"2021-07-27"}`+"\n", i, i, body)
	}
	return b.Bytes()
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	full := gzipBytes(jsonlLines(200, 2000))
	bad := writeFile(t, filepath.Join(dir, "cut.jsonl.gz"), full[:len(full)/2])
	good := writeFile(t, filepath.Join(dir, "good.jsonl.gz"), gzipBytes(jsonlLines(3, 100)))

	r, err := source.Open(context.Background(), bad, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts, errs, _ := collect(t, r)
	r.Close()
	if len(arts) == 0 || len(arts) >= 200 {
		t.Errorf("read %d articles from half a gzip stream of 200", len(arts))
	}
	if len(errs) != 1 || source.IsRecordError(errs[0]) {
		t.Fatalf("want one terminal error, got %v", errs)
	}
	var ie *source.InputError
	if !errors.As(errs[0], &ie) || !strings.HasPrefix(ie.Origin, bad+":") || !errors.Is(errs[0], io.ErrUnexpectedEOF) {
		t.Errorf("terminal error %v: want an InputError naming %s:line and wrapping io.ErrUnexpectedEOF", errs[0], bad)
	}
	// The error sticks.
	if _, err := r.Next(context.Background()); err == nil || errors.Is(err, io.EOF) {
		t.Errorf("after terminal error, Next = %v", err)
	}

	// Walk reports it and goes on.
	w := source.Walk(context.Background(), []string{bad, good}, source.Options{})
	defer w.Close()
	arts2, errs2, _ := collect(t, w)
	if len(arts2) != len(arts)+3 || len(errs2) != 1 || !source.IsRecordError(errs2[0]) {
		t.Errorf("Walk: %d articles, errors %v; want %d articles and one record error", len(arts2), errs2, len(arts)+3)
	}
}

func TestGzipHeaderGarbage(t *testing.T) {
	// Gzip magic followed by garbage: a clear error naming the input.
	_, err := source.OpenReader(context.Background(), bytes.NewReader([]byte{0x1f, 0x8b, 1, 2, 3}), "x.gz", source.Options{})
	if err == nil || !strings.Contains(err.Error(), "x.gz") || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("err = %v", err)
	}
}

func TestLongLines(t *testing.T) {
	lines := jsonlLines(5, 300)
	long := fmt.Sprintf(`{"id":"long","title":"طويل","text":%q}`+"\n", strings.Repeat("ب", 5000))
	// Line 3 is too long for a 2 KiB cap; lines 1, 2, 4, 5, 6 are read.
	parts := bytes.SplitAfter(lines, []byte("\n"))
	var in []byte
	for i, p := range parts {
		if i == 2 {
			in = append(in, long...)
		}
		in = append(in, p...)
	}
	r, err := source.OpenReader(context.Background(), bytes.NewReader(in), "big.jsonl", source.Options{MaxRecord: 2048})
	if err != nil {
		t.Fatal(err)
	}
	arts, errs, _ := collect(t, r)
	if len(arts) != 5 {
		t.Errorf("read %d articles, want 5", len(arts))
	}
	var re *source.RecordError
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.Origin != "big.jsonl:3" || !strings.Contains(re.Error(), "too long") {
		t.Errorf("errors %v, want one 'too long' at big.jsonl:3", errs)
	}
	if len(arts) == 5 && arts[2].Origin != "big.jsonl:4" {
		t.Errorf("third article origin %q, want big.jsonl:4", arts[2].Origin)
	}

	// A whole-file article above the cap is an error, not a truncation.
	r, err = source.OpenReader(context.Background(), strings.NewReader("عنوان\n"+strings.Repeat("نص ", 2000)), "big.txt", source.Options{MaxRecord: 1024})
	if err != nil {
		t.Fatal(err)
	}
	arts, errs, _ = collect(t, r)
	if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "big.txt") {
		t.Errorf("oversized text: %d articles, errors %v", len(arts), errs)
	}
}

// buildTar writes a tar archive of name→content members.
func buildTar(t *testing.T, members [][2]string, gz bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.Writer = &buf
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&buf)
		w = zw
	}
	tw := tar.NewWriter(w)
	for _, m := range members {
		if err := tw.WriteHeader(&tar.Header{Name: m[0], Mode: 0o644, Size: int64(len(m[1])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(m[1]))
	}
	tw.Close()
	if zw != nil {
		zw.Close()
	}
	return buf.Bytes()
}

// tarMembers are the members of the archives built by the tar tests.
func tarMembers(t *testing.T) [][2]string {
	tc := parseCase(t, "testdata/cases/sgml_docs.txtar")
	return [][2]string{
		{"news/a.txt", "عنوان أول\n\nنص المقال الأول."},
		{"news/b.jsonl", string(jsonlLines(3, 50))},
		{"news/._a.txt", "\x00\x05Mac resource fork"},
		{"news/c.sgml", tc.input},
		{"news/blob.bin", "\x00\x01\x02\x03binary"},
		{"news/inner.jsonl.gz", string(gzipBytes(jsonlLines(2, 40)))},
	}
}

func TestTar(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "archive.tar"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			data := buildTar(t, tarMembers(t), gz)
			r, err := source.OpenReader(context.Background(), bytes.NewReader(data), name, source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			arts, errs, _ := collect(t, r)
			// 1 text + 3 jsonl + 3 sgml + 2 gzipped jsonl; the sgml member
			// has 2 broken records and the binary member 1 error.
			if len(arts) != 9 {
				t.Errorf("%d articles, want 9", len(arts))
			}
			if len(errs) != 3 {
				t.Errorf("errors %v, want 3", errs)
			}
			for _, err := range errs {
				if !source.IsRecordError(err) || !strings.Contains(err.Error(), name+"/news/") {
					t.Errorf("error %v does not name the member", err)
				}
			}
			wantOrigins := []string{name + "/news/a.txt", name + "/news/b.jsonl:1", name + "/news/inner.jsonl.gz:2"}
			for _, o := range wantOrigins {
				found := false
				for _, a := range arts {
					found = found || a.Origin == o
				}
				if !found {
					t.Errorf("no article from %s", o)
				}
			}
		})
	}
}

func TestTruncatedTar(t *testing.T) {
	data := buildTar(t, tarMembers(t), true)
	r, err := source.OpenReader(context.Background(), bytes.NewReader(data[:len(data)*2/3]), "cut.tar.gz", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, errs, _ := collect(t, r)
	if len(errs) == 0 {
		t.Fatal("no error from a truncated archive")
	}
	last := errs[len(errs)-1]
	if source.IsRecordError(last) || !strings.Contains(last.Error(), "cut.tar.gz") {
		t.Errorf("last error %v: want a terminal error naming the archive", last)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b", "two.txt"), []byte("عنوان ثان\nنص ثان."))
	writeFile(t, filepath.Join(dir, "a", "one.jsonl"), jsonlLines(2, 30))
	writeFile(t, filepath.Join(dir, "a", ".hidden.txt"), []byte("مخفي\nلا يقرأ"))
	writeFile(t, filepath.Join(dir, ".git", "x.txt"), []byte("مخفي\nلا يقرأ"))
	writeFile(t, filepath.Join(dir, "a", "z.bin"), []byte{0, 1, 2, 3, 0, 0})
	single := writeFile(t, filepath.Join(t.TempDir(), "single.txt"), []byte("عنوان مفرد\nنص."))
	missing := filepath.Join(dir, "missing.txt")

	w := source.Walk(context.Background(), []string{dir, missing, single}, source.Options{})
	defer w.Close()
	arts, errs, _ := collect(t, w)
	var origins []string
	for _, a := range arts {
		origins = append(origins, strings.TrimPrefix(a.Origin, dir))
	}
	want := []string{"/a/one.jsonl:1", "/a/one.jsonl:2", "/b/two.txt", single}
	if fmt.Sprint(origins) != fmt.Sprint(want) {
		t.Errorf("origins %v, want %v", origins, want)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want 2 (binary file, missing file)", errs)
	}
	var re *source.RecordError
	if !errors.As(errs[0], &re) || re.Origin != filepath.Join(dir, "a", "z.bin") {
		t.Errorf("first error %v, want one naming z.bin", errs[0])
	}
	if !errors.As(errs[1], &re) || re.Origin != missing || !errors.Is(errs[1], os.ErrNotExist) {
		t.Errorf("second error %v, want not-exist naming %s", errs[1], missing)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r, err := source.OpenReader(ctx, bytes.NewReader(jsonlLines(10, 10)), "c.jsonl", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(ctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := r.Next(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: %v", err)
	}
}

// TestBoundedMemory streams a generated JSONL file much larger than the
// heap bound and checks the live heap stays small.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 40 MB file")
	}
	path := filepath.Join(t.TempDir(), "large.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := jsonlLines(100, 4000) // ~1 MB
	total := 0
	for total < 40<<20 {
		n, err := f.Write(chunk)
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	f.Close()
	peak, n := streamPeakHeap(t, path)
	t.Logf("read %d articles from %d MB; peak heap in use %.1f MB", n, total>>20, float64(peak)/(1<<20))
	if peak > 24<<20 {
		t.Errorf("peak heap in use %d MB: not constant memory", peak>>20)
	}
}

// streamPeakHeap reads every article of path and samples HeapInuse.
func streamPeakHeap(tb testing.TB, path string) (peak uint64, n int) {
	runtime.GC()
	r, err := source.Open(context.Background(), path, source.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	var ms runtime.MemStats
	for {
		_, err := r.Next(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		n++
		if n%500 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	return peak, n
}
