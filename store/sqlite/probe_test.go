package sqlite

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/marsad-project/marsad/store"
)

func TestProbe(t *testing.T) {
	p := os.Getenv("MARSAD_PROBE_DB")
	if p == "" {
		t.Skip()
	}
	ctx := context.Background()
	t0 := time.Now()
	db, err := OpenWith(ctx, p, Options{Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t.Logf("open (and migrate) %v", time.Since(t0))
	for _, w := range []string{"العراق", "السعودية", "قال", "الرياض", "وزير", "كرة", "\"وزير الخارجية\"", "النفط OR الغاز"} {
		q, _ := store.ParseQuery(w)
		var ds []time.Duration
		var r *store.Results
		for range 5 {
			q.Facets = true
			t1 := time.Now()
			r, err = db.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(t1))
		}
		q.Facets = false
		t1 := time.Now()
		db.Search(ctx, q)
		plain := time.Since(t1)
		slices.Sort(ds)
		t.Logf("%s total %d facets median %v plain %v; %d sources %d days", w, r.Total, ds[2], plain, len(r.Facets.Sources), len(r.Facets.Days))
	}
}
