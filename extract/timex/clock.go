package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dayParts maps a part-of-day word (after a clock time or alone) to the
// TIMEX3 part of day and whether it moves a 12-hour clock to the
// afternoon.
var dayParts = map[string]struct {
	part string
	pm   bool
}{
	"صباحا": {"MO", false}, "صباح": {"MO", false}, "الصبح": {"MO", false}, "الصباح": {"MO", false}, "صبحا": {"MO", false},
	"فجرا": {"MO", false}, "الفجر": {"MO", false}, "فجر": {"MO", false},
	"ظهرا": {"MI", true}, "الظهر": {"MI", true}, "ظهر": {"MI", true}, "الظهيره": {"MI", true},
	"عصرا": {"AF", true}, "العصر": {"AF", true}, "عصر": {"AF", true},
	"مساء": {"EV", true}, "مساءا": {"EV", true}, "المساء": {"EV", true}, "مسا": {"EV", true},
	"ليلا": {"NI", true}, "الليل": {"NI", true}, "ليل": {"NI", true}, "ليله": {"NI", true}, "الليله": {"NI", true},
	"العشاء": {"EV", true}, "المغرب": {"EV", true},
}

// dayPartAfter reads a part of day after a clock time: صباحا, بعد الظهر,
// قبل الظهر, هذا الصباح, من مساء, في المساء.
func (p *parser) dayPartAfter(k int) (part string, pm bool, j int) {
	w := p.w(k)
	switch {
	case w == "بعد" && p.wordIs(k+1, "الظهر", "الظهيره", "العصر", "المغرب", "العشاء"):
		return "AF", true, k + 2
	case w == "قبل" && p.wordIs(k+1, "الظهر", "الظهيره"):
		return "MO", false, k + 2
	case w == "قبل" && p.wordIs(k+1, "المغرب", "العصر"):
		return "AF", true, k + 2
	case (w == "هذا" || w == "هذه") && p.wordIs(k+1, "الصباح", "الليله", "المساء"):
		dp := dayParts[p.w(k+1)]
		return dp.part, dp.pm, k + 2
	case w == "في" && p.wordIs(k+1, "الصباح", "المساء", "الليل"):
		dp := dayParts[p.w(k+1)]
		return dp.part, dp.pm, k + 2
	case w == "وقت" && p.wordIs(k+1, "الغداء"):
		return "MI", false, k + 2 // الساعة 12 ظهرا وقت الغداء
	}
	if dp, ok := dayParts[w]; ok && (w != "صباح" && w != "فجر" && w != "ظهر" && w != "عصر" && w != "ليل" && w != "ليله" || true) {
		return dp.part, dp.pm, k + 1
	}
	return "", false, k
}

// minutesAt reads the minutes after an hour: وربع, ونصف, وثلث, و18 دقيقة,
// وخمسة عشر دقيقة, إلا ربع, إلا ثلث. It returns signed minutes.
func (p *parser) minutesAt(k int) (int, int, bool) {
	w := p.w(k)
	frac := map[string]int{"ربع": 15, "ربعا": 15, "نصف": 30, "نص": 30, "ثلث": 20, "الربع": 15, "النصف": 30, "الثلث": 20}
	if w == "الا" || w == "إلا" {
		if m, ok := frac[p.w(k+1)]; ok {
			return -m, k + 2, true
		}
		if v, j, ok := p.cardinalAt(k + 1); ok && v < 60 {
			if p.wordIs(j, "دقيقه", "دقائق") {
				j++
			}
			return -int(v), j, true
		}
		return 0, k, false
	}
	start := k
	if w == "و" {
		start = k + 1
		w = p.w(start)
	} else if strings.HasPrefix(w, "و") {
		w = w[len("و"):]
	} else {
		return 0, k, false
	}
	if m, ok := frac[w]; ok {
		return m, start + 1, true
	}
	var v float64
	var j int
	var ok bool
	if start > k {
		v, j, ok = p.cardinalAt(start)
	} else if nw, found := lex().numbers[w]; found && (nw.class == "card" || nw.class == "tens" || nw.class == "ten") {
		// the conjunction is glued: وثمانية عشر
		v, j, ok = p.cardinalGlued(start)
	}
	if !ok || v >= 60 {
		return 0, k, false
	}
	if p.wordIs(j, "دقيقه", "دقائق") {
		j++
	} else if _, part := dayParts[p.w(j)]; v != 15 && v != 30 && !(part && v > 12) {
		// السابعة وخمسة وثلاثين مساءً: the part of day closes minutes that
		// cannot be an hour (5 و6 مساء is a range of hours)
		return 0, k, false
	}
	return int(v), j, true
}

