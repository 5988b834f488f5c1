// Package sqlite is Marsad's embedded archive: one SQLite file (through
// modernc.org/sqlite, no cgo) holding articles, their extracted facts,
// duplicate sightings and an FTS5 index over analyzed terms. The file is
// the user's: SCHEMA.md documents every table for sqlite3, DuckDB or
// Datasette.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/dedup"
	"github.com/marsad-project/marsad/store"
)

var _ store.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open archive. It is safe for concurrent use: writes are
// serialized, searches run on their own connections (WAL mode).
type DB struct {
	db   *sql.DB
	path string
	log  *slog.Logger

	mu    sync.Mutex       // serializes Put and guards idx and added
	idx   *dedup.Index     // SimHashes of stored articles, for near-duplicates
	added int              // articles stored through this handle since the last compaction
	ents  map[string]int64 // entities.n by key, committed; guarded by mu

	cols facetCols // source and day of every article, for facets

	analyzers  sync.Pool // *store.Analyzer for snippets, warm caches
	rankWindow int
}

// Options configure [OpenWith].
type Options struct {
	Logger *slog.Logger // defaults to slog.Default()
	// Synchronous is the PRAGMA synchronous level: "NORMAL" (default;
	// survives a killed process, may lose the last commits on power loss)
	// or "FULL".
	Synchronous string
	// RankWindow bounds ranking work: when a query matches more articles
	// than this, hits are ranked by BM25 among the RankWindow most
	// recently stored matches (a word found in most of the archive would
	// otherwise cost a BM25 score per article). Totals and facets still
	// count every match. Default DefaultRankWindow.
	RankWindow int
}

// Open opens (creating if needed) the archive at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is [Open] with options.
func OpenWith(ctx context.Context, path string, opt Options) (*DB, error) {
	return openAt(ctx, path, opt, SchemaVersion)
}

// openAt opens the archive, migrating it up to schema version max (tests
// build files of earlier versions with it).
func openAt(ctx context.Context, path string, opt Options, max int) (*DB, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	sync := strings.ToUpper(opt.Synchronous)
	if sync == "" {
		sync = "NORMAL"
	}
	if sync != "NORMAL" && sync != "FULL" && sync != "OFF" {
		return nil, fmt.Errorf("open %s: bad synchronous level %q", path, opt.Synchronous)
	}
	if err := create(ctx, path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous("+sync+")")
	q.Add("_pragma", "foreign_keys(1)")
	// 32 MiB of page cache per connection (the default is 2 MiB: 31 of
	// the archive's 64 KiB pages), so that the writer finds the index
	// pages it updates in memory.
	q.Add("_pragma", "cache_size(-32768)")
	q.Add("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if opt.RankWindow <= 0 {
		opt.RankWindow = DefaultRankWindow
	}
	d := &DB{db: sdb, path: path, log: opt.Logger, rankWindow: opt.RankWindow}
	d.analyzers.New = func() any { return &store.Analyzer{} }
	if err := d.migrate(ctx, max); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := d.loadIndex(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if stale, err := d.Stale(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	} else if stale {
		d.log.Warn("the full-text index was built with another version of the text analysis; searches may miss articles until it is rebuilt (Reindex)", "db", path)
	}
	return d, nil
}

// Stale reports whether the full-text index was built with a text
// analysis other than this program's (store.AnalysisVersion): queries are
// then analyzed differently from the indexed articles. [DB.Reindex] fixes it.
func (d *DB) Stale(ctx context.Context) (bool, error) {
	var v string
	err := d.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'analysis'").Scan(&v)
	if errNoRows(err) {
		return false, nil // nothing indexed yet
	}
	if err != nil {
		return false, fmt.Errorf("analysis version: %w", err)
	}
	return v != store.AnalysisVersion(), nil
}

// Reindex rebuilds the full-text index from the stored titles and bodies
// with this program's analysis, in batches, each its own transaction.
func (d *DB) Reindex(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.db.ExecContext(ctx, "INSERT INTO fts(fts) VALUES ('delete-all')"); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	z := &store.Analyzer{}
	last := int64(0)
	for {
		n, err := d.reindexBatch(ctx, z, last, 1000)
		if err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		if n == last {
			break
		}
		last = n
	}
	if _, err := d.db.ExecContext(ctx, "INSERT OR REPLACE INTO meta(key, value) VALUES ('analysis', ?)", store.AnalysisVersion()); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return nil
}

// reindexBatch indexes up to limit articles after rowid last and returns
// the last rowid done (last itself when none were left).
func (d *DB) reindexBatch(ctx context.Context, z *store.Analyzer, last int64, limit int) (int64, error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return last, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT n, title, body, source, coalesce(published, '') FROM articles WHERE n > ? ORDER BY n LIMIT ?", last, limit)
	if err != nil {
		return last, err
	}
	type doc struct {
		n                           int64
		title, body, source, pubStr string
	}
	var docs []doc
	for rows.Next() {
		var x doc
		if err := rows.Scan(&x.n, &x.title, &x.body, &x.source, &x.pubStr); err != nil {
			rows.Close()
			return last, err
		}
		docs = append(docs, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return last, err
	}
	st, err := tx.PrepareContext(ctx, "INSERT INTO fts(rowid, title, body, facets) VALUES (?, ?, ?, ?)")
	if err != nil {
		return last, err
	}
	defer st.Close()
	for _, x := range docs {
		r := z.Prepare(marsad.Article{Title: x.title, Body: x.body}, nil)
		pub, _ := time.Parse(time.RFC3339, x.pubStr) // zero when unknown
		if _, err := st.ExecContext(ctx, x.n, r.TitleTerms, r.BodyTerms, facetTerms(x.source, pub)); err != nil {
			return last, err
		}
		last = x.n
	}
	return last, tx.Commit()
}

// PageSize is the page size of new archives. Large pages hold many
// articles each: with 4 KiB pages, appended rows longer than a page spill
// to overflow pages and most pages end with a gap the next article did
// not fit in (a third of the file).
const PageSize = 65536

// create makes a new, empty archive file with the page size set, since
// the page size can only be chosen before the first table is written.
func create(ctx context.Context, path string) error {
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return nil
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer db.Close()
	for _, p := range []string{fmt.Sprintf("PRAGMA page_size = %d", PageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("create %s: %w", path, err)
		}
	}
	return nil
}

// Close closes the archive.
func (d *DB) Close() error {
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", d.path, err)
	}
	return nil
}

// SQL returns the underlying database handle, for read-only reporting
// queries and tests. Writing through it bypasses the archive's invariants.
func (d *DB) SQL() *sql.DB { return d.db }

// Version returns the schema version of the open file.
func (d *DB) Version(ctx context.Context) (int, error) {
	var v int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// SchemaVersion is the schema version this package writes: the number of
// its last migration, and the PRAGMA user_version of an up-to-date file.
const SchemaVersion = 5

// migrate applies every migration newer than the file's user_version, up
// to version max, each in its own transaction.
func (d *DB) migrate(ctx context.Context, max int) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	cur, err := d.Version(ctx)
	if err != nil {
		return err
	}
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		if v <= cur || v > max {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("read migration %s: %w", base, err)
		}
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
		// user_version is re-read inside the write lock: another process
		// may have migrated meanwhile.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if now >= v {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: commit: %w", base, err)
		}
		d.log.Debug("schema migrated", "db", d.path, "version", v)
	}
	return nil
}

