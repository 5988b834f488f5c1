// Package arabic is Marsad's Arabic text core: normalization with an offset
// map back to the original, tokenization with byte offsets, sentence
// splitting, clitic segmentation, a light stemmer for search, and number
// words. It does no I/O and depends on nothing else in Marsad, so other
// projects can import it.
package arabic
