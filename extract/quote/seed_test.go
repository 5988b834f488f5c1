package quote

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract/entity"
)

// sharedDir returns ../shared next to the module root, skipping the test
// when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("go.mod not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skip("../shared not present")
	}
	return shared
}

// seedDoc reads the seed article: title line, body with the repeated title
// dropped.
func seedDoc(tb testing.TB) *marsad.Doc {
	tb.Helper()
	path := filepath.Join(sharedDir(tb), "seed", "000_8cc831d112bdeee4.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("seed not present: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	title := strings.TrimSpace(lines[0])
	body := lines[1:]
	for len(body) > 0 && (strings.TrimSpace(body[0]) == "" || strings.TrimSpace(body[0]) == title) {
		body = body[1:]
	}
	text := title + "\n\n" + strings.Join(body, "\n")
	return &marsad.Doc{Title: title, Text: text, BodyStart: len(title) + 2}
}

// TestSeed runs the entity recognizer and the extractor on the seed article
// and checks the quotations the issue names.
func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	ctx := context.Background()
	rec, err := entity.New(entity.Options{})
	if err != nil {
		t.Fatalf("entity recognizer: %v", err)
	}
	if err := rec.Annotate(ctx, doc); err != nil {
		t.Fatalf("entities: %v", err)
	}
	if err := New(Options{}).Annotate(ctx, doc); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	for _, q := range doc.Quotes {
		t.Logf("direct=%v speaker=%s(%s) text_as_written=%q cue=%q text=%q", q.Direct, q.Speaker, names[q.Speaker], q.SpeakerText, q.Cue, q.Text)
	}
	// Each case: how the quotation begins, a phrase the speaker's entity
	// name or text must hold, and the cue.
	cases := []struct{ phrase, speaker, cue string }{
		{"الاتفاق على خروج القوات القتالية نهاية 2021", "تحالف الفتح", ""},
		{"إنجاز وطني وخطوة إيجابية متقدمة", "تحالف الفتح", "واصفاً"},
		{"يرحب بما حققه المفاوض العراقي", "تحالف الفتح", "قال"},
		{"نأمل من المسؤولين المعنيين", "تحالف الفتح", "تابع"},
		{"لن نكون مع نهاية العام", "بايدن", "قال"},
		{"تعاوننا ضدّ الإرهاب سيتواصل", "بايدن", "قال"},
		{"العلاقة ستتطوّر بالكامل", "الخارجي", "قالت"},
		{"بحلول 31 كانون الأول، لن يكون", "الخارجي", "أضافت"},
		{"الولايات المتحدة احترامها سيادة العراق", "الخارجي", "بحسب"},
		{"أقوى من أيّ وقت مضى", "الكاظمي", "قال"},
		{"قادرة على شنّ عمليّات قتاليّة", "أوستن", "قال"},
		{"يصعب جدّاً", "أوستن", "قال"},
	}
	for _, c := range cases {
		var got *marsad.Quote
		for i := range doc.Quotes {
			if doc.Quotes[i].Direct && strings.HasPrefix(doc.Quotes[i].Text, c.phrase) {
				got = &doc.Quotes[i]
				break
			}
		}
		if got == nil {
			t.Errorf("no direct quotation holding %q", c.phrase)
			continue
		}
		who := fold(names[got.Speaker] + " | " + got.SpeakerText)
		if !strings.Contains(who, fold(c.speaker)) {
			t.Errorf("quotation %q: speaker %q (%s), want %q", c.phrase, got.SpeakerText, names[got.Speaker], c.speaker)
		}
		if got.Cue != c.cue {
			t.Errorf("quotation %q: cue %q, want %q", c.phrase, got.Cue, c.cue)
		}
	}
	for _, q := range doc.Quotes {
		switch strings.TrimSpace(q.Text) {
		case "دور", "تدريب", "مساعدتها":
			t.Errorf("scare quote %q reported as a quotation", q.Text)
		}
	}
	// The scare quotes are kept apart.
	res, err := New(Options{}).Analyze(doc)
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]bool{}
	for _, s := range res.Skipped {
		skipped[s.Text] = true
	}
	for _, w := range []string{"دور", "تدريب", "مساعدتها"} {
		if !skipped[w] {
			t.Errorf("scare quote %q not kept apart", w)
		}
	}
}
