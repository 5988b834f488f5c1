// Package extract turns articles into analyzed documents and runs the
// annotators (times, quantities, entities, quotes, events) over them in a
// fixed order. The annotators live in sub-packages; this package only knows
// their order and which contract fields each one fills.
package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
)

// Stage is one annotator with the contract fields it fills.
type Stage struct {
	Name      string           // short name for logs and errors, e.g. "times"
	Fills     marsad.Fields    // contract fields the annotator fills
	Annotator marsad.Annotator // the work
}

// Pipeline runs stages in order over a document.
type Pipeline struct {
	stages []Stage
}

// NewPipeline returns a pipeline running the stages in the order given.
func NewPipeline(stages ...Stage) *Pipeline {
	return &Pipeline{stages: stages}
}

// Fields reports the contract fields the pipeline fills.
func (p *Pipeline) Fields() marsad.Fields {
	var f marsad.Fields
	for _, s := range p.stages {
		f.Entities = f.Entities || s.Fills.Entities
		f.Times = f.Times || s.Fills.Times
		f.Quantities = f.Quantities || s.Fills.Quantities
		f.Quotes = f.Quotes || s.Fills.Quotes
		f.Events = f.Events || s.Fills.Events
	}
	return f
}

// Run annotates doc with every stage. It stops at the first error, which
// names the stage and the document.
func (p *Pipeline) Run(ctx context.Context, doc *marsad.Doc) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Annotator.Annotate(ctx, doc); err != nil {
			return fmt.Errorf("%s on %s: %w", s.Name, doc.ID, err)
		}
	}
	return nil
}

// Annotate runs the pipeline, so that a Pipeline is itself a
// marsad.Annotator.
func (p *Pipeline) Annotate(ctx context.Context, doc *marsad.Doc) error { return p.Run(ctx, doc) }

// NewDoc builds the analyzed document of an article: the text is the title,
// a blank line and the body (a body whose first line repeats the title has
// already lost it in the reader), and sentences are split with the Arabic
// sentence splitter. The title is always a sentence of its own.
func NewDoc(a marsad.Article) *marsad.Doc {
	title := strings.TrimSpace(a.Title)
	body := strings.TrimSpace(a.Body)
	d := &marsad.Doc{ID: a.ID, Title: title, Published: a.Published, URL: a.URL, Source: a.Source}
	d.Text, d.BodyStart = marsad.DocText(title, body)
	if title != "" {
		d.Sentences = append(d.Sentences, marsad.Span{Start: 0, End: len(title)})
	}
	for _, s := range arabic.Sentences(d.Text[d.BodyStart:]) {
		d.Sentences = append(d.Sentences, marsad.Span{Start: d.BodyStart + s.Start, End: d.BodyStart + s.End})
	}
	return d
}
