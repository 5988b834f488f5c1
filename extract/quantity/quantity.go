// Package quantity finds reported numbers in Arabic news text together
// with what they count: a counted noun (خمسين هجوما), a unit (كيلومتر), a
// currency (مليون دولار) or a percentage (10 في المئة). It marks
// approximations (نحو, حوالي, قرابة, زهاء, ما يقارب), bounds (أكثر من, أقل
// من), vague amounts (عشرات, مئات, آلاف: no value, kind "vague") and ranges
// (بين 10 و20, من 10 إلى 20). Dates, times, durations and ordinals are not
// quantities: numbers inside temporal expressions (from doc.Times, or from
// package timex when the document has none) are left out.
//
// Numbers in digits and in words come from arabic.NumberWords.
package quantity

import (
	"bufio"
	"context"
	"embed"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/arabic"
	"github.com/marsad-project/marsad/extract/timex"
)

//go:embed lexicon/words.txt lexicon/currencies.txt
var lexiconFS embed.FS

// Kinds of quantity.
const (
	Exact  = "exact"
	Approx = "approx"
	Vague  = "vague"
	Range  = "range"
	Lower  = "lower"
	Upper  = "upper"
)

// roles returns the word roles of lexicon/words.txt.
var roles = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	f, err := lexiconFS.Open("lexicon/words.txt")
	if err != nil {
		panic(fmt.Errorf("open lexicon: %w", err)) // embedded: cannot fail
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, role, ok := strings.Cut(line, "\t")
		if !ok {
			panic(fmt.Errorf("lexicon line %q: no tab", line))
		}
		m[arabic.NormalizeString(w, arabic.SearchOptions())] = role
	}
	if err := sc.Err(); err != nil {
		panic(fmt.Errorf("read lexicon: %w", err))
	}
	return m
})

// currencies returns the folded currency words and symbols.
var currencies = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	b, err := lexiconFS.ReadFile("lexicon/currencies.txt")
	if err != nil {
		panic(fmt.Errorf("read currencies: %w", err)) // embedded: cannot fail
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[arabic.NormalizeString(line, arabic.SearchOptions())] = true
	}
	return m
})

// Annotator fills Doc.Quantities. It is safe for concurrent use.
type Annotator struct{}

var _ marsad.Annotator = (*Annotator)(nil)

// New returns an Annotator.
func New() *Annotator { return &Annotator{} }

// Annotate appends the quantities of doc.Text to doc.Quantities. Numbers
// inside doc.Times are skipped; when doc.Times is empty the temporal
// expressions are found with package timex first.
func (a *Annotator) Annotate(ctx context.Context, doc *marsad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	times := doc.Times
	if times == nil {
		times = timex.Extract(doc.Text, doc.Published)
	}
	doc.Quantities = append(doc.Quantities, Extract(doc.Text, times)...)
	return nil
}

// ExtractText finds the quantities of text, finding its temporal
// expressions itself (with no publication date).
func ExtractText(text string) []marsad.Quantity {
	return Extract(text, timex.Extract(text, time.Time{}))
}

// Extract returns the quantities of text in order, leaving out numbers that
// lie inside one of times. Spans are byte offsets into text.
func Extract(text string, times []marsad.TimeExpr) []marsad.Quantity {
	toks := arabic.Tokenize(text)
	nums := arabic.NumberWords(toks)
	q := &scanner{text: text, toks: toks, roles: roles()}
	var out []marsad.Quantity
	ti := 0
	lastEnd := 0           // token index after the last quantity
	byTok := map[int]int{} // first token → index in nums, for ranges
	for k, n := range nums {
		byTok[n.FirstTok] = k
	}
	for k := 0; k < len(nums); k++ {
		n := nums[k]
		for ti < len(times) && times[ti].End <= n.Start {
			ti++
		}
		if ti < len(times) && times[ti].Start < n.End {
			continue // part of a date, time or duration
		}
		if n.Ordinal || n.Fraction || n.FirstTok < lastEnd {
			continue
		}
		if w := toks[n.FirstTok]; w.Kind.IsWord() && strings.HasPrefix(w.Norm, "ال") && n.FirstTok == n.LastTok {
			continue // العشر الأوائل, الثلاثة: a definite number word is not a count
		}
		qu, end, ok := q.quantity(n, nums, byTok)
		if !ok || len(out) > 0 && qu.Start < out[len(out)-1].End {
			continue // 0$0: a symbol between two numbers belongs to the first
		}
		out = append(out, qu)
		lastEnd = end
		for k+1 < len(nums) && nums[k+1].FirstTok < end {
			k++
		}
	}
	out = append(out, q.vague(times, out)...)
	sortQuantities(out)
	return out
}

