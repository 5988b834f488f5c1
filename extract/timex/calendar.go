package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// wb returns token k without a one-letter proclitic (ب ل و ف) when the rest
// is a known grammar word; otherwise the token itself.
func (p *parser) wb(k int) string {
	w := p.w(k)
	for _, c := range []string{"ب", "ل", "و", "ف"} {
		if strings.HasPrefix(w, c) && len(w) > len(c)+4 && triggers()[w[len(c):]] {
			return w[len(c):]
		}
	}
	return w
}

// monthNumAt reads a month given by number after شهر: شهر 3, شهر ثلاثة,
// شهر عشرة, and الشهر الثامن. k is the token after شهر (or الشهر).
func (p *parser) monthNumAt(k int, ordinal bool) (int, int, bool) {
	if ordinal {
		if v, j, ok := p.ordinalAt(k); ok && v >= 1 && v <= 12 {
			return v, j, true
		}
		return 0, k, false
	}
	if k < len(p.toks) && p.toks[k].kind == tNum && len(p.toks[k].norm) <= 2 {
		n, _ := strconv.Atoi(p.toks[k].norm)
		if n >= 1 && n <= 12 {
			return n, k + 1, true
		}
		return 0, k, false
	}
	nw, ok := p.numWordAt(k, false)
	if !ok || (nw.class != "card" && nw.class != "ten") {
		return 0, k, false
	}
	v := int(nw.value)
	j := k + 1
	if v <= 2 && nw.class == "card" && p.wordIs(j, "عشر", "عشره") {
		v += 10
		j++
	}
	if v < 1 || v > 12 {
		return 0, k, false
	}
	return v, j, true
}

// anyMonthAt reads a month at token k in every written form: a name, شهر +
// name or number, الشهر + ordinal, الشهر القادم/الماضي/الحالي. rel reports a
// relative month (its year follows from the anchor).
func (p *parser) anyMonthAt(k int) (mo, j int, rel bool, off int, ok bool) {
	w := p.wb(k)
	if w == "شهر" {
		if m, j, ok := p.monthAt(k+1, p.w(k+1)); ok {
			return m, p.pairedMonth(j, m), false, 0, true
		}
		if m, j, ok := p.monthNumAt(k+1, false); ok {
			return m, j, false, 0, true
		}
		return 0, k, false, 0, false
	}
	if w == "هذا" && p.wordIs(k+1, "الشهر") {
		return 0, k + 2, true, 0, true
	}
	if w == "الشهر" {
		if m, j, ok := p.monthNumAt(k+1, true); ok {
			return m, j, false, 0, true
		}
		if o, j, ok := p.relUnitWord(k, w); ok {
			return 0, j, true, o, true
		}
		if p.wordIs(k+1, "هذا") {
			return 0, k + 1, true, 0, true
		}
		return 0, k, false, 0, false
	}
	if m, j, ok := p.monthAt(k, w); ok {
		return m, p.pairedMonth(j, m), false, 0, true
	}
	return 0, k, false, 0, false
}

