// Package feed reads news articles from RSS and Atom feeds, from files or
// over HTTP.
//
// A [Client] fetches a feed with a conditional GET (the caller remembers
// ETag and Last-Modified through [Validators]), and, when asked, fetches
// each item's page politely (one request per host per interval, a
// User-Agent naming Marsad, timeouts, the caller's context) and extracts
// the article with package source/html. When a page cannot be fetched or
// read, the item's own description or content is used instead.
//
// [Opener] plugs feed files into source.Open and source.Walk.
package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/html"
	"github.com/mmcdole/gofeed"
)

// DefaultUserAgent names Marsad in requests.
const DefaultUserAgent = "Marsad/0.1 (Arabic news observatory; +https://github.com/marsad-project/marsad)"

// Defaults for [Client].
const (
	DefaultTimeout  = 30 * time.Second
	DefaultPerHost  = time.Second
	DefaultMaxBytes = 16 << 20
)

// ErrNotModified is returned by [Client.Fetch] when the server answers 304
// Not Modified to a conditional GET.
var ErrNotModified = errors.New("feed not modified")

// Validators remembers the HTTP validators of feeds between fetches, so
// that a Client can make conditional requests. Implementations must be
// safe for concurrent use.
type Validators interface {
	// Get returns the ETag and Last-Modified values last stored for url.
	Get(ctx context.Context, url string) (etag, lastModified string)
	// Put stores them after a successful fetch.
	Put(ctx context.Context, url, etag, lastModified string)
}

// MemoryValidators is an in-memory [Validators].
type MemoryValidators struct {
	mu sync.Mutex
	m  map[string][2]string
}

// Get implements Validators.
func (v *MemoryValidators) Get(_ context.Context, url string) (string, string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	e := v.m[url]
	return e[0], e[1]
}

// Put implements Validators.
func (v *MemoryValidators) Put(_ context.Context, url, etag, lastModified string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.m == nil {
		v.m = map[string][2]string{}
	}
	v.m[url] = [2]string{etag, lastModified}
}

// Client fetches feeds and their pages. The zero value is usable; set the
// fields before first use and do not change them afterwards. A Client is
// safe for concurrent use.
type Client struct {
	HTTP       *http.Client  // nil: a client with Timeout
	UserAgent  string        // "" means DefaultUserAgent
	Timeout    time.Duration // per request; 0 means DefaultTimeout
	PerHost    time.Duration // least time between two requests to one host; 0 means DefaultPerHost, <0 none
	MaxBytes   int           // cap on a feed or page body; 0 means DefaultMaxBytes
	Validators Validators    // nil: no conditional GET
	FetchPages bool          // fetch each item's link and read the page
	Logger     *slog.Logger  // nil: slog.Default()

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of the next request
}

func (c *Client) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.Default()
}

func (c *Client) maxBytes() int {
	if c.MaxBytes > 0 {
		return c.MaxBytes
	}
	return DefaultMaxBytes
}

// wait blocks until a request to host is allowed by PerHost.
func (c *Client) wait(ctx context.Context, host string) error {
	gap := c.PerHost
	if gap == 0 {
		gap = DefaultPerHost
	}
	if gap < 0 {
		return nil
	}
	c.mu.Lock()
	if c.next == nil {
		c.next = map[string]time.Time{}
	}
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(gap)
	c.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// get performs a polite GET and returns the body (capped), headers and
// the final URL. A non-2xx status other than 304 is an error.
func (c *Client) get(ctx context.Context, rawURL string, hdr http.Header) (*http.Response, []byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, nil, fmt.Errorf("fetch %q: not an http(s) URL", rawURL)
	}
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, nil, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	client := c.HTTP
	if client == nil {
		client = &http.Client{Timeout: timeout}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return resp, nil, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, fmt.Errorf("fetch %s: %s", rawURL, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(c.maxBytes())+1))
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: read body: %w", rawURL, err)
	}
	if len(body) > c.maxBytes() {
		return nil, nil, fmt.Errorf("fetch %s: body larger than %d bytes", rawURL, c.maxBytes())
	}
	return resp, body, nil
}

// Fetch gets the feed at feedURL and returns a Reader over its items. It
// sends If-None-Match / If-Modified-Since from Validators and returns
// ErrNotModified on 304; after a successful fetch it stores the new
// validators.
func (c *Client) Fetch(ctx context.Context, feedURL string) (source.Reader, error) {
	hdr := http.Header{}
	hdr.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if c.Validators != nil {
		etag, lm := c.Validators.Get(ctx, feedURL)
		if etag != "" {
			hdr.Set("If-None-Match", etag)
		}
		if lm != "" {
			hdr.Set("If-Modified-Since", lm)
		}
	}
	resp, body, err := c.get(ctx, feedURL, hdr)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil, fmt.Errorf("fetch %s: %w", feedURL, ErrNotModified)
	}
	r, err := c.Read(ctx, bytes.NewReader(body), feedURL)
	if err != nil {
		return nil, err
	}
	if c.Validators != nil {
		c.Validators.Put(ctx, feedURL, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"))
	}
	return r, nil
}

