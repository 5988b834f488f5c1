package sqlite

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
	"github.com/marsad-project/marsad/store"
)

// fixture reads testdata/articles.jsonl.
func fixture(t testing.TB) []marsad.Article {
	t.Helper()
	type article struct{ ID, Title, Text, Published, URL, Source string }
	var out []marsad.Article
	sharedtest.JSONL(t, "testdata/articles.jsonl", func(line int, r article) bool {
		pub, err := time.Parse(time.DateOnly, r.Published)
		if err != nil {
			t.Fatalf("articles.jsonl:%d: %v", line, err)
		}
		out = append(out, marsad.Article{ID: r.ID, Title: r.Title, Body: r.Text, Published: pub, URL: r.URL,
			Source: r.Source, Origin: fmt.Sprintf("articles.jsonl:%d", line)})
		return true
	})
	return out
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func records(arts []marsad.Article, docs map[string]*marsad.Doc) []*store.Record {
	recs := make([]*store.Record, len(arts))
	for i, a := range arts {
		recs[i] = store.Prepare(a, docs[a.ID])
	}
	return recs
}

// loaded returns an archive holding the fixture and the Put results by
// ext id.
func loaded(t testing.TB) (*DB, map[string]store.PutResult) {
	t.Helper()
	db := openTemp(t)
	arts := fixture(t)
	res, err := db.Put(context.Background(), records(arts, nil))
	if err != nil {
		t.Fatal(err)
	}
	byExt := map[string]store.PutResult{}
	for i, r := range res {
		byExt[arts[i].ID] = r
	}
	return db, byExt
}

// extIDs maps archive ids of hits to the fixture's ext ids.
func extIDs(t *testing.T, db *DB, hits []store.Hit) []string {
	t.Helper()
	var out []string
	for _, h := range hits {
		s, err := db.Get(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s.ExtID)
	}
	slices.Sort(out)
	return out
}

func TestSearchCases(t *testing.T) {
	db, _ := loaded(t)
	sharedtest.Lines(t, "testdata/search.tsv", func(line int, text string) {
		parts := strings.Split(text, "\t")
		if len(parts) != 3 {
			t.Fatalf("search.tsv:%d: want 3 fields", line)
		}
		q, err := store.ParseQuery(parts[0])
		if err != nil {
			t.Errorf("search.tsv:%d: %v", line, err)
			return
		}
		if parts[1] != "-" {
			for _, kv := range strings.Split(parts[1], ";") {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "source":
					q.Sources = append(q.Sources, v)
				case "from", "to":
					d, err := time.Parse(time.DateOnly, v)
					if err != nil {
						t.Fatalf("search.tsv:%d: %v", line, err)
					}
					if k == "from" {
						q.From = d
					} else {
						q.To = d
					}
				default:
					t.Fatalf("search.tsv:%d: unknown filter %q", line, k)
				}
			}
		}
		q.Limit = 50
		for _, facets := range []bool{false, true} {
			q.Facets = facets
			res, err := db.Search(context.Background(), q)
			if err != nil {
				t.Errorf("search.tsv:%d: %q: %v", line, parts[0], err)
				continue
			}
			got := strings.Join(extIDs(t, db, res.Hits), ",")
			if got == "" {
				got = "-"
			}
			want := strings.Split(parts[2], ",")
			slices.Sort(want)
			if got != strings.Join(want, ",") {
				t.Errorf("search.tsv:%d: %q %s (facets %v): got %s, want %s", line, parts[0], parts[1], facets, got, strings.Join(want, ","))
			}
			if facets {
				checkFacets(t, db, line, res)
			}
			if res.Total != len(res.Hits) {
				t.Errorf("search.tsv:%d: %q: total %d, %d hits", line, parts[0], res.Total, len(res.Hits))
			}
			for i := 1; i < len(res.Hits); i++ {
				if res.Hits[i].Score > res.Hits[i-1].Score {
					t.Errorf("search.tsv:%d: hits not in score order", line)
				}
			}
		}
	})
}