// cardinalGlued reads a cardinal whose first word carries the conjunction.
func (p *parser) cardinalGlued(i int) (float64, int, bool) {
	saved := p.toks[i].norm
	p.toks[i].norm = strings.TrimPrefix(saved, "و")
	v, j, ok := p.cardinalAt(i)
	p.toks[i].norm = saved
	return v, j, ok
}

// clockAt reads a time of day at token k: 14:30, 15:23:24, 3, ثلاثة, الثالثة,
// الحادية عشرة, with minutes. withSaa says الساعة was written before it.
func (p *parser) clockAt(k int, withSaa bool) (h, mi, s int, hasSec, colon bool, j int, ok bool) {
	if k < len(p.toks) && p.toks[k].kind == tNum && len(p.toks[k].norm) <= 2 {
		h, _ = strconv.Atoi(p.toks[k].norm)
		j = k + 1
		if j+1 < len(p.toks) && p.punct(j, ":") && !p.toks[j].space && !p.toks[j+1].space && p.toks[j+1].kind == tNum && len(p.toks[j+1].norm) == 2 {
			mi, _ = strconv.Atoi(p.toks[j+1].norm)
			colon = true
			j += 2
			if j+1 < len(p.toks) && p.punct(j, ":") && !p.toks[j].space && !p.toks[j+1].space && p.toks[j+1].kind == tNum && len(p.toks[j+1].norm) == 2 {
				s, _ = strconv.Atoi(p.toks[j+1].norm)
				hasSec = true
				j += 2
			}
		} else if j < len(p.toks) && !p.toks[j].space && p.punct(j, "/-.") {
			return 0, 0, 0, false, false, k, false
		}
		if h > 24 || mi > 59 || s > 59 {
			return 0, 0, 0, false, false, k, false
		}
		if !colon && !withSaa {
			return h, 0, 0, false, false, j, h <= 12
		}
	} else {
		var v int
		if o, j2, ok2 := p.ordinalAt(k); ok2 {
			v, j = o, j2
		} else if nw, ok2 := p.numWordAt(k, false); ok2 && (nw.class == "card" || nw.class == "ten") && withSaa {
			// an hour in cardinal words: ثلاثة, خمسة, إحدى عشرة
			v, j = int(nw.value), k+1
			if v <= 2 && nw.class == "card" && p.wordIs(j, "عشر", "عشره") {
				v, j = v+10, j+1
			}
			if teenOnly[p.w(k)] && v < 10 {
				return 0, 0, 0, false, false, k, false
			}
		} else {
			return 0, 0, 0, false, false, k, false
		}
		if v < 1 || v > 12 && !withSaa || v > 24 {
			return 0, 0, 0, false, false, k, false
		}
		h = v
	}
	if !colon {
		if d, j2, ok2 := p.minutesAt(j); ok2 {
			if d < 0 {
				h--
				if h < 0 {
					h = 23
				}
				mi = 60 + d
			} else {
				mi = d
			}
			j = j2
		}
	}
	return h, mi, s, hasSec, colon, j, true
}

