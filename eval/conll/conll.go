// Package conll reads CoNLL-style token/tag files and scores entity spans
// the way the CoNLL-2003 shared task (conlleval) does: an entity counts as
// found only when its type and its exact token range match; precision,
// recall and F1 are reported per type and micro-averaged over all
// entities.
//
// Input is one token per line with its tag in the last column (columns
// separated by white space), sentences separated by blank lines. Tags may
// be BIO (B-PER, I-PER, O), IO (I-PER, O) or IOB1; "-DOCSTART-" lines are
// skipped.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Token is one token with its tag.
type Token struct {
	Text string
	Tag  string
}

// Sentence is a sequence of tokens.
type Sentence []Token

// Tags returns the tags of the sentence.
func (s Sentence) Tags() []string {
	out := make([]string, len(s))
	for i, t := range s {
		out[i] = t.Tag
	}
	return out
}

// Words returns the token texts of the sentence.
func (s Sentence) Words() []string {
	out := make([]string, len(s))
	for i, t := range s {
		out[i] = t.Text
	}
	return out
}

// Read parses CoNLL input. Lines with a single column get the tag "O".
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if f[0] == "-DOCSTART-" {
			continue
		}
		tag := "O"
		if len(f) > 1 {
			tag = f[len(f)-1]
		}
		if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") &&
			!strings.HasPrefix(tag, "E-") && !strings.HasPrefix(tag, "S-") {
			return nil, fmt.Errorf("line %d: bad tag %q", line, tag)
		}
		cur = append(cur, Token{Text: f[0], Tag: tag})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// Write writes sentences as "token TAG" lines with a blank line between
// sentences.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, t := range s {
			fmt.Fprintf(bw, "%s %s\n", t.Text, t.Tag)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write conll: %w", err)
	}
	return nil
}

// Span is an entity over tokens [Start, End) of a sentence.
type Span struct {
	Start, End int
	Type       string
}

// CanonicalType maps tag-set variants to Marsad's types: PERS and PERSON
// to PER, ORGANIZATION to ORG, LOCATION and GPE to LOC. Others are kept.
func CanonicalType(t string) string {
	switch strings.ToUpper(t) {
	case "PERS", "PERSON", "PER":
		return "PER"
	case "ORGANIZATION", "ORGANISATION", "ORG":
		return "ORG"
	case "LOCATION", "GPE", "LOC":
		return "LOC"
	case "MISC":
		return "MISC"
	}
	return t
}

// Spans returns the entities of a tag sequence, conlleval style: an entity
// starts at B-X (or S-X), or at I-X/E-X not continuing an entity of type X,
// and ends before O, B-, S- or a tag of another type (after E- or S-).
// Types are passed through [CanonicalType].
func Spans(tags []string) []Span {
	var out []Span
	cur := -1
	curType := ""
	closeAt := func(i int) {
		if cur >= 0 {
			out = append(out, Span{Start: cur, End: i, Type: curType})
			cur = -1
		}
	}
	for i, tag := range tags {
		if tag == "O" || len(tag) < 2 {
			closeAt(i)
			continue
		}
		prefix, typ := tag[:1], CanonicalType(tag[2:])
		switch prefix {
		case "B", "S":
			closeAt(i)
			cur, curType = i, typ
		case "I", "E":
			if cur < 0 || typ != curType {
				closeAt(i)
				cur, curType = i, typ
			}
		default:
			closeAt(i)
			continue
		}
		if prefix == "E" || prefix == "S" {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return out
}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 0 when there is nothing to find.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Report holds per-type and micro-averaged counts.
type Report struct {
	Types map[string]*Counts
	Micro Counts
	// Sentences counts the scored sentences (or documents, when scored
	// with AddSpans only) and Tokens their tokens.
	Sentences, Tokens int
}

// NewReport returns an empty report.
func NewReport() *Report { return &Report{Types: make(map[string]*Counts)} }

// AddSpans scores one sentence's predicted spans against the gold ones.
func (r *Report) AddSpans(gold, pred []Span) {
	r.Sentences++
	g := make(map[Span]bool, len(gold))
	for _, s := range gold {
		g[s] = true
	}
	p := make(map[Span]bool, len(pred))
	for _, s := range pred {
		p[s] = true
	}
	for s := range g {
		c := r.typ(s.Type)
		if p[s] {
			c.TP++
		} else {
			c.FN++
		}
	}
	for s := range p {
		if !g[s] {
			r.typ(s.Type).FP++
		}
	}
	r.Micro = Counts{}
	for _, c := range r.Types {
		r.Micro.add(*c)
	}
}

// Add scores one sentence given gold and predicted tag sequences of equal
// length.
func (r *Report) Add(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("conll: %d gold tags but %d predicted", len(gold), len(pred))
	}
	r.Tokens += len(gold)
	r.AddSpans(Spans(gold), Spans(pred))
	return nil
}

func (r *Report) typ(t string) *Counts {
	c := r.Types[t]
	if c == nil {
		c = &Counts{}
		r.Types[t] = c
	}
	return c
}

// String formats the report: a summary line (micro-F1, precision,
// recall), then a table with one row per type and the micro row.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "micro-F1 %.4f (precision %.4f, recall %.4f)\n", r.Micro.F1(), r.Micro.Precision(), r.Micro.Recall())
	fmt.Fprintf(&b, "%-6s %6s %6s %6s %9s %9s %9s\n", "type", "tp", "fp", "fn", "precision", "recall", "f1")
	types := make([]string, 0, len(r.Types))
	for t := range r.Types {
		types = append(types, t)
	}
	slices.Sort(types)
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-6s %6d %6d %6d %9.4f %9.4f %9.4f\n", name, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range types {
		row(t, *r.Types[t])
	}
	row("micro", r.Micro)
	if r.Tokens > 0 {
		fmt.Fprintf(&b, "sentences %d, tokens %d\n", r.Sentences, r.Tokens)
	} else {
		fmt.Fprintf(&b, "documents %d\n", r.Sentences)
	}
	return b.String()
}