func TestDuplicates(t *testing.T) {
	db, res := loaded(t)
	for ext, want := range map[string]struct {
		status store.Status
		reason string
		same   string // the ext id it duplicates or whose story it joins
	}{
		"a1":  {store.New, "", "a1"},
		"a5":  {store.New, "", "a5"},
		"a6":  {store.New, "", "a5"}, // near-duplicate: one word changed
		"a9":  {store.Duplicate, "content", "a1"},
		"a10": {store.Duplicate, "url", "a1"},
		"a8":  {store.New, "", "a8"},
	} {
		got := res[ext]
		if got.Status != want.status || got.Reason != want.reason {
			t.Errorf("%s: status %v %q, want %v %q", ext, got.Status, got.Reason, want.status, want.reason)
		}
		if got.Story != res[want.same].ID {
			t.Errorf("%s: story %s, want that of %s (%s)", ext, got.Story, want.same, res[want.same].ID)
		}
	}
	groups, err := db.Dupes(context.Background(), store.DupesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, g := range groups {
		var ids []string
		for _, a := range g.Articles {
			s, err := db.Get(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, fmt.Sprintf("%s×%d", s.ExtID, a.Repeats+1))
		}
		seen = append(seen, strings.Join(ids, "+"))
	}
	slices.Sort(seen)
	// a1 was read three times (a9 same text, a10 same URL); a5 and a6 are
	// one story.
	if want := []string{"a1×3", "a5×1+a6×1"}; !slices.Equal(seen, want) {
		t.Errorf("dupe groups %v, want %v", seen, want)
	}
}

// tableCounts returns the row count of every table.
func tableCounts(t *testing.T, db *DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tab := range []string{"articles", "sightings", "entities", "article_entities", "mentions", "times",
		"quantities", "quotes", "events", "fts_docsize"} {
		var n int
		if err := db.SQL().QueryRow("SELECT count(*) FROM " + tab).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tab] = n
	}
	return out
}

func TestIdempotent(t *testing.T) {
	db, _ := loaded(t)
	docs := annotated(fixture(t))
	before := tableCounts(t, db)
	for range 2 {
		res, err := db.Put(context.Background(), records(fixture(t), docs))
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Status != store.Duplicate {
				t.Errorf("record %d: %v on second put", i, r.Status)
			}
		}
		if after := tableCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("second put changed the archive: %v → %v", before, after)
		}
	}
	if before["articles"] != 9 || before["sightings"] != 11 {
		t.Errorf("counts %v, want 9 articles and 11 sightings", before)
	}
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// annotated builds documents with facts found by plain string search: a
// PER entity for every occurrence of بايدن, a quote after every "قال …"
// up to the sentence end, and a DATE for "يوم الاثنين". It exercises
// storage of facts without depending on the real extractors.
func annotated(arts []marsad.Article) map[string]*marsad.Doc {
	docs := map[string]*marsad.Doc{}
	for _, a := range arts {
		d := store.NewDoc(a)
		var ms []marsad.Mention
		for off := 0; ; {
			i := strings.Index(d.Text[off:], "بايدن")
			if i < 0 {
				break
			}
			s := off + i
			ms = append(ms, marsad.Mention{Span: marsad.Span{Start: s, End: s + len("بايدن")}, Text: "بايدن"})
			off = s + 1
		}
		if len(ms) > 0 {
			d.Entities = append(d.Entities, marsad.Entity{ID: "E1", Type: marsad.PER, Name: "جو بايدن", Mentions: ms})
		}
		if i := strings.Index(d.Text, "وقال بايدن"); i >= 0 {
			j := i + strings.Index(d.Text[i:], ".")
			d.Quotes = append(d.Quotes, marsad.Quote{Span: marsad.Span{Start: i, End: j}, Text: d.Text[i:j],
				Speaker: "E1", SpeakerText: "بايدن", Cue: "قال"})
		}
		if i := strings.Index(d.Text, "يوم الاثنين"); i >= 0 {
			d.Times = append(d.Times, marsad.TimeExpr{Span: marsad.Span{Start: i, End: i + len("يوم الاثنين")},
				Text: "يوم الاثنين", Type: marsad.DATE, Value: "2021-07-26"})
		}
		docs[a.ID] = d
	}
	return docs
}

