// Package all wires every reader Marsad ships into package source: HTML
// pages (source/html), RSS/Atom feeds (source/feed) and WARC archives
// (source/warc), on top of source's own plain text, JSON, JSONL, SGML, tar
// and gzip.
//
// Package source does not import its sub-packages (they import it, for
// RecordError, Decode and the Reader interface); it takes extra formats as
// source.Opener values in Options.Openers. This package adds them, so a
// program that wants every format calls all.Open instead of source.Open.
package all

import (
	"context"
	"io"
	"slices"

	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/feed"
	"github.com/marsad-project/marsad/source/html"
	"github.com/marsad-project/marsad/source/warc"
)

// Openers returns the openers of the sub-packages, WARC first (its magic is
// exact), then feeds, then HTML (a feed may embed HTML, not the reverse).
// Feed items are read from the document alone, without network access.
func Openers() []source.Opener {
	return []source.Opener{warc.Opener{}, feed.Opener{}, html.Opener{}}
}

// WithOpeners returns opts with [Openers] appended to its own.
func WithOpeners(opts source.Options) source.Options {
	opts.Openers = append(slices.Clip(opts.Openers), Openers()...)
	return opts
}

// Open is source.Open with every format.
func Open(ctx context.Context, path string, opts source.Options) (source.Reader, error) {
	return source.Open(ctx, path, WithOpeners(opts))
}

// OpenReader is source.OpenReader with every format.
func OpenReader(ctx context.Context, r io.Reader, name string, opts source.Options) (source.Reader, error) {
	return source.OpenReader(ctx, r, name, WithOpeners(opts))
}

// Walk is source.Walk with every format.
func Walk(ctx context.Context, paths []string, opts source.Options) source.Reader {
	return source.Walk(ctx, paths, WithOpeners(opts))
}
