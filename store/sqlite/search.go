package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/store"
)

// Ranking weights of the FTS columns (title, body, facets) for bm25.
const rankExpr = "bm25(fts, 2.0, 1.0, 0.0)"

// matchExpr renders an analyzed query as an FTS5 expression. Terms hold
// only letters and digits (store.Analyze guarantees it), so quoting each
// term or phrase is safe.
func matchExpr(m store.Matcher) string {
	pat := func(p store.Pattern) string {
		s := `"` + strings.Join(p.Terms, " ") + `"`
		if p.Prefix {
			s += "*"
		}
		return s
	}
	group := func(g []store.Pattern) string {
		if len(g) == 1 {
			return pat(g[0])
		}
		alts := make([]string, len(g))
		for i, p := range g {
			alts[i] = pat(p)
		}
		return "(" + strings.Join(alts, " OR ") + ")"
	}
	parts := make([]string, len(m.Groups))
	for i, g := range m.Groups {
		parts[i] = group(g)
	}
	expr := strings.Join(parts, " AND ")
	if len(m.Exclude) > 0 {
		expr = "(" + expr + ") NOT " + group(m.Exclude)
	}
	// Query words match the text columns only, never the facet tokens.
	return "{title body} : (" + expr + ")"
}

// facetExpr restricts a match to articles of the query's sources and
// dates, through the facet tokens; lo and hi are the archive's first and
// last publication days, for open-ended ranges.
func facetExpr(q store.Query, lo, hi time.Time) string {
	var parts []string
	if len(q.Sources) > 0 {
		toks := make([]string, len(q.Sources))
		for i, s := range q.Sources {
			toks[i] = sourceToken(s)
		}
		parts = append(parts, "facets : ("+strings.Join(toks, " OR ")+")")
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		from, to := q.From, q.To
		if from.IsZero() || from.Before(lo) {
			from = lo
		}
		if to.IsZero() || to.After(hi) {
			to = hi
		}
		toks := dayTokens(from.UTC(), to.UTC())
		if len(toks) == 0 {
			toks = []string{"d00000000"} // an empty range matches nothing
		}
		parts = append(parts, "facets : ("+strings.Join(toks, " OR ")+")")
	}
	return strings.Join(parts, " AND ")
}

// match returns the FTS5 expression of a query with its source and date
// filters.
func (d *DB) match(ctx context.Context, q store.Query, m store.Matcher) (string, error) {
	match := matchExpr(m)
	if len(q.Sources) == 0 && q.From.IsZero() && q.To.IsZero() {
		return match, nil
	}
	var l, h time.Time
	if !q.From.IsZero() || !q.To.IsZero() {
		// Ranges are clamped to the archive's first and last days: an
		// open end, or a far one, costs no more tokens than the archive
		// spans. Two subqueries, so that each is one index lookup.
		var lo, hi sql.NullString
		if err := d.db.QueryRowContext(ctx, "SELECT (SELECT min(day) FROM articles), (SELECT max(day) FROM articles)").Scan(&lo, &hi); err != nil {
			return "", fmt.Errorf("date range: %w", err)
		}
		l, _ = time.Parse(time.DateOnly, lo.String)
		h, _ = time.Parse(time.DateOnly, hi.String)
	}
	return match + " AND " + facetExpr(q, l, h), nil
}

