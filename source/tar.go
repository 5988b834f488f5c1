package source

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/marsad-project/marsad"
)

// tarReader yields the articles of every regular member of a tar archive,
// each member detected on its own. Members whose base name starts with "."
// (including macOS "._" resource forks) are skipped. Origins are
// "archive.tar.gz/member/path" (plus ":line" for line-based members).
type tarReader struct {
	tr     *tar.Reader
	origin string
	opts   Options
	depth  int

	cur    Reader
	member string
	err    error
}

func (r *tarReader) Next(ctx context.Context) (marsad.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if r.err != nil {
			return marsad.Article{}, r.err
		}
		if r.cur != nil {
			// A member that cannot be read further is reported and the
			// next member tried (if the archive itself is broken, the next
			// header read says so).
			a, more, err := nextNested(ctx, r.cur, r.member)
			if !more {
				r.closeMember()
			}
			if more || err != nil {
				return a, err
			}
			continue
		}
		hdr, err := r.tr.Next()
		if errors.Is(err, io.EOF) {
			r.err = io.EOF
			continue
		}
		if err != nil {
			r.err = &InputError{Origin: r.origin, Err: fmt.Errorf("tar: %w", err)}
			continue
		}
		if hdr.Typeflag != tar.TypeReg && hdr.Typeflag != tar.TypeRegA {
			continue
		}
		if strings.HasPrefix(path.Base(hdr.Name), ".") {
			continue
		}
		r.member = r.origin + "/" + strings.TrimPrefix(hdr.Name, "./")
		opts := r.opts
		opts.Format = FormatAuto
		cur, err := openStream(ctx, r.tr, r.member, hdr.Name, opts, r.depth+1)
		if err != nil {
			if ctx.Err() != nil {
				return marsad.Article{}, err
			}
			return marsad.Article{}, asRecordError(err, r.member)
		}
		r.cur = cur
	}
}

func (r *tarReader) closeMember() {
	if r.cur != nil {
		r.cur.Close()
		r.cur = nil
	}
}

func (r *tarReader) Close() error {
	r.closeMember()
	return nil
}

// asRecordError turns a terminal error of one input into a RecordError.
// nextNested reads the next article of a reader nested in another one (a
// tar member, one input of a walk). more is false when the nested reader
// is finished, at its end (err nil) or broken (err is a *RecordError naming
// origin); the caller then closes it and goes on with the next one.
// Record errors and cancellation pass through with more true.
func nextNested(ctx context.Context, r Reader, origin string) (a marsad.Article, more bool, err error) {
	a, err = r.Next(ctx)
	switch {
	case err == nil:
		return a, true, nil
	case errors.Is(err, io.EOF):
		return marsad.Article{}, false, nil
	case IsRecordError(err), ctx.Err() != nil:
		return marsad.Article{}, true, err
	default:
		return marsad.Article{}, false, asRecordError(err, origin)
	}
}

func asRecordError(err error, origin string) *RecordError {
	var re *RecordError
	if errors.As(err, &re) {
		return re
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return &RecordError{Origin: ie.Origin, Err: ie.Err}
	}
	return &RecordError{Origin: origin, Err: err}
}
