package sqlite

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
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
