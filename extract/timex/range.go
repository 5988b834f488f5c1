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
	if p.toks[i].kind != tNum && !p.ordinalOK(i) {
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
		s, glued, restore := p.rangeSecond(j1)
		if restore != nil {
			defer restore()
		}
		if s < 0 {
			return match{}, false
		}
		d2, j2, ok := p.dayAt(s)
		if !ok || d2 <= d1 {
			return match{}, false
		}
		second := p.finishDate(s, j2, d2, mo, false)
		if glued {
			second.pre = origPrefixLen(p.text[p.toks[s].start:p.toks[s].end], 1)
		}
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
	s, glued, restore := p.rangeSecond(j1)
	if restore != nil {
		defer restore()
	}
	if s < 0 {
		return match{}, false
	}
	second, ok := p.dayMonthYear(s, false)
	if !ok || second.grain != gDay || second.m == 0 || second.d <= d1 {
		return match{}, false
	}
	if glued {
		second.pre = origPrefixLen(p.text[p.toks[s].start:p.toks[s].end], 1)
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

// unglue makes token s read without the conjunction و glued to it
// (والتاسع عشر) until the returned function restores it; it reports false
// when s carries no such conjunction. The parser is used by one goroutine
// at a time, so the change is seen by the rule that asked for it only.
func (p *parser) unglue(s int) (func(), bool) {
	if s >= len(p.toks) || p.toks[s].kind != tWord || p.wc(s) == p.w(s) {
		return nil, false
	}
	old := p.toks[s].norm
	p.toks[s].norm = p.wc(s)
	return func() { p.toks[s].norm = old }, true
}

// rangeSecond finds where the second day of a day range starts after the
// first day ends at j1: after a separator (see rangeSep), or at j1 itself
// when the conjunction is glued to it (و19, والتاسع عشر), in which case
// glued is true and the token reads without it until the caller runs
// restore. s is -1 when there is no second day to look for.
func (p *parser) rangeSecond(j1 int) (s int, glued bool, restore func()) {
	if s = p.rangeSep(j1); s != j1 {
		return s, false, nil
	}
	if restore, glued = p.unglue(j1); glued {
		return j1, true, restore
	}
	return -1, false, nil
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
	if o, jo, ok := p.ordinalAt(k); ok && o <= 12 && jo < j1 && p.wc(jo) != p.w(jo) {
		// بين الخامسة والسادسة: the glued second end is not a minute count
		m1, j1 = 0, jo
	}
	part1, pm1, j1b := p.dayPartAfter(j1)
	s := j1b
	w2 := ""
	switch {
	case p.wordIs(s, "الي", "حتي", "وحتي", "و") || p.punct(s, "-"):
		s++
		w2 = p.w(s)
	case p.wc(s) != p.w(s) && strings.HasPrefix(p.wc(s), "ال"):
		w2 = p.wc(s) // والسادسة: the conjunction glued to the second end
	default:
		return match{}, false
	}
	glued := w2 != p.w(s)
	if glued {
		// read the second end without its conjunction
		if restore, ok := p.unglue(s); ok {
			defer restore()
		}
	}
	second, ok := p.clockRule(s, w2)
	// اليوم من الخامسة إلى السابعة: a day before the range makes bare
	// ordinal hours clock times
	dayBefore := false
	if i > 0 {
		if d, okd := p.dayRefAt(i - 1); okd && d.j == i || p.wordIs(i-1, "اليوم", "غدا", "الغد", "امس") || isWeekday(p.w(i-1)) {
			dayBefore = true
		}
	}
	if !ok && (withSaa || colon1 || part1 != "" || dayBefore) {
		// من الساعة الخامسة إلى السابعة: a bare second end takes the day
		// of the first
		if h, mi, _, _, _, j2, ok2 := p.clockAt(s, false); ok2 && h <= 12 {
			part2, pm2, j3 := p.dayPartAfter(j2)
			if pm2 && h < 12 || part2 == "" && pm1 && h < 12 {
				h += 12
			}
			second = p.partClock(s, j3, fmt.Sprintf("T%02d:%02d", h, mi), "")
			ok = true
		}
	}
	if !ok {
		return match{}, false
	}
	if glued {
		second.pre = origPrefixLen(p.text[p.toks[s].start:p.toks[s].end], 1)
	}
	if !strings.HasPrefix(w2, "ال") && p.toks[s].kind == tWord && !p.ordinalOK(s) {
		return match{}, false
	}
	t := strings.Index(second.val+second.rel, "T")
	if t < 0 {
		return match{}, false
	}
	date := (second.val + second.rel)[:t]
	// الخميس من الساعة التاسعة وحتى الحادية عشرة: the hours are on the day
	// written before the range when the range names none
	if i > 0 {
		if d, okd := p.dayRefAt(i - 1); okd && d.j == i && d.grain == gDay {
			switch {
			case second.val != "" && p.known && date == p.anchor.Format("2006-01-02") && d.val != "":
				date = d.val
				second.val = d.val + second.val[t:]
			case second.val == "" && date == "P0D" && d.rel != "":
				date = d.rel
				second.rel = d.rel + second.rel[t:]
			}
		}
	}
	h2, _ := strconv.Atoi((second.val + second.rel)[t+1 : t+3])
	if part1 == "" && h1 < 12 && h2 >= 12 && h1+12 <= h2 {
		h1 += 12
	} else if pm1 && h1 < 12 {
		h1 += 12
	}
	if h2 < h1 && h2 < 12 && h2+12 > h1 && !strings.Contains(p.text[p.toks[s].start:p.toks[min(second.j, len(p.toks))-1].end], "صباح") {
		// من الثامنة صباحا إلى الساعة الثانية: the second end is past noon
		h2 += 12
		v := second.val + second.rel
		v = fmt.Sprintf("%sT%02d%s", v[:t], h2, v[t+3:])
		if second.val != "" {
			second.val = v
		} else {
			second.rel = v
		}
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
