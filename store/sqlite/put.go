package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"maps"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/dedup"
	"github.com/marsad-project/marsad/store"
)

// Put stores a batch of records in one transaction. A record whose content
// hash or canonical URL is already stored is a duplicate: only its
// sighting is recorded (once per origin), so putting the same input twice
// changes nothing. A new record whose body SimHash is within
// dedup.MaxDistance of a stored article joins that article's story when
// it is also like the story's first article (see [dedup.SameStory]);
// otherwise it starts a story.
func (d *DB) Put(ctx context.Context, recs []*store.Record) ([]store.PutResult, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, r := range recs {
		if r.ID == "" {
			recs[i] = store.Prepare(r.Article, r.Doc)
		}
	}
	out, err := d.put(ctx, recs)
	if err != nil {
		// The rolled-back articles may be in the in-memory index.
		if lerr := d.loadIndex(context.WithoutCancel(ctx)); lerr != nil {
			d.log.Error("reload simhash index", "err", lerr)
		}
		return nil, err
	}
	return out, nil
}

func (d *DB) put(ctx context.Context, recs []*store.Record) ([]store.PutResult, error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	w := &writer{tx: tx, now: time.Now().UTC().Format(time.RFC3339), ents: d.ents}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(n), 0) FROM articles").Scan(&w.next); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	// The analysis version is recorded with the first indexed article.
	if err := w.exec(ctx, "INSERT OR IGNORE INTO meta(key, value) VALUES ('analysis', ?)", store.AnalysisVersion()); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	out := make([]store.PutResult, len(recs))
	for i, r := range recs {
		res, err := d.putOne(ctx, w, r)
		if err != nil {
			return nil, fmt.Errorf("put %s (%s): %w", r.Article.Origin, r.Article.ID, err)
		}
		out[i] = res
	}
	// The batch is indexed last: FTS5 writes its pending terms to disk
	// whenever a later statement of the transaction opens a savepoint (an
	// insert into a table with unique keys does), which would flush, and
	// merge, a tiny segment per article.
	for _, f := range w.fts {
		if err := w.exec(ctx, "INSERT INTO fts(rowid, title, body, facets) VALUES (?, ?, ?, ?)", f.n, f.title, f.body, f.facets); err != nil {
			return nil, fmt.Errorf("put: index article %d: %w", f.n, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	for _, r := range out {
		if r.Status == store.New {
			d.added++
		}
	}
	if len(d.ents)+len(w.newEnts) > maxEntityCache {
		d.ents = nil
	}
	if d.ents == nil {
		d.ents = make(map[string]int64, len(w.newEnts))
	}
	maps.Copy(d.ents, w.newEnts)
	return out, nil
}

type writer struct {
	tx     *sql.Tx
	now    string
	next   int64                // last used article n
	stmts  map[string]*sql.Stmt // prepared once per transaction
	inputs map[string]int64     // inputs.n by name, as of this transaction
	// ents are the entity numbers known committed (DB.ents); newEnts
	// those read or added in this transaction, committed with it.
	ents, newEnts map[string]int64
	fts           []ftsRow // index rows of the batch's new articles
}

// ftsRow is the full-text index row of an article.
type ftsRow struct {
	n                   int64
	title, body, facets string
}

// maxEntityCache bounds DB.ents; past it the cache starts over.
const maxEntityCache = 1 << 19

// entity returns the number of the archive entity with the key, adding
// it when new. Known keys come from memory: most entities of an article
// are already in the archive, and looking each up (or upserting it) is
// most of the cost of storing facts.
func (w *writer) entity(ctx context.Context, key string, e marsad.Entity) (int64, error) {
	if n, ok := w.ents[key]; ok {
		return n, nil
	}
	if n, ok := w.newEnts[key]; ok {
		return n, nil
	}
	// Not in memory: most often a new entity, so insert first.
	var n int64
	err := w.queryRow(ctx, "INSERT INTO entities(key, type, name, latin, norm) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING n",
		key, e.Type, e.Name, e.Latin, entityNorm(e.Name)).Scan(&n)
	if errNoRows(err) {
		err = w.queryRow(ctx, "SELECT n FROM entities WHERE key = ?", key).Scan(&n)
	}
	if err != nil {
		return 0, err
	}
	if w.newEnts == nil {
		w.newEnts = map[string]int64{}
	}
	w.newEnts[key] = n
	return n, nil
}

// splitOrigin splits an origin into its input and its place in it: a
// final ":digits" ("file.jsonl.gz:120" is "file.jsonl.gz" and ":120"),
// else nothing. Migration 0004 splits stored origins the same way.
func splitOrigin(origin string) (input, at string) {
	i := len(origin)
	for i > 0 && origin[i-1] >= '0' && origin[i-1] <= '9' {
		i--
	}
	if i < len(origin) && i > 0 && origin[i-1] == ':' {
		return origin[:i-1], origin[i-1:]
	}
	return origin, ""
}

// input returns the number of the named input, adding it when new.
func (w *writer) input(ctx context.Context, name string) (int64, error) {
	if n, ok := w.inputs[name]; ok {
		return n, nil
	}
	var n int64
	err := w.queryRow(ctx, "SELECT n FROM inputs WHERE name = ?", name).Scan(&n)
	if errNoRows(err) {
		err = w.queryRow(ctx, "INSERT INTO inputs(name) VALUES (?) RETURNING n", name).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("input %q: %w", name, err)
	}
	if w.inputs == nil {
		w.inputs = map[string]int64{}
	}
	w.inputs[name] = n
	return n, nil
}

// reading records that article n was read at origin; reading the same
// origin again adds nothing.
func (w *writer) reading(ctx context.Context, n int64, origin, extID, url, reason string) error {
	name, at := splitOrigin(origin)
	in, err := w.input(ctx, name)
	if err != nil {
		return err
	}
	return w.exec(ctx, "INSERT OR IGNORE INTO readings(article, input, at, ext_id, url, reason) VALUES (?, ?, ?, ?, ?, ?)",
		n, in, at, extID, url, reason)
}

func (w *writer) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(ctx context.Context, q string, args ...any) error {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

func (w *writer) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return w.queryRow(ctx, q, args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (d *DB) putOne(ctx context.Context, w *writer, r *store.Record) (store.PutResult, error) {
	a := r.Article
	// Exact duplicates: same content, or same canonical URL.
	var n int64
	var id, story string
	err := w.queryRow(ctx,
		"SELECT a.n, a.id, s.id FROM articles a JOIN articles s ON s.n = a.story WHERE a.id = ?", r.ID).Scan(&n, &id, &story)
	reason := "content"
	if errNoRows(err) && r.URL != "" {
		reason = "url"
		err = w.queryRow(ctx,
			"SELECT a.n, a.id, s.id FROM articles a JOIN articles s ON s.n = a.story WHERE a.url_key = ?", urlKey(r.URL)).Scan(&n, &id, &story)
	}
	switch {
	case err == nil:
		if err := w.reading(ctx, n, a.Origin, a.ID, a.URL, reason); err != nil {
			return store.PutResult{}, fmt.Errorf("sighting: %w", err)
		}
		return store.PutResult{ID: id, Status: store.Duplicate, Reason: reason, Story: story}, nil
	case !errNoRows(err):
		return store.PutResult{}, fmt.Errorf("lookup: %w", err)
	}

	// A new article; find its story among near-duplicates.
	w.next++
	n = w.next
	storyN, dist, err := d.story(ctx, w, r)
	if err != nil {
		return store.PutResult{}, err
	}
	if storyN == 0 {
		storyN = n
	}
	doc := r.Doc
	pub, day := timeText(a.Published)
	var urlArg, keyArg any
	if r.URL != "" {
		urlArg, keyArg = r.URL, urlKey(r.URL)
	}
	if err := w.exec(ctx, `INSERT INTO articles(n, id, ext_id, title, body, published, day, url, url_key, source, author, lang,
		simhash, shingles, story, distance, ingested) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		n, r.ID, a.ID, doc.Title, r.Body(), pub, day, urlArg, keyArg, a.Source, a.Author, a.Lang,
		int64(r.SimHash), r.Shingles, storyN, dist, w.now); err != nil {
		return store.PutResult{}, fmt.Errorf("insert article: %w", err)
	}
	w.fts = append(w.fts, ftsRow{n, r.TitleTerms, r.BodyTerms, facetTerms(a.Source, a.Published)})
	if err := w.reading(ctx, n, a.Origin, a.ID, "", "first"); err != nil {
		return store.PutResult{}, fmt.Errorf("sighting: %w", err)
	}
	if err := putFacts(ctx, w, n, doc, r.Body()); err != nil {
		return store.PutResult{}, err
	}
	if r.Shingles >= dedup.MinShingles {
		d.idx.Add(n, r.SimHash)
	}
	storyID := r.ID
	if storyN != n {
		if err := w.queryRow(ctx, "SELECT id FROM articles WHERE n = ?", storyN).Scan(&storyID); err != nil {
			return store.PutResult{}, fmt.Errorf("story id: %w", err)
		}
	}
	return store.PutResult{ID: r.ID, Status: store.New, Story: storyID}, nil
}

// story finds the story a new record joins. Candidates are the stored
// articles within dedup.MaxDistance of its SimHash, closest first; each
// candidate's story is judged by the record's likeness to the story's
// first article, not to the candidate (see [dedup.SameStory]), so that a
// chain of copies, each a few bits from the last, cannot pull articles
// with nothing in common with its first into a story. story returns the
// first article's n and the SimHash distance to it, or 0 when the record
// starts a story of its own.
func (d *DB) story(ctx context.Context, w *writer, r *store.Record) (n int64, dist int, err error) {
	if r.Shingles < dedup.MinShingles {
		return 0, 0, nil
	}
	var words []string // of the record's body, split when first needed
	judged := map[int64]bool{}
	for _, m := range d.idx.Near(r.SimHash) {
		var first, hash int64
		var body string
		if err := w.queryRow(ctx, "SELECT f.n, f.simhash, f.body FROM articles a JOIN articles f ON f.n = a.story WHERE a.n = ?",
			m.ID).Scan(&first, &hash, &body); err != nil {
			return 0, 0, fmt.Errorf("story of %d: %w", m.ID, err)
		}
		if judged[first] {
			continue
		}
		judged[first] = true
		dist := dedup.Distance(r.SimHash, uint64(hash))
		if dedup.SameStory(dist, func() float64 {
			if words == nil {
				words = dedup.Words(arabic.Tokenize(r.Body()))
			}
			return dedup.Jaccard(words, dedup.Words(arabic.Tokenize(body)))
		}) {
			return first, dist, nil
		}
	}
	return 0, 0, nil
}

// urlKey is the 64-bit key of a canonical URL: the first 8 bytes of its
// SHA-256 as a signed integer.
func urlKey(u string) int64 {
	h := sha256.Sum256([]byte(u))
	return int64(binary.BigEndian.Uint64(h[:8]))
}

// codePoints returns a converter from byte offsets in text to code point
// offsets.
func codePoints(text string) func(int) int {
	idx := make([]int32, len(text)+1)
	c := int32(0)
	for i := range len(text) {
		idx[i] = c // runes started before byte i
		if utf8.RuneStart(text[i]) {
			c++
		}
	}
	idx[len(text)] = c
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return int(idx[b])
	}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// entityNorm is the search form of a name: normalized and variant-folded.
func entityNorm(name string) string {
	return store.Fold(strings.Join(strings.Fields(arabic.NormalizeString(name, arabic.SearchOptions())), " "))
}

// spanText returns a function giving what to store as the text of a
// fact with code point offsets s..e in the stored article text: NULL (nil)
// when the text is that span, which the fact views then cut from the
// article, else the text itself. The span is cut as SQL's substr cuts it,
// so the check is made only on valid UTF-8 without NUL bytes (where substr
// counts code points as Go does; it stops at a NUL) and in-range offsets;
// otherwise the text is kept.
func spanText(stored string) func(s, e int, text string) any {
	if !utf8.ValidString(stored) || strings.IndexByte(stored, 0) >= 0 {
		return func(_, _ int, text string) any { return text }
	}
	b := byteOffsets(stored)
	runes := utf8.RuneCountInString(stored)
	return func(s, e int, text string) any {
		if s < 0 || e < s || e > runes || stored[b(s):b(e)] != text {
			return text
		}
		return nil
	}
}

// putFacts stores the facts of article n, whose body is stored as body.
func putFacts(ctx context.Context, w *writer, n int64, doc *marsad.Doc, body string) error {
	if len(doc.Entities)+len(doc.Times)+len(doc.Quantities)+len(doc.Quotes)+len(doc.Events) == 0 {
		return nil
	}
	cp := codePoints(doc.Text)
	// Texts are checked against the article text as stored, which the
	// fact views cut them from.
	keep := spanText(store.JoinText(doc.Title, body))
	names := make(map[string]string, len(doc.Entities))
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
		key := e.Key
		if key == "" {
			key = entityNorm(e.Name) + "|" + e.Type
		}
		en, err := w.entity(ctx, key, e)
		if err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
		// The name is stored only when it is not the archive entity's.
		if err := w.exec(ctx, `INSERT OR IGNORE INTO fact_entities(article, local_id, entity, name, role, mentions)
			VALUES (?1, ?2, ?3, nullif(?4, (SELECT name FROM entities WHERE n = ?3)), ?5, ?6)`,
			n, e.ID, en, e.Name, e.Role, len(e.Mentions)); err != nil {
			return fmt.Errorf("article entity %q: %w", e.Name, err)
		}
		for _, m := range e.Mentions {
			s, end := cp(m.Start), cp(m.End)
			if err := w.exec(ctx, `INSERT OR IGNORE INTO fact_mentions(article, local_id, start, "end", text) VALUES (?,?,?,?,?)`,
				n, e.ID, s, end, keep(s, end, m.Text)); err != nil {
				return fmt.Errorf("mention: %w", err)
			}
		}
	}
	for _, t := range doc.Times {
		s, e := cp(t.Start), cp(t.End)
		if err := w.exec(ctx, `INSERT OR IGNORE INTO fact_times(article, start, "end", text, type, value, mod) VALUES (?,?,?,?,?,?,?)`,
			n, s, e, keep(s, e, t.Text), t.Type, nullable(t.Value), nullable(t.Mod)); err != nil {
			return fmt.Errorf("time: %w", err)
		}
	}
	for _, q := range doc.Quantities {
		s, e := cp(q.Start), cp(q.End)
		if err := w.exec(ctx, `INSERT OR IGNORE INTO fact_quantities(article, start, "end", text, value, min, max, approx, kind, unit) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			n, s, e, keep(s, e, q.Text), q.Value, q.Min, q.Max, q.Approx, q.Kind, nullable(q.Unit)); err != nil {
			return fmt.Errorf("quantity: %w", err)
		}
	}
	for _, q := range doc.Quotes {
		// speaker_norm holds the linked entity's name and the speaker as
		// written, so that either finds the quote.
		norm := entityNorm(q.SpeakerText)
		if nm, ok := names[q.Speaker]; ok && nm != "" {
			switch en := entityNorm(nm); {
			case norm == "" || strings.Contains(en, norm):
				norm = en
			case !strings.Contains(norm, en):
				norm = en + " | " + norm
			}
		}
		s, e := cp(q.Start), cp(q.End)
		if err := w.exec(ctx, `INSERT OR IGNORE INTO fact_quotes(article, start, "end", text, direct, speaker, speaker_text, speaker_norm, cue) VALUES (?,?,?,?,?,?,?,?,?)`,
			n, s, e, keep(s, e, q.Text), q.Direct, nullable(q.Speaker), nullable(q.SpeakerText), norm, nullable(q.Cue)); err != nil {
			return fmt.Errorf("quote: %w", err)
		}
	}
	for i, e := range doc.Events {
		if err := w.exec(ctx, `INSERT OR IGNORE INTO events(article, seq, type, cameo, actor, actor_text, target, target_text, location, date,
			trigger_start, trigger_end, trigger_text, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			n, i, e.Type, nullable(e.CAMEO), nullable(e.Actor), nullable(e.ActorText), nullable(e.Target), nullable(e.TargetText),
			nullable(e.Location), nullable(e.Date), cp(e.Trigger.Start), cp(e.Trigger.End), e.Trigger.Text, e.Sentence); err != nil {
			return fmt.Errorf("event: %w", err)
		}
	}
	return nil
}
