package arabic

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Number is a number found in a token sequence: digits, number words, or
// both (3 ملايين).
type Number struct {
	Start, End int     // byte offsets in the tokenized text, end exclusive; a leading clitic (و ب ل ك ف) is left out
	FirstTok   int     // index of the first token of the number
	LastTok    int     // index of the last token of the number (inclusive)
	Value      float64 // the value: 2500, 1500000, 0.5, 21 for الحادي والعشرون
	Ordinal    bool    // an ordinal: الأول, الحادية عشرة, العشرون
	Fraction   bool    // a bare fraction: نصف, ثلث, ثلاثة أرباع
}

// numKind is the grammatical kind of a number word.
type numKind uint8

const (
	nkCard numKind = iota + 1
	nkTeen
	nkScale
	nkDual
	nkPlural
	nkFrac
	nkFracPl
	nkOrd
	nkOrdTeen
)

type numWord struct {
	kind  numKind
	value float64
}

//go:embed data/numbers.txt
var numbersData string

// numberWords is the lexicon of number words, keyed by search-normalized form.
var numberWords = sync.OnceValue(func() map[string]numWord {
	kinds := map[string]numKind{
		"card": nkCard, "teen": nkTeen, "scale": nkScale, "dual": nkDual,
		"plural": nkPlural, "frac": nkFrac, "fracpl": nkFracPl, "ord": nkOrd, "ordteen": nkOrdTeen,
	}
	m := make(map[string]numWord, 160)
	for line := range strings.Lines(numbersData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic(fmt.Sprintf("arabic: data/numbers.txt: bad line %q", line))
		}
		k, ok := kinds[f[1]]
		v, err := strconv.ParseFloat(f[2], 64)
		if !ok || err != nil {
			panic(fmt.Sprintf("arabic: data/numbers.txt: bad line %q", line))
		}
		m[NormalizeString(f[0], SearchOptions())] = numWord{k, v}
	}
	return m
})

// numTok is a token looked up in the number lexicon.
type numTok struct {
	w       numWord
	ok      bool
	conj    bool // began with و (or ف)
	article bool // had the article
	skip    int  // bytes of clitics to leave out of the span at the token start
}

// lookupNum finds tok's word in the lexicon, trying without the clitics
// و/ف, ب/ل/ك and the article ال.
func lookupNum(tok Token) numTok {
	var nt numTok
	if tok.Kind != KindArabic {
		return nt
	}
	words := numberWords()
	w := tok.Norm
	if e, ok := words[w]; ok {
		return numTok{w: e, ok: true}
	}
	letters := 0 // clitic letters removed from the front
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		nt.conj = true
		w = w[2:]
		letters++
		if e, ok := words[w]; ok {
			nt.w, nt.ok = e, true
		}
	}
	if !nt.ok && (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك")) {
		if strings.HasPrefix(w, "لل") {
			if e, ok := words["ال"+w[4:]]; ok {
				nt.w, nt.ok, nt.article = e, true, true
				letters += 2
			}
		} else if e, ok := words[w[2:]]; ok {
			nt.w, nt.ok = e, true
			letters++
		} else if strings.HasPrefix(w[2:], "ال") {
			if e, ok := words[w[6:]]; ok {
				nt.w, nt.ok, nt.article = e, true, true
				letters += 3
			}
		}
	}
	if !nt.ok && strings.HasPrefix(w, "ال") {
		if e, ok := words[w[4:]]; ok {
			nt.w, nt.ok, nt.article = e, true, true
			letters += 2
		}
	}
	if !nt.ok {
		return numTok{}
	}
	// Byte length of the clitic letters in the original text (with marks).
	nt.skip = skipLetters(tok.Text, letters)
	if nt.article {
		// The article is part of the number's text (الحادي عشر).
		nt.skip = skipLetters(tok.Text, letters-2)
		if strings.HasPrefix(tok.Norm, "لل") || strings.HasPrefix(tok.Norm, "ولل") {
			nt.skip = skipLetters(tok.Text, letters-1)
		}
	}
	return nt
}

// skipLetters returns the byte offset in s after n letters and their marks.
func skipLetters(s string, n int) int {
	if n <= 0 {
		return 0
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isArabicLetter(r) {
			if n == 0 {
				return i
			}
			n--
		}
		i += size
	}
	return i
}

// isTenWord reports whether v is one of 10 or the tens 20…90.
func isTens(v float64) bool { return v >= 20 && v <= 90 && float64(int(v/10))*10 == v }

func isBareTen(nt numTok) bool {
	return nt.ok && nt.w.kind == nkCard && nt.w.value == 10 && !nt.conj && !nt.article
}

