package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	hijri "github.com/hablullah/go-hijri"
)

// dayOffsetAt reads a day named relative to the publication date:
// اليوم, أمس, البارحة, أول أمس, غدا, يوم غد, بعد غد, هذا اليوم.
func (p *parser) dayOffsetAt(i int, w0 string) (off, j int, ok bool) {
	switch w0 {
	case "اليوم":
		if p.wordIs(i+1, "الماضي", "السابق", "المنصرم") {
			return -1, i + 2, true
		}
		if notToday[p.w(i+1)] || p.wordIs(i+1, "من", "الذي", "الي", "اللي", "القبل") {
			off, j, ok := p.dayAfterOrBefore(i)
			if !ok && p.wordIs(i+1, "من") && (p.wordIs(i+2, "الساعه") || p.ordinalOK(i+2) || i+2 < len(p.toks) && p.toks[i+2].kind == tNum) {
				return 0, i + 1, true // اليوم من الخامسة إلى السابعة
			}
			return off, j, ok
		}
		return 0, i + 1, true
	case "هذا":
		if p.wordIs(i+1, "اليوم") {
			return 0, i + 2, true
		}
	case "امس", "البارحه", "امبارح", "الامس":
		return -1, i + 1, true
	case "غدا", "الغد", "غد", "بكره", "بكرا":
		return 1, i + 1, true
	case "اول":
		if p.wordIs(i+1, "امس", "البارحه") {
			return -2, i + 2, true
		}
		if p.wordIs(i+1, "من") && p.wordIs(i+2, "امس") {
			return -2, i + 3, true
		}
	case "يوم":
		if p.wordIs(i+1, "غد", "الغد") {
			return 1, i + 2, true
		}
		if p.wordIs(i+1, "امس") {
			return -1, i + 2, true
		}
		if p.wordIs(i+1, "بعد") && p.wordIs(i+2, "غد", "الغد", "بكره") {
			return 2, i + 3, true
		}
		if p.wordIs(i+1, "قبل") && p.wordIs(i+2, "امس", "البارحه") {
			return -2, i + 3, true
		}
	case "بعد":
		if p.wordIs(i+1, "غد", "الغد", "غدا") {
			return 2, i + 2, true
		}
	case "قبل":
		if p.wordIs(i+1, "امس", "البارحه") {
			return -2, i + 2, true
		}
		if p.wordIs(i+1, "يوم") && p.wordIs(i+2, "امس", "البارحه") {
			return -2, i + 3, true // قبل يوم أمس
		}
	}
	return 0, i, false
}

// dayAfterOrBefore reads اليوم الذي بعد الغد, اليوم الي قبل امبارح.
func (p *parser) dayAfterOrBefore(i int) (int, int, bool) {
	k := i + 1
	if p.wordIs(k, "الذي", "الي", "اللي") {
		k++
	}
	switch {
	case p.wordIs(k, "بعد") && p.wordIs(k+1, "غد", "الغد", "بكره"):
		return 2, k + 2, true
	case p.wordIs(k, "قبل") && p.wordIs(k+1, "امس", "البارحه", "امبارح"):
		return -2, k + 2, true
	case p.wordIs(k, "القبل") && p.wordIs(k+1, "امس", "البارحه", "امبارح"):
		return -2, k + 2, true
	}
	return 0, i, false
}

func isWeekday(w string) bool { _, ok := lex().weekdays[w]; return ok }

// dayMatch builds a DATE n days from the publication date.
func (p *parser) dayMatch(i, j, off int) match {
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	if !p.known {
		m.rel = fmt.Sprintf("P%dD", off)
		return m
	}
	d := p.anchor.AddDate(0, 0, off)
	m.y, m.m, m.d = d.Year(), int(d.Month()), d.Day()
	m.val = d.Format("2006-01-02")
	return m
}

