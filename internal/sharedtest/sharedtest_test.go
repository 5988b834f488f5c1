package sharedtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records a Skipf or Fatalf and stops the
// calling goroutine, so a test can check that a helper skips or fails.
type recorder struct {
	testing.TB
	skipped, failed bool
	msg             string
}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// run calls fn with a recorder on its own goroutine and returns the
// recorder once fn returns or stops.
func run(fn func(tb testing.TB)) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(r)
	}()
	<-done
	return r
}

// writeFile writes data to dir/rel, creating its directories.
func writeFile(t *testing.T, dir, rel string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDirWalksToModuleRoot(t *testing.T) {
	tmp := t.TempDir()
	writeFile(t, tmp, "repo/go.mod", []byte("module example.com/x\n"))
	writeFile(t, tmp, "shared/README.md", []byte("data\n"))
	pkg := filepath.Join(tmp, "repo", "a", "b")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, "")
	t.Chdir(pkg)
	var got string
	if r := run(func(tb testing.TB) { got = Dir(tb) }); r.skipped || r.failed {
		t.Fatalf("Dir stopped: %s", r.msg)
	}
	want, err := filepath.EvalSymlinks(filepath.Join(tmp, "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if g, err := filepath.EvalSymlinks(got); err != nil || g != want {
		t.Errorf("Dir = %s (%v), want %s", got, err, want)
	}
}

func TestDirSkips(t *testing.T) {
	tmp := t.TempDir()
	t.Run("no shared beside the module", func(t *testing.T) {
		writeFile(t, tmp, "repo/go.mod", []byte("module example.com/x\n"))
		t.Setenv(Env, "")
		t.Chdir(filepath.Join(tmp, "repo"))
		if r := run(func(tb testing.TB) { Dir(tb) }); !r.skipped {
			t.Errorf("Dir did not skip (failed %v: %s)", r.failed, r.msg)
		}
	})
	t.Run("env names a missing directory", func(t *testing.T) {
		t.Setenv(Env, filepath.Join(tmp, "nonexistent"))
		if r := run(func(tb testing.TB) { Path(tb, SeedArticle) }); !r.skipped {
			t.Errorf("Path did not skip (failed %v: %s)", r.failed, r.msg)
		}
	})
	t.Run("env names a file", func(t *testing.T) {
		t.Setenv(Env, writeFile(t, tmp, "file", nil))
		if r := run(func(tb testing.TB) { Dir(tb) }); !r.skipped {
			t.Errorf("Dir did not skip (failed %v: %s)", r.failed, r.msg)
		}
	})
}

func TestPathAndReadFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv(Env, tmp)
	want := writeFile(t, tmp, SeedArticle, []byte("عنوان\n\nنص\n"))
	var got string
	var data []byte
	if r := run(func(tb testing.TB) { got, data = Path(tb, SeedArticle), ReadFile(tb, SeedArticle) }); r.skipped || r.failed {
		t.Fatalf("stopped: %s", r.msg)
	}
	if got != want || string(data) != "عنوان\n\nنص\n" {
		t.Errorf("Path = %s, ReadFile = %q; want %s and the file", got, data, want)
	}
	if r := run(func(tb testing.TB) { Path(tb, "seed/missing.txt") }); !r.skipped {
		t.Errorf("Path of a missing file did not skip")
	}
	if r := run(func(tb testing.TB) { ReadFile(tb, "seed/missing.txt") }); !r.skipped {
		t.Errorf("ReadFile of a missing file did not skip")
	}
}