// monthYearAfterAny completes anyMonthAt with an optional year (من عام
// 2014, في سنة 2014, بعام 2014, السنة القادمة) and resolves the year.
func (p *parser) monthYearAfterAny(i, k int) (y, mo, j int, ok bool) {
	mo, j, rel, off, ok := p.anyMonthAt(k)
	if !ok {
		return 0, 0, k, false
	}
	if rel {
		if !p.known {
			return 0, 0, k, false
		}
		d := time.Date(p.anchor.Year(), p.anchor.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		return d.Year(), int(d.Month()), j, true
	}
	jj := j
	if p.wordIs(jj, "من", "في") {
		jj++
	}
	w := p.wb(jj)
	if w == "عام" || w == "سنه" || w == "لعام" {
		if jj+1 < len(p.toks) && p.toks[jj+1].kind == tNum && len(p.toks[jj+1].norm) == 4 {
			y, _ = strconv.Atoi(p.toks[jj+1].norm)
			return y, mo, jj + 2, true
		}
	}
	if yy, k2, _, ok := p.yearAfter(j); ok {
		return yy, mo, k2, true
	}
	if g := unitGrain[p.w(j)]; g == gYear {
		if o, k2, ok := p.relUnitWord(j, p.w(j)); ok && p.known {
			return p.anchor.Year() + o, mo, k2, true
		}
	}
	if !p.known {
		return 0, mo, j, true
	}
	return p.inferYear(mo, 15, i, j), mo, j, true
}

// nthWeekdayRule: ثالث ثلاثاء في أيلول 2014, اخر اثنين من شهر اذار, أول
// جمعة من الشهر المقبل, الاثنين الاخير من شهر ثلاثة.
func (p *parser) nthWeekdayRule(i int, w0 string) (match, bool) {
	n := 0
	var wd, k int
	if w0 == "اخر" {
		n = -1
		k = i + 1
	} else if v, j, ok := p.ordinalAt(i); ok && !strings.HasPrefix(w0, "ال") && v <= 5 {
		n, k = v, j
	} else if w0 == "ثان" {
		n, k = 2, i+1
	}
	if n != 0 {
		if p.wordIs(k, "يوم") {
			k++
		}
		d, ok := lex().weekdays[p.w(k)]
		if !ok {
			d, ok = lex().weekdays["ال"+p.w(k)]
		}
		if !ok {
			return match{}, false
		}
		wd, k = d, k+1
	} else {
		// الاثنين الاخير من …
		d, j, ok := p.weekdayAt(i, w0)
		if !ok || !p.wordIs(j, "الاخير", "الاخيره") {
			return match{}, false
		}
		n, wd, k = -1, d, j+1
	}
	if !p.wordIs(k, "من", "في") && !strings.HasPrefix(p.w(k), "ب") {
		return match{}, false
	}
	if p.wordIs(k, "من", "في") {
		k++
	}
	y, mo, j, ok := p.monthYearAfterAny(i, k)
	if !ok || y == 0 {
		return match{}, false
	}
	d, ok := nthWeekday(y, mo, wd, n)
	if !ok {
		return match{i: i, j: j, typ: DATE, grain: gDay, reason: fmt.Sprintf("no such weekday in %04d-%02d", y, mo)}, true
	}
	return match{i: i, j: j, typ: DATE, grain: gDay, y: y, m: mo, d: d.Day(), val: d.Format("2006-01-02")}, true
}

// nthWeekday returns the n-th (n = -1: last) weekday wd of a month.
func nthWeekday(y, mo, wd, n int) (time.Time, bool) {
	if n > 0 {
		first := dateOf(y, mo, 1)
		d := first.AddDate(0, 0, (wd-int(first.Weekday())+7)%7+7*(n-1))
		return d, int(d.Month()) == mo
	}
	last := dateOf(y, mo+1, 0)
	return last.AddDate(0, 0, -((int(last.Weekday()) - wd + 7) % 7)), true
}

// dayOfMonthRule: اليوم الثالث من اكتوبر, ثالث يوم من شهر عشرة, اخر يوم
// بشهر عشرة سنة 2015, اليوم الاخير من الشهر, الاسبوع الاول من شهر عشرة
// 2014, اخر اسبوع في سبتمبر.
func (p *parser) dayOfMonthRule(i int, w0 string) (match, bool) {
	k := i
	n := 0
	week := false
	switch {
	case w0 == "اليوم" || w0 == "الاسبوع":
		week = w0 == "الاسبوع"
		if v, j, ok := p.ordinalAt(i + 1); ok && v <= 31 {
			n, k = v, j
		} else if p.wordIs(i+1, "الاخير") {
			n, k = -1, i+2
		} else {
			return match{}, false
		}
	default:
		if w0 == "اخر" {
			n = -1
			k = i + 1
		} else if v, j, ok := p.ordinalAt(i); ok && !strings.HasPrefix(w0, "ال") {
			n, k = v, j
		} else {
			return match{}, false
		}
		switch {
		case p.wordIs(k, "يوم"):
		case p.wordIs(k, "اسبوع"):
			week = true
		default:
			return match{}, false
		}
		k++
	}
	if p.wordIs(k, "من", "في") {
		k++
	} else if !strings.HasPrefix(p.w(k), "ب") {
		return match{}, false
	}
	y, mo, j, ok := p.monthYearAfterAny(i, k)
	if !ok && week && n > 0 {
		// الأسبوع الثالث من عام 2027: an ISO week of the year
		if yy, j2, ok2 := p.yearExprAt(k); ok2 {
			return match{i: i, j: j2, typ: DATE, grain: gWeek, val: fmt.Sprintf("%04d-W%02d", yy, n)}, true
		}
	}
	if !ok {
		return match{}, false
	}
	if y == 0 {
		return match{}, false
	}
	m := match{i: i, j: j, typ: DATE, grain: gDay, y: y, m: mo}
	if week {
		// weeks that lie wholly inside the month, Monday to Sunday
		first := dateOf(y, mo, 1)
		mon := first.AddDate(0, 0, (int(time.Monday)-int(first.Weekday())+7)%7)
		if n == -1 {
			last := dateOf(y, mo+1, 0)
			mon = last.AddDate(0, 0, -((int(last.Weekday())-int(time.Sunday)+7)%7)-6)
		} else {
			mon = mon.AddDate(0, 0, 7*(n-1))
		}
		yy, ww := mon.ISOWeek()
		m.grain = gWeek
		m.val = fmt.Sprintf("%04d-W%02d", yy, ww)
		return m, true
	}
	if n == -1 {
		n = dateOf(y, mo+1, 0).Day()
	}
	if !validDay(y, mo, n) {
		m.reason = fmt.Sprintf("no such day: %d/%d/%d", n, mo, y)
		return m, true
	}
	m.d = n
	m.val = fmt.Sprintf("%04d-%02d-%02d", y, mo, n)
	return m, true
}

// approxWords put APPROX on the expression that follows them.
var approxWords = map[string]bool{"قرابه": true, "حوالي": true, "نحو": true, "زهاء": true}

// approxRule: قرابة الثلاثاء القادم, حوالي ثلاثة أيام.
func (p *parser) approxRule(i int, w0 string) (match, bool) {
	if !approxWords[w0] || i+1 >= len(p.toks) {
		return match{}, false
	}
	m, ok := p.at(i + 1)
	if !ok || m.pre != 0 {
		return match{}, false
	}
	m.i = i
	if m.mod == "" {
		m.mod = "APPROX"
	}
	return m, true
}

// boundRule: أكثر من عام, أقل من ثلاثة أسابيع, ما يقارب شهرين.
func (p *parser) boundRule(i int, w0 string) (match, bool) {
	mod := ""
	k := i + 2
	switch {
	case w0 == "اكثر" && p.wordIs(i+1, "من"):
		mod = "MORE_THAN"
	case w0 == "اقل" && p.wordIs(i+1, "من"):
		mod = "LESS_THAN"
	case w0 == "ما" && p.wordIs(i+1, "يقارب", "يناهز"):
		mod = "APPROX"
	default:
		return match{}, false
	}
	if k >= len(p.toks) {
		return match{}, false
	}
	if du, found := durUnits[p.w(k)]; found && du.count == 1 {
		if _, _, _, _, ok := p.durationAt(k, p.w(k)); !ok {
			// أكثر من عام: a bare singular unit counts one
			return match{i: i, j: k + 1, typ: DURATION, val: durValue(1, du), mod: mod}, true
		}
	}
	m, ok := p.at(k)
	if !ok || m.pre != 0 || m.typ != DURATION {
		return match{}, false
	}
	m.i, m.mod = i, mod
	return m, true
}

// easter returns Western Easter Sunday of year y (the anonymous Gregorian
// algorithm, as published by Meeus, "Astronomical Algorithms").
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	ii, k := c/4, c%4
	l := (32 + 2*e + 2*ii - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return dateOf(y, month, day)
}

// earlyLateRule: في وقت مبكر من صباح الثلاثاء, في وقت متأخر من الليل,
// وقت مبكر هذا الأسبوع → the expression with mod START or END.
func (p *parser) earlyLateRule(i int, w0 string) (match, bool) {
	k := i
	if w0 == "في" {
		k++
	} else if w0 != "وقت" {
		return match{}, false
	}
	if !p.wordIs(k, "وقت") {
		return match{}, false
	}
	// في وقت لاحق من هذا الشهر: later in the unit, up to its end
	mod := map[string]string{"مبكر": "START", "متاخر": "END", "لاحق": "END"}[p.w(k+1)]
	if mod == "" {
		return match{}, false
	}
	k += 2
	if p.wordIs(k, "من") {
		k++
	}
	if k >= len(p.toks) {
		return match{}, false
	}
	m, ok := p.at(k)
	if !ok || m.pre != 0 {
		return match{}, false
	}
	m.i, m.mod = i, mod
	return m, true
}