// relDayRule: اليوم, أمس, غدا …, optionally with the weekday (أمس الاثنين,
// اليوم (الاثنين)), checked against the calendar.
func (p *parser) relDayRule(i int, w0 string) (match, bool) {
	off, j, ok := p.dayOffsetAt(i, w0)
	if !ok {
		return match{}, false
	}
	m := p.dayMatch(i, j, off)
	k := j
	paren := false
	if p.punct(k, "(") {
		paren = true
		k++
	} else if p.punct(k, "،,") {
		k++
	}
	if wd, ok := lex().weekdays[p.w(k)]; ok && (!paren || p.punct(k+1, ")")) {
		k++
		if paren {
			k++
		}
		m.j = k
		if p.known && p.anchor.AddDate(0, 0, off).Weekday() != time.Weekday(wd) {
			m.reason = fmt.Sprintf("weekday does not match: %s is a %s", m.val, p.anchor.AddDate(0, 0, off).Weekday())
		}
	}
	return m, true
}

// weekdayRule: a weekday alone or with الماضي/المقبل, هذا الاثنين,
// الاحد من الاسبوع الماضي, ثلاثاء الاسبوع الفائت.
func (p *parser) weekdayRule(i int, w0 string) (match, bool) {
	k := i
	this := false
	if w0 == "هذا" || w0 == "هذه" {
		this = true
		k++
		w0 = p.w(k)
	}
	wd, j, ok := p.weekdayAt(k, w0)
	if !ok {
		return match{}, false
	}
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	dir := 0 // 0: by tense, -1 past, +1 next, 2: in a given week
	weekOff := 0
	switch {
	case pastWords[p.w(j)]:
		dir, m.j = -1, j+1
	case nextWords[p.w(j)]:
		dir, m.j = 1, j+1
	case this:
		dir = 1
	}
	// الاحد من الاسبوع الماضي, احد الاسبوع الماضي, الاثنين من هذا الاسبوع
	kk := m.j
	if p.wordIs(kk, "من") {
		kk++
	}
	if off, k2, ok := p.relUnit(kk, "الاسبوع"); ok {
		dir, weekOff, m.j = 2, off, k2
	} else if p.wordIs(kk, "هذا") && p.wordIs(kk+1, "الاسبوع") {
		dir, weekOff, m.j = 2, 0, kk+2
	}
	// a bare weekday word without ال (اثنين) needs a context word
	if !strings.HasPrefix(w0, "ال") && w0 != "يوم" && dir != 2 && !this {
		return match{}, false
	}
	if !p.known {
		switch dir {
		case 2:
			m.rel = fmt.Sprintf("P%dW-%d", weekOff, isoWeekday(wd))
		case 1:
			m.rel = fmt.Sprintf("NEXT-%d", isoWeekday(wd))
		default:
			if dir == 0 && p.future(i, m.j) {
				m.rel = fmt.Sprintf("NEXT-%d", isoWeekday(wd))
			} else {
				m.rel = fmt.Sprintf("LAST-%d", isoWeekday(wd))
			}
		}
		return m, true
	}
	a := p.anchor
	var d time.Time
	switch dir {
	case 2:
		mon := a.AddDate(0, 0, -(isoWeekday(int(a.Weekday()))-1)+7*weekOff)
		d = mon.AddDate(0, 0, isoWeekday(wd)-1)
	case 1:
		n := (wd - int(a.Weekday()) + 7) % 7
		if n == 0 {
			n = 7
		}
		d = a.AddDate(0, 0, n)
	case -1:
		n := (int(a.Weekday()) - wd + 7) % 7
		if n == 0 {
			n = 7
		}
		d = a.AddDate(0, 0, -n)
	default:
		if p.future(i, m.j) {
			n := (wd - int(a.Weekday()) + 7) % 7
			d = a.AddDate(0, 0, n)
		} else {
			n := (int(a.Weekday()) - wd + 7) % 7
			d = a.AddDate(0, 0, -n)
		}
	}
	m.y, m.m, m.d = d.Year(), int(d.Month()), d.Day()
	m.val = d.Format("2006-01-02")
	return m, true
}

