package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// seasons map a season word to its TIMEX3 code.
var seasons = map[string]string{
	"الصيف": "SU", "صيف": "SU", "الشتاء": "WI", "شتاء": "WI",
	"الربيع": "SP", "ربيع": "SP", "الخريف": "FA", "خريف": "FA",
}

// yearExprAt reads a year after a season or quarter: 2016, عام 2016, هذا
// العام, العام الماضي, من العام المقبل.
func (p *parser) yearExprAt(k int) (int, int, bool) {
	if p.wordIs(k, "من") {
		k++
	}
	if p.wordIs(k, "هذا", "هذه") && unitGrain[p.w(k+1)] == gYear && p.known {
		return p.anchor.Year(), k + 2, true
	}
	if p.wordIs(k-1, "من") && unitGrain[p.w(k)] == gYear && !(k+1 < len(p.toks) && p.toks[k+1].kind == tNum) && p.known {
		if _, _, ok := p.relUnitWord(k, p.w(k)); !ok {
			return p.anchor.Year(), k + 1, true // الربع الثاني من العام: the current one
		}
	}
	if unitGrain[p.w(k)] == gYear {
		if off, j, ok := p.relUnitWord(k, p.w(k)); ok && p.known {
			return p.anchor.Year() + off, j, true
		}
	}
	if p.wordIs(k, "عام", "سنه", "العام", "لعام") {
		k++
	}
	if k < len(p.toks) && p.toks[k].kind == tNum && len(p.toks[k].norm) == 4 {
		y, _ := strconv.Atoi(p.toks[k].norm)
		return y, k + 1, true
	}
	if p.wordIs(k-1, "عام", "سنه", "العام", "لعام") {
		// عام ألفين وعشرين
		if y, j, ok := p.wordYearAt(k); ok && y >= 1000 {
			return y, j, true
		}
	}
	return 0, k, false
}

// seasonRule: الصيف الماضي, هذا الشتاء, صيف 2016, خريف العام المقبل.
// الربيع العربي and other seasons used as names are left alone.
func (p *parser) seasonRule(i int, w0 string) (match, bool) {
	k := i
	this := false
	if w0 == "هذا" || w0 == "هذه" {
		this = true
		k++
		w0 = p.w(k)
	}
	code, ok := seasons[w0]
	if !ok {
		return match{}, false
	}
	m := match{i: i, j: k + 1, typ: DATE, grain: gMonth}
	y, j, hasYear := p.yearExprAt(k + 1)
	switch {
	case hasYear:
		m.j = j
	case pastWords[p.w(k+1)] || nextWords[p.w(k+1)]:
		off := 1
		if pastWords[p.w(k+1)] {
			off = -1
		}
		m.j = k + 2
		if !p.known {
			m.rel = fmt.Sprintf("P%dY-%s", off, code)
			return m, true
		}
		y = p.seasonYear(code, off)
	case this || p.monthContext(i) && strings.HasPrefix(w0, "ال"):
		if !p.known {
			m.rel = "P0Y-" + code
			return m, true
		}
		y = p.seasonYear(code, 0)
	default:
		return match{}, false
	}
	m.val = fmt.Sprintf("%04d-%s", y, code)
	return m, true
}

// seasonYear returns the year of the current (off 0), previous or next
// season of that code; winter is counted in the year it starts.
func (p *parser) seasonYear(code string, off int) int {
	a := p.anchor
	y := a.Year()
	if code == "WI" && a.Month() <= time.February {
		y--
	}
	start := map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}[code]
	s := dateOf(y, int(start), 1)
	inSeason := !a.Before(s) && a.Before(s.AddDate(0, 3, 0))
	switch {
	case off < 0 && (inSeason || a.Before(s)):
		y-- // the last completed one
	case off > 0 && !a.Before(s):
		y++ // the next one to start
	}
	return y
}

