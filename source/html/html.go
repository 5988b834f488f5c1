// Package html reads news articles from HTML pages: the main content is
// found with go-readability, and the metadata (publication time, author,
// canonical URL, site name) from the page's meta tags, microdata and
// JSON-LD.
//
// Use [Parse] on one page, or [Opener] with source.Options.Openers (package
// source/all does this) so that source.Open and source.Walk read .html
// files and HTML members of archives.
package html

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes caps the size of a page read by [Parse]: 16 MiB.
const DefaultMaxBytes = 16 << 20

// Options describe where a page came from.
type Options struct {
	URL         string // the page's URL: resolves relative links, fallback for Article.URL
	ContentType string // HTTP Content-Type header, for its charset parameter
	MaxBytes    int    // cap on the page size; 0 means DefaultMaxBytes
	Origin      string // stored in Article.Origin; defaults to URL
}

// ErrNoContent is returned (wrapped) when a page has no readable text.
var ErrNoContent = errors.New("no readable article text")

// Parse reads one HTML page and returns its article: title, body text
// with paragraphs separated by blank lines, publication time, author,
// site name and canonical URL (<link rel=canonical>, then og:url, then
// opts.URL). The charset comes from a byte order mark, the Content-Type
// header, a <meta> declaration, or else from detection
// (UTF-8, windows-1256, ISO-8859-6; see source.Decode).
func Parse(r io.Reader, opts Options) (marsad.Article, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return marsad.Article{}, fmt.Errorf("read page: %w", err)
	}
	if len(raw) > max {
		return marsad.Article{}, fmt.Errorf("page larger than %d bytes", max)
	}
	text, err := decodePage(raw, opts.ContentType)
	if err != nil {
		return marsad.Article{}, err
	}
	doc, err := xhtml.Parse(strings.NewReader(text))
	if err != nil {
		return marsad.Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	var pageURL *url.URL
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
			pageURL = u
		}
	}
	meta := scanMeta(doc)
	p := readability.NewParser()
	p.MaxElemsToParse = 200000
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return marsad.Article{}, fmt.Errorf("readability: %w", err)
	}
	var body strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&body); err != nil {
			return marsad.Article{}, fmt.Errorf("render text: %w", err)
		}
	}
	a := marsad.Article{
		Title:  oneLine(firstNonEmpty(art.Title(), meta.title)),
		Author: oneLine(firstNonEmpty(meta.author, art.Byline())),
		Source: oneLine(firstNonEmpty(art.SiteName(), meta.siteName)),
		URL:    resolve(pageURL, firstNonEmpty(meta.canonical, meta.ogURL, opts.URL)),
		Lang:   meta.lang,
		Origin: firstNonEmpty(opts.Origin, opts.URL),
	}
	a.Body = source.CleanBody(a.Title, paragraphs(body.String()))
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		a.Published = t
	} else if meta.published != "" {
		if t, err := source.ParseTime(meta.published); err == nil {
			a.Published = t
		}
	}
	if a.Body == "" && a.Title == "" {
		return marsad.Article{}, ErrNoContent
	}
	if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
		return marsad.Article{}, errors.New("page text is not valid UTF-8")
	}
	if a.Lang == "" || strings.HasPrefix(a.Lang, "ar") {
		if l := source.DetectLang(a.Title + "\n" + a.Body); l != "" {
			a.Lang = l
		}
	}
	if i := strings.IndexAny(a.Lang, "-_"); i > 0 {
		a.Lang = strings.ToLower(a.Lang[:i])
	}
	a.ID = source.ContentID(a.Title, a.Body)
	return a, nil
}

// decodePage turns raw page bytes into UTF-8 text.
func decodePage(raw []byte, contentType string) (string, error) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if s, ok := decodeWith(raw, params["charset"]); ok {
			return s, nil
		}
	}
	if !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) && !utf8.Valid(raw) {
		// A <meta> declaration, when there is one.
		if _, name, _ := charset.DetermineEncoding(raw, ""); name != "" && name != "windows-1252" && name != "utf-8" {
			if s, ok := decodeWith(raw, name); ok {
				return s, nil
			}
		}
	}
	s, _, err := source.Decode(raw)
	if err != nil {
		return "", fmt.Errorf("decode page: %w", err)
	}
	return s, nil
}

