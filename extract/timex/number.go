package timex

import (
	"strconv"
	"strings"
)

// teenOnly are cardinal words that stand for a number only as the first
// half of a compound teen (إحدى عشرة, اثنا عشر); alone they mean "one of".
var teenOnly = map[string]bool{"احد": true, "احدي": true, "اثنا": true, "اثني": true, "اثنتا": true, "اثنتي": true}

// numAt reads a number written in digits at token i: 2500, 2,500, 2.5,
// ٢٥٠٠, ١٠٫٥. It returns the value, the token index after it and whether
// it was a plain integer.
func (p *parser) numAt(i int) (v float64, j int, isInt bool, ok bool) {
	if i >= len(p.toks) || p.toks[i].kind != tNum {
		return 0, i, false, false
	}
	s := p.toks[i].norm
	j = i + 1
	isInt = true
	// thousands groups: 2,500 or ٢٬٥٠٠ (exactly three digits, no spaces)
	for j+1 < len(p.toks) && !p.toks[j].space && !p.toks[j+1].space && (p.toks[j].norm == "," || p.toks[j].norm == "٬") &&
		p.toks[j+1].kind == tNum && len(p.toks[j+1].norm) == 3 && len(s) <= 3 {
		s += p.toks[j+1].norm
		j += 2
		for j+1 < len(p.toks) && !p.toks[j].space && !p.toks[j+1].space && (p.toks[j].norm == "," || p.toks[j].norm == "٬") && p.toks[j+1].kind == tNum && len(p.toks[j+1].norm) == 3 {
			s += p.toks[j+1].norm
			j += 2
		}
		break
	}
	// decimals: 2.5, ٢٫٥
	if j+1 < len(p.toks) && !p.toks[j].space && !p.toks[j+1].space && (p.toks[j].norm == "." || p.toks[j].norm == "٫") && p.toks[j+1].kind == tNum {
		s += "." + p.toks[j+1].norm
		j += 2
		isInt = false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, i, false, false
	}
	return f, j, isInt, true
}

// numWordAt looks up a number word at token i, allowing the conjunction و
// glued to it when conj is set, and the article ال on cardinals.
func (p *parser) numWordAt(i int, conj bool) (numWord, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tWord {
		return numWord{}, false
	}
	w := p.toks[i].norm
	if conj && strings.HasPrefix(w, "و") {
		if nw, ok := lex().numbers[w[len("و"):]]; ok {
			return nw, true
		}
	}
	if nw, ok := lex().numbers[w]; ok {
		return nw, true
	}
	if strings.HasPrefix(w, "ال") {
		if nw, ok := lex().numbers[w[len("ال"):]]; ok && nw.class != "ord" && nw.class != "ordten" {
			return nw, true
		}
	}
	return numWord{}, false
}

