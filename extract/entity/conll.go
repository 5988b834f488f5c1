package entity

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/eval/conll"
)

// typedSpan is a mention span with its entity type.
type typedSpan struct {
	marsad.Span
	typ string
}

// mentionSpans returns every mention of doc with its type, by start.
func mentionSpans(doc *marsad.Doc) []typedSpan {
	var out []typedSpan
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			out = append(out, typedSpan{Span: m.Span, typ: e.Type})
		}
	}
	slices.SortFunc(out, func(a, b typedSpan) int { return a.Start - b.Start })
	return out
}

// tagTokens gives each token span a BIO tag from the mentions: a token
// that overlaps a mention is tagged with its type, B- on the first token
// of the mention.
func tagTokens(starts, ends []int, spans []typedSpan) []string {
	tags := make([]string, len(starts))
	m := 0
	prev := -1 // index of the mention that tagged the previous token
	for i := range starts {
		tags[i] = "O"
		for m < len(spans) && spans[m].End <= starts[i] {
			m++
		}
		if m < len(spans) && spans[m].Start < ends[i] {
			if prev == m {
				tags[i] = "I-" + spans[m].typ
			} else {
				tags[i] = "B-" + spans[m].typ
			}
			prev = m
		} else {
			prev = -1
		}
	}
	return tags
}

// WriteCoNLL writes doc as token-per-line CoNLL ("token TAG", BIO tags
// from doc.Entities), one blank line after each sentence. Tokens come from
// arabic.Tokenize; sentences from doc.Sentences, or arabic.Sentences when
// the document has none.
func WriteCoNLL(w io.Writer, doc *marsad.Doc) error {
	toks := arabic.Tokenize(doc.Text)
	sents := doc.Sentences
	if len(sents) == 0 {
		for _, s := range arabic.Sentences(doc.Text) {
			sents = append(sents, marsad.Span{Start: s.Start, End: s.End})
		}
	}
	starts := make([]int, len(toks))
	ends := make([]int, len(toks))
	for i, t := range toks {
		starts[i], ends[i] = t.Start, t.End
	}
	tags := tagTokens(starts, ends, mentionSpans(doc))
	bw := bufio.NewWriter(w)
	s := 0
	open := false
	for i, t := range toks {
		for s < len(sents) && sents[s].End <= t.Start {
			if open {
				bw.WriteByte('\n')
				open = false
			}
			s++
		}
		text := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return '_'
			}
			return r
		}, t.Text)
		fmt.Fprintf(bw, "%s %s\n", text, tags[i])
		open = true
	}
	if open {
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write conll %s: %w", doc.ID, err)
	}
	return nil
}

// TagWords tags a sentence given as words: the text is the words joined by
// single spaces, and each word gets the BIO tag of the mention it overlaps.
func (r *Recognizer) TagWords(ctx context.Context, words []string) ([]string, error) {
	var b strings.Builder
	starts := make([]int, len(words))
	ends := make([]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(w)
		ends[i] = b.Len()
	}
	doc := &marsad.Doc{Text: b.String()}
	if err := r.Annotate(ctx, doc); err != nil {
		return nil, err
	}
	return tagTokens(starts, ends, mentionSpans(doc)), nil
}

// EvalCoNLL tags every sentence of a CoNLL file (token TAG, BIO or IO) with
// the recognizer and scores it against the file's tags in the CoNLL-2003
// convention. Gold types PERS/PERSON are read as PER.
func (r *Recognizer) EvalCoNLL(ctx context.Context, in io.Reader) (*conll.Report, error) {
	sents, err := conll.Read(in)
	if err != nil {
		return nil, err
	}
	rep := conll.NewReport()
	for _, s := range sents {
		pred, err := r.TagWords(ctx, s.Words())
		if err != nil {
			return nil, err
		}
		if err := rep.Add(s.Tags(), pred); err != nil {
			return nil, err
		}
	}
	return rep, nil
}
