package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/marsad-project/marsad/store/sqlite"
)

// openKept opens the indexes BenchmarkArchive left in MARSAD_BENCH_DIR.
func openKept(t *testing.T, dir string) (*sqlite.DB, bleve.Index) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "plain", "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	bl, err := bleve.Open(filepath.Join(dir, "bleve", "bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bl.Close() })
	return db, bl
}

// TestQuality scores the judgments on the indexes BenchmarkArchive left in
// MARSAD_BENCH_DIR (the benchmark's quality step does the same after
// building them), with per-query reciprocal ranks for inspection.
func TestQuality(t *testing.T) {
	dir := os.Getenv("MARSAD_BENCH_DIR")
	if dir == "" {
		t.Skip("set MARSAD_BENCH_DIR to a directory BenchmarkArchive filled")
	}
	c := loadCorpus(t, envInt("MARSAD_BENCH_LIMIT"))
	db, bl := openKept(t, dir)
	js := readJudgments(t)
	for _, j := range js {
		m := evaluate(t, c, []judgment{j}, func(q string) []string { return marsadRanking(t, db, q) })
		b := evaluate(t, c, []judgment{j}, func(q string) []string { return bleveRanking(t, bl, c, q) })
		t.Logf("%-28s marsad RR %.2f nDCG %.2f | bleve RR %.2f nDCG %.2f", j.Query, m.mrr, m.ndcg, b.mrr, b.ndcg)
	}
	m := evaluate(t, c, js, func(q string) []string { return marsadRanking(t, db, q) })
	b := evaluate(t, c, js, func(q string) []string { return bleveRanking(t, bl, c, q) })
	t.Logf("%d queries: marsad MRR %.3f nDCG@10 %.3f | bleve MRR %.3f nDCG@10 %.3f", len(js), m.mrr, m.ndcg, b.mrr, b.ndcg)
}

// TestLatency measures search latency on the indexes BenchmarkArchive
// left in MARSAD_BENCH_DIR, with the benchmark's queries.
func TestLatency(t *testing.T) {
	dir := os.Getenv("MARSAD_BENCH_DIR")
	if dir == "" {
		t.Skip("set MARSAD_BENCH_DIR to a directory BenchmarkArchive filled")
	}
	c := loadCorpus(t, envInt("MARSAD_BENCH_LIMIT"))
	db, bl := openKept(t, dir)
	qs := latencyQueries(c)
	l := measureLatency(t, db, bl, qs)
	t.Logf("%d queries: marsad p50 %.2f ms p99 %.2f ms | with facets p50 %.2f ms p99 %.2f ms | bleve p50 %.2f ms p99 %.2f ms",
		len(qs), ms(percentile(l.marsad, 50)), ms(percentile(l.marsad, 99)), ms(percentile(l.facets, 50)),
		ms(percentile(l.facets, 99)), ms(percentile(l.bleve, 50)), ms(percentile(l.bleve, 99)))
}

// TestPool prints, for every query of testdata/judgments.tsv, the pooled
// candidates to judge: the distinct texts in the top 10 of Marsad and of
// bleve, in a shuffled-by-id order and without saying which system found
// them, so that judging by reading is blind. It needs the indexes that
// BenchmarkArchive leaves in MARSAD_BENCH_DIR, and runs only when
// MARSAD_POOL is set:
//
//	MARSAD_POOL=1 MARSAD_BENCH_DIR=/tmp/b go test ./archive -run Pool -v
func TestPool(t *testing.T) {
	dir := os.Getenv("MARSAD_BENCH_DIR")
	if os.Getenv("MARSAD_POOL") == "" || dir == "" {
		t.Skip("set MARSAD_POOL and MARSAD_BENCH_DIR to print judging pools")
	}
	c := loadCorpus(t, envInt("MARSAD_BENCH_LIMIT"))
	byGroup := map[string]int{}
	for i, a := range c.arts {
		if _, ok := byGroup[c.group[a.ID]]; !ok {
			byGroup[c.group[a.ID]] = i
		}
	}
	db, bl := openKept(t, dir)
	only := os.Getenv("MARSAD_POOL_QUERY")
	for _, j := range readJudgments(t) {
		if only != "" && !strings.Contains(j.Query, only) {
			continue
		}
		pool := map[string]bool{}
		for _, g := range marsadRanking(t, db, j.Query) {
			pool[g] = true
		}
		for _, g := range bleveRanking(t, bl, c, j.Query) {
			pool[g] = true
		}
		var ids []string
		for g := range pool {
			ids = append(ids, g)
		}
		// Sorting by content hash is an order unrelated to either ranking.
		slices.Sort(ids)
		fmt.Printf("### %s\n", j.Query)
		for _, g := range ids {
			i, ok := byGroup[g]
			if !ok {
				continue
			}
			a := c.arts[i]
			body := []rune(strings.Join(strings.Fields(a.Body), " "))
			if len(body) > 220 {
				body = body[:220]
			}
			fmt.Printf("%s | %s | %s | %s\n", a.ID, a.Published.Format("2006-01-02"), a.Title, string(body))
		}
	}
}
