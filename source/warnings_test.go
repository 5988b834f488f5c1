package source_test

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/source"
)

// A broken publication date costs the date, never the article.
func TestBadDateKeepsArticle(t *testing.T) {
	tests := []struct {
		name  string
		parse func() (string, []string, bool, error)
	}{
		{"json", func() (string, []string, bool, error) {
			a, err := source.ParseJSONArticle([]byte(`{"id":"x","title":"عنوان","text":"نص.","published":"أمس"}`), "x.json")
			return a.Title, a.Warnings, a.Published.IsZero(), err
		}},
		{"sgml", func() (string, []string, bool, error) {
			a, err := source.ParseSGMLDoc("<DOC><DOCNO>d1</DOCNO><TITLE>عنوان</TITLE><DATE>not a date</DATE><TEXT>نص.</TEXT></DOC>", "x.sgml")
			return a.Title, a.Warnings, a.Published.IsZero(), err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, warnings, undated, err := tt.parse()
			if err != nil {
				t.Fatalf("err = %v, want the article kept", err)
			}
			if title != "عنوان" || !undated {
				t.Errorf("title %q, undated %v", title, undated)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], "ignored") {
				t.Errorf("warnings = %q", warnings)
			}
		})
	}
}
