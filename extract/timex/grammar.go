package timex

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	hijri "github.com/hablullah/go-hijri"
)

// match is one recognized expression: tokens [i, j), pre bytes of a
// proclitic to skip at the start, and the resolved TIMEX3 fields.
type match struct {
	i, j   int
	pre    int
	typ    string
	val    string
	mod    string
	rel    string
	reason string
	// date parts, kept so that a clock time can attach to a date
	y, m, d int
	grain   int
	// relMonth: the month was not written (الجمعة 15), so a weekday may
	// move the date to a nearby month
	relMonth bool
	// extra holds the first end of a range (13 الى 15 تموز), which takes
	// its month and year from the second
	extra []match
}

// grains of a resolved value
const (
	gNone = iota
	gCentury
	gDecade
	gYear
	gMonth
	gWeek
	gDay
)

// parser holds one text being analysed.
type parser struct {
	text   string
	toks   []tok
	anchor time.Time // publication date (midnight UTC); zero when unknown
	known  bool
}

func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].norm
}

// wc returns token i without a glued conjunction و.
func (p *parser) wc(i int) string {
	w := p.w(i)
	if len(w) > len("و")+2 && strings.HasPrefix(w, "و") {
		return w[len("و"):]
	}
	return w
}

func (p *parser) punct(i int, set string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && strings.Contains(set, p.toks[i].norm)
}

func (p *parser) adjacent(i int) bool { // token i touches token i-1
	return i < len(p.toks) && !p.toks[i].space
}

// run scans the whole text and returns the matches in order.
func (p *parser) run() []match {
	var out []match
	for i := 0; i < len(p.toks); {
		if m, ok := p.at(i); ok {
			if n := len(out); n > 0 && m.typ == TIME && len(m.extra) == 1 && m.extra[0].typ == TIME && out[n-1].j == m.extra[0].i-1 {
				// الأحد 5 فيفري 2017 من الساعة الثامنة إلى الثانية: the
				// hours of a range are on the day written before it
				if d := out[n-1]; d.typ == DATE && d.grain == gDay {
					p.redate(&m, d)
					p.redate(&m.extra[0], d)
				}
			}
			out = append(out, m.extra...)
			m.extra = nil
			out = append(out, m)
			i = m.j
			continue
		}
		i++
	}
	return out
}

// at tries every rule at token i, with and without a proclitic, and keeps
// the longest match.
func (p *parser) at(i int) (match, bool) {
	t := p.toks[i]
	var best match
	found := false
	try := func(w0 string, pre int) {
		rs := rules
		if r, ok := narrowRules[w0]; ok {
			rs = r // frequent function words start only a few patterns
		}
		for _, rule := range rs {
			if m, ok := rule(p, i, w0); ok && (!found || m.j > best.j) {
				if m.i == i {
					m.pre = pre
				}
				for k := range m.extra {
					if m.extra[k].i == i {
						m.extra[k].pre = pre
					}
				}
				best, found = m, true
			}
		}
	}
	switch t.kind {
	case tNum:
		try(t.norm, 0)
	case tWord:
		if !hasTrigger(triggers(), t.norm) {
			return match{}, false
		}
		for _, b := range bases(p.text, t) {
			if triggers()[b.norm] {
				try(b.norm, b.prefix)
				if found && b.prefix == 0 {
					break
				}
			}
		}
	default:
		return match{}, false
	}
	if found {
		found = p.attach(&best)
		// يوم before a weekday name stays outside the expression, as in
		// the Arabic specs of Recognizers-Text
		// (a date only: a weekday with a part of day or a clock time keeps
		// it, يوم الثلاثاء في الصباح الباكر)
		if best.i+1 < best.j && isWeekday(p.w(best.i+1)) && best.typ == DATE {
			if p.toks[best.i].norm == "يوم" || strings.HasSuffix(p.toks[best.i].norm, "يوم") && best.pre > 0 {
				best.i++
				best.pre = 0
			}
		}
	}
	return best, found
}

// redate moves a clock time that took the publication day by default
// (2017-02-05T08:00 from anchor-dayTHH:MM, or P0DTHH:MM) onto day d.
func (p *parser) redate(m *match, d match) {
	switch {
	case m.val != "" && d.val != "" && p.known && strings.HasPrefix(m.val, p.anchor.Format("2006-01-02")+"T"):
		m.val = d.val + m.val[len("2006-01-02"):]
	case m.val == "" && d.rel != "" && strings.HasPrefix(m.rel, "P0DT"):
		m.rel = d.rel + m.rel[len("P0D"):]
	case m.val == "" && d.val != "" && strings.HasPrefix(m.rel, "P0DT"):
		m.val, m.rel = d.val+m.rel[len("P0D"):], ""
	}
}