// filter returns the matching articles as a common table expression,
// "m(n, r)": FTS rowid and rank, materialized once. Source and date
// filters are facet tokens inside the full-text match; an entity filter
// restricts the materialized matches (an IN list given to the FTS table
// itself would run the full-text match once per listed row). Without
// rank, m.r is 0: facets and counts do not pay for bm25. A positive
// minRow restricts the matches to rowids from minRow on.
func (d *DB) filter(ctx context.Context, q store.Query, m store.Matcher, rank bool, minRow int64) (string, []any, error) {
	match, err := d.match(ctx, q, m)
	if err != nil {
		return "", nil, err
	}
	where := "fts MATCH ?"
	args := []any{match}
	if minRow > 0 {
		where += " AND rowid >= ?"
		args = append(args, minRow)
	}
	r := "0"
	if rank {
		r = rankExpr
	}
	cte := "WITH hits AS MATERIALIZED (SELECT rowid AS n, " + r + " AS r FROM fts WHERE " + where + "), m AS (SELECT n, r FROM hits"
	if q.Entity != "" {
		norm := entityNorm(q.Entity)
		cte += ` WHERE n IN (SELECT ae.article FROM fact_entities ae JOIN entities e ON e.n = ae.entity
			WHERE e.norm = ? OR e.norm LIKE ? ESCAPE '\')`
		args = append(args, norm, "%"+likeEscape(norm)+"%")
	}
	return cte + ") ", args, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// DefaultRankWindow is the default of Options.RankWindow.
const DefaultRankWindow = 5000

// Search runs a query: BM25-ranked hits with snippets and highlights
// computed on the original text, the total number of matches and, when
// q.Facets is set, facets over all matches. See Options.RankWindow.
func (d *DB) Search(ctx context.Context, q store.Query) (*store.Results, error) {
	m, err := store.Compile(q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	res := &store.Results{Hits: []store.Hit{}}
	// Count first (no ranking: cheap even for a word in every article),
	// and find the rowid of the rank window's oldest match.
	var minRow sql.NullInt64
	var ns []int64 // with facets: every match, newest first
	if q.Facets {
		// The facets need every match: list them once, and count and
		// find the rank window from the list.
		if ns, err = d.matches(ctx, q, m); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Raw, err)
		}
		res.Total = len(ns)
		if res.Total > d.rankWindow {
			minRow = sql.NullInt64{Int64: ns[d.rankWindow-1], Valid: true}
		}
	} else if q.Entity == "" {
		// Straight from the index: FTS5 counts and walks rowids newest
		// first without materializing or sorting anything.
		match, err := d.match(ctx, q, m)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Raw, err)
		}
		if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM fts WHERE fts MATCH ?", match).Scan(&res.Total); err != nil {
			return nil, fmt.Errorf("search %q: count: %w", q.Raw, err)
		}
		if res.Total > d.rankWindow {
			if err := d.db.QueryRowContext(ctx, "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
				match, d.rankWindow-1).Scan(&minRow); err != nil {
				return nil, fmt.Errorf("search %q: rank window: %w", q.Raw, err)
			}
		}
	} else {
		from, args, err := d.filter(ctx, q, m, false, 0)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Raw, err)
		}
		if err := d.db.QueryRowContext(ctx, from+"SELECT (SELECT count(*) FROM m), (SELECT n FROM m ORDER BY n DESC LIMIT 1 OFFSET ?)",
			append(args, d.rankWindow-1)...).Scan(&res.Total, &minRow); err != nil {
			return nil, fmt.Errorf("search %q: count: %w", q.Raw, err)
		}
	}
	if res.Total == 0 {
		if q.Facets {
			res.Facets = store.Facets{Sources: []store.Count{}, Entities: []store.Count{}, Days: []store.Count{}}
		}
		return res, nil
	}
	from, args, err := d.filter(ctx, q, m, true, minRow.Int64)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Raw, err)
	}
	rows, err := d.db.QueryContext(ctx,
		from+"SELECT a.id, a.title, a.body, a.source, a.published, coalesce(a.url, ''), p.r FROM (SELECT n, r FROM m ORDER BY r LIMIT ? OFFSET ?) p JOIN articles a ON a.n = p.n ORDER BY p.r",
		append(args, limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Raw, err)
	}
	z := d.analyzers.Get().(*store.Analyzer)
	defer d.analyzers.Put(z)
	for rows.Next() {
		var h store.Hit
		var body string
		var pub sql.NullString
		if err := rows.Scan(&h.ID, &h.Title, &body, &h.Source, &pub, &h.URL, &h.Score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search %q: %w", q.Raw, err)
		}
		h.Score = -h.Score
		h.Published = day(pub)
		text := store.JoinText(h.Title, body)
		terms := z.Terms(arabic.Tokenize(text))
		h.Snippet, h.SnippetAt, h.Highlights = store.Snippet(text, terms, m.Matches(terms), 200)
		res.Hits = append(res.Hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Raw, err)
	}

	if !q.Facets {
		return res, nil
	}
	if res.Facets, err = d.facets(ctx, ns); err != nil {
		return nil, fmt.Errorf("search %q: facets: %w", q.Raw, err)
	}
	return res, nil
}