// NumberWords finds the numbers in a token sequence (from [Tokenize]):
// number tokens (2500, ٢٫٥), number words and their compounds, and digits
// followed by scale words. It understands cardinals in both case forms
// (خمسون/خمسين), teens (ثلاثة عشر), compounds joined by و (ثلاثة وعشرون,
// ألفين وخمسمئة, مائة وخمسة وعشرون), scales (ألف, آلاف, مليون, ملايين,
// مليار), fractions (نصف, ربع, ثلث, ثلثا; مليون ونصف = 1500000; نصف مليون),
// ordinals (الأول … العاشر, الحادي عشر, الثانية عشرة, الحادي والعشرون,
// and tens with the article: العشرون) and digits with scales (3 ملايين,
// 2.5 مليار). Words may carry the clitics و ف ب ل ك and the article.
//
// "أحد" and "إحدى" alone are not numbers (they mean "someone" / "one of"
// and الأحد is Sunday), nor is الاثنين alone (Monday).
func NumberWords(tokens []Token) []Number {
	var out []Number
	for i := 0; i < len(tokens); {
		n, ok := parseNumberAt(tokens, i)
		if !ok {
			i++
			continue
		}
		n = decimalWord(tokens, n)
		out = append(out, n)
		i = n.LastTok + 1
	}
	return out
}

func parseNumberAt(toks []Token, i int) (Number, bool) {
	t := toks[i]
	if t.Kind == KindNumber {
		v, ok := ParseNumber(t.Norm)
		if !ok {
			return Number{}, false
		}
		n := Number{Start: t.Start, End: t.End, FirstTok: i, LastTok: i, Value: v}
		if i+1 < len(toks) {
			nt := lookupNum(toks[i+1])
			if nt.ok && !nt.conj && !nt.article && (nt.w.kind == nkScale || nt.w.kind == nkPlural) {
				n.Value = v * nt.w.value
				n.LastTok = i + 1
				n.End = toks[i+1].End
				// 2 مليون ونصف
				if i+2 < len(toks) {
					if f := lookupNum(toks[i+2]); f.ok && f.conj && f.w.kind == nkFrac {
						n.Value += f.w.value * nt.w.value
						n.LastTok = i + 2
						n.End = toks[i+2].End
					}
				}
			}
		}
		return n, true
	}
	first := lookupNum(t)
	if !first.ok {
		return Number{}, false
	}
	n := Number{Start: t.Start + first.skip, End: t.End, FirstTok: i, LastTok: i}
	next := func(j int) numTok {
		if j < len(toks) {
			return lookupNum(toks[j])
		}
		return numTok{}
	}
	switch first.w.kind {
	case nkOrd, nkOrdTeen:
		if i > 0 && toks[i-1].Kind == KindNumber && first.w.value == 2 && !first.article {
			return Number{}, false // 30 ثانية: seconds, not "second"
		}
		v := first.w.value
		j := i
		if nt := next(j + 1); isBareTen(nt) {
			v += 10
			j++
		} else if nt, jn := numAt(toks, j+1); nt.ok && nt.conj && nt.w.kind == nkCard && isTens(nt.w.value) {
			v += nt.w.value
			j = jn
		} else if first.w.kind == nkOrdTeen {
			return Number{}, false
		}
		n.Value, n.Ordinal, n.LastTok, n.End = v, true, j, toks[j].End
		return n, true
	case nkTeen:
		if nt := next(i + 1); isBareTen(nt) {
			n.Value, n.LastTok, n.End = first.w.value+10, i+1, toks[i+1].End
			if first.article {
				n.Ordinal = true // الأحد عشر, الاثنا عشر: the eleventh, the twelfth
				return n, true
			}
			return continueCardinal(toks, n)
		}
		return Number{}, false
	case nkCard:
		if first.article && first.w.value >= 1 && first.w.value <= 9 {
			// الواحد والعشرون, الخامسة و الثلاثين: ordinals
			if nt, jn := numAt(toks, i+1); nt.ok && nt.conj && nt.article && nt.w.kind == nkCard && isTens(nt.w.value) {
				n.Value, n.Ordinal, n.LastTok, n.End = first.w.value+nt.w.value, true, jn, toks[jn].End
				return n, true
			}
		}
		if first.article && isTens(first.w.value) {
			v := first.w.value
			// العشرون is an ordinal (القرن العشرين)
			n.Value, n.Ordinal = v, true
			return n, true
		}
		if first.article && first.w.value == 2 && toks[i].Norm != "" {
			if nt := next(i + 1); !nt.ok {
				return Number{}, false // الاثنين: Monday
			}
		}
	case nkPlural, nkFracPl:
		return Number{}, false // آلاف alone means "thousands", not a value
	}
	return continueCardinal(toks, n)
}

