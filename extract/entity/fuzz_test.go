package entity

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
)

// FuzzAnnotate checks that any text gives well-formed entities: spans
// inside the text on rune boundaries, mention text equal to its span, ids
// in order, no overlapping mentions.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"وقال الرئيس الأميركي جو بايدن إن الولايات المتحدة ستنسحب",
		"للولايات المتحدة وبغداد لتنظيم الدولية الإسلامية",
		"بـ\"انسحاب القوات\" المتّحدة ــ الهيئة التنسيقية للمقاومة العراقية",
		"الشيخ  ، مدينة قرية وزارة حزب الله ترمب ترامب عمان",
		"\u200fعلى\u0651 \xff\xfe محمد بن",
	} {
		f.Add(s)
	}
	r := testRecognizer(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &marsad.Doc{Text: text}
		if err := r.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		type span struct{ s, e int }
		var all []span
		for i, e := range doc.Entities {
			if e.ID != "E"+strconv.Itoa(i+1) || e.Name == "" || e.Key == "" || len(e.Mentions) == 0 {
				t.Fatalf("bad entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, text)
				}
				if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End]))) {
					t.Fatalf("mention %+v not on rune boundaries", m)
				}
				all = append(all, span{m.Start, m.End})
			}
		}
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				if all[i].s < all[j].e && all[j].s < all[i].e {
					t.Fatalf("overlapping mentions %v %v in %q", all[i], all[j], text)
				}
			}
		}
		// Both conventions write one CoNLL line per token, with a tag of
		// a known kind.
		for _, conv := range []Convention{ConventionMarsad, ConventionANERcorp} {
			var out bytes.Buffer
			if err := r.WriteCoNLL(&out, doc, conv); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(strings.TrimRight(out.String(), "\n"), "\n") {
				if line == "" {
					continue
				}
				i := strings.LastIndexByte(line, ' ')
				if i < 0 {
					t.Fatalf("%s: not a `token TAG` line: %q", conv, line)
				}
				if tag := line[i+1:]; tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
					t.Fatalf("%s: bad tag in %q", conv, line)
				}
			}
		}
	})
}

func FuzzReadGold(f *testing.F) {
	f.Add("# c\n[بغداد](LOC baghdad) و[جو بايدن](PER biden)\n\nنص [x](ORG y)")
	f.Add("[a](PER")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadGold(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, m := range d.Mentions {
				if m.Start < 0 || m.End > len(d.Text) || d.Text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, d.Text)
				}
			}
		}
	})
}

func FuzzImportGeoNames(f *testing.F) {
	f.Add("geonameid\tname\tarabic_names\n1\tBaghdad\tبغداد|بغداد\n")
	f.Add("1\t2\tar\tالرمثا\t1\n")
	f.Add("1\tNajaf\tNajaf\tالنجف,نجف\t1\t2\tP\tPPL\tIQ\t\t17\t\t\t\t1\t\t1\tAsia/Baghdad\t2024-01-01\n")
	f.Fuzz(func(t *testing.T, s string) {
		var out bytes.Buffer
		if err := ImportGeoNames(strings.NewReader(s), &out); err != nil {
			return
		}
		rows, err := readTSV(&out)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r[0] != "LOC" || len(r) < 5 || !strings.HasPrefix(r[4], "geonames:") {
				t.Fatalf("bad output row %q", r)
			}
		}
	})
}