func TestFacts(t *testing.T) {
	db := openTemp(t)
	arts := fixture(t)
	docs := annotated(arts)
	res, err := db.Put(context.Background(), records(arts, docs))
	if err != nil {
		t.Fatal(err)
	}
	// a1 round-trips with its spans as byte offsets.
	s, err := db.Get(context.Background(), res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := docs["a1"]
	if s.Text != want.Text {
		t.Fatalf("text differs:\n%q\n%q", s.Text, want.Text)
	}
	for i := range s.Doc.Entities {
		if s.Doc.Entities[i].Key == "" {
			t.Errorf("entity %s has no archive key", s.Doc.Entities[i].Name)
		}
		s.Doc.Entities[i].Key = "" // filled by the archive
	}
	if fmt.Sprint(s.Doc.Entities) != fmt.Sprint(want.Entities) || fmt.Sprint(s.Doc.Quotes) != fmt.Sprint(want.Quotes) ||
		fmt.Sprint(s.Doc.Times) != fmt.Sprint(want.Times) {
		t.Errorf("facts differ after round trip:\n got %v %v %v\nwant %v %v %v", s.Doc.Entities, s.Doc.Quotes, s.Doc.Times,
			want.Entities, want.Quotes, want.Times)
	}
	// Stored offsets count code points: substr in SQL gives the span.
	var text, mention string
	if err := db.SQL().QueryRow(`SELECT t.text, substr(t.text, m.start + 1, m."end" - m.start) FROM mentions m
		JOIN article_text t ON t.n = m.article LIMIT 1`).Scan(&text, &mention); err != nil {
		t.Fatal(err)
	}
	if mention != "بايدن" {
		t.Errorf("substr over stored offsets = %q, want بايدن", mention)
	}
	// Quotes by speaker, by any part of the name, any spelling of it.
	for _, sp := range []string{"بايدن", "جو بايدن", "بايدِن"} {
		qs, err := db.Quotes(context.Background(), store.QuoteQuery{Speaker: sp, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 1 || qs[0].Speaker != "جو بايدن" || !strings.HasPrefix(qs[0].Text, "وقال بايدن") {
			t.Errorf("Quotes(%q) = %+v", sp, qs)
		}
	}
	// Entity filter and facets.
	q, _ := store.ParseQuery("العراق")
	q.Entity, q.Facets = "بايدن", true
	r, err := db.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := extIDs(t, db, r.Hits); !slices.Equal(got, []string{"a1", "a3"}) {
		t.Errorf("entity filter: hits %v, want a1 a3", got)
	}
	if len(r.Facets.Entities) != 1 || r.Facets.Entities[0] != (store.Count{Value: "جو بايدن", Type: "PER", Count: 2}) {
		t.Errorf("entity facet %+v", r.Facets.Entities)
	}
	if fmt.Sprint(r.Facets.Days) != fmt.Sprint([]store.Count{{Value: "2021-07-26", Count: 1}, {Value: "2021-07-28", Count: 1}}) {
		t.Errorf("day facet %+v", r.Facets.Days)
	}
}

func TestHighlights(t *testing.T) {
	db, _ := loaded(t)
	for _, c := range []struct{ query, want string }{
		{"ترمب", "ترامب|ترمب"},
		{`"دونالد ترامب"`, "دونالد ترامب|دونالد ترمب"},
		{"للولايات", "للولايات|الولايات"},
		{"oil", "Oil"},
	} {
		q, err := store.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%q: no hits", c.query)
			continue
		}
		allowed := strings.Split(c.want, "|")
		for _, h := range res.Hits {
			s, err := db.Get(context.Background(), h.ID)
			if err != nil {
				t.Fatal(err)
			}
			runes := []rune(s.Text)
			if len(h.Highlights) == 0 {
				t.Errorf("%q in %s: no highlights", c.query, h.ID)
			}
			for _, iv := range h.Highlights {
				got := string(runes[iv.Start:iv.End])
				if !slices.Contains(allowed, got) {
					t.Errorf("%q in %s: highlight %d-%d is %q, want one of %v", c.query, h.ID, iv.Start, iv.End, got, allowed)
				}
			}
			sn := []rune(h.Snippet)
			if h.SnippetAt+len(sn) > len(runes) {
				t.Fatalf("%q: snippet beyond text", c.query)
			}
			orig := strings.Map(func(r rune) rune {
				if r == '\n' {
					return ' '
				}
				return r
			}, string(runes[h.SnippetAt:h.SnippetAt+len(sn)]))
			if orig != h.Snippet || !utf8.ValidString(h.Snippet) {
				t.Errorf("%q: snippet %q is not the text at %d (%q)", c.query, h.Snippet, h.SnippetAt, orig)
			}
		}
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	for range 2 {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.Version(context.Background())
		if err != nil || v != SchemaVersion {
			t.Errorf("version %d, %v; want %d", v, err, SchemaVersion)
		}
		var mode string
		if err := db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal mode %q, %v", mode, err)
		}
		if _, err := db.Put(context.Background(), records(fixture(t), nil)); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

func TestRankWindow(t *testing.T) {
	ctx := context.Background()
	db, err := OpenWith(ctx, filepath.Join(t.TempDir(), "a.db"), Options{RankWindow: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(ctx, records(fixture(t), nil)); err != nil {
		t.Fatal(err)
	}
	// ترامب OR بغداد matches a1–a4: the total counts all four, the hits
	// come from the two most recently stored (a3, a4).
	q, _ := store.ParseQuery("ترامب OR بغداد")
	q.Limit = 10
	for _, facets := range []bool{false, true} {
		q.Facets = facets
		res, err := db.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := extIDs(t, db, res.Hits); res.Total != 4 || !slices.Equal(got, []string{"a3", "a4"}) {
			t.Errorf("facets %v: total %d, hits %v; want 4 and a3 a4", facets, res.Total, got)
		}
		n := 0
		for _, c := range res.Facets.Sources {
			n += c.Count
		}
		if facets && n != 4 {
			t.Errorf("source facet counts %d articles, want all 4 matches", n)
		}
	}
}

func TestReindex(t *testing.T) {
	db, _ := loaded(t)
	ctx := context.Background()
	if stale, err := db.Stale(ctx); err != nil || stale {
		t.Fatalf("fresh archive stale=%v, %v", stale, err)
	}
	// Pretend the index was built by another analysis, with no terms.
	if _, err := db.SQL().Exec("UPDATE meta SET value = 'other' WHERE key = 'analysis'"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("INSERT INTO fts(fts) VALUES ('delete-all')"); err != nil {
		t.Fatal(err)
	}
	if stale, err := db.Stale(ctx); err != nil || !stale {
		t.Fatalf("stale=%v, %v after changing the analysis version", stale, err)
	}
	q, _ := store.ParseQuery("ترمب")
	if res, err := db.Search(ctx, q); err != nil || res.Total != 0 {
		t.Fatalf("search on an emptied index: %v, %v", res, err)
	}
	if err := db.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	if stale, err := db.Stale(ctx); err != nil || stale {
		t.Fatalf("after Reindex stale=%v, %v", stale, err)
	}
	res, err := db.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := extIDs(t, db, res.Hits); !slices.Equal(got, []string{"a3", "a4"}) {
		t.Errorf("after Reindex: %v, want a3 a4", got)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// TestSchemaVersion checks that SchemaVersion is the last migration.
func TestSchemaVersion(t *testing.T) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("migrations: %v %v", names, err)
	}
	slices.Sort(names)
	last := path.Base(names[len(names)-1])
	if want := fmt.Sprintf("%04d_", SchemaVersion); !strings.HasPrefix(last, want) {
		t.Errorf("last migration %s, SchemaVersion %d", last, SchemaVersion)
	}
}

// checkFacets checks that the source and day facets of a result count its
// hits (all of them: the cases have fewer than 50).
func checkFacets(t *testing.T, db *DB, line int, res *store.Results) {
	t.Helper()
	srcs, days := map[string]int{}, map[string]int{}
	for _, h := range res.Hits {
		srcs[h.Source]++
		if h.Published != nil {
			days[*h.Published]++
		}
	}
	got := map[string]int{}
	for _, c := range res.Facets.Sources {
		got[c.Value] = c.Count
	}
	if !maps.Equal(got, srcs) {
		t.Errorf("search.tsv:%d: source facet %v, hits %v", line, got, srcs)
	}
	got = map[string]int{}
	for i, c := range res.Facets.Days {
		got[c.Value] = c.Count
		if i > 0 && c.Value <= res.Facets.Days[i-1].Value {
			t.Errorf("search.tsv:%d: days out of order: %v", line, res.Facets.Days)
		}
	}
	if !maps.Equal(got, days) {
		t.Errorf("search.tsv:%d: day facet %v, hits %v", line, got, days)
	}
}

// TestEntityIdentity stores the same entity from articles in several
// batches, with and without the in-memory entity numbers: it is one
// archive entity.
func TestEntityIdentity(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	arts := fixture(t)
	docs := annotated(arts)
	linked := 0
	for i, a := range arts {
		if len(docs[a.ID].Entities) > 0 {
			linked++
		}
		if i%3 == 2 {
			db.mu.Lock()
			db.ents = nil // as a new handle or another process would start
			db.mu.Unlock()
		}
		if _, err := db.Put(ctx, records(arts[i:i+1], docs)); err != nil {
			t.Fatal(err)
		}
	}
	var ents, uses int
	if err := db.SQL().QueryRow("SELECT (SELECT count(*) FROM entities), (SELECT count(DISTINCT entity) FROM article_entities)").Scan(&ents, &uses); err != nil {
		t.Fatal(err)
	}
	if linked < 3 || ents != 1 || uses != 1 {
		t.Errorf("%d articles name the entity: %d entities, %d used; want 1 and 1", linked, ents, uses)
	}
}

// TestOptimizeCompacts checks that Optimize after a first ingest leaves
// no free pages and an intact archive, and that Compact does too.
func TestOptimizeCompacts(t *testing.T) {
	ctx := context.Background()
	db, _ := loaded(t)
	free := func() int {
		var n int
		if err := db.SQL().QueryRowContext(ctx, "PRAGMA freelist_count").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Dropping a table frees its pages.
	if _, err := db.SQL().ExecContext(ctx, "CREATE TABLE scratch AS SELECT * FROM articles; DROP TABLE scratch"); err != nil {
		t.Fatal(err)
	}
	if free() == 0 {
		t.Fatal("no free pages to reclaim")
	}
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if n := free(); n != 0 {
		t.Errorf("%d free pages after optimizing a first ingest", n)
	}
	if _, err := db.SQL().ExecContext(ctx, "CREATE TABLE scratch AS SELECT * FROM articles; DROP TABLE scratch"); err != nil {
		t.Fatal(err)
	}
	if err := db.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := free(); n != 0 {
		t.Errorf("%d free pages after Compact", n)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	q, _ := store.ParseQuery("العراق")
	if r, err := db.Search(ctx, q); err != nil || r.Total == 0 {
		t.Errorf("search after compaction: %v, %+v", err, r)
	}
}
