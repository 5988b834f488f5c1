// Package warc reads news articles from WARC web archives: every HTTP
// response record with an HTML payload and a 2xx status becomes one
// article, extracted with package source/html (the record's
// WARC-Target-URI is the page URL). Other records are skipped.
//
// Gzip (one member per record, as .warc.gz files are written) is
// unwrapped by package source before the WARC reader sees the stream, so
// offsets in errors count bytes of the uncompressed WARC stream.
//
// [Opener] plugs WARC files into source.Open and source.Walk.
package warc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/html"
	gowarc "github.com/nlnwa/gowarc/v3"
)

// Reader yields the articles of a WARC stream.
type Reader struct {
	wr       *gowarc.WarcFileReader
	origin   string
	maxBytes int
	err      error
}

var _ source.Reader = (*Reader)(nil)

// NewReader returns a Reader over the uncompressed WARC stream r. origin
// names the stream in articles ("origin@offset") and errors. maxBytes caps
// one HTML payload (0 means html.DefaultMaxBytes).
func NewReader(r io.Reader, origin string, maxBytes int) (*Reader, error) {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(int64(max(maxBytes, 1<<20))),
	)
	if err != nil {
		return nil, &source.InputError{Origin: origin, Err: fmt.Errorf("warc: %w", err)}
	}
	return &Reader{wr: wr, origin: origin, maxBytes: maxBytes}, nil
}

// Next returns the next article. A truncated record, or a response whose
// page cannot be read, is a *source.RecordError naming origin@offset (the
// offset where the record starts), and reading goes on; a stream that
// cannot be parsed further ends with a *source.InputError.
func (r *Reader) Next(ctx context.Context) (marsad.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return marsad.Article{}, err
		}
		if r.err != nil {
			return marsad.Article{}, r.err
		}
		rec, err := r.wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			r.err = io.EOF
			continue
		}
		where := r.origin + "@" + strconv.FormatInt(rec.Offset, 10)
		if err != nil || rec.WarcRecord == nil {
			if err == nil {
				err = errors.New("no record")
			}
			r.err = &source.InputError{Origin: where, Err: fmt.Errorf("warc record: %w", err)}
			continue
		}
		if err := truncated(rec.Validation); err != nil {
			rec.Close()
			return marsad.Article{}, &source.RecordError{Origin: where, Err: fmt.Errorf("truncated or corrupt record: %w", err)}
		}
		a, ok, err := r.article(rec.WarcRecord, where)
		rec.Close()
		if err != nil {
			return marsad.Article{}, &source.RecordError{Origin: where, Err: err}
		}
		if ok {
			return a, nil
		}
	}
}

// truncated returns the validation finding that shows a record's block
// is shorter than its Content-Length, if any. Other findings (a missing
// digest, a non-standard header) do not stop a record from being read.
func truncated(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return v
		}
		if errors.Is(v, io.ErrUnexpectedEOF) || strings.Contains(v.Error(), "end of record marker") {
			return v
		}
	}
	return nil
}

// article reads a response record's page; ok is false for records that
// are not HTML responses.
func (r *Reader) article(rec gowarc.WarcRecord, where string) (marsad.Article, bool, error) {
	if rec.Type() != gowarc.Response {
		return marsad.Article{}, false, nil
	}
	blk, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		return marsad.Article{}, false, nil
	}
	code := blk.HttpStatusCode()
	if code < 200 || code > 299 {
		return marsad.Article{}, false, nil
	}
	var hdr http.Header
	if h := blk.HttpHeader(); h != nil {
		hdr = *h
	}
	ct := hdr.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); ct != "" && (err != nil || (mt != "text/html" && mt != "application/xhtml+xml")) {
		return marsad.Article{}, false, nil
	}
	payload, err := blk.PayloadBytes()
	if err != nil {
		return marsad.Article{}, false, fmt.Errorf("payload: %w", err)
	}
	if enc := strings.ToLower(hdr.Get("Content-Encoding")); enc != "" && enc != "identity" {
		return marsad.Article{}, false, fmt.Errorf("payload with Content-Encoding %q not supported", enc)
	}
	target := rec.WarcHeader().Get(gowarc.WarcTargetURI)
	target = strings.Trim(target, "<>")
	a, err := html.Parse(payload, html.Options{URL: target, ContentType: ct, MaxBytes: r.maxBytes, Origin: where})
	if err != nil {
		return marsad.Article{}, false, err
	}
	return a, true, nil
}

// Close releases the reader; it does not close the underlying stream.
func (r *Reader) Close() error { return nil }

// Opener plugs WARC files into source.Open and source.Walk.
type Opener struct{}

var _ source.Opener = Opener{}

// Format returns "warc".
func (Opener) Format() source.Format { return "warc" }

// Sniff reports whether head starts with a WARC/1.x version line.
func (Opener) Sniff(head []byte, _ string) bool {
	return bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), []byte("WARC/1."))
}

// Open returns a Reader over the WARC stream r.
func (Opener) Open(_ context.Context, r io.Reader, origin string, opts source.Options) (source.Reader, error) {
	return NewReader(r, origin, opts.MaxRecord)
}