// decimalWord extends n over "فاصلة" and a following whole number, the
// spoken decimal point: واحد فاصلة خمسة = 1.5, 3 فاصلة 25 = 3.25.
func decimalWord(toks []Token, n Number) Number {
	j := n.LastTok + 1
	if n.Ordinal || n.Fraction || j+1 >= len(toks) || toks[j].Norm != "فاصله" || n.Value != float64(int64(n.Value)) {
		return n
	}
	f, ok := parseNumberAt(toks, j+1)
	if !ok || f.Ordinal || f.Fraction || f.Value != float64(int64(f.Value)) || f.Value < 0 {
		return n
	}
	d := f.Value
	for d >= 1 {
		d /= 10
	}
	if t := toks[j+1]; t.Kind == KindNumber && f.LastTok == j+1 && strings.Trim(t.Norm, "0123456789") == "" {
		// digits keep their leading zeros: 3 فاصلة 05 = 3.05
		d = f.Value / math.Pow(10, float64(len(t.Norm)))
	}
	n.Value += d
	n.LastTok, n.End = f.LastTok, f.End
	return n
}

// place bits for a cardinal group below 1000.
const (
	placeUnits = 1 << iota
	placeTens
	placeHundreds
)

func placeOf(v float64) int {
	switch {
	case v < 10:
		return placeUnits
	case v < 20:
		return placeUnits | placeTens
	case v < 100:
		return placeTens
	default:
		return placeHundreds
	}
}

// continueCardinal parses a cardinal phrase that starts at n.FirstTok
// (whose first tokens up to n.LastTok may already be consumed, with their
// value in n.Value as the current group).
func continueCardinal(toks []Token, n Number) (Number, bool) {
	var total, group, lastScale float64
	places := 0
	frac := false
	j := n.FirstTok
	if n.LastTok > n.FirstTok {
		// a teen already parsed
		group = n.Value
		places = placeOf(group)
		j = n.LastTok + 1
	}
	last := n.LastTok
	for ; j < len(toks); j++ {
		nt, jw := numAt(toks, j)
		if !nt.ok {
			break
		}
		first := j == n.FirstTok
		j = jw
		if !first && nt.article {
			break
		}
		w := nt.w
		switch w.kind {
		case nkCard:
			if !first && !nt.conj {
				// ثلاث مئة, ثلاثة عشر
				if w.value == 100 && group >= 3 && group <= 9 && places == placeUnits {
					group *= 100
					places = placeHundreds
					last = j
					continue
				}
				if w.value == 10 && group >= 1 && group <= 9 && places == placeUnits && isBareTen(nt) {
					group += 10
					places = placeUnits | placeTens
					last = j
					continue
				}
				if places == placeHundreds && w.value >= 1 && w.value < 100 && !nt.article {
					// متين تلاتة وستين (colloquial: no و after the hundreds)
					group += w.value
					places |= placeOf(w.value)
					last = j
					continue
				}
				goto done
			}
			p := placeOf(w.value)
			if places&p != 0 || (lastScale > 0 && total > 0 && group == 0 && !nt.conj) {
				goto done
			}
			if frac {
				goto done
			}
			group += w.value
			places |= p
		case nkTeen:
			if first || !nt.conj || places != 0 {
				goto done
			}
			if ten := lookupNumAt(toks, j+1); isBareTen(ten) {
				group += w.value + 10
				places = placeUnits | placeTens
				j++
				last = j
				continue
			}
			goto done
		case nkScale:
			if !first && nt.conj {
				if group != 0 || lastScale == 0 || w.value >= lastScale {
					goto done
				}
				// وألف after a larger scale: مليون وألف
				total += w.value
				lastScale = w.value
				break
			}
			if lastScale != 0 && w.value >= lastScale && group == 0 {
				goto done
			}
			m := group
			if m == 0 {
				if !first {
					goto done
				}
				m = 1
			}
			if lastScale != 0 && w.value >= lastScale {
				goto done
			}
			total += m * w.value
			group, places, lastScale = 0, 0, w.value
		case nkDual:
			if !first && !nt.conj || group != 0 || (lastScale != 0 && w.value >= lastScale) {
				goto done
			}
			total += w.value
			lastScale = w.value / 2
		case nkPlural:
			if first || nt.conj || group < 3 || group > 10 || (lastScale != 0 && w.value >= lastScale) {
				goto done
			}
			total += group * w.value
			group, places, lastScale = 0, 0, w.value
		case nkFrac:
			if first {
				frac = true
				n.Fraction = true
				group = w.value
				// نصف مليون
				if s := lookupNumAt(toks, j+1); s.ok && !s.conj && !s.article && s.w.kind == nkScale {
					total = w.value * s.w.value
					group = 0
					lastScale = s.w.value
					n.Fraction = false
					j++
				}
				last = j
				continue
			}
			if !nt.conj || frac {
				goto done
			}
			if lastScale > 0 && group == 0 {
				total += w.value * lastScale
			} else {
				group += w.value
			}
			last = j
			goto done
		case nkFracPl:
			if first || nt.conj || group < 2 || group > 10 || places != placeUnits {
				goto done
			}
			group *= w.value
			n.Fraction = total == 0
			last = j
			goto done
		default:
			goto done
		}
		last = j
	}
done:
	n.Value = total + group
	n.LastTok = last
	n.End = toks[last].End
	if n.LastTok == n.FirstTok {
		if w := lookupNum(toks[n.FirstTok]).w; w.kind == nkCard && w.value == 0 && toks[n.FirstTok].Norm != "صفر" {
			return Number{}, false
		}
	}
	return n, true
}

