package sqlite

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/marsad-project/marsad/source/feed"
)

// The archive's validators are what a feed client needs.
var _ feed.Validators = (*Validators)(nil)

func TestValidatorsStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := OpenWith(ctx, path, Options{Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	v := db.FeedValidators()
	if e, lm := v.Get(ctx, "https://a.example/feed"); e != "" || lm != "" {
		t.Errorf("unknown feed: %q %q", e, lm)
	}
	v.Put(ctx, "https://a.example/feed", `"v1"`, "Tue, 27 Jul 2021 18:20:00 GMT")
	v.Put(ctx, "https://b.example/rss", "", "Wed, 28 Jul 2021 08:00:00 GMT")
	v.Put(ctx, "https://a.example/feed", `"v2"`, "")
	db.Close()

	// A later run reads them back.
	if db, err = OpenWith(ctx, path, Options{Logger: quietLog()}); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v = db.FeedValidators()
	for _, c := range [][3]string{
		{"https://a.example/feed", `"v2"`, ""},
		{"https://b.example/rss", "", "Wed, 28 Jul 2021 08:00:00 GMT"},
	} {
		if e, lm := v.Get(ctx, c[0]); e != c[1] || lm != c[2] {
			t.Errorf("Get(%s) = %q %q, want %q %q", c[0], e, lm, c[1], c[2])
		}
	}
	// Empty validators forget the feed.
	v.Put(ctx, "https://b.example/rss", "", "")
	var n int
	if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM feeds").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d feeds after forgetting one, %v", n, err)
	}
}

// TestValidatorsConcurrent stores and reads validators from many
// goroutines at once, while articles are written (run with -race).
func TestValidatorsConcurrent(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	v := db.FeedValidators()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				u := fmt.Sprintf("https://s%d.example/feed", i%5)
				v.Put(ctx, u, fmt.Sprintf(`"g%d-%d"`, g, i), "")
				if e, _ := v.Get(ctx, u); e == "" {
					t.Errorf("Get(%s) empty right after Put", u)
				}
			}
		})
	}
	wg.Go(func() {
		if _, err := db.Put(ctx, records(fixture(t), nil)); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	var n int
	if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM feeds").Scan(&n); err != nil || n != 5 {
		t.Errorf("%d feeds, want 5 (%v)", n, err)
	}
}

// TestValidatorsConditionalGet runs a feed client on the archive's
// validators twice, as two ingest runs would: the second fetch is
// conditional and the unchanged feed is not downloaded again.
func TestValidatorsConditionalGet(t *testing.T) {
	ctx := context.Background()
	body, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"rev7"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"rev7"`)
		w.Header().Set("Last-Modified", "Tue, 27 Jul 2021 18:20:00 GMT")
		w.Write(body)
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "a.db")
	for run := range 2 {
		db, err := OpenWith(ctx, path, Options{Logger: quietLog()})
		if err != nil {
			t.Fatal(err)
		}
		c := &feed.Client{Validators: db.FeedValidators(), PerHost: -1, Logger: quietLog()}
		_, err = c.Fetch(ctx, srv.URL+"/feed")
		switch {
		case run == 0 && err != nil:
			t.Fatalf("first fetch: %v", err)
		case run == 1 && !errors.Is(err, feed.ErrNotModified):
			t.Fatalf("second fetch: %v, want not modified", err)
		}
		db.Close()
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("%d full and %d conditional responses, want 1 and 1", full.Load(), notModified.Load())
	}
}
