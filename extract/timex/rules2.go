package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// durUnit describes a unit word of a duration: its TIMEX3 letter, whether
// it is a time (T) unit, and the count the word carries (2 for duals, 0
// for forms that need a number, 1 for singulars).
type durUnit struct {
	letter string
	clock  bool
	count  int
	plural bool
}

var durUnits = func() map[string]durUnit {
	m := map[string]durUnit{}
	add := func(letter string, clock bool, sing, acc, dual, plural string) {
		for _, w := range strings.Fields(sing) {
			m[w] = durUnit{letter, clock, 1, false}
		}
		for _, w := range strings.Fields(acc) {
			m[w] = durUnit{letter, clock, 1, false}
		}
		for _, w := range strings.Fields(dual) {
			m[w] = durUnit{letter, clock, 2, false}
		}
		for _, w := range strings.Fields(plural) {
			m[w] = durUnit{letter, clock, 0, true}
		}
	}
	add("S", true, "ثانيه", "", "ثانيتين ثانيتان", "ثوان ثواني ثواني الثواني")
	add("M", true, "دقيقه", "", "دقيقتين دقيقتان", "دقائق الدقائق")
	add("H", true, "ساعه", "", "ساعتين ساعتان", "ساعات الساعات")
	add("D", false, "يوم", "يوما", "يومين يومان", "ايام الايام")
	add("W", false, "اسبوع", "اسبوعا", "اسبوعين اسبوعان", "اسابيع الاسابيع")
	add("M", false, "شهر", "شهرا", "شهرين شهران", "اشهر شهور الاشهر الشهور")
	add("Y", false, "سنه عام", "عاما سنه", "سنتين سنتان عامين عامان", "سنوات سنين اعوام اعوام السنوات السنين الاعوام")
	add("DE", false, "عقد", "عقدا", "عقدين عقدان", "عقود العقود")
	add("CE", false, "قرن", "قرنا", "قرنين قرنان", "قرون القرون")
	return m
}()

func durValue(n float64, u durUnit) string {
	num := strconv.FormatFloat(n, 'f', -1, 64)
	if u.clock {
		return "PT" + num + u.letter
	}
	switch u.letter {
	case "DE":
		return "P" + strconv.FormatFloat(n*10, 'f', -1, 64) + "Y"
	case "CE":
		return "P" + strconv.FormatFloat(n*100, 'f', -1, 64) + "Y"
	}
	return "P" + num + u.letter
}

// durationAt reads a duration at token i: ثلاثة أيام, 48 ساعة, يومين,
// عاما كاملا, ساعة ونصف, نصف ساعة, بضعة أيام.
func (p *parser) durationAt(i int, w0 string) (val string, u durUnit, n float64, j int, ok bool) {
	// dual or singular unit alone
	if du, found := durUnits[w0]; found {
		switch {
		case du.count == 2 && (p.wordIs(i+1, "ونصف", "ونص") || p.wordIs(i+1, "و") && p.wordIs(i+2, "نصف")):
			k := i + 2
			if p.wordIs(i+1, "و") {
				k = i + 3
			}
			if du.letter == "H" && du.clock {
				return "PT2H30M", du, 2.5, k, true
			}
			return durValue(2.5, du), du, 2.5, k, true
		case du.count == 2:
			return durValue(2, du), du, 2, i + 1, true
		case du.count == 1 && p.wordIs(i+1, "كاملا", "كامله", "كاملين", "بكامله", "كامل", "واحدا", "واحده", "واحد"):
			return durValue(1, du), du, 1, i + 2, true
		case du.count == 1 && (p.wordIs(i+1, "ونصف", "ونص") || p.wordIs(i+1, "و") && p.wordIs(i+2, "نصف")):
			k := i + 2
			if p.wordIs(i+1, "و") {
				k = i + 3
			}
			if du.letter == "H" && du.clock {
				return "PT1H30M", du, 1.5, k, true
			}
			return durValue(1.5, du), du, 1.5, k, true
		case du.count == 1 && p.wordIs(i-1, "لمده", "مده", "طوال", "طيله", "قرابه", "نحو", "حوالي"):
			return durValue(1, du), du, 1, i + 1, true
		}
		return "", du, 0, i, false
	}
	if w0 == "نصف" || w0 == "نص" {
		if du, found := durUnits[p.w(i+1)]; found && du.count == 1 {
			if du.letter == "H" && du.clock {
				return "PT30M", du, 0.5, i + 2, true
			}
			return durValue(0.5, du), du, 0.5, i + 2, true
		}
	}
	if w0 == "بضعه" || w0 == "بضع" || w0 == "عده" {
		if du, found := durUnits[p.w(i+1)]; found && du.plural {
			return "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter, du, 0, i + 2, true
		}
		return "", durUnit{}, 0, i, false
	}
	var v float64
	var k int
	var numOK bool
	if i < len(p.toks) && p.toks[i].kind == tNum {
		v, k, _, numOK = p.numAt(i)
	} else {
		if nw, ok := p.numWordAt(i, false); !ok || nw.class == "ord" || nw.class == "ordten" {
			return "", durUnit{}, 0, i, false
		}
		v, k, numOK = p.cardinalAt(i)
	}
	if !numOK {
		return "", durUnit{}, 0, i, false
	}
	if p.wordIs(k, "ال", "الـ") {
		k++
	}
	du, found := durUnits[p.w(k)]
	if !found || du.count == 2 {
		return "", durUnit{}, 0, i, false
	}
	end := k + 1
	if p.wordIs(end, "ونصف", "ونص") {
		v += 0.5
		end++
	}
	return durValue(v, du), du, v, end, true
}

