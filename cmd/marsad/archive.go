package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract"
	"github.com/marsad-project/marsad/pipeline"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/all"
	"github.com/marsad-project/marsad/source/feed"
	"github.com/marsad-project/marsad/store"
	"github.com/marsad-project/marsad/store/sqlite"
)

// defaultDB is the archive used when --db is not given.
const defaultDB = "marsad.db"

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDB, "archive `PATH` (SQLite file, created when missing)")
	noExtract := fs.Bool("no-extract", false, "store and index articles without running the extractors")
	workers := fs.Int("workers", 0, "extraction workers (default: one per core)")
	lexicons := fs.String("lexicons", "", "`DIR` of extra entity lexicons")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: marsad ingest [--db PATH] [--no-extract] SOURCE...\n\nSOURCE: files or folders of text, JSON/JSONL(.gz), TREC SGML, tar.gz, HTML, RSS/Atom or WARC; http(s) feed URLs; - for standard input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest needs at least one SOURCE", errUsage)
	}
	var annotators []marsad.Annotator
	if !*noExtract {
		pipe, _, err := newPipeline(pipelineConfig{lexiconDir: *lexicons, log: e.log})
		if err != nil {
			return err
		}
		annotators = []marsad.Annotator{pipe}
	}
	st, err := sqlite.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("open archive %s: %w", *db, err)
	}
	defer st.Close()
	r := openSources(ctx, e, fs.Args(), st.FeedValidators())
	defer r.Close()
	sum, err := pipeline.Run(ctx, pipeline.Config{
		Store: st, Reader: r, Annotators: annotators, NewDoc: extract.NewDoc,
		Workers: *workers, Progress: e.stderr, Logger: e.log,
	})
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", *db, err)
	}
	if *asJSON {
		if err := newEncoder(e.stdout, true).Encode(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(e.stdout, sum.String())
		for _, f := range sum.Failures {
			fmt.Fprintf(e.stdout, "  failed: %s (%s): %s\n", f.Origin, f.Stage, f.Err)
		}
	}
	if !sum.OK() {
		return fmt.Errorf("%w: %d failed", errPartial, sum.Failed)
	}
	return nil
}

func runCompact(ctx context.Context, e *env, args []string) error {
	return maintain(ctx, e, "compact", "compacted", args, (*sqlite.DB).Compact)
}

func runReindex(ctx context.Context, e *env, args []string) error {
	return maintain(ctx, e, "reindex", "reindexed", args, (*sqlite.DB).Reindex)
}

