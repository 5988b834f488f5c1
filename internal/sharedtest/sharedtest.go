// Package sharedtest holds helpers shared by the module's tests: finding
// the research data kept beside the repository in ../shared (corpora, peer
// suites, NER data, GeoNames), reading its gzip JSON-lines corpora and peer
// JSON-lines suites, and reading the tab-separated case files kept in
// testdata directories.
//
// The shared directory is ../shared next to the directory holding go.mod,
// found by walking up from the test's working directory (its package
// directory). The environment variable MARSAD_SHARED overrides it: tests
// then read that directory instead, and skip when it does not exist, so
//
//	MARSAD_SHARED=/nonexistent go test ./extract/...
//
// runs every test as it would run on a machine without ../shared. Give
// MARSAD_SHARED as an absolute path: a relative one is taken relative to
// each package's directory.
//
// Nothing read from ../shared may be copied into the repository; these
// helpers read it in place at test time. Every helper that needs ../shared
// skips the test or benchmark when it, or the file asked for, is absent.
package sharedtest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Env names the environment variable that, when set and non-empty,
// replaces ../shared as the shared data directory.
const Env = "MARSAD_SHARED"

// SeedArticle is the motivating article's path relative to the shared
// directory.
const SeedArticle = "seed/000_8cc831d112bdeee4.txt"

// maxLine bounds one line of a JSON-lines file (a long article).
const maxLine = 64 << 20

// Dir returns the shared data directory: $MARSAD_SHARED when set, else
// ../shared beside the module root (the nearest directory above the
// working directory that holds go.mod). It skips tb when the directory
// is absent or the module root cannot be found.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv(Env)
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			tb.Skipf("shared data: %v", err)
		}
		dir = filepath.Join(root, "..", "shared")
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		tb.Skipf("shared data directory %s not present", dir)
	}
	return dir
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Path returns the path of rel (slash-separated) under the shared data
// directory, skipping tb when the directory or that file is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present", p)
	}
	return p
}

// ReadFile returns the contents of rel under the shared data directory,
// skipping tb when it is absent and failing it when it cannot be read.
func ReadFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	p := Path(tb, rel)
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	return b
}

// Corpora returns the sorted names of the corpora under corpora/ in the
// shared data directory that hold an articles.jsonl.gz, skipping tb when
// there is none.
func Corpora(tb testing.TB) []string {
	tb.Helper()
	dir := filepath.Join(Dir(tb), "corpora")
	files, err := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	if err != nil {
		tb.Fatalf("corpora: %v", err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(filepath.Dir(f)))
	}
	if len(names) == 0 {
		tb.Skipf("no corpora under %s", dir)
	}
	slices.Sort(names)
	return names
}

// CorpusPath returns the path of corpus name's articles.jsonl.gz, skipping
// tb when it is absent.
func CorpusPath(tb testing.TB, name string) string {
	tb.Helper()
	return Path(tb, "corpora/"+name+"/articles.jsonl.gz")
}

// Corpus calls fn with the title and text of each article of corpus name
// (corpora/<name>/articles.jsonl.gz: gzip JSON lines with "title" and
// "text"), in file order, until fn returns false. It skips tb when the
// corpus is absent and fails it when the file cannot be read or decoded.
func Corpus(tb testing.TB, name string, fn func(title, text string) bool) {
	tb.Helper()
	type article struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	JSONL(tb, CorpusPath(tb, name), func(_ int, a article) bool {
		return fn(a.Title, a.Text)
	})
}

// JSONL decodes each non-blank line of the JSON-lines file at path (any
// path; gunzipped when it ends in .gz) into a T and calls fn with its
// 1-based line number and value, until fn returns false. It fails tb when
// the file cannot be opened, read or decoded.
func JSONL[T any](tb testing.TB, path string, fn func(line int, v T) bool) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("gunzip %s: %v", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			tb.Fatalf("%s:%d: %v", path, n, err)
		}
		if !fn(n, v) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
}

// Lines calls fn with the 1-based number and text of each line of the
// file at path (any path, typically under testdata) that is neither a
// comment (starting with #) nor blank (only spaces, no tab: a line of
// tabs is a row of empty fields). It fails tb when the file cannot be
// read.
func Lines(tb testing.TB, path string, fn func(line int, text string)) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" && !strings.Contains(s, "\t") {
			continue
		}
		fn(n, s)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
}

// TSV returns the rows of the tab-separated file at path, comments and
// blank lines left out as by Lines, each split on tabs. When fields > 0 a
// row with another number of fields fails tb, naming the file and line.
func TSV(tb testing.TB, path string, fields int) [][]string {
	tb.Helper()
	var rows [][]string
	Lines(tb, path, func(n int, s string) {
		row := strings.Split(s, "\t")
		if fields > 0 && len(row) != fields {
			tb.Fatalf("%s:%d: %d fields, want %d", path, n, len(row), fields)
		}
		rows = append(rows, row)
	})
	return rows
}
