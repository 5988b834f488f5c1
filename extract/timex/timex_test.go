package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/internal/sharedtest"
)

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func find(times []marsad.TimeExpr, text string) (marsad.TimeExpr, bool) {
	for _, te := range times {
		if te.Text == text {
			return te, true
		}
	}
	return marsad.TimeExpr{}, false
}

func TestCases(t *testing.T) {
	for _, row := range sharedtest.TSV(t, "testdata/cases.tsv", 7) {
		var anchor time.Time
		if row[0] != "-" {
			var err error
			if anchor, err = time.Parse("2006-01-02", row[0]); err != nil {
				t.Fatal(err)
			}
		}
		got := Extract(row[1], anchor)
		if row[2] == "-" {
			if len(got) != 0 {
				t.Errorf("%q: want no expression, got %+v", row[1], got)
			}
			continue
		}
		te, ok := find(got, row[2])
		if !ok {
			t.Errorf("%q (published %s): %q not found; got %+v", row[1], row[0], row[2], got)
			continue
		}
		if te.Type != row[3] || te.Value != dash(row[4]) || te.Mod != dash(row[5]) {
			t.Errorf("%q: got %s %q %q, want %s %q %q", row[2], te.Type, te.Value, te.Mod, row[3], dash(row[4]), dash(row[5]))
		}
		if extra := dash(row[6]); extra != "" && !strings.Contains(te.Relative, extra) && !strings.Contains(te.Reason, extra) {
			t.Errorf("%q: relative %q reason %q, want %q", row[2], te.Relative, te.Reason, extra)
		}
		if row[1][te.Start:te.End] != te.Text {
			t.Errorf("%q: span %d-%d does not hold the text", row[2], te.Start, te.End)
		}
	}
}

// TestSeed checks the motivating article with its publication date.
func TestSeed(t *testing.T) {
	b := sharedtest.ReadFile(t, sharedtest.SeedArticle)
	doc := &marsad.Doc{Text: string(b), Published: time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)}
	if err := New(DefaultOptions()).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, row := range sharedtest.TSV(t, "testdata/seed.tsv", 4) {
		te, ok := find(doc.Times, row[0])
		if !ok {
			t.Errorf("seed: %q not found", row[0])
			continue
		}
		if te.Type != row[1] || te.Value != row[2] || te.Mod != dash(row[3]) {
			t.Errorf("seed: %q = %s %q %q, want %s %q %q", row[0], te.Type, te.Value, te.Mod, row[1], row[2], dash(row[3]))
		}
	}
}

// TestInferPublished: without a publication date, a dateline date is
// taken as the anchor and the values resting on it are marked.
func TestInferPublished(t *testing.T) {
	text := "عنوان\n\nبغداد - 27 تموز 2021: قال مسؤول أمس إن الاجتماع سيعقد غدا."
	doc := &marsad.Doc{Text: text, BodyStart: strings.Index(text, "بغداد")}
	if err := New(DefaultOptions()).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	te, ok := find(doc.Times, "أمس")
	if !ok || te.Value != "2021-07-26" || !te.Inferred {
		t.Errorf("أمس = %+v, want 2021-07-26 inferred", te)
	}
	if te, _ := find(doc.Times, "27 تموز 2021"); te.Inferred || te.Relative != "" {
		t.Errorf("an absolute date is not inferred: %+v", te)
	}
	doc = &marsad.Doc{Text: text, BodyStart: strings.Index(text, "بغداد")}
	if err := New(Options{}).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if te, _ := find(doc.Times, "أمس"); te.Value != "" || te.Relative != "P-1D" {
		t.Errorf("without inference أمس = %+v, want relative P-1D", te)
	}
}

func TestAnnotateCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New(DefaultOptions()).Annotate(ctx, &marsad.Doc{Text: "أمس"}); err == nil {
		t.Error("want an error from a canceled context")
	}
}

// FuzzExtract checks that any input yields spans inside the text that hold
// the reported text, in order and without overlap, and phrases that hold
// their expressions.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"أمس الاثنين", "31 كانون الأول 2021", "1 رمضان 1442 هـ", "٢٧/٧/٢٠٢١", "الساعة 14:30", "من 13 الى 15 تموز", "ليل السبت الأحد", "نحو 2,500.5 مليون", "بين الخامسة والسادسة مساءً", "يوم 30", "الأحد 5 فيفري 2017 من الساعة الثامنة إلى الثانية", "منذ شهرين ويوم واحد وساعتين"} {
		f.Add(s)
	}
	anchor := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, te := range Extract(s, anchor) {
			if te.Start < prev || te.End > len(s) || te.Start >= te.End {
				t.Fatalf("bad span %d-%d after %d in %q", te.Start, te.End, prev, s)
			}
			if s[te.Start:te.End] != te.Text {
				t.Fatalf("span text %q != %q", s[te.Start:te.End], te.Text)
			}
			prev = te.End
		}
		// phrases: in order, without overlap, each holding its expressions
		prev = 0
		for _, ph := range Phrases(s, anchor) {
			if ph.Start < prev || ph.End > len(s) || ph.Start >= ph.End || s[ph.Start:ph.End] != ph.Text {
				t.Fatalf("bad phrase %d-%d %q after %d in %q", ph.Start, ph.End, ph.Text, prev, s)
			}
			for _, e := range ph.Exprs {
				if e.Start < ph.Start || e.End > ph.End {
					t.Fatalf("phrase %q does not hold %q", ph.Text, e.Text)
				}
			}
			prev = ph.End
		}
	})
}

// TestPhrases checks the span-level grouping of expressions into ranges
// and signal phrases.
func TestPhrases(t *testing.T) {
	anchor := time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC)
	for _, row := range sharedtest.TSV(t, "testdata/phrases.tsv", 2) {
		var got []string
		for _, ph := range Phrases(row[0], anchor) {
			got = append(got, ph.Text+"="+ph.Kind)
			if row[0][ph.Start:ph.End] != ph.Text {
				t.Errorf("%q: span %d-%d does not hold %q", row[0], ph.Start, ph.End, ph.Text)
			}
			if len(ph.Exprs) == 0 {
				t.Errorf("%q: phrase %q without expressions", row[0], ph.Text)
			}
		}
		want := row[1]
		if want == "-" {
			want = ""
		}
		if g := strings.Join(got, " | "); g != want {
			t.Errorf("%q:\n got %s\nwant %s", row[0], g, want)
		}
	}
}
