package store

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/arabic"
)

// Term is one indexed unit of a text: the analyzed form of a token and the
// token's byte range in the original text.
type Term struct {
	Start, End int    // byte offsets into the analyzed text
	Text       string // the analyzed form: normalized, variant-folded, stemmed
}

//go:embed fold.txt
var foldData string

//go:embed stop.txt
var stopData string

// stopWords is the set of search-normalized words left out of the index.
var stopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(stopData) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
})

// IsStopWord reports whether a search-normalized, lower-case word is left
// out of the index.
func IsStopWord(norm string) bool { return stopWords()[norm] }

// folder is the spelling-variant replacer built once from fold.txt.
var folder = sync.OnceValue(func() *strings.Replacer {
	type pair struct{ from, to string }
	var pairs []pair
	for line := range strings.Lines(foldData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		if !ok {
			panic(fmt.Sprintf("store: fold.txt: no tab in %q", line))
		}
		pairs = append(pairs, pair{from, to})
	}
	// Longest variants first so that a longer spelling wins over a shorter
	// one starting at the same place.
	slices.SortStableFunc(pairs, func(a, b pair) int { return len(b.from) - len(a.from) })
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.from, p.to)
	}
	return strings.NewReplacer(args...)
})

// analysisProbe exercises every part of the analysis: normalization,
// clitics, stems, folding, stop words, numbers and Latin words.
const analysisProbe = `وقال الرئيسُ الأميركيّ ترمب إنّ للولايات المتحدة شراكةً ستراتيجية مع العراق،
والمسئولون الأوربيون واللاجئين في سنغافورة ومستشفيات بـ"انسحاب" ٢٠٢١ و2,500 عسكري
فايسبوك غوغل Google's COVID-19 #العراق_اليوم في من على إلى الذين`

// AnalysisVersion identifies the analysis: a hash of the terms it gives
// for a probe text. An index built under another version must be rebuilt
// (its terms no longer match the terms of queries).
var AnalysisVersion = sync.OnceValue(func() string {
	h := sha256.Sum256([]byte(strings.Join(AnalyzeTerms(analysisProbe), " ")))
	return hex.EncodeToString(h[:8])
})

// Fold applies the spelling-variant table to a search-normalized word.
func Fold(norm string) string { return folder().Replace(norm) }

// Analyze turns text into index terms: Arabic words are normalized,
// variant-folded and stemmed; Latin words are lower-cased; numbers keep
// their digits; stop words (stop.txt), punctuation, quote marks and
// symbols are dropped. The same
// function analyzes documents at indexing time and queries at search time.
func Analyze(text string) []Term {
	return (&Analyzer{}).Terms(arabic.Tokenize(text))
}

// maxCache bounds an Analyzer's cache; it is emptied when full.
const maxCache = 1 << 17

// Analyzer is [Analyze] with a cache of word analyses: news vocabulary is
// small next to its token count, so most words are analyzed once. An
// Analyzer is not safe for concurrent use; the zero value is ready.
type Analyzer struct {
	cache map[string]string // Arabic token Norm → term
}

// Terms analyzes tokenized text (from arabic.Tokenize).
func (z *Analyzer) Terms(toks []arabic.Token) []Term {
	out := make([]Term, 0, len(toks))
	for _, t := range toks {
		var s string
		if t.Kind == arabic.KindArabic {
			s = z.arabic(t.Norm)
		} else {
			s = termOf(t)
		}
		if s != "" {
			out = append(out, Term{Start: t.Start, End: t.End, Text: s})
		}
	}
	return out
}

func (z *Analyzer) arabic(norm string) string {
	if s, ok := z.cache[norm]; ok {
		return s
	}
	s := ""
	if !IsStopWord(norm) {
		s = arabicTerm(norm)
	}
	if z.cache == nil || len(z.cache) >= maxCache {
		z.cache = make(map[string]string, 1024)
	}
	z.cache[strings.Clone(norm)] = s
	return s
}

// AnalyzeTerms returns only the analyzed forms of [Analyze].
func AnalyzeTerms(text string) []string {
	terms := Analyze(text)
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Text
	}
	return out
}