// rules are tried in order at every candidate token; the longest wins.
var rules []func(p *parser, i int, w0 string) (match, bool)

// narrowRules limits the rules tried at frequent function words.
var narrowRules map[string][]func(p *parser, i int, w0 string) (match, bool)

func init() {
	narrowRules = map[string][]func(p *parser, i int, w0 string) (match, bool){
		"في":  {(*parser).earlyLateRule},
		"من":  {(*parser).timeRangeRule},
		"بين": {(*parser).timeRangeRule},
	}
	rules = []func(p *parser, i int, w0 string) (match, bool){
		(*parser).dateRule,
		(*parser).relDayRule,
		(*parser).weekdayRule,
		(*parser).monthRule,
		(*parser).partOfDayRule,
		(*parser).clockRule,
		(*parser).unitRelRule,
		(*parser).modRule,
		(*parser).yearRule,
		(*parser).decadeRule,
		(*parser).durationRule,
		(*parser).setRule,
		(*parser).holidayRule,
		(*parser).nowRule,
		(*parser).nthWeekdayRule,
		(*parser).dayOfMonthRule,
		(*parser).approxRule,
		(*parser).rangeRule,
		(*parser).boundRule,
		(*parser).seasonRule,
		(*parser).quarterRule,
		(*parser).weekendRule,
		(*parser).throughoutRule,
		(*parser).earlyLateRule,
		(*parser).timeRangeRule,
		(*parser).dayPartRule,
		(*parser).weekThenDayRule,
		(*parser).bareDayRule,
		(*parser).minuteOffsetRule,
		(*parser).weekOfRule,
		(*parser).nextDayRule,
	}
}

// Word lists of the grammar (folded forms).
var (
	dayUnits  = map[string]string{"يوم": "D", "اليوم": "D", "ايام": "D", "الايام": "D", "يوما": "D", "يومين": "D2", "يومان": "D2"}
	pastWords = map[string]bool{"الماضي": true, "الماضيه": true, "الماض": true, "المنصرم": true, "المنصرمه": true, "الفائت": true, "الفايت": true, "السابق": true, "السابقه": true, "الاخير": true, "الاخيره": true}
	nextWords = map[string]bool{"المقبل": true, "المقبله": true, "القادم": true, "القادمه": true, "التالي": true, "التاليه": true, "الجاي": true, "الآتي": true, "الاتي": true}
	curWords  = map[string]bool{"الحالي": true, "الحاليه": true, "الجاري": true, "الجاريه": true}
)

// triggers are the folded words that can start an expression.
var triggers = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	l := lex()
	for k := range l.months {
		m[k] = true
	}
	for k := range l.hijri {
		m[k] = true
	}
	for k := range l.months2 {
		m[k[0]] = true
	}
	for k := range l.hijri2 {
		m[k[0]] = true
	}
	for k := range l.weekdays {
		m[k] = true
	}
	for k, v := range l.numbers {
		m[k] = true
		if v.class != "ord" && v.class != "ordten" {
			m["ال"+k] = true
		}
	}
	for w := range durUnits {
		m[w] = true
	}
	for w := range decadeWords {
		m[w] = true
	}
	for w := range modWords {
		m[w] = true
	}
	for w := range holidays() {
		m[w] = true
	}
	for _, w := range strings.Fields(`يوم اليوم امس البارحه غدا غد الغد بكره بكرا اول بعد قبل صباح مساء فجر ظهر عصر ليل ليله الليله ظهيره
		صباحا مساء الساعه ساعه الاسبوع الشهر العام السنه الاسابيع الاشهر الشهور الاعوام السنوات هذا هذه
		نهايه اواخر اوائل مطلع بدايه مستهل منتصف اواسط اوسط اخر عام سنه لعام خلال القرن الخمسينات الستينات
		السبعينات الثمانينات التسعينات العشرينات الثلاثينات الاربعينات الخمسينيات الستينيات السبعينيات الثمانينيات التسعينيات العشرينيات الثلاثينيات الاربعينيات
		ثانيه ثوان ثواني دقيقه دقائق دقيقتين دقيقتان ساعات ساعتين ساعتان ايام يومين يومان يوما اسبوع اسابيع اسبوعين اسبوعان اسبوعا شهر اشهر شهور شهرين شهران شهرا
		سنوات سنين سنتين سنتان اعوام عامين عامان عاما عقد عقود عقدين عقدا قرن قرون قرنين قرنا كل يوميا اسبوعيا شهريا سنويا
		عيد راس الان حدود اكثر اقل بضع بضعه عده الصيف الشتاء الربيع الخريف صيف شتاء ربيع خريف الربع عطله طوال الامس وقت في من بين العقد العقدين الشهرين العامين الاسبوعين اليومين ايام الظهر الظهيره زهاء ثان ثالث رابع خامس اخير حاليا حالا شهر منذ بحلول حتى الاسبوعين قرابه حوالي نحو
		الصباح الصبح المساء الليل الامسيات الامسيه النهار اوائل بدايه الفاتح الفصل النصف`) {
		m[w] = true
	}
	return m
})