func decodeWith(raw []byte, label string) (string, bool) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", false
	}
	if name == "utf-8" {
		if utf8.Valid(raw) {
			return strings.TrimPrefix(string(raw), "\uFEFF"), true
		}
		return "", false // mislabelled: detect instead
	}
	b, err := enc.NewDecoder().Bytes(raw)
	if err != nil || !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

// pageMeta is what the page says about itself outside its text.
type pageMeta struct {
	title, author, siteName, lang string
	canonical, ogURL              string
	published                     string
}

// scanMeta walks the document once for metadata readability does not
// report (canonical URL, microdata datePublished) or reports less reliably.
func scanMeta(doc *xhtml.Node) pageMeta {
	var m pageMeta
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					setOnce(&m.ogURL, val)
				case "og:title":
					setOnce(&m.title, val)
				case "og:site_name":
					setOnce(&m.siteName, val)
				case "article:published_time", "datepublished", "og:published_time", "date", "pubdate", "dc.date", "dcterms.created":
					setOnce(&m.published, val)
				case "author", "article:author", "dc.creator":
					if !strings.HasPrefix(val, "http") {
						setOnce(&m.author, val)
					}
				}
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					setOnce(&m.published, attr(n, "datetime"))
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					jsonLD(n.FirstChild.Data, &m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// jsonLD reads datePublished and author from a JSON-LD block (an object,
// an array, or an @graph).
func jsonLD(data string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				visit(g, depth+1)
			}
			if s, ok := t["datePublished"].(string); ok {
				setOnce(&m.published, s)
			}
			switch au := t["author"].(type) {
			case string:
				setOnce(&m.author, au)
			case map[string]any:
				if s, ok := au["name"].(string); ok {
					setOnce(&m.author, s)
				}
			case []any:
				if len(au) > 0 {
					if o, ok := au[0].(map[string]any); ok {
						if s, ok := o["name"].(string); ok {
							setOnce(&m.author, s)
						}
					}
				}
			}
		}
	}
	visit(v, 0)
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// resolve makes ref absolute against base when it can.
func resolve(base *url.URL, ref string) string {
	if ref == "" || base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

// paragraphs normalizes rendered text: lines are trimmed and paragraphs
// separated by exactly one blank line.
func paragraphs(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// Opener plugs HTML pages into source.Open and source.Walk.
type Opener struct{}

var _ source.Opener = Opener{}

// Format returns "html".
func (Opener) Format() source.Format { return "html" }

// Sniff reports whether head starts like an HTML document: a doctype, an
// <html> or <head> tag (after white space and comments), or a .html/.htm
// name with a tag at the start.
func (Opener) Sniff(head []byte, name string) bool {
	t := skipComments(bytes.TrimLeft(head, " \t\r\n\f"))
	for _, p := range []string{"<!doctype html", "<html", "<head"} {
		if len(t) >= len(p) && strings.EqualFold(string(t[:len(p)]), p) {
			return true
		}
	}
	lower := strings.ToLower(name)
	return (strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm")) && len(t) > 0 && t[0] == '<'
}

func skipComments(b []byte) []byte {
	for bytes.HasPrefix(b, []byte("<!--")) {
		end := bytes.Index(b, []byte("-->"))
		if end < 0 {
			return b
		}
		b = bytes.TrimLeft(b[end+3:], " \t\r\n\f")
	}
	return b
}

// Open returns a Reader that yields the page's article.
func (Opener) Open(ctx context.Context, r io.Reader, origin string, opts source.Options) (source.Reader, error) {
	return &pageReader{r: r, origin: origin, max: opts.MaxRecord}, nil
}

type pageReader struct {
	r      io.Reader
	origin string
	max    int
	done   bool
}

func (p *pageReader) Next(ctx context.Context) (marsad.Article, error) {
	if err := ctx.Err(); err != nil {
		return marsad.Article{}, err
	}
	if p.done {
		return marsad.Article{}, io.EOF
	}
	p.done = true
	a, err := Parse(p.r, Options{Origin: p.origin, MaxBytes: p.max})
	if err != nil {
		return marsad.Article{}, &source.RecordError{Origin: p.origin, Err: err}
	}
	return a, nil
}

func (p *pageReader) Close() error { return nil }
