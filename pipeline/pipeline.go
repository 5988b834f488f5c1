// Package pipeline ingests articles into an archive: read → detect the
// language → extract facts (in parallel, Arabic extractors on Arabic text
// only) → store in batches. Memory is bounded: channels between the stages
// are bounded and at most one batch waits to be written. A record that
// cannot be read is reported with its origin and skipped; the archive
// stays consistent, and the [Summary] tells the caller whether anything
// failed.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/abadojack/whatlanggo"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store"
)

// Reader yields articles; source.Reader and source.Walk satisfy it. Next
// returns io.EOF at the end. An error for which Recoverable reports true
// (a malformed record) is counted as failed and reading goes on; any other
// error ends reading (the articles already read are still stored).
type Reader interface {
	Next(ctx context.Context) (marsad.Article, error)
}

// Config configures [Run].
type Config struct {
	Store  store.Store // where articles go (required)
	Reader Reader      // where articles come from (required)

	// Annotators run in order on each Arabic article's document. They
	// must be safe for concurrent use: workers share them.
	Annotators []marsad.Annotator
	// NewDoc builds the document an article is analyzed as; the default
	// is store.NewDoc. Pass extract.NewDoc to get sentence spans.
	NewDoc func(marsad.Article) *marsad.Doc
	// Recoverable reports whether reading can go on after an error.
	// Default: source.IsRecordError (a malformed record; source.Walk turns
	// a broken input into one too).
	Recoverable func(error) bool

	Workers   int // extraction workers; default GOMAXPROCS
	BatchSize int // articles per transaction; default 500

	// Progress receives a progress bar when it is a terminal; otherwise
	// counts are logged every LogEvery (default 10 s).
	Progress io.Writer
	Total    int // expected number of articles for the bar; 0 = unknown
	LogEvery time.Duration
	Logger   *slog.Logger // default slog.Default()

	// MaxFailures bounds Summary.Failures (default 1000); counts go on.
	MaxFailures int

	// OptimizeAfter: when at least this many new articles were stored and
	// the store has an Optimize(ctx) error method, it is called at the end
	// (default 10,000; negative never).
	OptimizeAfter int
}

// Summary reports what an ingest did.
type Summary struct {
	Read          int            `json:"read"`           // articles read
	New           int            `json:"new"`            // stored as new
	Duplicate     int            `json:"duplicate"`      // already in the archive (same URL or content)
	Failed        int            `json:"failed"`         // records that could not be read or stored
	Extracted     int            `json:"extracted"`      // articles the annotators ran on
	ExtractFailed int            `json:"extract_failed"` // stored without facts: an annotator failed
	Languages     map[string]int `json:"languages"`      // articles per detected language
	Reasons       map[string]int `json:"reasons"`        // failures per reason
	Failures      []Failure      `json:"failures"`       // the first failures, with origins
	Elapsed       time.Duration  `json:"elapsed_ns"`
}

// OK reports whether every input was read and stored.
func (s Summary) OK() bool { return s.Failed == 0 }

// String is a one-line summary.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d, new %d, duplicate %d, failed %d", s.Read, s.New, s.Duplicate, s.Failed)
	if s.ExtractFailed > 0 {
		fmt.Fprintf(&b, ", extraction failed on %d", s.ExtractFailed)
	}
	if len(s.Reasons) > 0 {
		b.WriteString(" (")
		for i, k := range slices.Sorted(maps.Keys(s.Reasons)) {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s: %d", k, s.Reasons[k])
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, " in %s", s.Elapsed.Round(time.Millisecond))
	return b.String()
}

// Failure is one record that was skipped, or stored without facts.
type Failure struct {
	Origin string `json:"origin"` // file:line, path or URL
	Stage  string `json:"stage"`  // read, extract
	Err    string `json:"error"`
}

// job is one article on its way through the workers.
type job struct {
	seq int
	art marsad.Article
	rec *store.Record
	err error  // read error (rec nil) or extraction error (rec set)
	ext bool   // annotators ran
	raw string // origin of a read error
}