// numAt looks up the number word at toks[j]. A detached conjunction (the
// token "و" alone, as in "ثلاث و ثلاثون") followed by a number word counts
// as that word with the conjunction. It also returns the index of the
// word's token.
func numAt(toks []Token, j int) (numTok, int) {
	if j >= len(toks) {
		return numTok{}, j
	}
	if t := &toks[j]; t.Kind == KindArabic && t.Norm == "و" && j+1 < len(toks) {
		nt := lookupNum(toks[j+1])
		if nt.ok && !nt.conj {
			nt.conj = true
			return nt, j + 1
		}
		return numTok{}, j
	}
	return lookupNum(toks[j]), j
}

func lookupNumAt(toks []Token, j int) numTok {
	if j < len(toks) {
		return lookupNum(toks[j])
	}
	return numTok{}
}

// ParseNumber parses a number written in digits: ASCII, Arabic-Indic or
// Persian digits, with "," or "٬" as thousands separator and "." or "٫"
// as decimal separator (2,500 → 2500; 2.5; ٢٫٥ → 2.5; ١٬٠٠٠ → 1000).
// When only one kind of separator appears, a comma followed by groups of
// exactly three digits is a thousands separator ("2,500") and otherwise a
// decimal comma ("2,5"); several dots in groups of three are thousands
// separators ("1.234.567"). It returns false for anything else.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	b := make([]byte, 0, len(s))
	commas, dots := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r >= 0x0660 && r <= 0x0669:
			b = append(b, byte('0'+r-0x0660))
		case r >= 0x06F0 && r <= 0x06F9:
			b = append(b, byte('0'+r-0x06F0))
		case r == ',' || r == 0x066C:
			b = append(b, ',')
			commas++
		case r == '.' || r == 0x066B:
			b = append(b, '.')
			dots++
		default:
			return 0, false
		}
	}
	t := string(b)
	if t[0] == '.' && dots == 1 && commas == 0 && len(t) > 1 {
		t = "0" + t // .77
	}
	if t[0] == ',' || t[0] == '.' || t[len(t)-1] == ',' || t[len(t)-1] == '.' {
		return 0, false
	}
	switch {
	case commas > 0 && dots > 0:
		lc, ld := strings.LastIndexByte(t, ','), strings.LastIndexByte(t, '.')
		if ld > lc { // 1,234.5
			if dots > 1 || !groupsOfThree(t[:ld], ',') {
				return 0, false
			}
			t = strings.ReplaceAll(t, ",", "")
		} else { // 1.234,5
			if commas > 1 || !groupsOfThree(t[:lc], '.') {
				return 0, false
			}
			t = strings.ReplaceAll(t, ".", "")
			t = strings.Replace(t, ",", ".", 1)
		}
	case commas > 0:
		if groupsOfThree(t, ',') {
			t = strings.ReplaceAll(t, ",", "")
		} else if commas == 1 {
			t = strings.Replace(t, ",", ".", 1)
		} else {
			return 0, false
		}
	case dots > 1:
		if !groupsOfThree(t, '.') {
			return 0, false
		}
		t = strings.ReplaceAll(t, ".", "")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// groupsOfThree reports whether s is 1–3 digits followed by groups of
// exactly three digits, separated by sep.
func groupsOfThree(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}
