package source

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/marsad-project/marsad"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Opener reads a format that this package does not know itself, such as
// HTML, RSS/Atom or WARC. Package source/all provides the ones Marsad ships.
type Opener interface {
	// Format is the name used to force this opener with Options.Format.
	Format() Format
	// Sniff reports whether the input looks like this format. head holds
	// the first bytes of the input, decompressed and converted to UTF-8
	// when it had a UTF-16 byte order mark (up to 8 KiB, fewer at end of
	// input); name is the input's name, for extension hints.
	Sniff(head []byte, name string) bool
	// Open returns a Reader over r; origin names the input in articles
	// and errors. Open must not close r.
	Open(ctx context.Context, r io.Reader, origin string, opts Options) (Reader, error)
}

// InputError is a terminal error of one input: it cannot be read further.
// [Walk] reports it as a [*RecordError] and goes on with the next input.
type InputError struct {
	Origin string // the input, possibly with a line or member: "a.jsonl.gz:120"
	Err    error
}

// Error implements error.
func (e *InputError) Error() string { return e.Origin + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

const (
	sniffSize = 8 << 10
	bufSize   = 64 << 10
	maxDepth  = 8 // nesting of gzip and tar layers
)

// Open opens the file at path ("-" is standard input) and returns a Reader
// for the format it detects (or opts.Format). Articles' Origin fields start
// with path.
func Open(ctx context.Context, path string, opts Options) (Reader, error) {
	if path == "-" {
		return OpenReader(ctx, os.Stdin, "-", opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r, err := OpenReader(ctx, f, path, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &closeWith{Reader: r, c: f}, nil
}

// OpenReader returns a Reader over r, detecting the format (or using
// opts.Format). name names the input in articles' Origin and in errors and
// gives extension hints. The caller keeps ownership of r: closing the
// returned Reader does not close r.
func OpenReader(ctx context.Context, r io.Reader, name string, opts Options) (Reader, error) {
	return openStream(ctx, r, name, name, opts, 0)
}

// openStream unwraps gzip and byte order marks, then dispatches on format.
// origin names the input in errors; hint is the name used for extension
// hints (origin with compression suffixes removed).
func openStream(ctx context.Context, r io.Reader, origin, hint string, opts Options, depth int) (Reader, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, &InputError{Origin: origin, Err: errors.New("too many nested gzip/tar layers")}
	}
	br := bufio.NewReaderSize(r, bufSize)
	head, err := br.Peek(sniffSize)
	// A read error with some bytes in hand is left for the format reader
	// to meet again, after the records it can read.
	if err != nil && len(head) == 0 && !errors.Is(err, io.EOF) {
		return nil, &InputError{Origin: origin, Err: fmt.Errorf("read: %w", err)}
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, &InputError{Origin: origin, Err: fmt.Errorf("gzip: %w", err)}
		}
		inner, err := openStream(ctx, gz, origin, trimExt(hint, ".gz", ".gzip", ".tgz"), opts, depth+1)
		if err != nil {
			gz.Close()
			return nil, err
		}
		return &closeWith{Reader: inner, c: gz}, nil
	}
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), bufSize)
		if head, err = br.Peek(sniffSize); err != nil && len(head) == 0 && !errors.Is(err, io.EOF) {
			return nil, &InputError{Origin: origin, Err: fmt.Errorf("decode UTF-16: %w", err)}
		}
	}
	if bytes.HasPrefix(head, bomUTF8) {
		br.Discard(len(bomUTF8))
		head = head[len(bomUTF8):]
	}
	format := opts.Format
	if format == FormatAuto {
		if isTar(head) || hasExt(hint, ".tar") {
			format = FormatTar
		}
	}
	if format == FormatAuto || !builtin(format) {
		for _, op := range opts.Openers {
			if format == op.Format() || (format == FormatAuto && op.Sniff(head, hint)) {
				return op.Open(ctx, br, origin, opts)
			}
		}
		if format != FormatAuto {
			return nil, &InputError{Origin: origin, Err: fmt.Errorf("unknown format %q", format)}
		}
		format = sniff(head, hint)
		if format == FormatText {
			// Reject binary files early instead of reading them whole.
			if err := checkBinary(head); err != nil {
				return nil, &InputError{Origin: origin, Err: err}
			}
		}
	}
	switch format {
	case FormatTar:
		// Tar keeps the byte stream as is: members are sniffed on their own.
		return &tarReader{tr: tar.NewReader(br), origin: origin, opts: opts, depth: depth}, nil
	case FormatJSONL:
		return newJSONLReader(br, origin, opts), nil
	case FormatSGML:
		return newSGMLReader(br, origin, opts), nil
	case FormatJSON:
		return &wholeReader{r: br, origin: origin, opts: opts, parse: parseJSONFile}, nil
	default:
		return &wholeReader{r: br, origin: origin, opts: opts, parse: parseTextFile}, nil
	}
}