// durationRule: a duration, or قبل + duration (three days ago: a DATE), or
// the last/next N units (الأيام الثلاثة الماضية, الـ24 ساعة الماضية).
func (p *parser) durationRule(i int, w0 string) (match, bool) {
	if w0 == "قبل" {
		val, du, n, j, ok := p.durationAt(i+1, p.w(i+1))
		if u, found := durUnits[p.w(i+1)]; !ok && found && u.count == 1 {
			val, du, n, j, ok = durValue(1, u), u, 1, i+2, true
		}
		if ok && n == float64(int(n)) && !du.clock {
			return p.agoMatch(i, j, du, int(n)), true
		}
		if ok {
			return match{i: i, j: j, typ: DURATION, val: val, mod: "BEFORE"}, true
		}
		return match{}, false
	}
	if w0 == "بعد" {
		val, du, n, j, ok := p.durationAt(i+1, p.w(i+1))
		if !ok || du.clock || n != float64(int(n)) {
			return match{}, false
		}
		if p.wordIs(j, "من") && !p.wordIs(j+1, "الان") {
			return match{}, false // بعد ثلاثة أيام من الهجوم: counted from an event
		}
		m := p.agoMatch(i, j, du, -int(n))
		if p.wordIs(j, "من") && p.wordIs(j+1, "الان") {
			m.j = j + 2
		}
		_ = val
		return m, true
	}
	// الأسابيع القليلة الماضية
	if du, found := durUnits[w0]; found && du.plural && strings.HasPrefix(w0, "ال") && p.wordIs(i+1, "القليله", "الاخيره") && (pastWords[p.w(i+2)] || nextWords[p.w(i+2)]) {
		return match{i: i, j: i + 3, typ: DURATION, val: "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter}, true
	}
	// الأيام الثلاثة الماضية, الساعات الـ24 الماضية
	if du, found := durUnits[w0]; found && du.plural && strings.HasPrefix(w0, "ال") {
		k := i + 1
		if p.wordIs(k, "ال", "الـ") {
			k++
		}
		var v float64
		var ok bool
		var k2 int
		if k < len(p.toks) && p.toks[k].kind == tNum {
			v, k2, _, ok = p.numAt(k)
		} else {
			v, k2, ok = p.cardinalAt(k)
		}
		if ok && (pastWords[p.w(k2)] || nextWords[p.w(k2)]) {
			return match{i: i, j: k2 + 1, typ: DURATION, val: durValue(v, du)}, true
		}
		if pastWords[p.w(i+1)] || nextWords[p.w(i+1)] {
			return match{i: i, j: i + 2, typ: DURATION, val: "P" + map[bool]string{true: "T", false: ""}[du.clock] + "X" + du.letter}, true
		}
		return match{}, false
	}
	// الـ24 ساعة الماضية
	if (w0 == "ال" || w0 == "الـ") && i+1 < len(p.toks) && p.toks[i+1].kind == tNum {
		if val, _, _, j, ok := p.durationAt(i+1, p.w(i+1)); ok {
			if pastWords[p.w(j)] || nextWords[p.w(j)] {
				j++
			}
			return match{i: i, j: j, typ: DURATION, val: val}, true
		}
	}
	val, _, _, j, ok := p.durationAt(i, w0)
	if !ok {
		return match{}, false
	}
	if pastWords[p.w(j)] || nextWords[p.w(j)] {
		j++
	}
	return match{i: i, j: j, typ: DURATION, val: val}, true
}

// agoMatch resolves "N units ago" against the publication date.
func (p *parser) agoMatch(i, j int, du durUnit, n int) match {
	m := match{i: i, j: j, typ: DATE}
	if !p.known {
		m.rel = fmt.Sprintf("%+d%s", -n, du.letter)
		return m
	}
	a := p.anchor
	switch du.letter {
	case "D":
		d := a.AddDate(0, 0, -n)
		m.val, m.grain = d.Format("2006-01-02"), gDay
	case "W":
		d := a.AddDate(0, 0, -7*n)
		m.val, m.grain = d.Format("2006-01-02"), gDay
	case "M":
		d := a.AddDate(0, -n, 0)
		m.val, m.grain = d.Format("2006-01"), gMonth
	case "Y":
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-n), gYear
	case "DE":
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-10*n), gYear
	default:
		m.val, m.grain = fmt.Sprintf("%04d", a.Year()-100*n), gYear
	}
	m.mod = "APPROX"
	if du.letter == "D" || du.letter == "W" {
		m.mod = ""
	}
	return m
}

