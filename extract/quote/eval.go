package quote

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad-project/marsad"
)

// GoldDoc is one document of the gold set: text and the quotations a
// reader finds in it. The file format is described in
// testdata/gold/README.md.
type GoldDoc struct {
	ID     string
	Title  string
	Body   string // paragraphs joined by "\n\n"
	Quotes []GoldQuote
	Not    []string // quoted text that is not a quotation (scare quotes, titles)
	File   string   // file:line of the record
}

// GoldQuote is one expected quotation.
type GoldQuote struct {
	Direct   bool
	Speakers []string // accepted speaker names; empty when no speaker is named
	Text     string
}

// Doc returns the document as the extractor sees it.
func (g GoldDoc) Doc() *marsad.Doc {
	d := &marsad.Doc{ID: g.ID, Title: g.Title, Text: g.Body}
	if g.Title != "" {
		d.Text = g.Title + "\n\n" + g.Body
		d.BodyStart = len(g.Title) + 2
	}
	return d
}

// ReadGold reads gold documents from a file or from every *.txt file of a
// directory.
func ReadGold(path string) ([]GoldDoc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", path, err)
		}
		sort.Strings(files)
	}
	var out []GoldDoc
	for _, f := range files {
		docs, err := readGoldFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read gold %s: no documents", path)
	}
	return out, nil
}

func readGoldFile(name string) ([]GoldDoc, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	return parseGold(f, name)
}

// parseGold parses the gold format from r; name labels errors.
func parseGold(r io.Reader, name string) ([]GoldDoc, error) {
	var out []GoldDoc
	var cur *GoldDoc
	var paras []string
	flush := func() {
		if cur != nil {
			cur.Body = strings.Join(paras, "\n\n")
			out = append(out, *cur)
		}
		cur, paras = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "==="):
			flush()
			id := strings.TrimSpace(strings.TrimPrefix(text, "==="))
			if id == "" {
				return nil, fmt.Errorf("%s:%d: record without id", name, line)
			}
			cur = &GoldDoc{ID: id, File: fmt.Sprintf("%s:%d", name, line)}
			continue
		case cur == nil:
			return nil, fmt.Errorf("%s:%d: text before the first === record", name, line)
		}
		if !strings.HasPrefix(text, "@") {
			paras = append(paras, text)
			continue
		}
		key, val, _ := strings.Cut(text, " ")
		val = strings.TrimSpace(val)
		switch key {
		case "@title":
			cur.Title = val
		case "@not":
			cur.Not = append(cur.Not, val)
		case "@q":
			parts := strings.SplitN(val, "|", 3)
			if len(parts) != 3 {
				return nil, fmt.Errorf("%s:%d: @q wants KIND | SPEAKER | TEXT", name, line)
			}
			kind := strings.TrimSpace(parts[0])
			if kind != "direct" && kind != "indirect" {
				return nil, fmt.Errorf("%s:%d: @q kind %q, want direct or indirect", name, line, kind)
			}
			q := GoldQuote{Direct: kind == "direct", Text: strings.TrimSpace(parts[2])}
			if sp := strings.TrimSpace(parts[1]); sp != "-" && sp != "" {
				for _, alt := range strings.Split(sp, "/") {
					if alt = strings.TrimSpace(alt); alt != "" {
						q.Speakers = append(q.Speakers, alt)
					}
				}
			}
			if q.Text == "" {
				return nil, fmt.Errorf("%s:%d: @q with empty text", name, line)
			}
			cur.Quotes = append(cur.Quotes, q)
		default:
			return nil, fmt.Errorf("%s:%d: unknown directive %s", name, line, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flush()
	return out, nil
}

// Score counts detection outcomes.
type Score struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN), 0 when nothing was expected.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Mistake is one disagreement with the gold set, for reading.
type Mistake struct {
	Doc  string
	Kind string // "missed", "spurious", "speaker"
	Text string
	Want string
	Got  string
}

// Report is the outcome of an evaluation.
type Report struct {
	Docs           int
	Direct         Score // direct quotations only
	Indirect       Score // indirect speech only
	All            Score // both, ignoring the direct flag
	SpeakerCorrect int   // matched quotations whose speaker agrees
	SpeakerTotal   int   // matched quotations
	NotReported    int   // reported quotations that the gold marks as not quotations
	Mistakes       []Mistake
}

// SpeakerAccuracy is SpeakerCorrect / SpeakerTotal.
func (r Report) SpeakerAccuracy() float64 { return ratio(r.SpeakerCorrect, r.SpeakerTotal) }

// Write prints the report: scores first, then every mistake.
func (r Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "documents: %d\n", r.Docs)
	for _, row := range []struct {
		name string
		s    Score
	}{{"direct", r.Direct}, {"indirect", r.Indirect}, {"all", r.All}} {
		fmt.Fprintf(bw, "%-9s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", row.name, row.s.Precision(), row.s.Recall(), row.s.F1(), row.s.TP, row.s.FP, row.s.FN)
	}
	fmt.Fprintf(bw, "speaker   accuracy %.3f  (%d/%d matched quotations)\n", r.SpeakerAccuracy(), r.SpeakerCorrect, r.SpeakerTotal)
	fmt.Fprintf(bw, "scare quotes or titles reported as quotations: %d\n", r.NotReported)
	for _, m := range r.Mistakes {
		fmt.Fprintf(bw, "%s\t%s\t%q\twant=%q\tgot=%q\n", m.Doc, m.Kind, m.Text, m.Want, m.Got)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Evaluate scores a new default extractor against the gold set at
// goldPath (a file or a directory of *.txt files), with no entities.
func Evaluate(ctx context.Context, goldPath string) (Report, error) {
	return EvaluateWith(ctx, goldPath, New(Options{}), nil)
}

// EvaluateWith scores x against the gold set at goldPath. When before is
// not nil it runs on each document first (the entity recognizer), so that
// speakers are linked to entities as in the full pipeline.
func EvaluateWith(ctx context.Context, goldPath string, x *Extractor, before marsad.Annotator) (Report, error) {
	gold, err := ReadGold(goldPath)
	if err != nil {
		return Report{}, err
	}
	var r Report
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return r, fmt.Errorf("evaluate: %w", err)
		}
		doc := g.Doc()
		if before != nil {
			if err := before.Annotate(ctx, doc); err != nil {
				return r, fmt.Errorf("evaluate %s: %w", g.ID, err)
			}
		}
		if err := x.Annotate(ctx, doc); err != nil {
			return r, fmt.Errorf("evaluate %s: %w", g.ID, err)
		}
		r.add(g, doc)
	}
	return r, nil
}

