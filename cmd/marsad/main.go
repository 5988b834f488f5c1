// Command marsad turns Arabic news into structured, searchable knowledge.
//
// Usage:
//
//	marsad extract [--format json|jsonl] [--published YYYY-MM-DD] [FILE ...|-]
//	marsad analyze TEXT|-
//
// Run `marsad help` for every command.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand: it parses its own flags and wires the parts.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env carries the process's streams so commands can be tested in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// errUsage marks a usage error (exit status 2).
var errUsage = errors.New("usage")

// errPartial marks a run where some inputs failed but the rest were processed
// (exit status 1, after a summary).
var errPartial = errors.New("some inputs failed")

func commands() map[string]command {
	return map[string]command{
		"extract": {"extract facts from articles and print them as JSON", runExtract},
		"analyze": {"show tokens, normalized forms, segments and stems of a text", runAnalyze},
		"ingest":  {"read sources, extract facts and store them in the archive", runIngest},
		"search":  {"search the archive (Arabic-aware full text, filters, facets)", runSearch},
		"reindex": {"rebuild the archive's full-text index with this version's analysis", runReindex},
		"compact": {"reclaim free space in the archive file", runCompact},
		"dupes":   {"list groups of articles that carry the same story", runDupes},
		"quotes":  {"list what a person or body said over time, from the archive", runQuotes},
		"eval":    {"score an extractor against a gold set (times, ner, entities, quotes)", runEval},
		"lexicon": {"manage entity lexicons (import-geonames)", runLexicon},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "marsad: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.stderr, "marsad %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, errPartial):
		fmt.Fprintf(e.stderr, "marsad %s: %v\n", args[0], err)
		return 1
	default:
		fmt.Fprintf(e.stderr, "marsad %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "marsad: Arabic news observatory")
	fmt.Fprintln(w, "\nUsage: marsad COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'marsad COMMAND -h' for a command's flags.")
}