// clockRule: الساعة العاشرة صباحا, 14:30 بتوقيت غرينتش, الثالثة فجرا, حوالي
// الساعة 3, الساعة 8 مساء الأحد, with the day when one is written.
func (p *parser) clockRule(i int, w0 string) (match, bool) {
	k := i
	mod := ""
	if w0 == "حوالي" || w0 == "نحو" || w0 == "قرابه" || w0 == "حدود" || w0 == "بحدود" {
		mod = "APPROX"
		k++
		w0 = p.w(k)
	}
	withSaa := false
	if w0 == "الساعه" || w0 == "ساعه" && p.wordIs(k-1, "عند", "في") {
		withSaa = true
		k++
	}
	h, mi, s, hasSec, colon, j, ok := p.clockAt(k, withSaa)
	if !ok {
		return match{}, false
	}
	if !withSaa && !colon && p.toks[k].kind == tNum && p.punct(k-1, "-–") && (p.toks[k-1].space || p.toks[k].space) && k >= 2 && p.toks[k-2].kind == tNum {
		return match{}, false // 2 - 2 صباح اليوم: a score, not an hour
	}
	part, pm, j2 := p.dayPartAfter(j)
	if !withSaa && !colon && part == "" {
		// السابعة إلا الربع غدا: an ordinal hour with its day; الثامنة
		// والنصف: an ordinal hour with its minutes
		_, dayOK := p.dayRefAfter(j)
		if p.wordIs(j, "من") {
			if _, _, isMonth := p.monthAt(j+1, p.w(j+1)); isMonth {
				dayOK = false // الأول من أغسطس: a day of the month, not an hour
			}
		}
		minutesOK := mi != 0 && strings.HasPrefix(p.w(k), "ال") && (strings.HasPrefix(p.w(j-1), "وال") || p.wordIs(j-1, "دقيقه", "دقائق"))
		if k >= len(p.toks) || p.toks[k].kind != tWord || !dayOK && !minutesOK {
			return match{}, false
		}
	}
	if !withSaa && !colon && k < len(p.toks) && p.toks[k].kind == tWord {
		// a bare word hour needs the ordinal form: العاشرة صباحا
		if _, _, ok := p.ordinalAt(k); !ok {
			return match{}, false
		}
	}
	if mod != "" && !withSaa {
		return match{}, false
	}
	j = j2
	if part != "" && p.wordIs(j, "وقت") && p.wordIs(j+1, "الغداء") {
		j += 2 // الساعة 12 ظهرا وقت الغداء
	}
	if pm && h < 12 && !(part == "NI" && h <= 4) && !(part == "MI" && h >= 11) {
		h += 12
	}
	if part == "MO" && h == 12 {
		h = 0
	}
	// time zone: بتوقيت غرينتش, بتوقيت مكة المكرمة, GMT
	tz := ""
	if p.wordIs(j, "بتوقيت", "توقيت") {
		tz = p.w(j + 1)
		j += 2
		if p.wordIs(j, "المكرمه", "المحتله", "الشريف") {
			j++
		}
	} else if p.wordIs(j, "gmt", "utc", "غرينتش", "جرينتش") {
		tz = p.w(j)
		j++
	}
	_ = tz // the value stays in the clock time as written
	m := match{i: i, j: j, typ: TIME, mod: mod}
	clock := fmt.Sprintf("T%02d:%02d", h, mi)
	if hasSec {
		clock += fmt.Sprintf(":%02d", s)
	}
	// a day written after the time: الساعة 8 مساء الأحد, من صباح اليوم
	d, ok := p.dayRefAfter(j)
	if ok {
		m.j = d.j
		m.reason = d.reason
		if d.val != "" {
			m.val = d.val + clock
		} else if d.rel != "" {
			m.rel = d.rel + clock
		}
		return m, true
	}
	if p.known {
		m.val = p.anchor.Format("2006-01-02") + clock
	} else {
		m.val = clock
	}
	return m, true
}

// dayRefAfter reads a day after a time or part of day: [من|يوم|،] (اليوم |
// أمس | weekday | date).
func (p *parser) dayRefAfter(j int) (match, bool) {
	k := j
	if p.wordIs(k, "من", "يوم", "في") || p.punct(k, "،,") {
		k++
	}
	if p.wordIs(k, "صباح", "مساء", "ظهر", "عصر", "ليله", "فجر") {
		k++
	}
	return p.dayRefAt(k)
}

// dayRefAt reads a day at token k (relative, weekday or full date).
func (p *parser) dayRefAt(k int) (match, bool) {
	if k >= len(p.toks) {
		return match{}, false
	}
	var best match
	found := false
	for _, b := range bases(p.text, p.toks[k]) {
		for _, r := range []func(*parser, int, string) (match, bool){(*parser).dateRule, (*parser).relDayRule, (*parser).weekdayRule} {
			if m, ok := r(p, k, b.norm); ok && m.grain == gDay && (!found || m.j > best.j) {
				best, found = m, true
			}
		}
		if found {
			break
		}
	}
	return best, found
}