// ---- dates ----

// monthAt reads a Gregorian month name (one or two words, or شهر + number)
// at token i, with w0 the folded first word (proclitic removed).
func (p *parser) monthAt(i int, w0 string) (month, j int, ok bool) {
	l := lex()
	if l.multiFirst[w0] {
		if m, ok := l.months2[[2]string{w0, p.w(i + 1)}]; ok {
			return m, i + 2, true
		}
	}
	if m, ok := l.months[w0]; ok {
		return m, i + 1, true
	}
	return 0, i, false
}

// hijriMonthAt reads a Hijri month name at token i.
func (p *parser) hijriMonthAt(i int, w0 string) (month, j int, ok bool) {
	l := lex()
	if l.multiFirst[w0] {
		if m, ok := l.hijri2[[2]string{w0, p.w(i + 1)}]; ok {
			return m, i + 2, true
		}
	}
	if m, ok := l.hijri[w0]; ok {
		return m, i + 1, true
	}
	return 0, i, false
}

// pairedMonth skips a second name of the same month written beside the
// first: يوليو/ تموز, تموز (يوليو), حزيران - يونيو.
func (p *parser) pairedMonth(j, month int) int {
	k := j
	open := false
	if m2, k2, ok := p.monthAt(k, p.w(k)); ok && m2 == month {
		return k2 // يونيو حزيران, written side by side
	}
	switch {
	case p.punct(k, "/"), p.punct(k, "-"):
		k++
	case p.punct(k, "("):
		open = true
		k++
	default:
		return j
	}
	m2, k2, ok := p.monthAt(k, p.w(k))
	if !ok || m2 != month {
		return j
	}
	if open {
		if !p.punct(k2, ")") {
			return j
		}
		k2++
	}
	return k2
}

// yearAfter reads an optional year after a month: 2021, ، 2021, من عام
// 2021, لعام 2021, سنة 2021, and an era marker (م, هـ).
func (p *parser) yearAfter(j int) (year, k int, hijriYear, ok bool) {
	k = j
	if p.punct(k, ",،") {
		k++
	}
	if p.wordIs(k, "من", "في") && p.wordIs(k+1, "عام", "العام", "سنه") {
		k += 2
	} else if p.wordIs(k, "بعام", "بسنه") {
		k++
	} else if p.wordIs(k, "عام", "العام", "سنه", "لعام", "لسنه") {
		k++
	}
	if y, k2, ok := p.wordYearAt(k); ok {
		h, k3 := p.eraAt(k2)
		return y, k3, h == "H", true
	}
	if k >= len(p.toks) || p.toks[k].kind != tNum || len(p.toks[k].norm) > 4 || len(p.toks[k].norm) < 2 {
		return 0, j, false, false
	}
	y, _ := strconv.Atoi(p.toks[k].norm)
	if len(p.toks[k].norm) == 2 && k > j {
		return 0, j, false, false
	}
	if len(p.toks[k].norm) == 3 || (len(p.toks[k].norm) == 2 && k == j) {
		return 0, j, false, false
	}
	k++
	// ٢٠٢١م, 1442هـ, 1442 هـ, 1442 للهجرة
	h, k2 := p.eraAt(k)
	return y, k2, h == "H", true
}

// eraAt reads an era marker at token k: "H" for Hijri, "G" for Gregorian.
func (p *parser) eraAt(k int) (string, int) {
	w := p.w(k)
	switch w {
	case "هـ", "ه", "هجري", "هجريه", "للهجره", "الهجري", "الهجريه":
		return "H", k + 1
	case "م", "ميلادي", "ميلاديه", "للميلاد", "الميلادي", "الميلاديه":
		return "G", k + 1
	}
	return "", k
}

