package entity

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

// TestSeed checks the entities the issue lists for the motivating article:
// each found with its type, fullest name and linked mentions, ids in order
// of first mention, and no demonym reported as an entity.
func TestSeed(t *testing.T) {
	b := sharedtest.ReadFile(t, sharedtest.SeedArticle)
	title, body, _ := strings.Cut(string(b), "\n")
	body = strings.TrimLeft(body, "\n")
	body = strings.TrimPrefix(body, title+"\n") // the title repeated as first body line
	doc := &marsad.Doc{ID: "seed", Title: title, Text: title + "\n\n" + body}
	r := testRecognizer(t)
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	rows := testdataRows(t, "seed_expect.tsv")
	display := func(s string) string { return arabic.NormalizeString(s, arabic.DisplayOptions()) }
	byName := make(map[string]*marsad.Entity)
	for i := range doc.Entities {
		e := &doc.Entities[i]
		byName[e.Type+" "+e.Name] = e
		if want := "E" + strconv.Itoa(i+1); e.ID != want {
			t.Errorf("entity %d has id %s, want %s", i, e.ID, want)
		}
		for k, m := range e.Mentions {
			if doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %q does not match its span", e.Name, m.Text)
			}
			if k > 0 && m.Start < e.Mentions[k-1].Start {
				t.Errorf("%s mentions out of order", e.Name)
			}
			if r.lx.demonyms[norm(m.Text)] {
				t.Errorf("demonym %q reported as entity %s", m.Text, e.Name)
			}
		}
		if i > 0 && e.Mentions[0].Start < doc.Entities[i-1].Mentions[0].Start {
			t.Errorf("entity %s out of first-mention order", e.ID)
		}
	}
	for _, row := range rows {
		typ, name := row[0], row[1]
		e := byName[typ+" "+name]
		if e == nil {
			t.Errorf("missing %s %s", typ, name)
			continue
		}
		if e.Key == "" {
			t.Errorf("%s has no key", name)
		}
		got := make(map[string]bool)
		for _, m := range e.Mentions {
			got[display(m.Text)] = true
		}
		for _, want := range strings.Split(row[2], "|") {
			if !got[want] {
				t.Errorf("%s %s: mention %q not linked (have %v)", typ, name, want, keys(got))
			}
		}
	}
	if e := byName["PER جو بايدن"]; e != nil && (e.Latin != "Joe Biden" || !strings.Contains(e.Role, "الرئيس")) {
		t.Errorf("Biden: latin %q role %q", e.Latin, e.Role)
	}
	for _, e := range doc.Entities {
		t.Logf("%s %s %s %q %v", e.ID, e.Type, e.Name, e.Latin, len(e.Mentions))
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
