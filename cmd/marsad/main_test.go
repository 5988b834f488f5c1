package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/sharedtest"
)

// runCLI runs one command line in-process and returns its exit status and
// output streams.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		log: slog.New(slog.NewTextHandler(&errb, nil))}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

type contractDoc struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Text      string  `json:"text"`
	Sentences []struct {
		Start, End int
	} `json:"sentences"`
}

func decodeDocs(t *testing.T, out string) []contractDoc {
	t.Helper()
	var docs []contractDoc
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var d contractDoc
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("output is not a JSON stream: %v\n%s", err, out)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestExtractSeed(t *testing.T) {
	seed := sharedtest.Path(t, sharedtest.SeedArticle)
	code, out, stderr := runCLI(t, "", "extract", "--published", "2021-07-27", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	const title = "الفتح: الاتفاق على خروج القوات القتالية نهاية 2021 إنجاز وطني وخطوة إيجابية متقدمة"
	if d.Title != title {
		t.Errorf("title = %q", d.Title)
	}
	if n := strings.Count(d.Text, title); n != 1 {
		t.Errorf("title appears %d times in text, want once", n)
	}
	if !strings.HasPrefix(d.Text, title+"\n\nأعلن تحالف الفتح") {
		t.Errorf("text does not start with title, blank line, first body line: %.200q", d.Text)
	}
	if d.Published == nil || *d.Published != "2021-07-27" {
		t.Errorf("published = %v", d.Published)
	}
	runes := []rune(d.Text)
	var sents []string
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			t.Fatalf("bad sentence span %v", s)
		}
		sents = append(sents, string(runes[s.Start:s.End]))
	}
	// Sentences a reader would agree with: the title alone; a sentence
	// ending at the quoted statement; the quote "أقوى من أيّ وقت مضى"
	// closing its sentence; and no sentence cut inside a quotation.
	want := []string{
		title,
		"من جهته، قال الكاظمي إنّ العلاقة بين البلدين باتت \"أقوى من أيّ وقت مضى\".",
		"وأضافت \"بحلول 31 كانون الأول، لن يكون هناك مزيد من القوّات في مهمّة قتالية\".",
	}
	for _, w := range want {
		found := false
		for _, s := range sents {
			if s == w {
				found = true
			}
		}
		if !found {
			t.Errorf("no sentence %q among:\n%s", w, strings.Join(sents, "\n"))
		}
	}
	for _, s := range sents {
		if strings.Count(s, "\"")%2 != 0 {
			t.Errorf("sentence cuts a quotation: %q", s)
		}
	}
	if len(sents) < 20 || len(sents) > 30 {
		t.Errorf("got %d sentences, want 20–30 for the seed's 19 paragraphs", len(sents))
	}
}

func TestExtractJSONLStdinAndBadRecord(t *testing.T) {
	in := `{"id":"a","title":"عنوان أول","text":"نص الخبر الأول.","published":"2021-07-27"}
{"id":"b","title": broken
{"id":"c","title":"عنوان ثالث","text":"نص الخبر الثالث."}
`
	code, out, stderr := runCLI(t, in, "extract", "--format", "jsonl", "-")
	if code != 1 {
		t.Errorf("exit %d, want 1 (one record failed)", code)
	}
	if !strings.Contains(stderr, ":2") {
		t.Errorf("error does not name the input line: %s", stderr)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "c" {
		t.Fatalf("got %+v, want articles a and c", docs)
	}
	if strings.Count(out, "\n") != 2 {
		t.Errorf("jsonl output is not one object per line:\n%s", out)
	}
	if docs[1].Published != nil {
		t.Errorf("article without a date got published %v", *docs[1].Published)
	}
}

func TestExtractUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "xml"},
		{"extract", "--published", "27/07/2021"},
		{"nosuchcommand"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestAnalyze(t *testing.T) {
	code, out, stderr := runCLI(t, "", "analyze", `بـ"انسحاب للولايات`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"quote", "لل+ ولايات", "انسحاب"} {
		if !strings.Contains(out, want) {
			t.Errorf("analyze output lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractCoNLL(t *testing.T) {
	code, out, stderr := runCLI(t, "", "extract", "--format", "conll", "../../examples/article.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(out, "\n")
	var sentences int
	for _, l := range lines {
		if l == "" {
			sentences++
			continue
		}
		f := strings.Split(l, " ")
		if len(f) != 2 || !(f[1] == "O" || strings.HasPrefix(f[1], "B-") || strings.HasPrefix(f[1], "I-")) {
			t.Fatalf("not a `token TAG` line: %q", l)
		}
	}
	for _, want := range []string{"بغداد B-LOC", "أيمن B-PER", "الصفدي I-PER"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("no %q line in:\n%s", want, out)
		}
	}
	if sentences < 5 {
		t.Errorf("%d sentence breaks, want one per sentence", sentences)
	}
	if code, _, _ := runCLI(t, "", "extract", "--format", "conll", "--convention", "bogus", "../../examples/article.txt"); code != 2 {
		t.Errorf("unknown convention: exit %d, want 2", code)
	}
}