// dayAt reads a day of the month at token i: digits 1-31, an ordinal
// (الأول, الحادي والعشرين) or a cardinal word.
func (p *parser) dayAt(i int) (day, j int, ok bool) {
	if i < len(p.toks) && p.toks[i].kind == tNum {
		if len(p.toks[i].norm) > 2 || (i+1 < len(p.toks) && !p.toks[i+1].space && p.punct(i+1, "/-.:")) {
			return 0, i, false
		}
		d, _ := strconv.Atoi(p.toks[i].norm)
		if d < 1 || d > 31 {
			return 0, i, false
		}
		return d, i + 1, true
	}
	if v, j, ok := p.ordinalAt(i); ok && v <= 31 {
		return v, j, true
	}
	if p.wordIs(i, "الفاتح") && p.wordIs(i+1, "من") {
		return 1, i + 1, true // الفاتح من جانفي: the first, in Maghrebi usage
	}
	return 0, i, false
}

// weekdayAt reads [يوم] weekday at token i.
func (p *parser) weekdayAt(i int, w0 string) (wd, j int, ok bool) {
	if w0 == "يوم" {
		if wd, ok := lex().weekdays[p.w(i+1)]; ok {
			return wd, i + 2, true
		}
		return 0, i, false
	}
	if wd, ok := lex().weekdays[w0]; ok {
		return wd, i + 1, true
	}
	return 0, i, false
}

// dateRule: [weekday [،]] (day [من] [شهر] month | month day | numeric)
// [year [era]], Hijri dates included.
func (p *parser) dateRule(i int, w0 string) (match, bool) {
	wd, j, hasWD := p.weekdayAt(i, w0)
	start := i
	if hasWD {
		// الاثنين 18 شباط, الأربعاء، 13 شباط, الخميس الموافق 14 شهر شباط, يوم الجمعة
		if p.punct(j, ",،") {
			j++
		}
		if p.wordIs(j, "الموافق", "في", "بتاريخ") {
			j++
		}
		if p.wordIs(j, "يوم") {
			j++
		}
	} else {
		j = i
	}
	m, ok := p.dayMonthYear(j, hasWD)
	if !ok {
		return match{}, false
	}
	m.i = start
	if hasWD && m.grain == gDay && m.m > 0 && m.d > 0 {
		m = p.weekdayYear(m, wd, j)
	}
	if hasWD && m.grain == gDay && m.y > 0 {
		if d := time.Date(m.y, time.Month(m.m), m.d, 0, 0, 0, 0, time.UTC); d.Weekday() != time.Weekday(wd) && m.val != "" {
			m.reason = fmt.Sprintf("weekday does not match: %s is a %s", m.val, d.Weekday())
		}
	}
	return m, true
}

// dayMonthYear reads the date part after an optional weekday.
func (p *parser) dayMonthYear(i int, hasWD bool) (match, bool) {
	if i >= len(p.toks) {
		return match{}, false
	}
	if p.toks[i].kind == tNum {
		if m, ok := p.numericDate(i); ok {
			return m, true
		}
	}
	w0 := p.w(i)
	// day first
	if day, j, ok := p.dayAt(i); ok {
		k := j
		if p.wordIs(k, "من") {
			k++
		}
		if p.wordIs(k, "شهر") {
			k++
		}
		if mo, k2, ok := p.monthAt(k, p.w(k)); ok {
			k2 = p.pairedMonth(k2, mo)
			return p.finishDate(i, k2, day, mo, false), true
		}
		if mo, k2, ok := p.hijriMonthAt(k, p.w(k)); ok {
			return p.finishDate(i, k2, day, mo, true), true
		}
		if p.wordIs(k, "الشهر") && k > j {
			// 29 من الشهر الثامن: the month by its number
			if mo, k2, ok := p.monthNumAt(k+1, true); ok {
				return p.finishDate(i, k2, day, mo, false), true
			}
		}
		if (p.wordIs(j, "من") || k > j) && p.wordIs(k, "هذا") && p.wordIs(k+1, "الشهر") {
			return p.finishRelMonthDay(i, k+2, day, 0), true
		}
		if j < len(p.toks) && p.wordIs(j, "من") && p.wordIs(j+1, "الشهر") {
			if d, k3, ok := p.relUnit(j+1, "الشهر"); ok {
				return p.finishRelMonthDay(i, k3, day, d), true
			}
		}
		if hasWD && p.toks[i].kind == tWord {
			// السبت السادس عشر: a weekday with the day of the current month
			return p.finishRelMonthDay(i, j, day, 0), true
		}
		if hasWD && p.toks[i].kind == tNum && (j >= len(p.toks) || p.toks[j].kind == tPunct && !p.punct(j, "/-.:") ||
			p.wordIs(j, "مع", "في", "من", "علي", "الي", "حتي", "عند", "و", "الساعه", "صباحا", "مساء")) {
			// الأربعاء 27, الجمعة 15: the day of a nearby month (the current one
			// when the weekday fits it)
			return p.finishWeekdayDay(i, j, day), true
		}
		return match{}, false
	}
	// month first
	if mo, j, ok := p.monthAt(i, w0); ok {
		j = p.pairedMonth(j, mo)
		if j < len(p.toks) && (p.toks[j].kind == tNum && len(p.toks[j].norm) <= 2 || p.ordinalOK(j)) {
			// يناير 1, أكتوبر 14, مايو الحادي عشر (month before day)
			if d, k, ok := p.dayAt(j); ok {
				if y, k2, _, ok := p.yearAfter(k); ok {
					return p.ymdMatch(i, k2, y, mo, d, false), true
				}
				return p.finishDate(i, k, d, mo, false), true
			}
		}
		return match{}, false
	}
	return match{}, false
}

