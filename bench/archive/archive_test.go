package archive

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers the "ar" analyzer
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/dedup"
	"github.com/marsad-project/marsad/extract"
	"github.com/marsad-project/marsad/extract/entity"
	"github.com/marsad-project/marsad/extract/quantity"
	"github.com/marsad-project/marsad/extract/quote"
	"github.com/marsad-project/marsad/extract/timex"
	"github.com/marsad-project/marsad/pipeline"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store"
	"github.com/marsad-project/marsad/store/sqlite"
)

var corpusNames = []string{"ant-multisource", "ant-jawharafm", "saudinewsnet"}

// sharedDir finds ../shared beside the repository root (the nearest
// ancestor holding a go.mod with ../shared next to it), or skips.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(filepath.Join(p, "corpora")); err == nil {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("../shared/corpora not present")
		}
		dir = parent
	}
}

func envInt(name string) int {
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}

// corpus is the benchmark's articles, read once with Marsad's own reader.
type corpus struct {
	arts  []marsad.Article
	raw   int64             // UTF-8 bytes of titles and bodies
	group map[string]string // ext id → content hash (exact-duplicate group)
}

// loadCorpus reads up to limit articles of each corpus (0: all).
func loadCorpus(tb testing.TB, limit int) *corpus {
	tb.Helper()
	shared := sharedDir(tb)
	ctx := context.Background()
	c := &corpus{group: map[string]string{}}
	for _, name := range corpusNames {
		path := filepath.Join(shared, "corpora", name, "articles.jsonl.gz")
		r, err := source.Open(ctx, path, source.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		n := 0
		for limit <= 0 || n < limit {
			a, err := r.Next(ctx)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if source.IsRecordError(err) {
					continue
				}
				tb.Fatal(err)
			}
			c.arts = append(c.arts, a)
			c.raw += int64(len(a.Title) + len(a.Body))
			c.group[a.ID] = dedup.ContentHash(a.Title, a.Body)
			n++
		}
		r.Close()
	}
	return c
}

// sliceReader yields a slice of articles.
type sliceReader struct {
	arts []marsad.Article
	i    int
}

func (s *sliceReader) Next(ctx context.Context) (marsad.Article, error) {
	if s.i >= len(s.arts) {
		return marsad.Article{}, io.EOF
	}
	s.i++
	return s.arts[s.i-1], nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// annotators are the extractors that exist, in dependency order.
func annotators(tb testing.TB) []marsad.Annotator {
	ent, err := entity.New(entity.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return []marsad.Annotator{timex.New(timex.Options{}), quantity.New(), ent, quote.New(quote.Options{})}
}

// ingestMarsad ingests arts into a new archive in dir.
func ingestMarsad(tb testing.TB, dir string, arts []marsad.Article, anns []marsad.Annotator) (*sqlite.DB, pipeline.Summary, time.Duration) {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "marsad.db"))
	if err != nil {
		tb.Fatal(err)
	}
	cfg := pipeline.Config{Store: db, Reader: &sliceReader{arts: arts}, Annotators: anns, Logger: quiet()}
	if len(anns) > 0 {
		cfg.NewDoc = extract.NewDoc
	}
	start := time.Now()
	sum, err := pipeline.Run(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return db, sum, time.Since(start)
}

// bleveDoc is what bleve indexes for an article.
type bleveDoc struct {
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
}

func bleveMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = "ar"
	doc := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = "ar"
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("body", text)
	kw := bleve.NewKeywordFieldMapping()
	kw.IncludeInAll = false
	doc.AddFieldMappingsAt("source", kw)
	dt := bleve.NewDateTimeFieldMapping()
	dt.IncludeInAll = false
	doc.AddFieldMappingsAt("published", dt)
	m.DefaultMapping = doc
	return m
}

