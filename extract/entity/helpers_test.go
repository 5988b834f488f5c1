package entity

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var (
	recOnce sync.Once
	recVal  *Recognizer
	recErr  error
)

// testRecognizer returns a recognizer over the built-in lexicons, loaded
// once for the test binary.
func testRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	recOnce.Do(func() { recVal, recErr = New(Options{}) })
	if recErr != nil {
		t.Fatal(recErr)
	}
	return recVal
}

// testdataRows reads testdata/name with the lexicon reader (readTSV), so
// case files follow the lexicon files' rules: comments, blank lines and
// rows without a first column left out, cells trimmed.
func testdataRows(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := readTSV(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}