// quarterRule: الربع الأول من عام 2020, الربع الثالث من هذا العام, الفصل
// الأول من السنة الجارية (الفصل is a quarter in Maghrebi usage), النصف
// الأول من 2026 (a half year, H1). The part needs a year after it: الفصل
// الأول من الكتاب is not a date.
func (p *parser) quarterRule(i int, w0 string) (match, bool) {
	code, top := "", 0
	switch w0 {
	case "الربع", "الفصل":
		code, top = "Q", 4
	case "النصف":
		code, top = "H", 2
	default:
		return match{}, false
	}
	q, k, ok := p.ordinalAt(i + 1)
	if !ok && p.wordIs(i+1, "الاخير") {
		q, k, ok = top, i+2, true
	}
	if !ok || q < 1 || q > top {
		return match{}, false
	}
	y, j, ok := p.yearExprAt(k)
	if !ok {
		if off, j, ok := p.relYearAt(k); ok {
			// no publication date: the relative form, P-1Y-Q1
			return match{i: i, j: j, typ: DATE, rel: fmt.Sprintf("P%dY-%s%d", off, code, q)}, true
		}
		return match{}, false
	}
	return match{i: i, j: j, typ: DATE, val: fmt.Sprintf("%04d-%s%d", y, code, q)}, true
}

// relYearAt reads a year relative to an unknown publication date after a
// quarter or half: من العام الماضي, من هذا العام, من العام (the current
// one). It returns the offset in years.
func (p *parser) relYearAt(k int) (int, int, bool) {
	if p.known || !p.wordIs(k, "من") {
		return 0, k, false
	}
	k++
	if p.wordIs(k, "هذا", "هذه") && unitGrain[p.w(k+1)] == gYear {
		return 0, k + 2, true
	}
	if unitGrain[p.w(k)] != gYear || !strings.HasPrefix(p.w(k), "ال") {
		return 0, k, false
	}
	if off, j, ok := p.relUnitWord(k, p.w(k)); ok {
		return off, j, true
	}
	if k+1 < len(p.toks) && p.toks[k+1].kind == tNum {
		return 0, k, false // من العام 2020 is read by yearExprAt
	}
	return 0, k + 1, true
}

// weekendRule: عطلة نهاية الأسبوع, نهاية الأسبوع الماضي → 2021-W30-WE.
func (p *parser) weekendRule(i int, w0 string) (match, bool) {
	k := i
	if w0 == "عطله" {
		k++
	} else if w0 != "نهايه" {
		return match{}, false
	}
	if !p.wordIs(k, "نهايه") || !p.wordIs(k+1, "الاسبوع") {
		return match{}, false
	}
	off, j, ok := p.relUnitWord(k+1, "الاسبوع")
	if !ok {
		off, j = 0, k+2
	}
	if w0 != "عطله" && !ok && !p.wordIs(i-1, "في", "خلال", "طوال") {
		return match{}, false
	}
	m := match{i: i, j: j, typ: DATE}
	if !p.known {
		m.rel = fmt.Sprintf("P%dW-WE", off)
		return m, true
	}
	y, w := p.anchor.AddDate(0, 0, 7*off).ISOWeek()
	m.val = fmt.Sprintf("%04d-W%02d-WE", y, w)
	return m, true
}

// throughoutRule: طوال العام, طوال الأسبوع, طوال أسبوع → a one-unit
// DURATION.
func (p *parser) throughoutRule(i int, w0 string) (match, bool) {
	if w0 != "طوال" && w0 != "طيله" {
		return match{}, false
	}
	u := map[string]string{"العام": "P1Y", "السنه": "P1Y", "الاسبوع": "P1W", "الشهر": "P1M", "اليوم": "P1D", "عام": "P1Y", "سنه": "P1Y", "اسبوع": "P1W", "شهر": "P1M", "يوم": "P1D"}[p.w(i+1)]
	if u == "" || pastWords[p.w(i+2)] || nextWords[p.w(i+2)] || curWords[p.w(i+2)] {
		return match{}, false
	}
	return match{i: i, j: i + 2, typ: DURATION, val: u}, true
}
