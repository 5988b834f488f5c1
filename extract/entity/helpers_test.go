package entity

import (
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
