package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/arabic"
)

var kindNames = map[arabic.Kind]string{
	arabic.KindArabic: "arabic", arabic.KindLatin: "latin", arabic.KindNumber: "number",
	arabic.KindPunct: "punct", arabic.KindQuote: "quote", arabic.KindURL: "url",
	arabic.KindEmail: "email", arabic.KindHashtag: "hashtag", arabic.KindSymbol: "symbol",
}

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: marsad analyze TEXT|-\n\nPrints one line per token: kind, byte offsets, text, normalized form, clitic segments and search stem.")
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var text string
	switch {
	case fs.NArg() == 0 || (fs.NArg() == 1 && fs.Arg(0) == "-"):
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
		text = string(b)
	default:
		text = strings.Join(fs.Args(), " ")
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tSTART\tEND\tTEXT\tNORM\tSEGMENTS\tSTEM")
	for _, a := range arabic.Analyze(text) {
		segs := make([]string, 0, len(a.Segments))
		for _, m := range a.Segments {
			s := m.Text
			switch m.Role {
			case arabic.RolePrefix:
				s += "+"
			case arabic.RoleSuffix:
				s = "+" + s
			}
			segs = append(segs, s)
		}
		seg := strings.Join(segs, " ")
		if seg == "" {
			seg = "-"
		}
		stem := a.Stem
		if stem == "" {
			stem = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", kindNames[a.Kind], a.Start, a.End, a.Text, a.Norm, seg, stem)
	}
	return tw.Flush()
}
