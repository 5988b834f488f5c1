package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/store"
)

// spanDocs returns the records of the test archives: the fixture articles
// annotated as in TestFacts, with a quantity over the first word of each
// body and a time over the first word of each title (spans in the body
// and in the title), the quote fixture, and an article with no title.
func spanDocs(t *testing.T) []*store.Record {
	t.Helper()
	arts := fixture(t)
	arts = append(arts, marsad.Article{ID: "untitled", Body: "قال بايدن يوم الاثنين إن القوات ستغادر العراق.",
		Source: "صحيفة المثال", Origin: "spans:1"})
	docs := annotated(arts)
	for _, d := range docs {
		if w := strings.IndexByte(d.Text[d.BodyStart:], ' '); w > 0 {
			d.Quantities = append(d.Quantities, marsad.Quantity{Span: marsad.Span{Start: d.BodyStart, End: d.BodyStart + w},
				Text: d.Text[d.BodyStart : d.BodyStart+w], Approx: true, Kind: "count"})
		}
		if d.BodyStart > 0 {
			if w := strings.IndexByte(d.Text, ' '); w > 0 && w < d.BodyStart {
				d.Times = append(d.Times, marsad.TimeExpr{Span: marsad.Span{Start: 0, End: w}, Text: d.Text[:w], Type: marsad.DATE})
			}
		}
	}
	return append(records(arts, docs), quoteFixture(t)...)
}

