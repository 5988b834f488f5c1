package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/store"
)

func TestDayTokens(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct{ from, to, want string }{
		{"2021-07-26", "2021-07-26", "d20210726"},
		{"2021-07-30", "2021-08-02", "d20210730 d20210731 d20210801 d20210802"},
		{"2021-06-30", "2021-08-01", "d20210630 m202107 d20210801"},
		{"2020-12-31", "2022-01-01", "d20201231 y2021 d20220101"},
		{"2020-01-01", "2020-12-31", "y2020"},
		{"2020-02-01", "2020-02-29", "m202002"},
		{"2021-08-02", "2021-07-30", ""},
	} {
		if got := strings.Join(dayTokens(day(c.from), day(c.to)), " "); got != c.want {
			t.Errorf("dayTokens(%s, %s) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
	// Every day of a long range is covered exactly once.
	from, to := day("2015-03-17"), day("2018-10-20")
	toks := dayTokens(from, to)
	covered := map[string]int{}
	for _, tk := range toks {
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if tk == d.Format("d20060102") || tk == d.Format("m200601") || tk == d.Format("y2006") {
				covered[d.Format(time.DateOnly)]++
			}
		}
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if covered[d.Format(time.DateOnly)] != 1 {
			t.Fatalf("%s covered %d times by %v", d.Format(time.DateOnly), covered[d.Format(time.DateOnly)], toks)
		}
	}
	if len(toks) > 60 {
		t.Errorf("%d tokens for %v", len(toks), toks)
	}
}

// TestFacetsFollowPuts searches with facets between two Puts on one
// handle: the second search counts the articles stored since the first.
func TestFacetsFollowPuts(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	arts := fixture(t)
	for i, part := range [][]marsad.Article{arts[:3], arts[3:]} {
		if _, err := db.Put(ctx, records(part, nil)); err != nil {
			t.Fatal(err)
		}
		q, err := store.ParseQuery("العراق OR الفلاحين OR الرياض OR واشنطن")
		if err != nil {
			t.Fatal(err)
		}
		q.Facets, q.Limit = true, 50
		res, err := db.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || res.Total != len(res.Hits) {
			t.Fatalf("part %d: total %d, %d hits", i, res.Total, len(res.Hits))
		}
		checkFacets(t, db, i, res)
	}
}
