package main

import (
	"fmt"
	"log/slog"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract"
	"github.com/marsad-project/marsad/extract/entity"
	"github.com/marsad-project/marsad/extract/quantity"
	"github.com/marsad-project/marsad/extract/quote"
	"github.com/marsad-project/marsad/extract/timex"
	"github.com/marsad-project/marsad/source"
	"github.com/marsad-project/marsad/source/all"
)

// sourceOptions returns the reader options with every format Marsad ships.
func sourceOptions() source.Options {
	return all.WithOpeners(source.Options{})
}

// pipelineConfig selects and configures the extractors.
type pipelineConfig struct {
	lexiconDir string // extra entity lexicons
	log        *slog.Logger
}

// newPipeline wires the extractors in the order they depend on each other:
// times, then quantities (which leave dates and times alone), then entities,
// then quotes (speakers are entities). It also returns the entity
// recognizer, which writes CoNLL output.
func newPipeline(cfg pipelineConfig) (*extract.Pipeline, *entity.Recognizer, error) {
	rec, err := entity.New(entity.Options{LexiconDir: cfg.lexiconDir, Logger: cfg.log})
	if err != nil {
		return nil, nil, fmt.Errorf("load entity lexicons: %w", err)
	}
	return extract.NewPipeline(
		extract.Stage{Name: "times", Fills: marsad.Fields{Times: true}, Annotator: timex.New(timex.DefaultOptions())},
		extract.Stage{Name: "quantities", Fills: marsad.Fields{Quantities: true}, Annotator: quantity.New()},
		extract.Stage{Name: "entities", Fills: marsad.Fields{Entities: true}, Annotator: rec},
		extract.Stage{Name: "quotes", Fills: marsad.Fields{Quotes: true}, Annotator: quote.New(quote.Options{})},
	), rec, nil
}
