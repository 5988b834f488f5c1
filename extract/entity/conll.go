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
// from doc.Entities in annotation convention conv), one blank line after
// each sentence. Tokens come from arabic.Tokenize; sentences from
// doc.Sentences, or arabic.Sentences when the document has none.
func (r *Recognizer) WriteCoNLL(w io.Writer, doc *marsad.Doc, conv Convention) error {
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
	tags := tagTokens(starts, ends, r.apply(conv, doc.Text, mentionSpans(doc)))
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
// single spaces, and each word gets the BIO tag of the mention it overlaps
// in annotation convention conv.
func (r *Recognizer) TagWords(ctx context.Context, words []string, conv Convention) ([]string, error) {
	tags, err := r.TagSentences(ctx, [][]string{words}, conv)
	if err != nil {
		return nil, err
	}
	return tags[0], nil
}

// TagSentences tags consecutive sentences of one document, each given as
// words: the text is the words joined by single spaces, one sentence a
// line, so that names found in one sentence are linked to their partial
// mentions in the others (جو بايدن … بايدن), as in [Recognizer.Annotate]
// of a whole article. Each word gets the BIO tag of the mention it
// overlaps in annotation convention conv.
func (r *Recognizer) TagSentences(ctx context.Context, sents [][]string, conv Convention) ([][]string, error) {
	var b strings.Builder
	var starts, ends []int
	for k, words := range sents {
		if k > 0 {
			b.WriteByte('\n')
		}
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts = append(starts, b.Len())
			b.WriteString(w)
			ends = append(ends, b.Len())
		}
	}
	doc := &marsad.Doc{Text: b.String()}
	if err := r.Annotate(ctx, doc); err != nil {
		return nil, err
	}
	all := tagTokens(starts, ends, r.apply(conv, doc.Text, mentionSpans(doc)))
	out := make([][]string, len(sents))
	for k, words := range sents {
		out[k], all = all[:len(words)], all[len(words):]
	}
	return out, nil
}

// conllWindow is how many consecutive sentences [Recognizer.EvalCoNLL]
// reads as one document. CoNLL files such as ANERcorp keep the sentences
// of an article together but do not mark where articles end; a window of
// this size stands for an article.
const conllWindow = 20

// EvalCoNLL tags every sentence of a CoNLL file (token TAG, BIO or IO) with
// the recognizer and scores it against the file's tags in the CoNLL-2003
// convention. Gold types PERS/PERSON are read as PER. Consecutive
// sentences are read together as one document ([Recognizer.TagSentences]),
// conllWindow sentences at a time. The recognizer's mentions are tagged in
// annotation convention conv (see [Convention]).
func (r *Recognizer) EvalCoNLL(ctx context.Context, in io.Reader, conv Convention) (*conll.Report, error) {
	sents, err := conll.Read(in)
	if err != nil {
		return nil, err
	}
	rep := conll.NewReport()
	for lo := 0; lo < len(sents); lo += conllWindow {
		win := sents[lo:min(lo+conllWindow, len(sents))]
		words := make([][]string, len(win))
		for k, s := range win {
			words[k] = s.Words()
		}
		pred, err := r.TagSentences(ctx, words, conv)
		if err != nil {
			return nil, err
		}
		for k, s := range win {
			if err := rep.Add(s.Tags(), pred[k]); err != nil {
				return nil, err
			}
		}
	}
	return rep, nil
}