// partOfDayRule: صباح اليوم, مساء أمس, فجر الأحد, ليلة السبت, هذا الصباح,
// الليلة.
func (p *parser) partOfDayRule(i int, w0 string) (match, bool) {
	switch w0 {
	case "الليله":
		switch {
		case pastWords[p.w(i+1)]:
			return p.withPart(p.dayMatch(i, i+2, -1), i, "NI"), true
		case nextWords[p.w(i+1)]:
			return p.withPart(p.dayMatch(i, i+2, 1), i, "NI"), true
		}
		d := p.dayMatch(i, i+1, 0)
		return p.withPart(d, i, "NI"), true
	case "ليله":
		// ليلة أمس, ليلة الغد: relative days only (ليلة السبت is the eve)
		if off, j, ok := p.dayOffsetAt(i+1, p.w(i+1)); ok && p.w(i+1) != "اليوم" {
			return p.withPart(p.dayMatch(i, j, off), i, "NI"), true
		}
		return match{}, false
	case "هذا", "هذه":
		if dp, ok := dayParts[p.w(i+1)]; ok && p.wordIs(i+1, "الصباح", "المساء", "الليله") {
			d := p.dayMatch(i, i+2, 0)
			return p.withPart(d, i, dp.part), true
		}
		return match{}, false
	case "منتصف":
		// منتصف الليل (T24:00), منتصف النهار (T12:00), with an optional day
		clock := map[string]string{"الليل": "T24:00", "النهار": "T12:00", "الظهر": "T12:00", "الظهيره": "T12:00"}[p.w(i+1)]
		if clock == "" {
			return match{}, false
		}
		m := match{i: i, j: i + 2, typ: TIME}
		d, ok := p.dayRefAfter(i + 2)
		if !ok {
			d = p.dayMatch(i, i+2, 0)
		} else {
			m.j = d.j
		}
		if d.val != "" {
			m.val = d.val + clock
		} else if d.rel != "" {
			m.rel = d.rel + clock
		}
		return m, true
	case "الظهيره", "الظهر":
		// only after a time preposition: جبل الظهر is a place, صلاة الظهر a prayer
		if !p.wordIs(i-1, "عند", "حتي", "منذ", "وقت", "قرابه", "حوالي", "نحو") {
			return match{}, false
		}
		d := p.dayMatch(i, i+1, 0)
		m := match{i: i, j: i + 1, typ: TIME, val: d.val, rel: d.rel}
		if m.val != "" {
			m.val += "T12:00"
		} else {
			m.rel += "T12:00"
		}
		return m, true
	}
	// ليلة السبت is the night before Saturday in Arabic usage, so ليلة is
	// left alone; ليل السبت is Saturday night.
	k := i + 1
	part := map[string]string{"صباح": "MO", "صبيحه": "MO", "فجر": "MO", "ظهر": "MI", "ظهيره": "MI", "عصر": "AF", "مساء": "EV", "ليل": "NI"}[w0]
	if w0 == "بعد" && p.wordIs(i+1, "ظهر", "ظهيره") {
		part, k = "AF", i+2
	}
	if part == "" {
		return match{}, false
	}
	d, ok := p.dayRefAt(k)
	if !ok {
		return match{}, false
	}
	m := p.withPart(d, i, part)
	// ليل السبت الأحد: the night from one day to the next
	if part == "NI" {
		if wd, ok := lex().weekdays[p.w(m.j)]; ok && d.val != "" {
			if t, err := time.Parse("2006-01-02", d.val); err == nil && t.AddDate(0, 0, 1).Weekday() == time.Weekday(wd) {
				m.j++
			}
		}
	}
	return m, true
}

func (p *parser) withPart(d match, i int, part string) match {
	m := match{i: i, j: d.j, typ: TIME, reason: d.reason}
	if d.val != "" {
		m.val = d.val + "T" + part
	} else if d.rel != "" {
		m.rel = d.rel + "T" + part
	}
	return m
}