// scanner holds one text.
type scanner struct {
	text  string
	toks  []arabic.Token
	roles map[string]string
}

func (q *scanner) norm(i int) string {
	if i < 0 || i >= len(q.toks) {
		return ""
	}
	return q.toks[i].Norm
}

// bare strips a proclitic و ب ل ف from a folded word when the rest is a
// lexicon word.
func (q *scanner) bare(w string) string {
	if _, ok := q.roles[w]; ok {
		return w
	}
	for _, c := range []string{"و", "ب", "ل", "ف"} {
		if strings.HasPrefix(w, c) {
			if _, ok := q.roles[w[len(c):]]; ok {
				return w[len(c):]
			}
		}
	}
	return w
}

func ptr(f float64) *float64 { return &f }

// quantity builds the quantity around number n: approximator or bound
// before it, range, and the unit after it. It returns the token index
// after the quantity.
func (q *scanner) quantity(n arabic.Number, nums []arabic.Number, byTok map[int]int) (marsad.Quantity, int, bool) {
	first, last := n.FirstTok, n.LastTok
	kind := Exact
	val := n.Value
	var lo, hi *float64
	// before: نحو, حوالي, ما يقارب, أكثر من, أقل من, ما لا يقل عن
	p := first - 1
	switch role := q.roles[q.bare(q.norm(p))]; {
	case role == "approx":
		kind, first = Approx, p
	case q.norm(p) == "من" && q.roles[q.bare(q.norm(p-1))] == "lower":
		kind, first = Lower, p-1
	case q.norm(p) == "من" && q.roles[q.bare(q.norm(p-1))] == "upper":
		kind, first = Upper, p-1
	case (q.norm(p) == "يقارب" || q.norm(p) == "يناهز") && q.bare(q.norm(p-1)) == "ما":
		kind, first = Approx, p-1
	case q.norm(p) == "عن" && q.norm(p-1) == "يقل" && q.norm(p-2) == "لا" && q.bare(q.norm(p-3)) == "ما":
		kind, first = Lower, p-3
	}
	// range: بين 10 و20, من 10 إلى 20, 10-20
	j := last + 1
	if sep := q.norm(j); sep == "و" || sep == "الي" || sep == "-" || sep == "حتي" {
		if k, ok := byTok[j+1]; ok && !nums[k].Ordinal && nums[k].Value > val {
			if q.bare(q.norm(first-1)) == "بين" && sep == "و" || q.norm(first-1) == "من" && sep != "و" || sep == "-" {
				if sep != "-" {
					first--
				}
				lo, hi = ptr(val), ptr(nums[k].Value)
				kind = Range
				last = nums[k].LastTok
				j = last + 1
			}
		}
	}
	// unit: the counted noun, currency, % or في المئة
	unit := ""
	end := last
	// a currency symbol before the number: $10
	if first == n.FirstTok && first > 0 && currencies()[q.norm(first-1)] && q.toks[first-1].End == q.toks[first].Start {
		first--
		unit = q.toks[first].Text
	}
	switch {
	case unit != "":
	case currencies()[q.norm(j)] && !q.toks[j].Kind.IsWord():
		unit, end = q.toks[j].Text, j // 10$, 20 €
	case q.norm(j) == "%" || q.norm(j) == "٪":
		unit, end = "%", j
	case (q.norm(j) == "في" || q.norm(j) == "ب") && isHundred(q.norm(j+1)):
		unit, end = "%", j+1
	case strings.HasPrefix(q.norm(j), "بال") && isHundred("ال"+strings.TrimPrefix(q.norm(j), "بال")):
		unit, end = "%", j
	case q.unitOK(j):
		unit, end = q.toks[j].Text, j
	case q.norm(j) == "من" && j+1 < len(q.toks) && strings.HasPrefix(q.norm(j+1), "ال") && q.toks[j+1].Kind.IsWord():
		unit, end = q.toks[j+1].Text, j+1
	}
	// دينار كويتي, ليرة لبنانية, دولار أمريكي: the country adjective
	if end > last && currencies()[q.norm(end)] && end+1 < len(q.toks) && q.toks[end+1].Kind.IsWord() {
		if adj := q.norm(end + 1); (strings.HasSuffix(adj, "ي") || strings.HasSuffix(adj, "يه")) && utf8.RuneCountInString(adj) >= 4 && q.roles[adj] == "" {
			end++
			unit = q.text[q.toks[end-1].Start:q.toks[end].End]
		}
	}
	if unit == "" && kind == Exact && n.Value >= 1900 && n.Value <= 2100 && n.Value == float64(int(n.Value)) && n.FirstTok == n.LastTok && q.toks[n.FirstTok].Kind == arabic.KindNumber {
		return marsad.Quantity{}, 0, false // a bare year
	}
	if unit == "" && kind == Exact {
		// a number with nothing counted is mostly a label (المادة 13) or a
		// year; precision first
		return marsad.Quantity{}, 0, false
	}
	if kind == Range && unit == "" && isYear(*lo) && isYear(*hi) {
		return marsad.Quantity{}, 0, false // 2017-2018: a span of years
	}
	start, stop := q.toks[first].Start, q.toks[end].End
	if first == n.FirstTok {
		start = n.Start // leave a leading clitic out
	} else if w := q.toks[first].Text; q.bare(q.norm(first)) != q.norm(first) {
		start = q.toks[first].Start + cliticLen(w)
	}
	qu := marsad.Quantity{
		Span:   marsad.Span{Start: start, End: stop},
		Text:   q.text[start:stop],
		Approx: kind == Approx,
		Kind:   kind,
		Unit:   unit,
	}
	switch kind {
	case Range:
		qu.Min, qu.Max = lo, hi
	case Lower:
		qu.Value, qu.Min = ptr(val), ptr(val)
	case Upper:
		qu.Value, qu.Max = ptr(val), ptr(val)
	default:
		qu.Value = ptr(val)
	}
	return qu, end + 1, true
}