// Read parses a feed document from r and returns a Reader over its items.
// origin names the feed in articles and errors.
func (c *Client) Read(ctx context.Context, r io.Reader, origin string) (source.Reader, error) {
	f, err := gofeed.NewParser().Parse(io.LimitReader(r, int64(c.maxBytes())))
	if err != nil {
		return nil, &source.InputError{Origin: origin, Err: fmt.Errorf("parse feed: %w", err)}
	}
	return &itemReader{c: c, feed: f, origin: origin}, nil
}

// itemReader yields one article per feed item.
type itemReader struct {
	c      *Client
	feed   *gofeed.Feed
	origin string
	i      int
}

func (r *itemReader) Next(ctx context.Context) (marsad.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if r.i >= len(r.feed.Items) {
			return marsad.Article{}, io.EOF
		}
		it := r.feed.Items[r.i]
		r.i++
		if it == nil {
			continue
		}
		where := fmt.Sprintf("%s#%d", r.origin, r.i)
		a := r.fromItem(it, where)
		if r.c.FetchPages && a.URL != "" {
			if p, err := r.page(ctx, a.URL, where); err == nil {
				a = merge(p, a)
			} else {
				if ctx.Err() != nil {
					return marsad.Article{}, ctx.Err()
				}
				r.c.logger().WarnContext(ctx, "feed item page not read; using the item's description", "item", where, "url", a.URL, "err", err)
			}
		}
		if a.Title == "" && a.Body == "" {
			return marsad.Article{}, &source.RecordError{Origin: where, Err: errors.New("feed item has neither title nor text")}
		}
		if a.ID == "" {
			a.ID = source.ContentID(a.Title, a.Body)
		}
		if a.Lang == "" {
			a.Lang = source.DetectLang(a.Title + "\n" + a.Body)
		}
		return a, nil
	}
}

func (r *itemReader) fromItem(it *gofeed.Item, where string) marsad.Article {
	title := valid(strings.Join(strings.Fields(html.Text(it.Title)), " "))
	text := it.Content
	if strings.TrimSpace(html.Text(text)) == "" {
		text = it.Description
	}
	text = valid(html.Text(text))
	a := marsad.Article{
		ID:     valid(strings.TrimSpace(it.GUID)),
		Title:  title,
		Body:   source.CleanBody(title, text),
		URL:    valid(strings.TrimSpace(it.Link)),
		Source: valid(strings.TrimSpace(r.feed.Title)),
		Origin: where,
	}
	if a.URL == "" && len(it.Links) > 0 {
		a.URL = valid(strings.TrimSpace(it.Links[0]))
	}
	if it.PublishedParsed != nil {
		a.Published = *it.PublishedParsed
	} else if it.UpdatedParsed != nil {
		a.Published = *it.UpdatedParsed
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Author = valid(strings.TrimSpace(it.Authors[0].Name))
	}
	return a
}

// page fetches and reads an item's page.
func (r *itemReader) page(ctx context.Context, link, where string) (marsad.Article, error) {
	resp, body, err := r.c.get(ctx, link, http.Header{"Accept": {"text/html, application/xhtml+xml;q=0.9, */*;q=0.5"}})
	if err != nil {
		return marsad.Article{}, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return marsad.Article{}, errors.New("unexpected 304")
	}
	return html.Parse(bytes.NewReader(body), html.Options{
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		MaxBytes:    r.c.maxBytes(),
		Origin:      where,
	})
}

// merge prefers the page's text and metadata, and keeps the item's where
// the page has none.
func merge(page, item marsad.Article) marsad.Article {
	if page.Body == "" {
		return item
	}
	a := page
	a.ID = item.ID
	a.Origin = item.Origin
	if a.Title == "" {
		a.Title = item.Title
	}
	if a.Published.IsZero() {
		a.Published = item.Published
	}
	if a.Author == "" {
		a.Author = item.Author
	}
	if item.Source != "" {
		a.Source = item.Source
	}
	if a.URL == "" {
		a.URL = item.URL
	}
	return a
}

func (r *itemReader) Close() error { return nil }

// Opener plugs RSS/Atom files into source.Open and source.Walk. With a nil
// Client, items are read from the file alone (no network).
type Opener struct {
	Client *Client
}

var _ source.Opener = Opener{}

// Format returns "feed".
func (Opener) Format() source.Format { return "feed" }

// Sniff reports whether head starts an RSS, Atom or RDF feed document.
func (Opener) Sniff(head []byte, name string) bool {
	t := bytes.TrimLeft(head, " \t\r\n\f")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	if len(t) > 2048 {
		t = t[:2048]
	}
	lower := bytes.ToLower(t)
	if bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) {
		return false
	}
	return bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf"))
}

// Open parses the feed in r.
func (o Opener) Open(ctx context.Context, r io.Reader, origin string, opts source.Options) (source.Reader, error) {
	c := o.Client
	if c == nil {
		c = &Client{MaxBytes: opts.MaxRecord}
	}
	return c.Read(ctx, r, origin)
}

// valid replaces invalid UTF-8 (which a feed may declare but not hold)
// with U+FFFD.
func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
