package timex

import (
	"sort"
	"strings"
	"time"

	"github.com/marsad-project/marsad"
)

// Phrase kinds.
const (
	// PhrasePoint is a single expression.
	PhrasePoint = "point"
	// PhraseRange joins two expressions (or a bare first end and an
	// expression) into one interval: من 4 إلى 22 يناير, بين 3 و5 مساءً.
	PhraseRange = "range"
	// PhraseBefore, PhraseAfter, PhraseSince, PhraseUntil and PhraseWithin
	// are one expression with its leading signal word: قبل الساعة 4,
	// بعد 5 دقائق, منذ 7/2, حتى عام 2012, في غضون 10 ساعات.
	PhraseBefore = "before"
	PhraseAfter  = "after"
	PhraseSince  = "since"
	PhraseUntil  = "until"
	PhraseWithin = "within"
)

// Phrase is a span-level temporal chunk: what an extractor that returns
// one span per temporal phrase (Recognizers-Text, Duckling) would mark.
//
// TIMEX3 marks the ends of a range and leaves signal words (قبل, بعد,
// منذ, حتى) outside the expression; Extract follows it. A Phrase puts the
// pieces back together: the two ends of a range with their connectors
// (من … إلى/حتى …, بين … و …, 19-20 نوفمبر), or an expression with its
// signal word. Exprs holds the expressions of the phrase in text order; a
// range whose first end is a bare number that borrows its unit from the
// second (من 4 إلى 22 هذا الشهر, من 5 إلى 6 مساءً) has one expression.
type Phrase struct {
	marsad.Span
	Text  string
	Kind  string
	Exprs []marsad.TimeExpr
}

// rangeOpeners open a range and belong to it (folded forms); ما before
// بين and في الفترة before them stay outside, as prepositions do.
var rangeOpeners = [...]string{"بين", "من"}

// rangeSeps join the two ends of a range (folded forms). و joins them
// only after بين: الجمعة والسبت are two days, بين الجمعة والسبت a range.
var rangeSeps = map[string]bool{
	"الي": true, "حتي": true, "وحتي": true, "والي": true, "و": true, "-": true, "–": true,
	"لغايه": true, "ولغايه": true,
}

// rangeSep reports whether the gap g after a first end spanning
// [firstStart, firstEnd) joins a range; و needs بين before the first end
// or inside it (نوفمبر بين 15 و19).
func rangeSep(toks []tok, g string, firstStart, firstEnd int) bool {
	if g != "و" {
		return rangeSeps[g]
	}
	if _, ok := wordsBefore(toks, firstStart, "بين"); ok {
		return true
	}
	for k := tokAt(toks, firstStart); k < len(toks) && toks[k].end <= firstEnd; k++ {
		if toks[k].norm == "بين" {
			return true
		}
	}
	return false
}

// phraseSignals precede an expression and make it an open interval.
var phraseSignals = [...]struct{ w, kind string }{
	{"في غضون", PhraseWithin},
	{"في", PhraseWithin},
	{"قبل", PhraseBefore},
	{"بعد", PhraseAfter},
	{"منذ", PhraseSince},
	{"حتي", PhraseUntil},
}

// Phrases returns the temporal phrases of text, in order: the expressions
// of Extract grouped into ranges and joined to their signal words.
func Phrases(text string, anchor time.Time) []Phrase {
	return phrasesOf(text, tokenize(text), Extract(text, anchor))
}

