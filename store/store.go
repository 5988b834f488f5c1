// Package store defines Marsad's archive: the [Store] interface every
// backend implements, the search language ([ParseQuery]), the search
// analysis shared by indexing and querying ([Analyze]), and the result
// types returned to the CLI, the HTTP API and users' scripts.
//
// The embedded backend lives in store/sqlite. Backends agree on the
// semantics defined here: the same query string matches the same
// documents whatever the backend.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/marsad-project/marsad"
)

// ErrNotFound is returned by [Store.Get] when no article has the id.
var ErrNotFound = errors.New("store: article not found")

// Store is an archive of analyzed articles.
//
// Put is idempotent: putting the same article twice (same canonical URL or
// same normalized content) stores it once and reports the second one as a
// duplicate.
type Store interface {
	// Put stores a batch of records in one transaction and reports, per
	// record, whether it was new or a duplicate. Records are prepared
	// with [Prepare] (or prepared by Put when their fingerprint is empty).
	Put(ctx context.Context, recs []*Record) ([]PutResult, error)
	// Get returns one stored article with its extracted facts.
	Get(ctx context.Context, id string) (*Stored, error)
	// Search runs a parsed query.
	Search(ctx context.Context, q Query) (*Results, error)
	// Dupes lists groups of articles that carry the same story.
	Dupes(ctx context.Context, opt DupesOptions) ([]DupeGroup, error)
	// Quotes lists the quotes matching q, newest first.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
	// Close releases the store.
	Close() error
}

// Status says what Put did with a record.
type Status uint8

// Put outcomes.
const (
	New       Status = iota + 1 // stored as a new article
	Duplicate                   // same canonical URL or same content as a stored article
)

// String returns "new" or "duplicate".
func (s Status) String() string {
	switch s {
	case New:
		return "new"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// PutResult is the outcome of storing one record.
type PutResult struct {
	ID     string // archive id of the stored (or already present) article
	Status Status
	Reason string // for duplicates: "url" or "content"
	Story  string // id of the story (near-duplicate group) the article belongs to
}

// Stored is an article as kept in the archive.
type Stored struct {
	ID        string    // archive id (16 hex digits of the content hash)
	ExtID     string    // the source's own id
	Title     string    // headline
	Text      string    // JoinText(Title, body): what fact offsets index into
	Published time.Time // zero when unknown
	URL       string    // canonical URL, empty when unknown
	Source    string    // outlet
	Lang      string    // detected language
	Origin    string    // where it was first read from
	Story     string    // id of the first article of its near-duplicate group
	Doc       *marsad.Doc
}

// Results is one page of search results with facets over all matches.
type Results struct {
	Total  int    `json:"total"`
	Hits   []Hit  `json:"hits"`
	Facets Facets `json:"facets"`
}

// Hit is one matching article. Offsets count Unicode code points in the
// article's original text (title, blank line, body), end exclusive.
type Hit struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Source     string     `json:"source"`
	Published  *string    `json:"published"` // YYYY-MM-DD or null
	URL        string     `json:"url,omitempty"`
	Score      float64    `json:"score"` // higher is better
	Snippet    string     `json:"snippet"`
	SnippetAt  int        `json:"snippet_start"` // code point offset of the snippet in the text
	Highlights []Interval `json:"highlights"`    // matched words, code points in the text
}

// Interval is a half-open range of Unicode code points [Start, End).
type Interval struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Facets summarize all matches, not only the returned page (the entity
// facet may count a bounded number of them; see EntitiesOver).
type Facets struct {
	Sources  []Count `json:"sources"`
	Entities []Count `json:"entities"`
	Days     []Count `json:"days"` // articles per publication day, in date order
	// EntitiesOver, when not zero, is the number of matches (the most
	// recently stored) the entity facet was counted over: fewer than
	// all when a query matches very many articles.
	EntitiesOver int `json:"entities_over,omitempty"`
}

// Count is one facet value with its number of matching articles.
type Count struct {
	Value string `json:"value"`
	Type  string `json:"type,omitempty"` // entity type for entity facets
	Count int    `json:"count"`
}

// DupesOptions filters [Store.Dupes].
type DupesOptions struct {
	MinSize int // groups with at least this many articles (default 2)
	Limit   int // at most this many groups (default 50)
}

// DupeGroup is one story carried by several articles (near-duplicates), or
// one article seen several times (exact duplicates).
type DupeGroup struct {
	Story    string      `json:"story"`
	Articles []DupeEntry `json:"articles"`
	Seen     int         `json:"seen"` // times any copy was read, counting exact repeats
}

// DupeEntry is one article in a duplicate group.
type DupeEntry struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	URL       string  `json:"url,omitempty"`
	Distance  int     `json:"distance"` // SimHash Hamming distance to the story's first article
	Repeats   int     `json:"repeats"`  // exact duplicates of this article that were skipped
}

// QuoteQuery selects quotes for [Store.Quotes].
type QuoteQuery struct {
	// Speaker matches the speaker's entity name or the speaker as
	// written, whole or in part, after search normalization and variant
	// folding (بايدن finds the quotes of جو بايدن); empty: any speaker.
	Speaker string
	// From and To bound the publication day, inclusive (UTC dates);
	// zero leaves that end open. With either set, quotes of articles
	// without a publication date are left out.
	From, To time.Time
	// Limit is the most quotes returned (default 50).
	Limit int
}

// QuoteHit is one stored quote with its article.
type QuoteHit struct {
	ArticleID   string  `json:"article_id"`
	Title       string  `json:"title"`
	Source      string  `json:"source"`
	Published   *string `json:"published"`
	Text        string  `json:"text"`
	Speaker     string  `json:"speaker"` // entity name when linked, else the speaker as written
	SpeakerText string  `json:"speaker_text"`
	Cue         string  `json:"cue"`
	Start       int     `json:"start"` // code points in the article text
	End         int     `json:"end"`
}

// Day formats a publication time as YYYY-MM-DD, or nil when unknown.
func Day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}
