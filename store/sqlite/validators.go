package sqlite

import (
	"context"
	"time"
)

// Validators keeps the HTTP validators (ETag, Last-Modified) of feeds in
// the archive's feeds table, so that reading a feed URL again, in a later
// run, makes a conditional GET. It satisfies the Validators interface of
// package source/feed and is safe for concurrent use.
type Validators struct {
	d *DB
}

// FeedValidators returns the archive's feed validators.
func (d *DB) FeedValidators() *Validators { return &Validators{d: d} }

// Get returns the ETag and Last-Modified values last stored for url, or
// empty strings when none are (or the archive cannot be read, which is
// logged: the fetch is then unconditional).
func (v *Validators) Get(ctx context.Context, url string) (etag, lastModified string) {
	err := v.d.db.QueryRowContext(ctx, "SELECT etag, last_modified FROM feeds WHERE url = ?", url).Scan(&etag, &lastModified)
	if err != nil && !errNoRows(err) {
		v.d.log.Warn("read feed validators", "db", v.d.path, "url", url, "err", err)
	}
	return etag, lastModified
}

// Put stores the validators of url, replacing earlier ones; both empty
// forgets them. A failure is logged: it only costs a full fetch next time.
func (v *Validators) Put(ctx context.Context, url, etag, lastModified string) {
	var err error
	if etag == "" && lastModified == "" {
		_, err = v.d.db.ExecContext(ctx, "DELETE FROM feeds WHERE url = ?", url)
	} else {
		_, err = v.d.db.ExecContext(ctx, `INSERT INTO feeds(url, etag, last_modified, checked) VALUES (?, ?, ?, ?)
			ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked`,
			url, etag, lastModified, time.Now().UTC().Format(time.RFC3339))
	}
	if err != nil {
		v.d.log.Warn("store feed validators", "db", v.d.path, "url", url, "err", err)
	}
}
