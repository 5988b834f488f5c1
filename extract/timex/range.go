package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// rangeRule: day ranges whose first end borrows the month of the second:
// 13 الى 15 تموز, من 1-8 أيلول, بين 10 و15 حزيران 2020, تموز 13 الى 15,
// يوليو 13-15. The result is two DATE expressions, one per end: TIMEX3
// marks the ends of a range, not the range.
func (p *parser) rangeRule(i int, w0 string) (match, bool) {
	k := i
	if p.toks[i].kind != tNum {
		// month first: تموز 13 الى 15
		mo, j, ok := p.monthAt(i, w0)
		if !ok {
			return match{}, false
		}
		j = p.pairedMonth(j, mo)
		// month range: من جانفي إلى أوت 2015, بين آذار وأيار 2020
		if s := p.rangeSep(j); s > j || strings.HasPrefix(p.w(j), "و") && len(p.w(j)) > 2 {
			k := s
			w := p.w(k)
			if s == j {
				k, w = j, strings.TrimPrefix(p.w(j), "و")
			}
			if mo2, k2, ok := p.monthAt(k, w); ok && mo2 != mo {
				k2 = p.pairedMonth(k2, mo2)
				if y, k3, _, ok := p.yearAfter(k2); ok {
					y1 := y
					if mo > mo2 {
						y1-- // كانون الأول 2020 - شباط 2021 written as ديسمبر إلى فبراير 2021
					}
					second := match{i: k, j: k3, typ: DATE, grain: gMonth, y: y, m: mo2, val: fmt.Sprintf("%04d-%02d", y, mo2)}
					if s == j {
						second.pre = origPrefixLen(p.text[p.toks[k].start:p.toks[k].end], 1)
					}
					first := match{i: i, j: j, typ: DATE, grain: gMonth, y: y1, m: mo, val: fmt.Sprintf("%04d-%02d", y1, mo)}
					second.extra = []match{first}
					return second, true
				}
			}
		}
		if p.wordIs(j, "بين", "من") {
			j++ // نوفمبر بين 15 و19
		}
		d1, j1, ok := p.rangeDayAt(j)
		if !ok {
			return match{}, false
		}
		s := p.rangeSep(j1)
		if s == j1 {
			return match{}, false
		}
		d2, j2, ok := p.dayAt(s)
		if !ok || d2 <= d1 {
			return match{}, false
		}
		second := p.finishDate(s, j2, d2, mo, false)
		first := p.finishDate(i, j1, d1, mo, false)
		if first.y != second.y && second.y > 0 {
			first = p.ymdMatch(i, j1, second.y, mo, d1, false)
		}
		second.extra = []match{first}
		return second, true
	}
	d1, j1, ok := p.rangeDayAt(k)
	if !ok {
		return match{}, false
	}
	s := p.rangeSep(j1)
	if s == j1 {
		return match{}, false
	}
	second, ok := p.dayMonthYear(s, false)
	if !ok || second.grain != gDay || second.m == 0 || second.d <= d1 {
		return match{}, false
	}
	first := match{i: i, j: j1, typ: DATE, grain: gDay, y: second.y, m: second.m, d: d1}
	switch {
	case second.val == "":
		first.reason = second.reason
	case second.y == 0:
		first.val = fmt.Sprintf("XXXX-%02d-%02d", second.m, d1)
	default:
		first.val = fmt.Sprintf("%04d-%02d-%02d", second.y, second.m, d1)
	}
	second.extra = []match{first}
	return second, true
}

// rangeSep skips the separator of a day range (الى, حتى, -, و) and
// returns the token after it, or j when there is none.
func (p *parser) rangeSep(j int) int {
	switch {
	case p.wordIs(j, "الي", "حتي", "وحتي", "لغايه", "و"):
		return j + 1
	case p.punct(j, "-–"):
		return j + 1
	}
	// و glued to the next number is a separate token only for digits
	return j
}

// timeRangeRule: من الخامسة إلى السابعة مساء, بين الساعة 5 و6 مساءً, من 4
// مساءً حتى 5 مساءً اليوم. The first end takes the part of day and the day
// of the second when it has none; the result is two TIME expressions.
func (p *parser) timeRangeRule(i int, w0 string) (match, bool) {
	if w0 != "من" && w0 != "بين" {
		return match{}, false
	}
	k := i + 1
	withSaa := p.wordIs(k, "الساعه")
	if withSaa {
		k++
	}
	h1, m1, _, _, colon1, j1, ok := p.clockAt(k, true)
	if !ok || (!withSaa && !colon1 && k < len(p.toks) && p.toks[k].kind == tNum && !p.numIsClock(k)) {
		return match{}, false
	}
	part1, pm1, j1b := p.dayPartAfter(j1)
	s := j1b
	if !p.wordIs(s, "الي", "حتي", "وحتي", "و") && !p.punct(s, "-") {
		return match{}, false
	}
	s++
	second, ok := p.clockRule(s, p.w(s))
	if !ok {
		return match{}, false
	}
	if !strings.HasPrefix(p.w(s), "ال") && p.toks[s].kind == tWord && !p.ordinalOK(s) {
		return match{}, false
	}
	t := strings.Index(second.val+second.rel, "T")
	if t < 0 {
		return match{}, false
	}
	date := (second.val + second.rel)[:t]
	h2, _ := strconv.Atoi((second.val + second.rel)[t+1 : t+3])
	if part1 == "" && h1 < 12 && h2 >= 12 && h1+12 <= h2 {
		h1 += 12
	} else if pm1 && h1 < 12 {
		h1 += 12
	}
	first := match{i: i + 1, j: j1b, typ: TIME}
	v := fmt.Sprintf("%sT%02d:%02d", date, h1, m1)
	if second.val != "" {
		first.val = v
	} else {
		first.rel = v
	}
	second.extra = []match{first}
	return second, true
}

// numIsClock reports whether a bare number at k reads as an hour (1-24).
func (p *parser) numIsClock(k int) bool {
	n, err := strconv.Atoi(p.toks[k].norm)
	return err == nil && n >= 0 && n <= 24
}

// rangeDayAt reads the first day of a range, which may be glued to a dash
// (19-20 نوفمبر) where a lone day may not.
func (p *parser) rangeDayAt(k int) (int, int, bool) {
	if k < len(p.toks) && p.toks[k].kind == tNum && len(p.toks[k].norm) <= 2 && p.punct(k+1, "-") && k+2 < len(p.toks) && p.toks[k+2].kind == tNum {
		d, _ := strconv.Atoi(p.toks[k].norm)
		if d >= 1 && d <= 31 {
			return d, k + 1, true
		}
		return 0, k, false
	}
	return p.dayAt(k)
}