// finishDate completes day + month with an optional year.
func (p *parser) finishDate(i, j, day, mo int, isHijri bool) match {
	if y, k, h, ok := p.yearAfter(j); ok {
		if isHijri || h {
			return p.hijriMatch(i, k, y, mo, day)
		}
		return p.ymdMatch(i, k, y, mo, day, false)
	}
	if isHijri {
		// no year: the occurrence nearest the publication date
		m := match{i: i, j: j, typ: DATE, grain: gDay}
		if !p.known {
			m.rel = fmt.Sprintf("HIJRI-%02d-%02d", mo, day)
			return m
		}
		h, err := hijriOf(p.anchor)
		if err != nil {
			m.reason = err.Error()
			return m
		}
		best := time.Time{}
		for _, hy := range []int{h - 1, h, h + 1} {
			if g, err := hijriToGregorian(hy, mo, day); err == nil && (best.IsZero() || absDays(g, p.anchor) < absDays(best, p.anchor)) {
				best = g
			}
		}
		if best.IsZero() {
			m.reason = fmt.Sprintf("no such Hijri day: %d/%d", day, mo)
			return m
		}
		m.y, m.m, m.d = best.Year(), int(best.Month()), best.Day()
		m.val = best.Format("2006-01-02")
		return m
	}
	// no year: the one the publication date and the tense make plausible;
	// الماضي / المقبل after the date settle the direction
	dir, j := p.dirAfter(j)
	m := match{i: i, j: j, typ: DATE, grain: gDay, m: mo, d: day}
	if !validDay(2000, mo, day) { // 2000 is a leap year: only impossible days fail
		m.reason = fmt.Sprintf("no such day: %d/%d", day, mo)
		return m
	}
	if !p.known {
		m.val = fmt.Sprintf("XXXX-%02d-%02d", mo, day)
		return m
	}
	y := p.inferYearDir(mo, day, i, j, dir)
	if !validDay(y, mo, day) {
		m.reason = fmt.Sprintf("no such day: %d/%d/%d", day, mo, y)
		return m
	}
	m.y = y
	m.val = fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
	return m
}

// finishRelMonthDay: a day of the current (or a relative) month.
func (p *parser) finishRelMonthDay(i, j, day, off int) match {
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	if !p.known {
		m.rel = fmt.Sprintf("P%dM-%02d", off, day)
		return m
	}
	a := p.anchor.AddDate(0, off, 0)
	if !validDay(a.Year(), int(a.Month()), day) {
		m.reason = fmt.Sprintf("no such day: %d/%d/%d", day, a.Month(), a.Year())
		return m
	}
	m.y, m.m, m.d = a.Year(), int(a.Month()), day
	m.val = fmt.Sprintf("%04d-%02d-%02d", m.y, m.m, day)
	return m
}

func (p *parser) ymdMatch(i, j, y, mo, d int, _ bool) match {
	m := match{i: i, j: j, typ: DATE, grain: gDay, y: y, m: mo, d: d}
	if y < 100 {
		y += 2000
		m.y = y
	}
	if !validDay(y, mo, d) {
		m.reason = fmt.Sprintf("no such day: %d/%d/%d", d, mo, y)
		return m
	}
	m.val = fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	return m
}