// add scores one document.
func (r *Report) add(g GoldDoc, doc *marsad.Doc) {
	r.Docs++
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	var gd, gi []int
	var pd, pi []int
	for i, q := range g.Quotes {
		if q.Direct {
			gd = append(gd, i)
		} else {
			gi = append(gi, i)
		}
	}
	for i, q := range doc.Quotes {
		if q.Direct {
			pd = append(pd, i)
		} else {
			pi = append(pi, i)
		}
	}
	gw := make([][]string, len(g.Quotes))
	for i, q := range g.Quotes {
		gw[i] = words(q.Text)
	}
	pw := make([][]string, len(doc.Quotes))
	for i, q := range doc.Quotes {
		pw[i] = words(q.Text)
	}
	score := func(gs, ps []int) (Score, map[int]int) {
		pairs := matchQuotes(gw, pw, gs, ps)
		s := Score{TP: len(pairs), FP: len(ps) - len(pairs), FN: len(gs) - len(pairs)}
		return s, pairs
	}
	ds, _ := score(gd, pd)
	is, _ := score(gi, pi)
	all := make([]int, len(g.Quotes))
	for i := range all {
		all[i] = i
	}
	allp := make([]int, len(doc.Quotes))
	for i := range allp {
		allp[i] = i
	}
	as, pairs := score(all, allp)
	add := func(dst *Score, s Score) { dst.TP += s.TP; dst.FP += s.FP; dst.FN += s.FN }
	add(&r.Direct, ds)
	add(&r.Indirect, is)
	add(&r.All, as)
	matchedP := map[int]bool{}
	for gi, pi := range pairs {
		matchedP[pi] = true
		q := doc.Quotes[pi]
		got := []string{q.SpeakerText}
		if n, ok := names[q.Speaker]; ok {
			got = append(got, n)
		}
		r.SpeakerTotal++
		if speakerAgrees(g.Quotes[gi].Speakers, got) {
			r.SpeakerCorrect++
		} else {
			r.Mistakes = append(r.Mistakes, Mistake{Doc: g.ID, Kind: "speaker", Text: q.Text, Want: strings.Join(g.Quotes[gi].Speakers, " / "), Got: strings.Join(got, " / ")})
		}
	}
	matchedG := map[int]bool{}
	for gi := range pairs {
		matchedG[gi] = true
	}
	for i, q := range g.Quotes {
		if !matchedG[i] {
			r.Mistakes = append(r.Mistakes, Mistake{Doc: g.ID, Kind: "missed", Text: q.Text, Want: strings.Join(q.Speakers, " / ")})
		}
	}
	for i, q := range doc.Quotes {
		if matchedP[i] {
			continue
		}
		r.Mistakes = append(r.Mistakes, Mistake{Doc: g.ID, Kind: "spurious", Text: q.Text, Got: q.SpeakerText})
		for _, n := range g.Not {
			if overlapMatch(words(n), pw[i]) {
				r.NotReported++
				break
			}
		}
	}
}

// matchQuotes pairs gold and predicted quotations one to one, best word
// overlap first. A pair needs at least half of the gold quotation's words
// and half of the predicted one's in common.
func matchQuotes(gw, pw [][]string, gs, ps []int) map[int]int {
	type cand struct {
		g, p int
		ov   float64
	}
	var cands []cand
	for _, g := range gs {
		for _, p := range ps {
			if n := overlap(gw[g], pw[p]); 2*n >= len(gw[g]) && 2*n >= len(pw[p]) && n > 0 {
				cands = append(cands, cand{g, p, float64(n) / float64(max(len(gw[g]), len(pw[p])))})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].ov > cands[j].ov })
	pairs := map[int]int{}
	usedP := map[int]bool{}
	for _, c := range cands {
		if _, ok := pairs[c.g]; ok || usedP[c.p] {
			continue
		}
		pairs[c.g] = c.p
		usedP[c.p] = true
	}
	return pairs
}

// overlapMatch reports whether two word lists share at least half of each.
func overlapMatch(a, b []string) bool {
	n := overlap(a, b)
	return n > 0 && 2*n >= len(a) && 2*n >= len(b)
}

// overlap counts the words two lists share, as multisets.
func overlap(a, b []string) int {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	n := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

// speakerAgrees reports whether a predicted speaker matches the gold: both
// empty, or some accepted name appears as a word sequence in a prediction.
func speakerAgrees(want, got []string) bool {
	empty := true
	for _, g := range got {
		if strings.TrimSpace(g) != "" {
			empty = false
		}
	}
	if len(want) == 0 {
		return empty
	}
	for _, w := range want {
		ww := " " + strings.Join(words(w), " ") + " "
		for _, g := range got {
			if g == "" {
				continue
			}
			gg := " " + strings.Join(words(g), " ") + " "
			if strings.Contains(gg, ww) {
				return true
			}
		}
	}
	return false
}