func isHundred(w string) bool {
	switch w {
	case "المئه", "المائه", "الميه", "مئه", "المايه", "مايه", "ميه":
		return true
	}
	return false
}

// unitOK reports whether the word after a number can be what it counts:
// not a function word, not a conjunction-led word, not a lone letter.
func (q *scanner) unitOK(j int) bool {
	if j >= len(q.toks) || !q.toks[j].Kind.IsWord() {
		return false
	}
	w := q.norm(j)
	if q.roles[w] == "stop" || q.roles[w] == "vague" || utf8.RuneCountInString(w) < 2 {
		return false
	}
	if strings.HasPrefix(w, "و") && q.roles[w[len("و"):]] == "stop" {
		return false // وكان, وفي: the number ends a clause
	}
	if strings.HasPrefix(w, "ال") {
		return false // a counted noun after a number is indefinite
	}
	if strings.HasPrefix(w, "و") && (w == "وبعد" || w == "وقبل" || w == "ومن" || w == "وفي") {
		return false
	}
	return true
}

// cliticLen returns the byte length of a one-letter proclitic.
func cliticLen(w string) int {
	for i := range w {
		if i > 0 {
			return i
		}
	}
	return 0
}

// vague finds vague amounts: عشرات القتلى, مئات الآلاف من المتظاهرين, آلاف
// الجرحى. They have no value and the kind "vague".
func (q *scanner) vague(times []marsad.TimeExpr, found []marsad.Quantity) []marsad.Quantity {
	var out []marsad.Quantity
	// found and times are in text order and the candidates come in text
	// order: two cursors keep the overlap test linear.
	fi, ti := 0, 0
	covered := func(s, e int) bool {
		for fi < len(found) && found[fi].End <= s {
			fi++
		}
		for ti < len(times) && times[ti].End <= s {
			ti++
		}
		return fi < len(found) && found[fi].Start < e || ti < len(times) && times[ti].Start < e
	}
	for i := 0; i < len(q.toks); i++ {
		w := q.bare(q.norm(i))
		if q.roles[w] != "vague" || !q.toks[i].Kind.IsWord() {
			continue
		}
		if i > 0 && q.toks[i-1].Kind == arabic.KindNumber {
			continue // 10 آلاف is a number
		}
		first, last := i, i
		// عشرات الآلاف, مئات الملايين
		if nx := q.norm(i + 1); nx == "الالاف" || nx == "الملايين" || nx == "الاف" {
			last = i + 1
		}
		j := last + 1
		if q.norm(j) == "من" {
			j++
		}
		if j >= len(q.toks) || !q.toks[j].Kind.IsWord() || q.roles[q.norm(j)] == "stop" {
			continue
		}
		start := q.toks[first].Start
		if w != q.norm(first) {
			start += cliticLen(q.toks[first].Text)
		}
		end := q.toks[j].End
		if covered(start, end) {
			continue
		}
		out = append(out, marsad.Quantity{
			Span: marsad.Span{Start: start, End: end},
			Text: q.text[start:end],
			Kind: Vague,
			Unit: q.toks[j].Text,
		})
		i = j
	}
	return out
}

func sortQuantities(qs []marsad.Quantity) {
	for i := 1; i < len(qs); i++ {
		for k := i; k > 0 && qs[k].Start < qs[k-1].Start; k-- {
			qs[k], qs[k-1] = qs[k-1], qs[k]
		}
	}
}

func isYear(v float64) bool { return v >= 1900 && v <= 2100 && v == float64(int(v)) }
