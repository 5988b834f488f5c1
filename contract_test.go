package marsad

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestContractOffsetsAreCodePoints(t *testing.T) {
	text := "عنوان\n\nقال بايدن إنّ \"الولايات المتّحدة\" 2021"
	start := strings.Index(text, "بايدن")
	d := &Doc{
		ID: "a1", Title: "عنوان", Text: text, Published: time.Date(2021, 7, 27, 0, 0, 0, 0, time.UTC),
		Sentences: []Span{{0, len("عنوان")}, {len("عنوان\n\n"), len(text)}},
		Entities: []Entity{{ID: "E1", Type: PER, Name: "جو بايدن", Latin: "Joe Biden",
			Mentions: []Mention{{Span{start, start + len("بايدن")}, "بايدن"}}}},
	}
	out, err := json.Marshal(d.Contract(Fields{Entities: true, Times: true}))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got["published"] != "2021-07-27" {
		t.Errorf("published = %v", got["published"])
	}
	if _, ok := got["quotes"]; ok {
		t.Errorf("quotes present although its extractor did not run: %s", out)
	}
	if times, ok := got["times"].([]any); !ok || len(times) != 0 {
		t.Errorf("times = %v, want empty array", got["times"])
	}
	m := got["entities"].([]any)[0].(map[string]any)["mentions"].([]any)[0].(map[string]any)
	runes := []rune(text)
	s, e := int(m["start"].(float64)), int(m["end"].(float64))
	if string(runes[s:e]) != "بايدن" {
		t.Errorf("mention offsets %d:%d select %q", s, e, string(runes[s:e]))
	}
	sent := got["sentences"].([]any)[1].(map[string]any)
	if int(sent["end"].(float64)) != len(runes) {
		t.Errorf("sentence end %v, want %d", sent["end"], len(runes))
	}
}

func TestContractNullPublished(t *testing.T) {
	d := &Doc{ID: "x", Text: "نص"}
	out, err := json.Marshal(d.Contract(Fields{}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"published":null`) || !strings.Contains(string(out), `"sentences":[]`) {
		t.Errorf("got %s", out)
	}
	for _, f := range []string{"entities", "times", "quantities", "quotes", "events"} {
		if strings.Contains(string(out), `"`+f+`"`) {
			t.Errorf("%s present without its extractor: %s", f, out)
		}
	}
}

func TestDocText(t *testing.T) {
	tests := []struct {
		title, body, text string
		bodyStart         int
	}{
		{"عنوان", "نص", "عنوان\n\nنص", len("عنوان\n\n")},
		{"", "نص", "نص", 0},
		{"عنوان", "", "عنوان", len("عنوان")},
		{"", "", "", 0},
	}
	for _, tt := range tests {
		text, start := DocText(tt.title, tt.body)
		if text != tt.text || start != tt.bodyStart {
			t.Errorf("DocText(%q, %q) = %q, %d; want %q, %d", tt.title, tt.body, text, start, tt.text, tt.bodyStart)
		}
		if text[start:] != tt.body {
			t.Errorf("DocText(%q, %q): body does not start at %d", tt.title, tt.body, start)
		}
	}
}
