package entity

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/eval/conll"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestWriteCoNLL annotates each testdata/conll/*.txt file (first line the
// title) and compares the CoNLL output with the .conll golden file.
func TestWriteCoNLL(t *testing.T) {
	files, err := filepath.Glob("testdata/conll/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	r := testRecognizer(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := &marsad.Doc{ID: f, Text: strings.TrimRight(string(b), "\n")}
			if err := r.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := r.WriteCoNLL(&out, doc, ConventionMarsad); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".conll"
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != string(want) {
				t.Errorf("got\n%s\nwant\n%s", out.String(), want)
			}
			// The output must be valid CoNLL whose entities are the mentions.
			sents, err := conll.Read(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, s := range sents {
				n += len(conll.Spans(s.Tags()))
			}
			m := 0
			for _, e := range doc.Entities {
				m += len(e.Mentions)
			}
			if n != m {
				t.Errorf("%d CoNLL entities for %d mentions", n, m)
			}
		})
	}
}

func TestTagWords(t *testing.T) {
	r := testRecognizer(t)
	words := strings.Fields("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد")
	tags, err := r.TagWords(context.Background(), words, ConventionMarsad)
	if err != nil {
		t.Fatal(err)
	}
	want := "O O O B-PER I-PER O B-LOC"
	if got := strings.Join(tags, " "); got != want {
		t.Errorf("tags %q, want %q", got, want)
	}
}
