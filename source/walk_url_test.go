package source

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad"
)

// sliceReader yields fixed articles.
type sliceReader struct{ arts []marsad.Article }

func (s *sliceReader) Next(context.Context) (marsad.Article, error) {
	if len(s.arts) == 0 {
		return marsad.Article{}, io.EOF
	}
	a := s.arts[0]
	s.arts = s.arts[1:]
	return a, nil
}

func (s *sliceReader) Close() error { return nil }

func TestWalkURLs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("عنوان الملف\n\nنص الملف."), 0o644); err != nil {
		t.Fatal(err)
	}
	var opened []string
	opts := Options{OpenURL: func(ctx context.Context, url string) (Reader, error) {
		opened = append(opened, url)
		if url == "https://bad.example/feed" {
			return nil, errors.New("connection refused")
		}
		return &sliceReader{[]marsad.Article{{ID: "u1", Title: "من الرابط"}}}, nil
	}}
	r := Walk(context.Background(), []string{"https://good.example/feed", "https://bad.example/feed", file}, opts)
	defer r.Close()
	var ids []string
	var errs []error
	for {
		a, err := r.Next(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, a.Title)
	}
	if len(ids) != 2 || ids[0] != "من الرابط" || ids[1] != "عنوان الملف" {
		t.Errorf("articles = %q", ids)
	}
	if len(errs) != 1 || !IsRecordError(errs[0]) {
		t.Fatalf("errors = %v, want one record error for the bad URL", errs)
	}
	var re *RecordError
	if errors.As(errs[0], &re); re.Origin != "https://bad.example/feed" {
		t.Errorf("error origin = %q", re.Origin)
	}
	if _, err := Walk(context.Background(), []string{"http://x.example/"}, Options{}).Next(context.Background()); !IsRecordError(err) {
		t.Errorf("URL without OpenURL: err = %v, want a record error", err)
	}
}