func phrasesOf(text string, toks []tok, exprs []marsad.TimeExpr) []Phrase {
	var out []Phrase
	for k := 0; k < len(exprs); k++ {
		e := exprs[k]
		ph := Phrase{Span: e.Span, Kind: PhrasePoint, Exprs: []marsad.TimeExpr{e}}
		// two expressions joined by a range separator
		if k+1 < len(exprs) {
			e2 := exprs[k+1]
			if rangeSep(toks, gapWord(text, e.End, e2.Start), e.Start, e.End) && rangeEnds(e, e2) {
				ph.End = e2.End
				ph.Kind = PhraseRange
				ph.Exprs = append(ph.Exprs, e2)
				k++
			}
		}
		if ph.Kind == PhrasePoint && (e.Type == DATE || e.Type == TIME) {
			// a bare number before the separator: من 4 إلى 22 هذا الشهر
			if s, ok := bareFirstEnd(text, toks, e.Start); ok {
				ph.Start = s
				ph.Kind = PhraseRange
			}
		}
		if ph.Kind == PhraseRange {
			if s, ok := wordsBefore(toks, ph.Start, rangeOpeners[:]...); ok {
				ph.Start = s
			}
		} else if e.Type == TIME && partFirst(e.Text) {
			// في الصباح, عند المساء: the adverbial of a part of day
			if s, ok := wordsBefore(toks, ph.Start, "في وقت", "عند", "في", "وقت"); ok {
				ph.Start = s
			}
		} else {
			for _, sg := range phraseSignals {
				if s, ok := wordsBefore(toks, ph.Start, sg.w); ok && signalFits(sg.kind, e) {
					ph.Start, ph.Kind = s, sg.kind
					break
				}
			}
		}
		// بعد 4 أسابيع في المستقبل, 2012 أو بعده: a closing restatement
		if s, ok := wordsAfter(toks, ph.End, "في المستقبل"); ok && (ph.Kind == PhraseAfter || strings.HasPrefix(fold(text[ph.Start:ph.End]), "بعد ")) {
			ph.End = s
		} else if s, ok := wordsAfter(toks, ph.End, "او بعده", "او بعد ذلك"); ok && ph.Kind == PhrasePoint {
			ph.End, ph.Kind = s, PhraseAfter
		} else if s, ok := wordsAfter(toks, ph.End, "او قبله", "او قبل ذلك"); ok && ph.Kind == PhrasePoint {
			ph.End, ph.Kind = s, PhraseBefore
		}
		// a phrase may not reach back into the previous one
		if n := len(out); n > 0 && ph.Start < out[n-1].End {
			ph = Phrase{Span: e.Span, Kind: PhrasePoint, Exprs: []marsad.TimeExpr{e}}
		}
		ph.Text = text[ph.Start:ph.End]
		if n := len(out); n > 0 && anchorsNext(text, out[n-1], ph) {
			// غدا بين الساعة 8 صباحا و2 مساء, الأسبوع المقبل من الأربعاء
			// إلى الجمعة, يوم الثلاثاء في وقت متأخر من الصباح: a day or
			// week, then a range or part of day within it
			prev := &out[n-1]
			if s, ok := wordsBefore(toks, prev.Start, "يوم"); ok && prev.Kind == PhrasePoint {
				prev.Start = s
			}
			prev.End = ph.End
			prev.Exprs = append(prev.Exprs, ph.Exprs...)
			if ph.Kind == PhraseRange {
				prev.Kind = PhraseRange
			}
			prev.Text = text[prev.Start:prev.End]
			continue
		}
		out = append(out, ph)
	}
	return out
}

// anchorsNext reports whether phrase a is a day or a week that phrase b,
// right after it, narrows: a range of times or days, or a part of day.
func anchorsNext(text string, a, b Phrase) bool {
	if a.Kind != PhrasePoint || strings.TrimSpace(text[a.End:b.Start]) != "" {
		return false
	}
	e := a.Exprs[0]
	v := e.Value
	dayOrWeek := e.Type == DATE && (len(v) == len("2006-01-02") || strings.Contains(v, "-W") || v == "" && e.Relative != "")
	// a part of a day: بعد ظهر يوم الجمعة بين 1 مساءً و4 مساءً
	dayPart := e.Type == TIME && len(v) == len("2006-01-02TAF") && v[10] == 'T'
	if dayPart && b.Kind == PhraseRange {
		return true
	}
	if !dayOrWeek {
		return false
	}
	switch {
	case b.Kind == PhraseRange:
		return true
	case b.Kind == PhrasePoint && b.Exprs[0].Type == TIME && strings.HasPrefix(b.Exprs[0].Value, "XXXX-XX-XXT"):
		return true
	}
	return false
}

// rangeEnds reports whether two expressions can be the ends of one range:
// both points in time (not a duration or a set).
func rangeEnds(a, b marsad.TimeExpr) bool {
	ok := func(t string) bool { return t == DATE || t == TIME }
	return ok(a.Type) && ok(b.Type)
}

