package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/marsad-project/marsad"
)

func TestNewDocLayout(t *testing.T) {
	tests := []struct {
		name, title, body string
		wantText          string
		wantSentences     []string
	}{
		{"title and body", "عنوان الخبر", "الجملة الأولى. الجملة الثانية؟", "عنوان الخبر\n\nالجملة الأولى. الجملة الثانية؟",
			[]string{"عنوان الخبر", "الجملة الأولى.", "الجملة الثانية؟"}},
		{"no title", "", "نص فقط.", "نص فقط.", []string{"نص فقط."}},
		{"no body", "عنوان وحده", "", "عنوان وحده", []string{"عنوان وحده"}},
		{"spaces trimmed", "  عنوان  ", "\n\nنص.\n", "عنوان\n\nنص.", []string{"عنوان", "نص."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDoc(marsad.Article{ID: "x", Title: tt.title, Body: tt.body})
			if d.Text != tt.wantText {
				t.Fatalf("text = %q, want %q", d.Text, tt.wantText)
			}
			var got []string
			for _, s := range d.Sentences {
				got = append(got, d.Text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.wantSentences, "|") {
				t.Errorf("sentences = %q, want %q", got, tt.wantSentences)
			}
			if !strings.HasPrefix(d.Text[d.BodyStart:], strings.TrimSpace(tt.body)) {
				t.Errorf("BodyStart %d does not point at the body", d.BodyStart)
			}
		})
	}
}

func TestPipelineOrderFieldsAndErrors(t *testing.T) {
	var order []string
	stage := func(name string, f marsad.Fields, err error) Stage {
		return Stage{Name: name, Fills: f, Annotator: marsad.AnnotatorFunc(func(ctx context.Context, d *marsad.Doc) error {
			order = append(order, name)
			return err
		})}
	}
	boom := errors.New("boom")
	p := NewPipeline(stage("times", marsad.Fields{Times: true}, nil), stage("quotes", marsad.Fields{Quotes: true}, boom), stage("never", marsad.Fields{}, nil))
	f := p.Fields()
	if !f.Times || !f.Quotes || f.Entities {
		t.Errorf("fields = %+v", f)
	}
	err := p.Run(context.Background(), &marsad.Doc{ID: "doc7"})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "quotes on doc7") {
		t.Errorf("err = %v, want the stage and document named", err)
	}
	if strings.Join(order, ",") != "times,quotes" {
		t.Errorf("ran %v", order)
	}
}
