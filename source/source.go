// Package source reads news articles from files and streams and turns them
// into [marsad.Article] values.
//
// Supported inputs, detected by magic bytes, content sniffing and, last, the
// file name's extension:
//
//   - plain text in the usual article layout: the first non-empty line is
//     the title, the rest is the body (a first body line that repeats the
//     title is dropped);
//   - a JSON article object {"id","title","text"|"body","published","url",
//     "source","author"}, a JSON array of them, or a stream of objects;
//   - JSONL: one article object per line;
//   - TREC-style SGML files of <DOC> records (<DOCNO>, <TITLE>/<HEADLINE>,
//     <TEXT>, <TIME>/<DATE>, …), parsed as tagged text, not XML;
//   - tar archives of any of these;
//   - any of these compressed with gzip (detected by its magic bytes).
//
// Text may be UTF-8 (with or without a byte order mark), UTF-16 with a byte
// order mark, windows-1256 or ISO-8859-6; legacy encodings are detected and
// decoded, so every article carries valid UTF-8.
//
// Formats this package does not know (HTML, feeds, WARC) plug in through
// [Opener] values in [Options.Openers]; package source/all wires in the
// ones Marsad ships, so that this package does not import its
// sub-packages and they can import it.
//
// # Errors
//
// A [Reader] returns io.EOF at the end of its input. A malformed record
// (a bad JSON line, an over-long line, a broken <DOC>, a tar member that
// is binary garbage) is returned as a [*RecordError] naming where it was
// read ("file.jsonl:17", "a.tar.gz/x/y.txt"); the stream goes on and the
// next call to Next reads the next record. An [*InputError] is terminal:
// the input cannot be read further (a truncated gzip stream, a corrupt tar
// header, a read failure), and later calls return the same error. A
// cancelled context is returned as is. [Walk] turns a terminal error of
// one input into a [*RecordError] and goes on with the next input.
//
// # Article IDs
//
// Article.ID is the record's own id when it has one (JSON "id", SGML
// <DOCNO>). Otherwise it is [ContentID]: the first 16 hex digits of the
// SHA-256 of title + "\n\n" + body, so the same article read twice gets the
// same ID.
package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/marsad-project/marsad"
)

// Reader yields articles one at a time.
//
// Next returns io.EOF when the input is exhausted, a [*RecordError] for a
// record that could not be read (call Next again to go on), or another,
// terminal, error. Close releases the underlying input; it is safe to call
// more than once.
type Reader interface {
	Next(ctx context.Context) (marsad.Article, error)
	Close() error
}

// RecordError reports one input record that could not be read. The stream
// it came from goes on.
type RecordError struct {
	Origin string // where: "file.jsonl:17", "archive.tar.gz/member.txt", a path
	Err    error  // what went wrong
}

// Error implements error.
func (e *RecordError) Error() string { return e.Origin + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// IsRecordError reports whether err is (or wraps) a [*RecordError], that is
// whether the stream that returned it can go on.
func IsRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}

// Format names an input format.
type Format string

// Formats known to this package. Openers add their own names.
const (
	FormatAuto  Format = ""      // detect
	FormatText  Format = "text"  // plain-text article
	FormatJSON  Format = "json"  // JSON object, array of objects, or stream of objects
	FormatJSONL Format = "jsonl" // one JSON object per line
	FormatSGML  Format = "sgml"  // TREC-style <DOC> records
	FormatTar   Format = "tar"   // tar archive of supported files
)

// DefaultMaxRecord is the default cap on one line or one record: 64 MiB.
const DefaultMaxRecord = 64 << 20

// Options control how inputs are read. The zero value detects everything
// and uses [DefaultMaxRecord].
type Options struct {
	// Format forces the format of the (decompressed) input; FormatAuto
	// detects it. Inside a tar archive, members are always detected.
	Format Format
	// MaxRecord caps the size in bytes of one JSONL line, one SGML <DOC>
	// record or one whole-file article; 0 means DefaultMaxRecord. A longer
	// line or record is reported as a RecordError and skipped; a longer
	// whole file is an error for that file.
	MaxRecord int
	// Openers add formats this package does not know itself. They are
	// tried in order, after compression and archives are unwrapped and
	// before the built-in formats are sniffed.
	Openers []Opener
	// OpenURL, when set, opens inputs named by an http:// or https:// URL
	// (a feed, say) in Walk; without it such inputs are reported as
	// unreadable.
	OpenURL func(ctx context.Context, url string) (Reader, error)
}

func (o Options) maxRecord() int {
	if o.MaxRecord <= 0 {
		return DefaultMaxRecord
	}
	return o.MaxRecord
}

// ContentID returns the stable content-derived ID of an article: the first
// 16 hex digits of SHA-256(title + "\n\n" + body).
func ContentID(title, body string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte("\n\n"))
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// finish fills the derived fields of a.
func finish(a *marsad.Article, origin string) {
	if a.ID == "" {
		a.ID = ContentID(a.Title, a.Body)
	}
	if a.Origin == "" {
		a.Origin = origin
	}
	if a.Lang == "" {
		sample := a.Body
		if len(sample) < 256 {
			sample = a.Title + "\n" + sample
		}
		a.Lang = DetectLang(sample)
	}
}

// recordErr builds a RecordError with a formatted message.
func recordErr(origin string, format string, args ...any) *RecordError {
	return &RecordError{Origin: origin, Err: fmt.Errorf(format, args...)}
}
