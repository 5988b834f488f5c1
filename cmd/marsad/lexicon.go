package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/marsad-project/marsad/extract/entity"
)

const lexiconUsage = `Usage:
  marsad lexicon import-geonames [-o OUT.tsv] FILE|-
      convert a GeoNames cities or alternate-names file into an entity
      lexicon (TSV) that --lexicons DIR loads`

func runLexicon(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "import-geonames" {
		fmt.Fprintln(e.stderr, lexiconUsage)
		return fmt.Errorf("%w: want import-geonames", errUsage)
	}
	fs := flag.NewFlagSet("lexicon import-geonames", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("o", "-", "output `FILE` (- for standard output)")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: import-geonames takes one input file", errUsage)
	}
	var in io.Reader = e.stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("open %s: %w", name, err)
		}
		defer f.Close()
		in = f
	}
	if *out == "-" {
		return importGeoNames(in, e.stdout, fs.Arg(0))
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("create %s: %w", *out, err)
	}
	if err := importGeoNames(in, f, fs.Arg(0)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	return nil
}

func importGeoNames(in io.Reader, out io.Writer, name string) error {
	bw := bufio.NewWriter(out)
	if err := entity.ImportGeoNames(in, bw); err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	return bw.Flush()
}
