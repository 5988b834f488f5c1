package quote

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/marsad-project/marsad"
)

// Options tune the extractor. The zero value is ready to use.
type Options struct {
	// NoIndirect turns off indirect speech (قال إن …).
	NoIndirect bool
	// ScareMaxWords is the largest quoted phrase, in words, taken for a
	// scare quote when no reporting cue introduces it. Zero means 2.
	ScareMaxWords int
	// KeepUncued reports quoted passages of five words or more that no
	// reporting cue introduces, with no speaker. By default they are set
	// apart (SkipUncued): in news they are mostly titles and names.
	KeepUncued bool
	// IndirectWindow is how many words may stand between a reporting verb
	// (or its subject) and the إن/أن that opens indirect speech. Zero
	// means 16.
	IndirectWindow int
}

func (o Options) withDefaults() Options {
	if o.ScareMaxWords == 0 {
		o.ScareMaxWords = 2
	}
	if o.IndirectWindow == 0 {
		o.IndirectWindow = 16
	}
	return o
}

// Extractor finds quotations and their speakers. It is safe for
// concurrent use.
type Extractor struct {
	opt Options
	lx  *lexicon
	err error
}

var _ marsad.Annotator = (*Extractor)(nil)

// New returns an extractor with the given options.
func New(opt Options) *Extractor {
	lx, err := loadLexicon()
	return &Extractor{opt: opt.withDefaults(), lx: lx, err: err}
}

// Skip reasons for quoted text that is not a quotation.
const (
	SkipScare  = "scare"  // one or two quoted words with no cue ("دور")
	SkipTitle  = "title"  // a quoted name of a work, operation or body ("عاصفة الحزم")
	SkipUncued = "uncued" // a longer quoted passage that no reporting cue introduces
)

// uncuedMinWords is the shortest uncued passage reported with KeepUncued.
const uncuedMinWords = 5

// Skipped is quoted text that the extractor did not take for a quotation.
type Skipped struct {
	marsad.Span
	Text   string
	Reason string // SkipScare or SkipTitle
}

// Result is what the extractor found in one document.
type Result struct {
	Quotes  []marsad.Quote
	Skipped []Skipped
}

// Annotate fills doc.Quotes. It reads doc.Entities, when present, to link
// speakers to entity ids.
func (x *Extractor) Annotate(ctx context.Context, doc *marsad.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	res, err := x.Analyze(doc)
	if err != nil {
		return err
	}
	doc.Quotes = append(doc.Quotes, res.Quotes...)
	return nil
}

// Analyze returns the quotations of doc and the quoted text set apart as
// scare quotes or titles, without changing doc.
func (x *Extractor) Analyze(doc *marsad.Doc) (Result, error) {
	if x.err != nil {
		return Result{}, fmt.Errorf("quote: load lexicon: %w", x.err)
	}
	a := newAnalysis(x, doc)
	a.run()
	sort.SliceStable(a.res.Quotes, func(i, j int) bool { return a.res.Quotes[i].Start < a.res.Quotes[j].Start })
	sort.SliceStable(a.res.Skipped, func(i, j int) bool { return a.res.Skipped[i].Start < a.res.Skipped[j].Start })
	return a.res, nil
}

// speaker is a resolved speaker shared by every quotation it is given.
type speaker struct {
	text       string // as written, or the antecedent's text for a back-reference
	start, end int    // byte span of the words in the text; -1 when carried
	feat       feat   // gender from the cue that introduced it
	plural     bool   // the noun is plural (المسؤولون, مصادر)
	entity     string // linked entity id
	anonymous  bool   // passive cue: no speaker is named
}

// unit kinds of a sentence: words, punctuation and whole quotations.
type unitKind uint8

const (
	uWord unitKind = iota
	uQuote
	uComma
	uColon
	uOther
)

type unit struct {
	kind unitKind
	tok  int // token index (uWord, uComma, uColon, uOther)
	q    int // quotation index (uQuote)
}

// quote classes.
const (
	qReal = iota
	qScare
	qTitle
)

// analysis is the state of one Analyze call.
type analysis struct {
	x         *Extractor
	lx        *lexicon
	doc       *marsad.Doc
	text      string
	toks      []tok
	qs        []qspan
	qclass    []int
	qwords    []int
	units     []unit
	sents     [][2]int // unit ranges
	titleEnd  int      // byte end of the headline; 0 when none
	history   []*speaker
	statement *speaker
	lastQuote struct {
		sp   *speaker
		para int
	}
	// intro is a cue ending its sentence with a colon, waiting for the
	// quotation that opens the next paragraph.
	intro struct {
		sp   *speaker
		cue  string
		para int
		ok   bool
	}
	paraOf   []int // paragraph index per unit
	deferred []int // headline quotations awaiting the body's speakers
	res      Result
}

func newAnalysis(x *Extractor, doc *marsad.Doc) *analysis {
	a := &analysis{x: x, lx: x.lx, doc: doc, text: doc.Text}
	if doc.Title != "" && strings.HasPrefix(doc.Text, doc.Title) {
		a.titleEnd = len(doc.Title)
	}
	return a
}