// cardinalAt reads a cardinal number at token i, in digits, words or a mix
// (3 ملايين, مليون ونصف, ثلاثمئة وخمسين, خمسة و عشرون). It returns the
// value and the token index after the number.
func (p *parser) cardinalAt(i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	seen := false
	lastScale := 0.0
	if v, k, _, ok := p.numAt(i); ok {
		// digits, optionally followed by a scale word: 3 ملايين, 2.5 مليار
		if nw, ok := p.numWordAt(k, false); ok && nw.class == "scale" {
			return v * nw.value, k + 1, true
		}
		if nw, ok := p.numWordAt(k, false); ok && nw.class == "dual" && nw.value >= 1e6 {
			return v * nw.value / 2, k + 1, true
		}
		return v, k, true
	}
	prevUnit := false
	for j < len(p.toks) {
		k := j
		conj := false
		if seen && p.toks[k].norm == "و" {
			conj = true
			k++
		}
		nw, ok := p.numWordAt(k, seen)
		if !ok {
			break
		}
		if seen && strings.HasPrefix(p.toks[k].norm, "و") && p.toks[k].norm != "واحد" && p.toks[k].norm != "واحده" {
			conj = true
		}
		w := p.toks[k].norm
		switch nw.class {
		case "card":
			if seen && !conj {
				return p.finish(total, cur, j, seen)
			}
			if teenOnly[w] {
				if nx, ok := p.numWordAt(k+1, false); !ok || nx.class != "ten" {
					return p.finish(total, cur, j, seen)
				}
			}
			cur += nw.value
			prevUnit = nw.value < 10
		case "ten":
			switch {
			case prevUnit && !conj:
				cur += 10
			case !seen:
				cur = 10
			default:
				return p.finish(total, cur, j, seen)
			}
			prevUnit = false
		case "tens", "hund":
			if seen && !conj && !(nw.class == "tens" && prevUnit) {
				return p.finish(total, cur, j, seen)
			}
			cur += nw.value
			prevUnit = false
		case "scale":
			if seen && conj {
				return p.finish(total, cur, j, seen)
			}
			if cur == 0 {
				cur = 1
			}
			total += cur * nw.value
			lastScale = nw.value
			cur = 0
			prevUnit = false
		case "dual":
			if seen && !conj {
				return p.finish(total, cur, j, seen)
			}
			total += nw.value
			lastScale = nw.value / 2
			prevUnit = false
		case "frac":
			if !seen || !conj || lastScale == 0 || cur != 0 {
				return p.finish(total, cur, j, seen)
			}
			total += nw.value * lastScale
			j = k + 1
			return total, j, true
		default:
			return p.finish(total, cur, j, seen)
		}
		seen = true
		j = k + 1
	}
	return p.finish(total, cur, j, seen)
}

func (p *parser) finish(total, cur float64, j int, seen bool) (float64, int, bool) {
	return total + cur, j, seen
}

// ordinalAt reads an ordinal at token i: الأول, الثالث عشر, الحادي
// والعشرين, العشرون. It returns the value and the token after it.
func (p *parser) ordinalAt(i int) (int, int, bool) {
	nw, ok := p.numWordAt(i, false)
	if !ok {
		return 0, i, false
	}
	w := p.toks[i].norm
	switch nw.class {
	case "ordten":
		return int(nw.value), i + 1, true
	case "ord":
	case "card":
		// الأحد عشر, الاحد عشر: 11th written with the cardinal
		if (w == "الاحد" || w == "احد") && p.wordIs(i+1, "عشر", "عشره") {
			return 11, i + 2, true
		}
		return 0, i, false
	default:
		return 0, i, false
	}
	v := int(nw.value)
	j := i + 1
	if p.wordIs(j, "عشر", "عشره") && v < 10 {
		return v + 10, j + 1, true
	}
	if w == "الحادي" || w == "حادي" {
		if !(p.wordIs(j, "و") && p.isOrdTen(j+1, false)) && !p.isOrdTen(j, true) {
			return 0, i, false
		}
	}
	if p.wordIs(j, "و") && p.isOrdTen(j+1, false) {
		return v + p.ordTenVal(j+1), j + 2, true
	}
	if p.isOrdTen(j, true) {
		return v + p.ordTenVal(j), j + 1, true
	}
	return v, j, true
}

func (p *parser) isOrdTen(i int, conj bool) bool {
	if i >= len(p.toks) {
		return false
	}
	w := p.toks[i].norm
	if conj {
		if !strings.HasPrefix(w, "و") {
			return false
		}
		w = w[len("و"):]
	}
	nw, ok := lex().numbers[w]
	return ok && nw.class == "ordten"
}

func (p *parser) ordTenVal(i int) int {
	w := strings.TrimPrefix(p.toks[i].norm, "و")
	if nw, ok := lex().numbers[w]; ok && nw.class == "ordten" {
		return int(nw.value)
	}
	if nw, ok := lex().numbers["ال"+w]; ok && nw.class == "ordten" {
		return int(nw.value)
	}
	return 0
}

// wordIs reports whether token i is one of the given folded words.
func (p *parser) wordIs(i int, words ...string) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	w := p.toks[i].norm
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}
