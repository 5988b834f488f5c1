package sqlite

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/store"
)

// TestMigrateFromV2 builds a version 2 archive (testdata/v2.sql), opens
// it with this version and checks that every reading survives with its
// origin, that the archive reads and writes as before and passes the
// integrity checks.
func TestMigrateFromV2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	old, err := openAt(ctx, path, Options{Logger: quietLog()}, 2)
	if err != nil {
		t.Fatal(err)
	}
	fixtureSQL, err := os.ReadFile("testdata/v2.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.SQL().ExecContext(ctx, string(fixtureSQL)); err != nil {
		t.Fatalf("v2 fixture: %v", err)
	}
	// Article 1 is stored under the canonical URL's real key, so that
	// putting it again below is a duplicate by URL.
	a := marsad.Article{ID: "a1", Title: "واشنطن تعلن خفض قواتها", Body: "نص آخر للخبر نفسه.",
		URL: "https://news.example.com/iraq/us-troops", Origin: "/data/corpora/articles.jsonl.gz:1"}
	if _, err := old.SQL().ExecContext(ctx, "UPDATE articles SET url_key = ? WHERE n = 1", urlKey(store.Prepare(a, nil).URL)); err != nil {
		t.Fatal(err)
	}
	origins := func(db *DB, table string) []string {
		rows, err := db.SQL().QueryContext(ctx, "SELECT article || ' ' || origin || ' ' || ext_id || ' ' || url || ' ' || reason FROM "+table)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		slices.Sort(out)
		return out
	}
	before := origins(old, "sightings")
	if v, _ := old.Version(ctx); v != 2 {
		t.Fatalf("fixture at version %d, want 2", v)
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
	if after := origins(db, "sightings"); !slices.Equal(after, before) {
		t.Errorf("sightings after migration:\n%q\nwant\n%q", after, before)
	}
	// Inputs are named once, and split as splitOrigin splits.
	rows, err := db.SQL().QueryContext(ctx, "SELECT i.name, r.at, i.name || r.at FROM readings r JOIN inputs i ON i.n = r.input")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, at, origin string
		if err := rows.Scan(&name, &at, &origin); err != nil {
			t.Fatal(err)
		}
		if n, a := splitOrigin(origin); n != name || a != at {
			t.Errorf("%q migrated as %q + %q, splitOrigin gives %q + %q", origin, name, at, n, a)
		}
	}
	rows.Close()
	var inputs int
	if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM inputs WHERE name = '/data/corpora/articles.jsonl.gz'").Scan(&inputs); err != nil || inputs != 1 {
		t.Errorf("inputs named %d times, %v", inputs, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	// Reads as before: the first origin, the dupes with their repeats.
	s, err := db.Get(ctx, "00000000000000a1")
	if err != nil {
		t.Fatal(err)
	}
	if s.Origin != "/data/corpora/articles.jsonl.gz:1" {
		t.Errorf("origin %q", s.Origin)
	}
	groups, err := db.Dupes(ctx, store.DupesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || groups[0].Seen != 6 || len(groups[0].Articles) != 2 || groups[0].Articles[0].Repeats != 2 {
		t.Errorf("dupes after migration: %+v", groups)
	}
	// Writes as before: a reading of a known input at a known place adds
	// nothing; a new one is recorded under the same input.
	b := a
	b.Origin = "/data/corpora/articles.jsonl.gz:999"
	res, err := db.Put(ctx, []*store.Record{store.Prepare(a, nil), store.Prepare(b, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Status != store.Duplicate || res[1].Status != store.Duplicate {
		t.Errorf("put after migration: %+v", res)
	}
	var readings, names int
	if err := db.SQL().QueryRowContext(ctx, "SELECT (SELECT count(*) FROM readings), (SELECT count(*) FROM inputs)").Scan(&readings, &names); err != nil {
		t.Fatal(err)
	}
	if readings != len(before)+1 || names != 7 {
		t.Errorf("%d readings in %d inputs, want %d in 7", readings, names, len(before)+1)
	}
	// Feed validators work on the migrated file.
	v := db.FeedValidators()
	v.Put(ctx, "https://agency.example.com/feed", `"x"`, "")
	if e, _ := v.Get(ctx, "https://agency.example.com/feed"); e != `"x"` {
		t.Errorf("validators after migration: %q", e)
	}
}

// TestSplitOrigin checks the split the migration also makes.
func TestSplitOrigin(t *testing.T) {
	for _, c := range [][3]string{
		{"f.jsonl.gz:120", "f.jsonl.gz", ":120"},
		{"f.jsonl.gz:0", "f.jsonl.gz", ":0"},
		{"https://x.example:8080/feed", "https://x.example:8080/feed", ""},
		{"a.tar.gz/b/c.txt", "a.tar.gz/b/c.txt", ""},
		{"12345", "12345", ""},
		{"odd:", "odd:", ""},
		{":9", "", ":9"},
		{"", "", ""},
	} {
		if in, at := splitOrigin(c[0]); in != c[1] || at != c[2] {
			t.Errorf("splitOrigin(%q) = %q, %q; want %q, %q", c[0], in, at, c[1], c[2])
		}
	}
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// FuzzSplitOrigin checks that an origin splits losslessly into an input
// and a place that is empty or a colon and digits, as migration 0004
// splits stored origins in SQL.
func FuzzSplitOrigin(f *testing.F) {
	for _, s := range []string{"f.jsonl.gz:120", "https://x.example:8080/feed", "odd:", ":9", "a:b:3", "", "12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, origin string) {
		in, at := splitOrigin(origin)
		if in+at != origin {
			t.Fatalf("%q split into %q + %q", origin, in, at)
		}
		if at != "" {
			if len(at) < 2 || at[0] != ':' || strings.TrimLeft(at[1:], "0123456789") != "" {
				t.Fatalf("%q: place %q", origin, at)
			}
		} else if i := strings.LastIndexByte(origin, ':'); i >= 0 && i < len(origin)-1 && strings.TrimLeft(origin[i+1:], "0123456789") == "" {
			t.Fatalf("%q ends in a colon and digits but was not split", origin)
		}
	})
}