// EntityFacetWindow bounds the entity facet: when a query matches more
// articles, entities are counted over its EntityFacetWindow most recently
// stored matches (Facets.EntitiesOver says so). Sources and days always
// count every match.
const EntityFacetWindow = 2000

// matches returns the rowids of every match of a query, newest first.
func (d *DB) matches(ctx context.Context, q store.Query, m store.Matcher) ([]int64, error) {
	// One value holding every number, not one row per match.
	var query string
	var args []any
	if q.Entity == "" {
		match, err := d.match(ctx, q, m)
		if err != nil {
			return nil, err
		}
		query, args = "SELECT group_concat(rowid) FROM (SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC)", []any{match}
	} else {
		from, fargs, err := d.filter(ctx, q, m, false, 0)
		if err != nil {
			return nil, err
		}
		query, args = from+"SELECT group_concat(n) FROM (SELECT n FROM m ORDER BY n DESC)", fargs
	}
	var list sql.NullString
	if err := d.db.QueryRowContext(ctx, query, args...).Scan(&list); err != nil {
		return nil, fmt.Errorf("matches: %w", err)
	}
	var ns []int64
	if err := eachInt(list.String, func(n int64) { ns = append(ns, n) }); err != nil {
		return nil, fmt.Errorf("matches: %w", err)
	}
	return ns, nil
}

// facets computes the facets of a query's matches (ns, newest first):
// sources and days from the in-memory facet columns, entities from
// fact_entities over at most EntityFacetWindow matches.
func (d *DB) facets(ctx context.Context, ns []int64) (store.Facets, error) {
	f := store.Facets{Sources: []store.Count{}, Entities: []store.Count{}, Days: []store.Count{}}
	var err error
	d.cols.mu.Lock()
	err = d.cols.refresh(ctx, d.db)
	if err == nil {
		f.Sources, f.Days = d.cols.count(ns, 20)
	}
	d.cols.mu.Unlock()
	if err != nil {
		return f, fmt.Errorf("facet columns: %w", err)
	}
	var hasEntities int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM fact_entities LIMIT 1)").Scan(&hasEntities); err != nil {
		return f, err
	}
	if hasEntities == 0 || len(ns) == 0 {
		return f, nil
	}
	if len(ns) > EntityFacetWindow {
		ns = ns[:EntityFacetWindow]
		f.EntitiesOver = len(ns)
	}
	ids, _ := json.Marshal(ns)
	// Count by entity number first, and name only the entities that can
	// be in the top 20 (ties broken by name, as before).
	f.Entities, err = counts(ctx, d.db, `WITH c AS MATERIALIZED (SELECT entity, count(*) AS k FROM fact_entities
			WHERE article IN (SELECT value FROM json_each(?)) GROUP BY entity),
		t AS (SELECT k FROM c ORDER BY k DESC LIMIT 1 OFFSET 19)
		SELECT e.name, e.type, c.k FROM c JOIN entities e ON e.n = c.entity
		WHERE c.k >= coalesce((SELECT k FROM t), 0) ORDER BY 3 DESC, 1 LIMIT 20`, []any{string(ids)})
	if err != nil {
		return f, fmt.Errorf("entity facet: %w", err)
	}
	return f, nil
}

func counts(ctx context.Context, db *sql.DB, query string, args []any) ([]store.Count, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Count{}
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Value, &c.Type, &c.Count); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// day turns a stored RFC 3339 time into YYYY-MM-DD.
func day(s sql.NullString) *string {
	if !s.Valid || len(s.String) < 10 {
		return nil
	}
	v := s.String[:10]
	return &v
}

