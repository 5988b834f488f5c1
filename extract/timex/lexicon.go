package timex

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexicon holds the folded word tables of the grammar. It is built once
// from the embedded data files and never changed afterwards.
type lexicon struct {
	months     map[string]int    // single-word Gregorian month names
	months2    map[[2]string]int // two-word names (كانون الثاني)
	hijri      map[string]int
	hijri2     map[[2]string]int
	weekdays   map[string]int
	numbers    map[string]numWord
	monthTrad  map[string]string
	multiFirst map[string]bool // first words of two-word month names
}

// numWord is one entry of numbers.txt.
type numWord struct {
	value float64
	class string
}

// lex returns the shared, immutable lexicon.
var lex = sync.OnceValue(func() *lexicon {
	l := &lexicon{
		months:     map[string]int{},
		months2:    map[[2]string]int{},
		hijri:      map[string]int{},
		hijri2:     map[[2]string]int{},
		weekdays:   map[string]int{},
		numbers:    map[string]numWord{},
		monthTrad:  map[string]string{},
		multiFirst: map[string]bool{},
	}
	must(readTable("lexicon/months.txt", 3, func(f []string) error {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		w := strings.Fields(fold(f[0]))
		if len(w) == 2 {
			l.months2[[2]string{w[0], w[1]}] = n
			l.multiFirst[w[0]] = true
		} else {
			l.months[w[0]] = n
		}
		l.monthTrad[fold(f[0])] = f[2]
		return nil
	}))
	must(readTable("lexicon/hijri.txt", 2, func(f []string) error {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		w := strings.Fields(fold(f[0]))
		if len(w) == 2 {
			l.hijri2[[2]string{w[0], w[1]}] = n
			l.multiFirst[w[0]] = true
		} else {
			l.hijri[w[0]] = n
		}
		return nil
	}))
	must(readTable("lexicon/weekdays.txt", 2, func(f []string) error {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		l.weekdays[fold(f[0])] = n
		return nil
	}))
	must(readTable("lexicon/numbers.txt", 3, func(f []string) error {
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		l.numbers[fold(f[0])] = numWord{v, f[2]}
		return nil
	}))
	return l
})

func must(err error) {
	if err != nil {
		panic(err) // the embedded tables are part of the program
	}
}

// readTable calls fn with the tab-separated fields of every non-comment
// line of an embedded lexicon file.
func readTable(name string, nfields int, fn func([]string) error) error {
	f, err := lexiconFS.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) != nfields {
			return fmt.Errorf("%s:%d: want %d fields, got %d", name, line, nfields, len(fields))
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