// maintain runs one maintenance operation on an existing archive.
func maintain(ctx context.Context, e *env, name, done string, args []string, op func(*sqlite.DB, context.Context) error) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDB, "archive `PATH`")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := op(st, ctx); err != nil {
		return fmt.Errorf("%s %s: %w", name, *db, err)
	}
	fmt.Fprintf(e.stdout, "%s %s\n", done, *db)
	return nil
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDB, "archive `PATH`")
	from := fs.String("from", "", "published on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "published on or before `YYYY-MM-DD`")
	src := fs.String("source", "", "only articles from this `SOURCE` (comma-separated for several)")
	ent := fs.String("entity", "", "only articles mentioning this entity `NAME`")
	limit := fs.Int("n", 10, "number of hits")
	offset := fs.Int("offset", 0, "hits to skip")
	asJSON := fs.Bool("json", false, "print one JSON object with total, hits and facets")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `Usage: marsad search [--db PATH] [--from DATE] [--to DATE] [--source S] [--entity NAME] [--json] QUERY

QUERY: words (all required), "phrases", OR between clauses, -exclusion, prefix*.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(args, fs)); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: search needs a QUERY", errUsage)
	}
	q, err := store.ParseQuery(strings.Join(fs.Args(), " "))
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if q.From, err = parseDay(*from, "--from"); err != nil {
		return err
	}
	if q.To, err = parseDay(*to, "--to"); err != nil {
		return err
	}
	if *src != "" {
		q.Sources = strings.Split(*src, ",")
	}
	q.Entity, q.Limit, q.Offset, q.Facets = *ent, *limit, *offset, true
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if stale, err := st.Stale(ctx); err == nil && stale {
		e.log.Warn("the archive was indexed with another text analysis; run marsad reindex", "db", *db)
	}
	res, err := st.Search(ctx, q)
	if err != nil {
		return fmt.Errorf("search %s: %w", *db, err)
	}
	if *asJSON {
		return newEncoder(e.stdout, false).Encode(res)
	}
	fmt.Fprintf(e.stdout, "%d matching articles\n", res.Total)
	for i, h := range res.Hits {
		pub := "-"
		if h.Published != nil {
			pub = *h.Published
		}
		src := h.Source
		if src == "" {
			src = "-"
		}
		fmt.Fprintf(e.stdout, "\n%d. %s  [source %s, published %s, score %.3g]\n   %s\n   %s\n", *offset+i+1, h.Title, src, pub, h.Score, h.ID, oneLine(h.Snippet))
	}
	return nil
}

func runDupes(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("dupes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDB, "archive `PATH`")
	minSize := fs.Int("min", 2, "groups with at least `N` articles")
	limit := fs.Int("n", 50, "at most `N` groups")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	groups, err := st.Dupes(ctx, store.DupesOptions{MinSize: *minSize, Limit: *limit})
	if err != nil {
		return fmt.Errorf("dupes %s: %w", *db, err)
	}
	if *asJSON {
		if groups == nil {
			groups = []store.DupeGroup{}
		}
		return newEncoder(e.stdout, false).Encode(groups)
	}
	for _, g := range groups {
		fmt.Fprintf(e.stdout, "story %s: %d articles, seen %d times\n", g.Story, len(g.Articles), g.Seen)
		for _, a := range g.Articles {
			b, _ := json.Marshal(a)
			fmt.Fprintf(e.stdout, "  %s\n", b)
		}
	}
	return nil
}

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDB, "archive `PATH`")
	speaker := fs.String("speaker", "", "speaker `NAME` (a person or body)")
	from := fs.String("from", "", "published on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "published on or before `YYYY-MM-DD`")
	limit := fs.Int("n", 50, "at most `N` quotes")
	asJSON := fs.Bool("json", false, "print JSON lines")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *speaker == "" {
		return fmt.Errorf("%w: quotes needs --speaker NAME", errUsage)
	}
	fromT, err := parseDay(*from, "--from")
	if err != nil {
		return err
	}
	toT, err := parseDay(*to, "--to")
	if err != nil {
		return err
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Quotes(ctx, store.QuoteQuery{Speaker: *speaker, From: fromT, To: toT, Limit: *limit})
	if err != nil {
		return fmt.Errorf("quotes %s: %w", *db, err)
	}
	enc := newEncoder(e.stdout, false)
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	for _, h := range hits {
		if *asJSON {
			if err := enc.Encode(h); err != nil {
				return err
			}
			continue
		}
		pub := "-"
		if h.Published != nil {
			pub = *h.Published
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", pub, h.Source, h.SpeakerText, oneLine(h.Text))
	}
	return tw.Flush()
}

// openExisting opens an archive that must already exist.
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("archive %s: %w (create it with marsad ingest)", path, err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	return st, nil
}

func parseDay(s, flagName string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", errUsage, flagName, s)
	}
	return t, nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// reorder moves flags after the query words to the front, so that
// `marsad search بايدن --json` works like `marsad search --json بايدن`.
func reorder(args []string, fs *flag.FlagSet) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		name := strings.TrimLeft(a, "-")
		if strings.HasPrefix(a, "-") && len(name) > 0 && len(a)-len(name) <= 2 {
			if k, _, found := strings.Cut(name, "="); found || isBoolFlag(fs, k) {
				flags = append(flags, a)
				continue
			} else if fs.Lookup(k) != nil {
				flags = append(flags, a)
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
				continue
			}
		}
		words = append(words, a)
	}
	return append(flags, append([]string{"--"}, words...)...)
}

func isBoolFlag(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// openSources reads files, folders, standard input and feed URLs in order.
// Feed items' pages are fetched politely; validators make repeated fetches
// conditional.
func openSources(ctx context.Context, e *env, paths []string, v feed.Validators) source.Reader {
	if len(paths) == 1 && paths[0] == "-" {
		return openInputs(ctx, e, paths)
	}
	client := &feed.Client{FetchPages: true, Validators: v, Logger: e.log}
	opts := sourceOptions()
	opts.OpenURL = func(ctx context.Context, url string) (source.Reader, error) {
		r, err := client.Fetch(ctx, url)
		if errors.Is(err, feed.ErrNotModified) {
			e.log.Info("feed not modified since last fetch", "url", url)
			return emptyReader{}, nil
		}
		return r, err
	}
	return all.Walk(ctx, paths, opts)
}

// emptyReader has no articles.
type emptyReader struct{}

func (emptyReader) Next(context.Context) (marsad.Article, error) { return marsad.Article{}, io.EOF }
func (emptyReader) Close() error                                 { return nil }
