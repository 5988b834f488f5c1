package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/marsad-project/marsad/extract/entity"
	"github.com/marsad-project/marsad/extract/quote"
	"github.com/marsad-project/marsad/extract/timex"
)

const evalUsage = `Usage:
  marsad eval times GOLD          score dates and times against a gold file (JSONL, see extract/timex)
  marsad eval ner --conll FILE [--convention marsad|anercorp]
                                  score entity recognition on CoNLL input (token TAG, BIO or IO)
  marsad eval entities GOLD       score entity mentions and linking against a gold file or folder
  marsad eval quotes GOLD         score quotations and speakers against a gold file or folder`

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stderr, evalUsage)
		return fmt.Errorf("%w: which evaluation?", errUsage)
	}
	what, args := args[0], args[1:]
	fs := flag.NewFlagSet("eval "+what, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	conllFile := fs.String("conll", "", "CoNLL `FILE` (eval ner)")
	lexicons := fs.String("lexicons", "", "`DIR` of extra entity lexicons")
	convention := fs.String("convention", "marsad", "annotation convention `NAME` the recognizer's mentions are tagged in (eval ner): marsad or anercorp")
	fs.Usage = func() { fmt.Fprintln(e.stderr, evalUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	gold := fs.Arg(0)
	needGold := func() error {
		if fs.NArg() != 1 {
			return fmt.Errorf("%w: eval %s takes one GOLD path", errUsage, what)
		}
		return nil
	}
	recognizer := func() (*entity.Recognizer, error) {
		r, err := entity.New(entity.Options{LexiconDir: *lexicons, Logger: e.log})
		if err != nil {
			return nil, fmt.Errorf("load entity lexicons: %w", err)
		}
		return r, nil
	}
	switch what {
	case "times":
		if err := needGold(); err != nil {
			return err
		}
		rep, err := timex.Evaluate(ctx, gold)
		if err != nil {
			return err
		}
		return rep.Write(e.stdout)
	case "ner":
		if *conllFile == "" && fs.NArg() == 1 {
			*conllFile = gold
		}
		if *conllFile == "" {
			return fmt.Errorf("%w: eval ner needs --conll FILE", errUsage)
		}
		conv, err := entity.ParseConvention(*convention)
		if err != nil {
			return fmt.Errorf("%w: --convention: %v", errUsage, err)
		}
		r, err := recognizer()
		if err != nil {
			return err
		}
		var in io.Reader = e.stdin
		if *conllFile != "-" {
			f, err := os.Open(*conllFile)
			if err != nil {
				return fmt.Errorf("open %s: %w", *conllFile, err)
			}
			defer f.Close()
			in = f
		}
		rep, err := r.EvalCoNLL(ctx, in, conv)
		if err != nil {
			return fmt.Errorf("%s: %w", *conllFile, err)
		}
		_, err = fmt.Fprint(e.stdout, rep.String())
		return err
	case "entities":
		if err := needGold(); err != nil {
			return err
		}
		docs, err := readEntityGold(gold)
		if err != nil {
			return err
		}
		r, err := recognizer()
		if err != nil {
			return err
		}
		rep, err := r.EvalGold(ctx, docs)
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(e.stdout, rep.String())
		return err
	case "quotes":
		if err := needGold(); err != nil {
			return err
		}
		r, err := recognizer()
		if err != nil {
			return err
		}
		rep, err := quote.EvaluateWith(ctx, gold, quote.New(quote.Options{}), r)
		if err != nil {
			return err
		}
		return rep.Write(e.stdout)
	default:
		fmt.Fprintln(e.stderr, evalUsage)
		return fmt.Errorf("%w: unknown evaluation %q", errUsage, what)
	}
}

// readEntityGold reads an entity gold file or a folder of them.
func readEntityGold(path string) ([]entity.GoldDoc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	if st.IsDir() {
		return entity.ReadGoldDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	return entity.ReadGold(f, path)
}
