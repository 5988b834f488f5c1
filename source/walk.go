package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad-project/marsad"
)

// Walk returns a Reader over several inputs in order: files, "-" for
// standard input, and directories, which are walked recursively in lexical
// order (entries whose name starts with "." are skipped). Every input is
// opened with [Open] when it is reached. An input that cannot be opened or
// read further is reported as a [*RecordError] naming it, and the walk goes
// on with the next input; only a cancelled context ends it early.
func Walk(ctx context.Context, paths []string, opts Options) Reader {
	return &walker{pending: append([]string(nil), paths...), opts: opts}
}

type walker struct {
	pending []string // inputs not yet opened, in order
	opts    Options
	cur     Reader
	curPath string
}

func (w *walker) Next(ctx context.Context) (marsad.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if w.cur != nil {
			a, more, err := nextNested(ctx, w.cur, w.curPath)
			if !more {
				w.closeCur()
			}
			if more || err != nil {
				return a, err
			}
			continue
		}
		if len(w.pending) == 0 {
			return marsad.Article{}, io.EOF
		}
		p := w.pending[0]
		w.pending = w.pending[1:]
		if isURL(p) {
			if w.opts.OpenURL == nil {
				return marsad.Article{}, &RecordError{Origin: p, Err: errors.New("URLs are not supported here")}
			}
			r, err := w.opts.OpenURL(ctx, p)
			if err != nil {
				if ctx.Err() != nil {
					return marsad.Article{}, err
				}
				return marsad.Article{}, asRecordError(err, p)
			}
			w.cur, w.curPath = r, p
			continue
		}
		if p != "-" {
			fi, err := os.Stat(p)
			if err != nil {
				return marsad.Article{}, &RecordError{Origin: p, Err: fmt.Errorf("stat: %w", err)}
			}
			if fi.IsDir() {
				files, err := listFiles(p)
				w.pending = append(files, w.pending...)
				if err != nil {
					return marsad.Article{}, &RecordError{Origin: p, Err: err}
				}
				continue
			}
		}
		r, err := Open(ctx, p, w.opts)
		if err != nil {
			if ctx.Err() != nil {
				return marsad.Article{}, err
			}
			return marsad.Article{}, asRecordError(err, p)
		}
		w.cur, w.curPath = r, p
	}
}

// listFiles returns the regular files under dir in lexical order, skipping
// hidden entries. It returns what it found along with the first error.
func listFiles(dir string) ([]string, error) {
	var files []string
	var first error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if first == nil {
				first = fmt.Errorf("walk %s: %w", p, err)
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && first == nil {
		first = err
	}
	return files, first
}

func (w *walker) closeCur() {
	if w.cur != nil {
		w.cur.Close()
		w.cur = nil
	}
}

func (w *walker) Close() error {
	w.closeCur()
	w.pending = nil
	return nil
}

// isURL reports whether an input names an http(s) URL rather than a file.
func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}
