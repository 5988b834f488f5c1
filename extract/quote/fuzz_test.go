package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// FuzzAnalyze checks that any text is handled without panics and that
// every reported span lies on the text and matches the quotation text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		`قال الوزير: "لن نتراجع".`,
		`«الجمهور كان رائعا"، قال المدرب.`,
		"وقال: \"الفقرة الأولى\n\n\"الفقرة الثانية\".",
		`الفتح: الاتفاق إنجاز وطني`,
		`وأوضح أنّ "دور" القوات و"مساعدتها" مستمران، مضيفا أن "ذلك لن يتغير".`,
		`"""«»“”„`,
		"قال\u200f ــ \"٣٫٥\" وأن إن",
	} {
		f.Add(s)
	}
	x := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		title := ""
		if i := strings.IndexByte(text, '\n'); i > 0 {
			title = text[:i]
		}
		doc := &marsad.Doc{Title: title, Text: text}
		res, err := x.Analyze(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range res.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("span %d:%d outside text of %d bytes", q.Start, q.End, len(text))
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("quote text %q != text[span] %q", q.Text, text[q.Start:q.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("quote %q splits a character", q.Text)
			}
		}
		for _, s := range res.Skipped {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("skipped span %d:%d bad", s.Start, s.End)
			}
		}
	})
}

// FuzzParseGold checks that the gold parser never panics and that what it
// accepts has ids and texts.
func FuzzParseGold(f *testing.F) {
	f.Add("=== a\n@title t: x\nنص\n@q direct | س | نص\n@not دور\n")
	f.Add("=== b\n@q indirect | - | x / y\n")
	f.Add("@q direct")
	f.Fuzz(func(t *testing.T, data string) {
		docs, err := parseGold(strings.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.ID == "" {
				t.Fatal("record without id accepted")
			}
			for _, q := range d.Quotes {
				if q.Text == "" {
					t.Fatal("empty quotation accepted")
				}
			}
		}
	})
}
