package sqlite

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/store"
)

// quoteFixture reads testdata/quotes.jsonl: articles with the quotes to
// attach to them, each speaker an entity of the article when "entity" is
// given.
func quoteFixture(t *testing.T) []*store.Record {
	t.Helper()
	type article struct {
		ID, Title, Text, Published, Source string
		Quotes                             []struct {
			Text, Entity string
			SpeakerText  string `json:"speaker_text"`
		}
	}
	var recs []*store.Record
	sharedtest.JSONL(t, "testdata/quotes.jsonl", func(line int, r article) bool {
		a := marsad.Article{ID: r.ID, Title: r.Title, Body: r.Text, Source: r.Source, Origin: fmt.Sprintf("quotes.jsonl:%d", line)}
		if r.Published != "" {
			pub, err := time.Parse(time.RFC3339, r.Published)
			if err != nil {
				t.Fatalf("quotes.jsonl:%d: %v", line, err)
			}
			a.Published = pub
		}
		doc := store.NewDoc(a)
		ents := map[string]string{}
		for _, q := range r.Quotes {
			i := strings.Index(doc.Text, q.Text)
			if i < 0 {
				t.Fatalf("quotes.jsonl:%d: %q not in the text", line, q.Text)
			}
			mq := marsad.Quote{Span: marsad.Span{Start: i, End: i + len(q.Text)}, Text: q.Text, Direct: true,
				SpeakerText: q.SpeakerText, Cue: "قال"}
			if q.Entity != "" {
				id, ok := ents[q.Entity]
				if !ok {
					id = fmt.Sprintf("E%d", len(ents)+1)
					ents[q.Entity] = id
					doc.Entities = append(doc.Entities, marsad.Entity{ID: id, Type: marsad.PER, Name: q.Entity})
				}
				mq.Speaker = id
			}
			doc.Quotes = append(doc.Quotes, mq)
		}
		recs = append(recs, store.Prepare(a, doc))
		return true
	})
	return recs
}

func parseDay(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestQuotes runs the cases of testdata/quotes.tsv: speaker matching by
// entity name or speaker text, the inclusive day filter and the order.
func TestQuotes(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	recs := quoteFixture(t)
	res, err := db.Put(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	extOf := map[string]string{}
	for i, r := range res {
		extOf[r.ID] = recs[i].Article.ID
	}
	data, err := os.ReadFile("testdata/quotes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("quotes.tsv:%d: want 4 fields, got %d", i+1, len(f))
		}
		q := store.QuoteQuery{Speaker: f[0], From: parseDay(t, f[1]), To: parseDay(t, f[2])}
		hits, err := db.Quotes(ctx, q)
		if err != nil {
			t.Fatalf("quotes.tsv:%d: %v", i+1, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, extOf[h.ArticleID]+":"+h.Text)
		}
		if strings.Join(got, "|") != f[3] {
			t.Errorf("quotes.tsv:%d: Quotes(%q, %s..%s)\n got %s\nwant %s", i+1, f[0], f[1], f[2], strings.Join(got, "|"), f[3])
		}
	}
	// The speaker is the entity's name when the quote is linked to one.
	hits, err := db.Quotes(ctx, store.QuoteQuery{Speaker: "الرئيس الأمريكي"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Speaker != "جو بايدن" || hits[0].SpeakerText != "الرئيس الأمريكي" {
		t.Errorf("speaker of linked quote: %+v", hits)
	}
	// Limit keeps the newest.
	hits, err = db.Quotes(ctx, store.QuoteQuery{Speaker: "بايدن", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || extOf[hits[0].ArticleID] != "q4" {
		t.Errorf("limit 1: %+v", hits)
	}
}
