package entity

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
)

// TestCases runs the recognition and linking cases of testdata/cases.tsv.
func TestCases(t *testing.T) {
	rows := testdataRows(t, "cases.tsv")
	r := testRecognizer(t)
	for _, row := range rows {
		text := row[0]
		want := ""
		if len(row) > 1 {
			want = row[1]
		}
		t.Run(text, func(t *testing.T) {
			doc := &marsad.Doc{Text: text}
			if err := r.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Entities {
				got = append(got, e.Type+":"+e.Name)
			}
			var wantEnts []string
			mentions := make(map[string][]string)
			roles := make(map[string]string)
			for _, w := range strings.Split(want, " ; ") {
				if w = strings.TrimSpace(w); w == "" {
					continue
				}
				name, ms, _ := strings.Cut(w, "=")
				name, role, hasRole := strings.Cut(name, "@")
				wantEnts = append(wantEnts, name)
				if ms != "" {
					mentions[name] = strings.Split(ms, "|")
				}
				if hasRole {
					roles[name] = role
				}
			}
			if strings.Join(got, " ; ") != strings.Join(wantEnts, " ; ") {
				t.Fatalf("entities\n got %q\nwant %q", got, wantEnts)
			}
			for _, e := range doc.Entities {
				if role, ok := roles[e.Type+":"+e.Name]; ok && e.Role != role {
					t.Errorf("%s: role %q, want %q", e.Name, e.Role, role)
				}
				have := make(map[string]bool)
				for _, m := range e.Mentions {
					have[arabic.NormalizeString(m.Text, arabic.DisplayOptions())] = true
				}
				for _, m := range mentions[e.Type+":"+e.Name] {
					if !have[m] {
						t.Errorf("%s: mention %q not linked (have %v)", e.Name, m, keys(have))
					}
				}
			}
		})
	}
}

func TestEditWithin1(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"الدولة", "الدولية", true},  // one letter inserted
		{"الدولية", "الدولة", true},  // deleted
		{"ترمب", "ترامب", true},      // inserted in the middle
		{"محمد", "احمد", true},       // substituted at the start
		{"سلمان", "سلطان", true},     // substituted in the middle
		{"سلمان", "سلمان", true},     // equal
		{"بغداد", "بغداذ", true},     // substituted at the end
		{"بغداد", "دادغب", false},    // far apart
		{"كركوك", "كركوكيين", false}, // three letters more
		{"", "ا", true},
		{"ab", "ba", false},
		{"abc", "axc", true},
	} {
		if got := editWithin1(tc.a, tc.b); got != tc.want {
			t.Errorf("editWithin1(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