// Run ingests everything cfg.Reader yields into cfg.Store. It returns the
// summary and an error only when ingest could not go on (the store failed,
// or ctx was cancelled); failed records are in the summary. Articles
// stored before an error stay stored: each batch is one transaction.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	if cfg.Store == nil || cfg.Reader == nil {
		return Summary{}, errors.New("pipeline: Store and Reader are required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.NewDoc == nil {
		cfg.NewDoc = store.NewDoc
	}
	if cfg.Recoverable == nil {
		cfg.Recoverable = source.IsRecordError
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.LogEvery <= 0 {
		cfg.LogEvery = 10 * time.Second
	}
	if cfg.MaxFailures <= 0 {
		cfg.MaxFailures = 1000
	}
	if cfg.OptimizeAfter == 0 {
		cfg.OptimizeAfter = 10000
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *job, 4*cfg.Workers)
	// done holds a batch's worth of analyzed articles, so that workers
	// keep extracting while the writer stores the previous batch (with a
	// short buffer they would wait for every transaction, and extraction
	// and storing would take turns instead of sharing the cores).
	done := make(chan *job, cfg.BatchSize+4*cfg.Workers)
	readErr := make(chan error, 1)

	// Reader: one goroutine, in input order.
	go func() {
		defer close(jobs)
		seq := 0
		for {
			a, err := cfg.Reader.Next(ctx)
			if errors.Is(err, io.EOF) {
				readErr <- nil
				return
			}
			j := &job{seq: seq}
			seq++
			if err != nil {
				if ctx.Err() != nil {
					readErr <- ctx.Err()
					return
				}
				j.err, j.raw = err, origin(err)
				select {
				case jobs <- j:
				case <-ctx.Done():
					readErr <- ctx.Err()
					return
				}
				if !cfg.Recoverable(err) {
					readErr <- nil
					return
				}
				continue
			}
			for _, w := range a.Warnings {
				cfg.Logger.Warn("read with a problem", "origin", a.Origin, "warning", w)
			}
			j.art = a
			select {
			case jobs <- j:
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
		}
	}()

	// Workers: language, document, annotators, fingerprints and terms.
	workersDone := make(chan struct{})
	for range cfg.Workers {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			z := &store.Analyzer{}
			for j := range jobs {
				if j.err == nil {
					process(ctx, &cfg, z, j)
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for range cfg.Workers {
			<-workersDone
		}
		close(done)
	}()

	w := newWriter(&cfg)
	w.progressStart()
	err := w.collect(ctx, done)
	if err != nil {
		cancel()
		for range done { // let the workers finish
		}
	}
	rerr := <-readErr
	w.progressStop()
	if err == nil && rerr != nil {
		err = fmt.Errorf("read: %w", rerr)
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if o, ok := cfg.Store.(interface{ Optimize(context.Context) error }); ok && err == nil &&
		cfg.OptimizeAfter > 0 && w.sum.New >= cfg.OptimizeAfter {
		if oerr := o.Optimize(ctx); oerr != nil {
			err = fmt.Errorf("after ingest: %w", oerr)
		}
	}
	w.sum.Elapsed = time.Since(start)
	cfg.Logger.Info("ingest done", "read", w.sum.Read, "new", w.sum.New, "duplicate", w.sum.Duplicate,
		"failed", w.sum.Failed, "extract_failed", w.sum.ExtractFailed, "elapsed", w.sum.Elapsed.Round(time.Millisecond))
	return w.sum, err
}

// origin extracts where a read error happened.
func origin(err error) string {
	var re *source.RecordError
	if errors.As(err, &re) {
		return re.Origin
	}
	var ie *source.InputError
	if errors.As(err, &ie) {
		return ie.Origin
	}
	return ""
}

// process analyzes one article in a worker.
func process(ctx context.Context, cfg *Config, z *store.Analyzer, j *job) {
	a := &j.art
	if a.Lang == "" {
		a.Lang = DetectLanguage(a.Title + "\n" + a.Body)
	}
	doc := cfg.NewDoc(*a)
	if a.Lang == "ar" && len(cfg.Annotators) > 0 {
		j.ext = true
		if err := annotate(ctx, cfg.Annotators, doc); err != nil {
			j.err = err
			doc = cfg.NewDoc(*a) // no partial facts
		}
	}
	j.rec = z.Prepare(*a, doc)
}

// annotate runs the annotators, turning a panic into an error so that one
// bad article cannot stop an ingest.
func annotate(ctx context.Context, anns []marsad.Annotator, doc *marsad.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("annotator panic: %v", r)
		}
	}()
	for _, an := range anns {
		if err := an.Annotate(ctx, doc); err != nil {
			return err
		}
	}
	return nil
}

// DetectLanguage returns the ISO 639-1 code of the text's language, ""
// when unknown. Arabic-script text that the model cannot tell apart with
// confidence is taken as Arabic (news in Persian or Urdu is rare in the
// inputs Marsad reads, and short Arabic items are often misread as them).
func DetectLanguage(text string) string {
	if len(text) > 2048 {
		cut := 2048
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	code := info.Lang.Iso6391()
	if info.Script == unicode.Arabic && code != "ar" && !info.IsReliable() {
		return "ar"
	}
	return code
}

// writer collects processed jobs in input order and stores them in batches.
type writer struct {
	cfg     *Config
	sum     Summary
	pending map[int]*job
	next    int
	batch   []*job
	bar     *progressbar.ProgressBar
	lastLog time.Time
}

func newWriter(cfg *Config) *writer {
	return &writer{cfg: cfg, pending: map[int]*job{}, sum: Summary{Languages: map[string]int{}, Reasons: map[string]int{}}}
}

func (w *writer) collect(ctx context.Context, done <-chan *job) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case j, ok := <-done:
			if !ok {
				return w.flush(ctx)
			}
			w.pending[j.seq] = j
			for {
				j, ok := w.pending[w.next]
				if !ok {
					break
				}
				delete(w.pending, w.next)
				w.next++
				w.take(j)
				if len(w.batch) >= w.cfg.BatchSize {
					if err := w.flush(ctx); err != nil {
						return err
					}
				}
			}
		case <-tick.C:
			// A slow trickle of articles is still written every second.
			if err := w.flush(ctx); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (w *writer) fail(origin, stage string, err error) {
	reason := stage
	if stage == "read" {
		reason = "read: " + reasonOf(err)
	}
	w.sum.Reasons[reason]++
	if len(w.sum.Failures) < w.cfg.MaxFailures {
		w.sum.Failures = append(w.sum.Failures, Failure{Origin: origin, Stage: stage, Err: err.Error()})
	}
	w.cfg.Logger.Warn("skipped", "stage", stage, "origin", origin, "err", err)
}

// reasonOf is a short class of an error for counting: its innermost
// message without origins.
func reasonOf(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			break
		}
		err = u
	}
	s := err.Error()
	if len(s) > 60 {
		s = s[:60]
	}
	return s
}

func (w *writer) take(j *job) {
	if j.rec == nil {
		w.sum.Failed++
		w.fail(j.raw, "read", j.err)
		w.progress(1)
		return
	}
	w.sum.Read++
	w.sum.Languages[j.art.Lang]++
	if j.ext {
		w.sum.Extracted++
	}
	if j.err != nil {
		w.sum.ExtractFailed++
		w.fail(j.art.Origin, "extract", j.err)
	}
	w.batch = append(w.batch, j)
}

func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	recs := make([]*store.Record, len(w.batch))
	for i, j := range w.batch {
		recs[i] = j.rec
	}
	res, err := w.cfg.Store.Put(ctx, recs)
	if err != nil {
		return fmt.Errorf("store batch of %d from %s: %w", len(recs), w.batch[0].art.Origin, err)
	}
	for _, r := range res {
		switch r.Status {
		case store.New:
			w.sum.New++
		case store.Duplicate:
			w.sum.Duplicate++
		}
	}
	w.progress(len(w.batch))
	w.batch = w.batch[:0]
	return nil
}

func (w *writer) progressStart() {
	w.lastLog = time.Now()
	f, ok := w.cfg.Progress.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return
	}
	total := int64(w.cfg.Total)
	if total <= 0 {
		total = -1
	}
	w.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func (w *writer) progress(n int) {
	if w.bar != nil {
		_ = w.bar.Add(n)
		return
	}
	if time.Since(w.lastLog) >= w.cfg.LogEvery {
		w.lastLog = time.Now()
		w.cfg.Logger.Info("ingest progress", "read", w.sum.Read, "new", w.sum.New,
			"duplicate", w.sum.Duplicate, "failed", w.sum.Failed)
	}
}

func (w *writer) progressStop() {
	if w.bar != nil {
		_ = w.bar.Finish()
	}
}
