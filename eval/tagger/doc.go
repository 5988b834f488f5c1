// Package tagger is an evaluation-only statistical sequence tagger: a
// structured averaged perceptron with first-order Viterbi decoding over
// BIO tags, in pure Go.
//
// It exists to MEASURE what a statistical tagger trained on an annotated
// corpus (ANERcorp's train split, read from ../shared at test time) adds
// over Marsad's rule-based recognizer (extract/entity), alone and with the
// rules' own BIO tags given to it as a feature. Models are trained in
// memory inside a test and thrown away: nothing trained is saved,
// committed or shipped, no word list or model file is derived from the
// corpus, and no production code imports this package.
//
// The features (see [DefaultFeatures]) are the word, its search-normalized
// form, its prefixes and suffixes of one to three letters, its
// clitic-stripped stem, the neighbouring words ±2, a word-shape class, an
// optional per-token "extra" column (the rule-based tag) with its
// neighbours, and the previous tag, which the model scores as a
// tag-to-tag transition weight used by Viterbi decoding.
package tagger