// setRule: كل يوم, كل أسبوع, كل يوم اثنين, كل ثلاثة أسابيع, يوميا, سنويا.
func (p *parser) setRule(i int, w0 string) (match, bool) {
	switch w0 {
	case "يوميا":
		return match{i: i, j: i + 1, typ: SET, val: "P1D"}, true
	case "اسبوعيا":
		return match{i: i, j: i + 1, typ: SET, val: "P1W"}, true
	case "شهريا":
		return match{i: i, j: i + 1, typ: SET, val: "P1M"}, true
	case "سنويا", "عاما":
		if w0 == "عاما" {
			return match{}, false
		}
		return match{i: i, j: i + 1, typ: SET, val: "P1Y"}, true
	case "كل":
	default:
		return match{}, false
	}
	k := i + 1
	if p.wordIs(k, "يوم") {
		if wd, ok := lex().weekdays[p.w(k+1)]; ok {
			return match{i: i, j: k + 2, typ: SET, val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
		}
	}
	if wd, ok := lex().weekdays[p.w(k)]; ok {
		return match{i: i, j: k + 1, typ: SET, val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
	}
	if p.wordIs(k, "صباح") {
		return match{i: i, j: k + 1, typ: SET, val: "XXXX-XX-XXTMO"}, true
	}
	if p.wordIs(k, "مساء", "ليله") {
		return match{i: i, j: k + 1, typ: SET, val: "XXXX-XX-XXTEV"}, true
	}
	if du, ok := durUnits[p.w(k)]; ok && du.count >= 1 {
		return match{i: i, j: k + 1, typ: SET, val: durValue(float64(du.count), du)}, true
	}
	if val, _, _, j, ok := p.durationAt(k, p.w(k)); ok {
		return match{i: i, j: j, typ: SET, val: val}, true
	}
	return match{}, false
}

// nowRule: الآن, حاليا, في هذه اللحظة → PRESENT_REF.
func (p *parser) nowRule(i int, w0 string) (match, bool) {
	switch w0 {
	case "الان", "حاليا", "حالا":
		return match{i: i, j: i + 1, typ: DATE, val: "PRESENT_REF"}, true
	case "هذه":
		if p.wordIs(i+1, "اللحظه") {
			return match{i: i, j: i + 2, typ: DATE, val: "PRESENT_REF"}, true
		}
	}
	return match{}, false
}

// holidays with a fixed Hijri date (source: the Arabic Wikipedia articles
// on each feast) and with a fixed Gregorian date.
var hijriHolidays = map[[2]string][2]int{
	{"عيد", "الفطر"}:   {10, 1},
	{"عيد", "الاضحي"}:  {12, 10},
	{"يوم", "عرفه"}:    {12, 9},
	{"المولد", "النبوي"}: {3, 12},
}

// holidayRule: عيد الفطر, عيد الأضحى, رأس السنة الهجرية, عيد الميلاد, each
// with an optional year, resolved to the occurrence in that Gregorian year
// (the publication year when none is written).
func (p *parser) holidayRule(i int, w0 string) (match, bool) {
	var hm, hd int
	j := i + 2
	isHijri := true
	gm, gd := 0, 0
	if hd2, ok := hijriHolidays[[2]string{w0, p.w(i + 1)}]; ok {
		hm, hd = hd2[0], hd2[1]
	} else if w0 == "راس" && p.wordIs(i+1, "السنه") && p.wordIs(i+2, "الهجريه") {
		hm, hd, j = 1, 1, i+3
	} else if w0 == "راس" && p.wordIs(i+1, "السنه") && p.wordIs(i+2, "الميلاديه") {
		isHijri, gm, gd, j = false, 1, 1, i+3
	} else if w0 == "عيد" && p.wordIs(i+1, "الفصح") {
		isHijri, gm, gd = false, -1, -1
	} else if w0 == "عيد" && p.wordIs(i+1, "الميلاد") {
		isHijri, gm, gd = false, 12, 25
		if p.wordIs(j, "المجيد") {
			j++
		}
	} else {
		return match{}, false
	}
	year := 0
	if y, k, _, ok := p.yearAfter(j); ok && y >= 1900 {
		year, j = y, k
	}
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	if year == 0 {
		if !p.known {
			m.rel = "HOLIDAY"
			return m, true
		}
		year = p.anchor.Year()
	}
	if !isHijri {
		if gm < 0 {
			e := easter(year)
			gm, gd = int(e.Month()), e.Day()
		}
		m.y, m.m, m.d = year, gm, gd
		m.val = fmt.Sprintf("%04d-%02d-%02d", year, gm, gd)
		return m, true
	}
	h, err := hijriOf(dateOf(year, 1, 1))
	if err != nil {
		m.reason = err.Error()
		return m, true
	}
	for _, hy := range []int{h, h + 1} {
		g, err := hijriToGregorian(hy, hm, hd)
		if err == nil && g.Year() == year {
			m.y, m.m, m.d = g.Year(), int(g.Month()), g.Day()
			m.val = g.Format("2006-01-02")
			return m, true
		}
	}
	m.reason = "holiday not found in that year"
	return m, true
}