// hijriMatch converts a Hijri date (Umm al-Qura) to the Gregorian value.
func (p *parser) hijriMatch(i, j, y, mo, d int) match {
	m := match{i: i, j: j, typ: DATE, grain: gDay}
	g, err := hijriToGregorian(y, mo, d)
	if err != nil {
		m.reason = err.Error()
		return m
	}
	m.y, m.m, m.d = g.Year(), int(g.Month()), g.Day()
	m.val = g.Format("2006-01-02")
	return m
}

// hijriToGregorian converts an Umm al-Qura date, rejecting days the month
// does not have.
func hijriToGregorian(y, mo, d int) (time.Time, error) {
	if y < 1356 || y > 1500 {
		return time.Time{}, fmt.Errorf("Hijri year %d outside the Umm al-Qura table (1356-1500)", y)
	}
	if d < 1 || d > 30 || mo < 1 || mo > 12 {
		return time.Time{}, fmt.Errorf("no such Hijri day: %d/%d/%d", d, mo, y)
	}
	g := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(mo), Day: int64(d)}.ToGregorian()
	back, err := hijri.CreateUmmAlQuraDate(g)
	if err != nil {
		return time.Time{}, fmt.Errorf("convert Hijri %d/%d/%d: %w", d, mo, y, err)
	}
	if int(back.Day) != d || int(back.Month) != mo || int(back.Year) != y {
		return time.Time{}, fmt.Errorf("no such Hijri day: %d/%d/%d", d, mo, y)
	}
	return g, nil
}