// loadIndex reads the SimHashes of stored articles into memory. The
// caller holds d.mu (or has the DB to itself).
func (d *DB) loadIndex(ctx context.Context) error {
	idx := dedup.NewIndex()
	rows, err := d.db.QueryContext(ctx, "SELECT n, simhash FROM articles WHERE shingles >= ?", dedup.MinShingles)
	if err != nil {
		return fmt.Errorf("load simhashes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n, h int64
		if err := rows.Scan(&n, &h); err != nil {
			return fmt.Errorf("load simhashes: %w", err)
		}
		idx.Add(n, uint64(h))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load simhashes: %w", err)
	}
	d.idx = idx
	return nil
}

// Optimize merges the full-text index into one segment (smaller and
// faster to search after a large ingest) and refreshes the query
// planner's statistics. When the articles stored through this handle
// since it was opened (or last compacted) are at least half of the
// archive, as after a first large ingest, it also compacts the file
// (VACUUM): the pages freed by merging the index are given back and
// half-empty pages are packed, for about the cost of writing those
// articles once more. It takes a while on a large archive; ingest calls
// it at the end of a run that added many articles.
func (d *DB) Optimize(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.db.ExecContext(ctx, "INSERT INTO fts(fts) VALUES ('optimize')"); err != nil {
		return fmt.Errorf("optimize %s: %w", d.path, err)
	}
	var total int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&total); err != nil {
		return fmt.Errorf("optimize %s: %w", d.path, err)
	}
	if d.added > 0 && 2*d.added >= total {
		if err := d.compact(ctx); err != nil {
			return fmt.Errorf("optimize %s: %w", d.path, err)
		}
		d.added = 0
	}
	if _, err := d.db.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		return fmt.Errorf("optimize %s: %w", d.path, err)
	}
	return nil
}

// Compact rewrites the file without free space (VACUUM). It needs free
// disk space about the size of the archive while it runs.
func (d *DB) Compact(ctx context.Context) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.compact(ctx); err != nil {
		return fmt.Errorf("compact %s: %w", d.path, err)
	}
	d.added = 0
	return nil
}

// compact runs VACUUM and truncates the write-ahead log VACUUM filled.
// The caller holds d.mu.
func (d *DB) compact(ctx context.Context) error {
	if _, err := d.db.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	if _, err := d.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and the FTS5 integrity check
// and returns an error describing any problem.
func (d *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := d.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: %w", err)
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	rows.Close()
	if len(msgs) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(msgs, "; "))
	}
	var nArt, nFTS int
	if err := d.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM fts_docsize)").Scan(&nArt, &nFTS); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if nArt != nFTS {
		return fmt.Errorf("integrity check: %d articles but %d indexed", nArt, nFTS)
	}
	return nil
}

// errNoRows reports whether err means an empty result.
func errNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// timeText formats a time for storage; zero is NULL.
func timeText(t time.Time) (published, day any) {
	if t.IsZero() {
		return nil, nil
	}
	t = t.UTC()
	return t.Format(time.RFC3339), t.Format(time.DateOnly)
}