// Dupes lists stories with several articles or articles read several
// times, largest first.
func (d *DB) Dupes(ctx context.Context, opt store.DupesOptions) ([]store.DupeGroup, error) {
	if opt.MinSize < 2 {
		opt.MinSize = 2
	}
	if opt.Limit <= 0 {
		opt.Limit = 50
	}
	rows, err := d.db.QueryContext(ctx, `SELECT a.story, count(DISTINCT a.n), count(*) FROM articles a JOIN readings s ON s.article = a.n
		GROUP BY a.story HAVING count(*) >= ? ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?`, opt.MinSize, opt.Limit)
	if err != nil {
		return nil, fmt.Errorf("dupes: %w", err)
	}
	type grp struct {
		story int64
		seen  int
	}
	var groups []grp
	for rows.Next() {
		var g grp
		var n int
		if err := rows.Scan(&g.story, &n, &g.seen); err != nil {
			rows.Close()
			return nil, fmt.Errorf("dupes: %w", err)
		}
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dupes: %w", err)
	}
	out := make([]store.DupeGroup, 0, len(groups))
	for _, g := range groups {
		dg := store.DupeGroup{Seen: g.seen}
		rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, coalesce(a.url, ''), a.distance,
			(SELECT count(*) - 1 FROM readings s WHERE s.article = a.n) FROM articles a WHERE a.story = ? ORDER BY a.n`, g.story)
		if err != nil {
			return nil, fmt.Errorf("dupes: story %d: %w", g.story, err)
		}
		for rows.Next() {
			var e store.DupeEntry
			var pub sql.NullString
			if err := rows.Scan(&e.ID, &e.Title, &e.Source, &pub, &e.URL, &e.Distance, &e.Repeats); err != nil {
				rows.Close()
				return nil, fmt.Errorf("dupes: story %d: %w", g.story, err)
			}
			e.Published = day(pub)
			dg.Articles = append(dg.Articles, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("dupes: story %d: %w", g.story, err)
		}
		if len(dg.Articles) > 0 {
			dg.Story = dg.Articles[0].ID
		}
		out = append(out, dg)
	}
	return out, nil
}

// Quotes lists the quotes matching q, newest first (by publication
// time; quotes of undated articles come last), and in text order within
// an article. The speaker matches the normalized, variant-folded speaker
// name stored with each quote (the linked entity's name and the speaker
// as written), whole or in part.
func (d *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var conds []string
	var args []any
	if strings.TrimSpace(q.Speaker) != "" {
		norm := entityNorm(q.Speaker)
		conds = append(conds, `(q.speaker_norm LIKE ? ESCAPE '\' OR q.speaker_text LIKE ? ESCAPE '\')`)
		args = append(args, "%"+likeEscape(norm)+"%", "%"+likeEscape(strings.TrimSpace(q.Speaker))+"%")
	}
	if !q.From.IsZero() {
		conds = append(conds, "a.day >= ?")
		args = append(args, q.From.UTC().Format(time.DateOnly))
	}
	if !q.To.IsZero() {
		conds = append(conds, "a.day <= ?")
		args = append(args, q.To.UTC().Format(time.DateOnly))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	// The page of quotes is chosen first, on the stored columns; only its
	// quotes have their text cut from the article (the quotes view).
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, v.text,
		coalesce(ae.name, e.name, v.speaker_text, ''), coalesce(v.speaker_text, ''), coalesce(v.cue, ''), v.start, v."end"
		FROM (SELECT q.article, q.start, q."end" FROM fact_quotes q JOIN articles a ON a.n = q.article`+where+`
			ORDER BY a.published DESC, a.n DESC, q.start, q."end" LIMIT ?) p
		JOIN quotes v ON v.article = p.article AND v.start = p.start AND v."end" = p."end"
		JOIN articles a ON a.n = p.article
		LEFT JOIN fact_entities ae ON ae.article = v.article AND ae.local_id = v.speaker
		LEFT JOIN entities e ON e.n = ae.entity
		ORDER BY a.published DESC, a.n DESC, v.start, v."end"`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("quotes %q: %w", q.Speaker, err)
	}
	defer rows.Close()
	var out []store.QuoteHit
	for rows.Next() {
		var h store.QuoteHit
		var pub sql.NullString
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Source, &pub, &h.Text, &h.Speaker, &h.SpeakerText, &h.Cue, &h.Start, &h.End); err != nil {
			return nil, fmt.Errorf("quotes %q: %w", q.Speaker, err)
		}
		h.Published = day(pub)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes %q: %w", q.Speaker, err)
	}
	return out, nil
}
