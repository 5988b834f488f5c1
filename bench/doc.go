// Package bench compares Marsad's Arabic analysis with bleve's stock "ar"
// analyzer on the same news texts. It is a separate module so that the
// product does not depend on bleve; run it on demand:
//
//	cd bench && go test -run '^$' -bench . -benchtime 3x
//
// The corpora are read from ../shared/corpora next to the repository
// root; the benchmarks skip when they are absent.
package bench