// factRows returns every row of the fact tables (or views), each
// rendered as a string, in key order.
func factRows(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'entity', article, local_id, entity, name, role, mentions FROM article_entities ORDER BY article, local_id`,
		`SELECT 'mention', article, local_id, start, "end", text FROM mentions ORDER BY article, start, local_id`,
		`SELECT 'time', article, start, "end", text, type, value, mod FROM times ORDER BY article, start, "end"`,
		`SELECT 'quantity', article, start, "end", text, value, min, max, approx, kind, unit FROM quantities ORDER BY article, start, "end"`,
		`SELECT 'quote', article, start, "end", text, direct, speaker, speaker_text, speaker_norm, cue FROM quotes ORDER BY article, start, "end"`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// snapshot is what the archive answers about its facts: every article by
// Get, every quote, and a search with facets and an entity filter.
func snapshot(t *testing.T, db *DB, ids []string) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	b.WriteString(gets(t, db, ids))
	for _, sp := range []string{"", "بايدن", "الكاظمي"} {
		qs, err := db.Quotes(ctx, store.QuoteQuery{Speaker: sp, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(qs)
		b.Write(j)
		b.WriteByte('\n')
	}
	q, _ := store.ParseQuery("العراق")
	q.Entity, q.Facets = "بايدن", true
	r, err := db.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(r)
	b.Write(j)
	return b.String()
}

// gets returns every article by Get, one JSON line each.
func gets(t *testing.T, db *DB, ids []string) string {
	t.Helper()
	var b strings.Builder
	for _, id := range ids {
		s, err := db.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(s)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestMigrateSpans builds a version 4 archive holding facts with their
// texts stored (copied from an archive this version wrote), with a few
// texts that differ from their spans and an entity named otherwise than
// in the archive, migrates it and checks that every fact reads back
// identical, column by column, through the views; that the base tables
// keep a text or name only where it differs; that Get answers as before
// the migration; and that Get, Quotes and Search answer as the archive
// the facts came from, but for the articles changed.
func TestMigrateSpans(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src, err := OpenWith(ctx, filepath.Join(dir, "src.db"), Options{Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := src.Put(ctx, spanDocs(t))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		if r.Status == store.New {
			ids = append(ids, r.ID)
		}
	}
	want := snapshot(t, src, ids)
	src.Close()

	path := filepath.Join(dir, "v4.db")
	old, err := openAt(ctx, path, Options{Logger: quietLog()}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(ctx); v != 4 {
		t.Fatalf("built version %d, want 4", v)
	}
	// The version 4 file gets the same rows, the fact texts stored.
	conn, err := old.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"ATTACH DATABASE " + sqlQuote(filepath.Join(dir, "src.db")) + " AS src",
		"INSERT INTO main.articles SELECT * FROM src.articles",
		"INSERT INTO main.inputs SELECT * FROM src.inputs",
		"INSERT INTO main.readings SELECT * FROM src.readings",
		"INSERT INTO main.entities SELECT * FROM src.entities",
		"INSERT INTO main.article_entities SELECT * FROM src.article_entities",
		`INSERT INTO main.mentions(article, local_id, start, "end", text) SELECT article, local_id, start, "end", text FROM src.mentions`,
		`INSERT INTO main.times(article, start, "end", text, type, value, mod) SELECT article, start, "end", text, type, value, mod FROM src.times`,
		`INSERT INTO main.quantities(article, start, "end", text, value, min, max, approx, kind, unit)
			SELECT article, start, "end", text, value, min, max, approx, kind, unit FROM src.quantities`,
		`INSERT INTO main.quotes(article, start, "end", text, direct, speaker, speaker_text, speaker_norm, cue)
			SELECT article, start, "end", text, direct, speaker, speaker_text, speaker_norm, cue FROM src.quotes`,
		"DETACH DATABASE src",
		// Texts that are not their spans (an extractor that rewrote them)
		// must survive as they are.
		`UPDATE mentions SET text = 'جو بايدن' WHERE (article, start) = (SELECT article, min(start) FROM mentions)`,
		`UPDATE times SET text = text || ' الماضي' WHERE (article, start) = (SELECT article, max(start) FROM times)`,
		`UPDATE quantities SET text = '' WHERE (article, start) = (SELECT max(article), 0 FROM quantities)`,
		// And an entity named otherwise in one article than in the archive.
		`UPDATE article_entities SET name = 'بايدن' WHERE article = (SELECT n FROM articles WHERE ext_id = 'untitled')`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	if err := old.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	before := factRows(t, old.SQL())
	beforeGets := gets(t, old, ids) // Get reads the version 4 tables by the same names
	var stored int
	if err := old.SQL().QueryRowContext(ctx, "SELECT (SELECT count(*) FROM mentions) + (SELECT count(*) FROM times) + (SELECT count(*) FROM quantities) + (SELECT count(*) FROM quotes)").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored < 30 || len(before) < stored {
		t.Fatalf("%d facts in the version 4 file (%d read)", stored, len(before))
	}
	var changed, renamed, changedArts int
	if err := old.SQL().QueryRowContext(ctx, `WITH c AS (SELECT f.article FROM (SELECT article, start, "end", text FROM mentions UNION ALL
			SELECT article, start, "end", text FROM times UNION ALL SELECT article, start, "end", text FROM quantities) f
			JOIN article_text t ON t.n = f.article WHERE f.text <> substr(t.text, f.start + 1, f."end" - f.start)),
		r AS (SELECT ae.article FROM article_entities ae JOIN entities e ON e.n = ae.entity WHERE ae.name <> e.name)
		SELECT (SELECT count(*) FROM c), (SELECT count(*) FROM r),
			(SELECT count(*) FROM (SELECT article FROM c UNION SELECT article FROM r))`).Scan(&changed, &renamed, &changedArts); err != nil {
		t.Fatal(err)
	}
	if changed != 3 || renamed != 1 {
		t.Fatalf("%d texts differ from their spans and %d names from the entity's, want the 3 and 1 changed", changed, renamed)
	}
	old.Close()

	db, err := OpenWith(ctx, path, Options{Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v != SchemaVersion {
		t.Fatalf("migrated to version %d, want %d", v, SchemaVersion)
	}
	after := factRows(t, db.SQL())
	if !slices.Equal(after, before) {
		for i := range max(len(after), len(before)) {
			var a, b string
			if i < len(after) {
				a = after[i]
			}
			if i < len(before) {
				b = before[i]
			}
			if a != b {
				t.Errorf("fact %d after migration:\n%s\nbefore:\n%s", i, a, b)
			}
		}
	}
	var kept int
	if err := db.SQL().QueryRowContext(ctx, `SELECT (SELECT count(text) FROM fact_mentions) + (SELECT count(text) FROM fact_times) +
		(SELECT count(text) FROM fact_quantities) + (SELECT count(text) FROM fact_quotes)`).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	if kept != 3 {
		t.Errorf("%d texts kept in the base tables, want the 3 that differ from their spans", kept)
	}
	var names, links int
	if err := db.SQL().QueryRowContext(ctx, "SELECT count(name), count(*) FROM fact_entities").Scan(&names, &links); err != nil {
		t.Fatal(err)
	}
	if names != 1 || links < 5 {
		t.Errorf("%d of %d entity names kept, want the 1 that is not the archive entity's name", names, links)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if d := diffLines(gets(t, db, ids), beforeGets); len(d) > 0 {
		t.Errorf("Get differs after migration:\n%s", strings.Join(d, "\n"))
	}
	// Get, Quotes and Search answer as the archive the facts came from,
	// but for the articles with a changed text, which Get returns as
	// changed.
	got := snapshot(t, db, ids)
	if d := diffLines(got, want); len(d) != changedArts {
		t.Errorf("%d articles or answers differ after migration, want the %d with a changed text:\n%s", len(d), changedArts, strings.Join(d, "\n"))
	}
}

// diffLines returns the lines that differ between two texts, each as
// "got … want …"; every line when the numbers of lines differ.
func diffLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y || len(al) != len(bl) {
			out = append(out, "got  "+x+"\nwant "+y)
		}
	}
	return out
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// TestSpanTexts checks that Put stores a fact's text only when it is not
// the span of the article text its offsets give, and that Get and the
// views return the text given either way.
func TestSpanTexts(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := marsad.Article{ID: "s1", Title: "بايدن في بغداد", Body: "قال الرئيس جو بايدن: \"سنبقى شركاء\". وأضاف أن الزيارة تمت يوم الاثنين.",
		Source: "صحيفة المثال", Origin: "spans:1"}
	doc := store.NewDoc(a)
	at := func(s string) marsad.Span {
		i := strings.Index(doc.Text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return marsad.Span{Start: i, End: i + len(s)}
	}
	doc.Entities = []marsad.Entity{{ID: "E1", Type: marsad.PER, Name: "جو بايدن", Mentions: []marsad.Mention{
		{Span: at("بايدن"), Text: "بايدن"},                  // in the title: the span
		{Span: at("جو بايدن"), Text: "جو بايدن"},            // in the body: the span
		{Span: at("الرئيس جو بايدن"), Text: "الرئيس بايدن"}, // not the span: kept
	}}}
	doc.Quotes = []marsad.Quote{{Span: at("سنبقى شركاء"), Text: "سنبقى شركاء", Direct: true, Speaker: "E1", SpeakerText: "الرئيس جو بايدن"}}
	doc.Times = []marsad.TimeExpr{{Span: marsad.Span{Start: at("يوم").End, End: at("يوم").Start}, Text: "يوم", Type: marsad.DATE}} // reversed: kept
	if _, err := db.Put(ctx, []*store.Record{store.Prepare(a, doc)}); err != nil {
		t.Fatal(err)
	}
	var kept string
	if err := db.SQL().QueryRowContext(ctx, `SELECT group_concat(text, '|') FROM (SELECT text FROM fact_mentions UNION ALL
		SELECT text FROM fact_times UNION ALL SELECT text FROM fact_quotes)`).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	if kept != "الرئيس بايدن|يوم" {
		t.Errorf("texts stored %q, want only the two that are not their spans", kept)
	}
	s, err := db.Get(ctx, store.Prepare(a, nil).ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string // mentions in text order
	for _, m := range s.Doc.Entities[0].Mentions {
		got = append(got, m.Text)
	}
	got = append(got, s.Doc.Quotes[0].Text, s.Doc.Times[0].Text)
	if want := []string{"بايدن", "الرئيس بايدن", "جو بايدن", "سنبقى شركاء", "يوم"}; !slices.Equal(got, want) {
		t.Errorf("Get texts %q, want %q", got, want)
	}

	// The same archive entity under another name in a second article:
	// that name is stored, and read back, in it alone.
	b := marsad.Article{ID: "s2", Title: "الرئيس الأمريكي في بغداد", Body: "وصل بايدن إلى بغداد.", Source: "صحيفة المثال", Origin: "spans:2"}
	bdoc := store.NewDoc(b)
	bdoc.Entities = []marsad.Entity{{ID: "E1", Type: marsad.PER, Name: "الرئيس الأمريكي", Key: "جو بايدن|PER"}}
	if _, err := db.Put(ctx, []*store.Record{store.Prepare(b, bdoc)}); err != nil {
		t.Fatal(err)
	}
	var links string
	if err := db.SQL().QueryRowContext(ctx, `SELECT group_concat(coalesce(f.name, '-') || '=' || v.name, '|') FROM fact_entities f
		JOIN article_entities v ON v.article = f.article AND v.local_id = f.local_id`).Scan(&links); err != nil {
		t.Fatal(err)
	}
	if links != "-=جو بايدن|الرئيس الأمريكي=الرئيس الأمريكي" {
		t.Errorf("entity names stored=read %q", links)
	}
	s, err = db.Get(ctx, store.Prepare(b, nil).ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Doc.Entities) != 1 || s.Doc.Entities[0].Name != "الرئيس الأمريكي" {
		t.Errorf("Get entities %+v", s.Doc.Entities)
	}
}

// TestSpanText checks the decision on its own, on invalid UTF-8 and
// offsets out of range too.
func TestSpanText(t *testing.T) {
	for _, c := range []struct {
		text      string
		s, e      int
		fact      string
		wantStore bool
	}{
		{"بايدن في بغداد", 0, 5, "بايدن", false},
		{"بايدن في بغداد", 9, 14, "بغداد", false},
		{"بايدن في بغداد", 9, 14, "بغداد ", true},
		{"بايدن في بغداد", 0, 0, "", false},
		{"بايدن في بغداد", 9, 15, "بغداد", true},
		{"بايدن في بغداد", 5, 2, "", true},
		{"ab\xffcd", 0, 2, "ab", true},
		{"ab\x00cd", 0, 2, "ab", true},
	} {
		got := spanText(c.text)(c.s, c.e, c.fact)
		if (got != nil) != c.wantStore {
			t.Errorf("spanText(%q)(%d, %d, %q) = %v, want stored %v", c.text, c.s, c.e, c.fact, got, c.wantStore)
		}
	}
}

// FuzzSpanText checks that the Go cut spanText compares a fact's text
// with is the one SQL's substr makes in the fact views: for any text and
// offsets, when spanText stores NULL, substr over the same text gives the
// fact's text back.
func FuzzSpanText(f *testing.F) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{"بايدن في بغداد", "Oil prices\n\nrose", "a\u0301b", "\U0001F600x", "ab\xffcd", ""} {
		f.Add(s, 0, 3)
		f.Add(s, 2, 5)
	}
	f.Fuzz(func(t *testing.T, text string, s, e int) {
		runes := []rune(text)
		// The fact's text: the code points s..e when in range, else
		// something else.
		fact := "?"
		if s >= 0 && s <= e && e <= len(runes) {
			fact = string(runes[s:e])
		}
		if spanText(text)(s, e, fact) != nil {
			if utf8.ValidString(text) && !strings.Contains(text, "\x00") && s >= 0 && s <= e && e <= len(runes) {
				t.Fatalf("%q [%d:%d] = %q stored though it is the span", text, s, e, fact)
			}
			return
		}
		var got string
		if err := db.QueryRow("SELECT substr(?, ? + 1, ? - ?)", text, s, e, s).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != fact {
			t.Fatalf("%q [%d:%d]: substr gives %q, the fact's text is %q", text, s, e, got, fact)
		}
		if spanText(text)(s, e, fact+"x") == nil {
			t.Fatalf("%q [%d:%d]: %q taken for the span", text, s, e, fact+"x")
		}
	})
}

// TestMigrateArchive migrates a copy of a real version 4 archive, named by
// MARSAD_MIGRATE_CHECK, and checks that every fact reads back identical.
// It is skipped without the variable:
//
//	MARSAD_MIGRATE_CHECK=/path/archive.db go test -run TestMigrateArchive ./store/sqlite
func TestMigrateArchive(t *testing.T) {
	src := os.Getenv("MARSAD_MIGRATE_CHECK")
	if src == "" {
		t.Skip("MARSAD_MIGRATE_CHECK not set")
	}
	ctx := context.Background()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "archive.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	old, err := openAt(ctx, path, Options{Logger: quietLog()}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(ctx); v != 4 {
		t.Skipf("%s is at version %d, not 4", src, v)
	}
	before := factRows(t, old.SQL())
	old.Close()
	start := time.Now()
	db, err := OpenWith(ctx, path, Options{Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t.Logf("migrated in %v", time.Since(start))
	after := factRows(t, db.SQL())
	if len(after) != len(before) {
		t.Fatalf("%d facts after migration, %d before", len(after), len(before))
	}
	for i := range after {
		if after[i] != before[i] {
			t.Errorf("fact %d after migration:\n%s\nbefore:\n%s", i, after[i], before[i])
		}
	}
	t.Logf("%d facts identical", len(after))
}
