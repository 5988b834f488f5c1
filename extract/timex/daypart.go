package timex

import (
	"fmt"
	"strings"
)

// bareParts are the parts of day that stand alone after a preposition
// (في الصباح, عند المساء, في الليل) with their TIMEX3 part of day.
var bareParts = map[string]string{
	"الصباح": "MO", "الصبح": "MO", "المساء": "EV", "الليل": "NI", "الامسيات": "EV", "الامسيه": "EV",
	"الظهيره": "MI", "النهار": "DT",
}

// partMods are the adjectives and nouns that narrow a part of day:
// الصباح الباكر (START), أواخر الصباح (END), منتصف الصباح (MID).
var (
	partAdjMods = map[string]string{"الباكر": "START", "المبكر": "START", "المتاخر": "END"}
	partNounMod = map[string]string{"اواخر": "END", "اوائل": "START", "اول": "START", "بدايه": "START", "نهايه": "END", "اخر": "END", "منتصف": "MID"}
)

// dayPartRule reads a part of day that is not attached to a clock time:
//
//	في الصباح, عند المساء, في الليل, في الأمسيات      (after a preposition)
//	بعد الظهر, فترة ما بعد الظهر, الظهيرة              (alone)
//	في الصباح الباكر, أواخر الصباح, منتصف-الصباح       (with a modifier)
//	في الصباح الباكر الثلاثاء, بعد الظهر يوم الجمعة   (with a day)
//	بعد الظهر الساعة 7, مساء 7, في الليل الخامسة والنصف (refined by a clock)
//
// The preposition stays outside the expression. Without a day the value
// leaves the day unspecified (XXXX-XX-XXTMO).
func (p *parser) dayPartRule(i int, w0 string) (match, bool) {
	k := i
	mod := ""
	if m, ok := partNounMod[w0]; ok {
		// أواخر الصباح, منتصف-الليل
		mod = m
		k++
		if p.punct(k, "-") && p.adjacent(k) {
			k++
		}
		w0 = p.w(k)
		if w0 == "الليل" && mod == "MID" || w0 == "النهار" && mod == "MID" || w0 == "الظهر" && mod == "MID" {
			// منتصف-الليل, منتصف-النهار: a clock time
			clock := map[string]string{"الليل": "T24:00", "النهار": "T12:00", "الظهر": "T12:00"}[w0]
			d := p.dayMatch(i, k+1, 0)
			m := match{i: i, j: k + 1, typ: TIME, val: d.val, rel: d.rel}
			if m.val != "" {
				m.val += clock
			} else {
				m.rel += clock
			}
			return m, true
		}
	}
	part := ""
	switch {
	case w0 == "بعد" && p.wordIs(k+1, "الظهر", "الظهيره"):
		part, k = "AF", k+2
	case w0 == "فتره" && p.wordIs(k+1, "ما") && p.wordIs(k+2, "بعد") && p.wordIs(k+3, "الظهر", "الظهيره"):
		part, k = "AF", k+4
	case w0 == "الظهيره":
		part, k = "MI", k+1
	case w0 == "وقت" && p.wordIs(k+1, "الغداء"):
		part, k = "MI", k+2 // وقت الغداء: lunch time
	case w0 == "مساء" || w0 == "صباح":
		// مساء 7: a part of day before a bare hour
		if k+1 < len(p.toks) && p.toks[k+1].kind == tNum && p.numIsClock(k+1) && !(p.punct(k+2, "/-.:") && p.adjacent(k+2) && p.adjacent(k+3)) {
			part = map[string]string{"مساء": "EV", "صباح": "MO"}[w0]
			k++
			h := atoiTok(p.toks[k].norm)
			if part == "EV" && h < 12 {
				h += 12
			}
			return p.partClock(i, k+1, fmt.Sprintf("T%02d:00", h), ""), true
		}
		return match{}, false
	default:
		part = bareParts[w0]
		if part == "" {
			return match{}, false
		}
		// a bare part needs a preposition or a modifier before it:
		// الصباح and المساء are also newspaper names
		if mod == "" && !p.wordIs(i-1, "في", "عند", "وفي", "خلال", "طوال") && !(p.wordIs(i-1, "من") && p.wordIs(i-2, "مبكر", "متاخر")) {
			return match{}, false
		}
		k++
	}
	if m, ok := partAdjMods[p.w(k)]; ok && mod == "" {
		mod = m
		k++
	}
	// a clock time that refines the part: بعد الظهر الساعة 7, في الليل
	// الخامسة والنصف
	if c, ok := p.clockRule(k, p.w(k)); k < len(p.toks) && ok && c.i == k && (p.wordIs(k, "الساعه") || strings.HasPrefix(p.w(k), "ال") || p.toks[k].kind == tNum) {
		t := c.val + c.rel
		if x := strings.Index(t, "T"); x >= 0 && len(t) >= x+3 {
			h := atoiTok(t[x+1 : x+3])
			if part != "MO" && h < 12 && !(part == "NI" && h <= 4) {
				h += 12
			}
			clock := fmt.Sprintf("T%02d%s", h, t[x+3:])
			m := match{i: i, j: c.j, typ: TIME, val: t[:x] + clock}
			if c.val == "" {
				m.val, m.rel = "", t[:x]+clock
			}
			return m, true
		}
	}
	// a day after the part: في الصباح الباكر الثلاثاء, بعد الظهر يوم الجمعة
	if d, ok := p.dayRefAfter(k); ok {
		m := p.withPart(d, i, part)
		m.mod = mod
		return m, true
	}
	return match{i: i, j: k, typ: TIME, val: "XXXX-XX-XXT" + part, mod: mod}, true
}