// numericDate reads 27/7/2021, 27-07-2021, 2021-07-27, 27.7.2021, 27/7
// and 7/2021 (day before month, as Arabic media write them).
func (p *parser) numericDate(i int) (match, bool) {
	var parts []string
	sep := ""
	j := i
	for j < len(p.toks) && p.toks[j].kind == tNum && len(parts) < 3 {
		parts = append(parts, p.toks[j].norm)
		j++
		if len(parts) < 3 && j+1 < len(p.toks) && !p.toks[j].space && !p.toks[j+1].space && p.punct(j, "/-.") && p.toks[j+1].kind == tNum {
			if sep == "" {
				sep = p.toks[j].norm
			} else if sep != p.toks[j].norm {
				break
			}
			j++
			continue
		}
		break
	}
	if len(parts) < 2 || (sep == "." && len(parts) < 3) {
		return match{}, false
	}
	n := make([]int, len(parts))
	for k, s := range parts {
		n[k], _ = strconv.Atoi(s)
	}
	if len(parts) == 2 {
		switch {
		case len(parts[1]) == 4 && n[0] >= 1 && n[0] <= 12 && len(parts[0]) <= 2:
			m := match{i: i, j: j, typ: DATE, grain: gMonth, y: n[1], m: n[0]}
			m.val = fmt.Sprintf("%04d-%02d", n[1], n[0])
			return m, true
		case len(parts[0]) == 4 && len(parts[1]) <= 2 && n[1] >= 1 && n[1] <= 12 && sep == "/" && n[0] >= 1900 && n[0] <= 2100:
			// 2015/3: year first
			m := match{i: i, j: j, typ: DATE, grain: gMonth, y: n[0], m: n[1]}
			m.val = fmt.Sprintf("%04d-%02d", n[0], n[1])
			return m, true
		case len(parts[0]) <= 2 && len(parts[1]) <= 2 && sep == "/":
			d, mo := n[0], n[1]
			if mo > 12 && d <= 12 {
				d, mo = mo, d
			}
			if mo < 1 || mo > 12 || d < 1 || d > 31 {
				return match{}, false
			}
			return p.finishDate(i, j, d, mo, false), true
		}
		return match{}, false
	}
	var y, mo, d int
	switch {
	case len(parts[0]) == 4:
		y, mo, d = n[0], n[1], n[2]
	case len(parts[2]) == 4 || len(parts[2]) == 2:
		y, mo, d = n[2], n[1], n[0]
		if mo > 12 && d <= 12 {
			d, mo = mo, d
		}
	default:
		return match{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return match{}, false
	}
	// a Hijri era marker after a numeric date: 15/9/1442هـ
	if era, k := p.eraAt(j); era == "H" && y > 1300 && y < 1600 {
		return p.hijriMatch(i, k, y, mo, d), true
	} else if era == "G" {
		j = k
	}
	return p.ymdMatch(i, j, y, mo, d, false), true
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dirAfter reads الماضي / المقبل (and their synonyms) after a date
// without a year: -1 for past, +1 for next, 0 when absent.
func (p *parser) dirAfter(j int) (int, int) {
	w := p.w(j)
	switch {
	case pastWords[w] && w != "الاخير" && w != "الاخيره" && w != "السابق" && w != "السابقه":
		return -1, j + 1
	case nextWords[w] && w != "التالي" && w != "التاليه":
		return 1, j + 1
	case curWords[w]:
		return 2, j + 1 // الجاري: this year's
	}
	return 0, j
}

// inferYearDir is inferYear with a forced direction: -1 takes the latest
// occurrence before the publication date, +1 the first one after it.
func (p *parser) inferYearDir(mo, day, i, j, dir int) int {
	if dir == 0 {
		return p.inferYear(mo, day, i, j)
	}
	if dir == 2 {
		return p.anchor.Year()
	}
	a := p.anchor
	y := a.Year()
	d := day
	if !validDay(y, mo, d) {
		d = 28
	}
	t := dateOf(y, mo, d)
	if dir < 0 && !t.Before(a) {
		return y - 1
	}
	if dir > 0 && !t.After(a) {
		return y + 1
	}
	return y
}

// inferYear picks the year of a day and month written without one: the
// occurrence nearest the publication date, leaning to the past in past
// reporting and to the future when the context speaks of the future.
func (p *parser) inferYear(mo, day, i, j int) int {
	fut := p.future(i, j)
	best, bestCost := p.anchor.Year(), -1.0
	for y := p.anchor.Year() - 1; y <= p.anchor.Year()+1; y++ {
		dd := mo
		dayN := day
		if !validDay(y, dd, dayN) {
			dayN = 28
		}
		t := time.Date(y, time.Month(dd), dayN, 0, 0, 0, 0, time.UTC)
		diff := t.Sub(p.anchor).Hours() / 24
		cost := diff
		if diff < 0 {
			cost = -diff
			if fut {
				cost *= 3
			}
		} else if !fut {
			cost = diff*3 + 0.5
			if diff <= 7 {
				cost = diff // an upcoming day announced this week
			}
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// futureMarks are words that put a sentence in the future.
var futureMarks = map[string]bool{"سوف": true, "لن": true, "بحلول": true, "المقبل": true, "المقبله": true, "القادم": true, "القادمه": true, "سيتم": true, "ستتم": true, "غدا": true, "يعتزم": true, "تعتزم": true, "يتوقع": true, "ويتوقع": true, "المرتقب": true, "المرتقبه": true, "المزمع": true, "المقرر": true, "المنتظر": true,
	// a forecast: توقعت الأرصاد أن, من المتوقع أن
	"توقع": true, "توقعت": true, "تتوقع": true, "نتوقع": true, "اتوقع": true, "متوقع": true, "المتوقع": true, "يرتقب": true, "مرتقب": true}

// notFuture are frequent words that start with س without being future verbs.
var notFuture = map[string]bool{"ستة": true, "سته": true, "ستين": true, "ستون": true, "سنه": true, "سنوات": true, "سنين": true, "سنويا": true, "سنتين": true, "سياسه": true, "سياسي": true, "سياسيه": true, "سياسات": true, "سيطره": true, "سياره": true, "سيارات": true, "سياده": true, "سيد": true, "سيده": true, "سيناء": true, "ستمئه": true, "سيول": true, "سيناريو": true, "سير": true, "سيره": true, "ستار": true, "سنغافوره": true, "سيدي": true, "سينمائي": true, "سيئه": true, "ستراتيجي": true, "ستراتيجيه": true}

// future reports whether the words around tokens [i, j) of the sentence
// speak of the future.
func (p *parser) future(i, j int) bool {
	lo, hi := i-16, j+4
	if lo < 0 {
		lo = 0
	}
	if hi > len(p.toks) {
		hi = len(p.toks)
	}
	for k := i - 1; k >= lo; k-- {
		if p.punct(k, ".!?؟\n") {
			lo = k + 1
			break
		}
	}
	for k := j; k < hi; k++ {
		if p.punct(k, ".!?؟") {
			hi = k
			break
		}
	}
	for k := lo; k < hi; k++ {
		if k >= i && k < j {
			continue
		}
		w := p.toks[k].norm
		if futureMarks[w] || futureMarks[strings.TrimPrefix(w, "و")] {
			return true
		}
		if (w == "علي" || w == "وعلي") && p.wordIs(k+1, "ان") {
			return true // على أن + subjunctive: an arrangement to come
		}
		v := strings.TrimPrefix(w, "و")
		if p.toks[k].kind == tWord && len([]rune(v)) >= 5 && (strings.HasPrefix(v, "سي") || strings.HasPrefix(v, "ست") || strings.HasPrefix(v, "سن")) && !notFuture[v] {
			if _, isNum := lex().numbers[v]; !isNum {
				return true
			}
		}
	}
	return false
}

// weekdayYear checks a date written with its weekday. A date without a
// year takes the nearby year in which the weekday matches; a date whose
// day is an ordinal that does not fit the weekday is read as the n-th
// weekday of the month (الثلاثاء الثالث من أيلول).
func (p *parser) weekdayYear(m match, wd, dayTok int) match {
	if m.relMonth && p.known {
		for _, off := range []int{0, -1, 1, -2, 2} {
			a := time.Date(p.anchor.Year(), p.anchor.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
			if validDay(a.Year(), int(a.Month()), m.d) && dateOf(a.Year(), int(a.Month()), m.d).Weekday() == time.Weekday(wd) {
				m.y, m.m = a.Year(), int(a.Month())
				m.val = fmt.Sprintf("%04d-%02d-%02d", m.y, m.m, m.d)
				m.reason = ""
				return m
			}
		}
		return m
	}
	explicitYear := p.yearWritten(m)
	if !explicitYear && p.known {
		for _, y := range []int{m.y, m.y + 1, m.y - 1} {
			if validDay(y, m.m, m.d) && dateOf(y, m.m, m.d).Weekday() == time.Weekday(wd) {
				m.y = y
				m.val = fmt.Sprintf("%04d-%02d-%02d", y, m.m, m.d)
				return m
			}
		}
	}
	if m.y > 0 && validDay(m.y, m.m, m.d) && dateOf(m.y, m.m, m.d).Weekday() != time.Weekday(wd) &&
		dayTok < len(p.toks) && p.toks[dayTok].kind == tWord && m.d <= 5 {
		if d, ok := nthWeekday(m.y, m.m, wd, m.d); ok {
			m.d = d.Day()
			m.val = d.Format("2006-01-02")
		}
	}
	return m
}

// yearWritten reports whether the text of m contains a four-digit year.
func (p *parser) yearWritten(m match) bool {
	for k := m.i; k < m.j; k++ {
		if p.toks[k].kind == tNum && len(p.toks[k].norm) == 4 {
			return true
		}
	}
	return false
}

// finishWeekdayDay resolves a day of the month written only with its
// weekday: the current month when the weekday fits, else the nearest month
// where it does. weekdayYear checks the weekday afterwards.
func (p *parser) finishWeekdayDay(i, j, day int) match {
	m := p.finishRelMonthDay(i, j, day, 0)
	m.grain = gDay
	m.relMonth = true
	return m
}

// wordYearAt reads a year written in words: ألفين وعشرين, ألفان وثمانية
// عشر, and the spoken form تسعة عشر تسعة وتسعون (19 then 99).
func (p *parser) wordYearAt(k int) (int, int, bool) {
	if k >= len(p.toks) || p.toks[k].kind != tWord {
		return 0, k, false
	}
	if nw, ok := p.numWordAt(k, false); !ok || nw.class == "ord" || nw.class == "ordten" {
		return 0, k, false
	}
	v, j, ok := p.cardinalAt(k)
	if !ok {
		return 0, k, false
	}
	if v >= 1000 && v <= 2200 && v == float64(int(v)) {
		return int(v), j, true
	}
	if v >= 10 && v <= 20 {
		// تسعة عشر تسعة وتسعون: century then year of the century
		if w, j2, ok := p.cardinalAt(j); ok && w < 100 && w == float64(int(w)) {
			return int(v)*100 + int(w), j2, true
		}
		if p.wordIs(j, "و") || strings.HasPrefix(p.w(j), "و") {
			// تسعة عشر وثمانية وسبعين
			saved := p.toks[j].norm
			start := j
			if saved == "و" {
				start = j + 1
			} else {
				p.toks[j].norm = strings.TrimPrefix(saved, "و")
			}
			w, j2, ok := p.cardinalAt(start)
			p.toks[j].norm = saved
			if ok && w < 100 && w == float64(int(w)) {
				return int(v)*100 + int(w), j2, true
			}
		}
	}
	return 0, k, false
}
