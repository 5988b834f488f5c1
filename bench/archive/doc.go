// Package archive benchmarks Marsad's archive (store/sqlite and pipeline)
// against bleve v2 with its stock "ar" analyzer on the same texts: ingest
// speed with and without extraction, search latency over a fixed set of
// queries drawn from the corpus, on-disk size against raw text size, and
// search quality (MRR, nDCG@10) on queries of our own judged by reading.
//
// Run everything in one go (it reads ../shared/corpora and skips when it
// is absent):
//
//	cd bench && go test ./archive -run '^$' -bench Archive -benchtime 1x -timeout 2h
//
// MARSAD_BENCH_LIMIT=N reads only the first N articles of each corpus, for
// quick runs; MARSAD_BENCH_EXTRACT_LIMIT=N caps the extraction run the
// same way (default: the same articles as the other runs).
package archive
