package timex

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/marsad-project/marsad"
)

// The gold file read by Evaluate is JSON Lines, one paragraph per line:
//
//	{"id": "g01", "published": "2021-07-27" | null, "text": "…",
//	 "times": [{"text": "أمس الاثنين", "type": "DATE",
//	            "value": "2021-07-26" | null, "mod": "START" (optional)}]}
//
// Times are listed in text order. Each is located by searching its text in
// the paragraph from the end of the previous one, so a repeated phrase is
// annotated once per occurrence. Spans follow these conventions: signal
// words (في, منذ, حتى, بحلول, خلال, لمدة, عند) and proclitics (و, ب, ل) are
// outside the expression; modifiers (نهاية, مطلع, منتصف, أواخر, أوائل),
// approximators (نحو, حوالي, قرابة, أكثر من, أقل من) and الساعة are inside;
// يوم before a weekday name is outside (as in the Arabic specs of
// Recognizers-Text), but inside a set (كل يوم اثنين). A value is null when the expression
// cannot be resolved (unknown publication date, impossible date).

// GoldTime is one annotated expression of a gold paragraph.
type GoldTime struct {
	Text  string  `json:"text"`
	Type  string  `json:"type"`
	Value *string `json:"value"`
	Mod   string  `json:"mod,omitempty"`
}

// GoldParagraph is one line of a gold file.
type GoldParagraph struct {
	ID        string     `json:"id"`
	Published *string    `json:"published"`
	Text      string     `json:"text"`
	Times     []GoldTime `json:"times"`
}

// Report holds the scores of an evaluation against a gold file.
type Report struct {
	Paragraphs int
	Gold       int // gold expressions
	System     int // expressions found
	Exact      int // found with exactly the gold span
	Overlap    int // found with a span overlapping the gold span
	ValueOK    int // overlapping, with the gold value and mod
	TypeOK     int // overlapping, with the gold type
	Errors     []string
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Precision is the share of found expressions whose span is exactly a gold
// span.
func (r Report) Precision() float64 { return ratio(r.Exact, r.System) }

// Recall is the share of gold expressions found with the exact span.
func (r Report) Recall() float64 { return ratio(r.Exact, r.Gold) }

// F1 is the harmonic mean of Precision and Recall (exact spans).
func (r Report) F1() float64 { return f1(r.Precision(), r.Recall()) }

// RelaxedF1 counts overlapping spans as matches.
func (r Report) RelaxedF1() float64 {
	return f1(ratio(r.Overlap, r.System), ratio(r.Overlap, r.Gold))
}

// ValueAccuracy is the share of detected (overlapping) gold expressions
// whose value and mod are right.
func (r Report) ValueAccuracy() float64 { return ratio(r.ValueOK, r.Overlap) }

// Write prints the report.
func (r Report) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "paragraphs %d, gold %d, system %d\n"+
		"detection (exact span):    P %.3f  R %.3f  F1 %.3f\n"+
		"detection (overlap):       P %.3f  R %.3f  F1 %.3f\n"+
		"value accuracy (value+mod) %.3f (%d/%d)\n"+
		"type accuracy              %.3f\n",
		r.Paragraphs, r.Gold, r.System,
		r.Precision(), r.Recall(), r.F1(),
		ratio(r.Overlap, r.System), ratio(r.Overlap, r.Gold), r.RelaxedF1(),
		r.ValueAccuracy(), r.ValueOK, r.Overlap, ratio(r.TypeOK, r.Overlap))
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	for _, e := range r.Errors {
		if _, err := fmt.Fprintln(w, "  "+e); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

// Evaluate scores Extract against the gold file at goldPath (see the
// format above).
func Evaluate(ctx context.Context, goldPath string) (Report, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return Report{}, fmt.Errorf("open gold: %w", err)
	}
	defer f.Close()
	r, err := EvaluateReader(ctx, f)
	if err != nil {
		return r, fmt.Errorf("%s: %w", goldPath, err)
	}
	return r, nil
}

// EvaluateReader scores Extract against gold paragraphs read from r.
func EvaluateReader(ctx context.Context, r io.Reader) (Report, error) {
	var rep Report
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var g GoldParagraph
		if err := json.Unmarshal([]byte(b), &g); err != nil {
			return rep, fmt.Errorf("line %d: %w", line, err)
		}
		if err := rep.add(g); err != nil {
			return rep, fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("read gold: %w", err)
	}
	if rep.Paragraphs == 0 {
		return rep, errors.New("no gold paragraphs")
	}
	return rep, nil
}

// add scores one paragraph.
func (rep *Report) add(g GoldParagraph) error {
	var anchor time.Time
	if g.Published != nil && *g.Published != "" {
		t, err := time.Parse("2006-01-02", *g.Published)
		if err != nil {
			return fmt.Errorf("paragraph %s: published: %w", g.ID, err)
		}
		anchor = t
	}
	rep.Paragraphs++
	sys := Extract(g.Text, anchor)
	rep.System += len(sys)
	used := make([]bool, len(sys))
	pos := 0
	for _, gt := range g.Times {
		i := strings.Index(g.Text[pos:], gt.Text)
		if i < 0 {
			return fmt.Errorf("paragraph %s: %q not found after byte %d", g.ID, gt.Text, pos)
		}
		span := marsad.Span{Start: pos + i, End: pos + i + len(gt.Text)}
		pos = span.End
		rep.Gold++
		want := ""
		if gt.Value != nil {
			want = *gt.Value
		}
		best := -1
		for k, s := range sys {
			if used[k] || s.End <= span.Start || s.Start >= span.End {
				continue
			}
			if best < 0 || (s.Span == span && sys[best].Span != span) {
				best = k
			}
		}
		if best < 0 {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s missed %q (%s)", g.ID, gt.Text, want))
			continue
		}
		used[best] = true
		s := sys[best]
		rep.Overlap++
		if s.Span == span {
			rep.Exact++
		} else {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s span %q, gold %q", g.ID, s.Text, gt.Text))
		}
		if s.Type == gt.Type {
			rep.TypeOK++
		}
		if s.Value == want && s.Mod == gt.Mod {
			rep.ValueOK++
		} else {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s value of %q: got %q %s, gold %q %s", g.ID, gt.Text, s.Value, s.Mod, want, gt.Mod))
		}
	}
	for k, s := range sys {
		if !used[k] {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s spurious %q (%s)", g.ID, s.Text, s.Value))
		}
	}
	return nil
}
