package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/store"
)

// Facet tokens are indexed in the fts column "facets" so that filters on
// source and date are full-text terms: FTS5 intersects them with the
// query's terms and scores only what passes. They are letters and digits,
// distinct from any analyzed word by their one-letter prefixes and shape.

// sourceToken is the facet token of a source name.
func sourceToken(source string) string {
	h := fnv.New64a()
	h.Write([]byte(source))
	return fmt.Sprintf("s%016x", h.Sum64())
}

// facetTerms returns the facets column of an article: its source token
// and, when the publication time is known, its day, month and year.
func facetTerms(source string, published time.Time) string {
	parts := []string{sourceToken(source)}
	if !published.IsZero() {
		t := published.UTC()
		parts = append(parts, t.Format("d20060102"), t.Format("m200601"), t.Format("y2006"))
	}
	return strings.Join(parts, " ")
}

// dayTokens returns the fewest facet tokens covering the days from..to
// (inclusive, UTC dates): whole years as y tokens, whole months as m
// tokens, the remaining days as d tokens.
func dayTokens(from, to time.Time) []string {
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	var out []string
	for d := from; !d.After(to); {
		switch {
		case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(to):
			out = append(out, d.Format("y2006"))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(to):
			out = append(out, d.Format("m200601"))
			d = d.AddDate(0, 1, 0)
		default:
			out = append(out, d.Format("d20060102"))
			d = d.AddDate(0, 0, 1)
		}
	}
	return out
}

// facetCols is an in-memory copy of the two facet columns of every
// article, indexed by articles.n: the source (as an index into names) and
// the publication day (days since 1970-01-01, noDay when unknown). The
// source and day facets of a search count the matching rowids in it, so
// they cost one pass over the full-text matches whatever their number,
// instead of one row lookup per match in the large articles table.
// Articles are only ever appended, so the copy is brought up to date by
// reading the articles after the last one it holds.
type facetCols struct {
	mu     sync.Mutex
	last   int64    // largest n loaded
	src    []uint32 // by n: index into names
	day    []int32  // by n: days since the epoch, or noDay
	names  []string // source names
	byName map[string]uint32
}

const noDay = math.MinInt32

// refresh loads the articles stored since the last call. The caller holds
// c.mu.
func (c *facetCols) refresh(ctx context.Context, db *sql.DB) error {
	var max int64
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(n), 0) FROM articles").Scan(&max); err != nil {
		return err
	}
	if max <= c.last {
		return nil
	}
	// One row per source and day, with its article numbers: few rows to
	// scan, whatever the number of articles (the articles_source index
	// covers the query).
	// Many new articles: walk the narrow (source, day) index, not the
	// table and its texts; a few: read them by number.
	from := "articles"
	if max-c.last > 1000 {
		from = "articles INDEXED BY articles_source"
	}
	rows, err := db.QueryContext(ctx, `SELECT source, coalesce(day, ''), group_concat(n) FROM `+from+`
		WHERE n > ? AND n <= ? GROUP BY source, day`, c.last, max)
	if err != nil {
		return err
	}
	defer rows.Close()
	if c.byName == nil {
		c.byName = map[string]uint32{}
	}
	grow := int(max) + 1
	c.src = slices.Grow(c.src, grow-len(c.src))[:grow]
	c.day = slices.Grow(c.day, grow-len(c.day))[:grow]
	for i := c.last + 1; i <= max; i++ {
		c.day[i] = noDay // rows rolled back or not yet visible stay unknown
	}
	for rows.Next() {
		var source, day, ns string
		if err := rows.Scan(&source, &day, &ns); err != nil {
			return err
		}
		si, ok := c.byName[source]
		if !ok {
			si = uint32(len(c.names))
			c.names = append(c.names, source)
			c.byName[source] = si
		}
		d := int32(noDay)
		if t, err := time.Parse(time.DateOnly, day); err == nil {
			d = int32(t.Unix() / 86400)
		}
		if err := eachInt(ns, func(n int64) {
			if n > 0 && n <= max {
				c.src[n], c.day[n] = si, d
			}
		}); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.last = max
	return nil
}

// eachInt calls f for each integer of a comma-separated list.
func eachInt(list string, f func(int64)) error {
	for s := range strings.SplitSeq(list, ",") {
		if s == "" {
			continue
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("bad article number %q", s)
		}
		f(n)
	}
	return nil
}

// count returns the source facet (the top maxSources sources by count)
// and the day facet (every day, in date order) of the articles listed.
func (c *facetCols) count(ns []int64, maxSources int) (sources, days []store.Count) {
	bySrc := make([]int, len(c.names))
	byDay := map[int32]int{}
	for _, n := range ns {
		if n <= 0 || n > c.last {
			continue
		}
		bySrc[c.src[n]]++
		if d := c.day[n]; d != noDay {
			byDay[d]++
		}
	}
	sources = []store.Count{}
	for i, k := range bySrc {
		if k > 0 {
			sources = append(sources, store.Count{Value: c.names[i], Count: k})
		}
	}
	slices.SortFunc(sources, func(a, b store.Count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	if len(sources) > maxSources {
		sources = sources[:maxSources]
	}
	keys := slices.Sorted(maps.Keys(byDay))
	days = make([]store.Count, len(keys))
	for i, d := range keys {
		days[i] = store.Count{Value: time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly), Count: byDay[d]}
	}
	return sources, days
}