// gapWord returns the folded text between two byte offsets with spaces
// removed at both ends, or "\x00" when it holds more than one word.
func gapWord(text string, from, to int) string {
	if from > to || to > len(text) {
		return "\x00"
	}
	g := strings.TrimSpace(fold(text[from:to]))
	if strings.ContainsAny(g, " \t\n") {
		return "\x00"
	}
	return g
}

// tokAt returns the index of the first token that ends after offset.
func tokAt(toks []tok, offset int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].end > offset })
}

// bareFirstEnd looks back from an expression starting at start for a
// range separator and a bare number or ordinal before it (من 4 إلى 22,
// بين الخامسة والسادسة). It returns the start of the number.
func bareFirstEnd(text string, toks []tok, start int) (int, bool) {
	i := tokAt(toks, start) // the token holding start
	if i >= len(toks) {
		return 0, false
	}
	var sep int // index of the token before the separator
	g := ""
	switch {
	case toks[i].start < start && fold(text[toks[i].start:start]) == "و":
		sep, g = i-1, "و" // والسادسة
	case i >= 1 && toks[i].start == start && rangeSeps[toks[i-1].norm]:
		sep, g = i-2, toks[i-1].norm
		if toks[i-1].kind == tPunct && (toks[i-1].space || toks[i].space) {
			return 0, false // 2 - 2: a dash between spaced numbers is a score
		}
	default:
		return 0, false
	}
	if sep < 0 || !rangeSep(toks, g, toks[sep].start, toks[sep].end) {
		return 0, false
	}
	t := toks[sep]
	switch {
	case t.kind == tNum && len(t.norm) <= 2:
		if sep >= 1 && toks[sep-1].kind == tPunct {
			return 0, false // 2:30 or 4/5 are not bare numbers
		}
		return t.start, true
	case t.kind == tWord:
		w := t.norm
		if strings.HasPrefix(w, "ال") {
			w = w[len("ال"):]
		}
		if v, ok := lex().numbers[w]; ok && v.value >= 1 && v.value <= 31 {
			return t.start, true
		}
		if v, ok := lex().numbers[t.norm]; ok && v.value >= 1 && v.value <= 31 {
			return t.start, true
		}
	}
	return 0, false
}

// wordsBefore reports whether one of the folded word sequences ws ends
// just before offset start (as whole tokens), and returns where it begins.
func wordsBefore(toks []tok, start int, ws ...string) (int, bool) {
	i := tokAt(toks, start)
	if i < len(toks) && toks[i].start < start {
		return 0, false // glued to the expression
	}
	for _, w := range ws {
		want := strings.Fields(w)
		first := i - len(want)
		if first < 0 {
			continue
		}
		ok := true
		for k, x := range want {
			if toks[first+k].norm != x {
				ok = false
				break
			}
		}
		if ok {
			return toks[first].start, true
		}
	}
	return 0, false
}

// partFirst reports whether an expression opens with a bare part of day
// (الصباح, أواخر الصباح), as opposed to a day or a clock time.
func partFirst(s string) bool {
	w, _, _ := strings.Cut(fold(s), " ")
	w, _, _ = strings.Cut(w, "-")
	_, part := bareParts[w]
	_, mod := partNounMod[w]
	if w == "وقت" {
		// في وقت متأخر من الليل, but وقت الغداء stands alone
		_, rest, _ := strings.Cut(fold(s), " ")
		next, _, _ := strings.Cut(rest, " ")
		return next == "مبكر" || next == "متاخر" || next == "لاحق"
	}
	return part || mod
}

// wordsAfter reports whether one of the folded word sequences ws starts
// right at offset end (as whole tokens), and returns where it ends.
func wordsAfter(toks []tok, end int, ws ...string) (int, bool) {
	i := tokAt(toks, end)
	if i < len(toks) && toks[i].start < end {
		return 0, false
	}
	for _, w := range ws {
		want := strings.Fields(w)
		if i+len(want) > len(toks) {
			continue
		}
		ok := true
		for k, x := range want {
			if toks[i+k].norm != x {
				ok = false
				break
			}
		}
		if ok {
			return toks[i+len(want)-1].end, true
		}
	}
	return 0, false
}

// signalFits reports whether a signal word opens an interval on e: a
// duration after في غضون, a point in time otherwise.
func signalFits(kind string, e marsad.TimeExpr) bool {
	if kind == PhraseWithin {
		return e.Type == DURATION
	}
	return e.Type != SET
}