// ingestBleve indexes arts with bleve's "ar" analyzer, in batches of
// 1,000; document ids are the articles' positions.
func ingestBleve(tb testing.TB, dir string, arts []marsad.Article) (bleve.Index, time.Duration) {
	tb.Helper()
	idx, err := bleve.New(filepath.Join(dir, "bleve"), bleveMapping())
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	batch := idx.NewBatch()
	for i, a := range arts {
		if err := batch.Index(strconv.Itoa(i), bleveDoc{Title: a.Title, Body: a.Body, Source: a.Source, Published: a.Published}); err != nil {
			tb.Fatal(err)
		}
		if batch.Size() >= 1000 {
			if err := idx.Batch(batch); err != nil {
				tb.Fatal(err)
			}
			batch = idx.NewBatch()
		}
	}
	if err := idx.Batch(batch); err != nil {
		tb.Fatal(err)
	}
	return idx, time.Since(start)
}

// cpuTime is the CPU time (user + system) this process has used so far.
// Ingest rates are also reported per CPU second: on a shared machine,
// wall-clock rates of runs made minutes apart are not comparable.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func dirSize(p string) int64 {
	var n int64
	filepath.Walk(p, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// benchQuery is one query of the latency set, with its filters.
type benchQuery struct {
	Kind     string // word, phrase, boolean, filtered
	Text     string
	Source   string
	From, To time.Time
}

// indexWords are the Arabic words of a text worth searching for: three
// letters or more, not stop words.
func indexWords(text string) []arabic.Token {
	var out []arabic.Token
	for _, t := range arabic.Tokenize(text) {
		if t.Kind == arabic.KindArabic && utf8.RuneCountInString(t.Norm) >= 3 && !store.IsStopWord(t.Norm) {
			out = append(out, t)
		}
	}
	return out
}

// latencyQueries draws a fixed set of queries from the corpus with a
// seeded generator: 80 words, 50 phrases of two adjacent words, 40
// boolean (OR and exclusion), 40 filtered by source or by a month.
func latencyQueries(c *corpus) []benchQuery {
	r := rand.New(rand.NewPCG(2024, 7))
	var out []benchQuery
	pick := func() (marsad.Article, []arabic.Token, string) {
		for {
			a := c.arts[r.IntN(len(c.arts))]
			ws := indexWords(a.Body)
			if len(ws) >= 10 {
				return a, ws, a.Body
			}
		}
	}
	for len(out) < 80 {
		_, ws, _ := pick()
		out = append(out, benchQuery{Kind: "word", Text: ws[r.IntN(len(ws))].Text})
	}
	for n := 0; n < 50; {
		_, ws, body := pick()
		i := r.IntN(len(ws) - 1)
		gap := body[ws[i].End:ws[i+1].Start]
		if strings.TrimSpace(gap) != "" { // not adjacent words
			continue
		}
		out = append(out, benchQuery{Kind: "phrase", Text: `"` + ws[i].Text + " " + ws[i+1].Text + `"`})
		n++
	}
	for i := range 40 {
		_, ws, _ := pick()
		a, b := ws[r.IntN(len(ws))].Text, ws[r.IntN(len(ws))].Text
		if i%4 == 3 {
			out = append(out, benchQuery{Kind: "boolean", Text: a + " -" + b})
		} else {
			out = append(out, benchQuery{Kind: "boolean", Text: a + " OR " + b})
		}
	}
	for i := range 40 {
		a, ws, _ := pick()
		q := benchQuery{Kind: "filtered", Text: ws[r.IntN(len(ws))].Text}
		if i%2 == 0 || a.Published.IsZero() {
			q.Source = a.Source
		} else {
			d := a.Published.UTC().Truncate(24 * time.Hour)
			q.From, q.To = d.AddDate(0, 0, -15), d.AddDate(0, 0, 15)
		}
		out = append(out, q)
	}
	return out
}

// marsadQuery builds the store query of a benchmark query.
func marsadQuery(q benchQuery, limit int) (store.Query, error) {
	sq, err := store.ParseQuery(q.Text)
	if err != nil {
		return store.Query{}, err
	}
	if q.Source != "" {
		sq.Sources = []string{q.Source}
	}
	sq.From, sq.To, sq.Limit = q.From, q.To, limit
	return sq, nil
}

// bleveQuery translates the same query language into bleve queries: a
// word is a match query, a phrase a match-phrase query, a prefix a prefix
// query, OR a disjunction, groups a conjunction, exclusions must-not
// clauses; filters are term and date-range queries.
func bleveQuery(q benchQuery) (query.Query, error) {
	sq, err := store.ParseQuery(q.Text)
	if err != nil {
		return nil, err
	}
	clause := func(c store.Clause) query.Query {
		switch {
		case c.Phrase:
			return bleve.NewMatchPhraseQuery(c.Text)
		case c.Prefix:
			return bleve.NewPrefixQuery(arabic.NormalizeString(c.Text, arabic.SearchOptions()))
		}
		return bleve.NewMatchQuery(c.Text)
	}
	var must []query.Query
	for _, g := range sq.Groups {
		if len(g) == 1 {
			must = append(must, clause(g[0]))
			continue
		}
		var alts []query.Query
		for _, c := range g {
			alts = append(alts, clause(c))
		}
		must = append(must, bleve.NewDisjunctionQuery(alts...))
	}
	if q.Source != "" {
		t := bleve.NewTermQuery(q.Source)
		t.SetField("source")
		must = append(must, t)
	}
	if !q.From.IsZero() {
		to := q.To.Add(24*time.Hour - time.Nanosecond)
		incl := true
		d := bleve.NewDateRangeInclusiveQuery(q.From, to, &incl, &incl)
		d.SetField("published")
		must = append(must, d)
	}
	var not []query.Query
	for _, c := range sq.Exclude {
		not = append(not, clause(c))
	}
	if len(not) == 0 && len(must) == 1 {
		return must[0], nil
	}
	return query.NewBooleanQuery(must, nil, not), nil
}

// percentile returns the p-th percentile (0..100) of sorted durations.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(d)))) - 1
	return d[max(0, min(i, len(d)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkArchive runs the whole comparison in one run on the same
// texts. Run it with -benchtime 1x.
func BenchmarkArchive(b *testing.B) {
	c := loadCorpus(b, envInt("MARSAD_BENCH_LIMIT"))
	b.Logf("%d articles, %.1f MB of raw text", len(c.arts), float64(c.raw)/1e6)
	dir := b.TempDir()
	if keep := os.Getenv("MARSAD_BENCH_DIR"); keep != "" {
		dir = keep // keep the indexes for inspection
	}
	var db *sqlite.DB
	var bl bleve.Index

	b.Run("ingest/marsad", func(b *testing.B) {
		for b.Loop() {
			d := filepath.Join(dir, "plain")
			os.RemoveAll(d)
			os.MkdirAll(d, 0o755)
			var sum pipeline.Summary
			var el time.Duration
			cpu := cpuTime()
			db, sum, el = ingestMarsad(b, d, c.arts, nil)
			b.ReportMetric(float64(sum.Read)/el.Seconds(), "articles/s")
			b.ReportMetric(float64(sum.Read)/(cpuTime()-cpu).Seconds(), "articles/cpu-s")
			db.Close()
			size := dirSize(d)
			b.ReportMetric(float64(size)/float64(c.raw), "disk/raw")
			b.Logf("%s; file %.1f MB for %.1f MB raw text", sum, float64(size)/1e6, float64(c.raw)/1e6)
			var err error
			if db, err = sqlite.Open(context.Background(), filepath.Join(d, "marsad.db")); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Cleanup(func() {
		if db != nil {
			db.Close()
		}
	})

	b.Run("ingest/marsad+extract", func(b *testing.B) {
		arts := c.arts
		if n := envInt("MARSAD_BENCH_EXTRACT_LIMIT"); n > 0 && n < len(arts) {
			arts = arts[:n]
		}
		anns := annotators(b)
		for b.Loop() {
			d := filepath.Join(dir, "extract")
			os.RemoveAll(d)
			os.MkdirAll(d, 0o755)
			cpu := cpuTime()
			xdb, sum, el := ingestMarsad(b, d, arts, anns)
			b.ReportMetric(float64(sum.Read)/(cpuTime()-cpu).Seconds(), "articles/cpu-s")
			b.ReportMetric(float64(sum.Read)/el.Seconds(), "articles/s")
			// Facets over an archive with entities: the entity facet too.
			fl := facetLatency(b, xdb, latencyQueries(c))
			b.ReportMetric(ms(percentile(fl, 50)), "facets-p50-ms")
			b.ReportMetric(ms(percentile(fl, 99)), "facets-p99-ms")
			xdb.Close()
			b.ReportMetric(float64(dirSize(d))/float64(c.raw)*float64(len(c.arts))/float64(len(arts)), "disk/raw")
			b.Logf("%s (extracted %d)", sum, sum.Extracted)
		}
	})

	b.Run("ingest/bleve", func(b *testing.B) {
		for b.Loop() {
			d := filepath.Join(dir, "bleve")
			os.RemoveAll(d)
			os.MkdirAll(d, 0o755)
			var el time.Duration
			cpu := cpuTime()
			bl, el = ingestBleve(b, d, c.arts)
			b.ReportMetric(float64(len(c.arts))/(cpuTime()-cpu).Seconds(), "articles/cpu-s")
			b.ReportMetric(float64(len(c.arts))/el.Seconds(), "articles/s")
			b.ReportMetric(float64(dirSize(d))/float64(c.raw), "disk/raw")
		}
	})
	b.Cleanup(func() {
		if bl != nil {
			bl.Close()
		}
	})
	if db == nil || bl == nil {
		b.Fatal("an ingest sub-benchmark did not run (check -bench filters)")
	}

	queries := latencyQueries(c)
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			l := measureLatency(b, db, bl, queries)
			b.ReportMetric(ms(percentile(l.marsad, 50)), "marsad-p50-ms")
			b.ReportMetric(ms(percentile(l.marsad, 99)), "marsad-p99-ms")
			b.ReportMetric(ms(percentile(l.facets, 50)), "marsad+facets-p50-ms")
			b.ReportMetric(ms(percentile(l.facets, 99)), "marsad+facets-p99-ms")
			b.ReportMetric(ms(percentile(l.bleve, 50)), "bleve-p50-ms")
			b.ReportMetric(ms(percentile(l.bleve, 99)), "bleve-p99-ms")
			b.Logf("%d queries", len(queries))
		}
	})

	b.Run("quality", func(b *testing.B) {
		js := readJudgments(b)
		for b.Loop() {
			m := evaluate(b, c, js, func(q string) []string { return marsadRanking(b, db, q) })
			bv := evaluate(b, c, js, func(q string) []string { return bleveRanking(b, bl, c, q) })
			b.ReportMetric(m.mrr, "marsad-MRR")
			b.ReportMetric(m.ndcg, "marsad-nDCG@10")
			b.ReportMetric(bv.mrr, "bleve-MRR")
			b.ReportMetric(bv.ndcg, "bleve-nDCG@10")
			b.Logf("%d judged queries", len(js))
		}
	})
}

// latencies are the sorted per-query latencies of each system.
type latencies struct{ marsad, facets, bleve []time.Duration }

// facetLatency runs every query with facets, sorted latencies.
func facetLatency(tb testing.TB, db *sqlite.DB, queries []benchQuery) []time.Duration {
	ctx := context.Background()
	var out []time.Duration
	for _, q := range queries {
		sq, err := marsadQuery(q, 10)
		if err != nil {
			tb.Fatalf("%q: %v", q.Text, err)
		}
		sq.Facets = true
		t := time.Now()
		if _, err := db.Search(ctx, sq); err != nil {
			tb.Fatalf("%q: %v", q.Text, err)
		}
		out = append(out, time.Since(t))
	}
	slices.Sort(out)
	return out
}

// measureLatency runs every query on Marsad (without and with facets) and
// on bleve, logging the queries Marsad answers in more than 50 ms.
func measureLatency(tb testing.TB, db *sqlite.DB, bl bleve.Index, queries []benchQuery) latencies {
	ctx := context.Background()
	var l latencies
	for _, q := range queries {
		sq, err := marsadQuery(q, 10)
		if err != nil {
			tb.Fatalf("%q: %v", q.Text, err)
		}
		t := time.Now()
		if _, err := db.Search(ctx, sq); err != nil {
			tb.Fatalf("%q: %v", q.Text, err)
		}
		el := time.Since(t)
		l.marsad = append(l.marsad, el)
		if el > 50*time.Millisecond {
			tb.Logf("slow: %s %q (source %q, from %v, to %v): %v", q.Kind, q.Text, q.Source, q.From, q.To, el)
		}
		sq.Facets = true
		t = time.Now()
		if _, err := db.Search(ctx, sq); err != nil {
			tb.Fatalf("%q: %v", q.Text, err)
		}
		el = time.Since(t)
		l.facets = append(l.facets, el)
		if el > 50*time.Millisecond {
			tb.Logf("slow with facets: %s %q (source %q, from %v, to %v): %v", q.Kind, q.Text, q.Source, q.From, q.To, el)
		}
		bq, err := bleveQuery(q)
		if err != nil {
			tb.Fatal(err)
		}
		req := bleve.NewSearchRequestOptions(bq, 10, 0, false)
		t = time.Now()
		if _, err := bl.Search(req); err != nil {
			tb.Fatalf("bleve %q: %v", q.Text, err)
		}
		l.bleve = append(l.bleve, time.Since(t))
	}
	for _, d := range [][]time.Duration{l.marsad, l.facets, l.bleve} {
		slices.Sort(d)
	}
	return l
}

// judgment is one query of our own with the ext ids of the articles
// judged relevant by reading them.
type judgment struct {
	Query    string
	Relevant []string
}

func readJudgments(tb testing.TB) []judgment {
	tb.Helper()
	data, err := os.ReadFile("testdata/judgments.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	var out []judgment
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 2 {
			tb.Fatalf("judgments.tsv:%d: want QUERY<TAB>IDS", i+1)
		}
		out = append(out, judgment{Query: parts[0], Relevant: strings.Split(parts[1], ",")})
	}
	return out
}

type scores struct{ mrr, ndcg float64 }

// evaluate scores a ranking function: exact duplicates (same content
// hash) count once, for both systems, so a ranking is a list of distinct
// texts; relevance is binary.
func evaluate(tb testing.TB, c *corpus, js []judgment, rank func(string) []string) scores {
	var s scores
	for _, j := range js {
		rel := map[string]bool{}
		for _, id := range j.Relevant {
			g, ok := c.group[id]
			if !ok {
				continue // not in this (limited) corpus
			}
			rel[g] = true
		}
		if len(rel) == 0 {
			continue
		}
		var dcg, idcg float64
		rr := 0.0
		for i, g := range rank(j.Query) {
			if rel[g] {
				dcg += 1 / math.Log2(float64(i+2))
				if rr == 0 {
					rr = 1 / float64(i+1)
				}
			}
		}
		for i := range min(len(rel), 10) {
			idcg += 1 / math.Log2(float64(i+2))
		}
		s.mrr += rr
		s.ndcg += dcg / idcg
	}
	s.mrr /= float64(len(js))
	s.ndcg /= float64(len(js))
	return s
}

// marsadRanking returns the content hashes of Marsad's top 10 (the
// archive id is the content hash).
func marsadRanking(tb testing.TB, db *sqlite.DB, q string) []string {
	sq, err := store.ParseQuery(q)
	if err != nil {
		tb.Fatalf("%q: %v", q, err)
	}
	sq.Limit = 10
	res, err := db.Search(context.Background(), sq)
	if err != nil {
		tb.Fatalf("%q: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

// bleveRanking returns the content hashes of bleve's top 10 distinct
// texts (bleve indexes duplicates; they are collapsed).
func bleveRanking(tb testing.TB, idx bleve.Index, c *corpus, q string) []string {
	bq, err := bleveQuery(benchQuery{Text: q})
	if err != nil {
		tb.Fatalf("%q: %v", q, err)
	}
	res, err := idx.Search(bleve.NewSearchRequestOptions(bq, 40, 0, false))
	if err != nil {
		tb.Fatalf("bleve %q: %v", q, err)
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range res.Hits {
		i, _ := strconv.Atoi(h.ID)
		g := c.group[c.arts[i].ID]
		if seen[g] {
			continue
		}
		seen[g] = true
		out = append(out, g)
		if len(out) == 10 {
			break
		}
	}
	return out
}