func (a *analysis) run() {
	a.toks = scan(a.text)
	a.qs = pairQuotes(a.text, a.toks)
	a.buildUnits()
	a.classify()
	for si := range a.sents {
		a.sentence(si)
	}
	a.headline()
}

// buildUnits collapses quotations into single units and splits sentences
// at sentence-final punctuation and paragraph breaks outside quotations.
func (a *analysis) buildUnits() {
	qi := 0
	sentStart := 0
	para := 0
	for i := 0; i < len(a.toks); i++ {
		if qi < len(a.qs) && i == a.qs[qi].open {
			a.units = append(a.units, unit{kind: uQuote, q: qi})
			a.paraOf = append(a.paraOf, para)
			if c := a.qs[qi].close; c >= 0 {
				i = c
			} else {
				// Runs to a paragraph end: resume at the break token.
				for i+1 < len(a.toks) && a.toks[i+1].start < a.qs[qi].end {
					i++
				}
			}
			qi++
			continue
		}
		t := a.toks[i]
		switch t.kind {
		case tWord:
			a.units = append(a.units, unit{kind: uWord, tok: i})
		case tComma:
			a.units = append(a.units, unit{kind: uComma, tok: i})
		case tColon:
			a.units = append(a.units, unit{kind: uColon, tok: i})
		case tMark, tOther:
			a.units = append(a.units, unit{kind: uOther, tok: i})
		case tEnd, tPara:
			if len(a.units) > sentStart {
				a.sents = append(a.sents, [2]int{sentStart, len(a.units)})
			}
			sentStart = len(a.units)
			if t.kind == tPara {
				para++
			}
			continue
		}
		a.paraOf = append(a.paraOf, para)
	}
	if len(a.units) > sentStart {
		a.sents = append(a.sents, [2]int{sentStart, len(a.units)})
	}
}

// word returns the folded word of unit u, or "" when it is not a word.
func (a *analysis) word(u int) string {
	if u < 0 || u >= len(a.units) || a.units[u].kind != uWord {
		return ""
	}
	return a.toks[a.units[u].tok].key
}

// classify marks each quotation real, scare or title from its length and
// the word before it.
func (a *analysis) classify() {
	a.qclass = make([]int, len(a.qs))
	a.qwords = make([]int, len(a.qs))
	unitOf := make([]int, len(a.qs))
	for ui, u := range a.units {
		if u.kind == uQuote {
			unitOf[u.q] = ui
		}
	}
	for qi, q := range a.qs {
		n := len(words(a.text[q.start:q.end]))
		a.qwords[qi] = n
		ui := unitOf[qi]
		prev := a.word(ui - 1)
		if prev != "" && a.isTitleNoun(prev) && n <= 6 {
			a.qclass[qi] = qTitle
			continue
		}
		// A short quoted name followed by أن/إن is the subject of a
		// reporting verb (أكدت «رويترز» أن …), not a quotation.
		if n <= 5 && ui+1 < len(a.units) && a.lx.complementizer[a.word(ui+1)] {
			a.qclass[qi] = qTitle
			continue
		}
		if n > a.x.opt.ScareMaxWords {
			continue
		}
		a.qclass[qi] = qScare
		switch {
		case ui > 0 && a.units[ui-1].kind == uColon:
			a.qclass[qi] = qReal
		case prev != "":
			if _, ok := a.lx.cueOf(prev); ok {
				a.qclass[qi] = qReal
			} else if (prev == "و" || prev == "او") && ui >= 2 && a.units[ui-2].kind == uQuote && a.qclass[a.units[ui-2].q] == qReal {
				a.qclass[qi] = qReal
			}
		case ui > 0 && a.units[ui-1].kind == uQuote && a.qclass[a.units[ui-1].q] == qReal:
			// و"…" glued to the previous quotation: the و is inside the mark's token run.
			a.qclass[qi] = qReal
		}
		if a.qclass[qi] == qScare && endsSentence(a.text[q.start:q.end]) {
			a.qclass[qi] = qReal
		}
	}
	for qi, c := range a.qclass {
		if c == qReal {
			continue
		}
		reason := SkipScare
		if c == qTitle {
			reason = SkipTitle
		}
		q := a.qs[qi]
		a.res.Skipped = append(a.res.Skipped, Skipped{Span: marsad.Span{Start: q.start, End: q.end}, Text: a.text[q.start:q.end], Reason: reason})
	}
}

// isTitleNoun reports whether w (folded) names a work, operation or body
// whose quoted name follows.
func (a *analysis) isTitleNoun(w string) bool {
	if in(a.lx.title, w) {
		return true
	}
	s := stripConj(w)
	for _, p := range []string{"ب", "ل"} {
		if strings.HasPrefix(s, p) && a.lx.title[s[len(p):]] {
			return true
		}
	}
	return false
}

// endsSentence reports whether a quoted passage ends with sentence
// punctuation, as a short full utterance does ("لا.").
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "?")
}
