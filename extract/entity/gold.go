package entity

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/eval/conll"
)

// GoldDoc is one annotated paragraph of a gold set.
type GoldDoc struct {
	Name     string // file:line of the paragraph
	Text     string // the paragraph without markup
	Mentions []GoldMention
}

// GoldMention is one annotated mention: its span in GoldDoc.Text, type and
// gold identity key.
type GoldMention struct {
	marsad.Span
	Type string
	Key  string
	Text string
}

// ReadGold parses a gold file: paragraphs separated by blank lines, '#'
// comment lines, mentions written [text](TYPE key). name labels errors and
// documents.
func ReadGold(r io.Reader, name string) ([]GoldDoc, error) {
	var docs []GoldDoc
	var para []string
	startLine := 0
	flush := func() error {
		if len(para) == 0 {
			return nil
		}
		d, err := parseGoldParagraph(strings.Join(para, "\n"))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, startLine, err)
		}
		d.Name = fmt.Sprintf("%s:%d", name, startLine)
		docs = append(docs, d)
		para = nil
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(t, "#"):
		case strings.TrimSpace(t) == "":
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			if len(para) == 0 {
				startLine = line
			}
			para = append(para, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return docs, nil
}

// parseGoldParagraph strips the markup of one paragraph.
func parseGoldParagraph(s string) (GoldDoc, error) {
	var b strings.Builder
	var d GoldDoc
	for i := 0; i < len(s); {
		if s[i] != '[' {
			b.WriteByte(s[i])
			i++
			continue
		}
		close := strings.IndexByte(s[i:], ']')
		if close < 0 || i+close+1 >= len(s) || s[i+close+1] != '(' {
			return d, fmt.Errorf("unclosed mention at byte %d", i)
		}
		text := s[i+1 : i+close]
		rest := s[i+close+2:]
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return d, fmt.Errorf("unclosed annotation after %q", text)
		}
		f := strings.Fields(rest[:end])
		if len(f) != 2 {
			return d, fmt.Errorf("annotation of %q: want (TYPE key), got (%s)", text, rest[:end])
		}
		switch f[0] {
		case marsad.PER, marsad.ORG, marsad.LOC, marsad.MISC:
		default:
			return d, fmt.Errorf("annotation of %q: unknown type %q", text, f[0])
		}
		start := b.Len()
		b.WriteString(text)
		d.Mentions = append(d.Mentions, GoldMention{Span: marsad.Span{Start: start, End: b.Len()}, Type: f[0], Key: f[1], Text: text})
		i += close + 2 + end + 1
	}
	d.Text = b.String()
	return d, nil
}

// ReadGoldDir reads every *.txt gold file of dir, in name order.
func ReadGoldDir(dir string) ([]GoldDoc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	slices.Sort(names)
	var docs []GoldDoc
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", n, err)
		}
		got, err := ReadGold(f, filepath.Base(n))
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, got...)
	}
	return docs, nil
}

// EvalGoldDir reads the gold files of dir (see [ReadGold]) and scores the
// recognizer on them.
func (r *Recognizer) EvalGoldDir(ctx context.Context, dir string) (*GoldReport, error) {
	docs, err := ReadGoldDir(dir)
	if err != nil {
		return nil, err
	}
	return r.EvalGold(ctx, docs)
}

// GoldReport is the result of a gold-set evaluation.
type GoldReport struct {
	// Mentions scores exact mention spans and types (per type and micro).
	Mentions *conll.Report
	// LinkPairs counts pairs of correctly found mentions in one document;
	// LinkCorrect those on which the system agrees with the gold (same
	// entity exactly when the same gold key).
	LinkPairs, LinkCorrect int
	// Keys counts gold identities found at least once; KeysStable those
	// whose found mentions all got one system key, used by no other gold
	// identity, across the whole set.
	Keys, KeysStable int
	// Errors lists missed (-) and spurious (+) mentions, for inspection.
	Errors []string
}

// LinkAccuracy is LinkCorrect/LinkPairs (1 when there are no pairs).
func (g *GoldReport) LinkAccuracy() float64 {
	if g.LinkPairs == 0 {
		return 1
	}
	return float64(g.LinkCorrect) / float64(g.LinkPairs)
}

// KeyAccuracy is KeysStable/Keys (1 when there are no keys).
func (g *GoldReport) KeyAccuracy() float64 {
	if g.Keys == 0 {
		return 1
	}
	return float64(g.KeysStable) / float64(g.Keys)
}

// String formats the report.
func (g *GoldReport) String() string {
	return fmt.Sprintf("%slinking: %d/%d mention pairs (%.4f); archive keys: %d/%d gold identities stable (%.4f)\n",
		g.Mentions, g.LinkCorrect, g.LinkPairs, g.LinkAccuracy(), g.KeysStable, g.Keys, g.KeyAccuracy())
}

// EvalGold annotates every gold document and scores mentions and linking.
func (r *Recognizer) EvalGold(ctx context.Context, docs []GoldDoc) (*GoldReport, error) {
	rep := &GoldReport{Mentions: conll.NewReport()}
	sysKeys := make(map[string]map[string]bool) // gold key → system keys
	for _, gd := range docs {
		doc := &marsad.Doc{ID: gd.Name, Text: gd.Text}
		if err := r.Annotate(ctx, doc); err != nil {
			return nil, err
		}
		var gold, pred []conll.Span
		for _, m := range gd.Mentions {
			gold = append(gold, conll.Span{Start: m.Start, End: m.End, Type: m.Type})
		}
		type hit struct {
			ent int
			key string
		}
		found := make(map[conll.Span]hit)
		for ei, e := range doc.Entities {
			for _, m := range e.Mentions {
				s := conll.Span{Start: m.Start, End: m.End, Type: e.Type}
				pred = append(pred, s)
				found[s] = hit{ent: ei, key: e.Key}
			}
		}
		rep.Mentions.AddSpans(gold, pred)
		goldSet := make(map[conll.Span]bool)
		type matched struct {
			goldKey string
			ent     int
		}
		var ok []matched
		for _, m := range gd.Mentions {
			s := conll.Span{Start: m.Start, End: m.End, Type: m.Type}
			goldSet[s] = true
			h, hit := found[s]
			if !hit {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s - %s %q", gd.Name, m.Type, m.Text))
				continue
			}
			ok = append(ok, matched{goldKey: m.Key, ent: h.ent})
			if sysKeys[m.Key] == nil {
				sysKeys[m.Key] = make(map[string]bool)
			}
			sysKeys[m.Key][h.key] = true
		}
		for s := range found {
			if !goldSet[s] {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s + %s %q", gd.Name, s.Type, gd.Text[s.Start:s.End]))
			}
		}
		for i := range ok {
			for j := i + 1; j < len(ok); j++ {
				rep.LinkPairs++
				if (ok[i].goldKey == ok[j].goldKey) == (ok[i].ent == ok[j].ent) {
					rep.LinkCorrect++
				}
			}
		}
	}
	owners := make(map[string]int) // system key → number of gold keys using it
	for _, ks := range sysKeys {
		for k := range ks {
			owners[k]++
		}
	}
	for _, ks := range sysKeys {
		rep.Keys++
		if len(ks) == 1 {
			for k := range ks {
				if owners[k] == 1 {
					rep.KeysStable++
				}
			}
		}
	}
	slices.Sort(rep.Errors)
	return rep, nil
}
