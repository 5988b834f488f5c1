package quote

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract/entity"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

// seedDoc reads the seed article: title line, body with the repeated title
// dropped.
func seedDoc(tb testing.TB) *marsad.Doc {
	tb.Helper()
	data := sharedtest.ReadFile(tb, sharedtest.SeedArticle)
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
