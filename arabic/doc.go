// Package arabic is Marsad's Arabic text core: normalization with an offset
// map back to the original, tokenization with byte offsets, sentence
// splitting, clitic segmentation, a light stemmer for search, and number
// words. It does no I/O and depends on nothing else in Marsad, so other
// projects can import it.
//
// # Offsets
//
// Every offset is a byte offset into the string that was passed in, end
// exclusive, and falls on a rune boundary. Analysis never rewrites the
// text it reports on: tokens carry both their original Text and their
// normalized Norm, and [Normalize] returns an [OffsetMap] from normalized
// offsets back to the original, so snippets and highlights are always cut
// from the original text.
//
// # One analysis for search and extraction
//
//   - [Normalize] / [NormalizeString] with [SearchOptions] (matching,
//     indexing) or [DisplayOptions] (names shown to people).
//   - [Tokenize]: words, numbers, punctuation, quote marks, URLs, e-mail
//     addresses and hashtags in one pass.
//   - [Sentences]: sentence spans that respect numbers, abbreviations and
//     open quotations.
//   - [Segment]: clitics and stem of a word (و+ب+بغداد is not ب+غداد).
//   - [Stem]: a light stemmer in the light10 family, with the known
//     failures fixed (see the function's documentation).
//   - [NumberWords] and [ParseNumber]: values of numbers written in words
//     or digits.
//   - [Analyze] and [SearchTerms] combine them; the full-text index uses
//     SearchTerms for documents and queries alike.
//
// # Data
//
// The protected-word list (data/protected.txt) and the number lexicon
// (data/numbers.txt) are embedded; each file documents its sources. Test
// cases live in testdata/ as TSV files; the peer suites of Lucene and bleve
// and the news corpora used by tests and benchmarks are read from
// ../shared when it exists (see the repository README).
package arabic
