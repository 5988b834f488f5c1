package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract"
	"github.com/marsad-project/marsad/extract/entity"
	"github.com/marsad-project/marsad/source"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "json", "output format: json (indented objects), jsonl (one object per line) or conll (token-per-line BIO tags)")
	convention := fs.String("convention", "marsad", "`NAME` of the annotation convention of --format conll: marsad or anercorp (proper names only, see extract/entity)")
	lexicons := fs.String("lexicons", "", "`DIR` of extra entity lexicons (TSV, see extract/entity)")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for articles that carry none (anchors relative dates)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: marsad extract [--format json|jsonl|conll [--convention marsad|anercorp]] [--published YYYY-MM-DD] [FILE ...|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	pub, err := parseDay(*published, "--published")
	if err != nil {
		return err
	}
	conv, err := entity.ParseConvention(*convention)
	if err != nil {
		return fmt.Errorf("%w: --convention: %v", errUsage, err)
	}
	pipe, rec, err := newPipeline(pipelineConfig{lexiconDir: *lexicons, log: e.log})
	if err != nil {
		return err
	}
	var write func(*marsad.Doc) error
	switch *format {
	case "json", "jsonl":
		enc := newEncoder(e.stdout, *format == "json")
		fields := pipe.Fields()
		write = func(d *marsad.Doc) error { return enc.Encode(d.Contract(fields)) }
	case "conll":
		write = func(d *marsad.Doc) error { return rec.WriteCoNLL(e.stdout, d, conv) }
	default:
		return fmt.Errorf("%w: --format %q: want json, jsonl or conll", errUsage, *format)
	}

	r := openInputs(ctx, e, fs.Args())
	defer r.Close()
	var failed int
	for {
		a, err := r.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if source.IsRecordError(err) {
				failed++
				e.log.Warn("skipped input", "err", err)
				continue
			}
			return err
		}
		for _, w := range a.Warnings {
			e.log.Warn("read with a problem", "origin", a.Origin, "warning", w)
		}
		if a.Published.IsZero() {
			a.Published = pub
		}
		doc := extract.NewDoc(a)
		if err := pipe.Run(ctx, doc); err != nil {
			return err
		}
		if err := write(doc); err != nil {
			return fmt.Errorf("write %s: %w", doc.ID, err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d input record(s) could not be read", errPartial, failed)
	}
	return nil
}

// openInputs reads the named inputs, or standard input when there are none
// or the only one is "-".
func openInputs(ctx context.Context, e *env, paths []string) source.Reader {
	opts := sourceOptions()
	if len(paths) == 0 || (len(paths) == 1 && paths[0] == "-") {
		r, err := source.OpenReader(ctx, e.stdin, "-", opts)
		if err != nil {
			return &errReader{&source.RecordError{Origin: "-", Err: err}}
		}
		return r
	}
	return source.Walk(ctx, paths, opts)
}

// errReader is a Reader that reports one error and ends.
type errReader struct{ err error }

func (r *errReader) Next(context.Context) (marsad.Article, error) {
	if r.err == nil {
		return marsad.Article{}, io.EOF
	}
	err := r.err
	r.err = nil
	return marsad.Article{}, err
}

func (*errReader) Close() error { return nil }

// newEncoder returns a JSON encoder that leaves <, > and & as they are and
// indents when asked.
func newEncoder(w io.Writer, indent bool) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", " ")
	}
	return enc
}