func TestCorpora(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv(Env, tmp)
	if r := run(func(tb testing.TB) { Corpora(tb) }); !r.skipped {
		t.Errorf("Corpora without corpora did not skip")
	}
	writeFile(t, tmp, "corpora/b/articles.jsonl.gz", gz(t, `{"title":"ت1","text":"نص 1"}
{"title":"","text":"نص 2","url":"u"}

{"title":"ت3","text":"نص 3"}
`))
	writeFile(t, tmp, "corpora/a/articles.jsonl.gz", gz(t, `{"title":"x","text":"y"}`+"\n"))
	writeFile(t, tmp, "corpora/c/README.md", []byte("no articles\n"))
	var names []string
	if r := run(func(tb testing.TB) { names = Corpora(tb) }); r.skipped || r.failed {
		t.Fatalf("Corpora stopped: %s", r.msg)
	}
	if want := []string{"a", "b"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Corpora = %q, want %q", names, want)
	}

	var got []string
	run(func(tb testing.TB) {
		Corpus(tb, "b", func(title, text string) bool {
			got = append(got, title+"|"+text)
			return true
		})
	})
	if want := []string{"ت1|نص 1", "|نص 2", "ت3|نص 3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Corpus = %q, want %q", got, want)
	}

	got = nil
	run(func(tb testing.TB) {
		Corpus(tb, "b", func(title, text string) bool {
			got = append(got, title)
			return len(got) < 2
		})
	})
	if len(got) != 2 {
		t.Errorf("Corpus went on after fn returned false: %q", got)
	}

	if r := run(func(tb testing.TB) { Corpus(tb, "c", func(string, string) bool { return true }) }); !r.skipped {
		t.Errorf("Corpus of a corpus without articles did not skip")
	}
	writeFile(t, tmp, "corpora/bad/articles.jsonl.gz", []byte("not gzip"))
	if r := run(func(tb testing.TB) { Corpus(tb, "bad", func(string, string) bool { return true }) }); !r.failed {
		t.Errorf("Corpus of a corrupt file did not fail")
	}
}

func TestJSONL(t *testing.T) {
	tmp := t.TempDir()
	type rec struct {
		Dim  string `json:"dim"`
		Text string `json:"text"`
	}
	p := writeFile(t, tmp, "suite.jsonl", []byte(`{"dim":"time","text":"اليوم"}

{"dim":"numeral","text":"ثلاثة"}
`))
	var got []string
	if r := run(func(tb testing.TB) {
		JSONL(tb, p, func(line int, v rec) bool {
			got = append(got, fmt.Sprintf("%d %s %s", line, v.Dim, v.Text))
			return true
		})
	}); r.failed {
		t.Fatalf("JSONL failed: %s", r.msg)
	}
	if want := []string{"1 time اليوم", "3 numeral ثلاثة"}; !reflect.DeepEqual(got, want) {
		t.Errorf("JSONL = %q, want %q", got, want)
	}

	bad := writeFile(t, tmp, "bad.jsonl", []byte("{\"dim\":\"time\"}\n{broken\n"))
	r := run(func(tb testing.TB) { JSONL(tb, bad, func(int, rec) bool { return true }) })
	if !r.failed || !strings.Contains(r.msg, "bad.jsonl:2:") {
		t.Errorf("JSONL of a bad line: failed %v, %q; want a failure naming line 2", r.failed, r.msg)
	}
	if r := run(func(tb testing.TB) {
		JSONL(tb, filepath.Join(tmp, "missing.jsonl"), func(int, rec) bool { return true })
	}); !r.failed {
		t.Errorf("JSONL of a missing file did not fail")
	}
}

func TestTSV(t *testing.T) {
	p := filepath.Join("testdata", "cases.tsv")
	var rows [][]string
	if r := run(func(tb testing.TB) { rows = TSV(tb, p, 2) }); r.failed {
		t.Fatalf("TSV failed: %s", r.msg)
	}
	if want := [][]string{{"a", "b"}, {"", ""}, {"c", "d"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("TSV = %q, want %q", rows, want)
	}
	var lines []int
	run(func(tb testing.TB) { Lines(tb, p, func(n int, _ string) { lines = append(lines, n) }) })
	if want := []int{3, 4, 6}; !reflect.DeepEqual(lines, want) {
		t.Errorf("Lines numbers = %v, want %v", lines, want)
	}
	r := run(func(tb testing.TB) { TSV(tb, p, 3) })
	if !r.failed || !strings.Contains(r.msg, "cases.tsv:3:") {
		t.Errorf("TSV with a wrong field count: failed %v, %q; want a failure naming line 3", r.failed, r.msg)
	}
}
