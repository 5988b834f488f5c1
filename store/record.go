package store

import (
	"strings"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/dedup"
)

// Record is one article ready to store: the article, its analyzed
// document with extracted facts, and the fingerprints and index terms
// computed from them. [Prepare] fills it; it is pure CPU work, so a
// pipeline runs it in its workers and leaves only writing to the store.
type Record struct {
	Article marsad.Article
	Doc     *marsad.Doc // Text is Title + "\n\n" + Body; facts index into it

	ID         string // hex content hash: the article's archive id
	URL        string // canonical URL, "" when unknown
	SimHash    uint64 // SimHash of the body (see package dedup)
	Shingles   int    // shingles behind SimHash; below dedup.MinShingles it is not used
	TitleTerms string // analyzed title terms, space separated
	BodyTerms  string // analyzed body terms, space separated
}

// Title returns the document title.
func (r *Record) Title() string { return r.Doc.Title }

// Body returns the document body (the text after the title and blank line).
func (r *Record) Body() string { return r.Doc.Text[r.Doc.BodyStart:] }

// JoinText is the text of a document with this title and body, as the
// extractors see it (see [marsad.DocText]).
func JoinText(title, body string) string {
	text, _ := marsad.DocText(title, body)
	return text
}

// NewDoc builds the document of an article, without facts: its text is
// [JoinText] of the trimmed title and body.
func NewDoc(a marsad.Article) *marsad.Doc {
	title := strings.TrimSpace(a.Title)
	text, bodyStart := marsad.DocText(title, strings.TrimSpace(a.Body))
	return &marsad.Doc{
		ID:        a.ID,
		Title:     title,
		Published: a.Published,
		URL:       a.URL,
		Source:    a.Source,
		Text:      text,
		BodyStart: bodyStart,
	}
}

// consistent reports whether doc's text is JoinText of its title and body,
// the layout the archive stores.
func consistent(doc *marsad.Doc) bool {
	if doc.BodyStart < 0 || doc.BodyStart > len(doc.Text) {
		return false
	}
	text, bodyStart := marsad.DocText(doc.Title, doc.Text[doc.BodyStart:])
	return doc.Text == text && doc.BodyStart == bodyStart
}

// Prepare computes a record's fingerprints and index terms. doc may be nil
// (no extraction ran); a doc whose Text is not [JoinText] of its title and
// body is replaced by [NewDoc] without facts, since stored offsets must
// index into the text the archive rebuilds from title and body.
func Prepare(a marsad.Article, doc *marsad.Doc) *Record {
	return (&Analyzer{}).Prepare(a, doc)
}

// Prepare is [Prepare] with the analyzer's cache.
func (z *Analyzer) Prepare(a marsad.Article, doc *marsad.Doc) *Record {
	if doc == nil || !consistent(doc) {
		doc = NewDoc(a)
	}
	r := &Record{Article: a, Doc: doc}
	body := r.Body()
	titleToks, bodyToks := arabic.Tokenize(doc.Title), arabic.Tokenize(body)
	bodyWords := dedup.Words(bodyToks)
	r.ID = dedup.ContentHashWords(dedup.Words(titleToks), bodyWords)
	if u, err := dedup.CanonicalURL(a.URL); err == nil {
		r.URL = u
	} else {
		r.URL = strings.TrimSpace(a.URL)
	}
	r.SimHash, r.Shingles = dedup.SimHashWords(bodyWords)
	r.TitleTerms = joinTerms(z.Terms(titleToks))
	r.BodyTerms = joinTerms(z.Terms(bodyToks))
	return r
}

func joinTerms(ts []Term) string {
	n := 0
	for _, t := range ts {
		n += len(t.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}
