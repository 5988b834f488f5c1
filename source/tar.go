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
			a, err := r.cur.Next(ctx)
			switch {
			case err == nil:
				return a, nil
			case errors.Is(err, io.EOF):
				r.closeMember()
				continue
			case IsRecordError(err):
				return marsad.Article{}, err
			case ctx.Err() != nil:
				return marsad.Article{}, err
			default:
				// The member cannot be read further; report it and try
				// the next member (if the archive itself is broken, the
				// next header read says so).
				r.closeMember()
				return marsad.Article{}, asRecordError(err, r.member)
			}
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
