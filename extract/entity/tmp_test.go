package entity

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
)

func BenchmarkTmpShow(b *testing.B) {
	texts := loadCorpus(b, os.Getenv("CORPUS"), 5000)
	r := testRecognizer(b)
	for _, ks := range strings.Fields(os.Getenv("IDX")) {
		k, _ := strconv.Atoi(ks)
		doc := &marsad.Doc{Text: texts[k]}
		r.Annotate(context.Background(), doc)
		b.Logf("---- %s", strings.SplitN(texts[k], "\n", 2)[0])
		for _, e := range doc.Entities {
			if e.Type != "PER" && e.Type != "ORG" {
				continue
			}
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text)
			}
			b.Logf("%s %s %q role=%q %q", e.ID, e.Type, e.Name, e.Role, ms)
		}
	}
}
