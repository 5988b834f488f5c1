package quote

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
)

// behaviourCase is one record of testdata/cases.txt.
type behaviourCase struct {
	id, title string
	paras     []string
	want      []string // normalized report lines
}

func readCases(t *testing.T) []behaviourCase {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []behaviourCase
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "==="):
			out = append(out, behaviourCase{id: strings.TrimSpace(line[3:])})
		case len(out) == 0:
			t.Fatalf("cases.txt:%d: text before the first ===", i+1)
		case strings.HasPrefix(line, "@title "):
			out[len(out)-1].title = strings.TrimSpace(line[len("@title "):])
		case strings.HasPrefix(line, ">") || strings.HasPrefix(line, "!"):
			parts := strings.Split(line[1:], "|")
			for j := range parts {
				parts[j] = strings.TrimSpace(parts[j])
			}
			out[len(out)-1].want = append(out[len(out)-1].want, line[:1]+" "+strings.Join(parts, " | "))
		default:
			out[len(out)-1].paras = append(out[len(out)-1].paras, line)
		}
	}
	return out
}

// report renders what the extractor found in the case format.
func report(res Result) []string {
	var out []string
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, q := range res.Quotes {
		kind := "direct"
		if !q.Direct {
			kind = "indirect"
		}
		out = append(out, fmt.Sprintf("> %s | %s | %s | %s", kind, dash(q.SpeakerText), dash(q.Cue), q.Text))
	}
	for _, s := range res.Skipped {
		out = append(out, fmt.Sprintf("! %s | %s", s.Reason, s.Text))
	}
	return out
}

func TestCases(t *testing.T) {
	x := New(Options{})
	for _, c := range readCases(t) {
		t.Run(c.id, func(t *testing.T) {
			g := GoldDoc{ID: c.id, Title: c.title, Body: strings.Join(c.paras, "\n\n")}
			res, err := x.Analyze(g.Doc())
			if err != nil {
				t.Fatal(err)
			}
			got := report(res)
			want := slices.Clone(c.want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestAnnotateAppends checks that Annotate keeps quotations already there
// and fills Quote spans that index the text.
func TestAnnotateAppends(t *testing.T) {
	doc := &marsad.Doc{Text: `قال الوزير: "سنبدأ غدا بتنفيذ الخطة".`, Quotes: []marsad.Quote{{Text: "قديم"}}}
	if err := New(Options{}).Annotate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 2 || doc.Quotes[0].Text != "قديم" {
		t.Fatalf("quotes = %+v", doc.Quotes)
	}
	q := doc.Quotes[1]
	if doc.Text[q.Start:q.End] != q.Text || q.Text != "سنبدأ غدا بتنفيذ الخطة" {
		t.Errorf("span %d:%d = %q, text %q", q.Start, q.End, doc.Text[q.Start:q.End], q.Text)
	}
}