func builtin(f Format) bool {
	switch f {
	case FormatAuto, FormatText, FormatJSON, FormatJSONL, FormatSGML, FormatTar:
		return true
	}
	return false
}

// isTar reports whether head starts a POSIX/GNU tar archive.
func isTar(head []byte) bool {
	return len(head) >= 263 && bytes.Equal(head[257:262], []byte("ustar"))
}

// sniff picks a built-in format from the first bytes and the name.
func sniff(head []byte, name string) Format {
	t := bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case hasExt(name, ".jsonl", ".ndjson"):
		return FormatJSONL
	case len(t) > 0 && t[0] == '[':
		return FormatJSON
	case len(t) > 0 && t[0] == '{':
		// JSONL when the first line is a whole JSON value (or too long to
		// see its end), else one pretty-printed object or a stream of them.
		line, _, found := bytes.Cut(t, []byte("\n"))
		if !found && len(head) >= sniffSize {
			return FormatJSONL
		}
		if json.Valid(bytes.TrimSpace(line)) {
			return FormatJSONL
		}
		return FormatJSON
	case hasPrefixFold(t, "<DOC>") || hasPrefixFold(t, "<DOC "):
		return FormatSGML
	case hasExt(name, ".sgml", ".sgm"):
		return FormatSGML
	case hasExt(name, ".json"):
		return FormatJSON
	}
	return FormatText
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func hasExt(name string, exts ...string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

func trimExt(name string, exts ...string) string {
	for _, e := range exts {
		if strings.HasSuffix(strings.ToLower(name), e) {
			base := name[:len(name)-len(e)]
			if e == ".tgz" {
				return base + ".tar"
			}
			return base
		}
	}
	return name
}

// closeWith closes c after the wrapped Reader.
type closeWith struct {
	Reader
	c io.Closer
}

func (r *closeWith) Close() error {
	err := r.Reader.Close()
	if c := r.c; c != nil {
		r.c = nil
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// result is one article or one record error, in input order.
type result struct {
	a   marsad.Article
	err error
}

// wholeReader reads a whole input (up to MaxRecord bytes), decodes it and
// parses it with parse, which returns articles and record errors in input
// order and a terminal error, if any, after them.
type wholeReader struct {
	r      io.Reader
	origin string
	opts   Options
	parse  func(text, origin string) ([]result, error)

	done    bool
	results []result
	err     error // terminal, after results
}

func (w *wholeReader) Next(ctx context.Context) (marsad.Article, error) {
	if err := ctx.Err(); err != nil {
		return marsad.Article{}, err
	}
	if !w.done {
		w.done = true
		w.load()
	}
	if len(w.results) > 0 {
		r := w.results[0]
		w.results = w.results[1:]
		return r.a, r.err
	}
	if w.err != nil {
		return marsad.Article{}, w.err
	}
	return marsad.Article{}, io.EOF
}

func (w *wholeReader) load() {
	max := w.opts.maxRecord()
	b, err := io.ReadAll(io.LimitReader(w.r, int64(max)+1))
	if err != nil {
		w.err = &InputError{Origin: w.origin, Err: fmt.Errorf("read: %w", err)}
		return
	}
	if len(b) > max {
		w.results = []result{{err: &RecordError{Origin: w.origin, Err: fmt.Errorf("input larger than %d bytes", max)}}}
		return
	}
	text, _, err := Decode(b)
	if err != nil {
		w.results = []result{{err: &RecordError{Origin: w.origin, Err: err}}}
		return
	}
	w.results, err = w.parse(text, w.origin)
	if err != nil {
		w.err = &InputError{Origin: w.origin, Err: err}
	}
}

func (w *wholeReader) Close() error { return nil }