// partClock builds a TIME from a clock suffix on the publication day, or on
// a day written after it.
func (p *parser) partClock(i, j int, clock, mod string) match {
	m := match{i: i, j: j, typ: TIME, mod: mod}
	if d, ok := p.dayRefAfter(j); ok {
		m.j = d.j
		m.val, m.rel, m.reason = d.val, d.rel, d.reason
	} else {
		d := p.dayMatch(i, j, 0)
		m.val, m.rel = d.val, d.rel
	}
	if m.val != "" {
		m.val += clock
	} else if m.rel != "" {
		m.rel += clock
	} else if m.reason == "" {
		m.val = clock
	}
	return m
}

// atoiTok converts a short run of ASCII digits; it returns -1 otherwise.
func atoiTok(s string) int {
	if s == "" || len(s) > 4 {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// clauseEnd reports whether token j ends a clause: the end of the text or
// a closing punctuation mark.
func (p *parser) clauseEnd(j int) bool {
	return j >= len(p.toks) || p.punct(j, ".!?؟،,;؛")
}

// bareDayRule reads a day of the month or an hour written alone:
//
//	يوم 27                    the 27th of the current month
//	22 هذا الشهر, 15 من الشهر الجاري, 23 الشهر المقبل
//	(في) 15 | الثاني والعشرين   a day, at the end of a clause after في
//	(في) السابعة (مساءً)        an hour (feminine ordinal: الساعة is understood),
//	                          with a part of day or at the end of a sentence
//
// A number after في inside a clause (في 15 دولة) is left alone.
func (p *parser) bareDayRule(i int, w0 string) (match, bool) {
	if i < 0 || i >= len(p.toks) {
		return match{}, false
	}
	if w0 == "يوم" {
		if i+1 < len(p.toks) && p.toks[i+1].kind == tNum && len(p.toks[i+1].norm) <= 2 && !p.punct(i+2, "/-.:") {
			if d := atoiTok(p.toks[i+1].norm); d >= 1 && d <= 31 {
				_, unit := durUnits[p.w(i+2)]
				if m, ok := p.at(i + 1); unit || ok && m.j > i+2 {
					return match{}, false // يوم 30 مارس: the date that starts after يوم
				}
				return p.finishRelMonthDay(i, i+2, d, 0), true
			}
		}
		return match{}, false
	}
	t := p.toks[i]
	if t.kind == tNum && len(t.norm) <= 2 && !p.punct(i+1, "/-.:") {
		// 22 هذا الشهر, 15 من الشهر الجاري, 23 في الشهر المقبل
		k := i + 1
		if p.wordIs(k, "من", "في") {
			k++
		}
		off, j, ok := p.relUnit(k, "الشهر")
		if !ok && p.wordIs(k, "هذا") && p.wordIs(k+1, "الشهر") {
			off, j, ok = 0, k+2, true
		}
		if d := atoiTok(t.norm); ok && d >= 1 && d <= 31 {
			return p.finishRelMonthDay(i, j, d, off), true
		}
	}
	if !p.wordIs(i-1, "في") || i == 0 {
		return match{}, false
	}
	if t.kind == tNum {
		d := atoiTok(t.norm)
		if d < 1 || d > 31 || !p.clauseEnd(i+1) {
			return match{}, false
		}
		return p.finishRelMonthDay(i, i+1, d, 0), true
	}
	v, j, ok := p.ordinalAt(i)
	if !ok || !strings.HasPrefix(w0, "ال") {
		return match{}, false
	}
	if strings.HasSuffix(w0, "ه") {
		// an hour: السابعة, الحادية عشرة, السابعة وخمسة وثلاثين مساءً
		h, mi, _, _, _, j2, ok := p.clockAt(i, true)
		if !ok {
			return match{}, false
		}
		part, pm, j3 := p.dayPartAfter(j2)
		// without a part of day, only at the end of a sentence: في السابعة،
		// is often an age, في الثانية a unit (100 إطار في الثانية)
		if part == "" && (w0 == "الثانيه" || !(j3 >= len(p.toks) || p.punct(j3, ".!?؟"))) || !p.clauseEnd(j3) {
			return match{}, false
		}
		if pm && h < 12 && !(part == "NI" && h <= 4) {
			h += 12
		}
		return p.partClock(i, j3, fmt.Sprintf("T%02d:%02d", h, mi), ""), true
	}
	if v < 1 || v > 31 {
		return match{}, false
	}
	if !p.clauseEnd(j) {
		// في الخامس في 4 صباحا: the day with the clock time that follows
		c, ok := p.clockRule(j+1, p.w(j+1))
		if !p.wordIs(j, "في") || !ok || c.i != j+1 {
			return match{}, false
		}
	}
	return p.finishRelMonthDay(i, j, v, 0), true
}

// minuteOffsetRule: ثلاث دقائق قبل الخامسة والنصف, عشرين دقيقة بعد
// الخامسة صباح الغد, ثلاث دقائق حتى الثامنة: a clock time moved by a number
// of minutes.
func (p *parser) minuteOffsetRule(i int, w0 string) (match, bool) {
	_, du, n, k, ok := p.durationAt(i, w0)
	if !ok || !du.clock || du.letter != "M" || n != float64(int(n)) || n >= 60 {
		return match{}, false
	}
	sign := 0
	switch {
	case p.wordIs(k, "قبل", "حتي", "الا"):
		sign = -1
	case p.wordIs(k, "بعد"):
		sign = 1
	default:
		return match{}, false
	}
	k++
	if !strings.HasPrefix(p.w(k), "ال") || p.wordIs(k, "الساعه") {
		return match{}, false
	}
	c, ok := p.clockRule(k, p.w(k))
	if !ok {
		h, mi, _, _, _, j, ok2 := p.clockAt(k, false)
		if !ok2 || p.toks[k].kind != tWord {
			return match{}, false
		}
		part, pm, j2 := p.dayPartAfter(j)
		if pm && h < 12 && !(part == "NI" && h <= 4) {
			h += 12
		}
		c = p.partClock(k, j2, fmt.Sprintf("T%02d:%02d", h, mi), "")
	}
	v := c.val
	if v == "" {
		v = c.rel
	}
	x := strings.Index(v, "T")
	if x < 0 || len(v) < x+6 || v[x+3] != ':' {
		return match{}, false
	}
	h, mi := atoiTok(v[x+1:x+3]), atoiTok(v[x+4:x+6])
	t := (h*60 + mi + sign*int(n) + 24*60) % (24 * 60)
	shifted := v[:x] + fmt.Sprintf("T%02d:%02d", t/60, t%60) + v[x+6:]
	m := match{i: i, j: c.j, typ: TIME, reason: c.reason}
	if c.val != "" {
		m.val = shifted
	} else {
		m.rel = shifted
	}
	return m, true
}

// weekOfRule: أسبوع 15 سبتمبر, الأسبوع في 15 سبتمبر: the ISO week that
// holds a date.
func (p *parser) weekOfRule(i int, w0 string) (match, bool) {
	if w0 != "اسبوع" && w0 != "الاسبوع" {
		return match{}, false
	}
	k := i + 1
	if p.wordIs(k, "في") {
		k++
	}
	if k >= len(p.toks) || p.toks[k].kind != tNum {
		return match{}, false
	}
	d, ok := p.dateRule(k, p.w(k))
	if !ok || d.grain != gDay || d.m == 0 || d.d == 0 {
		return match{}, false
	}
	m := match{i: i, j: d.j, typ: DATE, grain: gWeek, reason: d.reason}
	if d.val == "" || d.y == 0 {
		m.rel = d.rel
		return m, true
	}
	y, w := dateOf(d.y, d.m, d.d).ISOWeek()
	m.val = fmt.Sprintf("%04d-W%02d", y, w)
	return m, true
}

// nextDayRule: اليوم التالي, اليوم الآتي: the day after a day named
// earlier in the text. It is marked without a value: the day it follows
// is an event of the story, not the publication date.
func (p *parser) nextDayRule(i int, w0 string) (match, bool) {
	if w0 != "اليوم" || !p.wordIs(i+1, "التالي", "الاتي", "الآتي") {
		return match{}, false
	}
	return match{i: i, j: i + 2, typ: DATE, grain: gDay, reason: "the day after a day named earlier in the text"}, true
}
