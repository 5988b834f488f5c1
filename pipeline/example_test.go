package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/marsad-project/marsad/pipeline"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/store"
	"github.com/marsad-project/marsad/store/sqlite"
)

// Ingest a folder of inputs into an archive, then search it: what
// `marsad ingest` and `marsad search` do.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "marsad")
	defer os.RemoveAll(dir)

	db, err := sqlite.Open(ctx, filepath.Join(dir, "archive.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	sum, err := pipeline.Run(ctx, pipeline.Config{
		Store:  db,
		Reader: source.Walk(ctx, []string{"testdata/in/good.jsonl"}, source.Options{}),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("read", sum.Read, "new", sum.New, "duplicate", sum.Duplicate, "failed", sum.Failed)

	q, err := store.ParseQuery(`"جسر جديد" OR الأسواق`)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := db.Search(ctx, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total", res.Total)
	for _, h := range res.Hits {
		fmt.Println(h.Title, *h.Published, len(h.Highlights) > 0)
	}
	// Output:
	// read 4 new 3 duplicate 1 failed 0
	// total 2
	// ارتفاع أسعار الخضر في الأسواق 2020-03-03 true
	// افتتاح جسر جديد فوق النهر 2020-03-01 true
}