// attach extends a day-grain date with a clock time or part of day that
// follows it (الخميس الساعة 8, أمس مساء, 21/09 الساعة 1:30 بعد الظهر).
// It reports whether the match is kept.
func (p *parser) attach(m *match) bool {
	if m.typ == TIME && strings.Contains(m.val, ":") && p.wordIs(m.j, "كل", "ايام") {
		// الساعة 3 مساءً كل يوم, الساعة 9 صباحًا كل يوم الاثنين
		if s, ok := p.setRule(m.j, p.w(m.j)); ok && s.j == p.setClock(s).j {
			clock := m.val[strings.Index(m.val, "T"):]
			switch {
			case strings.HasPrefix(s.val, "XXXX-WXX-") && len(s.val) == len("XXXX-WXX-1"):
				m.typ, m.val, m.rel, m.j = SET, s.val+clock, "", s.j
			case s.val == "P1D":
				m.typ, m.val, m.rel, m.j = SET, "XXXX-XX-XX"+clock, "", s.j
			}
		}
		return true
	}
	if m.typ == TIME && len(m.val) > 3 && strings.Contains(m.val, "T") && !strings.Contains(m.val, ":") {
		// صباح الغد الساعة 7, هذا الصباح الساعة 7:00: the clock refines the part
		k := m.j
		if p.wordIs(k, "في", "عند", "حوالي", "نحو") || p.punct(k, "،,") {
			k++
		}
		if p.wordIs(k, "تمام") {
			k++
		}
		c, ok := p.bareDayRule(k, p.w(k))
		if ok && c.typ == DATE && p.toks[k].kind == tNum && p.numIsClock(k) && atoiTok(p.toks[k].norm) <= 12 {
			// هذه الليلة في 7: after a part of day a bare number is an hour
			c = match{i: k, j: k + 1, typ: TIME, val: fmt.Sprintf("T%02d:00", atoiTok(p.toks[k].norm))}
		}
		if ok && c.typ == TIME && k > m.j {
			// هذا الصباح في السابعة, هذه الليلة في 7
			cv := c.val + c.rel
			if t := strings.Index(cv, "T"); t >= 0 && len(cv) >= t+6 {
				part := m.val[strings.Index(m.val, "T")+1:]
				clock := cv[t:]
				if h, err := strconv.Atoi(clock[1:3]); err == nil && h < 12 && (part == "EV" || part == "AF" || part == "NI" && h >= 6) {
					clock = fmt.Sprintf("T%02d%s", h+12, clock[3:])
				}
				m.val = m.val[:strings.Index(m.val, "T")] + clock
				m.j = c.j
			}
			return true
		}
		if p.wordIs(k, "الساعه") {
			if c, ok := p.clockRule(k, p.w(k)); ok {
				part := m.val[strings.Index(m.val, "T")+1:]
				clock := c.val[strings.Index(c.val, "T"):]
				if h, err := strconv.Atoi(clock[1:3]); err == nil && h < 12 && (part == "EV" || part == "AF" || part == "NI" && h >= 6) {
					clock = fmt.Sprintf("T%02d%s", h+12, clock[3:])
				}
				m.val = m.val[:strings.Index(m.val, "T")] + clock
				m.j = c.j
			}
		}
		return true
	}
	if m.typ != DATE || m.grain != gDay {
		return true
	}
	k := m.j
	if p.punct(k, "،,") || p.wordIs(k, "في", "عند", "علي", "نحو", "حوالي") {
		k++
	}
	if p.wordIs(k, "تمام") && p.wordIs(k+1, "الساعه") {
		k++ // غدا في تمام الساعة 9
	}
	if c, ok := p.bareDayRule(k, p.w(k)); ok && c.typ == TIME && k > m.j {
		// 23 أكتوبر في السابعة
		clock := c.val + c.rel
		if t := strings.Index(clock, "T"); t >= 0 {
			clock = clock[t:]
		} else {
			return true
		}
		m.typ, m.j = TIME, c.j
		if m.val != "" {
			m.val += clock
		} else if m.rel != "" {
			m.rel += clock
		}
		return true
	}
	if p.wordIs(k, "الساعه") || (k < len(p.toks) && p.toks[k].kind == tNum) || p.ordinalOK(k) {
		if c, ok := p.clockRule(k, p.w(k)); ok && c.j > k {
			clock := c.val
			if idx := strings.Index(clock, "T"); idx >= 0 {
				clock = clock[idx:]
			}
			m.typ = TIME
			m.j = c.j
			if m.val != "" {
				m.val += clock
			} else if m.rel != "" {
				m.rel += clock
			}
			return true
		}
	}
	if part, _, j := p.dayPartAfter(m.j); part != "" && (p.wordIs(m.j, "في", "بعد", "قبل", "هذا", "هذه")) {
		m.typ = TIME
		m.j = j
		if p.wordIs(j, "الباكر") {
			m.j++
		}
		if m.val != "" {
			m.val += "T" + part
		} else if m.rel != "" {
			m.rel += "T" + part
		}
		return true
	}
	if dp, ok := dayParts[p.w(m.j)]; ok && strings.HasSuffix(p.w(m.j), "ا") || p.wordIs(m.j, "مساء") {
		dp = dayParts[p.w(m.j)]
		m.typ = TIME
		m.j++
		if m.val != "" {
			m.val += "T" + dp.part
		} else if m.rel != "" {
			m.rel += "T" + dp.part
		}
	}
	return true
}

func (p *parser) ordinalOK(k int) bool {
	_, _, ok := p.ordinalAt(k)
	return ok
}

func dateOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