// termOf analyzes one token; it returns "" for tokens that are not indexed.
func termOf(t arabic.Token) string {
	switch t.Kind {
	case arabic.KindArabic:
		if IsStopWord(t.Norm) {
			return ""
		}
		return arabicTerm(t.Norm)
	case arabic.KindLatin:
		w := strings.ToLower(t.Norm)
		if IsStopWord(w) {
			return ""
		}
		return clean(w)
	case arabic.KindNumber:
		return clean(t.Norm)
	case arabic.KindHashtag:
		w := strings.TrimLeft(t.Norm, "#")
		w = strings.ReplaceAll(w, "_", "")
		if r, _ := utf8.DecodeRuneInString(w); unicode.In(r, unicode.Arabic) {
			return arabicTerm(w)
		}
		return clean(strings.ToLower(w))
	}
	return ""
}

func arabicTerm(norm string) string {
	w := Fold(norm)
	s := arabic.Stem(w)
	if s == "" {
		s = w
	}
	return clean(Fold(s))
}

// clean keeps letters and digits only, so that the FTS tokenizer sees
// exactly one token per term.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// prefixTerm analyzes the typed start of a word for prefix search: it is
// normalized and folded but not stemmed (a stemmer would cut a partial
// word wrongly); a leading definite article or conjunction is dropped as
// the stemmer drops it from indexed words.
func prefixTerm(s string) string {
	toks := arabic.Tokenize(s)
	if len(toks) == 0 {
		return ""
	}
	t := toks[0]
	switch t.Kind {
	case arabic.KindArabic:
		w := Fold(t.Norm)
		for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال"} {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
				w = rest
				break
			}
		}
		return clean(w)
	case arabic.KindLatin, arabic.KindNumber:
		return clean(strings.ToLower(t.Norm))
	}
	return clean(strings.ToLower(t.Norm))
}

// Matcher is a query analyzed into index terms: what a backend matches
// and what highlighting marks in the original text.
type Matcher struct {
	Groups  [][]Pattern // all groups required; any pattern of a group
	Exclude []Pattern   // no pattern may match
}

// Pattern is an analyzed clause: one term, a sequence of adjacent terms
// (a phrase, or a word that analyzes into several tokens) or a prefix.
type Pattern struct {
	Terms  []string
	Prefix bool // a single term that matches any term it starts
}

// Compile analyzes the clauses of q. It fails when no clause has any
// searchable word left after analysis.
func Compile(q Query) (Matcher, error) {
	var m Matcher
	for _, g := range q.Groups {
		var pats []Pattern
		for _, c := range g {
			if p, ok := compileClause(c); ok {
				pats = append(pats, p)
			}
		}
		if len(pats) > 0 {
			m.Groups = append(m.Groups, pats)
		}
	}
	for _, c := range q.Exclude {
		if p, ok := compileClause(c); ok {
			m.Exclude = append(m.Exclude, p)
		}
	}
	if len(m.Groups) == 0 {
		return Matcher{}, fmt.Errorf("query %q: no searchable words", q.Raw)
	}
	return m, nil
}

func compileClause(c Clause) (Pattern, bool) {
	if c.Prefix && !c.Phrase {
		t := prefixTerm(c.Text)
		if t == "" {
			return Pattern{}, false
		}
		return Pattern{Terms: []string{t}, Prefix: true}, true
	}
	terms := AnalyzeTerms(c.Text)
	if len(terms) == 0 {
		return Pattern{}, false
	}
	return Pattern{Terms: terms}, true
}

// Matches returns the byte spans of the terms in terms that match any
// required pattern, in text order, merged when adjacent patterns overlap.
func (m Matcher) Matches(terms []Term) []Term {
	hit := make([]bool, len(terms))
	for _, g := range m.Groups {
		for _, p := range g {
			for i := range terms {
				if n := p.matchAt(terms, i); n > 0 {
					for k := i; k < i+n; k++ {
						hit[k] = true
					}
				}
			}
		}
	}
	var out []Term
	for i, h := range hit {
		if h {
			out = append(out, terms[i])
		}
	}
	return out
}

// matchAt reports how many terms the pattern covers starting at i (0 when
// it does not match there).
func (p Pattern) matchAt(terms []Term, i int) int {
	if i+len(p.Terms) > len(terms) {
		return 0
	}
	if p.Prefix {
		if strings.HasPrefix(terms[i].Text, p.Terms[0]) {
			return 1
		}
		return 0
	}
	for k, t := range p.Terms {
		if terms[i+k].Text != t {
			return 0
		}
	}
	return len(p.Terms)
}
