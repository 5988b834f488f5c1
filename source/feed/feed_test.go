package feed_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/feed"
)

type server struct {
	*httptest.Server
	mu      sync.Mutex
	hits    map[string][]time.Time
	agents  []string
	rssETag string
}

func newServer(t *testing.T) *server {
	s := &server{hits: map[string][]time.Time{}, rssETag: `"v1"`}
	fill := func(name string) []byte {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.ReplaceAll(b, []byte("{{BASE}}"), []byte(s.URL))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == s.rssETag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", s.rssETag)
		w.Header().Set("Last-Modified", "Tue, 27 Jul 2021 18:20:00 GMT")
		w.Write(fill("rss.xml"))
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fill("page1.html"))
	})
	mux.HandleFunc("/news/3", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte{0, 1, 2, 3}) // not HTML: falls back to the item
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path] = append(s.hits[r.URL.Path], time.Now())
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func drain(t *testing.T, r source.Reader) []marsad.Article {
	t.Helper()
	var out []marsad.Article
	for {
		a, err := r.Next(context.Background())
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
}

func TestFetchFeedAndPages(t *testing.T) {
	s := newServer(t)
	c := &feed.Client{FetchPages: true, PerHost: 40 * time.Millisecond, Validators: &feed.MemoryValidators{}, Timeout: 5 * time.Second}
	r, err := c.Fetch(context.Background(), s.URL+"/rss")
	if err != nil {
		t.Fatal(err)
	}
	arts := drain(t, r)
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	// Item 1: page fetched and read, canonical URL from the page.
	if !strings.Contains(arts[0].Body, "خمسين سريرا") || arts[0].URL != s.URL+"/news/1-canonical" || arts[0].ID != "item-1" {
		t.Errorf("item 1: id %q url %q body %.60q", arts[0].ID, arts[0].URL, arts[0].Body)
	}
	if arts[0].Source != "أخبار المرصد التجريبية" || !arts[0].Published.Equal(time.Date(2021, 7, 26, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("item 1: source %q published %v", arts[0].Source, arts[0].Published)
	}
	// Item 2: page 404, description used (HTML → paragraphs).
	if arts[1].Body != "أعلن الاتحاد تأجيل مباراة القمة إلى الأسبوع المقبل.\n\nوسيحدد موعد جديد لاحقا." || arts[1].Author != "مراسل الرياضة" {
		t.Errorf("item 2: body %q author %q", arts[1].Body, arts[1].Author)
	}
	// Item 3: page is garbage, description used; no GUID → content ID.
	if arts[2].Body != "ارتفع منسوب مياه السد إلى أعلى مستوى منذ عشر سنوات." || arts[2].ID != source.ContentID(arts[2].Title, arts[2].Body) {
		t.Errorf("item 3: %+v", arts[2])
	}
	// Politeness: every request names Marsad; requests to the host are spaced.
	s.mu.Lock()
	var all []time.Time
	for _, ts := range s.hits {
		all = append(all, ts...)
	}
	for _, ua := range s.agents {
		if !strings.Contains(ua, "Marsad") {
			t.Errorf("User-Agent %q", ua)
		}
	}
	s.mu.Unlock()
	if len(all) != 4 {
		t.Errorf("%d requests, want 4 (feed + 3 pages)", len(all))
	}
	first, last := all[0], all[0]
	for _, ts := range all {
		if ts.Before(first) {
			first = ts
		}
		if ts.After(last) {
			last = ts
		}
	}
	// Three intervals of 40 ms; allow for network jitter on the first
	// request, which also opens the connection.
	if gap := last.Sub(first); gap < 3*40*time.Millisecond-30*time.Millisecond {
		t.Errorf("4 requests within %v: per-host interval not applied", gap)
	}

	// Second fetch: conditional GET, 304.
	if _, err := c.Fetch(context.Background(), s.URL+"/rss"); !errors.Is(err, feed.ErrNotModified) {
		t.Errorf("second fetch: %v, want ErrNotModified", err)
	}
}

func TestFetchErrors(t *testing.T) {
	s := newServer(t)
	c := &feed.Client{PerHost: -1}
	if _, err := c.Fetch(context.Background(), s.URL+"/nothing"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404 feed: %v", err)
	}
	if _, err := c.Fetch(context.Background(), s.URL+"/news/3"); err == nil {
		t.Error("garbage feed: no error")
	}
	if _, err := c.Fetch(context.Background(), "file:///etc/passwd"); err == nil {
		t.Error("file URL accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Fetch(ctx, s.URL+"/rss"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestOpenerAtomFile(t *testing.T) {
	opts := source.Options{Openers: []source.Opener{feed.Opener{}}}
	r, err := source.Open(context.Background(), "testdata/atom.xml", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	arts := drain(t, r)
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	if a.Title != "توقيع اتفاقية للتعاون العلمي" || a.Body != "وقعت الجامعتان اتفاقية للتعاون العلمي مدتها خمس سنوات." ||
		a.URL != "https://example.org/atom/1" || a.Author != "قسم الأخبار" || a.Origin != "testdata/atom.xml#1" || a.Lang != "ar" {
		t.Errorf("atom entry: %+v", a)
	}
}

func FuzzRead(f *testing.F) {
	for _, n := range []string{"rss.xml", "atom.xml"} {
		b, _ := os.ReadFile("testdata/" + n)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c := &feed.Client{MaxBytes: 1 << 16}
		r, err := c.Read(context.Background(), bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			a, err := r.Next(context.Background())
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				continue
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Fatal("invalid UTF-8")
			}
		}
	})
}