func isoWeekday(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

// relUnit reads a calendar unit with a relative word: الاسبوع الماضي,
// الشهر المقبل, العام الحالي. unit restricts the unit word when not empty.
func (p *parser) relUnit(i int, unit string) (off, j int, ok bool) {
	w := p.w(i)
	if unit != "" && w != unit {
		return 0, i, false
	}
	switch {
	case pastWords[p.w(i+1)] && p.w(i+1) != "الاخير" && p.w(i+1) != "الاخيره":
		return -1, i + 2, true
	case nextWords[p.w(i+1)]:
		return 1, i + 2, true
	case curWords[p.w(i+1)]:
		return 0, i + 2, true
	}
	return 0, i, false
}

// unitGrain maps a calendar unit word to its grain.
var unitGrain = map[string]int{"الاسبوع": gWeek, "الشهر": gMonth, "العام": gYear, "السنه": gYear}

// unitRelRule: الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام,
// هذه السنة, السنة القادمة.
func (p *parser) unitRelRule(i int, w0 string) (match, bool) {
	var off, j int
	var g int
	switch {
	case (w0 == "هذا" || w0 == "هذه") && unitGrain[p.w(i+1)] != 0:
		off, j, g = 0, i+2, unitGrain[p.w(i+1)]
	case unitGrain[w0] != 0:
		if w0 == "العام" && adjectiveAamm(p, i) {
			return match{}, false // الأمين العام السابق: العام is "general"
		}
		o, k, ok := p.relUnitWord(i, w0)
		if !ok {
			return match{}, false
		}
		off, j, g = o, k, unitGrain[w0]
	default:
		return match{}, false
	}
	return p.unitMatch(i, j, g, off), true
}

func (p *parser) relUnitWord(i int, w0 string) (int, int, bool) {
	if p.wordIs(i+1, "بعد") && nextWords[p.w(i+2)] {
		return 2, i + 3, true // الأسبوع بعد القادم
	}
	if p.wordIs(i+1, "قبل") && pastWords[p.w(i+2)] {
		return -2, i + 3, true // الأسبوع قبل الماضي
	}
	switch {
	case pastWords[p.w(i+1)] && p.w(i+1) != "الاخير" && p.w(i+1) != "الاخيره":
		return -1, i + 2, true
	case nextWords[p.w(i+1)]:
		return 1, i + 2, true
	case curWords[p.w(i+1)]:
		return 0, i + 2, true
	}
	return 0, i, false
}

// unitMatch resolves the week, month or year off units from the anchor.
func (p *parser) unitMatch(i, j, g, off int) match {
	m := match{i: i, j: j, typ: DATE, grain: g}
	unit := map[int]string{gWeek: "W", gMonth: "M", gYear: "Y"}[g]
	if !p.known {
		m.rel = fmt.Sprintf("P%d%s", off, unit)
		return m
	}
	a := p.anchor
	switch g {
	case gYear:
		m.y = a.Year() + off
		m.val = fmt.Sprintf("%04d", m.y)
	case gMonth:
		d := time.Date(a.Year(), a.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		m.y, m.m = d.Year(), int(d.Month())
		m.val = d.Format("2006-01")
	case gWeek:
		y, w := a.AddDate(0, 0, 7*off).ISOWeek()
		m.val = fmt.Sprintf("%04d-W%02d", y, w)
	}
	return m
}

// Modifier words and the TIMEX3 mod they give.
var modWords = map[string]string{
	"نهايه": "END", "اواخر": "END", "ختام": "END", "اخر": "END", "اخير": "END", "متم": "END", "حتام": "END",
	"مطلع": "START", "بدايه": "START", "اوائل": "START", "مستهل": "START", "اول": "START", "اوايل": "START", "بداية": "START",
	"منتصف": "MID", "اواسط": "MID", "اوسط": "MID", "نص": "MID", "نصف": "MID",
	// بقية العام, باقي الأسبوع: the rest of a unit, up to its end
	"بقيه": "END", "باقي": "END",
}

// modRule: نهاية العام, مطلع العام, منتصف الشهر, أواخر حزيران, نهاية 2021,
// بداية العام المقبل, منتصف شهر آذار 2020.
func (p *parser) modRule(i int, w0 string) (match, bool) {
	mod, ok := modWords[w0]
	if !ok {
		return match{}, false
	}
	k := i + 1
	if p.wordIs(k, "هذا", "هذه") && unitGrain[p.w(k+1)] != 0 {
		m := p.unitMatch(i, k+2, unitGrain[p.w(k+1)], 0)
		m.mod = mod
		return m, true
	}
	if w0 == "نهايه" || w0 == "بدايه" || w0 == "منتصف" || w0 == "بقيه" || w0 == "باقي" {
		// نهاية اليوم, نهاية الغد, نهاية يوم الأحد, بقية اليوم
		if d, ok := p.dayRefAt(k); ok && d.typ == DATE && d.grain == gDay {
			d.i, d.mod = i, mod
			return d, true
		}
	}
	if g := unitGrain[p.w(k)]; g != 0 {
		if p.wordIs(k+1, "الدراسي", "الجامعي", "المالي", "الدراسيه", "الماليه", "الهجري", "الهجريه") {
			return match{}, false
		}
		off, j, ok := p.relUnitWord(k, p.w(k))
		if !ok {
			off, j = 0, k+1 // نهاية العام: the current one
			if w0 == "اخر" || w0 == "اول" || w0 == "نص" || w0 == "نصف" {
				return match{}, false
			}
		}
		m := p.unitMatch(i, j, g, off)
		m.mod = mod
		return m, true
	}
	if m, ok := p.yearRule(k, p.w(k)); ok {
		m.i, m.mod = i, mod
		return m, true
	}
	if k < len(p.toks) && p.toks[k].kind == tNum && len(p.toks[k].norm) == 4 {
		y, _ := strconv.Atoi(p.toks[k].norm)
		if y >= 1900 && y <= 2100 {
			return match{i: i, j: k + 1, typ: DATE, grain: gYear, y: y, val: p.toks[k].norm, mod: mod}, true
		}
	}
	if m, ok := p.monthRule(k, p.w(k)); ok {
		m.i, m.mod = i, mod
		if w0 == "اول" || w0 == "اخر" || w0 == "نص" || w0 == "نصف" {
			if !strings.HasPrefix(p.w(k), "شهر") && p.wordIs(k, "شهر") == false && w0 != "نص" && w0 != "نصف" {
				// أول حزيران is the first of June, not its start
				if w0 == "اول" {
					m2 := p.finishDate(i, m.j, 1, m.m, false)
					return m2, true
				}
			}
		}
		return m, true
	}
	if m, ok := p.decadeRule(k, p.w(k)); ok {
		m.i, m.mod = i, mod
		return m, true
	}
	if _, isSeason := seasons[p.w(k)]; isSeason && strings.HasPrefix(p.w(k), "ال") && p.known {
		m, ok := p.seasonRule(k, p.w(k))
		if !ok {
			code := seasons[p.w(k)]
			m = match{i: k, j: k + 1, typ: DATE, val: fmt.Sprintf("%04d-%s", p.seasonYear(code, 0), code)}
		}
		m.i, m.mod = i, mod
		return m, true
	}
	return match{}, false
}

// monthRule: [شهر] month [paired] [year], and Hijri months with a year.
func (p *parser) monthRule(i int, w0 string) (match, bool) {
	k := i
	hasShahr := false
	if w0 == "شهر" {
		hasShahr = true
		k++
		w0 = p.w(k)
		// شهر 3, شهر ثلاثة (Levantine month numbers)
		if n, j, ok := p.monthNumAt(k, false); ok {
			return p.monthYear(i, j, n), true
		}
	}
	if w0 == "الشهر" {
		if n, j, ok := p.monthNumAt(k+1, true); ok {
			return p.monthYear(i, j, n), true
		}
	}
	if w0 == "هذا" && !hasShahr {
		k++
		if p.wordIs(k, "شهر") {
			k++
		}
		if mo, j, ok := p.monthAt(k, p.w(k)); ok {
			m := match{i: i, j: p.pairedMonth(j, mo), typ: DATE, grain: gMonth, m: mo}
			if !p.known {
				m.val = fmt.Sprintf("XXXX-%02d", mo)
			} else {
				m.y = p.anchor.Year()
				m.val = fmt.Sprintf("%04d-%02d", m.y, mo)
			}
			return m, true
		}
		return match{}, false
	}
	if mo, j, ok := p.monthAt(k, w0); ok {
		j = p.pairedMonth(j, mo)
		// يونيو العام المقبل, آذار من العام الماضي
		jj := j
		if p.wordIs(jj, "من") {
			jj++
		}
		if unitGrain[p.w(jj)] == gYear {
			if off, k2, ok := p.relUnitWord(jj, p.w(jj)); ok {
				m := match{i: i, j: k2, typ: DATE, grain: gMonth, m: mo}
				if !p.known {
					m.rel = fmt.Sprintf("P%dY-%02d", off, mo)
				} else {
					m.y = p.anchor.Year() + off
					m.val = fmt.Sprintf("%04d-%02d", m.y, mo)
				}
				return m, true
			}
		}
		if y, k2, _, ok := p.yearAfter(j); ok {
			m := match{i: i, j: k2, typ: DATE, grain: gMonth, y: y, m: mo, val: fmt.Sprintf("%04d-%02d", y, mo)}
			return m, true
		}
		if !hasShahr && ambiguousMonth[w0] && !p.monthContext(i) {
			return match{}, false
		}
		return p.monthYear(i, j, mo), true
	}
	if mo, j, ok := p.hijriMonthAt(k, w0); ok {
		if y, k2, _, ok := p.yearAfter(j); ok && y > 1300 && y < 1600 {
			return p.hijriMonthMatch(i, k2, y, mo).match, true
		} else if ok && y >= 1937 && y <= 2077 {
			// رمضان 2019: the Hijri month that starts in that Gregorian year
			h, err := hijriOf(dateOf(y, 1, 1))
			if err == nil {
				for _, hy := range []int{h, h + 1} {
					if g, err := hijriToGregorian(hy, mo, 1); err == nil && g.Year() == y {
						return p.hijriMonthMatch(i, k2, hy, mo).match, true
					}
				}
			}
		}
		if hasShahr || mo == 9 || (p.monthContext(i) && w0 != "صفر" && w0 != "رجب") {
			if !p.known {
				return match{i: i, j: j, typ: DATE, rel: fmt.Sprintf("HIJRI-%02d", mo)}, true
			}
			h, err := hijriOf(p.anchor)
			if err != nil {
				return match{i: i, j: j, typ: DATE, reason: err.Error()}, true
			}
			y := h
			// the occurrence nearest the publication date
			best := p.hijriMonthMatch(i, j, y, mo)
			for _, yy := range []int{h - 1, h + 1} {
				c := p.hijriMonthMatch(i, j, yy, mo)
				if c.val != "" && best.val != "" && absDays(c.mid, p.anchor) < absDays(best.mid, p.anchor) {
					best = c
				}
			}
			return best.match, true
		}
	}
	return match{}, false
}

// ambiguousMonth are month names that are also common words (مارس "he
// practised", ماي); alone they need a context word before them.
var ambiguousMonth = map[string]bool{"مارس": true, "ماي": true, "اب": true, "تموز": false}

func (p *parser) monthContext(i int) bool {
	return p.wordIs(i-1, "في", "منذ", "حتي", "خلال", "بحلول", "مطلع", "نهايه", "منتصف", "اواخر", "اوائل", "من", "الي", "شهر", "وفي", "بدايه", "قبل", "بعد")
}

// monthYear resolves a month without a year.
func (p *parser) monthYear(i, j, mo int) match {
	if y, k, _, ok := p.yearAfter(j); ok {
		return match{i: i, j: k, typ: DATE, grain: gMonth, y: y, m: mo, val: fmt.Sprintf("%04d-%02d", y, mo)}
	}
	dir, j := p.dirAfter(j)
	m := match{i: i, j: j, typ: DATE, grain: gMonth, m: mo}
	if !p.known {
		m.val = fmt.Sprintf("XXXX-%02d", mo)
		return m
	}
	m.y = p.inferYearDir(mo, 1, i, j, dir)
	if dir == 0 {
		m.y = p.inferYear(mo, 15, i, j)
	} else if dir == -1 && m.y == p.anchor.Year() && mo == int(p.anchor.Month()) {
		m.y-- // الشهر نفسه "الماضي" is last year's
	}
	m.val = fmt.Sprintf("%04d-%02d", m.y, mo)
	return m
}

type hijriMonth struct {
	match
	mid time.Time
}

// hijriMonthMatch gives a Hijri month the Gregorian month holding its
// middle day, marked APPROX: a lunar month straddles two Gregorian ones.
func (p *parser) hijriMonthMatch(i, j, y, mo int) hijriMonth {
	g, err := hijriToGregorian(y, mo, 15)
	if err != nil {
		return hijriMonth{match: match{i: i, j: j, typ: DATE, reason: err.Error()}}
	}
	return hijriMonth{match{i: i, j: j, typ: DATE, grain: gMonth, y: g.Year(), m: int(g.Month()), val: g.Format("2006-01"), mod: "APPROX"}, g}
}

func hijriOf(t time.Time) (int, error) {
	h, err := hijri.CreateUmmAlQuraDate(t)
	if err != nil {
		return 0, fmt.Errorf("Hijri year of %s: %w", t.Format("2006-01-02"), err)
	}
	return int(h.Year), nil
}

func absDays(a, b time.Time) float64 {
	d := a.Sub(b).Hours()
	if d < 0 {
		d = -d
	}
	return d
}

// yearRule: عام 2017, سنة 2014, العام 2020, 1442 هـ, and a bare year after a
// preposition (منذ 2014, في 2019).
func (p *parser) yearRule(i int, w0 string) (match, bool) {
	k := i
	switch w0 {
	case "عام", "سنه", "العام", "لعام":
		k++
	default:
		if i >= len(p.toks) || p.toks[i].kind != tNum {
			return match{}, false
		}
	}
	if k > i {
		if y, j, ok := p.wordYearAt(k); ok {
			return match{i: i, j: j, typ: DATE, grain: gYear, y: y, val: fmt.Sprintf("%04d", y)}, true
		}
	}
	if k >= len(p.toks) || p.toks[k].kind != tNum || len(p.toks[k].norm) < 3 || len(p.toks[k].norm) > 4 || (k+1 < len(p.toks) && !p.toks[k+1].space && p.punct(k+1, "/-.:,")) && k+2 < len(p.toks) && p.toks[k+2].kind == tNum {
		return match{}, false
	}
	y, _ := strconv.Atoi(p.toks[k].norm)
	era, j := p.eraAt(k + 1)
	if era == "H" {
		// a Hijri year straddles two Gregorian years: the one holding its
		// middle, APPROX; outside the Umm al-Qura table, the arithmetic
		// approximation G = H × 0.970224 + 621.5643
		g, err := hijriToGregorian(y, 7, 1)
		gy := g.Year()
		if err != nil {
			gy = int(float64(y)*0.970224 + 621.5643)
		}
		return match{i: i, j: j, typ: DATE, grain: gYear, y: gy, val: fmt.Sprintf("%04d", gy), mod: "APPROX"}, true
	}
	if len(p.toks[k].norm) != 4 {
		return match{}, false
	}
	if y < 1000 || y > 2200 {
		return match{}, false
	}
	if k == i {
		// a bare year needs a preposition before it
		if !p.wordIs(i-1, "في", "منذ", "حتي", "قبل", "بعد", "خلال", "وفي", "بين", "الي", "ومنذ", "حلول", "بحلول", "عامي", "عام") && era == "" &&
			// الفترة نفسها من 2020: the same period of an earlier year
			!(p.wordIs(i-1, "من") && p.wordIs(i-2, "نفسها", "ذاتها", "نفسه", "ذاته", "المماثله", "المقابله")) {
			return match{}, false
		}
	}
	return match{i: i, j: j, typ: DATE, grain: gYear, y: y, val: p.toks[k].norm}, true
}

// decade words: the nineties etc. Value is the TIMEX3 decade (199).
var decadeWords = map[string]int{"العشرينات": 2, "الثلاثينات": 3, "الاربعينات": 4, "الخمسينات": 5, "الستينات": 6, "السبعينات": 7, "الثمانينات": 8, "التسعينات": 9,
	"العشرينيات": 2, "الثلاثينيات": 3, "الاربعينيات": 4, "الخمسينيات": 5, "الستينيات": 6, "السبعينيات": 7, "الثمانينيات": 8, "التسعينيات": 9,
	"عشرينات": 2, "ثلاثينات": 3, "اربعينات": 4, "خمسينات": 5, "ستينات": 6, "سبعينات": 7, "ثمانينات": 8, "تسعينات": 9,
	"عشرينيات": 2, "ثلاثينيات": 3, "اربعينيات": 4, "خمسينيات": 5, "ستينيات": 6, "سبعينيات": 7, "ثمانينيات": 8, "تسعينيات": 9}

// decadeRule: الثمانينات, تسعينيات القرن الماضي, القرن العشرين, القرن الـ21.
func (p *parser) decadeRule(i int, w0 string) (match, bool) {
	if d, ok := decadeWords[w0]; ok {
		cent := 19
		j := i + 1
		k := j
		if p.wordIs(k, "من") {
			k++
		}
		if off, k2, ok := p.centuryRel(k); ok {
			// ثمانينيات القرن الماضي without a publication date: the
			// century is not known, so neither is the decade
			return match{i: i, j: k2, typ: DATE, grain: gDecade, rel: fmt.Sprintf("P%dCE-DE%d", off, d)}, true
		}
		if c, k2, ok := p.centuryAt(k); ok {
			cent, j = c, k2
		} else if !strings.HasPrefix(w0, "ال") {
			return match{}, false
		}
		return match{i: i, j: j, typ: DATE, grain: gDecade, val: fmt.Sprintf("%02d%d", cent, d)}, true
	}
	if w0 == "العقد" {
		if off, j, ok := p.relUnitWord(i, w0); ok {
			m := match{i: i, j: j, typ: DATE, grain: gDecade}
			if !p.known {
				m.rel = fmt.Sprintf("P%dDE", off)
			} else {
				m.val = fmt.Sprintf("%03d", p.anchor.Year()/10+off)
			}
			return m, true
		}
	}
	if w0 == "القرن" {
		if off, j, ok := p.centuryRel(i); ok {
			return match{i: i, j: j, typ: DATE, grain: gCentury, rel: fmt.Sprintf("P%dCE", off)}, true
		}
		if c, j, ok := p.centuryAt(i); ok {
			return match{i: i, j: j, typ: DATE, grain: gCentury, val: fmt.Sprintf("%02d", c)}, true
		}
	}
	return match{}, false
}

// centuryRel reads القرن الماضي / الحالي when the publication date is
// unknown: the offset in centuries, never a guessed century.
func (p *parser) centuryRel(i int) (int, int, bool) {
	if p.known || !p.wordIs(i, "القرن") {
		return 0, i, false
	}
	switch {
	case p.wordIs(i+1, "الماضي", "المنصرم", "الفائت", "السابق"):
		return -1, i + 2, true
	case p.wordIs(i+1, "الحالي", "الجاري"):
		return 0, i + 2, true
	case p.wordIs(i+1, "المقبل", "القادم"):
		return 1, i + 2, true
	}
	return 0, i, false
}

// centuryAt reads القرن + ordinal or number; it returns the TIMEX3 century
// (the 20th century is 19).
func (p *parser) centuryAt(i int) (int, int, bool) {
	if !p.wordIs(i, "القرن") {
		return 0, i, false
	}
	k := i + 1
	if p.wordIs(k, "الماضي") {
		if !p.known {
			return 0, i, false // see centuryRel
		}
		return p.anchor.Year()/100 - 1, k + 1, true
	}
	if p.wordIs(k, "الحالي", "الجاري") {
		if !p.known {
			return 0, i, false
		}
		return p.anchor.Year() / 100, k + 1, true
	}
	if p.wordIs(k, "ال", "الـ") {
		k++
	}
	if k < len(p.toks) && p.toks[k].kind == tNum {
		n, _ := strconv.Atoi(p.toks[k].norm)
		if n >= 1 && n <= 30 {
			return n - 1, k + 1, true
		}
		return 0, i, false
	}
	if v, j, ok := p.ordinalAt(k); ok && v >= 1 && v <= 30 {
		return v - 1, j, true
	}
	if nw, ok := lex().numbers[p.w(k)]; ok && nw.class == "ordten" {
		return int(nw.value) - 1, k + 1, true
	}
	return 0, i, false
}

// notToday are the words after اليوم that make it "the day" rather than
// "today": اليوم العالمي للمرأة, اليوم الأول, اليوم التالي, اليوم نفسه.
var notToday = map[string]bool{
	"العالمي": true, "الوطني": true, "الدولي": true, "العربي": true, "المفتوح": true, "الدراسي": true,
	"الاول": true, "الاخير": true, "التالي": true, "الثاني": true, "الثالث": true, "الرابع": true, "الخامس": true,
	"الموعود": true, "المشهود": true, "الاخر": true, "نفسه": true, "ذاته": true, "الذي": true, "التي": true,
	"الاسود": true, "الكبير": true, "السابع": true, "العاشر": true, "الجديد": true, "الختامي": true, "الافتتاحي": true,
	"الاتي": true, "الموالي": true, "المقبل": true, "القادم": true,
}

// adjectiveAamm reports whether العام at token i is the adjective
// "general, public" after a definite noun (الأمين العام, المدعي العام,
// الرأي العام) rather than the noun "year".
func adjectiveAamm(p *parser, i int) bool {
	prev := p.w(i - 1)
	if prev == "" || p.toks[i-1].kind != tWord {
		return false
	}
	switch prev {
	case "امين", "مدير", "نائب", "مدعي", "قطاع", "راي", "امن", "مؤتمر", "اضراب", "النفع", "الصالح":
		return true
	}
	return strings.HasPrefix(prev, "ال")
}

// weekThenDayRule: الأسبوع القادم يوم الجمعة, هذا الأسبوع الجمعة, الأسبوع
// الماضي الأحد: a week named first, then the day in it.
func (p *parser) weekThenDayRule(i int, w0 string) (match, bool) {
	var off, k int
	if (w0 == "هذا" || w0 == "خلال") && p.wordIs(i+1, "الاسبوع") && !pastWords[p.w(i+2)] && !nextWords[p.w(i+2)] {
		off, k = 0, i+2
	} else if o, k2, ok := p.relUnit(i, "الاسبوع"); ok && w0 == "الاسبوع" {
		off, k = o, k2
	} else {
		return match{}, false
	}
	if p.wordIs(k, "يوم") {
		k++
	}
	if !strings.HasPrefix(p.w(k), "ال") {
		return match{}, false
	}
	wd, j, ok := p.weekdayAt(k, p.w(k))
	if !ok {
		return match{}, false
	}
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	if !p.known {
		m.rel = fmt.Sprintf("P%dW-%d", off, isoWeekday(wd))
		return m, true
	}
	a := p.anchor
	mon := a.AddDate(0, 0, -(isoWeekday(int(a.Weekday()))-1)+7*off)
	d := mon.AddDate(0, 0, isoWeekday(wd)-1)
	m.y, m.m, m.d = d.Year(), int(d.Month()), d.Day()
	m.val = d.Format("2006-01-02")
	return m, true
}
